from django.urls import path

from aduan.web import public

app_name = "web"

urlpatterns = [
    path("", public.home, name="home"),
]
