"""Bookkeeping of content brought over from Plone."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PloneItem(models.Model):
    """Where one Plone item went, found by its UID, so that a second import updates the page,
    image or document it created instead of making another."""

    uid = models.CharField(_("Plone UID"), max_length=32, unique=True)
    portal_type = models.CharField(_("Plone type"), max_length=100)
    path = models.CharField(_("path in Plone"), max_length=1000)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    #: A digest of the exported item: an unchanged item is skipped on the next run.
    fingerprint = models.CharField(max_length=64)
    #: The item links to something that was not imported yet; the next run tries again.
    links_pending = models.BooleanField(default=False)
    #: The revision the import wrote; a later one means an editor has changed the page since.
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported Plone item")
        verbose_name_plural = _("imported Plone items")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.portal_type} {self.path}"
