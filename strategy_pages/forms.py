"""Admin forms that keep committee-owned content inside its committee's part of the page tree."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .permissions import committees_edited_by, requested_committee


def committee_of(page):
    """The committee whose section `page` lies in: that of the nearest committee page at or
    above it, however many sections lie between; None outside every committee's section."""
    if page is None:
        return None
    from .models import CommitteePage  # noqa: PLC0415 - the page models use this form

    section = (
        CommitteePage.objects.ancestor_of(page, inclusive=True)
        .select_related("committee")
        .order_by("-depth")
        .first()
    )
    return section.committee if section else None


def abandoned_draft_slugs(user, parent_page):
    """Slugs held under `parent_page` by `user`'s own drafts that never went live: what an
    autosaved first try leaves behind."""
    if user is None or parent_page is None:
        return set()
    drafts = parent_page.get_children().filter(
        owner=user, live=False, first_published_at__isnull=True
    )
    return set(drafts.values_list("slug", flat=True))


def free_slug(slug, parent_page):
    """`slug`, or `slug-2`, `slug-3`… : the first one no sibling under `parent_page` uses."""
    taken = set(parent_page.get_children().values_list("slug", flat=True))
    candidate, suffix = slug, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{slug}-{suffix}"
    return candidate


class CommitteeOwnedPageForm(WagtailAdminPageForm):
    """Prefills the owning committee from the committee page above (or the editor's own
    committee), offers only the committees the page may belong to, and refuses a mismatch,
    because editing rights are granted per committee subtree."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self.section_committee = committee_of(parent_page)
        if "committee" in self.fields:
            self.limit_committee_choices()
            if not self.instance.pk:
                committee = self.section_committee or self.editors_committee()
                if committee:
                    self.initial["committee"] = committee.pk

    def limit_committee_choices(self):
        """Under a committee's page only that committee may own the page, so it is the only
        choice offered; elsewhere every committee is, in a plain list instead of a paged
        chooser. Any other committee sent is still refused in `clean`, with the reason."""
        from .models import Committee  # noqa: PLC0415 - the page models use this form

        offered = Committee.objects.order_by("name")
        if self.section_committee:
            kept = {self.section_committee.pk, self.instance.committee_id}
            offered = offered.filter(pk__in=kept - {None})
        field = self.fields["committee"]
        field.widget = forms.Select(choices=forms.ModelChoiceField(offered).choices)

    def editors_committee(self):
        """The committee the editor asked for (`?committee=slug`), or their only one."""
        own = committees_edited_by(self.for_user)
        asked = requested_committee(self.for_user)
        if asked:
            return own.filter(slug=asked).first()
        return own.first() if own.count() == 1 else None

    def clean(self):
        self.step_over_abandoned_draft()
        cleaned_data = super().clean()
        committee = cleaned_data.get("committee")
        if self.section_committee and committee and committee != self.section_committee:
            self.add_error(
                "committee",
                _("The page is under %(section)s and must be owned by that committee.")
                % {"section": self.section_committee},
            )
        return cleaned_data

    def step_over_abandoned_draft(self):
        """A new page whose slug only the editor's own abandoned draft holds gets the next free
        slug, instead of an error on the Promote tab that the editor never opened."""
        slug = self.cleaned_data.get("slug")
        if self.instance.pk or not slug:
            return
        if slug in abandoned_draft_slugs(self.for_user, self.parent_page):
            self.cleaned_data["slug"] = free_slug(slug, self.parent_page)
