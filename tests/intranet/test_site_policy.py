"""The host site's policies: a closed, Swedish intranet, configured from the environment."""

import os
import subprocess
import sys

import pytest


def test_login_page_is_swedish_and_logs_in(client, staff_user, tree):
    page = client.get("/logga-in/?next=/")
    html = page.content.decode()
    assert "Användarnamn" in html and "Lösenord" in html
    response = client.post(
        "/logga-in/", {"username": "medarbetare", "password": "hemligt-losenord-1", "next": "/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_wrong_password_gets_a_clear_swedish_error(client, staff_user):
    response = client.post("/logga-in/", {"username": "medarbetare", "password": "fel"})
    assert "Användarnamnet eller lösenordet stämmer inte" in response.content.decode()


def test_logout_ends_the_session(staff_client, tree):
    staff_client.post("/logga-ut/")
    assert staff_client.get("/").status_code == 302


def test_search_page_needs_login(client):
    assert client.get("/sok/?q=strategi")["Location"].startswith("/logga-in/")


def test_admin_speaks_swedish_by_default(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "lösenord-123")
    client.force_login(admin)
    html = client.get("/admin/").content.decode()
    assert 'lang="sv"' in html


def _start_production(env):
    code = "import django; django.setup()"
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "intranet.settings.production"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    env |= {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "intranet.example.org"}
    del env[missing]
    result = _start_production(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_starts_when_configured():
    env = {**os.environ, "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "intranet.example.org"}
    assert _start_production(env).returncode == 0


def test_production_passes_the_deployment_checks():
    # The browser tests' async permit is for Playwright, not for a deployment.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {
        "SECRET_KEY": "k" + "3xq9Zr7!" * 8,
        "ALLOWED_HOSTS": "intranet.example.org",
        "CACHE_URL": "dbcache://intranet_cache",
        "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_guessing_passwords_locks_the_user_name_out(client, staff_user, tree):
    for _ in range(30):
        client.post("/logga-in/", {"username": "medarbetare", "password": "fel-gissning"})
    response = client.post(
        "/logga-in/", {"username": "medarbetare", "password": "hemligt-losenord-1", "next": "/"}
    )
    assert response.status_code == 429
    assert "För många försök" in response.content.decode()
    assert client.get("/").status_code == 302  # still not logged in


def test_the_admin_login_is_throttled_too(client, staff_user):
    for _ in range(6):
        client.post("/admin/login/", {"username": "medarbetare", "password": "fel-gissning"})
    response = client.post(
        "/admin/login/", {"username": "medarbetare", "password": "hemligt-losenord-1"}
    )
    assert response.status_code == 429
