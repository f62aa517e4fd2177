"""What the writers of one import share: where items went, and how references resolve."""

from dataclasses import dataclass, field
from functools import cached_property

from anyascii import anyascii
from django.utils.text import slugify
from wagtail.images import get_image_model

from ..models import Committee, Orientation, Theme
from . import access, media
from .reader import PORTAL
from .report import SKIPPED, ImportReport
from .richtext import PENDING

PORTAL_URL = "${portal_url}"


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
                self.report.warn(item.path, f"related item {target_uid} not found; left out")
        return blocks, waiting

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
        """Plone stores links into its own site as ${portal_url}/path; keep them readable."""
        return url.replace(PORTAL_URL, self.export.site_url)
