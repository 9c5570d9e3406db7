"""Schemes, memberships and verifications travel through a real `outpost-hq` with no code of
their own beyond their record specs: a verification made on one laptop makes the patient
"verified this month" on the other after sync, checks made on both laptops offline are all
kept (the latest answer decides on both), and HQ counts the new kinds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app.coverage import CoverageStatus
from desktop.store.models import SchemeKind, VerificationMethod, VerificationResult
from tests.hqserver import HqServer
from tests.sync.laptops import Laptops, laptops_of, make_clinic, register, unacked


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "template")


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq: HqServer) -> Iterator[Laptops]:
    with laptops_of(template, tmp_path / "laptops", hq) as made:
        yield made


def test_a_verification_made_on_one_laptop_makes_the_patient_verified_on_the_other(
    laptops: Laptops, hq: HqServer
) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Wanjiru")
    scheme = a.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT, phone="020 272 3255").value
    member = a.coverage.add_membership(
        pid, scheme.scheme_id, "1234-5678", valid_until=a.today() + dt.timedelta(days=200)
    ).value
    sent = a.sync.sync_now()
    assert sent.rejected == () and unacked(a) == 0
    b.sync.sync_now()
    assert b.coverage.status_for([pid])[pid].status is CoverageStatus.TO_VERIFY
    assert [s.name for s in b.coverage.schemes()] == ["NHIF"]

    # A verifies at the desk; B sees the patient verified this month after its next sync.
    a.coverage.verify(
        member.membership_id, VerificationMethod.PORTAL, VerificationResult.VERIFIED, reference="R1"
    )
    a.sync.sync_now()
    b.sync.sync_now()
    there = b.coverage.status_for([pid])[pid]
    assert there.status is CoverageStatus.VERIFIED and there.words == "verified this month"
    shown = b.coverage.for_patient(pid).memberships[0]
    assert [(c.result, c.reference, c.by) for c in shown.checks] == [
        (VerificationResult.VERIFIED, "R1", "Amina Odhiambo")
    ]
    assert b.coverage.coverage_warning(pid, b.today()) is None
    assert a.remote.needs_attention() == [] and b.remote.needs_attention() == []

    status = hq.status_text()
    assert "coverage_schemes 1" in status and "coverage_memberships 1" in status
    assert "coverage_checks 1" in status
    assert a.sync.sync_now().counts_differ == ()


def test_checks_made_on_both_laptops_offline_are_all_kept(laptops: Laptops) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Akinyi")
    scheme = a.coverage.add_scheme("AAR", SchemeKind.INSURER).value.scheme_id
    member = a.coverage.add_membership(pid, scheme, "AAR-77").value.membership_id
    a.sync.sync_now()
    b.sync.sync_now()
    # Both check while the link is down: A first (covered), B an hour later (not covered).
    now = a.clock.now()
    a.coverage.verify(
        member,
        VerificationMethod.CARD_SEEN,
        VerificationResult.VERIFIED,
        at=(now - dt.timedelta(hours=2)).replace(tzinfo=None),
    )
    b.coverage.verify(
        member,
        VerificationMethod.PHONE,
        VerificationResult.NOT_COVERED,
        at=(now - dt.timedelta(hours=1)).replace(tzinfo=None),
    )
    for core in (a, b, a):
        core.sync.sync_now()
    for core in (a, b):
        assert len(core.coverage.membership(member).checks) == 2
        assert core.coverage.status_for([pid])[pid].status is CoverageStatus.NOT_COVERED
