"""The registry check at intake (SPEC R21): the reporter's NIK, KKS or KK number is looked up when a
complaint is filed, and what was found — program, since when, status, bank, with the period of the
file — or "tidak ditemukan" is kept with the complaint; officers of the region read it on the
complaint page and through the API (each read recorded) and link the reporter to the record."""

import pytest
from django.utils import timezone

from aduan.core.enums import EventKind
from aduan.core.intake import Reporter
from aduan.organisation.models import Role
from aduan.registry.models import Lookup, Match, Record
from tests.fixtures.org import PURWODADI, api_as, lodge, officer, org  # noqa: F401  (shared fixtures)

SITI = "3506104501800001"
KKS = "3235386475739456"


@pytest.fixture
def registry(org):
    return Record.objects.create(source="dtks", period="2026-10", nik=SITI, no_kk="3506100101080001", name="Siti Aminah",
                                 region_code=PURWODADI, program="bpnt", status="aktif", kks=KKS, bank="BRI",
                                 since="2019-03", updated_at=timezone.now())


def test_a_complaint_keeps_what_the_registry_said_of_its_reporter(registry, lodge):
    complaint = lodge(reporter=Reporter(name="Siti", phone="+6281234567890", nik=SITI, kks=KKS))
    match = Match.objects.get(complaint=complaint)  # found by NIK, and not again by the same record's KKS
    assert (match.by, match.source, match.period, match.program, match.status, match.bank, match.since) == (
        "nik", "dtks", "2026-10", "bpnt", "aktif", "BRI", "2019-03")
    registry.status, registry.period = "nonaktif", "2026-12"
    registry.save()
    match.refresh_from_db()
    assert (match.status, match.period) == ("aktif", "2026-10")  # as it stood when checked

    stranger = lodge(reporter=Reporter(name="Budi", nik="3506104501800002"))
    assert [(m.by, m.found) for m in stranger.registry_matches.all()] == [("nik", False)]
    assert not lodge(reporter=Reporter(anonymous=True)).registry_matches.exists()


def test_the_api_answers_the_match_on_filing_and_an_officer_links_the_reporter(registry, api_as, officer):
    desk = api_as(officer("dinsos-35-06", Role.FRONT_OFFICE))
    filed = desk.post("/api/v1/complaints", {
        "channel": "tatap_muka", "program": "bpnt", "text": "Saldo KKS kosong dua bulan.", "location_code": PURWODADI,
        "reporter": {"name": "Siti Aminah", "kks": KKS}}, content_type="application/json")
    assert filed.status_code == 201
    (match,) = filed.json()["registry"]
    assert (match["by"], match["found"], match["program"], match["bank"], match["period"], match["since"]) == (
        "kks", True, "bpnt", "BRI", "2026-10", "2019-03")
    number = filed.json()["tracking_number"]
    linked = desk.post(f"/api/v1/complaints/{number}/registry/{match['id']}/link")
    assert linked.status_code == 200 and linked.json()["linked_at"]
    assert desk.post(f"/api/v1/complaints/{number}/registry/{match['id']}/link").status_code == 409
    shown = desk.get(f"/api/v1/complaints/{number}").json()
    assert shown["registry"][0]["linked_at"] and EventKind.REGISTRY_LINKED in [e["kind"] for e in shown["events"]]
    assert Lookup.objects.filter(where="api", records=[registry.pk]).count() == 2  # filing's answer, the GET


def test_an_implausible_nik_is_refused_where_it_can_be_corrected(org, api_as, officer):
    desk = api_as(officer("dinsos-35-06", Role.FRONT_OFFICE))
    payload = {"channel": "tatap_muka", "program": "bpnt", "text": "Saldo kosong.", "location_code": PURWODADI,
               "reporter": {"name": "Siti", "nik": "3506101234567890"}}  # month 34
    refused = desk.post("/api/v1/complaints", payload, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["field"] == "reporter.nik" and "tanggal lahir" in refused.json()["message"]
    payload["reporter"]["nik"] = "9906104501800001"  # no province 99
    assert "kode provinsi 99" in desk.post("/api/v1/complaints", payload, content_type="application/json").json()["message"]
