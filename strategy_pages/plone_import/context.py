"""What the writers of one import share: where items went, and how references resolve."""

from dataclasses import dataclass, field
from functools import cached_property

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from ..models import Committee, Orientation, Theme
from . import access, media
from .config import SAVED_SEARCH_TYPES
from .plan import link_reference
from .reader import PORTAL
from .report import SKIPPED, ImportReport
from .richtext import PENDING


@dataclass
class ImportContext:
    """What the page writer needs to know about the rest of the import."""

    export: object
    config: object
    report: ImportReport
    people: access.People
    collection: object = None
    targets: dict = field(default_factory=dict)
    written: set = field(default_factory=set)
    planned: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    revisions: dict = field(default_factory=dict)
    #: The Wagtail site the import goes into: addresses of imported pages and files.
    site: object = None
    #: Set when a Link's target is not written yet: the page is filled again at the end.
    link_waiting: bool = False

    def owner_of(self, item):
        return next((self.people.users[u] for u in item.creators if u in self.people.users), None)

    def resolve(self, reference):
        kind, value = reference
        if kind == "path":
            item = self.export_paths.get(value)
            if item is None:
                return self.targets.get(PORTAL) if value == "/" else None
            value = item.uid
        if value in self.targets:
            return self.targets[value]
        planned = self.planned.get(value)
        if planned and planned.action != SKIPPED and value not in self.written:
            return PENDING
        if planned and planned.item.portal_type in SAVED_SEARCH_TYPES:
            return self.resolve(("uid", planned.parent_uid or PORTAL))
        return None

    @cached_property
    def export_paths(self):
        return self.export.by_path()

    @cached_property
    def relations(self):
        by_source = {}
        for source, target in self.export.relations:
            by_source.setdefault(source, []).append(target)
        return by_source

    def related_for(self, item):
        blocks, waiting = [], False
        for target_uid in self.relations.get(item.uid, []):
            target = self.resolve(("uid", target_uid))
            if target is PENDING:
                waiting = True
            elif target and target.kind in ("page", "document"):
                blocks.append({"type": target.kind, "value": target.pk})
            else:
                self.report.warn(item.path, f"{self._described(target_uid)}; left out")
        return blocks, waiting

    def _described(self, uid):
        """A related item that leads nowhere, by its path where the export has it."""
        item = self.export_items.get(uid)
        if item is None:
            return f"a related item (UID {uid}) is not in the export"
        planned = self.planned.get(uid)
        reason = f" ({planned.reason})" if planned and planned.reason else ""
        return f"the related item {item.path} is not imported{reason}"

    @cached_property
    def export_items(self):
        return self.export.by_uid()

    def themes_for(self, item):
        themes = []
        for subject in item.subjects:
            theme = self._theme(subject, item)
            if theme and theme not in themes:
                themes.append(theme)
        return themes

    def orientations_for(self, item):
        """Tags that name one of the strategy's orientations classify by it."""
        wanted = {slugify(anyascii(s)) for s in item.subjects} | {s.lower() for s in item.subjects}
        return [o for o in self.orientations if o.slug in wanted or o.name.lower() in wanted]

    @cached_property
    def orientations(self):
        return list(Orientation.objects.all())

    @cached_property
    def committee_slugs(self):
        return set(Committee.objects.values_list("slug", flat=True))

    def _theme(self, subject, item):
        if subject in self.themes:
            return self.themes[subject]
        slug = self.config.subjects.get(subject, slugify(anyascii(subject)))
        theme = None
        if subject not in self.config.subjects and (
            slug in self.committee_slugs or slug in {o.slug for o in self.orientations}
        ):
            # The owning committee and the orientations already say what such a tag said.
            self.themes[subject] = None
            return None
        if slug:
            theme = (
                Theme.objects.filter(slug=slug).first()
                or Theme.objects.filter(name__iexact=subject).first()
            )
        if theme is None and slug and self.config.unknown_subjects == "theme":
            theme = Theme.objects.create(name=subject[:1].upper() + subject[1:], slug=slug)
            self.report.note(f"theme created from a Plone tag: {theme.name}")
        elif theme is None:
            self.report.warn(item.path, f"tag {subject!r} left out")
        self.themes[subject] = theme
        return theme

    def lead_image_for(self, planned, existing_id):
        existing = get_image_model().objects.filter(pk=existing_id).first()
        return media.write_lead_image(
            planned, existing, self.collection, self.owner_of(planned.item)
        )

    def external_url(self, url):
        """A Link's address: a web address as it is; an address in the old site (a path,
        ${portal_url}/…, resolveuid/…) becomes the address of what its target became here."""
        kind, value = link_reference(url, self.export.site_url)
        if kind == "url":
            return url
        target = self.resolve((kind, value))
        if target is PENDING:
            self.link_waiting = True
            return self.site.root_url
        if target is None:
            raise ValidationError({"link_url": f"it leads to {value}, which was not imported"})
        return self._address_of(target)

    def _address_of(self, target):
        if target.kind == "page":
            page = Page.objects.filter(pk=target.pk).first()
            address = page.get_full_url() if page else None
            if address is None:
                raise ValidationError({"link_url": "its target has no address on any site"})
            return address
        if target.kind == "document":
            path = get_document_model().objects.get(pk=target.pk).url
        else:
            path = target.url
        return path if "://" in path else f"{self.site.root_url}{path}"
