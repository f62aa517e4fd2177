"""Decides, before anything is written, what each Plone item becomes and where it goes.

The plan is what `--dry-run` reports, and what the import then carries out; it reads the
database (committees, pages, earlier imports) but never writes to it.
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from anyascii import anyascii
from django.utils.text import slugify
from wagtail.models import Page

from ..models import (
    Committee,
    CommitteeIndexPage,
    CommitteePage,
    ContentPage,
    EventPage,
    LinkPage,
    NetworkNewsIndexPage,
    NetworkNewsPage,
    SectionPage,
)
from . import uploads
from .models import PloneItem
from .report import CREATED, MERGED, SKIPPED, UNCHANGED, UPDATED

PAGE_MODELS = {
    "section": SectionPage,
    "committee": CommitteePage,
    "content": ContentPage,
    "news": NetworkNewsPage,
    "event": EventPage,
    "link": LinkPage,
}
MEDIA_KINDS = {"image", "document"}
PUBLISHED, PRIVATE, PENDING = "published", "private", "pending"


@dataclass
class PlannedItem:
    item: object
    kind: str
    action: str = CREATED
    reason: str = ""
    committee: Committee | None = None
    record: PloneItem | None = None
    parent_uid: str | None = None
    #: Inside a private folder: Plone let only those with rights there see it.
    restricted: bool = False
    blob: uploads.Blob | None = None
    lead_image: uploads.Blob | None = None
    landing_page: object = None
    fingerprint: str = ""
    #: A draft though Plone published it, e.g. news without an owning committee.
    held_back: str = ""

    @property
    def uid(self):
        return self.item.uid

    @property
    def is_page(self):
        return self.kind in PAGE_MODELS

    @property
    def writes(self):
        return self.action in (CREATED, UPDATED)

    @property
    def live(self):
        return self.item.review_state == PUBLISHED and not self.held_back


@dataclass
class Plan:
    site: object
    parent: Page
    items: list[PlannedItem]
    committees_to_create: dict = field(default_factory=dict)
    news_index: Page | None = None
    committee_index: Page | None = None

    def by_uid(self):
        return {planned.uid: planned for planned in self.items}


def build_plan(export, config, site, parent, report):
    planner = _Planner(export, config, site, parent, report)
    return planner.plan()


class _Planner:
    def __init__(self, export, config, site, parent, report):
        self.export = export
        self.config = config
        self.site = site
        self.parent = parent
        self.report = report
        self.items = export.by_uid()
        self.paths = export.by_path()
        self.children = defaultdict(list)
        for item in export.items:
            self.children[item.parent_path].append(item)
        for siblings in self.children.values():
            siblings.sort(key=lambda item: (export.ordering.get(item.uid, 10**9), item.path))
        self.records = {r.uid: r for r in PloneItem.objects.filter(uid__in=self.items)}
        self.committees = list(Committee.objects.select_related("section_page"))
        self.news_index = _first_of(NetworkNewsIndexPage, site)
        self.committee_index = _first_of(CommitteeIndexPage, site)
        self.landing_pages = {
            page_uid: folder_uid for folder_uid, page_uid in export.default_pages.items()
        }
        self.committees_to_create = {}

    def plan(self):
        planned, by_uid = [], {}
        for item in self._tree_order("/"):
            planned.append(self._plan_item(item, by_uid))
            by_uid[item.uid] = planned[-1]
        self._merge_landing_pages(planned)
        self._decide_actions(planned)
        return Plan(
            site=self.site,
            parent=self.parent,
            items=planned,
            committees_to_create=self.committees_to_create,
            news_index=self.news_index,
            committee_index=self.committee_index,
        )

    def _tree_order(self, path):
        for item in self.children.get(path, []):
            yield item
            yield from self._tree_order(item.path)

    def _plan_item(self, item, planned_so_far):
        parent = planned_so_far.get(self._uid_at(item.parent_path))
        planned = PlannedItem(item=item, kind=self.config.target_kind(item.portal_type) or "")
        planned.parent_uid = parent.uid if parent else None
        planned.restricted = bool(parent and (parent.restricted or _private_folder(parent)))
        planned.committee = parent.committee if parent else None
        if parent and parent.action == SKIPPED:
            return _skipped(planned, "its folder is not imported")
        if not planned.kind:
            return _skipped(planned, f"no mapping for the Plone type {item.portal_type}")
        if planned.kind == "skip":
            return _skipped(planned, "the configuration skips this type")
        if planned.kind == "section" and not planned.committee:
            self._match_committee(planned)
        if planned.kind in MEDIA_KINDS:
            return self._plan_media(planned)
        if parent and not parent.is_page:
            return _skipped(planned, "it lies inside an image or file")
        self._check_placement(planned, parent)
        self._plan_page_details(planned)
        return planned

    def _uid_at(self, path):
        item = self.paths.get(path) if path != "/" else None
        return item.uid if item else None

    def _match_committee(self, planned):
        item = planned.item
        rule = self.config.committees.get(item.path)
        committee = None
        if rule:
            committee = next((c for c in self.committees if c.slug == rule.slug), None)
            namesake = self._committee_called(rule.name, other_than=rule.slug)
            if committee is None and namesake is not None:
                self.report.warn(
                    item.path,
                    f"a committee named {rule.name!r} exists as {namesake.slug!r}; give that slug",
                )
            elif committee is None and rule.name and rule.kind:
                committee = self.committees_to_create.setdefault(
                    rule.slug,
                    Committee(
                        slug=rule.slug, name=rule.name, short_name=rule.short_name, kind=rule.kind
                    ),
                )
            elif committee is None:
                self.report.warn(
                    item.path, f"no committee {rule.slug!r}; give its name and kind to create it"
                )
        elif self.config.match_committees:
            committee = self._committee_named(item)
        if committee is None:
            return
        if self.committee_index is None and not getattr(committee, "section_page", None):
            self.report.warn(item.path, "no committee list page to put the committee's page in")
            return
        planned.kind = "committee"
        planned.committee = committee
        if getattr(committee, "section_page", None):
            planned.reason = "lands on the committee's own page"

    def _committee_called(self, name, other_than):
        """A committee by that name with another slug, existing or to be created: names are
        unique."""
        committees = [*self.committees, *self.committees_to_create.values()]
        return next((c for c in committees if c.name == name and c.slug != other_than), None)

    def _committee_named(self, item):
        wanted = {_normalised(item.title), _normalised(item.plone_id)}
        for committee in self.committees:
            names = {_normalised(committee.name), committee.slug}
            if committee.short_name:
                names.add(_normalised(committee.short_name))
            if wanted & names:
                return committee
        return None

    def _plan_media(self, planned):
        field_name = "image" if planned.kind == "image" else "file"
        value = planned.item.data.get(field_name)
        if not value:
            return _skipped(planned, f"it has no {field_name} data")
        try:
            planned.blob = uploads.decode(value, planned.item.plone_id)
            if planned.kind == "image":
                uploads.check_image(planned.blob)
            else:
                uploads.check_document(planned.blob, self.config.max_document_bytes)
        except uploads.UploadRejected as rejection:
            return _skipped(planned, f"the file is refused: {rejection}")
        return planned

    def _check_placement(self, planned, parent):
        if planned.kind == "committee":
            return
        parent_model = PAGE_MODELS[parent.kind] if parent else self.parent.specific_class
        model = PAGE_MODELS[planned.kind]
        if _allowed(model, parent_model):
            return
        if planned.kind == "news" and self.news_index:
            planned.parent_uid = None
            planned.reason = "news outside any folder go to the news listing"
            return
        _skipped(planned, f"a {model._meta.verbose_name} cannot be placed there")

    def _plan_page_details(self, planned):
        if planned.action == SKIPPED:
            return
        item = planned.item
        if planned.kind == "news":
            if not planned.committee and self.config.default_committee:
                planned.committee = next(
                    (c for c in self.committees if c.slug == self.config.default_committee), None
                )
            if not planned.committee and item.review_state == PUBLISHED:
                planned.held_back = "news need an owning committee to be published"
            if item.data.get("image"):
                self._plan_lead_image(planned)

    def _plan_lead_image(self, planned):
        try:
            planned.lead_image = uploads.decode(planned.item.data["image"], planned.item.plone_id)
            uploads.check_image(planned.lead_image)
        except uploads.UploadRejected as rejection:
            planned.lead_image = None
            self.report.warn(planned.item.path, f"lead image left out: {rejection}")

    def _merge_landing_pages(self, planned_items):
        by_uid = {planned.uid: planned for planned in planned_items}
        for planned in planned_items:
            folder = by_uid.get(self.landing_pages.get(planned.uid))
            mergeable = folder and folder.kind == "section" and planned.kind == "content"
            if mergeable and planned.action != SKIPPED:
                planned.action = MERGED
                planned.reason = "the folder's default page becomes its landing text"
                folder.landing_page = planned.item

    def _decide_actions(self, planned_items):
        related = defaultdict(list)
        for source, target in self.export.relations:
            related[source].append(target)
        latest = self._latest_revisions()
        for planned in planned_items:
            planned.fingerprint = _fingerprint(planned, related[planned.uid])
            if planned.action in (SKIPPED, MERGED):
                continue
            record = self.records.get(planned.uid)
            planned.record = record
            if record is None:
                planned.action = CREATED
            elif record.revision_id and latest.get(record.object_id) not in (
                None,
                record.revision_id,
            ):
                _skipped(planned, "changed in Wagtail since the last import; left as it is")
            elif record.fingerprint == planned.fingerprint and not record.links_pending:
                planned.action = UNCHANGED
            else:
                planned.action = UPDATED

    def _latest_revisions(self):
        page_ids = [r.object_id for r in self.records.values() if r.revision_id]
        return dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "latest_revision_id"))


def _skipped(planned, reason):
    planned.action = SKIPPED
    planned.reason = reason
    return planned


def _private_folder(planned):
    return planned.item.portal_type == "Folder" and planned.item.review_state == PRIVATE


def _allowed(model, parent_model):
    return model in parent_model.allowed_subpage_models() and parent_model in (
        model.allowed_parent_page_models()
    )


def _first_of(model, site):
    return model.objects.descendant_of(site.root_page, inclusive=True).first()


def _normalised(text):
    return slugify(anyascii(text or ""))


def _fingerprint(planned, related):
    decisions = {
        "kind": planned.kind,
        "parent": planned.parent_uid,
        "committee": planned.committee.slug if planned.committee else None,
        "landing": planned.landing_page.data if planned.landing_page else None,
        "related": related,
    }
    payload = json.dumps([planned.item.data, decisions], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()
