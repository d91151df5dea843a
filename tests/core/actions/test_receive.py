from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from aduan.core import errors
from aduan.core.actions import complaint_receive
from aduan.core.due_dates import default_policy, due_for
from aduan.core.enums import EventKind, Status
from aduan.core.intake import IntakeMessage, Reporter
from aduan.core.models import Complaint, Event
from aduan.core.tracking import secret_matches
from aduan.taxonomy.models import HolidayOverride

WIB = ZoneInfo("Asia/Jakarta")


def test_a_received_complaint_is_belum_with_a_deadline_and_an_event(file_complaint):
    complaint = file_complaint()
    assert complaint.status == Status.BELUM
    assert complaint.severity == "sedang"  # a keluhan by default: 14 working days
    assert complaint.due_at > complaint.received_at
    event = complaint.events.get()
    assert (event.kind, event.to_status, event.actor_label) == (EventKind.RECEIVED, Status.BELUM, "Pelapor")


def test_the_christmas_example_is_due_at_the_end_of_7_january(world):
    # Received Wednesday 23 December 2026 10:00 WIB, ringan under the default policy; 24 and 25
    # December, 1 and 5 January are days off. (A date still ahead today, so computed directly.)
    policy = default_policy()
    due = due_for(datetime(2026, 12, 23, 10, tzinfo=WIB), policy, "ringan")
    assert policy.slug == "kemendagri-2018"
    assert due.due_at == datetime(2027, 1, 7, 23, 59, 59, tzinfo=WIB)


def test_an_administrators_holiday_correction_moves_the_deadline(world):
    HolidayOverride.objects.create(day=date(2027, 1, 6), name="Libur daerah (contoh)")
    due = due_for(datetime(2026, 12, 23, 10, tzinfo=WIB), default_policy(), "ringan")
    assert due.due_at == datetime(2027, 1, 8, 23, 59, 59, tzinfo=WIB)


def test_the_register_numbers_count_per_receiving_unit_and_year(file_complaint, world):
    first, second = file_complaint(), file_complaint()
    assert second.register_seq == first.register_seq + 1
    assert first.register_number.endswith(f"/ADMIN-UTAMA/{first.register_year}")
    other = complaint_receive(
        message=IntakeMessage(channel="tatap_muka", program="bpnt", text="Kartu hilang", region_code="35.06.10.2005"),
        receiving_unit=world["dinsos-35-06"],
    ).complaint
    assert other.register_seq == 1


def test_an_anonymous_complaint_stores_no_identity_at_all(file_complaint):
    complaint = file_complaint(reporter=Reporter(anonymous=True, name="Siti", phone="+6281234567890", nik="3506101234567890"))
    stored = Complaint.objects.get(pk=complaint.pk)
    assert stored.anonymous
    assert (stored.reporter_name, stored.reporter_phone, stored.reporter_nik) == ("", "", "")


def test_a_confidential_complaint_gets_a_secret_only_its_hash_is_stored(world):
    result = complaint_receive(message=IntakeMessage(
        channel="web", program="pkh", text="Pendamping meminta uang.", region_code="35.06.10.2005",
        reporter=Reporter(confidential=True, name="Suparmi"),
    ))
    assert result.access_secret and len(result.access_secret) == 6
    assert result.access_secret not in result.complaint.access_secret_hash
    assert secret_matches(result.complaint.tracking_number, result.access_secret, result.complaint.access_secret_hash)


def test_a_gateway_retry_never_files_a_second_complaint(file_complaint):
    first = file_complaint(external_id="sms:kannel:42")
    again = complaint_receive(message=IntakeMessage(channel="sms", program="bpnt", text="Saldo", external_id="sms:kannel:42"))
    assert not again.created and again.complaint.pk == first.pk
    assert Complaint.objects.count() == 1 and Event.objects.count() == 1


def test_pkh_complaints_get_four_staged_due_dates(file_complaint):
    complaint = file_complaint(program="pkh", text="Bantuan PKH tidak cair.")
    assert complaint.policy.slug == "pkh"
    stages = list(complaint.stages.all())
    assert [s.name for s in stages][0].startswith("Dokumentasi")
    assert len(stages) == 4 and stages[-1].due_at == complaint.due_at
    assert stages[0].due_at < stages[1].due_at < stages[2].due_at < stages[3].due_at


def test_a_complaint_in_papua_is_due_at_the_end_of_a_day_in_wit(file_complaint):
    complaint = file_complaint(region_code="91.71.01.1001")
    local = complaint.due_at.astimezone(ZoneInfo("Asia/Jayapura"))
    assert (local.hour, local.minute, local.second) == (23, 59, 59)


def test_the_topic_sets_the_severity_of_a_keluhan(file_complaint):
    complaint = file_complaint(category_type="keluhan", topic="bpnt-7")  # penyalahgunaan bantuan
    assert complaint.severity == "berat"
    info = file_complaint(category_type="permintaan_informasi", topic="bpnt-1")
    assert info.severity == "ringan"


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"text": "   "}, "text", errors.EMPTY_TEXT),
        ({"program": "blt"}, "program", "Program 'blt' tidak dikenal"),
        ({"region_code": "99.99"}, "location_code", "Kode wilayah '99.99' tidak ditemukan"),
        ({"severity": "parah"}, "severity", "Tingkat 'parah' tidak dikenal"),
        ({"reporter": Reporter(nik="12345")}, "reporter.nik", "NIK harus 16 angka"),
        ({"received_at": datetime(2099, 1, 1, tzinfo=WIB)}, "received_at", errors.FUTURE_RECEIPT),
    ],
)
def test_bad_input_is_refused_with_a_message_that_says_what_to_fix(file_complaint, overrides, field, message):
    with pytest.raises(errors.ActionError) as refused:
        file_complaint(**overrides)
    assert refused.value.field == field and message in refused.value.message
    assert Complaint.objects.count() == 0
