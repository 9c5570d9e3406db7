"""An open "Edit patient details" form when the record changes elsewhere (a sync brings
another laptop's edit, or another window saves).

What the person typed is never lost. The record is read again (the core's change events say
it changed: desktop/changes.py through ui/changes.py) and merged into the form field by field,
against the values the form was opened with:

- a field the person has not touched takes the new value (so saving does not put the old one
  back over the other laptop's edit);
- a field the person changed keeps what they typed; if the other side changed it too, the
  banner names it with the other value, so the person decides;

and a banner says so, with "Reload from the record" (which, after asking, throws away what
was typed and shows the record as it now is). Saving then writes what the form shows.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit

from ui import labels
from ui.util import combo_select, confirm, is_alive, make_button

if TYPE_CHECKING:
    from desktop.app.patients import PatientInput
    from desktop.changes import Changes
    from ui.patient_dialog import PatientDialog

_BIRTH = ("birth_date", "estimated_age_years", "age_unknown")


def merge(
    base: PatientInput, mine: PatientInput, theirs: PatientInput
) -> tuple[PatientInput, list[str]]:
    """Three-way, field by field: (what the form should show, fields changed on both sides
    to different values). The birth fields move together (date, age, "not known")."""
    from desktop.app.patients import PatientInput

    b, m, t = asdict(base), asdict(mine), asdict(theirs)
    merged: dict[str, Any] = {}
    both: list[str] = []
    names = [f.name for f in fields(PatientInput) if f.name not in _BIRTH]
    for name in names:
        if m[name] == b[name]:
            merged[name] = t[name]
        else:
            merged[name] = m[name]
            if t[name] != b[name] and t[name] != m[name]:
                both.append(name)

    def birth(d: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(d[k] for k in _BIRTH)

    if birth(m) == birth(b):
        merged.update({k: t[k] for k in _BIRTH})
    else:
        merged.update({k: m[k] for k in _BIRTH})
        if birth(t) != birth(b) and birth(t) != birth(m):
            both.append("birth_date")
    return PatientInput(**merged), both


class ChangedElsewhere(QFrame):
    """The banner at the top of an edit form, and the merge it does (see the module)."""

    def __init__(self, dialog: PatientDialog, patient_id: uuid.UUID) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.patient_id = patient_id
        self.merges = 0  # times the record was read again and merged (the tests count)
        self._reading = False
        self._again = False
        self.setObjectName("changed_elsewhere")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#changed_elsewhere { background: #fff4ce; border: 1px solid #8a6d00; }"
            "#changed_elsewhere QLabel { color: #3d3000; }"
        )
        self.text = QLabel()
        self.text.setObjectName("changed_elsewhere_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reload_button = make_button(self.tr("R&eload from the record"), self.reload)
        self.reload_button.setObjectName("changed_elsewhere_reload")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reload_button)
        self.hide()
        self._remote = False
        dialog.ctx.changes.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if not is_alive(self) or getattr(self.dialog, "_saving", False):
            return  # this form's own save (it closes when saved)
        if not changes.touches_patient(self.patient_id):
            return
        self._remote = self._remote or changes.remote
        self._read()

    def _read(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        patient_id = self.patient_id

        def done(details: Any, error: BaseException | None) -> None:
            self._reading = False
            if not is_alive(self):
                return
            if error is None and details is not None:
                self._merge(details.editable)
            if self._again:
                self._again = False
                self._read()

        try:
            self.dialog.ctx.ask(lambda core: core.patients.details(patient_id), done)
        except RuntimeError:  # the session is closing
            self._reading = False

    def _merge(self, theirs: PatientInput) -> None:
        dialog = self.dialog
        base, mine = dialog.initial, dialog.read_input()
        if asdict(theirs) == asdict(base):
            return  # nothing this form shows changed (an appointment, a form record...)
        merged, both = merge(base, mine, theirs)
        self._show_values(merged, mine)
        dialog.initial = theirs  # "unsaved" now means: differs from the record as it is
        self.merges += 1
        where = (
            self.tr("This patient's record was changed on another laptop (a sync brought it).")
            if self._remote
            else self.tr("This patient's record was changed elsewhere while you edited it.")
        )
        if dialog.has_unsaved_changes():
            words = [
                where,
                self.tr(
                    "The fields you had not touched show the new values; what you typed is kept."
                ),
            ]
        else:
            words = [where, self.tr("The form shows the record as it is now.")]
        for name in both:
            value = asdict(theirs)[name] or self.tr("(empty)")
            words.append(
                self.tr("Changed there too: {field}, now “{value}” there; yours is kept.").format(
                    field=labels.field_label(name), value=value
                )
            )
        self.text.setText("⚠ " + "\n".join(words))
        self.text.setAccessibleDescription(self.text.text())
        self.reload_button.setVisible(dialog.has_unsaved_changes())
        self.show()

    def _show_values(self, values: PatientInput, current: PatientInput) -> None:
        """Only the fields whose value changes: the one being typed in keeps its cursor."""
        from ui.patient_dialog import MULTILINE_FIELDS, TEXT_FIELDS

        dialog = self.dialog
        new, now = asdict(values), asdict(current)
        for name in TEXT_FIELDS:
            if new[name] != now[name]:
                field = dialog.fields[name]
                assert isinstance(field, QLineEdit)
                field.setText(new[name])
        for name in MULTILINE_FIELDS:
            if new[name] != now[name]:
                field = dialog.fields[name]
                assert isinstance(field, QPlainTextEdit)
                field.setPlainText(new[name])
        if new["sex"] != now["sex"]:
            combo_select(dialog.sex, new["sex"] or "unknown")
        if any(new[k] != now[k] for k in _BIRTH):
            dialog.birth_date.setText(values.birth_date)
            dialog.age.setText(values.estimated_age_years)
            if values.estimated_age_years and not values.birth_date:
                dialog.age_only.setChecked(True)
            elif values.age_unknown and not values.birth_date:
                dialog.age_unknown.setChecked(True)
            else:
                dialog.birth_known.setChecked(True)

    def reload(self) -> None:
        """Throw away what was typed (after asking) and show the record as it is now."""
        dialog = self.dialog

        def discard() -> None:
            if not is_alive(dialog):
                return
            dialog.set_input(dialog.initial)
            self.hide()

        if not dialog.has_unsaved_changes():
            discard()
            return
        confirm(
            dialog,
            self.tr("Reload the record?"),
            self.tr(
                "What you typed in this form is thrown away, and the form shows the record as "
                "it is now."
            ),
            discard,
            yes_text=self.tr("Reload"),
            no_text=self.tr("Keep what I typed"),
            destructive=True,
        )
