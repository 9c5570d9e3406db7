"""The appointment book: working hours, double bookings and the next free times, the status
life cycle, Today's and the Calendar's read models, the time parser, the demo's past day."""

from __future__ import annotations

import ast
import datetime as dt
import uuid
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.app.schedule import AppointmentStatus as S
from desktop.app.schedule import Clash, SameDayBooking, TodayData
from desktop.changes import APPOINTMENTS
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput
from desktop.services import clinic_setup, scheduling
from desktop.services.patients import PatientInput, register_patient
from desktop.times import parse_time

MONDAY = dt.date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def clinic(core: ClinicCore) -> dict[str, uuid.UUID]:
    with core.store.session() as session, session.begin():
        provider = clinic_setup.add_provider(session, core.actor, "Dr. Grace Otieno")
        for weekday in range(5):
            clinic_setup.set_working_hours(
                session,
                core.actor,
                provider.id,
                weekday,
                [(dt.time(8), dt.time(12)), (dt.time(13), dt.time(17))],
            )
        kind = clinic_setup.add_appointment_type(session, core.actor, "Consultation", 30)
        ids = {}
        for given_name, family in (("Wanjiru", "Kamau"), ("Baraka", "Juma")):
            patient = register_patient(
                session,
                core.actor,
                PatientInput(given_name=given_name, family_name=family),
                region="KE",
                confirmed_new=True,
            )
            ids[given_name] = patient.id
    return {"provider": provider.id, "type": kind.id, **ids}


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def set_now(core: ClinicCore, local: dt.datetime) -> None:
    """The clinic's clock stopped at `local` (clinic wall-clock time)."""
    instant = local.replace(tzinfo=core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)


def book(
    core: ClinicCore, clinic: dict[str, uuid.UUID], who: str, when: dt.datetime, **kw: object
) -> uuid.UUID:
    return core.schedule.book(
        patient_id=clinic[who],
        provider_id=clinic["provider"],
        type_id=clinic["type"],
        starts_at=when,
        same_day_ok=True,
        **kw,  # type: ignore[arg-type]
    ).value.appointment_id


def test_a_booking_is_stored_in_utc_and_shown_in_clinic_time(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    done = core.schedule.book(
        patient_id=clinic["Wanjiru"],
        provider_id=clinic["provider"],
        type_id=clinic["type"],
        starts_at=at(MONDAY, 9),
    )
    assert done.changes.touches(APPOINTMENTS) and clinic["Wanjiru"] in done.changes.patient_ids
    with core.store.session() as session:
        stored = scheduling.get_appointment(session, done.value.appointment_id)
    assert stored.starts_at == dt.datetime(2026, 11, 23, 6, 0, tzinfo=dt.UTC)  # Nairobi is UTC+3
    entry = core.schedule.day(MONDAY)[0]
    assert entry == done.value
    assert entry.starts_at.hour == 9 and entry.ends_at.minute == 30
    assert entry.patient_name == "Wanjiru Kamau" and entry.status is S.BOOKED


def test_a_double_booking_names_the_clash_in_words_and_offers_the_next_free_times(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    first = book(core, clinic, "Wanjiru", at(MONDAY, 9))
    book(core, clinic, "Wanjiru", at(MONDAY, 9, 30))
    with pytest.raises(Clash) as refused:
        book(core, clinic, "Baraka", at(MONDAY, 9, 15))
    text = str(refused.value)
    assert text == (
        "Dr. Grace Otieno already sees Wanjiru Kamau 09:00–09:30. Free next: 10:00, 10:15, 10:30."
    )
    assert str(first) not in text and text.count("Otieno") == 1  # no id, no repeated provider
    assert refused.value.clash_id == first
    assert refused.value.free == (at(MONDAY, 10), at(MONDAY, 10, 15), at(MONDAY, 10, 30))
    # Each offered time can be booked as it is; back to back is fine.
    book(core, clinic, "Baraka", refused.value.free[0])


def test_the_next_free_times_skip_lunch_bookings_and_days_off(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    set_now(core, at(MONDAY, 7))
    friday = MONDAY + dt.timedelta(days=4)
    book(core, clinic, "Wanjiru", at(friday, 16, 30))
    free = core.schedule.next_free(clinic["provider"], clinic["type"], at(MONDAY, 11, 20))
    assert free == (at(MONDAY, 11, 30), at(MONDAY, 13), at(MONDAY, 13, 15))  # 12–13 is lunch
    # After Friday's last free slot the next is Monday (the provider works Monday–Friday).
    late = core.schedule.next_free(clinic["provider"], clinic["type"], at(friday, 16))
    next_monday = MONDAY + dt.timedelta(days=7)
    assert late == (at(friday, 16), at(next_monday, 8), at(next_monday, 8, 15))


def test_the_next_free_times_are_never_in_the_past(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    set_now(core, at(MONDAY, 10, 5))
    free = core.schedule.next_free(clinic["provider"], clinic["type"], at(MONDAY, 8))
    assert free[0] == at(MONDAY, 10, 15)


def test_a_clash_without_any_free_time_says_so(core: ClinicCore) -> None:
    with core.store.session() as session, session.begin():
        provider = clinic_setup.add_provider(session, core.actor, "Nurse Peter Mwangi")
        clinic_setup.set_working_hours(
            session, core.actor, provider.id, 0, [(dt.time(8), dt.time(8, 30))]
        )
        kind = clinic_setup.add_appointment_type(session, core.actor, "Consultation", 30)
        ids = [
            register_patient(
                session, core.actor, PatientInput(given_name=n), region="KE", confirmed_new=True
            ).id
            for n in ("Amani", "Neema")
        ]
    for week in (0, 1):  # both Mondays of the fortnight ahead are taken
        core.schedule.book(
            patient_id=ids[0],
            provider_id=provider.id,
            type_id=kind.id,
            starts_at=at(MONDAY + dt.timedelta(days=7 * week), 8),
        )
    with pytest.raises(Clash, match="has no free time in the next 14 days") as refused:
        core.schedule.book(
            patient_id=ids[1], provider_id=provider.id, type_id=kind.id, starts_at=at(MONDAY, 8)
        )
    assert refused.value.free == ()


def test_a_cancelled_slot_can_be_booked_again(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    first = book(core, clinic, "Wanjiru", at(MONDAY, 10))
    assert core.schedule.cancel(first).value.status is S.CANCELLED
    book(core, clinic, "Baraka", at(MONDAY, 10))


@pytest.mark.parametrize(
    ("day", "time", "message"),
    [
        (MONDAY + dt.timedelta(days=6), dt.time(9), "does not work on Sundays"),
        (MONDAY, dt.time(7, 30), "outside .* working hours"),
        (MONDAY, dt.time(11, 45), "outside .* working hours"),  # runs into lunch
        (MONDAY, dt.time(16, 45), "outside .* working hours"),
        (MONDAY, dt.time(23, 30), "midnight"),  # would end at 00:00
    ],
)
def test_outside_working_hours_is_refused(
    core: ClinicCore, clinic: dict[str, uuid.UUID], day: dt.date, time: dt.time, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        book(core, clinic, "Wanjiru", dt.datetime.combine(day, time))


def test_the_status_life_cycle_is_enforced_and_every_step_recorded(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    appt = book(core, clinic, "Wanjiru", at(MONDAY, 9))
    assert core.schedule.check_in(appt).value.status is S.ARRIVED
    assert core.schedule.start(appt).value.status is S.IN_CONSULTATION
    assert core.schedule.complete(appt).value.status is S.COMPLETED
    with pytest.raises(Conflict, match="completed cannot become cancelled"):
        core.schedule.cancel(appt)
    from desktop.store.models import AppointmentEvent

    with core.store.session() as session:
        steps = session.scalars(
            select(AppointmentEvent.to_status)
            .where(AppointmentEvent.appointment_id == appt)
            .order_by(AppointmentEvent.pk)
        ).all()
        users = set(
            session.scalars(
                select(AppointmentEvent.user_id).where(AppointmentEvent.appointment_id == appt)
            )
        )
    assert steps == ["booked", "arrived", "in_consultation", "completed"]
    assert users == {core.actor.user_id}


def test_a_no_show_is_refused_before_the_appointment_starts(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    appt = book(core, clinic, "Wanjiru", at(MONDAY, 14))
    set_now(core, at(MONDAY, 9))
    entry = core.schedule.today().entries[0]
    assert S.NO_SHOW not in entry.next_steps and S.ARRIVED in entry.next_steps
    with pytest.raises(Conflict, match="at 14:00 on Mon 23 Nov: it can be marked a no-show only"):
        core.schedule.no_show(appt)
    assert core.schedule.appointment(appt).status is S.BOOKED
    set_now(core, at(MONDAY, 14, 20))
    assert S.NO_SHOW in core.schedule.today().entries[0].next_steps
    assert core.schedule.no_show(appt).value.status is S.NO_SHOW


def test_moving_an_appointment_keeps_the_old_one_as_rescheduled(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    appt = book(core, clinic, "Wanjiru", at(MONDAY, 9))
    # Moving by fifteen minutes overlaps the old slot: the old one must not clash, nor count
    # as the patient's other appointment that day.
    moved = core.schedule.move(appt, at(MONDAY, 9, 15)).value
    assert core.schedule.appointment(appt).status is S.RESCHEDULED
    with core.store.session() as session:
        assert scheduling.get_appointment(session, moved.appointment_id).rescheduled_from_id == (
            appt
        )


def test_booking_the_same_patient_twice_on_one_day_names_the_other_appointment(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    first = book(core, clinic, "Wanjiru", at(MONDAY, 9))
    with pytest.raises(SameDayBooking) as warned:
        core.schedule.book(
            patient_id=clinic["Wanjiru"],
            provider_id=clinic["provider"],
            type_id=clinic["type"],
            starts_at=at(MONDAY, 15),
        )
    assert str(warned.value) == (
        "Wanjiru Kamau already has an appointment on Mon 23 Nov: "
        "09:00–09:30 with Dr. Grace Otieno (Consultation)."
    )
    assert [e.appointment_id for e in warned.value.others] == [first]
    assert len(core.schedule.day(MONDAY)) == 1  # nothing booked
    # Another day is no notice; the person may confirm the same day.
    book(core, clinic, "Wanjiru", at(MONDAY + dt.timedelta(days=1), 9))
    core.schedule.book(
        patient_id=clinic["Wanjiru"],
        provider_id=clinic["provider"],
        type_id=clinic["type"],
        starts_at=at(MONDAY, 15),
        same_day_ok=True,
    )
    assert len(core.schedule.day(MONDAY)) == 2


def test_today_groups_by_provider_queues_arrivals_and_flags_late_patients(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    set_now(core, at(MONDAY, 8))
    early = book(core, clinic, "Wanjiru", at(MONDAY, 9))
    later = book(core, clinic, "Baraka", at(MONDAY, 8))
    set_now(core, at(MONDAY, 8, 40))
    core.schedule.check_in(early)
    set_now(core, at(MONDAY, 8, 50))
    core.schedule.check_in(later)
    set_now(core, at(MONDAY, 10))
    third = book(core, clinic, "Wanjiru", at(MONDAY, 9, 30))
    today: TodayData = core.schedule.today()
    assert today.day == MONDAY and today.is_today
    assert [w.entry.appointment_id for w in today.queue] == [early, later]
    assert [w.waited_minutes for w in today.queue] == [80, 70]
    assert {e.appointment_id: e.late for e in today.entries} == {
        early: False,
        later: False,
        third: True,
    }
    assert today.late == 1 and today.counts == {S.ARRIVED: 2, S.BOOKED: 1}
    (group,) = today.providers
    assert group.name == "Dr. Grace Otieno" and len(group.entries) == 3
    core.schedule.start(later)
    assert [w.entry.appointment_id for w in core.schedule.today().queue] == [later, early]
    # The one implementation of the queue is the service's as well.
    with core.store.session() as session:
        queue = scheduling.check_in_queue(session, MONDAY, now=core.clock.now_utc())
    assert [e.appointment_id for e in queue] == [later, early]


def test_the_calendar_has_providers_hours_and_the_days_appointments(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    set_now(core, at(MONDAY + dt.timedelta(days=2), 7))
    inside = book(core, clinic, "Wanjiru", at(MONDAY + dt.timedelta(days=4), 16))
    book(core, clinic, "Baraka", at(MONDAY + dt.timedelta(days=7), 9))  # the next week
    week = core.schedule.calendar(MONDAY, 7, clinic["provider"])
    assert week.today == MONDAY + dt.timedelta(days=2)
    assert [p.name for p in week.providers] == ["Dr. Grace Otieno"]
    assert {w.weekday for w in week.hours[clinic["provider"]]} == {0, 1, 2, 3, 4}
    assert [e.appointment_id for e in week.entries] == [inside]


def test_a_follow_up_points_back_at_the_visit(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    visit = book(core, clinic, "Wanjiru", at(MONDAY, 9))
    follow = core.schedule.follow_up(visit, at(MONDAY + dt.timedelta(days=7), 9)).value
    with core.store.session() as session:
        assert scheduling.get_appointment(session, follow.appointment_id).follow_up_of_id == visit
    assert follow.patient_id == clinic["Wanjiru"] and follow.reason == "Follow-up"


def test_the_booking_choices_start_with_the_most_used_type_or_none(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    set_now(core, at(MONDAY, 7))
    with core.store.session() as session, session.begin():
        # Alphabetically first, and never booked: it must not be the default.
        antenatal = clinic_setup.add_appointment_type(session, core.actor, "Antenatal visit", 20)
    choices = core.schedule.booking_choices()
    assert [t.name for t in choices.types] == ["Antenatal visit", "Consultation"]
    assert choices.default_type_id is None  # nothing booked yet: the dialog asks
    book(core, clinic, "Wanjiru", at(MONDAY, 9))
    book(core, clinic, "Baraka", at(MONDAY, 10))
    visit = core.schedule.book(
        patient_id=clinic["Wanjiru"],
        provider_id=clinic["provider"],
        type_id=antenatal.id,
        starts_at=at(MONDAY, 11),
        same_day_ok=True,
    ).value
    assert core.schedule.booking_choices().default_type_id == clinic["type"]
    # Moving or following up an appointment starts from its own type.
    assert core.schedule.booking_choices(visit.appointment_id).default_type_id == antenatal.id


def test_removing_a_patient_frees_their_booked_slots(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    booked = book(core, clinic, "Wanjiru", at(MONDAY, 11))
    core.patients.remove(clinic["Wanjiru"])
    assert core.schedule.appointment(booked).status is S.CANCELLED
    book(core, clinic, "Baraka", at(MONDAY, 11))


def test_a_day_with_a_clock_change_lists_every_appointment_once(core: ClinicCore) -> None:
    from desktop.store.models import Clinic

    with core.store.session() as session, session.begin():
        session.scalars(select(Clinic)).one().timezone = "Europe/Paris"
        provider = clinic_setup.add_provider(session, core.actor, "Dr. Leroy")
        clinic_setup.set_working_hours(
            session, core.actor, provider.id, 6, [(dt.time(0), dt.time(23, 59))]
        )
        kind = clinic_setup.add_appointment_type(session, core.actor, "Consultation", 30)
        patient = register_patient(
            session, core.actor, PatientInput(given_name="Zoë"), region="KE", confirmed_new=True
        )
    change_day = dt.date(2026, 10, 25)  # a Sunday of 25 hours in Paris
    times = [dt.time(0, 30), dt.time(12), dt.time(23, 15)]
    with core.store.session() as session, session.begin():
        ids = {
            scheduling.book(
                session,
                core.actor,
                patient_id=patient.id,
                provider_id=provider.id,
                type_id=kind.id,
                starts_at=dt.datetime.combine(change_day, t),
            ).id
            for t in times
        }
    with core.store.session() as session:
        listed = [e.appointment_id for e in scheduling.day_list(session, change_day)]
        next_day = scheduling.day_list(session, change_day + dt.timedelta(days=1))
    assert sorted(listed) == sorted(ids) and not next_day


def test_overlapping_working_windows_are_refused(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    with pytest.raises(InvalidInput, match="must not overlap"), core.store.session() as session:
        clinic_setup.set_working_hours(
            session,
            core.actor,
            clinic["provider"],
            0,
            [(dt.time(8), dt.time(12)), (dt.time(11), dt.time(14))],
        )


# --- one time parser -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("09:10", dt.time(9, 10)),  # the booking dialog read it as 14:10
        ("0930", dt.time(9, 30)),  # … and this as 09:09
        ("930", dt.time(9, 30)),
        ("9:30", dt.time(9, 30)),
        ("9.30", dt.time(9, 30)),
        ("9h30", dt.time(9, 30)),
        ("14h", dt.time(14)),
        ("9 30", dt.time(9, 30)),
        ("9", dt.time(9)),
        ("  14:05 ", dt.time(14, 5)),
        ("1415", dt.time(14, 15)),
        ("0", dt.time(0)),
        ("23:59", dt.time(23, 59)),
        ("2pm", dt.time(14)),
        ("2:30 p.m.", dt.time(14, 30)),
        ("12 am", dt.time(0)),
        ("12pm", dt.time(12)),
        ("11:45AM", dt.time(11, 45)),
    ],
)
def test_a_typed_time_means_what_it_says(typed: str, expected: dt.time) -> None:
    assert parse_time(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "is not a time: write it as HH:MM"),
        ("nine", "is not a time: write it as HH:MM"),
        ("9:3", "is not a time: write it as HH:MM"),
        ("12345", "is not a time: write it as HH:MM"),
        ("24:00", "hours go from 00 to 23"),
        ("9:60", "minutes from 00 to 59"),
        ("13pm", "with am or pm, hours go from 1 to 12"),
    ],
)
def test_a_time_that_is_not_one_is_refused_saying_how_to_write_it(typed: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as refused:
        parse_time(typed)
    assert refused.value.field == "starts_at"


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_every_time_reads_back_in_every_spelling(time: dt.time) -> None:
    for spelling in (f"{time:%H:%M}", f"{time:%H%M}", f"{time:%H.%M}", f"{time.hour}:{time:%M}"):
        assert parse_time(spelling) == time
    if time.hour < 10:
        assert parse_time(f"{time.hour}{time:%M}") == time  # "930"
    twelve = time.hour % 12 or 12
    assert parse_time(f"{twelve}:{time:%M} {'pm' if time.hour >= 12 else 'am'}") == time


# --- the demo, and the import graph ------------------------------------------------------


def test_the_demo_stamps_past_arrivals_on_their_own_day(core: ClinicCore) -> None:
    from desktop.demo import seed_demo
    from desktop.store.models import Appointment, AppointmentEvent

    seed_demo(core, count=30)
    yesterday = core.today() - dt.timedelta(days=1)
    past = [e for e in core.schedule.day(yesterday) if e.status is S.COMPLETED]
    if yesterday.weekday() == 6:
        assert past == []  # the demo clinic is closed on Sundays
        return
    assert past
    with core.store.session() as session:
        for entry in past:
            assert entry.arrived_at is not None
            assert entry.arrived_at.date() == yesterday
            offset = entry.arrived_at - entry.starts_at
            assert dt.timedelta(minutes=-30) <= offset <= dt.timedelta(minutes=30)
            stamps = session.scalars(
                select(AppointmentEvent.at)
                .where(AppointmentEvent.appointment_id == entry.appointment_id)
                .where(AppointmentEvent.to_status != "booked")
            ).all()
            assert all(core.clock.local(s).date() == yesterday for s in stamps), stamps
            row = session.scalars(
                select(Appointment).where(Appointment.id == entry.appointment_id)
            ).one()
            assert row.arrived_at is not None


def test_scheduling_does_not_import_the_patients_service() -> None:
    tree = ast.parse((ROOT / "desktop/services/scheduling.py").read_text("utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module is not None
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert "desktop.services.patients" not in imported
