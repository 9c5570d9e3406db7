"""The worklist on a real store: results to relay (escalations, then urgent ones first),
overdue referrals, late results; doing the work takes the line off; `outpost worklist`."""

from __future__ import annotations

import datetime as dt
import io
import sys
import uuid
import zoneinfo
from collections.abc import Sequence
from typing import Any

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


# --- no-shows to rebook (desktop.app.no_shows) ---------------------------------------------


def book(core: ClinicCore, who: uuid.UUID, local: dt.datetime) -> uuid.UUID:
    provider = core.admin.providers()[0].id
    kind = core.admin.appointment_types()[0].id
    return core.schedule.book(
        patient_id=who,
        provider_id=provider,
        type_id=kind,
        starts_at=local.replace(tzinfo=None),
        same_day_ok=True,
    ).value.appointment_id


def missed(core: ClinicCore, who: uuid.UUID, local: dt.datetime) -> uuid.UUID:
    """Booked at `local`, and marked a no-show half an hour later."""
    appointment = book(core, who, local)
    before = core.clock
    at(core, local + dt.timedelta(minutes=30))
    core.schedule.no_show(appointment)
    core.clock = before
    return appointment


@pytest.fixture
def clinic(core: ClinicCore) -> ClinicCore:
    at(core, MONDAY - dt.timedelta(days=40))
    core.admin.add_provider("Dr. Grace Otieno")
    core.admin.add_appointment_type("Consultation", 30)
    return core


def test_a_no_show_not_rebooked_is_on_the_list_until_the_patient_is_booked_again(
    clinic: ClinicCore,
) -> None:
    core = clinic
    fatuma, halima, imani = patient(core, "Fatuma"), patient(core, "Halima"), patient(core, "Imani")
    old = MONDAY - dt.timedelta(days=35)  # outside the window: no longer today's work
    missed(core, imani, old.replace(hour=10))
    first = missed(core, fatuma, (MONDAY - dt.timedelta(days=7)).replace(hour=10))
    latest = missed(core, fatuma, MONDAY.replace(hour=10))  # missed twice: one line, the latest
    missed(core, halima, MONDAY.replace(hour=11))
    book(core, halima, (MONDAY + dt.timedelta(days=7)).replace(hour=11))  # rebooked already
    at(core, MONDAY.replace(hour=15))
    items = core.worklist.today().items
    assert [(i.group, i.kind, i.record_id) for i in items] == [(wl.NO_SHOW, wl.APPOINTMENT, latest)]
    line = items[0]
    assert line.patient_id == fatuma and line.patient_name == "Fatuma Onyango"
    assert line.what == "did not come on 2026-11-23 at 10:00: Consultation with Dr. Grace Otieno"
    assert line.since == MONDAY.date() and line.group_words == "missed appointment to rebook"
    assert first != latest

    # Booked again: the line leaves the list.
    book(core, fatuma, (MONDAY + dt.timedelta(days=2)).replace(hour=9))
    assert core.worklist.today().items == ()


def test_a_no_show_leaves_the_list_after_thirty_days(clinic: ClinicCore) -> None:
    from desktop.app.no_shows import NO_SHOW_WINDOW_DAYS

    core = clinic
    gone = missed(core, patient(core, "Jabali"), MONDAY.replace(hour=9))
    at(core, MONDAY.replace(hour=16) + dt.timedelta(days=NO_SHOW_WINDOW_DAYS))
    assert [i.record_id for i in core.worklist.today().items] == [gone]
    at(core, MONDAY.replace(hour=16) + dt.timedelta(days=NO_SHOW_WINDOW_DAYS + 1))
    assert core.worklist.today().items == ()


def test_a_walk_in_after_the_no_show_counts_as_rebooked(clinic: ClinicCore) -> None:
    core = clinic
    who = patient(core, "Kamaria")
    missed(core, who, MONDAY.replace(hour=9))
    at(core, MONDAY.replace(hour=14))
    assert core.worklist.today().count(wl.NO_SHOW) == 1
    came = book(core, who, MONDAY.replace(hour=14, minute=30))
    core.schedule.check_in(came)
    core.schedule.cancel(book(core, who, (MONDAY + dt.timedelta(days=3)).replace(hour=9)))
    assert core.worklist.today().count(wl.NO_SHOW) == 0


def test_no_shows_are_read_through_the_status_and_patient_indexes(clinic: ClinicCore) -> None:
    """The no-shows of the window through (status, start time), then what was booked since
    by patient: never a scan of the appointments (500,000 of them at 200,000 patients), nor
    a walk through every appointment of the window."""
    from sqlalchemy import event

    from desktop.app.no_shows import no_show_items

    core = clinic
    missed(core, patient(core, "Lulu"), MONDAY.replace(hour=9))
    at(core, MONDAY.replace(hour=15))
    engine = core.store.engine
    seen: list[tuple[str, Sequence[Any]]] = []

    def note(_conn: object, _cursor: object, statement: str, params: Any, *_: object) -> None:
        if "FROM appointments" in statement:
            seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", note)
    try:
        assert len(core.tx.read(lambda s: no_show_items(core, s))) == 1
    finally:
        event.remove(engine, "before_cursor_execute", note)
    with engine.connect() as connection:
        plans = [
            " / ".join(
                str(row[-1])
                for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)
            )
            for statement, params in seen
        ]
    assert len(plans) == 2, plans  # the count, and the lines shown
    for plan in plans:  # the window's no-shows, then each patient's later appointments
        assert "SEARCH appointments USING INDEX ix_appointments_status_start" in plan
        assert "USING INDEX ix_appointments_patient_id (patient_id=?)" in plan
    assert not any("SCAN appointments" in p for p in plans), plans
