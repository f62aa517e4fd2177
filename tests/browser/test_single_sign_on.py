"""Single sign-on with the city's account, end to end: Chromium, the intranet's live server and a
real OpenID Connect provider (panva's oidc-provider, tests/oidc_provider/), all on loopback."""

import json
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests.browser.test_browse_the_intranet import restore_wagtail_initial_rows

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PROVIDER_DIR = Path(__file__).resolve().parents[1] / "oidc_provider"
CLIENT_ID = "intranet"
CLIENT_SECRET = "test-only-client-secret"
STAFF = "Medarbetare"
NETWORK_EDITORS = "Nätverksredaktörer"
COORDINATORS = "Samordnare, stadsledningskontoret"
HL_EDITORS = "Redaktörer – Hägersten-Liljeholmens stadsdelsnämnd"
CITY_ACCOUNT = "Logga in med stadens konto"
ANNA = {
    "preferred_username": "anna.berg",
    "given_name": "Anna",
    "family_name": "Berg",
    "email": "anna.berg@stockholm.se",
    "groups": [STAFF, HL_EDITORS, "Superusers"],
}


def free_loopback_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    """tests/oidc_provider/provider.mjs on a free port of 127.0.0.1, knowing the intranet as a
    client, with the accounts of `accounts.json`, which tests rewrite as they go."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        pytest.fail("The single sign-on tests need Node.js and npm.")
    if not (PROVIDER_DIR / "node_modules").is_dir():
        subprocess.run(  # noqa: S603 - the pinned versions of package-lock.json
            [npm, "ci", "--no-audit", "--no-fund"], cwd=PROVIDER_DIR, check=True
        )
    folder = tmp_path_factory.mktemp("oidc-provider")
    accounts = folder / "accounts.json"
    accounts.write_text("{}")
    port = free_loopback_port()
    issuer = f"http://127.0.0.1:{port}"
    log_path = folder / "provider.log"
    log = log_path.open("w")
    process = subprocess.Popen(  # noqa: S603
        [node, "provider.mjs"],
        cwd=PROVIDER_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={
            **os.environ,
            "PORT": str(port),
            "CLIENT_ID": CLIENT_ID,
            "CLIENT_SECRET": CLIENT_SECRET,
            "REDIRECT_URI": f"{live_server.url}/oidc/callback/",
            "POST_LOGOUT_REDIRECT_URI": f"{live_server.url}/logga-in/",
            "ACCOUNTS_FILE": str(accounts),
        },
    )
    deadline = time.monotonic() + 180  # a bound for a provider that never starts, not a target
    while True:
        try:
            discovery = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10)
            break
        except (requests.ConnectionError, requests.Timeout):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"The OpenID provider did not start:\n{log_path.read_text()}")
            time.sleep(0.1)
    yield SimpleNamespace(issuer=issuer, discovery=discovery.json(), accounts=accounts)
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture
def sso(settings, provider):
    """Single sign-on on, as OIDC_* in the environment would set it, with the endpoints from the
    provider's discovery document."""
    endpoints = provider.discovery
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = endpoints["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = endpoints["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = endpoints["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = endpoints["jwks_uri"]
    settings.OIDC_OP_LOGOUT_ENDPOINT = endpoints["end_session_endpoint"]
    settings.OIDC_RP_SCOPES = "openid email profile groups"

    def accounts(**claims_by_login):
        provider.accounts.write_text(json.dumps(claims_by_login))

    accounts(anna=ANNA)
    return SimpleNamespace(issuer=provider.issuer, accounts=accounts)


@pytest.fixture(autouse=True)
def loopback_only(page):
    """Nothing leaves the machine: the intranet and the provider are all there is."""
    page.context.route(
        re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])"), lambda r: r.abort()
    )


@pytest.fixture
def site(request):
    """The intranet's page tree and the groups that the provider's claims name; a committee's
    editors use the admin."""
    restore_wagtail_initial_rows()
    request.getfixturevalue("tree")
    for name in (STAFF, NETWORK_EDITORS, COORDINATORS):
        Group.objects.get_or_create(name=name)
    hl_editors, _ = Group.objects.get_or_create(name=HL_EDITORS)
    hl_editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def log_in_at_the_provider(page, sso, login="anna"):
    page.wait_for_url(f"{sso.issuer}/**")
    page.get_by_label("Login name").fill(login)
    page.get_by_role("button", name="Log in").click()


def log_out(page, sso):
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_url(f"{sso.issuer}/**")
    page.get_by_role("button", name="Yes, log me out").click()
    page.wait_for_url("**/logga-in/")


def user_in_header(page):
    return page.locator(".site-header__user").inner_text()


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


def tamper_with_the_login_request(page, **changes):
    """The intranet sends the browser to the provider with `changes` made to its parameters, as
    a forger of the provider's answer would."""

    def tamper(route):
        response = route.fetch(max_redirects=0)
        location = with_params(response.headers["location"], **changes)
        route.fulfill(response=response, headers=response.headers | {"location": location})

    page.route(re.compile(r"/oidc/authenticate/"), tamper)


def with_params(url, **changes):
    parts = urlsplit(url)
    params = {name: values[0] for name, values in parse_qs(parts.query).items()} | changes
    return parts._replace(query=urlencode(params)).geturl()


def test_first_login_creates_the_user_and_every_login_updates_the_groups(
    site, live_server, sso, page, assert_accessible
):
    page.goto(f"{live_server.url}/strategi/")
    assert "/logga-in/" in page.url
    assert_accessible(page)
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    log_in_at_the_provider(page, sso)
    page.wait_for_url(f"{live_server.url}/strategi/")
    assert user_in_header(page) == "Anna Berg"

    anna = get_user_model().objects.get(username="anna.berg")
    assert anna.email == "anna.berg@stockholm.se"
    assert group_names(anna) == {STAFF, HL_EDITORS}
    assert not Group.objects.filter(name="Superusers").exists()
    assert not (anna.is_staff or anna.is_superuser or anna.has_usable_password())
    page.goto(f"{live_server.url}/admin/")
    assert page.url == f"{live_server.url}/admin/"  # committee editors use the admin

    # Added by hand; the provider does not know of it, and SSO manages every group by default.
    anna.groups.add(Group.objects.get(name=NETWORK_EDITORS))
    sso.accounts(anna=ANNA | {"given_name": "Anna-Karin", "groups": [STAFF]})
    page.goto(f"{live_server.url}/")
    log_out(page, sso)
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    log_in_at_the_provider(page, sso)
    page.wait_for_url(f"{live_server.url}/")
    assert user_in_header(page) == "Anna-Karin Berg"

    assert get_user_model().objects.filter(username__iexact="anna.berg").count() == 1
    assert group_names(anna) == {STAFF}
    page.goto(f"{live_server.url}/admin/")
    assert "/logga-in/" in page.url


def test_groups_outside_the_managed_ones_are_left_alone(site, live_server, sso, page, settings):
    settings.OIDC_MANAGED_GROUPS = [HL_EDITORS, NETWORK_EDITORS]
    existing = get_user_model().objects.create_user("karin.lund", password="hennes-lösenord-1")
    existing.groups.add(*Group.objects.filter(name__in=[STAFF, HL_EDITORS]))
    sso.accounts(
        karin=ANNA
        | {
            "preferred_username": "Karin.Lund",
            "given_name": "Karin",
            "family_name": "Lund",
            "groups": [NETWORK_EDITORS, COORDINATORS],
        }
    )
    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    log_in_at_the_provider(page, sso, login="karin")
    page.wait_for_url(f"{live_server.url}/")
    assert user_in_header(page) == "Karin Lund"

    [user] = get_user_model().objects.filter(username__iexact="karin.lund")
    assert user.pk == existing.pk
    # Managed: the claim adds network editors and removes the committee's editors. Not managed:
    # staff stays although the claim lacks it, coordinators are not added although it names them.
    assert group_names(user) == {NETWORK_EDITORS, STAFF}


def test_an_answer_with_a_state_this_browser_did_not_send_is_refused(site, live_server, sso, page):
    tamper_with_the_login_request(page, state="forged-state")
    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    log_in_at_the_provider(page, sso)
    page.wait_for_url(f"{live_server.url}/**")
    assert "Bad Request (400)" in page.content()
    page.goto(f"{live_server.url}/")
    assert "/logga-in/" in page.url
    assert not get_user_model().objects.filter(username="anna.berg").exists()

    page.unroute_all()  # the same person, now with the state the intranet sent
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    page.wait_for_url(f"{live_server.url}/")
    assert user_in_header(page) == "Anna Berg"


def test_an_id_token_with_another_nonce_is_refused(site, live_server, sso, page, caplog):
    # The provider signs the ID token with the nonce it was given, here not the intranet's.
    tamper_with_the_login_request(page, nonce="forged-nonce")
    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    log_in_at_the_provider(page, sso)
    page.wait_for_url(f"{live_server.url}/**")
    assert "Bad Request (400)" in page.content()
    assert "JWT Nonce verification failed" in caplog.text
    page.goto(f"{live_server.url}/")
    assert "/logga-in/" in page.url
    assert not get_user_model().objects.filter(username="anna.berg").exists()

    page.unroute_all()
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    page.wait_for_url(f"{live_server.url}/")
    assert user_in_header(page) == "Anna Berg"


def test_logging_out_ends_the_session_here_and_at_the_provider(site, live_server, sso, page):
    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    log_in_at_the_provider(page, sso)
    page.wait_for_url(f"{live_server.url}/")

    log_out(page, sso)
    page.goto(f"{live_server.url}/")
    assert "/logga-in/" in page.url
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    # The provider asks again instead of logging the last person straight back in.
    page.wait_for_url(f"{sso.issuer}/**")
    assert page.get_by_label("Login name").is_visible()

    log_in_at_the_provider(page, sso)
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("button", name="Anna").click()  # the admin's account menu
    log_out(page, sso)
    page.goto(f"{live_server.url}/admin/")
    assert "/logga-in/" in page.url
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    page.wait_for_url(f"{sso.issuer}/**")
    assert page.get_by_label("Login name").is_visible()


def test_cancelling_at_the_provider_returns_to_the_login_page(site, live_server, sso, page):
    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    page.get_by_role("link", name="Cancel").click()
    page.wait_for_url(f"{live_server.url}/logga-in/")
    assert page.get_by_role("alert").inner_text() == (
        "Inloggningen med stadens konto lyckades inte. Försök igen."
    )


def test_a_code_the_provider_will_not_exchange_returns_to_the_login_page(
    site, live_server, sso, page, settings
):
    settings.OIDC_RP_CLIENT_SECRET = "not-the-secret"
    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_role("button", name=CITY_ACCOUNT).click()
    log_in_at_the_provider(page, sso)
    page.wait_for_url(f"{live_server.url}/logga-in/")
    assert page.get_by_role("alert").inner_text() == (
        "Inloggningen med stadens konto lyckades inte. Försök igen."
    )


def test_with_passwords_off_only_the_city_account_logs_in(
    site, live_server, sso, page, settings, client, assert_accessible
):
    get_user_model().objects.create_user("karin.lund", password="hennes-lösenord-1")
    password = {"username": "karin.lund", "password": "hennes-lösenord-1"}
    assert client.post("/logga-in/", password).status_code == 302
    client.post("/logga-ut/")

    settings.LOCAL_PASSWORD_LOGIN = False
    page.goto(f"{live_server.url}/logga-in/")
    assert page.get_by_label("Lösenord").count() == 0
    assert_accessible(page)
    assert client.post("/logga-in/", password).status_code == 405
    client.post("/admin/login/", password)
    assert client.get("/")["Location"].startswith("/logga-in/")
    assert client.get("/admin/")["Location"].startswith("/logga-in/")

    page.get_by_role("button", name=CITY_ACCOUNT).click()
    log_in_at_the_provider(page, sso)
    page.wait_for_url(f"{live_server.url}/")
    assert user_in_header(page) == "Anna Berg"
