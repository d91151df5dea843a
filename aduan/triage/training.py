"""Training the triage model from the labelled corpus (aduan/triage/corpus/*.tsv).

Each corpus line is `program, topic number or "-", kind (k keluhan, i permintaan informasi,
a aspirasi), text`. A fixed fifth of the lines, chosen by a hash of the text, is held out: it is
never trained or tuned on, and only `evaluate` reads it. The regularisation and the confidence
threshold are chosen by cross-validation inside the other four fifths.

scikit-learn is needed here only; the result is plain weights in model.json (aduan/triage/model.py).
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from aduan.triage.model import ASPIRASI, MODEL_PATH, Head, Model, of_program
from aduan.triage.text import features

CORPUS_DIR = Path(__file__).with_name("corpus")
KINDS = {"k": "keluhan", "i": "permintaan_informasi", "a": "aspirasi"}
HELD_OUT_SHARE = 5  # one line in five
# At most this share of the answers given may be wrong (cross-validated within the training part).
WRONG_AND_CONFIDENT = 0.03
C_GRID = (5.0, 10.0, 20.0, 50.0, 100.0)


@dataclass(frozen=True)
class Example:
    program: str
    topic: str  # "bpnt-3" or "aspirasi"
    kind: str
    text: str

    @property
    def held_out(self) -> bool:
        return int(hashlib.sha256(self.text.encode()).hexdigest(), 16) % HELD_OUT_SHARE == 0


def corpus_files() -> list[Path]:
    return sorted(CORPUS_DIR.glob("*.tsv"))


def corpus_sha256() -> str:
    digest = hashlib.sha256()
    for path in corpus_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_corpus() -> list[Example]:
    examples = []
    for path in corpus_files():
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            program, topic, kind, text = line.split("\t")
            if kind not in KINDS:
                raise ValueError(f"{path.name}:{number}: unknown kind {kind!r}")
            examples.append(Example(program, ASPIRASI if topic == "-" else f"{program}-{topic}", KINDS[kind], text))
    return examples


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    return [e for e in examples if not e.held_out], [e for e in examples if e.held_out]


def _fit(texts: list[str], labels: list[str], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(features(t), 1) for t in texts])
    classifier = LogisticRegression(C=c, max_iter=5000)
    classifier.fit(x, labels)
    return _as_head(vectorizer, classifier)


def _as_head(vectorizer, classifier) -> Head:
    names = vectorizer.get_feature_names_out()
    coef = classifier.coef_.T
    weights = {}
    for name, row in zip(names, coef):
        rounded = tuple(round(float(w), 4) for w in row)
        if any(abs(w) >= 1e-3 for w in rounded):
            weights[str(name)] = rounded
    return Head(tuple(str(c) for c in classifier.classes_), tuple(round(float(b), 4) for b in classifier.intercept_),
                weights)


def _folds(examples: list[Example], k: int = 5):
    for i in range(k):
        yield ([e for j, e in enumerate(examples) if j % k != i], [e for j, e in enumerate(examples) if j % k == i])


def _cross_validated(examples: list[Example], c: float) -> list[tuple[Example, str, float]]:
    """(example, predicted topic, its confidence) for every training example, each predicted by
    a model that did not see it."""
    out = []
    for train, test in _folds(examples):
        head = _fit([e.text for e in train], [e.topic for e in train], c)
        for e in test:
            topic, p = _best(head, e.text, e.program)
            out.append((e, topic, p))
    return out


def _best(head: Head, text: str, program: str | None) -> tuple[str, float]:
    probabilities = head.probabilities(features(text), of_program(program))
    best = max(probabilities, key=probabilities.get)
    return best, probabilities[best]


def _threshold(predictions: list[tuple[Example, str, float]]) -> float:
    """The lowest confidence at which the answers given are wrong at most WRONG_AND_CONFIDENT of the time."""
    n = len(predictions)
    for t in [x / 100 for x in range(5, 96)]:
        wrong = sum(1 for e, topic, p in predictions if p >= t and topic != e.topic)
        if wrong / n <= WRONG_AND_CONFIDENT:
            return t
    return 0.95


def train(examples: list[Example] | None = None) -> tuple[dict, dict]:
    """The model as JSON (from the training part only) and what cross-validation chose."""
    train_part, _ = split(examples or read_corpus())
    scored = {}
    for c in C_GRID:
        predictions = _cross_validated(train_part, c)
        scored[c] = (sum(1 for e, topic, _ in predictions if topic == e.topic) / len(predictions), predictions)
    best_c = max(C_GRID, key=lambda c: scored[c][0])
    threshold = _threshold(scored[best_c][1])
    texts = [e.text for e in train_part]
    topic = _fit(texts, [e.topic for e in train_part], best_c)
    kind = _fit(texts, [e.kind for e in train_part], best_c)
    model = {
        "corpus_sha256": corpus_sha256(),
        "threshold": threshold,
        "topic": _head_json(topic),
        "kind": _head_json(kind),
    }
    return model, {"C": best_c, "cross_validated_accuracy": round(scored[best_c][0], 4), "threshold": threshold,
                   "trained_on": len(train_part)}


def _head_json(head: Head) -> dict:
    return {"classes": list(head.classes), "intercepts": list(head.intercepts),
            "weights": {f: list(w) for f, w in sorted(head.weights.items())}}


def write(model: dict, path: Path = MODEL_PATH) -> None:
    path.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n")


def evaluate(model: Model, examples: list[Example] | None = None, *, program_given: bool = True) -> dict:
    """Accuracy on the held-out part: topic right, wrong-and-confident, how many were answered."""
    _, held_out = split(examples or read_corpus())
    right = wrong_confident = answered = right_answered = kind_right = 0
    for e in held_out:
        topic, p = _best(model.topic, e.text, e.program if program_given else None)
        right += topic == e.topic
        if p >= model.threshold:
            answered += 1
            right_answered += topic == e.topic
            wrong_confident += topic != e.topic
        kinds = model.kind.probabilities(features(e.text))
        kind_right += max(kinds, key=kinds.get) == e.kind
    n = len(held_out)
    return {
        "held_out": n,
        "program_given": program_given,
        "topic_right": round(right / n, 4),
        "wrong_and_confident": round(wrong_confident / n, 4),
        "answered": round(answered / n, 4),
        "right_when_answered": round(right_answered / answered, 4) if answered else None,
        "kind_right": round(kind_right / n, 4),
    }
