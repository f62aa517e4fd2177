"""What the engine holds for a page: its text, its facet values and who may see it.

Documents are derived from each page type's Wagtail `search_fields`, so a new page type is
searchable as soon as it declares them.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from itertools import islice

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

# Text fields of their own; every other search field is body text.
OWN_FIELDS = {"title", "summary"}
# The date a page is listed and faceted by: the first of these it has, else its publication.
DATE_FIELDS = ("date", "start_date", "start", "meeting_date")
TAXONOMY_RELATIONS = ("orientations", "themes")
NEWS_TYPE = "networknews"


def document_type(model):
    """The `type` facet value of a page model: its name without the "page" ending."""
    return model._meta.model_name.removesuffix("page")


def page_models():
    """Every concrete page type of the site."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and not model._meta.abstract
    ]


def indexable_pages():
    """Pages the engine holds: every live page below the tree's root."""
    return Page.objects.live().filter(depth__gt=1)


@dataclass(frozen=True)
class Restriction:
    path: str
    id: int
    kind: str


class Restrictions:
    """Every view restriction, loaded once, matched to pages by tree path."""

    def __init__(self):
        self._all = [
            Restriction(path, pk, kind)
            for pk, path, kind in PageViewRestriction.objects.values_list(
                "pk", "page__path", "restriction_type"
            )
        ]

    def on(self, page):
        return [r for r in self._all if page.path.startswith(r.path)]


def build_document(page, restrictions, now=None):
    """The engine document of one specific page (its relations prefetched or not), with a
    fingerprint of its content to tell a stale copy in the index."""
    document = _content(page, restrictions)
    document["fingerprint"] = fingerprint(document)
    document["indexed_at"] = (now or timezone.now()).isoformat()
    return document


def fingerprint(document):
    content = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(content.encode(), usedforsecurity=False).hexdigest()


def _content(page, restrictions):
    on_page = restrictions.on(page)
    date = page_date(page)
    committee = getattr(page, "committee", None) if getattr(page, "committee_id", None) else None
    return {
        "title": page.title,
        "summary": " ".join(_texts(page, boosted=True)),
        "body": " ".join(_texts(page, boosted=False)),
        "taxonomy": " ".join(_taxonomy_names(page, committee)),
        "type": document_type(type(page)),
        "committee": committee.slug if committee else None,
        "committee_name": committee.name if committee else None,
        "orientations": _slugs(page, "orientations"),
        "themes": _slugs(page, "themes"),
        "status": getattr(page, "status", None) or None,
        "year": date.year if date else None,
        "date": date.isoformat() if date else None,
        "is_news": document_type(type(page)) == NEWS_TYPE,
        "restrictions": [str(r.id) for r in on_page if r.kind == PageViewRestriction.GROUPS],
        "password_protected": any(r.kind == PageViewRestriction.PASSWORD for r in on_page),
    }


def page_date(page):
    for name in DATE_FIELDS:
        value = as_date(getattr(page, name, None))
        if value:
            return value
    published = page.first_published_at or page.last_published_at
    if published and dated_by_publication(type(page)):
        return timezone.localdate(published)
    return None


def as_date(value):
    """A date from a date or a moment (in the site's time zone); None from anything else."""
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value)
    return value if isinstance(value, datetime.date) else None


@cache
def dated_by_publication(model):
    """Pages without a date of their own are dated by their first publication, unless they are
    sections: a listing or a committee's page is not news the day it was set up."""
    has_own_date = any(f.name in DATE_FIELDS for f in model._meta.get_fields())
    return not has_own_date and not model.allowed_subpage_models()


def _texts(page, boosted):
    """Text of the page's search fields: the summary and other fields boosted above 1, or the
    rest (body text)."""
    if boosted:
        yield from _flatten(getattr(page, "summary", ""))
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name in OWN_FIELDS:
            continue
        if ((field.boost or 1) > 1) != boosted:
            continue
        yield from _flatten(field.get_value(page))


def _flatten(value):
    if not value:
        return
    if isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item)
    else:
        text = strip_tags(str(value)).strip()
        if text:
            yield text


def _taxonomy_names(page, committee):
    if committee:
        yield committee.name
        yield getattr(committee, "short_name", "") or ""
    for relation in TAXONOMY_RELATIONS:
        if hasattr(page, relation):
            yield from (item.name for item in getattr(page, relation).all())


def _slugs(page, relation):
    if not hasattr(page, relation):
        return []
    return sorted(item.slug for item in getattr(page, relation).all())


def documents_for(page_ids, chunk_size=500):
    """(page id, document) for live pages among `page_ids`, loading each model in bulk."""
    restrictions = Restrictions()
    now = timezone.now()
    pages = indexable_pages().filter(pk__in=page_ids) if page_ids is not None else None
    rows = (pages if pages is not None else indexable_pages()).values_list("pk", "content_type")
    by_model = {}
    for pk, content_type in rows.order_by("path"):
        by_model.setdefault(content_type, []).append(pk)
    for content_type_id, ids in by_model.items():
        model = _model_of(content_type_id)
        if model is None:
            continue
        for chunk in batched(ids, chunk_size):
            for page in _load(model, chunk):
                yield page.pk, build_document(page, restrictions, now)


def _model_of(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def _load(model, ids):
    queryset = model.objects.filter(pk__in=ids)
    if any(f.name == "committee" for f in model._meta.get_fields()):
        queryset = queryset.select_related("committee")
    relations = [r for r in TAXONOMY_RELATIONS if hasattr(model, r)]
    return queryset.prefetch_related(*(Prefetch(r) for r in relations))


def batched(items, size):
    """Lists of up to `size` items (itertools.batched from Python 3.12 on)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
