"""The host site's policies: a closed, Swedish intranet, configured from the environment."""

import datetime
import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Collection


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


def test_search_page_needs_login(client, db):
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


def test_a_user_without_a_password_sets_one_through_the_emailed_link(client, tree, mailoutbox):
    from django.contrib.auth import get_user_model

    imported = get_user_model().objects.create_user("fran-plone", email="anna@example.org")
    assert not imported.has_usable_password()
    login_page = client.get("/logga-in/").content.decode()
    assert 'href="/losenord/glomt/"' in login_page
    response = client.post("/losenord/glomt/", {"email": "Anna@example.org"})
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["anna@example.org"]
    assert "Nytt lösenord till intranätet" in mail.subject
    link = next(line for line in mail.body.splitlines() if "/losenord/nytt/" in line)
    form = client.get(urlsplit(link.strip()).path, follow=True)
    assert form.status_code == 200 and "Välj ett nytt lösenord" in form.content.decode()
    new_password = "ett-langt-nytt-losenord-2026"
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
        follow=True,
    )
    assert "Lösenordet är sparat" in done.content.decode()
    imported.refresh_from_db()
    assert imported.check_password(new_password)


@pytest.mark.parametrize("old_path", ["/gammal/hemlig.html", "/gammal/hemlig"])
def test_old_addresses_do_not_tell_anonymous_visitors_where_they_lead(staff_client, tree, old_path):
    from django.test import Client
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(old_path=old_path, redirect_page=tree.strategy)
    response = Client().get(old_path)
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")
    assert tree.strategy.url not in response["Location"].split("?")[0]
    assert staff_client.get(old_path)["Location"] == tree.strategy.url


def test_front_end_forbids_inline_scripts_and_styles(client, tree, staff_user):
    client.force_login(staff_user)
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy


def test_a_session_ends_at_its_absolute_age_however_busy(staff_client, tree, settings):
    settings.SESSION_ABSOLUTE_AGE = 12 * 60 * 60
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        assert staff_client.get("/").status_code == 200
        for _hour in range(11):
            clock.shift(datetime.timedelta(hours=1))
            assert staff_client.get("/").status_code == 200
        clock.shift(datetime.timedelta(hours=1, minutes=1))
        response = staff_client.get("/")
        assert response.status_code == 302
        assert "/logga-in/" in response.url
        assert staff_client.get("/").status_code == 302  # logged out, not just turned away


def upload(name, content, content_type):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_documents_over_the_size_limit_are_refused_with_the_limit(admin_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Stor rapport",
            "file": upload("rapport.pdf", b"%PDF" + b"x" * 2048, "application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert "1,0" in response.content.decode() or "1.0" in response.content.decode()
    assert not Document.objects.filter(title="Stor rapport").exists()


def test_documents_of_other_types_are_refused(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Sida",
            "file": upload("sida.html", b"<script>alert(1)</script>", "text/html"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert not Document.objects.filter(title="Sida").exists()


def test_svg_images_are_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Logga",
            "file": upload("logga.svg", svg, "image/svg+xml"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Logga").exists()
