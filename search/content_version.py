"""The content's version as the search layer sees it: the content's own version, plus a
fingerprint of the live pages that also catches pages added or removed without signals (bulk
loads), so that what a process derived from the content (the database search's facet rows) knows
when to read it again."""

from django.db.models import Count, Max
from wagtail.models import Page

from strategy_pages.content_version import content_version


def current_content_version():
    fingerprint = Page.objects.live().aggregate(
        count=Count("pk"), last_id=Max("pk"), last_published=Max("last_published_at")
    )
    return (content_version(), *fingerprint.values())
