import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategy_pages.listings import PAGE_SIZE


def titles(response):
    return [item.title for item in response.context["items"]]


@pytest.fixture
def showcases(tree, add_showcase):
    orientations, themes = tree.orientations, tree.themes
    return {
        "preschool": add_showcase(
            title="Kompetensutbyte inom förskolan",
            status="completed",
            start_date=datetime.date(2014, 8, 15),
            orientations=[orientations["samverkan"]],
            themes=[themes["forskola"]],
        ),
        "visits": add_showcase(
            title="Inkommande studiebesök",
            start_date=datetime.date(2016, 2, 1),
            orientations=[orientations["profilering"], orientations["samverkan"]],
        ),
        "elderly": add_showcase(
            committee="sodermalm",
            title="Äldreomsorg i Köpenhamn",
            start_date=datetime.date(2015, 2, 1),
            orientations=[orientations["omvarldsbevakning"]],
            themes=[themes["demokrati"]],
        ),
        "housing": add_showcase(
            committee="stockholmshem",
            title="Energieffektiva hus",
            status="planned",
            start_date=datetime.date(2017, 1, 1),
            orientations=[orientations["paverkan"]],
        ),
    }


def test_showcase_listing_spans_all_committees(tree, showcases, staff_client):
    response = staff_client.get(tree.showcase_index.url)
    assert sorted(titles(response)) == sorted(page.title for page in showcases.values())


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("committee=sodermalm", {"elderly"}),
        ("committee=sodermalm&committee=stockholmshem", {"elderly", "housing"}),
        ("orientation=samverkan", {"preschool", "visits"}),
        ("theme=forskola", {"preschool"}),
        ("status=planned&status=completed", {"preschool", "housing"}),
        ("year=2015&year=2017", {"elderly", "housing"}),
        ("orientation=samverkan&status=ongoing", {"visits"}),
        ("committee=hagersten-liljeholmen&theme=demokrati", set()),
    ],
)
def test_showcase_filters(tree, showcases, staff_client, query, expected):
    response = staff_client.get(f"{tree.showcase_index.url}?{query}")
    assert sorted(titles(response)) == sorted(showcases[key].title for key in expected)


def test_unknown_filter_value_is_explained_not_an_error(tree, showcases, staff_client):
    response = staff_client.get(f"{tree.showcase_index.url}?committee=finns-inte&year=abc")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Några filter kunde inte användas" in html
    assert len(titles(response)) == len(showcases)


def test_news_listing_filters_by_committee_and_year(tree, add_news, staff_client):
    add_news(title="Remissen skickas ut", date=datetime.date(2016, 6, 15))
    add_news(title="Nätverksträff", committee="sodermalm", date=datetime.date(2017, 3, 1))
    response = staff_client.get(f"{tree.news_index.url}?year=2017")
    assert titles(response) == ["Nätverksträff"]
    response = staff_client.get(f"{tree.news_index.url}?committee=hagersten-liljeholmen")
    assert titles(response) == ["Remissen skickas ut"]


def test_news_are_listed_newest_first_and_paginated(tree, add_news, staff_client):
    for day in range(1, PAGE_SIZE + 3):
        add_news(title=f"Nyhet {day:02d}", date=datetime.date(2016, 10, day))
    first = staff_client.get(tree.news_index.url)
    assert titles(first)[0] == f"Nyhet {PAGE_SIZE + 2:02d}"
    assert len(titles(first)) == PAGE_SIZE
    second = staff_client.get(f"{tree.news_index.url}?page=2")
    assert titles(second) == ["Nyhet 02", "Nyhet 01"]
    assert "Sida 2 av 2" in second.content.decode()


def test_orientation_page_lists_its_showcases_and_news(tree, showcases, add_news, staff_client):
    add_news(title="Samverkan i nätverket", orientations=[tree.orientations["samverkan"]])
    add_news(title="Om påverkan", orientations=[tree.orientations["paverkan"]])
    response = staff_client.get(tree.orientation_pages["samverkan"].url)
    assert sorted(titles(response)) == sorted(
        [showcases["preschool"].title, showcases["visits"].title]
    )
    assert [news.title for news in response.context["latest_news"]] == ["Samverkan i nätverket"]
    filtered = staff_client.get(f"{tree.orientation_pages['samverkan'].url}?status=completed")
    assert titles(filtered) == [showcases["preschool"].title]


def test_committee_page_lists_only_its_showcases(tree, showcases, staff_client):
    response = staff_client.get(tree.sections["sodermalm"].url)
    assert titles(response) == [showcases["elderly"].title]


def test_unpublished_and_restricted_showcases_are_not_listed(
    tree, showcases, staff_client, add_showcase
):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    showcases["housing"].unpublish()
    secret = add_showcase(title="Hemligt projekt")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))
    listed = titles(staff_client.get(tree.showcase_index.url))
    assert showcases["housing"].title not in listed
    assert "Hemligt projekt" not in listed
    assert showcases["visits"].title in listed


def _listing_queries(client, url):
    client.get(url)  # first request may create image renditions; measure the steady state
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("listing", ["showcase_index", "news_index", "orientation"])
def test_listing_query_count_does_not_grow_with_the_list(
    tree, add_showcase, add_news, staff_client, listing
):
    url = {
        "showcase_index": tree.showcase_index.url,
        "news_index": tree.news_index.url,
        "orientation": tree.orientation_pages["samverkan"].url,
    }[listing]
    classification = {
        "orientations": [tree.orientations["samverkan"], tree.orientations["profilering"]],
        "themes": [tree.themes["forskola"]],
    }

    def grow_to(count):
        for _ in range(count):
            image = wagtail_factories.ImageFactory()
            add_showcase(image=image, image_alt="Bild", **classification)
            add_news(image=image, image_alt="Bild", **classification)

    grow_to(2)
    small = _listing_queries(staff_client, url)
    grow_to(PAGE_SIZE + 5)
    large = _listing_queries(staff_client, url)
    assert small == large
