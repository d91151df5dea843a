"""`aduan report monthly --month YYYY-MM [--unit CODE] --format xlsx|pdf|json --out FILE`,
`aduan report annual --year YYYY …`, `aduan report ikm --from YYYY-MM-DD --to YYYY-MM-DD …`:
the reports of the API and the pages, for a script or a cron job (no user: every unit allowed)."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from aduan.core.errors import ActionError
from aduan.organisation.models import Unit, UnitKind
from aduan.reports import service


class Command(BaseCommand):
    help = "Laporan bulanan (R27), tahunan (R28) atau IKM (R29) sebagai JSON, XLSX atau PDF."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["monthly", "annual", "ikm"])
        parser.add_argument("--month", help="YYYY-MM (monthly)")
        parser.add_argument("--year", help="YYYY (annual)")
        parser.add_argument("--from", dest="start", help="YYYY-MM-DD (ikm; default 1 January)")
        parser.add_argument("--to", dest="end", help="YYYY-MM-DD (ikm; default today)")
        parser.add_argument("--unit", help="Unit code; default: the whole country (admin-utama)")
        parser.add_argument("--format", default="json", choices=service.FORMATS)
        parser.add_argument("--out", help="File to write; default: standard output (json only)")
        parser.add_argument("--recap", action="store_true", help="annual json: include the recap table's rows")

    def handle(self, *args, kind, month, year, start, end, unit, format, out, recap, **options):
        try:
            chosen = service.unit_for(None, unit) if unit else Unit.objects.filter(kind=UnitKind.ADMIN_UTAMA).first()
            if chosen is None:
                raise CommandError("Belum ada unit; jalankan `aduan setup` dulu.")
            if kind == "monthly":
                if not month:
                    raise CommandError("--month YYYY-MM wajib untuk laporan bulanan.")
                result = service.monthly(chosen, *service.parse_month(month), format)
            elif kind == "annual":
                if not year:
                    raise CommandError("--year YYYY wajib untuk laporan tahunan.")
                result = service.annual(chosen, service.parse_year(year), format, with_recap=recap)
            else:
                first, last = service.ikm_period(start, end)
                if format == "json":
                    ikm, profile = service.ikm(chosen, first, last)
                    result = {"unit": {"code": chosen.code, "name": chosen.name}, "from": str(first), "to": str(last),
                              **ikm.as_dict()}
                else:
                    result = service.ikm_file(chosen, first, last, format)
        except ActionError as error:
            raise CommandError(error.message) from None
        if isinstance(result, service.File):
            if not out:
                raise CommandError(f"--out FILE wajib untuk format {format}.")
            Path(out).write_bytes(result.content)
            self.stderr.write(f"{out}: {len(result.content):,} byte")
            return
        text = json.dumps(result, ensure_ascii=False, indent=2, default=str)
        if out:
            Path(out).write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
