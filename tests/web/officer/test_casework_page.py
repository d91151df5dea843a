"""The "Penanganan kasus" panel: investigation, PKH steps, master-data requests and their decision,
with the action forms' conventions (PRG, 400 keeping what was typed, 403 by role)."""

import pytest
from django.contrib.auth import get_user_model

from aduan.casework.actions import master_data_change_request
from aduan.casework.checklists import CHECKLISTS
from aduan.casework.models import ChangeStatus, InvestigationEntry, MasterDataChangeRequest
from aduan.core.actions import complaint_dispose
from aduan.organisation.models import Membership, Role

pytestmark = pytest.mark.django_db


def page_of(complaint) -> str:
    return f"/petugas/aduan/{complaint.tracking_number}/"


def casework(complaint, slug: str) -> str:
    return f"{page_of(complaint)}kasus/{slug}/"


@pytest.fixture
def member(world):
    def make(username, unit_code, role):
        user = get_user_model().objects.create_user(username, first_name=username.title())
        Membership.objects.create(user=user, unit=world[unit_code], role=role)
        return user

    return make


@pytest.fixture
def uppkh(member):
    return member("uppkh", "uppkh-35-06", Role.BACK_OFFICE)


@pytest.fixture
def pejabat_pusat(member):
    return member("pejabat", "uppkh-pusat", Role.PEJABAT_PENGELOLA)


@pytest.fixture
def pkh(people, world, file_complaint):
    """A PKH data complaint held by UPPKH Kediri, with the steps of its type."""
    complaint = file_complaint(program="pkh", topic="pkh-1", text="Nama ibu salah ketik di data PKH.")
    return complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["uppkh-35-06"])


@pytest.fixture
def change(pkh, uppkh):
    return master_data_change_request(complaint=pkh, actor=uppkh, field_name="Nama ibu", current_value="Siti Amina",
                                      proposed_value="Siti Aminah", reason="Sesuai akta kelahiran.")


def test_the_panel_shows_the_steps_and_the_forms_to_the_handling_unit(sign_in, uppkh, pkh):
    response = sign_in(uppkh).get(page_of(pkh))
    body = response.content.decode()
    assert response.status_code == 200 and "Penanganan kasus" in body
    assert all(text in body for text in CHECKLISTS["pkh-1"])
    assert casework(pkh, "investigasi") in body and casework(pkh, "usul-data-induk") in body
    assert body.count(casework(pkh, "langkah")) == len(CHECKLISTS["pkh-1"])


def test_a_supervisor_sees_the_panel_without_forms_and_is_refused_a_post(sign_in, people, pkh):
    client = sign_in(people["pengawas"])
    body = client.get(page_of(pkh)).content.decode()
    assert "Penanganan kasus" in body and "kasus/investigasi/" not in body and "kasus/langkah/" not in body
    refused = client.post(casework(pkh, "investigasi"), {"investigasi-kind": "catatan", "investigasi-text": "x"})
    assert refused.status_code == 403
    assert not InvestigationEntry.objects.exists()


def test_an_investigation_entry_is_recorded_and_shown(sign_in, uppkh, pkh):
    client = sign_in(uppkh)
    response = client.post(casework(pkh, "investigasi"), {
        "investigasi-kind": "wawancara", "investigasi-source": "pelapor",
        "investigasi-with_whom": "Ibu Siti Aminah", "investigasi-text": "Nama di akta: Siti Aminah."})
    assert response.status_code == 302 and response["Location"] == page_of(pkh)
    body = client.get(page_of(pkh)).content.decode()
    assert "Catatan investigasi tersimpan." in body and "Nama di akta: Siti Aminah." in body


def test_an_empty_entry_is_refused_next_to_the_field_keeping_what_was_typed(sign_in, uppkh, pkh):
    response = sign_in(uppkh).post(casework(pkh, "investigasi"), {
        "investigasi-kind": "wawancara", "investigasi-with_whom": "Kepala Desa Purwodadi", "investigasi-text": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="id_investigasi-text_error">Wajib diisi.' in body
    assert 'value="Kepala Desa Purwodadi"' in body
    assert not InvestigationEntry.objects.exists()


def test_a_step_is_ticked_and_unticked(sign_in, uppkh, pkh):
    client = sign_in(uppkh)
    done = client.post(casework(pkh, "langkah"), {"langkah-order": "2", "langkah-done": "1",
                                                  "langkah-note": "Dikirim lewat SIKS-NG."})
    assert done.status_code == 302
    step = pkh.checklist.get(order=2)
    assert step.done_at is not None and step.done_by == uppkh
    assert "Langkah 2 ditandai selesai." in client.get(page_of(pkh)).content.decode()

    again = client.post(casework(pkh, "langkah"), {"langkah-order": "2", "langkah-done": "1", "langkah-note": "dobel"})
    assert again.status_code == 400 and "Langkah ini sudah ditandai selesai." in again.content.decode()

    undone = client.post(casework(pkh, "langkah"), {"langkah-order": "2", "langkah-done": "0"})
    assert undone.status_code == 302
    step.refresh_from_db()
    assert step.done_at is None


def test_an_unknown_step_is_a_400_with_the_reason(sign_in, uppkh, pkh):
    response = sign_in(uppkh).post(casework(pkh, "langkah"), {"langkah-order": "42", "langkah-done": "1"})
    assert response.status_code == 400 and "Langkah 42 tidak ada" in response.content.decode()


def test_a_master_data_change_is_requested_keeping_input_on_error(sign_in, uppkh, pkh):
    client = sign_in(uppkh)
    bad = client.post(casework(pkh, "usul-data-induk"), {
        "usul-data-induk-field_name": "Nama ibu", "usul-data-induk-proposed_value": "",
        "usul-data-induk-reason": "Sesuai akta."})
    assert bad.status_code == 400 and 'value="Nama ibu"' in bad.content.decode()
    good = client.post(casework(pkh, "usul-data-induk"), {
        "usul-data-induk-field_name": "Nama ibu", "usul-data-induk-proposed_value": "Siti Aminah",
        "usul-data-induk-reason": "Sesuai akta.", "usul-data-induk-beneficiary_nik": "3506104501800001"})
    assert good.status_code == 302
    assert MasterDataChangeRequest.objects.get().status == ChangeStatus.PENDING


def test_the_decision_form_is_only_for_uppkh_pusats_pejabat_pengelola(sign_in, uppkh, people, member, change,
                                                                       pejabat_pusat, world):
    decide = {"putusan-data-induk-request_id": change.pk, "putusan-data-induk-decision": "setujui"}
    # The handling unit and a Pejabat Pengelola elsewhere see the request but not the form, and are refused.
    kediri_pejabat = member("pejabat_kediri", "uppkh-35-06", Role.PEJABAT_PENGELOLA)
    for user in [uppkh, kediri_pejabat, people["admin"]]:
        client = sign_in(user)
        body = client.get(page_of(change.complaint)).content.decode()
        assert "Nama ibu" in body and "kasus/putusan-data-induk/" not in body
        assert client.post(casework(change.complaint, "putusan-data-induk"), decide).status_code == 403
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING

    # UPPKH Pusat decides once the complaint is with it.
    complaint_dispose(complaint=change.complaint, actor=people["admin"], to_unit=world["uppkh-pusat"])
    client = sign_in(pejabat_pusat)
    assert "kasus/putusan-data-induk/" in client.get(page_of(change.complaint)).content.decode()
    response = client.post(casework(change.complaint, "putusan-data-induk"),
                           {**decide, "putusan-data-induk-note": "Berlaku pada pembayaran berikutnya."})
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.status == ChangeStatus.APPROVED and change.decided_by == pejabat_pusat
    again = client.post(casework(change.complaint, "putusan-data-induk"), decide)
    assert again.status_code == 400 and "sudah diputuskan" in again.content.decode()


def test_a_decision_without_a_choice_is_a_400(sign_in, people, world, change, pejabat_pusat):
    complaint_dispose(complaint=change.complaint, actor=people["admin"], to_unit=world["uppkh-pusat"])
    response = sign_in(pejabat_pusat).post(casework(change.complaint, "putusan-data-induk"), {
        "putusan-data-induk-request_id": change.pk, "putusan-data-induk-note": "Nanti dulu"})
    assert response.status_code == 400 and "Nanti dulu</textarea>" in response.content.decode()


def test_a_superuser_may_not_decide_either(sign_in, change):
    boss = get_user_model().objects.create_superuser("root", password=None)
    response = sign_in(boss).post(casework(change.complaint, "putusan-data-induk"), {
        "putusan-data-induk-request_id": change.pk, "putusan-data-induk-decision": "setujui"})
    assert response.status_code == 403
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


def test_an_unknown_casework_form_is_404(sign_in, uppkh, pkh):
    assert sign_in(uppkh).post(casework(pkh, "entah")).status_code == 404
