"""NUL characters are refused at the door: PostgreSQL cannot store them (a DataError, a 500)."""

from aduan.accounts.models import ApiToken
from aduan.api.middleware import CONTAINS_NUL


PAYLOAD = {"program": "bpnt\x00", "channel": "tatap_muka", "text": "Kartu KKS hilang.", "location_code": "35.06.10.2005"}


def test_a_nul_character_is_refused_before_it_reaches_the_database(client, kediri_officer):
    _, raw = ApiToken.issue(kediri_officer, "test")
    response = client.post("/api/v1/complaints", PAYLOAD, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 400
    assert response.json() == {"code": "invalid", "message": CONTAINS_NUL, "field": None}
    assert client.get("/api/v1/topics", {"program": "\x00"}).status_code == 400
    assert client.get("/api/v1/units/dinsos%00", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 400


def test_binary_uploads_are_not_inspected(client, kediri_officer, file_complaint, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    complaint = file_complaint()
    _, raw = ApiToken.issue(kediri_officer, "test")
    complaint.handling_unit = kediri_officer.memberships.get().unit
    complaint.save(update_fields=["handling_unit"])
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    response = client.post(f"/api/v1/complaints/{complaint.tracking_number}/attachments",
                           {"file": SimpleUploadedFile("a.png", png)}, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 201
