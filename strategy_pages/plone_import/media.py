"""Plone images and files → Wagtail images and documents, in a collection of their own."""

import hashlib

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

MAX_TITLE = 255


def ensure_collection(name, parent=None):
    parent = parent or Collection.get_first_root_node()
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)


def write_image(planned, collection, owner):
    """Title and alternative text (Plone's description, or else its title) as an editor would
    give them; the file is replaced only when it changed."""
    item, blob = planned.item, planned.blob
    image = _existing(planned, get_image_model())
    image.title = item.title[:MAX_TITLE]
    image.description = (item.description or item.title)[:MAX_TITLE]
    _save_with_file(image, blob, collection, owner, item)
    return image


def write_lead_image(planned, existing, collection, owner):
    """A news item's own lead image, titled after the news item."""
    image = existing or get_image_model()()
    image.title = planned.item.title[:MAX_TITLE]
    image.description = planned.item.title[:MAX_TITLE]
    _save_with_file(image, planned.lead_image, collection, owner, planned.item)
    return image


def write_document(planned, collection, owner):
    item, blob = planned.item, planned.blob
    document = _existing(planned, get_document_model())
    document.title = item.title[:MAX_TITLE]
    _save_with_file(document, blob, collection, owner, item)
    return document


def _existing(planned, model):
    if planned.record:
        found = model.objects.filter(pk=planned.record.object_id).first()
        if found:
            return found
    return model()


def _save_with_file(obj, blob, collection, owner, item):
    digest = hashlib.sha1(blob.data, usedforsecurity=False).hexdigest()
    if not obj.pk or obj.file_hash != digest:
        obj.file = ContentFile(blob.data, name=blob.filename)
        obj.file_size = len(blob.data)
        obj.file_hash = digest
    obj.collection = collection
    obj.uploaded_by_user = owner
    is_new = obj.pk is None
    obj.save()
    if item.subjects:
        obj.tags.set(item.subjects)
    created = item.date("created")
    if is_new and created:
        # created_at is set on insert; Plone's date of upload is the honest one.
        type(obj).objects.filter(pk=obj.pk).update(created_at=created)
