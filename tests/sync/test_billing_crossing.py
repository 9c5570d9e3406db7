"""Two laptops offline each make a sound change to one bill, and the merged bill is wrong: the
invoice keeps the total it was issued for, and the needs-attention list says what to sort
out (desktop.app.billing_checks). The laptops exchange their outboxes through
`remote.apply` directly (the reviewer's reproductions, /tmp/rev/exp1-3.py), which is what a
sync through HQ ends in."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from desktop.app.billing_checks import (
    LINES_AFTER_ISSUE,
    OVERPAID,
    SCHEME_UNPAID,
    TWO_CLAIMS,
    VOID_WITH_MONEY,
)
from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import Conflict
from desktop.paths import DataPaths
from desktop.store.device import write_device_id
from desktop.store.models import (
    ClaimStatus,
    CoverageMembership,
    CoverageScheme,
    InvoiceStatus,
    OutboxEntry,
    PaymentMethod,
    SchemeKind,
)
from tests.clinic_template import copy_laptop
from tests.conftest import PASSWORD

NOON = dt.datetime(2026, 11, 23, 12, 0)
DEVICES = ("01a23b7b-0000-7000-8000-000000000000", "01a23b7b-0000-7000-8000-0000000003ff")


def _open(root: Path, device: str) -> ClinicCore:
    write_device_id(DataPaths(root), uuid.UUID(device))
    core = ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)
    instant = NOON.replace(tzinfo=core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)
    return core


class Pair:
    def __init__(self, a: ClinicCore, b: ClinicCore) -> None:
        self.a, self.b = a, b
        a.admin.update_clinic(currency="KES")
        a.billing.add_price("CONS", "Consultation", 50_000)
        self.patient = a.patients.register(
            PatientInput(given_name="Wanjiru", family_name="Kamau", estimated_age_years="30"),
            confirmed_new=True,
        ).value
        self.both()

    @staticmethod
    def send(src: ClinicCore, dst: ClinicCore) -> None:
        changes = src.remote.pending_outbox()
        src.tx.write(
            lambda s: s.execute(
                update(OutboxEntry)
                .where(OutboxEntry.sent_batch.is_(None))
                .values(sent_batch=uuid.uuid4())
            )
        )
        dst.remote.apply(changes)

    def both(self) -> None:
        self.send(self.a, self.b)
        self.send(self.b, self.a)

    def issued(self) -> uuid.UUID:
        """A consultation invoice issued on A, known to B."""
        inv = self.a.billing.create(self.patient).value.invoice_id
        self.a.billing.add_line(inv, price="CONS")
        self.a.billing.issue(inv)
        self.both()
        return inv


def items(core: ClinicCore, reason: str) -> list[dict[str, object]]:
    return [i.remote_value for i in core.remote.needs_attention() if i.reason == reason]


@pytest.fixture
def pair(clinic_template: Path, tmp_path: Path) -> Iterator[Pair]:
    a = _open(copy_laptop(clinic_template, tmp_path / "a", own_device=True), DEVICES[0])
    b = _open(copy_laptop(clinic_template, tmp_path / "b", own_device=True), DEVICES[1])
    try:
        yield Pair(a, b)
    finally:
        a.close()
        b.close()


def test_a_line_added_to_the_draft_after_another_laptop_issued_it_keeps_the_issued_total(
    pair: Pair,
) -> None:
    a, b = pair.a, pair.b
    inv = a.billing.create(pair.patient).value.invoice_id
    a.billing.add_line(inv, price="CONS")
    pair.both()
    a.billing.issue(inv)
    b.billing.add_line(inv, description="Extra dressing", unit_amount=20_000)
    pair.both()
    for core in (a, b):
        shown = core.billing.show(inv)
        assert (shown.status, shown.total, shown.balance) == (InvoiceStatus.ISSUED, 50_000, 50_000)
    [said] = items(a, LINES_AFTER_ISSUE)
    says = str(said["says"])
    assert shown.number in says and "Wanjiru Kamau" in says
    assert "Extra dressing" in says and "added" in says and "500.00" in says
    [here] = items(b, LINES_AFTER_ISSUE)  # B, where the line was added, hears it too
    assert "issued on another laptop" in str(here["says"])


def test_the_only_line_removed_after_issue_leaves_the_invoice_owing_not_paid_at_nothing(
    pair: Pair,
) -> None:
    a, b = pair.a, pair.b
    inv = a.billing.create(pair.patient).value.invoice_id
    a.billing.add_line(inv, price="CONS")
    pair.both()
    a.billing.issue(inv)
    line = b.billing.show(inv).lines[0].line_id
    b.billing.remove_line(inv, line)
    pair.both()
    shown = a.billing.show(inv)
    assert (shown.status, shown.total, shown.balance) == (InvoiceStatus.ISSUED, 50_000, 50_000)
    [said] = items(a, LINES_AFTER_ISSUE)
    assert "Consultation" in str(said["says"]) and "removed" in str(said["says"])


def test_an_invoice_issued_with_its_lines_in_one_sync_is_not_flagged(pair: Pair) -> None:
    pair.issued()
    assert items(pair.b, LINES_AFTER_ISSUE) == [] and items(pair.a, LINES_AFTER_ISSUE) == []


def test_a_payment_taken_on_an_invoice_voided_elsewhere_asks_for_a_refund(pair: Pair) -> None:
    a, b = pair.a, pair.b
    inv = pair.issued()
    a.billing.void(inv, "billed the wrong patient")
    b.billing.pay(inv, 50_000, PaymentMethod.CASH)
    pair.both()
    for core in (a, b):
        shown = core.billing.show(inv)
        assert (shown.status, shown.balance, shown.credit) == (InvoiceStatus.VOID, 0, 50_000)
        [said] = items(core, VOID_WITH_MONEY)
        assert shown.number in str(said["says"]) and "refund" in str(said["says"])
    # It stays void here, whatever its stored status says; the refund can be made.
    with pytest.raises(Conflict, match="void"):
        b.billing.pay(inv, 100, PaymentMethod.CASH)
    with pytest.raises(Conflict, match="void cannot become void"):
        b.billing.void(inv, "again")
    with pytest.raises(Conflict, match="void"):
        b.claims.add(inv)
    b.billing.remove_payment(b.billing.show(inv).payments[0].payment_id)
    assert b.billing.show(inv).credit == 0


def test_the_void_reason_survives_a_notes_edit_on_another_laptop(pair: Pair) -> None:
    a, b = pair.a, pair.b
    inv = pair.issued()
    a.billing.void(inv, "billed twice")
    time.sleep(0.01)  # B's edit is the newer one
    b.billing.edit_notes(inv, "patient asked for a copy")
    pair.both()
    for core in (a, b):
        shown = core.billing.show(inv)
        assert shown.void_reason == "billed twice"
        assert shown.notes == "patient asked for a copy"


def test_an_invoice_paid_in_full_on_both_laptops_shows_the_credit_and_is_flagged(
    pair: Pair,
) -> None:
    a, b = pair.a, pair.b
    inv = pair.issued()
    a.billing.pay(inv, 50_000, PaymentMethod.CASH)
    b.billing.pay(inv, 50_000, PaymentMethod.MOBILE_MONEY)
    pair.both()
    shown = a.billing.show(inv)
    assert (shown.status, shown.paid, shown.balance, shown.credit) == (
        InvoiceStatus.PAID,
        100_000,
        0,
        50_000,
    )
    [said] = items(a, OVERPAID)
    assert "500.00 KES more than its total" in str(said["says"])
    assert items(b, OVERPAID)


def _member(pair: Pair) -> None:
    a = pair.a

    def work(session: Session) -> None:
        scheme = CoverageScheme(
            clinic_id=a.actor.clinic_id, name="NHIF", kind=SchemeKind.GOVERNMENT
        )
        session.add(scheme)
        session.flush()
        session.add(
            CoverageMembership(
                clinic_id=a.actor.clinic_id,
                patient_id=pair.patient,
                scheme_id=scheme.id,
                member_number="NH1",
            )
        )

    a.tx.write(work)


def test_two_claims_made_on_two_laptops_are_flagged(pair: Pair) -> None:
    a, b = pair.a, pair.b
    _member(pair)
    inv = pair.issued()
    a.billing.diagnose(inv, "B54")
    pair.both()
    a.claims.add(inv)
    b.claims.add(inv)
    pair.both()
    [said] = items(a, TWO_CLAIMS)
    assert "2 claims" in str(said["says"])


def test_a_claim_paid_here_and_withdrawn_there_leaves_a_scheme_payment_that_can_go(
    pair: Pair,
) -> None:
    a, b = pair.a, pair.b
    _member(pair)
    inv = pair.issued()
    a.billing.diagnose(inv, "B54")
    claim = a.claims.add(inv).value.claim_id
    a.claims.move(claim, ClaimStatus.SUBMITTED)
    pair.both()
    a.claims.move(claim, ClaimStatus.PAID)
    time.sleep(0.01)  # the withdrawal is the newer edit: the claim ends withdrawn
    b.claims.move(claim, ClaimStatus.WITHDRAWN)
    pair.both()
    shown = a.billing.show(inv)
    assert [c.status for c in shown.claims] == [ClaimStatus.WITHDRAWN]
    [said] = items(a, SCHEME_UNPAID)
    assert shown.payments[0].receipt_number in str(said["says"])
    a.billing.remove_payment(shown.payments[0].payment_id)
    assert a.billing.show(inv).balance == 50_000


def test_a_billing_item_reads_in_words_on_the_command_line_and_is_marked_seen(
    pair: Pair,
) -> None:
    from desktop.app.attention import AttentionApi
    from desktop.cli.cmd_attention import reason_words, value_words

    a, b = pair.a, pair.b
    inv = pair.issued()
    a.billing.pay(inv, 50_000, PaymentMethod.CASH)
    b.billing.pay(inv, 50_000, PaymentMethod.CASH)
    pair.both()
    [item] = [i for i in a.remote.needs_attention() if i.reason == OVERPAID]
    assert reason_words(item.reason) == "an invoice paid more than its total"
    words = value_words(item.remote_value, width=400)
    assert a.billing.show(inv).number in words and "Wanjiru Kamau" in words
    AttentionApi(a).keep_mine(item.id)
    assert [i for i in a.remote.needs_attention() if i.reason == OVERPAID] == []
    b.billing.edit_notes(inv, "refund promised")  # touches the invoice again: not asked twice
    pair.both()
    assert [i for i in a.remote.needs_attention() if i.reason == OVERPAID] == []
