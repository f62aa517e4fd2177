"""News from the network for information sharing."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index

from ..blocks import BodyBlock
from ..listings import NewsFilterSet, build_listing
from .base import IntranetPage, SectionIndexPage
from .classification import ClassifiedPage
from .content import related_content


class NetworkNewsIndexPage(SectionIndexPage):
    """The network's news listing, filterable by committee, orientation, theme and year. It
    lists the site's news wherever they live: a committee's own news live under its page."""

    page_description = _("The list of news from the information-sharing network.")

    subpage_types = ["strategy_pages.NetworkNewsPage"]
    template = "strategy_pages/pages/network_news_index_page.html"

    class Meta:
        verbose_name = _("network news list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NetworkNewsPage.objects.in_site(Site.find_for_request(request))
        news = news.order_by("-date", "-pk")
        context.update(build_listing(request, news, NewsFilterSet))
        return context


class NetworkNewsPage(ClassifiedPage):
    """A news item published by an editor of the information-sharing network, or by a committee
    under its own page, where its editors may publish it."""

    page_description = _("A news item from the information-sharing network.")

    date = models.DateField(_("date"), default=datetime.date.today, db_index=True)
    listing_date_field = "date"
    body = StreamField(BodyBlock(), verbose_name=_("body text"), blank=True)
    related = related_content()

    content_panels = [
        *IntranetPage.content_panels,
        FieldPanel("date"),
        *ClassifiedPage.image_panels,
        FieldPanel("body"),
        FieldPanel("related"),
        *ClassifiedPage.classification_panels,
    ]
    search_fields = [
        *ClassifiedPage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = [
        "strategy_pages.NetworkNewsIndexPage",
        "strategy_pages.CommitteePage",
        "strategy_pages.SectionPage",
    ]
    subpage_types = []
    template = "strategy_pages/pages/network_news_page.html"

    class Meta:
        verbose_name = _("network news item")
        verbose_name_plural = _("network news items")
        ordering = ["-date"]
