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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.messages import Message, join, msg
from desktop.permissions import Actor, Permission
from desktop.records import get_live, kinds
from desktop.services.clinic import get_clinic
from desktop.services.clinic_setup import (
    get_appointment_type,
    get_provider,
    list_appointment_types,
    list_providers,
    working_hours,
)
from desktop.store.models import (
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
    AppointmentType,
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
STATUS_WORDS: dict[AppointmentStatus, Message] = dict(kinds.APPOINTMENT_WORDS)
# As the status is written in data (the move refusal has always named it so).
STATUS_CODES: dict[AppointmentStatus, Message] = {
    **STATUS_WORDS,
    S.IN_CONSULTATION: msg("in_consultation"),
    S.NO_SHOW: msg("no_show"),
}

# The appointment spec's status machine (desktop.records.kinds), re-exported.
TRANSITIONS: dict[AppointmentStatus, frozenset[AppointmentStatus]] = dict(
    kinds.APPOINTMENT_STATUS.transitions
)
# Statuses that hold a provider's time: another booking may not overlap them.
OCCUPYING = (S.BOOKED, S.ARRIVED, S.IN_CONSULTATION, S.COMPLETED)
LATE_AFTER = dt.timedelta(minutes=15)


def is_late(status: AppointmentStatus, starts_at: dt.datetime, now: dt.datetime) -> bool:
    """The one lateness rule (Today, the calendar, the patient record): still booked and its
    start passed by more than LATE_AFTER."""
    return status is S.BOOKED and now - starts_at > LATE_AFTER


def clinic_zone(session: Session) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(get_clinic(session).timezone)


def to_utc(local: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    if local.tzinfo is not None:
        return local.astimezone(dt.UTC)
    return local.replace(tzinfo=zone).astimezone(dt.UTC)


def get_live_patient(session: Session, patient_id: uuid.UUID) -> Patient:
    """The patient, unless unknown or removed (tombstoned): then `NotFound`.
    (Here rather than imported from the patients service: patients builds on scheduling.)"""
    patient = session.scalar(select(Patient).where(Patient.id == patient_id))
    if patient is None or patient.deleted:
        raise NotFound(msg("No patient with id {id}.", id=patient_id))
    return patient


def day_label(moment: dt.datetime | dt.date) -> Message:
    """'Mon 23 Nov', each word translatable."""
    return msg(
        "{weekday} {day} {month}",
        weekday=WEEKDAY_ABBREVIATIONS[moment.weekday()],
        day=str(moment.day),
        month=MONTH_ABBREVIATIONS[moment.month - 1],
    )


class Clash(Conflict):
    """A double booking: the provider already sees someone then. Carries the appointment in
    the way and the next free starting times (clinic-local, naive) a screen can offer."""

    def __init__(self, message: str, *, clash_id: uuid.UUID, free: tuple[dt.datetime, ...]) -> None:
        super().__init__(message)
        self.clash_id = clash_id
        self.free = free


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


SLOT = dt.timedelta(minutes=15)  # free times are offered on the quarter hour
FREE_TIMES_OFFERED = 3
FREE_SEARCH_DAYS = 14


def _local_naive(moment: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    return moment.astimezone(zone).replace(tzinfo=None) if moment.tzinfo else moment


def _busy(
    session: Session,
    provider_id: uuid.UUID,
    start_utc: dt.datetime,
    end_utc: dt.datetime,
    ignore: uuid.UUID | None,
) -> list[tuple[dt.datetime, dt.datetime]]:
    query = select(Appointment.starts_at, Appointment.ends_at, Appointment.id).where(
        Appointment.provider_id == provider_id,
        Appointment.deleted.is_(False),
        Appointment.status.in_(OCCUPYING),
        Appointment.walk_in.is_(False),  # a walk-in fits in around the booked times
        Appointment.starts_at < end_utc,
        Appointment.ends_at > start_utc,
    )
    return [(s, e) for s, e, i in session.execute(query) if i != ignore]


def next_free_times(
    session: Session,
    provider_id: uuid.UUID,
    minutes: int,
    after: dt.datetime,
    *,
    count: int = FREE_TIMES_OFFERED,
    days: int = FREE_SEARCH_DAYS,
    ignore: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> tuple[dt.datetime, ...]:
    """The first `count` starting times (clinic-local, naive, on the quarter hour) from
    `after` (naive = clinic time) at which `provider_id` works and is free for `minutes`,
    looking `days` days ahead; given `now`, never a time already past."""
    zone = clinic_zone(session)
    earliest = _local_naive(after, zone)
    if now is not None:
        earliest = max(earliest, _local_naive(now, zone))
    first_day = earliest.date()
    windows = working_hours(session, provider_id)
    busy = _busy(
        session,
        provider_id,
        to_utc(dt.datetime.combine(first_day, dt.time(0)), zone),
        to_utc(dt.datetime.combine(first_day + dt.timedelta(days=days + 1), dt.time(0)), zone),
        ignore,
    )
    length = dt.timedelta(minutes=minutes)
    found: list[dt.datetime] = []
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        for window in windows:
            if window.weekday != day.weekday():
                continue
            slot, window_end = (dt.datetime.combine(day, t) for t in (window.start, window.end))
            while slot + length <= window_end:
                if slot >= earliest:
                    start_utc = to_utc(slot, zone)
                    end_utc = start_utc + length
                    if not any(b_start < end_utc and b_end > start_utc for b_start, b_end in busy):
                        found.append(slot)
                        if len(found) == count:
                            return tuple(found)
                slot += SLOT
    return tuple(found)


def _time_choice(moment: dt.datetime, asked: dt.date) -> str:
    if moment.date() == asked:
        return f"{moment:%H:%M}"
    return msg("{day} {time}", day=day_label(moment), time=f"{moment:%H:%M}")


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
        # A walk-in booked no slot: a booking at the time they came is no double booking.
        Appointment.walk_in.is_(False),
        Appointment.starts_at < end_utc,
        Appointment.ends_at > start_utc,
    )
    if ignore is not None:
        query = query.where(Appointment.id != ignore)
    clash = session.scalars(query.order_by(Appointment.starts_at)).first()
    if clash is None:
        return
    # Not get_live_patient: a removed patient's completed visit still holds its time.
    patient = session.scalars(select(Patient).where(Patient.id == clash.patient_id)).one()
    minutes = round((end_utc - start_utc).total_seconds() / 60)
    asked = start_utc.astimezone(zone)
    free = next_free_times(session, provider.id, minutes, asked, ignore=ignore)
    parts = [
        msg(
            "{provider} already sees {patient} {start}–{end}.",
            provider=provider.name,
            patient=patient.full_name,
            start=f"{clash.starts_at.astimezone(zone):%H:%M}",
            end=f"{clash.ends_at.astimezone(zone):%H:%M}",
        )
    ]
    if free:
        choices = join(", ", [_time_choice(t, asked.date()) for t in free])
        parts.append(msg("Free next: {times}.", times=choices))
    else:
        parts.append(
            msg(
                "{provider} has no free time in the next {days} days.",
                provider=provider.name,
                days=FREE_SEARCH_DAYS,
            )
        )
    raise Clash(join(" ", parts), clash_id=clash.id, free=free)


def _transition(
    session: Session,
    actor: Actor,
    appointment: Appointment,
    to: AppointmentStatus,
    at: dt.datetime | None = None,
) -> None:
    kinds.APPOINTMENTS.check_transition(appointment.status, to)
    session.add(
        AppointmentEvent(
            clinic_id=actor.clinic_id,
            appointment_id=appointment.id,
            from_status=appointment.status.value,
            to_status=to.value,
            user_id=actor.user_id,
            at=at or utcnow(),
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
    get_live_patient(session, patient_id)
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


def _walk_in_provider(session: Session, since: dt.datetime) -> Provider:
    """The active provider with the fewest patients waiting for them now (arrived or in
    consultation since `since`), the first by name on a tie."""
    providers = list(list_providers(session))
    if not providers:
        raise InvalidInput(
            msg("There are no providers yet. An administrator adds them in Settings → Clinic."),
            field="provider_id",
        )
    waiting: dict[uuid.UUID, int] = {
        provider_id: count
        for provider_id, count in session.execute(
            select(Appointment.provider_id, func.count())
            .where(
                Appointment.deleted.is_(False),
                Appointment.status.in_(WAITING),
                Appointment.starts_at >= since,
            )
            .group_by(Appointment.provider_id)
        )
    }
    return min(providers, key=lambda p: (waiting.get(p.id, 0), p.name))


def _walk_in_type(session: Session, now: dt.datetime) -> AppointmentType:
    """The clinic's most booked type, else the first active one by name."""
    found = most_used_type(session, now=now)
    if found is not None:
        return get_appointment_type(session, found)
    kinds_ = list_appointment_types(session)
    if not kinds_:
        raise InvalidInput(
            msg(
                "There are no appointment types yet. An administrator adds them in "
                "Settings → Clinic."
            ),
            field="type_id",
        )
    return kinds_[0]


def walk_in(
    session: Session,
    actor: Actor,
    *,
    patient_id: uuid.UUID,
    provider_id: uuid.UUID | None = None,
    type_id: uuid.UUID | None = None,
    reason: str = "",
    now: dt.datetime | None = None,
) -> Appointment:
    """A patient who came without an appointment joins the check-in queue: an appointment
    starting now (UTC `now`), already arrived, marked `walk_in`. No slot was booked, so no
    working-hours or clash check: it is never a double booking, and bookings made around it
    never clash with it. Without `provider_id`, the provider with the fewest patients
    waiting; without `type_id`, the clinic's most booked type."""
    actor.require(Permission.MANAGE_APPOINTMENTS)
    now = now or utcnow()
    get_live_patient(session, patient_id)
    zone = clinic_zone(session)
    day_start, _ = _day_bounds(now.astimezone(zone).date(), zone)
    if provider_id is not None:
        provider = get_provider(session, provider_id)
    else:
        provider = _walk_in_provider(session, day_start)
    kind = get_appointment_type(session, type_id) if type_id else _walk_in_type(session, now)
    appointment = Appointment(
        clinic_id=actor.clinic_id,
        patient_id=patient_id,
        provider_id=provider.id,
        type_id=kind.id,
        starts_at=now,
        ends_at=now + dt.timedelta(minutes=kind.duration_minutes),
        reason=reason.strip(),
        booked_by=actor.user_id,
        status=S.ARRIVED,
        arrived_at=now,
        walk_in=True,
    )
    session.add(appointment)
    session.flush()
    session.add(
        AppointmentEvent(
            clinic_id=actor.clinic_id,
            appointment_id=appointment.id,
            from_status=None,
            to_status=S.ARRIVED.value,
            user_id=actor.user_id,
            at=now,
        )
    )
    session.flush()
    return appointment


def get_appointment(session: Session, appointment_id: uuid.UUID) -> Appointment:
    return get_live(session, kinds.APPOINTMENTS, appointment_id)


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
    session: Session,
    actor: Actor,
    appointment_id: uuid.UUID,
    to: AppointmentStatus,
    *,
    at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> Appointment:
    actor.require(Permission.MANAGE_APPOINTMENTS)
    appointment = get_appointment(session, appointment_id)
    if (
        to is S.NO_SHOW
        and to in TRANSITIONS[appointment.status]
        and (now or at or utcnow()) < appointment.starts_at
    ):
        zone = clinic_zone(session)
        start = appointment.starts_at.astimezone(zone)
        raise Conflict(
            msg(
                "This appointment is at {time} on {day}: it can be marked a no-show only once "
                "that time has passed.",
                time=f"{start:%H:%M}",
                day=day_label(start),
            )
        )
    _transition(session, actor, appointment, to, at)
    if to is S.ARRIVED:
        appointment.arrived_at = at or utcnow()
    session.flush()
    return appointment


def check_in(
    session: Session, actor: Actor, appointment_id: uuid.UUID, *, at: dt.datetime | None = None
) -> Appointment:
    """The patient has arrived (at `at`, UTC; now if not given)."""
    return _set_status(session, actor, appointment_id, S.ARRIVED, at=at)


def start_consultation(
    session: Session, actor: Actor, appointment_id: uuid.UUID, *, at: dt.datetime | None = None
) -> Appointment:
    return _set_status(session, actor, appointment_id, S.IN_CONSULTATION, at=at)


def complete(
    session: Session, actor: Actor, appointment_id: uuid.UUID, *, at: dt.datetime | None = None
) -> Appointment:
    return _set_status(session, actor, appointment_id, S.COMPLETED, at=at)


def mark_no_show(
    session: Session,
    actor: Actor,
    appointment_id: uuid.UUID,
    *,
    now: dt.datetime | None = None,
    at: dt.datetime | None = None,
) -> Appointment:
    """Refused before the appointment's start: nobody is absent from a time still to come."""
    return _set_status(session, actor, appointment_id, S.NO_SHOW, now=now, at=at)


def cancel(session: Session, actor: Actor, appointment_id: uuid.UUID) -> Appointment:
    return _set_status(session, actor, appointment_id, S.CANCELLED)


def next_steps(
    status: AppointmentStatus, starts_at: dt.datetime, now: dt.datetime
) -> frozenset[AppointmentStatus]:
    """The statuses an appointment may move to now (no-show only once its time has come)."""
    allowed = TRANSITIONS[status]
    if now < starts_at:
        allowed = allowed - {S.NO_SHOW}
    return allowed


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
    type_id: uuid.UUID | None = None
    reason: str = ""
    # What the appointment may become now (check in, no-show once its time has come, …).
    next_steps: frozenset[AppointmentStatus] = frozenset()
    walk_in: bool = False  # came without an appointment (joined the queue on arrival)

    @property
    def minutes(self) -> int:
        return round((self.ends_at - self.starts_at).total_seconds() / 60)


def _day_bounds(day: dt.date, zone: zoneinfo.ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(0), zone).astimezone(dt.UTC)
    # Not start + 24 h: a day with a clock change has 23 or 25 hours.
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), zone).astimezone(dt.UTC)
    return start, end


def _entries(
    session: Session,
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    provider_id: uuid.UUID | None = None,
    patient_id: uuid.UUID | None = None,
    appointment_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> list[DayEntry]:
    zone = clinic_zone(session)
    now = now or utcnow()
    query = (
        select(Appointment, Patient, Provider, AppointmentType)
        .join(Patient, Patient.id == Appointment.patient_id)
        .join(Provider, Provider.id == Appointment.provider_id)
        .join(AppointmentType, AppointmentType.id == Appointment.type_id)
        .where(Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at, Provider.name)
    )
    if start is not None:
        query = query.where(Appointment.starts_at >= start)
    if end is not None:
        query = query.where(Appointment.starts_at < end)
    if provider_id is not None:
        query = query.where(Appointment.provider_id == provider_id)
    if patient_id is not None:
        query = query.where(Appointment.patient_id == patient_id)
    if appointment_id is not None:
        query = query.where(Appointment.id == appointment_id)
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
            late=is_late(a.status, a.starts_at, now),
            type_id=t.id,
            reason=a.reason,
            next_steps=next_steps(a.status, a.starts_at, now),
            walk_in=bool(a.walk_in),
        )
        for a, p, pr, t in session.execute(query)
    ]


def entry(
    session: Session, appointment_id: uuid.UUID, *, now: dt.datetime | None = None
) -> DayEntry:
    """One appointment as the screens show it."""
    found = _entries(session, appointment_id=appointment_id, now=now)
    if not found:
        raise NotFound(msg("No appointment with id {id}.", id=appointment_id))
    return found[0]


def day_list(
    session: Session,
    day: dt.date,
    *,
    provider_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> list[DayEntry]:
    """The appointments of one clinic-local day, in time order (all statuses)."""
    start, end = _day_bounds(day, clinic_zone(session))
    return _entries(session, start=start, end=end, provider_id=provider_id, now=now)


WAITING = (S.ARRIVED, S.IN_CONSULTATION)


def waiting_room(entries: Iterable[DayEntry]) -> list[DayEntry]:
    """The check-in queue (the one implementation of it): patients who have arrived and not
    yet finished, those in consultation first, then first come first served."""
    return sorted(
        (e for e in entries if e.status in WAITING),
        key=lambda e: (e.status is not S.IN_CONSULTATION, e.arrived_at or e.starts_at),
    )


def check_in_queue(
    session: Session, day: dt.date, *, now: dt.datetime | None = None
) -> list[DayEntry]:
    return waiting_room(day_list(session, day, now=now))


def appointments_between(
    session: Session,
    start_day: dt.date,
    days: int,
    *,
    provider_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> list[DayEntry]:
    zone = clinic_zone(session)
    start, _ = _day_bounds(start_day, zone)
    _, end = _day_bounds(start_day + dt.timedelta(days=days - 1), zone)
    return _entries(session, start=start, end=end, provider_id=provider_id, now=now)


def same_day_appointments(
    session: Session,
    patient_id: uuid.UUID,
    starts_at: dt.datetime,
    *,
    ignore: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> list[DayEntry]:
    """The patient's other appointments on the clinic-local day of `starts_at` (naive =
    clinic time) that still hold a provider's time."""
    zone = clinic_zone(session)
    start, end = _day_bounds(_local_naive(starts_at, zone).date(), zone)
    return [
        e
        for e in _entries(session, start=start, end=end, patient_id=patient_id, now=now)
        if e.status in OCCUPYING and e.appointment_id != ignore
    ]


def most_used_type(session: Session, *, now: dt.datetime | None = None) -> uuid.UUID | None:
    """The active appointment type booked most in the last 90 days (None before any)."""
    since = (now or utcnow()) - dt.timedelta(days=90)
    row = session.execute(
        select(Appointment.type_id, func.count())
        .join(AppointmentType, AppointmentType.id == Appointment.type_id)
        .where(
            Appointment.starts_at >= since,
            Appointment.deleted.is_(False),
            AppointmentType.active.is_(True),
            AppointmentType.deleted.is_(False),
        )
        .group_by(Appointment.type_id)
        .order_by(func.count().desc(), Appointment.type_id)
        .limit(1)
    ).first()
    return row[0] if row is not None else None


def patient_appointments(session: Session, patient_id: uuid.UUID) -> Sequence[Appointment]:
    return session.scalars(
        select(Appointment)
        .where(Appointment.patient_id == patient_id, Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at.desc())
    ).all()
