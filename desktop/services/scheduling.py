"""The appointment book: booking, moving, the day's list and the check-in queue.

Times given and shown are the clinic's local wall-clock times; they are stored in UTC.
Status life cycle: booked → arrived → in consultation → completed; booked → no-show,
cancelled or rescheduled (moving an appointment marks the old one rescheduled and books a
new one that points back at it). Every transition is an `AppointmentEvent`: who and when.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.messages import Message, msg
from desktop.permissions import Actor, Permission
from desktop.services.clinic import get_clinic
from desktop.services.clinic_setup import (
    get_appointment_type,
    get_provider,
    working_hours,
)
from desktop.services.patients import get_patient
from desktop.store.models import (
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
    Patient,
    Provider,
    utcnow,
)

S = AppointmentStatus

# Words the messages below are made of, translatable one by one (see desktop/messages.py).
WEEKDAY_NAMES = (
    msg("Monday"),
    msg("Tuesday"),
    msg("Wednesday"),
    msg("Thursday"),
    msg("Friday"),
    msg("Saturday"),
    msg("Sunday"),
)
WEEKDAY_ABBREVIATIONS = (
    msg("Mon"),
    msg("Tue"),
    msg("Wed"),
    msg("Thu"),
    msg("Fri"),
    msg("Sat"),
    msg("Sun"),
)
MONTH_ABBREVIATIONS = (
    msg("Jan"),
    msg("Feb"),
    msg("Mar"),
    msg("Apr"),
    msg("May"),
    msg("Jun"),
    msg("Jul"),
    msg("Aug"),
    msg("Sep"),
    msg("Oct"),
    msg("Nov"),
    msg("Dec"),
)
STATUS_WORDS: dict[AppointmentStatus, Message] = {
    S.BOOKED: msg("booked"),
    S.ARRIVED: msg("arrived"),
    S.IN_CONSULTATION: msg("in consultation"),
    S.COMPLETED: msg("completed"),
    S.NO_SHOW: msg("no show"),
    S.CANCELLED: msg("cancelled"),
    S.RESCHEDULED: msg("rescheduled"),
}
# As the status is written in data (the move refusal has always named it so).
STATUS_CODES: dict[AppointmentStatus, Message] = {
    **STATUS_WORDS,
    S.IN_CONSULTATION: msg("in_consultation"),
    S.NO_SHOW: msg("no_show"),
}

TRANSITIONS: dict[AppointmentStatus, frozenset[AppointmentStatus]] = {
    S.BOOKED: frozenset({S.ARRIVED, S.NO_SHOW, S.CANCELLED, S.RESCHEDULED}),
    S.ARRIVED: frozenset({S.IN_CONSULTATION, S.COMPLETED, S.CANCELLED}),
    S.IN_CONSULTATION: frozenset({S.COMPLETED}),
    S.COMPLETED: frozenset(),
    S.NO_SHOW: frozenset({S.ARRIVED}),  # the patient turned up late after all
    S.CANCELLED: frozenset(),
    S.RESCHEDULED: frozenset(),
}
# Statuses that hold a provider's time: another booking may not overlap them.
OCCUPYING = (S.BOOKED, S.ARRIVED, S.IN_CONSULTATION, S.COMPLETED)
LATE_AFTER = dt.timedelta(minutes=15)


def clinic_zone(session: Session) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(get_clinic(session).timezone)


def to_utc(local: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    if local.tzinfo is not None:
        return local.astimezone(dt.UTC)
    return local.replace(tzinfo=zone).astimezone(dt.UTC)


def describe(
    appointment: Appointment, patient: Patient, provider: Provider, zone: zoneinfo.ZoneInfo
) -> Message:
    start = appointment.starts_at.astimezone(zone)
    end = appointment.ends_at.astimezone(zone)
    return msg(
        "{patient} with {provider}, {weekday} {day} {month} {start}–{end} "
        "(appointment {appointment})",
        patient=patient.full_name,
        provider=provider.name,
        weekday=WEEKDAY_ABBREVIATIONS[start.weekday()],
        day=f"{start:%d}",
        month=MONTH_ABBREVIATIONS[start.month - 1],
        start=f"{start:%H:%M}",
        end=f"{end:%H:%M}",
        appointment=appointment.id,
    )


def _check_working_hours(
    session: Session, provider: Provider, start: dt.datetime, end: dt.datetime
) -> None:
    if start.date() != end.date():
        raise InvalidInput(msg("An appointment cannot run to or past midnight."), field="starts_at")
    windows = [w for w in working_hours(session, provider.id) if w.weekday == start.weekday()]
    if not windows:
        raise InvalidInput(
            msg(
                "{provider} does not work on {weekday}s. "
                "Choose another day or provider, or change the working hours in Settings.",
                provider=provider.name,
                weekday=WEEKDAY_NAMES[start.weekday()],
            ),
            field="starts_at",
        )
    if not any(w.start <= start.time() and end.time() <= w.end for w in windows):
        hours = ", ".join(f"{w.start:%H:%M}–{w.end:%H:%M}" for w in windows)
        raise InvalidInput(
            msg(
                "{start}–{end} is outside {provider}'s working hours on {weekday} ({hours}).",
                start=f"{start:%H:%M}",
                end=f"{end:%H:%M}",
                provider=provider.name,
                weekday=WEEKDAY_NAMES[start.weekday()],
                hours=hours,
            ),
            field="starts_at",
        )


def _check_clash(
    session: Session,
    provider: Provider,
    start_utc: dt.datetime,
    end_utc: dt.datetime,
    zone: zoneinfo.ZoneInfo,
    ignore: uuid.UUID | None = None,
) -> None:
    query = select(Appointment).where(
        Appointment.provider_id == provider.id,
        Appointment.deleted.is_(False),
        Appointment.status.in_(OCCUPYING),
        Appointment.starts_at < end_utc,
        Appointment.ends_at > start_utc,
    )
    if ignore is not None:
        query = query.where(Appointment.id != ignore)
    clash = session.scalars(query.order_by(Appointment.starts_at)).first()
    if clash is not None:
        patient = get_patient(session, clash.patient_id)
        raise Conflict(
            msg(
                "Double booking: {provider} already has {appointment}. Choose another time.",
                provider=provider.name,
                appointment=describe(clash, patient, provider, zone),
            )
        )


def _transition(
    session: Session, actor: Actor, appointment: Appointment, to: AppointmentStatus
) -> None:
    if to not in TRANSITIONS[appointment.status]:
        raise Conflict(
            msg(
                "An appointment that is {status} cannot become {to}.",
                status=STATUS_WORDS[appointment.status],
                to=STATUS_WORDS[to],
            )
        )
    session.add(
        AppointmentEvent(
            clinic_id=actor.clinic_id,
            appointment_id=appointment.id,
            from_status=appointment.status.value,
            to_status=to.value,
            user_id=actor.user_id,
        )
    )
    appointment.status = to


def book(
    session: Session,
    actor: Actor,
    *,
    patient_id: uuid.UUID,
    provider_id: uuid.UUID,
    type_id: uuid.UUID,
    starts_at: dt.datetime,
    reason: str = "",
    follow_up_of: uuid.UUID | None = None,
    rescheduled_from: uuid.UUID | None = None,
) -> Appointment:
    """Book an appointment at the clinic-local time `starts_at` (naive = clinic time)."""
    actor.require(Permission.MANAGE_APPOINTMENTS)
    zone = clinic_zone(session)
    get_patient(session, patient_id)
    provider = get_provider(session, provider_id)
    kind = get_appointment_type(session, type_id)
    start_utc = to_utc(starts_at, zone)
    end_utc = start_utc + dt.timedelta(minutes=kind.duration_minutes)
    _check_working_hours(session, provider, start_utc.astimezone(zone), end_utc.astimezone(zone))
    _check_clash(session, provider, start_utc, end_utc, zone)
    appointment = Appointment(
        clinic_id=actor.clinic_id,
        patient_id=patient_id,
        provider_id=provider_id,
        type_id=type_id,
        starts_at=start_utc,
        ends_at=end_utc,
        reason=reason.strip(),
        follow_up_of_id=follow_up_of,
        rescheduled_from_id=rescheduled_from,
        booked_by=actor.user_id,
        status=S.BOOKED,
    )
    session.add(appointment)
    session.flush()
    session.add(
        AppointmentEvent(
            clinic_id=actor.clinic_id,
            appointment_id=appointment.id,
            from_status=None,
            to_status=S.BOOKED.value,
            user_id=actor.user_id,
        )
    )
    session.flush()
    return appointment


def get_appointment(session: Session, appointment_id: uuid.UUID) -> Appointment:
    appointment = session.scalar(select(Appointment).where(Appointment.id == appointment_id))
    if appointment is None or appointment.deleted:
        raise NotFound(msg("No appointment with id {id}.", id=appointment_id))
    return appointment


def move(
    session: Session,
    actor: Actor,
    appointment_id: uuid.UUID,
    new_start: dt.datetime,
    *,
    provider_id: uuid.UUID | None = None,
) -> Appointment:
    """Reschedule: the old appointment becomes `rescheduled`, a new one is booked.
    (If the new time is refused, the caller's transaction rolls the old one back too.)"""
    actor.require(Permission.MANAGE_APPOINTMENTS)
    old = get_appointment(session, appointment_id)
    if S.RESCHEDULED not in TRANSITIONS[old.status]:
        raise Conflict(
            msg(
                "Only a booked appointment can be moved (this one is {status}).",
                status=STATUS_CODES[old.status],
            )
        )
    _transition(session, actor, old, S.RESCHEDULED)
    session.flush()  # the old slot is free before the new one is checked for clashes
    return book(
        session,
        actor,
        patient_id=old.patient_id,
        provider_id=provider_id or old.provider_id,
        type_id=old.type_id,
        starts_at=new_start,
        reason=old.reason,
        follow_up_of=old.follow_up_of_id,
        rescheduled_from=old.id,
    )


def follow_up(
    session: Session,
    actor: Actor,
    visit_id: uuid.UUID,
    starts_at: dt.datetime,
    *,
    provider_id: uuid.UUID | None = None,
    type_id: uuid.UUID | None = None,
    reason: str = "Follow-up",
) -> Appointment:
    visit = get_appointment(session, visit_id)
    return book(
        session,
        actor,
        patient_id=visit.patient_id,
        provider_id=provider_id or visit.provider_id,
        type_id=type_id or visit.type_id,
        starts_at=starts_at,
        reason=reason,
        follow_up_of=visit.id,
    )


def _set_status(
    session: Session, actor: Actor, appointment_id: uuid.UUID, to: AppointmentStatus
) -> Appointment:
    actor.require(Permission.MANAGE_APPOINTMENTS)
    appointment = get_appointment(session, appointment_id)
    _transition(session, actor, appointment, to)
    if to is S.ARRIVED:
        appointment.arrived_at = utcnow()
    session.flush()
    return appointment


def check_in(session: Session, actor: Actor, appointment_id: uuid.UUID) -> Appointment:
    return _set_status(session, actor, appointment_id, S.ARRIVED)


def start_consultation(session: Session, actor: Actor, appointment_id: uuid.UUID) -> Appointment:
    return _set_status(session, actor, appointment_id, S.IN_CONSULTATION)


def complete(session: Session, actor: Actor, appointment_id: uuid.UUID) -> Appointment:
    return _set_status(session, actor, appointment_id, S.COMPLETED)


def mark_no_show(session: Session, actor: Actor, appointment_id: uuid.UUID) -> Appointment:
    return _set_status(session, actor, appointment_id, S.NO_SHOW)


def cancel(session: Session, actor: Actor, appointment_id: uuid.UUID) -> Appointment:
    return _set_status(session, actor, appointment_id, S.CANCELLED)


@dataclass(frozen=True)
class DayEntry:
    appointment_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    provider_id: uuid.UUID
    provider_name: str
    type_name: str
    starts_at: dt.datetime  # clinic-local, aware
    ends_at: dt.datetime
    status: AppointmentStatus
    arrived_at: dt.datetime | None
    late: bool  # booked, start passed by more than LATE_AFTER, not arrived


def day_list(
    session: Session,
    day: dt.date,
    *,
    provider_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> list[DayEntry]:
    """The appointments of one clinic-local day, in time order (all statuses)."""
    from desktop.store.models import AppointmentType

    zone = clinic_zone(session)
    start = dt.datetime.combine(day, dt.time(0), zone).astimezone(dt.UTC)
    # Not start + 24 h: a day with a clock change has 23 or 25 hours.
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), zone).astimezone(dt.UTC)
    now = now or utcnow()
    query = (
        select(Appointment, Patient, Provider, AppointmentType)
        .join(Patient, Patient.id == Appointment.patient_id)
        .join(Provider, Provider.id == Appointment.provider_id)
        .join(AppointmentType, AppointmentType.id == Appointment.type_id)
        .where(
            Appointment.starts_at >= start,
            Appointment.starts_at < end,
            Appointment.deleted.is_(False),
        )
        .order_by(Appointment.starts_at, Provider.name)
    )
    if provider_id is not None:
        query = query.where(Appointment.provider_id == provider_id)
    return [
        DayEntry(
            appointment_id=a.id,
            patient_id=p.id,
            patient_name=p.full_name,
            provider_id=pr.id,
            provider_name=pr.name,
            type_name=t.name,
            starts_at=a.starts_at.astimezone(zone),
            ends_at=a.ends_at.astimezone(zone),
            status=a.status,
            arrived_at=a.arrived_at.astimezone(zone) if a.arrived_at else None,
            late=a.status is S.BOOKED and now - a.starts_at > LATE_AFTER,
        )
        for a, p, pr, t in session.execute(query)
    ]


def check_in_queue(
    session: Session, day: dt.date, *, now: dt.datetime | None = None
) -> list[DayEntry]:
    """Patients who have arrived and not yet finished, first come first served."""
    waiting = [
        e for e in day_list(session, day, now=now) if e.status in (S.ARRIVED, S.IN_CONSULTATION)
    ]
    return sorted(
        waiting, key=lambda e: (e.status is not S.IN_CONSULTATION, e.arrived_at or e.starts_at)
    )


def appointments_between(
    session: Session, start_day: dt.date, days: int, *, provider_id: uuid.UUID | None = None
) -> list[DayEntry]:
    out: list[DayEntry] = []
    for offset in range(days):
        out.extend(
            day_list(session, start_day + dt.timedelta(days=offset), provider_id=provider_id)
        )
    return out


def patient_appointments(session: Session, patient_id: uuid.UUID) -> Sequence[Appointment]:
    return session.scalars(
        select(Appointment)
        .where(Appointment.patient_id == patient_id, Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at.desc())
    ).all()
