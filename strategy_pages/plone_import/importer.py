"""The import service: reads and plans an export, then writes it in batches.

Each batch is one transaction, and every item written is recorded by its Plone UID, so an
import that stops half-way is resumed by running it again, and a second run over the same
export only updates what changed.
"""

from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from ..planner_statistics import refresh_planner_statistics
from . import access, media
from .config import SAVED_SEARCH_TYPES, ConfigError
from .context import ImportContext
from .indexing import indexed_in_bulk
from .models import PloneItem
from .pages import PageWriter
from .plan import MEDIA_KINDS, PRIVATE, build_plan
from .reader import PORTAL
from .redirects import add_redirect, old_paths, save_redirects
from .report import MERGED, SKIPPED, UNCHANGED, ImportReport, ItemOutcome
from .richtext import Target


class ImportAborted(Exception):
    """Writing stopped at an item; the batches before it are kept and a rerun resumes."""


class PloneImporter:
    def __init__(self, export, config, *, dry_run=False, progress=None):
        self.export = export
        self.config = config
        self.dry_run = dry_run
        self.progress = progress or (lambda done, total: None)
        self.report = ImportReport(dry_run=dry_run)
        self.pages = {}
        self.media_by_uid = {}
        self.new_records = []
        self.recorded = set()

    def run(self):
        site, parent = self._site_and_parent()
        plan = build_plan(self.export, self.config, site, parent, self.report)
        self.landing_folders = {
            p.landing_page.uid: p.uid for p in plan.items if p.landing_page is not None
        }
        if self.dry_run:
            people = access.import_people(self.export, self.report, dry_run=True)
            self._warn_references(plan, self._dry_run_context(plan, people), written=False)
            granted = access.preview_local_roles(
                self.export, self.config, self._page_uids(plan), self.report
            )
            self._private_folders(plan, plan.by_uid(), granted)
            self._report_plan(plan)
            return self.report
        with transaction.atomic():
            people = access.import_people(self.export, self.report, dry_run=False)
            context = self._context(plan, people)
        self._write_items(plan, context)
        self._warn_references(plan, context, written=True)
        with transaction.atomic():
            self._finish(plan, context)
        refresh_planner_statistics()
        self._report_plan(plan, context)
        return self.report

    def _site_and_parent(self):
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site is None:
            raise ConfigError("The Wagtail site has no site to import into.")
        path = self.config.parent.strip("/")
        url_path = site.root_page.url_path + (f"{path}/" if path else "")
        parent = Page.objects.filter(url_path=url_path).first()
        if parent is None:
            raise ConfigError(f"No page at {self.config.parent} to import under.")
        return site, parent.specific

    def _context(self, plan, people):
        context = self._dry_run_context(plan, people)
        context.collection = media.ensure_collection(self.config.collection)
        for slug, committee in plan.committees_to_create.items():
            if committee.pk is None:
                committee.save()
                self.report.note(f"committee created: {committee.name} ({slug})")
        self._known_targets(plan, context)
        return context

    def _page_uids(self, plan):
        """The Plone UIDs that will have a page once the import is done."""
        uids = {PORTAL, self.export.root.uid if self.export.root else PORTAL}
        for planned in plan.items:
            if planned.is_page and (planned.action not in (SKIPPED, MERGED) or planned.record):
                uids.add(planned.uid)
        return uids

    def _dry_run_context(self, plan, people):
        """What references resolve to before anything is written: items the plan imports are
        pending, the rest lead nowhere."""
        context = ImportContext(self.export, self.config, self.report, people, site=plan.site)
        context.planned = plan.by_uid()
        context.targets[PORTAL] = Target("page", plan.parent.pk)
        if self.export.root:
            context.targets[self.export.root.uid] = context.targets[PORTAL]
        return context

    def _warn_references(self, plan, context, *, written):
        """Broken links and left-out media are reported on every run: the writer reports those
        of the pages it writes; the others (all in a dry run, unchanged ones otherwise) are
        converted here only to report them."""
        writer = PageWriter(context)
        for planned in plan.items:
            if not planned.is_page or planned.kind in ("link", "committee"):
                continue
            if planned.action != UNCHANGED and (written or not planned.writes):
                continue
            source = planned.landing_page if planned.kind == "section" else planned.item
            if source is None:
                continue
            conversion = writer._body(source)
            for broken in conversion.broken:
                self.report.warn(planned.item.path, f"broken reference: {broken}")
            for notice in getattr(conversion, "notices", []):
                self.report.warn(planned.item.path, notice)
            if planned.kind != "section":
                context.related_for(planned.item)

    def _known_targets(self, plan, context):
        """Items left unchanged keep their targets from the last run, for links to them."""
        # Pages an editor changed since the last import are kept as they are, and so are links
        # to them.
        records = [p.record for p in plan.items if p.action in (UNCHANGED, SKIPPED) and p.record]
        image_ct = ContentType.objects.get_for_model(get_image_model())
        document_ct = ContentType.objects.get_for_model(get_document_model())
        images = get_image_model().objects.in_bulk(
            [r.object_id for r in records if r.content_type_id == image_ct.pk]
        )
        for record in records:
            if record.content_type_id == image_ct.pk and record.object_id in images:
                context.targets[record.uid] = _image_target(images[record.object_id])
            elif record.content_type_id == document_ct.pk:
                context.targets[record.uid] = Target("document", record.object_id)
            else:
                context.targets[record.uid] = Target("page", record.object_id)
            context.written.add(record.uid)
        for planned in plan.items:
            if planned.action == UNCHANGED and planned.landing_page:
                context.targets[planned.landing_page.uid] = context.targets.get(planned.uid)

    def _write_items(self, plan, context):
        writer = PageWriter(context)
        self.pages[PORTAL] = plan.parent
        if self.export.root:
            self.pages[self.export.root.uid] = plan.parent
        waiting = []
        to_write = [p for p in plan.items if p.writes or p.kind == "committee"]
        self._load_unchanged_pages(plan)
        batches, done = iter(to_write), 0
        while batch := list(islice(batches, self.config.batch_size)):
            try:
                with transaction.atomic(), indexed_in_bulk():
                    for planned in batch:
                        self._current = planned
                        if self._write_one(planned, plan, writer, context):
                            waiting.append(planned)
                    self._save_records()
            except Exception as error:
                raise ImportAborted(
                    f"{self._current.item.path}: {error}. The batches before it are saved; "
                    "run the import again to resume."
                ) from error
            done += len(batch)
            self.progress(done, len(to_write))
        with transaction.atomic(), indexed_in_bulk():
            for planned in waiting:
                self._fill_waiting(planned, writer, context)

    def _load_unchanged_pages(self, plan):
        unchanged = {
            p.record.object_id: p.uid
            for p in plan.items
            if p.action in (UNCHANGED, SKIPPED) and p.record and p.is_page
        }
        for page in Page.objects.filter(pk__in=unchanged).specific():
            self.pages[unchanged[page.pk]] = page

    def _write_one(self, planned, plan, writer, context):
        owner = context.owner_of(planned.item)
        if planned.kind in MEDIA_KINDS:
            collection = self._collection_for(planned, context)
            write = media.write_image if planned.kind == "image" else media.write_document
            obj = write(planned, collection, owner)
            self.media_by_uid[planned.uid] = obj
            target = _image_target(obj) if planned.kind == "image" else Target("document", obj.pk)
            context.targets[planned.uid] = target
            context.written.add(planned.uid)
            self._record(planned, obj, pending=False, context=context)
            return False
        parent_page = self._parent_page(planned, plan)
        if parent_page is None:
            planned.action, planned.reason = SKIPPED, "its folder could not be imported"
            return False
        context.link_waiting = False
        try:
            page, waiting = writer.write(planned, parent_page)
        except ValidationError as error:
            planned.action, planned.reason = SKIPPED, f"not valid: {_messages(error)}"
            return False
        waiting = waiting or context.link_waiting
        self.pages[planned.uid] = page
        context.targets[planned.uid] = Target("page", page.pk)
        context.written.add(planned.uid)
        if planned.landing_page:
            context.targets[planned.landing_page.uid] = context.targets[planned.uid]
            context.written.add(planned.landing_page.uid)
        self._record(planned, page, pending=waiting, context=context)
        return waiting

    def _parent_page(self, planned, plan):
        if planned.kind == "committee":
            return plan.committee_index
        if planned.parent_uid is None:
            return plan.news_index if planned.in_news_index else plan.parent
        return self.pages.get(planned.parent_uid)

    def _collection_for(self, planned, context):
        folder = _private_ancestor(planned, context.planned)
        if folder is None:
            return context.collection
        return media.ensure_collection(f"{folder.item.title} (begränsad)", context.collection)

    def _fill_waiting(self, planned, writer, context):
        page = self.pages[planned.uid]
        context.link_waiting = False
        try:
            waiting = writer.fill(page, planned) or context.link_waiting
        except ValidationError as error:
            # Its target was refused after the plan: the page keeps leading to the site's root.
            self.report.warn(planned.item.path, f"{_messages(error)}; correct the link by hand")
            waiting = False
        page.save()
        writer.refresh_revision(page, planned)
        PloneItem.objects.filter(uid=planned.uid).update(links_pending=waiting)

    def _record(self, planned, obj, *, pending, context):
        """Remember where the item went; new records are written together at the batch's end."""
        values = {
            "portal_type": planned.item.portal_type,
            "path": planned.item.path[:1000],
            "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False),
            "object_id": obj.pk,
            "fingerprint": planned.fingerprint,
            "links_pending": pending,
            "revision": context.revisions.get(planned.uid),
        }
        self._store_record(planned.uid, planned.record, values)
        landing = planned.landing_page
        if landing and landing.uid != planned.uid:
            values.update(portal_type=landing.portal_type, path=landing.path[:1000])
            PloneItem.objects.update_or_create(uid=landing.uid, defaults=values)

    def _store_record(self, uid, record, values):
        if record is None and uid not in self.recorded:
            self.new_records.append(PloneItem(uid=uid, **values))
        else:
            PloneItem.objects.update_or_create(uid=uid, defaults=values)
        self.recorded.add(uid)

    def _save_records(self):
        PloneItem.objects.bulk_create(self.new_records)
        self.new_records = []

    def _finish(self, plan, context):
        granted = access.grant_local_roles(
            self.export, self.config, self.pages, context.people, context.collection, self.report
        )
        self._restrict_private_folders(plan, context, granted)
        self._apply_ordering(plan)
        self._write_redirects(plan)

    def _private_folders(self, plan, planned_by_uid, granted):
        """(planned folder, groups with rights there) of each private folder, warning about
        those nobody but superusers will see."""
        folders = []
        for planned in plan.items:
            if planned.item.portal_type != "Folder" or planned.item.review_state != PRIVATE:
                continue
            groups = _groups_with_rights(planned, planned_by_uid, granted)
            if not groups:
                self.report.warn(
                    planned.item.path,
                    "private in Plone: only superusers may view it until groups are added "
                    "to its privacy setting",
                )
            folders.append((planned, groups))
        return folders

    def _restrict_private_folders(self, plan, context, granted):
        for planned, groups in self._private_folders(plan, context.planned, granted):
            page = self.pages.get(planned.uid)
            if page is not None:
                access.restrict_page(page, groups)
            name = f"{planned.item.title} (begränsad)"
            restricted = context.collection.get_children().filter(name=name).first()
            if restricted is not None:
                access.restrict_collection(restricted, groups)

    def _apply_ordering(self, plan):
        """Siblings in Plone's order; only needed on a rerun, as new pages are added in order."""
        siblings = {}
        for planned in plan.items:
            page = self.pages.get(planned.uid)
            if planned.writes or planned.action == UNCHANGED:
                self._add_sibling(siblings, planned, page, plan)
        for parent, pages in siblings.values():
            wanted = [page.pk for page in pages]
            current = parent.get_children().filter(pk__in=wanted).values_list("pk", flat=True)
            if list(current) != wanted:
                for page in pages:
                    page.move(parent, pos="last-child")

    def _add_sibling(self, siblings, planned, page, plan):
        if planned.is_page and page is not None and planned.kind != "committee":
            parent = self._parent_page(planned, plan)
            siblings.setdefault(parent.pk, (parent, []))[1].append(page)

    def _write_redirects(self, plan):
        """Every old path of an imported item, and Plone's own redirects, lead to the new place."""
        wanted = {}
        for planned in plan.items:
            target = self._redirect_target(planned)
            if target is not None:
                for old_path in old_paths(planned.item):
                    add_redirect(wanted, plan.site, old_path, target)
        planned_by_uid, paths = plan.by_uid(), self.export.by_path()
        for old_path, new_path in self.export.redirects.items():
            item = paths.get(new_path)
            target = self._redirect_target(planned_by_uid[item.uid]) if item else None
            if target is None:
                self.report.warn(old_path, f"Plone redirected it to {new_path}, not imported")
                continue
            add_redirect(wanted, plan.site, old_path, target)
        save_redirects(plan.site, wanted)

    def _redirect_target(self, planned):
        if planned.action == SKIPPED and planned.item.portal_type in SAVED_SEARCH_TYPES:
            return self.pages.get(planned.parent_uid or PORTAL)
        if planned.action == SKIPPED:
            return None
        uid = self.landing_folders.get(planned.uid, planned.uid)
        if uid in self.pages:
            return self.pages[uid]
        obj = self.media_by_uid.get(uid) or self._stored_media(planned)
        if obj is None:
            return None
        return obj.file.url if planned.kind == "image" else obj.url

    def _stored_media(self, planned):
        if not planned.record:
            return None
        model = get_image_model() if planned.kind == "image" else get_document_model()
        return model.objects.filter(pk=planned.record.object_id).first()

    def _report_plan(self, plan, context=None):
        for planned in plan.items:
            self.report.add(_outcome(planned, self.pages.get(planned.uid)))
        if self.export.root:
            self.report.add(
                ItemOutcome(
                    path="/",
                    portal_type=self.export.root.portal_type,
                    review_state=None,
                    action=SKIPPED,
                    target=plan.parent.url_path,
                    reason="the site itself; its content goes under this page",
                )
            )
        for slug, committee in plan.committees_to_create.items():
            if self.dry_run:
                self.report.note(f"committee would be created: {committee.name} ({slug})")


def _outcome(planned, page):
    item = planned.item
    reason = planned.reason
    if planned.held_back:
        reason = f"saved as a draft: {planned.held_back}"
    target = ""
    if page is not None:
        target = f"{page.specific_class.__name__} {page.url_path}"
    elif planned.blob is not None and planned.action != SKIPPED:
        target = f"{planned.kind} {planned.blob.filename}"
    elif planned.action != SKIPPED:
        target = planned.kind
    return ItemOutcome(
        path=item.path,
        portal_type=item.portal_type,
        review_state=item.review_state,
        action=planned.action,
        target=target,
        reason=reason,
    )


def _messages(error):
    with translation.override("en"):
        return "; ".join(
            f"{field}: {' '.join(errors)}" for field, errors in error.message_dict.items()
        )


def _image_target(image):
    return Target("image", image.pk, url=image.file.url, alt=image.description or image.title)


def _private_ancestor(planned, planned_by_uid):
    parent = planned_by_uid.get(planned.parent_uid)
    while parent is not None:
        if parent.item.portal_type == "Folder" and parent.item.review_state == PRIVATE:
            return parent
        parent = planned_by_uid.get(parent.parent_uid)
    return None


def _groups_with_rights(planned, planned_by_uid, granted):
    groups, current = set(), planned
    while current is not None:
        groups |= granted.get(current.uid, set())
        current = planned_by_uid.get(current.parent_uid)
    return groups | granted.get(PORTAL, set())
