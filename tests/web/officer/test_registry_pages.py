"""The registry pages (SPEC R21): an administrator uploads a file and watches it imported in the
background, then reads the summary; officers look a NIK up inside their own region only."""

from django.core.files.uploadedfile import SimpleUploadedFile

from aduan.core.actions import complaint_receive
from aduan.core.intake import IntakeMessage, Reporter
from aduan.registry.models import ImportJob, Lookup, Record

FILE = ("nik,no_kk,nama,alamat,kode_desa,program,status,no_kks,bank\n"
        "3506104501800001,3506100101080001,Siti Aminah,RT 01,35.06.10.2005,bpnt,aktif,3235386475739456,BRI\n"
        "123,,Salah,,35.06.10.2005,bpnt,aktif,,BRI\n").encode()


def test_an_administrator_uploads_a_registry_file_and_reads_the_summary(sign_in, people, world,
                                                                        django_capture_on_commit_callbacks):
    client = sign_in(people["kediri"])
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post("/petugas/registri/impor/", {
            "file": SimpleUploadedFile("dtks.csv", FILE), "source": "dtks", "period": "2026-11"})
    job = ImportJob.objects.get()
    assert started.status_code == 302 and started["Location"] == f"/petugas/registri/impor/{job.pk}/"
    page = client.get(started["Location"]).content.decode()
    assert 'data-job="done"' in page and "Baris" in page and "16 angka" in page
    assert job.user == people["kediri"] and Record.objects.get().name == "Siti Aminah"
    job.refresh_from_db()
    assert (job.rows_total, job.rows_done, job.percent) == (2, 2, 100)  # the bar had a known end
    bad_period = client.post("/petugas/registri/impor/", {"file": SimpleUploadedFile("x.csv", FILE), "source": "dtks",
                                                          "period": "2026-13"})
    assert bad_period.status_code == 400 and ImportJob.objects.count() == 1
    assert sign_in(people["kediri_fo"]).get("/petugas/registri/impor/").status_code == 403


def test_officers_look_up_a_nik_inside_their_region_only(sign_in, people, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_in(people["kediri"]).post("/petugas/registri/impor/", {
            "file": SimpleUploadedFile("dtks.csv", FILE), "source": "dtks", "period": "2026-11"})
    found = sign_in(people["kediri_fo"]).get("/petugas/registri/?by=nik&nomor=3506 1045 0180 0001")
    assert [r.name for r in found.context["records"]] == ["Siti Aminah"]
    assert "periode 2026-11" in found.content.decode()
    elsewhere = sign_in(people["makassar"]).get("/petugas/registri/?by=nik&nomor=3506104501800001")
    assert elsewhere.context["records"] == [] and "Tidak ditemukan" in elsewhere.content.decode()
    assert Lookup.objects.filter(where="web").count() == 2


def test_the_complaint_page_shows_the_registry_check_and_the_desk_links_the_reporter(sign_in, people, world,
                                                                                    django_capture_on_commit_callbacks):
    before = complaint_receive(message=IntakeMessage(  # at Kediri's desk, before the registry holds Siti's NIK
        channel="tatap_muka", program="bpnt", text="Saldo KKS kosong.", region_code="35.06.10.2005",
        reporter=Reporter(name="Siti Aminah", nik="3506104501800001")),
        receiving_unit=world["dinsos-35-06"], actor=people["kediri_fo"]).complaint
    client = sign_in(people["kediri_fo"])
    page = client.get(f"/petugas/aduan/{before.tracking_number}/").content.decode()
    assert 'data-registry="not-found"' in page and "Tidak ditemukan" in page
    with django_capture_on_commit_callbacks(execute=True):
        sign_in(people["kediri"]).post("/petugas/registri/impor/", {
            "file": SimpleUploadedFile("dtks.csv", FILE), "source": "dtks", "period": "2026-11"})
    client = sign_in(people["kediri_fo"])
    client.post(f"/petugas/aduan/{before.tracking_number}/registri/periksa/")
    page = client.get(f"/petugas/aduan/{before.tracking_number}/").content.decode()
    assert 'data-registry="found"' in page and "bpnt · aktif" in page and "BRI" in page and "periode 2026-11" in page
    match = before.registry_matches.get()
    linked = client.post(f"/petugas/aduan/{before.tracking_number}/registri/{match.pk}/tautkan/", follow=True)
    assert "Ditautkan oleh Eko" in linked.content.decode()
    assert before.events.filter(kind="registry_linked", actor=people["kediri_fo"]).exists()
    assert Lookup.objects.filter(where="aduan", user=people["kediri_fo"]).count() == 2
    # A supervisor reads the complaint but not the registry; an officer elsewhere not at all.
    assert sign_in(people["pengawas"]).post(
        f"/petugas/aduan/{before.tracking_number}/registri/{match.pk}/tautkan/").status_code == 403


def test_a_confidential_reporters_registry_match_is_hidden_from_who_may_not_see_the_identity(
        sign_in, people, file_complaint, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_in(people["kediri"]).post("/petugas/registri/impor/", {
            "file": SimpleUploadedFile("dtks.csv", FILE), "source": "dtks", "period": "2026-11"})
    secret = file_complaint(reporter=Reporter(name="Siti Aminah", nik="3506104501800001", confidential=True))
    handler = sign_in(people["admin"]).get(f"/petugas/aduan/{secret.tracking_number}/").content.decode()
    assert 'data-registry="found"' in handler and "Siti Aminah" in handler
    page = sign_in(people["pengawas"]).get(f"/petugas/aduan/{secret.tracking_number}/").content.decode()
    assert "data-registry" not in page and "Siti Aminah" not in page
