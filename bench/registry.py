"""Issue 13: the registry import and lookup at scale. A file of BENCH_REGISTRY_N rows (default
1,000,000; the goal is stated at 10,000,000) is generated with plausible NIKs over every desa, then
imported by the real command in a child process (`aduan registry import … --json`), so its time and
its peak memory are the command's own; then lookups by NIK, KK and KKS over the imported table."""

import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.db import connection

from aduan.core.numbers import example_nik
from aduan.regions.models import Region
from aduan.registry import access
from aduan.registry.models import Record

HEADER = ["nik", "no_kk", "nama", "alamat", "kode_desa", "program", "status", "no_kks", "bank", "sejak"]
PROGRAMS = [("bpnt", "BRI"), ("bpnt", "BNI"), ("pkh", "BRI"), ("pkh", "Mandiri"), ("rastra", "")]


def numbers(j: int, village: str) -> tuple[str, str, str]:
    """A NIK, KK and KKS unique for each j < 672,000,000."""
    return example_nik(village, j), f"{village.replace('.', '')[:6]}{j:010d}", f"32{j:014d}"


def write_file(path: Path, rows: int, villages: list[str]) -> None:
    rng = random.Random(rows)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for j in range(rows):
            village = villages[j % len(villages)]
            nik, kk, kks = numbers(j, village)
            program, bank = PROGRAMS[j % len(PROGRAMS)]
            writer.writerow([nik, kk, f"Penerima {j}", f"RT {j % 20:02d} RW {j % 9:02d}", village, program,
                             "aktif" if rng.random() < 0.9 else "nonaktif", kks if bank else "", bank,
                             f"{2015 + j % 11}-{1 + j % 12:02d}"])


def import_once(path: Path, period: str) -> tuple[float, float, str]:
    """Seconds, the child's peak RSS in MB, the summary line."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "aduan.cli", "registry", "import", str(path), "--source", "bench",
                           "--period", period, "--json"], capture_output=True, text=True, env=os.environ.copy(),
                          check=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = done.stdout.strip().splitlines()[-1]
    return seconds, peak, summary[:160]


def registry(world):
    from bench.__main__ import timed

    rows = int(os.environ.get("BENCH_REGISTRY_N", "1000000"))
    villages = list(Region.objects.filter(level=4).values_list("code", flat=True))
    Record.objects.filter(source="bench").delete()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dtks.csv"
        started = time.perf_counter()
        write_file(path, rows, villages)
        yield f"registry_file: {rows:,} rows, {path.stat().st_size / 2**20:.0f} MB, written in " \
              f"{time.perf_counter() - started:.0f} s"
        seconds, peak, summary = import_once(path, "2026-11")
        yield f"registry_import_rows_per_s: {rows / seconds:,.0f} ({rows:,} rows in {seconds:.0f} s, " \
              f"{connection.vendor}; child peak RSS {peak:.0f} MB)"
        yield f"registry_import_summary: {summary}"
        seconds, peak, summary = import_once(path, "2026-11")
        yield f"registry_reimport_rows_per_s: {rows / seconds:,.0f} (the same file again: nothing changes; " \
              f"{summary[:80]})"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Record._meta.db_table}")
    total = Record.objects.count()
    rng = random.Random(7)
    picks = [numbers(j, villages[j % len(villages)]) for j in (rng.randrange(rows) for _ in range(500))]
    queue = iter(picks * 4)
    for by, index in (("nik", 0), ("kk", 1), ("kks", 2)):
        median, p95 = timed(lambda: access.lookup(world.national_user, by=by, number=next(queue)[index],
                                                  where="bench"), 500)
        yield f"registry_lookup_{by}_ms: median {median:.2f}, p95 {p95:.2f} (national reach, the read recorded, " \
              f"{total:,} records)"
    queue = iter(picks)
    median, p95 = timed(lambda: access.lookup(world.user, by="nik", number=next(queue)[0], where="bench"), 500)
    yield f"registry_lookup_district_ms: median {median:.2f}, p95 {p95:.2f} (a kabupaten's reach, the read recorded)"
