"""Registering a patient, or editing one's details.

Every problem the core finds (`ValidationFailed.problems`) is shown just below its own
field, and focus goes to the first. Registration may answer "possible duplicate": the new
entry and each candidate are then shown side by side (`ui.duplicate_dialog`), and the
person opens the existing record or confirms that this is a different person.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QIntValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.errors import show_error
from ui.language import localized
from ui.util import FieldError, buddy_label, combo_select, confirm

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.services.patients import PatientInput, PossibleDuplicate
    from ui.context import ClinicContext

_DMY = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*")

TEXT_FIELDS = (
    "given_name",
    "other_names",
    "family_name",
    "national_id",
    "clinic_number",
    "phone",
    "phone_alt",
    "village",
    "next_of_kin_name",
    "next_of_kin_relation",
    "next_of_kin_phone",
    "preferred_language",
    "coverage_scheme",
    "coverage_member_id",
)
MULTILINE_FIELDS = ("address", "notes")


def iso_birth_date(text: str) -> str:
    """Accept 21/03/1984 as well as 1984-03-21 (the core wants the latter)."""
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return text.strip()


class PatientDialog(QDialog):
    saved = Signal(object)  # the patient's id
    open_existing = Signal(object)  # the person chose an existing record instead

    def __init__(
        self,
        ctx: ClinicContext,
        parent: QWidget | None,
        *,
        patient_id: uuid.UUID | None = None,
        initial: PatientInput | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop.services.patients import PatientInput

        self.ctx = ctx
        self.patient_id = patient_id
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            self.tr("Register a new patient")
            if patient_id is None
            else self.tr("Edit patient details")
        )
        self.setAccessibleName(self.windowTitle())
        self._saving = False
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}

        identity = QGroupBox(self.tr("Identity"))
        identity_form = QFormLayout(identity)
        self._line(identity_form, "given_name", self.tr("&Given name:"), required=True)
        self._line(identity_form, "other_names", self.tr("&Other names:"))
        self._line(identity_form, "family_name", self.tr("&Family name:"))
        self.sex = QComboBox()
        for value in ("female", "male", "other", "unknown"):
            self.sex.addItem(labels.sex_label(value), value)
        self.sex.setCurrentIndex(3)
        self._add(identity_form, "sex", self.tr("Se&x:"), self.sex)
        identity_form.addRow(self._birth_row())
        self._line(identity_form, "national_id", self.tr("National &ID:"))
        self._line(identity_form, "clinic_number", self.tr("Clinic &number:"))

        contact = QGroupBox(self.tr("Contact and next of kin"))
        contact_form = QFormLayout(contact)
        self._line(contact_form, "phone", self.tr("&Phone:"), hint=self.tr("e.g. 0712 345 678"))
        self._line(contact_form, "phone_alt", self.tr("Other p&hone:"))
        self._line(contact_form, "village", self.tr("&Village:"))
        self._text(contact_form, "address", self.tr("&Address:"))
        self._line(contact_form, "next_of_kin_name", self.tr("Next of &kin:"))
        self._line(contact_form, "next_of_kin_relation", self.tr("&Relation:"))
        self._line(contact_form, "next_of_kin_phone", self.tr("Next of kin's pho&ne:"))

        more = QGroupBox(self.tr("Language, coverage and notes"))
        more_form = QFormLayout(more)
        self._line(more_form, "preferred_language", self.tr("Preferred lan&guage:"))
        self._line(more_form, "coverage_scheme", self.tr("Coverage &scheme:"))
        self._line(more_form, "coverage_member_id", self.tr("&Member number:"))
        self._text(more_form, "notes", self.tr("No&tes:"))

        self.general_error = FieldError()
        self.general_error.setObjectName("general_error")
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(identity)
        left.addWidget(more)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(contact)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Register") if patient_id is None else self.tr("&Save"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setObjectName("save_patient")
        self.save_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        required = QLabel(
            self.tr(
                "* required. Give the date of birth, or the approximate age "
                "if the date is not known."
            )
        )
        required.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(required)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(980, 660)

        self.initial = initial or PatientInput()
        self.set_input(self.initial)
        self.fields["given_name"].setFocus()

    # -- building --

    def _add(
        self, form: QFormLayout, name: str, label: str, field: QWidget, *, hint: str = ""
    ) -> None:
        field.setObjectName(name)
        self.fields[name] = field
        error = FieldError().attach(field)
        error.setObjectName(f"{name}_error")
        self.errors[name] = error
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(field)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setEnabled(False)
            box.addWidget(hint_label)
        box.addWidget(error)
        form.addRow(buddy_label(label, field), box)

    def _line(
        self, form: QFormLayout, name: str, label: str, *, required: bool = False, hint: str = ""
    ) -> QLineEdit:
        field = QLineEdit()
        field.setMaxLength(200)
        if required:
            # "&Given name:" → "&Given name *:"; French "&Prénom :" → "&Prénom * :".
            label = re.sub(r"(\s*:)$", r" *\1", label)
        self._add(form, name, label, field, hint=hint)
        return field

    def _text(self, form: QFormLayout, name: str, label: str) -> QPlainTextEdit:
        field = QPlainTextEdit()
        field.setTabChangesFocus(True)
        field.setFixedHeight(field.fontMetrics().lineSpacing() * 3 + 12)
        self._add(form, name, label, field)
        return field

    def _birth_row(self) -> QWidget:
        box = QGroupBox(self.tr("Date of birth"))
        layout = QVBoxLayout(box)
        self.birth_known = QRadioButton(self.tr("&Date known"))
        self.age_only = QRadioButton(self.tr("Only the approximate &age is known"))
        group = QButtonGroup(box)
        group.addButton(self.birth_known)
        group.addButton(self.age_only)
        self.birth_known.setChecked(True)
        choice = QHBoxLayout()
        choice.addWidget(self.birth_known)
        choice.addWidget(self.age_only)
        choice.addStretch(1)
        self.birth_date = QLineEdit()
        self.birth_date.setObjectName("birth_date")
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD or DD/MM/YYYY"))
        self.birth_date.setAccessibleName(self.tr("Date of birth"))
        self.age = QLineEdit()
        self.age.setObjectName("estimated_age_years")
        self.age.setValidator(QIntValidator(0, 125, self.age))
        self.age.setPlaceholderText(self.tr("years, e.g. 45"))
        self.age.setAccessibleName(self.tr("Estimated age in years"))
        self.birth_stack = QStackedWidget()
        self.birth_stack.addWidget(self.birth_date)
        self.birth_stack.addWidget(self.age)
        self.birth_stack.setFixedHeight(self.birth_date.sizeHint().height())
        self.birth_known.toggled.connect(self._birth_mode)
        layout.addLayout(choice)
        layout.addWidget(self.birth_stack)
        for name, field in (("birth_date", self.birth_date), ("estimated_age_years", self.age)):
            self.fields[name] = field
            error = FieldError().attach(field)
            error.setObjectName(f"{name}_error")
            self.errors[name] = error
            layout.addWidget(error)
        return box

    def _birth_mode(self, date_known: bool) -> None:
        self.birth_stack.setCurrentWidget(self.birth_date if date_known else self.age)
        (self.birth_date if date_known else self.age).setFocus()

    # -- constructors for the two uses --

    @classmethod
    def register(cls, ctx: ClinicContext, parent: QWidget | None) -> PatientDialog:
        return cls(ctx, parent)

    @classmethod
    def edit(
        cls,
        ctx: ClinicContext,
        parent: QWidget | None,
        patient_id: uuid.UUID,
        details: PatientInput,
    ) -> PatientDialog:
        return cls(ctx, parent, patient_id=patient_id, initial=details)

    def prefill_name(self, text: str) -> None:
        words = text.split()
        given = self.fields["given_name"]
        family = self.fields["family_name"]
        assert isinstance(given, QLineEdit) and isinstance(family, QLineEdit)
        given.setText(words[0] if words else "")
        family.setText(" ".join(words[1:]))
        self.initial = self.read_input()  # prefilled is not "changed by the person"

    # -- reading and writing the fields --

    def set_input(self, data: PatientInput) -> None:
        for name in TEXT_FIELDS:
            field = self.fields[name]
            assert isinstance(field, QLineEdit)
            field.setText(getattr(data, name))
        for name in MULTILINE_FIELDS:
            field = self.fields[name]
            assert isinstance(field, QPlainTextEdit)
            field.setPlainText(getattr(data, name))
        combo_select(self.sex, data.sex or "unknown")
        self.birth_date.setText(data.birth_date)
        self.age.setText(data.estimated_age_years)
        (
            self.age_only if data.estimated_age_years and not data.birth_date else self.birth_known
        ).setChecked(True)

    def read_input(self) -> PatientInput:
        from desktop.services.patients import PatientInput

        values: dict[str, str] = {}
        for name in TEXT_FIELDS:
            field = self.fields[name]
            assert isinstance(field, QLineEdit)
            values[name] = field.text()
        for name in MULTILINE_FIELDS:
            field = self.fields[name]
            assert isinstance(field, QPlainTextEdit)
            values[name] = field.toPlainText()
        values["sex"] = self.sex.currentData() or "unknown"
        if self.birth_known.isChecked():
            values["birth_date"] = iso_birth_date(self.birth_date.text())
            values["estimated_age_years"] = ""
        else:
            values["birth_date"] = ""
            values["estimated_age_years"] = self.age.text().strip()
        return PatientInput(**values)

    def has_unsaved_changes(self) -> bool:
        return asdict(self.read_input()) != asdict(self.initial)

    # -- problems --

    def clear_problems(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.general_error.clear_message()

    def show_problems(self, problems: dict[str, str]) -> None:
        self.clear_problems()
        first: QWidget | None = None
        for name, problem in problems.items():
            message = localized(problem)
            error = self.errors.get(name)
            if error is None:
                # A field this dialog does not show: say it at the bottom, naming it.
                self.general_error.show_message(f"{labels.field_label(name)}: {message}")
                continue
            error.show_message(message)
            if first is None:
                first = self.fields[name]
        if first is not None:
            if first in (self.birth_date, self.age):
                (self.birth_known if first is self.birth_date else self.age_only).setChecked(True)
            first.setFocus()

    # -- saving --

    def submit(self, *, confirmed_new: bool = False) -> None:
        if self._saving:
            return
        from desktop.services import patients

        data = self.read_input()
        ctx, actor, patient_id = self.ctx, self.ctx.actor, self.patient_id
        core = ctx.core

        def work(session: Session) -> uuid.UUID:
            if patient_id is None:
                return patients.register_patient(
                    session,
                    actor,
                    data,
                    region=core.region,
                    search=core.search,
                    confirmed_new=confirmed_new,
                ).id
            patients.update_patient(
                session, actor, patient_id, data, region=core.region, search=core.search
            )
            return patient_id

        self._saving = True
        self.save_button.setEnabled(False)
        self.clear_problems()
        ctx.db(self, work, label=self.tr("Saving…")).success(self._saved).failure(
            lambda error: self._failed(error, data)
        ).finished(self._done).run()

    def _done(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _saved(self, patient_id: uuid.UUID) -> None:
        self.initial = self.read_input()
        self.ctx.events.patients_changed.emit(patient_id)
        self.saved.emit(patient_id)
        self.accept()

    def _failed(self, error: BaseException, data: PatientInput) -> None:
        from desktop.errors import InvalidInput, ValidationFailed
        from desktop.messages import message_of
        from desktop.services.patients import PossibleDuplicate

        if isinstance(error, PossibleDuplicate):
            self._show_duplicates(error, data)
        elif isinstance(error, ValidationFailed):
            self.show_problems(error.problems)
        elif isinstance(error, InvalidInput) and error.field:
            self.show_problems({error.field: message_of(error)})
        else:
            show_error(self, error)

    def _show_duplicates(self, error: PossibleDuplicate, data: PatientInput) -> None:
        from desktop.services.patients import validate_patient
        from ui.duplicate_dialog import DuplicateDialog

        values = validate_patient(data, region=self.ctx.core.region, today=self.ctx.today())
        dialog = DuplicateDialog(self.ctx, values, error.candidates, self)
        dialog.open_existing.connect(self._open_existing)
        dialog.register_anyway.connect(lambda: self.submit(confirmed_new=True))
        dialog.open()

    def _open_existing(self, patient_id: uuid.UUID) -> None:
        self.initial = self.read_input()  # nothing to save: the person chose the existing one
        self.open_existing.emit(patient_id)
        self.accept()

    # -- leaving --

    def reject(self) -> None:
        if self.has_unsaved_changes():
            confirm(
                self,
                self.tr("Discard changes?"),
                self.tr("What you typed has not been saved. Close anyway?"),
                self._discard,
                yes_text=self.tr("Discard"),
                no_text=self.tr("Keep editing"),
                destructive=True,
            )
            return
        super().reject()

    def _discard(self) -> None:
        self.initial = self.read_input()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_unsaved_changes():
            event.ignore()
            self.reject()  # asks first
            return
        super().closeEvent(event)
