"""Committees and themes are managed in the admin with listing, search and filters."""

import pytest
from django.urls import reverse

from tests import factories


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("admin", "a@example.org", "pw-123456")
    )
    return client


def test_committee_listing_filters_by_kind_and_searches(admin_client, db):
    factories.CommitteeFactory(name="Södermalms stadsdelsnämnd", slug="sodermalm")
    factories.CommitteeFactory(name="AB Stockholmshem", slug="stockholmshem", kind="company")
    url = reverse("wagtailsnippets_strategy_pages_committee:list")

    companies = admin_client.get(url, {"kind": "company"}).content.decode()
    assert "AB Stockholmshem" in companies and "Södermalms stadsdelsnämnd" not in companies

    found = admin_client.get(url, {"q": "Södermalm"}).content.decode()
    assert "Södermalms stadsdelsnämnd" in found and "AB Stockholmshem" not in found


def test_theme_can_be_created_in_the_admin(admin_client, db):
    url = reverse("wagtailsnippets_strategy_pages_theme:add")
    response = admin_client.post(url, {"name": "Förskola", "slug": "forskola", "description": ""})
    assert response.status_code == 302
    assert factories.ThemeFactory._meta.model.objects.filter(slug="forskola").exists()


def test_page_types_describe_themselves_to_editors(admin_client, tree):
    section = tree.sections["sodermalm"]
    html = admin_client.get(
        reverse("wagtailadmin_pages:add_subpage", args=[section.pk])
    ).content.decode()
    assert "Ett lokalt internationellt initiativ" in html
    assert "En nämnds yttrande över en remiss" in html
