"""The outbox: a message is written with the event that causes it, survives a crash between the
commit and the hand-over to a worker, is claimed by one worker only, and ends sent or failed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from aduan.core.actions import complaint_follow_up
from aduan.core.enums import EventKind
from aduan.core.intake import Reporter
from aduan.core.sweep import run_sweep
from aduan.notifications import dispatch
from aduan.notifications.models import DeliveryStatus, Notification
from aduan.notifications.transports import TRANSPORTS, Sent, TransportError

pytestmark = pytest.mark.django_db
EMAIL_REPORTER = Reporter(name="Siti Aminah", email="siti@contoh.id")


@pytest.fixture
def answered(file_complaint, kediri_officer, world):
    complaint = file_complaint(channel="email", reporter=EMAIL_REPORTER)
    complaint.handling_unit = world["dinsos-35-06"]
    complaint.save(update_fields=["handling_unit"])
    return complaint_follow_up(complaint=complaint, actor=kediri_officer, answer="Saldo sudah masuk.")


def test_the_message_is_written_in_the_events_transaction(file_complaint, kediri_officer, world):
    complaint = file_complaint(channel="email", reporter=EMAIL_REPORTER)
    complaint.handling_unit = world["dinsos-35-06"]
    complaint.save(update_fields=["handling_unit"])

    with pytest.raises(RuntimeError), transaction.atomic():
        complaint_follow_up(complaint=complaint, actor=kediri_officer, answer="Saldo sudah masuk.")
        raise RuntimeError("the action's transaction rolls back")
    assert not Notification.objects.filter(event__kind=EventKind.FOLLOWED_UP).exists()

    # No on-commit callback runs in this test (as if the process died right after the commit),
    # and the message is there all the same, waiting.
    complaint_follow_up(complaint=complaint, actor=kediri_officer, answer="Saldo sudah masuk.")
    message = Notification.objects.get(event__kind=EventKind.FOLLOWED_UP)
    assert message.status == DeliveryStatus.QUEUED and message.attempts == 0 and message.recipient == "siti@contoh.id"


def test_a_message_whose_hand_over_was_lost_is_sent_by_the_sweep(answered):
    message = Notification.objects.get(event__kind=EventKind.FOLLOWED_UP)
    assert dispatch.retry_due(timezone.now()) == 0  # a minute's head start for the worker first

    report = run_sweep(now=message.created_at + timedelta(minutes=2))

    message.refresh_from_db()
    assert report.counts["notifikasi diulang"] >= 1
    assert message.status == DeliveryStatus.SENT and message.attempts == 1
    assert [m.to for m in mail.outbox if "Saldo sudah masuk" in m.body] == [["siti@contoh.id"]]


def test_two_workers_handed_one_message_send_it_once(answered, monkeypatch):
    message = Notification.objects.get(event__kind=EventKind.FOLLOWED_UP)
    sent = []

    def slow_gateway(**fields):
        dispatch.deliver.call(message.pk)  # the second worker arrives while the first is sending
        sent.append(fields["recipient"])
        return Sent("ref-1")

    monkeypatch.setitem(TRANSPORTS, "email", slow_gateway)
    dispatch.deliver.call(message.pk)

    message.refresh_from_db()
    assert sent == ["siti@contoh.id"] and message.status == DeliveryStatus.SENT and message.claimed_at is None


def test_a_claim_left_by_a_crashed_worker_expires(answered):
    message = Notification.objects.get(event__kind=EventKind.FOLLOWED_UP)
    now = timezone.now()
    Notification.objects.filter(pk=message.pk).update(created_at=now - timedelta(minutes=10),
                                                      claimed_at=now - timedelta(minutes=1))
    dispatch.retry_due(now)
    message.refresh_from_db()
    assert message.attempts == 0 and message.status == DeliveryStatus.QUEUED  # somebody is sending it

    Notification.objects.filter(pk=message.pk).update(claimed_at=now - dispatch.CLAIM_LEASE - timedelta(seconds=1))
    dispatch.retry_due(now)
    message.refresh_from_db()
    assert message.attempts == 1 and message.status == DeliveryStatus.SENT


def test_retries_back_off_and_end_in_a_visible_failure(answered, monkeypatch):
    message = Notification.objects.get(event__kind=EventKind.FOLLOWED_UP)

    def down(**fields):
        raise TransportError("mail server unreachable", permanent=False)

    monkeypatch.setitem(TRANSPORTS, "email", down)
    at = message.created_at
    for _ in range(dispatch.MAX_ATTEMPTS):
        at += timedelta(hours=2)
        dispatch.retry_due(at)
    message.refresh_from_db()
    assert message.status == DeliveryStatus.FAILED and message.attempts == dispatch.MAX_ATTEMPTS
    assert message.last_error == "mail server unreachable"
    assert dispatch.retry_due(at + timedelta(days=1)) == 0


def test_officers_see_the_outbox_and_send_a_failed_message_again(client, answered, kediri_officer,
                                                                django_capture_on_commit_callbacks):
    message = Notification.objects.get(event__kind=EventKind.FOLLOWED_UP)
    Notification.objects.filter(pk=message.pk).update(status=DeliveryStatus.FAILED, attempts=6,
                                                      last_error="550 mailbox unavailable")
    client.force_login(kediri_officer)
    page = client.get(f"/petugas/aduan/{answered.tracking_number}/").content.decode()
    assert "550 mailbox unavailable" in page and "Kirim ulang" in page and "s***@contoh.id" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/petugas/aduan/{answered.tracking_number}/pesan/{message.pk}/kirim-ulang/")

    message.refresh_from_db()
    assert response.status_code == 302
    assert message.status == DeliveryStatus.SENT and message.attempts == 1 and message.last_error == ""


def test_a_supervisor_may_not_send_again(client, answered, world):
    from django.contrib.auth import get_user_model

    from aduan.organisation.models import Membership, Role

    supervisor = get_user_model().objects.create_user("pengawas")
    Membership.objects.create(user=supervisor, unit=world["dinsos-35-06"], role=Role.SUPERVISOR)
    message = Notification.objects.get(event__kind=EventKind.FOLLOWED_UP)
    Notification.objects.filter(pk=message.pk).update(status=DeliveryStatus.FAILED)
    client.force_login(supervisor)
    assert "Kirim ulang" not in client.get(f"/petugas/aduan/{answered.tracking_number}/").content.decode()
    assert client.post(f"/petugas/aduan/{answered.tracking_number}/pesan/{message.pk}/kirim-ulang/").status_code == 403
    message.refresh_from_db()
    assert message.status == DeliveryStatus.FAILED


def test_administrators_read_the_outbox_masked_and_resend_from_the_admin(client, answered):
    from django.contrib.auth import get_user_model

    admin_user = get_user_model().objects.create_superuser("admin", "admin@contoh.id", "x")
    message = Notification.objects.get(event__kind=EventKind.FOLLOWED_UP)
    Notification.objects.filter(pk=message.pk).update(status=DeliveryStatus.FAILED, last_error="timeout")
    client.force_login(admin_user)

    listing = client.get("/admin/notifications/notification/").content.decode()
    assert "s***@contoh.id" in listing and "siti@contoh.id" not in listing and "timeout" in listing
    client.post("/admin/notifications/notification/", {"action": "resend", "_selected_action": [message.pk]})

    message.refresh_from_db()
    assert message.status == DeliveryStatus.QUEUED and message.attempts == 0 and message.last_error == ""
