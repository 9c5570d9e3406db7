"""Search as you type: debounced, run on the database thread, stale answers dropped.

Typing restarts a short timer (150 ms). When it fires, the query goes to the database
thread (`core.patients.search`, through `ctx.ask`) unless a search is already running
there: then only the latest query is kept and sent when the running one comes back. So the
worker never holds a backlog of searches, and an answer is shown only if it is for what the
search field holds now.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from ui import labels
from ui.util import is_alive

if TYPE_CHECKING:
    from desktop.app.patients import SearchHit
    from ui.context import ClinicContext

DEBOUNCE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class LiveSearch(QObject):
    results_ready = Signal(str, list)  # the query, its hits (list[SearchHit])
    failed = Signal(str, object)  # the query, the error

    def __init__(
        self,
        ctx: ClinicContext,
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        limit: int = 50,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.limit = limit
        self.query = ""
        self.running: str | None = None  # the query the worker is on
        self.searches_run = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._fire)

    def set_query(self, text: str) -> None:
        self.query = text.strip()
        if not self.query:
            self._timer.stop()
            self.results_ready.emit("", [])
            return
        self._timer.start()

    def search_now(self) -> None:
        """Skip the debounce (Enter pressed)."""
        self._timer.stop()
        self._fire()

    def _fire(self) -> None:
        if not self.query or self.running is not None:
            return  # the running search will look at self.query when it comes back
        query = self.query
        limit = self.limit
        try:
            self.ctx.ask(
                lambda core: core.patients.search(query, limit=limit),
                lambda hits, error: self._done(query, hits, error),
            )
        except RuntimeError:  # the session is closing: its task runner has stopped
            return
        self.running = query
        self.searches_run += 1

    def _done(self, query: str, hits: list[SearchHit] | None, error: BaseException | None) -> None:
        if not is_alive(self):
            return  # its screen closed while the search ran: nobody is left to tell
        self.running = None
        if query != self.query:
            self._fire()  # typed on meanwhile: this answer is stale, ask for the new one
            return
        if error is not None:
            self.failed.emit(query, error)
        else:
            self.results_ready.emit(query, hits or [])


class HitsModel(QAbstractTableModel):
    """Search hits as table rows (texts computed once, not at every paint)."""

    def __init__(self, region: str, today: dt.date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.region = region
        self.today = today
        self.hits: list[SearchHit] = []
        self._rows: list[list[str]] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Clinic no."),
            self.tr("Sex"),
            self.tr("Born"),
            self.tr("Phone"),
            self.tr("Village"),
            self.tr("National ID"),
        ]

    def set_hits(self, hits: list[SearchHit]) -> None:
        from desktop.services.phones import display_phone

        self.beginResetModel()
        self.hits = list(hits)
        self._rows = [
            [
                h.display_name,
                h.clinic_number or "",
                labels.sex_label(h.sex),
                labels.birth_label(h.birth_date, h.birth_date_estimated, self.today),
                display_phone(h.phone, self.region),
                h.village,
                h.national_id or "",
            ]
            for h in self.hits
        ]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        if role == HIT_ROLE:
            return self.hits[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
