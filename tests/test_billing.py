"""Billing on real stores: the clinic's currency, money typed and shown, the price list,
invoices (drafted → issued → paid, or void), their totals and numbers on two laptops, ICD-10
diagnoses at their most specific level, payments and receipts, and who may do what."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import money
from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from desktop.paths import DataPaths
from desktop.permissions import Actor
from desktop.services import billing as billsvc
from desktop.services import clinic_numbers, icd10
from desktop.store.device import write_device_id
from desktop.store.models import InvoiceStatus, PaymentMethod, Role
from tests.clinic_template import copy_laptop
from tests.conftest import PASSWORD

S = InvoiceStatus
NOON = dt.datetime(2026, 11, 23, 12, 0)  # clinic wall-clock time
# Two device ids whose tags differ (the low bits name the device in its numbers).
DEVICE_A = uuid.UUID("01a23b7b-0000-7000-8000-000000000000")
DEVICE_B = uuid.UUID("01a23b7b-0000-7000-8000-0000000003ff")


def _open(root: Path, device: uuid.UUID | None = None) -> ClinicCore:
    if device is not None:
        write_device_id(DataPaths(root), device)
    core = ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)
    instant = NOON.replace(tzinfo=core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)
    return core


@pytest.fixture(scope="module")
def template(clinic_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared clinic, billing in Kenyan shillings, with a small price list."""
    root = copy_laptop(clinic_template, tmp_path_factory.mktemp("billing") / "a")
    core = _open(root)
    core.admin.update_clinic(currency="KES")
    core.billing.add_price("CONS", "Consultation", 50_000, category="visit")
    core.billing.add_price("RDT", "Malaria RDT", 25_050, category="lab")
    core.close()
    return root


@pytest.fixture
def clinic(template: Path, tmp_path: Path) -> Iterator[ClinicCore]:
    core = _open(copy_laptop(template, tmp_path / "a", own_device=True), DEVICE_A)
    yield core
    core.close()


def patient(core: ClinicCore, given: str = "Wanjiru") -> uuid.UUID:
    data = PatientInput(given_name=given, family_name="Kamau", estimated_age_years="34")
    return core.patients.register(data, confirmed_new=True).value


def billed(core: ClinicCore, *lines: tuple[str, int]) -> uuid.UUID:
    invoice_id = core.billing.create(patient(core)).value.invoice_id
    for code, count in lines:
        core.billing.add_line(invoice_id, price=code, quantity=count)
    return invoice_id


# --- money ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "currency", "minor"),
    [
        ("1,500.50", "KES", 150_050),
        ("1500", "KES", 150_000),
        ("0.5", "KES", 50),
        ("KES 1,234,567.89", "KES", 123_456_789),
        ("1500", "XOF", 1500),
        ("1 500", "XOF", 1500),
        ("1500.00", "XOF", 1500),  # the zeros say nothing more
        ("25 000", "UGX", 25_000),
    ],
)
def test_typed_amounts_become_minor_units_of_the_currency(
    typed: str, currency: str, minor: int
) -> None:
    assert money.parse_amount(typed, currency) == minor


def test_a_decimal_comma_is_read_where_people_write_one() -> None:
    assert money.parse_amount("1 500,50", "KES", decimal_comma=True) == 150_050
    assert money.parse_amount("1.500,50", "KES", decimal_comma=True) == 150_050


@pytest.mark.parametrize(
    ("typed", "currency", "says"),
    [
        ("1500.5", "XOF", "whole numbers (no decimals)"),
        ("1.505", "KES", "at most 2 decimals: '1.505' has 3"),
        ("1,50", "KES", "not an amount"),  # decimals typed with the wrong sign
        ("-5", "KES", "cannot be negative"),
        ("abc", "KES", "not an amount"),
        ("", "KES", "not an amount"),
        ("1.2.3", "KES", "not an amount"),
        ("1.\u00b2", "KES", "not an amount"),  # a superscript two is no digit of an amount
        ("99999999999999", "KES", "too large"),
    ],
)
def test_amounts_that_are_not_are_refused_in_words(typed: str, currency: str, says: str) -> None:
    with pytest.raises(InvalidInput, match=says.replace("(", r"\(").replace(")", r"\)")):
        money.parse_amount(typed, currency)


def test_amounts_are_shown_in_the_reader_s_language() -> None:
    assert money.format_amount(150_050, "KES", "en", "KE") == "Ksh1,500.50"
    assert money.format_amount(150_050, "KES", "sw", "KE") == "Ksh\xa01,500.50"
    assert money.format_amount(150_050, "KES", "fr", "KE") == "1\u202f500,50\xa0KES"
    assert money.format_amount(1500, "XOF", "fr", "SN") == "1\u202f500\xa0F\u202fCFA"
    assert money.decimals("XOF") == 0 and money.decimals("KES") == 2
    assert money.plain_amount(150_050, "KES") == "1500.50"
    assert money.plain_amount(1500, "XOF") == "1500"


@given(
    minor=st.integers(min_value=0, max_value=money.MAX_MINOR),
    currency=st.sampled_from(["KES", "XOF", "TZS", "UGX", "BHD", "USD"]),
    language=st.sampled_from(["en", "fr", "sw"]),
)
@settings(max_examples=200, deadline=None)
def test_an_amount_shown_or_typed_back_is_the_same_amount(
    minor: int, currency: str, language: str
) -> None:
    assert money.parse_amount(money.plain_amount(minor, currency), currency) == minor
    shown = money.format_amount(minor, currency, language)
    digits = "".join(ch for ch in shown if ch.isdigit())
    assert int(digits) == minor  # every minor unit is shown, none rounded away
    places = money.decimals(currency)
    assert money.to_decimal(minor, currency) == Decimal(minor) / (10**places)


@given(
    text=st.one_of(
        st.text(max_size=30),
        # Near-amounts: digits, signs and spaces people type, and digits that are not 0-9.
        st.text(alphabet="0123456789.,-' \u00a0\u202f\u00b2\u0665KESXOF", max_size=20),
    ),
    currency=st.sampled_from(["KES", "XOF", "BHD"]),
)
@settings(max_examples=300, deadline=None)
def test_any_text_is_an_amount_or_refused_in_words(text: str, currency: str) -> None:
    for comma in (False, True):
        try:
            minor = money.parse_amount(text, currency, decimal_comma=comma)
        except InvalidInput as refused:
            assert str(refused) and refused.field in ("amount", None)
        else:
            assert 0 <= minor <= money.MAX_MINOR
            assert any(ch.isdigit() for ch in text)


# --- the clinic's currency and the price list ----------------------------------------------


def test_the_currency_is_set_once_the_price_list_holds_amounts(clinic: ClinicCore) -> None:
    core = clinic
    assert core.admin.clinic().currency == "KES" and core.billing.currency() == "KES"
    with pytest.raises(InvalidInput, match="stays KES"):
        core.admin.update_clinic(currency="TZS")
    with pytest.raises(InvalidInput, match="not a currency code"):
        core.admin.update_clinic(currency="KSH")
    core.admin.update_clinic(currency="kes")  # the same: nothing to refuse


def test_an_invoice_needs_the_clinic_s_currency(template: Path, tmp_path: Path) -> None:
    from tests.clinic_template import make_template

    core = _open(make_template(tmp_path / "fresh"))
    try:
        pid = patient(core)
        with pytest.raises(InvalidInput, match="currency is not set"):
            core.billing.create(pid)
        with pytest.raises(InvalidInput, match="currency is not set"):
            core.billing.add_price("CONS", "Consultation", 100)
        core.admin.update_clinic(currency="XOF")
        assert core.billing.create(pid).value.currency == "XOF"
    finally:
        core.close()


def test_the_price_list_add_edit_deactivate(clinic: ClinicCore) -> None:
    core = clinic
    assert [(p.code, p.amount) for p in core.billing.prices()] == [
        ("RDT", 25_050),
        ("CONS", 50_000),
    ]  # by category (lab, visit), then code
    added = core.billing.add_price(" fbc ", "Full blood count", 80_000, category="lab")
    assert added.value.code == "FBC" and added.changes.touches("price_items")
    with pytest.raises(Conflict, match="taken by Full blood count"):
        core.billing.add_price("Fbc", "Again", 1)
    with pytest.raises(InvalidInput, match="needs a name"):
        core.billing.add_price("X", "  ", 1)
    with pytest.raises(InvalidInput, match="cannot be negative"):
        core.billing.add_price("X", "Thing", -1)
    core.billing.edit_price(added.value.item_id, amount=85_000, name="FBC")
    assert core.billing.price("fbc").amount == 85_000
    core.billing.deactivate_price(added.value.item_id)
    assert "FBC" not in [p.code for p in core.billing.prices()]
    assert "FBC" in [p.code for p in core.billing.prices(include_inactive=True)]
    assert [p.code for p in core.billing.prices(category="LAB")] == ["RDT"]
    draft = core.billing.create(patient(core)).value.invoice_id
    with pytest.raises(Conflict, match="no longer on the price list"):
        core.billing.add_line(draft, price="FBC")
    with pytest.raises(NotFound, match="No price list item"):
        core.billing.add_line(draft, price="NOPE")


# --- invoices ------------------------------------------------------------------------------


def test_a_draft_s_lines_change_and_an_issued_invoice_s_do_not(clinic: ClinicCore) -> None:
    core = clinic
    invoice_id = billed(core, ("CONS", 1), ("RDT", 2))
    detail = core.billing.show(invoice_id)
    assert detail.status is S.DRAFT and detail.number == "" and detail.currency == "KES"
    assert [(ln.code, ln.quantity, ln.unit_amount, ln.amount) for ln in detail.lines] == [
        ("CONS", 1, 50_000, 50_000),
        ("RDT", 2, 25_050, 50_100),
    ]
    assert (detail.total, detail.paid, detail.balance) == (100_100, 0, 100_100)

    # A price changed later leaves the bill as it was priced.
    rdt = core.billing.price("RDT")
    core.billing.edit_price(rdt.item_id, amount=30_000)
    assert core.billing.show(invoice_id).total == 100_100
    free = core.billing.add_line(invoice_id, description="Dressing", unit_amount=9_950).value
    assert free.lines[-1].price_item_id is None and free.total == 110_050
    with pytest.raises(InvalidInput, match="needs an amount"):
        core.billing.add_line(invoice_id, description="Dressing")
    with pytest.raises(InvalidInput, match="needs a description"):
        core.billing.add_line(invoice_id, unit_amount=100)
    with pytest.raises(InvalidInput, match="quantity is a whole number from 1"):
        core.billing.add_line(invoice_id, price="CONS", quantity=0)
    rdt_line = free.lines[1].line_id
    edited = core.billing.edit_line(invoice_id, rdt_line, quantity=3).value
    assert edited.total == 135_100
    removed = core.billing.remove_line(invoice_id, free.lines[-1].line_id).value
    assert removed.total == 125_150 and len(removed.lines) == 2

    issued = core.billing.issue(invoice_id)
    assert issued.value.status is S.ISSUED and issued.value.summary.issued_on == NOON.date()
    assert issued.value.issued_by == "Amina Odhiambo"
    assert issued.changes.touches("invoices")
    for change in (
        lambda: core.billing.add_line(invoice_id, price="CONS"),
        lambda: core.billing.edit_line(invoice_id, rdt_line, quantity=1),
        lambda: core.billing.remove_line(invoice_id, rdt_line),
    ):
        with pytest.raises(Conflict, match=r"lines are fixed\. Void it"):
            change()
    with pytest.raises(Conflict, match="issued cannot become issued"):
        core.billing.issue(invoice_id)
    empty = core.billing.create(patient(core, "Otieno")).value.invoice_id
    with pytest.raises(InvalidInput, match="at least one line"):
        core.billing.issue(empty)


def test_invoice_numbers_are_this_laptop_s_and_never_repeat(template: Path, tmp_path: Path) -> None:
    a = _open(copy_laptop(template, tmp_path / "a", own_device=True), DEVICE_A)
    b = _open(copy_laptop(template, tmp_path / "b", own_device=True), DEVICE_B)
    try:
        tag_a, tag_b = (clinic_numbers.device_tag(d) for d in (DEVICE_A, DEVICE_B))
        assert tag_a != tag_b
        on_a = [a.billing.issue(billed(a, ("CONS", 1))).value.number for _ in range(3)]
        on_b = [b.billing.issue(billed(b, ("CONS", 1))).value.number for _ in range(2)]
        assert on_a == [f"KHP-{tag_a}-INV000{n}" for n in (1, 2, 3)]
        assert on_b == [f"KHP-{tag_b}-INV000{n}" for n in (1, 2)]
        # Receipts have their own series; patients' clinic numbers keep theirs.
        paid = a.billing.pay(a.billing.find(on_a[0]), 50_000, PaymentMethod.CASH).value
        assert paid.payments[0].receipt_number == f"KHP-{tag_a}-RCT0001"
        assert paid.summary.clinic_number == f"KHP-{tag_a}0001"
        # A number already held (one back from HQ after a restore) is skipped, never reused.
        with a.store.session() as session, session.begin():
            held = billsvc.find_invoice_by_number(session, on_a[2])
            assert held is not None
            held.number = f"KHP-{tag_a}-INV0005"
            meta = session.get(clinic_numbers.Meta, billsvc.INVOICE_SERIES[0])
            assert meta is not None
            meta.value = "5"
        assert a.billing.issue(billed(a, ("RDT", 1))).value.number == f"KHP-{tag_a}-INV0006"
        assert a.billing.find(f"khp-{tag_a}-inv0006") is not None
    finally:
        a.close()
        b.close()


def test_payments_make_an_invoice_paid_and_a_removed_one_makes_it_owe_again(
    clinic: ClinicCore,
) -> None:
    core = clinic
    invoice_id = billed(core, ("CONS", 1), ("RDT", 2))
    with pytest.raises(Conflict, match="Issue the invoice before taking a payment"):
        core.billing.pay(invoice_id, 100, PaymentMethod.CASH)
    core.billing.issue(invoice_id)
    first = core.billing.pay(invoice_id, 60_000, PaymentMethod.CASH).value
    assert (first.status, first.paid, first.balance) == (S.ISSUED, 60_000, 40_100)
    with pytest.raises(InvalidInput, match=r"401\.00 KES still owed"):
        core.billing.pay(invoice_id, 40_101, PaymentMethod.CASH)
    with pytest.raises(InvalidInput, match="more than nothing"):
        core.billing.pay(invoice_id, 0, PaymentMethod.CASH)
    with pytest.raises(InvalidInput, match="mark the claim paid"):
        core.billing.pay(invoice_id, 100, PaymentMethod.SCHEME)
    second = core.billing.pay(
        invoice_id, 40_100, PaymentMethod.MOBILE_MONEY, reference=" QK7HX2 "
    ).value
    assert second.status is S.PAID and second.balance == 0
    mobile = second.payments[-1]
    assert (mobile.method_words, mobile.reference, mobile.received_by) == (
        "mobile money",
        "QK7HX2",
        "Amina Odhiambo",
    )
    assert mobile.paid_at.tzinfo is not None and mobile.paid_at.hour == NOON.hour
    assert [x.invoice_id for x in core.billing.list(statuses=[S.PAID])] == [invoice_id]
    assert core.billing.list(unpaid=True) == ()

    back = core.billing.remove_payment(mobile.payment_id).value
    assert back.status is S.ISSUED and back.balance == 40_100 and len(back.payments) == 1
    assert [x.invoice_id for x in core.billing.list(unpaid=True)] == [invoice_id]
    with pytest.raises(NotFound):
        core.billing.remove_payment(mobile.payment_id)
    # Its receipt number is not given again.
    again = core.billing.pay(invoice_id, 40_100, PaymentMethod.CASH).value
    numbers = [p.receipt_number for p in again.payments]
    assert mobile.receipt_number not in numbers and len(set(numbers)) == 2


def test_the_unpaid_list_reaches_an_older_invoice_behind_newer_paid_ones(
    clinic: ClinicCore,
) -> None:
    core = clinic
    owing = billed(core, ("CONS", 1))
    core.billing.issue(owing)
    for _ in range(3):
        paid = billed(core, ("CONS", 1))
        core.billing.issue(paid)
        core.billing.pay(paid, core.billing.show(paid).total, PaymentMethod.CASH)
    assert [x.invoice_id for x in core.billing.list(unpaid=True, limit=2)] == [owing]


def test_the_status_follows_the_payments_whoever_took_them(clinic: ClinicCore) -> None:
    """A stored status another laptop left behind (paid, its payment since removed there) is
    read from the payments, as every laptop reads it."""
    core = clinic
    invoice_id = billed(core, ("CONS", 1))
    core.billing.issue(invoice_id)
    with core.store.session() as session, session.begin():
        billsvc.get_invoice(session, invoice_id).status = S.PAID
    assert core.billing.show(invoice_id).status is S.ISSUED
    assert [x.invoice_id for x in core.billing.list(unpaid=True)] == [invoice_id]


def test_void_instead_of_change(clinic: ClinicCore) -> None:
    core = clinic
    invoice_id = billed(core, ("CONS", 1))
    core.billing.issue(invoice_id)
    paid = core.billing.pay(invoice_id, 10_000, PaymentMethod.CASH).value
    with pytest.raises(InvalidInput, match="Say why"):
        core.billing.void(invoice_id, " ")
    with pytest.raises(Conflict, match="has payments: remove them"):
        core.billing.void(invoice_id, "wrong patient")
    core.billing.remove_payment(paid.payments[0].payment_id)
    voided = core.billing.void(invoice_id, "wrong patient").value
    assert voided.status is S.VOID and voided.balance == 0 and voided.void_reason == "wrong patient"
    assert voided.number  # it keeps its number
    with pytest.raises(Conflict, match="void"):
        core.billing.pay(invoice_id, 100, PaymentMethod.CASH)
    with pytest.raises(Conflict, match="void cannot become void"):
        core.billing.void(invoice_id, "again")
    draft = billed(core, ("RDT", 1))
    assert core.billing.void(draft, "made by mistake").value.status is S.VOID


# --- diagnoses -----------------------------------------------------------------------------


def test_diagnoses_are_icd10_codes_at_their_most_specific_level(clinic: ClinicCore) -> None:
    core = clinic
    invoice_id = billed(core, ("CONS", 1))
    with pytest.raises(icd10.NeedsSubcategory) as asked:
        core.billing.diagnose(invoice_id, "J18")
    assert "J18 (Pneumonia, organism unspecified) needs one more digit" in str(asked.value)
    assert "J18.9 Pneumonia, unspecified" in str(asked.value)
    assert "J18.9" in [c.code for c in asked.value.choices]
    with pytest.raises(InvalidInput, match=r"'Z99\.99' is not an ICD-10 code.*nearest is Z99\.9 "):
        core.billing.diagnose(invoice_id, "Z99.99")
    with pytest.raises(InvalidInput, match="group of codes"):
        core.billing.diagnose(invoice_id, "B50-B64")
    first = core.billing.diagnose(invoice_id, "j18.9").value
    assert [(d.code, d.title, d.primary) for d in first.diagnoses] == [
        ("J18.9", "Pneumonia, unspecified", True)
    ]
    assert first.diagnoses[0].recorded_by == "Amina Odhiambo"
    with pytest.raises(Conflict, match=r"J18\.9 is on this invoice already"):
        core.billing.diagnose(invoice_id, "J189")
    # One primary: a second one is secondary, unless it is made primary.
    second = core.billing.diagnose(invoice_id, "B54").value
    assert [(d.code, d.primary) for d in second.diagnoses] == [("J18.9", True), ("B54", False)]
    third = core.billing.diagnose(invoice_id, "E11.9", primary=True).value
    assert third.primary_diagnosis is not None and third.primary_diagnosis.code == "E11.9"
    assert sum(d.primary for d in third.diagnoses) == 1
    swapped = core.billing.make_primary(invoice_id, "b54").value
    assert (swapped.diagnoses[0].code, swapped.diagnoses[0].primary) == ("B54", True)
    # The primary removed: the earliest other becomes primary.
    left = core.billing.remove_diagnosis(invoice_id, "B54").value
    assert [(d.code, d.primary) for d in left.diagnoses] == [("J18.9", True), ("E11.9", False)]
    with pytest.raises(NotFound, match="not a diagnosis on this invoice"):
        core.billing.remove_diagnosis(invoice_id, "A00.0")
    # Diagnoses may still be added once the invoice is issued (a claim needs them).
    core.billing.issue(invoice_id)
    assert len(core.billing.diagnose(invoice_id, "B54").value.diagnoses) == 3


# --- who may do what, bad input ----------------------------------------------------------


def test_who_may_do_what(clinic: ClinicCore) -> None:
    core = clinic
    invoice_id = billed(core, ("CONS", 1))

    def as_role(role: Role) -> Actor:
        return Actor(uuid.uuid4(), role.value, role.value.title(), role, core.store.clinic_id)

    with core.store.session() as session, session.begin():
        # The price list and the currency are the clinic's settings: an administrator's.
        for role in (Role.COORDINATOR, Role.CLINICIAN):
            with pytest.raises(PermissionDenied, match="may not change clinic settings"):
                billsvc.add_price_item(session, as_role(role), code="X", name="X", amount=1)
        # A coordinator bills and takes payments; a clinician codes the diagnosis.
        billsvc.add_line(
            session, as_role(Role.COORDINATOR), invoice_id, description="X", unit_amount=1
        )
        clinician = as_role(Role.CLINICIAN)
        billsvc.diagnose(session, clinician, invoice_id, "B54", today=NOON.date())
        billsvc.make_primary(session, clinician, invoice_id, "B54")
        # … and handles none of its money: no lines, no void, no payment, no refund.
        for money in (
            lambda: billsvc.add_line(
                session, clinician, invoice_id, description="Y", unit_amount=1
            ),
            lambda: billsvc.void(session, clinician, invoice_id, reason="wrong patient"),
            lambda: billsvc.remove_payment(session, clinician, uuid.uuid4()),
        ):
            with pytest.raises(PermissionDenied, match="may not bill visits"):
                money()
    assert len(core.billing.show(invoice_id).lines) == 2
    assert [d.code for d in core.billing.show(invoice_id).diagnoses] == ["B54"]


def test_records_that_are_not_there_are_said_so(clinic: ClinicCore) -> None:
    core = clinic
    missing = uuid.uuid4()
    with pytest.raises(NotFound, match="No invoice with id"):
        core.billing.show(missing)
    with pytest.raises(NotFound, match="No patient with id"):
        core.billing.create(missing)
    with pytest.raises(NotFound, match="No invoice numbered"):
        core.billing.find("KHP-ZZ-INV0001")
    invoice_id = billed(core, ("CONS", 1))
    with pytest.raises(NotFound, match="No invoice line"):
        core.billing.edit_line(invoice_id, missing, quantity=2)
    with pytest.raises(InvalidInput, match="too long"):
        core.billing.add_line(invoice_id, description="x" * 201, unit_amount=1)


@given(
    lines=st.lists(st.tuples(st.integers(1, 50), st.integers(0, 2_000_000)), min_size=1, max_size=6)
)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_the_total_is_the_sum_of_quantity_times_price(
    clinic: ClinicCore, lines: list[tuple[int, int]]
) -> None:
    core = clinic
    invoice_id = core.billing.create(patient(core)).value.invoice_id
    for count, amount in lines:
        core.billing.add_line(invoice_id, description="item", unit_amount=amount, quantity=count)
    detail = core.billing.show(invoice_id)
    assert detail.total == sum(c * a for c, a in lines) == detail.balance
    assert all(ln.amount == ln.quantity * ln.unit_amount for ln in detail.lines)


def test_a_line_and_an_invoice_are_capped_like_a_payment_in_words(clinic: ClinicCore) -> None:
    core = clinic
    invoice_id = billed(core)
    most = money.MAX_MINOR
    with pytest.raises(InvalidInput, match=r"This line comes to .*a line is at most"):
        core.billing.add_line(invoice_id, description="Surgery", unit_amount=most, quantity=2)
    core.billing.add_line(invoice_id, description="Surgery", unit_amount=most // 2, quantity=2)
    with pytest.raises(InvalidInput, match=r"an invoice is at most .*another invoice"):
        core.billing.add_line(invoice_id, description="Dressing", unit_amount=100)
    line = core.billing.show(invoice_id).lines[0].line_id
    with pytest.raises(InvalidInput, match="a line is at most"):
        core.billing.edit_line(invoice_id, line, quantity=3)
    core.billing.edit_line(invoice_id, line, quantity=1)  # halved: within the most again
    core.billing.add_line(invoice_id, description="Dressing", unit_amount=100)
    assert core.billing.show(invoice_id).total == most // 2 + 100
