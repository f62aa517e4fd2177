"""Classification fields shared by news and showcases: orientations, themes, dimensions."""

from django import forms
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .base import CommitteeOwnedPage
from .taxonomy import Orientation


class ClassifiedPage(CommitteeOwnedPage):
    """Committee-owned content classified by the strategy's orientations, the budget's
    sustainability dimensions and cross-committee themes."""

    orientations = ParentalManyToManyField(
        "strategy_pages.Orientation",
        verbose_name=_("orientations"),
        blank=True,
        related_name="+",
        help_text=_("Which of the strategy's four orientations the content belongs to."),
    )
    dimensions = ParentalManyToManyField(
        "strategy_pages.SustainabilityDimension",
        verbose_name=_("sustainability dimensions"),
        blank=True,
        related_name="+",
        help_text=_("The budget's orientation goals that the content contributes to."),
    )
    themes = ParentalManyToManyField(
        "strategy_pages.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("Cross-sector themes, e.g. from local development programmes."),
    )

    classification_panels = [
        MultiFieldPanel(
            [
                FieldPanel("committee"),
                FieldPanel("orientations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("dimensions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        )
    ]

    search_fields = [
        *CommitteeOwnedPage.search_fields,
        index.FilterField("committee"),
        index.FilterField("orientations"),
        index.FilterField("dimensions"),
        index.FilterField("themes"),
        index.RelatedFields(
            "committee", [index.SearchField("name"), index.SearchField("short_name")]
        ),
        index.RelatedFields("orientations", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]

    facet_fields = {
        **CommitteeOwnedPage.facet_fields,
        "orientation": "orientations__slug",
        "dimension": "dimensions__slug",
        "theme": "themes__slug",
    }

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Index the page again once its classification is saved: Wagtail's own index update
        runs from the post_save signal, before modelcluster writes the many-to-many rows, so it
        would index the classification the page had before this save."""
        super().save(*args, **kwargs)
        if getattr(self, "search_auto_update", True) and not kwargs.get("update_fields"):
            index.insert_or_update_object(self)

    def get_context(self, request, *args, **kwargs):
        orientations = Orientation.objects.select_related("page")
        prefetch_related_objects(
            [self], Prefetch("orientations", queryset=orientations), "dimensions", "themes"
        )
        return super().get_context(request, *args, **kwargs)
