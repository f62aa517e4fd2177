"""Links from a page to the listings that gather pages like it."""

from django import template
from wagtail.models import Site

from ..models import ShowcaseIndexPage
from ..visibility import visible_to

register = template.Library()


@register.simple_tag(takes_context=True)
def showcase_listing_url(context):
    """The address of the site's project list the reader may see, or "" when there is none."""
    request = context.get("request")
    if request is None:
        return ""
    # A page asks once per theme list and per goal; the answer is the same for the request.
    if not hasattr(request, "_showcase_listing_url"):
        request._showcase_listing_url = _listing_url(request)
    return request._showcase_listing_url


def _listing_url(request):
    listings = ShowcaseIndexPage.objects.in_site(Site.find_for_request(request))
    listing = visible_to(listings, request).order_by("path").first()
    return listing.get_url(request) if listing else ""
