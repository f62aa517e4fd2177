"""A page's themes and orientations, saved with it, are searchable at once: in the database
search (the embedded default and the admin's page search) as in the engine."""

from wagtail.models import Page

from strategy_pages.models import NetworkNewsPage, Theme

from .conftest import titles


def test_themes_saved_with_a_new_page_find_it_at_once(tree, backend, reindex, api):
    theme = Theme.objects.create(name="Zanzibarfrågor", slug="zanzibar")
    page = NetworkNewsPage(
        title="Nätverket träffas", slug="traff", committee=tree.committees["sodermalm"]
    )
    page.themes = [theme]
    tree.news_index.add_child(instance=page)
    page.save_revision().publish()
    reindex()
    assert titles(api(q="Zanzibarfrågor")) == ["Nätverket träffas"]
    assert [p.title for p in Page.objects.search("Zanzibarfrågor")] == ["Nätverket träffas"]


def test_a_changed_classification_is_found_after_one_save(tree, add_news, backend, reindex, api):
    old = Theme.objects.create(name="Zanzibarfrågor", slug="zanzibar")
    new = Theme.objects.create(name="Kilimanjarofrågor", slug="kilimanjaro")
    page = add_news(title="Nätverket träffas", themes=[old])
    page.themes = [new]
    page.orientations = [tree.orientations["paverkan"]]
    page.save_revision().publish()
    reindex()
    assert titles(api(q="Kilimanjarofrågor")) == ["Nätverket träffas"]
    assert titles(api(q="Zanzibarfrågor")) == []
    assert [p.title for p in Page.objects.search("Kilimanjarofrågor")] == ["Nätverket träffas"]
