from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from mozilla_django_oidc.views import OIDCAuthenticationRequestView, OIDCLogoutView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as documents

from intranet import sso
from intranet.media import serve_image
from intranet.password_reset import ResetForEveryActiveUserForm
from search import urls as search_urls

# mozilla-django-oidc's half of the login, open to anonymous visitors of the closed intranet.
sso_urls = [
    path(
        "authenticate/",
        sso.sso_view(OIDCAuthenticationRequestView.as_view()),
        name="oidc_authentication_init",
    ),
    path(
        "callback/",
        sso.sso_view(sso.CallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
]

document_urls = [
    # Wagtail's own pattern hands the id on as text, and an id of thousands of digits then fails
    # the lookup with a server error; the int converter turns it away as not found.
    path("<int:document_id>/<path:document_filename>", documents.serve, name="wagtaildocs_serve"),
    *(url for url in wagtaildocs_urls.urlpatterns if url.name != "wagtaildocs_serve"),
]

urlpatterns = [
    # The admin's logout also ends a session at the provider.
    path("admin/logout/", OIDCLogoutView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(document_urls)),
    path("bilder/<path:name>", serve_image, name="serve_image"),
    path("logga-in/", sso.LoginView.as_view(), name="login"),
    path("logga-ut/", OIDCLogoutView.as_view(), name="logout"),
    path("oidc/", include(sso_urls)),
    path(
        "losenord/glomt/",
        login_not_required(
            auth_views.PasswordResetView.as_view(form_class=ResetForEveryActiveUserForm)
        ),
        name="password_reset",
    ),
    path(
        "losenord/skickat/",
        login_not_required(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "losenord/nytt/<uidb64>/<token>/",
        login_not_required(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "losenord/klart/",
        login_not_required(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    path("", include(search_urls)),
]

urlpatterns.append(path("", include(wagtail_urls)))
