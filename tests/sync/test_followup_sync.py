"""Results, relay attempts, referrals and facilities travel through a real `outpost-hq` with
no code of their own beyond their record specs: a result relayed on one laptop is relayed on
the other, attempts made on both laptops offline are all kept, the scanned report's bytes
follow, and HQ counts the new kinds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app.followup import Scan
from desktop.services import followup_rules
from desktop.services import results as ressvc
from desktop.store.models import (
    FacilityKind,
    ReferralStatus,
    RelayMethod,
    RelayOutcome,
    ResultStatus,
)
from tests.hqserver import HqServer
from tests.sync.laptops import Laptops, laptops_of, make_clinic, register, unacked

PDF = b"%PDF-1.4\n% lab report scanned at the desk\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "template")


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq: HqServer) -> Iterator[Laptops]:
    with laptops_of(template, tmp_path / "laptops", hq) as made:
        yield made


def test_a_result_relayed_on_one_laptop_is_relayed_on_the_other(
    laptops: Laptops, hq: HqServer
) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Wanjiru")
    lab = a.referrals.add_facility("Kisumu County Lab", FacilityKind.LAB).value
    rid = a.results.order(pid, "Full blood count", facility_id=lab.facility_id).value
    result_id = rid.line.result_id
    a.results.record_received(
        result_id,
        text="Mild anaemia.",
        measurements=[ressvc.parse_measurement("Haemoglobin=9.1 g/dL low (12-16)")],
        scan=Scan(PDF, "fbc.pdf"),
    )
    a.results.relay(result_id, RelayMethod.PHONE, RelayOutcome.NO_ANSWER)
    sent = a.sync.sync_now()
    assert sent.rejected == () and unacked(a) == 0 and sent.attachments_sent == 1

    got = b.sync.sync_now()
    assert got.attachments_received == 1
    there = b.results.show(result_id)
    assert there.line.status is ResultStatus.RECEIVED and there.line.attempts == 1
    assert there.line.facility == "Kisumu County Lab" and there.measurements[0].value == "9.1"
    assert b.results.scan(result_id) == (PDF, "application/pdf", "fbc.pdf")
    assert [line.result_id for line in b.results.list(waiting=True)] == [result_id]

    # B reaches the patient; A learns it at its next sync: the result leaves A's list too.
    b.results.relay(result_id, RelayMethod.IN_PERSON, RelayOutcome.INFORMED, note="came in")
    b.sync.sync_now()
    a.sync.sync_now()
    on_a = a.results.show(result_id)
    assert on_a.line.status is ResultStatus.INFORMED and on_a.informed_at is not None
    assert [(r.outcome, r.note) for r in on_a.relays] == [
        (RelayOutcome.NO_ANSWER, ""),
        (RelayOutcome.INFORMED, "came in"),
    ]
    assert a.results.list(waiting=True) == ()
    assert a.remote.needs_attention() == [] and b.remote.needs_attention() == []

    # HQ holds the new kinds and counts them like any other; the laptops' counts agree.
    status = hq.status_text()
    assert "results 1" in status and "result_relays 2" in status and "facilities 1" in status
    assert a.sync.sync_now().counts_differ == ()


def test_attempts_made_on_both_laptops_offline_are_all_kept(laptops: Laptops) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Akinyi")
    result_id = a.results.order(pid, "HIV viral load", urgent=True).value.line.result_id
    a.results.record_received(result_id, text="Detectable: 12,000 copies/mL")
    a.sync.sync_now()
    b.sync.sync_now()
    # Both try while the link is down; B reaches the patient.
    a.results.relay(result_id, RelayMethod.PHONE, RelayOutcome.UNREACHABLE)
    b.results.relay(result_id, RelayMethod.SMS, RelayOutcome.MESSAGE_LEFT)
    b.results.relay(result_id, RelayMethod.PHONE, RelayOutcome.INFORMED)
    for core in (a, b, a):
        core.sync.sync_now()
    for core in (a, b):
        shown = core.results.show(result_id)
        assert shown.line.attempts == 3
        assert shown.line.status is ResultStatus.INFORMED
    outcomes = sorted(r.outcome.value for r in a.results.show(result_id).relays)
    assert outcomes == ["informed", "message_left", "unreachable"]


def test_a_referral_and_the_clinic_s_rules_reach_the_other_laptop(laptops: Laptops) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Otieno", "Ouma")
    eye = a.referrals.add_facility("Lions Eye Clinic", FacilityKind.SPECIALIST).value
    ref = a.referrals.add(pid, "Cataract", facility_id=eye.facility_id).value
    a.referrals.move(ref.referral_id, ReferralStatus.SENT)
    # The same rule set on both laptops offline: one record, the later value everywhere.
    b.results.set_rule(followup_rules.REFERRAL_FEEDBACK, 45)
    a.results.set_rule(followup_rules.REFERRAL_FEEDBACK, 40)
    for core in (b, a, b):
        core.sync.sync_now()
    there = b.referrals.show(ref.referral_id)
    assert there.status is ReferralStatus.SENT and there.facility is not None
    assert there.facility.name == "Lions Eye Clinic"
    assert [f.name for f in b.referrals.facilities()] == ["Lions Eye Clinic"]
    assert a.results.rules()[followup_rules.REFERRAL_FEEDBACK] == 40
    assert b.results.rules()[followup_rules.REFERRAL_FEEDBACK] == 40
