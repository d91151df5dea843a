"""The Kannel harness against a stand-in app (http.server), so it is proven apart from Django."""

import http.server
import re
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from aduan.intake.sms.gateways.kannel_dialect import (
    KANNEL_POST_URL_QUERY,
    DlrStatus,
    classify_sendsms_response,
    dlr_url_for,
    parse_kannel_dlr,
    parse_kannel_request,
    reply_headers,
)

from .kannel_fixtures import kannel  # noqa: F401 -- the fixture under test

pytestmark = pytest.mark.kannel

CITIZEN = "081234567890"
# About 150 characters of Indonesian, with the '#' that separates fields in our SMS format.
LONG_REPLY = (
    "Terima kasih. Aduan BPNT#Cianjur Anda kami terima dengan nomor ADU-2025-000123. "
    "Petugas akan menindaklanjuti paling lambat 5 hari kerja. Balas INFO."
)


@dataclass
class StandIn:
    """A tiny app: records each request, answers with ``reply`` as the SMS text."""

    reply: str = "Diterima"
    requests: list[dict] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)
    url: str = ""

    def wait_for(self, path: str, count: int = 1, timeout: float = 15.0) -> list[dict]:
        def matching():
            return [r for r in self.requests if r["path"] == path]

        with self.arrived:
            self.arrived.wait_for(lambda: len(matching()) >= count, timeout=timeout)
            return matching()


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    app = StandIn()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _handle(self):
            length = int(self.headers.get("Content-Length") or 0)
            parsed = urllib.parse.urlsplit(self.path)
            record = {
                "method": self.command,
                "path": parsed.path,
                "params": dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True)),
                "headers": dict(self.headers),
                "body": self.rfile.read(length),
            }
            text = app.reply if parsed.path == "/sms/kannel/" else "OK"
            body = text.encode()
            self.send_response(200)
            for name, value in reply_headers(text).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            with app.arrived:
                app.requests.append(record)
                app.arrived.notify_all()

        do_GET = do_POST = _handle

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield app
    server.shutdown()
    server.server_close()


def test_an_sms_reaches_the_app_and_its_reply_reaches_the_phone(kannel, stand_in):
    gateway = kannel(stand_in.url + "/sms/kannel/")
    stand_in.reply = LONG_REPLY
    text = "PKH#Désa Sukamaju#belum cair 3 bulan  & 100% benar"

    gateway.send(CITIZEN, text)

    [request] = stand_in.wait_for("/sms/kannel/")
    inbound = parse_kannel_request(request["params"], request["body"], request["headers"])
    assert (inbound.sender, inbound.receiver, inbound.text) == (CITIZEN, "1708", text)
    assert len(inbound.message_id) == 36  # Kannel's UUID
    assert inbound.received_at is not None
    reply = gateway.wait_for_reply(to=CITIZEN)
    assert (reply.sender, reply.text) == ("1708", LONG_REPLY)
    assert gateway.replies() == [LONG_REPLY]


def test_a_multiline_unicode_sms_arrives_intact(kannel, stand_in):
    gateway = kannel(stand_in.url + "/sms/kannel/")
    text = "Bansos “Rastra”\nbelum diterima — Bu Siti"

    gateway.send(CITIZEN, text)

    [request] = stand_in.wait_for("/sms/kannel/")
    assert parse_kannel_request(request["params"], request["body"], request["headers"]).text == text
    gateway.wait_for_reply(to=CITIZEN, contains="Diterima")


def test_a_reply_gsm_cannot_carry_comes_back_in_ucs2(kannel, stand_in):
    gateway = kannel(stand_in.url + "/sms/kannel/")
    stand_in.reply = "Aduan “diterima”.\nNomor: ADU-7 — cek /lacak/"  # 44 chars: fits UCS-2's 70

    gateway.send(CITIZEN, "BPNT#x")

    reply = gateway.wait_for_reply(to=CITIZEN)
    assert (reply.kind, reply.text) == ("ucs-2", stand_in.reply)


def test_sendsms_reaches_the_phone_and_delivery_reports_come_back(kannel, stand_in):
    gateway = kannel(stand_in.url + "/sms/kannel/")
    text = "Aduan ADU-2025-000123 #selesai: dana PKH cair tgl 5. Terima kasih."

    status, body = gateway.sendsms(
        to=CITIZEN, text=text, dlr_url=dlr_url_for(stand_in.url + "/sms/kannel/dlr/", "notif-42")
    )

    assert classify_sendsms_response(status, body).accepted, (status, body)
    assert gateway.wait_for_reply(to=CITIZEN).text == text
    reports = stand_in.wait_for("/sms/kannel/dlr/", count=2)
    parsed = [parse_kannel_dlr(r["params"]) for r in reports]
    assert {r.reference for r in parsed} == {"notif-42"}
    assert {r.status for r in parsed} == {DlrStatus.SMSC_ACCEPTED, DlrStatus.DELIVERED}
    assert any(r.is_final and not r.is_failure for r in parsed)


def test_sendsms_with_a_wrong_password_is_refused_for_good(kannel, stand_in):
    gateway = kannel(stand_in.url + "/sms/kannel/")
    gateway.sendsms_password = "salah"

    outcome = classify_sendsms_response(*gateway.sendsms(to=CITIZEN, text="x"))

    assert (outcome.accepted, outcome.retry) == (False, False)


def test_the_production_example_posts_what_the_dialect_reads():
    example = Path(__file__).resolve().parents[2] / "deploy" / "kannel" / "kannel.conf.example"
    [post_url] = re.findall(r'^post-url = "([^"]+)"', example.read_text(), flags=re.MULTILINE)

    assert post_url.endswith("/sms/kannel/?" + KANNEL_POST_URL_QUERY)
