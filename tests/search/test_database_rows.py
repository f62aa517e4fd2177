"""The database search's facet rows are built once per content version for the whole process,
not once per thread (each copy cost a second and tens of MiB)."""

import threading

import pytest
from django.db import connection

from search.query import database_query
from tests.browser.test_browse_the_intranet import restore_wagtail_initial_rows


def rows_in_a_thread(seen):
    try:
        seen.append(database_query.all_rows())
    finally:
        connection.close()


@pytest.fixture
def committed_corpus(request):
    """The corpus in a test whose transactions commit, so that other threads see it."""
    restore_wagtail_initial_rows()
    return request.getfixturevalue("corpus")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_threads_share_one_copy_of_the_rows(committed_corpus, monkeypatch):
    builds = []
    original = database_query._read_rows

    def counting(pages):
        builds.append(threading.get_ident())
        return original(pages)

    monkeypatch.setattr(database_query, "_read_rows", counting)
    monkeypatch.setitem(database_query._cached, "version", None)
    seen = [database_query.all_rows()]
    threads = [threading.Thread(target=rows_in_a_thread, args=(seen,)) for _ in range(2)]
    for thread in threads:
        thread.start()
        thread.join()
    assert len(seen) == 3 and all(rows is seen[0] for rows in seen)
    assert len(builds) == 1


def test_a_content_change_builds_the_rows_again(corpus, add_news):
    before = database_query.all_rows()
    add_news(title="Ny nyhet om Riga")
    after = database_query.all_rows()
    assert after is not before
    assert "Ny nyhet om Riga" in {row.title for row in after.values()}


def test_after_warming_up_the_first_search_reads_no_rows(corpus, monkeypatch, api):
    from search.query import warm_up

    monkeypatch.setitem(database_query._cached, "version", None)
    warm_up()
    builds = []
    monkeypatch.setattr(database_query, "_read_rows", lambda pages: builds.append(pages))
    assert api(q="förskolan")["total"] > 0
    assert builds == []
