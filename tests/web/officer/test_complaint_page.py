"""The complaint page at /petugas/aduan/<nomor>/: header, timeline, reporter panel, stages,
attachments, and which actions each role is offered."""

from datetime import datetime
from datetime import timezone as dt_timezone

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aduan.core.actions import complaint_dispose, complaint_follow_up
from aduan.core.intake import Reporter
from aduan.core.models import Attachment
from aduan.organisation.models import IdentityView

pytestmark = pytest.mark.django_db


def page_of(complaint) -> str:
    return f"/petugas/aduan/{complaint.tracking_number}/"


def offered(response) -> list[str]:
    return [form.slug for form in response.context["action_forms"]]


def test_the_header_shows_numbers_status_program_due_and_region_with_its_zone(sign_in, people, file_complaint):
    complaint = file_complaint(region="73.71.01.1001", topic="bpnt-3",
                               received_at=datetime(2026, 3, 2, 1, 30, tzinfo=dt_timezone.utc))

    body = sign_in(people["admin"]).get(page_of(complaint)).content.decode()

    assert complaint.tracking_number in body
    assert complaint.register_number in body
    assert "Belum ditindaklanjuti" in body
    assert "BPNT/Sembako" in body and "Kartu/KKS, PIN" in body
    assert "Bontorannu, Mariso, Kota Makassar, Sulawesi Selatan" in body
    assert "zona waktu WITA" in body
    assert "2 Mar 2026 09.30 WITA" in body  # received 01:30 UTC, shown in Makassar's time


def test_the_timeline_keeps_the_answer_to_the_reporter_apart_from_the_internal_note(sign_in, people, world, file_complaint):
    complaint = file_complaint()
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"], note="Wilayah Kediri.")
    complaint_follow_up(complaint=complaint, actor=people["kediri"], answer="Saldo masuk minggu depan.",
                        internal_note="Sudah dicek di SIKS-NG.")

    body = sign_in(people["kediri"]).get(page_of(complaint)).content.decode()

    assert "Didisposisikan" in body and "Ditindaklanjuti" in body
    assert "Admin Utama Pengaduan Bansos (Kemendagri) &rarr; <b>Dinas Sosial Kediri</b>" in body
    assert "Belum ditindaklanjuti &rarr; <b>Proses</b>" in body
    assert '<div class="note public"><span class="note-label">Untuk pelapor</span>Saldo masuk minggu depan.' in body
    assert ('<div class="note internal"><span class="note-label">Catatan internal — tidak terlihat oleh pelapor</span>'
            "Sudah dicek di SIKS-NG.") in body
    assert "oleh Yuli Dinsos Kediri" in body


def test_an_anonymous_reporter_has_no_identity_to_show(sign_in, people, file_complaint):
    complaint = file_complaint(reporter=Reporter(anonymous=True))

    response = sign_in(people["admin"]).get(page_of(complaint))

    assert response.context["reporter"] == {"anonymous": True, "fields": []}
    assert "tidak ada data pribadi yang disimpan" in response.content.decode()


def test_an_ordinary_reporter_is_shown_whole_and_no_audit_row_is_written(sign_in, people, file_complaint):
    complaint = file_complaint()

    body = sign_in(people["admin"]).get(page_of(complaint)).content.decode()

    assert "Siti Aminah" in body and "3506104501800001" in body
    assert not IdentityView.objects.exists()


def test_a_confidential_reporter_is_shown_to_the_handler_and_the_showing_is_recorded(sign_in, people, world, file_complaint):
    complaint = file_complaint(reporter=Reporter(confidential=True, name="Siti Aminah", nik="3506104501800001",
                                                 phone="+6281234567890"))
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"])

    body = sign_in(people["kediri"]).get(page_of(complaint)).content.decode()

    assert "Siti Aminah" in body and "3506104501800001" in body
    assert "tampilan ini tercatat" in body
    view = IdentityView.objects.get()
    assert (view.user, view.complaint_id, view.where) == (people["kediri"], complaint.pk, "web")


def test_a_confidential_reporter_is_masked_for_a_supervisor(sign_in, people, world, file_complaint):
    complaint = file_complaint(reporter=Reporter(confidential=True, name="Siti Aminah", nik="3506104501800001",
                                                 phone="+6281234567890"))
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"])

    body = sign_in(people["pengawas"]).get(page_of(complaint)).content.decode()

    assert "Siti Aminah" not in body and "3506104501800001" not in body
    assert "S*** A*****" in body and "************0001" in body
    assert "Identitas dirahasiakan" in body
    assert not IdentityView.objects.exists()


def test_pkh_stages_are_listed_with_their_due_dates(sign_in, people, file_complaint):
    complaint = file_complaint(program="pkh", topic="pkh-4")

    response = sign_in(people["admin"]).get(page_of(complaint))

    stages = response.context["stages"]
    assert len(stages) == 4
    body = response.content.decode()
    for stage in stages:
        assert stage.name in body


def test_attachments_are_listed_and_served_only_through_the_page(sign_in, people, file_complaint, settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path
    complaint = file_complaint()
    attachment = Attachment.objects.create(
        complaint=complaint, file=SimpleUploadedFile("kks.jpg", b"\xff\xd8jpeg"), original_name="foto-kks.jpg",
        content_type="image/jpeg", size=6, description="Foto kartu",
    )
    url = f"{page_of(complaint)}lampiran/{attachment.pk}/"

    body = sign_in(people["admin"]).get(page_of(complaint)).content.decode()
    download = client.get(url)

    assert "foto-kks.jpg" in body and "Foto kartu" in body and url in body
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"\xff\xd8jpeg"
    client.force_login(people["makassar"])
    assert client.get(url).status_code == 404


def test_a_complaint_outside_the_officer_s_reach_is_not_found(sign_in, people, file_complaint):
    complaint = file_complaint(region="73.71.01.1001")

    assert sign_in(people["kediri"]).get(page_of(complaint)).status_code == 404


def test_a_tracking_number_typed_loosely_redirects_to_the_page(sign_in, people, file_complaint):
    complaint = file_complaint()
    loose = complaint.tracking_number.replace("-", "").lower()

    response = sign_in(people["admin"]).get(f"/petugas/aduan/{loose}/")

    assert response.status_code == 302 and response["Location"] == page_of(complaint)


def test_the_national_administrator_is_offered_disposition_with_the_proposed_unit(sign_in, people, world, file_complaint):
    complaint = file_complaint(topic="bpnt-3")  # cards and balances: the bank's authority

    response = sign_in(people["admin"]).get(page_of(complaint))

    assert "disposisi" in offered(response)
    dispose = next(f for f in response.context["action_forms"] if f.slug == "disposisi")
    assert dispose.initial["to_unit"] == world["bri"].pk
    assert "Usulan sistem" in response.content.decode()


def test_the_district_officer_is_offered_the_handling_actions(sign_in, people, world, file_complaint):
    complaint = file_complaint()
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"])

    response = sign_in(people["kediri"]).get(page_of(complaint))

    # Received centrally from its own district, it was also announced there (R20): the answer comes last.
    assert offered(response) == ["tindak-lanjut", "tugaskan", "klasifikasi", "kembalikan", "eskalasi",
                                 "jawab-pemberitahuan"]


def test_rebuttal_and_closure_are_offered_while_the_answer_awaits_objection(sign_in, people, world, file_complaint):
    complaint = file_complaint()
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"])
    complaint_follow_up(complaint=complaint, actor=people["kediri"], answer="Sudah.")

    assert offered(sign_in(people["kediri"]).get(page_of(complaint))) == [
        "tindak-lanjut", "tugaskan", "klasifikasi", "kembalikan", "eskalasi", "sanggahan", "tutup",
        "jawab-pemberitahuan"]
    assert offered(sign_in(people["kediri_fo"]).get(page_of(complaint))) == ["klasifikasi", "sanggahan",
                                                                              "jawab-pemberitahuan"]


def test_a_supervisor_reads_but_is_offered_nothing(sign_in, people, world, file_complaint):
    complaint = file_complaint()
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"])

    response = sign_in(people["pengawas"]).get(page_of(complaint))

    assert response.status_code == 200
    assert offered(response) == []
    assert "Tidak ada tindakan yang dapat Anda lakukan" in response.content.decode()


def test_the_page_documents_its_keyboard_shortcuts(sign_in, people, file_complaint):
    body = sign_in(people["admin"]).get(page_of(file_complaint())).content.decode()

    assert "Pintasan keyboard" in body and "<kbd>Ctrl</kbd>+<kbd>Enter</kbd>" in body


def test_a_confidential_complaint_s_scans_go_only_to_its_handlers_and_each_download_is_recorded(
    sign_in, people, file_complaint, settings, tmp_path, client,
):
    from aduan.core.actions import complaint_dispose
    from aduan.organisation.models import IdentityView

    settings.MEDIA_ROOT = tmp_path
    complaint = file_complaint(reporter=Reporter(confidential=True, name="Suparmi", nik="3506104501800001"))
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=people["kediri"].memberships.get().unit)
    attachment = Attachment.objects.create(
        complaint=complaint, file=SimpleUploadedFile("ktp.jpg", b"\xff\xd8ktp"), original_name="ktp.jpg",
        content_type="image/jpeg", size=5,
    )
    url = f"{page_of(complaint)}lampiran/{attachment.pk}/"

    assert sign_in(people["pengawas"]).get(url).status_code == 403  # a supervisor sees the identity masked
    assert not IdentityView.objects.filter(user=people["pengawas"]).exists()
    assert sign_in(people["kediri"]).get(url).status_code == 200
    assert IdentityView.objects.filter(user=people["kediri"], complaint=complaint, where="web").exists()
