"""SPEC R24 on the officers' pages: the desk opens an aid-delivery case (typed, or from a complaint),
works it on its page, sees it in the unit's queue with its age, and closes it only with the aid
received; the province oversees it with the family unmasked, its supervisor masked."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from aduan.core.enums import EventKind
from aduan.monitoring.models import MonitoringCase

LIST, NEW = "/petugas/pemantauan/", "/petugas/pemantauan/baru/"
TYPED = {"unit": "", "program": "", "name": "Sumiati", "nik": "3506104501800001", "no_kk": "", "kks_number": "",
         "phone": "081234567890", "address": "Dusun Krajan", "location_code": "35.06.10.2005",
         "problem": "BPNT Agustus dan September belum diterima."}


@pytest.fixture
def typed(world):
    from aduan.taxonomy.models import Program
    return TYPED | {"unit": world["dinsos-35-06"].pk, "program": Program.objects.get(code="bpnt").pk}


def test_a_typed_case_is_opened_kept_when_wrong_and_shown_in_the_queue_with_its_age(sign_in, people, typed):
    client = sign_in(people["kediri_fo"])
    wrong = client.post(NEW, typed | {"nik": "12345"})
    assert wrong.status_code == 400
    page = wrong.content.decode()
    assert "NIK harus 16 angka" in page and 'value="Dusun Krajan"' in page and "BPNT Agustus" in page

    opened = client.post(NEW, typed)
    case = MonitoringCase.objects.get()
    assert opened.status_code == 302 and opened["Location"] == f"/petugas/pemantauan/{case.pk}/"
    MonitoringCase.objects.filter(pk=case.pk).update(opened_at=timezone.now() - timedelta(days=12))

    queue = client.get("/petugas/").content.decode()
    assert "Pemantauan penyaluran: 1 kasus terbuka" in queue and case.number in queue and "12 hari" in queue
    listing = client.get(LIST).content.decode()
    assert case.number in listing and "Sumiati" in listing and "12 hari" in listing


def test_the_case_page_records_requirements_contacts_and_closes_only_with_the_aid(sign_in, people, typed):
    client = sign_in(people["kediri_fo"])
    client.post(NEW, typed)
    case = MonitoringCase.objects.get()
    url = f"/petugas/pemantauan/{case.pk}/"
    client.post(url + "persyaratan/", {"persyaratan-ktp": "on", "persyaratan-dtks": "on"})
    client.post(url + "kontak/", {"kontak-kind": "kunjungan", "kontak-with_whom": "Kepala desa",
                                  "kontak-note": "Nama belum ada di SP2D bulan ini."})
    refused = client.post(url + "diterima/", {"diterima-on": date.today().isoformat(), "diterima-amount": "",
                                              "diterima-channel": "e_warong", "diterima-note": "Diambil ibu."})
    assert refused.status_code == 400 and "Wajib diisi" in refused.content.decode()
    assert "Diambil ibu." in refused.content.decode(), "what was typed stays"
    case.refresh_from_db()
    assert case.is_open and case.requirements == {"ktp": True, "kk": False, "dtks": True, "sp2d": False,
                                                  "akun_ibu": False, "kks": False}

    client.post(url + "diterima/", {"diterima-on": date.today().isoformat(), "diterima-amount": "200000",
                                    "diterima-channel": "e_warong"})
    page = client.get(url).content.decode()
    assert "Bantuan diterima" in page and "Rp200.000" in page and "Nama belum ada di SP2D" in page
    assert 'action="/petugas/pemantauan/%d/kontak/"' % case.pk not in page, "a closed case takes no more entries"
    assert case.number not in client.get(LIST).content.decode()
    assert case.number in client.get(LIST + "?status=selesai").content.decode()


def test_a_complaint_becomes_a_case_from_its_page(sign_in, people, world, file_complaint):
    complaint = file_complaint(channel="tatap_muka")
    client = sign_in(people["kediri"])
    page = client.get(f"/petugas/aduan/{complaint.tracking_number}/").content.decode()
    assert "Jadikan kasus pemantauan" in page
    opened = client.post(f"/petugas/aduan/{complaint.tracking_number}/pemantauan/",
                         {"unit": world["dinsos-35-06"].pk})
    case = MonitoringCase.objects.get(complaint=complaint)
    assert opened["Location"] == f"/petugas/pemantauan/{case.pk}/"
    assert complaint.events.filter(kind=EventKind.MONITORING_OPENED).exists()
    page = client.get(f"/petugas/aduan/{complaint.tracking_number}/").content.decode()
    assert case.number in page and "Jadikan kasus pemantauan" not in page


def test_the_province_oversees_unmasked_the_supervisor_masked_another_district_not_at_all(sign_in, people, typed):
    sign_in(people["kediri_fo"]).post(NEW, typed)
    case = MonitoringCase.objects.get()
    url = f"/petugas/pemantauan/{case.pk}/"
    province = sign_in(people["jatim"]).get(url).content.decode()
    assert "3506104501800001" in province and 'action="%skontak/"' % url not in province
    supervisor = sign_in(people["pengawas"]).get(url).content.decode()
    assert "3506104501800001" not in supervisor and "************0001" in supervisor
    assert sign_in(people["makassar"]).get(url).status_code == 404
    assert sign_in(people["makassar"]).post(url + "kontak/", {"kontak-kind": "telepon", "kontak-note": "x"}).status_code == 404
