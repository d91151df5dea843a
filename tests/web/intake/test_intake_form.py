"""/petugas/catat/: officers digitise what arrived at the desk, by phone, by letter…"""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from aduan.core.enums import Channel, EventKind
from aduan.core.models import Complaint
from aduan.notifications import transports
from aduan.organisation.models import Role
from aduan.registry.models import Lookup, Record
from aduan.web.intake_forms import INDIRECT_NEEDS_SOURCE, TOPIC_OTHER_PROGRAM
from aduan.web.intake_views import NOT_AN_OFFICER
from aduan.web.uploads import WRONG_TYPE
from tests.web.public.conftest import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db
URL = "/petugas/catat/"
WIB = ZoneInfo("Asia/Jakarta")


def form_data(**overrides):
    data = {
        "nonce": "nonce-1", "channel": "tatap_muka", "program": "pkh", "form_kind": "pkh_peserta",
        "received_at": timezone.now().astimezone(WIB).strftime("%Y-%m-%d %H:%M"),
        "indirect_source": "", "source_reference": "", "reporter_status": "kpm",
        "name": "Siti Aminah", "nik": "3506 1045 0190 0002", "kk": "", "kks": "3235386475739456",
        "phone": "081234567890", "email": "", "address": "RT 02 RW 01",
        "text": "Bantuan PKH tahap 2 belum cair.", "provinsi": "35", "kabupaten": "35.06",
        "kecamatan": "35.06.10", "desa": "35.06.10.2005", "location_text": "",
        "category_type": "keluhan", "topic": "pkh-4", "severity": "", "kirim": "1",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_only_signed_in_officers_may_file(client, world, person):
    assert client.get(URL)["Location"].startswith("/masuk/")
    client.force_login(person("lestari", "dinsos-35", Role.SUPERVISOR))

    response = client.get(URL)

    assert response.status_code == 403 and NOT_AN_OFFICER in response.content.decode()


def test_the_form_starts_on_the_channel_with_now_and_the_last_channel(client, front_office):
    client.force_login(front_office)

    page = client.get(URL, {"saluran": "surat", "program": "pkh"}).content.decode()

    assert re.search(r'<select name="channel"[^>]*autofocus', page)
    assert '<option value="surat" selected>Surat</option>' in page
    assert '<option value="pkh" selected>PKH</option>' in page
    assert timezone.now().astimezone(WIB).strftime("%Y-%m-%d ") in page
    assert 'value="sms"' not in page  # SMS and the website file themselves


def test_a_walk_in_complaint_is_filed_with_its_scans_and_checklist(client, front_office):
    client.force_login(front_office)
    data = form_data(req_kk="on", scan_ktp=SimpleUploadedFile("ktp.png", png_bytes(), "image/png"),
                     lampiran=[SimpleUploadedFile("surat.pdf", pdf_bytes(), "application/pdf")])

    response = client.post(URL, data)

    complaint = Complaint.objects.get()
    page = response.content.decode()
    assert complaint.tracking_number in page
    assert f'href="/petugas/catat/?saluran=tatap_muka&amp;program=pkh&amp;formulir=pkh_peserta' in page
    assert complaint.channel == Channel.TATAP_MUKA and complaint.filed_by == front_office
    assert complaint.receiving_unit.code == "dinsos-35-06"
    assert complaint.reporter_nik == "3506104501900002" and complaint.reporter_phone == "+6281234567890"
    assert (complaint.category_type.code, complaint.topic.code) == ("keluhan", "pkh-4")
    assert sorted(a.description for a in complaint.attachments.all()) == ["Lampiran", "Pindaian KTP"]
    note = complaint.events.get(kind=EventKind.NOTE)
    assert note.data["requirements"] == {"ktp": True, "kk": True, "kks": False}
    assert note.data["form"] == "pkh_peserta" and note.public_note == ""


def test_a_pendamping_files_on_someones_behalf(client, pendamping):
    client.force_login(pendamping)

    client.post(URL, form_data(channel="tatap_muka", form_kind="pkh_c2", reporter_status="non_peserta"))

    complaint = Complaint.objects.get()
    assert complaint.filed_by == pendamping and complaint.reporter_name == "Siti Aminah"
    assert complaint.receiving_unit.code == "uppkh-35-06"
    assert complaint.events.get(kind=EventKind.RECEIVED).actor == pendamping


def test_a_letter_received_earlier_keeps_its_date(client, front_office):
    client.force_login(front_office)
    earlier = (timezone.now() - timedelta(days=3)).astimezone(WIB).replace(second=0, microsecond=0)

    client.post(URL, form_data(channel="surat", received_at=earlier.strftime("%Y-%m-%d %H:%M")))

    assert Complaint.objects.get().received_at == earlier


def test_indirect_sources_need_their_source(client, front_office):
    client.force_login(front_office)

    refused = client.post(URL, form_data(channel="tidak_langsung", name="", nik="", kks="", phone=""))
    client.post(URL, form_data(channel="tidak_langsung", indirect_source="media", nonce="nonce-2",
                               source_reference="Radar Kediri, 3 Maret 2026", name="", nik="", kks="", phone=""))

    assert refused.status_code == 400 and INDIRECT_NEEDS_SOURCE in refused.content.decode()
    complaint = Complaint.objects.get()
    assert (complaint.indirect_source, complaint.source_reference) == ("media", "Radar Kediri, 3 Maret 2026")


def test_errors_keep_what_was_typed(client, front_office):
    client.force_login(front_office)

    response = client.post(URL, form_data(text="", nik="12345", topic="bpnt-3"))

    page = response.content.decode()
    assert response.status_code == 400
    assert "NIK harus 16 angka; yang terbaca 5 angka." in page and TOPIC_OTHER_PROGRAM in page
    assert 'value="Siti Aminah"' in page and 'value="RT 02 RW 01"' in page
    assert '<option value="35.06.10.2005" selected>Purwodadi</option>' in page
    assert not Complaint.objects.exists()


def test_a_scan_that_is_not_an_image_is_refused(client, front_office):
    client.force_login(front_office)

    response = client.post(URL, form_data(scan_kks=SimpleUploadedFile("kks.jpg", b"just text", "image/jpeg")))

    assert WRONG_TYPE.format(name="kks.jpg") in response.content.decode()
    assert not Complaint.objects.exists()


def test_an_anonymous_walk_in_keeps_no_identity(client, front_office):
    client.force_login(front_office)

    client.post(URL, form_data(anonymous="on"))

    complaint = Complaint.objects.get()
    assert complaint.anonymous and (complaint.reporter_name, complaint.reporter_nik, complaint.reporter_phone) == ("", "", "")


def test_a_double_submit_files_once(client, front_office):
    client.force_login(front_office)

    first = client.post(URL, form_data()).content.decode()
    second = client.post(URL, form_data()).content.decode()

    assert Complaint.objects.count() == 1
    assert Complaint.objects.get().tracking_number in second and "tidak tercatat dua kali" in second


def test_choosing_a_region_without_javascript_files_nothing(client, front_office):
    client.force_login(front_office)

    response = client.post(URL, form_data(kirim=None, pilih="provinsi", kabupaten="", kecamatan="", desa=""))

    page = response.content.decode()
    assert response.status_code == 200 and not Complaint.objects.exists()
    assert '<option value="35.06">Kabupaten Kediri</option>' in page and 'value="Siti Aminah"' in page


def test_the_receipt_shows_a_possible_duplicate_to_link(client, front_office):
    """Issue 10: the same reporter again with a similar text within 30 days is shown when filing."""
    client.force_login(front_office)
    client.post(URL, form_data(nonce="first", text="Bantuan PKH tahap 2 belum cair sampai sekarang."))
    first = Complaint.objects.get()

    page = client.post(URL, form_data(nonce="second", text="pkh tahap 2 blm cair smp skrg")).content.decode()

    assert "Kemungkinan duplikat" in page and first.tracking_number in page
    assert Complaint.objects.count() == 2  # shown, never merged
    other = client.post(URL, form_data(nonce="third", nik="3506104501900009", phone="081299999999",
                                       kks="", text="Posyandu di desa kami tutup.")).content.decode()
    assert "Kemungkinan duplikat" not in other


def test_the_office_district_is_chosen_and_kept_for_the_next_complaint(client, front_office):
    client.force_login(front_office)
    page = client.get(URL).content.decode()
    assert '<option value="35.06" selected>' in page  # Dinsos Kabupaten Kediri's own kab/kota

    done = client.post(URL, form_data(provinsi="73", kabupaten="73.71", kecamatan="", desa="",
                                      nonce="n-kota")).content.decode()
    link = re.search(r'href="(/petugas/catat/\?[^"]*wilayah=73\.71[^"]*)" id="catat-lagi"', done)
    assert link, "Catat lagi keeps the kab/kota just used"
    again = client.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert '<option value="73" selected>' in again and '<option value="73.71" selected>' in again


def test_the_desk_receipt_carries_numbers_due_date_handler_place_and_answer_channel(client, front_office,
                                                                                     monkeypatch):
    client.force_login(front_office)
    # Without an SMS gateway the answer goes by the email the reporter gave.
    monkeypatch.delitem(transports.TRANSPORTS, "sms", raising=False)
    page = client.post(URL, form_data(nonce="n-receipt", email="siti.aminah@example.id")).content.decode()
    complaint = Complaint.objects.get()
    receipt = page.split('id="tanda-terima"')[1]
    assert complaint.tracking_number in receipt and complaint.register_number in receipt
    assert re.search(r"data-receipt-secret>\d{6}<", receipt)
    due = complaint.due_at.astimezone(WIB)
    assert f"{due.day} " in receipt.split("data-due>")[1].split("</dd>")[0] and str(due.year) in receipt
    assert "Purwodadi, Ringinrejo, Kabupaten Kediri, Jawa Timur" in receipt
    assert "Email ke s***@example.id" in receipt and "siti.aminah@" not in receipt
    assert 'data-print' in page


def test_a_pkh_complaint_about_a_pendamping_is_routed_from_the_desk(client, front_office, world):
    client.force_login(front_office)
    client.post(URL, form_data(pendamping="tentang", topic="pkh-6", nonce="n-about"))
    assert Complaint.objects.get().handling_unit.code == "uppkh-35-06"


def test_the_error_summary_links_to_each_field(client, front_office):
    client.force_login(front_office)
    page = client.post(URL, form_data(text="", nik="123")).content.decode()
    summary = page.split("data-error-summary")[1].split("</div>")[0]
    assert 'href="#id_text"' in summary and 'href="#id_nik"' in summary


def test_an_implausible_nik_is_explained_and_kept_to_correct(client, front_office):
    client.force_login(front_office)

    page = client.post(URL, form_data(nik="3506 1034 0190 0002")).content.decode()  # born in month 34

    assert not Complaint.objects.exists()
    assert "tanggal lahir" in page and 'value="3506 1034 0190 0002"' in page


def test_the_receipt_shows_what_the_registry_knows_of_the_reporter(client, front_office):
    Record.objects.create(source="dtks", period="2026-11", nik="3506104501900002", name="Siti Aminah",
                          region_code="35.06.10.2005", program="pkh", status="aktif", since="2021-07",
                          updated_at=timezone.now())
    client.force_login(front_office)

    page = client.post(URL, form_data()).content.decode()

    assert 'data-registry="found"' in page and "pkh · aktif" in page and "2021-07" in page
    assert Lookup.objects.filter(user=front_office).exists()


def test_the_desk_answers_a_walk_in_on_the_spot_and_it_is_closed(client, front_office):
    client.force_login(front_office)
    receipt = client.post(URL, form_data()).content.decode()
    complaint = Complaint.objects.get()
    assert f'/petugas/aduan/{complaint.tracking_number}/#aksi-jawab-di-loket' in receipt

    page = client.get(f"/petugas/aduan/{complaint.tracking_number}/").content.decode()
    assert 'id="aksi-jawab-di-loket"' in page and 'id="aksi-tindak-lanjut"' not in page  # the desk does not follow up
    refused = client.post(f"/petugas/aduan/{complaint.tracking_number}/jawab-di-loket/", {"jawab-di-loket-answer": ""})
    assert refused.status_code == 400 and "Wajib diisi." in refused.content.decode()
    done = client.post(f"/petugas/aduan/{complaint.tracking_number}/jawab-di-loket/",
                       {"jawab-di-loket-answer": "Pencairan tahap 2 dijadwalkan minggu depan."}, follow=True)

    complaint.refresh_from_db()
    assert complaint.status == "selesai" and "Dijawab di loket; pengaduan ditutup." in done.content.decode()
    assert "Pencairan tahap 2 dijadwalkan minggu depan." in done.content.decode()


def test_the_desk_refers_a_complex_case_to_the_sub_koordinator(client, front_office, person):
    sub = person("rina", "dinsos-35-06", Role.SUB_KOORDINATOR)
    client.force_login(front_office)
    receipt = client.post(URL, form_data()).content.decode()
    complaint = Complaint.objects.get()
    assert f'/petugas/aduan/{complaint.tracking_number}/#aksi-rujuk' in receipt

    client.post(f"/petugas/aduan/{complaint.tracking_number}/rujuk/",
                {"rujuk-officer": sub.pk, "rujuk-note": "KPM terdaftar di dua desa."})

    complaint.refresh_from_db()
    assert complaint.assigned_to == sub
    client.force_login(sub)
    mine = client.get("/petugas/", {"mine": "on"}).content.decode()
    assert complaint.tracking_number in mine
    page = client.get(f"/petugas/aduan/{complaint.tracking_number}/").content.decode()
    assert "KPM terdaftar di dua desa." in page and 'id="aksi-tindak-lanjut"' in page
