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
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from strategy_pages.models import Committee

from .compounds import compound_parts_text

# Text fields of their own; every other search field is body text.
OWN_FIELDS = {"title"}
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


def fingerprint(document):
    content = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(content.encode(), usedforsecurity=False).hexdigest()


def _content(page, restrictions, facets, committee_names):
    on_page = restrictions.on(page)
    date = page_date(page)
    committee = (facets.get("committee") or [None])[0]
    summary = " ".join(_texts(page, boosted=True))
    body = " ".join(_texts(page, boosted=False))
    return {
        "title": page.title,
        "summary": summary,
        "body": body,
        "parts": compound_parts_text(f"{page.title} {summary} {body}"),
        "taxonomy": " ".join(_related_texts(page)),
        "type": document_type(type(page)),
        "model": model_label(type(page)),
        "path": page.path,
        "committee": committee,
        "committee_name": committee_names.get(committee) if committee else None,
        "orientations": sorted(facets.get("orientation", [])),
        "dimensions": sorted(facets.get("dimension", [])),
        "themes": sorted(facets.get("theme", [])),
        "status": (facets.get("status") or [None])[0],
        "year": date.year if date else None,
        "date": date.isoformat() if date else None,
        "is_news": document_type(type(page)) == NEWS_TYPE,
        "restrictions": [str(r.id) for r in on_page if r.kind != PageViewRestriction.PASSWORD],
        "password_protected": any(r.kind == PageViewRestriction.PASSWORD for r in on_page),
    }


def model_label(model):
    return model._meta.label_lower


def page_date(page):
    field = getattr(type(page), "listing_date_field", None)
    if field:
        return as_date(getattr(page, field, None))
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
    sections: a listing, a link or a committee's page is not news the day it was set up."""
    own_date = getattr(model, "listing_date_field", None)
    leads_to_others = getattr(model, "leads_to_others", False)
    return not own_date and not leads_to_others and not model.allowed_subpage_models()


def facet_values(model, ids):
    """{page id: {facet: [value, …]}} from the page type's `facet_fields`, one query a facet."""
    values = {pk: {} for pk in ids}
    for facet, path in getattr(model, "facet_fields", {}).items():
        rows = model.objects.filter(pk__in=ids).values_list("pk", path)
        for pk, value in rows:
            if value:
                values[pk].setdefault(facet, []).append(str(value))
    return values


def _texts(page, boosted):
    """Text of the page's search fields: the snippet field and other fields boosted above 1,
    or the rest (body text)."""
    snippet_field = getattr(type(page), "snippet_field", None)
    if boosted and snippet_field:
        yield from _flatten(getattr(page, snippet_field, ""))
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name in OWN_FIELDS:
            continue
        if field.field_name == snippet_field:
            continue
        if ((field.boost or 1) > 1) != boosted:
            continue
        yield from _flatten(field.get_value(page))


def _related_texts(page):
    """Names of the related objects the page type indexes (`RelatedFields`): its committee,
    orientations, themes…"""
    for field in page.get_search_fields():
        if not isinstance(field, index.RelatedFields):
            continue
        related = getattr(page, field.field_name, None)
        objects = related.all() if hasattr(related, "all") else [related] if related else []
        for obj in objects:
            for sub in field.fields:
                if isinstance(sub, index.SearchField):
                    yield from _flatten(getattr(obj, sub.field_name, ""))


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


def documents_for(page_ids, chunk_size=500):
    """(page id, document) for live pages among `page_ids`, loading each model in bulk."""
    restrictions = Restrictions()
    committee_names = dict(Committee.objects.values_list("slug", "name"))
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
            facets = facet_values(model, chunk)
            for page in _load(model, chunk):
                document = _content(page, restrictions, facets[page.pk], committee_names)
                yield page.pk, _stamped(document, now)


def _stamped(document, now):
    document["fingerprint"] = fingerprint(document)
    document["indexed_at"] = now.isoformat()
    return document


def _model_of(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def _load(model, ids):
    """The pages with the related objects their `RelatedFields` index, prefetched."""
    related = [
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, index.RelatedFields)
    ]
    return model.objects.filter(pk__in=ids).prefetch_related(*related)


def batched(items, size):
    """Lists of up to `size` items (itertools.batched from Python 3.12 on)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
