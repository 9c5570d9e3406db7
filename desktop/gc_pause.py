"""Python's cycle collector held off while a pulled page is parsed and applied.

A page of a pull allocates hundreds of thousands of objects that live until the page is
applied (the parsed changes, their patches, the rows to insert). Each time enough of them
survive, CPython runs a collection that walks them, and now and then a full one that walks
everything the process holds (SQLAlchemy's and pydantic's machinery included): a fifth of the
laptop's CPU time in a pull from a command line (benchmarks/README.md, "Sync"). Nothing of a
page is freed by the collector anyway (reference counting frees what is not in a cycle, and
the page's objects are in use until the page is done), so it is held off for the page and
runs as usual after it: the cycles a page leaves are collected at the next collection.

The GUI switches automatic collection off for good (ui/main_thread_gc.py: it collects on the
GUI thread only); a pause never switches on what it did not switch off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_switched_off = False  # this module switched automatic collection off (and switches it on)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Automatic cycle collection off within the block (nested or in several threads: on
    again when the last block ends, and only if it was on when the first began)."""
    global _holders, _switched_off
    with _lock:
        if _holders == 0 and gc.isenabled():
            gc.disable()
            _switched_off = True
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _switched_off:
                _switched_off = False
                gc.enable()
