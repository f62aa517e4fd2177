"""The request's Wagtail site, kept in the cache by host and content version.

Wagtail asks the database which site a request is for once per request. The answer only changes
when a site or a page does, so it is kept under the content version (which a site's save or
deletion starts anew too) and read from the cache instead. A process with a cache of its own
keeps it at most SITE_SECONDS, as it does not see other processes' edits.
"""

import hashlib

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from .content_version import content_version

SITE_SECONDS = 60


def site_for(request):
    """Site.find_for_request(request), which it also answers from now on for this request."""
    if not hasattr(request, "_wagtail_site"):
        # Wagtail keeps the site it found on the request under this name (see its docstring).
        request._wagtail_site = _cached_site(request)
    return request._wagtail_site


def _cached_site(request):
    # The raw host, as Wagtail reads it: a disallowed host is refused elsewhere, not here.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    # Hashed: a Host header can be longer than a cache key may be.
    host = hashlib.sha256(f"{hostname}:{port}".encode()).hexdigest()[:32]
    key = f"strategy_pages:site:{content_version()}:{host}"
    return cache.get_or_set(key, lambda: Site._find_for_request(request), SITE_SECONDS)


class CachedSiteMiddleware:
    """Finds the request's site through the cache just before the view, so that Wagtail's page
    serving, URLs and every other `Site.find_for_request` of the request use it without a
    query. A request answered before its view (a redirect to the login) needs no site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        site_for(request)
