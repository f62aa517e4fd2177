"""Project showcases: local international initiatives presented by their committees."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, BodyBlock, GalleryImageBlock, LinkBlock, PartnerBlock
from ..listings import ShowcaseFilterSet, build_listing
from .base import IntranetPage, SectionIndexPage
from .classification import ClassifiedPage
from .taxonomy import ShowcaseStatus


class ShowcaseIndexPage(SectionIndexPage):
    """All project showcases across committees, filterable by committee, orientation, theme,
    status and start year. The showcases themselves live under their committee's page."""

    page_description = _("Listan över alla nämnders projekt, med filter.")

    subpage_types = []
    template = "strategy_pages/pages/showcase_index_page.html"

    class Meta:
        verbose_name = _("projektlista")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        showcases = ProjectShowcasePage.objects.in_site(Site.find_for_request(request))
        showcases = showcases.order_by("-start_date", "-pk")
        context.update(build_listing(request, showcases, ShowcaseFilterSet))
        return context


class ProjectShowcasePage(ClassifiedPage):
    """A committee's local international initiative, shown so others can learn from it and the
    City Executive Office can follow it up."""

    page_description = _(
        "Ett lokalt internationellt initiativ som en nämnd eller ett bolag visar upp."
    )

    status = models.CharField(
        _("status"), max_length=20, choices=ShowcaseStatus.choices, default=ShowcaseStatus.ONGOING
    )
    start_date = models.DateField(_("startdatum"), null=True, blank=True, db_index=True)
    end_date = models.DateField(_("slutdatum"), null=True, blank=True)
    listing_date_field = "start_date"
    facet_fields = {**ClassifiedPage.facet_fields, "status": "status"}
    featured = models.BooleanField(
        _("visa på startsidan"), default=False, help_text=_("Lyft fram projektet på startsidan.")
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=255, blank=True)
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("beskrivning"), blank=True)
    results = RichTextField(
        _("resultat och lärdomar"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Vad har projektet gett och vad kan andra lära av det?"),
    )
    # Partners, images and links are stored with the page, so a showcase is served without a
    # query for each of them.
    partners = StreamField(
        [("partner", PartnerBlock())],
        verbose_name=_("internationella partner"),
        blank=True,
        help_text=_("Organisation, stad och land för varje partner."),
    )
    gallery = StreamField([("image", GalleryImageBlock())], verbose_name=_("bilder"), blank=True)
    links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("länkar"),
        blank=True,
        help_text=_("T.ex. EU-program, partners webbplatser eller rapporter."),
    )
    resources = RichTextField(
        _("resurser"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Budget, finansiering och personal som avsatts, t.ex. i verksamhetsplanen."),
    )

    content_panels = [
        *IntranetPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("featured"),
            ],
            heading=_("Status och tid"),
        ),
        *ClassifiedPage.image_panels,
        FieldPanel("body"),
        FieldPanel("results"),
        FieldPanel("resources"),
        FieldPanel("partners"),
        FieldPanel("gallery"),
        FieldPanel("links"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Kontaktperson"),
        ),
        *ClassifiedPage.classification_panels,
    ]
    search_fields = [
        *ClassifiedPage.search_fields,
        index.SearchField("body"),
        index.SearchField("results"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.SearchField("partners"),
    ]
    parent_page_types = ["strategy_pages.CommitteePage"]
    subpage_types = []
    template = "strategy_pages/pages/project_showcase_page.html"

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekt")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Slutdatumet kan inte ligga före startdatumet.")})
