"""Loads exported news items into a Plone site, published; runs inside Plone's own Python.

    venv/bin/zconsole run instance/etc/zope.conf load_news.py

The server must be stopped (the database is locked while it runs). Reads the JSON file named
by PLONE_NEWS_JSON (a list of {"id", "title", "description", "text", "date"}), creates the
Classic UI site PLONE_SITE_ID (with plone.restapi) if it is missing, and adds the items it
does not have yet to the folder "nyheter", published and left out of the navigation. Commits
every few hundred items, so a second run continues where one stopped. `app` is the Zope root
that zconsole provides.
"""

import json
import os
import sys
import time

import transaction
from DateTime import DateTime
from plone.app.textfield.value import RichTextValue
from plone.base.utils import get_installer
from plone.distribution.api import site as site_api
from Products.CMFCore.utils import getToolByName
from zope.component.hooks import setSite

SITE_ID = os.environ.get("PLONE_SITE_ID", "Plone")
FOLDER_ID = "nyheter"
BATCH = 500


def ensure_site(root):
    if SITE_ID in root.objectIds():
        return root[SITE_ID]
    answers = {
        "site_id": SITE_ID,
        "title": "Intranätet",
        "default_language": "sv",
        "portal_timezone": "Europe/Stockholm",
        "setup_content": False,
    }
    site = site_api.create(root, "classic", answers)
    print(f"Created the Classic UI site {SITE_ID}", flush=True)
    return site


def ensure_rest_api(site):
    """The Classic UI distribution leaves plone.restapi out; its @search is measured too."""
    installer = get_installer(site)
    if not installer.is_product_installed("plone.restapi"):
        installer.install_product("plone.restapi")
        transaction.commit()
        print("Installed plone.restapi in the site", flush=True)


def ensure_folder(site, workflow):
    if FOLDER_ID not in site.objectIds():
        site.invokeFactory("Folder", id=FOLDER_ID, title="Nyheter")
        workflow.doActionFor(site[FOLDER_ID], "publish")
        transaction.commit()
    return site[FOLDER_ID]


def add_news_item(folder, workflow, item):
    folder.invokeFactory(
        "News Item",
        id=item["id"],
        title=item["title"],
        description=item["description"],
        text=RichTextValue(item["text"], "text/html", "text/x-html-safe"),
    )
    news = folder[item["id"]]
    # As a site with thousands of news items is set up: otherwise Classic UI lists every one of
    # them in the dropdown navigation and the navigation portlet on every page (megabytes).
    news.exclude_from_nav = True
    published = DateTime(f"{item['date']} 12:00 Europe/Stockholm")
    news.creation_date = published
    news.setEffectiveDate(published)
    workflow.doActionFor(news, "publish")
    news.reindexObject()


def load(root, path):
    with open(path, encoding="utf-8") as stream:
        items = json.load(stream)
    site = ensure_site(root)
    setSite(site)
    ensure_rest_api(site)
    workflow = getToolByName(site, "portal_workflow")
    folder = ensure_folder(site, workflow)
    present = set(folder.objectIds())
    missing = [item for item in items if item["id"] not in present]
    started = time.perf_counter()
    for number, item in enumerate(missing, start=1):
        add_news_item(folder, workflow, item)
        if number % BATCH == 0 or number == len(missing):
            transaction.commit()
            rate = number / (time.perf_counter() - started)
            print(f"  {number} of {len(missing)} news items ({rate:.0f}/s)", flush=True)
    print(f"Plone has {len(folder.objectIds())} news items", flush=True)


if __name__ == "__main__":
    if "app" not in globals():
        sys.exit("Run this with zconsole run <zope.conf> load_news.py")
    load(app, os.environ["PLONE_NEWS_JSON"])  # noqa: F821 - provided by zconsole
