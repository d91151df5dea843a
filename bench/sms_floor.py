"""The framework floor behind Kannel: bare Django (no middleware, no apps) storing each SMS with one
INSERT and its commit through Django's database layer, answering the same one-line reply.

Served by gunicorn like the app (`bench.sms_load.django_floor`), it says what the SMS goal's
share of Kannel's ceiling means for any Django application on this machine.
"""

import os

import dj_database_url
import django
from django.conf import settings

TABLE = "bench_sms_floor"
REPLY = "Terima kasih, pengaduan Anda kami terima."

settings.configure(
    DATABASES={"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)},
    ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"], MIDDLEWARE=[], INSTALLED_APPS=[], USE_TZ=True,
    SECRET_KEY="bench-sms-floor-not-a-secret",
)
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings.configure)
from django.db import connection, transaction  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def receive(request):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} (sender, text) VALUES (%s, %s)",
                       [request.GET.get("from", ""), request.body.decode(errors="replace")])
    return HttpResponse(REPLY, content_type="text/plain; charset=utf-8")


urlpatterns = [path("sms/kannel/", receive)]
application = get_wsgi_application()
