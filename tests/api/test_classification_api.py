"""POST /api/v1/complaints/{nr}/classification: program, type, topic, severity and place after intake."""

from datetime import datetime

import pytest

from aduan.core.access import Ability
from aduan.core.access.abilities import REFUSALS
from aduan.core.due_dates import due_for
from aduan.core.enums import EventKind
from aduan.core.models import Complaint
from aduan.organisation.models import Role
from tests.fixtures.org import MAKASSAR, PURWODADI


def classify(client, complaint, body):
    return client.post(f"/api/v1/complaints/{complaint.tracking_number}/classification", body,
                       content_type="application/json")


@pytest.fixture
def desk(api_as, officer):
    return api_as(officer("dinsos-35-06", Role.FRONT_OFFICE))


@pytest.fixture
def sms(lodge):
    return lodge(receiving_unit="dinsos-35-06", category_type=None, topic=None, region_code=None,
                 location_text="purwodadi ringinrejo kdr", location_needs_review=True)


def test_a_flagged_sms_is_classified_and_placed_in_one_call(desk, sms):
    response = classify(desk, sms, {"category_type": "keluhan", "topic": "bpnt-3", "severity": "berat",
                                    "location_code": PURWODADI})

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["category_type"], body["topic"], body["severity"]) == ("keluhan", "bpnt-3", "berat")
    assert (body["location_code"], body["location_needs_review"]) == (PURWODADI, False)
    stored = Complaint.objects.get(pk=sms.pk)
    due = due_for(stored.received_at.astimezone(stored.local_zone), stored.policy, "berat").due_at
    assert datetime.fromisoformat(body["due_at"]) == due
    assert [e["kind"] for e in body["events"]] == [EventKind.RECEIVED, EventKind.CLASSIFIED, EventKind.LOCATED]


def test_what_is_left_out_stays_as_it_is(desk, lodge):
    complaint = lodge(receiving_unit="dinsos-35-06")  # keluhan, bpnt-2

    body = classify(desk, complaint, {"severity": "ringan"}).json()

    assert (body["category_type"], body["topic"], body["severity"]) == ("keluhan", "bpnt-2", "ringan")


def test_a_place_in_makassar_answers_in_wita(desk, sms):
    body = classify(desk, sms, {"location_code": MAKASSAR}).json()

    assert body["time_zone"] == "Asia/Makassar" and body["due_at"].endswith("+08:00")


@pytest.mark.parametrize("payload, status, field", [
    ({}, 400, None),
    ({"topic": "bpnt-99"}, 400, "topic"),
    ({"location_code": "99.99.99.9999"}, 400, "location_code"),
    ({"severity": "parah"}, 422, None),
])
def test_bad_input_is_a_4xx_and_changes_nothing(desk, sms, payload, status, field):
    response = classify(desk, sms, payload)

    assert response.status_code == status, response.content
    if field:
        assert response.json()["field"] == field
    assert not sms.events.exclude(kind=EventKind.RECEIVED).exists()


def test_a_bad_place_undoes_the_classification_sent_with_it(desk, sms):
    response = classify(desk, sms, {"topic": "bpnt-3", "location_code": "99.99"})

    assert response.status_code == 400
    assert Complaint.objects.get(pk=sms.pk).topic_id is None


def test_a_supervisor_is_refused_and_a_stranger_does_not_find_it(api_as, officer, sms):
    supervisor = api_as(officer("dinsos-35-06", Role.SUPERVISOR))
    stranger = api_as(officer("dinsos-73-71", Role.FRONT_OFFICE))

    refused = classify(supervisor, sms, {"topic": "bpnt-3"})
    assert refused.status_code == 403
    assert refused.json()["message"] == REFUSALS[Ability.CLASSIFY]
    assert classify(stranger, sms, {"topic": "bpnt-3"}).status_code == 404


# --- POST /api/v1/triage ----------------------------------------------------------------------


def test_triage_answers_the_suggestion_for_a_text(desk):
    response = desk.post("/api/v1/triage", {"text": "kks ke blokir krn salah pin 3x", "program": "bpnt"},
                         content_type="application/json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["program"], body["category_type"], body["topic"], body["authority"]) == ("bpnt", "keluhan", "bpnt-3", "bank")
    assert 0.8 <= body["confidence"] <= 1 and body["confidences"]["topic"] == body["confidence"]


def test_triage_says_null_where_it_is_unsure(desk):
    body = desk.post("/api/v1/triage", {"text": "selamat siang"}, content_type="application/json").json()
    assert (body["topic"], body["category_type"], body["authority"], body["severity"]) == (None, None, None, None)


def test_triage_refuses_an_unknown_program_and_a_blank_text(desk):
    unknown = desk.post("/api/v1/triage", {"text": "saldo kosong", "program": "blt"}, content_type="application/json")
    assert unknown.status_code == 400 and unknown.json()["field"] == "program"
    blank = desk.post("/api/v1/triage", {"text": "   "}, content_type="application/json")
    assert blank.status_code == 400 and blank.json()["field"] == "text"


def test_triage_needs_a_token(client, org):
    assert client.post("/api/v1/triage", {"text": "saldo kosong"}, content_type="application/json").status_code == 401


# --- duplicates, links, clusters ----------------------------------------------------------------


def test_possible_duplicates_are_listed_and_linked_never_merged(desk, lodge):
    first = lodge(receiving_unit="dinsos-35-06", text="Saldo KKS saya belum masuk sejak bulan Juni.")
    again = lodge(receiving_unit="dinsos-35-06", text="saldo kks sy blm masuk sejak juni")

    listed = desk.get(f"/api/v1/complaints/{again.tracking_number}/duplicates")
    assert listed.status_code == 200, listed.content
    assert [d["tracking_number"] for d in listed.json()] == [first.tracking_number]
    assert listed.json()[0]["score"] >= 60

    linked = desk.post(f"/api/v1/complaints/{again.tracking_number}/links", {"with": first.tracking_number},
                       content_type="application/json")
    assert linked.status_code == 200, linked.content
    assert EventKind.LINKED in [e["kind"] for e in linked.json()["events"]]
    assert desk.get(f"/api/v1/complaints/{again.tracking_number}/duplicates").json() == []
    assert Complaint.objects.filter(pk__in=[first.pk, again.pk], status="belum").count() == 2


def test_clusters_answer_the_callers_hotspots(desk, lodge):
    from aduan.core.intake import Reporter

    for n in (1, 2):
        lodge(receiving_unit="dinsos-35-06", program="pkh", topic="pkh-4",
              reporter=Reporter(name=f"W{n}", nik=f"350610450180000{n}"))
    body = desk.get("/api/v1/clusters?days=30").json()
    assert body["days"] == 30 and body["across_kabupaten"] == []
    [cluster] = body["clusters"]
    assert (cluster["topic"], cluster["area_code"], cluster["people"], cluster["complaints"]) == ("pkh-4", "35.06.10", 2, 2)
    assert "PT Pos" in cluster["recommendation"]
    assert desk.get("/api/v1/clusters?days=900").status_code == 400


def test_a_complaint_filed_without_a_topic_carries_the_suggestion_in_its_answer(desk, lodge):
    sms = lodge(receiving_unit="dinsos-35-06", category_type=None, topic=None, text="kks hilang waktu banjir")
    body = desk.get(f"/api/v1/complaints/{sms.tracking_number}").json()
    assert body["topic"] is None
    assert (body["suggestion"]["topic"], body["suggestion"]["authority"]) == ("bpnt-3", "bank")
    classified = lodge(receiving_unit="dinsos-35-06")  # filed with its topic: nothing suggested
    assert desk.get(f"/api/v1/complaints/{classified.tracking_number}").json()["suggestion"] is None
