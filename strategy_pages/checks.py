"""System checks that say exactly what a host site must provide for the plugin's pages."""

from django.apps import apps
from django.core import checks
from django.core.exceptions import FieldError
from django.template import TemplateDoesNotExist, engines
from django.template.backends.django import DjangoTemplates
from wagtail.models import Page

from .conf import base_template

#: Apps the page bodies' blocks need in the admin and on the page, with what each is for.
BODY_BLOCK_APPS = {
    "wagtail.contrib.table_block": "tables in page bodies",
    "wagtail.embeds": "videos in page bodies",
}


def register():
    checks.register(check_templates, checks.Tags.templates)
    checks.register(check_search_declarations, checks.Tags.models)
    checks.register(check_body_block_apps)


def check_body_block_apps(app_configs=None, **kwargs):
    return [
        checks.Warning(
            f"{app} is not installed; {purpose} cannot be edited or shown.",
            hint=f'Add "{app}" to INSTALLED_APPS (see the README\'s plugin block).',
            id="strategy_pages.W001",
        )
        for app, purpose in BODY_BLOCK_APPS.items()
        if not apps.is_installed(app)
    ]


def check_templates(app_configs=None, **kwargs):
    django_engines = [e for e in engines.all() if isinstance(e, DjangoTemplates)]
    if not django_engines:
        return [
            checks.Error(
                "The plugin's templates need Django's template engine.",
                hint="Add a DjangoTemplates engine with APP_DIRS = True to TEMPLATES.",
                id="strategy_pages.E001",
            )
        ]
    try:
        django_engines[0].get_template("strategy_pages/layout.html")
    except TemplateDoesNotExist:
        return [
            checks.Error(
                "Django's template engine does not look in installed apps' templates.",
                hint="Set APP_DIRS = True on the DjangoTemplates engine in TEMPLATES.",
                id="strategy_pages.E002",
            )
        ]
    try:
        django_engines[0].get_template(base_template())
    except TemplateDoesNotExist:
        return [
            checks.Error(
                f"The base template {base_template()!r} does not exist.",
                hint="Name your site's base template in STRATEGY_PAGES_BASE_TEMPLATE; the "
                "plugin's pages fill its 'content' and 'title' blocks.",
                id="strategy_pages.E003",
            )
        ]
    return []


def check_search_declarations(app_configs=None, **kwargs):
    """A page type's declared listing date must name one of its fields, so a renamed field fails
    here rather than quietly in search."""
    errors = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        declared = [("listing_date_field", getattr(model, "listing_date_field", None))]
        declared += [("snippet_field", getattr(model, "snippet_field", None))]
        declared += [("facet_fields", p) for p in getattr(model, "facet_fields", {}).values()]
        for attribute, path in declared:
            if path and not _resolves(model, path):
                errors.append(
                    checks.Error(
                        f"{model.__name__}.{attribute} names {path!r}, which is no field.",
                        obj=model,
                        id="strategy_pages.E004",
                    )
                )
    return errors


def _resolves(model, path):
    try:
        model.objects.values_list(path).query  # noqa: B018 - builds the query, runs nothing
    except FieldError:
        return False
    return True
