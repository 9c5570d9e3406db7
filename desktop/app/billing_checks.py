"""Bills two laptops made wrong together, put on the "needs attention" list after a sync.

Each laptop checks what it knew (a draft's lines, the balance owed, a claim's status), but
records merge field by field (desktop.app.remote), so two sound edits can meet as an unsound
bill, and nobody would be told:
- a line added, changed or removed on a laptop still holding the draft while another laptop
  issued it: the issued total stands (`Invoice.issued_total`, what the paper says), and a
  person sorts out what the patient owes (LINES_AFTER_ISSUE);
- an invoice voided on one laptop while the other took a payment or made a claim on it: the
  money is refunded or the claim withdrawn (VOID_WITH_MONEY);
- an invoice paid beyond its total (each laptop took the whole amount), or with two claims a
  scheme may both pay (OVERPAID, TWO_CLAIMS);
- a scheme's payment whose claim is no longer paid (paid on one laptop, withdrawn on the
  other): the payment stays until a person settles it (SCHEME_UNPAID).

Like the double-booking judgement, these are read after the changes were applied, for the
invoices the applied changes touched (a few indexed reads each), and each item says in
words what is wrong: the invoice's number, the patient and what changed. An item about the
same thing in the same words, open or marked seen, is not added again.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import money
from desktop.messages import Message, msg
from desktop.records import list_live
from desktop.records.kinds import CLAIMS
from desktop.services import billing as billsvc
from desktop.store.models import (
    Claim,
    ClaimStatus,
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    NeedsAttention,
    Patient,
    Payment,
    PaymentMethod,
)

if TYPE_CHECKING:
    from desktop.app.remote import RemoteChange

LINES_AFTER_ISSUE = "invoice_lines_after_issue"
VOID_WITH_MONEY = "void_invoice_with_money"
OVERPAID = "invoice_overpaid"
TWO_CLAIMS = "invoice_two_claims"
SCHEME_UNPAID = "scheme_payment_claim_unpaid"
REASONS = (LINES_AFTER_ISSUE, VOID_WITH_MONEY, OVERPAID, TWO_CLAIMS, SCHEME_UNPAID)

# Claims that may still bring the scheme's money (a withdrawn one never will).
_LIVE_CLAIMS = tuple(s for s in ClaimStatus if s is not ClaimStatus.WITHDRAWN)
# The kinds that point at an invoice: a change to one may leave its invoice wrong.
_BY_INVOICE: dict[str, Any] = {"invoice_lines": InvoiceLine, "payments": Payment, "claims": Claim}


def check(session: Session, changes: Sequence[RemoteChange], touched: list[Any]) -> int:
    """The needs-attention items the applied `changes` call for; how many were added."""
    invoice_ids = {c.entity_id for c in changes if c.entity == "invoices"}
    owner: dict[uuid.UUID, uuid.UUID] = {}  # line, payment or claim id -> its invoice's
    for entity, model in _BY_INVOICE.items():
        ids = sorted({c.entity_id for c in changes if c.entity == entity})
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found = session.execute(select(model.id, model.invoice_id).where(model.id.in_(chunk)))
            owner.update((row_id, invoice_id) for row_id, invoice_id in found)
    invoice_ids.update(owner.values())
    line_changes: dict[uuid.UUID, list[RemoteChange]] = {}
    for change in changes:
        if change.entity == "invoice_lines" and change.entity_id in owner:
            line_changes.setdefault(owner[change.entity_id], []).append(change)
    if not invoice_ids:
        return 0
    invoices = {
        i.id: i
        for i in session.scalars(
            select(Invoice).where(Invoice.id.in_(invoice_ids), Invoice.deleted.is_(False))
        )
    }
    invoices = {k: v for k, v in invoices.items() if v.status is not InvoiceStatus.DRAFT}
    if not invoices:
        return 0
    names = {
        p.id: p.full_name
        for p in session.scalars(
            select(Patient).where(Patient.id.in_({i.patient_id for i in invoices.values()}))
        )
    }
    sums = billsvc.totals(session, list(invoices))
    added = 0
    for invoice in invoices.values():
        flag = _Flagger(session, invoice, names.get(invoice.patient_id, ""), touched)
        got = sums[invoice.id]
        added += _lines_after_issue(flag, invoice, got, line_changes.get(invoice.id, []))
        added += _money_crossed(session, flag, invoice, got)
    return added


class _Flagger:
    """Writes the items about one invoice: never twice the same words, open or marked seen
    (a later sync touching the invoice again asks again only when the amounts changed)."""

    def __init__(self, session: Session, invoice: Invoice, patient: str, touched: list[Any]):
        self.session = session
        self.invoice = invoice
        self.patient = patient
        self.touched = touched

    def money(self, amount: int) -> str:
        cur = self.invoice.currency
        return f"{money.plain_amount(amount, cur)} {cur}"

    def add(self, reason: str, says: Message, **facts: Any) -> int:
        invoice = self.invoice
        for item in self.session.scalars(
            select(NeedsAttention).where(
                NeedsAttention.entity_id == invoice.id,
                NeedsAttention.reason == reason,
            )
        ):
            if (item.remote_value or {}).get("says") == str(says):
                return 0
        value = {
            "id": str(invoice.id),
            "number": invoice.number,
            "patient": self.patient,
            "says": str(says),
            **facts,
        }
        item = NeedsAttention(
            clinic_id=invoice.clinic_id,
            entity="invoices",
            entity_id=invoice.id,
            patient_id=invoice.patient_id,
            field=None,
            reason=reason,
            local_value=value,
            local_hlc=None,
            remote_value=value,
            remote_hlc=invoice.hlc or None,
        )
        self.session.add(item)
        self.touched.append(item)
        return 1


def _line_words(flag: _Flagger, change: RemoteChange) -> Message:
    line = flag.session.scalar(select(InvoiceLine).where(InvoiceLine.id == change.entity_id))
    if line is None:
        return msg("a line")
    what = msg(
        "{description} ({quantity} × {amount})",
        description=line.description,
        quantity=line.quantity,
        amount=flag.money(line.unit_amount),
    )
    removed = change.op == "delete" or (change.patch.get("deleted") or {}).get("v") is True
    if removed or line.deleted:
        return msg("line {what} removed", what=what)
    if change.op == "insert":
        return msg("line {what} added", what=what)
    return msg("line {what} changed", what=what)


def _lines_after_issue(
    flag: _Flagger, invoice: Invoice, got: billsvc.Totals, changes: Sequence[RemoteChange]
) -> int:
    """Lines changed on a laptop still holding the draft, once the issue and they met."""
    issued = invoice.issued_total
    if issued is None:
        return 0
    stamp = (invoice.field_hlcs or {}).get("issued_total") or ""
    added = 0
    differ = got.lines_total != issued
    for change in changes:
        # A line made before the issue on the laptop that issued it comes with the same
        # total; one stamped after the issue was changed after it, whatever its amount.
        if not differ and not (stamp and change.hlc > stamp):
            continue
        added += flag.add(
            LINES_AFTER_ISSUE,
            msg(
                "Invoice {number} ({patient}): {what} on another laptop after it was issued. "
                "It stays at {issued} as issued; its lines now come to {lines}. Check what "
                "the patient owes: void it and make a new invoice if the charge was wrong.",
                number=invoice.number,
                patient=flag.patient,
                what=_line_words(flag, change),
                issued=flag.money(issued),
                lines=flag.money(got.lines_total),
            ),
            issued_total=issued,
            lines_total=got.lines_total,
            line_id=str(change.entity_id),
        )
    if differ and not changes:
        # The issue arrived here, where the draft's lines were changed meanwhile.
        added += flag.add(
            LINES_AFTER_ISSUE,
            msg(
                "Invoice {number} ({patient}) was issued on another laptop for {issued}, but "
                "its lines here come to {lines}: a line was added, changed or removed on this "
                "laptop after it was issued. It stays at {issued}; check what the patient "
                "owes, and void it and make a new invoice if the charge was wrong.",
                number=invoice.number,
                patient=flag.patient,
                issued=flag.money(issued),
                lines=flag.money(got.lines_total),
            ),
            issued_total=issued,
            lines_total=got.lines_total,
        )
    return added


def _money_crossed(session: Session, flag: _Flagger, invoice: Invoice, got: billsvc.Totals) -> int:
    payments = billsvc.payments_of(session, invoice.id)
    claims = list(list_live(session, CLAIMS, Claim.invoice_id == invoice.id))
    live_claims = [c for c in claims if c.status in _LIVE_CLAIMS]
    added = 0
    if billsvc.is_void(invoice):
        if payments or any(c.status in billsvc.OPEN_CLAIMS for c in claims):
            added += flag.add(
                VOID_WITH_MONEY,
                msg(
                    "Invoice {number} ({patient}) was voided on one laptop while another took "
                    "{paid} on it or claimed it from a scheme: refund the patient (remove the "
                    "payments) and withdraw the claim, or, if the void was the mistake, make "
                    "a new invoice for the visit and take the payment there.",
                    number=invoice.number,
                    patient=flag.patient,
                    paid=flag.money(got.paid),
                ),
                paid=got.paid,
                claims=len(live_claims),
            )
        return added
    if got.credit > 0:
        added += flag.add(
            OVERPAID,
            msg(
                "Invoice {number} ({patient}) was paid {paid} on two laptops, {credit} more "
                "than its total of {total}: refund the difference (remove the payment taken "
                "twice).",
                number=invoice.number,
                patient=flag.patient,
                paid=flag.money(got.paid),
                credit=flag.money(got.credit),
                total=flag.money(got.total),
            ),
            paid=got.paid,
            total=got.total,
        )
    if len(live_claims) > 1:
        added += flag.add(
            TWO_CLAIMS,
            msg(
                "Invoice {number} ({patient}) has {n} claims, made on two laptops: a scheme "
                "pays one claim per invoice. Withdraw the one made twice.",
                number=invoice.number,
                patient=flag.patient,
                n=len(live_claims),
            ),
            claims=len(live_claims),
        )
    by_id = {c.id: c for c in claims}
    for payment in payments:
        if payment.method is not PaymentMethod.SCHEME:
            continue
        claim = by_id.get(payment.claim_id) if payment.claim_id else None
        if claim is None or claim.status is not ClaimStatus.PAID:
            added += flag.add(
                SCHEME_UNPAID,
                msg(
                    "Invoice {number} ({patient}): the scheme's payment {receipt} of {amount} "
                    "stands for a claim that is no longer paid (paid on one laptop, changed on "
                    "another). Remove the payment; if the scheme did pay, claim again and "
                    "mark the new claim paid.",
                    number=invoice.number,
                    patient=flag.patient,
                    receipt=payment.receipt_number,
                    amount=flag.money(payment.amount),
                ),
                payment_id=str(payment.id),
            )
    return added
