from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Migrate, collect the static files, load regions, taxonomy and units, and the demo data — "
            "each only once.")

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true")

    def handle(self, *args, no_demo, **options):
        call_command("migrate", verbosity=0)
        call_command("createcachetable")
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("load_regions")
        call_command("seed_taxonomy")
        call_command("seed_units")
        if not no_demo:
            call_command("demo")
