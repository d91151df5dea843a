"""While the first national file is written (`bulk.py` builds the registry's indexes again after
it, in one transaction), that import holds the registry table and every reader of it would wait
a minute or more. The import says so first (`announce`, a transaction-level advisory lock); the
readers that a person is waiting on — the check at intake, the desk's lookup, a letter that needs
the registry — ask here and are told the registry is busy instead of waiting: a complaint is filed
unchecked (the officer checks it again later), a lookup answers "try again shortly"."""

from django.db import connection

from aduan.core.errors import ActionError

BUSY = "Data penerima sedang diperbarui (impor berkas besar). Coba lagi beberapa menit lagi."
KEY = "hashtext('registry rebuilt')"


class RegistryBusy(ActionError):
    def __init__(self):
        super().__init__(BUSY, code="registry_busy")


def announce(cursor) -> None:
    """Called by the import in the transaction that will hold the registry, before it takes it."""
    cursor.execute(f"SELECT pg_advisory_xact_lock({KEY})")


def claim_for_reading() -> None:
    """Raise `RegistryBusy` when an import holds the registry; otherwise, inside a transaction, keep
    such an import from starting until it ends (one round trip; SQLite has no such import)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_try_advisory_xact_lock_shared({KEY})")
        (free,) = cursor.fetchone()
    if not free:
        raise RegistryBusy
