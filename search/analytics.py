"""Recording searches for the editors' reports, and the editors' picks for a query."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from .models import NoResultsDailyHits


def record_search(query_string, result_count):
    """Count one search (not its further result pages), and whether it found nothing."""
    query = Query.get(query_string)
    query.add_hit()
    if result_count == 0:
        NoResultsDailyHits.record(query)


def editors_picks(query_string):
    """The pages editors promoted for this query, in their order."""
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query_string))
        .select_related("page")
        .order_by("sort_order")
    )
