import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the application with gunicorn (static files through WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--workers", default="2")

    def handle(self, *args, host, port, workers, **options):
        from gunicorn.app.wsgiapp import run

        sys.argv = ["gunicorn", "aduan.wsgi:application", "--bind", f"{host}:{port}", "--workers", workers,
                    "--threads", "4", "--access-logfile", "-", "--access-logformat", '%(h)s "%(r)s" %(s)s %(b)s %(M)sms']
        run()
