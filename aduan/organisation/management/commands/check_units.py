from django.core.management.base import BaseCommand, CommandError

from aduan.organisation.channels import without_channels
from aduan.organisation.staffing import units_missing_officers


class Command(BaseCommand):
    help = ("SPEC R25: list staffed units without exactly one Pejabat Pengelola and an Administrator; "
            "SPEC R31: list units that publish no channel and have no email.")

    def handle(self, *args, **options):
        problems = units_missing_officers()
        for unit, missing in problems:
            self.stdout.write(f"{unit.code}: belum ada {' dan '.join(missing)}")
        silent = list(without_channels().values_list("code", flat=True))
        for code in silent:
            self.stdout.write(f"{code}: belum ada kanal pengaduan maupun email (R31; pemberitahuan R20 perlu email)")
        if problems or silent:
            raise CommandError(f"{len(problems)} unit belum memenuhi R25; {len(silent)} unit belum mempunyai kanal (R31).")
        self.stdout.write("Semua unit yang beranggota memiliki Pejabat Pengelola dan Administrator, "
                          "dan setiap unit mempunyai kanal pengaduan.")
