"""The closed intranet's version of Wagtail's redirects."""

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
