"""The patient record's Referrals tab: every referral of the patient, newest first
(`core.referrals.list`): where to, why, how urgent, its step, and why it is overdue when it
is (in bold, with the reason). Enter opens the referral's screen."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem

from ui.language import localized
from ui.record_tab import RecordTab, bold
from ui.util import format_date

if TYPE_CHECKING:
    from desktop.app.followup import ReferralLine
    from desktop.core import ClinicCore


class ReferralsTab(RecordTab):
    name = "record_referrals"
    watched = ("referrals",)
    names_shown = ("users", "facilities")
    open_hook = "open_referral"
    open_screen = "ui.referral_screen:open_referral"
    stretch = 1

    def title(self) -> str:
        return self.tr("Referra&ls")

    def headers(self) -> list[str]:
        return [
            self.tr("To"),
            self.tr("Reason"),
            self.tr("Urgency"),
            self.tr("Status"),
            self.tr("Drafted"),
            self.tr("Sent"),
        ]

    def read(self, core: ClinicCore, patient_id: uuid.UUID) -> Sequence[ReferralLine]:
        return core.referrals.list(patient_id=patient_id)

    def record_id(self, line: ReferralLine) -> uuid.UUID:
        return line.referral_id

    def empty_text(self) -> str:
        return self.tr("No referrals for this patient.")

    def _urgency(self, value: str) -> str:
        return {
            "routine": self.tr("Routine"),
            "urgent": self.tr("Urgent"),
            "emergency": self.tr("Emergency"),
        }.get(value, value)

    def cells(self, line: ReferralLine) -> list[QStandardItem]:
        status = localized(line.status_words)
        if line.overdue is not None:
            status = self.tr("⚠ {status} · overdue").format(status=status)
        cells = [
            QStandardItem(line.facility.name if line.facility else self.tr("(not chosen yet)")),
            QStandardItem(line.reason),
            QStandardItem(self._urgency(line.urgency.value)),
            QStandardItem(status),
            QStandardItem(format_date(line.created_on)),
            QStandardItem(format_date(line.sent_on) if line.sent_on else "—"),
        ]
        if line.urgency.value != "routine":
            bold(cells[2])
        if line.overdue is not None:
            bold(cells[3]).setToolTip(localized(line.overdue))
        return cells
