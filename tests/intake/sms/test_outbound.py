"""Outbound SMS through Kannel's sendsms (a stand-in HTTP server here), and delivery reports."""

import http.server
import threading
import urllib.parse

import pytest

from aduan.core.actions import complaint_follow_up
from aduan.intake.sms import transport
from aduan.intake.sms.gateways.kannel_dialect import parse_kannel_dlr
from aduan.intake.sms.pipeline import handle_inbound_sms
from aduan.notifications.models import DeliveryStatus, Notification
from aduan.notifications.transports import TRANSPORTS, TransportError

from .conftest import RAWAJATI_SMS
from .fixtures import load

pytestmark = pytest.mark.usefixtures("sms_world")


class StandInKannel(http.server.ThreadingHTTPServer):
    """Answers /cgi-bin/sendsms with ``status`` and records the query of each request."""

    def __init__(self):
        self.status, self.requests = 202, []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(handler):  # noqa: N805
                self.requests.append(dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(handler.path).query)))
                body = b"0: Accepted for delivery" if self.status == 202 else b"Authorization failed for sendsms"
                handler.send_response(self.status)
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                handler.wfile.write(body)

            def log_message(handler, *args):  # noqa: N805
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/cgi-bin/sendsms"


@pytest.fixture
def kannel_sendsms(settings, monkeypatch):
    server = StandInKannel()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.ADUAN_KANNEL_SENDSMS_URL = server.url
    settings.ADUAN_KANNEL_SENDSMS_USER, settings.ADUAN_KANNEL_SENDSMS_PASSWORD = "aduan", "s3ndPass"
    settings.ADUAN_PUBLIC_URL = "https://aduan.example.go.id/"
    monkeypatch.setitem(TRANSPORTS, "sms", transport.send_sms)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def answered(django_capture_on_commit_callbacks):
    outcome = handle_inbound_sms(gateway="kannel", message_id="out-1", sender="081234567890", text=RAWAJATI_SMS)
    from aduan.core.models import Complaint

    complaint = Complaint.objects.get(tracking_number=outcome.tracking_number)
    with django_capture_on_commit_callbacks(execute=True):
        complaint_follow_up(complaint=complaint, actor=None, answer="Saldo sudah masuk.")
    return complaint


def test_a_follow_up_goes_out_by_sms_with_a_delivery_report_request(kannel_sendsms, answered):
    notification = Notification.objects.get()
    assert (notification.transport, notification.recipient, notification.status) == ("sms", "+6281234567890", DeliveryStatus.SENT)
    sent = kannel_sendsms.requests[0]
    assert sent["username"] == "aduan" and sent["password"] == "s3ndPass" and sent["from"] == "1708"
    assert sent["to"] == "+6281234567890" and sent["text"].startswith(f"Pengaduan {answered.tracking_number}: Saldo sudah masuk.")
    assert sent["coding"] == "0" and sent["dlr-mask"] == "27"
    reference = transport.dlr_reference(notification.pk)
    assert sent["dlr-url"].startswith(f"https://aduan.example.go.id/sms/kannel/dlr/?ref={reference}&status=%d")
    assert notification.gateway_reference == reference


def test_the_delivery_report_marks_it_delivered(kannel_sendsms, answered, client):
    notification = Notification.objects.get()
    query = load("kannel/dlr_delivered.json")["query"].format(ref=transport.dlr_reference(notification.pk))
    accepted = query.replace("status=1", "status=8")  # "accepted by the SMS centre" comes first and changes nothing
    assert client.get(f"/sms/kannel/dlr/?{accepted}").json() == {"updated": False}
    assert client.get(f"/sms/kannel/dlr/?{query}").json() == {"updated": True}
    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.DELIVERED and notification.delivered_at.timestamp() == 1741742160


def test_an_undeliverable_report_marks_it_failed(kannel_sendsms, answered, client):
    notification = Notification.objects.get()
    client.get("/sms/kannel/dlr/?" + load("kannel/dlr_failed.json")["query"].format(ref=transport.dlr_reference(notification.pk)))
    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.FAILED and notification.last_error.startswith("DLR 2: id:0A1B2C3E")


def test_a_report_that_overtakes_the_outbox_still_counts():
    notification = Notification.objects.create(transport="sms", recipient="+6281234567890", body="x")
    report = parse_kannel_dlr({"ref": transport.dlr_reference(notification.pk), "status": "1"})
    assert transport.record_delivery_report(notification.pk, report)
    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.DELIVERED


def test_a_forged_reference_changes_nothing(kannel_sendsms, answered, client):
    notification = Notification.objects.get()
    for ref in (f"{notification.pk}-{'0' * 24}", str(notification.pk), "abc"):
        response = client.get(f"/sms/kannel/dlr/?ref={ref}&status=1")
        assert response.status_code == 403
    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.SENT


def test_a_delivery_report_without_a_status_is_a_bad_request(client):
    assert client.get("/sms/kannel/dlr/?ref=1-abc").status_code == 400


def test_refused_credentials_are_permanent(kannel_sendsms):
    kannel_sendsms.status = 403
    with pytest.raises(TransportError) as error:
        transport.send_sms(recipient="+6281234567890", subject="", body="Halo", notification_id=1)
    assert error.value.permanent and "403" in str(error.value) and "s3ndPass" not in str(error.value)


def test_a_kannel_in_trouble_is_worth_a_retry(kannel_sendsms):
    kannel_sendsms.status = 503
    with pytest.raises(TransportError) as error:
        transport.send_sms(recipient="+6281234567890", subject="", body="Halo", notification_id=1)
    assert not error.value.permanent


def test_an_unreachable_kannel_is_worth_a_retry(settings):
    settings.ADUAN_KANNEL_SENDSMS_URL = "http://127.0.0.1:9/cgi-bin/sendsms"  # discard port: nothing listens
    with pytest.raises(TransportError) as error:
        transport.send_sms(recipient="+6281234567890", subject="", body="Halo", notification_id=1)
    assert not error.value.permanent


def test_without_a_sendsms_url_there_is_no_sms_transport(settings, monkeypatch):
    monkeypatch.delitem(TRANSPORTS, "sms", raising=False)
    settings.ADUAN_KANNEL_SENDSMS_URL = ""
    transport.register_if_configured()
    assert "sms" not in TRANSPORTS
    settings.ADUAN_KANNEL_SENDSMS_URL = "http://127.0.0.1:13013/cgi-bin/sendsms"
    transport.register_if_configured()
    assert TRANSPORTS["sms"] is transport.send_sms


def test_a_report_arriving_while_the_outbox_is_still_sending_is_not_undone(monkeypatch):
    """Kannel can report delivery before sendsms has even answered; "sent" must not overwrite it."""
    from aduan.notifications.dispatch import deliver
    from aduan.notifications.transports import Sent

    def fast_gateway(*, notification_id, **_):
        report = parse_kannel_dlr({"ref": transport.dlr_reference(notification_id), "status": "1"})
        transport.record_delivery_report(notification_id, report)
        return Sent(reference=transport.dlr_reference(notification_id))

    monkeypatch.setitem(TRANSPORTS, "sms", fast_gateway)
    notification = Notification.objects.create(transport="sms", recipient="+6281234567890", body="x")
    deliver.call(notification.pk)
    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.DELIVERED and notification.attempts == 1 and notification.sent_at
