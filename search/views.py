"""The search page: full-text search over every page the user may view."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from strategy_pages.visibility import visible_to

PAGE_SIZE = 20


def search_view(request):
    query = request.GET.get("q", "").strip()
    results = None
    if query:
        pages = visible_to(Page.objects.filter(depth__gt=1), request).specific()
        results = Paginator(pages.search(query), PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "query_without_page": urlencode({"q": query})},
    )
