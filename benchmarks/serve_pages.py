"""Page-serving benchmark on the large generated corpus.

Prints, per page type and listing, the SQL query count and p50/p95 serve time for a logged-in
member of staff, through Django's full request stack (middleware, login, templates), uncached.

    .venv/bin/python benchmarks/serve_pages.py [--showcases 5000 --news 5000 --requests 30]

The corpus lives in .cache/benchmarks/ (SQLite) unless DATABASE_URL points elsewhere; it is
generated on the first run and reused afterwards.
"""

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "benchmarks"
sys.path.insert(0, str(REPO))
CACHE.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{CACHE / 'corpus.sqlite3'}")
os.environ.setdefault("MEDIA_ROOT", str(CACHE / "media"))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from strategy_pages.models import (  # noqa: E402
    CommitteePage,
    ConsultationResponsePage,
    NetworkNewsIndexPage,
    NetworkNewsPage,
    OrientationPage,
    ProjectShowcasePage,
    ShowcaseIndexPage,
    StrategyPage,
)


def prepare(showcases, news):
    call_command("migrate", verbosity=0)
    if ProjectShowcasePage.objects.count() < showcases or NetworkNewsPage.objects.count() < news:
        call_command("generate_corpus", showcases=showcases, news=news)


def targets():
    news_index = NetworkNewsIndexPage.objects.get().url
    showcase_index = ShowcaseIndexPage.objects.get().url
    return [
        ("Start page", "/"),
        ("StrategyPage", StrategyPage.objects.get().url),
        ("OrientationPage (listing)", OrientationPage.objects.get(slug="samverkan").url),
        (
            "OrientationPage, page 20",
            OrientationPage.objects.get(slug="samverkan").url + "?page=20",
        ),
        ("News listing", news_index),
        ("News listing, page 200", f"{news_index}?page=200"),
        ("News listing, filtered", f"{news_index}?committee=hagersten-liljeholmen&year=2014"),
        ("NetworkNewsPage", NetworkNewsPage.objects.live().order_by("pk").last().url),
        ("Showcase listing", showcase_index),
        ("Showcase listing, page 200", f"{showcase_index}?page=200"),
        (
            "Showcase listing, filtered",
            f"{showcase_index}?orientation=samverkan&status=ongoing&theme=forskola",
        ),
        ("ProjectShowcasePage", ProjectShowcasePage.objects.live().order_by("pk").last().url),
        ("CommitteePage (listing)", CommitteePage.objects.get(slug="hagersten-liljeholmen").url),
        ("ConsultationResponsePage", ConsultationResponsePage.objects.get().url),
    ]


def measure(client, url, requests):
    for _ in range(3):  # warm up: renditions, template loading
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # read now: the log is cleared when the next request starts
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return query_count, statistics.median(timings), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--showcases", type=int, default=5000)
    parser.add_argument("--news", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    prepare(args.showcases, args.news)
    gc.collect()
    gc.freeze()  # as intranet/wsgi.py does once the application is loaded
    client = Client()
    client.force_login(get_user_model().objects.get(username="medarbetare"))
    pages = ProjectShowcasePage.objects.count() + NetworkNewsPage.objects.count()
    print(f"Corpus: {pages} showcases and news on {connection.vendor}, {args.requests} requests")
    print(f"{'Page':34} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for label, url in targets():
        queries, p50, p95 = measure(client, url, args.requests)
        print(f"{label:34} {queries:8d} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
