"""The front end's Content-Security-Policy: markup injected into a page cannot run scripts or
load styles from elsewhere, and nothing the intranet itself ships is refused (every browser
test watches for refusals through the `page` fixture)."""

import pytest

from tests.browser.conftest import watch_content_security_policy
from tests.browser.test_browse_the_intranet import demo_site, log_in  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_injected_inline_script_and_foreign_style_are_refused(demo_site, live_server, browser):  # noqa: F811
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    refused = watch_content_security_policy(page)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/projekt/")

    page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.body.append(script);
            const div = document.createElement('div');
            div.innerHTML = '<img src=x onerror="window.handler = true">';
            document.body.append(div);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None
    assert page.evaluate("() => window.handler") is None
    assert len(refused) >= 2
    context.close()
