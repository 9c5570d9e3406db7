"""Claims on real stores: a claim for an issued invoice through the patient's membership,
the status machine drafted → submitted → paid / rejected (with the scheme's reason) →
resubmitted, withdrawn; no submission without a diagnosis; the scheme's payment recorded on
the invoice; rejected claims on the worklist until resubmitted or withdrawn."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop.app.patients import PatientInput
from desktop.app.work_items import CLAIM, CLAIM_REJECTED
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.paths import DataPaths
from desktop.store.models import (
    ClaimStatus,
    CoverageMembership,
    CoverageScheme,
    InvoiceStatus,
    PaymentMethod,
    SchemeKind,
)
from tests.clinic_template import copy_laptop
from tests.conftest import PASSWORD

C = ClaimStatus
MONDAY = dt.datetime(2026, 11, 23, 10, 0)  # clinic wall-clock time


def at(core: ClinicCore, local: dt.datetime) -> None:
    instant = local.replace(tzinfo=core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)


@pytest.fixture(scope="module")
def template(clinic_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_laptop(clinic_template, tmp_path_factory.mktemp("claims") / "a")
    core = ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)
    core.admin.update_clinic(currency="KES")
    core.billing.add_price("CONS", "Consultation", 50_000)
    core.billing.add_price("RDT", "Malaria RDT", 25_000)
    core.close()
    return root


@pytest.fixture
def clinic(template: Path, tmp_path: Path) -> Iterator[ClinicCore]:
    core = ClinicCore.unlock(DataPaths(copy_laptop(template, tmp_path / "a")), "admin", PASSWORD)
    at(core, MONDAY)
    yield core
    core.close()


def patient(core: ClinicCore, given: str = "Akinyi") -> uuid.UUID:
    data = PatientInput(given_name=given, family_name="Otieno", estimated_age_years="40")
    return core.patients.register(data, confirmed_new=True).value


def member(
    core: ClinicCore,
    patient_id: uuid.UUID,
    *,
    scheme: str = "NHIF",
    number: str = "NH-4471",
    valid_until: dt.date | None = None,
    active: bool = True,
) -> uuid.UUID:
    """A membership written directly (the coverage kind's own API is not what is tested)."""

    def work(session: Session) -> uuid.UUID:
        found = CoverageScheme(
            clinic_id=core.actor.clinic_id, name=scheme, kind=SchemeKind.GOVERNMENT
        )
        session.add(found)
        session.flush()
        row = CoverageMembership(
            clinic_id=core.actor.clinic_id,
            patient_id=patient_id,
            scheme_id=found.id,
            member_number=number,
            holder_name="Peter Otieno",
            valid_until=valid_until,
            active=active,
        )
        session.add(row)
        session.flush()
        return row.id

    return core.tx.write(work).value


def issued(core: ClinicCore, pid: uuid.UUID, *, diagnosis: str | None = "B54") -> uuid.UUID:
    invoice_id = core.billing.create(pid).value.invoice_id
    core.billing.add_line(invoice_id, price="CONS")
    core.billing.add_line(invoice_id, price="RDT", quantity=2)
    if diagnosis:
        core.billing.diagnose(invoice_id, diagnosis)
    core.billing.issue(invoice_id)
    return invoice_id


def test_a_claim_rejected_resubmitted_and_paid(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    membership = member(core, pid)
    invoice_id = issued(core, pid)
    core.billing.pay(invoice_id, 20_000, PaymentMethod.CASH)  # the patient's share

    drafted = core.claims.add(invoice_id, notes="outpatient")
    claim = drafted.value
    assert drafted.changes.touches("claims") and pid in drafted.changes.patient_ids
    assert claim.status is C.DRAFTED and claim.line.amount == 80_000  # what is still owed
    assert claim.line.membership is not None
    assert (claim.line.membership.scheme_name, claim.line.membership.member_number) == (
        "NHIF",
        "NH-4471",
    )
    assert claim.line.membership.membership_id == membership
    assert claim.invoice.number == claim.line.invoice_number and claim.line.currency == "KES"
    assert [d.code for d in claim.invoice.diagnoses] == ["B54"] and claim.payment is None
    with pytest.raises(Conflict, match="open claim already"):
        core.claims.add(invoice_id)

    sent = core.claims.move(claim.claim_id, C.SUBMITTED, reference="NH/2026/118").value
    assert sent.line.submitted_on == MONDAY.date() and sent.line.submitted_by == "Amina Odhiambo"
    assert sent.line.reference == "NH/2026/118"
    with pytest.raises(Conflict, match="no longer changes"):
        core.claims.edit(claim.claim_id, amount=1)
    with pytest.raises(InvalidInput, match="Say why the scheme rejected"):
        core.claims.move(claim.claim_id, C.REJECTED)
    at(core, MONDAY + dt.timedelta(days=9))
    rejected = core.claims.move(claim.claim_id, C.REJECTED, reason="wrong member number").value
    assert rejected.status is C.REJECTED and rejected.line.decided_on == dt.date(2026, 12, 2)
    assert [c.claim_id for c in core.claims.list(rejected=True)] == [claim.claim_id]

    # On the worklist until it is resubmitted.
    items = [i for i in core.worklist.today().items if i.group == CLAIM_REJECTED]
    assert [(i.kind, i.record_id, i.patient_id) for i in items] == [(CLAIM, claim.claim_id, pid)]
    assert "NHIF" in items[0].what and "wrong member number" in items[0].what
    assert items[0].since == dt.date(2026, 12, 2)
    core.claims.edit(claim.claim_id, amount=75_000, notes="corrected member number")
    again = core.claims.move(claim.claim_id, C.RESUBMITTED).value
    assert again.line.submitted_on == dt.date(2026, 12, 2) and again.line.amount == 75_000
    assert core.claims.list(rejected=True) == ()
    assert not [i for i in core.worklist.today().items if i.group == CLAIM_REJECTED]

    with pytest.raises(InvalidInput, match=r"more than the .* claimed"):
        core.claims.move(claim.claim_id, C.PAID, paid_amount=75_001)
    paid = core.claims.move(claim.claim_id, C.PAID, paid_amount=70_000)
    done = paid.value
    assert done.status is C.PAID and done.line.paid_amount == 70_000
    assert paid.changes.touches("claims", "payments", "invoices")
    assert done.payment is not None and done.payment.method is PaymentMethod.SCHEME
    assert done.payment.amount == 70_000 and done.payment.claim_id == claim.claim_id
    assert done.payment.receipt_number.endswith("-RCT0002")
    assert done.payment.reference == "NH/2026/118"
    invoice = core.billing.show(invoice_id)
    assert (invoice.paid, invoice.paid_by_scheme, invoice.balance) == (90_000, 70_000, 10_000)
    assert invoice.status is InvoiceStatus.ISSUED  # the scheme paid less than claimed
    with pytest.raises(Conflict, match="stays while the claim is paid"):
        core.billing.remove_payment(done.payment.payment_id)
    with pytest.raises(Conflict, match="paid cannot become withdrawn"):
        core.claims.move(claim.claim_id, C.WITHDRAWN)
    with pytest.raises(Conflict, match="not changed any more"):
        core.claims.edit(claim.claim_id, notes="late")
    # The patient pays the rest: paid.
    core.billing.pay(invoice_id, 10_000, PaymentMethod.CASH)
    assert core.billing.show(invoice_id).status is InvoiceStatus.PAID


def test_a_claim_is_not_submitted_without_a_diagnosis(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    member(core, pid)
    invoice_id = issued(core, pid, diagnosis=None)
    claim = core.claims.add(invoice_id).value
    with pytest.raises(InvalidInput, match="cannot be submitted without a diagnosis") as refused:
        core.claims.move(claim.claim_id, C.SUBMITTED)
    assert "schemes refuse claims with no ICD-10 code" in str(refused.value)
    assert core.claims.show(claim.claim_id).status is C.DRAFTED
    core.billing.diagnose(invoice_id, "J18.9")
    assert core.claims.move(claim.claim_id, C.SUBMITTED).value.status is C.SUBMITTED


def test_the_status_machine_refuses_steps_out_of_order(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    member(core, pid)
    claim_id = core.claims.add(issued(core, pid)).value.claim_id
    for to in (C.PAID, C.REJECTED, C.RESUBMITTED):
        with pytest.raises(Conflict, match=f"A claim that is drafted cannot become {to.value}"):
            core.claims.move(claim_id, to)
    core.claims.move(claim_id, C.SUBMITTED)
    with pytest.raises(Conflict, match="submitted cannot become resubmitted"):
        core.claims.move(claim_id, C.RESUBMITTED)
    with pytest.raises(InvalidInput, match="cannot be in the future"):
        core.claims.move(claim_id, C.REJECTED, reason="x", on=dt.date(2027, 1, 1))
    with pytest.raises(InvalidInput, match="before the claim was submitted"):
        core.claims.move(claim_id, C.REJECTED, reason="x", on=dt.date(2026, 11, 1))
    core.claims.move(claim_id, C.REJECTED, reason="no pre-authorisation")
    withdrawn = core.claims.move(claim_id, C.WITHDRAWN).value
    assert withdrawn.status is C.WITHDRAWN
    assert core.claims.list(rejected=True) == ()
    with pytest.raises(Conflict, match="withdrawn cannot become submitted"):
        core.claims.move(claim_id, C.SUBMITTED)


def test_a_claim_goes_through_the_patient_s_own_valid_membership(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    other = patient(core, "Baraka")
    invoice_id = issued(core, pid)
    with pytest.raises(InvalidInput, match="no coverage membership"):
        core.claims.add(invoice_id)
    theirs = member(core, other)
    with pytest.raises(InvalidInput, match="another patient's"):
        core.claims.add(invoice_id, membership_id=theirs)
    lapsed = member(core, pid, scheme="Jubilee", valid_until=dt.date(2026, 10, 31))
    with pytest.raises(Conflict, match="ended on 2026-10-31"):
        core.claims.add(invoice_id, membership_id=lapsed)
    ended = member(core, pid, scheme="AAR", active=False)
    with pytest.raises(Conflict, match="ended by the clinic"):
        core.claims.add(invoice_id, membership_id=ended)
    good = member(core, pid, scheme="NHIF")
    assert [m.membership_id for m in core.claims.memberships(pid)] == [lapsed, good]
    with pytest.raises(InvalidInput, match="2 memberships: choose"):
        core.claims.add(invoice_id)
    with pytest.raises(NotFound, match="No coverage membership"):
        core.claims.add(invoice_id, membership_id=uuid.uuid4())
    with pytest.raises(InvalidInput, match=r"more than the 1000\.00 KES still owed"):
        core.claims.add(invoice_id, membership_id=good, amount=100_001)
    assert core.claims.add(invoice_id, membership_id=good, amount=40_000).value.line.amount == (
        40_000
    )


def test_only_an_issued_invoice_is_claimed_and_a_void_one_withdraws_its_draft_claims(
    clinic: ClinicCore,
) -> None:
    core = clinic
    pid = patient(core)
    member(core, pid)
    draft = core.billing.create(pid).value.invoice_id
    core.billing.add_line(draft, price="CONS")
    with pytest.raises(Conflict, match="Issue the invoice before claiming"):
        core.claims.add(draft)
    invoice_id = issued(core, pid)
    claim = core.claims.add(invoice_id).value
    core.claims.move(claim.claim_id, C.SUBMITTED)
    with pytest.raises(Conflict, match="withdraw the claim before voiding"):
        core.billing.void(invoice_id, "billed twice")
    core.claims.move(claim.claim_id, C.REJECTED, reason="duplicate")
    voided = core.billing.void(invoice_id, "billed twice").value
    assert voided.status is InvoiceStatus.VOID
    assert core.claims.show(claim.claim_id).status is C.WITHDRAWN
    with pytest.raises(Conflict, match="nothing to claim"):
        core.claims.add(invoice_id)
    paid_up = issued(core, pid)
    core.billing.pay(paid_up, 100_000, PaymentMethod.CASH)
    with pytest.raises(InvalidInput, match="Nothing is owed"):
        core.claims.add(paid_up)


def test_claims_are_listed_by_patient_and_status(clinic: ClinicCore) -> None:
    core = clinic
    first, second = patient(core, "Akinyi"), patient(core, "Baraka")
    member(core, first)
    member(core, second, number="NH-9")
    a = core.claims.add(issued(core, first)).value.claim_id
    b = core.claims.add(issued(core, second)).value.claim_id
    core.claims.move(b, C.SUBMITTED)
    assert [c.claim_id for c in core.claims.list()] == [b, a]  # newest first
    assert [c.claim_id for c in core.claims.list(patient_id=first)] == [a]
    assert [c.claim_id for c in core.claims.list(statuses=[C.SUBMITTED])] == [b]
    shown = core.claims.show(b)
    assert shown.line.patient_name == "Baraka Otieno" and shown.invoice.patient_birth_date
    assert shown.line.membership is not None and shown.line.membership.holder_name
