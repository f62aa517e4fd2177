"""How a Plone site maps onto the intranet, with defaults that fit a standard Plone 6 site.

A site that differs describes it in a TOML file (`manage.py import_plone DIR --config FILE`);
`docs/plone-import.md` lists every key.
"""

import tomllib
from dataclasses import dataclass, field, fields

from django.core.exceptions import ValidationError

from ..models import Committee, CommitteeKind
from .reader import contains_nul

#: Plone portal type → what it becomes. Types not listed are skipped and reported.
DEFAULT_TYPES = {
    "Folder": "section",
    "Document": "content",
    "News Item": "news",
    "Event": "event",
    "Link": "link",
    "Image": "image",
    "File": "document",
    # plone.app.multilingual's language root and language-independent folders.
    "LRF": "section",
    "LIF": "section",
    # Saved searches (Plone 5+ and Plone 4's): their folder's page stands in for them.
    "Collection": "skip",
    "Topic": "skip",
}
#: Types that are searches, not content: links and old addresses lead to their folder.
SAVED_SEARCH_TYPES = {"Collection", "Topic"}
TARGET_KINDS = {"section", "content", "news", "event", "link", "image", "document", "skip"}

#: Plone local role → Wagtail page permissions on the item's subtree.
DEFAULT_ROLE_PERMISSIONS = {
    "Contributor": ["add_page"],
    "Editor": ["change_page"],
    "Reviewer": ["publish_page"],
    "Site Administrator": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Manager": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
PAGE_PERMISSIONS = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
DOCUMENT_MAX_BYTES = 50 * 1024 * 1024


class ConfigError(Exception):
    """The configuration file cannot be used; the message names the key."""


@dataclass(frozen=True)
class CommitteeRule:
    """A Plone folder that stands for a committee; `name` and `kind` let the import create the
    committee when it does not exist yet."""

    slug: str
    name: str = ""
    short_name: str = ""
    kind: str = ""


@dataclass
class ImportConfig:
    #: URL path of the page the Plone site's content goes under; "/" is the site's root page.
    parent: str = "/"
    types: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TYPES))
    #: Plone folder path → committee; matched by name too unless match_committees is false.
    committees: dict[str, CommitteeRule] = field(default_factory=dict)
    match_committees: bool = True
    #: Slug of the committee that owns news outside any committee's folder.
    default_committee: str = ""
    #: Plone tag → theme slug; an empty slug drops the tag.
    subjects: dict[str, str] = field(default_factory=dict)
    #: "theme" makes a theme of every tag that matches none; "skip" drops and reports them.
    unknown_subjects: str = "theme"
    roles: dict[str, list[str]] = field(default_factory=lambda: dict(DEFAULT_ROLE_PERMISSIONS))
    collection: str = "Plone"
    batch_size: int = 200
    #: Images are held to Wagtail's own upload limits (WAGTAILIMAGES_MAX_UPLOAD_SIZE…).
    max_document_bytes: int = DOCUMENT_MAX_BYTES

    def target_kind(self, portal_type):
        return self.types.get(portal_type)


def load_config(path=None):
    """The defaults, overridden by the TOML file at `path` if given."""
    config = ImportConfig()
    if path is None:
        return config
    try:
        with open(path, "rb") as file:
            data = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    known = {f.name for f in fields(ImportConfig)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(unknown)}.")
    for key, value in data.items():
        setattr(config, key, _parsed(path, key, value, getattr(config, key)))
    return config


def _parsed(path, key, value, default):
    if contains_nul(value):
        raise ConfigError(f"{path}: {key} contains a NUL character.")
    if key == "committees":
        _require(path, key, value, dict, "a table of folder paths")
        return {folder: _committee_rule(path, folder, rule) for folder, rule in value.items()}
    if key == "types":
        _require_table(path, key, value, str, "a type name")
        unknown = set(value.values()) - TARGET_KINDS
        if unknown:
            raise ConfigError(f"{path}: types: unknown target(s) {', '.join(sorted(unknown))}.")
        return {**default, **value}
    if key == "roles":
        _require_table(path, key, value, list, "a list of permissions")
        wrong = {p for codenames in value.values() for p in codenames} - PAGE_PERMISSIONS
        if wrong:
            raise ConfigError(f"{path}: roles: unknown permission(s) {', '.join(sorted(wrong))}.")
        return {**default, **value}
    if key == "subjects":
        _require_table(path, key, value, str, "a theme or orientation slug")
    if key == "unknown_subjects" and value not in ("theme", "skip"):
        raise ConfigError(f'{path}: unknown_subjects must be "theme" or "skip".')
    # type(), not isinstance(): true is not a batch size.
    if type(value) is not type(default):
        raise ConfigError(f"{path}: {key} must be a {type(default).__name__}.")
    if key in ("batch_size", "max_document_bytes") and value < 1:
        raise ConfigError(f"{path}: {key} must be at least 1.")
    return value


def _require(path, key, value, kind, description):
    if not isinstance(value, kind):
        raise ConfigError(f"{path}: {key} must be {description}.")


def _require_table(path, key, value, kind, description):
    _require(path, key, value, dict, "a table")
    for name, entry in value.items():
        _require(path, f"{key}.{name!r}", entry, kind, description)
        if kind is list and not all(isinstance(item, str) for item in entry):
            raise ConfigError(f"{path}: {key}.{name!r} must be {description}.")


def _committee_rule(path, folder, rule):
    if isinstance(rule, str):
        return CommitteeRule(slug=rule)
    if not isinstance(rule, dict) or "slug" not in rule:
        raise ConfigError(f"{path}: committees.{folder!r} needs a slug.")
    fields = {k: rule[k] for k in ("slug", "name", "short_name", "kind") if k in rule}
    if not all(isinstance(value, str) for value in fields.values()):
        raise ConfigError(f"{path}: committees.{folder!r}: slug, name and kind must be text.")
    if rule.get("kind") and rule["kind"] not in CommitteeKind.values:
        raise ConfigError(
            f"{path}: committees.{folder!r}.kind must be one of {', '.join(CommitteeKind.values)}."
        )
    # A committee the import creates must be one an editor could save.
    try:
        Committee(**fields).clean_fields(exclude=[k for k in ("name", "kind") if not fields.get(k)])
    except ValidationError as error:
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
        raise ConfigError(f"{path}: committees.{folder!r}: {problems}") from None
    return CommitteeRule(**fields)
