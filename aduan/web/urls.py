from django.urls import include, path

from aduan.web import intake_views, lacak, pdf, public, transparency

app_name = "web"

urlpatterns = [
    path("", public.home, name="home"),
    path("lapor/", public.lapor, name="lapor"),
    path("lacak/", lacak.lacak, name="lacak"),
    path("lacak/<str:nomor>/", lacak.lacak_detail, name="lacak_detail"),
    path("lacak/<str:nomor>/sanggah/", lacak.sanggah, name="sanggah"),
    path("lacak/<str:nomor>/nilai/", lacak.nilai, name="nilai"),
    path("lacak/<str:nomor>/kode/", lacak.kirim_kode, name="kirim_kode"),
    path("transparansi/", transparency.transparansi, name="transparansi"),
    path("kontak/", transparency.kontak, name="kontak"),
    path("petugas/catat/", intake_views.catat, name="catat"),
    path("formulir/pkh-peserta.pdf", pdf.pkh_participant_form, name="form_pkh_peserta"),
    path("formulir/pkh-c2.pdf", pdf.pkh_c2_form, name="form_pkh_c2"),
    path("", include("aduan.web.officer.urls")),
]
