"""One SMS through the whole intake: kept, parsed, resolved, filed or answered (SPEC R1, R7)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from aduan.core.actions import complaint_close_expired, complaint_follow_up, complaint_locate
from aduan.core.enums import Status
from aduan.core.models import Complaint
from aduan.intake.sms import parser, replies
from aduan.intake.sms.gateways.kannel_dialect import fits_one_sms, is_gsm7
from aduan.intake.sms.models import InboundSms, Outcome
from aduan.intake.sms.pipeline import handle_inbound_sms, normalize_sender
from aduan.organisation.models import Membership, Role, Unit
from aduan.registry.models import Record
from aduan.surveys.models import Survey

from .conftest import CITIZEN, CITIZEN_E164, KEDIRI_SMS, PURWODADI, RAWAJATI, RAWAJATI_SMS, STRANGER

pytestmark = pytest.mark.usefixtures("sms_world")

_ids = iter(range(1, 10**6))


def sms(text: str, sender: str = CITIZEN, *, message_id: str | None = None, **extra):
    return handle_inbound_sms(gateway="kannel", message_id=message_id or f"m-{next(_ids)}", sender=sender,
                              receiver="1708", text=text, **extra)


def filed(outcome) -> Complaint:
    return Complaint.objects.get(tracking_number=outcome.tracking_number)


# --- filing ---------------------------------------------------------------------------------


def test_the_bpnt_seed_example_is_filed_in_rawajati_with_its_kks():
    outcome = sms(RAWAJATI_SMS)
    complaint = filed(outcome)
    assert outcome.outcome == Outcome.FILED and outcome.location_code == RAWAJATI and not outcome.needs_review
    assert complaint.region_id == RAWAJATI and not complaint.location_needs_review
    assert complaint.program.code == "bpnt" and complaint.channel == "sms"
    assert complaint.reporter_kks == "3235386475739456" and complaint.reporter_phone == CITIZEN_E164
    assert complaint.text.startswith("No.KKS 3235386475739456 Saya telah mencoba belanja")
    assert complaint.location_text == "DKI#Jkt Selatan#Pancoran#Rawajati"
    assert complaint.external_id.startswith("sms:kannel:m-")
    assert outcome.reply == replies.fit(replies.FILED, shrink="place", program="BPNT", tracking=complaint.tracking_number,
                                        place="Rawajati, Kota Administrasi Jakarta Selatan")
    assert complaint.tracking_number in outcome.reply and fits_one_sms(outcome.reply)


def test_the_seed_sms_carries_the_triage_suggestion_from_the_start():
    """Issue 10: the SMS names no topic; triage reads a card balance in its text, the bank's."""
    complaint = filed(sms(RAWAJATI_SMS))
    assert complaint.topic_id is None and complaint.needs_checking
    assert (complaint.triage["topic"], complaint.triage["authority"]) == ("bpnt-3", "bank")
    assert complaint.triage["program"] == "bpnt" and complaint.triage["confidence"] >= 0.8


def test_the_registry_answers_an_sms_reporter_by_the_card_number_in_the_text():
    """SPEC R21: the KKS the citizen typed is looked up as the complaint is filed."""
    Record.objects.create(source="dtks", period="2026-11", nik="3174084501800001", name="Siti Aminah",
                          region_code=RAWAJATI, program="bpnt", status="aktif", kks="3235386475739456", bank="BNI",
                          updated_at=timezone.now())
    (match,) = filed(sms(RAWAJATI_SMS)).registry_matches.all()
    assert (match.by, match.found, match.bank, match.period) == ("kks", True, "BNI", "2026-11")


def test_an_implausible_nik_in_an_sms_is_kept_in_the_text_but_not_as_the_reporters():
    """No reply could correct it, so the complaint is filed; the number stays readable in the text."""
    complaint = filed(sms("NT #DKI#Jkt Selatan#Pancoran#Rawajati#NIK 9974081234567890 saldo kosong"))
    assert complaint.reporter_nik == "" and "9974081234567890" in complaint.text
    assert [(m.by, m.found) for m in complaint.registry_matches.all()] == []


def test_the_rastra_seed_example_is_filed_in_kabupaten_kediri_not_the_kota():
    outcome = sms(KEDIRI_SMS)
    complaint = filed(outcome)
    assert complaint.region_id == PURWODADI and complaint.region.parent.parent.name == "Kabupaten Kediri"
    assert complaint.program.code == "rastra" and not outcome.needs_review
    assert "Purwodadi, Kabupaten Kediri" in outcome.reply


def test_every_inbound_message_is_kept_with_what_it_was_answered():
    outcome = sms(RAWAJATI_SMS, message_id="kept-1")
    row = InboundSms.objects.get(gateway="kannel", gateway_message_id="kept-1")
    assert (row.sender, row.receiver, row.text) == (CITIZEN_E164, "1708", RAWAJATI_SMS)
    assert row.outcome == Outcome.FILED and row.reply == outcome.reply and row.complaint.tracking_number == outcome.tracking_number


def test_a_retry_with_the_same_message_id_files_nothing_and_answers_the_same():
    first = sms(RAWAJATI_SMS, message_id="retry-1")
    again = sms(RAWAJATI_SMS, message_id="retry-1")
    assert again == first
    assert Complaint.objects.count() == 1 and InboundSms.objects.count() == 1


def test_a_retry_of_a_sanggahan_does_not_rebut_twice():
    complaint = filed(sms(RAWAJATI_SMS))
    complaint_follow_up(complaint=complaint, actor=None, answer="Saldo sudah masuk.")
    first = sms(f"SANGGAH {complaint.tracking_number} belum masuk", message_id="rebut-1")
    again = sms(f"SANGGAH {complaint.tracking_number} belum masuk", message_id="rebut-1")
    assert again == first and "diterima" in first.reply
    assert complaint.events.filter(kind="rebutted").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="SQLite serialises writers; the race needs PostgreSQL")
def test_two_deliveries_of_one_message_racing_file_once():
    barrier, results = threading.Barrier(2), []

    def deliver():
        try:
            barrier.wait()
            results.append(sms(RAWAJATI_SMS, message_id="race-1"))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2 and results[0] == results[1]
    assert Complaint.objects.count() == 1 and InboundSms.objects.count() == 1


def test_the_same_complaint_sent_again_under_a_new_id_is_a_duplicate_not_a_second_complaint():
    first = sms(RAWAJATI_SMS)
    again = sms(RAWAJATI_SMS)
    assert again.outcome == Outcome.DUPLICATE and again.tracking_number == first.tracking_number
    assert again.reply == replies.fit(replies.DUPLICATE, tracking=first.tracking_number)
    assert Complaint.objects.count() == 1 and InboundSms.objects.count() == 2


def test_the_same_text_from_another_phone_is_another_complaint():
    assert sms(RAWAJATI_SMS).tracking_number != sms(RAWAJATI_SMS, sender=STRANGER).tracking_number


def test_an_unknown_kecamatan_is_still_filed_as_deep_as_certain_and_flagged():
    outcome = sms("NT#Jawa Timur#Kediri#Atlantis#Purwodadi#Saldo KKS kosong tiga bulan")
    complaint = filed(outcome)
    # Kediri is both a kabupaten and a kota; with the kecamatan unknown only the province is certain.
    assert complaint.region_id == "35" and complaint.location_needs_review and outcome.needs_review
    assert outcome.outcome == Outcome.FILED and outcome.location_code == "35"
    assert complaint.location_text == "Jawa Timur#Kediri#Atlantis#Purwodadi"
    assert "Atlantis" in outcome.reply and complaint.tracking_number in outcome.reply
    assert fits_one_sms(outcome.reply)


def test_an_unknown_desa_stops_at_the_kecamatan():
    outcome = sms("NT#Jatim#Kediri#Ringinrejo#Xyzzy#Saldo KKS kosong tiga bulan")
    assert outcome.location_code == "35.06.23" and outcome.needs_review
    assert "Desa/kelurahan 'Xyzzy' tidak ditemukan" in outcome.reply


def test_a_place_nowhere_in_indonesia_is_filed_without_a_region():
    outcome = sms("NT#Narnia#Lemari#Pintu#Salju#Bantuan tidak pernah datang")
    complaint = filed(outcome)
    assert complaint.region is None and complaint.location_needs_review and outcome.location_code is None
    assert "Provinsi 'Narnia' tidak ditemukan" in outcome.reply


def test_a_region_the_table_lacks_is_filed_without_it_rather_than_lost():
    outcome = sms("NT#Papua#Jayapura#Abepura#Awiyo#Bantuan tidak pernah datang")  # known to lokal only
    complaint = filed(outcome)
    assert complaint.region is None and complaint.location_needs_review
    assert complaint.location_text == "Papua#Jayapura#Abepura#Awiyo"


def test_a_future_timestamp_from_the_sms_centre_is_taken_as_now():
    outcome = sms(RAWAJATI_SMS, received_at=timezone.now() + timedelta(hours=3))
    assert filed(outcome).received_at <= timezone.now()


# --- not understood -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("", parser.EMPTY_HELP),
        ("   ", parser.EMPTY_HELP),
        ("Tolong pak bantuan saya belum cair", parser.KEYWORD_HELP),
        ("NT#Jawa Timur#Kediri#Ringinrejo#Purwodadi#", parser.NO_TEXT_HELP),
        ("R#Kediri#beras jelek", parser.FORMAT_HELP_RASTRA),
        ("CEK", parser.CHECK_HELP),
        ("SANGGAH", parser.REBUT_HELP),
    ],
)
def test_what_is_not_understood_is_kept_and_answered_with_the_format(text, reply):
    outcome = sms(text, message_id="bad-1")
    assert outcome.outcome == Outcome.INVALID and outcome.reply == reply and outcome.tracking_number is None
    assert InboundSms.objects.get(gateway_message_id="bad-1").text == text
    assert not Complaint.objects.exists()


def test_a_complaint_the_core_refuses_is_answered_with_the_reason(settings):
    from aduan.taxonomy.models import Program

    Program.objects.filter(code="pkh").update(is_active=False)
    outcome = sms("PKH#Jawa Timur#Kediri#Ringinrejo#Purwodadi#Bantuan belum cair")
    assert outcome.outcome == Outcome.INVALID and outcome.reply.startswith("Pengaduan belum dapat dicatat: Program 'pkh'")
    assert fits_one_sms(outcome.reply)


# --- CEK ------------------------------------------------------------------------------------


def test_cek_by_the_filer_answers_the_status_and_the_latest_public_answer():
    complaint = filed(sms(RAWAJATI_SMS))
    complaint_follow_up(complaint=complaint, actor=None, answer="Saldo sudah ditransfer ulang oleh BRI.")
    outcome = sms(f"cek {complaint.tracking_number.lower()}", sender=CITIZEN_E164)
    assert outcome.outcome == Outcome.CHECK and outcome.tracking_number == complaint.tracking_number
    assert outcome.reply == f"Pengaduan {complaint.tracking_number}: Proses. Saldo sudah ditransfer ulang oleh BRI."


def test_cek_before_any_answer_says_it_is_received():
    complaint = filed(sms(RAWAJATI_SMS))
    outcome = sms(f"CEK {complaint.tracking_number}")
    assert outcome.reply == f"Pengaduan {complaint.tracking_number}: Belum ditindaklanjuti. Pengaduan diterima dan dicatat."


def test_cek_by_a_stranger_learns_nothing():
    complaint = filed(sms(RAWAJATI_SMS))
    outcome = sms(f"CEK {complaint.tracking_number}", sender=STRANGER)
    assert outcome.reply == replies.NOT_FOUND.format(tracking=complaint.tracking_number)
    assert outcome.tracking_number is None
    # The same words as for a number that does not exist at all.
    assert sms("CEK ABCDE-FGHJK", sender=STRANGER).reply == replies.NOT_FOUND.format(tracking="ABCDE-FGHJK")
    assert InboundSms.objects.filter(outcome=Outcome.CHECK, complaint__isnull=True).count() == 2


def test_cek_finds_a_complaint_filed_on_the_web_with_a_local_number(sms_world):
    from aduan.core.actions import complaint_receive
    from aduan.core.intake import IntakeMessage, Reporter

    web = complaint_receive(message=IntakeMessage(channel="web", program="bpnt", text="Kartu hilang.",
                                                  reporter=Reporter(phone="081234567890"))).complaint
    assert sms(f"CEK {web.tracking_number}", sender="6281234567890").tracking_number == web.tracking_number


def test_a_long_answer_is_shortened_to_one_sms():
    complaint = filed(sms(RAWAJATI_SMS))
    complaint_follow_up(complaint=complaint, actor=None, answer="Saldo sudah ditransfer ulang. " * 12)
    outcome = sms(f"CEK {complaint.tracking_number}")
    assert fits_one_sms(outcome.reply) and outcome.reply.endswith("...")


# --- SANGGAH --------------------------------------------------------------------------------


@pytest.fixture
def answered():
    complaint = filed(sms(RAWAJATI_SMS))
    return complaint_follow_up(complaint=complaint, actor=None, answer="Saldo sudah masuk.")


def test_sanggah_inside_the_window_rebuts(answered):
    outcome = sms(f"SANGGAH {answered.tracking_number} saldo masih kosong, sudah cek di ewarong")
    assert outcome.outcome == Outcome.REBUT
    assert outcome.reply == replies.REBUT_ACCEPTED.format(tracking=answered.tracking_number)
    answered.refresh_from_db()
    assert answered.status == Status.PROSES and answered.closure_due_at is None
    assert answered.events.get(kind="rebutted").public_note == "saldo masih kosong, sudah cek di ewarong"


def test_sanggah_after_the_window_is_refused(answered):
    Complaint.objects.filter(pk=answered.pk).update(closure_due_at=timezone.now() - timedelta(minutes=1))
    outcome = sms(f"SANGGAH {answered.tracking_number} saldo masih kosong")
    assert outcome.reply == replies.REBUT_WINDOW_CLOSED.format(tracking=answered.tracking_number)
    assert not answered.events.filter(kind="rebutted").exists()


def test_sanggah_sent_inside_the_window_but_delivered_late_still_counts(answered):
    sent = timezone.now() - timedelta(minutes=5)
    Complaint.objects.filter(pk=answered.pk).update(closure_due_at=timezone.now() - timedelta(minutes=1))
    outcome = sms(f"SANGGAH {answered.tracking_number} saldo masih kosong", received_at=sent)
    assert outcome.reply == replies.REBUT_ACCEPTED.format(tracking=answered.tracking_number)


def test_sanggah_before_any_follow_up_has_nothing_to_rebut():
    complaint = filed(sms(RAWAJATI_SMS))
    outcome = sms(f"SANGGAH {complaint.tracking_number} kok belum dijawab")
    assert outcome.reply == replies.REBUT_NOTHING_TO_REBUT.format(tracking=complaint.tracking_number)


def test_a_second_sanggahan_waits_for_the_answer_to_the_first(answered):
    sms(f"SANGGAH {answered.tracking_number} saldo masih kosong")
    outcome = sms(f"SANGGAH {answered.tracking_number} tolong segera")
    assert outcome.reply == replies.REBUT_PENDING.format(tracking=answered.tracking_number)


def test_sanggah_from_a_stranger_is_not_found_and_changes_nothing(answered):
    outcome = sms(f"SANGGAH {answered.tracking_number} ini bohong", sender=STRANGER)
    assert outcome.reply == replies.NOT_FOUND.format(tracking=answered.tracking_number)
    assert not answered.events.filter(kind="rebutted").exists()


# --- replies ------------------------------------------------------------------------------------

LONG_TRACKING = "WWWWW-WWWWW"
# The longest names the regions have, and a resolver problem about them.
LONG_PLACE = "Desa Adat Kampung Baru Sungai Tenggulun Seberang, Kabupaten Kepulauan Siau Tagulandang Biaro"
LONG_PROBLEM = (
    "Desa/kelurahan 'Kampung Baru Sungai Tenggulun Seberang Ilir' tidak ditemukan di Kecamatan "
    "Siau Timur Selatan atau Kecamatan Tagulandang Utara."
)


@pytest.mark.parametrize(
    ("template", "shrink", "fields"),
    [
        (replies.FILED, "place", {"program": "Rastra", "tracking": LONG_TRACKING, "place": LONG_PLACE}),
        (replies.FILED_LOCATION_UNCLEAR, "problem", {"program": "Rastra", "tracking": LONG_TRACKING, "problem": LONG_PROBLEM}),
        (replies.DUPLICATE, None, {"tracking": LONG_TRACKING}),
        (replies.CHECK_STATUS, "answer", {"tracking": LONG_TRACKING, "status": "Belum ditindaklanjuti", "answer": "x " * 200}),
        (replies.NOT_FOUND, None, {"tracking": "WWWWWWWWWWWW"}),
        (replies.REBUT_ACCEPTED, None, {"tracking": LONG_TRACKING}),
        (replies.REBUT_WINDOW_CLOSED, None, {"tracking": LONG_TRACKING}),
        (replies.REBUT_NOTHING_TO_REBUT, None, {"tracking": LONG_TRACKING}),
        (replies.REBUT_PENDING, None, {"tracking": LONG_TRACKING}),
        (replies.REJECTED, "reason", {"reason": "Program 'pkh' tidak dikenal. Pilih salah satu: bpnt, rastra. " * 3}),
    ],
)
def test_every_reply_is_one_gsm7_sms_even_with_the_longest_names(template, shrink, fields):
    text = replies.fit(template, shrink=shrink, **fields)
    assert fits_one_sms(text) and is_gsm7(text)
    if shrink is None:  # a fixed reply must fit whole, never cut
        assert text == template.format(**fields)
    else:  # what matters is kept: the tracking number
        assert LONG_TRACKING in text or "tracking" not in fields


@pytest.mark.parametrize("help_text", [parser.FORMAT_HELP, parser.FORMAT_HELP_RASTRA, parser.FORMAT_HELP_PKH, parser.CHECK_HELP,
                                       parser.REBUT_HELP, parser.KEYWORD_HELP, parser.EMPTY_HELP, parser.NO_TEXT_HELP])
def test_the_parsers_help_texts_fit_one_sms(help_text):
    assert fits_one_sms(help_text) and is_gsm7(help_text)


def test_typography_and_accents_are_made_gsm7_not_ucs2():
    assert replies.fit(replies.CHECK_STATUS, shrink="answer", tracking="A", status="Proses",
                       answer="“Saldo” sudah masuk — ke Syaukânî") == 'Pengaduan A: Proses. "Saldo" sudah masuk - ke Syaukani'


@pytest.mark.parametrize(("raw", "e164"), [("081234567890", "+6281234567890"), ("6281234567890", "+6281234567890"),
                                           ("+62 812-3456-7890", "+6281234567890"), ("1708", "1708"), ("TELKOMSEL", "TELKOMSEL")])
def test_senders_are_normalised_to_e164(raw, e164):
    assert normalize_sender(raw) == e164


def test_a_place_an_officer_corrected_is_understood_the_next_time_it_is_written_so(django_user_model):
    officer = django_user_model.objects.create_user(username="desk")
    Membership.objects.create(user=officer, unit=Unit.objects.get(code="admin-utama"), role=Role.ADMINISTRATOR)
    first = filed(sms("NT#Jatim#Kdr#Ringin Rejo#Pwdadi#Saldo KKS kosong tiga bulan"))
    assert first.location_needs_review

    complaint_locate(complaint=first, actor=officer, region_code=PURWODADI)
    again = sms("NT#jatim#KDR#ringinrejo#PWDADI#Beras rusak", sender=STRANGER)

    assert (again.location_code, again.needs_review) == (PURWODADI, False)
    assert not filed(again).location_needs_review
    another_spelling = sms("NT#Jatim#Kdr#Ringin Rejo#Pwdd#Beras rusak", sender=STRANGER)
    assert another_spelling.needs_review  # only what was taught, never a guess


# --- NILAI (the IKM survey by SMS) ------------------------------------------------------------


def test_nilai_after_closure_records_the_nine_scores(answered):
    complaint_close_expired(now=answered.closure_due_at)
    outcome = sms(f"nilai {answered.tracking_number} 4 4 3 4 4 4 3 4 4")
    assert outcome.outcome == Outcome.RATE
    assert outcome.reply == replies.RATE_ACCEPTED.format(tracking=answered.tracking_number) and fits_one_sms(outcome.reply)
    survey = Survey.objects.get(complaint=answered)
    assert survey.scores == {"U1": 4, "U2": 4, "U3": 3, "U4": 4, "U5": 4, "U6": 4, "U7": 3, "U8": 4, "U9": 4}
    assert survey.source == "sms"
    again = sms(f"NILAI {answered.tracking_number} 111111111")
    assert again.reply == replies.RATE_ALREADY.format(tracking=answered.tracking_number)
    assert Survey.objects.count() == 1


def test_nilai_before_closure_or_from_another_phone_records_nothing(answered):
    assert sms(f"NILAI {answered.tracking_number} 4 4 4 4 4 4 4 4 4").reply == replies.RATE_NOT_CLOSED.format(
        tracking=answered.tracking_number)
    assert sms(f"NILAI {answered.tracking_number} 4 4 4 4 4 4 4 4 4", sender=STRANGER).outcome == Outcome.RATE
    assert not Survey.objects.exists()


@pytest.mark.parametrize("scores", ["4 4 4", "4 4 4 4 4 4 4 4 5", "4 4 4 4 4 4 4 4 4 4", "baik sekali"])
def test_nilai_with_the_wrong_scores_says_how_to_write_it(answered, scores):
    outcome = sms(f"NILAI {answered.tracking_number} {scores}")
    assert outcome.outcome == Outcome.INVALID and outcome.reply == parser.RATE_HELP and fits_one_sms(outcome.reply)
