import datetime

import pytest

from tests import factories


@pytest.fixture
def every_page(tree, add_showcase, add_news):
    partner = {"organisation": "Förskoleförvaltningen", "city": "Helsingfors", "country": "Finland"}
    showcase = add_showcase(
        title="Kompetensutbyte inom förskolan",
        summary="Pedagoger byter erfarenheter.",
        partners=[("partner", partner)],
        links=[("link", {"title": "Erasmus+", "url": "https://erasmus-plus.ec.europa.eu/"})],
    )
    news = add_news(title="Stadsdelsnämnderna vill ingå i nätverket")
    response = factories.ConsultationResponsePageFactory(
        parent=tree.sections["hagersten-liljeholmen"],
        committee=tree.committees["hagersten-liljeholmen"],
        title="Yttrande över internationell strategi",
        signed_by="Lars Wennberg\ntf. stadsdelsdirektör",
        meeting_date=datetime.date(2016, 9, 22),
    )
    section = factories.SectionPageFactory(parent=tree.home, title="Om intranätet")
    content = factories.ContentPageFactory(parent=section, title="Frågor och svar")
    event = factories.EventPageFactory(
        parent=tree.sections["sodermalm"],
        committee=tree.committees["sodermalm"],
        title="Dialogmöte om förskolans lokaler",
        location="Sal 3",
    )
    link = factories.LinkPageFactory(parent=section, title="Stadens webbplats")
    return [
        tree.home,
        tree.strategy,
        tree.orientation_pages["samverkan"],
        tree.news_index,
        news,
        tree.showcase_index,
        showcase,
        tree.committee_index,
        tree.sections["hagersten-liljeholmen"],
        response,
        section,
        content,
        event,
        link,
    ]


def test_every_page_type_renders_for_a_logged_in_user(every_page, staff_client):
    for page in every_page:
        response = staff_client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f"<h1>{page.title}</h1>" in html, page.url
        assert 'lang="sv"' in html
        assert 'href="#main"' in html


def test_anonymous_visitors_are_sent_to_the_swedish_login_page(every_page, client):
    for page in every_page:
        response = client.get(page.url)
        assert response.status_code == 302, page.url
        assert response["Location"] == f"/logga-in/?next={page.url}"
    login = client.get("/logga-in/")
    assert login.status_code == 200
    assert "Logga in" in login.content.decode()


def test_showcase_page_shows_its_facts(every_page, staff_client):
    showcase = every_page[6]
    html = staff_client.get(showcase.url).content.decode()
    assert "Förskoleförvaltningen, Helsingfors, Finland" in html
    assert '<a href="https://erasmus-plus.ec.europa.eu/">Erasmus+</a>' in html
    assert "Hägersten-Liljeholmens stadsdelsnämnd" in html
    assert "Pågående" in html


def test_consultation_response_lists_its_signatories(every_page, staff_client):
    html = staff_client.get(every_page[9].url).content.decode()
    assert "Lars Wennberg" in html
    assert "tf. stadsdelsdirektör" in html
    assert "171-482/2016" in html


def test_a_section_lists_its_pages_and_links_straight_to_external_addresses(
    every_page, staff_client
):
    html = staff_client.get(every_page[10].url).content.decode()
    assert f'<a href="{every_page[11].url}">Frågor och svar</a>' in html
    assert '<a href="https://start.stockholm/">Stadens webbplats</a>' in html


def test_an_event_shows_its_time_in_stockholm_and_its_place(every_page, staff_client):
    html = staff_client.get(every_page[12].url).content.decode()
    assert "3 oktober 2016 18:00" in html
    assert "19:30" in html
    assert "Sal 3" in html


def test_a_committee_page_lists_its_news_and_other_pages(tree, every_page, staff_client):
    news = factories.NewsPageFactory(
        parent=tree.sections["sodermalm"],
        committee=tree.committees["sodermalm"],
        title="Nytt från Södermalm",
    )
    html = staff_client.get(tree.sections["sodermalm"].url).content.decode()
    assert f'<a href="{news.url}">Nytt från Södermalm</a>' in html
    assert f'<a href="{every_page[12].url}">Dialogmöte om förskolans lokaler</a>' in html
    listing = staff_client.get(tree.news_index.url).content.decode()
    assert "Nytt från Södermalm" in listing
