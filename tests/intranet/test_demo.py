"""The demo loader builds the whole site from the source document, and running it again is safe."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from strategy_pages.models import (
    Committee,
    CommitteeKind,
    ConsultationResponsePage,
    NetworkNewsPage,
    Orientation,
    ProjectShowcasePage,
    Theme,
)
from tests.intranet.test_navigation import menu

MODELS = [
    Page,
    Committee,
    Theme,
    Orientation,
    ProjectShowcasePage,
    NetworkNewsPage,
    get_image_model(),
]


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=StringIO())


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_running_twice_creates_nothing_new(demo):
    before = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == before


INITIATIVES = [
    "studiebesök",
    "Telefonplan",
    "Demokratiutveckling",
    "social omsorg",
    "förskolan",
    "Unga flickors psykiska ohälsa",
]


def test_demo_content_follows_the_source_document(demo):
    districts = Committee.objects.filter(kind=CommitteeKind.DISTRICT)
    assert districts.count() == 14
    assert districts.filter(name="Hägersten-Liljeholmens stadsdelsnämnd").exists()
    for kind in (CommitteeKind.SPECIALIST, CommitteeKind.COMPANY, CommitteeKind.EXECUTIVE_OFFICE):
        assert Committee.objects.filter(kind=kind).exists(), kind

    hl_showcases = ProjectShowcasePage.objects.live().filter(
        committee__slug="hagersten-liljeholmen"
    )
    for words in INITIATIVES:
        assert hl_showcases.filter(title__icontains=words).exists(), words
    for orientation in Orientation.objects.all():
        assert ProjectShowcasePage.objects.filter(orientations=orientation).exists(), orientation
    assert ProjectShowcasePage.objects.values("committee").distinct().count() >= 5

    assert NetworkNewsPage.objects.live().count() >= 12
    assert NetworkNewsPage.objects.filter(
        title__icontains="nätverket för informationsspridning"
    ).exists()

    response = ConsultationResponsePage.objects.get()
    assert response.committee.slug == "hagersten-liljeholmen"
    assert response.consultation_registry_number == "171-482/2016"
    assert str(response.deadline) == "2016-10-17"
    assert str(response.meeting_date) == "2016-09-22"

    home = Site.objects.get(is_default_site=True).root_page.specific
    assert home.__class__.__name__ == "IntranetHomePage"
    for page in [*ProjectShowcasePage.objects.all(), *NetworkNewsPage.objects.all()]:
        assert page.image and page.image_alt.strip(), page.title


def test_demo_users_log_in_and_have_the_rights_of_their_role(demo, settings, django_user_model, rf):
    names = ("medarbetare", "redaktor", "samordnare", "hl-redaktor")
    for username in names:
        request = rf.post("/logga-in/")
        assert authenticate(request, username=username, password=settings.DEMO_PASSWORD), username
    user = {name: django_user_model.objects.get(username=name) for name in names}
    showcases = ProjectShowcasePage.objects.all()
    hl_showcase = showcases.filter(committee__slug="hagersten-liljeholmen").first()
    other_showcase = showcases.exclude(committee__slug="hagersten-liljeholmen").first()
    news = NetworkNewsPage.objects.first()
    assert hl_showcase.permissions_for_user(user["hl-redaktor"]).can_edit()
    assert not other_showcase.permissions_for_user(user["hl-redaktor"]).can_edit()
    assert news.permissions_for_user(user["redaktor"]).can_publish()
    assert not hl_showcase.permissions_for_user(user["redaktor"]).can_edit()
    assert other_showcase.permissions_for_user(user["samordnare"]).can_publish()
    assert not news.permissions_for_user(user["medarbetare"]).can_edit()
    assert user["samordnare"].has_perm("strategy_pages.change_committee")
    assert user["samordnare"].has_perm("strategy_pages.add_theme")
    assert not user["redaktor"].has_perm("strategy_pages.change_committee")
    assert user["redaktor"].has_perm("wagtailsearchpromotions.add_searchpromotion")


def test_every_demo_page_renders(demo, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="medarbetare"))
    for page in Page.objects.live().filter(depth__gt=1):
        assert client.get(page.url).status_code == 200, page.url


def test_the_demo_names_the_review_workflow_in_swedish(demo):
    from wagtail.models import Task, Workflow

    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Granskning").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_every_section_of_the_start_page_can_be_reached_from_the_menu(
    demo, client, django_user_model
):
    client.force_login(django_user_model.objects.get(username="medarbetare"))
    home = Site.objects.get(is_default_site=True).root_page
    nav = menu(client.get(home.url).content.decode())
    for section in home.get_children().live().specific():
        if not (section.leads_to_others or section.allowed_subpage_models()):
            continue  # a single event or page, not a section
        assert f'href="{section.url}"' in nav, f"{section.title} is not in the menu"


def test_a_demo_project_lists_the_news_about_it(demo, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="medarbetare"))
    project = ProjectShowcasePage.objects.get(slug="landstrom-hamndirektiv")
    html = client.get(project.url).content.decode()
    news = html[html.index("Nyheter om projektet") :]
    assert "Landström i Värtahamnen uppmärksammas i Europa" in news


def test_the_demo_strategys_goals_count_the_projects_behind_them(demo, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="medarbetare"))
    strategy = Page.objects.get(slug="strategi")
    html = client.get(strategy.url).content.decode()
    assert html.count('class="goal__served-by"') == 4
    assert "?dimension=ekologisk" in html


def test_the_demo_pictures_what_each_item_is_about(demo):
    pages = [*ProjectShowcasePage.objects.all(), *NetworkNewsPage.objects.all()]
    motifs = {" ".join(page.image_alt.split()[:2]) for page in pages}
    assert len(motifs) >= 5, motifs
    harbour = ProjectShowcasePage.objects.get(slug="landstrom-hamndirektiv")
    assert "hamn" in harbour.image_alt
