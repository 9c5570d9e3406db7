"""prices list / add / update, invoices list / add / show / update / add-line / diagnose /
pay / issue / void, and claims list / add / show / update: through the billing API
(`core.billing`, `core.claims`), as the screens do.

Amounts are typed and printed in the clinic's currency ("1,500.50" or "1500" for KES;
whole numbers for XOF); dates are the clinic's (YYYY-MM-DD or DD/MM/YYYY).
"""

from __future__ import annotations

import argparse
import uuid
from typing import TYPE_CHECKING, Any

from desktop.app.billing import (
    ClaimDetail,
    ClaimLine,
    ClaimStatus,
    InvoiceDetail,
    InvoiceStatus,
    InvoiceSummary,
    PaymentMethod,
    PriceRow,
)
from desktop.cli.cmd_patients import find_patient
from desktop.cli.cmd_printouts import add_print
from desktop.cli.cmd_referrals import record_id
from desktop.cli.context import CliContext
from desktop.dates import read_date
from desktop.errors import InvalidInput
from desktop.messages import msg
from desktop.services import icd10

if TYPE_CHECKING:
    from desktop.core import ClinicCore

# The steps `claims update --status` takes, as typed.
CLAIM_STEPS = [s.value for s in ClaimStatus if s is not ClaimStatus.DRAFTED]
METHODS = [m.value.replace("_", "-") for m in PaymentMethod if m is not PaymentMethod.SCHEME]


def register(sub: Any) -> None:
    _register_prices(sub)
    _register_invoices(sub)
    _register_claims(sub)


def _register_prices(sub: Any) -> None:
    group = sub.add_parser(
        "prices", help="the clinic's price list (consultations, tests, medicines)"
    ).add_subparsers(dest="prices_command", metavar="ACTION", required=True)
    p = group.add_parser("list", help="the price list, by category and code")
    p.add_argument("--all", action="store_true", help="inactive items too")
    p.add_argument("--category")
    p.set_defaults(run=run_prices_list)
    p = group.add_parser("add", help="add an item (an administrator); prints its id")
    p.add_argument("code", help="a short code (CONS, MAL-RDT)")
    p.add_argument("name")
    p.add_argument("amount", help="the price in the clinic's currency (1500 or 1,500.50)")
    p.add_argument("--category", default="")
    p.set_defaults(run=run_prices_add)
    p = group.add_parser("update", help="change an item; only what is given changes")
    p.add_argument("item", metavar="CODE|ID")
    p.add_argument("--code")
    p.add_argument("--name")
    p.add_argument("--amount")
    p.add_argument("--category")
    state = p.add_mutually_exclusive_group()
    state.add_argument("--deactivate", action="store_true", help="take it off the list")
    state.add_argument("--activate", action="store_true", help="put it back on the list")
    p.set_defaults(run=run_prices_update)


def _register_invoices(sub: Any) -> None:
    group = sub.add_parser(
        "invoices", help="invoices for visits: lines, ICD-10 diagnoses, payments"
    ).add_subparsers(dest="invoices_command", metavar="ACTION", required=True)

    p = group.add_parser("list", help="invoices, newest first")
    p.add_argument("--patient", metavar="ID", help="one patient's (record id or clinic number)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--unpaid", action="store_true", help="issued and not yet covered")
    which.add_argument(
        "--status", action="append", choices=[s.value for s in InvoiceStatus], help="(repeat)"
    )
    p.add_argument("--limit", type=int, default=100, metavar="N")
    p.set_defaults(run=run_invoices_list)

    p = group.add_parser("add", help="draft an invoice for a visit; prints its id")
    p.add_argument("patient", help="the patient's record id or clinic number")
    p.add_argument("--appointment", metavar="ID", help="the visit's appointment")
    p.add_argument(
        "--line",
        action="append",
        default=[],
        metavar="CODE[*N]",
        help="a line from the price list, N times (may be repeated): --line CONS --line RDT*2",
    )
    p.add_argument("--diagnose", action="append", default=[], metavar="ICD10", help="(repeat)")
    p.add_argument("--notes", default="")
    p.add_argument("--issue", action="store_true", help="and issue it (its number is given)")
    p.set_defaults(run=run_invoices_add)

    p = group.add_parser("show", help="an invoice: lines, totals, diagnoses, payments, claims")
    p.add_argument("invoice", metavar="NUMBER|ID")
    p.set_defaults(run=run_invoices_show)

    p = group.add_parser(
        "update",
        help="change a draft's lines, the diagnoses, notes, or remove a payment made in error",
    )
    p.add_argument("invoice", metavar="NUMBER|ID")
    p.add_argument("--notes")
    p.add_argument("--remove-line", action="append", default=[], metavar="LINE_ID")
    p.add_argument("--primary", metavar="ICD10", help="make this diagnosis the primary one")
    p.add_argument("--remove-diagnosis", action="append", default=[], metavar="ICD10")
    p.add_argument("--remove-payment", action="append", default=[], metavar="PAYMENT_ID|RECEIPT")
    p.set_defaults(run=run_invoices_update)

    p = group.add_parser(
        "add-line", help="a line on a draft: from the price list (CODE) or free (--description)"
    )
    p.add_argument("invoice", metavar="NUMBER|ID")
    p.add_argument("code", nargs="?", help="the price list code")
    p.add_argument("--quantity", type=int, default=1, metavar="N")
    p.add_argument("--description", help="a free line's words (or a list item's, changed)")
    p.add_argument("--amount", help="the unit amount (a free line; or a list price changed)")
    p.set_defaults(run=run_invoices_add_line)

    p = group.add_parser("diagnose", help="an ICD-10 diagnosis of the visit (J18.9)")
    p.add_argument("invoice", metavar="NUMBER|ID")
    p.add_argument("code", metavar="ICD10")
    p.add_argument("--primary", action="store_true", help="the primary diagnosis")
    p.set_defaults(run=run_invoices_diagnose)

    p = group.add_parser("pay", help="money received against an issued invoice (a receipt)")
    p.add_argument("invoice", metavar="NUMBER|ID")
    p.add_argument("amount", help="in the clinic's currency (1500 or 1,500.50)")
    p.add_argument("--method", required=True, choices=METHODS)
    p.add_argument("--reference", default="", help="a mobile-money code, a cheque number")
    p.set_defaults(run=run_invoices_pay)

    p = group.add_parser("issue", help="issue a draft: it gets its number, its lines are fixed")
    p.add_argument("invoice", metavar="ID")
    p.set_defaults(run=run_invoices_issue)

    p = group.add_parser("void", help="void an invoice made or issued in error")
    p.add_argument("invoice", metavar="NUMBER|ID")
    p.add_argument("--reason", required=True)
    p.set_defaults(run=run_invoices_void)

    add_print(group, "invoices")


def _register_claims(sub: Any) -> None:
    group = sub.add_parser(
        "claims", help="claims to schemes and insurers for invoices"
    ).add_subparsers(dest="claims_command", metavar="ACTION", required=True)

    p = group.add_parser("list", help="claims, newest first (--rejected: to correct)")
    p.add_argument("--patient", metavar="ID", help="one patient's (record id or clinic number)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--rejected", action="store_true", help="rejected, to resubmit")
    which.add_argument(
        "--status", action="append", choices=[s.value for s in ClaimStatus], help="(repeat)"
    )
    p.add_argument("--limit", type=int, default=100, metavar="N")
    p.set_defaults(run=run_claims_list)

    p = group.add_parser("add", help="draft a claim for an issued invoice; prints its id")
    p.add_argument("invoice", metavar="NUMBER|ID")
    p.add_argument(
        "--membership", metavar="ID", help="the membership (default: the patient's only one)"
    )
    p.add_argument("--amount", help="what is claimed (default: what is still owed)")
    p.add_argument("--notes", default="")
    p.add_argument("--submit", action="store_true", help="and submit it today")
    p.set_defaults(run=run_claims_add)

    p = group.add_parser("show", help="a claim and where it stands")
    p.add_argument("claim", metavar="ID")
    p.set_defaults(run=run_claims_show)

    p = group.add_parser(
        "update",
        help="a claim's next step, or change what it says; only what is given changes",
        description="Record the claim's next step with --status (submitted, rejected with "
        "--reason TEXT, resubmitted, paid with --paid AMOUNT (default: the amount claimed), "
        "withdrawn), or change its --amount, --reference or --notes.",
    )
    p.add_argument("claim", metavar="ID")
    p.add_argument("--status", choices=CLAIM_STEPS)
    p.add_argument("--on", metavar="DATE", help="when it happened (default: today)")
    p.add_argument("--reason", help="why the scheme rejected it")
    p.add_argument("--paid", metavar="AMOUNT", help="what the scheme paid")
    p.add_argument("--amount", help="what is claimed (drafted or rejected)")
    p.add_argument("--reference", help="the scheme's number for the claim")
    p.add_argument("--notes")
    p.set_defaults(run=run_claims_update)

    add_print(group, "claims")


# --- shared --------------------------------------------------------------------------------


def _invoice(core: ClinicCore, text: str) -> uuid.UUID:
    return core.billing.find(text)


def _amount(core: ClinicCore, text: str) -> int:
    return core.billing.parse_amount(text)


def _money(core: ClinicCore, minor: int | None, currency: str) -> str:
    return "-" if minor is None else core.billing.format_amount(minor, currency)


def _line_spec(text: str) -> tuple[str, int]:
    """ "RDT*2" → ("RDT", 2); "CONS" → ("CONS", 1)."""
    code, star, count = text.partition("*")
    if not star:
        return text.strip(), 1
    try:
        times = int(count)
    except ValueError:
        times = 0
    if not 1 <= times <= 10_000:
        raise InvalidInput(
            msg("{text}: a line is CODE or CODE*N (N from 1 to 10000).", text=repr(text[:40]))
        )
    return code.strip(), times


# --- printing ------------------------------------------------------------------------------


def _price_line(core: ClinicCore, p: PriceRow) -> str:
    parts = [p.code, p.name, p.category, _money(core, p.amount, p.currency)]
    if not p.active:
        parts.append("(inactive)")
    return "  ".join(x for x in parts if x) + f"  {p.item_id}"


def _invoice_line(core: ClinicCore, i: InvoiceSummary) -> str:
    patient = f"{i.patient_name} ({i.clinic_number or i.patient_id})"
    number = i.number or "(draft)"
    day = (i.issued_on or i.created_on).isoformat()
    return (
        f"{i.invoice_id}  {number}  {i.status_words}  {day}  {patient}  "
        f"total {_money(core, i.total, i.currency)}  owed {_money(core, i.balance, i.currency)}"
        + (f"  credit {_money(core, i.credit, i.currency)}" if i.credit else "")
    )


def print_invoice(ctx: CliContext, core: ClinicCore, d: InvoiceDetail) -> None:
    s, cur = d.summary, d.currency
    title = f"Invoice {s.number}" if s.number else "Invoice (draft)"
    when = f" {s.issued_on.isoformat()}" if s.issued_on else ""
    by = f" by {d.issued_by}" if d.issued_by else ""
    ctx.print(f"{title}: {s.status_words}{when}{by} ({cur})")
    ctx.print(f"  patient {s.patient_name} ({s.clinic_number or '-'})  {s.patient_id}")
    ctx.print(f"  lines ({len(d.lines)}):")
    for ln in d.lines:
        code = f"{ln.code}  " if ln.code else ""
        ctx.print(
            f"    {code}{ln.description}  {ln.quantity} × {_money(core, ln.unit_amount, cur)}"
            f"  = {_money(core, ln.amount, cur)}  {ln.line_id}"
        )
    ctx.print(
        f"  total {_money(core, s.total, cur)}  paid {_money(core, s.paid, cur)}"
        f"  owed {_money(core, s.balance, cur)}"
        + (f"  credit {_money(core, s.credit, cur)} (to refund)" if s.credit else "")
    )
    if d.diagnoses:
        ctx.print(f"  diagnoses ({len(d.diagnoses)}):")
        for dx in d.diagnoses:
            ctx.print(f"    {dx.code}  {dx.title}" + ("  (primary)" if dx.primary else ""))
    if d.payments:
        ctx.print(f"  payments ({len(d.payments)}):")
        for p in d.payments:
            parts = [
                p.receipt_number,
                p.paid_at.strftime("%Y-%m-%d %H:%M"),
                str(p.method_words),
                _money(core, p.amount, cur),
                f"by {p.received_by}" if p.received_by else "",
                p.reference,
                str(p.payment_id),
            ]
            ctx.print("    " + "  ".join(x for x in parts if x))
    for c in d.claims:
        ctx.print(f"  claim {c.claim_id}  {_claim_words(core, c)}")
    if d.void_reason:
        ctx.print(f"  void: {d.void_reason}")
    if d.notes:
        ctx.print(f"  notes: {d.notes}")
    ctx.print(f"  record id {s.invoice_id}")


def _claim_words(core: ClinicCore, c: ClaimLine) -> str:
    scheme = c.membership.scheme_name if c.membership else "(membership removed)"
    member = c.membership.member_number if c.membership else ""
    return f"{scheme} {member}  {c.status_words}  {_money(core, c.amount, c.currency)}"


def _claim_line(core: ClinicCore, c: ClaimLine) -> str:
    patient = f"{c.patient_name} ({c.clinic_number or c.patient_id})"
    why = f"  [REJECTED: {c.rejection_reason}]" if c.status is ClaimStatus.REJECTED else ""
    return f"{c.claim_id}  {c.invoice_number}  {_claim_words(core, c)}  {patient}{why}"


def print_claim(ctx: CliContext, core: ClinicCore, d: ClaimDetail) -> None:
    c, cur = d.line, d.line.currency
    scheme = c.membership.scheme_name if c.membership else "(membership removed)"
    ctx.print(f"Claim to {scheme}: {c.status_words}, {_money(core, c.amount, cur)} claimed")
    ctx.print(f"  patient {c.patient_name} ({c.clinic_number or '-'})  {c.patient_id}")
    if c.membership:
        holder = f", holder {c.membership.holder_name}" if c.membership.holder_name else ""
        ctx.print(f"  member number {c.membership.member_number}{holder}")
    inv = d.invoice
    ctx.print(
        f"  invoice {inv.number}  total {_money(core, inv.total, cur)}"
        f"  owed {_money(core, inv.balance, cur)}"
    )
    codes = ", ".join(dx.code for dx in inv.diagnoses) or "none (needed before submitting)"
    ctx.print(f"  diagnoses: {codes}")
    steps = [f"drafted {c.created_on.isoformat()}"]
    if c.submitted_on:
        steps.append(
            f"submitted {c.submitted_on.isoformat()}"
            + (f" by {c.submitted_by}" if c.submitted_by else "")
        )
    if c.decided_on:
        steps.append(f"answered {c.decided_on.isoformat()}")
    ctx.print("  " + ", ".join(steps))
    if c.paid_amount is not None:
        receipt = f" (receipt {d.payment.receipt_number})" if d.payment else ""
        ctx.print(f"  paid by the scheme: {_money(core, c.paid_amount, cur)}{receipt}")
    if c.rejection_reason:
        ctx.print(f"  rejected: {c.rejection_reason}")
    if c.reference:
        ctx.print(f"  scheme reference: {c.reference}")
    if c.notes:
        ctx.print(f"  notes: {c.notes}")
    ctx.print(f"  record id {c.claim_id}")


# --- prices --------------------------------------------------------------------------------


def run_prices_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        for p in core.billing.prices(include_inactive=args.all, category=args.category):
            ctx.print(_price_line(core, p))
    return 0


def run_prices_add(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        done = core.billing.add_price(
            args.code, args.name, _amount(core, args.amount), category=args.category
        )
        ctx.print(str(done.value.item_id))
    return 0


def run_prices_update(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        changes: dict[str, Any] = {
            k: v
            for k, v in (("code", args.code), ("name", args.name), ("category", args.category))
            if v is not None
        }
        if args.amount is not None:
            changes["amount"] = _amount(core, args.amount)
        if args.deactivate or args.activate:
            changes["active"] = bool(args.activate)
        if not changes:
            raise InvalidInput(
                msg("Nothing to change: see `outpost prices update --help` for what can be.")
            )
        item = core.billing.price(args.item)
        ctx.print(_price_line(core, core.billing.edit_price(item.item_id, **changes).value))
    return 0


# --- invoices ------------------------------------------------------------------------------


def run_invoices_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient) if args.patient else None
        statuses = [InvoiceStatus(s) for s in args.status or ()]
        for line in core.billing.list(
            patient_id=patient, statuses=statuses, unpaid=args.unpaid, limit=args.limit
        ):
            ctx.print(_invoice_line(core, line))
    return 0


def run_invoices_add(ctx: CliContext, args: argparse.Namespace) -> int:
    lines = [_line_spec(x) for x in args.line]
    appointment = record_id(args.appointment) if args.appointment else None
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient)
        # Every line and code checked before the draft is made: a refusal then leaves no
        # half-filled draft behind whose id was never shown.
        for code, _count in lines:
            item = core.billing.price(code)
            if not item.active:
                raise InvalidInput(
                    msg("{name} is no longer on the price list (inactive).", name=item.name)
                )
        for code in args.diagnose:
            icd10.validate(code)
        invoice_id = core.billing.create(
            patient, appointment_id=appointment, notes=args.notes
        ).value.invoice_id
        ctx.print(str(invoice_id))
        for code, count in lines:
            core.billing.add_line(invoice_id, price=code, quantity=count)
        for code in args.diagnose:
            core.billing.diagnose(invoice_id, code)
        if args.issue:
            core.billing.issue(invoice_id)
    return 0


def run_invoices_show(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        print_invoice(ctx, core, core.billing.show(_invoice(core, args.invoice)))
    return 0


def run_invoices_update(ctx: CliContext, args: argparse.Namespace) -> int:
    if not (
        args.notes is not None
        or args.remove_line
        or args.primary
        or args.remove_diagnosis
        or args.remove_payment
    ):
        raise InvalidInput(
            msg("Nothing to change: see `outpost invoices update --help` for what can be.")
        )
    with ctx.clinic() as core:
        api = core.billing
        invoice_id = _invoice(core, args.invoice)
        detail = api.show(invoice_id)
        if args.notes is not None:
            detail = api.edit_notes(invoice_id, args.notes).value
        for line in args.remove_line:
            detail = api.remove_line(invoice_id, record_id(line)).value
        for code in args.remove_diagnosis:
            detail = api.remove_diagnosis(invoice_id, code).value
        if args.primary:
            detail = api.make_primary(invoice_id, args.primary).value
        for text in args.remove_payment:
            detail = api.remove_payment(_payment(detail, text)).value
        print_invoice(ctx, core, detail)
    return 0


def _payment(detail: InvoiceDetail, text: str) -> uuid.UUID:
    wanted = text.strip()
    for p in detail.payments:
        if str(p.payment_id) == wanted.lower() or p.receipt_number == wanted.upper():
            return p.payment_id
    raise InvalidInput(
        msg(
            "{text} is not a payment on invoice {number}.",
            text=repr(wanted[:40]),
            number=detail.number,
        )
    )


def run_invoices_add_line(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.code is None and (args.description is None or args.amount is None):
        raise InvalidInput(
            msg("Give a price list code, or a free line's --description and --amount.")
        )
    with ctx.clinic() as core:
        invoice_id = _invoice(core, args.invoice)
        amount = _amount(core, args.amount) if args.amount is not None else None
        done = core.billing.add_line(
            invoice_id,
            price=args.code,
            description=args.description,
            unit_amount=amount,
            quantity=args.quantity,
        )
        print_invoice(ctx, core, done.value)
    return 0


def run_invoices_diagnose(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        done = core.billing.diagnose(_invoice(core, args.invoice), args.code, primary=args.primary)
        print_invoice(ctx, core, done.value)
    return 0


def run_invoices_pay(ctx: CliContext, args: argparse.Namespace) -> int:
    method = PaymentMethod(args.method.replace("-", "_"))
    with ctx.clinic() as core:
        invoice_id = _invoice(core, args.invoice)
        done = core.billing.pay(
            invoice_id, _amount(core, args.amount), method, reference=args.reference
        )
        print_invoice(ctx, core, done.value)
    return 0


def run_invoices_issue(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        print_invoice(ctx, core, core.billing.issue(_invoice(core, args.invoice)).value)
    return 0


def run_invoices_void(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        done = core.billing.void(_invoice(core, args.invoice), args.reason)
        print_invoice(ctx, core, done.value)
    return 0


# --- claims --------------------------------------------------------------------------------


def run_claims_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient) if args.patient else None
        statuses = [ClaimStatus(s) for s in args.status or ()]
        for line in core.claims.list(
            statuses=statuses, rejected=args.rejected, patient_id=patient, limit=args.limit
        ):
            ctx.print(_claim_line(core, line))
    return 0


def run_claims_add(ctx: CliContext, args: argparse.Namespace) -> int:
    membership = record_id(args.membership) if args.membership else None
    with ctx.clinic() as core:
        invoice_id = _invoice(core, args.invoice)
        amount = _amount(core, args.amount) if args.amount is not None else None
        claim = core.claims.add(
            invoice_id, membership_id=membership, amount=amount, notes=args.notes
        ).value
        if args.submit:
            core.claims.move(claim.claim_id, ClaimStatus.SUBMITTED)
        ctx.print(str(claim.claim_id))
    return 0


def run_claims_show(ctx: CliContext, args: argparse.Namespace) -> int:
    claim_id = record_id(args.claim)
    with ctx.clinic() as core:
        print_claim(ctx, core, core.claims.show(claim_id))
    return 0


def run_claims_update(ctx: CliContext, args: argparse.Namespace) -> int:
    claim_id = record_id(args.claim)
    step = ClaimStatus(args.status) if args.status else None
    if step is None and args.reason is not None:
        step = ClaimStatus.REJECTED
    elif step is None and args.paid is not None:
        step = ClaimStatus.PAID
    if step is None and args.on is not None:
        raise InvalidInput(msg("--on goes with --status (the step it dates)."))
    if step is None and args.amount is None and args.reference is None and args.notes is None:
        raise InvalidInput(
            msg("Nothing to change: see `outpost claims update --help` for what can be.")
        )
    on = read_date(args.on, field="on") if args.on else None
    with ctx.clinic() as core:
        api = core.claims
        edits: dict[str, Any] = {}
        if args.amount is not None:
            edits["amount"] = _amount(core, args.amount)
        if args.notes is not None:
            edits["notes"] = args.notes
        if args.reference is not None and step is None:
            edits["reference"] = args.reference
        detail = api.edit(claim_id, **edits).value if edits else api.show(claim_id)
        if step is not None:
            paid = _amount(core, args.paid) if args.paid is not None else None
            detail = api.move(
                claim_id,
                step,
                on=on,
                reason=args.reason,
                paid_amount=paid,
                reference=args.reference,
            ).value
        print_claim(ctx, core, detail)
    return 0
