"""Which group holds each of the intranet's roles, so that admins may rename groups freely."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoleGroup(models.Model):
    class Role(models.TextChoices):
        STAFF = "staff", _("Staff")
        NETWORK_EDITORS = "network_editors", _("Network editors")
        COORDINATORS = "coordinators", _("Coordinators, City Executive Office")

    role = models.CharField(_("role"), max_length=30, choices=Role.choices, unique=True)
    group = models.OneToOneField(
        "auth.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="role"
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return f"{self.get_role_display()}: {self.group}"
