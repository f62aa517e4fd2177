"""Relevance benchmark: does search put the pages staff look for on top?

    .venv/bin/python benchmarks/relevance.py [--verbose]

Runs every case of benchmarks/relevance_set.json (a query, the pages that answer it, and what
kind of case it is: exact words, inflections, compounds, synonyms, typos, committee names, a
word no page has, topics) against the demo content, as a member of staff through /api/search/,
on the database backend and, when SEARCH_URL names one, on the engine. Prints, per kind and in
all, the mean reciprocal rank of the first expected page and recall@5 (the share of expected
pages among the first five), then the cases that missed. `make benchmark-relevance` starts the
engine first. Every change to the analysis or the ranking is measured here: the numbers may go
up, never down (benchmarks/relevance_baseline.json; --save-baseline writes it).
"""

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "benchmarks"
CASES = Path(__file__).with_name("relevance_set.json")
BASELINE = Path(__file__).with_name("relevance_baseline.json")
TOP = 5
TOLERANCE = 0.001


def set_up():
    CACHE.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{CACHE / 'relevance.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("MEDIA_ROOT", str(CACHE / "media"))
    os.environ["SEARCH_INDEX_PREFIX"] = "relevance_"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def scores(client, cases):
    """{kind: [(reciprocal rank, recall@5, case, titles)]} for every case."""
    by_kind = defaultdict(list)
    for case in cases:
        response = client.get("/api/search/", {"q": case["q"]})
        assert response.status_code == 200, response.content[:300]
        titles = [result["title"] for result in response.json()["results"]]
        ranks = [titles.index(title) + 1 for title in case["expect"] if title in titles]
        reciprocal = 1 / min(ranks) if ranks else 0.0
        recall = sum(rank <= TOP for rank in ranks) / len(case["expect"])
        by_kind[case["kind"]].append((reciprocal, recall, case, titles))
    return by_kind


def summary(by_kind):
    rows = {kind: _means(results) for kind, results in by_kind.items()}
    rows["all"] = _means([result for results in by_kind.values() for result in results])
    return rows


def _means(results):
    return {
        "cases": len(results),
        "mrr": round(sum(r[0] for r in results) / len(results), 3),
        "recall@5": round(sum(r[1] for r in results) / len(results), 3),
    }


def report(backend, rows, by_kind, baseline, verbose):
    print(f"\n{backend}: {'kind':12} {'cases':>5} {'MRR':>6} {'recall@5':>9}   baseline")
    worse = []
    for kind, row in rows.items():
        before = baseline.get(kind)
        note = f"{before['mrr']:.3f} / {before['recall@5']:.3f}" if before else "–"
        if before and any(row[m] < before[m] - TOLERANCE for m in ("mrr", "recall@5")):
            worse.append(kind)
            note += "  LOWER"
        print(
            f"{'':>{len(backend) + 2}}{kind:12} {row['cases']:>5} {row['mrr']:>6.3f} "
            f"{row['recall@5']:>9.3f}   {note}"
        )
    for results in by_kind.values():
        for reciprocal, recall, case, titles in results:
            if recall < 1 or verbose:
                top = titles[:3]
                print(f"   miss ({case['kind']}) {case['q']!r}: rr {reciprocal:.2f}, top: {top}")
    return worse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--save-baseline", action="store_true")
    arguments = parser.parse_args()
    set_up()
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    from search.indexing import rebuild

    cases = json.loads(CASES.read_text(encoding="utf-8"))
    baselines = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    client = Client()
    client.force_login(get_user_model().objects.get(username="medarbetare"))
    engine_url = os.environ.get("SEARCH_URL", "")
    backends = [("database", "")] + ([("engine", engine_url)] if engine_url else [])
    results, worse = {}, []
    print(f"{len(cases)} cases on the demo content")
    for backend, url in backends:
        with override_settings(STRATEGY_SEARCH_URL=url, STRATEGY_SEARCH_QUERY_TIMEOUT=60):
            if url:
                rebuild()
            by_kind = scores(client, cases)
        results[backend] = summary(by_kind)
        baseline = baselines.get(backend, {})
        worse += [
            f"{backend} {kind}"
            for kind in report(backend, results[backend], by_kind, baseline, arguments.verbose)
        ]
    if arguments.save_baseline:
        BASELINE.write_text(json.dumps({**baselines, **results}, indent=1) + "\n")
    if worse:
        sys.exit(f"\nLower than the baseline: {', '.join(worse)}")


if __name__ == "__main__":
    main()
