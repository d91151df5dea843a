"""SPEC R24 over the API: open a case (typed or from a complaint), tick requirements, record a
contact, and close it only with the aid received; others see it masked or not at all."""

from aduan.organisation.models import Role
from tests.fixtures.org import PURWODADI, api_as, lodge, officer, org  # noqa: F401  (shared fixtures)

CASE = {"program": "bpnt", "problem": "BPNT belum diterima sejak Agustus.",
        "family": {"name": "Sumiati", "nik": "3506104501800001", "kks_number": "6013010012345678",
                   "location_code": PURWODADI}}


def post(client, path, body):
    return client.post(f"/api/v1{path}", body, content_type="application/json")


def test_a_case_is_worked_over_the_api_until_the_aid_is_received(api_as, officer):
    desk = api_as(officer("dinsos-35-06", Role.FRONT_OFFICE))
    opened = post(desk, "/monitoring", CASE)
    assert opened.status_code == 201, opened.content
    case = opened.json()
    assert case["status"] == "terbuka" and case["unit"] == "dinsos-35-06" and case["family"]["nik"] == "3506104501800001"
    number = case["number"]

    ticked = post(desk, f"/monitoring/{number}/requirements", {"ktp": True, "sp2d": True})
    assert ticked.json()["requirements"] == {"ktp": True, "kk": False, "dtks": False, "sp2d": True, "akun_ibu": False,
                                             "kks": False}
    contact = post(desk, f"/monitoring/{number}/contacts", {"kind": "telepon", "note": "Saldo belum masuk."})
    assert contact.status_code == 201 and contact.json()["contacts"][0]["note"] == "Saldo belum masuk."
    assert post(desk, f"/monitoring/{number}/contacts", {"kind": "telepon", "note": " "}).json()["field"] == "note"

    no_amount = post(desk, f"/monitoring/{number}/received", {"on": "2026-11-30", "channel": "bank"})
    assert no_amount.status_code == 422
    received = post(desk, f"/monitoring/{number}/received", {"on": "2026-11-30", "amount": 200000, "channel": "bank"})
    assert received.status_code == 200 and received.json()["status"] == "bantuan_diterima"
    assert received.json()["received"]["amount"] == 200000
    again = post(desk, f"/monitoring/{number}/contacts", {"kind": "telepon", "note": "Lagi."})
    assert again.status_code == 409

    listed = desk.get("/api/v1/monitoring?status=bantuan_diterima").json()
    assert [c["number"] for c in listed] == [number]
    assert desk.get("/api/v1/monitoring").json() == []


def test_a_complaint_becomes_a_case_once(api_as, officer, lodge):
    desk_officer = officer("dinsos-35-06", Role.FRONT_OFFICE)
    desk = api_as(desk_officer)
    complaint = lodge(receiving_unit="dinsos-35-06", actor=desk_officer)
    first = post(desk, f"/complaints/{complaint.tracking_number}/monitoring", {})
    assert first.status_code == 201 and first.json()["complaint"] == complaint.tracking_number
    assert first.json()["family"]["name"] == "Siti Aminah"
    second = post(desk, f"/complaints/{complaint.tracking_number}/monitoring", {})
    assert second.status_code == 409 and first.json()["number"] in second.json()["message"]


def test_who_may_open_and_who_sees_the_family(api_as, officer):
    bank = api_as(officer("bri", Role.ADMINISTRATOR))
    assert post(bank, "/monitoring", CASE).status_code == 400  # no Dinas Sosial of its own to name
    assert post(bank, "/monitoring", CASE | {"unit": "bri"}).status_code == 403
    number = post(api_as(officer("dinsos-35-06", Role.FRONT_OFFICE)), "/monitoring", CASE).json()["number"]
    supervisor = api_as(officer("dinsos-35-06", Role.SUPERVISOR)).get(f"/api/v1/monitoring/{number}").json()
    assert supervisor["family"]["masked"] and supervisor["family"]["nik"] == "************0001"
    assert api_as(officer("dinsos-35-71", Role.ADMINISTRATOR)).get(f"/api/v1/monitoring/{number}").status_code == 404
    bad = post(api_as(officer("dinsos-35-06", Role.FRONT_OFFICE)), "/monitoring",
               CASE | {"family": CASE["family"] | {"nik": "1234"}})
    assert bad.status_code == 400 and bad.json()["field"] == "nik"
