"""The action forms: POST with CSRF, one action each, errors next to the field with what was typed
kept (400), redirect with a message on success (PRG), refusals by role (403)."""

import pytest
from django.test import Client

from aduan.core.actions import complaint_close, complaint_dispose, complaint_follow_up
from aduan.core.enums import EventKind, Status
from aduan.core.models import Complaint, Event

pytestmark = pytest.mark.django_db


def page_of(complaint) -> str:
    return f"/petugas/aduan/{complaint.tracking_number}/"


def action(complaint, slug: str) -> str:
    return f"{page_of(complaint)}{slug}/"


@pytest.fixture
def at_kediri(people, world, file_complaint):
    complaint = file_complaint()
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"])
    return complaint


def test_disposition_moves_the_complaint_and_comes_back_with_a_message(sign_in, people, world, file_complaint):
    complaint = file_complaint()
    client = sign_in(people["admin"])

    response = client.post(action(complaint, "disposisi"),
                            {"disposisi-to_unit": world["dinsos-35-06"].pk, "disposisi-note": "Wilayah Kediri."})

    assert response.status_code == 302 and response["Location"] == page_of(complaint)
    complaint.refresh_from_db()
    assert complaint.handling_unit == world["dinsos-35-06"]
    assert Event.objects.filter(complaint=complaint, kind=EventKind.DISPOSED, note="Wilayah Kediri.").exists()
    assert "Pengaduan didisposisikan kepada Dinas Sosial Kediri." in client.get(page_of(complaint)).content.decode()


def test_a_follow_up_without_an_answer_is_refused_next_to_the_field_keeping_the_note(sign_in, people, at_kediri):
    response = sign_in(people["kediri"]).post(action(at_kediri, "tindak-lanjut"),
                                              {"tindak-lanjut-answer": "", "tindak-lanjut-internal_note": "Cek SIKS-NG dulu"})

    assert response.status_code == 400
    form = response.context["failed_form"]
    assert form.errors == {"answer": ["Wajib diisi."]}
    body = response.content.decode()
    assert 'id="id_tindak-lanjut-answer_error">Wajib diisi.' in body
    assert "Cek SIKS-NG dulu</textarea>" in body
    assert not Event.objects.filter(kind=EventKind.FOLLOWED_UP).exists()


def test_a_follow_up_answers_the_reporter_and_opens_the_rebuttal_window(sign_in, people, at_kediri):
    response = sign_in(people["kediri"]).post(action(at_kediri, "tindak-lanjut"), {
        "tindak-lanjut-answer": "Saldo masuk minggu depan.", "tindak-lanjut-internal_note": "Cek SIKS-NG."})

    assert response.status_code == 302
    at_kediri.refresh_from_db()
    assert at_kediri.status == Status.PROSES and at_kediri.closure_due_at is not None
    event = Event.objects.get(kind=EventKind.FOLLOWED_UP)
    assert (event.public_note, event.note, event.actor) == ("Saldo masuk minggu depan.", "Cek SIKS-NG.", people["kediri"])


def test_a_refusal_by_the_rules_shows_as_a_form_error_with_the_text_kept(sign_in, people, at_kediri):
    complaint_follow_up(complaint=at_kediri, actor=people["kediri"], answer="Sudah.")
    client = sign_in(people["kediri_fo"])
    client.get(page_of(at_kediri))  # the officer opens the page …
    complaint_close(complaint=at_kediri, actor=people["admin"], reason="Pelapor puas.")  # … someone else closes it

    response = client.post(action(at_kediri, "sanggahan"), {"sanggahan-text": "Pelapor menelepon: belum ada perubahan."})

    assert response.status_code == 400
    form = response.context["failed_form"]
    assert form.non_field_errors() == ["Tindakan 'rebut' tidak dapat dilakukan pada pengaduan berstatus 'selesai'."]
    assert "Pelapor menelepon: belum ada perubahan.</textarea>" in response.content.decode()


def test_a_rebuttal_taken_by_phone_puts_the_complaint_back_in_the_queue(sign_in, people, at_kediri):
    complaint_follow_up(complaint=at_kediri, actor=people["kediri"], answer="Sudah.")

    response = sign_in(people["kediri_fo"]).post(action(at_kediri, "sanggahan"), {"sanggahan-text": "Belum ada perubahan."})

    assert response.status_code == 302
    at_kediri.refresh_from_db()
    assert at_kediri.status == Status.PROSES and at_kediri.closure_due_at is None
    assert Event.objects.get(kind=EventKind.REBUTTED).actor == people["kediri_fo"]


def test_close_and_reopen_need_a_reason(sign_in, people, at_kediri):
    complaint_follow_up(complaint=at_kediri, actor=people["kediri"], answer="Sudah.")
    client = sign_in(people["kediri"])

    refused = client.post(action(at_kediri, "tutup"), {"tutup-reason": "  "})
    closed = client.post(action(at_kediri, "tutup"), {"tutup-reason": "Pelapor mengonfirmasi."})
    reopened = client.post(action(at_kediri, "buka-kembali"), {"buka-kembali-reason": "Pelapor datang lagi."})

    assert refused.status_code == 400 and refused.context["failed_form"].errors == {"reason": ["Wajib diisi."]}
    assert closed.status_code == 302 and reopened.status_code == 302
    at_kediri.refresh_from_db()
    assert at_kediri.status == Status.PROSES
    assert list(Event.objects.filter(kind__in=[EventKind.CLOSED, EventKind.REOPENED]).values_list("kind", flat=True)) == [
        EventKind.CLOSED, EventKind.REOPENED]


def test_return_sends_the_complaint_back_to_the_unit_that_disposed_it(sign_in, people, at_kediri):
    response = sign_in(people["kediri"]).post(action(at_kediri, "kembalikan"),
                                              {"kembalikan-reason": "Ini kewenangan bank."})

    assert response.status_code == 302
    at_kediri.refresh_from_db()
    assert at_kediri.handling_unit is None
    assert Event.objects.get(kind=EventKind.RETURNED).note == "Ini kewenangan bank."


def test_escalation_goes_one_level_up_by_default(sign_in, people, world, at_kediri):
    response = sign_in(people["kediri"]).post(action(at_kediri, "eskalasi"), {"eskalasi-reason": "Butuh rapat Tikor."})

    assert response.status_code == 302
    at_kediri.refresh_from_db()
    assert at_kediri.handling_unit == world["dinsos-35"]


def test_escalation_offers_only_the_ladder_above(sign_in, people, world, at_kediri):
    response = sign_in(people["kediri"]).get(page_of(at_kediri))

    escalate = next(f for f in response.context["action_forms"] if f.slug == "eskalasi")
    assert list(escalate.fields["to_unit"].queryset) == [world["dinsos-35"], world["tikor-pusat"]]


def test_a_province_may_forward_only_inside_its_province(sign_in, people, world, file_complaint):
    complaint = file_complaint()
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35"])
    client = sign_in(people["jatim"])

    form = next(f for f in client.get(page_of(complaint)).context["action_forms"] if f.slug == "disposisi")
    outside = client.post(action(complaint, "disposisi"), {"disposisi-to_unit": world["bri"].pk})

    assert world["dinsos-35-06"] in form.fields["to_unit"].queryset
    assert world["bri"] not in form.fields["to_unit"].queryset
    assert outside.status_code == 400 and "to_unit" in outside.context["failed_form"].errors


def test_an_action_the_role_does_not_allow_is_forbidden(sign_in, people, at_kediri):
    response = sign_in(people["pengawas"]).post(action(at_kediri, "tindak-lanjut"), {"tindak-lanjut-answer": "x"})

    assert response.status_code == 403
    assert not Event.objects.filter(kind=EventKind.FOLLOWED_UP).exists()


def test_an_unknown_action_is_not_found_and_get_is_not_allowed(sign_in, people, at_kediri):
    client = sign_in(people["kediri"])

    assert client.post(action(at_kediri, "hapus"), {}).status_code == 404
    assert client.get(action(at_kediri, "tindak-lanjut")).status_code == 405


def test_forms_need_the_csrf_token(people, at_kediri):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["kediri"])

    response = client.post(action(at_kediri, "tindak-lanjut"), {"tindak-lanjut-answer": "Sudah."})

    assert response.status_code == 403
    assert 'name="csrfmiddlewaretoken"' in client.get(page_of(at_kediri)).content.decode()


def test_signing_in_and_out(client, people):
    page = client.get("/masuk/")
    wrong = client.post("/masuk/", {"username": "kediri", "password": "salah"})
    right = client.post("/masuk/", {"username": "kediri", "password": "kata-sandi-uji-2026"})
    out_page = client.get("/keluar/")
    out = client.post("/keluar/")

    assert page.status_code == 200 and "Masuk sebagai petugas" in page.content.decode()
    assert wrong.status_code == 200 and "Nama pengguna atau kata sandi salah" in wrong.content.decode()
    assert right.status_code == 302 and right["Location"] == "/petugas/"
    assert out_page.status_code == 200 and "Keluar dari aplikasi?" in out_page.content.decode()
    assert out.status_code == 302
    assert client.get("/petugas/").status_code == 302


def test_an_unclassified_sms_asks_for_its_classification_first(sign_in, people, at_kediri):
    Complaint.objects.filter(pk=at_kediri.pk).update(topic=None, category_type=None)

    response = sign_in(people["kediri"]).get(page_of(at_kediri))

    assert [form.slug for form in response.context["action_forms"]][0] == "klasifikasi"
    assert '<details class="action" id="aksi-klasifikasi" open>' in response.content.decode()


def test_classifying_from_the_page_sets_the_topic_and_the_place_and_the_deadline_follows(
        sign_in, people, at_kediri):
    Complaint.objects.filter(pk=at_kediri.pk).update(topic=None, category_type=None, region=None,
                                                     location_needs_review=True)
    client = sign_in(people["kediri"])

    response = client.post(action(at_kediri, "klasifikasi"), {
        "klasifikasi-program": "bpnt", "klasifikasi-category_type": "keluhan", "klasifikasi-topic": "bpnt-3",
        "klasifikasi-severity": "berat", "klasifikasi-location_code": "73.71.01.1001"})

    assert response.status_code == 302, response.content.decode()[:2000]
    stored = Complaint.objects.select_related("topic").get(pk=at_kediri.pk)
    assert (stored.topic.code, stored.severity, stored.region_id, stored.location_needs_review) == (
        "bpnt-3", "berat", "73.71.01.1001", False)
    assert [e.kind for e in stored.events.order_by("id")][-2:] == [EventKind.CLASSIFIED, EventKind.LOCATED]
    page = client.get(page_of(at_kediri)).content.decode()
    assert "Klasifikasi tersimpan" in page
    assert "Topik: — &rarr; <b>bpnt-3</b>" in page and "Wilayah: — &rarr; <b>73.71.01.1001</b>" in page


def test_the_triage_suggestion_is_shown_and_accepted_with_one_button(sign_in, people, file_complaint):
    sms = file_complaint(text="kks ke blokir krn salah pin 3x", category_type=None, topic=None)
    client = sign_in(people["admin"])

    page = client.get(page_of(sms)).content.decode()
    assert "Saran triase" in page and "BPNT/Sembako 3. Kartu/KKS, PIN, buku tabungan, saldo/transfer" in page
    assert "Bank penyalur (HIMBARA)" in page and "data-accept-suggestion" in page

    response = client.post(action(sms, "klasifikasi"), {"klasifikasi-accept": "1"})

    assert response.status_code == 302, response.content.decode()[:2000]
    stored = Complaint.objects.select_related("topic", "category_type").get(pk=sms.pk)
    assert (stored.category_type.code, stored.topic.code, stored.severity) == ("keluhan", "bpnt-3", "sedang")
    event = stored.events.get(kind=EventKind.CLASSIFIED)
    assert event.data["suggested"] == {"program": "bpnt", "category_type": "keluhan", "topic": "bpnt-3",
                                       "severity": "sedang"}  # beside the changes: triage's record, from events
    assert "Saran triase" not in client.get(page_of(sms)).content.decode()  # done: nothing left to suggest


def test_a_text_triage_cannot_place_says_so_and_offers_nothing_to_accept(sign_in, people, file_complaint):
    sms = file_complaint(text="mohon dibantu pak", category_type=None, topic=None)
    page = sign_in(people["admin"]).get(page_of(sms)).content.decode()
    assert "Perlu diperiksa: isi pengaduan belum cukup jelas" in page and "data-accept-suggestion" not in page


def test_a_bad_place_is_refused_next_to_the_field_keeping_the_rest(sign_in, people, at_kediri):
    response = sign_in(people["kediri"]).post(action(at_kediri, "klasifikasi"), {
        "klasifikasi-program": "bpnt", "klasifikasi-category_type": "keluhan", "klasifikasi-topic": "bpnt-3",
        "klasifikasi-severity": "berat", "klasifikasi-location_code": "99.99.99.9999"})

    assert response.status_code == 400
    form = response.context["failed_form"]
    assert "location_code" in form.errors
    page = response.content.decode()
    assert '<option value="bpnt-3" selected>' in page and 'value="99.99.99.9999"' in page
    assert Complaint.objects.get(pk=at_kediri.pk).topic.code == "bpnt-4"  # nothing half-saved


def test_a_possible_duplicate_is_shown_and_linked_from_the_page(sign_in, people, world, file_complaint):
    first = file_complaint(text="Saldo KKS saya belum masuk sejak bulan Juni.", days_ago=5)
    again = file_complaint(text="saldo kks sy blm masuk sejak juni")
    client = sign_in(people["admin"])

    page = client.get(page_of(again))
    assert "tautkan" in [form.slug for form in page.context["action_forms"]]
    assert first.tracking_number in page.content.decode()

    response = client.post(action(again, "tautkan"), {"tautkan-other": first.tracking_number})

    assert response.status_code == 302
    assert Event.objects.get(complaint=first, kind=EventKind.LINKED).data == {"with": again.tracking_number}
    assert "tautkan" not in [form.slug for form in client.get(page_of(again)).context["action_forms"]]


def test_only_an_offered_duplicate_can_be_linked(sign_in, people, file_complaint):
    other_problem = file_complaint(text="Beras berkutu.")  # the same reporter, not alike
    again = file_complaint(text="saldo kks sy blm masuk sejak juni")
    file_complaint(text="Saldo KKS saya belum masuk sejak bulan Juni.", days_ago=5)

    response = sign_in(people["admin"]).post(action(again, "tautkan"), {"tautkan-other": other_problem.tracking_number})

    assert response.status_code == 400
    assert not Event.objects.filter(kind=EventKind.LINKED).exists()
