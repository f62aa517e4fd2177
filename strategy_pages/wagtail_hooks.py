"""Admin wiring: committees, themes and classifications as snippets with search and filters."""

from django.http import HttpResponseForbidden
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Committee, Orientation, SustainabilityDimension, Theme
from .visibility import document_visible_to


class CommitteeViewSet(SnippetViewSet):
    model = Committee
    icon = "group"
    menu_label = _("Committees and companies")
    list_display = ["name", "short_name", "kind", "network_representation"]
    list_filter = ["kind", "network_representation"]
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
