"""Atom and RSS feeds of any search, for feed readers, which cannot log in.

A feed address carries its user's secret (`FeedToken`); the feed runs the search as that user,
so it holds exactly what they may see. The page /sok/floden/ gives a user their addresses and
renews the secret, which makes every old address stop working.
"""

import datetime
from dataclasses import dataclass, field, replace

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest, PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from strategy_pages.conf import FRONT_END_LOGIN_URL, plugin_context
from strategy_pages.models import CalendarPage
from strategy_pages.visibility import visible_to

from .documents import facet_values
from .followed import (
    NEWEST_FIRST,
    describe,
    normalised_query,
    request_as,
    search_page_url,
    with_summaries,
)
from .middleware import KEY_PARAMETER
from .models import FeedToken
from .query import SearchForm, run_search, unknown_parameters
from .query.facets import FACETS_BY_NAME

#: Feeds every user is offered, as (name, parameters): searches filtered by content type.
READY_MADE_FEEDS = [
    (gettext_lazy("Network news"), {"type": "networknews"}),
    (gettext_lazy("Project showcases"), {"type": "projectshowcase"}),
    (gettext_lazy("Everything new"), {}),
]
CATEGORY_FACETS = ("orientation", "theme")


@dataclass
class FeedSearch:
    """A search run for a feed: what it was, and its entries."""

    description: str
    query: str
    entries: list


@dataclass
class FeedEntry:
    hit: object
    first_published_at: datetime.datetime | None = None
    last_published_at: datetime.datetime | None = None
    categories: list = field(default_factory=list)

    @property
    def date(self):
        """The page's own date (of the news, the project's start …), else its first
        publication."""
        if self.hit.date:
            day = datetime.date.fromisoformat(self.hit.date)
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        return self.first_published_at


class SearchFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, key):
        token = FeedToken.objects.select_related("user").filter(key=key).first()
        if token is None or not token.user.is_active:
            # Not 404: a host may send anonymous visitors of a missing page to its login page.
            raise PermissionDenied(_("This feed address is not valid (any more)."))
        params = feed_params(request)
        hits = with_summaries(run_search(params, request_as(token.user, request)).hits)
        return FeedSearch(describe(params), request.GET.urlencode(), _entries(hits))

    def title(self, search):
        return _("Search: %(search)s") % {"search": search.description}

    def link(self, search):
        return search_page_url(search.query)

    def description(self, search):
        return _("The newest pages of the intranet's search for %(search)s.") % {
            "search": search.description
        }

    def items(self, search):
        return search.entries

    def item_title(self, entry):
        return entry.hit.title

    def item_link(self, entry):
        return entry.hit.url

    def item_description(self, entry):
        return entry.hit.snippet

    def item_author_name(self, entry):
        return entry.hit.committee.name if entry.hit.committee else None

    def item_categories(self, entry):
        return entry.categories

    def item_pubdate(self, entry):
        return entry.date

    def item_updateddate(self, entry):
        return entry.last_published_at


class SearchAtomFeed(SearchFeed):
    feed_type = Atom1Feed
    subtitle = SearchFeed.description


def feed_params(request):
    """The search page's parameters, newest first unless the address says otherwise."""
    form = SearchForm(request.GET)
    if unknown_parameters(request.GET) or not form.is_valid():
        raise BadRequest(_("The feed address has invalid parameters."))
    params = form.params()
    return params if "sort" in request.GET else replace(params, sort=NEWEST_FIRST)


def _entries(hits):
    page_ids = [hit.page_id for hit in hits]
    published = {
        pk: (first, last)
        for pk, first, last in Page.objects.filter(pk__in=page_ids).values_list(
            "pk", "first_published_at", "last_published_at"
        )
    }
    categories = _categories(page_ids)
    return [
        FeedEntry(hit, *published.get(hit.page_id, (None, None)), categories.get(hit.page_id, []))
        for hit in hits
    ]


def _categories(page_ids):
    """{page id: names of its orientations and themes}."""
    by_model = {}
    pages = Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type")
    for pk, content_type in pages:
        by_model.setdefault(content_type, []).append(pk)
    categories = {}
    for content_type, ids in by_model.items():
        model = ContentType.objects.get_for_id(content_type).model_class()
        for pk, values in facet_values(model, ids).items():
            categories[pk] = [
                _facet_label(name, value)
                for name in CATEGORY_FACETS
                for value in values.get(name, [])
            ]
    return categories


def _facet_label(facet_name, value):
    return FACETS_BY_NAME[facet_name].known_values().get(value, (value, ""))[0]


def _private(response):
    """The feed is one user's: no shared cache may keep it."""
    patch_cache_control(response, private=True)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@login_not_required
@require_GET
def atom_feed(request, key):
    return _private(SearchAtomFeed()(request, key=key))


@login_not_required
@require_GET
def rss_feed(request, key):
    return _private(SearchFeed()(request, key=key))


@login_required(login_url=FRONT_END_LOGIN_URL)
@require_http_methods(["GET", "POST"])
def feed_links(request):
    """The user's feed addresses: of the search in the query string, and ready-made ones; a
    POST renews the secret in them."""
    if request.method == "POST":
        FeedToken.renew(request.user)
        messages.success(
            request,
            _("Your feed addresses are renewed. The old ones no longer work."),
            fail_silently=True,
        )
        return redirect(f"{reverse('strategy_search:feeds')}?{request.GET.urlencode()}")
    token = FeedToken.for_user(request.user)
    context = {
        **plugin_context(request),
        "this_search": _this_search(request, token),
        "ready_made": [
            _feed_addresses(request, token, str(name), urlencode(params))
            for name, params in READY_MADE_FEEDS
            if _types_known(params)
        ],
        "calendars": _calendar_addresses(request, token),
    }
    return _private(TemplateResponse(request, "strategy_search/feeds.html", context))


def _calendar_addresses(request, token):
    """The iCalendar address of each calendar the user may see, with their secret."""
    calendars = visible_to(CalendarPage.objects.all(), request).specific().order_by("path")
    return [
        {
            "name": calendar.title,
            "ical": request.build_absolute_uri(
                f"{calendar.get_url(request)}{calendar.reverse_subpage('feed')}"
                f"?{urlencode({KEY_PARAMETER: token.key})}"
            ),
        }
        for calendar in calendars
    ]


def _this_search(request, token):
    form = SearchForm(request.GET)
    if not request.GET or not form.is_valid():
        return None
    query = normalised_query(form.params())
    return _feed_addresses(request, token, describe(form.params()), query)


def _feed_addresses(request, token, name, query):
    def address(view_name):
        url = reverse(view_name, kwargs={"key": token.key})
        return request.build_absolute_uri(f"{url}?{query}" if query else url)

    return {
        "name": name,
        "atom": address("strategy_search:atom_feed"),
        "rss": address("strategy_search:rss_feed"),
    }


def _types_known(params):
    known = FACETS_BY_NAME["type"].known_values()
    return "type" not in params or params["type"] in known
