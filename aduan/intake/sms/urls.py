from django.urls import path

from aduan.intake.sms import views

app_name = "sms"

urlpatterns = [
    path("kannel/", views.kannel, name="kannel"),
    path("kannel/dlr/", views.kannel_dlr, name="kannel-dlr"),
    path("gammu/", views.gammu, name="gammu"),
    path("webhook/", views.webhook, name="webhook"),
]
