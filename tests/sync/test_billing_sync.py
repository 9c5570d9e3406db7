"""Price list, invoices, diagnoses, payments and claims travel through a real `outpost-hq` with
no code of their own beyond their record specs: a claim marked paid on one laptop is paid on
the other (with the scheme's payment on the invoice), invoice and receipt numbers issued
offline on two laptops never collide, and a payment removed in error on one laptop makes the
invoice owe again on the other."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop.core import ClinicCore
from desktop.services import clinic_numbers
from desktop.store.models import (
    ClaimStatus,
    CoverageMembership,
    CoverageScheme,
    InvoiceStatus,
    PaymentMethod,
    SchemeKind,
)
from tests.hqserver import HqServer
from tests.sync.laptops import Laptops, laptops_of, make_clinic, register, unacked


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "template")


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq_sqlite: HqServer) -> Iterator[Laptops]:
    with laptops_of(template, tmp_path / "laptops", hq_sqlite) as made:
        yield made


def two_laptops(laptops: Laptops) -> tuple[ClinicCore, ClinicCore]:
    """Laptops A and B of the clinic, whose device tags differ (two random device ids share
    a tag about once in a thousand pairs: clinic_numbers), A having set the currency and the
    price list and B having pulled them."""
    a = laptops.new("a")
    b = laptops.new("b")
    n = 0
    while clinic_numbers.device_tag(a.store.device_id) == clinic_numbers.device_tag(
        b.store.device_id
    ):
        n += 1
        b = laptops.new(f"b{n}")
    a.admin.update_clinic(currency="KES")
    a.billing.add_price("CONS", "Consultation", 50_000)
    a.billing.add_price("RDT", "Malaria RDT", 25_000)
    assert a.sync.sync_now().rejected == ()
    b.sync.sync_now()
    assert b.billing.currency() == "KES"
    assert [p.code for p in b.billing.prices()] == ["CONS", "RDT"]
    return a, b


def membership(core: ClinicCore, patient_id: uuid.UUID) -> uuid.UUID:
    def work(session: Session) -> uuid.UUID:
        scheme = CoverageScheme(
            clinic_id=core.actor.clinic_id, name="NHIF", kind=SchemeKind.GOVERNMENT
        )
        session.add(scheme)
        session.flush()
        row = CoverageMembership(
            clinic_id=core.actor.clinic_id,
            patient_id=patient_id,
            scheme_id=scheme.id,
            member_number="NH-4471",
        )
        session.add(row)
        session.flush()
        return row.id

    return core.tx.write(work).value


def issue_one(core: ClinicCore, patient_id: uuid.UUID) -> uuid.UUID:
    invoice_id = core.billing.create(patient_id).value.invoice_id
    core.billing.add_line(invoice_id, price="CONS")
    core.billing.add_line(invoice_id, price="RDT", quantity=2)
    core.billing.issue(invoice_id)
    return invoice_id


def test_a_claim_marked_paid_on_one_laptop_is_paid_on_the_other(
    laptops: Laptops, hq_sqlite: HqServer
) -> None:
    a, b = two_laptops(laptops)
    pid = register(a, "Akinyi")
    membership(a, pid)
    invoice_id = issue_one(a, pid)
    a.billing.diagnose(invoice_id, "B54")
    claim_id = a.claims.add(invoice_id).value.claim_id
    a.claims.move(claim_id, ClaimStatus.SUBMITTED, reference="NH/118")
    sent = a.sync.sync_now()
    assert sent.rejected == () and unacked(a) == 0
    b.sync.sync_now()

    there = b.claims.show(claim_id)
    assert there.status is ClaimStatus.SUBMITTED and there.line.reference == "NH/118"
    assert there.line.membership is not None and there.line.membership.scheme_name == "NHIF"
    assert [d.code for d in there.invoice.diagnoses] == ["B54"]
    assert there.invoice.number == a.billing.show(invoice_id).number

    # The scheme's answer is recorded on B; A learns it at its next sync.
    paid = b.claims.move(claim_id, ClaimStatus.PAID, paid_amount=100_000).value
    receipt = paid.payment.receipt_number if paid.payment else ""
    assert f"-{clinic_numbers.device_tag(b.store.device_id)}-RCT" in receipt
    b.sync.sync_now()
    a.sync.sync_now()
    on_a = a.claims.show(claim_id)
    assert on_a.status is ClaimStatus.PAID and on_a.line.paid_amount == 100_000
    assert on_a.payment is not None and on_a.payment.method is PaymentMethod.SCHEME
    assert on_a.payment.receipt_number == receipt
    invoice = a.billing.show(invoice_id)
    assert invoice.status is InvoiceStatus.PAID and invoice.paid_by_scheme == 100_000
    assert invoice.balance == 0 and a.billing.list(unpaid=True) == ()
    assert a.remote.needs_attention() == [] and b.remote.needs_attention() == []

    status = hq_sqlite.status_text()
    for kind in ("claims 1", "invoices 1", "invoice_lines 2", "diagnoses 1", "payments 1"):
        assert kind in status, status
    assert "price_items 2" in status
    assert a.sync.sync_now().counts_differ == ()


def test_invoice_numbers_issued_offline_on_two_laptops_do_not_collide(laptops: Laptops) -> None:
    a, b = two_laptops(laptops)
    # Offline: each laptop bills its own patients and takes payments.
    made_a = [issue_one(a, register(a, f"Awino{n}")) for n in range(3)]
    made_b = [issue_one(b, register(b, f"Baraka{n}")) for n in range(3)]
    for core, invoices in ((a, made_a), (b, made_b)):
        for invoice_id in invoices:
            core.billing.pay(invoice_id, 40_000, PaymentMethod.CASH)
    for core in (a, b, a):
        assert core.sync.sync_now().rejected == ()

    for core in (a, b):
        listed = core.billing.list()
        numbers = [x.number for x in listed]
        assert len(listed) == 6 and len(set(numbers)) == 6, numbers
        receipts = [
            p.receipt_number for x in listed for p in core.billing.show(x.invoice_id).payments
        ]
        assert len(receipts) == 6 and len(set(receipts)) == 6, receipts
        assert all(x.balance == 60_000 and x.status is InvoiceStatus.ISSUED for x in listed)
    tag_a, tag_b = (clinic_numbers.device_tag(c.store.device_id) for c in (a, b))
    assert {b.billing.show(i).number for i in made_a} == {
        f"KHP-{tag_a}-INV000{n}" for n in (1, 2, 3)
    }
    assert {a.billing.show(i).number for i in made_b} == {
        f"KHP-{tag_b}-INV000{n}" for n in (1, 2, 3)
    }


def test_a_payment_removed_on_one_laptop_makes_the_invoice_owe_on_the_other(
    laptops: Laptops,
) -> None:
    a, b = two_laptops(laptops)
    invoice_id = issue_one(a, register(a, "Chebet"))
    paid = a.billing.pay(invoice_id, 100_000, PaymentMethod.MOBILE_MONEY, reference="QK7")
    assert paid.value.status is InvoiceStatus.PAID
    a.sync.sync_now()
    b.sync.sync_now()
    assert b.billing.show(invoice_id).status is InvoiceStatus.PAID
    b.billing.remove_payment(paid.value.payments[0].payment_id)
    b.sync.sync_now()
    a.sync.sync_now()
    on_a = a.billing.show(invoice_id)
    assert on_a.status is InvoiceStatus.ISSUED and on_a.balance == 100_000
    assert on_a.payments == ()
    assert [x.invoice_id for x in a.billing.list(unpaid=True)] == [invoice_id]
