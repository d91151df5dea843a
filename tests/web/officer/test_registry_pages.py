"""The registry pages (SPEC R21): an administrator uploads a file and watches it imported in the
background, then reads the summary; officers look a NIK up inside their own region only."""

from django.core.files.uploadedfile import SimpleUploadedFile

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
