"""Booking an appointment, a follow-up from a visit, or moving a booking.

The core refuses a double booking (`Clash`, naming the appointment in the way and the next
free times, offered here as one-click choices), a time outside the provider's working hours
(`InvalidInput`, field "starts_at"), and asks before a second appointment of the patient on
the same day (`SameDayBooking`). Refusals are shown just below the date and time; the dialog
stays open to pick another time, and Enter still books.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import InvalidInput
from desktop.times import parse_time
from ui.errors import error_text, show_error
from ui.language import localized
from ui.util import (
    FieldError,
    birth_text,
    buddy_label,
    combo_select,
    confirm,
    format_date,
    format_time,
    pydate,
    qdate,
)

if TYPE_CHECKING:
    from desktop.app.schedule import BookingChoices, DayEntry
    from desktop.app.transactions import Done
    from desktop.core import ClinicCore
    from desktop.services.search import SearchHit
    from ui.context import ClinicContext

BOOK, FOLLOW_UP, MOVE = "book", "follow_up", "move"
FOLLOW_UP_AFTER = dt.timedelta(days=14)


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
        self.patient_results.setMaximumHeight(170)
        self.patient_results.currentItemChanged.connect(self._patient_chosen)
        self.patient_error = FieldError().attach(self.patient_search)

        self.provider = QComboBox()
        self.provider.setObjectName("booking_provider")
        self.kind = QComboBox()
        self.kind.setObjectName("booking_type")
        self.kind.setPlaceholderText(self.tr("Choose the type of visit…"))
        self.kind_error = FieldError().attach(self.kind)
        self.date = QDateEdit()
        self.date.setObjectName("booking_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        # Typed as text and read by the core's one time parser ("0930", "9:30", "2 pm"):
        # a spin box read "09:10" as 14:10 and "0930" as 09:09.
        self.time = QLineEdit()
        self.time.setObjectName("booking_time")
        self.time.setPlaceholderText(self.tr("HH:MM"))
        self.time.setMaxLength(12)
        self.time.setFixedWidth(self.time.fontMetrics().horizontalAdvance("00:00 pm") + 24)
        self.reason = QLineEdit()
        self.reason.setObjectName("booking_reason")
        self.when_error = FieldError().attach(self.time)
        self.when_error.setObjectName("booking_when_error")
        # The next free times after a clash, one click each.
        self.free_row = QHBoxLayout()
        self.free_box = QWidget()
        self.free_box.setObjectName("booking_free_times")
        self.free_box.setLayout(self.free_row)
        self.free_row.setContentsMargins(0, 0, 0, 0)
        self.free_box.hide()
        self.free_buttons: list[QPushButton] = []
        self.general_error = FieldError()
        # What the core says of the patient's coverage that day (expired, not covered, to
        # verify): shown, never a refusal — a patient may pay cash.
        self.coverage_warning = QLabel()
        self.coverage_warning.setObjectName("booking_coverage_warning")
        self.coverage_warning.setWordWrap(True)
        self.coverage_warning.hide()

        today = ctx.today()
        if start is not None:
            self.date.setDate(qdate(start.date()))
            self.time.setText(format_time(start))
        else:
            self.date.setDate(qdate(today + FOLLOW_UP_AFTER if mode == FOLLOW_UP else today))
            self.time.setText("09:00")
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
        form.addRow("", self.kind_error)
        when = QHBoxLayout()
        when.addWidget(self.date, 2)
        when.addWidget(buddy_label(self.tr("at"), self.time))
        when.addWidget(self.time, 1)
        self.next_free_button = QPushButton(self.tr("Ne&xt free"))
        self.next_free_button.setObjectName("booking_next_free")
        self.next_free_button.setAutoDefault(False)  # Enter books; this only proposes
        self.next_free_button.setToolTip(
            self.tr("The provider's next free times for this type, from the chosen day")
        )
        self.next_free_button.clicked.connect(self.propose_free_times)
        when.addWidget(self.next_free_button)
        self.date.setAccessibleName(self.tr("Date"))
        self.time.setAccessibleName(self.tr("Time"))
        form.addRow(buddy_label(self.tr("&Date:"), self.date), when)
        form.addRow("", self.when_error)
        form.addRow("", self.free_box)
        form.addRow(buddy_label(self.tr("&Reason:"), self.reason), self.reason)
        if mode == MOVE:
            self.kind.setEnabled(False)
            self.reason.setEnabled(False)

        # Made inside the dialog: a default button set while the box had no window of its
        # own dialog was lost as soon as the button lost the focus (Enter then did nothing).
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Move") if mode == MOVE else self.tr("&Book"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setObjectName("booking_save")
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        # Enter books, whatever had the focus: no other button ever becomes the default
        # (Qt makes a focused auto-default button the default: after a clash, Enter used
        # to press Cancel and ask "Close anyway?").
        self.cancel_button.setAutoDefault(False)
        self.save_button.setAutoDefault(True)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.coverage_warning)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # now that the button is the dialog's
        self.setMinimumWidth(560)

        self.date.dateChanged.connect(self._clear_when_error)
        self.date.dateChanged.connect(lambda _day: self._check_coverage())
        self.time.textEdited.connect(self._clear_when_error)
        self.time.editingFinished.connect(self._normalise_time)
        self.kind.currentIndexChanged.connect(lambda _i: self.kind_error.clear_message())
        self.reason.textEdited.connect(self._touch)
        self.date.dateChanged.connect(self._touch)
        self.time.textEdited.connect(self._touch)
        self.save_button.setEnabled(False)
        self._same_day_ok = False
        for_appointment = appointment_id if mode in (MOVE, FOLLOW_UP) else None

        def choices(core: ClinicCore) -> BookingChoices:
            return core.schedule.booking_choices(for_appointment)

        ctx.call(self, choices).success(self._choices_loaded).run()
        (self.patient_search if patient is None else self.provider).setFocus()
        self._check_coverage()

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

    def _choices_loaded(self, choices: BookingChoices) -> None:
        for provider in choices.providers:
            self.provider.addItem(provider.name, provider.provider_id)
        for kind in choices.types:
            self.kind.addItem(
                self.tr("{name} ({minutes} min)").format(name=kind.name, minutes=kind.minutes),
                kind.type_id,
            )
        # The clinic's most booked type (or the appointment's own), never merely the
        # alphabetically first; none at all before anything was booked: the person chooses.
        self.kind.setCurrentIndex(-1)
        if choices.default_type_id is not None:
            combo_select(self.kind, choices.default_type_id)
        if self._provider_id is not None:
            combo_select(self.provider, self._provider_id)
        if not choices.providers or not choices.types:
            self.general_error.show_message(
                self.tr(
                    "There are no providers or appointment types yet. An administrator adds them "
                    "in Settings → Clinic."
                )
            )
        self.save_button.setEnabled(bool(choices.providers and choices.types))

    def _show_patients(self, _query: str, hits: list[SearchHit]) -> None:
        from desktop.services.phones import display_phone

        self.patient_results.clear()
        today = self.ctx.today()
        region = self.ctx.core.region
        for hit in hits:
            parts = [hit.display_name, birth_text(hit.birth_date, hit.birth_date_estimated, today)]
            if hit.phone:
                parts.append(display_phone(hit.phone, region))
            if hit.village:
                parts.append(hit.village)
            item = QListWidgetItem(" — ".join(parts))
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
        self._check_coverage()

    def _check_coverage(self) -> None:
        """Ask the core what to say of the chosen patient's coverage on the chosen day."""
        if self.patient is None:
            self.coverage_warning.hide()
            return
        patient_id, day = self.patient[0], pydate(self.date.date())

        def read(core: ClinicCore) -> str | None:
            return core.coverage.coverage_warning(patient_id, day)

        def show(warning: str | None) -> None:
            if self.patient is None or (self.patient[0], pydate(self.date.date())) != (
                patient_id,
                day,
            ):
                return  # another patient or day was chosen meanwhile: its own answer comes
            self.coverage_warning.setText("⚠ " + localized(warning) if warning else "")
            self.coverage_warning.setVisible(bool(warning))

        # Quiet: a notice nobody waits for never puts up a progress window (which would
        # take the keys typed meanwhile, Enter to book among them).
        from ui.tasks import Operation

        core = self.ctx.core
        quiet = Operation(self, self.ctx.tasks, lambda _task: read(core), progress_delay_ms=2**30)
        quiet.success(show).run()

    def _clear_when_error(self) -> None:
        self.when_error.clear_message()
        self._same_day_ok = False

    def _normalise_time(self) -> None:
        """ "930" becomes "09:30" as the field is left; a time that is not one says so."""
        text = self.time.text()
        if not text.strip():
            return
        try:
            self.time.setText(format_time(parse_time(text)))
        except InvalidInput as error:
            self.when_error.show_message(error_text(error))

    def set_time(self, value: dt.time) -> None:
        self.time.setText(format_time(value))

    def starts_at(self) -> dt.datetime:
        """The chosen clinic-local wall-clock time (naive, as the core wants); raises
        `InvalidInput` when the time typed is not one."""
        return dt.datetime.combine(pydate(self.date.date()), parse_time(self.time.text()))

    def has_unsaved_changes(self) -> bool:
        return self._touched and not self._saving

    # -- saving --

    def submit(self) -> None:
        if self._saving:
            return
        if self.patient is None:
            self.patient_error.show_message(self.tr("Choose the patient first."))
            self.patient_search.setFocus()
            return
        type_id = self.kind.currentData()
        if type_id is None and self.mode != MOVE:
            self.kind_error.show_message(self.tr("Choose the type of visit."))
            self.kind.setFocus()
            return
        try:
            start = self.starts_at()
        except InvalidInput as error:
            self.when_error.show_message(error_text(error))
            self.time.setFocus()
            return
        mode, patient_id = self.mode, self.patient[0]
        provider_id = self.provider.currentData()
        reason, appointment_id = self.reason.text(), self.appointment_id
        same_day_ok = self._same_day_ok

        def work(core: ClinicCore) -> Done[DayEntry]:
            schedule = core.schedule
            if mode == MOVE:
                assert appointment_id is not None
                return schedule.move(
                    appointment_id, start, provider_id=provider_id, same_day_ok=same_day_ok
                )
            if mode == FOLLOW_UP:
                assert appointment_id is not None
                return schedule.follow_up(
                    appointment_id,
                    start,
                    provider_id=provider_id,
                    type_id=type_id,
                    reason=reason,
                    same_day_ok=same_day_ok,
                )
            return schedule.book(
                patient_id=patient_id,
                provider_id=provider_id,
                type_id=type_id,
                starts_at=start,
                reason=reason,
                same_day_ok=same_day_ok,
            )

        # The save button stays enabled (`_saving` guards against a second press): disabling
        # it would move the focus, and Qt's default button with it, to Cancel.
        self._saving = True
        self.when_error.clear_message()
        self.general_error.clear_message()
        self._show_free_times(())
        self.ctx.call(self, work, label=self.tr("Booking…")).success(self._saved).failure(
            self._failed
        ).finished(self._done).run()

    def _done(self) -> None:
        self._saving = False

    def _saved(self, done: Done[DayEntry]) -> None:
        self._touched = False
        # Every screen showing appointments refreshes from the core's change event.
        self.booked.emit(done.value.appointment_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from desktop.app.schedule import Clash, SameDayBooking

        if isinstance(error, SameDayBooking):
            self._ask_same_day(error_text(error))
        elif isinstance(error, Clash):
            self.when_error.show_message(error_text(error))  # the clash, named by the core
            self._show_free_times(error.free)
            self.time.setFocus()
            self.time.selectAll()
        elif isinstance(error, InvalidInput):
            target = self.when_error if error.field == "starts_at" else self.general_error
            target.show_message(error_text(error))
        else:
            from desktop.errors import OutpostError

            if isinstance(error, OutpostError):
                self.general_error.show_message(error_text(error))
            else:
                show_error(self, error)

    def _ask_same_day(self, said: str) -> None:
        def book_anyway() -> None:
            self._same_day_ok = True
            self.submit()

        confirm(
            self,
            self.tr("Another appointment that day"),
            said + "\n\n" + self.tr("Book this one as well?"),
            book_anyway,
            yes_text=self.tr("Book as well"),
            no_text=self.tr("Go back"),
        )

    def propose_free_times(self) -> None:
        """Ask the core for the provider's next free times for the chosen type, from the
        chosen day (never in the past), and offer them as one-click choices."""
        provider_id, type_id = self.provider.currentData(), self.kind.currentData()
        if provider_id is None:
            return
        if type_id is None:
            self.kind_error.show_message(self.tr("Choose the type of visit."))
            self.kind.setFocus()
            return
        after = dt.datetime.combine(pydate(self.date.date()), dt.time(0))
        ignore = self.appointment_id if self.mode == MOVE else None

        def read(core: ClinicCore) -> tuple[dt.datetime, ...]:
            return core.schedule.next_free(provider_id, type_id, after, ignore=ignore)

        def show(free: tuple[dt.datetime, ...]) -> None:
            self.when_error.clear_message()
            if not free:
                self.when_error.show_message(
                    self.tr(
                        "{provider} has no free time for this type in the next two weeks."
                    ).format(provider=self.provider.currentText())
                )
            self._show_free_times(free)

        self.ctx.call(self, read).success(show).run()

    def _show_free_times(self, free: tuple[dt.datetime, ...]) -> None:
        for button in self.free_buttons:
            self.free_row.removeWidget(button)
            button.deleteLater()
        self.free_buttons = []
        if not free:
            self.free_box.hide()
            return
        asked = pydate(self.date.date())
        for moment in free:
            text = format_time(moment)
            if moment.date() != asked:
                text = self.tr("{date} {time}").format(date=format_date(moment.date()), time=text)
            button = QPushButton(text)
            button.setAutoDefault(False)  # Enter still books what is typed
            button.setObjectName("booking_free_time")
            button.setToolTip(self.tr("Choose this time"))
            button.setAccessibleName(self.tr("Free at {time}").format(time=text))
            button.clicked.connect(lambda _checked=False, m=moment: self._choose_free(m))
            self.free_row.addWidget(button)
            self.free_buttons.append(button)
        self.free_row.addStretch(1)
        self.free_box.show()

    def _choose_free(self, moment: dt.datetime) -> None:
        self.date.setDate(qdate(moment.date()))
        self.set_time(moment.time())
        self.when_error.clear_message()
        self._show_free_times(())
        self._touched = True
        self.save_button.setFocus()

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
