"""Exported files and images, decoded and checked the way an upload through the admin is."""

import base64
import binascii
import mimetypes
from dataclasses import dataclass
from pathlib import PurePath

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


class UploadRejected(Exception):
    """The file would be refused as an upload; the message says why."""


@dataclass(frozen=True)
class Blob:
    filename: str
    content_type: str
    data: bytes

    @property
    def extension(self):
        return PurePath(self.filename).suffix.lower().lstrip(".")

    def as_upload(self):
        return SimpleUploadedFile(self.filename, self.data, content_type=self.content_type)


def decode(value, fallback_name):
    """The blob of an exported image or file field: {"data": base64, "filename", …}."""
    try:
        data = base64.b64decode(value["data"], validate=True)
    except (binascii.Error, ValueError):
        raise UploadRejected("its base-64 data is damaged") from None
    filename = safe_filename(value.get("filename"), fallback_name)
    return Blob(filename, value.get("content-type") or "", data)


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
    try:
        WagtailImageField().clean(blob.as_upload())
    except ValidationError as error:
        raise UploadRejected(" ".join(str(m) for m in error.messages)) from None
    _check_declared_type(blob)


def check_document(blob, max_bytes):
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if allowed and blob.extension not in allowed:
        raise UploadRejected(f".{blob.extension} files are not accepted as documents")
    if len(blob.data) > max_bytes:
        raise UploadRejected(
            f"it is too big ({filesizeformat(len(blob.data))}; at most {filesizeformat(max_bytes)})"
        )
    if not blob.data:
        raise UploadRejected("it is empty")
    _check_declared_type(blob)
    _check_content(blob)


def _check_declared_type(blob):
    expected, _ = mimetypes.guess_type(blob.filename)
    if blob.content_type and expected and blob.content_type != expected:
        raise UploadRejected(f"Plone calls it {blob.content_type}, but its name says {expected}")


def _check_content(blob):
    signatures = SIGNATURES.get(blob.extension)
    if signatures and not blob.data.startswith(signatures):
        raise UploadRejected(f"it is not a .{blob.extension} file inside")
    if blob.extension in TEXT_EXTENSIONS:
        try:
            text = blob.data.decode("utf-8")
        except UnicodeDecodeError:
            raise UploadRejected("it is not UTF-8 text inside") from None
        if "\x00" in text:
            raise UploadRejected("it is not text inside")
