from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyPagesConfig(AppConfig):
    name = "strategy_pages"
    label = "strategy_pages"
    verbose_name = _("Internationell strategi")
    default_auto_field = "django.db.models.BigAutoField"
