"""The picture of a restricted page is as restricted as the page; images are served by the
intranet itself, never straight from the media folder."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, PageViewRestriction


@pytest.fixture
def picture(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 360), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Förhandlingsbild", file=ImageFile(buffer, name="forhandling.png")
    )


@pytest.fixture
def coordinators():
    return Group.objects.create(name="Samordnare")


@pytest.fixture
def restricted_news(add_news, picture, coordinators):
    page = add_news(title="Hemlig förhandling", image=picture, image_alt="Förhandlingsbordet")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(coordinators)
    return page


def rendition_url(image):
    return image.get_rendition("fill-480x270").url


def test_a_public_pages_picture_is_served_to_staff(add_news, picture, staff_client):
    add_news(title="Öppen nyhet", image=picture, image_alt="Förhandlingsbordet")
    url = rendition_url(picture)
    assert url.startswith("/bilder/")
    response = staff_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_restricted_pages_picture_is_not_served_outside_the_group(
    restricted_news, picture, staff_client
):
    assert staff_client.get(rendition_url(picture)).status_code == 404


def test_members_of_the_group_see_it(
    restricted_news, picture, staff_client, staff_user, coordinators
):
    staff_user.groups.add(coordinators)
    assert staff_client.get(rendition_url(picture)).status_code == 200


def test_a_public_page_using_it_too_shows_it(restricted_news, add_news, picture, staff_client):
    add_news(title="Öppen sammanfattning", image=picture, image_alt="Förhandlingsbordet")
    assert staff_client.get(rendition_url(picture)).status_code == 200


def test_editors_who_may_choose_it_see_it_in_the_admin(
    restricted_news, picture, staff_client, staff_user
):
    editors = Group.objects.create(name="Bildredaktörer")
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="choose_image"),
    )
    staff_user.groups.add(editors)
    assert staff_client.get(rendition_url(picture)).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(add_news, picture, client):
    add_news(title="Öppen nyhet", image=picture, image_alt="Förhandlingsbordet")
    assert client.get(rendition_url(picture)).status_code == 302


def test_the_media_folder_itself_is_not_served(add_news, picture, staff_client, settings):
    settings.DEBUG = True
    add_news(title="Öppen nyhet", image=picture, image_alt="Förhandlingsbordet")
    rendition = picture.get_rendition("fill-480x270")
    assert staff_client.get(f"/media/{rendition.file.name}").status_code == 404
    assert staff_client.get(f"/media/{picture.file.name}").status_code == 404
