import time

from django.core.management.base import BaseCommand

from aduan.core.sweep import run_sweep


class Command(BaseCommand):
    help = ("Deadline warnings, escalation of overdue complaints, automatic closure, and the outbox's "
            "retries — now, or every N seconds with --every N (what `make run` does).")

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, metavar="SECONDS",
                            help="keep running, one sweep every SECONDS (a cron line or a systemd timer is the "
                                 "production alternative)")

    def handle(self, *args, every, **options):
        while True:
            report = run_sweep()
            for line in report.lines():
                self.stdout.write(line)
            if not every:
                return
            time.sleep(every)
