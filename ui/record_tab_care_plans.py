"""The patient record's Care plans tab: the patient's plans, active first
(`core.care_plans.list`): what each is, its lead, its tasks still to do and how many are
missed (in bold), the next due date and the review date."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem

from ui.language import localized
from ui.record_tab import RecordTab, bold
from ui.util import format_date

if TYPE_CHECKING:
    from desktop.app.care_plans import CarePlanLine
    from desktop.core import ClinicCore


class CarePlansTab(RecordTab):
    name = "record_care_plans"
    watched = ("care_plans", "care_plan_items")
    open_hook = "open_care_plan"
    open_screen = "ui.care_plan_screen:open_care_plan"
    stretch = 0

    def title(self) -> str:
        return self.tr("Care pla&ns")

    def headers(self) -> list[str]:
        return [
            self.tr("Plan"),
            self.tr("Status"),
            self.tr("Led by"),
            self.tr("To do"),
            self.tr("Next due"),
            self.tr("Review"),
        ]

    def read(self, core: ClinicCore, patient_id: uuid.UUID) -> Sequence[CarePlanLine]:
        return core.care_plans.list(patient_id=patient_id)

    def record_id(self, line: CarePlanLine) -> uuid.UUID:
        return line.plan_id

    def empty_text(self) -> str:
        return self.tr("No care plan for this patient.")

    def cells(self, line: CarePlanLine) -> list[QStandardItem]:
        todo = str(line.open_tasks) if line.open_tasks else "—"
        if line.missed:
            todo = self.tr("{open} ({missed} missed)").format(
                open=line.open_tasks, missed=line.missed
            )
        review = format_date(line.review_on) if line.review_on else "—"
        if line.review_due:
            review = self.tr("⚠ {date} · due").format(date=review)
        cells = [
            QStandardItem(line.title),
            QStandardItem(localized(line.status_words)),
            QStandardItem(line.lead or "—"),
            QStandardItem(todo),
            QStandardItem(format_date(line.next_due) if line.next_due else "—"),
            QStandardItem(review),
        ]
        if line.missed:
            bold(cells[3])
        if line.review_due:
            bold(cells[5])
        return cells
