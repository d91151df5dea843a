"""Per-process memory of what every request reads and almost never changes: tokens, memberships,
programs, policies, the working calendar, units, regions.

A memo is forgotten in this process the moment one of its models is saved or deleted here (and once
more when that transaction commits, so a value read from an uncommitted change does not outlive
it); other processes notice within `ADUAN["CACHE_SECONDS"]` (30 s by default) — how long a
revoked token, a removed membership or a new holiday can take to reach every server. Writes that
bypass model signals (`QuerySet.update`, `bulk_create`, `aduan load_regions`) call `forget_all`.

    @memoized(models=[Program])
    def active_program(code): ...

The memoized function must return values nobody mutates; callers share them.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

_MISSING = object()
_memos: list["Memo"] = []


class Memo:
    def __init__(self, load: Callable, *, models: Iterable, max_entries: int):
        self.load = load
        self.max_entries = max_entries
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        for model in models:
            post_save.connect(self._changed, sender=model, weak=False)
            post_delete.connect(self._changed, sender=model, weak=False)
        _memos.append(self)

    def __call__(self, *key):
        now = time.monotonic()
        with self._lock:
            found = self._entries.get(key, _MISSING)
            if found is not _MISSING and found[0] > now:
                self._entries.move_to_end(key)
                return found[1]
        value = self.load(*key)
        with self._lock:
            self._entries[key] = (now + settings.ADUAN["CACHE_SECONDS"], value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def forget(self) -> None:
        with self._lock:
            self._entries.clear()

    def _changed(self, **kwargs) -> None:
        self.forget()
        transaction.on_commit(self.forget, robust=True)


def memoized(*, models: Iterable, max_entries: int = 1024) -> Callable[[Callable], Memo]:
    def wrap(load: Callable) -> Memo:
        memo = Memo(load, models=models, max_entries=max_entries)
        memo.__doc__ = load.__doc__
        memo.__name__ = load.__name__
        return memo

    return wrap


def forget_all() -> None:
    """After a bulk write, and between tests (the suite's autouse fixture)."""
    for memo in _memos:
        memo.forget()
