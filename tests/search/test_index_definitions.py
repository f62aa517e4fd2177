"""Every indexed model's search fields form a valid engine mapping.

The database backend ignores a search field that points at nothing; an Elasticsearch-API engine
fails the whole index build. Building the mappings needs no engine.
"""

import pytest
from django.apps import apps
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseMapping
from modelsearch.index import Indexed

INDEXED_MODELS = [
    model
    for model in apps.get_app_config("strategy_pages").get_models()
    if issubclass(model, Indexed) and not model._meta.abstract
]


@pytest.mark.parametrize("model", INDEXED_MODELS, ids=lambda model: model.__name__)
def test_engine_mapping_builds(model):
    mapping = ElasticsearchBaseMapping(model).get_mapping()
    assert "_all_text" in mapping["properties"]


def test_all_page_types_are_indexed():
    names = {model.__name__ for model in INDEXED_MODELS}
    assert {"ProjectShowcasePage", "NetworkNewsPage", "ConsultationResponsePage"} <= names
