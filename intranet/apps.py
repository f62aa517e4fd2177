from django.apps import AppConfig


class IntranetConfig(AppConfig):
    name = "intranet"
    label = "intranet"
    verbose_name = "Intranät"
