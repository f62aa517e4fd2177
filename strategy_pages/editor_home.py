"""The admin dashboard as an editor's starting point: one-click shortcuts to write news and
projects, the editor's drafts, what awaits review and the projects of the editor's committees.
Wagtail's own workflow panels are folded into the review panel instead of shown beside it."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page, WorkflowState

from .models import (
    CommitteeIndexPage,
    CommitteePage,
    NetworkNewsIndexPage,
    NetworkNewsPage,
    ProjectShowcasePage,
)
from .permissions import committees_edited_by, remember_requested_committee

DASHBOARD_LIMIT = 10
REPLACED_WAGTAIL_PANELS = {
    WorkflowObjectsToModeratePanel.name,
    UserObjectsInWorkflowModerationPanel.name,
}


@dataclass
class Shortcut:
    label: str
    url: str
    icon: str
    committee: object = None


def add_page_url(model, parent, committee=None):
    url = reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )
    return f"{url}?{urlencode({'committee': committee.slug})}" if committee else url


def news_shortcuts(user, committees):
    """Write news in the first news listing the user may add to: one shortcut per own committee
    when the editor writes for several, so that each form opens with its committee chosen."""
    listing = next(
        (
            page
            for page in NetworkNewsIndexPage.objects.order_by("path")
            if page.permissions_for_user(user).can_add_subpage()
        ),
        None,
    )
    if listing is None:
        return []
    if len(committees) < 2:  # the form chooses the only committee by itself
        return [Shortcut(_("Write news"), add_page_url(NetworkNewsPage, listing), "edit")]
    return [
        Shortcut(_("Write news"), add_page_url(NetworkNewsPage, listing, c), "edit", c)
        for c in committees
    ]


def project_shortcuts(user, committees):
    """A new project in each own committee's section, whose committee the form takes; those who
    write for every committee choose the section in the page explorer."""
    sections = CommitteePage.objects.filter(committee__in=committees).select_related("committee")
    shortcuts = [
        Shortcut(
            _("New project"),
            add_page_url(ProjectShowcasePage, section),
            "plus",
            section.committee if len(committees) > 1 else None,
        )
        for section in sections.order_by("committee__name")
        if section.permissions_for_user(user).can_add_subpage()
    ]
    if shortcuts or committees:
        return shortcuts
    committee_index = CommitteeIndexPage.objects.order_by("path").first()
    if committee_index is None:
        return []
    first_section = CommitteePage.objects.child_of(committee_index).first()
    if first_section and first_section.permissions_for_user(user).can_add_subpage():
        url = reverse("wagtailadmin_explore", args=[committee_index.pk])
        return [Shortcut(_("New project: choose the committee"), url, "plus")]
    return []


def drafts_of(user):
    """Pages whose latest change is `user`'s and is not live yet, nor submitted for review;
    abandoned first tries included, so that the editor finds them again."""
    drafts = Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
    drafts = drafts.exclude(pk__in=pages_in_review())
    return drafts.order_by("-latest_revision_created_at", "-pk").specific(defer=True)


def pages_in_review():
    """Ids of pages in a workflow that is not finished. A workflow state names its page by a
    text id, which PostgreSQL will not compare with a page's number in a join."""
    active = [WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
    states = WorkflowState.objects.filter(
        status__in=active, base_content_type=ContentType.objects.get_for_model(Page)
    )
    return [int(pk) for pk in states.values_list("object_id", flat=True) if pk.isdigit()]


def committee_projects(committees):
    projects = ProjectShowcasePage.objects.filter(committee__in=committees)
    return projects.select_related("committee").order_by("-latest_revision_created_at", "-pk")


class ShortcutsPanel(Component):
    name = "editor_shortcuts"
    template_name = "strategy_pages/admin/editor_shortcuts_panel.html"
    order = 10

    def __init__(self, shortcuts):
        self.shortcuts = shortcuts

    def get_context_data(self, parent_context):
        return {"shortcuts": self.shortcuts}


class MyDraftsPanel(Component):
    name = "my_drafts"
    template_name = "strategy_pages/admin/my_drafts_panel.html"
    order = 20

    def __init__(self, drafts):
        self.drafts = drafts

    def get_context_data(self, parent_context):
        return {"drafts": self.drafts, "request": parent_context["request"]}


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review" and "Your pages in a workflow" as one panel."""

    name = "awaiting_review"
    template_name = "strategy_pages/admin/awaiting_review_panel.html"
    order = 30

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        own = UserObjectsInWorkflowModerationPanel().get_context_data(parent_context)
        context["own_states"] = list(own["workflow_states"])
        return context


class CommitteeProjectsPanel(Component):
    name = "committee_projects"
    template_name = "strategy_pages/admin/committee_projects_panel.html"
    order = 40

    def __init__(self, projects, sections, several_committees):
        self.projects = projects
        self.sections = sections
        self.several_committees = several_committees

    def get_context_data(self, parent_context):
        return {
            "projects": self.projects,
            "sections": self.sections,
            "several_committees": self.several_committees,
            "request": parent_context["request"],
        }


def editor_panels(user):
    committees = list(committees_edited_by(user))
    shortcuts = news_shortcuts(user, committees) + project_shortcuts(user, committees)
    if shortcuts:
        yield ShortcutsPanel(shortcuts)
    yield MyDraftsPanel(list(drafts_of(user)[:DASHBOARD_LIMIT]))
    yield AwaitingReviewPanel()
    if committees:
        sections = CommitteePage.objects.filter(committee__in=committees).order_by("title")
        projects = list(committee_projects(committees)[:DASHBOARD_LIMIT])
        yield CommitteeProjectsPanel(projects, sections, len(committees) > 1)


@hooks.register("construct_homepage_panels")
def add_editor_panels(request, panels):
    panels[:] = [p for p in panels if getattr(p, "name", "") not in REPLACED_WAGTAIL_PANELS]
    panels.extend(editor_panels(request.user))


@hooks.register("before_create_page")
def prefill_requested_committee(request, parent_page, page_class):
    remember_requested_committee(request)
