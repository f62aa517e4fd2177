"""Traceability matrix benchmark: the follow-up page and the coordinators' admin view over
10,000 project showcases, for each axis and with filters.

Prints the SQL query count and p50/p95 time for a logged-in member of staff (the page) and a
coordinator (the admin view), through Django's full request stack, uncached.

    .venv/bin/python benchmarks/follow_up_matrix.py [--showcases 10000 --requests 30]

The corpus lives in .cache/benchmarks/matrix-<showcases>.sqlite3 unless DATABASE_URL points
elsewhere. It is generated on the first run, starting from the search benchmark's corpus when
that exists (its showcases are reused, only the missing ones are made), and reused afterwards.
"""

import argparse
import gc
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "benchmarks"
sys.path.insert(0, str(REPO))
CACHE.mkdir(parents=True, exist_ok=True)


def corpus_file(showcases):
    """The benchmark's own SQLite file, seeded from the search benchmark's corpus if any."""
    own = CACHE / f"matrix-{showcases}.sqlite3"
    seed = CACHE / "search-10000.sqlite3"
    if not own.exists() and seed.exists():
        shutil.copyfile(seed, own)
    return own


def configure(showcases):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{corpus_file(showcases)}")
    os.environ.setdefault("MEDIA_ROOT", str(CACHE / "media"))
    import django  # noqa: PLC0415 - after the environment is set

    django.setup()


def prepare(showcases):
    from django.core.management import call_command  # noqa: PLC0415

    from intranet.demo.site import build_demo_site  # noqa: PLC0415
    from strategy_pages.models import NetworkNewsPage, ProjectShowcasePage  # noqa: PLC0415

    call_command("migrate", verbosity=0)
    if ProjectShowcasePage.objects.count() < showcases:
        news = NetworkNewsPage.objects.filter(slug__startswith="korpus-").count()
        call_command("generate_corpus", showcases=showcases, news=news)
    else:
        from django.conf import settings  # noqa: PLC0415

        build_demo_site(settings.DEMO_PASSWORD)  # the follow-up page, if the corpus predates it


def measure(client, url, requests):
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    for _ in range(3):  # warm up: template loading, the menu
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return query_count, statistics.median(timings), p95


TARGETS = [
    ("orientations", ""),
    ("dimensions", "?axis=dimension"),
    ("themes", "?axis=theme"),
    ("themes, 2015, districts", "?axis=theme&year=2015&kind=district"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--showcases", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    configure(args.showcases)
    prepare(args.showcases)

    from django.contrib.auth import get_user_model  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    from strategy_pages.models import FollowUpPage, ProjectShowcasePage  # noqa: PLC0415

    gc.collect()
    gc.freeze()  # as intranet/wsgi.py does once the application is loaded
    staff, coordinator = Client(), Client()
    staff.force_login(get_user_model().objects.get(username="medarbetare"))
    coordinator.force_login(get_user_model().objects.get(username="samordnare"))
    page_url = FollowUpPage.objects.get().url
    showcases = ProjectShowcasePage.objects.live().count()
    print(f"Corpus: {showcases} live showcases on {connection.vendor}, {args.requests} requests")
    print(f"{'View':44} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for label, query in TARGETS:
        for view, client, url in (
            ("page", staff, page_url),
            ("admin", coordinator, "/admin/sparbarhet/"),
        ):
            queries, p50, p95 = measure(client, url + query, args.requests)
            print(f"{f'{view}: {label}':44} {queries:8d} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
