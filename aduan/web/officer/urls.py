from django.urls import path

from aduan.web.officer import auth, casework, complaint, hotspots, queue

app_name = "officer"

urlpatterns = [
    path("masuk/", auth.SignInView.as_view(), name="sign_in"),
    path("keluar/", auth.SignOutView.as_view(), name="sign_out"),
    path("petugas/", queue.queue, name="queue"),
    path("petugas/titik-rawan/", hotspots.hotspots, name="hotspots"),
    path("petugas/aduan/<str:tracking>/", complaint.complaint_page, name="complaint"),
    path("petugas/aduan/<str:tracking>/lampiran/<int:attachment_id>/", complaint.attachment_download, name="attachment"),
    path("petugas/aduan/<str:tracking>/pesan/<int:notification_id>/kirim-ulang/", complaint.message_resend,
         name="message_resend"),
    path("petugas/aduan/<str:tracking>/<slug:slug>/", complaint.complaint_action, name="action"),
    path("petugas/aduan/<str:tracking>/kasus/<slug:slug>/", casework.casework_action, name="casework"),
]
