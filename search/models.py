"""What staff search for and what they follow.

Hits per day for queries that found nothing (query strings and their daily hits come from
Wagtail's search promotions app), the editors' synonyms, the queue of index updates, and what
keeps staff informed: followed searches with email digests, and the secret in their feed
addresses.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query


class NoResultsDailyHits(models.Model):
    """How many times, on one day, a query found nothing."""

    query = models.ForeignKey(Query, on_delete=models.CASCADE, related_name="no_results_daily_hits")
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="unique_no_results_query_date")
        ]

    def __str__(self):
        return f"{self.query} ({self.date}: {self.hits})"

    @classmethod
    def record(cls, query, date=None):
        hits, _ = cls.objects.get_or_create(query=query, date=date or timezone.localdate())
        cls.objects.filter(pk=hits.pk).update(hits=F("hits") + 1)


class SearchSynonym(models.Model):
    """Words or expressions that mean the same to someone searching, e.g. SDN and
    stadsdelsnämnd. A search for one also finds pages with the others, at once after saving."""

    terms = models.CharField(
        _("words that mean the same"),
        max_length=500,
        unique=True,
        help_text=_(
            "Two or more words or expressions, separated by commas, e.g. “SDN, stadsdelsnämnd”."
        ),
    )

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        return list(dict.fromkeys(t.strip().lower() for t in self.terms.split(",") if t.strip()))

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError(
                {"terms": _("Enter at least two words or expressions, separated by commas.")}
            )
        self.terms = ", ".join(self.term_list())


class PendingIndexUpdate(models.Model):
    """A page whose search document must be brought up to date: written in the same transaction
    as the edit, removed once the engine has the page's state from after that edit.

    One row per page however often it is edited; the worker indexes the page as it is in the
    database when it runs, so updates are idempotent and the newest edit always wins.
    """

    page_id = models.BigIntegerField(_("page id"), unique=True)
    requested_at = models.DateTimeField(_("requested"), db_index=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")

    def __str__(self):
        return f"page {self.page_id} ({self.attempts} attempts)"


def new_secret_key():
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """The secret in a user's feed addresses. Feed readers cannot log in, so the address says
    whose feed it is, and the feed shows what that user may see. Renewing it makes every
    address with the old secret stop working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="search_feed_token",
        verbose_name=_("user"),
    )
    key = models.CharField(_("key"), max_length=64, unique=True, default=new_secret_key)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("feed token")
        verbose_name_plural = _("feed tokens")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        return cls.objects.get_or_create(user=user)[0]

    @classmethod
    def user_with_key(cls, key):
        """The active user whose feeds `key` opens, or None."""
        token = cls.objects.select_related("user").filter(key=key, user__is_active=True).first()
        return token.user if token else None

    @classmethod
    def renew(cls, user):
        with transaction.atomic():
            cls.objects.filter(user=user).delete()
            return cls.objects.create(user=user)


class SavedSearchQuerySet(models.QuerySet):
    def due(self, now):
        """Followed searches whose next digest is due at `now`, of users who can receive it."""
        due = Q()
        for frequency, period in SavedSearch.PERIODS.items():
            due |= Q(frequency=frequency, last_sent_at__lte=now - period + SavedSearch.SLACK)
        return self.filter(due, user__is_active=True).exclude(user__email="")


class SavedSearch(models.Model):
    """A search a user follows: a digest by email lists the pages matching it that were
    published or republished since the previous digest, as that user may see them."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    PERIODS = {
        Frequency.DAILY: datetime.timedelta(days=1),
        Frequency.WEEKLY: datetime.timedelta(days=7),
    }
    # A daily run that starts a little earlier than the day before still sends.
    SLACK = datetime.timedelta(hours=1)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_searches",
        verbose_name=_("user"),
    )
    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    query = models.CharField(
        _("search parameters"),
        max_length=2000,
        blank=True,
        help_text=_("The search as a normalised query string."),
    )
    description = models.CharField(_("description"), max_length=500)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_sent_at = models.DateTimeField(
        _("changes sent up to"),
        default=timezone.now,
        help_text=_("The next digest lists what was published after this moment."),
    )
    unsubscribe_key = models.CharField(
        _("unsubscribe key"), max_length=64, unique=True, default=new_secret_key
    )

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("followed search")
        verbose_name_plural = _("followed searches")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "site", "query"], name="unique_saved_search_per_user"
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.description}"

    def claim(self, now):
        """Mark the changes up to `now` as sent, unless another run did so meanwhile; True if
        this run may send them. Within the sending transaction, a failed send undoes it."""
        claimed = SavedSearch.objects.filter(pk=self.pk, last_sent_at=self.last_sent_at).update(
            last_sent_at=now
        )
        return claimed == 1
