"""Outcome capture: once a project has ended, its committee's editors are asked for its results,
lessons learned and transferability, URBACT's criteria for a good practice another city can
take up. Asked by email once (the `request_showcase_outcomes` command, run daily), reminded on
their admin dashboard until it is written, and listed for the coordinators in a report."""

import logging
from dataclasses import dataclass

import django_filters
from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.utils import get_admin_base_url
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from ..models import Committee, CommitteeKind, ProjectShowcasePage
from . import reuse  # noqa: F401 (hooks)
from .access import FollowUpMenuItem, FollowUpOnlyMixin, may_follow_up

logger = logging.getLogger(__name__)

OUTCOME_FIELDS = ("results", "lessons_learned", "transferability")
# Rich text with tags and blanks only (what the editor leaves when a field is emptied, e.g.
# "<p><br/></p>"): the database's version of `not strip_tags(text).strip()`.
EMPTY_RICH_TEXT = r"^(\s|<[^>]*>)*$"
DASHBOARD_LIMIT = 10


def outcome_missing(today=None):
    """Live projects that ended before `today` (Stockholm's date) and lack part of their
    outcome."""
    today = today or timezone.localdate()
    lacking = Q()
    for field in OUTCOME_FIELDS:
        lacking |= Q(**{f"{field}__regex": EMPTY_RICH_TEXT})
    return ProjectShowcasePage.objects.live().filter(lacking, end_date__lt=today)


def missing_parts(page):
    """The verbose names of the outcome fields `page` leaves empty."""
    return [
        ProjectShowcasePage._meta.get_field(field).verbose_name
        for field in OUTCOME_FIELDS
        if not strip_tags(getattr(page, field)).strip()
    ]


class NoBaseURLError(Exception):
    """Neither WAGTAILADMIN_BASE_URL nor a default site says where the admin is."""


def admin_base_url():
    """Where the admin is, for links in emails: WAGTAILADMIN_BASE_URL, or the default site."""
    base_url = get_admin_base_url()
    if base_url:
        return base_url
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise NoBaseURLError(
            "Set WAGTAILADMIN_BASE_URL or a default site, so that the email can link to the "
            "project's page in the admin."
        )
    return site.root_url


def edit_url(page, base_url):
    return base_url + reverse("wagtailadmin_pages:edit", args=[page.pk])


# The email -------------------------------------------------------------------------------


@dataclass
class RunReport:
    sent: int = 0
    failed: int = 0
    without_recipient: int = 0


def outcome_recipients(page):
    """The committee's editors with an email address, or the project's contact person when the
    committee has no editors yet."""
    group = page.committee.editor_group if page.committee else None
    addresses = []
    if group is not None:
        users = group.user_set.filter(is_active=True).exclude(email="").order_by("pk")
        addresses = list(users.values_list("email", flat=True))
    if not addresses and page.contact_email:
        addresses = [page.contact_email]
    return addresses


def request_outcomes(now=None):
    """Ask for the outcome of every ended project whose committee has not been asked yet."""
    now = now or timezone.now()
    base_url = admin_base_url()
    report = RunReport()
    due = outcome_missing(timezone.localdate(now)).filter(outcome_requested_at__isnull=True)
    for page in due.select_related("committee__editor_group").order_by("end_date", "pk"):
        recipients = outcome_recipients(page)
        if not recipients:
            logger.warning("Nobody to ask for the outcome of project %s", page.pk)
            report.without_recipient += 1
            continue
        try:
            sent = request_outcome(page, recipients, now, base_url)
        except Exception:
            logger.exception("The outcome request for project %s was not sent", page.pk)
            report.failed += 1
        else:
            report.sent += sent
    return report


def request_outcome(page, recipients, now, base_url):
    """Claim the project as asked, then send: of two runs at once only the one whose claim
    took sends, and a failed send gives the claim back, so the next run asks again. Whether
    this run sent it."""
    # Updates, not saves: asking is no edit of the page and makes no revision.
    unasked = ProjectShowcasePage.objects.filter(pk=page.pk, outcome_requested_at__isnull=True)
    if not unasked.update(outcome_requested_at=now):
        return False
    try:
        outcome_message(page, recipients, base_url).send()
    except Exception:
        ProjectShowcasePage.objects.filter(pk=page.pk).update(outcome_requested_at=None)
        raise
    return True


def outcome_message(page, recipients, base_url):
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "page": page,
            "edit_url": edit_url(page, base_url),
            "questions": [
                ProjectShowcasePage._meta.get_field(field).help_text for field in OUTCOME_FIELDS
            ],
        }
        subject = render_to_string("strategy_pages/email/outcome_request_subject.txt", context)
        return EmailMessage(
            subject=" ".join(subject.split()),
            body=render_to_string("strategy_pages/email/outcome_request.txt", context),
            to=recipients,
        )


# The dashboard panel ---------------------------------------------------------------------


def committees_followed_by(user):
    """The committees whose projects' outcomes `user` answers for or follows up."""
    if may_follow_up(user):
        return Committee.objects.all()
    return Committee.objects.filter(editor_group__user=user)


class OutcomePanel(Component):
    """On the admin dashboard: the ended projects of the user's committees that still lack
    their outcome."""

    name = "showcase_outcomes"
    template_name = "strategy_pages/admin/outcome_panel.html"
    order = 120

    def __init__(self, pages, total, report_url):
        self.pages = pages
        self.total = total
        self.report_url = report_url

    def get_context_data(self, parent_context):
        return {"pages": self.pages, "total": self.total, "report_url": self.report_url}


@hooks.register("construct_homepage_panels")
def add_outcome_panel(request, panels):
    user = request.user
    waiting = outcome_missing().filter(committee__in=committees_followed_by(user))
    total = waiting.count()
    if not total:
        return
    pages = list(waiting.select_related("committee").order_by("end_date", "pk")[:DASHBOARD_LIMIT])
    for page in pages:
        page.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        page.missing_parts = missing_parts(page)
    report_url = reverse("strategy_outcomes:report") if may_follow_up(user) else ""
    panels.append(OutcomePanel(pages, total, report_url))


# The report ------------------------------------------------------------------------------


class OutcomeReportFilterSet(WagtailFilterSet):
    committee = django_filters.ModelChoiceFilter(
        label=_("Committee or company"), queryset=Committee.objects.all()
    )
    committee_kind = django_filters.ChoiceFilter(
        label=_("Type of committee"), field_name="committee__kind", choices=CommitteeKind.choices
    )

    class Meta:
        model = ProjectShowcasePage
        fields = ["committee", "committee_kind"]


def days_overdue(page):
    return (timezone.localdate() - page.end_date).days


class OutcomeReportView(FollowUpOnlyMixin, ReportView):
    """Ended projects without their full outcome, for the coordinators to follow up."""

    page_title = _("Projects without an outcome")
    header_icon = "warning"
    index_url_name = "strategy_outcomes:report"
    index_results_url_name = "strategy_outcomes:report_results"
    filterset_class = OutcomeReportFilterSet

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Project"),
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            ),
            Column("committee", label=_("Committee or company")),
            DateColumn("end_date", label=_("End date")),
            Column("days_overdue", label=_("Days since the end"), accessor=days_overdue),
            DateColumn("outcome_requested_at", label=_("Asked")),
            Column(
                "missing",
                label=_("Missing"),
                accessor=lambda page: ", ".join(str(part) for part in missing_parts(page)),
            ),
        ]

    def get_queryset(self):
        return outcome_missing().select_related("committee").order_by("end_date", "pk")


report_urls = [
    path("", OutcomeReportView.as_view(), name="report"),
    path("results/", OutcomeReportView.as_view(results_only=True), name="report_results"),
]


@hooks.register("register_admin_urls")
def register_outcome_report_urls():
    return [path("projekt-utan-resultat/", include((report_urls, "strategy_outcomes")))]


@hooks.register("register_reports_menu_item")
def register_outcome_report():
    return FollowUpMenuItem(
        _("Projects without an outcome"),
        reverse("strategy_outcomes:report"),
        icon_name="warning",
        order=1210,
    )
