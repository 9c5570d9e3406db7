"""Likely duplicate: the entry being registered and each existing candidate, side by side,
with the reasons they may be the same person. The person opens the existing record or
confirms that this is a different person.

A value that is the same as in the new entry is marked "✓ same", so the eye goes straight
to what matches, without relying on colour.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.util import heading, make_button, row, with_colon

if TYPE_CHECKING:
    from desktop.app.patients import PatientDetails, SearchHit
    from ui.context import ClinicContext

ROWS = ("name", "clinic_number", "sex", "birth", "phone", "village", "national_id")
SAME_STYLE = "font-weight: 700;"


class DuplicateDialog(QDialog):
    open_existing = Signal(object)  # patient id
    register_anyway = Signal()

    def __init__(
        self,
        ctx: ClinicContext,
        new: PatientDetails,
        candidates: list[tuple[SearchHit, list[str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop.services.phones import display_phone

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.setAccessibleName(self.windowTitle())
        self.candidates = candidates
        region, today = ctx.core.region, ctx.today()

        new_column = {
            "name": new.full_name,
            "sex": labels.sex_label(new.sex.value),
            "birth": labels.birth_label(new.birth_date, new.birth_date_estimated, today),
            "phone": new.phone,
            "village": new.village,
            "national_id": new.national_id,
            "clinic_number": new.clinic_number,
        }
        columns = [
            {
                "name": hit.display_name,
                "sex": labels.sex_label(hit.sex),
                "birth": labels.birth_label(hit.birth_date, hit.birth_date_estimated, today),
                "phone": display_phone(hit.phone, region),
                "village": hit.village,
                "national_id": hit.national_id or "",
                "clinic_number": hit.clinic_number or "",
            }
            for hit, _reasons in candidates
        ]
        row_titles = {
            "name": self.tr("Name"),
            "sex": self.tr("Sex"),
            "birth": self.tr("Born"),
            "phone": self.tr("Phone"),
            "village": self.tr("Village"),
            "national_id": self.tr("National ID"),
            "clinic_number": self.tr("Clinic no."),
        }

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        grid.addWidget(self._title(self.tr("You are registering")), 0, 1)
        for c, _candidate in enumerate(columns, start=2):
            grid.addWidget(self._title(self.tr("Already registered ({n})").format(n=c - 1)), 0, c)
        for r, key in enumerate(ROWS, start=1):
            grid.addWidget(self._row_title(row_titles[key]), r, 0)
            grid.addWidget(self._value(new_column[key]), r, 1)
            for c, column in enumerate(columns, start=2):
                value = column[key]
                same = bool(value) and self._same(key, value, new_column[key])
                grid.addWidget(self._value(value, same=same), r, c)
        reasons_row = len(ROWS) + 1
        grid.addWidget(self._row_title(self.tr("Why it may be the same person")), reasons_row, 0)
        self.open_buttons = []
        for c, (hit, reasons) in enumerate(candidates, start=2):
            text = "\n".join("• " + labels.duplicate_reason_label(r) for r in reasons)
            reason_label = self._value(text)
            reason_label.setObjectName(f"reasons_{c - 1}")
            grid.addWidget(reason_label, reasons_row, c)
            button = make_button(
                self.tr("&Open this record") if c == 2 else self.tr("Open this record"),
                self._opener(hit.patient_id),
            )
            button.setAccessibleName(
                self.tr("Open the record of {name}").format(name=hit.display_name)
            )
            self.open_buttons.append(button)
            grid.addWidget(button, reasons_row + 1, c)
        for c in range(1, len(columns) + 2):
            grid.setColumnMinimumWidth(c, 190)
        grid.setColumnStretch(len(columns) + 2, 1)
        grid.setRowStretch(reasons_row + 2, 1)

        table = QWidget()
        table.setObjectName("side_by_side")
        table.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(table)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        intro = QLabel(
            self.tr(
                "This person may already be registered. Compare the new entry with the existing "
                "records (“✓ same” marks what matches). Open the existing record if it is the same "
                "person; register only if this is someone else."
            )
        )
        intro.setWordWrap(True)
        self.register_button = make_button(
            self.tr("&Register as a different person"), self._register
        )
        self.back_button = make_button(self.tr("&Back to editing"), self.reject)
        self.back_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Is this the same person?")))
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(row(self.back_button, None, self.register_button))
        width = min(1300, 260 + 240 * (len(columns) + 1))
        self.resize(width, 520)

    @staticmethod
    def _same(key: str, value: str, new: str) -> bool:
        if key == "name":
            return value.casefold().split() == new.casefold().split()
        return value.strip().casefold() == new.strip().casefold()

    def _title(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 700; border-bottom: 1px solid palette(mid);")
        return label

    def _row_title(self, text: str) -> QLabel:
        label = QLabel(with_colon(text))
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setWordWrap(True)
        return label

    def _value(self, text: str, *, same: bool = False) -> QLabel:
        shown = text or "—"
        if same:
            shown = f"{shown}   ✓ {self.tr('same')}"
        label = QLabel(shown)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if same:
            label.setStyleSheet(SAME_STYLE)
        return label

    def _opener(self, patient_id: uuid.UUID) -> Callable[[], None]:
        return lambda: self._open(patient_id)

    def _open(self, patient_id: uuid.UUID) -> None:
        self.open_existing.emit(patient_id)
        self.accept()

    def _register(self) -> None:
        self.register_anyway.emit()
        self.accept()
