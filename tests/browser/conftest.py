"""Debian's Chromium driven by Playwright, and axe-core for accessibility checks."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def watch_content_security_policy(page):
    """Collects what the page's Content-Security-Policy refused: each refusal is a script,
    style or image that a visitor would miss."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


@pytest.fixture(autouse=True)
def last_request_answered():
    """A request Chromium sent just before its window closed is answered before the test's
    database is emptied: emptying it while the live server still reads a table fails with
    "database table is locked" on SQLite."""
    yield
    with LiveServerThread.server_class.answering:
        pass


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    refused = watch_content_security_policy(page)
    yield page
    context.close()
    assert refused == [], "the Content-Security-Policy refused:\n" + "\n".join(refused)


@pytest.fixture
def assert_accessible():
    axe = Axe()

    def check(page):
        results = axe.run(page, options=WCAG_21_AA)
        violations = results.response["violations"]
        details = [
            f"{v['id']}: {v['help']} – {[node['target'] for node in v['nodes']]}"
            for v in violations
        ]
        assert violations == [], f"{page.url}:\n" + "\n".join(details)

    return check
