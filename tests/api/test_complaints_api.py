"""POST and GET /api/v1/complaints: the minimal API of the foundation."""

import pytest

from aduan.accounts.models import ApiToken
from aduan.api.schemas import ComplaintOut
from aduan.core.models import Complaint


@pytest.fixture
def officer_client(client, kediri_officer):
    _, raw = ApiToken.issue(kediri_officer, "test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def post(client, payload):
    return client.post("/api/v1/complaints", payload, content_type="application/json")


PAYLOAD = {
    "program": "bpnt", "channel": "tatap_muka", "text": "Kartu KKS hilang saat banjir.",
    "location_code": "35.06.10.2005", "severity": "ringan",
    "reporter": {"name": "Siti Aminah", "nik": "3506104501800001", "phone": "081234567890"},
}


def test_an_officer_files_a_complaint_and_reads_it_back(officer_client):
    created = post(officer_client, PAYLOAD)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "belum" and body["severity"] == "ringan" and body["location_code"] == "35.06.10.2005"
    assert body["receiving_unit"].startswith("Dinas Sosial Kabupaten Kediri")
    assert body["due_at"].endswith("+07:00")  # WIB, the region's zone
    fetched = officer_client.get(f"/api/v1/complaints/{body['tracking_number'].lower()}")
    assert fetched.status_code == 200
    assert [e["kind"] for e in fetched.json()["events"]] == ["received"]


@pytest.mark.parametrize("change", [
    {},
    {"program": "pkh", "topic": "pkh-4"},  # staged deadlines
    {"reporter": PAYLOAD["reporter"] | {"confidential": True}, "external_id": "simpkh-1"},  # a secret, a repeat
], ids=["plain", "pkh-stages", "confidential"])
def test_the_filing_answer_is_the_complaint_as_the_schema_and_get_show_it(officer_client, change):
    """The filing's answer skips ninja's validation (a fast path): it must still be ComplaintOut to
    the letter, and what GET answers for the same complaint."""
    answers = [post(officer_client, PAYLOAD | change)]
    if "external_id" in change:
        answers.append(post(officer_client, PAYLOAD | change))
    for answer in answers:
        body = answer.json()
        assert set(body) == set(ComplaintOut.model_fields)
        ComplaintOut.model_validate(body)
        fetched = officer_client.get(f"/api/v1/complaints/{body['tracking_number']}")
        assert {**body, "access_secret": None} == fetched.json()
        assert answer["Content-Type"] == fetched["Content-Type"] == "application/json; charset=utf-8"
    assert [a.status_code for a in answers] == [201, 200][:len(answers)]


def test_received_at_lets_an_officer_digitise_a_letter_that_came_earlier(officer_client):
    body = post(officer_client, PAYLOAD | {"channel": "surat", "received_at": "2026-11-02T09:00:00+07:00"}).json()
    assert body["received_at"].startswith("2026-11-02T09:00:00")
    assert body["due_at"].startswith("2026-11-11T23:59:59")  # 7 working days after Monday 2 November


def test_a_makassar_complaint_shows_its_times_in_wita(officer_client):
    body = post(officer_client, PAYLOAD | {"location_code": "73.71.01.1001"}).json()
    assert body["due_at"].endswith("+08:00") and body["time_zone"] == "Asia/Makassar"


def test_a_repeated_external_id_returns_the_first_complaint(officer_client):
    first = post(officer_client, PAYLOAD | {"external_id": "simpkh-778"})
    again = post(officer_client, PAYLOAD | {"external_id": "simpkh-778"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["tracking_number"] == again.json()["tracking_number"]
    assert Complaint.objects.count() == 1


@pytest.mark.parametrize(
    "change, status, field",
    [
        ({"program": "blt"}, 400, "program"),
        ({"location_code": "99.99.99"}, 400, "location_code"),
        ({"channel": "merpati"}, 422, "channel"),
        ({"text": ""}, 422, "text"),
        ({"reporter": {"nik": "12"}}, 400, "reporter.nik"),
    ],
)
def test_bad_input_gets_a_4xx_that_names_the_field(officer_client, change, status, field):
    response = post(officer_client, PAYLOAD | change)
    assert response.status_code == status, response.content
    body = response.json()
    assert body["field"] == field and body["message"]


def test_without_a_token_the_api_answers_401_in_indonesian(client, world):
    response = post(client, PAYLOAD)
    assert response.status_code == 401
    assert "Token tidak valid" in response.json()["message"]


def test_an_unknown_tracking_number_is_404(officer_client):
    assert officer_client.get("/api/v1/complaints/ABCDE-FGHJK").status_code == 404


def test_the_openapi_document_is_served(client, world):
    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/complaints" in document["paths"]


def test_a_deadline_in_a_year_without_decreed_cuti_bersama_is_flagged(officer_client, monkeypatch):
    from aduan.core.deadlines.holiday_source import year_is_confirmed

    body = post(officer_client, PAYLOAD).json()
    assert body["due_is_provisional"] is (not year_is_confirmed(int(body["due_at"][:4])))
    monkeypatch.setattr("aduan.core.due_dates.year_is_confirmed", lambda year: False)
    fetched = officer_client.get(f"/api/v1/complaints/{body['tracking_number']}").json()
    assert fetched["due_is_provisional"] is True
