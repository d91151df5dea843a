import time

from django.core.management.base import BaseCommand

from aduan.organisation.seed import seed_units


class Command(BaseCommand):
    help = "Create the national units and the regional units of all provinces and kabupaten/kota."

    def handle(self, *args, **options):
        started = time.perf_counter()
        created = seed_units()
        self.stdout.write(f"Unit: {created} dibuat ({time.perf_counter() - started:.1f} s)")
