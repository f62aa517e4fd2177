"""Every role against every action and surface, through real HTTP requests to a live server:
zero leaks.

Roles: anonymous, staff, a network editor, the editors of two committees, a coordinator.
Pages: a project of each of the two committees (own and other, for the committee editors), a
network news item and a section that belong to no committee, and a news item and a section
that only the coordinators may see. Each cell is allowed or denied as `expected` says, and the
whole table is printed (`pytest -s`) with any disagreement marked.
"""

import io
import itertools

import pytest
import requests
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks.base import BlockField
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from strategy_pages.models import RoleGroup
from tests import factories
from tests.browser.test_browse_the_intranet import restore_wagtail_initial_rows

ROLES = ["anonymous", "staff", "network_editor", "hl_editor", "sodermalm_editor", "coordinator"]
TARGETS = [
    "hl_project",
    "sodermalm_project",
    "news",
    "private_news",
    "section",
    "private_section",
]
VIEW_SURFACES = [
    "page",
    "listing",
    "menu",
    "search",
    "search_page",
    "suggest",
    "document",
    "image",
]
ADMIN_ACTIONS = [
    "explorer",
    "preview",
    "create",
    "edit",
    "submit",
    "approve",
    "publish",
    "unpublish",
    "move",
    "delete",
    "feature",
]
PRIVATE = {"private_news", "private_section"}
# Which pages each role looks after in the admin, and how.
MANAGES = {
    "coordinator": set(TARGETS),
    "network_editor": {"news", "private_news"},
    "hl_editor": {"hl_project"},
    "sodermalm_editor": {"sodermalm_project"},
}
MEDIA_EDITORS = {"network_editor", "hl_editor", "sodermalm_editor", "coordinator"}
CONTRIBUTOR_ACTIONS = {"explorer", "preview", "create", "edit", "submit"}
PUBLISHER_ACTIONS = CONTRIBUTOR_ACTIONS | {"publish", "unpublish", "move", "delete"}
COORDINATOR_ACTIONS = PUBLISHER_ACTIONS | {"approve", "feature"}
SURFACES_OF = {
    "hl_project": {"page", "listing", "search", "search_page", "suggest"},
    "sodermalm_project": {"page", "listing", "search", "search_page", "suggest"},
    "news": {"page", "listing", "search", "search_page", "suggest", "document", "image"},
    "private_news": {"page", "listing", "search", "search_page", "suggest", "document", "image"},
    "section": {"page", "menu", "search", "search_page", "suggest"},
    "private_section": {"page", "menu", "search", "search_page", "suggest"},
}
TITLE_WORDS = {
    "hl_project": "Akvarellutbyte",
    "sodermalm_project": "Barometerprojekt",
    "news": "Cembalonyhet",
    "private_news": "Dromedarförhandling",
    "section": "Eldflugerummet",
    "private_section": "Fagottrummet",
}


@pytest.fixture
def initial_rows():
    restore_wagtail_initial_rows()


def expected(role, target, action):
    """The rule: who may do what. Reading follows the page's privacy; the admin follows roles."""
    if action == "image" and role in MEDIA_EDITORS:
        return True  # they may choose every picture in the admin's library
    if action in VIEW_SURFACES:
        return role != "anonymous" and (target not in PRIVATE or role == "coordinator")
    if target not in MANAGES.get(role, ()):
        return False
    if role == "coordinator":
        allowed = COORDINATOR_ACTIONS
    elif role == "network_editor":
        allowed = PUBLISHER_ACTIONS
    else:
        allowed = CONTRIBUTOR_ACTIONS
    return action in allowed


def applies(target, action):
    if action in VIEW_SURFACES:
        return action in SURFACES_OF[target]
    return action != "feature" or target.endswith("_project")


# The live server answers from another thread: the data must be committed, and each test's
# flush is undone for the rows Wagtail's migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def world(initial_rows, tree, people, settings, tmp_path, django_user_model):
    settings.MEDIA_ROOT = tmp_path
    coordinators = RoleGroup.objects.get(role=RoleGroup.Role.COORDINATORS).group
    admin = django_user_model.objects.create_superuser("admin", password="hemligt-losenord-1")
    documents, pictures = {}, {}

    def make(kind, live=True, suffix=""):
        title = f"{TITLE_WORDS[kind]}{suffix}"
        if kind.endswith("_project"):
            committee = kind.removesuffix("_project").replace("hl", "hagersten-liljeholmen")
            page = factories.ShowcasePageFactory(
                parent=tree.sections[committee],
                committee=tree.committees[committee],
                title=title,
                live=live,
            )
        elif kind.endswith("news"):
            document = get_document_model()(title=f"Bilaga till {title}")
            document.file.save(f"{kind}{suffix}.txt", ContentFile(b"Bilaga"), save=True)
            documents.setdefault(kind, document)
            picture = pictures.setdefault(kind, make_picture(f"{kind}.png"))
            page = factories.NewsPageFactory(
                parent=tree.news_index,
                committee=tree.committees["stockholmshem"],
                title=title,
                live=live,
                related=[("document", document)],
                image=picture,
                image_alt="Förhandlingsbordet",
            )
        else:
            page = factories.SectionPageFactory(
                parent=tree.home, title=title, show_in_menus=True, live=live
            )
        if kind in PRIVATE:
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.add(coordinators)
        page.save_revision(user=admin)
        return page

    pages = {kind: make(kind) for kind in TARGETS}
    return {
        "pages": pages,
        "documents": documents,
        "pictures": pictures,
        "make": make,
        "admin": admin,
        "tree": tree,
    }


def make_picture(name):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 360), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title=name, file=ImageFile(buffer, name=name))


class HttpClient:
    """A browser-like HTTP client of the live server, logged in as one user (or nobody)."""

    def __init__(self, base_url, user=None):
        self.base_url = base_url
        self.session = requests.Session()
        if user is not None:
            login = Client()
            login.force_login(user)
            self.session.cookies.set("sessionid", login.cookies["sessionid"].value)
        # The login page sets the CSRF cookie that every POST below sends back.
        self.session.get(f"{base_url}/logga-in/", timeout=30)

    def get(self, path, params=None):
        return self.session.get(
            self.base_url + path, params=params, allow_redirects=False, timeout=30
        )

    def post(self, path, data=None):
        token = self.session.cookies.get("csrftoken", "")
        return self.session.post(
            self.base_url + path,
            data=data or {},
            headers={"X-CSRFToken": token, "Referer": self.base_url + path},
            allow_redirects=False,
            timeout=30,
        )


def opened(response):
    return response.status_code == 200


def shows(response, text):
    return response.status_code == 200 and text in response.text


def check_view(client, world, target, surface):
    page = world["pages"][target]
    tree = world["tree"]
    title = page.title
    if surface == "page":
        return opened(client.get(page.url))
    if surface == "listing":
        listing = tree.news_index if target.endswith("news") else tree.showcase_index
        return shows(client.get(listing.url), title)
    if surface == "menu":
        return shows(client.get(tree.home.url), f'href="{page.url}"')
    if surface == "search":
        return search_shows(client, title)
    if surface == "search_page":
        return shows(client.get("/sok/", {"q": title}), f'href="{page.url}"')
    if surface == "suggest":
        response = client.get("/api/search/suggest/", {"q": title[:6]})
        return response.status_code == 200 and title in [
            s["title"] for s in response.json()["suggestions"]
        ]
    if surface == "document":
        return opened(client.get(world["documents"][target].url))
    if surface == "image":
        return opened(client.get(world["pictures"][target].get_rendition("fill-480x270").url))
    raise ValueError(surface)


def search_shows(client, title):
    """Results, total and facet counts must agree: a count without a result is a leak too."""
    response = client.get("/api/search/", {"q": title})
    if response.status_code != 200:
        return False
    data = response.json()
    signals = {
        title in [result["title"] for result in data["results"]],
        data["total"] > 0,
        sum(value["count"] for values in data["facets"].values() for value in values) > 0,
    }
    return "inconsistent" if len(signals) > 1 else signals.pop()


def edit_form_data(admin_client, page):
    """What the admin's edit form would post back unchanged."""
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, DraftailRichTextArea):
            data[name] = field.widget.format_value(value)
        elif isinstance(field, BlockField):
            data[f"{name}-count"] = "0"
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = str(value)
    for prefix in form.formsets:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def check_admin(client, world, target, action, admin_client):
    page = world["pages"][target]
    make = world["make"]
    parent = page.get_parent()
    if action == "explorer":
        return shows(client.get(reverse("wagtailadmin_explore", args=(parent.pk,))), page.title)
    if action == "preview":
        return opened(client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,))))
    if action == "create":
        model = page.specific_class._meta
        url = reverse("wagtailadmin_pages:add", args=(model.app_label, model.model_name, parent.pk))
        return opened(client.get(url))
    if action == "edit":
        return opened(client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))))
    if action == "feature":
        response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        return opened(response) and 'name="featured"' in response.text
    if action == "move":
        return opened(client.get(reverse("wagtailadmin_pages:move", args=(page.pk,))))
    fresh = make(target, live=action in ("unpublish", "delete"), suffix=f" {action}")
    edit_url = reverse("wagtailadmin_pages:edit", args=(fresh.pk,))
    if action == "submit":
        client.post(edit_url, {**edit_form_data(admin_client, fresh), "action-submit": "1"})
        fresh.refresh_from_db()
        return fresh.workflow_in_progress
    if action == "publish":
        client.post(edit_url, {**edit_form_data(admin_client, fresh), "action-publish": "1"})
        fresh.refresh_from_db()
        return fresh.live
    if action == "approve":
        fresh.get_workflow().start(fresh, world["admin"])
        fresh.refresh_from_db()
        task_state = fresh.current_workflow_state.current_task_state
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=(fresh.pk, "approve", task_state.pk)
            ),
            {"comment": ""},
        )
        fresh.refresh_from_db()
        return fresh.live
    if action == "unpublish":
        client.post(reverse("wagtailadmin_pages:unpublish", args=(fresh.pk,)))
        fresh.refresh_from_db()
        return not fresh.live
    if action == "delete":
        client.post(reverse("wagtailadmin_pages:delete", args=(fresh.pk,)))
        return not type(fresh).objects.filter(pk=fresh.pk).exists()
    raise ValueError(action)


def test_every_role_may_do_exactly_what_its_role_allows(world, people, live_server, capsys):
    admin_client = Client()
    admin_client.force_login(world["admin"])
    observed, wrong = {}, []
    for role in ROLES:
        user = None if role == "anonymous" else getattr(people, role)
        role_client = HttpClient(live_server.url, user)
        for target, action in itertools.product(TARGETS, VIEW_SURFACES + ADMIN_ACTIONS):
            if not applies(target, action):
                continue
            if action in VIEW_SURFACES:
                result = check_view(role_client, world, target, action)
            else:
                result = check_admin(role_client, world, target, action, admin_client)
            observed[role, target, action] = result
            if result != expected(role, target, action):
                wrong.append((role, target, action, result))
    with capsys.disabled():
        print(table(observed))  # noqa: T201 - the table is the proof
    assert wrong == [], "\n".join(f"{r} {t} {a}: got {res}" for r, t, a, res in wrong)
    assert not Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=False)


def table(observed):
    """Allowed ✓, denied ·, and ✗ where the observation disagrees with the rule."""
    actions = VIEW_SURFACES + ADMIN_ACTIONS
    width = max(len(a) for a in actions)
    lines = []
    for target in TARGETS:
        lines.append(f"\n{target}")
        lines.append(" " * (width + 2) + " ".join(f"{role:>16}" for role in ROLES))
        for action in actions:
            if not applies(target, action):
                continue
            cells = []
            for role in ROLES:
                result = observed[role, target, action]
                mark = "✓" if result is True else "·"
                if result != expected(role, target, action):
                    mark = "✗"
                cells.append(f"{mark:>16}")
            lines.append(f"{action:<{width}}  " + " ".join(cells))
    return "\n".join(lines)
