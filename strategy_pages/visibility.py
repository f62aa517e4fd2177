"""Which pages a request may see: live, and outside any view restriction it does not pass."""

from wagtail.models import PageViewRestriction


def hidden_subtrees(request):
    """Pages whose subtree the request may not view (group, login or password restrictions)."""
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return [r.page for r in restrictions if not r.accept_request(request)]


def visible_to(queryset, request):
    """Limit a page queryset to live pages the request may view; constant in queries."""
    queryset = queryset.live()
    for page in hidden_subtrees(request):
        queryset = queryset.not_descendant_of(page, inclusive=True)
    return queryset
