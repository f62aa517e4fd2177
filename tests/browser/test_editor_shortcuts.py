"""An editor gets from the page they read, or from the admin home, to writing in a few clicks."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import expect

from strategy_pages.models import NetworkNewsPage
from tests.browser.conftest import WCAG_21_AA
from tests.browser.test_browse_the_intranet import demo_site, log_in  # noqa: F401 - fixture

# Wagtail's own dashboard markup is Wagtail's to fix: the check covers the panels added here.
EDITOR_PANELS = {
    "include": [
        ["#editor-shortcuts-section"],
        ["#my-drafts-section"],
        ["#committee-projects-section"],
    ]
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def open_the_userbar(page):
    """Open Wagtail's userbar as a reader does. On a busy machine a click can come before its
    script listens, and nothing opens: then click again, a bounded number of times."""
    trigger = page.get_by_role("button", name="Se Wagtail snabbhandlingar")
    for _attempt in range(5):
        trigger.click()
        try:
            expect(trigger).to_have_attribute("aria-expanded", "true", timeout=10_000)
            return
        except AssertionError:
            continue
    expect(trigger).to_have_attribute("aria-expanded", "true")


def test_an_editor_goes_from_a_news_item_to_its_editor(demo_site, live_server, page):  # noqa: F811
    log_in(page, live_server.url, username="redaktor")
    page.goto(f"{live_server.url}/nyheter/")
    page.locator(".card a").first.click()
    title = page.get_by_role("heading", level=1).inner_text()
    open_the_userbar(page)
    page.get_by_role("menuitem", name=re.compile("Redigera")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert page.get_by_role("textbox", name="Titel*").input_value() == title


def test_staff_without_editing_rights_get_no_editor_shortcuts(demo_site, live_server, page):  # noqa: F811
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/nyheter/")
    page.locator(".card a").first.click()
    assert page.get_by_role("button", name="Se Wagtail snabbhandlingar").count() == 0


class ClickCounter:
    """Counts what the editor clicks or picks; typing is not counted."""

    def __init__(self):
        self.clicks = 0

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def select(self, locator, label):
        self.clicks += 1
        locator.select_option(label=label)

    def choose_file(self, locator, path):
        self.clicks += 1
        locator.set_input_files(path)


def photo(directory):
    path = directory / "vanortsbesok.png"
    Image.new("RGB", (640, 360), (11, 59, 117)).save(path)
    return path


def test_a_news_item_with_an_image_is_published_from_the_admin_home_in_eight_clicks(
    demo_site,  # noqa: F811
    live_server,
    page,
    tmp_path,
):
    log_in(page, live_server.url, username="redaktor")
    page.goto(f"{live_server.url}/admin/")
    counter = ClickCounter()

    counter.click(page.get_by_role("link", name="Skriv nyhet"))
    page.get_by_role("textbox", name="Titel*").fill("Besök från vänorten Tallinn")
    counter.select(page.get_by_label("Nämnd eller bolag"), "Södermalms stadsdelsnämnd")
    counter.click(page.get_by_role("button", name="Välj en bild"))
    modal = page.locator(".modal-dialog")
    counter.click(modal.get_by_role("tab", name="Ladda upp"))
    counter.choose_file(modal.locator("input[type=file]"), photo(tmp_path))
    expect(modal.get_by_role("textbox", name="Titel")).to_have_value("vanortsbesok")
    counter.click(modal.get_by_role("button", name="Ladda upp"))
    modal.wait_for(state="hidden")
    page.get_by_role("textbox", name="Alternativtext").fill("Borgmästaren tar emot gästerna")
    counter.click(page.get_by_role("button", name="Fler åtgärder"))
    counter.click(page.get_by_role("button", name="Publicera"))
    page.wait_for_load_state()

    assert counter.clicks <= 8
    news = NetworkNewsPage.objects.get(title="Besök från vänorten Tallinn")
    assert news.live
    assert news.image is not None
    assert news.committee.slug == "sodermalm"
    page.goto(f"{live_server.url}{news.url}")
    assert page.get_by_role("img", name="Borgmästaren tar emot gästerna").is_visible()


def test_the_admin_home_shows_a_committee_editor_where_to_write(
    demo_site,  # noqa: F811
    live_server,
    page,
):
    log_in(page, live_server.url, username="hl-redaktor")
    page.goto(f"{live_server.url}/admin/")
    assert page.get_by_role("heading", name="Mina utkast").is_visible()
    projects = page.get_by_role("region", name="Mina nämnders projekt")
    assert projects.get_by_role("link").count() > 0
    violations = Axe().run(page, context=EDITOR_PANELS, options=WCAG_21_AA).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]

    page.get_by_role("region", name="Skriv").get_by_role("link", name="Nytt projekt").click()
    page.wait_for_url(re.compile(r"/admin/pages/add/strategy_pages/projectshowcasepage/\d+/"))
    chosen = page.get_by_label("Nämnd eller bolag").locator("option:checked")
    assert chosen.inner_text() == "Hägersten-Liljeholmens stadsdelsnämnd"
