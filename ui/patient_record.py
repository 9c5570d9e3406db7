"""One patient's record: details, appointments, forms and the history of changes.

The record is the core's read model (`core.patients.open_chart`): this screen draws it and
nothing else. Opening a patient is audited by the core; an open record refreshes itself,
quietly and without auditing again, whenever the core's change events concern its patient
(an appointment booked from the Calendar, Today or another window, a form saved, an edit)
or the names it shows (providers, appointment types, users), and F5 reloads it. The forms
tab lists the patient's forms by title; opening or starting one, and printing, are asked
for by signal (the forms work connects to them: see `ui.forms_seam`).

Each follow-through kind (results, referrals, care plans, coverage, billing) has a tab of its
own, one module each (`FOLLOW_THROUGH_TABS`, `ui.record_tab`), and the line under the
patient's details says what is pending (`ui.record_summary`, from `core.patients.summary`).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import APPOINTMENT_TYPES, PROVIDERS, USERS, Changes
from ui import labels
from ui.forms_seam import PrintRequest
from ui.language import current_language
from ui.record_summary import RecordSummary
from ui.record_tab import RecordTab
from ui.record_tab_billing import BillingTab
from ui.record_tab_care_plans import CarePlansTab
from ui.record_tab_coverage import CoverageTab
from ui.record_tab_referrals import ReferralsTab
from ui.record_tab_results import ResultsTab
from ui.util import (
    format_date,
    format_datetime,
    heading,
    is_alive,
    make_button,
    row,
    with_colon,
)

if TYPE_CHECKING:
    from desktop.app.patients import PatientChart
    from ui.context import ClinicContext

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# Names the record shows that other records own: a change to them redraws it too.
_NAMES_SHOWN = (PROVIDERS, APPOINTMENT_TYPES, USERS)
# The follow-through tabs, in the order they show after Forms: one module each (ui.record_tab
# says what they share). A kind joins the record by being listed here.
FOLLOW_THROUGH_TABS: tuple[type[RecordTab], ...] = (
    ResultsTab,
    ReferralsTab,
    CarePlansTab,
    CoverageTab,
    BillingTab,
)


def _table(name: str, headers: list[str]) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(0, len(headers))
    model.setHorizontalHeaderLabels(headers)
    view = QTableView()
    view.setModel(model)
    model.setParent(view)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view, model


def _selected(view: QTableView) -> Any:
    index = view.currentIndex()
    return index.sibling(index.row(), 0).data(ROW_ROLE) if index.isValid() else None


class PatientRecord(QWidget):
    back_requested = Signal()
    open_form_requested = Signal(object, object)  # patient id, form record id or None
    print_requested = Signal(object)  # PrintRequest

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self.patient_id: uuid.UUID | None = None
        self.chart: PatientChart | None = None
        self.refreshes = 0  # quiet reloads done (for tests)
        self._stale = False  # changed while hidden: refresh when shown again
        self._refreshing = False
        self._refresh_again = False
        # Focusable (Esc goes back to the search) but no Tab stop of its own.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._may_edit = ctx.can(Permission.EDIT_PATIENTS)
        self._may_book = ctx.can(Permission.MANAGE_APPOINTMENTS)
        self._may_fill = ctx.can(Permission.FILL_FORMS)

        self.back_button = make_button(
            self.tr("◀ &Back to the search"),
            self.back_requested.emit,
            tooltip=self.tr("Back to the search (Esc)"),
        )
        self.name_label = heading("")
        self.name_label.setObjectName("record_name")
        self.summary = QLabel()
        self.summary.setObjectName("record_summary")
        self.summary.setWordWrap(True)
        # What is pending for the patient (core.patients.summary): next appointment, open
        # referrals, results to relay, allergies.
        self.follow_through = RecordSummary(ctx)
        self.edit_button = make_button(self.tr("&Edit details…"), self.edit, shortcut="Ctrl+E")
        self.book_button = make_button(
            self.tr("&Book appointment…"),
            self.book,
            tooltip=self.tr("Book an appointment (Ctrl+B)"),
        )
        self.new_form_button = make_button(self.tr("New &form…"), self.new_form)
        self.print_button = make_button(
            self.tr("&Print…"), self.print_record, tooltip=self.tr("Print (Ctrl+P)")
        )
        self.order_result_button = make_button(self.tr("Order a res&ult…"), self.order_result)
        self.order_result_button.setObjectName("record_order_result")
        self.refer_button = make_button(self.tr("&Refer…"), self.refer)
        self.refer_button.setObjectName("record_refer")
        self._may_results = ctx.can(Permission.RECORD_RESULTS)
        self._may_refer = ctx.can(Permission.MANAGE_REFERRALS)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("record_tabs")
        self.details_form = QFormLayout()
        details = QWidget()
        details.setLayout(self.details_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        self.tabs.addTab(scroll, self.tr("&Details"))

        self.appointments, self.appointments_model = _table(
            self.tr("Appointments"),
            [
                self.tr("When"),
                self.tr("Provider"),
                self.tr("Type"),
                self.tr("Status"),
                self.tr("Reason"),
            ],
        )
        self.appointments.setObjectName("record_appointments")
        self.follow_up_button = make_button(self.tr("Book &follow-up…"), self.book_follow_up)
        self.move_button = make_button(self.tr("&Move…"), self.move_appointment)
        self.cancel_button = make_button(self.tr("&Cancel appointment…"), self.cancel_appointment)
        self.slip_button = make_button(self.tr("Print &slip…"), self.print_slip)
        self.appointments.selectionModel().currentRowChanged.connect(lambda *_: self._sync())
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.appointments, 1)
        box.addLayout(
            row(self.follow_up_button, self.move_button, self.cancel_button, None, self.slip_button)
        )
        self.tabs.addTab(page, self.tr("&Appointments"))

        self.forms, self.forms_model = _table(
            self.tr("Forms"),
            [
                self.tr("Form"),
                self.tr("Version"),
                self.tr("Status"),
                self.tr("Started"),
                self.tr("Signed"),
            ],
        )
        self.forms.setObjectName("record_forms")
        self.open_form_button = make_button(self.tr("&Open form"), self.open_form)
        self.print_form_button = make_button(self.tr("Print this for&m…"), self.print_form)
        self.forms.activated.connect(lambda _index: self.open_form())
        self.forms.selectionModel().currentRowChanged.connect(lambda *_: self._sync())
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.forms, 1)
        box.addLayout(row(self.open_form_button, self.print_form_button, None))
        self.tabs.addTab(page, self.tr("F&orms"))

        self.follow_through_tabs: list[RecordTab] = []
        for kind in FOLLOW_THROUGH_TABS:
            tab = kind(ctx)
            self.follow_through_tabs.append(tab)
            self.tabs.addTab(tab, tab.title())

        self.history, self.history_model = _table(
            self.tr("History of changes"),
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Fields")],
        )
        self.history.setObjectName("record_history")
        self.include_views = QCheckBox(self.tr("Include when the record was &opened"))
        self.include_views.toggled.connect(self._fill_history)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.include_views)
        box.addWidget(self.history, 1)
        self.tabs.addTab(page, self.tr("&History"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row(self.back_button, None))
        layout.addWidget(self.name_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.follow_through)
        layout.addLayout(
            row(
                self.edit_button,
                self.book_button,
                self.new_form_button,
                self.order_result_button,
                self.refer_button,
                self.print_button,
                None,
            )
        )
        layout.addWidget(self.tabs, 1)

        ctx.changes.changed.connect(self._on_changes)  # F5: the window's Refresh → refresh()
        self._sync()

    # -- loading --

    def load(self, patient_id: uuid.UUID) -> None:
        """Open `patient_id`'s record (the opening is audited)."""
        if patient_id != self.patient_id:
            self.chart = None
            self.name_label.setText(self.tr("Opening the record…"))
            self.summary.clear()
            self.follow_through.clear_summary()
            self.tabs.setCurrentIndex(0)
        self.patient_id = patient_id
        for tab in self.follow_through_tabs:
            tab.set_patient(patient_id)
        self._stale = False
        self._sync()
        language = current_language()
        self.ctx.call(
            self,
            lambda core: core.patients.open_chart(patient_id, language=language),
            label=self.tr("Opening the record…"),
        ).success(self._show).failure(self._failed).run()

    def refresh(self) -> None:
        """F5: the record read again, and the follow-through tab shown (the tabs follow the
        core's change events themselves)."""
        self._refresh_chart()
        tab = self.tabs.currentWidget()
        if isinstance(tab, RecordTab):
            tab.refresh()

    def _refresh_chart(self) -> None:
        """Read the open record again (F5, or a change elsewhere): quietly, not audited again
        (the person already opened it). A refresh asked for while one runs is done after."""
        patient_id = self.patient_id
        if patient_id is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        language = current_language()
        try:
            self.ctx.ask(
                lambda core: core.patients.chart(patient_id, language=language),
                lambda chart, error: self._refreshed(patient_id, chart, error),
            )
        except RuntimeError:  # the session is closing: its task runner has stopped
            return
        self._refreshing = True
        self._stale = False

    def reload(self) -> None:  # the name main-window code and older callers know
        self.refresh()

    def _refreshed(
        self, patient_id: uuid.UUID, chart: PatientChart | None, error: BaseException | None
    ) -> None:
        if not is_alive(self):
            return
        self._refreshing = False
        if error is not None:
            if patient_id == self.patient_id:
                self._failed(error)
        elif chart is not None:
            self.refreshes += 1
            self._show(chart)
        if self._refresh_again:
            self._refresh_again = False
            self._refresh_chart()

    def _on_changes(self, changes: Changes) -> None:
        if self.patient_id is None:
            return
        if not (changes.touches_patient(self.patient_id) or changes.touches(*_NAMES_SHOWN)):
            return
        if self.isVisible():
            self._refresh_chart()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_chart()

    def _failed(self, error: BaseException) -> None:
        from desktop.errors import NotFound
        from ui.errors import show_error

        if isinstance(error, NotFound):
            # Removed meanwhile (here or on another laptop): say so, offer nothing to do.
            self.chart = None
            self.name_label.setText(self.tr("This patient's record was removed."))
            self.summary.clear()
            self.follow_through.clear_summary()
            self._sync()
            return
        show_error(self, error)

    def _show(self, chart: PatientChart) -> None:
        if chart.patient_id != self.patient_id:
            return
        self.chart = chart
        d = chart.details
        self.name_label.setText(d.full_name)
        sex = d.sex.value
        parts = [
            labels.clinic_number_label(d.clinic_number),
            # In a one-line summary a bare "Not known" would not say what is not known.
            self.tr("Sex not known") if sex == "unknown" else labels.sex_label(sex),
            labels.birth_label(d.birth_date, d.birth_date_estimated, self.ctx.today()),
        ]
        if d.national_id:
            parts.append(self.tr("National ID {number}").format(number=d.national_id))
        if d.phone:
            parts.append(d.phone)
        self.summary.setText("  ·  ".join(p for p in parts if p))
        self.follow_through.load(chart.patient_id)
        self._fill_details(chart)
        self._fill_appointments(chart)
        self._fill_forms(chart)
        self._fill_history()
        self._sync()

    def _fill_details(self, chart: PatientChart) -> None:
        form = self.details_form
        while form.rowCount():
            form.removeRow(0)
        d = chart.details
        birth = labels.birth_label(d.birth_date, d.birth_date_estimated, self.ctx.today())
        values = [
            ("clinic_number", d.clinic_number),
            ("given_name", d.given_name),
            ("other_names", d.other_names),
            ("family_name", d.family_name),
            ("sex", labels.sex_label(d.sex.value)),
            ("birth_date", birth),
            ("phone", d.phone),
            ("phone_alt", d.phone_alt),
            ("village", d.village),
            ("address", d.address),
            ("national_id", d.national_id),
            ("next_of_kin_name", d.next_of_kin_name),
            ("next_of_kin_relation", d.next_of_kin_relation),
            ("next_of_kin_phone", d.next_of_kin_phone),
            ("preferred_language", d.preferred_language),
            ("coverage_scheme", d.coverage_scheme),
            ("coverage_member_id", d.coverage_member_id),
            ("notes", d.notes),
        ]
        for name, value in values:
            label = QLabel(value or "—")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(labels.field_label(name))
            label.setObjectName(f"detail_{name}")
            form.addRow(with_colon(labels.field_label(name)), label)

    def _fill_appointments(self, chart: PatientChart) -> None:
        model = self.appointments_model
        model.removeRows(0, model.rowCount())
        for a in chart.appointments:
            cells = [
                QStandardItem(format_datetime(a.starts_at)),
                QStandardItem(a.provider),
                QStandardItem(a.type_name),
                QStandardItem(
                    labels.walk_in_text(labels.status_text(a.status.value, late=a.late), a.walk_in)
                ),
                QStandardItem(a.reason),
            ]
            cells[0].setData(a, ROW_ROLE)
            if a.late:  # as Today shows it: the word and its sign, in bold
                font = cells[3].font()
                font.setBold(True)
                cells[3].setFont(font)
                cells[3].setToolTip(
                    self.tr("Booked for {time}; not arrived yet").format(
                        time=format_datetime(a.starts_at)
                    )
                )
            model.appendRow(cells)
        self.appointments.resizeColumnsToContents()

    def _fill_forms(self, chart: PatientChart) -> None:
        model = self.forms_model
        model.removeRows(0, model.rowCount())
        for f in chart.forms:
            cells = [
                QStandardItem(f.title),
                QStandardItem(str(f.version)),
                QStandardItem(labels.form_status_label(f.status.value)),
                QStandardItem(format_datetime(f.created_at)),
                QStandardItem(format_datetime(f.signed_at)),
            ]
            cells[0].setData(f, ROW_ROLE)
            model.appendRow(cells)
        if not chart.forms:
            empty = QStandardItem(self.tr("No forms yet for this patient."))
            empty.setEnabled(False)
            model.appendRow([empty])
        self.forms.resizeColumnsToContents()

    def _fill_history(self) -> None:
        chart = self.chart
        model = self.history_model
        model.removeRows(0, model.rowCount())
        if chart is None:
            return
        for h in chart.history:
            if h.action == "view" and not self.include_views.isChecked():
                continue
            fields = ", ".join(labels.field_label(f) for f in h.fields)
            cells = [
                QStandardItem(format_datetime(h.at)),
                QStandardItem(h.who),
                QStandardItem(labels.audit_action_label(h.action)),
                QStandardItem(fields),
            ]
            cells[0].setData(h, ROW_ROLE)
            model.appendRow(cells)
        self.history.resizeColumnsToContents()

    # -- actions --

    def _sync(self) -> None:
        loaded = self.chart is not None
        self.edit_button.setEnabled(loaded and self._may_edit)
        self.book_button.setEnabled(loaded and self._may_book)
        self.new_form_button.setEnabled(loaded and self._may_fill)
        self.print_button.setEnabled(loaded)
        self.order_result_button.setEnabled(loaded and self._may_results)
        self.refer_button.setEnabled(loaded and self._may_refer)
        appointment = _selected(self.appointments)
        status = appointment.status.value if appointment else None
        self.follow_up_button.setEnabled(loaded and self._may_book and appointment is not None)
        self.move_button.setEnabled(self._may_book and status == "booked")
        self.cancel_button.setEnabled(self._may_book and status in ("booked", "arrived"))
        self.slip_button.setEnabled(status == "booked")
        form = _selected(self.forms)
        self.open_form_button.setEnabled(form is not None and self._may_fill)
        self.print_form_button.setEnabled(form is not None)

    def print_request(self) -> PrintRequest | None:
        if self.patient_id is None:
            return None
        return PrintRequest("patient", patient_id=self.patient_id)

    def print_record(self) -> None:
        request = self.print_request()
        if request is not None:
            self.print_requested.emit(request)

    def edit(self) -> None:
        from ui.patient_dialog import PatientDialog

        if self.chart is None:
            return
        details = self.chart.details
        dialog = PatientDialog.edit(self.ctx, self, details.id, details.editable)
        dialog.open()

    def book(self) -> None:
        from ui.booking_dialog import BookingDialog

        if self.chart is None:
            return
        patient = (self.chart.patient_id, self.chart.details.full_name)
        BookingDialog.book(self.ctx, self, patient=patient).open()

    def book_follow_up(self) -> None:
        from ui.booking_dialog import BookingDialog

        appointment = _selected(self.appointments)
        if appointment is None or self.chart is None:
            return
        BookingDialog.follow_up(
            self.ctx,
            self,
            appointment.appointment_id,
            self.chart.patient_id,
            self.chart.details.full_name,
            appointment.provider_id,
        ).open()

    def move_appointment(self) -> None:
        from ui.booking_dialog import BookingDialog

        appointment = _selected(self.appointments)
        if appointment is None or self.chart is None:
            return
        BookingDialog.move_appointment(
            self.ctx,
            self,
            appointment.appointment_id,
            self.chart.patient_id,
            self.chart.details.full_name,
            appointment.provider_id,
            appointment.starts_at,
        ).open()

    def cancel_appointment(self) -> None:
        from ui.appointment_actions import cancel_appointment

        appointment = _selected(self.appointments)
        if appointment is not None:
            question = self.tr("Cancel the appointment of {when} with {provider}?").format(
                when=format_datetime(appointment.starts_at), provider=appointment.provider
            )
            cancel_appointment(self.ctx, self, appointment.appointment_id, question)

    def order_result(self) -> None:
        from ui.result_screen import order_result

        if self.chart is not None:
            chart = self.chart
            order_result(self.ctx, self, chart.patient_id, chart.details.full_name).open()

    def refer(self) -> None:
        from ui.referral_screen import add_referral

        if self.chart is not None:
            chart = self.chart
            add_referral(self.ctx, self, chart.patient_id, chart.details.full_name).open()

    def new_form(self) -> None:
        if self.patient_id is not None:
            self.open_form_requested.emit(self.patient_id, None)

    def open_form(self) -> None:
        form = _selected(self.forms)
        if form is not None and self.patient_id is not None:
            self.open_form_requested.emit(self.patient_id, form.record_id)

    def print_slip(self) -> None:
        appointment = _selected(self.appointments)
        if appointment is not None:
            self.print_requested.emit(
                PrintRequest(
                    "appointment_slip",
                    patient_id=self.patient_id,
                    appointment_id=appointment.appointment_id,
                )
            )

    def print_form(self) -> None:
        form = _selected(self.forms)
        if form is not None:
            self.print_requested.emit(
                PrintRequest(
                    "form_record", patient_id=self.patient_id, form_record_id=form.record_id
                )
            )


__all__ = ["PatientRecord", "format_date"]
