"""The patient record's Coverage tab: the patient's memberships of schemes and insurers
(`core.coverage.list`, ended ones too), each with its number, validity and today's status in
words ("verified this month", "to verify", "expired"), and why."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem

from ui.language import localized
from ui.record_tab import RecordTab, bold
from ui.util import format_date

if TYPE_CHECKING:
    from desktop.app.coverage import MembershipLine
    from desktop.core import ClinicCore

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
