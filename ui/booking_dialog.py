"""Booking an appointment, a follow-up from a visit, or moving a booking.

The core refuses a double booking (`Conflict`, naming the appointment already there) and
a time outside the provider's working hours (`InvalidInput`, field "starts_at"); both are
shown just below the date and time, and the dialog stays open to pick another time.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text, show_error
from ui.util import (
    FieldError,
    birth_text,
    buddy_label,
    combo_select,
    confirm,
    pydate,
    pytime,
    qdate,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.services.search import SearchHit
    from ui.context import ClinicContext

BOOK, FOLLOW_UP, MOVE = "book", "follow_up", "move"
FOLLOW_UP_AFTER = dt.timedelta(days=14)


Choices = tuple[list[tuple[uuid.UUID, str]], list[tuple[uuid.UUID, str, int]]]


def load_choices(session: Session) -> Choices:
    from desktop.services import clinic_setup

    providers = [(p.id, p.name) for p in clinic_setup.list_providers(session)]
    kinds = [
        (t.id, t.name, t.duration_minutes) for t in clinic_setup.list_appointment_types(session)
    ]
    return providers, kinds


class BookingDialog(QDialog):
    booked = Signal(object)  # the new appointment's id

    def __init__(
        self,
        ctx: ClinicContext,
        parent: QWidget | None,
        mode: str,
        *,
        patient: tuple[uuid.UUID, str] | None = None,
        appointment_id: uuid.UUID | None = None,
        provider_id: uuid.UUID | None = None,
        start: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = mode
        self.appointment_id = appointment_id
        self.patient = patient
        self._provider_id = provider_id
        self._saving = False
        self._touched = False
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            {
                BOOK: self.tr("Book an appointment"),
                FOLLOW_UP: self.tr("Book a follow-up"),
                MOVE: self.tr("Move an appointment"),
            }[mode]
        )
        self.setAccessibleName(self.windowTitle())

        self.patient_label = QLabel()
        self.patient_label.setObjectName("booking_patient")
        self.patient_label.setWordWrap(True)
        self.patient_search = QLineEdit()
        self.patient_search.setObjectName("booking_patient_search")
        self.patient_search.setPlaceholderText(self.tr("Name, phone, ID or date of birth"))
        self.patient_results = QListWidget()
        self.patient_results.setObjectName("booking_patient_results")
        self.patient_results.setAccessibleName(self.tr("Patients found"))
        self.patient_results.setMaximumHeight(150)
        self.patient_results.currentItemChanged.connect(self._patient_chosen)
        self.patient_error = FieldError().attach(self.patient_search)

        self.provider = QComboBox()
        self.provider.setObjectName("booking_provider")
        self.kind = QComboBox()
        self.kind.setObjectName("booking_type")
        self.date = QDateEdit()
        self.date.setObjectName("booking_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.time = QTimeEdit()
        self.time.setObjectName("booking_time")
        self.time.setDisplayFormat("HH:mm")
        self.reason = QLineEdit()
        self.reason.setObjectName("booking_reason")
        self.when_error = FieldError().attach(self.time)
        self.when_error.setObjectName("booking_when_error")
        self.general_error = FieldError()

        today = ctx.today()
        if start is not None:
            self.date.setDate(qdate(start.date()))
            self.time.setTime(QTime(start.hour, start.minute))
        else:
            self.date.setDate(qdate(today + FOLLOW_UP_AFTER if mode == FOLLOW_UP else today))
            self.time.setTime(QTime(9, 0))
        if mode == FOLLOW_UP:
            self.reason.setText(self.tr("Follow-up"))

        form = QFormLayout()
        if patient is None:
            form.addRow(buddy_label(self.tr("&Patient:"), self.patient_search), self.patient_search)
            form.addRow("", self.patient_results)
            form.addRow("", self.patient_error)
            form.addRow("", self.patient_label)
            from ui.live_search import LiveSearch

            self.search = LiveSearch(ctx, self, limit=8)
            self.search.results_ready.connect(self._show_patients)
            self.patient_search.textChanged.connect(self.search.set_query)
        else:
            self.patient_label.setText(patient[1])
            form.addRow(self.tr("Patient:"), self.patient_label)
        form.addRow(buddy_label(self.tr("Pro&vider:"), self.provider), self.provider)
        form.addRow(buddy_label(self.tr("&Type:"), self.kind), self.kind)
        when = QHBoxLayout()
        when.addWidget(self.date, 2)
        when.addWidget(buddy_label(self.tr("at"), self.time))
        when.addWidget(self.time, 1)
        self.date.setAccessibleName(self.tr("Date"))
        self.time.setAccessibleName(self.tr("Time"))
        form.addRow(buddy_label(self.tr("&Date:"), self.date), when)
        form.addRow("", self.when_error)
        form.addRow(buddy_label(self.tr("&Reason:"), self.reason), self.reason)
        if mode == MOVE:
            self.kind.setEnabled(False)
            self.reason.setEnabled(False)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Move") if mode == MOVE else self.tr("&Book"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setObjectName("booking_save")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        for widget in (self.date, self.time):
            widget.editingFinished.connect(self._clear_when_error)
        self.reason.textEdited.connect(self._touch)
        self.date.dateChanged.connect(self._touch)
        self.time.timeChanged.connect(self._touch)
        self.save_button.setEnabled(False)
        ctx.db(self, load_choices).success(self._choices_loaded).run()
        (self.patient_search if patient is None else self.provider).setFocus()

    # -- the three uses --

    @classmethod
    def book(
        cls,
        ctx: ClinicContext,
        parent: QWidget | None,
        *,
        patient: tuple[uuid.UUID, str] | None = None,
        provider_id: uuid.UUID | None = None,
        start: dt.datetime | None = None,
    ) -> BookingDialog:
        return cls(ctx, parent, BOOK, patient=patient, provider_id=provider_id, start=start)

    @classmethod
    def follow_up(
        cls,
        ctx: ClinicContext,
        parent: QWidget | None,
        visit_id: uuid.UUID,
        patient_id: uuid.UUID,
        patient_name: str,
        provider_id: uuid.UUID | None,
    ) -> BookingDialog:
        return cls(
            ctx,
            parent,
            FOLLOW_UP,
            patient=(patient_id, patient_name),
            appointment_id=visit_id,
            provider_id=provider_id,
        )

    @classmethod
    def move_appointment(
        cls,
        ctx: ClinicContext,
        parent: QWidget | None,
        appointment_id: uuid.UUID,
        patient_id: uuid.UUID,
        patient_name: str,
        provider_id: uuid.UUID | None,
        starts_at: dt.datetime,
    ) -> BookingDialog:
        return cls(
            ctx,
            parent,
            MOVE,
            patient=(patient_id, patient_name),
            appointment_id=appointment_id,
            provider_id=provider_id,
            start=starts_at,
        )

    # -- filling in --

    def _touch(self) -> None:
        self._touched = True

    def _choices_loaded(self, choices: Choices) -> None:
        providers, kinds = choices
        for provider_id, name in providers:
            self.provider.addItem(name, provider_id)
        for type_id, name, minutes in kinds:
            self.kind.addItem(
                self.tr("{name} ({minutes} min)").format(name=name, minutes=minutes), type_id
            )
        if self._provider_id is not None:
            combo_select(self.provider, self._provider_id)
        if not providers or not kinds:
            self.general_error.show_message(
                self.tr(
                    "There are no providers or appointment types yet. An administrator adds them "
                    "in Settings → Clinic."
                )
            )
        self.save_button.setEnabled(bool(providers and kinds))

    def _show_patients(self, _query: str, hits: list[SearchHit]) -> None:
        self.patient_results.clear()
        today = self.ctx.today()
        for hit in hits:
            item = QListWidgetItem(
                f"{hit.display_name} — "
                f"{birth_text(hit.birth_date, hit.birth_date_estimated, today)}"
                f" — {hit.village}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (hit.patient_id, hit.display_name))
            self.patient_results.addItem(item)
        if hits:
            self.patient_results.setCurrentRow(0)

    def _patient_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.patient = item.data(Qt.ItemDataRole.UserRole)
        self.patient_label.setText(self.tr("Booking for: {name}").format(name=self.patient[1]))
        self.patient_error.clear_message()
        self._touched = True

    def _clear_when_error(self) -> None:
        self.when_error.clear_message()

    def starts_at(self) -> dt.datetime:
        """The chosen clinic-local wall-clock time (naive, as the scheduling service wants)."""
        return dt.datetime.combine(pydate(self.date.date()), pytime(self.time.time()))

    def has_unsaved_changes(self) -> bool:
        return self._touched and not self._saving

    # -- saving --

    def submit(self) -> None:
        from desktop.services import scheduling

        if self._saving:
            return
        if self.patient is None:
            self.patient_error.show_message(self.tr("Choose the patient first."))
            self.patient_search.setFocus()
            return
        actor, mode = self.ctx.actor, self.mode
        patient_id = self.patient[0]
        provider_id, type_id = self.provider.currentData(), self.kind.currentData()
        start, reason, appointment_id = self.starts_at(), self.reason.text(), self.appointment_id

        def work(session: Session) -> uuid.UUID:
            if mode == MOVE:
                assert appointment_id is not None
                return scheduling.move(
                    session, actor, appointment_id, start, provider_id=provider_id
                ).id
            if mode == FOLLOW_UP:
                assert appointment_id is not None
                return scheduling.follow_up(
                    session,
                    actor,
                    appointment_id,
                    start,
                    provider_id=provider_id,
                    type_id=type_id,
                    reason=reason,
                ).id
            return scheduling.book(
                session,
                actor,
                patient_id=patient_id,
                provider_id=provider_id,
                type_id=type_id,
                starts_at=start,
                reason=reason,
            ).id

        self._saving = True
        self.save_button.setEnabled(False)
        self.when_error.clear_message()
        self.general_error.clear_message()
        self.ctx.db(self, work, label=self.tr("Booking…")).success(self._saved).failure(
            self._failed
        ).finished(self._done).run()

    def _done(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _saved(self, appointment_id: uuid.UUID) -> None:
        self._touched = False
        self.ctx.events.appointments_changed.emit()
        self.booked.emit(appointment_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from desktop.errors import Conflict, InvalidInput

        if isinstance(error, Conflict):
            self.when_error.show_message(error_text(error))  # the clash, named by the core
            self.time.setFocus()
        elif isinstance(error, InvalidInput):
            target = self.when_error if error.field == "starts_at" else self.general_error
            target.show_message(error_text(error))
        else:
            show_error(self, error)

    def reject(self) -> None:
        if self.has_unsaved_changes():
            confirm(
                self,
                self.tr("Discard this booking?"),
                self.tr("The appointment has not been booked. Close anyway?"),
                self._discard,
                yes_text=self.tr("Discard"),
                no_text=self.tr("Keep editing"),
                destructive=True,
            )
            return
        super().reject()

    def _discard(self) -> None:
        self._touched = False
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_unsaved_changes():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
