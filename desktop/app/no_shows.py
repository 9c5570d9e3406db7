"""Missed appointments to rebook: the worklist's NO_SHOW lines.

A patient marked a no-show in the last `NO_SHOW_WINDOW_DAYS` days who has nothing booked
since (no later appointment booked, arrived, in consultation or completed) is to be called
and rebooked. Booking again, or the patient coming in (a walk-in counts), takes the line off.
One line per patient: their latest missed appointment, which is the one to rebook.

A fixed window, not a clinic rule: a no-show older than a month is no longer "today's"
work, and clinics have not asked for another number. Two indexed reads: the no-shows of the
window by (status, start time), and what each of those patients has booked since, by patient.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.app.work_items import APPOINTMENT, NO_SHOW, Lines, WorkItem, bound
from desktop.messages import msg
from desktop.services.phones import display_phone
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
    """The no-shows of the last 30 days not yet rebooked, one line per patient: the `limit`
    longest waiting (None: all) and their count, bounded after the read (whether a patient
    was rebooked since is decided per patient)."""
    today = core.today()
    since = core.clock.to_utc(
        dt.datetime.combine(today - dt.timedelta(days=NO_SHOW_WINDOW_DAYS), dt.time())
    )
    latest: dict[uuid.UUID, tuple[uuid.UUID, dt.datetime, uuid.UUID, uuid.UUID]] = {}
    for appointment_id, patient_id, starts_at, provider_id, type_id in session.execute(
        select(
            Appointment.id,
            Appointment.patient_id,
            Appointment.starts_at,
            Appointment.provider_id,
            Appointment.type_id,
        )
        .where(
            Appointment.starts_at >= since,
            Appointment.status == AppointmentStatus.NO_SHOW,
            Appointment.deleted.is_(False),
        )
        .order_by(Appointment.starts_at)
    ):
        latest[patient_id] = (appointment_id, starts_at, provider_id, type_id)
    if not latest:
        return Lines((), {})
    wanted = sorted(latest)
    rebooked: set[uuid.UUID] = set()
    patients: dict[uuid.UUID, tuple[str, str, str | None]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for patient_id, starts_at in session.execute(
            select(Appointment.patient_id, Appointment.starts_at).where(
                Appointment.patient_id.in_(chunk),
                Appointment.starts_at >= since,
                Appointment.status.in_(REBOOKED),
                Appointment.deleted.is_(False),
            )
        ):
            if starts_at > latest[patient_id][1]:
                rebooked.add(patient_id)
        for pid, given, other, family, number, phone in session.execute(
            select(
                Patient.id,
                Patient.given_name,
                Patient.other_names,
                Patient.family_name,
                Patient.clinic_number,
                Patient.phone,
            ).where(Patient.id.in_(chunk), Patient.deleted.is_(False))
        ):
            patients[pid] = (" ".join(p for p in (given, other, family) if p), number or "", phone)
    providers = {i: n for i, n in session.execute(select(Provider.id, Provider.name))}
    types = {i: n for i, n in session.execute(select(AppointmentType.id, AppointmentType.name))}
    items = []
    for patient_id, (appointment_id, starts_at, provider_id, type_id) in latest.items():
        found = patients.get(patient_id)
        if patient_id in rebooked or found is None:  # rebooked, or the patient was removed
            continue
        name, number, phone = found
        local = core.clock.local(starts_at)
        items.append(
            WorkItem(
                NO_SHOW,
                APPOINTMENT,
                appointment_id,
                patient_id,
                name,
                number,
                display_phone(phone, core.region),
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
    return bound(items, limit)
