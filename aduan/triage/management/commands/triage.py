import json

from django.core.management.base import BaseCommand, CommandError

from aduan.taxonomy import lookups as taxonomy
from aduan.triage.suggestions import suggest


class Command(BaseCommand):
    help = 'Suggest program, category type, topic, severity and authority for a complaint text: aduan triage "TEXT".'

    def add_arguments(self, parser):
        parser.add_argument("text")
        parser.add_argument("--program", help="The program the channel said (bpnt, rastra, pkh).")
        parser.add_argument("--json", action="store_true", help="Print the suggestion as JSON.")

    def handle(self, *args, text, program, json: bool, **options):
        if program and program not in taxonomy.active_programs():
            raise CommandError(f"Program tidak dikenal: {program} (pilihan: {', '.join(taxonomy.active_programs())}).")
        suggestion = suggest(text, program)
        if json:
            self.stdout.write(_json(suggestion.as_dict()))
            return
        if suggestion.is_empty:
            self.stdout.write(f"perlu diperiksa (keyakinan {suggestion.confidence:.2f})")
            return
        for name in ("program", "category_type", "topic", "severity", "authority"):
            self.stdout.write(f"{name:14} {getattr(suggestion, name) or '-'}")
        self.stdout.write(f"{'confidence':14} {suggestion.confidence:.2f}")


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
