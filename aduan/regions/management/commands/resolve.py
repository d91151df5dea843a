from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = 'Resolve "PROV#KAB#KEC#DESA" to an official region code.'

    def add_arguments(self, parser):
        parser.add_argument("location")

    def handle(self, *args, location, **options):
        from aduan.regions.resolver import get_resolver

        resolution = get_resolver().resolve_text(location)
        if resolution.code is None:
            raise CommandError(resolution.problem or "Wilayah tidak dikenali.")
        self.stdout.write(resolution.code)
        detail = " > ".join(resolution.names)
        sureness = "perlu dikonfirmasi petugas" if resolution.needs_review else "pasti"
        self.stderr.write(f"{detail} (tingkat {resolution.level}, keyakinan {resolution.confidence:.2f}, {sureness})")
        if resolution.problem:
            self.stderr.write(resolution.problem)
