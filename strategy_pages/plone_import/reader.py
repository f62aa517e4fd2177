"""Reads and checks a Plone export before anything is written.

It reads collective.exportimport's exports in all their layouts and plone.exportimport's (see
layouts.py), into the shape collective.exportimport writes. Every problem is reported with the
file and the item it concerns, so an administrator can fix the export; a file that fails here
leaves the database untouched.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.utils import timezone

from . import archives, layouts, uploads

PORTAL = "<Portal>"
#: How plone.exportimport names the site root wherever a UID is expected.
SITE_ROOT_UID = "plone_site_root"
#: plone.exportimport's language of an item in the site's default language.
DEFAULT_LANGUAGE = "##DEFAULT##"
#: plone.app.multilingual's language root folder, e.g. /en.
LANGUAGE_ROOT_TYPE = "LRF"
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[a-z]{2,4})?")
UNEXPORTED = "unexported_paths"
#: The relation from a Volto item to the Image item it shows as its lead image.
LEAD_IMAGE_RELATION = "preview_image_link"
SITE_TYPE = "Plone Site"
UID_PATTERN = re.compile(r"[0-9a-f]{32}")
ID_IN_TEXT = re.compile(r'"@id"\s*:\s*"([^"]*)"')
MAX_PROBLEMS_SHOWN = 10
NUL_PROBLEM = "contains a NUL character, which no database column can hold"
#: Fields the import reads as text; null stands for none.
TEXT_FIELDS = (
    "title", "description", "id", "review_state", "remoteUrl", "image_caption", "location",
    "contact_name", "contact_email", "contact_phone", "event_url",
)  # fmt: skip
#: The largest export file read (blobs come base-64 inside it); a larger one is refused before
#: it is read into memory.
MAX_FILE_BYTES = 4 * 1024**3


class ExportError(Exception):
    """The export cannot be imported as it is; the message says which file and item, and why."""


@dataclass(frozen=True)
class ExportedItem:
    """One content item of the export: its identity, place and the serialized fields."""

    uid: str
    portal_type: str
    path: str
    parent_path: str | None
    data: dict = field(repr=False, compare=False)

    @property
    def title(self):
        return self.data.get("title") or self.data.get("id") or self.path

    @property
    def description(self):
        return self.data.get("description") or ""

    @property
    def review_state(self):
        return self.data.get("review_state")

    @property
    def plone_id(self):
        return self.data.get("id") or self.path.rsplit("/", 1)[-1]

    @property
    def subjects(self):
        return self.data.get("subjects") or []

    @property
    def creators(self):
        return self.data.get("creators") or []

    def date(self, name):
        value = self.data.get(name)
        return parse_date(value) if value else None

    def html(self):
        text = self.data.get("text")
        return text.get("data") or "" if isinstance(text, dict) else ""


@dataclass
class PloneExport:
    """The content export and its companion files, as read from one folder."""

    site_url: str
    site_id: str
    root: ExportedItem | None
    items: list[ExportedItem]
    relations: list[tuple[str, str]] = field(default_factory=list)
    #: Volto's lead image of an item (relation preview_image_link): item UID → image UID.
    lead_images: dict[str, str] = field(default_factory=dict)
    local_roles: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    blocked_inheritance: set[str] = field(default_factory=set)
    ordering: dict[str, int] = field(default_factory=dict)
    default_pages: dict[str, str] = field(default_factory=dict)
    groups: list[dict] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    #: Groups of UIDs that translate each other; each item's data names its language.
    translations: list[tuple[str, ...]] = field(default_factory=list)
    #: Which exporter wrote it and how its files are laid out, e.g. "collective.exportimport,
    #: one file per type (4 files)".
    layout: str = ""
    #: What reading noticed and left out, e.g. paths Plone could not export.
    notes: list[str] = field(default_factory=list)
    #: The temporary folder a ZIP file was unpacked into; removed when the export is.
    unpacked: object = field(default=None, repr=False, compare=False)

    def by_uid(self):
        return {item.uid: item for item in self.items}

    def by_path(self):
        return {item.path: item for item in self.items}


def parse_date(value):
    """A Plone date as an aware datetime: one written without an offset is in the site's time
    zone."""
    moment = datetime.fromisoformat(value)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def read_export(directory, blob_directory=None):
    """The export in `directory`, in whichever layout it was written. Blob paths are looked up
    in `blob_directory` first, then beside the export."""
    directory, unpacked = Path(directory), None
    if archives.is_archive(directory):
        try:
            directory, unpacked = archives.unpack(directory)
        except archives.ArchiveError as error:
            raise ExportError(str(error)) from None
    if not directory.is_dir():
        raise ExportError(f"{directory}: no such folder (or ZIP file).")
    try:
        layout = layouts.detect(directory)
    except layouts.LayoutError as error:
        raise ExportError(str(error)) from None
    if blob_directory:
        layout.blob_roots.insert(0, Path(blob_directory))
    if layout.tool == layouts.PLONE_EXPORTIMPORT:
        sources, notes = _plone_exportimport_items(layout)
    else:
        sources, notes = _collective_items(layout, directory)
    for _, raw in sources:
        _attach_blob_files(raw, layout.blob_roots, directory)
    export = _build_export(_export_name(layout, directory), sources)
    export.layout, export.notes, export.unpacked = layout.name, notes, unpacked
    if layout.tool == layouts.PLONE_EXPORTIMPORT:
        _read_metadata(export, layout.content_folder / layouts.METADATA_FILE)
    _read_companions(export, layout.companions)
    export.notes += [f"files not read: {', '.join(layout.ignored)}"] if layout.ignored else []
    return export


def _export_name(layout, directory):
    if len(layout.content_files) == 1 and not layout.item_files:
        return layout.content_files[0].name
    return directory.name or str(directory)


def _collective_items(layout, directory):
    """(where, item) of every item in the content files and one-item files, and notes."""
    sources, unexported, content_files = [], [], []
    for path in layout.content_files:
        items = _load_items(path, guessed=layout.guessed)
        if items is None:
            layout.ignored.append(f"{path.name} (not a list of content items)")
            continue
        content_files.append(path)
        label = f"{path.name} item" if len(layout.content_files) > 1 else "item"
        for number, raw in enumerate(items, start=1):
            if _is_error_list(raw):
                unexported += _unexported(path.name, raw)
            else:
                sources.append((f"{label} {number}", raw))
    for path in layout.item_files:
        sources.append((path.relative_to(directory).as_posix(), _load_json(path, directory)))
    for path in layout.error_files:
        value = _load_json(path, directory)
        unexported += _unexported(path.name, value) if _is_error_list(value) else []
    if layout.guessed and not content_files and not layout.item_files:
        found = f" Not read: {', '.join(layout.ignored)}." if layout.ignored else ""
        raise ExportError(layouts.nothing_found(directory) + found)
    sources, duplicates = _without_repeats(sources)
    notes = [_unexported_note(unexported)] if unexported else []
    if duplicates:
        notes.append(f"{duplicates} item(s) were in more than one file and are read once")
    return sources, notes


def _is_error_list(value):
    """collective.exportimport's "write errors" entry: {"unexported_paths": [{"path",
    "message"}, …]}, the last item of a content file or the whole of errors.json."""
    return isinstance(value, dict) and set(value) == {UNEXPORTED}


def _unexported(name, value):
    entries = value[UNEXPORTED]
    if not isinstance(entries, list):
        raise ExportError(f"{name}: {UNEXPORTED} is not a list. Nothing was imported.")
    return [
        str(entry.get("path") or entry.get("message") or "?")
        if isinstance(entry, dict)
        else str(entry)
        for entry in entries
    ]


def _unexported_note(paths):
    shown = ", ".join(paths[:MAX_PROBLEMS_SHOWN])
    more = f" and {len(paths) - MAX_PROBLEMS_SHOWN} more" if len(paths) > MAX_PROBLEMS_SHOWN else ""
    return (
        f"Plone could not export {len(paths)} item(s), so they are not imported: {shown}{more}. "
        "Repair them in Plone and export again, or add them by hand."
    )


def _without_repeats(sources):
    """The same item exported into two files (the whole site, then one type again) is read
    once; two different items with one UID are still reported."""
    seen, kept, repeats = {}, [], 0
    for label, raw in sources:
        key = (raw.get("UID"), raw.get("@id")) if isinstance(raw, dict) else None
        if key and isinstance(key[0], str) and isinstance(key[1], str) and key in seen:
            if seen[key] == raw:
                repeats += 1
                continue
        elif key and all(isinstance(k, str) for k in key):
            seen[key] = raw
        kept.append((label, raw))
    return kept, repeats


def _load_json(path, directory):
    name = path.relative_to(directory).as_posix() if path.is_relative_to(directory) else path.name
    text = _read_text(path, name)
    try:
        return json.loads(text)
    except RecursionError:
        raise _too_deep(name) from None
    except json.JSONDecodeError as error:
        raise _invalid_json(name, error) from None


def _plone_exportimport_items(layout):
    """plone.exportimport's items, in the shape collective.exportimport writes: its site root
    stands at the site's address like collective.exportimport's."""
    sources = []
    base = layout.content_folder.parent
    for path in layout.item_files:
        sources.append((path.relative_to(base).as_posix(), _load_json(path, base)))
    items = [raw for _, raw in sources if isinstance(raw, dict)]
    default_language, notes = _default_language(items)
    for raw in items:
        _as_collective_exportimport_writes(raw, default_language)
    return sources, notes


def _default_language(items):
    """The site's default language, which plone.exportimport writes as a placeholder: a
    multilingual site names it by the language root folder in it (/en), another site not at
    all."""
    roots = [
        raw.get("id")
        for raw in items
        if raw.get("@type") == LANGUAGE_ROOT_TYPE and raw.get("language") == DEFAULT_LANGUAGE
    ]
    if len(roots) == 1 and isinstance(roots[0], str) and LANGUAGE_CODE.fullmatch(roots[0]):
        note = f"items in the site's default language are taken to be in {roots[0]!r}, the "
        return roots[0], [note + f"language of the language root folder /{roots[0]}"]
    return "", []


def _as_collective_exportimport_writes(raw, default_language):
    """Its site root is at the site's address, and an item in the site's default language has
    that language, or none if the export does not say which it is."""
    if raw.get("@type") == SITE_TYPE:
        raw["@id"] = "/"
    if raw.get("language") == DEFAULT_LANGUAGE:
        raw["language"] = default_language


def _attach_blob_files(raw, roots, directory):
    """Blob paths become BlobReferences to the files found for them; the file is not read."""
    if not isinstance(raw, dict):
        return
    for key, value in raw.items():
        if isinstance(value, dict) and isinstance(value.get("blob_path"), str):
            searched = [_shown_folder(root, directory) for root in roots]
            raw[key] = uploads.BlobReference(value, _blob_file(value["blob_path"], roots), searched)


def _blob_file(blob_path, roots):
    """The file a blob path names, inside one of the folders a blob may be in; a path leading
    out of them is not followed, so an export cannot make the import copy other files."""
    if not blob_path or "\x00" in blob_path:
        return None
    folders = [root.resolve() for root in roots if root.is_dir()]
    for folder in folders:
        candidate = (folder / blob_path).resolve()
        if candidate.is_file() and any(candidate.is_relative_to(f) for f in folders):
            return candidate
    return None


def _shown_folder(root, directory):
    if root == directory:
        return "the export folder"
    if root.is_relative_to(directory):
        return f"{root.relative_to(directory).as_posix()}/"
    return str(root)


def _load_items(path, *, guessed=False):
    """Decode the item array one item at a time, so a damaged file is reported by item. A
    `guessed` content file that turns out not to hold items gives None."""
    text = _read_text(path)
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)
    if position >= len(text) or text[position] != "[":
        if guessed:
            return None
        _raise_not_an_export(path.name, text, decoder)
    position += 1
    items = []
    while True:
        position = _skip_space(text, position)
        if position < len(text) and text[position] == "]":
            return items
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            message = _damaged_item_message(path.name, text, position, error, items)
            raise ExportError(message) from None
        except RecursionError:
            raise _too_deep(path.name) from None
        if guessed and not items and not _looks_like_an_item(item):
            return None
        items.append(item)
        position = _skip_space(text, position)
        if position < len(text) and text[position] == ",":
            position += 1
        elif position >= len(text) or text[position] != "]":
            raise ExportError(
                f"{path.name}: the file ends after item {len(items)} ({_item_name(item)}) "
                "without closing the list; it looks truncated. Export it again."
            )


def _looks_like_an_item(value):
    return isinstance(value, dict) and ("@type" in value or "UID" in value or UNEXPORTED in value)


def _read_text(path, name=None):
    name = name or path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ExportError(
            f"{name}: {size / 1024**3:.1f} GiB is more than the {MAX_FILE_BYTES / 1024**3:.0f}"
            " GiB an export file may have. Export the site in parts (one file per type or per "
            "folder) and import them one after the other."
        )
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ExportError(f"{name}: not UTF-8 text ({error.reason}).") from None


def _invalid_json(name, error):
    return ExportError(
        f"{name}: not valid JSON at line {error.lineno}, column {error.colno} ({error.msg}); "
        "the file may be truncated. Nothing was imported."
    )


def _too_deep(name):
    return ExportError(
        f"{name}: its JSON is nested deeper than any export collective.exportimport writes; "
        "it is damaged or not an export. Nothing was imported."
    )


def _skip_space(text, position):
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _raise_not_an_export(name, text, decoder):
    try:
        value, _ = decoder.raw_decode(text, _skip_space(text, 0))
    except json.JSONDecodeError as error:
        raise ExportError(f"{name}: not valid JSON ({error.msg}).") from None
    shape = (
        f"an object with keys {', '.join(sorted(value)[:5])}"
        if isinstance(value, dict)
        else (type(value).__name__)
    )
    raise ExportError(
        f"{name}: not a collective.exportimport content export: expected a list of items, "
        f"found {shape}."
    )


def _damaged_item_message(name, text, start, error, items):
    """Name the damaged item by its own @id where it was written before the damage: the keys
    are sorted, so an item's @id comes first."""
    own_id = ID_IN_TEXT.search(text, start, error.pos)
    where = f"item {len(items) + 1}"
    if own_id:
        where += f" ({own_id.group(1)})"
    if items:
        where += f", after {_item_name(items[-1])}"
    cut = not text.rstrip().endswith("]")
    reason = "is cut off: the file looks truncated" if cut else f"is not valid JSON ({error.msg})"
    return (
        f"{name}: {where} {reason} at line {error.lineno}, column {error.colno}. "
        "Nothing was imported; export the site again."
    )


def _item_name(item):
    if isinstance(item, dict):
        return item.get("@id") or item.get("UID") or "an item without @id"
    return f"a {type(item).__name__}"


def _build_export(name, sources):
    """The export of the (where, item) pairs read from its files."""
    problems = []
    for where, raw in sources:
        problems += [f"{where} ({_item_name(raw)}): {p}" for p in _item_problems(raw)]
    if problems:
        raise ExportError(_problem_list(name, problems))
    raw_items = [raw for _, raw in sources]
    site_url = _site_url(name, raw_items)
    root, items, seen, seen_paths = None, [], {}, {}
    for raw in raw_items:
        try:
            item = _exported_item(raw, site_url)
        except ValueError:
            problems.append(f"{raw['@id']}: its address or its parent's cannot be read")
            continue
        if item.uid in seen:
            problems.append(f"{item.path}: the UID {item.uid} is also used by {seen[item.uid]}")
        seen[item.uid] = item.path
        if raw["@type"] == SITE_TYPE:
            root = item
            continue
        if item.path in seen_paths:
            problems.append(f"{item.path}: the address is also used by {seen_paths[item.path]}")
        seen_paths[item.path] = item.uid
        items.append(item)
    paths = {item.path for item in items} | {"/"}
    for item in items:
        if item.parent_path not in paths:
            problems.append(f"{item.path}: its folder {item.parent_path} is not in the export")
        elif not _inside(item.path, item.parent_path):
            problems.append(f"{item.path}: its address is not inside its folder's")
    if problems:
        raise ExportError(_problem_list(name, problems))
    site_id = root.data.get("id", "") if root else ""
    items.sort(key=lambda item: item.path.count("/"))
    return PloneExport(site_url=site_url, site_id=site_id, root=root, items=items)


def _inside(path, folder_path):
    return path != folder_path and path.startswith(folder_path.rstrip("/") + "/")


def _item_problems(raw):
    if not isinstance(raw, dict):
        return [f"is a {type(raw).__name__}, not an item object"]
    problems = []
    for key in ("@id", "@type", "UID"):
        if not isinstance(raw.get(key), str) or not raw.get(key):
            problems.append(f"has no {key}; is this a collective.exportimport content export?")
    if problems:
        return problems
    if raw["@type"] != SITE_TYPE and not UID_PATTERN.fullmatch(raw["UID"]):
        problems.append(f"UID {raw['UID']!r} is not 32 hexadecimal digits")
    if "parent" in raw and not isinstance(raw["parent"], dict):
        problems.append("its parent summary is not an object")
    elif not isinstance(raw.get("parent", {}).get("@id", ""), str):
        problems.append("the @id of its parent is not text")
    for key in TEXT_FIELDS:
        if raw.get(key) is not None and not isinstance(raw[key], str):
            problems.append(f"{key} is not text")
    problems += [f"{key} {NUL_PROBLEM}" for key, value in raw.items() if contains_nul(value)]
    for key in ("subjects", "creators"):
        if not _is_text_list(raw.get(key) or []):
            problems.append(f"{key} is not a list of text")
    for key in ("effective", "expires", "created", "modified", "start", "end"):
        problems += _date_problems(raw, key)
    for key in ("text", "image", "file"):
        problems += _blob_shape_problems(raw, key)
    return problems


def _is_text_list(value):
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def contains_nul(value):
    """Whether a JSON or TOML value holds the NUL character anywhere."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(contains_nul(v) for v in value)
    return False


def _date_problems(raw, key):
    value = raw.get(key)
    if value is None:
        return []
    try:
        moment = parse_date(value)
    except (TypeError, ValueError):
        return [f"{key} {value!r} is not an ISO 8601 date"]
    try:
        moment.astimezone(UTC)
    except OverflowError:
        return [f"{key} {value!r} is out of the range of dates"]
    return []


def _blob_shape_problems(raw, key):
    """A blob comes base-64 encoded, as a path to its file, or as a download address only;
    the last is refused item by item when it is imported, not here."""
    value = raw.get(key)
    if value is None:
        return []
    if key != "text" and isinstance(value, dict) and "data" not in value:
        for way in ("blob_path", "download"):
            if way in value:
                return [] if isinstance(value[way], str) else [f"{key}'s {way} is not text"]
    if not isinstance(value, dict) or not isinstance(value.get("data"), str):
        return [f"{key} has no data"]
    if key != "text" and value.get("encoding") != "base64":
        return [f"{key} is not base-64 encoded; export with blobs as base-64 strings"]
    return []


def _problem_list(name, problems):
    shown = "\n  ".join(problems[:MAX_PROBLEMS_SHOWN])
    more = len(problems) - MAX_PROBLEMS_SHOWN
    tail = f"\n  … and {more} more" if more > 0 else ""
    return f"{name}: {len(problems)} problem(s); nothing was imported:\n  {shown}{tail}"


def _site_url(name, raw_items):
    """The site's address: its root item's, or the folder its top items are in. Items written
    with site-relative addresses (plone.exportimport's) have the empty one."""
    for raw in raw_items:
        if raw["@type"] == SITE_TYPE:
            return raw["@id"].rstrip("/")
    for raw in raw_items:
        parent = raw.get("parent") or {}
        if parent.get("@type") == SITE_TYPE and parent.get("@id"):
            return parent["@id"].rstrip("/")
    if raw_items and all(raw.get("parent") is None for raw in raw_items):
        return _common_folder([raw["@id"] for raw in raw_items])
    raise ExportError(f"{name}: no item belongs to a Plone site; cannot tell the site's address.")


def _common_folder(urls):
    """Without a site root or parent summaries, the site is the deepest folder every item's
    folder is in."""
    folders = [url.rstrip("/").rsplit("/", 1)[0].split("/") for url in urls]
    common = folders[0]
    for parts in folders[1:]:
        length = next(
            (i for i, (a, b) in enumerate(zip(common, parts, strict=False)) if a != b),
            min(len(common), len(parts)),
        )
        common = common[:length]
    return "/".join(common).rstrip("/")


def _exported_item(raw, site_url):
    path = site_path(raw["@id"], site_url)
    parent_id = (raw.get("parent") or {}).get("@id")
    if parent_id:
        parent_path = site_path(parent_id, site_url)
    elif raw["@type"] == SITE_TYPE:
        parent_path = None
    else:
        # No parent summary (plone.exportimport leaves it out): the folder is in the address.
        parent_path = path.rsplit("/", 1)[0] or "/"
    return ExportedItem(
        uid=raw["UID"], portal_type=raw["@type"], path=path, parent_path=parent_path, data=raw
    )


def site_path(url, site_url):
    """The path of a Plone address inside the site, e.g. /sodermalm/nyhet; / for the site."""
    inside = site_url and (url == site_url or url.startswith(site_url.rstrip("/") + "/"))
    rest = url[len(site_url) :] if inside else urlsplit(url).path
    rest = urlsplit(rest).path.strip("/")
    return f"/{rest}" if rest else "/"


def _read_companions(export, companions):
    readers = {
        "relations": _relations,
        "localroles": _local_roles,
        "ordering": _ordering,
        "defaultpages": _default_pages,
        "members": _members,
        "redirects": _redirects,
        "translations": _translations,
    }
    for kind, path in companions.items():
        _read_companion(export, path.name, readers[kind], lambda path=path: _load_companion(path))


def _load_companion(path):
    return json.loads(_read_text(path))


def _read_companion(export, name, reader, load):
    try:
        value = load()
        if contains_nul(value):
            raise ValueError(f"it {NUL_PROBLEM}")
        reader(export, value)
    except RecursionError:
        raise _too_deep(name) from None
    except json.JSONDecodeError as error:
        raise _invalid_json(name, error) from None
    except (KeyError, TypeError, AttributeError, ValueError, OverflowError) as error:
        raise ExportError(
            f"{name}: not the shape the Plone exporter writes ({error!r}). Nothing was imported."
        ) from None


def _read_metadata(export, path):
    """plone.exportimport keeps local roles, ordering and default pages in one file; each is
    read as collective.exportimport's export of it."""
    name = f"{path.parent.name}/{path.name}"
    metadata = _load_json(path, path.parent.parent)
    if not isinstance(metadata, dict):
        raise ExportError(f"{name}: not an object. Nothing was imported.")
    parts = {
        "local_roles": (_local_roles, _metadata_local_roles),
        "ordering": (_ordering, _metadata_ordering),
        "default_page": (_default_pages, _metadata_default_pages),
    }
    for key, (reader, convert) in parts.items():
        value = metadata.get(key) or {}
        _read_companion(export, f"{name} ({key})", reader, lambda v=value, c=convert: c(v))


def _metadata_uid(uid):
    return PORTAL if uid == SITE_ROOT_UID else uid


def _metadata_local_roles(value):
    entries = []
    for uid, entry in value.items():
        converted = {"uuid": _metadata_uid(uid), "localroles": entry.get("local_roles") or {}}
        converted.update({"block": entry["block"]} if entry.get("block") else {})
        entries.append(converted)
    return entries


def _metadata_ordering(value):
    return [{"uuid": _metadata_uid(uid), "order": o} for uid, o in value.items() if o is not None]


def _metadata_default_pages(value):
    return [{"uuid": _metadata_uid(uid), **entry} for uid, entry in value.items()]


def _entries(value, *keys):
    if not isinstance(value, list):
        raise TypeError("expected a list")
    for number, entry in enumerate(value, start=1):
        missing = [key for key in keys if key not in entry]
        if missing:
            raise KeyError(f"entry {number} has no {', '.join(missing)}")
        yield entry


def _texts(entry, *keys, optional=()):
    """Raise unless the entry's `keys` are text, and its `optional` keys text or missing."""
    for key in (*keys, *optional):
        if (key in keys or entry.get(key) is not None) and not isinstance(entry.get(key), str):
            raise TypeError(f"{key} of {entry!r:.80} is not text")


def _text_lists(entry, *keys):
    for key in keys:
        if not _is_text_list(entry.get(key) or []):
            raise TypeError(f"{key} of {entry!r:.80} is not a list of text")


def _relations(export, value):
    entries = list(_entries(value, "from_uuid", "to_uuid"))
    for entry in entries:
        _texts(entry, "from_uuid", "to_uuid")
    # Other relations (plone.exportimport's isReferencing: link integrity) repeat what the
    # items' text already says.
    export.relations = [
        (entry["from_uuid"], entry["to_uuid"])
        for entry in entries
        if _relationship(entry) == "relatedItems"
    ]
    export.lead_images = {
        entry["from_uuid"]: entry["to_uuid"]
        for entry in entries
        if _relationship(entry) == LEAD_IMAGE_RELATION
    }


def _relationship(entry):
    """collective.exportimport names it relationship, plone.exportimport from_attribute."""
    return entry.get("relationship", entry.get("from_attribute", "relatedItems"))


def _local_roles(export, value):
    for entry in _entries(value, "uuid"):
        _texts(entry, "uuid")
        # An entry that only blocks inherited roles has no roles of its own.
        roles = entry.get("localroles", {})
        if not isinstance(roles, dict):
            raise TypeError(f"local roles of {entry['uuid']} are not an object")
        _text_lists(roles, *roles)
        export.local_roles[entry["uuid"]] = {principal: list(r) for principal, r in roles.items()}
        if entry.get("block"):
            export.blocked_inheritance.add(entry["uuid"])


def _ordering(export, value):
    export.ordering = {entry["uuid"]: int(entry["order"]) for entry in _entries(value, "uuid")}


def _default_pages(export, value):
    entries = list(_entries(value, "uuid", "default_page"))
    for entry in entries:
        _texts(entry, "uuid", optional=["default_page_uuid"])
    export.default_pages = {entry["uuid"]: entry.get("default_page_uuid") for entry in entries}


def _members(export, value):
    export.groups = list(_entries(value.get("groups", []), "groupid"))
    export.members = list(_entries(value.get("members", []), "username"))
    for group in export.groups:
        _texts(group, "groupid", optional=["title"])
        _text_lists(group, "principals", "roles")
    user_model = get_user_model()
    for member in export.members:
        _texts(member, "username", optional=["email", "fullname"])
        _text_lists(member, "groups", "roles")
        for key in ("username", "email"):
            limit = user_model._meta.get_field(key).max_length
            if len(member.get(key) or "") > limit:
                raise ValueError(
                    f"the {key} of {member['username']:.80} is over {limit} characters"
                )


def _redirects(export, value):
    if not isinstance(value, dict):
        raise TypeError("expected an object of old path → new path")
    export.redirects = {
        _without_site_id(old, export.site_id): _without_site_id(new, export.site_id)
        for old, new in value.items()
    }


def _without_site_id(path, site_id):
    """Plone writes redirects with the Zope site id first: /fixture/a/b → /a/b."""
    parts = path.strip("/").split("/")
    if site_id and parts and parts[0] == site_id:
        parts = parts[1:]
    return "/" + "/".join(parts) if parts else "/"


def _translations(export, value):
    """collective.exportimport writes {language: UID} per group, plone.exportimport
    {"canonical": UID, "translations": {language: UID}}; both become groups of UIDs."""
    groups = []
    for entry in _entries(value):
        if not isinstance(entry, dict):
            raise TypeError(f"translation group {entry!r:.80} is not an object")
        uids = entry.get("translations", {}) if "canonical" in entry else entry
        if not isinstance(uids, dict):
            raise TypeError(f"translations of {entry!r:.80} are not an object")
        group = ([entry["canonical"]] if "canonical" in entry else []) + list(uids.values())
        if not _is_text_list(group):
            raise TypeError(f"translation group {entry!r:.80} holds something other than UIDs")
        groups.append(tuple(group))
    export.translations = groups
