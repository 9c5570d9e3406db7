"""Registering a patient, or editing one's details (`core.patients.register` / `.edit`).

Every problem the core finds (`ValidationFailed.problems`) is shown just below its own
field, and focus goes to the first; a problem disappears as soon as its field is edited.
Registration may answer "possible duplicate": the new entry and each candidate are then
shown side by side (`ui.duplicate_dialog`), and the person opens the existing record or
confirms that this is a different person.

The date of birth is required: the date, an approximate age, or the explicit "Age not
known" (the core holds the same rule). Dates are typed in any of the formats of
`desktop.dates` and read by the core, as everywhere else. Tab goes through the fields in
reading order: identity, then contact (phone first), then language, coverage and notes.
"""

from __future__ import annotations

import itertools
import re
import uuid
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

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
    from desktop.app.patients import PatientDetails, PatientInput, PossibleDuplicate
    from desktop.core import ClinicCore
    from ui.context import ClinicContext

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


def capitalised(word: str) -> str:
    """ "wanjiru" → "Wanjiru", "ng'ang'a" → "Ng'ang'a" (str.title would give "Ng'Ang'A")."""
    return word[:1].upper() + word[1:]


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
        from desktop.app.patients import PatientInput

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
        number = self._line(identity_form, "clinic_number", self.tr("Clinic &number:"))
        if patient_id is None:
            number.setPlaceholderText(self.tr("given at registration"))

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
        # Identity and contact side by side, then the rest below them: the reading order,
        # which Tab follows too (`_set_tab_order`).
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(identity)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(contact)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body_layout = QVBoxLayout()
        body_layout.addLayout(columns)
        body_layout.addWidget(more)
        body_layout.addStretch(1)
        body = QWidget()
        body.setLayout(body_layout)
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
                "* required. Give the date of birth, or the approximate age if the date is "
                "not known; choose “Age not known” only when neither is known."
            )
        )
        required.setWordWrap(True)
        layout = QVBoxLayout(self)
        if patient_id is not None:
            # A sync (or another window) changing this record while it is edited: the
            # untouched fields follow, what was typed stays (ui/patient_refresh.py).
            from ui.patient_refresh import ChangedElsewhere

            self.changed_elsewhere = ChangedElsewhere(self, patient_id)
            layout.addWidget(self.changed_elsewhere)
        layout.addWidget(scroll, 1)
        layout.addWidget(required)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(980, 660)

        self.initial = initial or PatientInput()
        self.set_input(self.initial)
        self._set_tab_order(cancel)
        self._clear_problems_when_edited()
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
        box = QGroupBox(self.tr("Date of birth *"))
        layout = QVBoxLayout(box)
        self.birth_known = QRadioButton(self.tr("&Date known"))
        self.age_only = QRadioButton(self.tr("Only the approximate &age is known"))
        self.age_unknown = QRadioButton(self.tr("Age not kno&wn"))
        self.age_unknown.setObjectName("age_unknown")
        group = QButtonGroup(box)
        group.addButton(self.birth_known)
        group.addButton(self.age_only)
        group.addButton(self.age_unknown)
        self.birth_known.setChecked(True)
        choice = QHBoxLayout()
        choice.addWidget(self.birth_known)
        choice.addWidget(self.age_only)
        choice.addWidget(self.age_unknown)
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
        self.no_birth = QLabel(self.tr("Neither the date of birth nor the age is known."))
        self.no_birth.setEnabled(False)
        self.birth_stack = QStackedWidget()
        self.birth_stack.addWidget(self.birth_date)
        self.birth_stack.addWidget(self.age)
        self.birth_stack.addWidget(self.no_birth)
        self.birth_stack.setFixedHeight(self.birth_date.sizeHint().height())
        for button in (self.birth_known, self.age_only, self.age_unknown):
            button.toggled.connect(self._birth_mode)
        layout.addLayout(choice)
        layout.addWidget(self.birth_stack)
        for name, field in (("birth_date", self.birth_date), ("estimated_age_years", self.age)):
            self.fields[name] = field
            error = FieldError().attach(field)
            error.setObjectName(f"{name}_error")
            self.errors[name] = error
            layout.addWidget(error)
        return box

    def _birth_mode(self, checked: bool) -> None:
        if not checked:
            return
        self.errors["birth_date"].clear_message()
        self.errors["estimated_age_years"].clear_message()
        if self.birth_known.isChecked():
            self.birth_stack.setCurrentWidget(self.birth_date)
            self.birth_date.setFocus()
        elif self.age_only.isChecked():
            self.birth_stack.setCurrentWidget(self.age)
            self.age.setFocus()
        else:
            self.birth_stack.setCurrentWidget(self.no_birth)

    def _set_tab_order(self, cancel: QWidget) -> None:
        f = self.fields
        chain: list[QWidget] = [
            f["given_name"],
            f["other_names"],
            f["family_name"],
            self.sex,
            self.birth_known,
            self.age_only,
            self.age_unknown,
            self.birth_date,
            self.age,
            f["national_id"],
            f["clinic_number"],
            f["phone"],
            f["phone_alt"],
            f["village"],
            f["address"],
            f["next_of_kin_name"],
            f["next_of_kin_relation"],
            f["next_of_kin_phone"],
            f["preferred_language"],
            f["coverage_scheme"],
            f["coverage_member_id"],
            f["notes"],
            self.save_button,
            cancel,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _clear_problems_when_edited(self) -> None:
        """A field's problem goes as soon as the person edits that field."""
        for name, field in self.fields.items():
            error = self.errors[name]
            if isinstance(field, QLineEdit):
                field.textEdited.connect(lambda _text, e=error: self._edited(e))
            elif isinstance(field, QPlainTextEdit):
                field.textChanged.connect(lambda e=error: self._edited(e))
            elif isinstance(field, QComboBox):
                field.currentIndexChanged.connect(lambda _i, e=error: self._edited(e))

    def _edited(self, error: FieldError) -> None:
        if error.message:
            error.clear_message()

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
        """Start from the name just searched for, capitalised ("wanjiru kamau" → Wanjiru /
        Kamau), the given name selected so that typing replaces it."""
        words = [capitalised(w) for w in text.split()]
        given = self.fields["given_name"]
        family = self.fields["family_name"]
        assert isinstance(given, QLineEdit) and isinstance(family, QLineEdit)
        given.setText(words[0] if words else "")
        family.setText(" ".join(words[1:]))
        given.selectAll()
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
        if data.estimated_age_years and not data.birth_date:
            self.age_only.setChecked(True)
        elif data.age_unknown and not data.birth_date:
            self.age_unknown.setChecked(True)
        else:
            self.birth_known.setChecked(True)

    def read_input(self) -> PatientInput:
        from desktop.app.patients import PatientInput

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
        birth, age = self.birth_date.text().strip(), self.age.text().strip()
        if self.birth_known.isChecked():
            age = ""
        elif self.age_only.isChecked():
            birth = ""
        else:
            birth = age = ""
        return PatientInput(
            **values,
            birth_date=birth,
            estimated_age_years=age,
            age_unknown=self.age_unknown.isChecked(),
        )

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
                # Checking the radio clears the birth problems: show this one again.
                self.errors[first.objectName()].show_message(
                    localized(problems[first.objectName()])
                )
            first.setFocus()

    # -- saving --

    def submit(self, *, confirmed_new: bool = False) -> None:
        if self._saving:
            return
        data = self.read_input()
        patient_id = self.patient_id

        def work(core: ClinicCore) -> uuid.UUID:
            if patient_id is None:
                return core.patients.register(data, confirmed_new=confirmed_new).value
            return core.patients.edit(patient_id, data).value

        self._saving = True
        self.save_button.setEnabled(False)
        self.clear_problems()
        self.ctx.call(self, work, label=self.tr("Saving…")).success(self._saved).failure(
            lambda error: self._failed(error, data)
        ).finished(self._done).run()

    def _done(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _saved(self, patient_id: uuid.UUID) -> None:
        self.initial = self.read_input()
        self.saved.emit(patient_id)
        self.accept()

    def _failed(self, error: BaseException, data: PatientInput) -> None:
        from desktop.app.patients import PossibleDuplicate
        from desktop.errors import InvalidInput, ValidationFailed
        from desktop.messages import message_of

        if isinstance(error, PossibleDuplicate):
            self._show_duplicates(error, data)
        elif isinstance(error, ValidationFailed):
            self.show_problems(error.problems)
        elif isinstance(error, InvalidInput) and error.field:
            self.show_problems({error.field: message_of(error)})
        else:
            show_error(self, error)

    def _show_duplicates(self, error: PossibleDuplicate, data: PatientInput) -> None:
        candidates = error.candidates

        def shown(new: PatientDetails | None, failed: BaseException | None) -> None:
            if failed is not None or new is None:
                show_error(self, failed or RuntimeError("no preview"))
                return
            self._compare(new, candidates)

        self.ctx.ask(lambda core: core.patients.preview(data), shown)

    def _compare(self, new: PatientDetails, candidates: list[Any]) -> None:
        from ui.duplicate_dialog import DuplicateDialog

        dialog = DuplicateDialog(self.ctx, new, candidates, self)
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
