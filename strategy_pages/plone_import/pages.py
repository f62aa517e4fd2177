"""Writes one planned Plone item as a page: its fields, its place, its revision and state.

Published items become live pages whose first publication and latest revision carry Plone's
dates; private items become drafts; pending items become drafts submitted to moderation.
"""

from functools import cached_property

from anyascii import anyascii
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.signals import page_published

from ..models import CommitteePage
from . import richtext, volto
from .plan import OPTIONAL_EVENT_FIELDS, PAGE_MODELS, invalid_event_fields
from .richtext import PENDING

MAX_TITLE = 255
MAX_SLUG = 255
#: Set by the import itself from objects it has just read or written, or by the page tree.
TRUSTED_FIELDS = [
    "path", "depth", "numchild", "url_path", "slug", "draft_title", "translation_key",
    "locale", "content_type", "owner", "committee", "image", "latest_revision",
    "live_revision", "locked_by", "alias_of",
]  # fmt: skip


class PageWriter:
    def __init__(self, context):
        self.context = context
        self.slugs = {}
        self.warned = set()

    def write(self, planned, parent_page):
        """The page for `planned`, created or updated under `parent_page`; returns it and whether
        some of its references wait for items not written yet."""
        if planned.kind == "committee":
            return self._committee_page(planned, parent_page), False
        page = self._existing(planned) or PAGE_MODELS[planned.kind]()
        if planned.locale is not None:
            page.locale = planned.locale
        if planned.translation_key is not None:
            page.translation_key = planned.translation_key
        waiting = self.fill(page, planned)
        self._set_state(page, planned)
        page.clean_fields(exclude=TRUSTED_FIELDS)
        # Saved as a draft, which Wagtail checks only for title and slug since the fields were
        # checked above, then published together with its revision.
        page.live = False
        if page.pk is None:
            page.slug = self._free_slug(parent_page, _slug_for(planned.item))
            parent_page.add_child(instance=page)
        else:
            self._prepare_update(page, planned, parent_page)
            page.save()
        self._save_revision(page, planned)
        return page, waiting

    def fill(self, page, planned):
        item = planned.item
        page.title = item.title[:MAX_TITLE]
        page.summary = item.description
        page.owner = self.context.owner_of(item)
        if planned.parent_uid is None and planned.kind != "news":
            page.show_in_menus = not item.data.get("exclude_from_nav")
        conversion = richtext.Conversion()
        if planned.kind == "section":
            landing = planned.landing_page
            if landing:
                conversion = self._body(landing)
                page.summary = item.description or landing.description
            page.body = conversion.blocks
        elif planned.kind == "link":
            page.link_url = self.context.external_url(item.data.get("remoteUrl") or "")
        else:
            conversion = self._body(item)
            page.body = conversion.blocks
            page.committee = planned.committee
            page.themes = self.context.themes_for(item)
            page.orientations = self.context.orientations_for(item)
            related, related_waiting = self.context.related_for(item)
            page.related = related
            fill_kind = getattr(self, f"_fill_{planned.kind}", lambda page, planned: False)
            waiting = fill_kind(page, planned)
            conversion.pending = conversion.pending or related_waiting or bool(waiting)
        for broken in conversion.broken:
            self._warn(item, f"broken reference: {broken}")
        for notice in conversion.notices:
            self._warn(item, notice)
        return conversion.pending

    def _warn(self, item, message):
        """Once per item and message: items waiting for links are filled a second time."""
        if (item.path, message) not in self.warned:
            self.warned.add((item.path, message))
            self.context.report.warn(item.path, message)

    def _fill_news(self, page, planned):
        item = planned.item
        date = item.date("effective") or item.date("created") or timezone.now()
        page.date = timezone.localtime(date).date()
        if planned.lead_image:
            page.image = self.context.lead_image_for(planned, page.image_id)
            page.image_alt = page.image.description
            page.image_caption = (item.data.get("image_caption") or "")[:255]
        elif planned.lead_image_uid:
            return self._linked_lead_image(page, planned)
        return False

    def _linked_lead_image(self, page, planned):
        """The Image item a Volto news item shows as its lead image; True while it is not
        written yet."""
        target = self.context.resolve(("uid", planned.lead_image_uid))
        if target is PENDING:
            return True
        if target is not None and target.kind == "image":
            page.image = get_image_model().objects.get(pk=target.pk)
            page.image_alt = target.alt[:255]
            page.image_caption = (planned.item.data.get("preview_caption_link") or "")[:255]
        return False

    def _fill_event(self, page, planned):
        data = planned.item.data
        page.start = planned.item.date("start") or planned.item.date("created")
        page.end = None if data.get("open_end") else planned.item.date("end")
        if page.end and page.start and page.end < page.start:
            self.context.report.warn(planned.item.path, "the event ends before it starts")
            page.end = None
        page.whole_day = bool(data.get("whole_day"))
        page.location = (data.get("location") or "")[:255]
        page.contact_name = (data.get("contact_name") or "")[:255]
        page.contact_phone = (data.get("contact_phone") or "")[:40]
        # The plan reported the fields left out.
        invalid = invalid_event_fields(data)
        for name in OPTIONAL_EVENT_FIELDS:
            setattr(page, name, "" if name in invalid else data.get(name) or "")
        if data.get("recurrence"):
            self.context.report.warn(planned.item.path, "the event's recurrence is not kept")

    def _body(self, item):
        """The item's text; a Volto page's blocks instead when they hold content or it has no
        text (Volto keeps a stale `text` from before a migration)."""
        html, notices = item.html(), []
        if volto.has_blocks(item.data):
            blocks = volto.body_html(item, self.listings)
            if blocks.has_content or not html.strip():
                html, notices = blocks.html, blocks.notices
                unmapped = [kind for kind in blocks.unmapped if not self._shown_as_lead(kind, item)]
                if unmapped:
                    notices.append(f"Volto block types not imported: {', '.join(unmapped)}")
        conversion = richtext.html_to_blocks(
            html, self.context.resolve, item.data["@id"], self.context.export.site_url
        )
        conversion.notices[:0] = notices
        return conversion

    def _shown_as_lead(self, block_type, item):
        """A news page shows its lead image itself, where Volto needs a block for it."""
        planned = self.context.planned.get(item.uid)
        return block_type == "leadimage" and planned is not None and planned.kind == "news"

    @cached_property
    def listings(self):
        return volto.Listings(self.context.export.items)

    def _existing(self, planned):
        if not planned.record:
            return None
        page = Page.objects.filter(pk=planned.record.object_id).first()
        return page.specific if page else None

    def _committee_page(self, planned, committee_index):
        """A committee's folder lands on its committee's page, created if it has none yet."""
        committee = planned.committee
        page = CommitteePage.objects.filter(committee=committee).first()
        if page is None:
            page = CommitteePage(
                title=committee.name,
                slug=self._free_slug(committee_index, committee.slug),
                committee=committee,
                intro=planned.item.description,
                owner=self.context.owner_of(planned.item),
            )
            self._set_state(page, planned)
            committee_index.add_child(instance=page)
            self._save_revision(page, planned)
        return page

    def _set_state(self, page, planned):
        item = planned.item
        created = item.date("created") or timezone.now()
        modified = item.date("modified") or created
        expires = item.date("expires")
        expired = bool(expires and expires <= timezone.now())
        page.live = planned.live and not expired
        page.expired = expired
        page.expire_at = expires if expires and not expired else None
        page.has_unpublished_changes = not page.live
        page.first_published_at = (item.date("effective") or created) if page.live else None
        page.last_published_at = max(modified, page.first_published_at) if page.live else None
        page.latest_revision_created_at = modified
        page.draft_title = page.title

    def _prepare_update(self, page, planned, parent_page):
        if page.get_parent().pk != parent_page.pk:
            page.move(parent_page, pos="last-child")
            page.refresh_from_db(fields=["path", "depth", "url_path"])
        was_live = Page.objects.filter(pk=page.pk, live=True).exists()
        if was_live and not (planned.live and not page.expired):
            page.unpublish(set_expired=page.expired, commit=False)

    def _save_revision(self, page, planned):
        owner = page.owner
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=owner,
            content=page.serializable_data(),
            object_str=str(page)[:255],
            created_at=page.latest_revision_created_at,
        )
        page.live = planned.live and not page.expired
        live_revision = revision if page.live else None
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision, live_revision=live_revision, live=page.live
        )
        page.latest_revision, page.live_revision = revision, live_revision
        self.context.revisions[planned.uid] = revision
        if page.live:
            page_published.send(sender=page.specific_class, instance=page, revision=revision)
        elif planned.item.review_state == "pending":
            self._submit_for_moderation(page, planned)

    def refresh_revision(self, page, planned):
        """After a later item filled in a reference: the revision the import wrote shows it too."""
        revision = self.context.revisions.get(planned.uid)
        if revision:
            revision.content = page.serializable_data()
            revision.save(update_fields=["content"])

    def _submit_for_moderation(self, page, planned):
        if page.workflow_in_progress:
            return
        workflow = page.get_workflow()
        if workflow is None:
            self.context.report.warn(
                planned.item.path, "waited for review in Plone, but no workflow applies here"
            )
            return
        workflow.start(page, page.owner)

    def _free_slug(self, parent_page, slug):
        """The slug, or slug-2, slug-3… if a sibling has it; siblings' slugs are read once."""
        if parent_page.pk not in self.slugs:
            children = parent_page.get_children().values_list("slug", flat=True)
            self.slugs[parent_page.pk] = set(children)
        taken = self.slugs[parent_page.pk]
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{slug}-{number}"
        taken.add(candidate)
        return candidate


def _slug_for(item):
    slug = slugify(anyascii(item.plone_id))[:MAX_SLUG] or slugify(anyascii(item.title))[:MAX_SLUG]
    return slug or "sida"
