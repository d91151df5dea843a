from django.core.management.base import BaseCommand

from aduan.core.sweep import run_sweep


class Command(BaseCommand):
    help = "Deadline warnings, escalation of overdue complaints, automatic closure — now."

    def handle(self, *args, **options):
        report = run_sweep()
        for line in report.lines():
            self.stdout.write(line)
