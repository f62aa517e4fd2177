"""“Reuse the initiative”: another committee takes up a project as a draft of its own, linked to
the project it builds on, which shows where it has been reused."""

import datetime

import pytest
from django.urls import reverse

from strategy_pages.models import ProjectShowcasePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def origin(add_showcase, tree):
    page = add_showcase(
        title="Kompetensutbyte inom förskolan",
        slug="kompetensutbyte-forskolan",
        status="completed",
        start_date=datetime.date(2014, 8, 15),
        end_date=datetime.date(2016, 6, 30),
        featured=True,
        results="<p>Utomhuspedagogik i tre förskolor.</p>",
        lessons_learned="<p>Förbered besöken med tolk.</p>",
        transferability="<p>Fungerar i alla stadsdelar.</p>",
        partners=[
            ("partner", {"organisation": "Förskoleförvaltningen", "city": "", "country": "Finland"})
        ],
    )
    page.themes.set([tree.themes["forskola"]])
    page.save_revision().publish()
    return page


def reuse_url(page):
    return reverse("strategy_reuse_showcase", args=[page.pk])


def copies_of(page):
    return ProjectShowcasePage.objects.filter(reused_from=page)


def test_the_copy_is_a_draft_under_the_target_committee(client, origin, people, tree):
    client.force_login(people.sodermalm_editor)
    response = client.post(reuse_url(origin), {"target": tree.sections["sodermalm"].pk})

    copy = copies_of(origin).get()
    assert response.url == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert copy.get_parent().pk == tree.sections["sodermalm"].pk
    assert copy.committee == tree.committees["sodermalm"]
    assert not copy.live
    assert copy.owner == people.sodermalm_editor
    assert (copy.status, copy.start_date, copy.end_date, copy.featured) == (
        "planned",
        None,
        None,
        False,
    )
    assert (copy.results, copy.lessons_learned, copy.transferability) == ("", "", "")
    assert copy.title == origin.title
    assert copy.partners[0].value["organisation"] == "Förskoleförvaltningen"
    assert list(copy.themes.all()) == [tree.themes["forskola"]]
    # The editor continues from the latest revision, which must be the adapted copy too.
    draft = copy.get_latest_revision_as_object()
    assert (draft.committee, draft.results, draft.reused_from) == (copy.committee, "", origin)


def test_the_origin_lists_the_reuse_once_it_is_published(client, origin, people, tree):
    client.force_login(people.sodermalm_editor)
    client.post(reuse_url(origin), {"target": tree.sections["sodermalm"].pk})
    copy = copies_of(origin).get()

    reuse_link = "Södermalms stadsdelsnämnd – Kompetensutbyte inom förskolan"
    assert reuse_link not in client.get(origin.url).content.decode()
    copy.save_revision().publish()
    origin_page = client.get(origin.url).content.decode()
    assert origin_page.count(reuse_link) == 1
    assert f'href="{copy.url}"' in origin_page
    assert f'href="{origin.url}"' in client.get(copy.url).content.decode()


def test_a_second_reuse_gets_its_own_address(client, origin, people, tree):
    client.force_login(people.sodermalm_editor)
    for _ in range(2):
        client.post(reuse_url(origin), {"target": tree.sections["sodermalm"].pk})
    slugs = sorted(copies_of(origin).values_list("slug", flat=True))
    assert slugs == ["kompetensutbyte-forskolan", "kompetensutbyte-forskolan-1"]


def test_an_editor_cannot_reuse_into_another_committee(client, origin, people, tree):
    client.force_login(people.sodermalm_editor)
    response = client.post(reuse_url(origin), {"target": tree.sections["stockholmshem"].pk})
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not copies_of(origin).exists()


def test_the_form_offers_only_committees_the_editor_writes_for(client, origin, people, tree):
    client.force_login(people.sodermalm_editor)
    form = client.get(reuse_url(origin)).content.decode()
    assert f'value="{tree.sections["sodermalm"].pk}"' in form
    assert f'value="{tree.sections["stockholmshem"].pk}"' not in form


def test_staff_cannot_reuse(client, origin, people, tree):
    client.force_login(people.staff)
    client.post(reuse_url(origin), {"target": tree.sections["sodermalm"].pk})
    assert not copies_of(origin).exists()


def test_a_draft_of_another_committee_cannot_be_reused(client, add_showcase, people, tree):
    draft = add_showcase(title="Hemligt utkast", live=False)
    client.force_login(people.sodermalm_editor)
    response = client.post(reuse_url(draft), {"target": tree.sections["sodermalm"].pk})
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not copies_of(draft).exists()


def test_the_action_is_offered_to_those_who_may_use_it(client, origin, people):
    edit_url = reverse("wagtailadmin_pages:edit", args=[origin.pk])
    explore_url = reverse("wagtailadmin_explore", args=[origin.get_parent().pk])

    client.force_login(people.coordinator)
    assert reuse_url(origin) in client.get(edit_url).content.decode()
    assert reuse_url(origin) in client.get(explore_url).content.decode()

    # Hägersten-Liljeholmen's editor writes for the origin's own committee only.
    client.force_login(people.hl_editor)
    assert reuse_url(origin) not in client.get(edit_url).content.decode()


def test_an_editor_of_another_committee_reuses_from_the_project_page(client, origin, people, tree):
    client.force_login(people.sodermalm_editor)
    page = client.get(origin.url).content.decode()
    assert f'href="{reuse_url(origin)}"' in page

    form = client.get(reuse_url(origin))
    assert form.status_code == 200
    response = client.post(reuse_url(origin), {"target": tree.sections["sodermalm"].pk})
    copy = copies_of(origin).get()
    assert response.url == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert copy.get_parent().pk == tree.sections["sodermalm"].pk


@pytest.mark.parametrize("person", ["staff", "hl_editor"])
def test_the_project_page_offers_no_reuse_to_those_who_cannot(client, origin, people, person):
    client.force_login(getattr(people, person))
    response = client.get(origin.url)
    assert response.status_code == 200
    assert reuse_url(origin) not in response.content.decode()
