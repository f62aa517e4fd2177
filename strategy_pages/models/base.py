"""Abstract building blocks shared by the page types."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from ..conf import plugin_context, top_level_parent_types
from ..forms import CommitteeOwnedPageForm


class IntranetPage(Page):
    """Base for every page type: a short summary used in listings, search results and previews."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in listings and search results."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary", boost=2)]

    #: Relations fetched together with the page when it is served, so its template needs no more.
    serve_select_related = ()
    #: What search reads from a page type, declared here so that renaming a field fails the
    #: system checks instead of search: the field (a date or a moment) the page is listed and
    #: dated by, None for its first publication; the facet values, {facet: field path to the
    #: value}; the field search shows as the snippet; whether the page leads to others (a
    #: listing, a calendar, a link) rather than being read itself, so that it is not dated and
    #: comes after content when nothing is searched for.
    listing_date_field = None
    facet_fields = {}
    snippet_field = "summary"
    leads_to_others = False
    #: Whether the page shows a search box of its own in its first screen, so that a host's
    #: header need not show a second one.
    has_search_box = False

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(plugin_context(request))
        return context

    def route(self, request, path_components):
        """Find the page under this one by its URL path in two queries, instead of Wagtail's two
        per level. Paths that are not a page's own (e.g. a routable page's sub-views) fall back to
        Wagtail's walk down the tree."""
        if not path_components:
            return super().route(request, path_components)
        url_path = f"{self.url_path}{'/'.join(path_components)}/"
        # The slug and depth let the database use the slug index; url_path has none.
        target = (
            Page.objects.filter(
                slug=path_components[-1],
                depth=self.depth + len(path_components),
                url_path=url_path,
            )
            .only("content_type")
            .first()
        )
        if target is None:
            return super().route(request, path_components)
        model = target.specific_class
        if model is None:
            raise Http404
        related = getattr(model, "serve_select_related", ())
        page = model.objects.select_related(*related).get(pk=target.pk)
        return page.route(request, [])


class SectionIndexPage(IntranetPage):
    """A section's landing page right below the start page: an introduction, then a listing."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*IntranetPage.content_panels, FieldPanel("intro")]
    parent_page_types = top_level_parent_types("strategy_pages.IntranetHomePage")
    max_count_per_parent = 1
    leads_to_others = True

    class Meta:
        abstract = True


class IllustratedPage(IntranetPage):
    """A page with a lead image whose alternative text is required whenever an image is chosen."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe what the image shows for someone who cannot see it. "
            "Required if an image is chosen."
        ),
    )
    image_caption = models.CharField(
        _("caption"),
        max_length=255,
        blank=True,
        help_text=_("Shown below the image, e.g. who took the photo."),
    )

    image_panels = [
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_caption")],
            heading=_("Image"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Write an alternative text for the image.")})


class CommitteeOwnedPage(IllustratedPage):
    """Content owned by one committee; it lives under that committee's page so that editing
    rights can be granted per committee subtree."""

    committee = models.ForeignKey(
        "strategy_pages.Committee",
        verbose_name=_("committee or company"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The committee or company that owns the content. Required for publishing."),
    )

    serve_select_related = ("committee__section_page", "image")
    facet_fields = {"committee": "committee__slug"}

    base_form_class = CommitteeOwnedPageForm

    class Meta:
        abstract = True
