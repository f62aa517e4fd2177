from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .distribution import refuse_shadowed_search_layer

refuse_shadowed_search_layer()


class StrategyPagesConfig(AppConfig):
    """The content of the international strategy plugin: committees, themes and page types."""

    name = "strategy_pages"
    label = "strategy_pages"
    verbose_name = _("International strategy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks, content_version, visibility
        from .planner_statistics import refresh_after_migrate

        checks.register()
        content_version.connect()
        visibility.connect()
        post_migrate.connect(refresh_after_migrate, sender=self, dispatch_uid="planner-statistics")
