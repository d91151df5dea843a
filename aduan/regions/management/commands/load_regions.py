import time

from django.core.management.base import BaseCommand

from aduan.regions.loader import load_regions


class Command(BaseCommand):
    help = "Load the Kemendagri region codes (provinsi … desa/kelurahan) into the database."

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = load_regions()
        self.stdout.write(
            "Wilayah: {} provinsi, {} kabupaten/kota, {} kecamatan, {} desa/kelurahan ({:.1f} s)".format(
                counts[1], counts[2], counts[3], counts[4], time.perf_counter() - started
            )
        )
