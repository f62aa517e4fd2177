"""The plugin, built as a wheel, installed into a fresh `wagtail start` site by following only
the README: the site checks clean, serves the plugin's pages under its own home page inside its
own base template, and searches only the plugin's pages while its own search still works.

Slow (a virtual environment and a wheel install from the package index), so it runs in a step
of its own in `make test` (`-m plugin_install`).
"""

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.plugin_install

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
PASSWORD = "plugin-install-1"

CREATE_PAGES = """
import datetime
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageViewRestriction
from home.models import HomePage
from strategy_pages.models import (
    Committee, CommitteeIndexPage, CommitteePage, NetworkNewsIndexPage, NetworkNewsPage,
    ProjectShowcasePage, StrategyPage,
)
home = HomePage.objects.get()
strategy = home.add_child(instance=StrategyPage(title="Internationell strategi", slug="strategi"))
news_index = home.add_child(instance=NetworkNewsIndexPage(title="Nyheter", slug="nyheter"))
committee = Committee.objects.create(name="Farsta stadsdelsnämnd", slug="farsta", kind="district")
committees = home.add_child(instance=CommitteeIndexPage(title="Nämnder", slug="namnder"))
section = committees.add_child(instance=CommitteePage(title="Farsta", committee=committee))
news_index.add_child(instance=NetworkNewsPage(
    title="Zanzibarvecka i nätverket", slug="zanzibarvecka", summary="Zanzibar besöker Farsta.",
    committee=committee, date=datetime.date(2026, 5, 1)))
section.add_child(instance=ProjectShowcasePage(
    title="Zanzibarprojektet", summary="Utbyte med Zanzibar.", committee=committee))
secret = news_index.add_child(instance=NetworkNewsPage(
    title="Zanzibar internt", summary="Bara för inloggade.", committee=committee,
    date=datetime.date(2026, 5, 2)))
PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
home.title = "Zanzibar host home"
home.save_revision().publish()
get_user_model().objects.create_superuser("admin", "admin@example.org", "{password}")
"""


def readme_block(marker):
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker} -->\s*```python\n(.*?)```", text, re.S)
    assert match, f"README has no block marked {marker}"
    return match.group(1)


def host_environment():
    """This process's environment without this project's Django settings."""
    own = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SEARCH_URL", "SEARCH_BACKEND")
    return {name: value for name, value in os.environ.items() if name not in own}


def run(*args, cwd, check=True):
    result = subprocess.run(  # noqa: S603 - our own commands, no shell
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=host_environment(),
        timeout=900,
    )
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """A `wagtail start` site with the plugin's wheel installed as the README says, serving on
    loopback."""
    work = tmp_path_factory.mktemp("host")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", REPO, cwd=work)
    wheel = next((work / "dist").glob("*.whl"))
    run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    python = work / "venv" / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", str(wheel), cwd=work)
    (work / "site").mkdir()
    run(work / "venv" / "bin" / "wagtail", "start", "mysite", work / "site", cwd=work)
    site = work / "site"
    settings = site / "mysite" / "settings" / "base.py"
    settings.write_text(
        settings.read_text() + "\n" + readme_block("plugin-settings"), encoding="utf-8"
    )
    shadowed = run(python, "manage.py", "check", cwd=site, check=False)
    rename_site_search_app(site)
    urls = site / "mysite" / "urls.py"
    urls.write_text(urls.read_text() + "\n" + readme_block("plugin-urls"), encoding="utf-8")
    run(python, "manage.py", "migrate", "--noinput", cwd=site)
    run(python, "manage.py", "shell", "-c", CREATE_PAGES.format(password=PASSWORD), cwd=site)
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [str(python), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=site,
        env=host_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_for(base)
    yield type("Host", (), {"python": python, "site": site, "base": base, "shadowed": shadowed})
    server.terminate()
    server.wait(timeout=30)


def rename_site_search_app(site):
    """The README's answer to a host whose own `search` package hides the plugin's."""
    (site / "search").rename(site / "site_search")
    settings = site / "mysite" / "settings" / "base.py"
    settings.write_text(settings.read_text().replace('    "search",\n', '    "site_search",\n', 1))
    urls = site / "mysite" / "urls.py"
    urls.write_text(urls.read_text().replace("from search import", "from site_search import"))


def wait_for(base, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5)  # noqa: S310 - loopback
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    pytest.fail("The host site did not start")


def get(url, opener=None):
    opener = opener or urllib.request.build_opener()
    with opener.open(url, timeout=30) as response:
        return response.status, response.read().decode()


def test_a_host_search_package_that_hides_the_plugins_is_named(host):
    assert host.shadowed.returncode != 0
    assert "hides the plugin's search layer" in host.shadowed.stderr
    assert "Rename the site's package" in host.shadowed.stderr


def test_the_host_checks_clean_and_needs_no_migrations(host):
    run(host.python, "manage.py", "check", cwd=host.site)
    run(host.python, "manage.py", "makemigrations", "--check", "--dry-run", cwd=host.site)


def test_plugin_pages_render_under_the_host_home_inside_its_base_template(host):
    for path in ("/strategi/", "/nyheter/", "/nyheter/zanzibarvecka/"):
        status, html = get(host.base + path)
        assert status == 200, path
        # wagtail start's base template: its own stylesheet and the userbar's script, ours inside
        assert "css/mysite.css" in html
        assert "strategy_pages/css/strategy_pages.css" in html
        assert '<div class="intl">' in html
    status, css = get(host.base + "/static/strategy_pages/css/strategy_pages.css")
    assert status == 200 and ".intl" in css


def test_plugin_search_finds_plugin_pages_only_and_hides_restricted_ones(host):
    status, body = get(host.base + "/api/search/?q=zanzibar")
    assert status == 200
    titles = {hit["title"] for hit in json.loads(body)["results"]}
    assert titles == {"Zanzibarvecka i nätverket", "Zanzibarprojektet"}
    status, html = get(host.base + "/sok/?q=zanzibar")
    assert status == 200
    assert "Zanzibarprojektet" in html
    assert "Zanzibar host home" not in html
    assert "Zanzibar internt" not in html


def test_the_hosts_own_pages_and_search_still_work(host):
    status, html = get(host.base + "/")
    assert status == 200 and "Zanzibar host home" in html
    status, html = get(host.base + "/search/?query=Zanzibar")
    assert status == 200 and "Zanzibar host home" in html


def test_the_admin_dashboard_opens_for_a_superuser(host):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _, login_page = get(host.base + "/admin/login/", opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "admin", "password": PASSWORD, "next": "/admin/"}
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - loopback
        host.base + "/admin/login/", data=data, headers={"Referer": host.base + "/admin/login/"}
    )
    with opener.open(request, timeout=30) as response:
        assert response.status == 200
        html = response.read().decode()
    assert "/admin/logout/" in html
    assert "Server Error" not in html


ROLE_CHECK = """
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page
from strategy_pages.models import Committee, CommitteePage
intranet = Page.objects.filter(content_type__app_label="strategy_pages")
editors = GroupPagePermission.objects.filter(group__name__in=["Editors", "Moderators"])
print("default groups over the intranet:", sum(
    editors.filter(page__path__in=[p.path[:n] for n in range(4, len(p.path) + 1, 4)]).count()
    for p in intranet))
farsta = Committee.objects.get(slug="farsta")
print("farsta editors:", farsta.editor_group.name if farsta.editor_group else None)
print("farsta rights:", sorted(GroupPagePermission.objects.filter(group=farsta.editor_group)
      .values_list("permission__codename", flat=True)))
"""


def test_roles_are_set_up_in_a_foreign_site_without_touching_its_other_pages(host):
    first = run(host.python, "manage.py", "create_intranet_groups", cwd=host.site)
    again = run(host.python, "manage.py", "create_intranet_groups", cwd=host.site)
    assert first.stdout == again.stdout
    checked = run(host.python, "manage.py", "shell", "-c", ROLE_CHECK, cwd=host.site).stdout
    assert "default groups over the intranet: 0" in checked
    assert "farsta editors: Editors – Farsta stadsdelsnämnd" in checked
    assert "farsta rights: ['add_page', 'change_page']" in checked
