from django.core.management.base import BaseCommand

from aduan.taxonomy.seed import seed_taxonomy


class Command(BaseCommand):
    help = "Create the programs, categories, topics and deadline policies of SPEC R9–R13 (once)."

    def handle(self, *args, **options):
        seed_taxonomy()
        self.stdout.write("Taksonomi siap.")
