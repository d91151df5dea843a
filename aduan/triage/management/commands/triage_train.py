import json

from django.core.management.base import BaseCommand, CommandError

from aduan.triage import training
from aduan.triage.model import Model


class Command(BaseCommand):
    help = ("Train the triage model on aduan/triage/corpus/*.tsv, write aduan/triage/model.json and print "
            "the accuracy on the held-out part. --check only evaluates the shipped model.")

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Evaluate model.json; train nothing.")

    def handle(self, *args, check: bool, **options):
        examples = training.read_corpus()
        if check:
            model = Model.from_json(json.loads(training.MODEL_PATH.read_text()))
            chosen = {"corpus_is_current": model.corpus_sha256 == training.corpus_sha256()}
        else:
            try:
                import sklearn  # noqa: F401  (training only; answering reads model.json)
            except ImportError:
                raise CommandError("Pelatihan butuh scikit-learn: pip install -e '.[test]'.") from None
            data, chosen = training.train(examples)
            training.write(data)
            model = Model.from_json(data)
        report = {
            "corpus": len(examples),
            **chosen,
            "with_program": training.evaluate(model, examples),
            "text_only": training.evaluate(model, examples, program_given=False),
        }
        self.stdout.write(json.dumps(report, indent=2))
