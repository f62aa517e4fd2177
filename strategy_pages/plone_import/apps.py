from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PloneImportConfig(AppConfig):
    """Brings a Plone site's content, users, rights and redirects into the plugin's pages."""

    name = "strategy_pages.plone_import"
    label = "strategy_plone_import"
    verbose_name = _("Plone import")
    default_auto_field = "django.db.models.BigAutoField"
