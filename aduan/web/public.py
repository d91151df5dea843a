"""Public pages: how and where to complain."""

from django.conf import settings
from django.shortcuts import render

from aduan.organisation.models import Unit, UnitKind


def home(request):
    national = Unit.objects.filter(kind__in=[UnitKind.ADMIN_UTAMA, UnitKind.KEMENSOS]).order_by("id")
    return render(request, "web/home.html", {"short_code": settings.ADUAN["SMS_SHORT_CODE"], "units": national})
