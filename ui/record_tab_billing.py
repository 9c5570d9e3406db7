"""The patient record's Billing tab: the patient's invoices, newest first
(`core.billing.list`), with their number, status, total, what was paid and what is still
owed (in bold), and the claims made for each to schemes (`core.claims.list`). Enter opens
the invoice's screen; New invoice… starts a draft for the patient and opens it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QBoxLayout, QWidget

from ui.language import localized
from ui.record_tab import RecordTab, bold
from ui.util import format_date, make_button

if TYPE_CHECKING:
    from desktop.app.billing import ClaimLine, InvoiceSummary
    from desktop.core import ClinicCore
    from ui.context import ClinicContext


@dataclass(frozen=True)
class BillingLine:
    """An invoice with its amounts as this laptop writes them, and its claims."""

    invoice: InvoiceSummary
    total: str
    paid: str
    balance: str
    claims: tuple[ClaimLine, ...]
    credit: str = ""  # paid beyond the total, owed back


class BillingTab(RecordTab):
    name = "record_billing"
    watched = ("invoices", "invoice_lines", "payments", "claims", "diagnoses")
    open_hook = "open_invoice"
    open_screen = "ui.invoice_screen:open_invoice"

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        from desktop.permissions import Permission

        super().__init__(ctx, parent)
        self.new_button = make_button(self.tr("Ne&w invoice…"), self.new_invoice)
        self.new_button.setObjectName("record_new_invoice")
        self.new_button.setToolTip(self.tr("A draft invoice for this patient's visit"))
        # Beside Open, under the list (the last row of the tab's layout).
        layout = self.layout()
        last = layout.itemAt(layout.count() - 1) if layout is not None else None
        buttons = last.layout() if last is not None else None
        if isinstance(buttons, QBoxLayout):
            buttons.insertWidget(0, self.new_button)
        # Shown or hidden once it is a child of the tab: shown before, it was a window of its own
        # for a moment and took the focus from whatever the person was typing in.
        self.new_button.setVisible(ctx.can(Permission.MANAGE_BILLING))
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.open_button)

    def new_invoice(self) -> None:
        from ui.invoice_screen import new_invoice

        if self.patient_id is not None:
            new_invoice(self.ctx, self, self.patient_id)

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
                credit=money(i.credit, i.currency),
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
            QStandardItem(
                line.balance
                if owed
                # Paid beyond the total (two laptops each took it): owed back, in the column.
                else self.tr("credit {amount}").format(amount=line.credit)
                if invoice.credit
                else "—"
            ),
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
