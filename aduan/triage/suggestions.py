"""The suggestion for one text: program, category type, topic, severity and authority, each only
when the model is sure enough (otherwise null: "perlu diperiksa")."""

from dataclasses import asdict, dataclass, field

from aduan.taxonomy import lookups as taxonomy
from aduan.triage.model import ASPIRASI, of_program, shipped
from aduan.triage.text import features


@dataclass(frozen=True)
class Suggestion:
    program: str | None = None
    category_type: str | None = None
    topic: str | None = None
    severity: str | None = None
    authority: str | None = None
    confidence: float = 0.0  # of the topic (or of "this is an aspirasi")
    confidences: dict = field(default_factory=dict)  # program, category_type, topic, authority

    @property
    def is_empty(self) -> bool:
        return self.topic is None and self.category_type is None

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> "Suggestion":
        return cls(**{k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__})


def suggest(text: str, program: str | None = None) -> Suggestion:
    """What the text is about. `program` is the one the channel said (SMS keyword, form), if any."""
    model = shipped()
    found = features(text)
    programs = taxonomy.active_programs()
    if program is not None and program not in programs:
        program = None
    if not any(f in model.topic.weights for f in found):
        return Suggestion(program=program)  # nothing in the text the model has seen: perlu diperiksa
    topics = model.topic.probabilities(found, of_program(program))
    best = max(topics, key=topics.get)
    confidence = topics[best]
    sure = confidence >= model.threshold

    program_confidence = 1.0
    if program is None:
        by_program: dict[str, float] = {}
        for code, p in topics.items():
            if code != ASPIRASI:
                key = code.split("-")[0]
                by_program[key] = by_program.get(key, 0.0) + p
        guess = max(by_program, key=by_program.get)
        program_confidence = by_program[guess] / (sum(by_program.values()) or 1.0)
        program = guess if guess in programs and program_confidence >= model.threshold else None

    kinds = model.kind.probabilities(found)
    kind = max(kinds, key=kinds.get)
    kind_confidence = kinds[kind]

    topic = None
    if best != ASPIRASI and sure and program and best.startswith(f"{program}-"):
        topic = taxonomy.topics().get((programs[program].pk, best))
        if topic is not None and not topic.is_active:
            topic = None  # switched off by an administrator: never suggested
    if best == ASPIRASI and sure:
        category_code, kind_confidence = ASPIRASI, confidence
    elif topic is not None and kind_confidence >= model.threshold and kind != ASPIRASI:
        # Only beside a topic: on a text it cannot place, the kind head leans to "keluhan", the
        # commonest, and that guess is no help to the officer.
        category_code = kind
    else:
        category_code = None
    category_type = taxonomy.category_types().get(category_code) if category_code else None
    if topic is not None and category_type is not None and category_type not in topic.category_types.all():
        category_type = None  # e.g. "penyalahgunaan" is only ever a keluhan

    authority, authority_confidence = _authority(topics, programs, program)
    if topic is not None:
        authority = topic.authority
    elif authority_confidence < model.threshold:
        authority = None

    severity = taxonomy.default_severity(category_type, topic) if (topic or category_type) else None
    return Suggestion(
        program=program,
        category_type=category_type.code if category_type else None,
        topic=topic.code if topic else None,
        severity=severity,
        authority=authority,
        confidence=round(confidence, 3),
        confidences={"program": round(program_confidence, 3), "category_type": round(kind_confidence, 3),
                     "topic": round(confidence, 3), "authority": round(authority_confidence, 3)},
    )


def _authority(topics: dict[str, float], programs, program: str | None) -> tuple[str | None, float]:
    """The authority most of the topics' probability points to: unsure between "card" and "e-Warong",
    the text is still the bank's."""
    if program is None:
        return None, 0.0
    known = taxonomy.topics()
    by_authority: dict[str, float] = {}
    for code, p in topics.items():
        topic = known.get((programs[program].pk, code))
        if topic is not None and topic.is_active:
            by_authority[topic.authority] = by_authority.get(topic.authority, 0.0) + p
    if not by_authority:
        return None, 0.0
    best = max(by_authority, key=by_authority.get)
    return best, by_authority[best]
