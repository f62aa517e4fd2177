"""Placeholder."""


def ensure(home, committees, sections):
    pass
