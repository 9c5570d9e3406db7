"""The patient record's Care plans tab: the patient's plans, active first
(`core.care_plans.list`): what each is, its lead, its tasks still to do and how many are
missed (in bold), the next due date and the review date. Enter opens the plan's screen
(`ui.care_plan_screen`); New care plan… makes one."""

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
    from desktop.app.care_plans import CarePlanLine
    from desktop.core import ClinicCore
    from ui.context import ClinicContext


class CarePlansTab(RecordTab):
    name = "record_care_plans"
    watched = ("care_plans", "care_plan_items")
    open_hook = "open_care_plan"
    open_screen = "ui.care_plan_screen:open_care_plan"
    stretch = 0

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from desktop.permissions import Permission

        self.last_dialog: QWidget | None = None  # the New care plan dialog (for tests)
        self.new_button = make_button(self.tr("Ne&w care plan…"), self.new_plan)
        self.new_button.setObjectName("record_new_care_plan")
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)
        last = layout.itemAt(layout.count() - 1)  # RecordTab's row of buttons
        buttons = last.layout() if last is not None else None
        assert isinstance(buttons, QBoxLayout)
        buttons.insertWidget(0, self.new_button)
        # Shown or hidden once it is a child of the tab: shown before, it was a window of its own
        # for a moment and took the focus from whatever the person was typing in.
        self.new_button.setVisible(ctx.can(Permission.MANAGE_CARE_PLANS))
        self.setTabOrder(self.table, self.new_button)

    def new_plan(self) -> None:
        """New care plan… for the patient shown (their name read first, for the title)."""
        from ui.care_plan_screen import new_care_plan

        patient_id = self.patient_id
        if patient_id is None:
            return

        def named(name: str | None, error: BaseException | None) -> None:
            if is_alive(self) and patient_id == self.patient_id:
                dialog = new_care_plan(self.ctx, self, patient_id, name or "")
                self.last_dialog = dialog
                dialog.open()

        self.ctx.ask(lambda core: core.forms.patient_name(patient_id), named)

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
