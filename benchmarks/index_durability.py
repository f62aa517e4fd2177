"""Durable indexing benchmark: how long a publish takes with the engine up, down and hanging,
and how long the index takes to converge after an outage of N edits.

    SEARCH_URL=http://127.0.0.1:9271 .venv/bin/python benchmarks/index_durability.py \
        [--edits 500] [--corpus 1000]

Runs on a copy of a search benchmark corpus (made by benchmarks/search_api.py --sizes N) and
prints the rate of the full rebuild it starts with.
"""

import argparse
import logging
import os
import shutil
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def hanging_engine():
    """A port that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1024)
    return server, f"http://127.0.0.1:{server.getsockname()[1]}"


def setup(pages):
    corpus = REPO / ".cache" / "benchmarks" / f"search-{pages}.sqlite3"
    if not corpus.exists():
        sys.exit(f"{corpus} is missing: run benchmarks/search_api.py --sizes {pages} first.")
    if not os.environ.get("SEARCH_URL"):
        sys.exit("Set SEARCH_URL to a running engine (make search-engine).")
    copy = Path(tempfile.mkdtemp()) / "durability.sqlite3"
    shutil.copy(corpus, copy)
    os.environ.update(
        DATABASE_URL=f"sqlite:///{copy}",
        DJANGO_SETTINGS_MODULE="intranet.settings.dev",
        DEBUG="false",
        SEARCH_INDEX_PREFIX="durability_",
    )
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def time_publishes(pages, label):
    from django.db import transaction

    timings = []
    for number, page in enumerate(pages):
        page.title = f"{page.title.split(' #')[0]} #{label}{number}"
        started = time.perf_counter()
        with transaction.atomic():  # a request's save: the update is recorded, the worker woken
            page.save_revision().publish()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    print(
        f"  publish, engine {label:8}  p50 {statistics.median(timings):6.1f} ms  p95 {p95:6.1f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=40)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--corpus", type=int, default=1000, help="pages of the corpus to copy")
    args = parser.parse_args()
    setup(args.corpus)
    from django.conf import settings
    from django.core.management import call_command

    from search.indexing import rebuild
    from search.models import PendingIndexUpdate
    from search.updates import apply_due_updates
    from strategy_pages.models import NetworkNewsPage, ProjectShowcasePage

    logging.disable(logging.WARNING)  # the outage's expected failures, logged once per attempt
    call_command("migrate", verbosity=0)
    report = rebuild()
    print(
        f"Rebuild with the alias switch: {report.documents} pages in {report.seconds:.1f} s "
        f"({report.per_second:.0f} pages/s)"
    )
    engine_url = settings.STRATEGY_SEARCH_URL
    pages = [
        *ProjectShowcasePage.objects.live().order_by("pk"),
        *NetworkNewsPage.objects.live().order_by("pk"),
    ][: max(args.saves, args.edits)]
    print(f"{args.saves} publishes per state, on SQLite, the update queued for the worker")
    server, hanging_url = hanging_engine()
    for label, url in (
        ("none", ""),  # no engine configured, nothing recorded: the baseline
        ("up", engine_url),
        ("down", "http://127.0.0.1:9"),
        ("hanging", hanging_url),
    ):
        settings.STRATEGY_SEARCH_URL = url
        time_publishes(pages[: args.saves], label)
        PendingIndexUpdate.objects.all().delete()
    server.close()

    settings.STRATEGY_SEARCH_URL = "http://127.0.0.1:9"
    for page in pages[: args.edits]:
        page.title = f"{page.title.split(' #')[0]} #outage"
        page.save_revision().publish()
    failed = apply_due_updates().failed
    waiting = PendingIndexUpdate.objects.count()
    print(f"Outage: {len(pages[: args.edits])} pages edited, {waiting} updates waiting")
    settings.STRATEGY_SEARCH_URL = engine_url
    started = time.perf_counter()
    report = apply_due_updates(now=None if not failed else _later())
    seconds = time.perf_counter() - started
    print(
        f"Engine back: {report.applied} updates applied in {seconds:.2f} s "
        f"({report.applied / seconds:.0f}/s), {report.remaining} left"
    )


def _later():
    import datetime

    from django.utils import timezone

    return timezone.now() + datetime.timedelta(hours=1)


if __name__ == "__main__":
    main()
