"""The appointment book: booking, moving, cancelling, check-in and the status of a visit;
Today's and the Calendar's read models, the booking dialog's choices, the next free times.

Every method is one use case: it opens and closes its own transaction and returns plain
frozen dataclasses (writes: `Done(value, changes)`, the changes already published). Times a
person gives are clinic wall-clock times (naive = the clinic's zone); times returned are
aware and in the clinic's zone (`core.clock`); stored instants are UTC.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.app.transactions import Done
from desktop.errors import Conflict
from desktop.messages import Message, join, msg
from desktop.services import clinic_setup, scheduling
from desktop.services.scheduling import (
    LATE_AFTER,
    OCCUPYING,
    TRANSITIONS,
    Clash,
    DayEntry,
    waiting_room,
)
from desktop.store.models import Appointment, AppointmentStatus
from desktop.times import parse_time

if TYPE_CHECKING:
    from desktop.core import ClinicCore

__all__ = [
    "LATE_AFTER",
    "OCCUPYING",
    "TRANSITIONS",
    "AppointmentStatus",
    "BookingChoices",
    "CalendarData",
    "Clash",
    "DayEntry",
    "ProviderDay",
    "ProviderRef",
    "SameDayBooking",
    "ScheduleApi",
    "TodayData",
    "TypeChoice",
    "Waiting",
    "Warned",
    "WorkingWindow",
    "parse_time",
]


# --- what the screens are given ----------------------------------------------------------


@dataclass(frozen=True)
class ProviderRef:
    provider_id: uuid.UUID
    name: str


@dataclass(frozen=True)
class ProviderDay:
    """One provider's column of the day: their appointments in time order (all statuses)."""

    provider_id: uuid.UUID
    name: str
    entries: tuple[DayEntry, ...]


@dataclass(frozen=True)
class Waiting:
    """One patient in the waiting room, and for how long they have waited."""

    entry: DayEntry
    waited_minutes: int | None  # None: arrival time not known


@dataclass(frozen=True)
class TodayData:
    """Everything the Today screen shows for `day`, read at `now` (clinic time)."""

    day: dt.date
    now: dt.datetime
    is_today: bool
    entries: tuple[DayEntry, ...]  # the whole day, time order
    providers: tuple[ProviderDay, ...]  # active providers, plus any with appointments
    queue: tuple[Waiting, ...]  # the check-in queue
    counts: Mapping[AppointmentStatus, int]
    late: int


@dataclass(frozen=True)
class WorkingWindow:
    weekday: int  # Monday = 0
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class CalendarData:
    start: dt.date
    days: int
    provider_id: uuid.UUID | None
    today: dt.date  # the clinic's today, so the week can mark it
    providers: tuple[ProviderRef, ...]
    hours: Mapping[uuid.UUID, tuple[WorkingWindow, ...]]
    entries: tuple[DayEntry, ...]


@dataclass(frozen=True)
class TypeChoice:
    type_id: uuid.UUID
    name: str
    minutes: int


@dataclass(frozen=True)
class BookingChoices:
    providers: tuple[ProviderRef, ...]
    types: tuple[TypeChoice, ...]
    # The type chosen to start with: the appointment's own (moving, following up), else the
    # clinic's most booked; None: nothing chosen yet, the dialog asks for it.
    default_type_id: uuid.UUID | None
    today: dt.date


@dataclass(frozen=True)
class Warned(Done[DayEntry]):
    """A booking, move, follow-up or check-in done, and what to tell the person doing it:
    the patient's coverage that day is expired, not covered or to verify (None: nothing to
    say). Booked all the same: a patient may pay cash."""

    warning: Message | None = None


class SameDayBooking(Conflict):
    """The patient already has an appointment that day; booking again needs `same_day_ok`."""

    def __init__(self, message: str, *, others: tuple[DayEntry, ...]) -> None:
        super().__init__(message)
        self.others = others


# --- the API -----------------------------------------------------------------------------


class ScheduleApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    @property
    def _now(self) -> dt.datetime:
        return self._core.clock.now_utc()

    # -- reads --

    def today(self, day: dt.date | None = None) -> TodayData:
        """The Today screen: each provider's appointments, the waiting room, who is late."""
        clock = self._core.clock
        day = day or clock.today()
        now = self._now

        def read(session: Session) -> TodayData:
            entries = tuple(scheduling.day_list(session, day, now=now))
            active = [ProviderRef(p.id, p.name) for p in clinic_setup.list_providers(session)]
            return _today(day, clock.local(now), clock.today(), entries, active)

        return self._tx.read(read)

    def day(self, day: dt.date) -> tuple[DayEntry, ...]:
        """One clinic-local day's appointments in time order, all statuses (the day list)."""
        now = self._now
        return self._tx.read(lambda s: tuple(scheduling.day_list(s, day, now=now)))

    def appointment(self, appointment_id: uuid.UUID) -> DayEntry:
        now = self._now
        return self._tx.read(lambda s: scheduling.entry(s, appointment_id, now=now))

    def calendar(
        self, start: dt.date, days: int, provider_id: uuid.UUID | None = None
    ) -> CalendarData:
        """The Calendar from `start` for `days` days: providers, their hours, appointments."""
        now, today = self._now, self._core.clock.today()

        def read(session: Session) -> CalendarData:
            providers = tuple(
                ProviderRef(p.id, p.name) for p in clinic_setup.list_providers(session)
            )
            hours = {
                p.provider_id: tuple(
                    WorkingWindow(w.weekday, w.start, w.end)
                    for w in clinic_setup.working_hours(session, p.provider_id)
                )
                for p in providers
            }
            entries = scheduling.appointments_between(
                session, start, days, provider_id=provider_id, now=now
            )
            return CalendarData(start, days, provider_id, today, providers, hours, tuple(entries))

        return self._tx.read(read)

    def booking_choices(self, appointment_id: uuid.UUID | None = None) -> BookingChoices:
        """The booking dialog's providers and types, and the type to start with."""
        now, today = self._now, self._core.clock.today()

        def read(session: Session) -> BookingChoices:
            providers = tuple(
                ProviderRef(p.id, p.name) for p in clinic_setup.list_providers(session)
            )
            types = tuple(
                TypeChoice(t.id, t.name, t.duration_minutes)
                for t in clinic_setup.list_appointment_types(session)
            )
            default: uuid.UUID | None = None
            if appointment_id is not None:
                default = scheduling.get_appointment(session, appointment_id).type_id
            if default is None or default not in {t.type_id for t in types}:
                default = scheduling.most_used_type(session, now=now)
            return BookingChoices(providers, types, default, today)

        return self._tx.read(read)

    def next_free(
        self,
        provider_id: uuid.UUID,
        type_id: uuid.UUID,
        after: dt.datetime,
        *,
        count: int = scheduling.FREE_TIMES_OFFERED,
        ignore: uuid.UUID | None = None,
    ) -> tuple[dt.datetime, ...]:
        """The next `count` times (clinic-local, naive) `provider_id` is free for `type_id`
        from `after` (naive = clinic time), from their working hours and bookings."""
        now = self._now

        def read(session: Session) -> tuple[dt.datetime, ...]:
            minutes = clinic_setup.get_appointment_type(session, type_id).duration_minutes
            return scheduling.next_free_times(
                session, provider_id, minutes, after, count=count, ignore=ignore, now=now
            )

        return self._tx.read(read)

    # -- writes --

    def _write(self, work: Callable[[Session], uuid.UUID]) -> Done[DayEntry]:
        now = self._now

        def run(session: Session) -> DayEntry:
            appointment_id = work(session)
            return scheduling.entry(session, appointment_id, now=now)

        return self._tx.write(run, actor=self._core.actor)

    def _refuse_same_day(
        self,
        session: Session,
        patient_id: uuid.UUID,
        starts_at: dt.datetime,
        ignore: uuid.UUID | None,
    ) -> None:
        others = scheduling.same_day_appointments(
            session, patient_id, starts_at, ignore=ignore, now=self._now
        )
        if not others:
            return
        described = join(
            "; ",
            [
                msg(
                    "{start}–{end} with {provider} ({type})",
                    start=f"{e.starts_at:%H:%M}",
                    end=f"{e.ends_at:%H:%M}",
                    provider=e.provider_name,
                    type=e.type_name,
                )
                for e in others
            ],
        )
        raise SameDayBooking(
            msg(
                "{patient} already has an appointment on {day}: {appointments}.",
                patient=others[0].patient_name,
                day=scheduling.day_label(others[0].starts_at),
                appointments=described,
            ),
            others=tuple(others),
        )

    def book(
        self,
        *,
        patient_id: uuid.UUID,
        provider_id: uuid.UUID,
        type_id: uuid.UUID,
        starts_at: dt.datetime,
        reason: str = "",
        same_day_ok: bool = False,
    ) -> Warned:
        """Book at the clinic-local `starts_at`. Refused: outside working hours, a double
        booking (`Clash`, with the next free times), and — unless `same_day_ok` — a second
        appointment of the patient on one day (`SameDayBooking`, naming the other)."""
        actor = self._core.actor

        def work(session: Session) -> uuid.UUID:
            if not same_day_ok:
                self._refuse_same_day(session, patient_id, starts_at, None)
            return scheduling.book(
                session,
                actor,
                patient_id=patient_id,
                provider_id=provider_id,
                type_id=type_id,
                starts_at=starts_at,
                reason=reason,
            ).id

        return self._warned(self._write(work))

    def walk_in(
        self,
        patient_id: uuid.UUID,
        provider_id: uuid.UUID | None = None,
        type_id: uuid.UUID | None = None,
        reason: str = "",
        *,
        same_day_ok: bool = False,
    ) -> Warned:
        """A patient who came without an appointment joins today's check-in queue (arrived
        now, marked walk-in; never a double booking). Without `provider_id`, the provider
        with the fewest patients waiting; without `type_id`, the clinic's most booked type.
        Unless `same_day_ok`, refused with `SameDayBooking` when the patient already has an
        appointment today (check that one in instead). Warned, as a check-in is, when the
        patient's coverage is expired, not covered or to verify."""
        actor, now = self._core.actor, self._now

        def work(session: Session) -> uuid.UUID:
            if not same_day_ok:
                self._refuse_same_day(session, patient_id, self._core.clock.local(now), None)
            return scheduling.walk_in(
                session,
                actor,
                patient_id=patient_id,
                provider_id=provider_id,
                type_id=type_id,
                reason=reason,
                now=now,
            ).id

        return self._warned(self._write(work))

    def move(
        self,
        appointment_id: uuid.UUID,
        new_start: dt.datetime,
        *,
        provider_id: uuid.UUID | None = None,
        same_day_ok: bool = False,
    ) -> Warned:
        """Reschedule: the old appointment is kept as `rescheduled`; returns the new one."""
        actor = self._core.actor

        def work(session: Session) -> uuid.UUID:
            if not same_day_ok:
                old = scheduling.get_appointment(session, appointment_id)
                self._refuse_same_day(session, old.patient_id, new_start, appointment_id)
            return scheduling.move(
                session, actor, appointment_id, new_start, provider_id=provider_id
            ).id

        return self._warned(self._write(work))

    def follow_up(
        self,
        visit_id: uuid.UUID,
        starts_at: dt.datetime,
        *,
        provider_id: uuid.UUID | None = None,
        type_id: uuid.UUID | None = None,
        reason: str = "Follow-up",
        same_day_ok: bool = False,
    ) -> Warned:
        actor = self._core.actor

        def work(session: Session) -> uuid.UUID:
            if not same_day_ok:
                visit = scheduling.get_appointment(session, visit_id)
                self._refuse_same_day(session, visit.patient_id, starts_at, None)
            return scheduling.follow_up(
                session,
                actor,
                visit_id,
                starts_at,
                provider_id=provider_id,
                type_id=type_id,
                reason=reason,
            ).id

        return self._warned(self._write(work))

    def _warned(self, done: Done[DayEntry]) -> Warned:
        """The booking or check-in done, with what the person should be told about the
        patient's coverage that day (`core.coverage`): a warning, never a refusal."""
        entry = done.value
        day = entry.starts_at.date()
        warning = self._core.coverage.coverage_warning(entry.patient_id, day)
        return Warned(entry, done.changes, warning)

    def _step(self, step: Callable[[Session], Appointment]) -> Done[DayEntry]:
        return self._write(lambda session: step(session).id)

    def cancel(self, appointment_id: uuid.UUID) -> Done[DayEntry]:
        actor = self._core.actor
        return self._step(lambda s: scheduling.cancel(s, actor, appointment_id))

    def check_in(self, appointment_id: uuid.UUID) -> Warned:
        actor, now = self._core.actor, self._now
        done = self._step(lambda s: scheduling.check_in(s, actor, appointment_id, at=now))
        return self._warned(done)

    def start(self, appointment_id: uuid.UUID) -> Done[DayEntry]:
        """The consultation starts."""
        actor, now = self._core.actor, self._now
        return self._step(lambda s: scheduling.start_consultation(s, actor, appointment_id, at=now))

    def complete(self, appointment_id: uuid.UUID) -> Done[DayEntry]:
        actor, now = self._core.actor, self._now
        return self._step(lambda s: scheduling.complete(s, actor, appointment_id, at=now))

    def no_show(self, appointment_id: uuid.UUID) -> Done[DayEntry]:
        """Refused before the appointment's start time (the core's rule, not the screen's)."""
        actor, now = self._core.actor, self._now
        return self._step(lambda s: scheduling.mark_no_show(s, actor, appointment_id, now=now))


def _today(
    day: dt.date,
    now: dt.datetime,
    clinic_today: dt.date,
    entries: tuple[DayEntry, ...],
    active: list[ProviderRef],
) -> TodayData:
    by_provider: dict[uuid.UUID, list[DayEntry]] = {p.provider_id: [] for p in active}
    names = {p.provider_id: p.name for p in active}
    for entry in entries:
        # A provider made inactive keeps the day's appointments.
        by_provider.setdefault(entry.provider_id, []).append(entry)
        names.setdefault(entry.provider_id, entry.provider_name)
    providers = tuple(
        ProviderDay(pid, names[pid], tuple(found)) for pid, found in by_provider.items()
    )
    queue = tuple(
        Waiting(
            e,
            max(0, int((now - e.arrived_at).total_seconds() // 60))
            if e.arrived_at is not None
            else None,
        )
        for e in waiting_room(entries)
    )
    counts: dict[AppointmentStatus, int] = {}
    for entry in entries:
        counts[entry.status] = counts.get(entry.status, 0) + 1
    late = sum(e.late for e in entries)
    return TodayData(day, now, day == clinic_today, entries, providers, queue, counts, late)
