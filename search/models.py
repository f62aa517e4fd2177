"""What staff search for: hits per day for queries that found nothing.

Query strings and their daily hits come from Wagtail's search promotions app; this adds the
count of searches that returned no results, so editors can see what staff miss.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
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
