"""The worklist on a real store: results to relay (escalations, then urgent ones first),
overdue referrals, late results; doing the work takes the line off; `outpost worklist`."""

from __future__ import annotations

import datetime as dt
import io
import sys
import uuid
import zoneinfo

import pytest

from desktop.app import work_items as wl
from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.store.models import (
    FacilityKind,
    ReferralStatus,
    ReferralUrgency,
    RelayMethod,
    RelayOutcome,
)

ZONE = zoneinfo.ZoneInfo("Africa/Nairobi")
MONDAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZONE)


def at(core: ClinicCore, moment: dt.datetime) -> None:
    core.clock = ClinicClock(ZONE, now=lambda: moment)


def patient(core: ClinicCore, given: str) -> uuid.UUID:
    data = PatientInput(
        given_name=given, family_name="Onyango", estimated_age_years="40", phone="0712 345 678"
    )
    return core.patients.register(data, confirmed_new=True).value


def test_who_to_call_today_most_pressing_first(core: ClinicCore) -> None:
    at(core, MONDAY)
    results = core.results
    routine = results.order(patient(core, "Akoth"), "Lipid profile").value.line.result_id
    urgent = results.order(patient(core, "Baraka"), "Potassium", urgent=True).value.line.result_id
    late = results.order(
        patient(core, "Chebet"), "Sputum culture", expected_on=MONDAY.date()
    ).value.line.result_id
    hospital = core.referrals.add_facility("County Hospital", FacilityKind.HOSPITAL).value
    ref = core.referrals.add(
        patient(core, "Dida"),
        "Surgical review",
        facility_id=hospital.facility_id,
        urgency=ReferralUrgency.URGENT,
        send_on=MONDAY.date(),
    ).value.referral_id
    results.record_received(routine, text="Normal.")
    results.record_received(urgent, text="6.9 mmol/L")
    assert core.worklist.today().items and not core.worklist.today().count(wl.ESCALATE)

    at(core, MONDAY + dt.timedelta(days=4))
    items = core.worklist.today().items
    assert [(i.group, i.record_id) for i in items] == [
        (wl.ESCALATE, urgent),
        (wl.URGENT_REFERRAL, ref),
        (wl.RESULT_WAITING, routine),
        (wl.LATE, late),
    ]
    first = items[0]
    assert first.kind == wl.RESULT and first.patient_name == "Baraka Onyango"
    assert first.phone.replace(" ", "") == "0712345678"
    assert first.what == "Potassium: received 2026-11-23, 0 attempts"
    assert first.group_words == "escalate: urgent, not reached in time"
    assert "sent 4 days ago" in items[1].what and items[1].kind == wl.REFERRAL

    # Doing the work takes the line off the list.
    results.relay(urgent, RelayMethod.PHONE, RelayOutcome.INFORMED)
    results.relay(routine, RelayMethod.SMS, RelayOutcome.MESSAGE_LEFT)  # not yet told
    core.referrals.move(ref, ReferralStatus.APPOINTMENT_GIVEN, appointment_on=dt.date(2026, 12, 9))
    results.record_received(late, text="No growth.")
    remaining = core.worklist.today().items
    assert [(i.group, i.record_id) for i in remaining] == [
        (wl.RESULT_WAITING, routine),  # waiting since Monday
        (wl.RESULT_WAITING, late),  # arrived today
    ]
    assert remaining[0].what == "Lipid profile: received 2026-11-23, 1 attempts"


def test_outpost_worklist(
    core: ClinicCore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.cli.main import main
    from tests.conftest import PASSWORD

    rid = core.results.order(patient(core, "Esther"), "Malaria RDT").value.line.result_id
    core.results.record_received(rid, text="positive")
    paths = core.paths
    core.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    args = ["--data-dir", str(paths.root), "--password-stdin", "--user", "admin", "worklist"]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith("result to relay: Esther Onyango (")
    assert f"[result {rid}]" in out[0] and "Malaria RDT: received" in out[0]
