"""Providers, appointment types and working hours: how the clinic's week is laid out."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput, NotFound
from desktop.permissions import Actor, Permission
from desktop.store.models import AppointmentType, Provider, WorkingHours

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def add_provider(session: Session, actor: Actor, name: str, title: str = "") -> Provider:
    actor.require(Permission.MANAGE_CLINIC)
    if not name.strip():
        raise InvalidInput("A provider needs a name.", field="name")
    provider = Provider(clinic_id=actor.clinic_id, name=name.strip(), title=title.strip())
    session.add(provider)
    session.flush()
    return provider


def list_providers(session: Session, *, include_inactive: bool = False) -> Sequence[Provider]:
    query = select(Provider).where(Provider.deleted.is_(False)).order_by(Provider.name)
    if not include_inactive:
        query = query.where(Provider.active.is_(True))
    return session.scalars(query).all()


def get_provider(session: Session, provider_id: uuid.UUID) -> Provider:
    provider = session.scalar(select(Provider).where(Provider.id == provider_id))
    if provider is None or provider.deleted:
        raise NotFound(f"No provider with id {provider_id}.")
    return provider


def add_appointment_type(
    session: Session, actor: Actor, name: str, duration_minutes: int
) -> AppointmentType:
    actor.require(Permission.MANAGE_CLINIC)
    if not name.strip():
        raise InvalidInput("An appointment type needs a name.", field="name")
    if not 5 <= duration_minutes <= 480:
        raise InvalidInput("A duration must be between 5 minutes and 8 hours.", field="duration")
    kind = AppointmentType(
        clinic_id=actor.clinic_id, name=name.strip(), duration_minutes=duration_minutes
    )
    session.add(kind)
    session.flush()
    return kind


def list_appointment_types(session: Session) -> Sequence[AppointmentType]:
    return session.scalars(
        select(AppointmentType)
        .where(AppointmentType.deleted.is_(False), AppointmentType.active.is_(True))
        .order_by(AppointmentType.name)
    ).all()


def get_appointment_type(session: Session, type_id: uuid.UUID) -> AppointmentType:
    kind = session.scalar(select(AppointmentType).where(AppointmentType.id == type_id))
    if kind is None or kind.deleted:
        raise NotFound(f"No appointment type with id {type_id}.")
    return kind


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
    if not 0 <= weekday <= 6:
        raise InvalidInput("The weekday must be 0 (Monday) to 6 (Sunday).", field="weekday")
    ordered = sorted(windows)
    for start, end in ordered:
        if start >= end:
            raise InvalidInput(f"{start:%H:%M}–{end:%H:%M} ends before it starts.", field="hours")
    for (_, first_end), (second_start, _) in itertools.pairwise(ordered):
        if second_start < first_end:
            raise InvalidInput("Working windows on one day must not overlap.", field="hours")
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
