"""Every page type becomes an engine document the index's strict mapping accepts.

The mapping refuses unknown fields, so a document field without a mapping would fail the whole
rebuild on the engine; this checks it without one.
"""

import pytest
from wagtail.models import Page

from search.documents import documents_for, page_models
from search.engine.index_definition import MAPPING, index_body
from tests import factories


def test_every_page_type_is_a_document_the_mapping_accepts(corpus_of_every_type):
    documents = dict(documents_for(None))
    types = {document["type"] for document in documents.values()}
    assert types == {model._meta.model_name.removesuffix("page") for model in page_models()}
    for document in documents.values():
        assert set(document) <= set(MAPPING["properties"])
        assert document["title"]


def test_only_live_pages_become_documents(corpus_of_every_type):
    page = Page.objects.filter(depth__gt=2).first()
    page.live = False
    page.save()
    assert page.pk not in dict(documents_for(None))


def test_the_index_has_replicas_when_asked():
    settings = index_body(replicas=2)["settings"]["index"]
    assert settings["number_of_replicas"] == 2


@pytest.fixture
def corpus_of_every_type(tree, add_showcase, add_news):
    committee, section = tree.committees["sodermalm"], tree.sections["sodermalm"]
    add_showcase(title="Projekt")
    add_news(title="Nyhet")
    factories.ConsultationResponsePageFactory(parent=section, committee=committee)
    plain_section = factories.SectionPageFactory(parent=tree.home)
    factories.ContentPageFactory(parent=plain_section, committee=committee)
    factories.EventPageFactory(parent=plain_section, committee=committee)
    factories.LinkPageFactory(parent=plain_section)
    factories.CalendarPageFactory(parent=tree.home)
    factories.FollowUpPageFactory(parent=tree.home)
    return tree


def test_an_event_is_dated_by_its_start(corpus_of_every_type):
    [event] = [doc for _, doc in documents_for(None) if doc["type"] == "event"]
    assert (event["date"], event["year"]) == ("2016-10-03", 2016)
