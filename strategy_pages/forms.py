"""Admin forms that keep committee-owned content inside its committee's part of the page tree."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


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


class CommitteeOwnedPageForm(WagtailAdminPageForm):
    """Prefills the owning committee from the committee page above and refuses a mismatch,
    because editing rights are granted per committee subtree."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self.section_committee = committee_of(parent_page)
        if self.section_committee and "committee" in self.fields and not self.instance.pk:
            self.initial["committee"] = self.section_committee.pk

    def clean(self):
        cleaned_data = super().clean()
        committee = cleaned_data.get("committee")
        if self.section_committee and committee and committee != self.section_committee:
            self.add_error(
                "committee",
                _("The page is under %(section)s and must be owned by that committee.")
                % {"section": self.section_committee},
            )
        return cleaned_data
