"""Network representation: which committees and companies have a representative in the
information-sharing network, which are proposed, which are missing and whose mandate has run
out; for staff on "Om nätverket" and the committee pages, for coordinators in the admin."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Q, Value, When
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django_filters import ChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from ..models import Committee, CommitteeKind, CommitteePage, NetworkRepresentation
from ..visibility import visible_to
from .access import FollowUpMenuItem, FollowUpOnlyMixin

#: How far ahead coordinators are warned of a mandate that runs out.
EXPIRY_WARNING = datetime.timedelta(days=60)
KIND_ORDER = {kind.value: position for position, kind in enumerate(CommitteeKind)}


class Standing:
    """Where a committee stands in the network; a member whose mandate has ended has expired."""

    MEMBER = "member"
    PROPOSED = "proposed"
    MISSING = "missing"
    EXPIRED = "expired"

    LABELS = {
        MEMBER: pgettext_lazy("network group", "Represented"),
        PROPOSED: pgettext_lazy("network group", "Proposed"),
        MISSING: pgettext_lazy("network group", "Not represented"),
        EXPIRED: pgettext_lazy("network group", "Mandate expired"),
    }


def standing(committee, today=None):
    today = today or timezone.localdate()
    if committee.network_representation == NetworkRepresentation.PROPOSED:
        return Standing.PROPOSED
    if committee.network_representation != NetworkRepresentation.MEMBER:
        return Standing.MISSING
    end = committee.network_mandate_end
    return Standing.EXPIRED if end and end < today else Standing.MEMBER


def mandate_expiring(committee, today=None):
    """A current member whose mandate ends within EXPIRY_WARNING."""
    today = today or timezone.localdate()
    end = committee.network_mandate_end
    return standing(committee, today) == Standing.MEMBER and bool(
        end and end <= today + EXPIRY_WARNING
    )


@dataclass
class CoverageGroup:
    key: str
    label: str
    committees: list = field(default_factory=list)


@dataclass
class Coverage:
    """The committees grouped by standing, each group ordered by committee kind, then name."""

    groups: list

    def group(self, key):
        return next(group for group in self.groups if group.key == key)

    def count(self, key):
        return len(self.group(key).committees)

    @property
    def total(self):
        return sum(len(group.committees) for group in self.groups)

    def summary(self):
        """E.g. "12 of 20 committees and companies are represented, 3 are proposed, 5 are
        missing"; expired mandates are named only when there are any."""
        represented = self.count(Standing.MEMBER)
        parts = [
            ngettext(
                "%(count)d of %(total)d committees and companies is represented",
                "%(count)d of %(total)d committees and companies are represented",
                represented,
            )
            % {"count": represented, "total": self.total},
            ngettext(
                "%(count)d is proposed", "%(count)d are proposed", self.count(Standing.PROPOSED)
            )
            % {"count": self.count(Standing.PROPOSED)},
            ngettext("%(count)d is missing", "%(count)d are missing", self.count(Standing.MISSING))
            % {"count": self.count(Standing.MISSING)},
        ]
        expired = self.count(Standing.EXPIRED)
        if expired:
            parts.append(
                ngettext(
                    "%(count)d has a mandate that has expired",
                    "%(count)d have mandates that have expired",
                    expired,
                )
                % {"count": expired}
            )
        return ", ".join(parts) + "."


def by_kind_and_name(committee):
    return (KIND_ORDER.get(committee.kind, len(KIND_ORDER)), committee.name.casefold())


def network_coverage(today=None):
    """Every committee and company in its group: represented, proposed, missing, expired."""
    today = today or timezone.localdate()
    groups = {key: CoverageGroup(key, label) for key, label in Standing.LABELS.items()}
    for committee in sorted(Committee.objects.all(), key=by_kind_and_name):
        groups[standing(committee, today)].committees.append(committee)
    return Coverage(list(groups.values()))


def committee_page_urls(committees, request):
    """{committee id: URL of its page} for the committee pages the request may see."""
    if request is None:
        return {}  # without a request nobody can be told which pages they may see
    pages = CommitteePage.objects.filter(committee__in=[c.pk for c in committees])
    return {page.committee_id: page.get_url(request) for page in visible_to(pages, request)}


def network_coordinator():
    """The City Executive Office, which coordinates the network, if the site has it."""
    return (
        Committee.objects.filter(kind=CommitteeKind.EXECUTIVE_OFFICE)
        .select_related("section_page")
        .order_by("name")
        .first()
    )


def committee_network_context(committee, request):
    """What a committee's page shows about its place in the network."""
    context = {
        "standing": standing(committee),
        "standing_label": Standing.LABELS[standing(committee)],
        "committee": committee,
        "coordinator": None,
        "coordinator_url": "",
    }
    coordinator = network_coordinator()
    if coordinator is not None and coordinator.pk != committee.pk:
        context["coordinator"] = coordinator
        context["coordinator_url"] = committee_page_urls([coordinator], request).get(
            coordinator.pk, ""
        )
    return context


# The coordinators' committee listing and report.


class MandateFilter(ChoiceFilter):
    """Members by their mandate: ended, or ending within EXPIRY_WARNING."""

    EXPIRED = "expired"
    EXPIRING = "expiring"

    def __init__(self, **kwargs):
        choices = [(self.EXPIRED, _("Expired")), (self.EXPIRING, _("Ends within 60 days"))]
        super().__init__(choices=choices, label=_("Mandate"), **kwargs)

    def filter(self, queryset, value):
        today = timezone.localdate()
        members = queryset.filter(network_representation=NetworkRepresentation.MEMBER)
        if value == self.EXPIRED:
            return members.filter(network_mandate_end__lt=today)
        if value == self.EXPIRING:
            return members.filter(
                network_mandate_end__gte=today, network_mandate_end__lte=today + EXPIRY_WARNING
            )
        return queryset


class CommitteeFilterSet(WagtailFilterSet):
    mandate = MandateFilter()

    class Meta:
        model = Committee
        fields = ["kind", "network_representation"]


class AttentionColumn(Column):
    def get_value(self, instance):
        return Standing.LABELS.get(instance.attention) or _("Mandate ends soon")


class NetworkRepresentationReportView(FollowUpOnlyMixin, ReportView):
    """Committees that need a coordinator's attention: no representative, only a proposed one,
    or a mandate that has ended or ends within EXPIRY_WARNING."""

    page_title = _("Representation in the network")
    header_icon = "group"
    index_url_name = "strategy_network:report"
    index_results_url_name = "strategy_network:report_results"
    default_ordering = "name"
    list_export = []

    @property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Committee or company"),
                url_name="wagtailsnippets_strategy_pages_committee:edit",
                sort_key="name",
            ),
            Column("kind", label=_("Type"), accessor="get_kind_display"),
            AttentionColumn("attention", label=_("Needs attention")),
            Column("network_representative", label=_("Representative")),
            DateColumn(
                "network_mandate_end", label=_("Mandate until"), sort_key="network_mandate_end"
            ),
        ]

    def get_base_queryset(self):
        today = timezone.localdate()
        member = Q(network_representation=NetworkRepresentation.MEMBER)
        return Committee.objects.filter(
            ~member | Q(network_mandate_end__lte=today + EXPIRY_WARNING)
        ).annotate(
            attention=Case(
                When(
                    network_representation=NetworkRepresentation.PROPOSED,
                    then=Value(Standing.PROPOSED),
                ),
                When(~member, then=Value(Standing.MISSING)),
                When(network_mandate_end__lt=today, then=Value(Standing.EXPIRED)),
                default=Value("expiring"),
                output_field=CharField(),
            )
        )


@hooks.register("register_admin_urls")
def register_network_report_urls():
    urls = [
        path("", NetworkRepresentationReportView.as_view(), name="report"),
        path(
            "results/",
            NetworkRepresentationReportView.as_view(results_only=True),
            name="report_results",
        ),
    ]
    return [path("natverket/", include((urls, "strategy_network")))]


@hooks.register("register_reports_menu_item")
def register_network_report_menu_item():
    return FollowUpMenuItem(
        _("Representation in the network"),
        reverse("strategy_network:report"),
        icon_name="group",
        order=1400,
    )
