from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from aduan.accounts.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for a user and print it (shown once; only its hash is stored)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="cli")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Pengguna '{username}' tidak ditemukan.")
        _, raw = ApiToken.issue(user, name)
        self.stdout.write(raw)
