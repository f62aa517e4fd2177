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

    page_description = _("Listan över nyheter från nätverket för informationsspridning.")

    subpage_types = ["strategy_pages.NetworkNewsPage"]
    template = "strategy_pages/pages/network_news_index_page.html"

    class Meta:
        verbose_name = _("nyhetslista för nätverket")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NetworkNewsPage.objects.in_site(Site.find_for_request(request))
        news = news.order_by("-date", "-pk")
        context.update(build_listing(request, news, NewsFilterSet))
        return context


class NetworkNewsPage(ClassifiedPage):
    """A news item published by an editor of the information-sharing network, or by a committee
    under its own page, where its editors may publish it."""

    page_description = _("En nyhet från nätverket för informationsspridning.")

    date = models.DateField(_("datum"), default=datetime.date.today, db_index=True)
    listing_date_field = "date"
    body = StreamField(BodyBlock(), verbose_name=_("brödtext"), blank=True)
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
        verbose_name = _("nyhet från nätverket")
        verbose_name_plural = _("nyheter från nätverket")
        ordering = ["-date"]
