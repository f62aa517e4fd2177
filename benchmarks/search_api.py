"""Search benchmark: /api/search/ with facets on the engine and on the database, side by side,
and the time of a full index rebuild, at 1,000 and 10,000 pages.

    SEARCH_URL=http://127.0.0.1:9271 .venv/bin/python benchmarks/search_api.py [--sizes 1000 10000]

`make benchmark-search` starts the engine first. Each corpus size lives in its own SQLite file
under .cache/benchmarks/ (generated once, reused) and runs in its own process.
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

# What staff ask: words, phrases, typos, compounds, filters, later pages, browsing by facet.
REQUESTS = [
    {"q": "förskola"},
    {"q": "klimat", "orientation": "paverkan"},
    {"q": "samverkan helsingfors"},
    {"q": "omvarldsbevakning", "committee": ["hagersten-liljeholmen", "sodermalm"]},
    {"q": "kompetensutbyte", "sort": "date"},
    {"q": "helsngfors"},
    {"q": "utbyte", "page": "3"},
    {"q": "stadsdelsnämnd", "type": "networknews", "year": "2015"},
    {"q": ""},
    {"q": "", "committee": "hagersten-liljeholmen", "status": "ongoing"},
    {"q": "", "theme": "forskola", "sort": "date", "page": "5"},
    {"q": "europa städer"},
]


def percentile(sorted_values, share):
    return sorted_values[max(0, round(share * len(sorted_values)) - 1)]


def run_size(pages, repetitions):
    os.environ["DATABASE_URL"] = f"sqlite:///{CACHE / f'search-{pages}.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("MEDIA_ROOT", str(CACHE / "media"))
    os.environ.setdefault("SEARCH_INDEX_PREFIX", "benchmark_")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client, override_settings

    from search.indexing import rebuild
    from strategy_pages.models import NetworkNewsPage, ProjectShowcasePage

    call_command("migrate", verbosity=0)
    if ProjectShowcasePage.objects.count() + NetworkNewsPage.objects.count() < pages:
        call_command("generate_corpus", showcases=pages // 2, news=pages - pages // 2)
    rebuild()  # a fresh engine's first index build also warms its JIT; the second is timed
    report = rebuild()
    gc.collect()
    gc.freeze()  # as intranet/wsgi.py does once the application is loaded
    client = Client()
    client.force_login(get_user_model().objects.get(username="medarbetare"))
    rows = []
    for backend, url in (("engine", os.environ["SEARCH_URL"]), ("database", "")):
        with override_settings(STRATEGY_SEARCH_URL=url):
            timings = measure(client, repetitions)
        rows.append((backend, statistics.median(timings), percentile(timings, 0.95)))
    print(
        f"{pages:>7} pages | rebuild {report.documents} documents in {report.seconds:.1f} s "
        f"= {report.per_second:.0f} pages/s"
    )
    for backend, p50, p95 in rows:
        print(f"{'':>13} | {backend:8} /api/search/ p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")


def measure(client, repetitions):
    for params in REQUESTS * 3:  # warm up the engine's caches, connections and the row cache
        response = client.get("/api/search/", params)
        assert response.status_code == 200, response.content
        assert not response.json()["limited"] or not os.environ.get("SEARCH_URL")
    timings = []
    for params in itertools.chain.from_iterable(itertools.repeat(REQUESTS, repetitions)):
        started = time.perf_counter()
        response = client.get("/api/search/", params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return sorted(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repetitions", type=int, default=10)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not os.environ.get("SEARCH_URL"):
        sys.exit(
            "Set SEARCH_URL to a running engine (make search-engine), or run make benchmark-search."
        )
    if args.size:
        return run_size(args.size, args.repetitions)
    CACHE.mkdir(parents=True, exist_ok=True)
    print(
        f"{len(REQUESTS) * args.repetitions} requests per backend, logged in as staff, with facets"
    )
    for size in args.sizes:
        subprocess.run(  # noqa: S603 - this same script, one process per corpus
            [sys.executable, __file__, "--size", str(size), "--repetitions", str(args.repetitions)],
            check=True,
        )


if __name__ == "__main__":
    main()
