from django.core.management.base import BaseCommand

from aduan.demo.data import DEMO_PASSWORD, create_accounts, create_complaints


class Command(BaseCommand):
    help = "Create the demo accounts and a few hundred demo complaints (once), and print the accounts."

    def add_arguments(self, parser):
        parser.add_argument("--complaints", type=int, default=300)

    def handle(self, *args, complaints, **options):
        accounts = create_accounts()
        filed = create_complaints(complaints)
        if filed:
            self.stdout.write(f"{filed} pengaduan contoh dibuat.")
        self.stdout.write("\nAkun demo (kata sandi: {}):".format(DEMO_PASSWORD))
        for account in accounts:
            self.stdout.write(f"  {account.username:<16} {account.get_role_display() if hasattr(account, 'get_role_display') else account.role:<18} {account.unit_code}  {account.full_name}")
