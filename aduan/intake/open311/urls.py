"""/open311/v2/… — every resource in .json and .xml (include under "open311/v2/")."""

from django.urls import re_path

from aduan.intake.open311 import views

FMT = r"\.(?P<fmt>json|xml)$"

app_name = "open311"

urlpatterns = [
    re_path(r"^discovery" + FMT, views.discovery, name="discovery"),
    re_path(r"^services" + FMT, views.service_list, name="services"),
    re_path(r"^services/(?P<code>[\w.-]+?)" + FMT, views.service_definition, name="service"),
    re_path(r"^requests" + FMT, views.request_list, name="requests"),
    re_path(r"^requests/(?P<request_id>[\w-]+?)" + FMT, views.request_detail, name="request"),
]
