"""What every follow-through tab of the patient record shares: one kind's list for the open
patient, read from the core on the database thread and redrawn from the core's change events.

A tab module (`ui.record_tab_results`, `ui.record_tab_referrals`, …) says only what is its
own: its title, the record kinds whose changes concern it, how to read its lines
(`core.results.list(patient_id=…)` and the like) and how to draw one. The list of tabs the
record shows is in `ui.patient_record.FOLLOW_THROUGH_TABS`.

A tab reads only while it is shown: a change for its patient while hidden marks it stale, and
it reads again when shown. Opening a line goes through the window's hook for that kind when
the window has one (`open_hook`, e.g. `MainWindow.open_result`), else through the kind's own
screen when it is built (`open_screen`, "module:function(ctx, parent, record_id)", given
`patient_button=False` when it takes it), else the tab just lists.
"""

from __future__ import annotations

import importlib
import inspect
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import EVERYTHING, USERS
from ui.util import is_alive, make_button, row

if TYPE_CHECKING:
    from desktop.changes import Changes
    from desktop.core import ClinicCore
    from ui.context import ClinicContext

LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordTab(QWidget):
    """One kind's list on the patient record (subclassed once per kind)."""

    name = ""  # the object name of the tab's table ("record_results")
    # The record kinds (tables) whose changes for this patient redraw the tab.
    watched: tuple[str, ...] = ()
    # Kinds whose names the tab shows for everyone (users, facilities): any change redraws.
    names_shown: tuple[str, ...] = (USERS,)
    open_hook: str | None = None  # the window's method that opens one record, if it has one
    open_screen: str | None = None  # "module:function(ctx, parent, record_id)"
    stretch = -1  # the column that takes the room left (the last by default)

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id: uuid.UUID | None = None
        self.lines: tuple[Any, ...] = ()
        self.loads = 0  # reads drawn (for tests)
        self._stale = False
        self._loading = False
        self._again = False

        self.model = QStandardItemModel(0, len(self.headers()), self)
        self.model.setHorizontalHeaderLabels(self.headers())
        self.table = QTableView()
        self.table.setObjectName(self.name)
        self.table.setAccessibleName(self.title())
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Each column as wide as its words (measured at each read: a patient's list is
        # short), one taking the room left.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(
            self.stretch % self.model.columnCount(), QHeaderView.ResizeMode.Stretch
        )
        self.table.activated.connect(lambda _index: self.open_selected())
        self.note = QLabel()
        self.note.setObjectName(f"{self.name}_note")
        self.note.setWordWrap(True)
        self.note.hide()
        self.open_button = make_button(self.tr("&Open"), self.open_selected)
        self.open_button.setObjectName(f"{self.name}_open")
        self.open_button.setToolTip(self.tr("Open the selected line (Enter)"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._sync())

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(row(None, self.open_button))
        ctx.changes.changed.connect(self._on_changes)
        self._sync()

    # -- what each kind says --

    def title(self) -> str:
        """The tab's label, with its Alt+letter."""
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def read(self, core: ClinicCore, patient_id: uuid.UUID) -> Sequence[Any]:
        """The patient's lines, from the core's read API (on the database thread)."""
        raise NotImplementedError

    def cells(self, line: Any) -> list[QStandardItem]:
        raise NotImplementedError

    def record_id(self, line: Any) -> uuid.UUID:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def note_text(self, lines: Sequence[Any]) -> str:
        """A line under the list (a total, a status), "" for none."""
        return ""

    # -- the patient --

    def set_patient(self, patient_id: uuid.UUID | None) -> None:
        """Show `patient_id`'s lines (read now if shown, else when shown)."""
        if patient_id != self.patient_id:
            self.patient_id = patient_id
            self.lines = ()
            self.model.removeRows(0, self.model.rowCount())
            self.note.hide()
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        patient_id = self.patient_id
        if patient_id is None:
            return
        if self._loading:
            self._again = True
            return
        try:
            self.ctx.ask(
                lambda core: tuple(self.read(core, patient_id)),
                lambda lines, error: self._read(patient_id, lines, error),
            )
        except RuntimeError:  # the session is closing: its task runner has stopped
            return
        self._loading = True
        self._stale = False

    def _read(
        self, patient_id: uuid.UUID, lines: tuple[Any, ...] | None, error: BaseException | None
    ) -> None:
        if not is_alive(self):
            return
        self._loading = False
        if patient_id == self.patient_id:
            if error is not None:
                from desktop.errors import NotFound

                if not isinstance(error, NotFound):  # removed: the record says so itself
                    from ui.errors import show_error

                    show_error(self, error)
            elif lines is not None:
                self._fill(lines)
        if self._again:
            self._again = False
            self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if self.patient_id is None:
            return
        concerns = changes.touches(EVERYTHING) or changes.touches(*self.names_shown)
        if changes.touches_patient(self.patient_id) and changes.touches(*self.watched):
            concerns = True
        if not concerns:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- drawing --

    def _fill(self, lines: tuple[Any, ...]) -> None:
        keep = self.selected()
        keep_id = self.record_id(keep) if keep is not None else None
        self.lines = lines
        model = self.model
        model.removeRows(0, model.rowCount())
        for line in lines:
            cells = self.cells(line)
            cells[0].setData(line, LINE_ROLE)
            model.appendRow(cells)
        if not lines:
            empty = QStandardItem(self.empty_text())
            empty.setEnabled(False)
            model.appendRow([empty])
            self.table.setSpan(0, 0, 1, model.columnCount())
        else:
            self.table.clearSpans()
        stretch = self.stretch % model.columnCount()
        for column in range(model.columnCount()):
            if column != stretch:  # the stretched one keeps the room left
                self.table.resizeColumnToContents(column)
        if keep_id is not None:
            for index, line in enumerate(lines):
                if self.record_id(line) == keep_id:
                    self.table.selectRow(index)
        note = self.note_text(lines)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.loads += 1
        self._sync()

    def selected(self) -> Any:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.sibling(index.row(), 0).data(LINE_ROLE)

    # -- opening --

    def opener(self) -> Callable[[uuid.UUID], object] | None:
        """How a line opens here: the window's hook, else the kind's screen, else None."""
        if self.open_hook:
            hook = getattr(self.window(), self.open_hook, None)
            if callable(hook):
                return cast("Callable[[uuid.UUID], object]", hook)
        if self.open_screen:
            module, _, function = self.open_screen.partition(":")
            try:
                screen = getattr(importlib.import_module(module), function)
            except (ImportError, AttributeError):  # not built yet: the tab only lists
                return None
            # From the patient's own record a screen's "Open the patient" is no use: asked
            # away where the screen takes the choice.
            try:
                takes = "patient_button" in inspect.signature(screen).parameters
            except (TypeError, ValueError):
                takes = False
            extra = {"patient_button": False} if takes else {}
            return lambda record_id: screen(self.ctx, self, record_id, **extra)
        return None

    def _sync(self) -> None:
        can_open = self.opener() is not None
        self.open_button.setVisible(can_open)
        self.open_button.setEnabled(can_open and self.selected() is not None)

    def open_selected(self) -> None:
        line = self.selected()
        opener = self.opener()
        if line is not None and opener is not None:
            opener(self.record_id(line))


def bold(item: QStandardItem) -> QStandardItem:
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item
