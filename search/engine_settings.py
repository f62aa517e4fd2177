"""Settings for an Elasticsearch-API engine: the backend, and Swedish text analysis.

Imported by settings modules, so it must not import Django models or engine clients.
"""

from django.core.exceptions import ImproperlyConfigured

ENGINE_BACKENDS = {
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
}

# Every text field is analysed as Swedish: stop words and stemming first, on the real letters,
# then å/ä/ö folded, so "omvarldsbevakning" and "Omvärldsbevakningen" meet in one term. The light
# stemmer takes definite endings the Snowball one leaves ("förskolan" → "förskola"), then
# Snowball takes the plurals ("förskolor" and "förskola" → "förskol").
SWEDISH_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "swedish_stop": {"type": "stop", "stopwords": "_swedish_"},
                "swedish_light_stemmer": {"type": "stemmer", "language": "light_swedish"},
                "swedish_stemmer": {"type": "stemmer", "language": "swedish"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "swedish_stop",
                        "swedish_light_stemmer",
                        "swedish_stemmer",
                        "asciifolding",
                    ],
                }
            },
        }
    }
}


def engine_backend(url, backend, index_prefix):
    """The WAGTAILSEARCH_BACKENDS entry for an engine at `url`."""
    if backend not in ENGINE_BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND must be one of {', '.join(ENGINE_BACKENDS)}, not {backend!r}."
        )
    return {
        "BACKEND": ENGINE_BACKENDS[backend],
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": 5,
        "INDEX_SETTINGS": SWEDISH_ANALYSIS,
    }
