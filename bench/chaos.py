"""`make chaos`: SMS through a real Kannel while an app worker and the task worker are killed with
SIGKILL and PostgreSQL is restarted; then the count of what was stored, answered, doubled and lost.

    make chaos                        # 10,000 SMS, with the database queue and with RQ on Redis
    CHAOS_N=2000 CHAOS_BACKENDS=db make chaos

Runs on the throwaway PostgreSQL of scripts/with-postgres.sh (which exports ADUAN_PG_RESTART).
Exits 1 when anything was lost, doubled or left queued.
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
os.environ.setdefault("ADUAN_TESTING", "1")  # this process only reads; the app runs in production mode

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from aduan.memo import forget_all  # noqa: E402
from bench.sms_load import run_load  # noqa: E402


def main() -> int:
    count = int(os.environ.get("CHAOS_N", "10000"))
    backends = os.environ.get("CHAOS_BACKENDS", "db rq").split()
    failed = False
    for backend in backends:
        _fresh_database()
        with tempfile.TemporaryDirectory(prefix="aduan-chaos-") as work:
            print(f"# chaos: {count:,} SMS through Kannel, task backend {backend}", flush=True)
            figures = run_load(database_url=os.environ["DATABASE_URL"], work=Path(work), count=count,
                               faults=True, backend=backend, answer_timeout=max(180, count / 10))
        print(f"chaos_{backend}: {figures.line()}", flush=True)
        ok = (figures.lost == 0 and figures.duplicates == 0 and figures.left_queued == 0 and figures.tracebacks == 0
              and figures.answered == figures.sent == figures.stored
              and figures.retries_answered_alike == figures.retries_replayed)
        print(f"chaos_{backend}_verdict: {'PASS' if ok else 'FAIL'}", flush=True)
        failed |= not ok
    return 1 if failed else 0


def _fresh_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("setup", no_demo=True, verbosity=0)
    forget_all()


if __name__ == "__main__":
    sys.exit(main())
