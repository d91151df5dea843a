"""What a worker does once, before or while it starts serving (aduan/wsgi.py).

It builds the region index the first SMS would otherwise wait for, then freezes everything the
process holds so far (`gc.freeze`): Django's own objects, the apps, the index. Python's full
garbage collections then no longer walk them — one took 40 ms with the index loaded, a pause that
lands on whichever request is running — and a forked worker's memory stays shared with its parent
longer. Objects made afterwards are collected as usual.
"""

import gc

from aduan.regions.resolver import get_resolver


def warm_up(*, build_resolver: bool = True) -> None:
    if build_resolver:
        try:
            get_resolver()
        except Exception:  # an empty or unmigrated database: the first request will say so
            pass
    gc.collect()
    gc.freeze()
