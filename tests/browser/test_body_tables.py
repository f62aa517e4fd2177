"""A table in a page's body, e.g. one brought over from Plone, reads on a small phone: the table
scrolls sideways inside its own box, which the keyboard can reach, and the page does not."""

import pytest

from strategy_pages.models import ContentPage

from .test_browse_the_intranet import demo_site, log_in  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADER = ["Stadsdelsnämnd", "Kompetensutbyte", "Omvärldsbevakning", "Erfarenhetsutbyte", "Budget"]
ROWS = [
    ["Hägersten-Liljeholmen", "Förskolepersonal", "Benchmarking", "Telefonplan", "1 200 000"],
    ["Rinkeby-Kista", "Skolledare", "Jämförelser", "Internationella nätverk", "860 000"],
]


def page_with_a_wide_table():
    page = ContentPage.objects.live().first()
    table = {
        "data": [HEADER, *ROWS],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "Internationella projekt per nämnd",
    }
    page.body = [*page.body.raw_data, {"type": "table", "value": table}]
    page.save_revision().publish()
    return page


def test_a_wide_table_scrolls_in_its_own_box_on_a_small_phone(
    demo_site,  # noqa: F811 - the fixture imported above
    live_server,
    page,
    assert_accessible,
):
    content_page = page_with_a_wide_table()
    page.set_viewport_size({"width": 320, "height": 700})
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}{content_page.url}")

    table = page.get_by_role("region", name="Internationella projekt per nämnd")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert table.evaluate("box => box.scrollWidth > box.clientWidth")
    assert table.get_by_role("columnheader", name="Omvärldsbevakning").is_visible()
    assert table.get_by_role("cell", name="1 200 000").count() == 1

    table.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft > 0", arg=table.element_handle())
    assert table.evaluate("box => box.scrollLeft") > 0
    assert_accessible(page)
