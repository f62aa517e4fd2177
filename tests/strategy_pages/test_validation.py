"""Editors get clear Swedish errors in the admin, and nothing half-valid is published."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html

from strategy_pages.models import ProjectShowcasePage


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "lösenord-123")
    client.force_login(admin)
    return client


def showcase_form(client, parent, **values):
    """The admin's add-showcase form as the browser would submit it, with `values` filled in."""
    url = reverse(
        "wagtailadmin_pages:add", args=("strategy_pages", "projectshowcasepage", parent.pk)
    )
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for field in ProjectShowcasePage._meta.get_fields():
        if isinstance(field, StreamField):  # drawn by the admin's JavaScript, absent from the HTML
            data[f"{field.name}-count"] = "0"
    for name, value in values.items():
        data[name] = value
    return url, data


def test_end_date_before_start_date_is_refused_with_a_clear_message(tree, admin_client):
    section = tree.sections["hagersten-liljeholmen"]
    url, data = showcase_form(
        admin_client,
        section,
        title="Baklänges projekt",
        slug="baklanges",
        start_date="2016-06-01",
        end_date="2016-01-01",
        committee=str(tree.committees["hagersten-liljeholmen"].pk),
    )
    data["action-publish"] = "1"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Slutdatumet kan inte ligga före startdatumet." in response.content.decode()
    assert not ProjectShowcasePage.objects.filter(slug="baklanges").exists()


def test_model_validation_refuses_end_before_start(tree):
    page = ProjectShowcasePage(
        title="x",
        slug="x",
        committee=tree.committees["sodermalm"],
        start_date=datetime.date(2016, 6, 1),
        end_date=datetime.date(2016, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "end_date" in error.value.message_dict


def test_showcase_without_committee_cannot_be_published(tree, admin_client):
    url, data = showcase_form(
        admin_client, tree.sections["sodermalm"], title="Utan ägare", slug="utan-agare"
    )
    data["committee"] = ""
    data["action-publish"] = "1"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not ProjectShowcasePage.objects.filter(slug="utan-agare").exists()
    assert "committee" in response.context["form"].errors


def test_showcase_without_committee_can_be_saved_as_a_draft(tree, admin_client):
    url, data = showcase_form(
        admin_client, tree.sections["sodermalm"], title="Utkast", slug="utkast"
    )
    data["committee"] = ""
    admin_client.post(url, data)
    draft = ProjectShowcasePage.objects.get(slug="utkast")
    assert not draft.live


def test_new_showcase_defaults_to_the_committee_it_is_created_under(tree, admin_client):
    url, data = showcase_form(admin_client, tree.sections["sodermalm"])
    assert data["committee"] == str(tree.committees["sodermalm"].pk)


def test_showcase_cannot_claim_another_committee_than_its_section(tree, admin_client):
    url, data = showcase_form(
        admin_client,
        tree.sections["sodermalm"],
        title="Fel nämnd",
        slug="fel-namnd",
        committee=str(tree.committees["hagersten-liljeholmen"].pk),
    )
    data["action-publish"] = "1"
    response = admin_client.post(url, data)
    assert "måste ägas av den nämnden" in response.content.decode()
    assert not ProjectShowcasePage.objects.filter(slug="fel-namnd").exists()


def test_image_without_alt_text_is_refused(tree, add_news):
    import wagtail_factories

    news = add_news(title="Bild utan text")
    news.image = wagtail_factories.ImageFactory()
    news.image_alt = ""
    with pytest.raises(ValidationError) as error:
        news.full_clean()
    assert "image_alt" in error.value.message_dict
