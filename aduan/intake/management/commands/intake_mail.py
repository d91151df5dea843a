import logging
import signal
import threading

from django.core.management.base import BaseCommand

from aduan.intake.email.smtp import controller


class Command(BaseCommand):
    help = ("Receive complaints by email: an SMTP server that files each message it is handed "
            "(put it behind the organisation's mail server, which relays the complaint address here).")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=2525)

    def handle(self, *args, host, port, **options):
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command
        server = controller(host, port)
        server.start()
        self.stdout.write(f"Menerima email pengaduan di smtp://{host}:{port} (Ctrl+C untuk berhenti)")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()
