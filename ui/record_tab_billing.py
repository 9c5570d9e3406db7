"""The patient record's Billing tab: the patient's invoices, newest first
(`core.billing.list`), with their number, status, total, what was paid and what is still
owed (in bold), and under the list the patient's claims to schemes (`core.claims.list`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem

from ui.language import localized
from ui.record_tab import RecordTab, bold
from ui.util import format_date

if TYPE_CHECKING:
    from desktop.app.billing import ClaimLine, InvoiceSummary
    from desktop.core import ClinicCore


@dataclass(frozen=True)
class BillingLine:
    """An invoice with its amounts as this laptop writes them, and its claims."""

    invoice: InvoiceSummary
    total: str
    paid: str
    balance: str
    claims: tuple[ClaimLine, ...]


class BillingTab(RecordTab):
    name = "record_billing"
    watched = ("invoices", "invoice_lines", "payments", "claims", "diagnoses")
    open_hook = "open_invoice"

    def title(self) -> str:
        return self.tr("B&illing")

    def headers(self) -> list[str]:
        return [
            self.tr("Invoice"),
            self.tr("Date"),
            self.tr("Status"),
            self.tr("Total"),
            self.tr("Paid"),
            self.tr("Owed"),
            self.tr("Claims"),
        ]

    def read(self, core: ClinicCore, patient_id: uuid.UUID) -> Sequence[BillingLine]:
        invoices = core.billing.list(patient_id=patient_id)
        claims = core.claims.list(patient_id=patient_id) if invoices else ()
        money = core.billing.format_amount
        return [
            BillingLine(
                invoice=i,
                total=money(i.total, i.currency),
                paid=money(i.paid, i.currency),
                balance=money(i.balance, i.currency),
                claims=tuple(c for c in claims if c.invoice_id == i.invoice_id),
            )
            for i in invoices
        ]

    def record_id(self, line: BillingLine) -> uuid.UUID:
        return line.invoice.invoice_id

    def empty_text(self) -> str:
        return self.tr("No invoices for this patient.")

    def cells(self, line: BillingLine) -> list[QStandardItem]:
        invoice = line.invoice
        claims = "; ".join(
            f"{c.membership.scheme_name if c.membership else '—'}: {localized(c.status_words)}"
            for c in line.claims
        )
        owed = invoice.balance > 0 and invoice.status.value == "issued"
        cells = [
            QStandardItem(invoice.number or self.tr("(draft)")),
            QStandardItem(format_date(invoice.issued_on or invoice.created_on)),
            QStandardItem(localized(invoice.status_words)),
            QStandardItem(line.total),
            QStandardItem(line.paid),
            QStandardItem(line.balance if owed else "—"),
            QStandardItem(claims or "—"),
        ]
        if owed:
            bold(cells[5])
        rejected = [c for c in line.claims if c.status.value == "rejected"]
        if rejected:
            bold(cells[6]).setToolTip(
                "\n".join(c.rejection_reason for c in rejected if c.rejection_reason)
            )
        return cells
