"""/api/v1 case file (SPEC R17–R19): investigation, PKH steps, the payment recommendation, and
master-data changes approved only by UPPKH Pusat's Pejabat Pengelola."""

import pytest

from aduan.casework.actions import ALREADY_DECIDED, ONLY_UPPKH_PUSAT, STEP_ALREADY_DONE
from aduan.casework.checklists import CHECKLISTS
from aduan.casework.models import ChangeStatus, MasterDataChangeRequest
from aduan.core.access import Ability
from aduan.core.access.abilities import REFUSALS
from aduan.core.actions import complaint_dispose
from aduan.core.enums import EventKind
from aduan.core.intake import Reporter
from aduan.organisation.models import Role
from tests.fixtures.org import SAMBI


@pytest.fixture
def pkh(lodge, officer, org):
    """A PKH complaint disposed to UPPKH Kabupaten Kediri (which gives it its steps)."""

    def make(topic="pkh-1", **overrides):
        complaint = lodge(program="pkh", topic=topic, text="Nama ibu salah ketik di data PKH.", **overrides)
        return complaint_dispose(complaint=complaint, actor=officer("admin-utama"), to_unit=org["uppkh-35-06"])

    return make


@pytest.fixture
def handler(officer):
    return officer("uppkh-35-06", Role.BACK_OFFICE)


@pytest.fixture
def pejabat_pusat(officer):
    return officer("uppkh-pusat", Role.PEJABAT_PENGELOLA)


def url(complaint, what):
    return f"/api/v1/complaints/{complaint.tracking_number}/{what}"


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


CHANGE = {"field_name": "Nama ibu", "current_value": "Siti Amina", "proposed_value": "Siti Aminah",
          "reason": "Sesuai akta kelahiran.", "beneficiary_nik": "3506104501800001"}


# --- Investigation ----------------------------------------------------------------------------------

def test_the_handling_unit_records_an_interview_and_reads_it_back(api_as, handler, pkh):
    complaint, client = pkh(), api_as(handler)
    response = post(client, url(complaint, "investigation"), {
        "kind": "wawancara", "source": "pelapor", "with_whom": "Ibu Siti Aminah", "text": "Nama di akta: Siti Aminah."})
    assert response.status_code == 201, response.content
    assert response.json()["kind_label"] == "Wawancara" and response.json()["author"] == handler.username
    listed = client.get(url(complaint, "investigation")).json()
    assert [(e["with_whom"], e["source"]) for e in listed] == [("Ibu Siti Aminah", "pelapor")]
    assert complaint.events.filter(kind=EventKind.NOTE, data__casework="investigation").count() == 1


def test_an_empty_entry_is_a_400_on_the_field_and_an_unknown_kind_a_422(api_as, handler, pkh):
    complaint, client = pkh(), api_as(handler)
    empty = post(client, url(complaint, "investigation"), {"kind": "bukti", "text": "  "})
    assert empty.status_code == 400 and empty.json()["field"] == "text"
    unknown = post(client, url(complaint, "investigation"), {"kind": "gosip", "text": "x"})
    assert unknown.status_code == 422 and unknown.json()["field"] == "kind"


def test_a_supervisor_reads_the_case_file_but_may_not_write_it(api_as, officer, pkh):
    complaint = pkh()
    supervisor = api_as(officer("dinsos-35", Role.SUPERVISOR))
    refused = post(supervisor, url(complaint, "investigation"), {"kind": "catatan", "text": "Saya ikut menulis."})
    assert refused.status_code == 403
    assert (refused.json()["code"], refused.json()["message"]) == ("forbidden", REFUSALS[Ability.FOLLOW_UP])


def test_a_unit_that_cannot_see_the_complaint_gets_404(api_as, officer, pkh):
    complaint, stranger = pkh(), api_as(officer("dinsos-73-71"))
    assert stranger.get(url(complaint, "investigation")).status_code == 404
    assert post(stranger, url(complaint, "investigation"), {"kind": "catatan", "text": "x"}).status_code == 404
    assert stranger.get(url(complaint, "checklist")).status_code == 404


def test_writing_needs_the_handling_scope(api_as, handler, pkh):
    complaint = pkh()
    reader = api_as(handler, scopes=["complaints:read"])
    assert reader.get(url(complaint, "investigation")).status_code == 200
    refused = post(reader, url(complaint, "investigation"), {"kind": "catatan", "text": "x"})
    assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"
    refused = post(reader, url(complaint, "checklist/1"), {"done": True})
    assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"


# --- Checklist --------------------------------------------------------------------------------------

def test_a_step_is_marked_done_then_taken_back(api_as, handler, pkh):
    complaint, client = pkh("pkh-1"), api_as(handler)
    steps = client.get(url(complaint, "checklist")).json()
    assert [s["text"] for s in steps] == list(CHECKLISTS["pkh-1"]) and not any(s["done"] for s in steps)

    done = post(client, url(complaint, "checklist/2"), {"done": True, "note": "Dikirim lewat SIKS-NG."})
    assert done.status_code == 200, done.content
    assert done.json()["done"] and done.json()["done_by"] == handler.username
    again = post(client, url(complaint, "checklist/2"), {"done": True})
    assert again.status_code == 409 and again.json()["message"] == STEP_ALREADY_DONE

    undone = post(client, url(complaint, "checklist/2"), {"done": False, "note": "Salah centang."})
    assert undone.status_code == 200 and not undone.json()["done"] and undone.json()["note"] == "Salah centang."
    assert post(client, url(complaint, "checklist/2"), {"done": False}).status_code == 409


def test_an_unknown_step_is_a_400_and_another_unit_may_not_tick(api_as, handler, officer, pkh):
    complaint = pkh("pkh-1")
    unknown = post(api_as(handler), url(complaint, "checklist/99"), {"done": True})
    assert unknown.status_code == 400 and unknown.json()["field"] == "order"
    province = api_as(officer("dinsos-35", Role.SUPERVISOR))
    assert post(province, url(complaint, "checklist/1"), {"done": True}).status_code == 403


# --- The payment recommendation ---------------------------------------------------------------------

def test_two_payment_complaints_in_one_kecamatan_make_a_recommendation(api_as, officer, lodge):
    first = lodge(program="pkh", topic="pkh-4", text="Pembayaran di kantor pos terlambat.")
    second = lodge(program="pkh", topic="pkh-4", region_code=SAMBI, text="Antrean di kantor pos.",
                   reporter=Reporter(name="Suparmi", nik="3506104501800002"))
    body = api_as(officer("admin-utama")).get(url(second, "recommendations")).json()
    assert body["people"] == 2 and "PT Pos" in body["recommendation"]
    assert [c["tracking_number"] for c in body["related"]] == [first.tracking_number]


def test_no_recommendation_for_a_single_complaint(api_as, officer, lodge):
    complaint = lodge(program="pkh", topic="pkh-4")
    body = api_as(officer("admin-utama")).get(url(complaint, "recommendations")).json()
    assert body == {"recommendation": None, "people": None, "related": []}


def test_related_complaints_the_caller_cannot_see_are_not_listed(api_as, officer, lodge, org):
    lodge(program="pkh", topic="pkh-4", receiving_unit="dinsos-73-71")  # Kediri cannot see Makassar's intake
    mine = lodge(program="pkh", topic="pkh-4", receiving_unit="dinsos-35-06",
                 reporter=Reporter(name="Suparmi", nik="3506104501800002"))
    body = api_as(officer("dinsos-35-06")).get(url(mine, "recommendations")).json()
    assert body["people"] == 2 and body["related"] == []


# --- Master data (SPEC R19) -------------------------------------------------------------------------

def test_only_uppkh_pusats_pejabat_pengelola_approves_a_master_data_change(api_as, handler, officer, pejabat_pusat,
                                                                          pkh):
    complaint = pkh("pkh-1")
    created = post(api_as(handler), url(complaint, "master-data-requests"), CHANGE)
    assert created.status_code == 201, created.content
    change_id = created.json()["id"]
    assert created.json()["status"] == ChangeStatus.PENDING
    approval = f"/api/v1/master-data-requests/{change_id}/approval"

    for who in [handler, officer("admin-utama", Role.PEJABAT_PENGELOLA), officer("uppkh-35-06", Role.PEJABAT_PENGELOLA)]:
        refused = post(api_as(who), approval, {"approve": True})
        assert refused.status_code == 403, who.username
        assert refused.json()["message"] == ONLY_UPPKH_PUSAT
    # UPPKH Pusat's administrator does not even see a complaint held in Kediri.
    assert post(api_as(officer("uppkh-pusat", Role.ADMINISTRATOR)), approval, {"approve": True}).status_code == 404
    assert MasterDataChangeRequest.objects.get(pk=change_id).status == ChangeStatus.PENDING

    pusat = api_as(pejabat_pusat)
    assert [r["id"] for r in pusat.get("/api/v1/master-data-requests").json()] == [change_id]
    approved = post(pusat, approval, {"approve": True, "note": "Berlaku pada pembayaran berikutnya."})
    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == ChangeStatus.APPROVED and approved.json()["decided_by"] == pejabat_pusat.username
    again = post(pusat, approval, {"approve": False})
    assert again.status_code == 409 and again.json()["message"] == ALREADY_DECIDED
    listed = api_as(handler).get(url(complaint, "master-data-requests")).json()
    assert [r["status"] for r in listed] == [ChangeStatus.APPROVED]


def test_a_rejection_is_recorded(api_as, handler, pejabat_pusat, pkh):
    change_id = post(api_as(handler), url(pkh(), "master-data-requests"), CHANGE).json()["id"]
    rejected = post(api_as(pejabat_pusat), f"/api/v1/master-data-requests/{change_id}/approval",
                    {"approve": False, "note": "Bukti kurang."})
    assert rejected.status_code == 200 and rejected.json()["status"] == ChangeStatus.REJECTED


def test_requesting_a_change_needs_the_handling_role_and_the_fields(api_as, handler, officer, pkh):
    complaint = pkh()
    supervisor = api_as(officer("dinsos-35", Role.SUPERVISOR))
    assert post(supervisor, url(complaint, "master-data-requests"), CHANGE).status_code == 403
    empty = post(api_as(handler), url(complaint, "master-data-requests"), {**CHANGE, "proposed_value": " "})
    assert empty.status_code == 400 and empty.json()["field"] == "field_name"
    bad_nik = post(api_as(handler), url(complaint, "master-data-requests"), {**CHANGE, "beneficiary_nik": "123"})
    assert bad_nik.status_code == 422
    assert not MasterDataChangeRequest.objects.exists()


def test_a_request_out_of_sight_is_404_and_approval_needs_the_scope(api_as, handler, officer, pejabat_pusat, pkh):
    change_id = post(api_as(handler), url(pkh(), "master-data-requests"), CHANGE).json()["id"]
    approval = f"/api/v1/master-data-requests/{change_id}/approval"
    assert post(api_as(officer("dinsos-73-71")), approval, {"approve": True}).status_code == 404
    assert post(api_as(pejabat_pusat), "/api/v1/master-data-requests/999999/approval", {"approve": True}).status_code == 404
    reader = api_as(pejabat_pusat, scopes=["complaints:read"])
    refused = post(reader, approval, {"approve": True})
    assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"


def test_the_nik_is_masked_for_those_who_may_not_see_a_confidential_identity(api_as, handler, officer, lodge, org):
    complaint = complaint_dispose(complaint=lodge(program="pkh", topic="pkh-1", reporter=Reporter(
        name="Siti Aminah", phone="+6281234567890", nik="3506104501800001", confidential=True)),
                                  actor=officer("admin-utama"), to_unit=org["uppkh-35-06"])
    post(api_as(handler), url(complaint, "master-data-requests"), CHANGE)
    seen = api_as(officer("dinsos-35", Role.SUPERVISOR)).get(url(complaint, "master-data-requests")).json()
    assert seen[0]["beneficiary_nik"] == "************0001"
    assert api_as(handler).get(url(complaint, "master-data-requests")).json()[0]["beneficiary_nik"] == CHANGE[
        "beneficiary_nik"]

