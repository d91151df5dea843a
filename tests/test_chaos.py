"""The short fault run of `make chaos` (bench/chaos.py): 2,000 SMS through a real Kannel while an
app worker and the task worker are killed with SIGKILL and PostgreSQL restarts, plus gateway
retries of stored messages. Every SMS is stored once and answered once (counted at fakesmsc), every
complaint has one register number and one first event, nothing is left queued, and while the
database was away the gateway got 503s, never a 500.

Runs in the PostgreSQL half of `make test`, on a throwaway cluster of its own with durability on
(scripts/with-postgres.sh, ADUAN_PG_DURABLE=1): it crashes that one on purpose."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.kannel import SKIP_REASON, kannel_installed

pytestmark = pytest.mark.kannel
ROOT = Path(__file__).resolve().parent.parent


def test_2000_sms_through_kannel_survive_killed_workers_and_a_database_restart(tmp_path):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("the PostgreSQL half of make test runs it (it starts a PostgreSQL of its own)")
    if not kannel_installed():
        pytest.skip(SKIP_REASON)
    env = {**os.environ, "CHAOS_N": "2000", "CHAOS_BACKENDS": "db", "ADUAN_PG_DURABLE": "1",
           "ADUAN_VAR_DIR": str(tmp_path)}
    done = subprocess.run(["bash", "scripts/with-postgres.sh", sys.executable, "-m", "bench.chaos"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    print(done.stdout)  # the figures, in the test log
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    figures = re.search(r"^chaos_db: (.*)$", done.stdout, re.M).group(1)
    assert "sent 2000, stored 2000, answered 2000, duplicates 0, lost 0" in figures
    assert "tracebacks 0" in figures and "left_queued 0" in figures
    assert re.search(r"kill -9 app worker \d+.*kill -9 task worker \d+.*PostgreSQL restarted", figures)
