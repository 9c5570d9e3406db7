"""The core's change events as a Qt signal on the GUI thread (Electrum's QtEventListener).

The core publishes `desktop.changes.Changes` on whichever thread made them (the database
thread, or sync's); `QtChanges.changed` re-emits each on the GUI thread, where views decide
from it whether to refresh. This is the only refresh mechanism: no view announces a change
by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.changes import ChangeBus, Changes


class QtChanges(QObject):
    changed = Signal(object)  # desktop.changes.Changes
    _arrived = Signal(object)

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued even when published on the GUI thread: a view never refreshes in the middle
        # of the operation that changed it.
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(self._arrived.emit)

    @Slot(object)
    def _deliver(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
