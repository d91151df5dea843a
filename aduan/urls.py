from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from aduan.api.main import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("open311/v2/", include("aduan.intake.open311.urls")),
    path("sms/", include("aduan.intake.sms.urls")),
    path("", include("aduan.web.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
