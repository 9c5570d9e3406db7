"""The seam for synchronisation with HQ: a state object and the status-bar widget showing it.

Sync does not exist yet. When it does, its client (running on a network thread) reports
through `SyncStatus.report(...)`, which is safe from any thread: the state crosses to the
GUI thread by a queued signal (Electrum's QtEventListener habit), and the widget follows.
`sync_requested` is what the "Sync now" button emits; the sync client connects to it.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.util import format_time


class SyncState(enum.Enum):
    NOT_SET_UP = "not_set_up"  # this laptop is not enrolled with HQ
    IDLE = "idle"  # enrolled; last sync went well
    SYNCING = "syncing"
    OFFLINE = "offline"  # HQ not reachable just now
    FAILED = "failed"  # the last attempt failed for another reason
    NEEDS_ATTENTION = "needs_attention"  # conflicts wait for a person


@dataclass(frozen=True)
class SyncSnapshot:
    state: SyncState = SyncState.NOT_SET_UP
    last_success: dt.datetime | None = None  # clinic-local, aware
    waiting_changes: int | None = None  # outbox entries not yet acknowledged
    attention_items: int = 0
    detail: str = ""  # a message for a person (from the sync client)


class SyncStatus(QObject):
    changed = Signal(object)  # SyncSnapshot, on the GUI thread
    sync_requested = Signal()
    _incoming = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.snapshot = SyncSnapshot()
        self._incoming.connect(self._apply, Qt.ConnectionType.QueuedConnection)

    def report(self, snapshot: SyncSnapshot) -> None:
        """Safe from any thread."""
        self._incoming.emit(snapshot)

    @Slot(object)
    def _apply(self, snapshot: SyncSnapshot) -> None:
        self.snapshot = snapshot
        self.changed.emit(snapshot)


class SyncStatusWidget(QWidget):
    def __init__(self, status: SyncStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.label = QLabel()
        self.label.setObjectName("sync_state")
        self.button = QPushButton(self.tr("Sync now"))
        self.button.setAccessibleName(self.tr("Sync with HQ now"))
        self.button.clicked.connect(status.sync_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        status.changed.connect(self.show_snapshot)
        self.show_snapshot(status.snapshot)

    def describe(self, s: SyncSnapshot) -> str:
        waiting = ""
        if s.waiting_changes:
            waiting = " " + self.tr("({n} changes waiting to be sent)").format(n=s.waiting_changes)
        if s.state is SyncState.NOT_SET_UP:
            return self.tr("Not connected to HQ yet")
        if s.state is SyncState.SYNCING:
            return self.tr("Syncing with HQ…")
        if s.state is SyncState.OFFLINE:
            return self.tr("HQ not reachable; working offline") + waiting
        if s.state is SyncState.FAILED:
            return self.tr("Sync failed: {detail}").format(detail=s.detail) + waiting
        if s.state is SyncState.NEEDS_ATTENTION:
            return self.tr("Synced; {n} items need attention").format(n=s.attention_items)
        if s.last_success is not None:
            return self.tr("Synced with HQ at {time}").format(time=format_time(s.last_success))
        return self.tr("Connected to HQ") + waiting

    @Slot(object)
    def show_snapshot(self, snapshot: SyncSnapshot) -> None:
        text = self.describe(snapshot)
        self.label.setText(text)
        self.label.setAccessibleName(self.tr("Sync status: {text}").format(text=text))
        self.button.setVisible(snapshot.state not in (SyncState.NOT_SET_UP, SyncState.SYNCING))
