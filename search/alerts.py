"""Email digests of followed searches.

Each run sends every user whose followed searches are due one email, with a section per
search listing the live pages that match it, as that user may see them, and that were first
published or published again since that search's previous digest. A search's window ends at
the moment the run started and the next window begins there, so nothing is listed twice unless
it is published again after the digest that listed it.
"""

import logging
from dataclasses import dataclass, replace
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from .followed import all_hits, params_from_query, request_as, search_page_url
from .models import SavedSearch

logger = logging.getLogger(__name__)
KEY_SEPARATOR = "."


@dataclass
class DigestEntry:
    hit: object
    url: str
    #: False when the page was published before the window and only published again in it.
    new: bool


@dataclass
class DigestSection:
    saved_search: SavedSearch
    search_url: str
    unsubscribe_url: str
    entries: list


@dataclass
class RunReport:
    sent: int = 0
    failed: int = 0


def send_due_digests(now=None):
    """Send the digests due at `now`: one email per user, at most once per window."""
    now = now or timezone.now()
    report = RunReport()
    due = SavedSearch.objects.due(now).select_related("user", "site").order_by("user_id", "pk")
    for user, searches in groupby(due, key=lambda saved: saved.user):
        try:
            report.sent += send_digest(user, list(searches), now)
        except Exception:
            logger.exception("The search digest to user %s was not sent", user.pk)
            report.failed += 1
    return report


def send_digest(user, searches, now):
    """Claim the searches' windows and send their news in one email, in one transaction: a
    failed send leaves the windows open for the next run. 1 if an email was sent, else 0."""
    with transaction.atomic():
        windows = [(saved, saved.last_sent_at) for saved in searches]
        windows = [(saved, since) for saved, since in windows if saved.claim(now)]
        sections = [
            section for saved, since in windows if (section := _section(saved, since, now)).entries
        ]
        if not sections:
            return 0
        digest_message(user, sections).send()
    return 1


def changed_page_ids(since, until):
    """Live pages first published or published again in (since, until]."""
    first = Q(first_published_at__gt=since, first_published_at__lte=until)
    again = Q(last_published_at__gt=since, last_published_at__lte=until)
    return dict(Page.objects.live().filter(first | again).values_list("pk", "first_published_at"))


def _section(saved, since, now):
    root_url = saved.site.root_url
    return DigestSection(
        saved_search=saved,
        search_url=root_url + search_page_url(saved.query),
        unsubscribe_url=root_url + unsubscribe_path([saved]),
        entries=_entries(saved, since, now),
    )


def _entries(saved, since, now):
    """The pages changed in the window that match the search, as its user may see them."""
    params = params_from_query(saved.query)
    if params is None:
        logger.warning("Followed search %s no longer makes a search", saved.pk)
        return []
    changed = changed_page_ids(since, now)
    if not changed:
        return []
    request = request_as(saved.user, site=saved.site)
    entries = []
    for hit in all_hits(replace(params, among=frozenset(changed)), request):
        first_published = changed[hit.page_id]
        url = hit.url if hit.url.startswith("http") else saved.site.root_url + hit.url
        new = first_published is not None and first_published > since
        entries.append(DigestEntry(hit, url, new))
    return entries


def unsubscribe_path(searches):
    keys = KEY_SEPARATOR.join(saved.unsubscribe_key for saved in searches)
    return reverse("strategy_search:unsubscribe", kwargs={"keys": keys})


def digest_message(user, sections):
    root_url = sections[0].saved_search.site.root_url
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "sections": sections,
            "followed_searches_url": root_url + reverse("strategy_search:followed_searches"),
            "unsubscribe_all_url": root_url
            + unsubscribe_path([section.saved_search for section in sections]),
        }
        subject = render_to_string("strategy_search/email/digest_subject.txt", context)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("strategy_search/email/digest.txt", context),
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{context['unsubscribe_all_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string("strategy_search/email/digest.html", context), "text/html"
        )
    return message
