from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategySearchConfig(AppConfig):
    """The search layer of the international strategy plugin. Its label is its own, so that it
    installs beside a host's `search` app (every `wagtail start` site has one)."""

    name = "search"
    label = "strategy_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals

        checks.register()
        signals.connect()
