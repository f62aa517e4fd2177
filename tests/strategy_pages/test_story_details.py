"""What readers see of a project's period and themes, and what an empty listing says."""

import datetime
import re

import pytest


def text(response):
    """The page's visible text, with whitespace collapsed."""
    return text_of(response.content.decode())


def card_meta(response, title):
    """The meta line of the card whose title is `title`, as the reader sees it."""
    content = response.content.decode()
    card = content[content.index(f">{title}</a>") :]
    meta = card[card.index('<p class="card__meta">') : card.index("</p>")]
    return " ".join(re.sub(r"<[^>]+>", " ", meta).split())


@pytest.fixture
def periods(add_showcase):
    return {
        "completed": add_showcase(
            title="Kompetensutbyte inom förskolan",
            status="completed",
            start_date=datetime.date(2015, 2, 1),
            end_date=datetime.date(2016, 6, 30),
        ),
        "ongoing": add_showcase(
            title="Äldreomsorg i Köpenhamn", start_date=datetime.date(2015, 2, 1)
        ),
        "planned": add_showcase(
            title="Energieffektiva hus", status="planned", start_date=datetime.date(2026, 9, 1)
        ),
        "open_ended": add_showcase(
            title="Inkommande studiebesök", status="completed", start_date=datetime.date(2015, 2, 1)
        ),
        "starts_later": add_showcase(
            title="Klimatstädernas nätverk", start_date=datetime.date(2099, 9, 1)
        ),
    }


EXPECTED_PERIODS = {
    "completed": "February 2015 – June 2016",
    "ongoing": "since February 2015",
    "planned": "from September 2026",
    "open_ended": "February 2015",
    "starts_later": "from September 2099",
}


@pytest.mark.parametrize(("name", "period"), EXPECTED_PERIODS.items())
def test_cards_show_the_period_worded_after_the_status(
    tree, periods, staff_client, english, name, period
):
    response = staff_client.get(tree.showcase_index.url)
    meta = card_meta(response, periods[name].title)
    assert meta.endswith(f"· {period}")
    assert "since" not in meta or name == "ongoing"


@pytest.mark.parametrize(("name", "period"), EXPECTED_PERIODS.items())
def test_project_page_shows_the_same_period(periods, staff_client, english, name, period):
    response = staff_client.get(periods[name].url)
    assert f"· {period}" in text(response)


def test_project_without_start_date_shows_no_period(tree, add_showcase, staff_client, english):
    add_showcase(title="Utan datum", start_date=None)
    response = staff_client.get(tree.showcase_index.url)
    assert card_meta(response, "Utan datum") == "Ongoing · Hägersten-Liljeholmens stadsdelsnämnd"


def follow_theme_link(client, page, theme):
    content = client.get(page.url).content.decode()
    link = re.search(rf'<a href="([^"]+)">{re.escape(theme.name)}</a>', content)
    assert link, f"{theme.name} is not a link on {page.title}"
    return client.get(link.group(1).replace("&amp;", "&"))


def listed_titles(response):
    return {item.title for item in response.context["items"]}


def test_theme_on_a_project_leads_to_the_projects_of_that_theme(tree, add_showcase, staff_client):
    preschool, democracy = tree.themes["forskola"], tree.themes["demokrati"]
    project = add_showcase(title="Förskolor i Helsingfors", themes=[preschool])
    add_showcase(committee="sodermalm", title="Förskolor i Oslo", themes=[preschool, democracy])
    add_showcase(title="Medborgardialog", themes=[democracy])
    add_showcase(title="Utan tema")

    response = follow_theme_link(staff_client, project, preschool)

    assert response.status_code == 200
    assert listed_titles(response) == {"Förskolor i Helsingfors", "Förskolor i Oslo"}


def test_theme_on_a_news_item_leads_to_the_projects_of_that_theme(
    tree, add_news, add_showcase, staff_client
):
    democracy = tree.themes["demokrati"]
    news = add_news(title="Demokratidagen", themes=[democracy])
    add_showcase(title="Medborgardialog", themes=[democracy])
    add_showcase(title="Förskolor i Helsingfors", themes=[tree.themes["forskola"]])

    response = follow_theme_link(staff_client, news, democracy)

    assert listed_titles(response) == {"Medborgardialog"}


def test_themes_are_plain_text_without_a_project_list(tree, add_showcase, staff_client):
    tree.showcase_index.unpublish()
    preschool = tree.themes["forskola"]
    project = add_showcase(title="Förskolor i Helsingfors", themes=[preschool])

    content = staff_client.get(project.url).content.decode()

    assert f"<li>{preschool.name}</li>" in content
    assert f">{preschool.name}</a>" not in content


def test_committee_without_projects_says_there_are_none_yet(tree, staff_client, english):
    response = staff_client.get(tree.sections["sodermalm"].url)
    assert "No projects yet." in text(response)
    assert "Nothing matches the filters." not in text(response)


def test_committee_with_a_filter_that_matches_nothing_says_so(
    tree, add_showcase, staff_client, english
):
    add_showcase(committee="sodermalm", title="Äldreomsorg i Köpenhamn")
    response = staff_client.get(tree.sections["sodermalm"].url + "?status=planned")
    assert "Nothing matches the filters. Show everything" in text(response)
    assert "No projects yet." not in text(response)


@pytest.mark.parametrize(
    ("listing", "empty_text"),
    [("showcase_index", "No projects yet."), ("news_index", "No news yet.")],
)
def test_empty_listings_say_there_is_nothing_yet_unless_filtered(
    tree, staff_client, english, listing, empty_text
):
    url = getattr(tree, listing).url
    assert empty_text in text(staff_client.get(url))
    filtered = text(staff_client.get(url + "?theme=forskola"))
    assert "Nothing matches the filters." in filtered
    assert empty_text not in filtered


def test_empty_orientation_page_says_there_are_no_projects_yet(tree, staff_client, english):
    response = staff_client.get(tree.orientation_pages["samverkan"].url)
    assert "No projects yet." in text(response)


def test_the_strategy_counts_the_projects_and_news_of_each_orientation_its_reader_may_see(
    tree, add_showcase, add_news, staff_client, english
):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    samverkan = tree.orientations["samverkan"]
    add_showcase(title="Öppet samarbete", orientations=[samverkan])
    add_showcase(
        title="Ett till samarbete", orientations=[samverkan, tree.orientations["paverkan"]]
    )
    hidden = add_showcase(title="Internt samarbete", orientations=[samverkan])
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Insiders")])
    add_news(title="Nyhet om samverkan", orientations=[samverkan])

    page = text(staff_client.get(tree.strategy.url))
    tile = page[page.index("Samverkan") :]
    assert tile.index("2 projects · 1 news item") < tile.index("Påverkan")
    assert "1 project · 0 news items" in page[page.index("Påverkan") :]


def test_news_about_a_project_is_linked_from_the_project_both_ways(
    tree, add_showcase, add_news, staff_client
):
    from wagtail.models import PageViewRestriction

    project = add_showcase(title="Landström i Värtahamnen")
    news = add_news(
        title="Landström uppmärksammas i Europa",
        date=datetime.date(2024, 3, 1),
        related=[("page", project)],
    )
    hidden = add_news(title="Intern nyhet om landström", related=[("page", project)])
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    add_news(title="Nyhet om något annat")

    project_page = staff_client.get(project.url).content.decode()
    assert f'<a href="{news.url}">Landström uppmärksammas i Europa</a>' in project_page
    assert "Intern nyhet om landström" not in project_page
    assert "Nyhet om något annat" not in project_page
    assert f'href="{project.url}"' in staff_client.get(news.url).content.decode()


def test_a_goal_leads_to_the_projects_with_its_sustainability_dimension(
    tree, add_showcase, add_news, staff_client, english
):
    from tests import factories

    ecological = factories.DimensionFactory(name="Ekologiskt hållbar", slug="ekologisk")
    social = factories.DimensionFactory(name="Socialt hållbar", slug="social")
    add_showcase(title="Landström i hamnen", dimensions=[ecological])
    add_showcase(title="Gröna tak", dimensions=[ecological, social])
    add_showcase(title="Fritidsgårdar", dimensions=[social])
    add_news(title="Nyhet om klimatet", dimensions=[ecological])
    strategy = tree.strategy
    strategy.goals = [
        (
            "goal",
            {
                "title": "Ett klimatsmart Stockholm",
                "dimension": "ecological",
                "description": "",
                "sustainability_dimension": ecological,
            },
        )
    ]
    strategy.save_revision().publish()

    html = staff_client.get(strategy.url).content.decode()
    goal = text_of(html[html.index("Ett klimatsmart Stockholm") :])
    assert goal.startswith("Ett klimatsmart Stockholm")
    assert "2 projects · 1 news item" in goal[:200]
    link = re.search(r'href="([^"]*\?dimension=ekologisk)"', html).group(1)
    listing = text_of(staff_client.get(link).content.decode())
    assert "Landström i hamnen" in listing and "Gröna tak" in listing
    assert "Fritidsgårdar" not in listing


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
