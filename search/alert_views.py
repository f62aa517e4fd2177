"""Following a search by email: follow it from the search page, see and change the searches
one follows ("Mina bevakningar"), and stop one from the link in a digest without logging in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import BadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Site

from strategy_pages.conf import FRONT_END_LOGIN_URL, plugin_context

from .alerts import KEY_SEPARATOR
from .followed import describe, normalised_query, search_page_url
from .models import SavedSearch
from .query import SearchForm

FOLLOWED_SEARCHES = "strategy_search:followed_searches"


@login_required(login_url=FRONT_END_LOGIN_URL)
@require_POST
def follow_search(request):
    form = SearchForm(request.POST)
    if not form.is_valid():
        raise BadRequest(_("This search cannot be followed."))
    params = form.params()
    saved, created = SavedSearch.objects.get_or_create(
        user=request.user,
        site=Site.find_for_request(request),
        query=normalised_query(params),
        defaults={"description": describe(params)[:500]},
    )
    notice = _("You now follow %(search)s.") if created else _("You already follow %(search)s.")
    messages.success(request, notice % {"search": saved.description}, fail_silently=True)
    return redirect(FOLLOWED_SEARCHES)


@login_required(login_url=FRONT_END_LOGIN_URL)
@require_http_methods(["GET"])
def followed_searches(request):
    searches = SavedSearch.objects.filter(user=request.user)
    context = {
        **plugin_context(request),
        "searches": [(saved, search_page_url(saved.query)) for saved in searches],
        "frequencies": SavedSearch.Frequency.choices,
    }
    return TemplateResponse(request, "strategy_search/followed_searches.html", context)


@login_required(login_url=FRONT_END_LOGIN_URL)
@require_POST
def change_frequency(request, pk):
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    frequency = request.POST.get("frequency")
    if frequency not in SavedSearch.Frequency.values:
        raise BadRequest(_("Choose daily or weekly."))
    saved.frequency = frequency
    saved.save(update_fields=["frequency"])
    messages.success(
        request,
        _("%(search)s: %(frequency)s.")
        % {"search": saved.description, "frequency": saved.get_frequency_display()},
        fail_silently=True,
    )
    return redirect(FOLLOWED_SEARCHES)


@login_required(login_url=FRONT_END_LOGIN_URL)
@require_POST
def stop_following(request, pk):
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    saved.delete()
    messages.success(
        request,
        _("You no longer follow %(search)s.") % {"search": saved.description},
        fail_silently=True,
    )
    return redirect(FOLLOWED_SEARCHES)


# The key is the credential, and mail providers' one-click POST (RFC 8058) carries no CSRF token.
@csrf_exempt
@login_not_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request, keys):
    """GET asks for confirmation, POST stops the searches the digest's link names."""
    searches = list(SavedSearch.objects.filter(unsubscribe_key__in=keys.split(KEY_SEPARATOR)))
    context = {**plugin_context(request), "searches": searches, "stopped": False}
    if not searches:
        # Gone rather than not found: a host may send anonymous visitors of a missing page to
        # its login page, and the searches are already stopped or the link was never valid.
        return TemplateResponse(request, "strategy_search/unsubscribe.html", context, status=410)
    if request.method == "POST":
        SavedSearch.objects.filter(pk__in=[saved.pk for saved in searches]).delete()
        context["stopped"] = True
    return TemplateResponse(request, "strategy_search/unsubscribe.html", context)
