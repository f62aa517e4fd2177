"""What django-axes records of a failed login."""

from django.contrib.auth import get_user_model

# django-axes keeps the attempted user name in a column of 255 characters.
RECORDED_LENGTH = 255


def attempted_username(request, credentials):
    """The user name a login tried, cut to what can be recorded: a longer one is no real user,
    and must not turn a failed login into a server error."""
    field = get_user_model().USERNAME_FIELD
    name = (credentials or {}).get(field) or request.POST.get(field) or ""
    return str(name)[:RECORDED_LENGTH]
