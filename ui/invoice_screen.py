"""One invoice: its lines (from the clinic's price list, or free lines), its ICD-10 diagnoses
(one primary), issuing it, the payments taken on it with what is still owed, voiding it with
a reason, the receipt printed, and the claims made for it to a scheme.

Everything goes through `core.billing` (and `core.claims` for a claim), on the database
thread; the core's refusals are shown in its words, beside the field they concern. Amounts
are whole minor units of the invoice's currency, shown with `core.billing.format_amount`
and typed in the person's own way (1,500.50; 1 500,50 in French). Only what the invoice's
status allows is offered (the spec's status machine: a draft is issued or voided, an issued
one is paid or voided). The screen follows the core's change events.

The diagnosis field searches the WHO classification as you type, on a thread of its own
(`ui.icd10_field`); the classification is indexed when the screen opens.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text, show_error
from ui.followup_dialogs import FollowupDialog
from ui.icd10_field import Icd10Field
from ui.icd10_field import warm_up as warm_up_icd10
from ui.language import localized
from ui.record_reads import OneRead
from ui.util import (
    FieldError,
    buddy_label,
    confirm,
    format_date,
    format_datetime,
    heading,
    is_alive,
    make_button,
    raise_or_open,
    row,
)

if TYPE_CHECKING:
    from desktop.app.billing import InvoiceDetail, PriceRow
    from desktop.changes import Changes
    from desktop.core import ClinicCore
    from ui.context import ClinicContext
    from ui.forms_gateway import FormsDesk

WATCHED = (
    "invoices",
    "invoice_lines",
    "payments",
    "claims",
    "diagnoses",
    "price_items",
    "coverage_memberships",
    "users",
)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("InvoiceScreen", text)


def typed_amount(core: ClinicCore, minor: int, currency: str) -> str:
    """An amount as the person would type it back (what `parse_amount` reads again)."""
    from desktop.money import plain_amount

    text = plain_amount(minor, currency)
    return text.replace(".", ",") if (core.settings.language or "en") == "fr" else text


def table(name: str, headers: list[str], stretch: int) -> QTableWidget:
    """A read-only list of rows, one selected at a time; `stretch` takes the room left."""
    view = QTableWidget(0, len(headers))
    view.setObjectName(name)
    view.setHorizontalHeaderLabels(headers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return view


def fill(
    view: QTableWidget,
    rows: list[tuple[Any, list[str]]],
    empty: str,
    *,
    right: tuple[int, ...] = (),
) -> None:
    """Rows of (what the row is, its cells), the `right` columns (amounts) right-aligned;
    the selection kept on the same thing."""
    current = selected(view)
    view.clearSpans()
    view.setRowCount(0)
    if not rows:
        view.setRowCount(1)
        item = QTableWidgetItem(empty)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        view.setItem(0, 0, item)
        view.setSpan(0, 0, 1, view.columnCount())
        return
    view.setRowCount(len(rows))
    for r, (data, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(ROW_ROLE, data)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            view.setItem(r, c, item)
        if current is not None and data == current:
            view.selectRow(r)


def selected(view: QTableWidget) -> Any:
    r = view.currentRow()
    item = view.item(r, 0) if r >= 0 else None
    return item.data(ROW_ROLE) if item is not None else None


class InvoiceScreen(QDialog):
    claim_opened = Signal(object)  # the claim's screen

    def __init__(
        self, ctx: ClinicContext, invoice_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self.invoice_id = invoice_id
        self.detail: InvoiceDetail | None = None
        self.error: BaseException | None = None
        self.loads = 0
        self.desk: FormsDesk | None = None
        self._reads: OneRead[InvoiceDetail] = OneRead(self, ctx, self._loaded, self.refresh)
        self._may = ctx.can(Permission.MANAGE_BILLING)
        # A clinician codes the visit's diagnoses without handling its money.
        self._may_code = ctx.can(Permission.CODE_DIAGNOSES)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Invoice"))
        self.setAccessibleName(self.windowTitle())
        warm_up_icd10()  # the classification's index, built off the GUI thread

        self.title = heading(self.tr("Loading…"))
        self.title.setObjectName("invoice_title")
        self.summary = QLabel()
        self.summary.setObjectName("invoice_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # -- lines --
        self.lines = table(
            "invoice_lines",
            [
                self.tr("Code"),
                self.tr("Description"),
                self.tr("Qty"),
                self.tr("Unit price"),
                self.tr("Amount"),
            ],
            1,
        )
        self.lines.setAccessibleName(self.tr("Lines"))
        self.add_price_button = make_button(
            self.tr("Add from the &price list…"), self.add_from_prices
        )
        self.add_price_button.setObjectName("invoice_add_price")
        self.add_free_button = make_button(self.tr("Add a free &line…"), self.add_free_line)
        self.add_free_button.setObjectName("invoice_add_free")
        self.quantity_button = make_button(self.tr("Change the &quantity…"), self.change_quantity)
        self.quantity_button.setObjectName("invoice_quantity")
        self.remove_line_button = make_button(self.tr("Re&move the line"), self.remove_line)
        self.remove_line_button.setObjectName("invoice_remove_line")
        self.lines.itemSelectionChanged.connect(self._sync)
        lines_box = QGroupBox(self.tr("What is charged"))
        box = QVBoxLayout(lines_box)
        box.addWidget(self.lines, 1)
        box.addLayout(
            row(
                self.add_price_button,
                self.add_free_button,
                self.quantity_button,
                self.remove_line_button,
                None,
            )
        )

        # -- diagnoses --
        self.diagnoses = table(
            "invoice_diagnoses", [self.tr("Code"), self.tr("Diagnosis"), self.tr("Primary")], 1
        )
        self.diagnoses.setAccessibleName(self.tr("Diagnoses"))
        # Room for a primary and two more diagnoses without scrolling.
        rows = self.diagnoses.verticalHeader().defaultSectionSize()
        self.diagnoses.setMinimumHeight(
            self.diagnoses.horizontalHeader().sizeHint().height() + 3 * rows + 4
        )
        self.diagnoses.itemSelectionChanged.connect(self._sync)
        self.icd10 = Icd10Field(ctx.tasks)
        self.icd10.code_chosen.connect(self.diagnose)
        self.add_diagnosis_button = make_button(
            self.tr("&Add the diagnosis"), self.icd10.choose_current
        )
        self.add_diagnosis_button.setObjectName("invoice_add_diagnosis")
        self.primary_button = make_button(self.tr("Make p&rimary"), self.make_primary)
        self.primary_button.setObjectName("invoice_make_primary")
        self.remove_diagnosis_button = make_button(
            self.tr("Remove the dia&gnosis"), self.remove_diagnosis
        )
        self.remove_diagnosis_button.setObjectName("invoice_remove_diagnosis")
        self.icd10_label = buddy_label(self.tr("ICD-10 &diagnosis:"), self.icd10.edit)
        diagnoses_box = QGroupBox(self.tr("Diagnoses (ICD-10)"))
        box = QVBoxLayout(diagnoses_box)
        box.addWidget(self.diagnoses, 1)
        box.addLayout(row(self.primary_button, self.remove_diagnosis_button, None))
        box.addWidget(self.icd10_label)
        box.addWidget(self.icd10, 1)
        box.addLayout(row(self.add_diagnosis_button, None))

        # -- payments --
        self.payments = table(
            "invoice_payments",
            [
                self.tr("Receipt"),
                self.tr("When"),
                self.tr("How"),
                self.tr("Amount"),
                self.tr("Reference"),
            ],
            4,
        )
        self.payments.setAccessibleName(self.tr("Payments"))
        self.payments.itemSelectionChanged.connect(self._sync)
        self.pay_button = make_button(self.tr("Take a pa&yment…"), self.take_payment)
        self.pay_button.setObjectName("invoice_pay")
        self.remove_payment_button = make_button(
            self.tr("Remove the payme&nt…"), self.remove_payment
        )
        self.remove_payment_button.setObjectName("invoice_remove_payment")
        self.balance = QLabel()
        self.balance.setObjectName("invoice_balance")
        payments_box = QGroupBox(self.tr("Payments"))
        box = QVBoxLayout(payments_box)
        box.addWidget(self.payments, 1)
        box.addWidget(self.balance)
        box.addLayout(row(self.pay_button, self.remove_payment_button, None))

        # -- claims --
        self.claims = table(
            "invoice_claims",
            [self.tr("Scheme"), self.tr("Member no."), self.tr("Claimed"), self.tr("Status")],
            0,
        )
        self.claims.setAccessibleName(self.tr("Claims"))
        self.claims.itemSelectionChanged.connect(self._sync)
        self.claims.itemActivated.connect(lambda _item: self.open_claim())
        self.claim_button = make_button(self.tr("Make a &claim…"), self.make_claim)
        self.claim_button.setObjectName("invoice_make_claim")
        self.open_claim_button = make_button(self.tr("&Open the claim"), self.open_claim)
        self.open_claim_button.setObjectName("invoice_open_claim")
        claims_box = QGroupBox(self.tr("Claims to schemes"))
        box = QVBoxLayout(claims_box)
        box.addWidget(self.claims, 1)
        box.addLayout(row(self.claim_button, self.open_claim_button, None))

        # -- the invoice's own steps --
        self.status = QLabel()
        self.status.setObjectName("invoice_status")
        self.status.setWordWrap(True)
        self.issue_button = make_button(self.tr("&Issue the invoice"), self.issue)
        self.issue_button.setObjectName("invoice_issue")
        self.void_button = make_button(self.tr("&Void…"), self.void)
        self.void_button.setObjectName("invoice_void")
        self.print_button = make_button(self.tr("Prin&t the receipt…"), self.print_receipt)
        self.print_button.setObjectName("invoice_print")
        self.close_button = make_button(self.tr("Clos&e"), self.reject)

        left = QVBoxLayout()
        left.addWidget(lines_box, 1)
        left.addWidget(diagnoses_box, 1)
        right = QVBoxLayout()
        right.addWidget(payments_box, 3)
        right.addWidget(claims_box, 2)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        layout.addLayout(
            row(self.issue_button, self.void_button, self.print_button, None, self.close_button)
        )
        # Tab goes down the left column (lines, then diagnoses), then the right one, then the
        # invoice's own steps.
        order: list[QWidget] = [
            self.lines,
            self.add_price_button,
            self.add_free_button,
            self.quantity_button,
            self.remove_line_button,
            self.diagnoses,
            self.primary_button,
            self.remove_diagnosis_button,
            self.icd10.edit,
            self.add_diagnosis_button,
            self.payments,
            self.pay_button,
            self.remove_payment_button,
            self.claims,
            self.claim_button,
            self.open_claim_button,
            self.issue_button,
            self.void_button,
            self.print_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        # Enter in the diagnosis field codes the diagnosis: no button of the screen is the
        # dialog's default that Enter would press instead.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.resize(1100, 720)
        self.finished.connect(self._shut_printing)
        ctx.changes.changed.connect(self._on_changes)
        self._sync()
        self.refresh()

    # -- loading --

    def refresh(self) -> None:
        invoice_id = self.invoice_id
        self._reads.start(lambda core: core.billing.show(invoice_id))

    def _loaded(self, detail: InvoiceDetail | None, error: BaseException | None) -> None:
        self.error = error
        if error is not None or detail is None:
            self.status.setText(error_text(error) if error else "")
            self.detail = None
            self._sync()
            return
        self.status.clear()
        self.show_detail(detail)

    def _on_changes(self, changes: Changes) -> None:
        if not is_alive(self) or not changes.touches(*WATCHED):
            return
        if self.detail is None or changes.touches_patient(self.detail.summary.patient_id):
            self.refresh()

    # -- drawing --

    def money(self, minor: int) -> str:
        currency = self.detail.currency if self.detail is not None else ""
        return self.ctx.core.billing.format_amount(minor, currency)

    def show_detail(self, detail: InvoiceDetail) -> None:
        self.detail = detail
        self.loads += 1
        s = detail.summary
        number = s.number or self.tr("draft")
        self.title.setText(
            self.tr("Invoice {number}: {patient}").format(number=number, patient=s.patient_name)
        )
        self.setWindowTitle(
            self.tr("Invoice {number}: {patient}").format(number=number, patient=s.patient_name)
        )
        dates = (
            self.tr("issued {day}").format(day=format_date(s.issued_on))
            if s.issued_on
            else self.tr("started {day}").format(day=format_date(s.created_on))
        )
        who = " · ".join(p for p in (s.clinic_number, detail.patient_phone) if p)
        status = localized(s.status_words)
        parts = [status[:1].upper() + status[1:], dates, who]
        self.summary.setText("   ·   ".join(p for p in parts if p))
        money = self.money
        fill(
            self.lines,
            [
                (
                    ln.line_id,
                    [
                        ln.code or "—",
                        ln.description,
                        str(ln.quantity),
                        money(ln.unit_amount),
                        money(ln.amount),
                    ],
                )
                for ln in detail.lines
            ],
            self.tr("Nothing charged yet: add a line from the price list or a free line."),
            right=(2, 3, 4),
        )
        fill(
            self.diagnoses,
            [
                (d.diagnosis_id, [d.code, d.title, self.tr("★ primary") if d.primary else ""])
                for d in detail.diagnoses
            ],
            self.tr("No diagnosis yet: search ICD-10 below by code or words."),
        )
        fill(
            self.payments,
            [
                (
                    p.payment_id,
                    [
                        p.receipt_number,
                        format_datetime(p.paid_at),
                        localized(p.method_words),
                        money(p.amount),
                        p.reference,
                    ],
                )
                for p in detail.payments
            ],
            self.tr("No payment yet."),
            right=(3,),
        )
        fill(
            self.claims,
            [
                (
                    c.claim_id,
                    [
                        c.membership.scheme_name
                        if c.membership
                        else self.tr("(membership removed)"),
                        c.membership.member_number if c.membership else "",
                        money(c.amount),
                        localized(c.status_words),
                    ],
                )
                for c in detail.claims
            ],
            self.tr("No claim for this invoice."),
            right=(2,),
        )
        balance = self.tr("Total {total}   ·   Paid {paid}   ·   Still owed {owed}").format(
            total=money(detail.total), paid=money(detail.paid), owed=money(detail.balance)
        )
        if detail.credit:
            # Paid beyond the total (two laptops each took it) or on a void invoice.
            balance += "   ·   " + self.tr("Credit {credit} (to refund)").format(
                credit=money(detail.credit)
            )
        if detail.void_reason:
            balance += "\n" + self.tr("Void: {reason}").format(reason=detail.void_reason)
        self.balance.setText(balance)
        font = self.balance.font()
        font.setBold(detail.balance > 0 and s.status.value == "issued")
        self.balance.setFont(font)
        self._sync()

    def _sync(self) -> None:
        from desktop.app.billing import InvoiceStatus
        from desktop.records import kinds

        detail = self.detail
        status = detail.status if detail is not None else None
        allowed = kinds.INVOICE_STATUS.transitions.get(status, frozenset()) if status else ()
        draft = status is InvoiceStatus.DRAFT
        may = self._may and detail is not None
        for button in (self.add_price_button, self.add_free_button):
            button.setVisible(self._may and (draft or detail is None))
            button.setEnabled(may and draft)
        self.quantity_button.setVisible(self._may and (draft or detail is None))
        self.remove_line_button.setVisible(self._may and (draft or detail is None))
        line = selected(self.lines)
        self.quantity_button.setEnabled(may and draft and line is not None)
        self.remove_line_button.setEnabled(may and draft and line is not None)
        codable = self._may_code and detail is not None and status is not InvoiceStatus.VOID
        for widget in (
            self.icd10,
            self.icd10_label,
            self.add_diagnosis_button,
            self.primary_button,
            self.remove_diagnosis_button,
        ):
            widget.setVisible(self._may_code and status is not InvoiceStatus.VOID)
        self.add_diagnosis_button.setEnabled(codable)
        self.icd10.setEnabled(codable)
        diagnosis = selected(self.diagnoses)
        self.primary_button.setEnabled(codable and diagnosis is not None)
        self.remove_diagnosis_button.setEnabled(codable and diagnosis is not None)
        owed = status is InvoiceStatus.ISSUED
        self.pay_button.setVisible(self._may)
        self.pay_button.setEnabled(may and owed and detail is not None and detail.balance > 0)
        self.remove_payment_button.setVisible(self._may)
        self.remove_payment_button.setEnabled(
            may and selected(self.payments) is not None and status is not InvoiceStatus.VOID
        )
        self.claim_button.setVisible(self._may)
        self.claim_button.setEnabled(may and status in (InvoiceStatus.ISSUED, InvoiceStatus.PAID))
        self.open_claim_button.setEnabled(selected(self.claims) is not None)
        self.issue_button.setVisible(self._may and InvoiceStatus.ISSUED in allowed and draft)
        self.void_button.setVisible(self._may and InvoiceStatus.VOID in allowed)
        self.print_button.setEnabled(detail is not None and not draft)
        self.print_button.setToolTip(
            self.tr("A draft has no number yet: issue it first.") if draft else ""
        )

    # -- calling the core --

    def _call(
        self,
        work: Callable[[ClinicCore], Any],
        label: str,
        *,
        then: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        def done(result: Any) -> None:
            if not is_alive(self):
                return
            value = getattr(result, "value", None)
            from desktop.app.billing import InvoiceDetail

            if isinstance(value, InvoiceDetail):
                self.show_detail(value)
            if then is not None:
                then(result)

        self.ctx.call(self, work, label=label).success(done).failure(
            failed or (lambda error: show_error(self, error, logged=True))
        ).run()

    def _dialog(self, title: str, ok: str) -> FollowupDialog:
        return FollowupDialog(self.ctx, self, title, ok_text=ok)

    # -- lines --

    def add_from_prices(self) -> PricePicker:
        picker = PricePicker(self.ctx, self.invoice_id, self)
        picker.succeeded.connect(lambda done: self.show_detail(done.value))
        picker.open()
        return picker

    def add_free_line(self) -> FollowupDialog:
        invoice_id = self.invoice_id
        currency = self.detail.currency if self.detail else ""
        dialog = self._dialog(self.tr("A line not on the price list"), self.tr("Add the line"))
        dialog.add_line("description", self.tr("&Description:"))
        dialog.add_spin("quantity", self.tr("&Quantity:"), 1, 9999, 1)
        dialog.add_line(
            "amount",
            self.tr("&Unit price:"),
            hint=self.tr("In {currency}, as you write it (1500 or 1,500.50).").format(
                currency=currency
            ),
        )

        def call(core: Any, v: dict[str, Any]) -> Any:
            return core.billing.add_line(
                invoice_id,
                description=v["description"],
                unit_amount=core.billing.parse_amount(v["amount"], currency or None),
                quantity=v["quantity"],
            )

        dialog.calls(call)
        dialog.succeeded.connect(lambda done: self.show_detail(done.value))
        dialog.open()
        return dialog

    def change_quantity(self) -> FollowupDialog | None:
        line_id = selected(self.lines)
        detail = self.detail
        line = next((ln for ln in detail.lines if ln.line_id == line_id), None) if detail else None
        if line is None:
            return None
        invoice_id = self.invoice_id
        dialog = self._dialog(
            self.tr("Quantity of {what}").format(what=line.description), self.tr("Save")
        )
        dialog.add_spin("quantity", self.tr("&Quantity:"), 1, 9999, line.quantity)
        dialog.calls(
            lambda core, v: core.billing.edit_line(invoice_id, line.line_id, quantity=v["quantity"])
        )
        dialog.succeeded.connect(lambda done: self.show_detail(done.value))
        dialog.open()
        return dialog

    def remove_line(self) -> None:
        line_id = selected(self.lines)
        if line_id is None:
            return
        invoice_id = self.invoice_id
        self._call(
            lambda core: core.billing.remove_line(invoice_id, line_id),
            self.tr("Removing the line…"),
        )

    # -- diagnoses --

    def diagnose(self, code: str) -> None:
        from desktop.errors import InvalidInput
        from desktop.services.icd10 import NeedsSubcategory

        invoice_id = self.invoice_id
        primary = self.detail is not None and not self.detail.diagnoses

        def failed(error: BaseException) -> None:
            if not is_alive(self):
                return
            if isinstance(error, NeedsSubcategory):
                self.icd10.offer_choices(error_text(error), error.choices)
            elif isinstance(error, InvalidInput):
                self.icd10.show_problem(error_text(error))
            else:
                show_error(self, error, logged=True)

        self._call(
            lambda core: core.billing.diagnose(invoice_id, code, primary=primary),
            self.tr("Adding the diagnosis…"),
            then=lambda _done: self.icd10.clear(),
            failed=failed,
        )

    def make_primary(self) -> None:
        diagnosis = selected(self.diagnoses)
        if diagnosis is not None:
            invoice_id = self.invoice_id
            self._call(
                lambda core: core.billing.make_primary(invoice_id, str(diagnosis)),
                self.tr("Making it the primary diagnosis…"),
            )

    def remove_diagnosis(self) -> None:
        diagnosis = selected(self.diagnoses)
        if diagnosis is not None:
            invoice_id = self.invoice_id
            self._call(
                lambda core: core.billing.remove_diagnosis(invoice_id, str(diagnosis)),
                self.tr("Removing the diagnosis…"),
            )

    # -- issuing, paying, voiding --

    def issue(self) -> None:
        invoice_id = self.invoice_id
        self._call(lambda core: core.billing.issue(invoice_id), self.tr("Issuing the invoice…"))

    def take_payment(self) -> FollowupDialog | None:
        from desktop.app.billing import PaymentMethod

        detail = self.detail
        if detail is None:
            return None
        invoice_id = self.invoice_id
        currency = detail.currency
        dialog = self._dialog(
            self.tr("Payment on invoice {number}").format(number=detail.number),
            self.tr("Take the payment"),
        )
        dialog.add_line(
            "amount",
            self.tr("&Amount received:"),
            text=typed_amount(self.ctx.core, detail.balance, currency),
            hint=self.tr("In {currency}. Still owed: {owed}.").format(
                currency=currency, owed=self.money(detail.balance)
            ),
        )
        methods = [m for m in PaymentMethod if m is not PaymentMethod.SCHEME]
        words = {m: _method_words(m) for m in methods}
        dialog.add_combo(
            "method", self.tr("&How:"), [(words[m], m) for m in methods], PaymentMethod.CASH
        )
        dialog.add_line(
            "reference",
            self.tr("&Reference:"),
            hint=self.tr("A mobile-money code or a cheque number, if there is one."),
        )

        def call(core: Any, v: dict[str, Any]) -> Any:
            amount = core.billing.parse_amount(v["amount"], currency)
            return core.billing.pay(invoice_id, amount, v["method"], reference=v["reference"])

        dialog.calls(call)
        dialog.succeeded.connect(lambda done: self.show_detail(done.value))
        dialog.open()
        return dialog

    def remove_payment(self) -> None:
        payment_id = selected(self.payments)
        detail = self.detail
        payment = (
            next((p for p in detail.payments if p.payment_id == payment_id), None)
            if detail
            else None
        )
        if payment is None:
            return
        question = self.tr(
            "Remove the payment of {amount} (receipt {receipt})? Only for a payment taken in "
            "error or refunded: its receipt number is never given again."
        ).format(amount=self.money(payment.amount), receipt=payment.receipt_number)

        def remove() -> None:
            self._call(
                lambda core: core.billing.remove_payment(payment.payment_id),
                self.tr("Removing the payment…"),
            )

        confirm(self, self.tr("Remove a payment"), question, remove)

    def void(self) -> FollowupDialog | None:
        detail = self.detail
        if detail is None:
            return None
        invoice_id = self.invoice_id
        dialog = self._dialog(
            self.tr("Void invoice {number}").format(number=detail.number or self.tr("(draft)")),
            self.tr("Void the invoice"),
        )
        dialog.add_text(
            "reason",
            self.tr("&Why:"),
            hint=self.tr("It keeps its number; nothing is owed on it any more."),
        )
        dialog.calls(lambda core, v: core.billing.void(invoice_id, v["reason"]))
        dialog.succeeded.connect(lambda done: self.show_detail(done.value))
        dialog.open()
        return dialog

    # -- printing --

    def printing_desk(self) -> FormsDesk:
        """The print preview's gateway for this screen (its print thread ends with it)."""
        if self.desk is None:
            from ui.forms_gateway import FormsDesk

            ctx = self.ctx
            self.desk = FormsDesk(lambda: ctx)
        return self.desk

    def _shut_printing(self, _result: int = 0) -> None:
        if self.desk is not None:
            self.desk.shutdown()
            self.desk = None

    def print_receipt(self) -> None:
        from desktop.app.printouts import InvoicePrint

        if self.detail is not None:
            self.printing_desk().preview(self, InvoicePrint(self.invoice_id))

    # -- claims --

    def make_claim(self) -> None:
        from ui.claim_screen import make_claim

        if self.detail is not None:
            make_claim(self.ctx, self, self.detail)

    def open_claim(self) -> QWidget | None:
        from ui.claim_screen import open_claim

        claim_id = selected(self.claims)
        if claim_id is None:
            return None
        screen = open_claim(self.ctx, self, claim_id, invoice_button=False)
        self.claim_opened.emit(screen)
        return screen


def _method_words(method: Any) -> str:
    from desktop.services.billing import METHOD_WORDS

    return localized(METHOD_WORDS[method])


class PricePicker(QDialog):
    """A line from the clinic's price list: type to narrow it (code, name or category), the
    quantity, Enter adds it."""

    succeeded = Signal(object)

    def __init__(self, ctx: ClinicContext, invoice_id: uuid.UUID, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.invoice_id = invoice_id
        self.prices: tuple[PriceRow, ...] = ()
        self.loaded = False
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Add from the price list"))
        self.setAccessibleName(self.windowTitle())
        self.filter = QLineEdit()
        self.filter.setObjectName("price_filter")
        self.filter.setPlaceholderText(self.tr("code, name or category"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self._show())
        self.filter.installEventFilter(self)
        self.list = table(
            "price_list",
            [self.tr("Code"), self.tr("Item"), self.tr("Category"), self.tr("Price")],
            1,
        )
        self.list.setAccessibleName(self.tr("Price list"))
        self.list.itemActivated.connect(lambda _item: self._submit())
        self.quantity = QSpinBox()
        self.quantity.setObjectName("price_quantity")
        self.quantity.setRange(1, 9999)
        self.error = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add to the invoice"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(buddy_label(self.tr("&Find:"), self.filter))
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(
            row(buddy_label(self.tr("&Quantity:"), self.quantity), self.quantity, None)
        )
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 460)
        self.filter.setFocus()
        ctx.ask(lambda core: core.billing.prices(), self._loaded)

    def _loaded(self, prices: tuple[PriceRow, ...] | None, error: BaseException | None) -> None:
        if not is_alive(self):
            return
        self.loaded = True
        if error is not None:
            self.error.show_message(error_text(error))
        self.prices = prices or ()
        self._show()

    def shown(self) -> list[PriceRow]:
        words = self.filter.text().strip().casefold().split()
        return [
            p
            for p in self.prices
            if all(w in f"{p.code} {p.name} {p.category}".casefold() for w in words)
        ]

    def _show(self) -> None:
        money = self.ctx.core.billing.format_amount
        found = self.shown()
        empty = (
            self.tr("Nothing on the price list matches.")
            if self.prices
            else self.tr(
                "The price list is empty: an administrator fills it in Settings → Billing."
            )
        )
        fill(
            self.list,
            [(p.item_id, [p.code, p.name, p.category, money(p.amount, p.currency)]) for p in found],
            empty if self.loaded else self.tr("Loading the price list…"),
            right=(3,),
        )
        if found:
            self.list.selectRow(0)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtGui import QKeyEvent

        if watched is self.filter and isinstance(event, QKeyEvent):
            from PySide6.QtCore import QEvent

            key = event.key()
            if event.type() == QEvent.Type.KeyPress and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                count = len(self.shown())
                if count:
                    step = 1 if key == Qt.Key.Key_Down else -1
                    self.list.selectRow(max(0, min(count - 1, self.list.currentRow() + step)))
                return True
        return super().eventFilter(watched, event)

    def _submit(self) -> None:
        item_id = selected(self.list)
        if item_id is None:
            self.error.show_message(self.tr("Choose an item of the price list."))
            return
        invoice_id, quantity = self.invoice_id, self.quantity.value()

        def done(result: Any) -> None:
            self.succeeded.emit(result)
            self.accept()

        def failed(error: BaseException) -> None:
            from desktop.errors import OutpostError

            if isinstance(error, OutpostError):
                self.error.show_message(error_text(error))
            else:
                show_error(self, error, logged=True)

        self.ok_button.setEnabled(False)
        self.ctx.call(
            self,
            lambda core: core.billing.add_line(invoice_id, price=item_id, quantity=quantity),
            label=self.tr("Adding the line…"),
        ).success(done).failure(failed).finished(lambda: self.ok_button.setEnabled(True)).run()


def open_invoice(
    ctx: ClinicContext,
    parent: QWidget | None,
    invoice_id: uuid.UUID,
    **_options: Any,
) -> InvoiceScreen:
    """The invoice's screen, raised when it is open already."""
    return raise_or_open(
        parent,
        InvoiceScreen,
        lambda w: w.invoice_id == invoice_id,
        lambda host: InvoiceScreen(ctx, invoice_id, host),
    )


def new_invoice(ctx: ClinicContext, parent: QWidget | None, patient_id: uuid.UUID) -> None:
    """A draft invoice for the patient in the clinic's currency, then its screen."""

    def opened(done: Any) -> None:
        open_invoice(ctx, parent, done.value.invoice_id)

    ctx.call(
        parent, lambda core: core.billing.create(patient_id), label=_tr("Starting an invoice…")
    ).success(opened).failure(lambda error: show_error(parent, error, logged=True)).run()
