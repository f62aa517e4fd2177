"""The closed intranet's redirects and session limits."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from wagtail.contrib.redirects.middleware import RedirectMiddleware


class RedirectsForLoggedInUsersMiddleware(RedirectMiddleware):
    """Old addresses (one per imported Plone path) redirect logged-in users only. An address
    that matches no view never reaches the login requirement, so an anonymous visitor would
    otherwise learn where it leads, restricted pages included; they go to the login page."""

    def process_response(self, request, response):
        if response.status_code == 404 and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().process_response(request, response)


SIGNED_IN_AT = "signed_in_at"


class AbsoluteSessionLimitMiddleware:
    """Ends a session a fixed time after sign-in, however busy it has been: the idle timeout
    (SESSION_COOKIE_AGE, renewed on every request) alone would let a session live for ever."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            signed_in_at = request.session.setdefault(SIGNED_IN_AT, now)
            if now - signed_in_at > settings.SESSION_ABSOLUTE_AGE:
                logout(request)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)
