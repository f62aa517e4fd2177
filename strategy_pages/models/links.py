"""Links to other websites, listed among a section's pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .base import IntranetPage
from .content import GENERAL_PAGE_PARENTS


class LinkPage(IntranetPage):
    """A link to another website, kept among a section's pages; section listings link straight
    to the address, and the page itself says where the link leads."""

    page_description = _("A link to another website, listed among the section's pages.")
    leads_to_others = True

    link_url = models.URLField(_("address"), max_length=2000)

    content_panels = [*IntranetPage.content_panels, FieldPanel("link_url")]
    search_fields = [*IntranetPage.search_fields, index.SearchField("link_url")]
    parent_page_types = GENERAL_PAGE_PARENTS
    subpage_types = []
    template = "strategy_pages/pages/link_page.html"

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
