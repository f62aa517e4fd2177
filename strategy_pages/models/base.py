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
        _("sammanfattning"),
        blank=True,
        help_text=_("En eller två meningar som visas i listor och sökresultat."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary", boost=2)]

    #: Relations fetched together with the page when it is served, so its template needs no more.
    serve_select_related = ()
    #: What search reads from a page type, declared here so that renaming a field fails the
    #: system checks instead of search: the field (a date or a moment) the page is listed and
    #: dated by, None for its first publication; the facet values, {facet: field path to the
    #: value}; the field search shows as the snippet.
    listing_date_field = None
    facet_fields = {}
    snippet_field = "summary"

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

    intro = models.TextField(_("ingress"), blank=True)

    content_panels = [*IntranetPage.content_panels, FieldPanel("intro")]
    parent_page_types = top_level_parent_types("strategy_pages.IntranetHomePage")
    max_count_per_parent = 1

    class Meta:
        abstract = True


class IllustratedPage(IntranetPage):
    """A page with a lead image whose alternative text is required whenever an image is chosen."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternativtext"),
        max_length=255,
        blank=True,
        help_text=_("Beskriv vad bilden visar för den som inte ser den. Krävs om en bild valts."),
    )
    image_caption = models.CharField(
        _("bildtext"),
        max_length=255,
        blank=True,
        help_text=_("Visas under bilden, t.ex. vem som har tagit fotot."),
    )

    image_panels = [
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_caption")],
            heading=_("Bild"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Skriv en alternativtext till bilden.")})


class CommitteeOwnedPage(IllustratedPage):
    """Content owned by one committee; it lives under that committee's page so that editing
    rights can be granted per committee subtree."""

    committee = models.ForeignKey(
        "strategy_pages.Committee",
        verbose_name=_("nämnd eller bolag"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Den nämnd eller det bolag som äger innehållet. Krävs för att publicera."),
    )

    serve_select_related = ("committee__section_page", "image")
    facet_fields = {"committee": "committee__slug"}

    base_form_class = CommitteeOwnedPageForm

    class Meta:
        abstract = True
