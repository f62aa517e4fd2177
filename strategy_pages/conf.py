"""The content app's settings, with their defaults, read in one place.

STRATEGY_PAGES_BASE_TEMPLATE   the host's template the plugin's pages extend; they fill its
                               "content" block (and "title" where it has one)
STRATEGY_PAGES_PARENT_PAGE_TYPES  page types (as "app_label.ModelName") under which editors may
                               create the plugin's start page and sections; None allows any page
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.functional import lazy
from wagtail import hooks

DEFAULTS = {
    "STRATEGY_PAGES_BASE_TEMPLATE": "base.html",
    "STRATEGY_PAGES_PARENT_PAGE_TYPES": None,
}

#: A hook another app registers to give the plugin's pages a site search box: a function of the
#: request that returns the search page's URL (the search app registers it).
SITE_SEARCH_HOOK = "strategy_pages_site_search_url"
#: A hook another app registers to let staff follow a listing by e-mail: a function of the
#: request and the listed page model that returns {"url": …, "fields": [(name, value), …]}.
FOLLOW_LISTING_HOOK = "strategy_pages_follow_listing"
#: A hook other apps register to add rights over their own models to a role when the roles are
#: set up: a function of the role (RoleGroup.Role) and its group.
GRANT_ROLE_PERMISSIONS_HOOK = "strategy_pages_grant_role_permissions"
#: A hook another app may register so that a calendar app, which cannot log in, can read a
#: calendar's iCalendar feed (e.g. with a personal token in the feed's address): a function of
#: the request that returns the user the feed is for, or None (see calendar_feed.feed_user).
CALENDAR_FEED_USER_HOOK = "strategy_pages_calendar_feed_user"


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


def base_template():
    return setting("STRATEGY_PAGES_BASE_TEMPLATE")


def top_level_parent_types(*own_types):
    """Where the plugin's top-level pages may go: the plugin's own `own_types` and the host's
    configured parents, or anywhere when the host configures none."""
    host_types = setting("STRATEGY_PAGES_PARENT_PAGE_TYPES")
    if host_types is None:
        return None
    return [*own_types, *host_types]


def site_search_url(request):
    for hook in hooks.get_hooks(SITE_SEARCH_HOOK):
        url = hook(request)
        if url:
            return url
    return ""


def follow_listing(request, model):
    """How to follow a listing of `model` pages, with the request's filters, by e-mail: a dict
    of the form's "url" and hidden "fields" from the app that offers it (search), or None."""
    if not request.user.is_authenticated:
        return None
    for hook in hooks.get_hooks(FOLLOW_LISTING_HOOK):
        offer = hook(request, model)
        if offer:
            return offer
    return None


def front_end_login_url():
    """Where a reader logs in: Wagtail's front-end login (WAGTAIL_FRONTEND_LOGIN_URL, or Wagtail's
    own), as for a page only logged-in users may see, so a host need not set LOGIN_URL."""
    return getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse("wagtailcore_login")


#: The same, for `login_required(login_url=…)`: read when a request comes, not at import.
FRONT_END_LOGIN_URL = lazy(front_end_login_url, str)()


def redirect_to_front_end_login(next_url):
    return redirect_to_login(next_url, front_end_login_url())


def plugin_context(request):
    """What every plugin template needs from the host: the base template and the search URL."""
    return {"base_template": base_template(), "site_search_url": site_search_url(request)}
