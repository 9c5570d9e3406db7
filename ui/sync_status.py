"""What the laptop knows of its link with HQ, and the status-bar widget showing it.

`SyncStatus` holds the latest `SyncSnapshot` (made from the core's `core.sync.status()` and,
while a sync runs, from the sync page). `SyncStatus.report(...)` is safe from any thread: the
state crosses to the GUI thread by a queued signal (Electrum's QtEventListener habit), and
the widget follows. `SyncWatcher` (one per signed-in window) asks the core again after every
change the core announces (the number of changes waiting follows each edit) and once a
minute (so "Synced 12 minutes ago" stays true). A click on the widget opens the sync page.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.util import is_alive

if TYPE_CHECKING:
    from ui.context import ClinicContext

CLOCK_WARNING_MS = 5 * 60 * 1000  # as the core's sync engine warns (desktop.app.sync)
REFRESH_MS = 60_000
CHANGES_DEBOUNCE_MS = 400


class SyncState(enum.Enum):
    NOT_SET_UP = "not_set_up"  # this laptop is not enrolled with HQ
    IDLE = "idle"  # enrolled; last sync went well (or none tried yet)
    SYNCING = "syncing"
    FAILED = "failed"  # the last attempt failed (HQ unreachable, revoked, ...)
    NEEDS_ATTENTION = "needs_attention"  # conflicts wait for a person
    OFFLINE = "offline"  # kept for callers of the seam: HQ not reachable just now


@dataclass(frozen=True)
class SyncSnapshot:
    state: SyncState = SyncState.NOT_SET_UP
    last_success: dt.datetime | None = None  # aware (UTC)
    waiting_changes: int | None = None  # outbox entries not yet acknowledged
    attention_items: int = 0
    detail: str = ""  # why the last attempt failed (a message for a person)
    last_attempt: dt.datetime | None = None
    clock_offset_ms: int | None = None
    server_url: str = ""
    hq_clinic_name: str = ""
    # From the automatic sync (ui.sync_auto), not the store: when it tries HQ next, and
    # whether its last probe found the link down.
    next_try_at: dt.datetime | None = None
    offline: bool = False

    @property
    def enrolled(self) -> bool:
        return self.state is not SyncState.NOT_SET_UP

    @property
    def clock_wrong(self) -> bool:
        return self.clock_offset_ms is not None and abs(self.clock_offset_ms) > CLOCK_WARNING_MS


def snapshot_of(status: Any, *, syncing: bool = False) -> SyncSnapshot:
    """A snapshot from the core's `desktop.app.sync.SyncStatus`."""
    if not status.enrolled:
        return SyncSnapshot()
    failed = bool(status.last_error)  # a sync that went through clears it
    if syncing:
        state = SyncState.SYNCING
    elif failed:
        state = SyncState.FAILED
    elif status.needs_attention:
        state = SyncState.NEEDS_ATTENTION
    else:
        state = SyncState.IDLE
    return SyncSnapshot(
        state=state,
        last_success=status.last_success_at,
        waiting_changes=status.pending,
        attention_items=status.needs_attention,
        detail=(status.last_error or "") if failed else "",
        last_attempt=status.last_attempt_at,
        clock_offset_ms=status.clock_offset_ms,
        server_url=status.server_url or "",
        hq_clinic_name=status.hq_clinic_name or "",
    )


def one_line(text: str, limit: int = 90) -> str:
    """The first sentence of a message, at most `limit` characters (the status bar)."""
    first = text.strip().split("\n", 1)[0]
    for end in (". ", "; "):
        if end in first:
            first = first.split(end, 1)[0]
            break
    first = first.rstrip(".")
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


class SyncStatus(QObject):
    changed = Signal(object)  # SyncSnapshot, on the GUI thread
    sync_requested = Signal()
    # A sync of the sync page ended (asked for or automatic): (SyncReport | None, error | None).
    sync_ended = Signal(object, object)
    _incoming = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.snapshot = SyncSnapshot()
        self.syncing = False
        self._next_try_at: dt.datetime | None = None
        self._offline = False
        self._incoming.connect(self._apply, Qt.ConnectionType.QueuedConnection)

    def report(self, snapshot: SyncSnapshot) -> None:
        """Safe from any thread."""
        self._incoming.emit(snapshot)

    def set_syncing(self, syncing: bool) -> None:
        """The sync page says a sync runs (or ended); GUI thread."""
        self.syncing = syncing
        state = self.snapshot.state
        if syncing and self.snapshot.enrolled:
            self._apply(replace(self.snapshot, state=SyncState.SYNCING))
        elif not syncing and state is SyncState.SYNCING:
            self._apply(replace(self.snapshot, state=SyncState.IDLE))

    def set_next_try(self, at: dt.datetime | None, *, offline: bool) -> None:
        """The automatic sync says when it tries next (None: not on its own); GUI thread."""
        self._next_try_at, self._offline = at, offline
        self._apply(self.snapshot)

    @Slot(object)
    def _apply(self, snapshot: SyncSnapshot) -> None:
        if self.syncing and snapshot.enrolled:
            snapshot = replace(snapshot, state=SyncState.SYNCING)
        if snapshot.enrolled:
            snapshot = replace(snapshot, next_try_at=self._next_try_at, offline=self._offline)
        self.snapshot = snapshot
        self.changed.emit(snapshot)


class SyncWatcher(QObject):
    """Keeps `ctx.sync` in step with the core (`core.sync.status()` on the database thread)."""

    def __init__(self, ctx: ClinicContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stopped = False
        self._asking = False
        self._again = False
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(CHANGES_DEBOUNCE_MS)
        self._soon.timeout.connect(self.refresh)
        self._minute = QTimer(self)
        self._minute.setInterval(REFRESH_MS)
        self._minute.timeout.connect(self.refresh)
        self._minute.start()
        ctx.changes.changed.connect(self._changed)
        self.refresh()

    @Slot(object)
    def _changed(self, changes: object) -> None:
        if not self._stopped:
            self._soon.start()
            if getattr(changes, "remote", False):  # what a sync brought may settle items here
                self.ctx.ask(_settle_answered, _settled)

    def refresh(self) -> None:
        if self._stopped:
            return
        if self._asking:
            self._again = True
            return
        self._asking = True

        def done(status: Any, error: BaseException | None) -> None:
            self._asking = False
            if self._stopped or not is_alive(self):
                return
            if error is None and status is not None:
                self.ctx.sync.report(snapshot_of(status))
            if self._again:
                self._again = False
                self.refresh()

        try:
            self.ctx.ask(lambda core: core.sync.status(), done)
        except RuntimeError:  # the task runner has been shut down
            self._asking = False

    def stop(self) -> None:
        self._stopped = True
        self._soon.stop()
        self._minute.stop()


def _settle_answered(core: Any) -> int:
    """Items another laptop's resolution answered leave the list (and the count) here."""
    from desktop.app.attention import AttentionApi

    return AttentionApi(core).settled_elsewhere().value


def _settled(_count: int | None, error: BaseException | None) -> None:
    if error is not None:  # the list settles them when it is opened; never a crash here
        logging.getLogger(__name__).warning("settling answered items failed", exc_info=error)


def _ago(seconds: float) -> tuple[str, int]:
    """("minutes" | "hours" | "days" | "now", how many)."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "now", 0
    if minutes < 60:
        return "minutes", minutes
    hours = minutes // 60
    if hours < 24:
        return "hours", hours
    return "days", hours // 24


class SyncStatusWidget(QWidget):
    open_requested = Signal()  # a click: the sync page
    attention_requested = Signal()  # a click while items need attention: their list too

    def __init__(self, status: SyncStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.label = QLabel()
        self.label.setObjectName("sync_state")
        self.label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button = QPushButton(self.tr("Sync now"))
        self.button.setAccessibleName(self.tr("Sync with HQ now"))
        self.button.clicked.connect(status.sync_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        status.changed.connect(self.show_snapshot)
        self.show_snapshot(status.snapshot)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit()
            if self.status.snapshot.attention_items:
                self.attention_requested.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    def last_sync_words(self, s: SyncSnapshot, now: dt.datetime | None = None) -> str:
        if s.last_success is None:
            return self.tr("Never synced")
        now = now or dt.datetime.now(dt.UTC)
        unit, n = _ago(max(0.0, (now - s.last_success).total_seconds()))
        if unit == "now":
            return self.tr("Synced just now")
        if unit == "minutes":
            if n == 1:
                return self.tr("Synced 1 minute ago")
            return self.tr("Synced {n} minutes ago").format(n=n)
        if unit == "hours":
            if n == 1:
                return self.tr("Synced 1 hour ago")
            return self.tr("Synced {n} hours ago").format(n=n)
        if n == 1:
            return self.tr("Not synced for 1 day")
        return self.tr("Not synced for {n} days").format(n=n)

    def describe(self, s: SyncSnapshot, now: dt.datetime | None = None) -> str:
        if s.state is SyncState.NOT_SET_UP:
            return self.tr("Not connected to HQ yet")
        if s.state is SyncState.SYNCING:
            return self.tr("Syncing with HQ…")
        parts = [self.last_sync_words(s, now)]
        if s.waiting_changes:
            if s.waiting_changes == 1:
                parts.append(self.tr("1 change waiting"))
            else:
                parts.append(self.tr("{n} changes waiting").format(n=s.waiting_changes))
        if s.attention_items:
            parts.append(self.tr("{n} need attention").format(n=s.attention_items))
        failed = s.state in (SyncState.FAILED, SyncState.OFFLINE) and bool(s.detail)
        if failed:
            parts.append(self.tr("last attempt failed: {why}").format(why=one_line(s.detail, 70)))
        if s.offline:
            parts.append(
                self.tr("offline, will retry {when}").format(when=self.in_words(s.next_try_at, now))
                if s.next_try_at is not None
                else self.tr("offline")
            )
        elif failed and s.next_try_at is not None:
            parts.append(self.tr("next try {when}").format(when=self.in_words(s.next_try_at, now)))
        return " · ".join(parts)

    def in_words(self, at: dt.datetime | None, now: dt.datetime | None = None) -> str:
        """ "in 5 minutes" (rounded up: never promises sooner than it will be)."""
        if at is None:
            return ""
        now = now or dt.datetime.now(dt.UTC)
        seconds = (at - now).total_seconds()
        if seconds < 60:
            return self.tr("in less than a minute")
        minutes = -int(-seconds // 60)
        if minutes == 1:
            return self.tr("in 1 minute")
        if minutes < 120:
            return self.tr("in {n} minutes").format(n=minutes)
        return self.tr("in {n} hours").format(n=round(minutes / 60))

    @Slot(object)
    def show_snapshot(self, snapshot: SyncSnapshot) -> None:
        text = self.describe(snapshot)
        self.label.setText(text)
        self.label.setAccessibleName(self.tr("Sync status: {text}").format(text=text))
        tip = self.tr("Click to open the sync page.")
        if snapshot.detail:
            tip = snapshot.detail + "\n\n" + tip
        self.label.setToolTip(tip)
        self.button.setVisible(snapshot.state not in (SyncState.NOT_SET_UP, SyncState.SYNCING))
