"""Admin wiring: committees, themes and classifications as snippets with search and filters."""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import editor_home  # noqa: F401 (hooks)
from .follow_up import exports, matrix, network, outcomes, visits  # noqa: F401 (hooks)
from .models import (
    Committee,
    CommitteeIndexPage,
    ConsultationResponsePage,
    Orientation,
    ProjectShowcasePage,
    SustainabilityDimension,
    Theme,
)
from .roles import committee_section, is_committee_editor_only
from .visibility import document_visible_to


class CommitteeViewSet(SnippetViewSet):
    model = Committee
    icon = "group"
    menu_label = _("Committees and companies")
    list_display = [
        "name",
        "short_name",
        "kind",
        "network_representation",
        "network_representative",
        DateColumn("network_mandate_end", label=_("Mandate until")),
    ]
    filterset_class = network.CommitteeFilterSet
    ordering = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]


class OrientationViewSet(SnippetViewSet):
    model = Orientation
    icon = "list-ol"
    menu_label = _("Orientations")
    list_display = ["name", "sort_order"]


class SustainabilityDimensionViewSet(SnippetViewSet):
    model = SustainabilityDimension
    icon = "resubmit"
    menu_label = _("Sustainability dimensions")
    list_display = ["name", "sort_order"]


class ClassificationViewSetGroup(SnippetViewSetGroup):
    items = [CommitteeViewSet, ThemeViewSet, OrientationViewSet, SustainabilityDimensionViewSet]
    menu_icon = "folder-open-inverse"
    menu_label = _("Organisation and classification")
    menu_name = "classification"


register_snippet(ClassificationViewSetGroup)


@hooks.register("before_serve_document")
def refuse_documents_of_hidden_pages(document, request):
    """A document attached to restricted pages only is as restricted as they are."""
    if not document_visible_to(document, request):
        return HttpResponseForbidden()
    return None


COMMITTEE_EDITOR_PAGE_TYPES = (ProjectShowcasePage, ConsultationResponsePage)


def refuse_committee_editor(request, page_class, place):
    """Committee editors write showcases and consultation responses, and nothing else."""
    if issubclass(page_class, COMMITTEE_EDITOR_PAGE_TYPES):
        return None
    if not is_committee_editor_only(request.user, place):
        return None
    messages.error(
        request,
        _(
            "Committee editors write projects and consultation responses. "
            "Ask a coordinator at the City Executive Office for other pages."
        ),
    )
    return redirect("wagtailadmin_explore", place.pk)


@hooks.register("before_create_page")
def committee_editors_create_showcases_only(request, parent_page, page_class):
    return refuse_committee_editor(request, page_class, parent_page)


@hooks.register("before_edit_page")
@hooks.register("before_delete_page")
@hooks.register("before_copy_page")
@hooks.register("before_move_page")
def committee_editors_edit_showcases_only(request, page, *args):
    return refuse_committee_editor(request, page.specific_class, page)


@hooks.register("after_create_snippet")
def give_new_committee_its_section(request, instance):
    """A committee added in the admin gets its page under the committee listing and its
    editor group at once, so its editors can start writing."""
    if not isinstance(instance, Committee):
        return
    committee_index = CommitteeIndexPage.objects.order_by("path").first()
    if committee_index is None:
        messages.warning(
            request,
            _(
                "There is no committee listing page yet: add one, then run "
                "create_intranet_groups to give %(name)s its page."
            )
            % {"name": instance},
        )
        return
    section = committee_section(instance, committee_index)
    messages.success(
        request,
        _("%(name)s has its page at %(url)s and its editor group “%(group)s”.")
        % {"name": instance, "url": section.get_url(request), "group": instance.editor_group},
    )
