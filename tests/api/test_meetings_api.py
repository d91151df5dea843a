"""SPEC R26 over the API: a Tikor schedules a meeting (its berat complaints on the agenda), keeps the
agenda and attendance, records the minutes and sends them once; the PDF is there afterwards, and
a unit outside the region neither schedules nor reads it."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from aduan.core.enums import EventKind
from aduan.organisation.models import Role
from tests.fixtures.org import MAKASSAR, api_as, lodge, officer, org  # noqa: F401  (shared fixtures)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def post(client, path, body=None):
    return client.post(f"/api/v1{path}", body or {}, content_type="application/json")


def test_a_meeting_is_held_and_its_minutes_sent_over_the_api(api_as, officer, lodge):
    heavy = lodge(severity="berat")
    light = lodge(severity="ringan")
    far = lodge(severity="berat", region_code=MAKASSAR)
    tikor = api_as(officer("tikor-35-06", Role.ADMINISTRATOR))
    scheduled = post(tikor, "/meetings", {"scheduled_for": "2026-12-10T09:00:00+07:00", "place": "Aula Dinsos"})
    assert scheduled.status_code == 201, scheduled.content
    meeting = scheduled.json()
    assert meeting["unit"] == "tikor-35-06" and meeting["status"] == "dijadwalkan"
    assert [i["complaint"] for i in meeting["agenda"]] == [heavy.tracking_number]
    url = f"/meetings/{meeting['id']}"

    refused = post(tikor, url + "/agenda", {"add": [light.tracking_number, far.tracking_number]})
    assert refused.status_code == 400 and far.tracking_number in refused.json()["message"]
    assert len(tikor.get(f"/api/v1{url}").json()["agenda"]) == 1, "all or nothing"
    changed = post(tikor, url + "/agenda", {"add": [light.tracking_number]}).json()
    assert {i["complaint"] for i in changed["agenda"]} == {heavy.tracking_number, light.tracking_number}

    post(tikor, url + "/attendance", {"add": [{"name": "Ir. Suparno", "agency": "Dinas Sosial"},
                                               {"name": "Andi", "agency": "BRI Cabang Kediri"}]})
    recorded = post(tikor, url + "/minutes", {"held_on": "2026-11-30", "summary": "Lengkap.",
                                              "recommendations": {heavy.tracking_number: "BRI buka layanan desa."}})
    assert recorded.status_code == 200 and recorded.json()["status"] == "dilaksanakan"
    missing = post(tikor, url + "/send")
    assert missing.status_code == 400 and light.tracking_number in missing.json()["message"]
    post(tikor, url + "/minutes", {"held_on": "2026-11-30", "recommendations": {light.tracking_number: "Dijawab Dinsos."}})
    sent = post(tikor, url + "/send")
    assert sent.status_code == 200 and sent.json()["status"] == "dikirim" and sent.json()["sent_to"] == "admin-utama"
    assert post(tikor, url + "/send").status_code == 409
    assert heavy.events.filter(kind=EventKind.DISCUSSED).exists()

    pdf = tikor.get(sent.json()["minutes_pdf_url"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(b"".join(pdf.streaming_content))).pages)
    assert "BRI buka layanan desa." in text and "Ir. Suparno" in text


def test_outside_the_tikor_nobody_schedules_and_another_region_does_not_read(api_as, officer):
    tikor = api_as(officer("tikor-35-06", Role.ADMINISTRATOR))
    meeting = post(tikor, "/meetings", {"scheduled_for": "2026-12-10T09:00:00+07:00", "place": "Aula"}).json()
    dinsos = api_as(officer("dinsos-35-06", Role.ADMINISTRATOR))
    assert post(dinsos, "/meetings", {"scheduled_for": "2026-12-10T09:00:00+07:00", "place": "Aula"}).status_code == 400
    assert post(dinsos, "/meetings", {"unit": "tikor-35-06", "scheduled_for": "2026-12-10T09:00:00+07:00",
                                      "place": "Aula"}).status_code == 403
    makassar = api_as(officer("tikor-73-71", Role.ADMINISTRATOR))
    assert makassar.get(f"/api/v1/meetings/{meeting['id']}").status_code == 404
    assert makassar.get("/api/v1/meetings").json() == []
    assert post(tikor, "/meetings", {"scheduled_for": "2026-12-10T09:00:00+07:00", "place": " "}).json()["field"] == "place"
