"""The search page: full-text search over every page the user may view."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from strategy_pages.visibility import visible_to

from .analytics import editors_picks, record_search

PAGE_SIZE = 20


def search_view(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, "results": None, "picks": [], "query_without_page": ""}
    if query:
        pages = visible_to(Page.objects.filter(depth__gt=1), request).specific()
        results = Paginator(pages.search(query), PAGE_SIZE).get_page(request.GET.get("page"))
        if results.number == 1:
            record_search(query, results.paginator.count)
        picks = _viewable(editors_picks(query), request)
        context.update(results=results, picks=picks, query_without_page=urlencode({"q": query}))
    return TemplateResponse(request, "search/search.html", context)


def _viewable(picks, request):
    """External links are for everyone; a promoted page only for those who may view it."""
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = set(
        visible_to(Page.objects.filter(pk__in=page_ids), request).values_list("pk", flat=True)
    )
    return [pick for pick in picks if pick.page_id is None or pick.page_id in visible]
