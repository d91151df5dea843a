"""The SMTP receiver on a free loopback port, and a small world without all 83,762 villages."""

import smtplib
import socket
from email.message import EmailMessage

import pytest

from aduan.intake.email.smtp import controller

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_receiver():
    """The real receiver, as `aduan intake_mail` runs it."""
    server = controller("127.0.0.1", free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def send(mail_receiver):
    """Send one message over SMTP; returns the receiver's reply to DATA (code, text)."""

    def send_message(message: EmailMessage, to: str = "pengaduan@bansos.go.id"):
        with smtplib.SMTP(mail_receiver.hostname, mail_receiver.port, timeout=30) as smtp:
            smtp.ehlo()
            smtp.mail(message["From"].addresses[0].addr_spec)
            smtp.rcpt(to)
            return smtp.data(message.as_bytes())

    return send_message


def make_email(*, subject: str, body: str, sender: str = "Siti Aminah <siti@example.id>",
               message_id: str | None = "<laporan-1@mail.example.id>", **headers) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "pengaduan@bansos.go.id"
    message["Subject"] = subject
    if message_id:
        message["Message-ID"] = message_id
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message
