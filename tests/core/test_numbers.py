"""The one generator of example NIKs (the demo, the benchmarks) makes numbers the checks accept."""

from aduan.core.numbers import example_nik, nik_problem


def test_example_niks_are_plausible_and_distinct_across_the_whole_range():
    serials = range(0, 672_000_000, 67_003)
    niks = [example_nik("35.06.10.2005", n) for n in serials]
    assert len(set(niks)) == len(niks)
    assert all(nik.startswith("350610") for nik in niks)
    assert [nik for nik in niks if nik_problem(nik, provinces=frozenset({"35"}))] == []
    assert any(int(nik[6:8]) > 40 for nik in niks), "women's birth days (+40) appear too"
