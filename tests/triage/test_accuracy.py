"""The triage model against the part of the corpus it never saw (issue 10: topic right ≥ 85 %,
wrong and confident ≤ 5 %). The figures are recorded in BENCHMARKS.md; `aduan triage_train --check`
prints them."""

import json

import pytest

from aduan.triage import training
from aduan.triage.model import ASPIRASI, MODEL_PATH, Model, shipped

TOPICS = {f"{p}-{n}" for p in ("bpnt", "rastra", "pkh") for n in range(1, 8)}


def test_the_corpus_covers_every_topic_and_aspirasi_with_at_least_400_messages():
    examples = training.read_corpus()
    assert len(examples) >= 400
    assert {e.topic for e in examples} == TOPICS | {ASPIRASI}
    assert {e.kind for e in examples} == {"keluhan", "permintaan_informasi", "aspirasi"}
    assert len({e.text for e in examples}) == len(examples), "a message written twice would sit on both sides"


def test_the_held_out_part_is_a_fifth_and_never_trained_on():
    train, held_out = training.split(training.read_corpus())
    assert 0.15 < len(held_out) / (len(train) + len(held_out)) < 0.25
    assert not {e.text for e in train} & {e.text for e in held_out}


@pytest.mark.parametrize("program_given", [True, False], ids=["program-given", "text-only"])
def test_on_the_held_out_part_the_topic_is_right_and_rarely_wrong_when_sure(program_given):
    figures = training.evaluate(shipped(), program_given=program_given)
    assert figures["topic_right"] >= 0.85, figures
    assert figures["wrong_and_confident"] <= 0.05, figures
    assert figures["answered"] >= 0.5, figures  # a threshold so high that it never answers would pass the rest


def test_the_shipped_model_is_trained_on_the_corpus_as_it_is():
    assert shipped().corpus_sha256 == training.corpus_sha256(), "corpus changed: run `aduan triage-train`"


def test_training_again_gives_the_shipped_model():
    """Deterministic, and in step with text.py and lexicon.py: a change to either without retraining fails here."""
    pytest.importorskip("sklearn")
    model, _ = training.train()
    assert Model.from_json(model) == Model.from_json(json.loads(MODEL_PATH.read_text()))
