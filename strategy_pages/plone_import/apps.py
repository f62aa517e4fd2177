from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PloneImportConfig(AppConfig):
    """Brings a Plone site's content, users, rights and redirects into the plugin's pages."""

    name = "strategy_pages.plone_import"
    label = "strategy_plone_import"
    verbose_name = _("Plone import")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks  # noqa: PLC0415 - registered once the apps are loaded

        from .checks import check_requirements  # noqa: PLC0415

        checks.register(check_requirements, checks.Tags.compatibility)
