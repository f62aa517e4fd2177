"""The admin home as an editor's start: shortcuts that open the right form with the committee
chosen, the editor's drafts, what awaits review, the committees' projects; committee choices
limited to what the page may belong to; and an abandoned first try does not block the next."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from strategy_pages.models import Committee, NetworkNewsPage, ProjectShowcasePage

pytestmark = pytest.mark.django_db


def editor_group(tree, slug):
    """The committee's editor group, which the roles' set-up gave it after `tree` was made."""
    return Committee.objects.get(pk=tree.committees[slug].pk).editor_group


def add_url(model, parent, query=""):
    url = reverse("wagtailadmin_pages:add", args=("strategy_pages", model, parent.pk))
    return f"{url}?{query}" if query else url


def dashboard(client, user):
    client.force_login(user)
    return BeautifulSoup(client.get("/admin/").content, "html.parser")


def panel(page, panel_id):
    """The text of one dashboard panel, or None when the dashboard does not show it."""
    section = page.find("section", id=f"{panel_id}-section")
    return section.get_text(" ", strip=True) if section else None


def showcase_form(committee, title="Sommarskola i Tallinn", slug="sommarskola-i-tallinn"):
    return {
        "title": title,
        "slug": slug,
        "committee": committee.pk,
        "status": "ongoing",
        "summary": "Elever från Liljeholmen läser en sommar i Tallinn.",
        "body-count": "0",
        "partners-count": "0",
        "gallery-count": "0",
        "links-count": "0",
    }


@pytest.fixture
def drafts(add_showcase, people):
    """An unpublished project of each of two committees, saved by its own editor, and a live
    one of Hägersten-Liljeholmen."""
    own = add_showcase(title="Eget utkast", live=False)
    own.save_revision(user=people.hl_editor)
    other = add_showcase(committee="sodermalm", title="Södermalms utkast", live=False)
    other.save_revision(user=people.sodermalm_editor)
    published = add_showcase(title="Publicerat projekt")
    published.save_revision(user=people.hl_editor).publish()
    return own, other, published


# The panels ------------------------------------------------------------------------------


def test_my_drafts_lists_the_editors_own_drafts_only(client, drafts, people):
    drafts_panel = panel(dashboard(client, people.hl_editor), "my-drafts")
    assert "Eget utkast" in drafts_panel
    assert "Södermalms utkast" not in drafts_panel
    assert "Publicerat projekt" not in drafts_panel


def test_a_submitted_draft_moves_to_awaiting_review(client, drafts, people):
    own = drafts[0]
    own.get_workflow().start(own, people.hl_editor)
    editor_home = dashboard(client, people.hl_editor)
    assert "Eget utkast" not in panel(editor_home, "my-drafts")
    assert "Eget utkast" in panel(editor_home, "awaiting-review")
    assert "Eget utkast" in panel(dashboard(client, people.coordinator), "awaiting-review")
    assert panel(dashboard(client, people.sodermalm_editor), "awaiting-review") is None


def test_wagtails_own_workflow_panels_are_folded_into_awaiting_review(client, drafts, people):
    own = drafts[0]
    own.get_workflow().start(own, people.hl_editor)
    coordinator_home = dashboard(client, people.coordinator)
    assert coordinator_home.find("section", id="awaiting-review-section")
    assert not coordinator_home.find("section", id="objects-in-workflow-section")
    assert coordinator_home.get_text().count("Eget utkast") == 1


def test_my_committees_projects_lists_own_committees_projects(client, drafts, people):
    projects = panel(dashboard(client, people.hl_editor), "committee-projects")
    assert "Eget utkast" in projects
    assert "Publicerat projekt" in projects
    assert "Södermalms utkast" not in projects


def test_staff_and_coordinators_get_no_committee_projects_panel(client, drafts, people):
    assert panel(dashboard(client, people.coordinator), "committee-projects") is None


# The shortcuts ---------------------------------------------------------------------------


def shortcut_links(page):
    section = page.find("section", id="editor-shortcuts-section")
    if section is None:
        return {}
    buttons = section.find_all("a", class_="button")
    return {link.get_text(" ", strip=True): link["href"] for link in buttons}


def test_a_committee_editor_gets_new_project_in_their_section_and_no_news(client, tree, people):
    links = shortcut_links(dashboard(client, people.hl_editor))
    section = tree.sections["hagersten-liljeholmen"]
    assert list(links.values()) == [add_url("projectshowcasepage", section)]


def test_new_project_opens_the_form_with_the_committee_chosen(client, tree, people):
    client.force_login(people.hl_editor)
    url = add_url("projectshowcasepage", tree.sections["hagersten-liljeholmen"])
    form = client.get(url).context["form"]
    assert form.initial["committee"] == tree.committees["hagersten-liljeholmen"].pk


def test_a_network_editor_writes_news_in_the_news_listing(client, tree, people):
    links = shortcut_links(dashboard(client, people.network_editor))
    assert list(links.values()) == [add_url("networknewspage", tree.news_index)]


def test_write_news_chooses_the_editors_only_committee(client, tree, people):
    people.network_editor.groups.add(editor_group(tree, "sodermalm"))
    client.force_login(people.network_editor)
    form = client.get(add_url("networknewspage", tree.news_index)).context["form"]
    assert form.initial["committee"] == tree.committees["sodermalm"].pk


@pytest.fixture
def editor_of_two(tree, people):
    """A network editor who also edits for two committees."""
    user = people.network_editor
    for slug in ("hagersten-liljeholmen", "sodermalm"):
        user.groups.add(editor_group(tree, slug))
    return user


def test_an_editor_of_two_committees_gets_one_button_per_committee(client, tree, editor_of_two):
    links = shortcut_links(dashboard(client, editor_of_two))
    news_urls = [url for url in links.values() if "networknewspage" in url]
    project_urls = [url for url in links.values() if "projectshowcasepage" in url]
    assert news_urls == [
        add_url("networknewspage", tree.news_index, "committee=hagersten-liljeholmen"),
        add_url("networknewspage", tree.news_index, "committee=sodermalm"),
    ]
    assert project_urls == [
        add_url("projectshowcasepage", tree.sections["hagersten-liljeholmen"]),
        add_url("projectshowcasepage", tree.sections["sodermalm"]),
    ]


def test_write_news_for_a_committee_opens_with_that_committee(client, tree, editor_of_two):
    client.force_login(editor_of_two)
    response = client.get(add_url("networknewspage", tree.news_index, "committee=sodermalm"))
    assert response.context["form"].initial["committee"] == tree.committees["sodermalm"].pk


def test_a_committee_not_the_editors_own_is_not_prefilled(client, tree, editor_of_two):
    client.force_login(editor_of_two)
    response = client.get(add_url("networknewspage", tree.news_index, "committee=stockholmshem"))
    assert response.context["form"].initial.get("committee") is None


# The committee choice --------------------------------------------------------------------


def committee_choices(client, url):
    form = client.get(url).context["form"]
    return [str(label) for value, label in form.fields["committee"].widget.choices if value]


def test_a_committee_editor_chooses_only_their_committee(client, tree, people):
    client.force_login(people.hl_editor)
    url = add_url("projectshowcasepage", tree.sections["hagersten-liljeholmen"])
    assert committee_choices(client, url) == ["Hägersten-Liljeholmens stadsdelsnämnd"]
    page = BeautifulSoup(client.get(url).content, "html.parser")
    options = page.find("select", attrs={"name": "committee"}).find_all("option")
    assert [o.get_text() for o in options if o.get("value")] == [
        "Hägersten-Liljeholmens stadsdelsnämnd"
    ]


def test_news_in_the_network_listing_may_belong_to_any_committee(client, tree, people):
    client.force_login(people.network_editor)
    assert committee_choices(client, add_url("networknewspage", tree.news_index)) == [
        "AB Stockholmshem",
        "Hägersten-Liljeholmens stadsdelsnämnd",
        "Södermalms stadsdelsnämnd",
    ]


def test_an_existing_page_keeps_its_committee_choice(client, tree, add_showcase, people):
    showcase = add_showcase(title="Eget projekt")
    client.force_login(people.hl_editor)
    url = reverse("wagtailadmin_pages:edit", args=[showcase.pk])
    assert committee_choices(client, url) == ["Hägersten-Liljeholmens stadsdelsnämnd"]


# The abandoned draft ---------------------------------------------------------------------


def autosave(client, url, data):
    """What the editor's autosave sends while the title is typed: a save expecting JSON."""
    return client.post(url, data, headers={"accept": "application/json"})


def test_an_abandoned_autosaved_draft_does_not_block_a_second_try(client, tree, people):
    section = tree.sections["hagersten-liljeholmen"]
    committee = tree.committees["hagersten-liljeholmen"]
    url = add_url("projectshowcasepage", section)
    client.force_login(people.hl_editor)
    assert autosave(client, url, showcase_form(committee)).json()["success"]
    abandoned = ProjectShowcasePage.objects.get(slug="sommarskola-i-tallinn")
    assert not abandoned.live

    second_try = autosave(client, url, showcase_form(committee)).json()
    assert second_try["success"], second_try
    again = ProjectShowcasePage.objects.get(pk=second_try["pk"])
    assert again.slug == "sommarskola-i-tallinn-2"
    assert "Sommarskola i Tallinn" in panel(dashboard(client, people.hl_editor), "my-drafts")


def test_the_second_try_saved_with_the_button_works_too(client, tree, people):
    section = tree.sections["hagersten-liljeholmen"]
    committee = tree.committees["hagersten-liljeholmen"]
    url = add_url("projectshowcasepage", section)
    client.force_login(people.hl_editor)
    autosave(client, url, showcase_form(committee))
    response = client.post(url, {**showcase_form(committee), "action-submit": "submit"})
    assert response.status_code == 302
    submitted = ProjectShowcasePage.objects.get(slug="sommarskola-i-tallinn-2")
    assert submitted.current_workflow_state is not None


def test_a_published_page_or_another_editors_draft_still_holds_its_slug(
    client, tree, add_news, people, editor_of_two
):
    add_news(title="Nätverksmöte", slug="natverksmote")
    client.force_login(people.coordinator)
    autosave(
        client,
        add_url("networknewspage", tree.news_index),
        {
            "title": "Möte",
            "slug": "mote",
            "date": "2026-05-01",
            "body-count": "0",
            "related-count": "0",
            "committee": tree.committees["sodermalm"].pk,
        },
    )
    client.force_login(editor_of_two)
    for slug in ("natverksmote", "mote"):
        response = client.post(
            add_url("networknewspage", tree.news_index),
            {
                "title": "Möte",
                "slug": slug,
                "date": "2026-05-01",
                "body-count": "0",
                "related-count": "0",
                "committee": tree.committees["sodermalm"].pk,
                "action-publish": "publish",
            },
        )
        assert response.status_code == 200  # the form again, with the slug's error
        assert "slug" in response.context["form"].errors
    assert NetworkNewsPage.objects.filter(slug__startswith="mote-").count() == 0
