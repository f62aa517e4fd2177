"""Old Plone addresses → Wagtail redirects, so bookmarks keep working."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page


def old_paths(item):
    paths = [item.path]
    if item.portal_type == "File":
        paths.append(f"{item.path}/@@download/file")
    elif item.portal_type == "Image":
        paths.append(f"{item.path}/@@images/image")
    else:
        paths.append(f"{item.path}/view")
    return paths


def add_redirect(wanted, site, old_path, target):
    old_path = Redirect.normalise_path(old_path)
    if isinstance(target, Page):
        current = "/" + target.url_path[len(site.root_page.url_path) :].rstrip("/")
        if Redirect.normalise_path(current) != old_path:
            wanted[old_path] = {"redirect_page_id": target.pk, "redirect_link": ""}
    else:
        wanted[old_path] = {"redirect_page_id": None, "redirect_link": target}


def save_redirects(site, wanted, chunk=500):
    paths = list(wanted)
    for start in range(0, len(paths), chunk):
        part = paths[start : start + chunk]
        existing = {r.old_path: r for r in Redirect.objects.filter(site=site, old_path__in=part)}
        new = [
            Redirect(old_path=path, site=site, is_permanent=True, **wanted[path])
            for path in part
            if path not in existing
        ]
        Redirect.objects.bulk_create(new)
        for path, redirect in existing.items():
            values = wanted[path]
            if any(getattr(redirect, key) != value for key, value in values.items()):
                Redirect.objects.filter(pk=redirect.pk).update(**values)
