"""The API of issue 11's handling: assignment, a stage done, a PKH extension, R20's answer, and
the R16 routing of a complaint filed about a pendamping."""

from aduan.core.actions import complaint_dispose
from aduan.core.models import Complaint
from aduan.organisation.models import Role
from tests.fixtures.org import api_as, lodge, officer, org  # noqa: F401  (shared fixtures)


def url(complaint, tail: str) -> str:
    return f"/api/v1/complaints/{complaint.tracking_number}/{tail}"


def test_the_head_assigns_over_the_api_and_the_answer_names_the_officer(api_as, officer, lodge, org):
    complaint = complaint_dispose(complaint=lodge(), actor=officer("admin-utama"), to_unit=org["dinsos-35-06"])
    worker = officer("dinsos-35-06", Role.BACK_OFFICE, username="budi")
    head = api_as(officer("dinsos-35-06"))

    response = head.post(url(complaint, "assignment"), {"officer": "budi"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["assigned_to"] == worker.first_name
    unknown = head.post(url(complaint, "assignment"), {"officer": "nobody"}, content_type="application/json")
    assert unknown.status_code == 400 and unknown.json()["field"] == "officer"
    refused = api_as(worker).post(url(complaint, "assignment"), {"officer": None}, content_type="application/json")
    assert refused.status_code == 403


def test_stages_and_extensions_over_the_api(api_as, officer, lodge):
    complaint = lodge(program="pkh", topic="pkh-2")
    client = api_as(officer("admin-utama"))

    done = client.post(url(complaint, "stages/1/done"), content_type="application/json")
    assert done.status_code == 201 and done.json()["stages"][0]["done_at"] is not None
    before = Complaint.objects.get(pk=complaint.pk).due_at
    extended = client.post(url(complaint, "extensions"), {"extension": "penyedia_layanan", "reason": "Kantor pos."},
                           content_type="application/json")
    assert extended.status_code == 201
    assert Complaint.objects.get(pk=complaint.pk).due_at > before
    again = client.post(url(complaint, "extensions"), {"extension": "penyedia_layanan", "reason": "Lagi."},
                        content_type="application/json")
    assert again.status_code == 400


def test_the_district_answers_the_announcement_over_the_api(api_as, officer, lodge):
    complaint = lodge()
    assert api_as(officer("admin-utama")).get(url(complaint, "")[:-1]).json()["announced_to"] == "Dinas Sosial Kabupaten Kediri"
    client = api_as(officer("dinsos-35-06", Role.FRONT_OFFICE))
    answer = client.post(url(complaint, "announcement-answer"), {"answer": "tidak_diterima"},
                         content_type="application/json")
    assert answer.status_code == 201 and answer.json()["district_answer"] == "tidak_diterima"


def test_a_complaint_filed_about_a_pendamping_goes_to_the_districts_uppkh(api_as, officer):
    client = api_as(officer("dinsos-35-06", Role.FRONT_OFFICE))
    response = client.post("/api/v1/complaints", {
        "program": "pkh", "channel": "telepon", "text": "Pendamping meminta potongan bantuan.",
        "location_code": "35.06.10.2005", "pendamping": "tentang",
    }, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["pendamping"] == "tentang" and body["handling_unit"] == "UPPKH Kabupaten Kediri"


def test_the_desk_answers_on_the_spot_or_refers_over_the_api(api_as, officer, lodge):
    desk_officer = officer("dinsos-35-06", Role.FRONT_OFFICE)
    desk = api_as(desk_officer)
    simple = lodge(channel="telepon", receiving_unit="dinsos-35-06", actor=desk_officer)
    answered = desk.post(url(simple, "desk-answer"), {"answer": "Jadwal penyaluran: Senin depan."},
                         content_type="application/json")
    assert answered.status_code == 201 and answered.json()["status"] == "selesai"
    again = desk.post(url(simple, "desk-answer"), {"answer": "Lagi."}, content_type="application/json")
    assert again.status_code == 409
    by_sms = lodge(receiving_unit="dinsos-35-06", actor=desk_officer)
    not_here = desk.post(url(by_sms, "desk-answer"), {"answer": "Sudah dijelaskan."}, content_type="application/json")
    assert not_here.status_code == 409 and "tatap muka" in not_here.json()["message"]

    complex_case = lodge(channel="tatap_muka", receiving_unit="dinsos-35-06", actor=desk_officer)
    sub = officer("dinsos-35-06", Role.SUB_KOORDINATOR, username="rina")
    referred = desk.post(url(complex_case, "referral"), {"officer": "rina", "note": "Dua KKS atas satu NIK."},
                         content_type="application/json")
    assert referred.status_code == 201 and referred.json()["assigned_to"] == sub.first_name
    no_note = desk.post(url(complex_case, "referral"), {"officer": "rina", "note": " "}, content_type="application/json")
    assert no_note.status_code == 400 and no_note.json()["field"] == "note"
