"""The page index: its Swedish analysis and its mapping, the same on every supported engine."""


def analysis():
    """Analysers for Swedish text.

    `swedish` stems on the real letters, then folds å/ä/ö, so "omvarldsbevakning" and
    "Omvärldsbevakningen" meet in one term: the light stemmer takes the definite endings the
    Snowball one leaves ("förskolan" → "förskola"), Snowball the plurals ("förskolor" → "förskol").
    Compound words are split in Python (search/compounds.py), on pages into the `parts` field
    and on queries into their parts. `autocomplete` indexes folded prefixes that
    `folded` queries meet; `spelling` keeps words as written, for "Menade du …?".
    """
    swedish_filters = ["swedish_stop", "swedish_light_stemmer", "swedish_stemmer", "asciifolding"]
    return {
        "filter": {
            "swedish_stop": {"type": "stop", "stopwords": "_swedish_"},
            "swedish_light_stemmer": {"type": "stemmer", "language": "light_swedish"},
            "swedish_stemmer": {"type": "stemmer", "language": "swedish"},
            "prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
        },
        "analyzer": {
            "swedish": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", *swedish_filters],
            },
            "folded": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
            },
            "spelling": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
            "autocomplete": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "prefixes"],
            },
        },
    }


def _text():
    """Swedish text, also copied to the unstemmed field spelling suggestions are drawn from.
    Offsets in the index let the highlighter mark words without analysing the text again."""
    return {
        "type": "text",
        "analyzer": "swedish",
        "index_options": "offsets",
        "copy_to": ["spelling"],
    }


def _keyword():
    return {"type": "keyword"}


MAPPING = {
    "dynamic": "strict",
    "properties": {
        "title": {
            **_text(),
            "fields": {
                "autocomplete": {
                    "type": "text",
                    "analyzer": "autocomplete",
                    "search_analyzer": "folded",
                },
                "sort": {"type": "keyword"},
            },
        },
        "summary": _text(),
        "body": _text(),
        "taxonomy": {"type": "text", "analyzer": "swedish"},
        # The parts of the page's compound words: "trängselskatten" is found by "skatt".
        "parts": {"type": "text", "analyzer": "swedish"},
        "spelling": {"type": "text", "analyzer": "spelling"},
        "type": _keyword(),
        "model": _keyword(),
        "path": _keyword(),
        "committee": _keyword(),
        "committee_name": {"type": "keyword", "index": False},
        "orientations": _keyword(),
        "dimensions": _keyword(),
        "themes": _keyword(),
        "status": _keyword(),
        "year": {"type": "integer"},
        "date": {"type": "date"},
        "is_news": {"type": "boolean"},
        "restrictions": _keyword(),
        "password_protected": {"type": "boolean"},
        "fingerprint": {"type": "keyword", "index": False},
        "indexed_at": {"type": "date"},
    },
}


def index_body(replicas=0, shards=1):
    return {
        "settings": {
            "index": {"number_of_shards": shards, "number_of_replicas": replicas},
            "analysis": analysis(),
        },
        "mappings": MAPPING,
    }
