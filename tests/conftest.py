"""Shared fixtures: a small intranet page tree and logged-in clients.

Nothing here imports the host site (`intranet`), so the plugin-only run can use it too.
"""

import datetime
import os
import threading
import uuid
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from django.utils import translation
from wagtail.models import Page, Site

from search.conf import engine
from tests import factories

PLUGIN_SETTINGS = "tests.plugin_site.settings"


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server of browser and HTTP tests reads requests in threads, as Chromium opens
    connections it may leave idle, but answers one at a time. Its requests share the test's
    database connection (SQLite test databases live in memory), and two threads on one SQLite
    connection deadlock as soon as a query calls back into Python, as the date functions do;
    Chromium asks for a page's pictures in parallel."""

    answering = threading.Lock()

    def set_app(self, application):
        def one_at_a_time(environ, start_response):
            with self.answering:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


LiveServerThread.server_class = OneRequestAtATimeServer


def pytest_ignore_collect(collection_path, config):
    """The plugin-only run collects tests/plugin_site alone; every other run skips it."""
    plugin_run = (
        config.getoption("ds", default=None) or os.environ.get("DJANGO_SETTINGS_MODULE")
    ) == PLUGIN_SETTINGS
    if collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    in_plugin_dir = "plugin_site" in collection_path.parts
    return True if in_plugin_dir != plugin_run else None


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: menus, facet labels and synonyms of one test's
    content must not answer for the next one's."""
    cache.clear()


@pytest.fixture
def english():
    """Pages in the source language, for tests that read their wording."""
    with translation.override("en"):
        yield


@pytest.fixture
def tree(db):
    """Home page as the default site's root, with the strategy, four orientations, the listings and
    two committee sections (a district committee and a company)."""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="start")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "port": 80}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    strategy = factories.StrategyPageFactory(parent=home)
    orientations = {
        slug: factories.OrientationFactory(name=name, slug=slug, sort_order=position)
        for position, (name, slug) in enumerate(
            [
                ("Profilering", "profilering"),
                ("Omvärldsbevakning", "omvarldsbevakning"),
                ("Samverkan", "samverkan"),
                ("Påverkan", "paverkan"),
            ],
            start=1,
        )
    }
    orientation_pages = {
        slug: factories.OrientationPageFactory(parent=strategy, orientation=orientation)
        for slug, orientation in orientations.items()
    }
    committee_index = factories.CommitteeIndexPageFactory(parent=home)
    committees = {
        "hagersten-liljeholmen": factories.CommitteeFactory(
            name="Hägersten-Liljeholmens stadsdelsnämnd", slug="hagersten-liljeholmen"
        ),
        "sodermalm": factories.CommitteeFactory(name="Södermalms stadsdelsnämnd", slug="sodermalm"),
        "stockholmshem": factories.CommitteeFactory(
            name="AB Stockholmshem", slug="stockholmshem", kind="company"
        ),
    }
    sections = {
        slug: factories.CommitteePageFactory(parent=committee_index, committee=committee)
        for slug, committee in committees.items()
    }
    return SimpleNamespace(
        home=home,
        strategy=strategy,
        orientations=orientations,
        orientation_pages=orientation_pages,
        news_index=factories.NewsIndexPageFactory(parent=home),
        showcase_index=factories.ShowcaseIndexPageFactory(parent=home),
        committee_index=committee_index,
        committees=committees,
        sections=sections,
        themes={
            "forskola": factories.ThemeFactory(name="Förskola", slug="forskola"),
            "demokrati": factories.ThemeFactory(name="Demokratiutveckling", slug="demokrati"),
        },
    )


@pytest.fixture
def add_showcase(tree):
    def add(committee="hagersten-liljeholmen", **fields):
        fields.setdefault("start_date", datetime.date(2016, 1, 1))
        return factories.ShowcasePageFactory(
            parent=tree.sections[committee], committee=tree.committees[committee], **fields
        )

    return add


@pytest.fixture
def add_news(tree):
    def add(committee="hagersten-liljeholmen", **fields):
        return factories.NewsPageFactory(
            parent=tree.news_index, committee=tree.committees[committee], **fields
        )

    return add


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        username="medarbetare", password="hemligt-losenord-1", first_name="Sara"
    )


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def search_engine(settings, monkeypatch):
    """The real engine at SEARCH_URL (started by `make test`), with indexes of this test's own
    prefix, deleted afterwards."""
    url = os.environ.get("SEARCH_URL")
    if not url:
        pytest.fail(
            "No search engine: run `make test`, or `make search-engine` and set SEARCH_URL."
        )
    settings.STRATEGY_SEARCH_URL = url
    settings.STRATEGY_SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "opensearch2")
    settings.STRATEGY_SEARCH_INDEX_PREFIX = f"test_{uuid.uuid4().hex[:12]}_"
    # An engine test asserts the engine's answers: a slow machine must not turn it into a
    # database test, so searches wait for the engine and a fallback fails the test.
    settings.STRATEGY_SEARCH_QUERY_TIMEOUT = 60
    monkeypatch.setattr(
        "search.query.engine_failed",
        lambda error: pytest.fail(f"The engine failed and the database answered: {error}"),
    )
    yield engine()
    engine().client.indices.delete(index=f"{settings.STRATEGY_SEARCH_INDEX_PREFIX}*")


@pytest.fixture
def people(tree, django_user_model):
    """One user per role over the `tree`, with the groups `create_intranet_groups` makes: staff,
    a network editor, the editors of two committees and a coordinator."""
    from strategy_pages.models import RoleGroup  # noqa: PLC0415 - needs the app registry
    from strategy_pages.roles import role_group, set_up_roles  # noqa: PLC0415

    set_up_roles()

    def person(username, group):
        user = django_user_model.objects.create_user(
            username=username, password="hemligt-losenord-1", email=f"{username}@example.org"
        )
        user.groups.add(group)
        return user

    editors = {
        slug: c.__class__.objects.get(pk=c.pk).editor_group for slug, c in tree.committees.items()
    }
    return SimpleNamespace(
        staff=person("medarbetare", role_group(RoleGroup.Role.STAFF)),
        network_editor=person("redaktor", role_group(RoleGroup.Role.NETWORK_EDITORS)),
        hl_editor=person("hl-redaktor", editors["hagersten-liljeholmen"]),
        sodermalm_editor=person("sodermalm-redaktor", editors["sodermalm"]),
        coordinator=person("samordnare", role_group(RoleGroup.Role.COORDINATORS)),
    )
