"""A document attached to a restricted page is as restricted as the page."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction


@pytest.fixture
def document(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    model = get_document_model()
    doc = model(title="Förhandlingsunderlag")
    doc.file.save("underlag.txt", ContentFile(b"Hemligt underlag"), save=True)
    return doc


@pytest.fixture
def coordinators():
    return Group.objects.create(name="Samordnare")


@pytest.fixture
def restricted_news(add_news, document, coordinators):
    page = add_news(title="Hemlig förhandling", related=[("document", document)])
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(coordinators)
    return page


def test_staff_outside_the_group_cannot_download_it(restricted_news, document, staff_client):
    assert staff_client.get(document.url).status_code == 403


def test_members_of_the_group_can(
    restricted_news, document, staff_client, staff_user, coordinators
):
    staff_user.groups.add(coordinators)
    response = staff_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Hemligt underlag"


def test_a_public_page_using_it_too_opens_it(restricted_news, add_news, document, staff_client):
    add_news(title="Öppen sammanfattning", related=[("document", document)])
    assert staff_client.get(document.url).status_code == 200
