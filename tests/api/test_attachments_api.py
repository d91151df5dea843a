"""Attachments through the API: content-checked uploads, listing, and downloads only for those who
may see the complaint."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aduan.accounts.models import ApiToken
from aduan.core import attachments
from aduan.core.models import Attachment
from aduan.organisation.models import Role


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 64


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def bearer(user, **kwargs) -> dict:
    _, raw = ApiToken.issue(user, "test", **kwargs)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def complaint(file_complaint, world, kediri_officer):
    complaint = file_complaint()
    complaint.handling_unit = world["dinsos-35-06"]
    complaint.save(update_fields=["handling_unit"])
    return complaint


def upload(client, complaint, content, name="kks.jpg", headers=None, **extra):
    return client.post(
        f"/api/v1/complaints/{complaint.tracking_number}/attachments",
        {"file": SimpleUploadedFile(name, content, content_type="application/octet-stream"), **extra},
        **(headers or {}),
    )


@pytest.mark.parametrize(("content", "content_type"), [(JPEG, "image/jpeg"), (PNG, "image/png"), (PDF, "application/pdf")])
def test_an_officer_attaches_a_photo_or_a_pdf_and_the_type_comes_from_its_bytes(
    client, complaint, kediri_officer, content, content_type,
):
    response = upload(client, complaint, content, name="bukti.bin", headers=bearer(kediri_officer), description="Foto KKS")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["content_type"], body["size"]) == (content_type, len(content))
    assert (body["name"], body["description"]) == ("bukti.bin", "Foto KKS")
    assert body["url"] == f"/api/v1/complaints/{complaint.tracking_number}/attachments/{body['id']}"


def test_a_file_that_only_claims_to_be_a_jpeg_is_refused_with_415(client, complaint, kediri_officer):
    response = upload(client, complaint, b"MZ\x90\x00 not a photo", name="foto.jpg", headers=bearer(kediri_officer))
    assert response.status_code == 415
    assert response.json() == {"code": "unsupported_media_type", "message": attachments.UNSUPPORTED, "field": "file"}
    assert not Attachment.objects.exists()


def test_a_file_over_5_mb_is_refused_with_413(client, complaint, kediri_officer):
    response = upload(client, complaint, JPEG + b"\x00" * attachments.MAX_SIZE, headers=bearer(kediri_officer))
    assert response.status_code == 413
    assert response.json()["code"] == "too_large" and response.json()["message"] == attachments.TOO_LARGE


def test_an_upload_without_a_file_is_a_validation_error(client, complaint, kediri_officer):
    response = client.post(f"/api/v1/complaints/{complaint.tracking_number}/attachments", {}, **bearer(kediri_officer))
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_the_list_and_the_download_return_what_was_uploaded(client, complaint, kediri_officer):
    headers = bearer(kediri_officer)
    created = upload(client, complaint, PDF, name="../../surat keterangan.pdf", headers=headers).json()
    listed = client.get(f"/api/v1/complaints/{complaint.tracking_number}/attachments", **headers)
    assert listed.status_code == 200
    assert [(a["id"], a["name"]) for a in listed.json()] == [(created["id"], "surat keterangan.pdf")]
    downloaded = client.get(created["url"], **headers)
    assert downloaded.status_code == 200
    assert downloaded["Content-Type"] == "application/pdf"
    assert 'filename="surat keterangan.pdf"' in downloaded["Content-Disposition"]
    assert b"".join(downloaded.streaming_content) == PDF


def test_an_officer_of_another_region_can_neither_list_nor_download(client, complaint, kediri_officer, world):
    from tests.fixtures.core import make_officer

    created = upload(client, complaint, PNG, headers=bearer(kediri_officer)).json()
    makassar = make_officer("petugas-makassar", world["dinsos-73-71"])
    headers = bearer(makassar)
    assert client.get(f"/api/v1/complaints/{complaint.tracking_number}/attachments", **headers).status_code == 404
    assert client.get(created["url"], **headers).status_code == 404
    assert upload(client, complaint, PNG, headers=headers).status_code == 404


def test_a_supervisor_reads_attachments_but_adds_none(client, complaint, world):
    from tests.fixtures.core import make_officer

    supervisor = make_officer("pengawas", world["dinsos-35-06"], role=Role.SUPERVISOR)
    headers = bearer(supervisor)
    response = upload(client, complaint, PNG, headers=headers)
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert client.get(f"/api/v1/complaints/{complaint.tracking_number}/attachments", **headers).status_code == 200


def test_an_attachment_of_another_complaint_is_not_found_under_this_one(client, complaint, file_complaint, kediri_officer):
    headers = bearer(kediri_officer)
    other = file_complaint(text="Beras berkutu.")
    created = upload(client, complaint, PNG, headers=headers).json()
    response = client.get(f"/api/v1/complaints/{other.tracking_number}/attachments/{created['id']}", **headers)
    assert response.status_code == 404
    too_big = f"/api/v1/complaints/{complaint.tracking_number}/attachments/99999999999999999999"
    assert client.get(too_big, **headers).status_code == 422


def test_a_read_only_token_cannot_upload(client, complaint, kediri_officer):
    response = upload(client, complaint, PNG, headers=bearer(kediri_officer, scopes=["complaints:read"]))
    assert response.status_code == 403 and response.json()["code"] == "insufficient_scope"
