"""Which files of an export folder hold what, for every layout the Plone exporters write.

collective.exportimport downloads one content file named after the type or the site
(`Plone.json`, `Document.json`, …), or one file per type, or one numbered file per item into a
folder (`Plone/1.json`, `Plone/2.json`, …, with `errors.json`); its other exports are named after
their views (`export_relations.json`, …). Older copies of this importer's fixture name them
`<prefix>-export.json` and `<prefix>-<kind>.json`. plone.exportimport writes `content/` with one
folder per item (`<uid>/data.json`, blobs beside it) and `__metadata__.json`, and the other
exports beside `content/` (`principals.json`, `relations.json`, …).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

COLLECTIVE = "collective.exportimport"
PLONE_EXPORTIMPORT = "plone.exportimport"
LEGACY_SUFFIX = "-export.json"
METADATA_FILE = "__metadata__.json"
CONTENT_FOLDER = "content"
ERRORS_FILE = "errors.json"
BLOB_FOLDER = "blobstorage"
#: Companion exports the import reads.
USED_KINDS = ("relations", "localroles", "ordering", "defaultpages", "members", "redirects")
#: Exports the import does not read (yet); their files are recognised and left alone.
UNUSED_KINDS = ("portlets", "discussion", "discussions")
#: What each kind is called in a plone.exportimport folder.
PLONE_EXPORTIMPORT_FILES = {
    "relations": "relations.json",
    "members": "principals.json",
    "redirects": "redirects.json",
    "translations": "translations.json",
}
PLONE_EXPORTIMPORT_UNUSED = ("portlets.json", "discussions.json")
COMPANION_NAME = re.compile(
    r"(?:export_|.*-)?(?P<kind>"
    + "|".join((*USED_KINDS, "translations", "principals", *UNUSED_KINDS))
    + r")\.json",
    re.IGNORECASE,
)
NUMBERED = re.compile(r"\d+")
NOT_USED = "this import does not use it"


class LayoutError(Exception):
    """The folder holds no export this import can read; the message says what it looked for."""


@dataclass
class Layout:
    """Where the parts of one export are: content, companion exports and blob files."""

    tool: str
    name: str
    #: Files holding a JSON list of items.
    content_files: list[Path] = field(default_factory=list)
    #: Files holding one item each, in export order.
    item_files: list[Path] = field(default_factory=list)
    #: collective.exportimport's errors.json files: paths Plone could not export.
    error_files: list[Path] = field(default_factory=list)
    #: kind (relations, localroles, …) → file.
    companions: dict[str, Path] = field(default_factory=dict)
    #: Folders a blob path in the export may be relative to, in the order they are tried.
    blob_roots: list[Path] = field(default_factory=list)
    #: The plone.exportimport content folder.
    content_folder: Path | None = None
    #: Files left alone, with why.
    ignored: list[str] = field(default_factory=list)
    #: Whether a content file that turns out not to hold items is left alone rather than
    #: refused: true where files were picked by their contents, not by their name.
    guessed: bool = False


def detect(directory):
    """The layout of the export in `directory`, or LayoutError saying what was looked for."""
    directory = Path(directory)
    for detector in (_plone_exportimport, _legacy, _collective):
        layout = detector(directory)
        if layout:
            layout.blob_roots = _unique([*layout.blob_roots, directory, directory / BLOB_FOLDER])
            return layout
    raise LayoutError(nothing_found(directory))


def _plone_exportimport(directory):
    if (directory / CONTENT_FOLDER / METADATA_FILE).is_file():
        root, content = directory, directory / CONTENT_FOLDER
    elif (directory / METADATA_FILE).is_file():
        root, content = directory.parent, directory
    else:
        return None
    data_files = sorted(content.glob("*/data.json"))
    layout = Layout(
        tool=PLONE_EXPORTIMPORT,
        name=f"{PLONE_EXPORTIMPORT}, one folder per item ({len(data_files)} items in "
        f"{content.name}/)",
        item_files=data_files,
        content_folder=content,
        blob_roots=[content],
    )
    for kind, name in PLONE_EXPORTIMPORT_FILES.items():
        if (root / name).is_file():
            layout.companions[kind] = root / name
    layout.ignored += [
        f"{name} ({NOT_USED})" for name in PLONE_EXPORTIMPORT_UNUSED if (root / name).is_file()
    ]
    return layout


def _legacy(directory):
    exports = sorted(directory.glob(f"*{LEGACY_SUFFIX}"))
    if len(exports) != 1:
        return None
    prefix = exports[0].name.removesuffix(LEGACY_SUFFIX)
    layout = Layout(
        tool=COLLECTIVE,
        name=f"{COLLECTIVE}, one content file ({exports[0].name})",
        content_files=exports,
    )
    for kind in (*USED_KINDS, "translations"):
        for name in (f"{prefix}-{kind}.json", f"export_{kind}.json"):
            if (directory / name).is_file():
                layout.companions[kind] = directory / name
                break
    return layout


def _collective(directory):
    layout = Layout(tool=COLLECTIVE, name="", guessed=True)
    companions = {}
    for path in _visible(directory.glob("*.json")):
        match = COMPANION_NAME.fullmatch(path.name)
        if match:
            kind = _kind(match["kind"])
            companions.setdefault(kind, []).append(path)
        elif path.name == ERRORS_FILE:
            layout.error_files.append(path)
        elif NUMBERED.fullmatch(path.stem):
            layout.item_files.append(path)
        else:
            layout.content_files.append(path)
    layout.item_files = _numbered(layout.item_files)
    item_folders = [folder for folder in _visible(directory.iterdir()) if _holds_items(folder)]
    for folder in item_folders:
        layout.item_files += _numbered_files(folder)
        layout.error_files += [folder / ERRORS_FILE] if (folder / ERRORS_FILE).is_file() else []
    if not layout.content_files and not layout.item_files:
        return None
    for kind, paths in companions.items():
        if len(paths) > 1:
            names = " and ".join(p.name for p in paths)
            raise LayoutError(f"{directory}: {names} both look like the {kind} export; keep one.")
        if kind in USED_KINDS or kind == "translations":
            layout.companions[kind] = paths[0]
        else:
            layout.ignored.append(f"{paths[0].name} ({NOT_USED})")
    layout.blob_roots = item_folders
    layout.name = _collective_name(layout, item_folders)
    return layout


def _kind(name):
    name = name.lower()
    return "members" if name == "principals" else name


def _holds_items(folder):
    """A folder of collective.exportimport's one-file-per-item export: numbered JSON files,
    or numbered folders of them."""
    if not folder.is_dir():
        return False
    if any(NUMBERED.fullmatch(p.stem) for p in folder.glob("*.json")):
        return True
    return any(p.is_dir() and NUMBERED.fullmatch(p.name) for p in folder.iterdir())


def _numbered_files(folder):
    """In the order collective.exportimport imports them: the folder's numbered files, then
    those of its numbered folders."""
    files = _numbered([p for p in folder.glob("*.json") if NUMBERED.fullmatch(p.stem)])
    subfolders = [p for p in folder.iterdir() if p.is_dir() and NUMBERED.fullmatch(p.name)]
    for subfolder in sorted(subfolders, key=lambda p: int(p.name)):
        files += _numbered([p for p in subfolder.glob("*.json") if NUMBERED.fullmatch(p.stem)])
    return files


def _numbered(paths):
    return sorted(paths, key=lambda p: int(p.stem))


def _collective_name(layout, item_folders):
    parts = []
    if len(layout.content_files) == 1:
        parts.append(f"one content file ({layout.content_files[0].name})")
    elif layout.content_files:
        parts.append(f"one file per type ({len(layout.content_files)} files)")
    if layout.item_files:
        where = ", ".join(f"{folder.name}/" for folder in item_folders) or "this folder"
        parts.append(f"one file per item ({len(layout.item_files)} files in {where})")
    return f"{COLLECTIVE}, {' and '.join(parts)}"


def _visible(paths):
    return sorted(p for p in paths if not p.name.startswith("."))


def _unique(paths):
    return list(dict.fromkeys(paths))


def nothing_found(directory):
    if not directory.is_dir():
        return f"{directory}: no such folder."
    found = [p.name + ("/" if p.is_dir() else "") for p in _visible(directory.iterdir())]
    shown = ", ".join(found[:15]) + (f" and {len(found) - 15} more" if len(found) > 15 else "")
    return (
        f"{directory}: no Plone export found. Looked for collective.exportimport's content "
        "export (a JSON list of items such as Plone.json or Document.json, one file per type, "
        "or a folder of numbered files 1.json, 2.json, … with one item each) and for "
        f"plone.exportimport's {CONTENT_FOLDER}/{METADATA_FILE} with one data.json per item. "
        f"Found: {shown or 'nothing'}."
    )
