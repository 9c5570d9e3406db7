"""Providers, appointment types and working hours: how the clinic's week is laid out.

The clinic's opening hours (kept in store_meta) are what a new provider's working hours
start from; the set-up wizard asks for them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.messages import msg
from desktop.permissions import Actor, Permission
from desktop.records import get_live, kinds
from desktop.services.clinic import get_clinic
from desktop.store.models import AppointmentType, Provider, WorkingHours

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Window = tuple[dt.time, dt.time]
Week = Mapping[int, Sequence[Window]]
"""Working windows by weekday (Monday = 0); a weekday left out is a day off."""

DEFAULT_OPENING_HOURS: dict[int, list[Window]] = {
    day: [(dt.time(8), dt.time(17))] for day in range(5)
}
"""Monday to Friday, 08:00–17:00: what the wizard offers until the clinic says otherwise."""


def _provider_name(name: str) -> str:
    if not name.strip():
        raise InvalidInput(msg("A provider needs a name."), field="name")
    if len(name.strip()) > 200:
        raise InvalidInput(msg("The name is too long (200 characters at most)."), field="name")
    return name.strip()


def _type_name(name: str) -> str:
    if not name.strip():
        raise InvalidInput(msg("An appointment type needs a name."), field="name")
    if len(name.strip()) > 100:
        raise InvalidInput(msg("The name is too long (100 characters at most)."), field="name")
    return name.strip()


def _duration(minutes: int) -> int:
    if not 5 <= minutes <= 480:
        raise InvalidInput(
            msg("A duration must be between 5 minutes and 8 hours."), field="duration"
        )
    return minutes


def check_windows(windows: Sequence[Window]) -> list[Window]:
    """The windows of one day in order; InvalidInput if one ends before it starts or two
    overlap."""
    ordered = sorted(windows)
    for start, end in ordered:
        if start >= end:
            raise InvalidInput(
                msg(
                    "{start}–{end} ends before it starts.",
                    start=f"{start:%H:%M}",
                    end=f"{end:%H:%M}",
                ),
                field="hours",
            )
    for (_, first_end), (second_start, _) in itertools.pairwise(ordered):
        if second_start < first_end:
            raise InvalidInput(msg("Working windows on one day must not overlap."), field="hours")
    return ordered


def _check_weekday(weekday: int) -> None:
    if not 0 <= weekday <= 6:
        raise InvalidInput(msg("The weekday must be 0 (Monday) to 6 (Sunday)."), field="weekday")


def add_provider(session: Session, actor: Actor, name: str, title: str = "") -> Provider:
    """A new provider, with no working hours (see `add_provider_with_hours`)."""
    actor.require(Permission.MANAGE_CLINIC)
    provider = Provider(
        clinic_id=actor.clinic_id, name=_provider_name(name), title=title.strip()[:100]
    )
    session.add(provider)
    session.flush()
    return provider


def add_provider_with_hours(
    session: Session, actor: Actor, name: str, title: str = "", hours: Week | None = None
) -> Provider:
    """A new provider working `hours`, by default the clinic's opening hours."""
    provider = add_provider(session, actor, name, title)
    week = opening_hours(session) if hours is None else hours
    set_week(session, actor, provider.id, week)
    return provider


def rename_provider(
    session: Session, actor: Actor, provider_id: uuid.UUID, name: str, title: str
) -> Provider:
    actor.require(Permission.MANAGE_CLINIC)
    provider = get_provider(session, provider_id)
    provider.name = _provider_name(name)
    provider.title = title.strip()[:100]
    session.flush()
    return provider


def set_provider_active(
    session: Session, actor: Actor, provider_id: uuid.UUID, active: bool
) -> Provider:
    """A provider who has left is deactivated (not deleted): past appointments keep the name."""
    actor.require(Permission.MANAGE_CLINIC)
    provider = get_provider(session, provider_id)
    provider.active = active
    session.flush()
    return provider


def list_providers(session: Session, *, include_inactive: bool = False) -> Sequence[Provider]:
    query = select(Provider).where(Provider.deleted.is_(False)).order_by(Provider.name)
    if not include_inactive:
        query = query.where(Provider.active.is_(True))
    return session.scalars(query).all()


def get_provider(session: Session, provider_id: uuid.UUID) -> Provider:
    return get_live(session, kinds.PROVIDERS, provider_id)


def add_appointment_type(
    session: Session, actor: Actor, name: str, duration_minutes: int
) -> AppointmentType:
    actor.require(Permission.MANAGE_CLINIC)
    kind = AppointmentType(
        clinic_id=actor.clinic_id,
        name=_type_name(name),
        duration_minutes=_duration(duration_minutes),
    )
    session.add(kind)
    session.flush()
    return kind


def change_appointment_type(
    session: Session,
    actor: Actor,
    type_id: uuid.UUID,
    *,
    name: str | None = None,
    duration_minutes: int | None = None,
    active: bool | None = None,
) -> AppointmentType:
    """Rename, change the duration of, or (de)activate an appointment type. Appointments
    already booked keep their own start and end."""
    actor.require(Permission.MANAGE_CLINIC)
    kind = get_appointment_type(session, type_id)
    if name is not None:
        kind.name = _type_name(name)
    if duration_minutes is not None:
        kind.duration_minutes = _duration(duration_minutes)
    if active is not None:
        kind.active = active
    session.flush()
    return kind


def list_appointment_types(
    session: Session, *, include_inactive: bool = False
) -> Sequence[AppointmentType]:
    query = (
        select(AppointmentType)
        .where(AppointmentType.deleted.is_(False))
        .order_by(AppointmentType.name)
    )
    if not include_inactive:
        query = query.where(AppointmentType.active.is_(True))
    return session.scalars(query).all()


def get_appointment_type(session: Session, type_id: uuid.UUID) -> AppointmentType:
    return get_live(session, kinds.APPOINTMENT_TYPES, type_id)


def working_hours(session: Session, provider_id: uuid.UUID) -> Sequence[WorkingHours]:
    return session.scalars(
        select(WorkingHours)
        .where(WorkingHours.provider_id == provider_id, WorkingHours.deleted.is_(False))
        .order_by(WorkingHours.weekday, WorkingHours.start)
    ).all()


def set_working_hours(
    session: Session,
    actor: Actor,
    provider_id: uuid.UUID,
    weekday: int,
    windows: Sequence[tuple[dt.time, dt.time]],
) -> None:
    """Replace one weekday's working windows (an empty list: not working that day)."""
    actor.require(Permission.MANAGE_CLINIC)
    get_provider(session, provider_id)
    _check_weekday(weekday)
    ordered = check_windows(windows)
    for row in working_hours(session, provider_id):
        if row.weekday == weekday:
            row.deleted = True
    for start, end in ordered:
        session.add(
            WorkingHours(
                clinic_id=actor.clinic_id,
                provider_id=provider_id,
                weekday=weekday,
                start=start,
                end=end,
            )
        )
    session.flush()


def week_of(session: Session, provider_id: uuid.UUID) -> dict[int, list[Window]]:
    days: dict[int, list[Window]] = {}
    for row in working_hours(session, provider_id):
        days.setdefault(row.weekday, []).append((row.start, row.end))
    return days


def set_week(session: Session, actor: Actor, provider_id: uuid.UUID, week: Week) -> None:
    """Set the weekdays named in `week` (the others are left as they are)."""
    for weekday, windows in sorted(week.items()):
        set_working_hours(session, actor, provider_id, weekday, windows)


def opening_hours(session: Session) -> dict[int, list[Window]]:
    """The clinic's opening hours (what a new provider's working hours start from)."""
    raw = get_clinic(session).opening_hours
    if not raw:
        return {day: list(windows) for day, windows in DEFAULT_OPENING_HOURS.items()}
    try:
        return {
            int(day): [(dt.time.fromisoformat(a), dt.time.fromisoformat(b)) for a, b in windows]
            for day, windows in raw.items()
            if windows
        }
    except (ValueError, TypeError, AttributeError):
        return {day: list(windows) for day, windows in DEFAULT_OPENING_HOURS.items()}


def set_opening_hours(session: Session, actor: Actor, week: Week) -> None:
    """Replace the whole week of opening hours (a weekday left out: closed). They belong to
    the clinic's record, so they reach its other laptops and HQ like any other change."""
    actor.require(Permission.MANAGE_CLINIC)
    clean: dict[str, list[list[str]]] = {}
    for weekday, windows in sorted(week.items()):
        _check_weekday(weekday)
        ordered = check_windows(windows)
        if ordered:
            clean[str(weekday)] = [[f"{a:%H:%M}", f"{b:%H:%M}"] for a, b in ordered]
    get_clinic(session).opening_hours = clean
    session.flush()
