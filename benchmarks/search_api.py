"""Search benchmark: /api/search/ and /sok/ with facets, broad and narrow queries, on the
database backend (SQLite and PostgreSQL) and, when SEARCH_URL names one, on the engine.

    .venv/bin/python benchmarks/search_api.py [--sizes 1000 10000] [--databases sqlite postgresql]
        [--backends database engine]

`make benchmark-search` starts the engine and PostgreSQL first. Each corpus lives in its own
database (SQLite files under .cache/benchmarks/, PostgreSQL databases search_<size>), generated
once and reused, and each (size, database) runs in a process of its own, so "first hit" is the
first search a freshly started server process answers, after the warm-up intranet/wsgi.py does
(timed too). Resident memory is read after the run.
"""

import argparse
import gc
import itertools
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "benchmarks"

# Broad: most of the corpus matches (browsing with facets, a word on about an eighth of it).
BROAD = [
    {"q": ""},
    {"q": "", "committee": "hagersten-liljeholmen", "status": "ongoing"},
    {"q": "Erfarenhetsutbyte"},
    {"q": "förskolan"},
    {"q": "", "theme": "forskola", "sort": "date", "page": "5"},
]
# Narrow: a few dozen matches or fewer, typos and compounds, filters on top.
NARROW = [
    {"q": "klimatanpassning Benchmarking"},
    {"q": "trafiksäkerhet", "orientation": "paverkan"},
    {"q": "helsngfors"},
    {"q": "kompetensutbyte", "sort": "date"},
    {"q": "stadsdelsnämnd", "type": "networknews", "year": "2015"},
]


def percentile(sorted_values, share):
    return sorted_values[max(0, round(share * len(sorted_values)) - 1)]


def resident_mib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def database_url(database, pages):
    if database == "sqlite":
        return f"sqlite:///{CACHE / f'search-{pages}.sqlite3'}"
    base = os.environ["POSTGRES_URL"].rsplit("/", 1)[0]
    return f"{base}/search_{pages}"


def run_size(pages, database, repetitions, backends):
    os.environ["DATABASE_URL"] = database_url(database, pages)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("MEDIA_ROOT", str(CACHE / "media"))
    os.environ.setdefault("SEARCH_INDEX_PREFIX", "benchmark_")
    sys.path.insert(0, str(REPO))
    if database == "postgresql":
        create_postgres_database()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client, override_settings

    from strategy_pages.models import NetworkNewsPage, ProjectShowcasePage

    call_command("migrate", verbosity=0)
    if ProjectShowcasePage.objects.count() + NetworkNewsPage.objects.count() < pages:
        call_command("generate_corpus", showcases=pages // 2, news=pages - pages // 2)
    engine_url = os.environ.get("SEARCH_URL", "")
    if engine_url:
        from search.indexing import rebuild

        with override_settings(STRATEGY_SEARCH_URL=engine_url):
            report = rebuild()
        print(
            f"{pages:>7} pages: rebuilt the engine index with the alias switch, "
            f"{report.documents} pages in {report.seconds:.1f} s ({report.per_second:.0f}/s)"
        )
    from search.query import warm_up

    started = time.perf_counter()
    warm_up()  # as intranet/wsgi.py does once the application is loaded
    warm_up_ms = (time.perf_counter() - started) * 1000
    gc.collect()
    gc.freeze()
    client = Client()
    client.force_login(get_user_model().objects.get(username="medarbetare"))
    print(f"{pages:>7} pages on {database}; warming up at start took {warm_up_ms:.0f} ms")
    urls = {"database": "", "engine": engine_url}
    for backend, url in [(name, urls[name]) for name in backends if name != "engine" or engine_url]:
        with override_settings(STRATEGY_SEARCH_URL=url):
            first = timed(client, "/api/search/", BROAD[0])
            for name, requests in (("broad", BROAD), ("narrow", NARROW)):
                for path in ("/api/search/", "/sok/"):
                    timings = measure(client, path, requests, repetitions)
                    print(
                        f"{'':>9}{backend:8} {name:6} {path:13} p50 "
                        f"{statistics.median(timings):6.1f} ms  p95 "
                        f"{percentile(timings, 0.95):6.1f} ms"
                    )
            print(f"{'':>9}{backend:8} first search after start {first:6.1f} ms")
    print(f"{'':>9}resident memory after the run: {resident_mib():.0f} MiB")


def create_postgres_database():
    import psycopg

    base = os.environ["POSTGRES_URL"]
    name = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
    with psycopg.connect(base.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def timed(client, path, params):
    started = time.perf_counter()
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:500]
    return (time.perf_counter() - started) * 1000


def measure(client, path, requests, repetitions):
    for params in requests:  # warm up connections and caches
        timed(client, path, params)
    return sorted(
        timed(client, path, params)
        for params in itertools.chain.from_iterable(itertools.repeat(requests, repetitions))
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--repetitions", type=int, default=10)
    parser.add_argument(
        "--backends",
        nargs="+",
        default=["database", "engine"],
        choices=["database", "engine"],
        help="the engine is searched when SEARCH_URL names one",
    )
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.size:
        return run_size(args.size, args.database, args.repetitions, args.backends)
    if "postgresql" in args.databases and not os.environ.get("POSTGRES_URL"):
        sys.exit("Set POSTGRES_URL (scripts/postgres.sh start), or run make benchmark-search.")
    CACHE.mkdir(parents=True, exist_ok=True)
    print(
        f"{len(BROAD) * args.repetitions} broad and {len(NARROW) * args.repetitions} narrow "
        "requests per page and backend, logged in as staff, facets included"
    )
    for size in args.sizes:
        for database in args.databases:
            subprocess.run(  # noqa: S603 - this same script, one process per corpus
                [sys.executable, __file__, "--size", str(size), "--database", database]
                + ["--repetitions", str(args.repetitions), "--backends", *args.backends],
                check=True,
            )


if __name__ == "__main__":
    main()
