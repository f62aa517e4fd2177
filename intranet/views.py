"""The host site's own error views."""

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


def csrf_failure(request, reason=""):
    """A stale or cross-site form: say so plainly and lead back to where it came from."""
    referer = request.headers.get("Referer", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return render(
        request, "403_csrf.html", {"retry_url": referer if safe else request.path}, status=403
    )
