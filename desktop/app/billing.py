"""Billing a visit and claiming from schemes: the price list, invoices with their lines,
ICD-10 diagnoses and payments (`core.billing`), and claims (`core.claims`).

Every method is one use case: it opens and closes its own transaction and returns plain
frozen dataclasses (writes: `Done(value, changes)`, the changes already published). Amounts
are whole numbers of the currency's minor units, with the currency beside them: a screen or
a printout shows them with `desktop.money.format_amount` in its own language. Dates a person
gives are the clinic's dates; times returned are in the clinic's zone.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, defer

from desktop import money
from desktop.app.patient_refs import patient_refs
from desktop.app.transactions import Done
from desktop.app.work_items import CLAIM, CLAIM_REJECTED, Lines, WorkItem, bounded, patient_kept
from desktop.errors import NotFound
from desktop.messages import Message, msg
from desktop.permissions import Permission
from desktop.records import kinds
from desktop.services import billing as billsvc
from desktop.services import claims as claimsvc
from desktop.services.clinic import get_clinic
from desktop.services.phones import display_phone
from desktop.store.models import (
    Claim,
    ClaimStatus,
    CoverageMembership,
    CoverageScheme,
    Diagnosis,
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    Patient,
    Payment,
    PaymentMethod,
    PriceItem,
    Sex,
    User,
)

if TYPE_CHECKING:
    from desktop.core import ClinicCore

__all__ = [
    "BillingApi",
    "ClaimDetail",
    "ClaimLine",
    "ClaimStatus",
    "ClaimsApi",
    "DiagnosisRow",
    "InvoiceDetail",
    "InvoiceLineRow",
    "InvoiceStatus",
    "InvoiceSummary",
    "MembershipRef",
    "PaymentMethod",
    "PaymentRow",
    "PriceRow",
    "claim_items",
    "read_claim",
    "read_claims",
    "read_invoice",
]


# --- what the screens, commands and printouts are given --------------------------------------


@dataclass(frozen=True)
class PriceRow:
    item_id: uuid.UUID
    code: str
    name: str
    category: str
    amount: int  # minor units of `currency`
    currency: str
    active: bool


@dataclass(frozen=True)
class InvoiceLineRow:
    line_id: uuid.UUID
    price_item_id: uuid.UUID | None  # None: a free line
    code: str  # the price list code ("" for a free line, or an item since removed)
    description: str
    quantity: int
    unit_amount: int  # minor units, copied from the price list when the line was added
    amount: int  # quantity × unit_amount


@dataclass(frozen=True)
class DiagnosisRow:
    diagnosis_id: uuid.UUID
    code: str  # ICD-10, "J18.9"
    title: str  # the WHO title when it was coded
    primary: bool
    recorded_on: dt.date
    recorded_by: str | None


@dataclass(frozen=True)
class PaymentRow:
    payment_id: uuid.UUID
    amount: int  # minor units
    method: PaymentMethod
    method_words: Message
    paid_at: dt.datetime  # clinic time
    received_by: str | None
    receipt_number: str
    reference: str  # a mobile-money code, a cheque number
    claim_id: uuid.UUID | None  # the claim a scheme paid on


@dataclass(frozen=True)
class InvoiceSummary:
    """One invoice in a list."""

    invoice_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    clinic_number: str
    number: str  # "" while a draft
    status: InvoiceStatus  # paid when its payments cover it, whichever laptop took them
    status_words: Message
    currency: str
    created_on: dt.date  # clinic date
    issued_on: dt.date | None
    total: int
    paid: int
    balance: int
    # Paid beyond the total (two laptops each took the whole amount): owed back to the
    # patient. Never both a balance and a credit.
    credit: int = 0


@dataclass(frozen=True)
class InvoiceDetail:
    """An invoice in full: what the invoice/receipt printout and the billing screen show."""

    summary: InvoiceSummary
    appointment_id: uuid.UUID | None
    issued_by: str | None
    notes: str
    lines: tuple[InvoiceLineRow, ...]
    diagnoses: tuple[DiagnosisRow, ...]  # the primary first
    payments: tuple[PaymentRow, ...]  # oldest first
    claims: tuple[ClaimLine, ...]
    paid_by_scheme: int
    patient_phone: str  # as people read it
    patient_birth_date: dt.date | None
    patient_sex: Sex
    void_reason: str = ""  # why it was voided ("" unless void)

    # The summary's fields, read directly (detail.total rather than detail.summary.total).
    @property
    def invoice_id(self) -> uuid.UUID:
        return self.summary.invoice_id

    @property
    def number(self) -> str:
        return self.summary.number

    @property
    def status(self) -> InvoiceStatus:
        return self.summary.status

    @property
    def currency(self) -> str:
        return self.summary.currency

    @property
    def total(self) -> int:
        return self.summary.total

    @property
    def paid(self) -> int:
        return self.summary.paid

    @property
    def balance(self) -> int:
        return self.summary.balance

    @property
    def credit(self) -> int:
        return self.summary.credit

    @property
    def primary_diagnosis(self) -> DiagnosisRow | None:
        return next((d for d in self.diagnoses if d.primary), None)


@dataclass(frozen=True)
class MembershipRef:
    membership_id: uuid.UUID
    scheme_id: uuid.UUID
    scheme_name: str
    scheme_phone: str  # as people read it
    scheme_address: str
    member_number: str
    holder_name: str  # the principal member ("" when the patient is)
    valid_from: dt.date | None
    valid_until: dt.date | None
    active: bool


@dataclass(frozen=True)
class ClaimLine:
    """One claim in a list."""

    claim_id: uuid.UUID
    invoice_id: uuid.UUID
    invoice_number: str
    patient_id: uuid.UUID
    patient_name: str
    clinic_number: str
    membership: MembershipRef | None  # None when the membership is gone (tombstoned)
    amount: int  # claimed, minor units
    currency: str
    status: ClaimStatus
    status_words: Message
    created_on: dt.date
    submitted_on: dt.date | None  # the latest submission
    submitted_by: str | None
    decided_on: dt.date | None
    paid_amount: int | None
    rejection_reason: str
    reference: str  # the scheme's number for it
    notes: str


@dataclass(frozen=True)
class ClaimDetail:
    """A claim in full, with its invoice (lines, diagnoses, payments): what the claim form
    prints."""

    line: ClaimLine
    invoice: InvoiceDetail
    payment: PaymentRow | None  # the scheme's payment, once paid

    @property
    def claim_id(self) -> uuid.UUID:
        return self.line.claim_id

    @property
    def status(self) -> ClaimStatus:
        return self.line.status


# --- reading -------------------------------------------------------------------------------


class _Reader:
    """Turns rows into read models within one transaction (names read once)."""

    def __init__(self, core: ClinicCore, session: Session) -> None:
        self.core = core
        self.session = session
        self.users = {i: n for i, n in session.execute(select(User.id, User.display_name))}

    def user(self, user_id: uuid.UUID | None) -> str | None:
        return self.users.get(user_id) if user_id else None

    def day(self, instant: dt.datetime) -> dt.date:
        return self.core.clock.local(instant).date()

    def summaries(self, rows: Sequence[Invoice]) -> list[InvoiceSummary]:
        patients = patient_refs(self.session, (r.patient_id for r in rows))
        sums = billsvc.totals(self.session, [r.id for r in rows])
        out = []
        for row in rows:
            patient = patients.get(row.patient_id)
            got = sums[row.id]
            status = billsvc.effective_status(row, got)
            out.append(
                InvoiceSummary(
                    invoice_id=row.id,
                    patient_id=row.patient_id,
                    patient_name=patient.name if patient else "",
                    clinic_number=patient.clinic_number if patient else "",
                    number=row.number,
                    status=status,
                    status_words=kinds.INVOICE_STATUS.word(status),
                    currency=row.currency,
                    created_on=self.day(row.created_at),
                    issued_on=row.issued_on,
                    total=got.total,
                    paid=got.paid,
                    balance=0 if status is InvoiceStatus.VOID else got.balance,
                    # A void invoice's money is all owed back (the needs-attention list says).
                    credit=got.paid if status is InvoiceStatus.VOID else got.credit,
                )
            )
        return out

    def payment(self, row: Payment) -> PaymentRow:
        return PaymentRow(
            payment_id=row.id,
            amount=row.amount,
            method=row.method,
            method_words=billsvc.METHOD_WORDS[row.method],
            paid_at=self.core.clock.local(row.paid_at),
            received_by=self.user(row.received_by),
            receipt_number=row.receipt_number,
            reference=row.reference,
            claim_id=row.claim_id,
        )

    def invoice(self, row: Invoice) -> InvoiceDetail:
        session = self.session
        summary = self.summaries([row])[0]
        lines = billsvc.lines_of(session, row.id)
        item_ids = {ln.price_item_id for ln in lines if ln.price_item_id}
        codes = (
            {
                i: c
                for i, c in session.execute(
                    select(PriceItem.id, PriceItem.code).where(PriceItem.id.in_(item_ids))
                )
            }
            if item_ids
            else {}
        )
        diagnoses = billsvc.diagnoses_of(session, row.id)
        primary = billsvc.primary_of(diagnoses)
        diagnoses.sort(key=lambda d: (d is not primary, d.created_at, d.pk))
        payments = billsvc.payments_of(session, row.id)
        patient = patient_refs(session, [row.patient_id]).get(row.patient_id)
        return InvoiceDetail(
            summary=summary,
            appointment_id=row.appointment_id,
            issued_by=self.user(row.issued_by),
            notes=row.notes,
            lines=tuple(self._line(ln, codes) for ln in lines),
            diagnoses=tuple(self._diagnosis(d, d is primary) for d in diagnoses),
            payments=tuple(self.payment(p) for p in payments),
            claims=tuple(self.claim_lines(claimsvc.claims_of(session, row.id))),
            paid_by_scheme=sum(p.amount for p in payments if p.method is PaymentMethod.SCHEME),
            patient_phone=display_phone(patient.phone, self.core.region) if patient else "",
            patient_birth_date=patient.birth_date if patient else None,
            patient_sex=patient.sex if patient else Sex.UNKNOWN,
            void_reason=row.void_reason,
        )

    @staticmethod
    def _line(row: InvoiceLine, codes: dict[uuid.UUID, str]) -> InvoiceLineRow:
        return InvoiceLineRow(
            line_id=row.id,
            price_item_id=row.price_item_id,
            code=codes.get(row.price_item_id, "") if row.price_item_id else "",
            description=row.description,
            quantity=row.quantity,
            unit_amount=row.unit_amount,
            amount=row.quantity * row.unit_amount,
        )

    def _diagnosis(self, row: Diagnosis, primary: bool) -> DiagnosisRow:
        return DiagnosisRow(
            row.id, row.code, row.title, primary, row.recorded_on, self.user(row.recorded_by)
        )

    def memberships(self, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, MembershipRef]:
        wanted = list(set(ids))
        if not wanted:
            return {}
        rows = list(
            self.session.scalars(
                select(CoverageMembership).where(
                    CoverageMembership.id.in_(wanted), CoverageMembership.deleted.is_(False)
                )
            )
        )
        schemes = {
            s.id: s
            for s in self.session.scalars(
                select(CoverageScheme).where(CoverageScheme.id.in_({m.scheme_id for m in rows}))
            )
        }
        out = {}
        for m in rows:
            scheme = schemes.get(m.scheme_id)
            out[m.id] = MembershipRef(
                membership_id=m.id,
                scheme_id=m.scheme_id,
                scheme_name=scheme.name if scheme else "",
                scheme_phone=display_phone(scheme.phone, self.core.region) if scheme else "",
                scheme_address=scheme.address if scheme else "",
                member_number=m.member_number,
                holder_name=m.holder_name,
                valid_from=m.valid_from,
                valid_until=m.valid_until,
                active=m.active,
            )
        return out

    def claim_lines(self, rows: Sequence[Claim]) -> list[ClaimLine]:
        if not rows:
            return []
        patients = patient_refs(self.session, (r.patient_id for r in rows))
        members = self.memberships(r.membership_id for r in rows)
        invoices = {
            i: (number, currency)
            for i, number, currency in self.session.execute(
                select(Invoice.id, Invoice.number, Invoice.currency).where(
                    Invoice.id.in_({r.invoice_id for r in rows})
                )
            )
        }
        out = []
        for row in rows:
            patient = patients.get(row.patient_id)
            number, currency = invoices.get(row.invoice_id, ("", ""))
            out.append(
                ClaimLine(
                    claim_id=row.id,
                    invoice_id=row.invoice_id,
                    invoice_number=number,
                    patient_id=row.patient_id,
                    patient_name=patient.name if patient else "",
                    clinic_number=patient.clinic_number if patient else "",
                    membership=members.get(row.membership_id),
                    amount=row.amount,
                    currency=currency,
                    status=row.status,
                    status_words=kinds.CLAIM_STATUS.word(row.status),
                    created_on=self.day(row.created_at),
                    submitted_on=row.submitted_on,
                    submitted_by=self.user(row.submitted_by),
                    decided_on=row.decided_on,
                    paid_amount=row.paid_amount,
                    rejection_reason=row.rejection_reason,
                    reference=row.reference,
                    notes=row.notes,
                )
            )
        return out

    def claim(self, row: Claim) -> ClaimDetail:
        line = self.claim_lines([row])[0]
        invoice = self.invoice(billsvc.get_invoice(self.session, row.invoice_id))
        paid = next((p for p in invoice.payments if p.claim_id == row.id), None)
        return ClaimDetail(line, invoice, paid)


def _price(row: PriceItem, currency: str) -> PriceRow:
    return PriceRow(row.id, row.code, row.name, row.category, row.amount, currency, row.active)


def read_invoice(core: ClinicCore, session: Session, invoice_id: uuid.UUID) -> InvoiceDetail:
    """One invoice as `core.billing.show` gives it, inside the caller's transaction (a print
    reads what it renders in the transaction that audits it)."""
    return _Reader(core, session).invoice(billsvc.get_invoice(session, invoice_id))


def _unpaid(reader: _Reader, query: Select[Invoice], limit: int) -> tuple[InvoiceSummary, ...]:
    """The `limit` most recently issued invoices still owing, newest first. The stored status
    may lag behind the payments after a sync (two laptops each took part of the amount), so
    what the payments say decides, and the list reads on, a page at a time along the
    (status, issued date) index, until it has `limit` of them or none are left: an older
    invoice still owing is never hidden behind newer paid ones."""
    page = max(limit, 200)
    # One walk down the index per stored status (an IN of both would sort them in a temporary
    # tree), merged newest first.
    walks = [_newest(reader.session, query, status, page) for status in _OWING_OR_PAID]
    merged = heapq.merge(*walks, key=lambda r: (r.issued_on or dt.date.min, r.pk), reverse=True)
    out: list[InvoiceSummary] = []
    while len(out) < limit:
        rows = list(itertools.islice(merged, page))
        out.extend(x for x in reader.summaries(rows) if x.status is InvoiceStatus.ISSUED)
        if len(rows) < page:
            break
    return tuple(out[:limit])


_OWING_OR_PAID = (InvoiceStatus.ISSUED, InvoiceStatus.PAID)


def _newest(
    session: Session, query: Select[Invoice], status: InvoiceStatus, page: int
) -> Iterator[Invoice]:
    """The invoices of one stored status, most recently issued first, a page at a time."""
    query = query.where(Invoice.status == status).order_by(
        Invoice.issued_on.desc(), Invoice.pk.desc()
    )
    start = 0
    while True:
        rows = list(session.scalars(query.offset(start).limit(page)))
        yield from rows
        if len(rows) < page:
            return
        start += page


def read_claim(core: ClinicCore, session: Session, claim_id: uuid.UUID) -> ClaimDetail:
    """One claim as `core.claims.show` gives it, inside the caller's transaction."""
    return _Reader(core, session).claim(claimsvc.get_claim(session, claim_id))


def read_claims(
    core: ClinicCore,
    session: Session,
    *,
    statuses: Sequence[ClaimStatus] = (),
    patient_id: uuid.UUID | None = None,
    invoice_id: uuid.UUID | None = None,
    limit: int = 500,
) -> tuple[ClaimLine, ...]:
    """Claims, newest first (rejected ones: the longest waiting first)."""
    limit = max(1, min(int(limit), 5000))
    query = select(Claim).options(defer(Claim.field_hlcs)).where(Claim.deleted.is_(False))
    if statuses:
        query = query.where(Claim.status.in_(list(statuses)))
    if patient_id is not None:
        query = query.where(Claim.patient_id == patient_id)
    if invoice_id is not None:
        query = query.where(Claim.invoice_id == invoice_id)
    if list(statuses) == [ClaimStatus.REJECTED]:
        query = query.order_by(Claim.decided_on, Claim.created_at)
    else:
        query = query.order_by(Claim.created_at.desc())
    rows = list(session.scalars(query.limit(limit)))
    return tuple(_Reader(core, session).claim_lines(rows))


# --- the worklist's lines ------------------------------------------------------------------


def claim_items(core: ClinicCore, session: Session, limit: int | None = None) -> Lines:
    """Claims the scheme rejected and nobody has resubmitted or withdrawn: correct and
    resubmit. A count and the `limit` longest waiting (None: all) through the (status,
    submitted date) index, in columns joined to the invoice's number, the scheme's name and
    the patient's (no claim, membership or invoice objects for a list of hundreds)."""
    where = (
        Claim.deleted.is_(False),
        Claim.status == ClaimStatus.REJECTED,
        patient_kept(Claim.patient_id),
    )
    total = session.scalar(select(func.count()).select_from(Claim).where(*where)) or 0
    since = func.coalesce(Claim.decided_on, Claim.submitted_on)
    rows = session.execute(
        bounded(
            select(
                Claim.id,
                Claim.patient_id,
                Claim.rejection_reason,
                Claim.decided_on,
                Claim.submitted_on,
                Invoice.number,
                CoverageScheme.name,
                Patient.given_name,
                Patient.other_names,
                Patient.family_name,
                Patient.clinic_number,
            )
            .join(Patient, Patient.id == Claim.patient_id)
            .outerjoin(Invoice, Invoice.id == Claim.invoice_id)
            .outerjoin(
                CoverageMembership,
                and_(
                    CoverageMembership.id == Claim.membership_id,
                    CoverageMembership.deleted.is_(False),
                ),
            )
            .outerjoin(CoverageScheme, CoverageScheme.id == CoverageMembership.scheme_id)
            .where(*where)
            .order_by(since.is_(None), since, Claim.id),
            limit,
        )
    ).all()
    items = []
    for claim_id, patient_id, why, decided, submitted, number, scheme, *name, clinic_no in rows:
        items.append(
            WorkItem(
                CLAIM_REJECTED,
                CLAIM,
                claim_id,
                patient_id,
                " ".join(p for p in name if p),
                clinic_no or "",
                "",
                msg(
                    "{scheme}: invoice {number} rejected: {why}",
                    scheme=scheme or "",
                    number=number or "",
                    why=why,
                ),
                decided or submitted,
            )
        )
    return Lines(tuple(items), {CLAIM_REJECTED: total})


# --- billing -------------------------------------------------------------------------------


class BillingApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    # -- money --

    def currency(self) -> str:
        """The clinic's currency ("" until an administrator sets it)."""
        return self._tx.read(lambda s: get_clinic(s).currency)

    def parse_amount(self, text: str, currency: str | None = None) -> int:
        """A typed amount in minor units of the clinic's currency (or `currency`)."""
        cur = currency or self._tx.read(billsvc.clinic_currency)
        return money.parse_amount(text, cur, decimal_comma=self._language() == "fr")

    def format_amount(self, minor: int, currency: str | None = None) -> str:
        """Minor units as this laptop's language writes them ("Ksh 1,500.50")."""
        cur = currency if currency is not None else self.currency()
        return money.format_amount(minor, cur, self._language(), self._core.region)

    def _language(self) -> str:
        return self._core.settings.language or "en"

    # -- the price list --

    def prices(
        self, *, include_inactive: bool = False, category: str | None = None
    ) -> tuple[PriceRow, ...]:
        def read(s: Session) -> tuple[PriceRow, ...]:
            cur = get_clinic(s).currency
            return tuple(
                _price(p, cur)
                for p in billsvc.list_prices(
                    s, include_inactive=include_inactive, category=category
                )
            )

        return self._tx.read(read)

    def price(self, code_or_id: str | uuid.UUID) -> PriceRow:
        """The item with this id or code (any case)."""

        def read(s: Session) -> PriceRow:
            return _price(_find_price(s, code_or_id), get_clinic(s).currency)

        return self._tx.read(read)

    def add_price(self, code: str, name: str, amount: int, *, category: str = "") -> Done[PriceRow]:
        core = self._core

        def work(s: Session) -> PriceRow:
            row = billsvc.add_price_item(
                s, core.actor, code=code, name=name, amount=amount, category=category
            )
            return _price(row, get_clinic(s).currency)

        return self._tx.write(work)

    def edit_price(self, item_id: uuid.UUID, **changes: Any) -> Done[PriceRow]:
        """Change code, name, amount, category or active (False: off the list)."""
        core = self._core

        def work(s: Session) -> PriceRow:
            row = billsvc.edit_price_item(s, core.actor, item_id, **changes)
            return _price(row, get_clinic(s).currency)

        return self._tx.write(work)

    def deactivate_price(self, item_id: uuid.UUID) -> Done[PriceRow]:
        return self.edit_price(item_id, active=False)

    # -- invoices: reads --

    def list(
        self,
        *,
        patient_id: uuid.UUID | None = None,
        statuses: Sequence[InvoiceStatus] = (),
        unpaid: bool = False,
        limit: int = 500,
    ) -> tuple[InvoiceSummary, ...]:
        """Invoices, newest first; `unpaid`: issued and not covered yet."""
        self._core.actor.require(Permission.VIEW_PATIENTS)
        limit = max(1, min(int(limit), 5000))
        wanted = [InvoiceStatus.ISSUED, InvoiceStatus.PAID] if unpaid else list(statuses)

        def read(s: Session) -> tuple[InvoiceSummary, ...]:
            query = (
                select(Invoice).options(defer(Invoice.field_hlcs)).where(Invoice.deleted.is_(False))
            )
            if patient_id is not None:
                query = query.where(Invoice.patient_id == patient_id)
            reader = _Reader(self._core, s)
            if unpaid:
                return _unpaid(reader, query, limit)
            if wanted:
                # Stored PAID may be ISSUED again (a payment removed elsewhere) and the
                # other way round: read both, keep what the payments say.
                both = set(wanted)
                if both & {InvoiceStatus.ISSUED, InvoiceStatus.PAID}:
                    both |= {InvoiceStatus.ISSUED, InvoiceStatus.PAID}
                query = query.where(Invoice.status.in_(sorted(both)))
            query = query.order_by(Invoice.created_at.desc())
            lines = reader.summaries(list(s.scalars(query.limit(limit))))
            if statuses:
                return tuple(x for x in lines if x.status in statuses)
            return tuple(lines)

        return self._tx.read(read)

    def show(self, invoice_id: uuid.UUID) -> InvoiceDetail:
        self._core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(lambda s: read_invoice(self._core, s, invoice_id))

    def find(self, number_or_id: str) -> uuid.UUID:
        """The invoice with this number ("KHP-QX-INV0001") or record id."""
        self._core.actor.require(Permission.VIEW_PATIENTS)

        def read(s: Session) -> uuid.UUID:
            text = (number_or_id or "").strip()
            try:
                return billsvc.get_invoice(s, uuid.UUID(text)).id
            except ValueError:
                pass
            found = billsvc.find_invoice_by_number(s, text)
            if found is None:
                raise NotFound(msg("No invoice numbered {number}.", number=repr(text[:40])))
            return found.id

        return self._tx.read(read)

    # -- invoices: writes --

    def _write(self, work: Any) -> Done[InvoiceDetail]:
        core = self._core

        def run(session: Session) -> InvoiceDetail:
            row: Invoice = work(session)
            return _Reader(core, session).invoice(row)

        return self._tx.write(run)

    def create(
        self,
        patient_id: uuid.UUID,
        *,
        appointment_id: uuid.UUID | None = None,
        notes: str = "",
    ) -> Done[InvoiceDetail]:
        """A draft invoice for the patient's visit, in the clinic's currency."""
        core = self._core
        return self._write(
            lambda s: billsvc.create_invoice(
                s, core.actor, patient_id=patient_id, appointment_id=appointment_id, notes=notes
            )
        )

    def add_line(
        self,
        invoice_id: uuid.UUID,
        *,
        price: str | uuid.UUID | None = None,
        description: str | None = None,
        unit_amount: int | None = None,
        quantity: int = 1,
    ) -> Done[InvoiceDetail]:
        """A line from the price list (`price`: its id or code; the price copied now) or a
        free line (a description and a unit amount)."""
        core = self._core

        def work(s: Session) -> Invoice:
            item = _find_price(s, price).id if price is not None else None
            line = billsvc.add_line(
                s,
                core.actor,
                invoice_id,
                price_item_id=item,
                description=description,
                unit_amount=unit_amount,
                quantity=quantity,
            )
            return billsvc.get_invoice(s, line.invoice_id)

        return self._write(work)

    def edit_line(
        self,
        invoice_id: uuid.UUID,
        line_id: uuid.UUID,
        *,
        quantity: int | None = None,
        unit_amount: int | None = None,
        description: str | None = None,
    ) -> Done[InvoiceDetail]:
        core = self._core

        def work(s: Session) -> Invoice:
            billsvc.edit_line(
                s,
                core.actor,
                invoice_id,
                line_id,
                quantity=quantity,
                unit_amount=unit_amount,
                description=description,
            )
            return billsvc.get_invoice(s, invoice_id)

        return self._write(work)

    def remove_line(self, invoice_id: uuid.UUID, line_id: uuid.UUID) -> Done[InvoiceDetail]:
        core = self._core
        return self._write(lambda s: billsvc.remove_line(s, core.actor, invoice_id, line_id))

    def edit_notes(self, invoice_id: uuid.UUID, notes: str) -> Done[InvoiceDetail]:
        core = self._core
        return self._write(lambda s: billsvc.edit_notes(s, core.actor, invoice_id, notes))

    def issue(self, invoice_id: uuid.UUID) -> Done[InvoiceDetail]:
        """The draft numbered by this laptop and fixed."""
        core = self._core
        return self._write(
            lambda s: billsvc.issue(
                s, core.actor, invoice_id, today=core.today(), device_id=core.store.device_id
            )
        )

    def void(self, invoice_id: uuid.UUID, reason: str) -> Done[InvoiceDetail]:
        core = self._core
        return self._write(lambda s: billsvc.void(s, core.actor, invoice_id, reason=reason))

    def diagnose(
        self, invoice_id: uuid.UUID, code: str, *, primary: bool = False
    ) -> Done[InvoiceDetail]:
        """An ICD-10 diagnosis of the visit (J18.9; J18 is refused with its subcategories:
        `icd10.NeedsSubcategory` carries them as choices)."""
        core = self._core

        def work(s: Session) -> Invoice:
            billsvc.diagnose(s, core.actor, invoice_id, code, today=core.today(), primary=primary)
            return billsvc.get_invoice(s, invoice_id)

        return self._write(work)

    def make_primary(self, invoice_id: uuid.UUID, diagnosis: str) -> Done[InvoiceDetail]:
        """The diagnosis (its code or id) becomes the primary one."""
        core = self._core
        return self._write(lambda s: billsvc.make_primary(s, core.actor, invoice_id, diagnosis))

    def remove_diagnosis(self, invoice_id: uuid.UUID, diagnosis: str) -> Done[InvoiceDetail]:
        core = self._core
        return self._write(lambda s: billsvc.remove_diagnosis(s, core.actor, invoice_id, diagnosis))

    def pay(
        self,
        invoice_id: uuid.UUID,
        amount: int,
        method: PaymentMethod,
        *,
        reference: str = "",
    ) -> Done[InvoiceDetail]:
        """Money received, with this laptop's next receipt number (the new payment is the
        last of `payments`)."""
        core = self._core

        def work(s: Session) -> Invoice:
            billsvc.pay(
                s,
                core.actor,
                invoice_id,
                amount=amount,
                method=method,
                now=core.clock.now_utc(),
                reference=reference,
                device_id=core.store.device_id,
            )
            return billsvc.get_invoice(s, invoice_id)

        return self._write(work)

    def remove_payment(self, payment_id: uuid.UUID) -> Done[InvoiceDetail]:
        """A payment made in error, removed (its receipt number is never given again)."""
        core = self._core
        return self._write(lambda s: billsvc.remove_payment(s, core.actor, payment_id))


def _find_price(session: Session, code_or_id: str | uuid.UUID) -> PriceItem:
    if isinstance(code_or_id, uuid.UUID):
        return billsvc.get_price_item(session, code_or_id)
    text = (code_or_id or "").strip()
    try:
        return billsvc.get_price_item(session, uuid.UUID(text))
    except ValueError:
        pass
    found = billsvc.find_price_item(session, text)
    if found is None:
        raise NotFound(
            msg(
                "No price list item with the code {code}: `outpost prices list` shows them.",
                code=repr(text[:32]),
            )
        )
    return found


# --- claims --------------------------------------------------------------------------------


class ClaimsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    def list(
        self,
        *,
        statuses: Sequence[ClaimStatus] = (),
        rejected: bool = False,
        patient_id: uuid.UUID | None = None,
        invoice_id: uuid.UUID | None = None,
        limit: int = 500,
    ) -> tuple[ClaimLine, ...]:
        """Claims, newest first; `rejected`: the ones to correct and resubmit, the longest
        waiting first."""
        self._core.actor.require(Permission.VIEW_PATIENTS)
        wanted = [ClaimStatus.REJECTED] if rejected else list(statuses)
        return self._tx.read(
            lambda s: read_claims(
                self._core,
                s,
                statuses=wanted,
                patient_id=patient_id,
                invoice_id=invoice_id,
                limit=limit,
            )
        )

    def show(self, claim_id: uuid.UUID) -> ClaimDetail:
        self._core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(lambda s: read_claim(self._core, s, claim_id))

    def memberships(self, patient_id: uuid.UUID) -> tuple[MembershipRef, ...]:
        """The patient's memberships a claim may go through."""
        self._core.actor.require(Permission.VIEW_PATIENTS)

        def read(s: Session) -> tuple[MembershipRef, ...]:
            rows = claimsvc.memberships_of(s, patient_id)
            refs = _Reader(self._core, s).memberships(m.id for m in rows)
            return tuple(refs[m.id] for m in rows)

        return self._tx.read(read)

    def _write(self, work: Any) -> Done[ClaimDetail]:
        core = self._core

        def run(session: Session) -> ClaimDetail:
            row: Claim = work(session)
            return _Reader(core, session).claim(row)

        return self._tx.write(run)

    def add(
        self,
        invoice_id: uuid.UUID,
        *,
        membership_id: uuid.UUID | None = None,
        amount: int | None = None,
        notes: str = "",
    ) -> Done[ClaimDetail]:
        """A claim drafted for an issued invoice (default: what is still owed, through the
        patient's only membership)."""
        core = self._core
        return self._write(
            lambda s: claimsvc.add(
                s,
                core.actor,
                invoice_id=invoice_id,
                membership_id=membership_id,
                amount=amount,
                today=core.today(),
                notes=notes,
            )
        )

    def edit(self, claim_id: uuid.UUID, **changes: Any) -> Done[ClaimDetail]:
        """Change amount (drafted or rejected), reference or notes."""
        core = self._core
        return self._write(lambda s: claimsvc.edit(s, core.actor, claim_id, **changes))

    def move(
        self,
        claim_id: uuid.UUID,
        to: ClaimStatus,
        *,
        on: dt.date | None = None,
        reason: str | None = None,
        paid_amount: int | None = None,
        reference: str | None = None,
    ) -> Done[ClaimDetail]:
        """The claim's next step: submitted or resubmitted (a diagnosis needed), rejected
        (`reason`), paid (`paid_amount`, default the amount claimed: recorded as the scheme's
        payment on the invoice), withdrawn."""
        core = self._core
        return self._write(
            lambda s: claimsvc.move(
                s,
                core.actor,
                claim_id,
                to,
                today=core.today(),
                now=core.clock.now_utc(),
                on=on,
                reason=reason,
                paid_amount=paid_amount,
                reference=reference,
                device_id=core.store.device_id,
            )
        )
