"""The case file (SPEC R17–R19): investigation log, the PKH steps, the payment rule, master data."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aduan.casework.actions import (
    ONLY_UPPKH_PUSAT,
    STEP_ALREADY_DONE,
    checklist_step_complete,
    investigation_record,
    master_data_change_decide,
    master_data_change_request,
)
from aduan.casework.checklists import CHECKLISTS
from aduan.casework.models import ChangeStatus, ChecklistStep, EntryKind, Source
from aduan.casework.selectors import payment_cluster, payment_recommendation
from aduan.core import errors
from aduan.core.access import NotAllowed
from aduan.core.actions import complaint_dispose
from aduan.core.enums import EventKind
from aduan.core.intake import Reporter
from aduan.core.models import Complaint
from aduan.organisation.models import Role
from tests.fixtures.org import KANDAT, SAMBI


@pytest.fixture
def pkh(lodge, officer, org):
    def make(topic="pkh-1", **overrides):
        complaint = lodge(program="pkh", topic=topic, text="Nama ibu salah ketik di data PKH.", **overrides)
        return complaint_dispose(complaint=complaint, actor=officer("admin-utama"), to_unit=org["uppkh-35-06"])

    return make


def test_a_pkh_complaint_gets_the_steps_of_its_type_when_disposed(pkh):
    complaint = pkh("pkh-1")
    steps = list(complaint.checklist.values_list("order", "text"))
    assert steps == list(enumerate(CHECKLISTS["pkh-1"], 1))
    assert "paling lama 1 bulan" in steps[2][1]


def test_every_pkh_type_has_steps():
    assert sorted(CHECKLISTS) == [f"pkh-{n}" for n in range(1, 8)]


def test_a_second_disposition_does_not_duplicate_the_steps(pkh, officer, org):
    complaint = pkh("pkh-7")
    complaint_dispose(complaint=complaint, actor=officer("admin-utama"), to_unit=org["uppkh-pusat"])
    assert complaint.checklist.count() == len(CHECKLISTS["pkh-7"])


def test_food_aid_complaints_have_no_pkh_steps(lodge, officer, org):
    complaint = complaint_dispose(complaint=lodge(), actor=officer("admin-utama"), to_unit=org["dinsos-35"])
    assert not ChecklistStep.objects.filter(complaint=complaint).exists()


def test_completing_a_step_is_on_the_timeline_once(pkh, officer):
    complaint, uppkh = pkh("pkh-1"), officer("uppkh-35-06")
    step = checklist_step_complete(complaint=complaint, actor=uppkh, order=2, note="Dikirim lewat SIKS-NG.")
    assert step.done_by == uppkh and step.done_at is not None
    assert complaint.events.filter(kind=EventKind.NOTE, data__casework="checklist").count() == 1
    with pytest.raises(errors.ActionError, match=STEP_ALREADY_DONE):
        checklist_step_complete(complaint=complaint, actor=uppkh, order=2)


def test_an_interview_is_recorded_with_whom_and_a_document(pkh, officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    complaint = pkh("pkh-1")
    document = SimpleUploadedFile("akta-kelahiran.pdf", b"%PDF-1.4 akta", content_type="application/pdf")
    entry = investigation_record(
        complaint=complaint, actor=officer("uppkh-35-06"), kind=EntryKind.INTERVIEW, source=Source.REPORTER,
        with_whom="Ibu Siti Aminah", text="Nama di akta: Siti Aminah, di data: Siti Amina.", file=document,
    )
    assert entry.attachment.complaint == complaint and entry.attachment.original_name == "akta-kelahiran.pdf"
    note = complaint.events.get(kind=EventKind.NOTE)
    assert note.note.startswith("Wawancara dengan Ibu Siti Aminah") and note.public_note == ""


def test_an_investigation_file_goes_through_the_same_checks_as_every_upload(pkh, officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    complaint = pkh("pkh-1")
    disguised = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 an executable", content_type="image/jpeg")
    with pytest.raises(errors.ActionError, match="hanya foto JPEG/PNG atau dokumen PDF"):
        investigation_record(complaint=complaint, actor=officer("uppkh-35-06"), kind=EntryKind.EVIDENCE,
                             text="Foto kartu.", file=disguised)
    assert not complaint.attachments.exists() and not complaint.events.filter(kind=EventKind.NOTE).exists()


def test_case_work_is_refused_once_the_complaint_went_elsewhere(pkh, officer, org):
    complaint = pkh("pkh-1")
    stale = Complaint.objects.get(pk=complaint.pk)  # what the UPPKH officer's page had loaded
    complaint_dispose(complaint=complaint, actor=officer("admin-utama"), to_unit=org["dinsos-35-06"])

    with pytest.raises(NotAllowed):
        investigation_record(complaint=stale, actor=officer("uppkh-35-06"), kind=EntryKind.NOTE, text="Terlambat.")
    with pytest.raises(NotAllowed):
        checklist_step_complete(complaint=stale, actor=officer("uppkh-35-06"), order=1)
    assert not stale.investigation_entries.exists() and not stale.checklist.filter(done_at__isnull=False).exists()


def test_an_empty_investigation_entry_is_refused(pkh, officer):
    with pytest.raises(errors.ActionError):
        investigation_record(complaint=pkh(), actor=officer("uppkh-35-06"), kind=EntryKind.EVIDENCE, text=" ")


# --- SPEC R18: the same payment problem from two people in one kecamatan --------------------------

def test_two_people_in_one_kecamatan_within_30_days_make_a_recommendation(lodge):
    first = lodge(program="pkh", topic="pkh-4", text="Pembayaran di kantor pos terlambat.")
    second = lodge(program="pkh", topic="pkh-4", region_code=SAMBI, text="Antrean di kantor pos.",
                   reporter=Reporter(name="Suparmi", nik="3506104501800002"))
    recommendation = payment_recommendation(second)
    assert recommendation is not None and recommendation.people == 2
    assert [c.pk for c in recommendation.related] == [first.pk]
    assert "Kecamatan Ringinrejo" in recommendation.text and "PT Pos" in recommendation.text


def test_the_same_person_twice_is_not_a_pattern(lodge):
    lodge(program="pkh", topic="pkh-4")
    assert payment_recommendation(lodge(program="pkh", topic="pkh-4")) is None


def test_another_kecamatan_or_an_old_complaint_does_not_count(lodge):
    from django.utils import timezone

    lodge(program="pkh", topic="pkh-4", region_code=KANDAT, reporter=Reporter(name="A", nik="3506104501800003"))
    lodge(program="pkh", topic="pkh-4", received_at=timezone.now() - timedelta(days=45),
          reporter=Reporter(name="B", nik="3506104501800004"))
    lodge(program="pkh", topic="pkh-1", reporter=Reporter(name="C", nik="3506104501800005"))
    complaint = lodge(program="pkh", topic="pkh-4")
    assert list(payment_cluster(complaint)) == [] and payment_recommendation(complaint) is None


# --- SPEC R19: master data changes -----------------------------------------------------------------

@pytest.fixture
def change(pkh, officer):
    return master_data_change_request(
        complaint=pkh("pkh-1"), actor=officer("uppkh-35-06"), field_name="Nama ibu", current_value="Siti Amina",
        proposed_value="Siti Aminah", reason="Sesuai akta kelahiran.", beneficiary_nik="3506104501800001",
    )


def test_the_pejabat_pengelola_of_uppkh_pusat_approves_a_master_data_change(change, officer):
    decided = master_data_change_decide(request=change, actor=officer("uppkh-pusat", Role.PEJABAT_PENGELOLA),
                                        approve=True, note="Berlaku pada pembayaran berikutnya.")
    assert decided.status == ChangeStatus.APPROVED and decided.decided_at is not None
    assert change.complaint.events.filter(data__casework="master_data", data__status="disetujui").exists()


@pytest.mark.parametrize(("unit", "role"), [
    ("uppkh-pusat", Role.ADMINISTRATOR),
    ("uppkh-35-06", Role.PEJABAT_PENGELOLA),
    ("admin-utama", Role.PEJABAT_PENGELOLA),
])
def test_anyone_else_is_told_who_may_approve(change, officer, unit, role):
    with pytest.raises(NotAllowed, match=r"hanya dapat disetujui oleh Pejabat Pengelola UPPKH Pusat"):
        master_data_change_decide(request=change, actor=officer(unit, role), approve=True)
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


def test_not_even_a_superuser_approves_master_data(change, django_user_model):
    boss = django_user_model.objects.create_superuser(username="root", password=None)
    with pytest.raises(NotAllowed, match=ONLY_UPPKH_PUSAT[:40]):
        master_data_change_decide(request=change, actor=boss, approve=True)


def test_a_decided_change_is_not_decided_again(change, officer):
    pejabat = officer("uppkh-pusat", Role.PEJABAT_PENGELOLA)
    master_data_change_decide(request=change, actor=pejabat, approve=False, note="Bukti kurang.")
    with pytest.raises(errors.ActionError):
        master_data_change_decide(request=change, actor=pejabat, approve=True)
