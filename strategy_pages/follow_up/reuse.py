"""“Reuse the initiative”: another committee takes up a project, starting from a draft copy of
it under its own page, linked to where it came from."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.actions.copy_page import CopyPageAction
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from ..models import CommitteePage, ProjectShowcasePage, ShowcaseStatus
from ..visibility import visible_to


def may_view(user, request, page):
    """Whether `user` sees the project: live and visible, or theirs to edit (a draft)."""
    if page.permissions_for_user(user).can_edit():
        return True
    return visible_to(Page.objects.filter(pk=page.pk), request).exists()


def may_add_showcase(user, committee_page):
    return committee_page.permissions_for_user(user).can_add_subpage()


def reuse_targets(user, origin):
    """The other committees' pages that `user` may add a project under."""
    pages = CommitteePage.objects.exclude(committee_id=origin.committee_id)
    pages = pages.select_related("committee").order_by("committee__name")
    return [page for page in pages if may_add_showcase(user, page)]


def reuse_showcase(origin, committee_page, user):
    """A draft copy of `origin` under `committee_page`, owned by `user`: the same idea and
    classification, but the other committee's, with its own dates, status and outcome to come.
    The caller checks that `user` may do it."""
    action = CopyPageAction(
        origin,
        to=committee_page,
        update_attrs={
            "slug": find_available_slug(committee_page, origin.slug),
            "committee": committee_page.committee,
            "reused_from": origin,
            "status": ShowcaseStatus.PLANNED,
            "start_date": None,
            "end_date": None,
            "results": "",
            "lessons_learned": "",
            "transferability": "",
            "featured": False,
        },
        copy_revisions=False,
        keep_live=False,
        user=user,
    )
    # Wagtail's copy asks for the right to add beside the origin too, which another committee's
    # editor lacks; the view asks instead that the user sees the origin and may add under the
    # target, the same test as Wagtail's for the destination.
    return action.execute(skip_permission_checks=True).specific


class ReuseForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Committee or company that takes up the project"),
        queryset=CommitteePage.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = lambda page: page.committee.name


def reuse_view(request, page_id):
    origin = get_object_or_404(ProjectShowcasePage, pk=page_id)
    if not may_view(request.user, request, origin):
        return permission_denied(request)
    targets = reuse_targets(request.user, origin)
    if request.method == "POST":
        # Any other committee validates, so that one the user may not write for is refused
        # as such instead of as a mistyped choice.
        others = CommitteePage.objects.exclude(committee_id=origin.committee_id)
        form = ReuseForm(request.POST, targets=others)
        if form.is_valid():
            target = form.cleaned_data["target"]
            if target not in targets:
                return permission_denied(request)
            copy = reuse_showcase(origin, target, request.user)
            messages.success(
                request,
                _("“%(title)s” is now a draft for %(committee)s. Adapt it and submit it.")
                % {"title": copy.title, "committee": target.committee.name},
            )
            return redirect("wagtailadmin_pages:edit", copy.pk)
    else:
        form = ReuseForm(targets=CommitteePage.objects.filter(pk__in=[t.pk for t in targets]))
    return TemplateResponse(
        request,
        "strategy_pages/admin/reuse_showcase.html",
        {"page": origin, "form": form, "has_targets": bool(targets)},
    )


@hooks.register("register_admin_urls")
def register_reuse_url():
    return [path("projekt/<int:page_id>/ateranvand/", reuse_view, name="strategy_reuse_showcase")]


def committee_pages_user_may_add_to(user):
    """{path: page} of the committee pages `user` may add projects under, worked out once per
    user object: the explorer asks for every project it lists."""
    cached = getattr(user, "_strategy_reuse_targets", None)
    if cached is None:
        cached = {
            page.path: page for page in CommitteePage.objects.all() if may_add_showcase(user, page)
        }
        user._strategy_reuse_targets = cached
    return cached


class ReuseButton(PageMenuItem):
    label = _("Reuse the initiative")
    icon_name = "copy"
    url_name = "strategy_reuse_showcase"

    def is_shown(self, user):
        if self.page.specific_class is not ProjectShowcasePage:
            return False
        targets = committee_pages_user_may_add_to(user)
        # Reuse is for another committee: the page the project lies under does not count.
        return any(not self.page.path.startswith(target_path) for target_path in targets)


@hooks.register("register_page_header_buttons")
def reuse_header_button(page, user, view_name, next_url=None):
    yield ReuseButton(page=page, priority=35)


@hooks.register("register_page_listing_more_buttons")
def reuse_listing_button(page, user, next_url=None):
    yield ReuseButton(page=page, priority=25)
