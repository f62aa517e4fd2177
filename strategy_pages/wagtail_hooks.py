"""Admin wiring: committees, themes and classifications as snippets with search and filters."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Committee, Orientation, SustainabilityDimension, Theme


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
