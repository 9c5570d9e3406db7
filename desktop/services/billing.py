"""Billing a visit: the clinic's price list, invoices and their lines, the visit's diagnoses
coded in ICD-10, and payments with their receipts.

The record kinds are declared in `desktop.records.kinds` (PRICE_ITEMS, INVOICES,
INVOICE_LINES, DIAGNOSES, PAYMENTS). Money is a whole number of the currency's minor units
(`desktop.money`), in the currency the invoice was made in (the clinic's at the time).

An invoice's life: drafted (lines added, changed, removed) → issued (its number given by this
laptop, its lines fixed) → paid once payments cover it; void instead of changed when it was
issued in error. Whether an issued invoice is paid is worked out from its live payments
(`effective_status`), not only from the stored status: two laptops offline may each take part
of a payment, or one may remove a payment made in error, and every laptop must then read the
same balance and the same status after sync.

Numbers: invoices ``KHP-QX-INV0001`` and receipts ``KHP-QX-RCT0001``, from the series of the
laptop that issues them (`clinic_numbers.next_in_series`, as clinic numbers), so laptops
never ask each other and never issue the same number offline.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from desktop import money
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.messages import Message, msg
from desktop.permissions import Actor, Permission
from desktop.records import get_live, kinds, list_live
from desktop.services import clinic_numbers, icd10
from desktop.services.clinic import get_clinic
from desktop.store.models import (
    Appointment,
    Claim,
    ClaimStatus,
    Diagnosis,
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    Payment,
    PaymentMethod,
    PriceItem,
)

S = InvoiceStatus
INVOICE_SERIES = ("invoice_number_next", "-INV")
RECEIPT_SERIES = ("receipt_number_next", "-RCT")
MAX_QUANTITY = 10_000

METHOD_WORDS: dict[PaymentMethod, Message] = {
    PaymentMethod.CASH: msg("cash"),
    PaymentMethod.MOBILE_MONEY: msg("mobile money"),
    PaymentMethod.CARD: msg("card"),
    PaymentMethod.BANK: msg("bank transfer"),
    PaymentMethod.SCHEME: msg("paid by the scheme"),
    PaymentMethod.WAIVED: msg("waived by the clinic"),
}
# Claims that hold an invoice: while one is open a void would leave a scheme paying for
# nothing (a rejected one may still be resubmitted).
OPEN_CLAIMS = (ClaimStatus.SUBMITTED, ClaimStatus.RESUBMITTED, ClaimStatus.PAID)


def _text(value: str | None, what: Message, field: str, limit: int) -> str:
    cleaned = " ".join((value or "").split()) if limit <= 200 else (value or "").strip()
    if len(cleaned) > limit:
        raise InvalidInput(
            msg("{what} is too long ({n} characters at most).", what=what, n=limit), field=field
        )
    return cleaned


def clinic_currency(session: Session) -> str:
    """The clinic's currency, or InvalidInput saying how to set it (no bill without one)."""
    currency = get_clinic(session).currency
    if not currency:
        raise InvalidInput(
            msg(
                "The clinic's currency is not set: an administrator sets it first "
                "(Clinic settings, or `outpost clinic set --currency KES`)."
            ),
            field="currency",
        )
    return currency


def _amount(value: int, what: Message, *, least: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(msg("{what} must be a whole number of cents.", what=what))
    if value < least:
        if least > 0:
            raise InvalidInput(msg("{what} must be more than nothing.", what=what), field="amount")
        raise InvalidInput(msg("{what} cannot be negative.", what=what), field="amount")
    if value > money.MAX_MINOR:
        raise InvalidInput(msg("{what} is too large.", what=what), field="amount")
    return value


# --- the price list ------------------------------------------------------------------------


def get_price_item(session: Session, item_id: uuid.UUID) -> PriceItem:
    item: PriceItem = get_live(session, kinds.PRICE_ITEMS, item_id)
    return item


def find_price_item(session: Session, code: str) -> PriceItem | None:
    """The live item with this code (any case), or None."""
    wanted = (code or "").strip().upper()
    found: PriceItem | None = session.scalar(
        select(PriceItem).where(PriceItem.deleted.is_(False), func.upper(PriceItem.code) == wanted)
    )
    return found


def list_prices(
    session: Session, *, include_inactive: bool = False, category: str | None = None
) -> list[PriceItem]:
    where: list[ColumnElement[bool]] = []
    if not include_inactive:
        where.append(PriceItem.active.is_(True))
    if category:
        where.append(func.lower(PriceItem.category) == category.strip().lower())
    return list(
        list_live(session, kinds.PRICE_ITEMS, *where, order_by=(PriceItem.category, PriceItem.code))
    )


def _code(code: str) -> str:
    cleaned = "".join((code or "").split()).upper()
    if not cleaned:
        raise InvalidInput(msg("A price list item needs a short code (e.g. CONS)."), field="code")
    if len(cleaned) > 32:
        raise InvalidInput(msg("The code is too long (32 characters at most)."), field="code")
    return cleaned


def add_price_item(
    session: Session,
    actor: Actor,
    *,
    code: str,
    name: str,
    amount: int,
    category: str = "",
) -> PriceItem:
    actor.require(Permission.MANAGE_CLINIC)
    clinic_currency(session)  # amounts mean nothing without the money they are in
    cleaned = _code(code)
    same = find_price_item(session, cleaned)
    if same is not None:
        raise Conflict(
            msg("The code {code} is taken by {name} already.", code=cleaned, name=same.name)
        )
    title = _text(name, msg("The name"), "name", 200)
    if not title:
        raise InvalidInput(msg("A price list item needs a name."), field="name")
    item = PriceItem(
        clinic_id=actor.clinic_id,
        code=cleaned,
        name=title,
        category=_text(category, msg("The category"), "category", 64),
        amount=_amount(amount, msg("The price")),
        active=True,
    )
    session.add(item)
    session.flush()
    return item


def edit_price_item(
    session: Session,
    actor: Actor,
    item_id: uuid.UUID,
    *,
    code: str | None = None,
    name: str | None = None,
    amount: int | None = None,
    category: str | None = None,
    active: bool | None = None,
) -> PriceItem:
    """Change an item; only the values given change. Invoices keep the price they copied."""
    actor.require(Permission.MANAGE_CLINIC)
    item = get_price_item(session, item_id)
    if code is not None:
        cleaned = _code(code)
        same = find_price_item(session, cleaned)
        if same is not None and same.id != item.id:
            raise Conflict(
                msg("The code {code} is taken by {name} already.", code=cleaned, name=same.name)
            )
        item.code = cleaned
    if name is not None:
        title = _text(name, msg("The name"), "name", 200)
        if not title:
            raise InvalidInput(msg("A price list item needs a name."), field="name")
        item.name = title
    if amount is not None:
        item.amount = _amount(amount, msg("The price"))
    if category is not None:
        item.category = _text(category, msg("The category"), "category", 64)
    if active is not None:
        item.active = active
    session.flush()
    return item


# --- invoices ------------------------------------------------------------------------------


def get_invoice(session: Session, invoice_id: uuid.UUID) -> Invoice:
    invoice: Invoice = get_live(session, kinds.INVOICES, invoice_id)
    return invoice


def find_invoice_by_number(session: Session, number: str) -> Invoice | None:
    wanted = (number or "").strip().upper()
    if not wanted:
        return None
    found: Invoice | None = session.scalar(
        select(Invoice).where(Invoice.deleted.is_(False), Invoice.number == wanted)
    )
    return found


def lines_of(session: Session, invoice_id: uuid.UUID) -> list[InvoiceLine]:
    return list(
        list_live(
            session,
            kinds.INVOICE_LINES,
            InvoiceLine.invoice_id == invoice_id,
            order_by=(InvoiceLine.created_at, InvoiceLine.pk),
        )
    )


def payments_of(session: Session, invoice_id: uuid.UUID) -> list[Payment]:
    return list(
        list_live(
            session,
            kinds.PAYMENTS,
            Payment.invoice_id == invoice_id,
            order_by=(Payment.paid_at, Payment.pk),
        )
    )


def diagnoses_of(session: Session, invoice_id: uuid.UUID) -> list[Diagnosis]:
    return list(
        list_live(
            session,
            kinds.DIAGNOSES,
            Diagnosis.invoice_id == invoice_id,
            order_by=(Diagnosis.primary.desc(), Diagnosis.created_at, Diagnosis.pk),
        )
    )


@dataclass(frozen=True)
class Totals:
    # What is charged: the total fixed at issue (what the paper says), the lines' sum while
    # a draft.
    total: int
    paid: int  # live payments, the scheme's included
    paid_by_scheme: int
    lines_total: int = 0  # the live lines now, quantity × unit amount

    @property
    def balance(self) -> int:
        """What is still owed (never below nothing; see `credit`)."""
        return max(0, self.total - self.paid)

    @property
    def credit(self) -> int:
        """Paid beyond the total: refused here, but two laptops offline may each take the
        whole amount. The clinic owes it back (a refund)."""
        return max(0, self.paid - self.total)


def totals(session: Session, invoice_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Totals]:
    """Totals of many invoices in three grouped queries (a list of invoices reads no lines)."""
    out: dict[uuid.UUID, list[int]] = {i: [0, 0, 0, 0] for i in invoice_ids}
    issued: dict[uuid.UUID, int] = {}
    wanted = list(out)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for iid, fixed in session.execute(
            select(Invoice.id, Invoice.issued_total).where(
                Invoice.id.in_(chunk), Invoice.issued_total.is_not(None)
            )
        ):
            issued[iid] = int(fixed or 0)
        for iid, total in session.execute(
            select(InvoiceLine.invoice_id, func.sum(InvoiceLine.quantity * InvoiceLine.unit_amount))
            .where(InvoiceLine.deleted.is_(False), InvoiceLine.invoice_id.in_(chunk))
            .group_by(InvoiceLine.invoice_id)
        ):
            out[iid][3] = int(total or 0)
        for iid, method, paid in session.execute(
            select(Payment.invoice_id, Payment.method, func.sum(Payment.amount))
            .where(Payment.deleted.is_(False), Payment.invoice_id.in_(chunk))
            .group_by(Payment.invoice_id, Payment.method)
        ):
            out[iid][1] += int(paid or 0)
            if method is PaymentMethod.SCHEME:
                out[iid][2] += int(paid or 0)
    for iid, v in out.items():
        # Issued: the total printed stands (a line another laptop changed after is flagged,
        # desktop.app.billing_checks); a draft's total is its lines.
        v[0] = issued.get(iid, v[3])
    return {i: Totals(*v) for i, v in out.items()}


def totals_of(session: Session, invoice_id: uuid.UUID) -> Totals:
    return totals(session, [invoice_id])[invoice_id]


def is_void(invoice: Invoice) -> bool:
    """Voided, on this laptop or another. The status alone may say otherwise: a payment
    another laptop took meanwhile marks it paid, and the newer status wins the merge; its
    void reason, set only by a void, keeps the decision (a void is never undone)."""
    return invoice.status is S.VOID or bool(invoice.void_reason)


def effective_status(invoice: Invoice, sums: Totals) -> InvoiceStatus:
    """The status people read: an issued invoice its payments cover is paid, a paid one whose
    payment was removed is issued again (whatever laptop took or removed the payment)."""
    if is_void(invoice):
        return S.VOID
    if invoice.status in (S.ISSUED, S.PAID):
        return S.PAID if sums.paid >= sums.total else S.ISSUED
    return invoice.status


def _settle(session: Session, invoice: Invoice) -> None:
    """Keep the stored status in step with the payments (see `effective_status`)."""
    if is_void(invoice):
        invoice.status = S.VOID  # voided on another laptop while paid here: it stays void
        return
    wanted = effective_status(invoice, totals_of(session, invoice.id))
    if wanted is not invoice.status:
        kinds.INVOICES.check_transition(invoice.status, wanted)
        invoice.status = wanted


def create_invoice(
    session: Session,
    actor: Actor,
    *,
    patient_id: uuid.UUID,
    appointment_id: uuid.UUID | None = None,
    notes: str = "",
) -> Invoice:
    """A draft invoice for a patient's visit (the appointment, when there was one)."""
    actor.require(Permission.MANAGE_BILLING)
    currency = clinic_currency(session)
    get_live(session, kinds.PATIENTS, patient_id)
    if appointment_id is not None:
        visit: Appointment = get_live(session, kinds.APPOINTMENTS, appointment_id)
        if visit.patient_id != patient_id:
            raise InvalidInput(
                msg("That appointment is another patient's."), field="appointment_id"
            )
    invoice = Invoice(
        clinic_id=actor.clinic_id,
        patient_id=patient_id,
        appointment_id=appointment_id,
        number="",
        status=S.DRAFT,
        currency=currency,
        notes=_text(notes, msg("The note"), "notes", 4000),
    )
    session.add(invoice)
    session.flush()
    return invoice


def _draft(session: Session, invoice_id: uuid.UUID) -> Invoice:
    invoice = get_invoice(session, invoice_id)
    if invoice.status is not S.DRAFT:
        raise Conflict(
            msg(
                "Invoice {number} is {status}: its lines are fixed. Void it and make a new one "
                "to change what it charges.",
                number=invoice.number or "",
                status=kinds.INVOICE_STATUS.word(invoice.status),
            )
        )
    return invoice


def _quantity(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_QUANTITY:
        raise InvalidInput(
            msg("The quantity is a whole number from 1 to {n}.", n=MAX_QUANTITY),
            field="quantity",
        )
    return value


def _within_the_most(
    session: Session,
    invoice: Invoice,
    quantity: int,
    unit_amount: int,
    *,
    instead: uuid.UUID | None = None,
) -> None:
    """A line, and the invoice with it, at most `money.MAX_MINOR`, as a payment or a claim is
    (and as sync carries an amount): refused in words, before it could not be paid or sent.
    `instead`: the line this one replaces (an edit)."""
    cur = invoice.currency
    most = f"{money.plain_amount(money.MAX_MINOR, cur)} {cur}"
    line = quantity * unit_amount
    if line > money.MAX_MINOR:
        raise InvalidInput(
            msg(
                "This line comes to {amount}: a line is at most {most}.",
                amount=f"{money.plain_amount(line, cur)} {cur}",
                most=most,
            ),
            field="unit_amount",
        )
    others = sum(
        ln.quantity * ln.unit_amount for ln in lines_of(session, invoice.id) if ln.id != instead
    )
    if others + line > money.MAX_MINOR:
        raise InvalidInput(
            msg(
                "With this line invoice {number} would come to {amount}: an invoice is at "
                "most {most}. Bill the rest on another invoice.",
                number=invoice.number or "",
                amount=f"{money.plain_amount(others + line, cur)} {cur}",
                most=most,
            ),
            field="unit_amount",
        )


def add_line(
    session: Session,
    actor: Actor,
    invoice_id: uuid.UUID,
    *,
    price_item_id: uuid.UUID | None = None,
    description: str | None = None,
    unit_amount: int | None = None,
    quantity: int = 1,
) -> InvoiceLine:
    """A line on a draft: from the price list (its name and price copied now, so a later
    price change leaves this bill as it was; a description or amount given overrides them)
    or a free line with a description and an amount."""
    actor.require(Permission.MANAGE_BILLING)
    invoice = _draft(session, invoice_id)
    words = _text(description, msg("The description"), "description", 200)
    if price_item_id is not None:
        item = get_price_item(session, price_item_id)
        if not item.active:
            raise Conflict(msg("{name} is no longer on the price list (inactive).", name=item.name))
        words = words or item.name
        amount = item.amount if unit_amount is None else unit_amount
    else:
        if not words:
            raise InvalidInput(
                msg("A line not from the price list needs a description."), field="description"
            )
        if unit_amount is None:
            raise InvalidInput(
                msg("A line not from the price list needs an amount."), field="unit_amount"
            )
        amount = unit_amount
    count = _quantity(quantity)
    _within_the_most(session, invoice, count, _amount(amount, msg("The amount")))
    line = InvoiceLine(
        clinic_id=actor.clinic_id,
        invoice_id=invoice.id,
        patient_id=invoice.patient_id,
        price_item_id=price_item_id,
        description=words,
        quantity=count,
        unit_amount=amount,
    )
    session.add(line)
    session.flush()
    return line


def _line_of(session: Session, invoice: Invoice, line_id: uuid.UUID) -> InvoiceLine:
    line: InvoiceLine = get_live(session, kinds.INVOICE_LINES, line_id)
    if line.invoice_id != invoice.id:
        raise NotFound(msg("That line is not on invoice {id}.", id=invoice.id))
    return line


def edit_line(
    session: Session,
    actor: Actor,
    invoice_id: uuid.UUID,
    line_id: uuid.UUID,
    *,
    quantity: int | None = None,
    unit_amount: int | None = None,
    description: str | None = None,
) -> InvoiceLine:
    actor.require(Permission.MANAGE_BILLING)
    invoice = _draft(session, invoice_id)
    line = _line_of(session, invoice, line_id)
    count = line.quantity if quantity is None else _quantity(quantity)
    each = line.unit_amount if unit_amount is None else _amount(unit_amount, msg("The amount"))
    _within_the_most(session, invoice, count, each, instead=line.id)
    line.quantity, line.unit_amount = count, each
    if description is not None:
        words = _text(description, msg("The description"), "description", 200)
        if not words:
            raise InvalidInput(msg("A line needs a description."), field="description")
        line.description = words
    session.flush()
    return line


def remove_line(
    session: Session, actor: Actor, invoice_id: uuid.UUID, line_id: uuid.UUID
) -> Invoice:
    actor.require(Permission.MANAGE_BILLING)
    invoice = _draft(session, invoice_id)
    _line_of(session, invoice, line_id).deleted = True
    session.flush()
    return invoice


def edit_notes(session: Session, actor: Actor, invoice_id: uuid.UUID, notes: str) -> Invoice:
    actor.require(Permission.MANAGE_BILLING)
    invoice = get_invoice(session, invoice_id)
    invoice.notes = _text(notes, msg("The note"), "notes", 4000)
    session.flush()
    return invoice


def _invoice_taken(session: Session, number: str) -> bool:
    found = session.connection().exec_driver_sql(
        "SELECT 1 FROM invoices WHERE number = ? LIMIT 1", (number,)
    )
    return found.first() is not None


def _receipt_taken(session: Session, number: str) -> bool:
    found = session.connection().exec_driver_sql(
        "SELECT 1 FROM payments WHERE receipt_number = ? LIMIT 1", (number,)
    )
    return found.first() is not None


def issue(
    session: Session,
    actor: Actor,
    invoice_id: uuid.UUID,
    *,
    today: dt.date,
    device_id: uuid.UUID | None = None,
) -> Invoice:
    """The draft given its number (this laptop's next) and fixed: its lines no longer
    change."""
    actor.require(Permission.MANAGE_BILLING)
    invoice = get_invoice(session, invoice_id)
    kinds.INVOICES.check_transition(invoice.status, S.ISSUED)
    if not lines_of(session, invoice.id):
        raise InvalidInput(msg("Add at least one line before issuing the invoice."))
    key, mark = INVOICE_SERIES
    invoice.number = clinic_numbers.next_in_series(session, key, mark, _invoice_taken, device_id)
    invoice.issued_total = totals_of(session, invoice.id).lines_total
    invoice.status = S.ISSUED
    invoice.issued_on = today
    invoice.issued_by = actor.user_id
    session.flush()
    _settle(session, invoice)  # nothing to pay (free care): paid at once
    session.flush()
    return invoice


def void(session: Session, actor: Actor, invoice_id: uuid.UUID, *, reason: str) -> Invoice:
    """An invoice made or issued in error, voided (it keeps its number; nothing is owed).
    Payments taken on it are removed first (refunded); a claim a scheme holds is withdrawn
    first; drafted or rejected claims are withdrawn with it."""
    actor.require(Permission.MANAGE_BILLING)
    invoice = get_invoice(session, invoice_id)
    why = _text(reason, msg("The reason"), "reason", 1000)
    if not why:
        raise InvalidInput(msg("Say why the invoice is voided."), field="reason")
    kinds.INVOICES.check_transition(S.VOID if is_void(invoice) else invoice.status, S.VOID)
    if payments_of(session, invoice.id):
        raise Conflict(
            msg(
                "Invoice {number} has payments: remove them (refund the patient) before "
                "voiding it.",
                number=invoice.number or "",
            )
        )
    claims = list(list_live(session, kinds.CLAIMS, Claim.invoice_id == invoice.id))
    if any(c.status in OPEN_CLAIMS for c in claims):
        raise Conflict(
            msg(
                "A scheme holds a claim on invoice {number}: withdraw the claim before voiding "
                "the invoice.",
                number=invoice.number or "",
            )
        )
    for claim in claims:
        if claim.status in (ClaimStatus.DRAFTED, ClaimStatus.REJECTED):
            claim.status = ClaimStatus.WITHDRAWN
    invoice.status = S.VOID
    # Its own field: the notes merge field by field, and a notes edit on another laptop
    # would take the reason away with it.
    invoice.void_reason = why
    session.flush()
    return invoice


# --- diagnoses ---------------------------------------------------------------------------


def diagnose(
    session: Session,
    actor: Actor,
    invoice_id: uuid.UUID,
    code: str,
    *,
    today: dt.date,
    primary: bool = False,
) -> Diagnosis:
    """A diagnosis of the invoiced visit, coded in ICD-10 at its most specific level (J18.9;
    J18 asks for its subcategory, listing them). The first is the primary one; `primary`
    makes this one primary instead. Added to a draft or an issued invoice (a scheme that
    rejected a claim for its coding is answered by adding the right code)."""
    actor.require(Permission.CODE_DIAGNOSES)
    invoice = get_invoice(session, invoice_id)
    if is_void(invoice):
        raise Conflict(msg("Invoice {number} is void.", number=invoice.number or ""))
    found = icd10.validate(code)
    existing = diagnoses_of(session, invoice.id)
    if any(d.code == found.code for d in existing):
        raise Conflict(msg("{code} is on this invoice already.", code=found.code))
    if primary:
        for other in existing:
            other.primary = False
    row = Diagnosis(
        clinic_id=actor.clinic_id,
        patient_id=invoice.patient_id,
        invoice_id=invoice.id,
        appointment_id=invoice.appointment_id,
        code=found.code,
        title=found.title[:300],
        primary=primary or not any(d.primary for d in existing),
        recorded_on=today,
        recorded_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    return row


def _diagnosis_of(session: Session, invoice: Invoice, diagnosis: str) -> Diagnosis:
    """The invoice's diagnosis named by its id or its code."""
    rows = diagnoses_of(session, invoice.id)
    wanted = icd10.normalise(diagnosis)
    for row in rows:
        if str(row.id) == diagnosis.strip().lower() or row.code == wanted:
            return row
    raise NotFound(
        msg("{code} is not a diagnosis on this invoice.", code=repr(diagnosis.strip()[:20]))
    )


def make_primary(session: Session, actor: Actor, invoice_id: uuid.UUID, diagnosis: str) -> Invoice:
    actor.require(Permission.CODE_DIAGNOSES)
    invoice = get_invoice(session, invoice_id)
    chosen = _diagnosis_of(session, invoice, diagnosis)
    for row in diagnoses_of(session, invoice.id):
        row.primary = row.id == chosen.id
    session.flush()
    return invoice


def remove_diagnosis(
    session: Session, actor: Actor, invoice_id: uuid.UUID, diagnosis: str
) -> Invoice:
    """A diagnosis coded in error, removed; when it was the primary one the earliest other
    becomes primary (an invoice with diagnoses always has one)."""
    actor.require(Permission.CODE_DIAGNOSES)
    invoice = get_invoice(session, invoice_id)
    if is_void(invoice):
        raise Conflict(msg("Invoice {number} is void.", number=invoice.number or ""))
    row = _diagnosis_of(session, invoice, diagnosis)
    row.deleted = True
    if row.primary:
        row.primary = False
        rest = [d for d in diagnoses_of(session, invoice.id) if d.id != row.id]
        rest.sort(key=lambda d: (d.created_at, d.pk))
        if rest:
            rest[0].primary = True
    session.flush()
    return invoice


def primary_of(rows: Iterable[Diagnosis]) -> Diagnosis | None:
    """The primary diagnosis; if two laptops each chose one offline, the earlier coded."""
    chosen = sorted((d for d in rows if d.primary), key=lambda d: (d.created_at, str(d.id)))
    return chosen[0] if chosen else None


# --- payments ------------------------------------------------------------------------------


def pay(
    session: Session,
    actor: Actor,
    invoice_id: uuid.UUID,
    *,
    amount: int,
    method: PaymentMethod,
    now: dt.datetime,
    reference: str = "",
    claim_id: uuid.UUID | None = None,
    device_id: uuid.UUID | None = None,
) -> Payment:
    """Money received against an issued invoice, with this laptop's next receipt number; the
    invoice is paid once its payments cover it. More than is owed is refused (give change)."""
    actor.require(Permission.MANAGE_BILLING)
    invoice = get_invoice(session, invoice_id)
    if invoice.status is S.DRAFT:
        raise Conflict(msg("Issue the invoice before taking a payment on it."))
    if is_void(invoice):
        raise Conflict(
            msg("Invoice {number} is void: nothing is owed on it.", number=invoice.number)
        )
    if method is PaymentMethod.SCHEME and claim_id is None:
        raise InvalidInput(
            msg("A scheme pays through its claim: mark the claim paid instead."), field="method"
        )
    _amount(amount, msg("The payment"), least=1)
    owed = totals_of(session, invoice.id).balance
    if amount > owed:
        cur = invoice.currency
        raise InvalidInput(
            msg(
                "{paid} is more than the {owed} still owed on invoice {number}.",
                paid=f"{money.plain_amount(amount, cur)} {cur}",
                owed=f"{money.plain_amount(owed, cur)} {cur}",
                number=invoice.number,
            ),
            field="amount",
        )
    key, mark = RECEIPT_SERIES
    payment = Payment(
        clinic_id=actor.clinic_id,
        invoice_id=invoice.id,
        patient_id=invoice.patient_id,
        amount=amount,
        method=method,
        paid_at=now,
        received_by=actor.user_id,
        receipt_number=clinic_numbers.next_in_series(session, key, mark, _receipt_taken, device_id),
        reference=_text(reference, msg("The reference"), "reference", 100),
        claim_id=claim_id,
    )
    session.add(payment)
    session.flush()
    _settle(session, invoice)
    session.flush()
    return payment


def get_payment(session: Session, payment_id: uuid.UUID) -> Payment:
    payment: Payment = get_live(session, kinds.PAYMENTS, payment_id)
    return payment


def remove_payment(session: Session, actor: Actor, payment_id: uuid.UUID) -> Invoice:
    """A payment made in error, tombstoned (never edited: its receipt number is not given
    again); a paid invoice it covered is issued again, owing the amount."""
    actor.require(Permission.MANAGE_BILLING)
    payment = get_payment(session, payment_id)
    # Whether it may go is the claim's to say, not the method's: a claim paid on one laptop
    # and withdrawn on the other leaves a scheme payment no claim stands behind (listed as
    # needing attention), and a person must be able to take it away.
    claim = (
        session.scalar(select(Claim).where(Claim.id == payment.claim_id, Claim.deleted.is_(False)))
        if payment.claim_id
        else None
    )
    if claim is not None and claim.status is ClaimStatus.PAID:
        raise Conflict(
            msg("This payment came with a paid claim: it stays while the claim is paid.")
        )
    invoice = get_invoice(session, payment.invoice_id)
    payment.deleted = True
    session.flush()
    _settle(session, invoice)
    session.flush()
    return invoice
