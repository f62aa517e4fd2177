"""Limits on what editors upload: documents by size (Wagtail limits only images' size)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


class SizeLimitedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
        if file and file.size > limit:
            raise ValidationError(
                _("The file is %(size)s; documents may be at most %(limit)s.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            )
        return file
