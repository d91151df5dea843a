"""What a worker does once, before or while it starts serving (aduan/wsgi.py).

It builds the region index the first SMS would otherwise wait for and loads the triage model and
stemmer every filing reads (aduan/triage), then freezes everything the
process holds so far (`gc.freeze`): Django's own objects, the apps, the index. Python's full
garbage collections then no longer walk them — one took 40 ms with the index loaded, a pause that
lands on whichever request is running — and a forked worker's memory stays shared with its parent
longer. Objects made afterwards are collected as usual.
"""

import gc

from aduan.regions.resolver import get_resolver
from aduan.triage.model import shipped
from aduan.triage.text import features


def warm_up(*, build_resolver: bool = True) -> None:
    if build_resolver:
        try:
            get_resolver()
        except Exception:  # an empty or unmigrated database: the first request will say so
            pass
    shipped()
    features("saldo belum masuk")  # builds the stemmer and its dictionary
    gc.collect()
    gc.freeze()
