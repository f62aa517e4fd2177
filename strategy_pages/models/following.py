"""What a user follows (committees, orientations, themes) and when they last came to the start
page, so it can show their own news and projects and mark what is new since then."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ..conf import redirect_to_front_end_login
from .taxonomy import Committee, Orientation, Theme

#: Away from the start page this long, a user's next look at it is a new visit: reloading the
#: page or coming back from a news item keeps the marks of what is new.
NEW_VISIT_AFTER = datetime.timedelta(minutes=30)
#: How precisely the end of a visit is kept: reloads within it write nothing.
LAST_SEEN_PRECISION = datetime.timedelta(minutes=1)

#: The field of an Interest that points at each kind of followed thing.
TARGET_FIELDS = {Committee: "committee", Orientation: "orientation", Theme: "theme"}


def _target(target):
    try:
        return {TARGET_FIELDS[type(target)]: target}
    except KeyError:
        raise TypeError(f"{type(target).__name__} cannot be followed") from None


class InterestQuerySet(models.QuerySet):
    def of(self, user, target):
        return self.filter(user=user, **_target(target))

    def follows(self, user, target):
        return user.is_authenticated and self.of(user, target).exists()

    def toggle(self, user, target):
        """Follow `target`, or stop following it; returns whether the user follows it now."""
        deleted, _counts = self.of(user, target).delete()
        if deleted:
            return False
        self.get_or_create(user=user, **_target(target))
        return True

    def content_filter(self, user):
        """A filter for classified pages (news, showcases) from or about what `user` follows;
        an empty Q when they follow nothing."""
        rows = list(self.filter(user=user).values_list("committee", "orientation", "theme"))
        committees = {committee for committee, _o, _t in rows if committee}
        orientations = {orientation for _c, orientation, _t in rows if orientation}
        themes = {theme for _c, _o, theme in rows if theme}
        condition = Q()
        if committees:
            condition |= Q(committee__in=committees)
        if orientations:
            condition |= Q(orientations__in=orientations)
        if themes:
            condition |= Q(themes__in=themes)
        return condition


class Interest(models.Model):
    """A user follows one committee, orientation or theme; its news and projects appear under
    “For you” on the start page."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="strategy_interests",
    )
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("committee or company"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    orientation = models.ForeignKey(
        Orientation,
        verbose_name=_("orientation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    objects = InterestQuerySet.as_manager()

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(committee__isnull=False, orientation__isnull=True, theme__isnull=True)
                    | Q(committee__isnull=True, orientation__isnull=False, theme__isnull=True)
                    | Q(committee__isnull=True, orientation__isnull=True, theme__isnull=False)
                ),
                name="strategy_interest_one_target",
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", field], name=f"strategy_interest_unique_{field}"
                )
                for field in TARGET_FIELDS.values()
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.committee or self.orientation or self.theme}"


class VisitManager(models.Manager):
    def record(self, user, now=None):
        """Note that `user` looks at the start page `now`; returns when their previous visit
        ended, or None on their first. The previous visit moves forward only when they come back
        after NEW_VISIT_AFTER or more away."""
        now = now or timezone.now()
        visit, created = self.get_or_create(user=user, defaults={"last_seen_at": now})
        if created:
            return None
        if now - visit.last_seen_at < LAST_SEEN_PRECISION:
            return visit.previous_visit_at
        if now - visit.last_seen_at >= NEW_VISIT_AFTER:
            visit.previous_visit_at = visit.last_seen_at
        visit.last_seen_at = now
        visit.save(update_fields=["previous_visit_at", "last_seen_at"])
        return visit.previous_visit_at


class Visit(models.Model):
    """When a user last looked at the start page, and when their visit before that ended."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="strategy_visit",
    )
    previous_visit_at = models.DateTimeField(_("previous visit"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last seen"))

    objects = VisitManager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")

    def __str__(self):
        return f"{self.user} {self.last_seen_at:%Y-%m-%d %H:%M}"


class FollowablePage(RoutablePageMixin):
    """A page about something users may follow (a committee, an orientation): it shows a
    “Follow” button that posts to its own `follow/` route and comes back to the page."""

    #: The page's field that holds what is followed.
    followed_field = None

    def followed_target(self):
        return getattr(self, self.followed_field)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["follow_url"] = self.get_url(request) + self.reverse_subpage("follow")
            context["following"] = Interest.objects.follows(request.user, self.followed_target())
        return context

    @path("folj/", name="follow")
    def toggle_follow(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page_url = self.get_url(request)
        if not request.user.is_authenticated:
            return redirect_to_front_end_login(page_url)
        Interest.objects.toggle(request.user, self.followed_target())
        return redirect(page_url)
