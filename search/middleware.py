"""Calendar apps cannot log in either: a calendar's iCalendar address carries the user's feed
secret, as search feeds do, and the request is answered as that user."""

from django.core.exceptions import TooManyFieldsSent
from django.utils.deprecation import MiddlewareMixin

from .models import FeedToken

CALENDAR_FEED_SUFFIX = "/ical/"
KEY_PARAMETER = "token"


def calendar_feed_user(request):
    """The user whose secret a calendar feed request carries, or None (any other request)."""
    if request.method != "GET" or not request.path.endswith(CALENDAR_FEED_SUFFIX):
        return None  # and the query string stays unread: the view answers a malformed one
    try:
        key = request.GET.get(KEY_PARAMETER)
    except TooManyFieldsSent:
        return None
    return FeedToken.user_with_key(key) if key else None


class CalendarFeedTokenMiddleware(MiddlewareMixin):
    """Lets a calendar feed request with a valid secret past a login requirement, as its user,
    for that one request (no session). Place it after AuthenticationMiddleware."""

    def process_request(self, request):
        user = calendar_feed_user(request)
        if user is not None:
            request.user = user
