"""Edits reach the engine within two seconds of their commit: publish, edit, unpublish, delete,
move, view restrictions and renamed committees."""

import time

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from search.indexing import rebuild
from strategy_pages.models import ProjectShowcasePage

from .conftest import titles

pytestmark = pytest.mark.search_engine
FRESHNESS_SECONDS = 2


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run an edit as if its transaction committed, with the callbacks that follow a commit."""

    def run(edit, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return edit(*args, **kwargs)

    return run


def eventually(check):
    """Whether `check()` holds within the freshness limit (polled, not slept through)."""
    deadline = time.monotonic() + FRESHNESS_SECONDS
    while True:
        if check():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def finds(api, query, title):
    return lambda: title in titles(api(q=query))


def misses(api, query, title):
    return lambda: title not in titles(api(q=query))


@pytest.fixture
def indexed(tree, search_engine):
    rebuild()
    return tree


def publish_new_showcase(tree, title, summary="", section="hagersten-liljeholmen"):
    page = ProjectShowcasePage(
        title=title, summary=summary, committee=tree.committees[section], live=False
    )
    tree.sections[section].add_child(instance=page)
    page.save_revision().publish()
    return ProjectShowcasePage.objects.get(pk=page.pk)


def test_a_published_page_is_found_within_two_seconds(indexed, committed, api):
    committed(publish_new_showcase, indexed, "Vänortssamarbete med Reykjavik")
    assert eventually(finds(api, "Reykjavik", "Vänortssamarbete med Reykjavik"))


def test_an_edited_page_is_found_by_its_new_words_only(indexed, committed, api):
    page = committed(publish_new_showcase, indexed, "Studiebesök i Bergen")
    page.title = "Studiebesök i Trondheim"
    committed(lambda: page.save_revision().publish())
    assert eventually(finds(api, "Trondheim", "Studiebesök i Trondheim"))
    assert api(q="Bergen")["total"] == 0


def test_an_unpublished_page_disappears_within_two_seconds(indexed, committed, api):
    page = committed(publish_new_showcase, indexed, "Konferens i Vilnius")
    assert eventually(finds(api, "Vilnius", "Konferens i Vilnius"))
    committed(page.unpublish)
    assert eventually(misses(api, "Vilnius", "Konferens i Vilnius"))


def test_a_deleted_page_disappears_within_two_seconds(indexed, committed, api):
    page = committed(publish_new_showcase, indexed, "Seminarium i Gdańsk")
    assert eventually(finds(api, "Gdańsk", "Seminarium i Gdańsk"))
    committed(page.delete)
    assert eventually(misses(api, "Gdańsk", "Seminarium i Gdańsk"))


@pytest.fixture
def coordinators_only(indexed):
    """Södermalm's section, restricted to a group the staff user is not in."""
    restriction = PageViewRestriction.objects.create(
        page=indexed.sections["sodermalm"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))
    return restriction


def test_a_page_moved_under_a_restriction_is_hidden(indexed, committed, api, coordinators_only):
    page = committed(publish_new_showcase, indexed, "Hemlig delegation till Lissabon")
    assert eventually(finds(api, "Lissabon", "Hemlig delegation till Lissabon"))
    committed(page.move, indexed.sections["sodermalm"], pos="last-child")
    assert eventually(misses(api, "Lissabon", "Hemlig delegation till Lissabon"))


def test_a_new_restriction_hides_the_section_and_lifting_it_shows_it(indexed, committed, api):
    committed(publish_new_showcase, indexed, "Budgetsamråd i Riga", section="sodermalm")
    assert eventually(finds(api, "Riga", "Budgetsamråd i Riga"))

    def restrict():
        restriction = PageViewRestriction.objects.create(
            page=indexed.sections["sodermalm"], restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.create(name="Samordnare"))
        return restriction

    restriction = committed(restrict)
    assert eventually(misses(api, "Riga", "Budgetsamråd i Riga"))
    committed(restriction.delete)
    assert eventually(finds(api, "Riga", "Budgetsamråd i Riga"))


def test_a_renamed_committee_shows_its_new_name_in_results(indexed, committed, api):
    committed(publish_new_showcase, indexed, "Ungdomsutbyte med Tammerfors")
    committee = indexed.committees["hagersten-liljeholmen"]
    committee.name = "Hägersten-Älvsjö stadsdelsnämnd"
    committed(committee.save)

    def renamed():
        [result] = api(q="Tammerfors")["results"] or [None]
        return result and result["committee"]["name"] == "Hägersten-Älvsjö stadsdelsnämnd"

    assert eventually(renamed)


def test_a_rebuild_switches_the_alias_to_a_fresh_index(indexed, search_engine, api):
    from search.conf import pages_alias

    before = search_engine.indexes_behind(pages_alias())
    report = rebuild()
    assert search_engine.indexes_behind(pages_alias()) == [report.index] != before
    assert not search_engine.index_exists(before[0])
    assert api()["total"] == report.documents
