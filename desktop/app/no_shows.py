"""Missed appointments to rebook: the worklist's NO_SHOW lines.

A patient marked a no-show in the last `NO_SHOW_WINDOW_DAYS` days who has nothing booked
since (no later appointment booked, arrived, in consultation or completed) is to be called
and rebooked. Booking again, or the patient coming in (a walk-in counts), takes the line off.
One line per patient: their latest missed appointment, which is the one to rebook.

A fixed window, not a clinic rule: a no-show older than a month is no longer "today's"
work, and clinics have not asked for another number. One indexed read, counted and bounded:
the no-shows of the window by (status, start time), each without a later one or anything
booked since (by patient).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop.app.patient_refs import shown_person
from desktop.app.work_items import APPOINTMENT, NO_SHOW, Lines, WorkItem, bounded
from desktop.messages import msg
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    AppointmentType,
    Patient,
    Provider,
)

if TYPE_CHECKING:
    from desktop.core import ClinicCore

NO_SHOW_WINDOW_DAYS = 30
# A later appointment in one of these means the patient was rebooked (or came anyway).
REBOOKED = (
    AppointmentStatus.BOOKED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.IN_CONSULTATION,
    AppointmentStatus.COMPLETED,
)


def no_show_items(core: ClinicCore, session: Session, limit: int | None = None) -> Lines:
    """The no-shows of the last 30 days not yet rebooked, one line per patient (their latest
    no-show): a count and the `limit` longest waiting (None: all). The no-shows of the
    window by (status, start time); for each, whether the patient has a later no-show or
    anything booked since, by patient; the patients' names for the lines shown only."""
    today = core.today()
    since = core.clock.to_utc(
        dt.datetime.combine(today - dt.timedelta(days=NO_SHOW_WINDOW_DAYS), dt.time())
    )
    later = aliased(Appointment)
    where = (
        Appointment.starts_at >= since,
        Appointment.status == AppointmentStatus.NO_SHOW,
        Appointment.deleted.is_(False),
        Patient.deleted.is_(False),
        ~select(later.id)
        .where(
            later.patient_id == Appointment.patient_id,
            later.starts_at > Appointment.starts_at,
            later.status.in_((*REBOOKED, AppointmentStatus.NO_SHOW)),
            later.deleted.is_(False),
        )
        .exists(),
    )
    total = session.scalar(
        select(func.count()).select_from(Appointment).join(Patient).where(*where)
    )
    rows = session.execute(
        bounded(
            select(
                Appointment.id,
                Appointment.patient_id,
                Appointment.starts_at,
                Appointment.provider_id,
                Appointment.type_id,
                Patient.given_name,
                Patient.other_names,
                Patient.family_name,
                Patient.clinic_number,
                Patient.phone,
            )
            .join(Patient, Patient.id == Appointment.patient_id)
            .where(*where)
            .order_by(Appointment.starts_at, Appointment.id),
            limit,
        )
    ).all()
    if not rows:
        return Lines((), {NO_SHOW: total or 0})
    providers = {i: n for i, n in session.execute(select(Provider.id, Provider.name))}
    types = {i: n for i, n in session.execute(select(AppointmentType.id, AppointmentType.name))}
    items = []
    for appointment_id, patient_id, starts_at, provider_id, type_id, *person in rows:
        given, other, family, number, phone = person
        local = core.clock.local(starts_at)
        items.append(
            WorkItem(
                NO_SHOW,
                APPOINTMENT,
                appointment_id,
                patient_id,
                *shown_person((given, other, family, number, phone), core.region),
                msg(
                    "did not come on {day} at {time}: {kind} with {provider}",
                    day=local.date().isoformat(),
                    time=f"{local:%H:%M}",
                    kind=types.get(type_id, ""),
                    provider=providers.get(provider_id, ""),
                ),
                local.date(),
            )
        )
    return Lines(tuple(items), {NO_SHOW: total or 0})
