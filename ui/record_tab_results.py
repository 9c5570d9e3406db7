"""The patient record's Results tab: every result of the patient, newest first
(`core.results.list`), with its status in a sign and a word, how often the patient was tried,
and the urgent ones marked ‼ in bold. Enter opens the result's screen."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem

from ui.language import localized
from ui.record_tab import RecordTab, bold
from ui.util import format_date

if TYPE_CHECKING:
    from desktop.app.followup import ResultLine
    from desktop.core import ClinicCore

STATUS_MARKS = {
    "ordered": "○",
    "sent": "→",
    "received": "●",
    "informed": "✓",
    "escalated": "⚠",
    "cancelled": "⊘",
}
URGENT_MARK = "‼"


class ResultsTab(RecordTab):
    name = "record_results"
    watched = ("results", "result_relays")
    names_shown = ("users", "facilities")
    open_hook = "open_result"
    open_screen = "ui.result_screen:open_result"
    stretch = 0

    def title(self) -> str:
        return self.tr("Resul&ts")

    def headers(self) -> list[str]:
        return [
            self.tr("Test"),
            self.tr("Status"),
            self.tr("Ordered"),
            self.tr("Received"),
            self.tr("Tries to tell"),
            self.tr("Sent to"),
        ]

    def read(self, core: ClinicCore, patient_id: uuid.UUID) -> Sequence[ResultLine]:
        return core.results.list(patient_id=patient_id)

    def record_id(self, line: ResultLine) -> uuid.UUID:
        return line.result_id

    def empty_text(self) -> str:
        return self.tr("No results for this patient.")

    def cells(self, line: ResultLine) -> list[QStandardItem]:
        test = line.test_name
        if line.urgent:
            test = f"{URGENT_MARK} {test}"
        mark = STATUS_MARKS.get(line.status.value, "")
        status = f"{mark} {localized(line.status_words)}".strip()
        if line.late:
            status = self.tr("{status} · late from the lab").format(status=status)
        if line.escalation_due:
            status = self.tr("{status} · to escalate").format(status=status)
        cells = [
            QStandardItem(test),
            QStandardItem(status),
            QStandardItem(format_date(line.ordered_on)),
            QStandardItem(format_date(line.received_on) if line.received_on else "—"),
            QStandardItem(str(line.attempts) if line.attempts else "—"),
            QStandardItem(line.facility or "—"),
        ]
        if line.urgent:
            bold(cells[0]).setToolTip(self.tr("Urgent"))
        if line.escalation_due or line.late:
            bold(cells[1])
        if line.last_attempt is not None:
            cells[4].setToolTip(
                self.tr("Last try: {outcome}").format(outcome=line.last_attempt.outcome.value)
            )
        return cells
