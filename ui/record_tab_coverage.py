"""The patient record's Coverage tab: the patient's memberships of schemes and insurers
(`core.coverage.list`, ended ones too), each with its number, validity and today's status in
words ("verified this month", "to verify", "expired"), and why. A membership is added, verified
(Enter) and ended here (`ui.coverage_screens`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QBoxLayout, QWidget

from ui.language import localized
from ui.record_tab import RecordTab, bold
from ui.util import format_date, is_alive, make_button

if TYPE_CHECKING:
    from desktop.app.coverage import MembershipLine
    from desktop.core import ClinicCore
    from ui.context import ClinicContext

STATUS_MARKS = {
    "verified": "✓",
    "to_verify": "?",
    "expired": "✗",
    "not_covered": "✗",
    "none": "",
}


class CoverageTab(RecordTab):
    name = "record_coverage"
    watched = ("coverage_memberships", "coverage_checks")
    names_shown = ("users", "coverage_schemes")
    open_hook = "open_coverage"
    open_screen = "ui.coverage_screens:verify_membership"

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from desktop.permissions import Permission

        self.last_dialog: QWidget | None = None  # the last dialog opened here (for tests)
        self._may = ctx.can(Permission.MANAGE_COVERAGE)
        self.open_button.setText(self.tr("Verif&y the membership…"))
        self.open_button.setToolTip(self.tr("Record how it was checked and the answer (Enter)"))
        self.add_button = make_button(self.tr("Add a me&mbership…"), self.add_membership)
        self.add_button.setObjectName("record_add_membership")
        self.end_button = make_button(self.tr("End the member&ship…"), self.end_membership)
        self.end_button.setObjectName("record_end_membership")
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)
        last = layout.itemAt(layout.count() - 1)  # RecordTab's row of buttons
        buttons = last.layout() if last is not None else None
        assert isinstance(buttons, QBoxLayout)
        buttons.insertWidget(0, self.add_button)
        buttons.addWidget(self.end_button)
        self.setTabOrder(self.table, self.add_button)
        self.setTabOrder(self.add_button, self.open_button)
        self.setTabOrder(self.open_button, self.end_button)
        self._sync()

    def _sync(self) -> None:
        super()._sync()
        if not hasattr(self, "end_button"):
            return  # RecordTab's own __init__ calls it before the buttons are made
        line = self.selected()
        active = line is not None and line.active
        self.add_button.setVisible(self._may)
        self.end_button.setVisible(self._may)
        self.end_button.setEnabled(active)
        self.open_button.setVisible(self._may and self.open_button.isVisibleTo(self))
        self.open_button.setEnabled(self.open_button.isEnabled() and active)

    def add_membership(self) -> None:
        """Add a membership… for the patient shown (their name read first, for the title)."""
        from ui.coverage_screens import add_membership

        patient_id = self.patient_id
        if patient_id is None:
            return

        def named(name: str | None, error: BaseException | None) -> None:
            if is_alive(self) and patient_id == self.patient_id:
                dialog = add_membership(self.ctx, self, patient_id, name or "")
                self.last_dialog = dialog
                dialog.open()

        self.ctx.ask(lambda core: core.forms.patient_name(patient_id), named)

    def end_membership(self) -> None:
        from ui.coverage_screens import end_membership

        line = self.selected()
        if line is not None and line.active:
            dialog = end_membership(self.ctx, self, line)
            self.last_dialog = dialog
            dialog.open()

    def title(self) -> str:
        return self.tr("Co&verage")

    def headers(self) -> list[str]:
        return [
            self.tr("Scheme"),
            self.tr("Member number"),
            self.tr("Valid"),
            self.tr("Today"),
            self.tr("Why"),
        ]

    def read(self, core: ClinicCore, patient_id: uuid.UUID) -> Sequence[MembershipLine]:
        return core.coverage.list(patient_id=patient_id, include_ended=True)

    def record_id(self, line: MembershipLine) -> uuid.UUID:
        return line.membership_id

    def empty_text(self) -> str:
        return self.tr("No scheme or insurer recorded for this patient.")

    def cells(self, line: MembershipLine) -> list[QStandardItem]:
        start = format_date(line.valid_from) if line.valid_from else ""
        end = format_date(line.valid_until) if line.valid_until else ""
        valid = f"{start} – {end}".strip(" –") if start or end else "—"
        mark = STATUS_MARKS.get(line.status.value, "")
        status = f"{mark} {localized(line.status_words)}".strip()
        if not line.active:
            status = self.tr("ended")
        cells = [
            QStandardItem(line.scheme_name),
            QStandardItem(line.member_number or "—"),
            QStandardItem(valid),
            QStandardItem(status),
            QStandardItem(localized(line.why)),
        ]
        if line.active and line.status.value in ("to_verify", "expired", "not_covered"):
            bold(cells[3])
        return cells
