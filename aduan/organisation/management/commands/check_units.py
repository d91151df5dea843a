from django.core.management.base import BaseCommand, CommandError

from aduan.organisation.staffing import units_missing_officers


class Command(BaseCommand):
    help = "SPEC R25: list staffed units without exactly one Pejabat Pengelola and an Administrator."

    def handle(self, *args, **options):
        problems = units_missing_officers()
        for unit, missing in problems:
            self.stdout.write(f"{unit.code}: belum ada {' dan '.join(missing)}")
        if problems:
            raise CommandError(f"{len(problems)} unit belum memenuhi R25.")
        self.stdout.write("Semua unit yang beranggota memiliki Pejabat Pengelola dan Administrator.")
