"""A walk-in: a patient who came without an appointment joins today's check-in queue.

Find the patient as the booking dialog does (name with typos, phone, ID, date of birth), or
register them with the usual new-patient form (its duplicate check included); then, optionally,
the provider (by default whoever has the fewest patients waiting) and the type of visit (by
default the clinic's usual one). The core (`core.schedule.walk_in`) records an appointment
starting now, already arrived and marked walk-in: never a double booking. A patient already
booked today is asked about first (check that appointment in instead, or add them anyway).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
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

from ui.errors import error_text, show_error
from ui.util import FieldError, birth_text, buddy_label, confirm, inform, is_alive

if TYPE_CHECKING:
    from desktop.app.schedule import BookingChoices, Warned
    from desktop.core import ClinicCore
    from desktop.services.search import SearchHit
    from ui.context import ClinicContext


class WalkInDialog(QDialog):
    added = Signal(object)  # the walk-in's appointment id

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.live_search import LiveSearch

        self.ctx = ctx
        self.patient: tuple[uuid.UUID, str] | None = None
        self._saving = False
        self._same_day_ok = False
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Walk-in: a patient without an appointment"))
        self.setAccessibleName(self.windowTitle())

        self.patient_search = QLineEdit()
        self.patient_search.setObjectName("walk_in_patient_search")
        self.patient_search.setPlaceholderText(self.tr("Name, phone, ID or date of birth"))
        self.new_patient_button = QPushButton(self.tr("&New patient…"))
        self.new_patient_button.setObjectName("walk_in_new_patient")
        self.new_patient_button.setAutoDefault(False)
        self.new_patient_button.setToolTip(self.tr("Register the patient first"))
        self.new_patient_button.clicked.connect(self.new_patient)
        self.patient_results = QListWidget()
        self.patient_results.setObjectName("walk_in_patient_results")
        self.patient_results.setAccessibleName(self.tr("Patients found"))
        self.patient_results.setMaximumHeight(170)
        self.patient_results.currentItemChanged.connect(self._patient_chosen)
        self.patient_error = FieldError().attach(self.patient_search)
        self.patient_label = QLabel()
        self.patient_label.setObjectName("walk_in_patient")
        self.patient_label.setWordWrap(True)

        self.provider = QComboBox()
        self.provider.setObjectName("walk_in_provider")
        self.provider.addItem(self.tr("Whoever has the fewest waiting"), None)
        self.kind = QComboBox()
        self.kind.setObjectName("walk_in_type")
        self.kind.addItem(self.tr("The clinic's usual visit"), None)
        self.reason = QLineEdit()
        self.reason.setObjectName("walk_in_reason")
        self.reason.setPlaceholderText(self.tr("What they came for (optional)"))
        self.general_error = FieldError()

        find = QHBoxLayout()
        find.addWidget(self.patient_search, 1)
        find.addWidget(self.new_patient_button)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Patient:"), self.patient_search), find)
        form.addRow("", self.patient_results)
        form.addRow("", self.patient_error)
        form.addRow("", self.patient_label)
        form.addRow(buddy_label(self.tr("Pro&vider:"), self.provider), self.provider)
        form.addRow(buddy_label(self.tr("&Type:"), self.kind), self.kind)
        form.addRow(buddy_label(self.tr("&Reason:"), self.reason), self.reason)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Add to the queue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("walk_in_save")
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAutoDefault(False)
        self.save_button.setAutoDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)
        self.setMinimumWidth(560)

        self.search = LiveSearch(ctx, self, limit=8)
        self.search.results_ready.connect(self._show_patients)
        self.patient_search.textChanged.connect(self.search.set_query)

        def choices(core: ClinicCore) -> BookingChoices:
            return core.schedule.booking_choices()

        ctx.call(self, choices).success(self._choices_loaded).run()
        self.patient_search.setFocus()

    # -- filling in --

    def _choices_loaded(self, choices: BookingChoices) -> None:
        for provider in choices.providers:
            self.provider.addItem(provider.name, provider.provider_id)
        for kind in choices.types:
            self.kind.addItem(
                self.tr("{name} ({minutes} min)").format(name=kind.name, minutes=kind.minutes),
                kind.type_id,
            )
        if not choices.providers or not choices.types:
            self.general_error.show_message(
                self.tr(
                    "There are no providers or appointment types yet. An administrator adds them "
                    "in Settings → Clinic."
                )
            )
            self.save_button.setEnabled(False)

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
        if item is not None:
            self.choose_patient(*item.data(Qt.ItemDataRole.UserRole))

    def choose_patient(self, patient_id: uuid.UUID, name: str) -> None:
        self.patient = (patient_id, name)
        self._same_day_ok = False
        self.patient_label.setText(self.tr("Walk-in: {name}").format(name=name))
        self.patient_error.clear_message()

    def new_patient(self) -> None:
        """The usual registration (duplicates checked); the patient registered, or the
        existing record chosen instead, is the walk-in."""
        from ui.patient_dialog import PatientDialog

        dialog = PatientDialog.register(self.ctx, self)
        typed = self.patient_search.text().strip()
        if typed and not any(ch.isdigit() for ch in typed):
            dialog.prefill_name(typed)  # what was searched for is usually the name
        dialog.saved.connect(self._registered)
        dialog.open_existing.connect(self._registered)
        dialog.open()

    def _registered(self, patient_id: uuid.UUID) -> None:
        def read(core: ClinicCore) -> str:
            return core.patients.details(patient_id).full_name

        def chosen(name: str) -> None:
            if is_alive(self):
                self.choose_patient(patient_id, name)
                self.save_button.setFocus()

        self.ctx.call(self, read).success(chosen).run()

    # -- adding --

    def submit(self) -> None:
        if self._saving:
            return
        if self.patient is None:
            self.patient_error.show_message(
                self.tr("Find the patient, or register them with New patient…")
            )
            self.patient_search.setFocus()
            return
        patient_id = self.patient[0]
        provider_id, type_id = self.provider.currentData(), self.kind.currentData()
        reason, same_day_ok = self.reason.text(), self._same_day_ok

        def work(core: ClinicCore) -> Warned:
            return core.schedule.walk_in(
                patient_id, provider_id, type_id, reason, same_day_ok=same_day_ok
            )

        self._saving = True
        self.general_error.clear_message()
        self.ctx.call(self, work, label=self.tr("Adding to the queue…")).success(
            self._saved
        ).failure(self._failed).finished(self._done).run()

    def _done(self) -> None:
        self._saving = False

    def _saved(self, done: Warned) -> None:
        from ui.language import localized

        # Today refreshes from the core's change event; it selects the new line.
        self.added.emit(done.value.appointment_id)
        warning = getattr(done, "warning", None)
        parent = self.parentWidget()
        self.accept()
        if warning:  # told, never refused: a patient may pay cash
            inform(parent, self.tr("Coverage"), localized(warning))

    def _failed(self, error: BaseException) -> None:
        from desktop.app.schedule import SameDayBooking
        from desktop.errors import OutpostError

        if isinstance(error, SameDayBooking):
            self._ask_same_day(error_text(error))
        elif isinstance(error, OutpostError):
            self.general_error.show_message(error_text(error))
        else:
            show_error(self, error)

    def _ask_same_day(self, said: str) -> None:
        def add_anyway() -> None:
            self._same_day_ok = True
            self.submit()

        confirm(
            self,
            self.tr("Booked already today"),
            said
            + "\n\n"
            + self.tr(
                "Check that appointment in from Today instead, or add them as a walk-in as well?"
            ),
            add_anyway,
            yes_text=self.tr("Add as a walk-in"),
            no_text=self.tr("Go back"),
        )
