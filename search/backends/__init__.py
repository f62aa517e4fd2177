"""Wagtail search backends of the search layer."""
