"""Documents are served under /dokument/, and an address no document can have is not found."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model


def test_a_document_is_served_and_an_impossible_id_is_not_found(staff_client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    document = get_document_model().objects.create(
        title="Rapport", file=ContentFile(b"%PDF-1.4 rapport", name="rapport.pdf")
    )
    response = staff_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 rapport"
    assert staff_client.get(f"/dokument/{'9' * 5000}/rapport.pdf").status_code == 404
