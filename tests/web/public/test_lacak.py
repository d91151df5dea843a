"""/lacak/: following a complaint, rebutting the answer, rating the handling."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from aduan.core.actions import complaint_close, complaint_follow_up, complaint_receive
from aduan.core.enums import EventKind, Status
from aduan.core.intake import IntakeMessage, Reporter
from aduan.core.models import Complaint
from aduan.core.workflow import REBUT_WINDOW_CLOSED
from aduan.surveys.actions import ONLY_CLOSED
from aduan.web import lacak

pytestmark = pytest.mark.django_db
SECRET = "123456"  # the reporter's secret from the receipt


@pytest.fixture
def file(world):
    def file(**overrides):
        fields = {"channel": "web", "program": "bpnt", "text": "Saldo belum masuk. NIK saya 3506104501900002.",
                  "region_code": "35.06.10.2005",
                  "reporter": Reporter(name="Siti Aminah", phone="+6281234567890", kks="3235386475739456"),
                  "confidential_secret": SECRET}
        fields.update(overrides)
        # Received at Kediri's desk, so that Kediri's officer (the `officer` fixture) handles it.
        return complaint_receive(message=IntakeMessage(**fields), receiving_unit=world["dinsos-35-06"])
    return file


@pytest.fixture
def answered(file, officer):
    complaint = file().complaint
    complaint_follow_up(complaint=complaint, actor=officer, answer="Saldo sudah ditransfer ulang oleh bank.",
                        internal_note="Bank BRI cabang Kediri dihubungi; petugas: Pak Joko.")
    return complaint


def detail_url(complaint):
    return f"/lacak/{complaint.tracking_number}/"


def test_a_lookup_forgives_case_and_spaces(client, answered):
    typed = answered.tracking_number.lower().replace("-", " ")

    response = client.post("/lacak/", {"nomor": typed})

    assert response.status_code == 302 and response["Location"] == detail_url(answered)


def test_the_timeline_shows_public_notes_only_and_no_identity(client, answered):
    page = client.get(detail_url(answered)).content.decode()

    assert "Saldo sudah ditransfer ulang oleh bank." in page
    assert "Pengaduan diterima dan dicatat." in page
    assert "Pak Joko" not in page and "Bank BRI cabang Kediri" not in page
    assert "Siti" not in page and "81234567890" not in page and "3235386475739456" not in page
    assert "3506104501900002" not in page  # digit runs in the text are masked
    assert "Yuli" not in page  # the officer's name is not the reporter's business


def test_an_unknown_number_is_not_found(client, world):
    response = client.post("/lacak/", {"nomor": "ABCDE-23456"})

    assert response.status_code == 404
    assert lacak.NOT_FOUND in response.content.decode()


def test_guessing_numbers_is_throttled_per_address(client, world, settings):
    settings.ADUAN = {**settings.ADUAN, "THROTTLE": {"lacak": (3, 600)}}

    statuses = [client.post("/lacak/", {"nomor": f"ABCDE-2345{n}"}).status_code for n in range(2, 7)]

    assert statuses == [404, 404, 404, 429, 429]


def test_a_confidential_complaint_needs_its_secret(client, file):
    result = file(reporter=Reporter(confidential=True, name="Siti"), confidential_secret="123456")
    number = result.complaint.tracking_number

    assert client.get(f"/lacak/{number}/").status_code == 403
    assert lacak.SECRET_NEEDED in client.post("/lacak/", {"nomor": number}).content.decode()
    wrong = client.post("/lacak/", {"nomor": number, "rahasia": "654321"})
    assert wrong.status_code == 403 and lacak.SECRET_WRONG in wrong.content.decode()

    right = client.post("/lacak/", {"nomor": number, "rahasia": "123456"})

    assert right.status_code == 302
    assert client.get(f"/lacak/{number}/").status_code == 200


def test_guessing_a_secret_is_throttled_per_complaint_but_a_sent_code_still_works(client, file, settings):
    settings.ADUAN = {**settings.ADUAN, "THROTTLE": {**lacak.throttle.LIMITS, "secret": (3, 3600)}}
    complaint = file(reporter=Reporter(confidential=True, name="Siti", phone="+6281234567890")).complaint
    number = complaint.tracking_number

    for guess in ("000001", "000002", "000003"):
        client.post("/lacak/", {"nomor": number, "rahasia": guess})
    response = client.post("/lacak/", {"nomor": number, "rahasia": SECRET})
    assert response.status_code == 403  # the secret waits out the window: guessing it is hopeless

    sent = client.post(f"/lacak/{number}/kode/")
    assert sent.status_code == 200 and "**********7890" in sent.content.decode()
    code = sent_code(complaint)
    assert client.post("/lacak/", {"nomor": number, "rahasia": code}).status_code == 302
    assert client.get(f"/lacak/{number}/").status_code == 200


def sent_code(complaint) -> str:
    from aduan.notifications.models import Notification

    body = Notification.objects.filter(complaint=complaint, event=None).latest("created_at").body
    return re.search(r"\b(\d{6})\b", body).group(1)


def test_with_only_the_number_nobody_rebuts_or_rates(client, answered, officer):
    page = client.get(detail_url(answered)).content.decode()
    assert "Kirim sanggahan" in page and 'name="kode"' in page

    no_code = client.post(f"{detail_url(answered)}sanggah/", {"text": "Bukan pelapornya."})
    wrong = client.post(f"{detail_url(answered)}sanggah/", {"text": "Bukan pelapornya.", "kode": "000000"})

    assert no_code.status_code == 400 and wrong.status_code == 403
    assert not answered.events.filter(kind=EventKind.REBUTTED).exists()
    complaint_close(complaint=answered, actor=officer, reason="Dikonfirmasi.")
    rated = client.post(f"{detail_url(answered)}nilai/", {**survey(1), "kode": "999999"})
    assert rated.status_code == 403 and not answered.surveys.exists()


def test_a_one_time_code_goes_to_the_reporters_phone_and_works_once(client, answered):
    sent = client.post(f"{detail_url(answered)}kode/")
    code = sent_code(answered)
    notification = answered.notifications.get(event=None)
    assert sent.status_code == 200 and notification.recipient == "+6281234567890" and code not in sent.content.decode()

    first = client.post(f"{detail_url(answered)}sanggah/", {"text": "Saldo belum masuk.", "kode": code})
    assert first.status_code == 302 and answered.events.filter(kind=EventKind.REBUTTED).count() == 1

    other_browser = type(client)()
    again = other_browser.post(f"{detail_url(answered)}sanggah/", {"text": "Lagi.", "kode": code})
    assert again.status_code in (403, 409) and answered.events.filter(kind=EventKind.REBUTTED).count() == 1


def test_wrong_codes_are_limited_per_client_without_locking_out_the_reporter(client, answered, settings):
    settings.ADUAN = {**settings.ADUAN, "THROTTLE": {**lacak.throttle.LIMITS, "code_client": (3, 3600)}}
    for guess in ("000001", "000002", "000003"):
        client.post(f"{detail_url(answered)}sanggah/", {"text": "x", "kode": guess})
    blocked = client.post(f"{detail_url(answered)}sanggah/", {"text": "x", "kode": SECRET})
    assert blocked.status_code == 403  # this client has used up its guesses, even with the right code

    reporter_phone = type(client)(REMOTE_ADDR="10.9.8.7")
    ok = reporter_phone.post(f"{detail_url(answered)}sanggah/", {"text": "Saldo belum masuk.", "kode": SECRET})
    assert ok.status_code == 302 and answered.events.filter(kind=EventKind.REBUTTED).count() == 1


def test_the_reporter_rebuts_within_the_window(client, answered):
    page = client.get(detail_url(answered)).content.decode()
    assert "Kirim sanggahan" in page

    response = client.post(f"{detail_url(answered)}sanggah/", {"text": "Saldo belum juga masuk.", "kode": SECRET})

    answered.refresh_from_db()
    assert response.status_code == 302
    assert answered.status == Status.PROSES and answered.closure_due_at is None
    assert answered.events.filter(kind=EventKind.REBUTTED, public_note="Saldo belum juga masuk.").exists()
    assert lacak.REBUTTED in client.get(response["Location"]).content.decode()


def test_a_rebuttal_after_the_window_is_refused(client, file, officer):
    complaint = file().complaint
    complaint_follow_up(complaint=complaint, actor=officer, answer="Sudah beres.", at=timezone.now() - timedelta(days=12))

    page = client.get(detail_url(complaint)).content.decode()
    response = client.post(f"{detail_url(complaint)}sanggah/", {"text": "Belum beres.", "kode": SECRET})

    assert "Kirim sanggahan" not in page
    assert response.status_code == 409 and REBUT_WINDOW_CLOSED in response.content.decode()
    assert not complaint.events.filter(kind=EventKind.REBUTTED).exists()


def survey(score: int = 4, **changes) -> dict:
    """The IKM questionnaire as the page posts it: U1–U9 and the optional respondent data."""
    return {**{f"u{n}": str(score) for n in range(1, 10)}, "gender": "", "age": "", "education": "", "occupation": "",
            "comment": "", **changes}


def test_the_reporter_answers_the_ikm_survey_after_closure(client, answered, officer):
    complaint_close(complaint=answered, actor=officer, reason="Pelapor mengonfirmasi lewat telepon.")
    page = client.get(detail_url(answered)).content.decode()
    assert "Kirim survei" in page and "Persyaratan" in page and "Sarana dan prasarana" in page

    response = client.post(f"{detail_url(answered)}nilai/", {**survey(4, u3="3", gender="P", age="42", education="sd"),
                                                            "comment": "Cepat ditangani.", "kode": SECRET})

    assert response.status_code == 302
    survey_row = answered.surveys.get()
    assert survey_row.scores["U3"] == 3 and survey_row.scores["U1"] == 4 and survey_row.source == "lacak"
    assert (survey_row.gender, survey_row.age, survey_row.education) == ("P", 42, "sd")
    assert survey_row.unit == answered.holder
    page = client.get(detail_url(answered)).content.decode()
    assert "Kirim survei" not in page and "Cepat ditangani." in page


def test_an_earlier_one_to_five_rating_stays_visible_and_is_not_asked_again(client, answered, officer):
    complaint_close(complaint=answered, actor=officer, reason="Dikonfirmasi.")
    Complaint.objects.filter(pk=answered.pk).update(rating=4)
    page = client.get(detail_url(answered)).content.decode()
    assert "4 dari 5" in page and "Kirim survei" not in page


def test_the_survey_of_an_open_complaint_is_refused(client, answered):
    assert "Kirim survei" not in client.get(detail_url(answered)).content.decode()

    response = client.post(f"{detail_url(answered)}nilai/", {**survey(4), "kode": SECRET})

    assert response.status_code == 409 and ONLY_CLOSED in response.content.decode()


def test_a_missing_element_keeps_what_was_chosen(client, answered, officer):
    complaint_close(complaint=answered, actor=officer, reason="Dikonfirmasi.")

    data = survey(3, comment="Petugas ramah.")
    del data["u9"]
    response = client.post(f"{detail_url(answered)}nilai/", {**data, "kode": SECRET})

    page = response.content.decode()
    assert response.status_code == 400 and not answered.surveys.exists()
    assert "Pilih nilai 1–4 untuk unsur ini." in page and "Petugas ramah." in page
    assert re.search(r'<input[^>]*name="u1" value="3"[^>]*checked', page)


def test_the_timeline_page_reads_a_fixed_number_of_queries(client, answered, officer, django_assert_max_num_queries):
    for n in range(5):
        complaint_follow_up(complaint=answered, actor=officer, answer=f"Jawaban ke-{n}.")

    with django_assert_max_num_queries(8):
        response = client.get(detail_url(answered))

    assert response.status_code == 200
