"""Staff search the demo intranet on the real engine in Chromium: suggestions as they type,
highlighted results, facets, sorting, a spelling suggestion and the no-results state, with and
without JavaScript, and every state accessible (axe-core, WCAG 2.1 A/AA)."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from search.indexing import rebuild

from .test_browse_the_intranet import log_in, restore_wagtail_initial_rows

pytestmark = [
    pytest.mark.browser,
    pytest.mark.search_engine,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_on_the_engine(settings, tmp_path, search_engine):
    settings.MEDIA_ROOT = tmp_path
    restore_wagtail_initial_rows()
    call_command("load_demo", stdout=StringIO())
    rebuild()


def result_count(page):
    return int(re.match(r"\d+", page.locator("#results-heading").inner_text()).group())


def test_staff_search_refine_and_sort_across_committees(
    demo_on_the_engine, live_server, page, assert_accessible
):
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/sok/")
    everything = result_count(page)
    assert everything > 40
    assert_accessible(page)

    search_box = page.get_by_role("combobox", name=re.compile("Sök projekt"))
    search_box.press_sequentially("omvärldsbev", delay=30)
    suggestions = page.get_by_role("listbox", name="Förslag")
    suggestions.wait_for()
    assert suggestions.get_by_role("option", name=re.compile("Omvärldsbevakning")).count() >= 1
    assert search_box.get_attribute("aria-expanded") == "true"
    assert_accessible(page)

    search_box.fill("förskola")
    search_box.press("Enter")
    page.wait_for_url(re.compile(r"q=f%C3%B6rskola"))
    found = result_count(page)
    assert 0 < found < everything
    assert page.locator(".search-result mark").count() > 0
    assert_accessible(page)

    page.get_by_label(re.compile("^Hägersten-Liljeholmens stadsdelsnämnd")).check()
    page.wait_for_url(re.compile(r"committee=hagersten-liljeholmen"))
    narrowed = result_count(page)
    assert 0 < narrowed <= found
    metas = page.locator(".search-result__meta").all_inner_texts()
    assert all("Hägersten-Liljeholmens stadsdelsnämnd" in meta for meta in metas)
    assert (
        page.get_by_role(
            "link", name="Ta bort filtret Hägersten-Liljeholmens stadsdelsnämnd"
        ).count()
        == 1
    )
    assert_accessible(page)

    page.get_by_label("Sortera efter").select_option("date")
    page.wait_for_url(re.compile(r"sort=date"))
    dates = page.locator(".search-result time").evaluate_all(
        "nodes => nodes.map(node => node.getAttribute('datetime'))"
    )
    assert dates == sorted(dates, reverse=True)
    assert "committee=hagersten-liljeholmen" in page.url  # the whole state stays in the URL

    page.get_by_role("link", name="Ta bort filtret Hägersten-Liljeholmens stadsdelsnämnd").click()
    page.wait_for_load_state()
    assert "committee=" not in page.url
    assert result_count(page) == found


def test_a_misspelt_search_offers_the_right_word_and_nothing_found_helps(
    demo_on_the_engine, live_server, page, assert_accessible
):
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/sok/?q=helsngfors")
    assert page.get_by_text("Menade du").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="helsingfors").first.click()
    page.wait_for_url(re.compile(r"q=helsingfors"))
    assert result_count(page) > 0

    page.goto(f"{live_server.url}/sok/?q=kvantdatorsamarbete&committee=sodermalm")
    assert result_count(page) == 0
    assert page.get_by_role("link", name="sök utan filter").is_visible()
    assert_accessible(page)


def test_filters_work_without_javascript(demo_on_the_engine, live_server, browser):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/sok/?q=")
    page.locator("summary", has_text="Status").click()
    page.get_by_label(re.compile("^Planerat")).check()
    page.get_by_role("button", name="Visa träffar").click()
    page.wait_for_url(re.compile(r"status=planned"))
    assert result_count(page) > 0
    assert page.locator(".filters input[value=planned]").is_checked()
    context.close()
