"""One claim to a scheme for an invoice: the member, what is claimed, where it stands
(drafted → submitted → paid, or rejected with the scheme's reason → resubmitted; withdrawn),
the claim form printed.

Only the steps the spec's status machine allows from the claim's status are offered
(`claim_steps`), each asking for what it needs (the date; the amount the scheme paid and
its reference; the reason it was rejected); the core checks again (a claim is submitted
only with a diagnosis) and its refusals are shown in its words. A claim is made from the
invoice's screen (`make_claim`), through one of the patient's memberships.
"""

from __future__ import annotations

import functools
import itertools
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text, show_error
from ui.followup_dialogs import FollowupDialog
from ui.invoice_screen import typed_amount
from ui.language import localized
from ui.record_reads import OneRead
from ui.util import (
    confirm,
    format_date,
    heading,
    inform,
    is_alive,
    make_button,
    raise_or_open,
    row,
    with_colon,
)

if TYPE_CHECKING:
    from desktop.app.billing import ClaimDetail, ClaimStatus, InvoiceDetail, MembershipRef
    from desktop.changes import Changes
    from ui.context import ClinicContext
    from ui.forms_gateway import FormsDesk

WATCHED = ("claims", "invoices", "payments", "diagnoses", "coverage_memberships", "users")

STATUS_MARKS = {
    "drafted": "✎",
    "submitted": "→",
    "rejected": "✗",
    "resubmitted": "↻",
    "paid": "✓",
    "withdrawn": "⊘",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClaimScreen", text)


def claim_steps(status: ClaimStatus) -> tuple[ClaimStatus, ...]:
    """The steps a claim that is `status` may take next (the spec's status machine)."""
    from desktop.app.billing import ClaimStatus
    from desktop.records import kinds

    allowed = kinds.CLAIM_STATUS.transitions.get(status, frozenset())
    return tuple(step for step in ClaimStatus if step in allowed)


def step_label(step: str) -> str:
    return {
        "submitted": _tr("&Submit to the scheme…"),
        "resubmitted": _tr("Re&submit…"),
        "paid": _tr("Record &paid…"),
        "rejected": _tr("Record re&jected…"),
        "withdrawn": _tr("&Withdraw…"),
    }.get(step, step)


def membership_text(m: MembershipRef | None) -> str:
    if m is None:
        return _tr("(the membership was removed)")
    parts = [m.scheme_name, _tr("member no. {number}").format(number=m.member_number)]
    if m.holder_name:
        parts.append(_tr("through {holder}").format(holder=m.holder_name))
    if m.valid_until:
        parts.append(_tr("valid until {day}").format(day=format_date(m.valid_until)))
    return " · ".join(p for p in parts if p)


class ClaimScreen(QDialog):
    def __init__(
        self,
        ctx: ClinicContext,
        claim_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        invoice_button: bool = True,
    ) -> None:
        super().__init__(parent)
        from desktop.app.billing import ClaimStatus
        from desktop.permissions import Permission

        self.ctx = ctx
        self.claim_id = claim_id
        self.detail: ClaimDetail | None = None
        self.error: BaseException | None = None
        self.loads = 0
        self.desk: FormsDesk | None = None
        self._reads: OneRead[ClaimDetail] = OneRead(self, ctx, self._loaded, self.refresh)
        self._may = ctx.can(Permission.MANAGE_BILLING)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Claim"))
        self.setAccessibleName(self.windowTitle())

        self.title = heading(self.tr("Loading…"))
        self.title.setObjectName("claim_title")
        self.summary = QLabel()
        self.summary.setObjectName("claim_summary")
        self.summary.setWordWrap(True)
        self.details = QFormLayout()
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status = QLabel()
        self.status.setObjectName("claim_status")
        self.status.setWordWrap(True)
        self.step_buttons: dict[ClaimStatus, QPushButton] = {}
        for step in ClaimStatus:
            if step is ClaimStatus.DRAFTED:
                continue  # where a claim starts, never a step
            button = make_button(step_label(step.value), functools.partial(self.take_step, step))
            button.setObjectName(f"claim_step_{step.value}")
            button.hide()
            self.step_buttons[step] = button
        self.print_button = make_button(self.tr("Print the claim &form…"), self.print_form)
        self.print_button.setObjectName("claim_print")
        self.invoice_button = make_button(self.tr("Open the &invoice"), self.open_invoice)
        self.invoice_button.setObjectName("claim_open_invoice")
        self.invoice_button.setVisible(invoice_button)
        self.close_button = make_button(self.tr("Clos&e"), self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(self.details)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addLayout(row(*self.step_buttons.values(), None))
        layout.addLayout(row(self.print_button, self.invoice_button, None, self.close_button))
        order = [
            *self.step_buttons.values(),
            self.print_button,
            self.invoice_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.resize(760, 520)
        self.finished.connect(self._shut_printing)
        ctx.changes.changed.connect(self._on_changes)
        self._sync()
        self.refresh()

    # -- loading --

    def refresh(self) -> None:
        claim_id = self.claim_id
        self._reads.start(lambda core: core.claims.show(claim_id))

    def _loaded(self, detail: ClaimDetail | None, error: BaseException | None) -> None:
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
        if self.detail is None or changes.touches_patient(self.detail.line.patient_id):
            self.refresh()

    # -- drawing --

    def money(self, minor: int) -> str:
        currency = self.detail.line.currency if self.detail is not None else ""
        return self.ctx.core.billing.format_amount(minor, currency)

    def show_detail(self, detail: ClaimDetail) -> None:
        self.detail = detail
        self.loads += 1
        line = detail.line
        scheme = line.membership.scheme_name if line.membership else self.tr("a scheme")
        self.title.setText(
            self.tr("Claim to {scheme}: {patient}").format(scheme=scheme, patient=line.patient_name)
        )
        self.setWindowTitle(self.tr("Claim: {patient}").format(patient=line.patient_name))
        mark = STATUS_MARKS.get(line.status.value, "")
        parts = [f"{mark} {localized(line.status_words)}".strip(), self.money(line.amount)]
        if line.status.value == "rejected" and line.rejection_reason:
            parts.append(self.tr("rejected because: {why}").format(why=line.rejection_reason))
        self.summary.setText("   ·   ".join(parts))
        self._fill_details(detail)
        self._sync()

    def _fill_details(self, detail: ClaimDetail) -> None:
        form = self.details
        while form.rowCount():
            form.removeRow(0)
        line, invoice = detail.line, detail.invoice
        diagnoses = "; ".join(f"{d.code} {d.title}" for d in invoice.diagnoses)
        paid = self.money(line.paid_amount) if line.paid_amount is not None else ""
        rows: list[tuple[str, str, str]] = [
            (
                "patient",
                self.tr("Patient"),
                " · ".join(p for p in (line.patient_name, line.clinic_number) if p),
            ),
            ("membership", self.tr("Membership"), membership_text(line.membership)),
            (
                "invoice",
                self.tr("Invoice"),
                self.tr("{number}: total {total}, still owed {owed}").format(
                    number=line.invoice_number or self.tr("(draft)"),
                    total=self.money(invoice.total),
                    owed=self.money(invoice.balance),
                ),
            ),
            (
                "diagnoses",
                self.tr("Diagnoses"),
                diagnoses or self.tr("none yet: code one on the invoice before submitting"),
            ),
            ("amount", self.tr("Claimed"), self.money(line.amount)),
            ("created_on", self.tr("Drafted"), format_date(line.created_on)),
            (
                "submitted_on",
                self.tr("Submitted"),
                " · ".join(
                    p for p in (format_date(line.submitted_on), line.submitted_by or "") if p
                )
                if line.submitted_on
                else "",
            ),
            ("decided_on", self.tr("Decided"), format_date(line.decided_on)),
            ("paid_amount", self.tr("Paid by the scheme"), paid),
            ("rejection_reason", self.tr("Rejected because"), line.rejection_reason),
            ("reference", self.tr("The scheme's reference"), line.reference),
            ("notes", self.tr("Notes"), line.notes),
        ]
        for name, title, value in rows:
            if not value and name not in ("patient", "membership", "invoice", "diagnoses"):
                continue
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setObjectName(f"claim_{name}")
            label.setAccessibleName(title)
            form.addRow(with_colon(title), label)

    def _sync(self) -> None:
        detail = self.detail
        steps = claim_steps(detail.status) if detail is not None else ()
        for step, button in self.step_buttons.items():
            button.setVisible(self._may and step in steps)
        self.print_button.setEnabled(detail is not None)
        self.invoice_button.setEnabled(detail is not None)

    # -- the steps --

    def offered_steps(self) -> list[ClaimStatus]:
        return [s for s, b in self.step_buttons.items() if b.isVisibleTo(self)]

    def take_step(self, step: ClaimStatus) -> QWidget | None:
        from desktop.app.billing import ClaimStatus as S

        detail = self.detail
        if detail is None or step not in self.offered_steps():
            return None
        claim_id = self.claim_id
        line = detail.line
        if step is S.WITHDRAWN:
            return confirm(
                self,
                self.tr("Withdraw the claim"),
                self.tr(
                    "Withdraw the claim of {amount} to {scheme}? It cannot be taken up again."
                ).format(
                    amount=self.money(line.amount),
                    scheme=line.membership.scheme_name if line.membership else "",
                ),
                lambda: self._call(lambda core: core.claims.move(claim_id, S.WITHDRAWN)),
                destructive=True,
            )
        today = self.ctx.today()
        title = self.tr("{step}: {patient}").format(
            step=step_label(step.value).replace("&", "").rstrip("…"), patient=line.patient_name
        )
        dialog = FollowupDialog(self.ctx, self, title, ok_text=self.tr("Save"))
        currency = line.currency
        call: Callable[[Any, dict[str, Any]], Any]
        if step in (S.SUBMITTED, S.RESUBMITTED):
            if step is S.RESUBMITTED:
                dialog.add_line(
                    "amount",
                    self.tr("&Amount claimed:"),
                    text=typed_amount(self.ctx.core, line.amount, currency),
                    hint=self.tr("Corrected if the scheme asked for it."),
                )
            dialog.add_date("on", self.tr("&Submitted on:"), latest=today)

            def call(core: Any, v: dict[str, Any]) -> Any:
                if "amount" in v:
                    amount = core.billing.parse_amount(v["amount"], currency)
                    if amount != line.amount:
                        core.claims.edit(claim_id, amount=amount)
                return core.claims.move(claim_id, step, on=v["on"])

        elif step is S.PAID:
            dialog.add_line(
                "paid_amount",
                self.tr("&Amount the scheme paid:"),
                text=typed_amount(self.ctx.core, line.amount, currency),
                hint=self.tr(
                    "In {currency}: recorded as the scheme's payment on the invoice."
                ).format(currency=currency),
            )
            dialog.add_line("reference", self.tr("The scheme's &reference:"), text=line.reference)
            dialog.add_date("on", self.tr("Paid &on:"), latest=today)

            def call(core: Any, v: dict[str, Any]) -> Any:
                return core.claims.move(
                    claim_id,
                    S.PAID,
                    on=v["on"],
                    paid_amount=core.billing.parse_amount(v["paid_amount"], currency),
                    reference=v["reference"] or None,
                )

        else:  # rejected: why, in the scheme's words
            dialog.add_text(
                "reason",
                self.tr("&Why the scheme rejected it:"),
                hint=self.tr("What to correct before resubmitting."),
            )
            dialog.add_date("on", self.tr("Rejected &on:"), latest=today)

            def call(core: Any, v: dict[str, Any]) -> Any:
                return core.claims.move(claim_id, S.REJECTED, on=v["on"], reason=v["reason"])

        dialog.calls(call)
        dialog.succeeded.connect(self._done)
        dialog.open()
        return dialog

    def _call(self, work: Callable[[Any], Any]) -> None:
        self.ctx.call(self, work, label=self.windowTitle()).success(self._done).failure(
            lambda error: show_error(self, error, logged=True)
        ).run()

    def _done(self, done: Any) -> None:
        from desktop.app.billing import ClaimDetail

        if is_alive(self) and isinstance(getattr(done, "value", None), ClaimDetail):
            self.show_detail(done.value)

    # -- printing, the invoice --

    def printing_desk(self) -> FormsDesk:
        if self.desk is None:
            from ui.forms_gateway import FormsDesk

            ctx = self.ctx
            self.desk = FormsDesk(lambda: ctx)
        return self.desk

    def _shut_printing(self, _result: int = 0) -> None:
        if self.desk is not None:
            self.desk.shutdown()
            self.desk = None

    def print_form(self) -> None:
        from desktop.app.printouts import ClaimPrint

        if self.detail is not None:
            self.printing_desk().preview(self, ClaimPrint(self.claim_id))

    def open_invoice(self) -> QWidget | None:
        from ui.invoice_screen import open_invoice

        if self.detail is None:
            return None
        return open_invoice(self.ctx, self.parentWidget() or self, self.detail.line.invoice_id)


def open_claim(
    ctx: ClinicContext,
    parent: QWidget | None,
    claim_id: uuid.UUID,
    *,
    invoice_button: bool = True,
    **_options: Any,
) -> ClaimScreen:
    """The claim's screen, raised when it is open already."""
    return raise_or_open(
        parent,
        ClaimScreen,
        lambda w: w.claim_id == claim_id,
        lambda host: ClaimScreen(ctx, claim_id, host, invoice_button=invoice_button),
    )


def make_claim(ctx: ClinicContext, parent: QWidget, invoice: InvoiceDetail) -> None:
    """A claim for the invoice through one of the patient's memberships (read first), then
    its screen."""
    patient_id = invoice.summary.patient_id

    def ask(memberships: tuple[MembershipRef, ...]) -> None:
        if not is_alive(parent):
            return
        if not memberships:
            inform(
                parent,
                _tr("Make a claim"),
                _tr(
                    "{patient} has no membership of a scheme: add one on the record's Coverage "
                    "tab first."
                ).format(patient=invoice.summary.patient_name),
            )
            return
        claim_dialog(ctx, parent, invoice, memberships).open()

    ctx.call(parent, lambda core: core.claims.memberships(patient_id)).success(ask).failure(
        lambda error: show_error(parent, error, logged=True)
    ).run()


def claim_dialog(
    ctx: ClinicContext,
    parent: QWidget,
    invoice: InvoiceDetail,
    memberships: tuple[MembershipRef, ...],
) -> FollowupDialog:
    invoice_id = invoice.invoice_id
    currency = invoice.currency
    money = ctx.core.billing.format_amount
    dialog = FollowupDialog(
        ctx,
        parent,
        _tr("Claim for invoice {number}").format(number=invoice.number),
        ok_text=_tr("Draft the claim"),
    )
    dialog.add_combo(
        "membership_id",
        _tr("&Through:"),
        [(membership_text(m), m.membership_id) for m in memberships],
        memberships[0].membership_id,
    )
    dialog.add_line(
        "amount",
        _tr("&Amount claimed:"),
        text=typed_amount(ctx.core, invoice.balance or invoice.total, currency),
        hint=_tr("In {currency}. Still owed on the invoice: {owed}.").format(
            currency=currency, owed=money(invoice.balance, currency)
        ),
    )
    dialog.add_text("notes", _tr("&Notes:"), lines=2)

    def call(core: Any, v: dict[str, Any]) -> Any:
        return core.claims.add(
            invoice_id,
            membership_id=v["membership_id"],
            amount=core.billing.parse_amount(v["amount"], currency),
            notes=v["notes"],
        )

    dialog.calls(call)
    dialog.succeeded.connect(
        lambda done: open_claim(ctx, parent, done.value.claim_id, invoice_button=False)
    )
    return dialog
