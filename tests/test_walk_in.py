"""Walk-in patients (DESIGN.md "A coordinator's day", the check-in step): a patient who came
without an appointment joins today's check-in queue, marked as a walk-in. No slot was booked,
so a walk-in is never a double booking: not when it is made, not for a booking made around
it, not when two laptops' appointments meet in a sync. Audited and synced like any
appointment."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.patients import PatientInput
from desktop.app.remote import DOUBLE_BOOKED
from desktop.app.schedule import AppointmentStatus as S
from desktop.app.schedule import SameDayBooking
from desktop.changes import APPOINTMENTS
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import InvalidInput
from desktop.paths import DataPaths
from desktop.store.models import Appointment, AuditEvent, OutboxEntry
from tests.clinic_template import copy_laptop
from tests.conftest import PASSWORD

MONDAY_9 = dt.datetime(2026, 11, 23, 9, 0)  # clinic wall-clock time


def set_now(core: ClinicCore, local: dt.datetime) -> None:
    """The clinic's clock stopped at `local` (clinic wall-clock time)."""
    instant = local.replace(tzinfo=core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)


def person(core: ClinicCore, given: str, family: str = "Kamau") -> uuid.UUID:
    data = PatientInput(given_name=given, family_name=family, estimated_age_years="30")
    return core.patients.register(data, confirmed_new=True).value


@pytest.fixture(scope="module")
def template(clinic_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared clinic with two providers working every day and two appointment types."""
    root = copy_laptop(clinic_template, tmp_path_factory.mktemp("walk-in") / "a")
    core = ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)
    week = {day: [(dt.time(8), dt.time(17))] for day in range(7)}
    core.admin.add_provider("Dr. Achieng Otieno", hours=week)
    core.admin.add_provider("Nurse Peter Mwangi", hours=week)
    core.admin.add_appointment_type("Consultation", 30)
    core.admin.add_appointment_type("Antenatal visit", 20)
    core.close()
    return root


def _open(root: Path) -> ClinicCore:
    core = ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)
    set_now(core, MONDAY_9)
    return core


@pytest.fixture
def clinic(template: Path, tmp_path: Path) -> Iterator[ClinicCore]:
    core = _open(copy_laptop(template, tmp_path / "a"))
    yield core
    core.close()


@pytest.fixture
def pair(template: Path, tmp_path: Path) -> Iterator[tuple[ClinicCore, ClinicCore]]:
    cores = [
        _open(copy_laptop(template, tmp_path / name, own_device=own))
        for name, own in (("a", False), ("b", True))
    ]
    yield cores[0], cores[1]
    for core in cores:
        core.close()


def ids(core: ClinicCore) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID, uuid.UUID]:
    """Dr. Otieno, Nurse Mwangi, the consultation and the antenatal visit."""
    choices = core.schedule.booking_choices()
    providers = {p.name: p.provider_id for p in choices.providers}
    types = {t.name: t.type_id for t in choices.types}
    return (
        providers["Dr. Achieng Otieno"],
        providers["Nurse Peter Mwangi"],
        types["Consultation"],
        types["Antenatal visit"],
    )


def test_a_walk_in_joins_today_s_queue_arrived_now_and_marked_walk_in(clinic: ClinicCore) -> None:
    core = clinic
    doctor, _nurse, consultation, _antenatal = ids(core)
    pid = person(core, "Wanjiru")
    done = core.schedule.walk_in(pid, doctor, consultation, reason="  Fever since yesterday ")
    entry = done.value
    assert done.changes.touches(APPOINTMENTS) and pid in done.changes.patient_ids
    assert entry.walk_in and entry.status is S.ARRIVED
    assert entry.starts_at == MONDAY_9.replace(tzinfo=core.zone)
    assert entry.arrived_at == entry.starts_at and entry.minutes == 30
    assert entry.reason == "Fever since yesterday"
    assert not entry.late  # arrived: never "late"

    today = core.schedule.today()
    assert [w.entry.appointment_id for w in today.queue] == [entry.appointment_id]
    assert today.queue[0].entry.walk_in and today.queue[0].waited_minutes == 0
    # The visit goes on like any other: consultation, then completed.
    core.schedule.start(entry.appointment_id)
    assert core.schedule.complete(entry.appointment_id).value.status is S.COMPLETED


def test_a_walk_in_is_audited_and_queued_for_sync_like_any_appointment(clinic: ClinicCore) -> None:
    core = clinic
    doctor, _nurse, consultation, _antenatal = ids(core)
    entry = core.schedule.walk_in(person(core, "Baraka"), doctor, consultation).value
    with core.store.read_session() as session:
        audit = session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "appointments", AuditEvent.entity_id == entry.appointment_id
            )
        ).all()
        sent = session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity_id == entry.appointment_id)
        ).all()
    assert [a.action for a in audit] == ["create"]
    assert audit[0].user_id == core.actor.user_id
    assert len(sent) == 1 and sent[0].op == "insert"
    assert sent[0].patch["walk_in"]["v"] is True
    assert sent[0].patch["status"]["v"] == "arrived"


def test_a_walk_in_in_a_booked_slot_is_not_a_double_booking(clinic: ClinicCore) -> None:
    core = clinic
    doctor, _nurse, consultation, _antenatal = ids(core)
    booked = person(core, "Amina", "Odhiambo")
    core.schedule.book(
        patient_id=booked, provider_id=doctor, type_id=consultation, starts_at=MONDAY_9
    )
    # The doctor sees Amina 09:00–09:30; Wanjiru walks in at 09:00 for the same doctor.
    walk = core.schedule.walk_in(person(core, "Wanjiru"), doctor, consultation).value
    assert walk.provider_id == doctor and walk.walk_in


def test_a_booking_at_a_walk_in_s_time_is_not_a_double_booking(clinic: ClinicCore) -> None:
    core = clinic
    doctor, _nurse, consultation, _antenatal = ids(core)
    core.schedule.walk_in(person(core, "Wanjiru"), doctor, consultation)
    # The walk-in took no slot: 09:15 is still bookable, and still offered as free.
    at = MONDAY_9 + dt.timedelta(minutes=15)
    free = core.schedule.next_free(doctor, consultation, MONDAY_9)
    assert at in free
    core.schedule.book(
        patient_id=person(core, "Juma", "Mwangi"),
        provider_id=doctor,
        type_id=consultation,
        starts_at=at,
    )


def test_a_walk_in_goes_to_the_provider_with_the_fewest_waiting_and_the_usual_type(
    clinic: ClinicCore,
) -> None:
    core = clinic
    doctor, nurse, consultation, antenatal = ids(core)
    for given in ("Achieng", "Halima"):  # two bookings make the antenatal visit the usual type
        core.schedule.book(
            patient_id=person(core, given),
            provider_id=nurse,
            type_id=antenatal,
            starts_at=MONDAY_9 + dt.timedelta(days=1, hours=len(given)),
        )
    first = core.schedule.walk_in(person(core, "Wanjiru")).value
    # Nobody waits for either: the first by name, the antenatal visit (the most booked).
    assert (first.provider_id, first.type_id) == (doctor, antenatal)
    second = core.schedule.walk_in(person(core, "Baraka")).value
    assert second.provider_id == nurse  # the doctor has Wanjiru waiting
    assert consultation != antenatal


def test_a_walk_in_of_a_patient_booked_today_is_asked_about_first(clinic: ClinicCore) -> None:
    core = clinic
    doctor, _nurse, consultation, _antenatal = ids(core)
    pid = person(core, "Wanjiru")
    core.schedule.book(
        patient_id=pid,
        provider_id=doctor,
        type_id=consultation,
        starts_at=MONDAY_9 + dt.timedelta(hours=5),
    )
    with pytest.raises(SameDayBooking) as refused:
        core.schedule.walk_in(pid, doctor, consultation)
    assert "14:00" in str(refused.value)  # the appointment to check in instead
    assert core.schedule.today().queue == ()
    assert core.schedule.walk_in(pid, doctor, consultation, same_day_ok=True).value.walk_in


def test_a_walk_in_needs_a_provider_and_a_type(core: ClinicCore) -> None:
    pid = person(core, "Wanjiru")
    with pytest.raises(InvalidInput, match="no providers yet"):
        core.schedule.walk_in(pid)
    core.admin.add_provider("Dr. Achieng Otieno")
    with pytest.raises(InvalidInput, match="no appointment types yet"):
        core.schedule.walk_in(pid)
    core.admin.add_appointment_type("Consultation", 30)
    assert core.schedule.walk_in(pid).value.walk_in


def test_a_walk_in_meeting_a_booking_from_another_laptop_needs_no_attention(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    doctor, _nurse, consultation, _antenatal = ids(a)
    walker = person(a, "Wanjiru")
    booked = person(a, "Juma", "Mwangi")
    exchange(a, b)  # the patients reach both laptops first, as after a sync
    walk = a.schedule.walk_in(walker, doctor, consultation).value
    b.schedule.book(
        patient_id=booked,
        provider_id=doctor,
        type_id=consultation,
        starts_at=MONDAY_9 + dt.timedelta(minutes=15),
    )
    exchange(a, b)
    for core in (a, b):
        assert DOUBLE_BOOKED not in [i.reason for i in core.remote.needs_attention()]
    # The walk-in is in the other laptop's queue, marked as one.
    queue = b.schedule.today().queue
    assert [w.entry.appointment_id for w in queue] == [walk.appointment_id]
    assert queue[0].entry.walk_in and queue[0].entry.status is S.ARRIVED
    # Two bookings that overlap still do (the judgement is kept for them).
    a.schedule.book(
        patient_id=walker,
        provider_id=doctor,
        type_id=consultation,
        starts_at=MONDAY_9 + dt.timedelta(hours=2),
        same_day_ok=True,
    )
    b.schedule.book(
        patient_id=booked,
        provider_id=doctor,
        type_id=consultation,
        starts_at=MONDAY_9 + dt.timedelta(hours=2, minutes=10),
        same_day_ok=True,
    )
    exchange(a, b)
    assert [i.reason for i in b.remote.needs_attention()].count(DOUBLE_BOOKED) == 1


def test_a_walk_in_status_change_syncs(pair: tuple[ClinicCore, ClinicCore]) -> None:
    a, b = pair
    doctor, _nurse, consultation, _antenatal = ids(a)
    pid = person(a, "Wanjiru")
    walk = a.schedule.walk_in(pid, doctor, consultation).value
    exchange(a, b)
    b.schedule.start(walk.appointment_id)
    exchange(a, b)
    seen = a.schedule.appointment(walk.appointment_id)
    assert seen.status is S.IN_CONSULTATION and seen.walk_in
    with a.store.read_session() as session:
        row = session.scalars(select(Appointment).where(Appointment.id == walk.appointment_id))
        assert row.one().walk_in


def exchange(a: ClinicCore, b: ClinicCore) -> None:
    from_a, from_b = a.remote.pending_outbox(), b.remote.pending_outbox()
    b.remote.apply(from_a)
    a.remote.apply(from_b)
