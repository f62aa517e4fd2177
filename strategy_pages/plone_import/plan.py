"""Decides, before anything is written, what each Plone item becomes and where it goes.

The plan is what `--dry-run` reports, and what the import then carries out; it reads the
database (committees, pages, earlier imports) but never writes to it.
"""

import hashlib
import json
import re
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Locale, Page

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
from .config import DEFAULT_TYPES, SAVED_SEARCH_TYPES
from .models import PloneItem
from .reader import PORTAL, site_path
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
#: How Plone writes an address inside its own site in a Link's remoteUrl.
SITE_VARIABLES = ("${portal_url}", "${navigation_root_url}")
RESOLVE_UID = re.compile(r"resolve[uU]id/([0-9a-f]{32})")
LINK_VIEW = re.compile(r"/(?:view|@@[\w.-]+.*|image_view_fullscreen)$")
#: Fields of Plone's own and the import reads or knowingly leaves; a mapped type's other fields
#: are reported as not kept.
KNOWN_FIELDS = {
    "@id", "@type", "UID", "id", "title", "description", "text", "parent", "review_state",
    "subjects", "language", "creators", "contributors", "effective", "expires", "created",
    "modified", "exclude_from_nav", "allow_discussion", "is_folderish", "layout", "rights",
    "lock", "type_title", "working_copy", "working_copy_of", "workflow_history", "version",
    "versioning_enabled", "changeNote", "nextPreviousEnabled", "table_of_contents",
    "items_total", "items", "previous_item", "next_item", "blocks", "blocks_layout", "image",
    "image_caption", "preview_image", "preview_caption", "relatedItems", "@components",
    "exportimport.constrains", "exportimport.versions", "is_default_page", "allowedRolesAndUsers",
    "targetUrl", "@static_behaviors", "lead_image", "UID_path", "translations",
    "preview_image_link", "preview_caption_link",
}  # fmt: skip
#: An event's optional fields that are left out, not the whole event, when they are not valid.
OPTIONAL_EVENT_FIELDS = ("contact_email", "event_url")
#: Translation keys of Plone's translation groups: the same group gets the same key every run.
TRANSLATION_NAMESPACE = uuid.UUID("5d0c6b8e-3f43-4e4b-9a55-0c3a4f2f7d61")


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
    #: A Volto news item's lead image: the UID of the Image item it shows.
    lead_image_uid: str | None = None
    landing_page: object = None
    fingerprint: str = ""
    #: A draft though Plone published it, e.g. news without an owning committee.
    held_back: str = ""
    #: A news item that goes to the news listing, not to its Plone folder's page.
    in_news_index: bool = False
    #: A Link into the old site: the UID (or PORTAL) of the item it leads to.
    link_target: str | None = None
    #: The Wagtail locale of the item's language, where the site has it.
    locale: Locale | None = None
    #: Shared by the pages of one Plone translation group.
    translation_key: uuid.UUID | None = None

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
        for link in (p for p in planned if p.kind == "link" and p.action != SKIPPED):
            self._check_link(link, by_uid)
        self._plan_linked_lead_images(by_uid)
        self._warn_lead_images_not_kept(planned)
        self._plan_languages(planned)
        self._plan_translations(by_uid)
        self._warn_unmapped_types(planned)
        self._note_fields_not_kept(planned)
        self._warn_missing_authors(planned)
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
            return _skipped(planned, _inside_skipped(parent))
        if not planned.kind:
            return _skipped(
                planned,
                f"no mapping for the Plone type {item.portal_type}; map it under [types] in "
                "the configuration",
            )
        if planned.kind == "skip" and item.portal_type in SAVED_SEARCH_TYPES:
            return _skipped(
                planned,
                "a saved search, not content; links to it and its old address lead to its folder",
            )
        if planned.kind == "skip":
            return _skipped(planned, f"the configuration maps {item.portal_type} to skip")
        if planned.kind == "section" and not planned.committee:
            self._match_committee(planned)
        if planned.kind in MEDIA_KINDS:
            return self._plan_media(planned)
        if parent and not parent.is_page:
            return _skipped(
                planned, f"inside {parent.item.path}, an image or file, which cannot hold pages"
            )
        if planned.kind == "content" and self.children.get(item.path):
            self._folderish_document(planned)
        self._check_placement(planned, parent, planned_so_far)
        self._plan_page_details(planned)
        return planned

    def _uid_at(self, path):
        item = self.paths.get(path) if path != "/" else None
        return item.uid if item else None

    def _folderish_document(self, planned):
        """A Document with items inside (Volto's pages, folderish types) becomes a section with
        the document's text as its introduction, when information pages cannot hold pages."""
        if ContentPage.allowed_subpage_models():
            return
        planned.kind = "section"
        planned.landing_page = planned.item
        lost = [
            name
            for name, present in (
                ("tags", planned.item.subjects),
                ("related items", planned.uid in dict(self.export.relations)),
                ("lead image", planned.item.data.get("image")),
            )
            if present
        ]
        planned.reason = (
            f"it holds {len(self.children[planned.item.path])} item(s), and an information page "
            "cannot hold pages: imported as a section whose introductory text is the document's"
        )
        if lost:
            planned.reason += f"; its {', '.join(lost)} are not kept (sections have none)"

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
            self.report.warn(
                item.path,
                f"it matches the committee {committee.slug!r}, but the site has no committee "
                "list page to put the committee's page in; imported as a section. Add a "
                "committee list page and import again to make it the committee's page",
            )
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

    def _check_placement(self, planned, parent, planned_so_far):
        if planned.kind == "committee":
            return
        model = PAGE_MODELS[planned.kind]
        if _allowed(model, self._model_of(parent)):
            return
        if parent is not None and not self._model_of(parent).allowed_subpage_models():
            holder = self._nearest_holder(model, parent, planned_so_far)
            if holder is not False:
                planned.parent_uid = holder.uid if holder else None
                planned.reason = (
                    f"placed in {self._place(holder)}, as {_kind_name(parent.kind)} "
                    f"({parent.item.path}) cannot hold pages"
                )
                return
        if planned.kind == "news" and self.news_index:
            planned.parent_uid = None
            planned.in_news_index = True
            planned.reason = (
                f"news cannot be placed in {self._place(parent)}; they go to the news listing"
            )
            return
        _skipped(
            planned,
            f"{_kind_name(planned.kind)} cannot be placed in {self._place(parent)}; map "
            f"{planned.item.portal_type} to another kind under [types] in the configuration, "
            "or move the item in Plone",
        )

    def _model_of(self, planned):
        return PAGE_MODELS[planned.kind] if planned else self.parent.specific_class

    def _nearest_holder(self, model, parent, planned_so_far):
        """The closest page above `parent` that may hold a `model` page: a planned item, None
        for the page the import goes under, False if there is none."""
        ancestor = planned_so_far.get(parent.parent_uid)
        while True:
            if _allowed(model, self._model_of(ancestor)):
                return ancestor
            if ancestor is None:
                return False
            ancestor = planned_so_far.get(ancestor.parent_uid)

    def _place(self, planned):
        """Where a page goes, for messages: the Plone path and the page type."""
        if planned is None:
            model = _class_name(self.parent.specific_class)
            return f"the page the import goes under, {self.parent.title!r} ({model})"
        return f"{planned.item.path} ({_class_name(self._model_of(planned))})"

    def _plan_page_details(self, planned):
        if planned.action == SKIPPED:
            return
        item = planned.item
        problems = _field_problems(planned)
        if problems:
            _skipped(planned, f"not valid: {problems}; correct it in Plone and export again")
            return
        if planned.kind == "event":
            self._warn_invalid_event_fields(planned)
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

    def _warn_invalid_event_fields(self, planned):
        data = planned.item.data
        for name, problem in invalid_event_fields(data).items():
            self.report.warn(
                planned.item.path,
                f"{name} {data[name]!r} left out: {problem}; correct it in Plone or on the page",
            )

    def _plan_linked_lead_images(self, planned_by_uid):
        """A Volto news item's lead image is an Image item of the site (relation
        preview_image_link), which the news page then shows."""
        for source_uid, image_uid in self.export.lead_images.items():
            planned = planned_by_uid.get(source_uid)
            if not planned or planned.kind != "news" or planned.action == SKIPPED:
                continue
            if planned.lead_image:
                continue  # its own image field wins, as in Plone's news view
            problem = self._lead_image_problem(planned_by_uid.get(image_uid), image_uid)
            if problem:
                self.report.warn(planned.item.path, f"lead image left out: {problem}")
            else:
                planned.lead_image_uid = image_uid

    def _warn_lead_images_not_kept(self, planned_items):
        """Only news pages show a lead image; other pages with one say so, as the picture
        then exists only as an image in the library, if it is one."""
        for planned in planned_items:
            has_one = planned.item.data.get("image") or planned.uid in self.export.lead_images
            shown = planned.kind == "news" or not planned.is_page
            if has_one and not shown and planned.action != SKIPPED:
                self.report.warn(
                    planned.item.path,
                    f"lead image left out: {_kind_name(planned.kind)} has none; add the "
                    "picture to its text if it matters",
                )

    def _lead_image_problem(self, image, image_uid):
        if image is None:
            return f"the image (UID {image_uid}) is not in the export"
        if image.kind != "image":
            return f"{image.item.path} is not imported as an image"
        if image.action == SKIPPED:
            return f"{image.item.path} is not imported ({image.reason})"
        return ""

    def _check_link(self, planned, planned_by_uid):
        """A Link becomes a link page only with an address the page can hold: a web address,
        or the page, document or image its target in the old site becomes."""
        url = planned.item.data.get("remoteUrl") or ""
        kind, value = link_reference(url, self.export.site_url)
        if kind == "url":
            problem = _link_url_problem(url)
            if problem:
                _skipped(planned, problem)
            return
        target_uid = self._target_uid(kind, value)
        target = planned_by_uid.get(target_uid)
        while target is not None and target.item.portal_type in SAVED_SEARCH_TYPES:
            target_uid = target.parent_uid or PORTAL
            target = planned_by_uid.get(target_uid)
        if target_uid is None:
            _skipped(
                planned,
                f"it leads to {value} in the old site, which is not in the export; add the "
                "link by hand once its target is here",
            )
        elif target is not None and target.action == SKIPPED:
            _skipped(planned, f"it leads to {target.item.path}, which is not imported")
        else:
            planned.link_target = target_uid

    def _target_uid(self, kind, value):
        root_uid = self.export.root.uid if self.export.root else None
        if kind == "uid":
            return PORTAL if value == root_uid else (value if value in self.items else None)
        if value == "/":
            return PORTAL
        item = self.paths.get(value)
        return item.uid if item else None

    def _plan_languages(self, planned_items):
        locales = {locale.language_code.lower(): locale for locale in Locale.objects.all()}
        homeless = Counter()
        for planned in planned_items:
            language = planned.item.data.get("language")
            if planned.action in (SKIPPED, MERGED) or not planned.is_page:
                continue
            if not isinstance(language, str):
                continue
            code = language.strip().lower()
            locale = locales.get(code) or locales.get(code.split("-")[0])
            if locale is not None:
                planned.locale = locale
            elif code:
                homeless[language.strip()] += 1
        for language, count in sorted(homeless.items()):
            self.report.warn(
                f"language {language}",
                f"the site has no locale {language!r}: {count} page(s) in it are put in the "
                f"locale of the page they go under ({self.parent.locale.language_code}). To "
                f"keep them apart, add {language!r} to WAGTAIL_CONTENT_LANGUAGES, create the "
                "locale in Settings → Locales and import again",
            )

    def _plan_translations(self, planned_by_uid):
        """Pages of one Plone translation group share a translation key, one page per locale;
        a page that has no locale of its own, or shares its locale with another translation,
        is not linked and reported."""
        for group in self.export.translations:
            uids = [uid for uid in group if isinstance(uid, str)]
            members = [
                planned_by_uid[uid]
                for uid in uids
                if uid in planned_by_uid
                and planned_by_uid[uid].is_page
                and planned_by_uid[uid].action != SKIPPED
            ]
            key = uuid.uuid5(TRANSLATION_NAMESPACE, ",".join(sorted(uids)))
            linked, left_out = {}, []
            for planned in members:
                if planned.locale is None or planned.locale.pk in linked:
                    left_out.append(planned)
                else:
                    linked[planned.locale.pk] = planned
                    planned.translation_key = key
            for planned in left_out if linked else []:
                others = ", ".join(p.item.path for p in linked.values())
                self.report.warn(
                    planned.item.path,
                    f"not linked as a translation of {others}: the site has no locale for its "
                    "language, or another translation is already in that locale",
                )

    def _warn_unmapped_types(self, planned_items):
        unmapped = Counter(
            p.item.portal_type
            for p in planned_items
            if not self.config.target_kind(p.item.portal_type)
        )
        for portal_type, count in sorted(unmapped.items()):
            self.report.warn(
                f"Plone type {portal_type}",
                f"{count} item(s) skipped: no mapping. Map the type to a page kind under "
                '[types] in a --config file, or to "skip" to leave it out knowingly',
            )

    def _note_fields_not_kept(self, planned_items):
        """A type the configuration maps onto a page keeps its title, description and text;
        say once per type which of its own fields are left behind."""
        left = defaultdict(set)
        for planned in planned_items:
            portal_type = planned.item.portal_type
            if planned.is_page and portal_type not in DEFAULT_TYPES:
                data = planned.item.data
                left[portal_type].update(k for k in data.keys() - KNOWN_FIELDS if data[k])
        for portal_type, names in sorted(left.items()):
            if names:
                kind = self.config.target_kind(portal_type)
                self.report.note(
                    f"Plone type {portal_type} → {_kind_name(kind)}: its fields "
                    f"{', '.join(sorted(names))} are not kept"
                )

    def _warn_missing_authors(self, planned_items):
        """Items whose authors are not among the exported members get no owner."""
        members = {data.get("username") for data in self.export.members}
        unowned = Counter()
        for planned in planned_items:
            creators = planned.item.creators
            if planned.action != SKIPPED and creators and not members.intersection(creators):
                unowned[creators[0]] += 1
        for author, count in sorted(unowned.items()):
            self.report.warn(
                f"author {author}",
                f"not in the members export: {count} item(s) they created are imported without "
                "an owner. Export the members with the content, or set the owner in Wagtail",
            )

    def _merge_landing_pages(self, planned_items):
        by_uid = {planned.uid: planned for planned in planned_items}
        for planned in planned_items:
            folder = by_uid.get(self.landing_pages.get(planned.uid))
            mergeable = (
                folder
                and folder.kind == "section"
                and folder.landing_page is None
                and planned.kind == "content"
            )
            if mergeable and planned.action != SKIPPED:
                planned.action = MERGED
                planned.reason = "the folder's default page becomes its landing text"
                folder.landing_page = planned.item
            elif folder and planned.action != SKIPPED and folder.action != SKIPPED:
                self.report.note(
                    f"{planned.item.path}: the default page of {folder.item.path} in Plone, "
                    f"imported as a page of its own inside it; {folder.item.path} keeps its "
                    "own text"
                )

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


def _inside_skipped(parent):
    """Why the items in a skipped folder are skipped: the reason of the outermost one."""
    if parent.reason.startswith("inside "):
        return parent.reason
    return f"inside {parent.item.path}, which is not imported: {parent.reason}"


def _kind_name(kind):
    """E.g. "an information page (ContentPage)": in English whatever language is active."""
    model = PAGE_MODELS[kind]
    with translation.override("en"):
        name = str(model._meta.verbose_name)
    article = "an" if name[:1] in "aeiou" else "a"
    return f"{article} {name} ({model.__name__})"


def _class_name(model):
    return model.__name__ if model else "page"


def link_reference(url, site_url):
    """What a Link's remoteUrl leads to: ("uid", UID) or ("path", site path) for an item of
    the old site, ("url", the address) for anything else."""
    url = url.strip()
    uid = RESOLVE_UID.search(url)
    if uid:
        return "uid", uid.group(1)
    for variable in SITE_VARIABLES:
        if url.startswith(variable):
            return "path", _item_path(url[len(variable) :])
    if site_url and (url == site_url or url.startswith(f"{site_url}/")):
        return "path", _item_path(url[len(site_url) :])
    if url.startswith("/") and not url.startswith("//"):
        return "path", _item_path(url)
    return "url", url


def _item_path(address):
    try:
        path = site_path(address, "")
    except ValueError:
        return address
    return LINK_VIEW.sub("", path) or "/"


def _link_url_problem(url):
    """Why the address cannot be a link page's, in the words the page's own check uses."""
    if not url.strip():
        return "it has no address (remoteUrl); give it one in Plone and export again"
    scheme = url.split(":", 1)[0].lower()
    if scheme in ("mailto", "tel"):
        return (
            f"{url!r} is not a web address, and a link page needs one; put the "
            f"{'e-mail address' if scheme == 'mailto' else 'phone number'} in its section's text"
        )
    try:
        LinkPage._meta.get_field("link_url").clean(url, None)
    except ValidationError as error:
        with translation.override("en"):
            return f"its address {url!r} is not valid: {' '.join(error.messages)}"
    return ""


def _field_problems(planned):
    """What the page's own field checks (run again when it is written) refuse, in English."""
    fields = _plain_fields(planned)
    page = PAGE_MODELS[planned.kind](**fields)
    excluded = [f.name for f in page._meta.concrete_fields if f.name not in fields]
    try:
        page.clean_fields(exclude=excluded)
    except ValidationError as error:
        with translation.override("en"):
            return "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
            )
    return ""


def _plain_fields(planned):
    """The fields a page takes straight from the item, as the page writer sets them."""
    item, data = planned.item, planned.item.data
    fields = {"title": item.title[:255]}
    if planned.kind == "event":
        fields["start"] = item.date("start") or item.date("created")
        invalid = invalid_event_fields(data)
        fields.update(
            {name: data.get(name) or "" for name in OPTIONAL_EVENT_FIELDS if name not in invalid}
        )
    return fields


def invalid_event_fields(data):
    """The event's optional fields its page would refuse, with why (in English): the page is
    written without them."""
    problems = {}
    for name in OPTIONAL_EVENT_FIELDS:
        value = data.get(name)
        if not value:
            continue
        try:
            PAGE_MODELS["event"]._meta.get_field(name).clean(value, None)
        except ValidationError as error:
            with translation.override("en"):
                problems[name] = " ".join(error.messages)
    return problems


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
        "link": planned.link_target,
        "locale": planned.locale.language_code if planned.locale else None,
        "translation": str(planned.translation_key) if planned.translation_key else None,
    }
    if planned.lead_image_uid:
        decisions["lead_image"] = planned.lead_image_uid
    payload = json.dumps([planned.item.data, decisions], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()
