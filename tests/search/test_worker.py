"""No index change is lost: updates are recorded with the edit, applied by the worker, kept
and retried while the engine refuses them, and a rebuild misses no edit made while it runs."""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from search import indexing
from search.indexing import rebuild
from search.models import PendingIndexUpdate
from search.reconcile import find_drift
from search.updates import apply_due_updates
from strategy_pages.models import ProjectShowcasePage
from tests.browser.test_browse_the_intranet import restore_wagtail_initial_rows

from .conftest import titles

pytestmark = pytest.mark.search_engine
LATER = timezone.now() + datetime.timedelta(hours=1)
DOWN = "http://127.0.0.1:9"


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        **settings.TASKS,
        "strategy_search": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["search-index"],
        },
    }


@pytest.fixture
def indexed(tree, search_engine):
    rebuild()
    return tree


def publish_showcase(tree, title, section="hagersten-liljeholmen"):
    page = ProjectShowcasePage(title=title, committee=tree.committees[section], live=False)
    tree.sections[section].add_child(instance=page)
    page.save_revision().publish()
    return ProjectShowcasePage.objects.get(pk=page.pk)


def test_a_rolled_back_edit_records_nothing(indexed):
    with pytest.raises(RuntimeError), transaction.atomic():
        publish_showcase(indexed, "Avbruten publicering")
        assert PendingIndexUpdate.objects.exists()
        raise RuntimeError("the editor's request failed")
    assert not PendingIndexUpdate.objects.exists()
    assert not ProjectShowcasePage.objects.filter(title="Avbruten publicering").exists()


@pytest.fixture
def committed_tree(request, search_engine):
    """The test tree in a test whose transactions really commit, as the worker needs: it runs
    in this process and, like any worker, closes the database connection after a task."""
    restore_wagtail_initial_rows()
    tree = request.getfixturevalue("tree")
    rebuild()
    return tree


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_applies_what_an_edit_recorded(committed_tree, database_queue, api):
    publish_showcase(committed_tree, "Vänortsavtal med Reykjavik")
    assert PendingIndexUpdate.objects.count() == 1
    assert DBTaskResult.objects.ready().count() == 1  # the commit woke the worker
    assert api(q="Reykjavik")["total"] == 0  # nothing happened during the save

    call_command("run_search_worker", batch=True, verbosity=0)
    indexing.engine().refresh(indexing.pages_alias())
    assert titles(api(q="Reykjavik")) == ["Vänortsavtal med Reykjavik"]
    assert not PendingIndexUpdate.objects.exists()


def test_a_refused_update_is_kept_and_retried_until_the_engine_takes_it(indexed, settings, api):
    page = publish_showcase(indexed, "Klimatforum i Malmö")
    engine_url = settings.STRATEGY_SEARCH_URL
    settings.STRATEGY_SEARCH_URL = DOWN
    report = apply_due_updates()
    row = PendingIndexUpdate.objects.get(page_id=page.pk)
    assert (report.applied, report.failed, row.attempts) == (0, 1, 1)
    assert row.next_attempt_at > timezone.now()
    assert "Connection refused" in row.last_error or "ConnectionError" in row.last_error
    assert apply_due_updates().failed == 0  # not due again before its pause is over

    settings.STRATEGY_SEARCH_URL = engine_url
    assert apply_due_updates(now=LATER).applied == 1
    indexing.engine().refresh(indexing.pages_alias())
    assert titles(api(q="Malmö")) == ["Klimatforum i Malmö"]
    assert not PendingIndexUpdate.objects.exists()


def test_an_edit_made_while_its_update_is_applied_is_not_lost(indexed, monkeypatch, api):
    page = publish_showcase(indexed, "Studieresa till Bergen")
    original = indexing.index_pages

    def edit_meanwhile(page_ids, **kwargs):
        result = original(page_ids, **kwargs)
        page.title = "Studieresa till Trondheim"
        page.save_revision().publish()  # records the page again, after the worker read it
        return result

    monkeypatch.setattr("search.updates.index_pages", edit_meanwhile)
    apply_due_updates()
    assert PendingIndexUpdate.objects.filter(page_id=page.pk).exists()
    monkeypatch.setattr("search.updates.index_pages", original)
    apply_due_updates()
    indexing.engine().refresh(indexing.pages_alias())
    assert titles(api(q="Trondheim")) == ["Studieresa till Trondheim"]


def test_a_rebuild_misses_no_edit_made_while_it_runs(indexed, monkeypatch, add_showcase):
    for number in range(30):
        add_showcase(title=f"Befintligt projekt {number}")
    early = ProjectShowcasePage.objects.get(title="Befintligt projekt 0")
    read_pages = indexing.documents_for

    def edits_between_chunks(page_ids, chunk_size=500):
        for position, item in enumerate(read_pages(page_ids, chunk_size=5)):
            yield item
            if position == 10:  # the rebuild has read some pages; editors carry on
                early.title = "Omdöpt under ombyggnaden"
                early.save_revision().publish()
                publish_showcase(indexed, "Publicerad under ombyggnaden")
                ProjectShowcasePage.objects.get(title="Befintligt projekt 29").delete()
                apply_due_updates()

    monkeypatch.setattr(indexing, "documents_for", edits_between_chunks)
    report = rebuild()
    monkeypatch.setattr(indexing, "documents_for", read_pages)
    indexing.engine().refresh(report.index)
    assert not find_drift()
