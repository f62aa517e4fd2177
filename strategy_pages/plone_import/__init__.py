"""Importing a Plone site into the plugin's pages: an optional app with its own import record
(`strategy_pages.plone_import` in INSTALLED_APPS, `pip install ...[plone]`)."""
