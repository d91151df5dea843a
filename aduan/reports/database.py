"""How the reports talk to the database."""

from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def without_jit():
    """The reports' grouped queries look expensive to PostgreSQL's planner (a correlated subquery
    per row, never run for most rows), so it JIT-compiles them: 1.5 s of compiling to save a few
    milliseconds (BENCHMARKS.md, issue 12). Off for the report's own transaction only."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        yield
