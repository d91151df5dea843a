"""Reading an email: sender, body (plain or HTML), the new part of a reply, the program it names."""

from email.message import EmailMessage

import pytest

from aduan.intake.email.actions import DEFAULT_PROGRAM, detect_program, external_id_for
from aduan.intake.email.parsing import parse, strip_quoted
from tests.intake.email.conftest import make_email



def test_sender_subject_and_references():
    message = make_email(subject="Re:  Pengaduan   ABCDE-23456", body="Isi", sender='"Siti Aminah" <Siti@Example.ID>',
                         In_Reply_To="<a@x>", References="<b@x> <a@x>")
    inbound = parse(message.as_bytes())
    assert (inbound.sender_email, inbound.sender_name) == ("siti@example.id", "Siti Aminah")
    assert inbound.subject == "Re: Pengaduan ABCDE-23456"
    assert inbound.refers_to == ("<a@x>", "<b@x>", "<a@x>")
    assert inbound.message_id == "<laporan-1@mail.example.id>"


def test_an_html_only_message_is_read_as_text():
    message = EmailMessage()
    message["From"] = "warga@example.id"
    message["Subject"] = "Keluhan"
    message.set_content("<html><style>p{}</style><body><p>Beras <b>berkutu</b></p><p>Desa Purwodadi</p></body></html>",
                        subtype="html")
    assert parse(message.as_bytes()).text == "Beras berkutu\nDesa Purwodadi"


def test_quoted_text_is_left_out_of_a_reply():
    text = "Belum beres.\n\nOn Mon, 1 Dec 2026, Dinsos <d@x> wrote:\n> Sudah kami tindak lanjuti.\n"
    assert strip_quoted(text) == "Belum beres."
    assert strip_quoted("Ok\n> kutipan\nlagi") == "Ok\nlagi"


def test_nul_characters_never_reach_the_database():
    raw = make_email(subject="Sal\x00do", body="Be\x00ras", In_Reply_To="<a\x00b@x>").as_bytes()
    inbound = parse(raw)
    assert (inbound.subject, inbound.text, inbound.refers_to) == ("Saldo", "Beras", ("<ab@x>",))


def test_a_message_without_message_id_is_known_by_its_bytes():
    raw = make_email(subject="x", body="y", message_id=None).as_bytes()
    inbound = parse(raw)
    assert external_id_for(inbound, raw).startswith("email:sha256:")
    assert external_id_for(inbound, raw) == external_id_for(inbound, raw)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("subject", "body", "program"),
    [
        ("PKH tahap 3 belum cair", "Saya peserta BPNT juga", "pkh"),  # the subject decides
        ("Keluhan", "Beras Rastra berkutu, padahal Sembako...", "rastra"),  # first named in the body
        ("Keluhan e-Warong", "", "bpnt"),
        ("Mohon bantuan", "Bantuan belum diterima.", DEFAULT_PROGRAM),
        ("Program Keluarga Harapan", "", "pkh"),
    ],
)
def test_the_program_is_the_first_one_named(world, subject, body, program):
    assert detect_program(subject, body) == program
