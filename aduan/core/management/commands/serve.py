import sys

from django.core.management.base import BaseCommand

ACCESS_LOG_FORMAT = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'


class Command(BaseCommand):
    help = "Serve the application with gunicorn (static files through WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--workers", default="2")

    def handle(self, *args, host, port, workers, **options):
        import gunicorn.http.wsgi
        from gunicorn.app.wsgiapp import run

        # No Server banner naming the software and its version.
        gunicorn.http.wsgi.SERVER = ""
        # The access log keeps the method and the path, never the query string: it may carry an
        # api_key, a tracking number or a name typed into a search (UU PDP).
        sys.argv = ["gunicorn", "aduan.wsgi:application", "--bind", f"{host}:{port}", "--workers", workers,
                    "--threads", "4", "--access-logfile", "-", "--access-logformat", ACCESS_LOG_FORMAT]
        run()
