from django.urls import path

from aduan.web import exports
from aduan.web.officer import auth, complaint, dashboard, hotspots, monitoring, queue, registry, reports, units

app_name = "officer"

urlpatterns = [
    path("masuk/", auth.SignInView.as_view(), name="sign_in"),
    path("keluar/", auth.SignOutView.as_view(), name="sign_out"),
    path("petugas/", queue.queue, name="queue"),
    path("petugas/titik-rawan/", hotspots.hotspots, name="hotspots"),
    path("petugas/dasbor/", dashboard.dashboard, name="dashboard"),
    path("petugas/laporan/bulanan/", reports.monthly, name="report_monthly"),
    path("petugas/laporan/tahunan/", reports.annual, name="report_annual"),
    path("petugas/laporan/ikm/", reports.ikm, name="report_ikm"),
    path("petugas/register/", reports.register, name="register"),
    path("petugas/survei/", reports.survey_entry, name="survey_entry"),
    path("petugas/permintaan-maaf/", dashboard.apology_list, name="apologies"),
    path("petugas/permintaan-maaf/<str:tracking>/", dashboard.apology_publish, name="apology_publish"),
    path("petugas/unit/", units.unit_channels, name="unit_channels"),
    path("petugas/unit/impor/", units.channel_import, name="channel_import"),
    path("petugas/unit/kop-surat/", units.letterhead, name="letterhead"),
    path("petugas/registri/", registry.registry_lookup, name="registry"),
    path("petugas/registri/impor/", registry.registry_upload, name="registry_upload"),
    path("petugas/registri/impor/<int:job_id>/", registry.registry_job, name="registry_job"),
    path("petugas/pemantauan/", monitoring.case_list, name="monitoring"),
    path("petugas/pemantauan/baru/", monitoring.case_new, name="monitoring_new"),
    path("petugas/pemantauan/<int:case_id>/", monitoring.case_page, name="monitoring_case"),
    path("petugas/pemantauan/<int:case_id>/<slug:slug>/", monitoring.case_action, name="monitoring_action"),
    path("petugas/ekspor/<int:export_id>/", exports.export_status, name="export"),
    path("petugas/ekspor/<int:export_id>/unduh/", exports.export_download, name="export_download"),
    path("petugas/aduan/<str:tracking>/", complaint.complaint_page, name="complaint"),
    path("petugas/aduan/<str:tracking>/lampiran/<int:attachment_id>/", complaint.attachment_download, name="attachment"),
    path("petugas/aduan/<str:tracking>/pesan/<int:notification_id>/kirim-ulang/", complaint.message_resend,
         name="message_resend"),
    path("petugas/aduan/<str:tracking>/surat/terbitkan/", complaint.letter_issue, name="letter_issue"),
    path("petugas/aduan/<str:tracking>/surat/<int:letter_id>/", complaint.letter_pdf, name="letter"),
    path("petugas/aduan/<str:tracking>/pemantauan/", complaint.monitoring_open, name="monitoring_open"),
    path("petugas/aduan/<str:tracking>/<slug:slug>/", complaint.complaint_action, name="action"),
    path("petugas/aduan/<str:tracking>/kasus/<slug:slug>/", complaint.casework_action, name="casework"),
    path("petugas/aduan/<str:tracking>/registri/periksa/", complaint.registry_recheck, name="registry_recheck"),
    path("petugas/aduan/<str:tracking>/registri/<int:match_id>/tautkan/", complaint.registry_link, name="registry_link"),
]
