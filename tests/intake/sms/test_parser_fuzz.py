"""Whatever arrives on 1708, parsing and resolving it never raises."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aduan.intake.sms.parser import Kind, ParsedSms, parse
from aduan.regions.resolver import RegionResolver, Resolution, lokal_pairs

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

WORDS = st.sampled_from(
    ["NT", "R", "PKH", "CEK", "SANGGAH", "DKI", "Jatim", "Kediri", "Kota", "Kab.", "Kec", "Desa", "Ringin Rejo",
     "Purwodadi", "Koto XI", "II", "x", "KKS", "NIK", "No.", "3235386475739456", "3235 3864", "7KQ2M-X9RT4",
     "", " ", "#", "##", "\n", "-", "'", "é", "0" * 5000, "sungai", "tj.", "jak-sel"]
)  # fmt: skip
SMS_LIKE = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=14).map("".join)
HASH_JOINED = st.lists(st.one_of(WORDS, st.text(max_size=20)), max_size=6).map("#".join)


@pytest.fixture(scope="module")
def resolver():
    return RegionResolver.from_pairs(lokal_pairs())


@FAST
@given(st.one_of(st.text(), SMS_LIKE))
def test_parse_never_raises_and_keeps_its_promises(text):
    parsed = parse(text)

    assert isinstance(parsed, ParsedSms)
    assert (parsed.error is None) == (parsed.kind is not Kind.INVALID)
    if parsed.kind is Kind.COMPLAINT:
        assert len(parsed.location_parts) == 4 and parsed.body
    for number in (parsed.kks, parsed.nik):
        assert number is None or (len(number) == 16 and number.isdigit())


@FAST
@given(st.one_of(st.text(), HASH_JOINED))
def test_resolve_text_never_raises_and_keeps_its_promises(resolver, text):
    resolution = resolver.resolve_text(text)

    assert isinstance(resolution, Resolution)
    assert 0.0 <= resolution.confidence <= 1.0
    assert len(resolution.names) == resolution.level
    assert (resolution.code is None) == (resolution.level == 0)
    assert resolution.needs_review or resolution.level == 4
    assert len(resolution.candidates) <= 5
