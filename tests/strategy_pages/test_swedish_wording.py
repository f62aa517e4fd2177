"""The Swedish the pages read in: long dates in search results, a signature read as one,
card images left out of what screen readers say, headings that agree with their lists."""

import datetime
import re

import pytest
import wagtail_factories
from django.utils.translation import npgettext

from tests import factories


def html_of(client, page_or_url, **params):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def list_heading(singular, plural, count):
    return npgettext("heading over a list", singular, plural, count)


def test_search_results_show_long_swedish_dates(tree, add_news, staff_client):
    add_news(title="Remissvar om trängselskatten", date=datetime.date(2024, 5, 2))
    html = html_of(staff_client, "/sok/", q="trängselskatten")
    assert '<time datetime="2024-05-02">2 maj 2024</time>' in html


def test_the_signature_reads_as_one_item(tree, staff_client):
    response = factories.ConsultationResponsePageFactory(
        parent=tree.sections["hagersten-liljeholmen"],
        committee=tree.committees["hagersten-liljeholmen"],
        signed_by="Lars Wennberg\ntf. stadsdelsdirektör\n",
    )
    html = html_of(staff_client, response)
    signature = re.search(r'<footer class="signatures">(.*?)</footer>', html, re.S).group(1)
    assert signature.count("Undertecknat") == 1
    assert "<li>" not in signature
    assert "<p>Lars Wennberg<br>tf. stadsdelsdirektör</p>" in signature


def test_card_images_are_not_read_aloud_but_the_lead_image_is(
    tree, add_showcase, add_news, staff_client
):
    image = wagtail_factories.ImageFactory()
    project = add_showcase(title="Förskolan i Tallinn", image=image, image_alt="Barn som leker")
    add_news(title="Nytt från Tallinn", image=image, image_alt="Barn som leker")
    for listing in (tree.showcase_index, tree.news_index):
        cards = re.findall(r'<img [^>]*class="card__image"', html_of(staff_client, listing))
        assert cards
        assert all('alt=""' in card for card in cards)
    assert 'alt="Barn som leker"' in html_of(staff_client, project)


def test_headings_over_lists_agree_with_how_many_they_head(tree, add_showcase, staff_client):
    partner = {"organisation": "Förskoleförvaltningen", "city": "Helsingfors", "country": "Finland"}
    many = add_showcase(
        themes=list(tree.themes.values()),
        partners=[("partner", partner), ("partner", {**partner, "city": "Tallinn"})],
    )
    one = add_showcase(themes=[tree.themes["forskola"]], partners=[("partner", partner)])
    many_html, one_html = html_of(staff_client, many), html_of(staff_client, one)
    assert f"<dt>{list_heading('Theme', 'Themes', 2)}</dt>" in many_html
    assert f"<dt>{list_heading('Theme', 'Themes', 1)}</dt>" in one_html
    partners = ("International partner", "International partners")
    assert f"<h3>{list_heading(*partners, 2)}</h3>" in many_html
    assert f"<h3>{list_heading(*partners, 1)}</h3>" in one_html
    assert list_heading("Theme", "Themes", 1) != list_heading("Theme", "Themes", 2)


@pytest.mark.parametrize(
    ("chosen", "label"), [(["forskola"], "1 vald"), (["forskola", "demokrati"], "2 valda")]
)
def test_the_filter_count_agrees_with_how_many_are_chosen(
    tree, add_showcase, staff_client, chosen, label
):
    add_showcase(themes=list(tree.themes.values()))
    html = html_of(staff_client, tree.showcase_index, theme=chosen)
    assert f'<span class="filters__count">({label})</span>' in html
