"""Staff read every kind of page on a small phone, a larger phone, a tablet and a laptop: nothing
scrolls sideways, every page stays accessible (axe-core, WCAG 2.1 A/AA), and the search page's
committee filter shows all its committees, with or without JavaScript."""

import os
import re
from pathlib import Path

import pytest
from django.apps import apps
from wagtail.models import Page

from strategy_pages.models import CalendarPage

from .conftest import watch_content_security_policy
from .test_browse_the_intranet import demo_site, log_in  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (320, 390, 768, 1366)
SCREENSHOT_WIDTHS = (390, 1366)
SEARCH_WITH_RESULTS = "/sok/?q=förskola"


def one_page_of_every_type():
    """{page type name: path} for the first live page of each of the plugin's page types."""
    paths = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        paths.setdefault(type(page).__name__, page.url)
    page_types = {
        model.__name__
        for model in apps.get_app_config("strategy_pages").get_models()
        if issubclass(model, Page)
    }
    assert set(paths) == page_types  # the demo has a page of every type
    return paths


def pages_to_check():
    paths = one_page_of_every_type()
    paths["StudyVisits"] = CalendarPage.objects.live().first().url + "besok/"
    paths["SearchResults"] = SEARCH_WITH_RESULTS
    return paths


def screenshot_dir(tmp_path):
    directory = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path / "screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def sideways_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def what_overflows(page):
    """The innermost elements whose content is wider than they are, to say what to fix."""
    return page.evaluate(
        """() => {
            const overflows = el => el.scrollWidth > el.clientWidth + 1
                && getComputedStyle(el).overflowX === 'visible';
            return [...document.body.querySelectorAll('*')]
                .filter(el => overflows(el) && ![...el.children].some(overflows))
                .slice(0, 3)
                .map(el => `<${el.tagName.toLowerCase()} class="${el.className}">`
                    + ` ${el.scrollWidth}px in ${el.clientWidth}px`);
        }"""
    )


def save_full_page(page, path):
    """A full-page picture with the lazily loaded images below the fold loaded too."""
    page.evaluate("document.querySelectorAll('img').forEach(image => image.loading = 'eager')")
    page.wait_for_function("() => [...document.images].every(image => image.complete)")
    page.screenshot(path=path, full_page=True)


def test_every_page_type_fits_screens_from_phone_to_laptop(
    demo_site,  # noqa: F811 - the fixture imported above
    live_server,
    browser,
    assert_accessible,
    tmp_path,
):
    pages = pages_to_check()
    screenshots = screenshot_dir(tmp_path)
    problems = []
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    refused = watch_content_security_policy(page)
    log_in(page, live_server.url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            overflow = sideways_overflow(page)
            if overflow > 0:
                problems.append(
                    f"{path} at {width}px scrolls sideways by {overflow}px: "
                    + ", ".join(what_overflows(page))
                )
            try:
                assert_accessible(page)
            except AssertionError as violations:
                problems.append(f"{path} at {width}px is not accessible: {violations}")
            if width in SCREENSHOT_WIDTHS:
                save_full_page(page, screenshots / f"{name}-{width}.png")
    context.close()
    assert refused == [], "the Content-Security-Policy refused:\n" + "\n".join(refused)
    assert problems == [], "\n".join(problems)


def committee_filter(page):
    heading = page.locator("summary", has_text="Nämnd eller bolag")
    return page.locator(".filters__group", has=heading)


def assert_no_scroll_box_hides_choices(page):
    clipped = page.locator(".filters fieldset").evaluate_all(
        "boxes => boxes.filter(box => box.scrollHeight > box.clientHeight + 1).length"
    )
    assert clipped == 0, "a filter hides choices in a scroll box"


def assert_every_group_shows_committees(committees):
    groups = committees.locator(".filters__subgroup")
    assert groups.count() >= 4  # districts, specialist committees, company boards, the office
    for group in groups.all():
        heading = group.locator("legend").text_content()
        options = group.locator(".filters__option").all()
        assert any(option.is_visible() for option in options), f"{heading} shows no committee"


@pytest.mark.parametrize("width", [390, 1366])
def test_the_search_filter_shows_every_committee_group_on_phone_and_laptop(
    demo_site,  # noqa: F811 - the fixture imported above
    live_server,
    browser,
    assert_accessible,
    width,
):
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 800})
    page = context.new_page()
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/sok/")
    committees = committee_filter(page)
    assert_no_scroll_box_hides_choices(page)
    assert_every_group_shows_committees(committees)
    assert committees.get_by_label(re.compile("^Stockholms Hamn AB")).is_visible()
    assert committees.get_by_label(re.compile("^Stadsledningskontoret")).is_visible()
    assert_accessible(page)

    districts = committees.locator(".filters__subgroup", has_text="Stadsdelsnämnd")
    show_all = districts.locator(".filters__more summary")
    assert "(14)" in show_all.inner_text()
    show_all.click()
    assert districts.get_by_label(re.compile("^Östermalms stadsdelsnämnd")).is_visible()
    assert all(option.is_visible() for option in districts.locator(".filters__option").all())
    assert_accessible(page)

    committees.get_by_label(re.compile("^Stockholms Hamn AB")).check()
    page.wait_for_url(re.compile(r"committee=stockholms-hamnar"))
    assert committee_filter(page).get_by_label(re.compile("^Stockholms Hamn AB")).is_checked()
    context.close()


def test_a_committee_behind_show_all_can_be_chosen_without_javascript(
    demo_site,  # noqa: F811 - the fixture imported above
    live_server,
    browser,
):
    context = browser.new_context(
        locale="sv-SE", viewport={"width": 390, "height": 800}, java_script_enabled=False
    )
    page = context.new_page()
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/sok/")
    districts = committee_filter(page).locator(".filters__subgroup", has_text="Stadsdelsnämnd")
    ostermalm = districts.get_by_label(re.compile("^Östermalms stadsdelsnämnd"))
    assert not ostermalm.is_visible()
    districts.locator(".filters__more summary").click()
    ostermalm.check()
    page.get_by_role("button", name="Visa träffar").click()
    page.wait_for_url(re.compile(r"committee=ostermalm"))
    # The chosen committee stays in view, ticked, so it can be unticked.
    ostermalm = committee_filter(page).get_by_label(re.compile("^Östermalms stadsdelsnämnd"))
    assert ostermalm.is_visible() and ostermalm.is_checked()
    context.close()
