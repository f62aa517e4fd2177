"""Study visits and delegations: who comes to the city, where the committees go, and when."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .taxonomy import VisitDirection


def week_of(day):
    """The Monday and Sunday of the ISO week that `day` falls in."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def delegation_name(organisation):
    """An organisation's name as typed by different coordinators: case and spacing ignored."""
    return " ".join(organisation.split()).casefold()


class StudyVisit(index.Indexed, models.Model):
    """An incoming delegation that a committee hosts, or an outgoing study visit it makes."""

    direction = models.CharField(
        _("direction"),
        max_length=20,
        choices=VisitDirection.choices,
        default=VisitDirection.INCOMING,
    )
    committee = models.ForeignKey(
        "strategy_pages.Committee",
        verbose_name=_("host committee or company"),
        on_delete=models.PROTECT,
        related_name="study_visits",
        help_text=_("The committee that hosts the delegation, or that makes the visit."),
    )
    organisation = models.CharField(
        _("visiting city or organisation"),
        max_length=255,
        help_text=_(
            "For an incoming visit, who comes; for an outgoing one, whom the committee visits."
        ),
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    showcase = models.ForeignKey(
        "strategy_pages.ProjectShowcasePage",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="study_visits",
        help_text=_("The project the visit is about, if any."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("direction"),
                FieldPanel("committee"),
                FieldPanel("organisation"),
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Visit"),
        ),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading=_("Contact person"),
        ),
        FieldPanel("showcase"),
    ]

    search_fields = [
        index.SearchField("organisation"),
        index.AutocompleteField("organisation"),
        index.SearchField("country"),
        index.SearchField("purpose"),
        index.FilterField("direction"),
        index.FilterField("committee"),
        index.FilterField("start_date"),
    ]

    class Meta:
        ordering = ["-start_date", "organisation"]
        verbose_name = _("study visit or delegation")
        verbose_name_plural = _("study visits and delegations")

    def __str__(self):
        return f"{self.organisation} – {self.committee} ({self.start_date:%Y-%m-%d})"

    @property
    def last_day(self):
        return self.end_date or self.start_date

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})

    def same_delegation_elsewhere(self):
        """Incoming visits by the same organisation to other committees in the same week(s):
        the delegation may be visiting twice, or two committees may be planning one visit."""
        if self.direction != VisitDirection.INCOMING or not self.start_date:
            return StudyVisit.objects.none()
        first_monday, _sunday = week_of(self.start_date)
        _monday, last_sunday = week_of(self.last_day)
        candidates = (
            StudyVisit.objects.filter(
                direction=VisitDirection.INCOMING, start_date__lte=last_sunday
            )
            .filter(
                models.Q(end_date__gte=first_monday)
                | models.Q(end_date__isnull=True, start_date__gte=first_monday)
            )
            .exclude(committee_id=self.committee_id)
            .exclude(pk=self.pk)
        )
        # Compared in Python: SQLite's case-insensitive match knows ASCII only ("Å" ≠ "å").
        name = delegation_name(self.organisation)
        same = [
            pk
            for pk, other in candidates.values_list("pk", "organisation")
            if delegation_name(other) == name
        ]
        return StudyVisit.objects.filter(pk__in=same)
