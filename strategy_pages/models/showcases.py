"""Project showcases: local international initiatives presented by their committees."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, BodyBlock, GalleryImageBlock, LinkBlock, PartnerBlock
from ..listings import ShowcaseFilterSet, build_listing
from ..visibility import visible_to
from .base import IntranetPage, SectionIndexPage
from .classification import ClassifiedPage
from .news import NetworkNewsPage
from .taxonomy import ShowcaseStatus


class ShowcaseIndexPage(SectionIndexPage):
    """All project showcases across committees, filterable by committee, orientation, theme,
    status and start year. The showcases themselves live under their committee's page."""

    page_description = _("The list of all committees' projects, with filters.")

    subpage_types = []
    template = "strategy_pages/pages/showcase_index_page.html"

    class Meta:
        verbose_name = _("project list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        showcases = ProjectShowcasePage.objects.in_site(Site.find_for_request(request))
        showcases = showcases.order_by("-start_date", "-pk")
        context.update(build_listing(request, showcases, ShowcaseFilterSet))
        return context


RELATED_NEWS_COUNT = 5


class ProjectShowcasePage(ClassifiedPage):
    """A committee's local international initiative, shown so others can learn from it and the
    City Executive Office can follow it up."""

    page_description = _("A local international initiative presented by a committee or company.")

    status = models.CharField(
        _("status"), max_length=20, choices=ShowcaseStatus.choices, default=ShowcaseStatus.ONGOING
    )
    start_date = models.DateField(_("start date"), null=True, blank=True, db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    listing_date_field = "start_date"
    facet_fields = {**ClassifiedPage.facet_fields, "status": "status"}
    featured = models.BooleanField(
        _("show on the start page"),
        default=False,
        help_text=_("Feature the project on the start page."),
    )
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    results = RichTextField(
        _("results"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What has the project achieved?"),
    )
    lessons_learned = RichTextField(
        _("lessons learned"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What worked, what did not, and what would you do differently?"),
    )
    transferability = RichTextField(
        _("transferability"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Could another committee do the same? What would it need: staff, money, partners?"
        ),
    )
    # When the committee's editors were asked for the outcome, so they are asked once.
    outcome_requested_at = models.DateTimeField(
        _("outcome requested"), null=True, blank=True, editable=False
    )
    reused_from = models.ForeignKey(
        "self",
        verbose_name=_("reuses the initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reuses",
        help_text=_("The showcase this initiative was copied from, in another committee."),
    )
    # Partners, images and links are stored with the page, so a showcase is served without a
    # query for each of them.
    partners = StreamField(
        [("partner", PartnerBlock())],
        verbose_name=_("international partners"),
        blank=True,
        help_text=_("Organisation, city and country of each partner."),
    )
    gallery = StreamField([("image", GalleryImageBlock())], verbose_name=_("images"), blank=True)
    links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("links"),
        blank=True,
        help_text=_("E.g. EU programmes, partners' websites or reports."),
    )
    resources = RichTextField(
        _("resources"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Budget, funding and staff set aside, e.g. in the operational plan."),
    )

    content_panels = [
        *IntranetPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("featured", permission="strategy_pages.feature_on_start_page"),
            ],
            heading=_("Status and dates"),
        ),
        *ClassifiedPage.image_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("results"),
                FieldPanel("lessons_learned"),
                FieldPanel("transferability"),
            ],
            heading=_("Outcome"),
        ),
        FieldPanel("resources"),
        FieldPanel("partners"),
        FieldPanel("gallery"),
        FieldPanel("links"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact person"),
        ),
        *ClassifiedPage.classification_panels,
    ]
    search_fields = [
        *ClassifiedPage.search_fields,
        index.SearchField("body"),
        index.SearchField("results"),
        index.SearchField("lessons_learned"),
        index.SearchField("transferability"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.SearchField("partners"),
    ]
    parent_page_types = ["strategy_pages.CommitteePage"]
    subpage_types = []
    template = "strategy_pages/pages/project_showcase_page.html"
    exclude_fields_in_copy = ["outcome_requested_at"]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [
            ("feature_on_start_page", _("Can feature projects on the start page")),
            (
                "follow_up_showcases",
                _("Can follow up and export the committees' projects and visits"),
            ),
        ]
        # The start page's featured projects, newest first, without reading every project.
        indexes = [
            models.Index(
                fields=["-start_date"], condition=Q(featured=True), name="showcase_featured_start"
            )
        ]

    def with_content_json(self, content):
        """When the outcome was asked for belongs to the page, not to a revision: publishing a
        revision saved before the request must not forget it, or the editors are asked again."""
        page = super().with_content_json(content)
        page.outcome_requested_at = self.outcome_requested_at
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        showcases = ProjectShowcasePage.objects.select_related("committee")
        origin = visible_to(showcases.filter(pk=self.reused_from_id), request)
        context["reused_from"] = origin.first() if self.reused_from_id else None
        reuses = visible_to(showcases.filter(reused_from=self), request)
        context["reuses"] = reuses.order_by("committee__name", "title")
        context["reuse_url"] = self.reuse_url_for(getattr(request, "user", None))
        context["news_about"] = self.news_about(request)
        return context

    def news_about(self, request):
        """News items that name this project among their related pages, newest first: Wagtail's
        reference index knows them, so the news side alone is edited."""
        referring = ReferenceIndex.get_references_to(self).filter(
            base_content_type=ContentType.objects.get_for_model(Page)
        )
        ids = [int(pk) for pk in referring.values_list("object_id", flat=True) if pk.isdigit()]
        news = visible_to(NetworkNewsPage.objects.filter(pk__in=ids), request)
        return news.order_by("-date", "-pk")[:RELATED_NEWS_COUNT]

    def period_label(self):
        """When the project runs, in months, worded after its status: "since February 2015" while
        it runs, "from September 2026" before it starts, "February 2015 – June 2016" once done."""
        if not self.start_date:
            return ""
        start = date_format(self.start_date, "YEAR_MONTH_FORMAT")
        if self.status == ShowcaseStatus.COMPLETED:
            return self._completed_period(start)
        if self.status == ShowcaseStatus.PLANNED or self.start_date > timezone.localdate():
            return gettext("from %(start)s") % {"start": start}
        return gettext("since %(start)s") % {"start": start}

    def _completed_period(self, start):
        end = date_format(self.end_date, "YEAR_MONTH_FORMAT") if self.end_date else start
        if end == start:
            return start
        return gettext("%(start)s – %(end)s") % {"start": start, "end": end}

    def reuse_url_for(self, user):
        """The admin view that copies the project for another committee, for a user who may add
        projects under one; asked only of those who may use the admin."""
        from ..follow_up.reuse import reuse_targets  # noqa: PLC0415 - it imports the models

        admin_user = user is not None and user.has_perm("wagtailadmin.access_admin")
        if not admin_user or not reuse_targets(user, self):
            return ""
        return reverse("strategy_reuse_showcase", args=[self.pk])

    def clean(self):
        super().clean()
        # An outcome emptied in the editor leaves markup ("<p><br/></p>"): store it as empty,
        # so the page shows no empty section and the editors are still reminded of it.
        for field in ("results", "lessons_learned", "transferability"):
            if not strip_tags(getattr(self, field)).strip():
                setattr(self, field, "")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
