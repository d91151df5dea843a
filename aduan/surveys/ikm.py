"""The IKM of PermenPANRB 14/2017, exactly as the regulation counts it.

NRR of an element = the mean of its scores; the IKM = Σ NRR × 1/9 (one ninth, not the 0.11 of
the regulation's worked example, which lowers every index by 1 %), converted × 25 to a 25–100
scale, and rounded to two decimals only at the end. The grade reads the converted value.
Pure: the sums come from one aggregate query (aduan.surveys.selectors).
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_noop

from aduan.surveys.elements import CODES, NAMES

TWO_PLACES = Decimal("0.01")

# (lowest converted value, grade, label); read from the top.
GRADES = (
    (Decimal("88.31"), "A", gettext_noop("Sangat baik")),
    (Decimal("76.61"), "B", gettext_noop("Baik")),
    (Decimal("65.00"), "C", gettext_noop("Kurang baik")),
    (Decimal("25.00"), "D", gettext_noop("Tidak baik")),
)


@dataclass(frozen=True)
class Element:
    code: str
    name: str
    nrr: Decimal | None


@dataclass(frozen=True)
class Ikm:
    responses: int
    elements: list[Element] = field(default_factory=list)
    ikm: Decimal | None = None
    grade: str | None = None
    label: str | None = None

    def lowest(self, n: int = 3) -> list[Element]:
        """The elements to improve first: the lowest NRR."""
        rated = [e for e in self.elements if e.nrr is not None]
        return sorted(rated, key=lambda e: (e.nrr, e.code))[:n]

    def as_dict(self) -> dict:
        return {
            "responses": self.responses,
            "elements": [{"code": e.code, "name": e.name, "nrr": float(e.nrr) if e.nrr is not None else None}
                         for e in self.elements],
            "ikm": float(self.ikm) if self.ikm is not None else None,
            "grade": self.grade,
            "label": self.label,
        }


def _decimal(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def grade(value: Decimal) -> tuple[str, str]:
    for lowest, letter, label in GRADES:
        if value >= lowest:
            return letter, label
    return GRADES[-1][1], GRADES[-1][2]


def compute(responses: int, sums: dict[str, int]) -> Ikm:
    """The IKM of `responses` questionnaires whose scores per element add up to `sums`."""
    if not responses:
        return Ikm(0, [Element(code, NAMES[code], None) for code in CODES])
    nrr = {code: Fraction(sums[code], responses) for code in CODES}
    converted = sum(nrr.values(), Fraction(0)) / len(CODES) * 25
    value = _decimal(converted)
    letter, label = grade(value)
    return Ikm(responses, [Element(code, NAMES[code], _decimal(nrr[code])) for code in CODES], value, letter, label)
