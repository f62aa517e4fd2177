"""Recording searches for the editors' reports, and the editors' picks for a query."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from .models import NoResultsDailyHits


def stored_query_string(query_string):
    """The query string as Wagtail stores it. Wagtail cuts it to the column's length before
    lowercasing it, and lowercasing can lengthen it ("İ" becomes two characters), so a search
    would look for a longer string than saving it stored: normalising again cuts it too."""
    return normalise_query_string(normalise_query_string(query_string))


def record_search(query_string, result_count):
    """Count one search (not its further result pages), and whether it found nothing."""
    query = Query.get(stored_query_string(query_string))
    query.add_hit()
    if result_count == 0:
        NoResultsDailyHits.record(query)


def editors_picks(query_string):
    """The pages editors promoted for this query, in their order."""
    return list(
        SearchPromotion.objects.filter(query__query_string=stored_query_string(query_string))
        .select_related("page")
        .order_by("sort_order")
    )
