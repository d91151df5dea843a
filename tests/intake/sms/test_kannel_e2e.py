"""End to end through a real Kannel: fakesmsc → bearerbox → smsbox → /sms/kannel/ → the reply back to
the phone; then an officer's follow-up out through sendsms, and its delivery report back in."""

import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model

from aduan.core.actions import complaint_follow_up
from aduan.core.models import Complaint
from aduan.intake.sms import transport
from aduan.intake.sms.models import InboundSms
from aduan.notifications.models import DeliveryStatus, Notification
from aduan.notifications.transports import TRANSPORTS
from aduan.organisation.models import Membership, Role
from tests.support.kannel_fixtures import kannel  # noqa: F401 -- the fixture

from .conftest import CITIZEN, CITIZEN_E164, RAWAJATI

pytestmark = [pytest.mark.kannel, pytest.mark.django_db(transaction=True)]

MO_USER, MO_PASSWORD = "kannel", "Mo3Pass"
# fakesmsc takes lines of at most 255 bytes: the seed example, shortened.
CITIZEN_SMS = "NT #DKI#Jkt Selatan#Pancoran#Rawajati#No.KKS 3235386475739456 Saya sudah belanja ke ewarong tapi saldo kosong"


@pytest.fixture
def gateway(kannel, live_server, settings, sms_world):  # noqa: F811
    settings.ADUAN_SMS_GATEWAYS = f"kannel:{MO_USER}:{MO_PASSWORD}"
    url = urlsplit(live_server.url)
    # Kannel presents the credentials of its post-url as HTTP Basic auth.
    return kannel(f"{url.scheme}://{MO_USER}:{MO_PASSWORD}@{url.netloc}/sms/kannel/")


def wait_until(condition, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_citizens_sms_is_filed_and_answered_and_a_follow_up_reaches_the_phone(gateway, live_server, settings, monkeypatch):
    gateway.send(CITIZEN, CITIZEN_SMS)
    reply = gateway.wait_for_reply(to=CITIZEN, contains="dicatat")
    complaint = Complaint.objects.get()
    assert complaint.tracking_number in reply.text and reply.sender == "1708"
    assert complaint.region_id == RAWAJATI and complaint.reporter_kks == "3235386475739456"
    assert complaint.reporter_phone == CITIZEN_E164 and complaint.text.endswith("tapi saldo kosong")
    inbound = InboundSms.objects.get()
    assert inbound.gateway == "kannel" and inbound.reply == reply.text

    settings.ADUAN_KANNEL_SENDSMS_URL = gateway.sendsms_base
    settings.ADUAN_KANNEL_SENDSMS_USER = gateway.sendsms_user
    settings.ADUAN_KANNEL_SENDSMS_PASSWORD = gateway.sendsms_password
    settings.ADUAN_PUBLIC_URL = live_server.url
    monkeypatch.setitem(TRANSPORTS, "sms", transport.send_sms)
    officer = get_user_model().objects.create_user(username="petugas-jaksel", password="rahasia-123")
    Membership.objects.create(user=officer, unit=complaint.holder, role=Role.BACK_OFFICE)
    complaint_follow_up(complaint=complaint, actor=officer, answer="Saldo sudah ditransfer ulang oleh bank.")

    outbound = gateway.wait_for_reply(to=CITIZEN_E164, contains="ditransfer ulang")
    assert outbound.text.startswith(f"Pengaduan {complaint.tracking_number}: Saldo sudah ditransfer ulang")
    assert outbound.sender == "1708"
    notification = Notification.objects.get()
    assert wait_until(lambda: Notification.objects.get().status == DeliveryStatus.DELIVERED), (
        f"no delivery report: {Notification.objects.get().status}\n" + gateway.logs_tail()
    )
    notification.refresh_from_db()
    assert notification.delivered_at is not None and notification.transport == "sms"


def test_nonsense_is_kept_and_answered_with_the_format(gateway):
    gateway.send(CITIZEN, "halo pak")
    reply = gateway.wait_for_reply(to=CITIZEN, contains="Awali SMS")
    assert reply.text.startswith("Awali SMS dengan NT")
    assert not Complaint.objects.exists()
    assert InboundSms.objects.get().text == "halo pak"
