"""The one-line summary at the top of a patient's record: the next appointment, open
referrals, results waiting to be relayed, and allergies.

Read in one transaction with a few queries, each on an index that starts with the patient
(appointments, referrals, results and form records are all indexed by `patient_id`), so the
line costs the same at 200 patients as at 200,000. Allergies are what the patient's latest
intake form says (the intake asks "Any known allergy?" and, if so, what and which reaction):
Outpost keeps no allergy list of its own, and the form is the record a clinician signed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from desktop.services import followup_rules, scheduling
from desktop.services import referrals as refsvc
from desktop.services import results as ressvc
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    AppointmentType,
    FormRecord,
    FormStatus,
    Provider,
    Referral,
    Result,
)

if TYPE_CHECKING:
    from desktop.core import ClinicCore

__all__ = ["Allergies", "NextAppointment", "PatientSummary", "read_summary"]

INTAKE_FORM = "intake"
HAS_ALLERGIES, ALLERGIES = "has_allergies", "allergies"


@dataclass(frozen=True)
class NextAppointment:
    appointment_id: uuid.UUID
    starts_at: dt.datetime  # clinic time
    provider: str
    type_name: str
    late: bool  # today's, its start passed and not arrived yet


@dataclass(frozen=True)
class Allergies:
    """What the latest intake form says. `known`: True an allergy was reported, False none,
    None the patient did not know (or the form left it unanswered)."""

    known: bool | None
    what: str  # the form's words ("Penicillin: rash"), "" when none reported
    recorded_on: dt.date  # the form's clinic date
    form_status: FormStatus
    form_record_id: uuid.UUID


@dataclass(frozen=True)
class PatientSummary:
    patient_id: uuid.UUID
    next_appointment: NextAppointment | None
    open_referrals: int
    overdue_referrals: int
    results_waiting: int  # received and not yet relayed to the patient
    urgent_results_waiting: int
    allergies: Allergies | None  # None: no intake form asked yet


def read_summary(core: ClinicCore, session: Session, patient_id: uuid.UUID) -> PatientSummary:
    """The summary of one live patient (NotFound otherwise), inside the caller's
    transaction."""
    scheduling.get_live_patient(session, patient_id)
    today = core.today()
    referrals = list(
        session.scalars(
            select(Referral)
            .options(defer(Referral.field_hlcs))
            .where(
                Referral.patient_id == patient_id,
                Referral.deleted.is_(False),
                Referral.status.in_(refsvc.OPEN),
            )
        )
    )
    rules = followup_rules.current(session) if referrals else {}
    overdue = sum(refsvc.overdue(r, today, rules) is not None for r in referrals)
    waiting = _results_waiting(session, patient_id)
    return PatientSummary(
        patient_id=patient_id,
        next_appointment=_next_appointment(core, session, patient_id),
        open_referrals=len(referrals),
        overdue_referrals=overdue,
        results_waiting=len(waiting),
        urgent_results_waiting=sum(r.urgent for r in waiting),
        allergies=_allergies(core, session, patient_id),
    )


def _next_appointment(
    core: ClinicCore, session: Session, patient_id: uuid.UUID
) -> NextAppointment | None:
    """The first booked appointment from the start of today: one of today's still to arrive
    (late or not) is the next one too."""
    clock = core.clock
    now = clock.now_utc()
    start_of_today = clock.to_utc(dt.datetime.combine(core.today(), dt.time(0)))
    row = session.execute(
        select(Appointment, Provider.name, AppointmentType.name)
        .join(Provider, Provider.id == Appointment.provider_id)
        .join(AppointmentType, AppointmentType.id == Appointment.type_id)
        .options(defer(Appointment.field_hlcs))
        .where(
            Appointment.patient_id == patient_id,
            Appointment.deleted.is_(False),
            Appointment.status == AppointmentStatus.BOOKED,
            Appointment.starts_at >= start_of_today,
        )
        .order_by(Appointment.starts_at)
        .limit(1)
    ).first()
    if row is None:
        return None
    appointment, provider, type_name = row
    return NextAppointment(
        appointment.id,
        clock.local(appointment.starts_at),
        provider,
        type_name,
        scheduling.is_late(appointment.status, appointment.starts_at, now),
    )


def _results_waiting(session: Session, patient_id: uuid.UUID) -> list[Result]:
    rows = list(
        session.scalars(
            select(Result)
            .options(defer(Result.field_hlcs), defer(Result.measurements), defer(Result.attachment))
            .where(
                Result.patient_id == patient_id,
                Result.deleted.is_(False),
                Result.status.in_(ressvc.WAITING),
            )
        )
    )
    if not rows:
        return rows
    tries = ressvc.attempts(session, [r.id for r in rows])
    # Told already by an attempt another laptop made: not waiting any more.
    return [r for r in rows if ressvc.effective_status(r, tries[r.id]) in ressvc.WAITING]


def _allergies(core: ClinicCore, session: Session, patient_id: uuid.UUID) -> Allergies | None:
    """The latest intake form that answered the allergy question, signed or not (a draft's
    answer is still what the patient said today)."""
    forms = session.scalars(
        select(FormRecord)
        .options(defer(FormRecord.field_hlcs))
        .where(
            FormRecord.patient_id == patient_id,
            FormRecord.deleted.is_(False),
            FormRecord.definition_id == INTAKE_FORM,
        )
        .order_by(FormRecord.created_at.desc())
    )
    for form in forms:
        answers = form.answers or {}
        if HAS_ALLERGIES not in answers:
            continue
        said = answers.get(HAS_ALLERGIES)
        known = said if isinstance(said, bool) else None
        what = answers.get(ALLERGIES) if known else ""
        return Allergies(
            known=known,
            what=str(what or "").strip(),
            recorded_on=core.clock.local(form.created_at).date(),
            form_status=form.status,
            form_record_id=form.id,
        )
    return None
