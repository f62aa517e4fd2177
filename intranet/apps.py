from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move


class IntranetConfig(AppConfig):
    name = "intranet"
    label = "intranet"
    verbose_name = "Intranät"

    def ready(self):
        from wagtail.models import Page, Site

        from .navigation import forget_site_structure

        for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
            signal.connect(forget_site_structure, dispatch_uid="intranet-navigation")
        post_delete.connect(forget_site_structure, sender=Page, dispatch_uid="intranet-navigation")
        post_save.connect(forget_site_structure, sender=Site, dispatch_uid="intranet-navigation")
