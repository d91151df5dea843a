from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from aduan.accounts.models import ApiToken
from aduan.accounts.scopes import validate_scopes


class Command(BaseCommand):
    help = "Issue an API token for a user and print it (shown once; only its hash is stored)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="cli")
        parser.add_argument(
            "--scope", action="append", default=[], dest="scopes",
            help="limit the token, e.g. --scope complaints:write (repeatable); none = all the user's roles allow",
        )

    def handle(self, *args, username, name, scopes, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Pengguna '{username}' tidak ditemukan.")
        try:
            scopes = validate_scopes(scopes)
        except ValueError as error:
            raise CommandError(str(error)) from None
        _, raw = ApiToken.issue(user, name, scopes=scopes)
        self.stdout.write(raw)
