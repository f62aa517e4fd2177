"""Exported files and images, decoded and checked the way an upload through the admin is.

A blob comes base-64 inside the export, or as a file beside it (plone.exportimport's blob
files, collective.exportimport's blob paths); a file is read only when it is checked or stored,
so planning a large export does not hold every file in memory.
"""

import base64
import binascii
import mimetypes
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from wagtail.images.fields import WagtailImageField

#: The first bytes of the document formats an intranet commonly holds.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
}
TEXT_EXTENSIONS = {"txt", "csv"}
LONGEST_SIGNATURE = max(len(s) for signatures in SIGNATURES.values() for s in signatures)
DOWNLOAD_ONLY = (
    "Plone exported only a download address for its file, not the file itself; export the "
    "content again with blobs as base-64 encoded strings or as blob paths"
)


class UploadRejected(Exception):
    """The file would be refused as an upload; the message says why."""


class BlobReference(dict):
    """An exported image or file field whose file lies beside the export: the fields as Plone
    wrote them ({"blob_path", "filename", …}), and the file found for it, or None. The file is
    no part of the fields, so where the export is kept does not change what was exported."""

    def __init__(self, value, file, searched):
        super().__init__(value)
        self.file = file
        self.searched = searched


@dataclass(frozen=True)
class Blob:
    filename: str
    content_type: str
    inline: bytes | None = field(default=None, repr=False)
    path: Path | None = None

    @property
    def data(self):
        """The file's bytes, read from its file each time rather than kept."""
        return self.inline if self.path is None else self.path.read_bytes()

    @property
    def size(self):
        return len(self.inline) if self.path is None else self.path.stat().st_size

    def head(self, count):
        if self.path is None:
            return self.inline[:count]
        with self.path.open("rb") as file:
            return file.read(count)

    @property
    def extension(self):
        return PurePath(self.filename).suffix.lower().lstrip(".")

    def as_upload(self):
        return SimpleUploadedFile(self.filename, self.data, content_type=self.content_type)


def decode(value, fallback_name):
    """The blob of an exported image or file field: {"data": base64, "filename", …}, a
    BlobReference to a file, or UploadRejected saying why there is none."""
    if isinstance(value, BlobReference):
        return _from_file(value, fallback_name)
    if "data" not in value and value.get("download"):
        raise UploadRejected(DOWNLOAD_ONLY)
    if not isinstance(value.get("data"), str):
        raise UploadRejected("the export holds no file for it")
    try:
        data = base64.b64decode(value["data"], validate=True)
    except (binascii.Error, ValueError):
        raise UploadRejected("its base-64 data is damaged") from None
    filename = safe_filename(value.get("filename"), fallback_name)
    return Blob(filename, value.get("content-type") or "", inline=data)


def _from_file(reference, fallback_name):
    if reference.file is None:
        raise UploadRejected(
            f"its file {reference['blob_path']} is not in the export (looked in "
            f"{', '.join(reference.searched)}); copy the old site's blob files there (for "
            "collective.exportimport's blob paths: its var/blobstorage as blobstorage/), or "
            "export the content again with blobs as base-64 encoded strings"
        )
    if not os.access(reference.file, os.R_OK):
        raise UploadRejected(f"its file {reference['blob_path']} cannot be read")
    filename = safe_filename(reference.get("filename"), fallback_name)
    return Blob(filename, reference.get("content-type") or "", path=reference.file)


def safe_filename(name, fallback_name):
    """A file name that stays inside the media folder: "..", "." and names of nothing but
    punctuation fall back to the item's own id."""
    for candidate in (name, fallback_name, "file"):
        try:
            return get_valid_filename(candidate or "")
        except SuspiciousFileOperation:
            continue
    return "file"


def check_image(blob):
    """Wagtail's own image upload checks: format matches extension, file size, pixel count."""
    image_field = WagtailImageField()
    try:
        # Before reading the file: a huge one is refused without loading it.
        image_field.check_image_file_size(blob)
        image_field.clean(blob.as_upload())
    except ValidationError as error:
        raise UploadRejected(" ".join(str(m) for m in error.messages)) from None
    _check_declared_type(blob)


def check_document(blob, max_bytes):
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if allowed and blob.extension not in allowed:
        raise UploadRejected(f".{blob.extension} files are not accepted as documents")
    size = blob.size
    if size > max_bytes:
        raise UploadRejected(
            f"it is too big ({filesizeformat(size)}; at most {filesizeformat(max_bytes)})"
        )
    if not size:
        raise UploadRejected("it is empty")
    _check_declared_type(blob)
    _check_content(blob)


def _check_declared_type(blob):
    expected, _ = mimetypes.guess_type(blob.filename)
    if blob.content_type and expected and blob.content_type != expected:
        raise UploadRejected(f"Plone calls it {blob.content_type}, but its name says {expected}")


def _check_content(blob):
    signatures = SIGNATURES.get(blob.extension)
    if signatures and not blob.head(LONGEST_SIGNATURE).startswith(signatures):
        raise UploadRejected(f"it is not a .{blob.extension} file inside")
    if blob.extension in TEXT_EXTENSIONS:
        try:
            text = blob.data.decode("utf-8")
        except UnicodeDecodeError:
            raise UploadRejected("it is not UTF-8 text inside") from None
        if "\x00" in text:
            raise UploadRejected("it is not text inside")
