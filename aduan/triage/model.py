"""The trained triage model: linear weights read from model.json, applied in plain Python.

Training (aduan/triage/training.py, scikit-learn) writes the file; answering needs neither
scikit-learn nor numpy, so a worker pays a dictionary lookup per feature and nothing more.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("model.json")
ASPIRASI = "aspirasi"  # the topic head's class for a suggestion, which has no topic


def of_program(program: str | None):
    """The topic classes a text of `program` may take (its topics and aspirasi); None: every class."""
    if program is None:
        return None
    return lambda c: c == ASPIRASI or c.startswith(f"{program}-")


@dataclass(frozen=True)
class Head:
    """One multinomial logistic regression: classes, their intercepts, each feature's weights."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, features: list[str], allowed=None) -> dict[str, float]:
        """Each class's probability; with `allowed`, only those classes, summing to one."""
        scores = list(self.intercepts)
        for feature in set(features):
            row = self.weights.get(feature)
            if row is not None:
                for i, w in enumerate(row):
                    scores[i] += w
        pairs = [(c, s) for c, s in zip(self.classes, scores) if allowed is None or allowed(c)]
        top = max(s for _, s in pairs)
        exp = [(c, math.exp(s - top)) for c, s in pairs]
        total = sum(e for _, e in exp)
        return {c: e / total for c, e in exp}

    @classmethod
    def from_json(cls, data: dict) -> "Head":
        return cls(tuple(data["classes"]), tuple(data["intercepts"]),
                   {f: tuple(w) for f, w in data["weights"].items()})


@dataclass(frozen=True)
class Model:
    topic: Head  # "bpnt-3", …, or "aspirasi"
    kind: Head  # "keluhan", "permintaan_informasi", "aspirasi"
    threshold: float  # below it a head's answer is "perlu diperiksa"
    corpus_sha256: str

    @classmethod
    def from_json(cls, data: dict) -> "Model":
        return cls(Head.from_json(data["topic"]), Head.from_json(data["kind"]), data["threshold"],
                   data["corpus_sha256"])


@lru_cache(maxsize=1)
def shipped() -> Model:
    return Model.from_json(json.loads(MODEL_PATH.read_text()))
