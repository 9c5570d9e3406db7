"""Small choosers around forms: which form to start for a patient, what to print for a
patient, and which blank forms (and how many copies) to print for downtime."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import forms
from ui.util import format_datetime

if TYPE_CHECKING:
    from desktop.app.forms import FormSummary

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "sw": "Kiswahili"}
HIDDEN_FORMS = frozenset({"recovery_sheet"})
"""Printed by Outpost itself (setup, settings), never started from a patient's record."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormChoosers", text)


def patient_forms(library: forms.FormLibrary) -> list[forms.FormDefinition]:
    """The forms a coordinator fills for a patient: consents and intake first."""
    found = [d for d in library.latest() if d.about_patient and d.id not in HIDDEN_FORMS]

    def order(definition: forms.FormDefinition) -> tuple[int, str]:
        rank = 0 if definition.id == "intake" else 1 if "consent" in definition.id else 2
        return rank, definition.id

    return sorted(found, key=order)


def _title(definition: forms.FormDefinition, lang: str) -> str:
    return definition.title_in(lang)


class FormChooser(QDialog):
    """Start a form for a patient: fill it on screen, or print it blank with their name."""

    fill_requested = Signal(str)  # form id
    blank_requested = Signal(str)  # form id

    def __init__(
        self,
        parent: QWidget | None,
        library: forms.FormLibrary,
        patient_name: str,
        lang: str,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_tr("New form for {name}").format(name=patient_name))
        self.setAccessibleName(self.windowTitle())
        self.list = QListWidget()
        self.list.setAccessibleName(_tr("Forms"))
        for definition in patient_forms(library):
            item = QListWidgetItem(_title(definition, lang))
            item.setData(Qt.ItemDataRole.UserRole, definition.id)
            if definition.description:
                item.setToolTip(definition.text(definition.description, lang))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._fill())
        buttons = QDialogButtonBox()
        self.fill_button = buttons.addButton(
            _tr("&Fill in on screen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.blank_button = buttons.addButton(
            _tr("Print &blank…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.blank_button.setToolTip(
            _tr("A blank copy with the patient's name, to fill in by hand")
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.fill_button.clicked.connect(self._fill)
        self.blank_button.clicked.connect(self._blank)
        buttons.rejected.connect(self.reject)
        self.fill_button.setDefault(True)
        layout = QVBoxLayout(self)
        intro = QLabel(_tr("Which form?"))
        intro.setBuddy(self.list)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(460, 380)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def choose(self, form_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == form_id:
                self.list.setCurrentRow(row)
                return
        raise KeyError(form_id)

    def _fill(self) -> None:
        form_id = self.chosen()
        if form_id:
            self.accept()
            self.fill_requested.emit(form_id)

    def _blank(self) -> None:
        form_id = self.chosen()
        if form_id:
            self.accept()
            self.blank_requested.emit(form_id)


class PrintChoiceDialog(QDialog):
    """What to print for a patient: one of their forms, or a blank form with their name."""

    record_requested = Signal(object)  # record id
    blank_requested = Signal(str)  # form id

    def __init__(
        self,
        parent: QWidget | None,
        library: forms.FormLibrary,
        patient_name: str,
        records: Sequence[FormSummary],
        lang: str,
    ) -> None:
        from ui import labels

        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_tr("Print for {name}").format(name=patient_name))
        self.setAccessibleName(self.windowTitle())
        self.list = QListWidget()
        self.list.setAccessibleName(_tr("What to print"))
        for record in records:
            # Titles and clinic-time dates come from the core (desktop.app.forms).
            text = (
                f"{record.title} — {labels.form_status_label(record.status.value)}, "
                + format_datetime(record.created_at)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ("record", record.record_id))
            self.list.addItem(item)
        for definition in patient_forms(library):
            item = QListWidgetItem(_tr("Blank: {title}").format(title=_title(definition, lang)))
            item.setData(Qt.ItemDataRole.UserRole, ("blank", definition.id))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._go())
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(
            _tr("&Preview…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button.clicked.connect(self._go)
        self.preview_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(_tr("The patient's forms (newest first), then blank forms:"))
        intro.setWordWrap(True)
        intro.setBuddy(self.list)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def _go(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        kind, key = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        if kind == "record":
            self.record_requested.emit(key)
        else:
            self.blank_requested.emit(key)


@dataclass(frozen=True)
class BlankBatch:
    forms: tuple[tuple[str, int], ...]  # (form id, copies)
    lang: str
    paper: str


class BlankFormsDialog(QDialog):
    """Blank forms for downtime: which forms, how many copies, in which language."""

    batch_requested = Signal(object)  # BlankBatch

    def __init__(
        self, parent: QWidget | None, library: forms.FormLibrary, lang: str, paper: str = "a4"
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_tr("Blank forms for downtime"))
        self.setAccessibleName(self.windowTitle())
        self.copies: dict[str, QSpinBox] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>" + _tr("Form") + "</b>"), 0, 0)
        grid.addWidget(QLabel("<b>" + _tr("Copies") + "</b>"), 0, 1)
        for row, definition in enumerate(patient_forms(library), start=1):
            title = _title(definition, lang)
            label = QLabel(title)
            spin = QSpinBox()
            spin.setRange(0, 200)
            spin.setValue(0)
            spin.setAccessibleName(_tr("Copies of {title}").format(title=title))
            spin.setObjectName(f"copies_{definition.id}")
            spin.valueChanged.connect(lambda _v: self._sync())
            label.setBuddy(spin)
            self.copies[definition.id] = spin
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
        grid.setColumnStretch(0, 1)
        self.language = QComboBox()
        self.language.setAccessibleName(_tr("Language"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.paper = QComboBox()
        self.paper.setAccessibleName(_tr("Paper size"))
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        options = QHBoxLayout()
        language_label = QLabel(_tr("&Language:"))
        language_label.setBuddy(self.language)
        paper_label = QLabel(_tr("P&aper:"))
        paper_label.setBuddy(self.paper)
        options.addWidget(language_label)
        options.addWidget(self.language)
        options.addSpacing(12)
        options.addWidget(paper_label)
        options.addWidget(self.paper)
        options.addStretch(1)
        self.total = QLabel()
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(
            _tr("&Preview…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button.clicked.connect(self._go)
        self.preview_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _tr(
                "When the laptop or the power is down, forms are filled in by hand and "
                "entered in Outpost later. Each printed form carries a code that names it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(options)
        layout.addWidget(self.total)
        layout.addWidget(buttons)
        self._sync()

    def set_copies(self, form_id: str, copies: int) -> None:
        self.copies[form_id].setValue(copies)

    def batch(self) -> BlankBatch:
        chosen = tuple((fid, spin.value()) for fid, spin in self.copies.items() if spin.value())
        return BlankBatch(chosen, self.language.currentData(), self.paper.currentData())

    def _sync(self) -> None:
        count = sum(spin.value() for spin in self.copies.values())
        self.total.setText(_tr("Forms to print: {count}").format(count=count))
        self.preview_button.setEnabled(count > 0)

    def _go(self) -> None:
        batch = self.batch()
        if batch.forms:
            self.accept()
            self.batch_requested.emit(batch)


__all__ = [
    "BlankBatch",
    "BlankFormsDialog",
    "FormChooser",
    "PrintChoiceDialog",
    "patient_forms",
]
