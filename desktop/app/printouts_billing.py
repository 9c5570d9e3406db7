"""The invoice/receipt and the claim form, filled from the billing read models
(`desktop.app.billing` InvoiceDetail, ClaimDetail), for `desktop.app.printouts`.

Amounts stay integers in minor units until here: the forms' line items get the currency's
amount ("1500.5" for 150050 KES, "1500" for XOF) with `money_decimals`, so the table prints
each amount with the currency's own decimals; totals said in words go through Babel
(`desktop.money.format_amount`: "Ksh 1,500.50", "1 500 F CFA").
"""

from __future__ import annotations

from desktop.app.billing import ClaimDetail, InvoiceDetail, read_claim, read_invoice
from desktop.app.printouts import (
    ClaimPrint,
    Filled,
    InvoicePrint,
    LetterPrint,
    Letters,
    amount,
    amount_text,
    money_values,
)
from desktop.errors import InvalidInput
from desktop.messages import msg
from desktop.permissions import Permission
from desktop.services.patients import get_patient
from desktop.store.models import ClaimStatus, InvoiceStatus, Patient, PaymentMethod
from forms.render.values import format_date

# The receipt form's payment methods (a card or bank payment has no box of its own: the
# payments' lines still say how each was paid).
_METHOD_CHOICE = {
    PaymentMethod.CASH: "cash",
    PaymentMethod.MOBILE_MONEY: "mobile_money",
    PaymentMethod.SCHEME: "insurance",
    PaymentMethod.WAIVED: "waived",
}
# The payment methods' words on paper, in the printout's language (the receipt form's own
# choices where it has one).
_METHOD_WORDS = {
    PaymentMethod.CASH: {"en": "Cash", "fr": "Espèces", "sw": "Taslimu"},
    PaymentMethod.MOBILE_MONEY: {"en": "Mobile money", "fr": "Mobile money", "sw": "Pesa kwa simu"},
    PaymentMethod.CARD: {"en": "Card", "fr": "Carte", "sw": "Kadi"},
    PaymentMethod.BANK: {"en": "Bank", "fr": "Banque", "sw": "Benki"},
    PaymentMethod.SCHEME: {"en": "Scheme", "fr": "Régime", "sw": "Mpango wa bima"},
    PaymentMethod.WAIVED: {"en": "Waived", "fr": "Exonéré", "sw": "Imesamehewa"},
}
_LIVE_CLAIMS = (
    ClaimStatus.DRAFTED,
    ClaimStatus.SUBMITTED,
    ClaimStatus.RESUBMITTED,
    ClaimStatus.PAID,
    ClaimStatus.REJECTED,
)


def patient_of(letters: Letters, request: LetterPrint) -> Patient:
    """Whose invoice or claim it is."""
    from desktop.services import billing as billsvc
    from desktop.services import claims as claimsvc

    session = letters.session
    if isinstance(request, InvoicePrint):
        return get_patient(session, billsvc.get_invoice(session, request.invoice_id).patient_id)
    assert isinstance(request, ClaimPrint)
    return get_patient(session, claimsvc.get_claim(session, request.claim_id).patient_id)


def _items(detail: InvoiceDetail) -> list[dict[str, object]]:
    return [
        {
            "description": f"{line.code} {line.description}".strip()
            if line.code
            else line.description,
            "quantity": line.quantity,
            "unit_price": amount(line.unit_amount, detail.currency),
        }
        for line in detail.lines
    ]


def invoice(letters: Letters, request: InvoicePrint, lang: str) -> Filled:
    letters.actor.require(Permission.MANAGE_BILLING)
    detail = read_invoice(letters.core, letters.session, request.invoice_id)
    if detail.status is InvoiceStatus.VOID:
        # On paper a void invoice would look like any bill: it is not printed.
        raise InvalidInput(
            msg(
                "Invoice {number} is void: it cannot be printed as a bill.",
                number=detail.number or detail.invoice_id,
            )
        )
    patient = get_patient(letters.session, detail.summary.patient_id)
    currency = detail.currency
    claims = [c for c in detail.claims if c.status in _LIVE_CLAIMS and c.membership is not None]
    methods = {p.method for p in detail.payments}
    payments = "\n".join(
        " · ".join(
            part
            for part in (
                format_date(p.paid_at.date(), lang),
                _METHOD_WORDS[p.method].get(lang, _METHOD_WORDS[p.method]["en"]),
                amount_text(letters, p.amount, currency, lang),
                p.receipt_number,
                p.reference,
            )
            if part
        )
        for p in detail.payments
    )
    answers: dict[str, object] = {
        "invoice_number": detail.number,
        "invoice_date": (detail.summary.issued_on or detail.summary.created_on).isoformat(),
        "payer": "insurance" if claims else "patient",
        "payer_reference": (
            " · ".join(
                " · ".join(p for p in (c.membership.scheme_name, c.membership.member_number) if p)
                for c in claims
                if c.membership is not None
            )
            if claims
            else None
        ),
        "items": _items(detail),
        "payments": payments,
        "amount_paid": amount(detail.paid, currency),
        "balance": amount(max(detail.balance, 0), currency),
        "payment_method": _METHOD_CHOICE.get(methods.pop()) if len(methods) == 1 else None,
        "transaction_reference": "; ".join(
            p.reference
            for p in detail.payments
            if p.method is PaymentMethod.MOBILE_MONEY and p.reference
        ),
        # Who took the money, else who prints the receipt: a receipt names a person.
        "received_by": next(
            (p.received_by for p in reversed(detail.payments) if p.received_by),
            letters.actor.display_name,
        ),
    }
    return Filled(
        "receipt",
        {k: v for k, v in answers.items() if v not in (None, "")},
        patient,
        {**letters.base_values(patient), **money_values(currency)},
        "invoices",
        detail.invoice_id,
        "invoice",
    )


_NOT_THE_PATIENTS = (PaymentMethod.SCHEME, PaymentMethod.WAIVED)


def claim(letters: Letters, request: ClaimPrint, lang: str) -> Filled:
    letters.actor.require(Permission.MANAGE_BILLING)
    detail: ClaimDetail = read_claim(letters.core, letters.session, request.claim_id)
    line, bill = detail.line, detail.invoice
    patient = get_patient(letters.session, line.patient_id)
    currency = bill.currency
    member = line.membership
    diagnoses = "\n".join(f"{d.code}  {d.title}" for d in bill.diagnoses)
    # What the patient paid themselves: neither the schemes' payments nor what the clinic
    # waived (no money changed hands; the form has no line for a waiver, and the amount
    # claimed already leaves it out).
    own = sum(p.amount for p in bill.payments if p.method not in _NOT_THE_PATIENTS)
    answers: dict[str, object] = {
        "scheme": member.scheme_name if member else "",
        "member_number": member.member_number if member else "",
        "holder": member.holder_name if member else "",
        "valid_until": member.valid_until.isoformat() if member and member.valid_until else None,
        "claim_date": (line.submitted_on or letters.today).isoformat(),
        "invoice_number": line.invoice_number,
        "visit_date": (bill.summary.issued_on or bill.summary.created_on).isoformat(),
        "reference": line.reference,
        "diagnoses": diagnoses,
        "items": _items(bill),
        "invoice_total": amount_text(letters, bill.total, currency, lang),
        "paid_by_patient": amount_text(letters, own, currency, lang),
        "amount_claimed": amount_text(letters, line.amount, currency, lang),
    }
    return Filled(
        "claim",
        {k: v for k, v in answers.items() if v not in (None, "")},
        patient,
        {**letters.base_values(patient), **money_values(currency)},
        "claims",
        line.claim_id,
        "claim",
    )
