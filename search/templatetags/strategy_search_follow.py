"""What the search page needs to offer following the current search."""

from django import template

from ..followed import normalised_query

register = template.Library()


@register.simple_tag
def follow_query(params):
    """The current search's words and filters as a query string, for its feed and to follow."""
    return normalised_query(params)
