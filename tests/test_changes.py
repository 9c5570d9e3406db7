"""The core announces what each transaction changed, once it is committed, and only then."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo

import pytest

from desktop.changes import APPOINTMENTS, PATIENTS, ChangeBus, Changes
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.services import patients as svc


def _input(given: str = "Wanjiru") -> svc.PatientInput:
    return svc.PatientInput(given_name=given, family_name="Kamau", estimated_age_years="34")


def test_a_committed_write_publishes_the_patient_it_changed(core: ClinicCore) -> None:
    seen: list[Changes] = []
    core.changes.subscribe(seen.append)
    done = core.tx.write(
        lambda s: svc.register_patient(s, core.actor, _input(), region=core.region).id
    )
    assert seen == [done.changes]
    assert done.changes.touches(PATIENTS)
    assert not done.changes.touches(APPOINTMENTS)
    assert done.changes.touches_patient(done.value)
    assert not done.changes.remote


def test_a_rolled_back_write_publishes_nothing(core: ClinicCore) -> None:
    seen: list[Changes] = []
    core.changes.subscribe(seen.append)

    def fails(session: object) -> None:
        svc.register_patient(session, core.actor, _input(), region=core.region)  # type: ignore[arg-type]
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        core.tx.write(fails)
    assert seen == []
    # The next write does not inherit what the failed one touched.
    done = core.tx.write(lambda s: None)
    assert not done.changes


def test_a_read_changes_nothing_and_publishes_nothing(core: ClinicCore) -> None:
    seen: list[Changes] = []
    core.changes.subscribe(seen.append)
    assert core.tx.read(lambda s: 42) == 42
    assert seen == []


def test_a_failing_listener_does_not_hide_the_change_from_others() -> None:
    bus = ChangeBus()
    seen: list[Changes] = []

    def broken(_c: Changes) -> None:
        raise ValueError("view gone")

    bus.subscribe(broken)
    unsubscribe = bus.subscribe(seen.append)
    bus.publish(Changes.of(PATIENTS))
    unsubscribe()
    bus.publish(Changes.of(PATIENTS))
    assert seen == [Changes.of(PATIENTS)]


def test_changes_combine_and_a_restore_touches_everything() -> None:
    pid = uuid.uuid4()
    both = Changes.of(PATIENTS, patients=[pid]) | Changes.of(APPOINTMENTS, remote=True)
    assert both.touches(APPOINTMENTS) and both.touches_patient(pid) and both.remote
    everything = Changes.of("everything")
    assert everything.touches("form_records") and everything.touches_patient(uuid.uuid4())


def test_the_clinic_clock_decides_today_whatever_the_laptop_zone() -> None:
    nairobi = zoneinfo.ZoneInfo("Africa/Nairobi")
    late = dt.datetime(2026, 12, 1, 21, 30, tzinfo=dt.UTC)  # 00:30 on 2 December in Nairobi
    clock = ClinicClock(nairobi, now=lambda: late)
    assert clock.today() == dt.date(2026, 12, 2)
    assert clock.stamp() == "2026-12-02 00:30"
    assert clock.file_stamp() == "2026-12-02-0030"
    assert clock.to_utc(dt.datetime(2026, 12, 2, 0, 30)) == late
