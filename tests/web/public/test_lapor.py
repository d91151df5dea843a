"""/lapor/: the public complaint form."""

import re
import time

import pytest
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile

from aduan.core.enums import Channel, EventKind
from aduan.core.models import Attachment, Complaint
from aduan.core.tracking import secret_matches
from aduan.notifications.models import Notification
from aduan.web import public
from aduan.web.public_forms import NIK_ELSEWHERE, NUMBER_LENGTH, PHONE_UNKNOWN, UNKNOWN_PROGRAM_NOTE, new_form_token
from aduan.web.uploads import TOO_MANY, WRONG_TYPE
from tests.web.public.conftest import NIK_KEDIRI, NIK_MAKASSAR, pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db
URL = "/lapor/"


def form_data(**overrides):
    data = {
        "token": new_form_token(), "kirim": "1", "program": "bpnt",
        "text": "Saldo KKS saya belum masuk dua bulan.",
        "provinsi": "35", "kabupaten": "35.06", "kecamatan": "35.06.10", "desa": "35.06.10.2005",
        "location_text": "dekat e-Warong Makmur", "happened_on": "", "identity": "biasa",
        "name": "Siti Aminah", "phone": "0812-3456-7890", "email": "", "nik": "", "kks": "", "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def tracking_on(page: str) -> str:
    return re.search(r'id="tracking-number">([^<]+)<', page).group(1)


def test_the_form_lists_programs_and_provinces(client, world):
    page = client.get(URL).content.decode()

    assert "BPNT/Sembako" in page and "Lainnya / tidak tahu" in page
    assert '<option value="35">Jawa Timur</option>' in page
    assert 'name="token"' in page and 'name="website"' in page


def test_a_complaint_is_filed_with_a_clean_phone_and_nik(client, world):
    response = client.post(URL, form_data(nik="3506 1045.0190 0002", kks="3235-3864-7573-9456"))

    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert tracking_on(response.content.decode()) == complaint.tracking_number
    assert complaint.channel == Channel.WEB
    assert complaint.region_id == "35.06.10.2005" and not complaint.location_needs_review
    assert complaint.reporter_phone == "+6281234567890"
    assert complaint.reporter_nik == NIK_KEDIRI and complaint.reporter_kks == "3235386475739456"
    assert complaint.external_id.startswith("web:")
    assert "Simpan nomor ini" in response.content.decode()


def test_invalid_input_keeps_everything_typed(client, world):
    response = client.post(URL, form_data(text="", nik="350610450190", phone="12"))

    page = response.content.decode()
    assert response.status_code == 400
    assert NUMBER_LENGTH.format(label="NIK", count=12) in page
    assert PHONE_UNKNOWN in page
    assert 'value="Siti Aminah"' in page and 'value="350610450190"' in page
    assert 'value="dekat e-Warong Makmur"' in page
    assert '<option value="35.06.10.2005" selected>Purwodadi</option>' in page
    assert not Complaint.objects.exists()


def test_a_region_is_needed_down_to_kabupaten(client, world):
    response = client.post(URL, form_data(kabupaten="", kecamatan="", desa=""))

    assert response.status_code == 400
    assert "Pilih provinsi dan kabupaten/kota" in response.content.decode()


def test_a_nik_from_elsewhere_warns_but_files(client, world):
    response = client.post(URL, form_data(nik=NIK_MAKASSAR))

    assert response.status_code == 200
    assert Complaint.objects.get().reporter_nik == NIK_MAKASSAR
    assert NIK_ELSEWHERE.format(prefix="73.71") in response.content.decode()


def test_choosing_a_region_without_javascript_shows_the_next_list_without_errors(client, world):
    response = client.post(URL, form_data(kirim=None, pilih="provinsi", kabupaten="", kecamatan="", desa="", text=""))

    page = response.content.decode()
    assert response.status_code == 200
    assert '<option value="35.06">Kabupaten Kediri</option>' in page
    assert 'class="error"' not in page
    assert 'value="Siti Aminah"' in page
    assert not Complaint.objects.exists()


def test_the_anonymous_choice_stores_no_identity(client, world):
    client.post(URL, form_data(identity="anonim", nik=NIK_KEDIRI, kks="3235386475739456", email="siti@example.id"))

    complaint = Complaint.objects.get()
    assert complaint.anonymous
    assert (complaint.reporter_name, complaint.reporter_phone, complaint.reporter_nik, complaint.reporter_kks,
            complaint.reporter_email) == ("", "", "", "", "")


def test_a_confidential_complaint_shows_its_secret_once(client, world):
    response = client.post(URL, form_data(identity="rahasia"))

    complaint = Complaint.objects.get()
    secret = re.search(r'id="access-secret">(\d{6})<', response.content.decode()).group(1)
    assert complaint.confidential and complaint.reporter_name == "Siti Aminah"
    assert secret_matches(complaint.tracking_number, secret, complaint.access_secret_hash)


def test_unknown_program_files_under_the_default_and_says_so(client, world):
    client.post(URL, form_data(program="lainnya", happened_on="2026-01-05"))

    complaint = Complaint.objects.get()
    assert complaint.program.code == "bpnt"
    assert UNKNOWN_PROGRAM_NOTE in complaint.text and "Waktu kejadian: 05-01-2026" in complaint.text


def test_photos_and_pdfs_are_stored_as_attachments(client, world):
    files = [SimpleUploadedFile("ktp.png", png_bytes(), "image/png"),
             SimpleUploadedFile("surat.pdf", pdf_bytes(), "application/pdf")]
    client.post(URL, {**form_data(), "lampiran": files})

    attachments = Attachment.objects.order_by("id")
    assert [a.content_type for a in attachments] == ["image/png", "application/pdf"]
    assert attachments[0].original_name == "ktp.png" and not attachments[0].file.name.endswith("ktp.png")


def test_a_jpg_that_is_really_text_is_refused(client, world):
    fake = SimpleUploadedFile("foto.jpg", b"Hello, I am not a photo at all.", "image/jpeg")

    response = client.post(URL, {**form_data(), "lampiran": [fake]})

    page = response.content.decode()
    assert response.status_code == 400
    assert WRONG_TYPE.format(name="foto.jpg") in page
    assert "Pilih lagi foto/PDF Anda" in page
    assert not Complaint.objects.exists()


def test_more_than_three_files_are_refused(client, world):
    files = [SimpleUploadedFile(f"{i}.png", png_bytes(), "image/png") for i in range(4)]

    response = client.post(URL, {**form_data(), "lampiran": files})

    assert TOO_MANY.format(max=3, count=4) in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_file_over_five_megabytes_is_refused(client, world):
    big = SimpleUploadedFile("besar.png", png_bytes() + b"\0" * (5 * 1024 * 1024), "image/png")

    response = client.post(URL, {**form_data(), "lampiran": [big]})

    assert "batasnya 5 MB" in response.content.decode()
    assert not Complaint.objects.exists()


def test_files_together_over_the_request_bound_are_refused_and_the_text_is_kept(client, world, settings):
    settings.ADUAN = {**settings.ADUAN, "MAX_UPLOAD_MB": 6}
    files = [SimpleUploadedFile(f"{i}.png", png_bytes() + b"\0" * (3 * 1024 * 1024), "image/png") for i in range(3)]

    response = client.post(URL, {**form_data(), "lampiran": files})

    page = response.content.decode()
    assert response.status_code == 400 and "batasnya 6 MB sekali kirim" in page
    assert "Saldo KKS saya belum masuk dua bulan." in page
    assert not Complaint.objects.exists()


def test_every_web_complaint_gets_a_secret_for_its_reporter(client, world):
    page = client.post(URL, form_data()).content.decode()
    secret = re.search(r'id="access-secret">(\d{6})<', page).group(1)
    complaint = Complaint.objects.get()
    assert not complaint.confidential and secret_matches(complaint.tracking_number, secret, complaint.access_secret_hash)


def test_a_double_submit_files_once_and_shows_the_same_receipt(client, world):
    data = form_data(identity="rahasia")

    first = client.post(URL, data).content.decode()
    second = client.post(URL, data).content.decode()

    assert Complaint.objects.count() == 1
    assert tracking_on(first) == tracking_on(second)
    assert re.search(r'id="access-secret">(\d{6})<', first).group(1) == re.search(r'id="access-secret">(\d{6})<', second).group(1)
    assert "tidak tercatat dua kali" in second


def test_filing_is_throttled_per_address(client, world, settings):
    settings.ADUAN = {**settings.ADUAN, "THROTTLE": {"lapor": (2, 600)}}

    statuses = [client.post(URL, form_data()).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert Complaint.objects.count() == 2
    assert public.TOO_MANY in client.post(URL, form_data()).content.decode()


def test_the_honeypot_files_nothing(client, world):
    response = client.post(URL, form_data(website="http://spam.example"))

    assert response.status_code == 400
    assert not Complaint.objects.exists()


def test_a_form_sent_fast_is_filed_whole_but_a_burst_of_them_is_not(client, world, settings):
    """A reporter who pastes a prepared text sends within seconds: filed, with what they attached.
    A script sending form after form from one address gets the form back, everything kept."""
    settings.ADUAN = {**settings.ADUAN, "WEB_MIN_FILL_SECONDS": 3}
    photo = SimpleUploadedFile("bukti.png", png_bytes(), "image/png")

    response = client.post(URL, form_data(lampiran=photo))
    assert response.status_code == 200
    assert Complaint.objects.get().attachments.count() == 1

    client.post(URL, form_data())
    response = client.post(URL, form_data())
    assert response.status_code == 400
    assert public.TOO_FAST in response.content.decode()
    assert 'value="Siti Aminah"' in response.content.decode()
    assert Complaint.objects.count() == 2


def test_an_expired_or_forged_token_gets_a_fresh_form(client, world):
    forged = signing.dumps({"n": "x", "t": int(time.time())}, salt="another-salt")

    response = client.post(URL, form_data(token=forged))

    assert public.EXPIRED in response.content.decode()
    assert not Complaint.objects.exists()


def test_an_email_acknowledgement_is_queued_and_sent(client, world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data(email="siti@example.id", phone=""))

    complaint = Complaint.objects.get()
    notification = Notification.objects.get(event__kind=EventKind.RECEIVED)
    assert (notification.transport, notification.recipient) == ("email", "siti@example.id")
    assert complaint.tracking_number in mailoutbox[0].body


def test_no_acknowledgement_without_an_email(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data(phone=""))

    assert not Notification.objects.exists()
    assert not mail.outbox
