"""Patients: find a patient as you type (name, phone, ID, clinic number or date of birth),
register a new one, and open a record. The record replaces the results on this page; Back
returns to them as they were. Results and the open record follow the core's change events;
F5 reads them again."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import PATIENTS, Changes
from ui.errors import error_text, show_error
from ui.forms_seam import PrintRequest
from ui.live_search import HIT_ROLE, HitsModel, LiveSearch
from ui.patient_record import PatientRecord
from ui.util import add_shortcut, buddy_label, heading, make_button, row

if TYPE_CHECKING:
    from desktop.app.patients import SearchHit
    from ui.context import ClinicContext


class PatientsView(QWidget):
    open_patient_requested = Signal(object)
    open_form_requested = Signal(object, object)
    print_requested = Signal(object)

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self._hits_query = ""  # the query the shown results answer
        # True while the search text is what the person is looking for now: typed since
        # they last opened a record or left the page. Only then may Ctrl+N take a name
        # from it.
        self._search_is_current = False
        self.search = LiveSearch(ctx, self)
        self.search.results_ready.connect(self._show_hits)
        self.search.failed.connect(self._search_failed)

        self.search_field = QLineEdit()
        self.search_field.setObjectName("patient_search")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setPlaceholderText(
            self.tr("Name, phone, ID, clinic number or date of birth (e.g. 1984-03-21)")
        )
        self.search_field.textChanged.connect(self.search.set_query)
        self.search_field.textEdited.connect(self._search_typed)
        self.search_field.returnPressed.connect(self._enter_in_search)
        self.search_field.installEventFilter(self)
        font = self.search_field.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.search_field.setFont(font)

        self.model = HitsModel(ctx.core.region, ctx.today(), self)
        self.results = QTableView()
        self.results.setObjectName("patient_results")
        self.results.setAccessibleName(self.tr("Patients found"))
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.activated.connect(lambda index: self._open_hit(index.row()))
        self.status = QLabel(self.tr("Type a name, a phone number, an ID or a date of birth."))
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)

        self.new_button = make_button(
            self.tr("&New patient…"),
            self.new_patient,
            tooltip=self.tr("Register a new patient (Ctrl+N)"),
        )
        self.new_button.setEnabled(ctx.can(Permission.EDIT_PATIENTS))
        self.open_button = make_button(
            self.tr("&Open record"),
            self._open_selected,
            tooltip=self.tr("Open the selected patient (Enter)"),
        )

        search_page = QWidget()
        layout = QVBoxLayout(search_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Patients")))
        layout.addWidget(buddy_label(self.tr("&Find a patient:"), self.search_field))
        layout.addWidget(self.search_field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addLayout(row(self.new_button, None, self.open_button))

        self.record = PatientRecord(ctx)
        self.record.back_requested.connect(self.show_search)
        self.record.open_form_requested.connect(self.open_form_requested.emit)
        self.record.print_requested.connect(self.print_requested.emit)
        self.stack = QStackedWidget()
        self.stack.addWidget(search_page)
        self.stack.addWidget(self.record)
        outer = QVBoxLayout(self)
        outer.addWidget(self.stack)
        add_shortcut(self.record, "Escape", self.show_search)

        ctx.changes.changed.connect(self._on_changes)

    # -- the page --

    def activated(self) -> None:
        if self.stack.currentWidget() is self.record:
            self.record.setFocus()
        else:
            self.search_field.setFocus()

    def focus_search(self) -> None:
        self.show_search()
        self.search_field.selectAll()
        self.search_field.setFocus()

    def show_search(self) -> None:
        self.stack.setCurrentIndex(0)
        self.search_field.setFocus()

    def refresh(self) -> None:
        """F5: the open record, or the results, read again."""
        if self.showing_record():
            self.record.refresh()
        elif self.search.query:
            self.search.search_now()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # another page, not the window minimised
            self._search_is_current = False  # what was searched is history now

    def open_record(self, patient_id: uuid.UUID) -> None:
        self._search_is_current = False
        self.stack.setCurrentWidget(self.record)
        self.record.load(patient_id)
        self.record.setFocus()

    def showing_record(self) -> bool:
        return self.stack.currentWidget() is self.record

    def current_patient_id(self) -> uuid.UUID | None:
        if self.stack.currentWidget() is self.record:
            return self.record.patient_id
        hit = self.selected_hit()
        return hit.patient_id if hit else None

    def print_request(self) -> PrintRequest | None:
        if self.stack.currentWidget() is self.record and self.record.patient_id is not None:
            return self.record.print_request()
        return None

    def has_unsaved_changes(self) -> bool:
        return False  # edits happen in dialogs, which answer for themselves

    # -- searching --

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus()
                self.results.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    def _enter_in_search(self) -> None:
        if (
            self.model.rowCount()
            and self.search.running is None
            and self.model.hits
            and self._hits_query == self.search.query
        ):
            self._open_hit(max(0, self.results.currentIndex().row()))
        else:
            self.search.search_now()

    def _show_hits(self, query: str, hits: list[SearchHit]) -> None:
        self._hits_query = query
        self.model.today = self.ctx.today()  # ages as of the clinic's today, even after midnight
        self.model.set_hits(hits)
        if not query:
            self.status.setText(self.tr("Type a name, a phone number, an ID or a date of birth."))
        elif not hits:
            self.status.setText(
                self.tr(
                    "No patient found for “{query}”. Check the spelling, "
                    "or register a new patient (Ctrl+N)."
                ).format(query=query)
            )
        else:
            self.status.setText(
                self.tr(
                    "Patients found: {count}. Press Enter to open the first, or Down to choose."
                ).format(count=len(hits))
            )
            self.results.resizeColumnsToContents()
            self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.results.selectRow(0)
        self.status.setAccessibleDescription(self.status.text())

    def _search_failed(self, _query: str, error: BaseException) -> None:
        from desktop.errors import OutpostError

        if isinstance(error, OutpostError):
            self.status.setText(error_text(error))
        else:
            self.status.setText(self.tr("The search failed unexpectedly."))
            show_error(self, error)

    def _search_typed(self, _text: str) -> None:
        self._search_is_current = True

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(PATIENTS) and self.search.query:
            self.search.search_now()  # a new, renamed or removed patient among the results

    def selected_hit(self) -> SearchHit | None:
        index = self.results.currentIndex()
        return index.sibling(index.row(), 0).data(HIT_ROLE) if index.isValid() else None

    def _open_selected(self) -> None:
        hit = self.selected_hit()
        if hit is not None:
            self.open_record(hit.patient_id)

    def _open_hit(self, row_number: int) -> None:
        if 0 <= row_number < len(self.model.hits):
            self.open_record(self.model.hits[row_number].patient_id)

    # -- registering --

    def name_to_prefill(self) -> str:
        """The search text, when it is a name the person is looking for right now (typed on
        this page since they last opened a record or went elsewhere), else ""."""
        text = self.search_field.text().strip()
        if (
            not self._search_is_current
            or self.showing_record()
            or not text
            or any(ch.isdigit() for ch in text)
            or not any(ch.isalpha() for ch in text)
        ):
            return ""
        return text

    def new_patient(self) -> None:
        from ui.patient_dialog import PatientDialog

        dialog = PatientDialog.register(self.ctx, self)
        name = self.name_to_prefill()
        if name:
            dialog.prefill_name(name)  # what was just searched for is usually the name
        dialog.saved.connect(self.open_record)
        dialog.open_existing.connect(self.open_record)
        dialog.open()
