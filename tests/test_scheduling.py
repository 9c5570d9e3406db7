"""The appointment book: working hours, double bookings, the status life cycle, the day."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput
from desktop.services import clinic_setup, scheduling
from desktop.services.patients import PatientInput, register_patient
from desktop.store.models import AppointmentStatus as S

MONDAY = dt.date(2026, 11, 23)


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
        for given, family in (("Wanjiru", "Kamau"), ("Baraka", "Juma")):
            patient = register_patient(
                session,
                core.actor,
                PatientInput(given_name=given, family_name=family),
                region="KE",
                confirmed_new=True,
            )
            ids[given] = patient.id
    return {"provider": provider.id, "type": kind.id, **ids}


def book(core: ClinicCore, clinic: dict[str, uuid.UUID], who: str, at: dt.datetime) -> uuid.UUID:
    with core.store.session() as session, session.begin():
        return scheduling.book(
            session,
            core.actor,
            patient_id=clinic[who],
            provider_id=clinic["provider"],
            type_id=clinic["type"],
            starts_at=at,
        ).id


def test_a_booking_is_stored_in_utc_and_shown_in_clinic_time(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    appt = book(core, clinic, "Wanjiru", dt.datetime.combine(MONDAY, dt.time(9)))
    with core.store.session() as session:
        stored = scheduling.get_appointment(session, appt)
        entry = scheduling.day_list(session, MONDAY)[0]
    assert stored.starts_at == dt.datetime(2026, 11, 23, 6, 0, tzinfo=dt.UTC)  # Nairobi is UTC+3
    assert entry.starts_at.hour == 9 and entry.ends_at.minute == 30
    assert entry.patient_name == "Wanjiru Kamau" and entry.status is S.BOOKED


def test_a_double_booking_is_refused_naming_the_clash(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    first = book(core, clinic, "Wanjiru", dt.datetime.combine(MONDAY, dt.time(9)))
    with pytest.raises(Conflict, match=rf"Double booking: .*Wanjiru Kamau.*09:00–09:30.*{first}"):
        book(core, clinic, "Baraka", dt.datetime.combine(MONDAY, dt.time(9, 15)))
    # Back to back is fine.
    book(core, clinic, "Baraka", dt.datetime.combine(MONDAY, dt.time(9, 30)))


def test_a_cancelled_slot_can_be_booked_again(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    first = book(core, clinic, "Wanjiru", dt.datetime.combine(MONDAY, dt.time(10)))
    with core.store.session() as session, session.begin():
        scheduling.cancel(session, core.actor, first)
    book(core, clinic, "Baraka", dt.datetime.combine(MONDAY, dt.time(10)))


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
    appt = book(core, clinic, "Wanjiru", dt.datetime.combine(MONDAY, dt.time(9)))
    with core.store.session() as session, session.begin():
        scheduling.check_in(session, core.actor, appt)
        scheduling.start_consultation(session, core.actor, appt)
        scheduling.complete(session, core.actor, appt)
        with pytest.raises(Conflict, match="completed cannot become cancelled"):
            scheduling.cancel(session, core.actor, appt)
    from sqlalchemy import select

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


def test_moving_an_appointment_keeps_the_old_one_as_rescheduled(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    appt = book(core, clinic, "Wanjiru", dt.datetime.combine(MONDAY, dt.time(9)))
    with core.store.session() as session, session.begin():
        # Moving by fifteen minutes overlaps the old slot: the old one must not clash.
        moved = scheduling.move(
            session, core.actor, appt, dt.datetime.combine(MONDAY, dt.time(9, 15))
        )
    with core.store.session() as session:
        assert scheduling.get_appointment(session, appt).status is S.RESCHEDULED
        assert moved.rescheduled_from_id == appt


def test_the_check_in_queue_is_first_come_first_served_and_late_patients_flagged(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    early = book(core, clinic, "Wanjiru", dt.datetime.combine(MONDAY, dt.time(9)))
    later = book(core, clinic, "Baraka", dt.datetime.combine(MONDAY, dt.time(8)))
    with core.store.session() as session, session.begin():
        scheduling.check_in(session, core.actor, early)
        scheduling.check_in(session, core.actor, later)
    now = dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)  # 10:00 in Nairobi
    with core.store.session() as session:
        queue = scheduling.check_in_queue(session, MONDAY, now=now)
        assert [e.appointment_id for e in queue] == [early, later]
    third = book(core, clinic, "Wanjiru", dt.datetime.combine(MONDAY, dt.time(9, 30)))
    with core.store.session() as session:
        late = {e.appointment_id: e.late for e in scheduling.day_list(session, MONDAY, now=now)}
    assert late == {early: False, later: False, third: True}


def test_a_follow_up_points_back_at_the_visit(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    visit = book(core, clinic, "Wanjiru", dt.datetime.combine(MONDAY, dt.time(9)))
    with core.store.session() as session, session.begin():
        follow = scheduling.follow_up(
            session,
            core.actor,
            visit,
            dt.datetime.combine(MONDAY + dt.timedelta(days=7), dt.time(9)),
        )
    assert follow.follow_up_of_id == visit
    assert follow.patient_id == clinic["Wanjiru"]


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


def test_removing_a_patient_frees_their_booked_slots(
    core: ClinicCore, clinic: dict[str, uuid.UUID]
) -> None:
    from desktop.services.patients import remove_patient

    booked = book(core, clinic, "Wanjiru", dt.datetime.combine(MONDAY, dt.time(11)))
    with core.store.session() as session, session.begin():
        remove_patient(session, core.actor, clinic["Wanjiru"])
    with core.store.session() as session:
        assert scheduling.get_appointment(session, booked).status is S.CANCELLED
    book(core, clinic, "Baraka", dt.datetime.combine(MONDAY, dt.time(11)))


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
