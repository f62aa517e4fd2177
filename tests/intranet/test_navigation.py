"""The main menu and breadcrumbs follow the page tree, and follow it again after it changes."""

import pytest


def menu(html):
    start = html.index('aria-label="Huvudmeny"')
    return html[start : html.index("</nav>", start)]


def test_menu_lists_the_sections_and_marks_the_current_one(tree, add_showcase, staff_client):
    for page in (tree.strategy, tree.news_index, tree.showcase_index, tree.committee_index):
        page.show_in_menus = True
        page.save_revision().publish()
    showcase = add_showcase(title="Kompetensutbyte")
    html = staff_client.get(showcase.url).content.decode()
    nav = menu(html)
    assert nav.index("Internationell strategi") < nav.index("Nyheter") < nav.index("Projekt")
    assert f'<a href="{tree.committee_index.url}" aria-current="true">' in nav
    crumbs = html[html.index('aria-label="Du är här"') :]
    assert (
        crumbs.index("Start")
        < crumbs.index("Nämnder och bolag")
        < crumbs.index("Hägersten-Liljeholmens stadsdelsnämnd")
    )


@pytest.mark.parametrize("change", ["rename", "unpublish", "delete"])
def test_menu_follows_changes_to_the_tree(tree, staff_client, change):
    tree.news_index.show_in_menus = True
    tree.news_index.save_revision().publish()
    assert "Nyheter" in menu(staff_client.get(tree.home.url).content.decode())

    if change == "rename":
        tree.news_index.title = "Nätverksnytt"
        tree.news_index.save_revision().publish()
        expected_present, expected_absent = "Nätverksnytt", "Nyheter"
    elif change == "unpublish":
        tree.news_index.unpublish()
        expected_present, expected_absent = None, "Nyheter"
    else:
        tree.news_index.delete()
        expected_present, expected_absent = None, "Nyheter"

    nav = menu(staff_client.get(tree.home.url).content.decode())
    assert expected_absent not in nav
    if expected_present:
        assert expected_present in nav


def test_menu_leaves_out_sections_the_user_may_not_see(tree, staff_client):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    tree.news_index.show_in_menus = True
    tree.news_index.title = "Samordnarnas nyheter"
    tree.news_index.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=tree.news_index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))
    html = staff_client.get(tree.home.url).content.decode()
    assert "Samordnarnas nyheter" not in html


def test_the_start_page_has_one_search_box_and_other_pages_the_headers(tree, staff_client):
    start = staff_client.get(tree.home.url).content.decode()
    assert start.count('role="search"') == 1
    assert 'id="home-search-q"' in start
    strategy = staff_client.get(tree.strategy.url).content.decode()
    assert strategy.count('role="search"') == 1
    assert 'id="header-search-q"' in strategy
