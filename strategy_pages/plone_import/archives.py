"""Exports handed over as one ZIP file: plone.exportimport's `@export` download, or an export
folder someone zipped to send it.

The file is unpacked into a temporary folder that lasts as long as the export read from it,
since images and files are read from it only when they are written.
"""

import tempfile
import zipfile
from pathlib import Path

#: The most a ZIP file may unpack to; a larger one is refused before anything is unpacked.
MAX_UNPACKED_BYTES = 16 * 1024**3


class ArchiveError(Exception):
    """The ZIP file cannot be unpacked as an export; the message says why."""


def is_archive(path):
    return path.is_file() and (path.suffix.lower() == ".zip" or zipfile.is_zipfile(path))


def unpack(path):
    """(the folder holding the export, the temporary folder that must be kept while it is
    read). zipfile keeps every member inside the folder: absolute paths and '..' are cut."""
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(member.file_size for member in archive.infolist())
            if size > MAX_UNPACKED_BYTES:
                raise ArchiveError(
                    f"{path.name}: unpacks to {size / 1024**3:.1f} GiB, more than the "
                    f"{MAX_UNPACKED_BYTES / 1024**3:.0f} GiB an export may have. Unpack it "
                    "yourself and import the folder."
                )
            temporary = tempfile.TemporaryDirectory(prefix="plone-export-")
            archive.extractall(temporary.name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as error:
        raise ArchiveError(f"{path.name}: the ZIP file cannot be unpacked ({error}).") from None
    return _export_folder(Path(temporary.name)), temporary


def _export_folder(folder):
    """The export itself, also when the ZIP file holds it in a folder of its own."""
    entries = [entry for entry in folder.iterdir() if not entry.name.startswith((".", "__MACOSX"))]
    if len(entries) == 1 and entries[0].is_dir() and entries[0].name != "content":
        return entries[0]
    return folder
