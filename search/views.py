"""The search page and its JSON API: parse the request, ask the query service, render."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import TooManyFieldsSent
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from strategy_pages.conf import plugin_context, redirect_to_front_end_login
from strategy_pages.pagination import paginate, url_with

from .analytics import record_search
from .conf import search_requires_login
from .query import SearchForm, run_search, suggest, unknown_parameters

MAX_PREFIX_LENGTH = 100


def _must_log_in(request):
    return search_requires_login() and not request.user.is_authenticated


@login_not_required
@require_GET
def search_view(request):
    if _must_log_in(request):
        return redirect_to_front_end_login(request.get_full_path())
    form = SearchForm(request.GET)
    context = {
        **plugin_context(request),
        "form": form,
        "results": None,
        "query": request.GET.get("q", ""),
    }
    if not form.is_valid():
        return TemplateResponse(request, "strategy_search/search.html", context, status=400)
    params = form.params()
    results = run_search(params, request)
    _record(params, results)
    context.update(
        query=params.q,
        params=params,
        results=results,
        pagination=paginate(request, params.page, results.page_count),
        remove_links=_remove_links(request, results),
    )
    return TemplateResponse(request, "strategy_search/search.html", context)


@login_not_required
@require_GET
def search_api(request):
    if _must_log_in(request):
        return _error(401, _("Log in to search."))
    if refusal := _unreadable_query(request):
        return refusal
    unknown = unknown_parameters(request.GET)
    if unknown:
        return _error(400, _("Unknown parameters: %s.") % ", ".join(unknown))
    form = SearchForm(request.GET)
    if not form.is_valid():
        return _error(400, _("Invalid parameters."), form.error_messages())
    params = form.params()
    results = run_search(params, request)
    _record(params, results)
    return JsonResponse(
        {
            "query": params.q,
            "total": results.total,
            "page": params.page,
            "pages": results.page_count,
            "limited": results.limited,
            "suggestion": results.suggestion or None,
            "left_out": results.left_out,
            "some_words": results.some_words,
            "picks": [_pick_json(pick, request) for pick in results.picks],
            "results": [hit.as_json() for hit in results.hits],
            "facets": {
                facet.name: [
                    {
                        "value": value.value,
                        "label": value.label,
                        "count": value.count,
                        "selected": value.selected,
                        **({"group": value.group} if value.group else {}),
                    }
                    for value in facet.values
                ]
                for facet in results.facets
            },
        }
    )


@login_not_required
@require_GET
def suggest_api(request):
    if _must_log_in(request):
        return _error(401, _("Log in to search."))
    if refusal := _unreadable_query(request):
        return refusal
    prefix = " ".join(request.GET.get("q", "").split())
    if not prefix:
        return _error(400, _("Give the beginning of a search term in the q parameter."))
    if len(prefix) > MAX_PREFIX_LENGTH:
        return _error(
            400, _("The search term may be at most %d characters long.") % MAX_PREFIX_LENGTH
        )
    hits = suggest(prefix, request)
    return JsonResponse(
        {
            "query": prefix,
            "suggestions": [
                {"title": hit.title, "url": hit.url, "type": hit.type_label} for hit in hits
            ],
        }
    )


def _pick_json(pick, request):
    url = pick.page.get_url(request) if pick.page else pick.external_link_url
    return {"title": pick.title, "url": url, "description": pick.description}


def _unreadable_query(request):
    """The refusal, in JSON like every other, of a query string Django will not read: one of
    more parameters than it allows. None when it reads."""
    try:
        request.GET  # noqa: B018 - reading it is the check
    except TooManyFieldsSent:
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return _error(400, _("Too many parameters: at most %d.") % limit)
    return None


def _error(status, message, fields=None):
    body = {"error": message, **({"fields": fields} if fields else {})}
    return JsonResponse(body, status=status)


def _record(params, results):
    if params.q and params.page == 1 and not params.filters:
        record_search(params.q, results.total)


def _remove_links(request, results):
    """(label, url) for each active filter, the URL leaving out just that value."""
    links = []
    for facet in results.facets:
        for value in facet.selected_values:
            remaining = [v for v in request.GET.getlist(facet.name) if v != value.value]
            links.append((value.label, url_with(request, **{facet.name: remaining, "page": None})))
    return links
