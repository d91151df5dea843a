"""`make bench`: seed N complaints into the database named by DATABASE_URL and time what officers
and gateways wait for. Prints one line per figure; BENCHMARKS.md records them.

    BENCH_N=100000 make bench          # default 100,000
    BENCH_ONLY=core,queue make bench   # a subset of the sections
"""

import os
import resource
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
os.environ.setdefault("ADUAN_TESTING", "1")  # immediate task backend, the demo key

import django  # noqa: E402

django.setup()

from aduan.warm import warm_up  # noqa: E402
from bench import sections  # noqa: E402


def main() -> None:
    n = int(os.environ.get("BENCH_N", "100000"))
    only = {s.strip() for s in os.environ.get("BENCH_ONLY", "").split(",") if s.strip()}
    from django.db import connection

    print(f"# database: {connection.vendor} {connection.settings_dict.get('HOST') or connection.settings_dict['NAME']}")
    print(f"# complaints seeded: N={n:,}")
    world = sections.prepare(n)
    # Frozen as each app worker is when it starts (aduan/wsgi.py); the SMS sections build the
    # region index themselves, and the peak memory printed below stays that of the sections run.
    warm_up(build_resolver=False)
    for name, run in sections.SECTIONS:
        if only and name not in only:
            continue
        started = time.perf_counter()
        for line in run(world):
            print(line, flush=True)
        print(f"# section {name} took {time.perf_counter() - started:.1f} s", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak_rss_mb: {peak:.0f}")


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


if __name__ == "__main__":
    sys.exit(main())
