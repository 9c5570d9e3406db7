"""Python's cycle collector, run on the GUI thread only.

CPython runs its cycle collector in whichever thread happens to allocate when a threshold is
passed: often a worker thread in the middle of a search or a PDF. If a collected cycle holds
the last reference to a Qt object, that object is destroyed on the wrong thread, and Qt
crashes ("Garbage-collecting" in a worker's traceback, then a segfault). Anki avoids this the
same way: automatic collection is switched off and the GUI thread collects on a timer.
Reference counting still frees everything that is not in a cycle, at once, as usual.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

YOUNG_EVERY_MS = 1_000  # generations 0 and 1: cheap
FULL_EVERY = 60  # a full collection every 60 young ones


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(YOUNG_EVERY_MS)
        self._timer.timeout.connect(self.collect)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect(self) -> None:
        self._ticks += 1
        if self._ticks % FULL_EVERY == 0:
            gc.collect()
        elif gc.get_count()[0] > gc.get_threshold()[0]:
            gc.collect(1)


def ensure_started() -> MainThreadGarbageCollector | None:
    """Start the process's collector once, owned by the application object (no-op without
    one: then there is no GUI thread to protect)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    existing = app.findChild(MainThreadGarbageCollector)
    if existing is not None:
        return existing
    collector = MainThreadGarbageCollector(app)
    collector.start()
    return collector
