"""The main menu and the breadcrumbs, from the cached site structure."""

from django import template
from wagtail.models import Page, Site

from intranet.navigation import menu_and_breadcrumbs

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """{"menu": [{title, url, current}], "breadcrumbs": [{title, url}]} for the current page."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"menu": [], "breadcrumbs": []}
    page = context.get("page")
    menu, breadcrumbs = menu_and_breadcrumbs(
        site, request, page if isinstance(page, Page) else None
    )
    return {"menu": menu, "breadcrumbs": breadcrumbs}
