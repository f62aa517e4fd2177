"""Staff read the strategy's traceability matrix in Chromium on a phone, a tablet and a desktop:
the page never scrolls sideways, it is accessible (axe-core, WCAG 2.1 A/AA), and a number in
the matrix leads to a search that finds exactly that many initiatives."""

import re

import pytest

from strategy_pages.models import FollowUpPage
from tests.browser.test_browse_the_intranet import demo_site, log_in  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = [320, 390, 768, 1366]


def page_scrolls_sideways(page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def result_count(page):
    return int(re.match(r"\d+", page.locator("#results-heading").inner_text()).group())


def test_the_matrix_fits_every_screen_and_its_numbers_lead_to_the_search(
    demo_site,  # noqa: F811 - the fixture imported above
    live_server,
    page,
    assert_accessible,
):
    matrix_url = f"{live_server.url}{FollowUpPage.objects.get().url}"
    log_in(page, live_server.url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for query in ("", "?axis=theme", "?axis=dimension&kind=district"):
            page.goto(matrix_url + query)
            assert page.get_by_role("table", name=re.compile("Initiativ|Initiatives")).is_visible()
            assert not page_scrolls_sideways(page), (width, query)
        page.locator(".follow-up__numbers summary").first.click()
        assert not page_scrolls_sideways(page), width
        assert_accessible(page)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(matrix_url)
    page.get_by_label(re.compile("Kolumner|Columns")).select_option("theme")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url(re.compile(r"axis=theme"))
    cell = page.locator("table.matrix tbody td.matrix__cell a").first
    number = int(re.match(r"\d+", cell.inner_text()).group())
    cell.click()
    page.wait_for_url(re.compile(r"/sok/\?type=projectshowcase"))
    assert result_count(page) == number
    assert_accessible(page)
