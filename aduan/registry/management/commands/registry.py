"""`aduan registry import FILE --source NAME --period YYYY-MM [--mapping FILE] [--json]`: a
beneficiary file (CSV or XLSX) into our copy of the registry (SPEC R21)."""

import json
import re

from django.core.management.base import BaseCommand, CommandError

from aduan.registry.importer import import_file
from aduan.registry.rules import ImportRefused, load_mapping

PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class Command(BaseCommand):
    help = "Impor data penerima (DTKS / daftar program) dari CSV atau XLSX."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("import", help="import a file")
        load.add_argument("file")
        load.add_argument("--source", required=True, help="e.g. dtks, pkh-kemensos")
        load.add_argument("--period", required=True, help="YYYY-MM: the month the file describes")
        load.add_argument("--mapping", help='JSON {"nik": "NIK", "name": "NAMA", …}: our field → the file\'s header')
        load.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args, action, file, source, period, mapping, **options):
        if not PERIOD.match(period):
            raise CommandError("--period harus YYYY-MM, mis. 2026-11.")
        try:
            summary = import_file(file, source=source.strip().lower(), period=period, mapping=load_mapping(mapping))
        except (ImportRefused, OSError, ValueError) as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(f"{summary.read:,} baris dibaca: {summary.added:,} baru, {summary.changed:,} berubah, "
                          f"{summary.unchanged:,} tetap, {len(summary.rejected):,} ditolak.")
        for rejected in summary.rejected[:50]:
            self.stdout.write(f"  baris {rejected['line']}: {rejected['reason']}")

