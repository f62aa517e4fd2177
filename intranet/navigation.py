"""The site's structure for the main menu and breadcrumbs, cached until a page changes.

Only branch pages (those with children) and the menu's pages can be ancestors or menu items, so
the cached structure stays small however many showcases and news items the site holds.
"""

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, Site

from strategy_pages.visibility import hidden_subtrees

CACHE_KEY = "intranet-navigation:{site_id}"
# Signals clear the cache of the process that saw the change; the timeout bounds how long another
# process with its own local-memory cache shows the old structure. Production uses a shared cache.
CACHE_TIMEOUT = 600


def site_structure(site, request):
    """{path: (title, url, depth, show_in_menus)} for the site's live branch and menu pages."""
    key = CACHE_KEY.format(site_id=site.pk)
    structure = cache.get(key)
    if structure is None:
        root = site.root_page
        pages = (
            Page.objects.live()
            .filter(path__startswith=root.path)
            .filter(Q(numchild__gt=0) | Q(depth=root.depth + 1, show_in_menus=True))
        )
        structure = {
            page.path: (page.title, page.get_url(request), page.depth, page.show_in_menus)
            for page in pages.order_by("path")
        }
        cache.set(key, structure, timeout=CACHE_TIMEOUT)
    return structure


def menu_and_breadcrumbs(site, request, page):
    structure = site_structure(site, request)
    hidden = tuple(hidden.path for hidden in hidden_subtrees(request))
    if hidden:
        structure = {
            path: entry for path, entry in structure.items() if not path.startswith(hidden)
        }
    root = site.root_page
    current_path = page.path if page is not None else ""
    menu = [
        {"title": title, "url": url, "current": current_path.startswith(path)}
        for path, (title, url, depth, in_menu) in structure.items()
        if depth == root.depth + 1 and in_menu
    ]
    breadcrumbs = []
    if page is not None and page.path.startswith(root.path) and page.pk != root.pk:
        for end in range(len(root.path), len(page.path), Page.steplen):
            if entry := structure.get(page.path[:end]):
                breadcrumbs.append({"title": entry[0], "url": entry[1]})
    return menu, breadcrumbs


def forget_site_structure(**kwargs):
    """Drop every cached structure; cheap to rebuild, and page changes are rare next to reads."""
    cache.delete_many(
        [CACHE_KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)]
    )
