"""Claims to a scheme or insurer for an invoice, through the patient's membership, tracked
until the scheme pays.

The record kind is declared in `desktop.records.kinds` (CLAIMS); its status machine:
drafted → submitted → paid, or rejected (with the scheme's reason) → resubmitted → paid or
rejected again; withdrawn from any open step. This module holds what each step needs:
- submitted / resubmitted: at least one ICD-10 diagnosis on the invoice (schemes refuse a
  claim without one), the date (today by default), the scheme's reference when it gave one;
- rejected: the scheme's reason, in words;
- paid: the amount the scheme paid (at most what was claimed), recorded as a payment of
  method SCHEME on the invoice, linked to the claim, with a receipt number.

The membership (`coverage_memberships`) is read directly: it must be the invoice's patient's
and not ended by the clinic.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from desktop import money
from desktop.errors import Conflict, InvalidInput
from desktop.messages import Message, msg
from desktop.permissions import Actor, Permission
from desktop.records import get_live, kinds, list_live
from desktop.services import billing
from desktop.store.models import (
    Claim,
    ClaimStatus,
    CoverageMembership,
    CoverageScheme,
    InvoiceStatus,
    PaymentMethod,
)

S = ClaimStatus
# A claim still in the scheme's hands or the clinic's (one at a time per invoice).
OPEN = (S.DRAFTED, S.SUBMITTED, S.REJECTED, S.RESUBMITTED)
ENDED = (S.PAID, S.WITHDRAWN)


def _text(value: str | None, what: Message, field: str, limit: int) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise InvalidInput(
            msg("{what} is too long ({n} characters at most).", what=what, n=limit), field=field
        )
    return cleaned


def get_claim(session: Session, claim_id: uuid.UUID) -> Claim:
    claim: Claim = get_live(session, kinds.CLAIMS, claim_id)
    return claim


def get_membership(session: Session, membership_id: uuid.UUID) -> CoverageMembership:
    found: CoverageMembership = get_live(session, kinds.COVERAGE_MEMBERSHIPS, membership_id)
    return found


def get_scheme(session: Session, scheme_id: uuid.UUID) -> CoverageScheme:
    found: CoverageScheme = get_live(session, kinds.COVERAGE_SCHEMES, scheme_id)
    return found


def memberships_of(session: Session, patient_id: uuid.UUID) -> list[CoverageMembership]:
    """The patient's memberships the clinic has not ended."""
    return list(
        list_live(
            session,
            kinds.COVERAGE_MEMBERSHIPS,
            CoverageMembership.patient_id == patient_id,
            CoverageMembership.active.is_(True),
            order_by=(CoverageMembership.created_at,),
        )
    )


def claims_of(session: Session, invoice_id: uuid.UUID) -> list[Claim]:
    return list(
        list_live(
            session, kinds.CLAIMS, Claim.invoice_id == invoice_id, order_by=(Claim.created_at,)
        )
    )


def _day(on: dt.date | None, today: dt.date, what: Message, field: str) -> dt.date:
    on = on or today
    if on > today:
        raise InvalidInput(msg("{what} cannot be in the future.", what=what), field=field)
    return on


def add(
    session: Session,
    actor: Actor,
    *,
    invoice_id: uuid.UUID,
    membership_id: uuid.UUID | None = None,
    amount: int | None = None,
    today: dt.date,
    notes: str = "",
) -> Claim:
    """A claim drafted for an issued invoice, through the patient's membership (the only one
    when `membership_id` is not given), for `amount` (default: what is still owed)."""
    actor.require(Permission.MANAGE_BILLING)
    invoice = billing.get_invoice(session, invoice_id)
    if invoice.status is InvoiceStatus.DRAFT:
        raise Conflict(msg("Issue the invoice before claiming it from a scheme."))
    if billing.is_void(invoice):
        raise Conflict(
            msg("Invoice {number} is void: there is nothing to claim.", number=invoice.number)
        )
    if membership_id is None:
        held = memberships_of(session, invoice.patient_id)
        if len(held) != 1:
            raise InvalidInput(
                msg("The patient has no coverage membership: record one first.")
                if not held
                else msg(
                    "The patient has {n} memberships: choose the one to claim through.", n=len(held)
                ),
                field="membership_id",
            )
        membership = held[0]
    else:
        membership = get_membership(session, membership_id)
    if membership.patient_id != invoice.patient_id:
        raise InvalidInput(
            msg("That membership is another patient's, not this invoice's."),
            field="membership_id",
        )
    if not membership.active:
        raise Conflict(msg("That membership was ended by the clinic: it cannot be claimed on."))
    if membership.valid_until is not None and membership.valid_until < (invoice.issued_on or today):
        raise Conflict(
            msg(
                "Membership {number} ended on {day}, before the visit was billed.",
                number=membership.member_number,
                day=membership.valid_until.isoformat(),
            )
        )
    same = [c for c in claims_of(session, invoice.id) if c.status in OPEN]
    if same:
        raise Conflict(
            msg(
                "Invoice {number} has an open claim already ({status}): follow that one up.",
                number=invoice.number,
                status=kinds.CLAIM_STATUS.word(same[0].status),
            )
        )
    owed = billing.totals_of(session, invoice.id).balance
    wanted = owed if amount is None else amount
    if isinstance(wanted, bool) or not isinstance(wanted, int) or wanted < 1:
        raise InvalidInput(
            msg(
                "Nothing is owed on invoice {number}: there is nothing to claim.",
                number=invoice.number,
            )
            if amount is None
            else msg("A claim is for an amount more than nothing."),
            field="amount",
        )
    if wanted > owed:
        cur = invoice.currency
        raise InvalidInput(
            msg(
                "{claimed} is more than the {owed} still owed on invoice {number}.",
                claimed=f"{money.plain_amount(wanted, cur)} {cur}",
                owed=f"{money.plain_amount(owed, cur)} {cur}",
                number=invoice.number,
            ),
            field="amount",
        )
    claim = Claim(
        clinic_id=actor.clinic_id,
        invoice_id=invoice.id,
        patient_id=invoice.patient_id,
        membership_id=membership.id,
        amount=wanted,
        status=S.DRAFTED,
        notes=_text(notes, msg("The note"), "notes", 4000),
    )
    session.add(claim)
    session.flush()
    return claim


def edit(
    session: Session,
    actor: Actor,
    claim_id: uuid.UUID,
    *,
    amount: int | None = None,
    reference: str | None = None,
    notes: str | None = None,
) -> Claim:
    """Change what the claim says; the amount only before the scheme has it (drafted, or
    rejected and being corrected)."""
    actor.require(Permission.MANAGE_BILLING)
    claim = get_claim(session, claim_id)
    if claim.status in ENDED:
        raise Conflict(
            msg(
                "A claim that is {status} is not changed any more.",
                status=kinds.CLAIM_STATUS.word(claim.status),
            )
        )
    if amount is not None:
        if claim.status not in (S.DRAFTED, S.REJECTED):
            raise Conflict(msg("The scheme has the claim: its amount no longer changes."))
        invoice = billing.get_invoice(session, claim.invoice_id)
        owed = billing.totals_of(session, invoice.id).balance
        if isinstance(amount, bool) or not isinstance(amount, int) or not 1 <= amount <= owed:
            raise InvalidInput(
                msg(
                    "A claim is for more than nothing and at most the {owed} still owed.",
                    owed=f"{money.plain_amount(owed, invoice.currency)} {invoice.currency}",
                ),
                field="amount",
            )
        claim.amount = amount
    if reference is not None:
        claim.reference = _text(reference, msg("The reference"), "reference", 100)
    if notes is not None:
        claim.notes = _text(notes, msg("The note"), "notes", 4000)
    session.flush()
    return claim


def move(
    session: Session,
    actor: Actor,
    claim_id: uuid.UUID,
    to: ClaimStatus,
    *,
    today: dt.date,
    now: dt.datetime,
    on: dt.date | None = None,
    reason: str | None = None,
    paid_amount: int | None = None,
    reference: str | None = None,
    device_id: uuid.UUID | None = None,
) -> Claim:
    """The claim's next step, with what that step needs (see the module's docstring)."""
    actor.require(Permission.MANAGE_BILLING)
    claim = get_claim(session, claim_id)
    kinds.CLAIMS.check_transition(claim.status, to)
    if reference is not None:
        claim.reference = _text(reference, msg("The reference"), "reference", 100)
    if to in (S.SUBMITTED, S.RESUBMITTED):
        if not billing.diagnoses_of(session, claim.invoice_id):
            raise InvalidInput(
                msg(
                    "A claim cannot be submitted without a diagnosis: schemes refuse claims "
                    "with no ICD-10 code. Add the visit's diagnosis to the invoice first."
                ),
                field="diagnosis",
            )
        claim.submitted_on = _day(on, today, msg("The date it was submitted"), "submitted_on")
        claim.submitted_by = actor.user_id
    elif to is S.REJECTED:
        why = _text(reason, msg("The reason"), "rejection_reason", 2000)
        if not why:
            raise InvalidInput(
                msg("Say why the scheme rejected the claim (its words)."),
                field="rejection_reason",
            )
        claim.rejection_reason = why
        claim.decided_on = _decided(claim, on, today)
    elif to is S.PAID:
        _paid(session, actor, claim, paid_amount, now=now, device_id=device_id)
        claim.decided_on = _decided(claim, on, today)
    claim.status = to
    session.flush()
    return claim


def _decided(claim: Claim, on: dt.date | None, today: dt.date) -> dt.date:
    decided = _day(on, today, msg("The date of the scheme's answer"), "decided_on")
    if claim.submitted_on is not None and decided < claim.submitted_on:
        raise InvalidInput(
            msg("The scheme cannot answer before the claim was submitted."), field="decided_on"
        )
    return decided


def _paid(
    session: Session,
    actor: Actor,
    claim: Claim,
    paid_amount: int | None,
    *,
    now: dt.datetime,
    device_id: uuid.UUID | None,
) -> None:
    invoice = billing.get_invoice(session, claim.invoice_id)
    cur = invoice.currency
    wanted = claim.amount if paid_amount is None else paid_amount
    if isinstance(wanted, bool) or not isinstance(wanted, int) or wanted < 1:
        raise InvalidInput(
            msg("Give what the scheme paid (more than nothing; a refusal is a rejection)."),
            field="paid_amount",
        )
    if wanted > claim.amount:
        raise InvalidInput(
            msg(
                "The scheme paid {paid}, more than the {claimed} claimed: check the amount.",
                paid=f"{money.plain_amount(wanted, cur)} {cur}",
                claimed=f"{money.plain_amount(claim.amount, cur)} {cur}",
            ),
            field="paid_amount",
        )
    claim.paid_amount = wanted
    billing.pay(
        session,
        actor,
        invoice.id,
        amount=wanted,
        method=PaymentMethod.SCHEME,
        now=now,
        reference=claim.reference,
        claim_id=claim.id,
        device_id=device_id,
    )
