"""Logging in with the city's account through its OpenID Connect provider (single sign-on), and
the switch that turns local passwords off. Configured in settings from the environment; see
"Single sign-on" in docs/deployment.md."""

import logging
from functools import wraps
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

logger = logging.getLogger(__name__)


def sso_enabled():
    return bool(settings.OIDC_RP_CLIENT_ID)


class CityAccountBackend(OIDCAuthenticationBackend):
    """Creates the user at the first login with the city's account, and at every login brings
    the names, the e-mail address and the memberships of managed groups up to date from the
    provider's claims. Users are matched by user name, so existing accounts are taken over."""

    def authenticate(self, request, **credentials):
        if not sso_enabled():
            return None
        try:
            return super().authenticate(request, **credentials)
        except requests.RequestException:
            logger.warning("The OpenID provider did not answer or refused the code", exc_info=True)
            return None

    def get_userinfo(self, access_token, id_token, payload):
        # Some providers put the groups in the ID token only; its signature is verified by now.
        return payload | super().get_userinfo(access_token, id_token, payload)

    def get_username(self, claims):
        return claims.get(settings.OIDC_USERNAME_CLAIM) or claims.get("email") or claims.get("sub")

    def verify_claims(self, claims):
        return bool(self.get_username(claims))

    def filter_users_by_claims(self, claims):
        field = self.UserModel.USERNAME_FIELD
        return self.UserModel._default_manager.filter(
            **{f"{field}__iexact": self.get_username(claims)}
        )

    def create_user(self, claims):
        user = self.UserModel._default_manager.create_user(self.get_username(claims))
        return self.update_user(user, claims)

    @transaction.atomic
    def update_user(self, user, claims):
        user.first_name = claims.get("given_name", user.first_name)
        user.last_name = claims.get("family_name", user.last_name)
        user.email = claims.get("email", user.email)
        user.save(update_fields=["first_name", "last_name", "email"])
        self.sync_groups(user, claims)
        return user

    def sync_groups(self, user, claims):
        """The user is in each managed group exactly when the groups claim names it. Claims name
        existing groups only: none is created, and nothing here makes anyone staff or superuser."""
        named = claims.get(settings.OIDC_GROUPS_CLAIM) or []
        if isinstance(named, str):
            named = [named]
        managed = Group.objects.all()
        if settings.OIDC_MANAGED_GROUPS:
            managed = managed.filter(name__in=settings.OIDC_MANAGED_GROUPS)
        user.groups.remove(*managed.exclude(name__in=named))
        user.groups.add(*managed.filter(name__in=named))


class PasswordBackend(ModelBackend):
    """Django's own password login, which LOCAL_PASSWORD_LOGIN=false turns off everywhere, the
    admin's login page included."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.LOCAL_PASSWORD_LOGIN:
            return None
        return super().authenticate(request, username, password, **kwargs)


class LoginView(auth_views.LoginView):
    """The login page: the city's account with single sign-on on, the password form unless
    passwords are off."""

    template_name = "registration/login.html"

    def post(self, request, *args, **kwargs):
        if not settings.LOCAL_PASSWORD_LOGIN:
            return HttpResponseNotAllowed(["GET"])
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sso_enabled=sso_enabled(), password_login=settings.LOCAL_PASSWORD_LOGIN, **kwargs
        )


class CallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back; a failed login ends on the login page."""

    def login_failure(self):
        messages.error(
            self.request, _("Logging in with the city's account did not succeed. Try again.")
        )
        return redirect(settings.LOGIN_URL)


def sso_view(view):
    """The provider's part of the login: open to anonymous visitors, and only there with single
    sign-on on."""

    @login_not_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not sso_enabled():
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def provider_logout_url(request):
    """Logging out of a session that came from the provider logs out there too, and the provider
    sends the browser back to the login page (OIDC_OP_LOGOUT_URL_METHOD)."""
    login_page = resolve_url(settings.LOGOUT_REDIRECT_URL)
    id_token = request.session.get("oidc_id_token")
    if not (settings.OIDC_OP_LOGOUT_ENDPOINT and id_token):
        return login_page
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(login_page),
        }
    )
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{query}"
