"""Email in, end to end: a message sent with smtplib to the real aiosmtpd receiver becomes a
complaint (or a rebuttal or a note on one), and the acknowledgement goes out by email."""

import pytest
from django.core import mail

from aduan.core.actions import complaint_follow_up
from aduan.core.enums import EventKind, Status
from aduan.core.models import Attachment, Complaint
from aduan.regions.resolver import reset_resolver
from tests.intake.email.conftest import JPEG, make_email


pytestmark = pytest.mark.django_db(transaction=True)

BODY = """Selamat siang,

Saldo BPNT saya sudah dua bulan tidak masuk. No. KKS 3235386475739456.
Lokasi: Jawa Timur#Kediri#Ringinrejo#Purwodadi

Terima kasih.
"""


@pytest.fixture(autouse=True)
def fresh_resolver():
    reset_resolver()  # built from this test's few regions
    yield
    reset_resolver()


def test_an_email_becomes_a_complaint_and_the_reporter_gets_its_number(send, world):
    message = make_email(subject="Saldo tidak masuk", body=BODY)
    message.add_attachment(JPEG, maintype="image", subtype="jpeg", filename="kks.jpg")
    code, reply = send(message)
    assert code == 250, reply
    complaint = Complaint.objects.get()
    assert reply.decode().endswith(f"filed {complaint.tracking_number}")
    assert (complaint.channel, complaint.program.code) == ("email", "bpnt")
    assert complaint.external_id == "email:<laporan-1@mail.example.id>"
    assert (complaint.reporter_name, complaint.reporter_email) == ("Siti Aminah", "siti@example.id")
    assert complaint.reporter_kks == "3235386475739456"
    assert complaint.region_id == "35.06.10.2005"
    assert complaint.text.startswith("Saldo tidak masuk\n\nSelamat siang,")
    assert complaint.receiving_unit == world["admin-utama"]
    (attachment,) = Attachment.objects.all()
    assert (attachment.original_name, attachment.content_type) == ("kks.jpg", "image/jpeg")
    (ack,) = mail.outbox
    assert ack.to == ["siti@example.id"] and complaint.tracking_number in ack.subject + ack.body


def test_a_redelivered_message_files_nothing_twice(send, world):
    message = make_email(subject="Beras Rastra berkutu", body="Beras rastra bulan ini berkutu.")
    assert send(message)[0] == 250
    code, reply = send(message)
    assert code == 250 and b"duplicate" in reply
    assert Complaint.objects.count() == 1 and len(mail.outbox) == 1
    assert Complaint.objects.get().program.code == "rastra"


def test_a_refused_attachment_is_noted_and_the_complaint_still_filed(send, world):
    message = make_email(subject="PKH belum cair", body="Bantuan PKH tahap 3 belum cair.")
    message.add_attachment(b"MZ\x90\x00virus", maintype="application", subtype="octet-stream", filename="foto.jpg.exe")
    assert send(message)[0] == 250
    complaint = Complaint.objects.get()
    assert complaint.program.code == "pkh" and not complaint.attachments.exists()
    note = complaint.events.get(kind=EventKind.NOTE)
    assert "foto.jpg.exe" in note.note and note.data["refused_files"]


def test_a_reply_in_the_rebuttal_window_is_a_rebuttal(send, world, kediri_officer):
    assert send(make_email(subject="Saldo tidak masuk", body=BODY))[0] == 250
    complaint = Complaint.objects.get()
    complaint.handling_unit = world["dinsos-35-06"]
    complaint.save(update_fields=["handling_unit"])
    complaint_follow_up(complaint=complaint, actor=kediri_officer, answer="Saldo sudah ditransfer ulang.")
    reply = make_email(
        subject="Re: Saldo tidak masuk", message_id="<balasan-1@mail.example.id>",
        body="Saldo belum masuk juga, Pak.\n\nPada Senin, Dinsos menulis:\n> Saldo sudah ditransfer ulang.",
        In_Reply_To="<laporan-1@mail.example.id>", References="<laporan-1@mail.example.id>",
    )
    code, answer = send(reply)
    assert code == 250 and b"rebuttal" in answer
    complaint.refresh_from_db()
    rebuttal = complaint.events.get(kind=EventKind.REBUTTED)
    assert rebuttal.public_note == "Saldo belum masuk juga, Pak." and complaint.status == Status.PROSES
    assert Complaint.objects.count() == 1
    assert send(reply)[0] == 250  # the same reply redelivered
    assert complaint.events.filter(kind__in=[EventKind.REBUTTED, EventKind.NOTE]).count() == 1


def test_a_reply_before_any_answer_is_a_note_found_by_the_tracking_number(send, world):
    assert send(make_email(subject="Saldo tidak masuk", body=BODY))[0] == 250
    complaint = Complaint.objects.get()
    reply = make_email(subject=f"Re: Pengaduan {complaint.tracking_number}", message_id="<tambahan@mail.example.id>",
                       body="Tambahan: saya sudah lapor ke bank juga.")
    reply.add_attachment(JPEG, maintype="image", subtype="jpeg", filename="bukti-bank.jpg")
    code, answer = send(reply)
    assert code == 250 and b"note" in answer
    note = complaint.events.get(kind=EventKind.NOTE)
    assert note.note == "Tambahan: saya sudah lapor ke bank juga." and note.actor_label == "Pelapor"
    assert complaint.attachments.get().original_name == "bukti-bank.jpg"
    assert Complaint.objects.count() == 1


def test_someone_else_citing_a_tracking_number_files_a_new_complaint(send, world):
    assert send(make_email(subject="Saldo tidak masuk", body=BODY))[0] == 250
    first = Complaint.objects.get()
    other = make_email(subject=f"Soal {first.tracking_number}", body="Saya tetangganya, e-Warong juga tutup.",
                       sender="Budi <budi@example.id>", message_id="<budi@mail.example.id>")
    assert send(other)[0] == 250
    assert Complaint.objects.count() == 2
    assert not first.events.filter(kind=EventKind.NOTE).exists()


def test_mail_to_a_units_own_address_is_received_by_that_unit(send, world):
    kediri = world["dinsos-35-06"]
    kediri.email = "pengaduan@dinsos.kedirikab.go.id"
    kediri.save(update_fields=["email"])
    message = make_email(subject="Sembako kurang", body="Sembako kurang 2 kg.")
    assert send(message, to="Pengaduan@dinsos.kedirikab.go.id")[0] == 250
    assert Complaint.objects.get().receiving_unit == kediri


def test_an_empty_message_is_bounced_with_the_reason(send, world):
    code, reason = send(make_email(subject="", body=""))
    assert code == 550
    assert "Isi pengaduan tidak boleh kosong" in reason.decode()
    assert not Complaint.objects.exists()
