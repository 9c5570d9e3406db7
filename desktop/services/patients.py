"""Registering, editing and opening patients.

`PatientInput` is what a person typed (strings, as the CLI and the GUI receive them);
`validate_patient` turns it into column values or reports every problem at once, each tied
to its field; registration also looks for likely duplicates and refuses to create one until
the person confirms that it is someone else.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, InvalidInput, NotFound, ValidationFailed
from desktop.messages import join, message_of, msg
from desktop.permissions import Actor, Permission
from desktop.services import audit
from desktop.services.phones import normalise_phone, reversed_digits
from desktop.services.search import PatientSearch, SearchHit, likely_duplicates
from desktop.store.models import Appointment, AuditEvent, FormRecord, Patient, Sex

OLDEST_AGE_YEARS = 125
NAME_MAX = 200


@dataclass
class PatientInput:
    given_name: str = ""
    family_name: str = ""
    other_names: str = ""
    sex: str = Sex.UNKNOWN.value
    birth_date: str = ""  # YYYY-MM-DD; or leave empty and give estimated_age_years
    estimated_age_years: str = ""
    phone: str = ""
    phone_alt: str = ""
    village: str = ""
    address: str = ""
    national_id: str = ""
    clinic_number: str = ""
    next_of_kin_name: str = ""
    next_of_kin_relation: str = ""
    next_of_kin_phone: str = ""
    preferred_language: str = ""
    coverage_scheme: str = ""
    coverage_member_id: str = ""
    notes: str = ""

    @classmethod
    def from_patient(cls, patient: Patient) -> PatientInput:
        age = ""
        birth = patient.birth_date.isoformat() if patient.birth_date else ""
        if patient.birth_date_estimated and patient.birth_date:
            age, birth = str(age_in_years(patient.birth_date, dt.date.today())), ""
        return cls(
            given_name=patient.given_name,
            family_name=patient.family_name,
            other_names=patient.other_names,
            sex=patient.sex.value,
            birth_date=birth,
            estimated_age_years=age,
            phone=patient.phone or "",
            phone_alt=patient.phone_alt or "",
            village=patient.village,
            address=patient.address,
            national_id=patient.national_id or "",
            clinic_number=patient.clinic_number or "",
            next_of_kin_name=patient.next_of_kin_name,
            next_of_kin_relation=patient.next_of_kin_relation,
            next_of_kin_phone=patient.next_of_kin_phone or "",
            preferred_language=patient.preferred_language,
            coverage_scheme=patient.coverage_scheme,
            coverage_member_id=patient.coverage_member_id,
            notes=patient.notes,
        )


def age_in_years(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _clean_text(value: str, *, multiline: bool = False) -> str:
    """Trim, normalise to NFC and drop control characters (pasted text carries them)."""
    allowed = {"\n"} if multiline else set()
    text = unicodedata.normalize("NFC", value or "").strip()
    return "".join(ch for ch in text if ch in allowed or unicodedata.category(ch)[0] != "C")


def _parse_birth(
    data: PatientInput, today: dt.date, problems: dict[str, str]
) -> tuple[dt.date | None, bool]:
    birth_text = data.birth_date.strip()
    age_text = data.estimated_age_years.strip()
    if birth_text and age_text:
        problems["birth_date"] = msg("Give either the date of birth or an estimated age, not both.")
        return None, False
    if birth_text:
        try:
            birth = dt.date.fromisoformat(birth_text)
        except ValueError:
            problems["birth_date"] = msg(
                "{text} is not a date: write it as YYYY-MM-DD (e.g. 1984-03-21).",
                text=repr(birth_text),
            )
            return None, False
        if birth > today:
            problems["birth_date"] = msg("The date of birth is in the future.")
        elif age_in_years(birth, today) > OLDEST_AGE_YEARS:
            problems["birth_date"] = msg(
                "The date of birth makes the patient older than {age}.", age=OLDEST_AGE_YEARS
            )
        return birth, False
    if age_text:
        try:
            age = int(age_text)
        except ValueError:
            problems["estimated_age_years"] = msg(
                "{text} is not an age in whole years.", text=repr(age_text)
            )
            return None, False
        if not 0 <= age <= OLDEST_AGE_YEARS:
            problems["estimated_age_years"] = msg(
                "An age must be between 0 and {age}.", age=OLDEST_AGE_YEARS
            )
            return None, False
        # 1 July is the least-wrong guess for a birthday nobody knows; the year is chosen so
        # the patient is exactly `age` today (and stays so when the record is edited again).
        year = today.year - age - (1 if (today.month, today.day) < (7, 1) else 0)
        return (dt.date(year, 7, 1) if age or year == today.year else today), True
    return None, False


def validate_patient(
    data: PatientInput, *, region: str, today: dt.date | None = None
) -> dict[str, Any]:
    """Column values for a patient, or ValidationFailed naming every problem."""
    today = today or dt.date.today()
    problems: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name in (
        "given_name",
        "family_name",
        "other_names",
        "village",
        "next_of_kin_name",
        "next_of_kin_relation",
        "preferred_language",
        "coverage_scheme",
        "coverage_member_id",
    ):
        values[name] = _clean_text(getattr(data, name))
        if len(values[name]) > NAME_MAX:
            problems[name] = msg("Too long: {n} characters at most.", n=NAME_MAX)
    for name in ("address", "notes"):
        values[name] = _clean_text(getattr(data, name), multiline=True)
    if not values["given_name"]:
        problems["given_name"] = msg("The patient's given name is required.")
    elif not any(ch.isalpha() for ch in values["given_name"]):
        problems["given_name"] = msg("A given name needs at least one letter.")
    try:
        values["sex"] = Sex((data.sex or "unknown").strip().lower())
    except ValueError:
        problems["sex"] = msg("Sex must be female, male, other or unknown.")
    values["birth_date"], values["birth_date_estimated"] = _parse_birth(data, today, problems)
    for name in ("phone", "phone_alt", "next_of_kin_phone"):
        try:
            values[name] = normalise_phone(getattr(data, name), region, field=name)
        except InvalidInput as exc:
            problems[name] = message_of(exc)
    values["phone_reversed"] = reversed_digits(values.get("phone"))
    for name in ("national_id", "clinic_number"):
        ident = _clean_text(getattr(data, name)).upper()
        if len(ident) > 64:
            problems[name] = msg("Too long: {n} characters at most.", n=64)
        values[name] = ident or None
    if problems:
        raise ValidationFailed(problems)
    return values


class PossibleDuplicate(Conflict):
    def __init__(self, candidates: list[tuple[SearchHit, list[str]]]) -> None:
        lines = [
            msg(
                "{name} ({id}): {reasons}",
                name=hit.display_name,
                id=hit.patient_id,
                reasons=join(", ", reasons),
            )
            for hit, reasons in candidates
        ]
        super().__init__(
            msg(
                "This may be a patient who is already registered: {candidates}. Open the "
                "existing record, or confirm that this is a different person.",
                candidates=join("; ", lines),
            )
        )
        self.candidates = candidates


def find_duplicates(
    session: Session, values: dict[str, Any], *, exclude_id: uuid.UUID | None = None
) -> list[tuple[SearchHit, list[str]]]:
    return likely_duplicates(
        session,
        given_name=values["given_name"],
        family_name=values["family_name"],
        other_names=values["other_names"],
        birth_date=values["birth_date"],
        birth_date_estimated=values["birth_date_estimated"],
        phone_e164=values["phone"],
        national_id=values["national_id"],
        clinic_number=values["clinic_number"],
        village=values["village"],
        exclude_id=exclude_id,
    )


def register_patient(
    session: Session,
    actor: Actor,
    data: PatientInput,
    *,
    region: str,
    search: PatientSearch | None = None,
    confirmed_new: bool = False,
) -> Patient:
    """Add a patient. Raises PossibleDuplicate unless `confirmed_new` (the person looked at
    the candidates and says this is someone else)."""
    actor.require(Permission.EDIT_PATIENTS)
    values = validate_patient(data, region=region)
    if not confirmed_new:
        candidates = find_duplicates(session, values)
        if candidates:
            raise PossibleDuplicate(candidates)
    patient = Patient(clinic_id=actor.clinic_id, **values)
    session.add(patient)
    session.flush()
    if search is not None:
        search.note_new_names(patient.given_name, patient.other_names, patient.family_name)
    return patient


def get_patient(session: Session, patient_id: uuid.UUID) -> Patient:
    patient = session.scalar(select(Patient).where(Patient.id == patient_id))
    if patient is None or patient.deleted:
        raise NotFound(msg("No patient with id {id}.", id=patient_id))
    return patient


def update_patient(
    session: Session,
    actor: Actor,
    patient_id: uuid.UUID,
    data: PatientInput,
    *,
    region: str,
    search: PatientSearch | None = None,
) -> Patient:
    actor.require(Permission.EDIT_PATIENTS)
    patient = get_patient(session, patient_id)
    values = validate_patient(data, region=region)
    for key, value in values.items():
        if getattr(patient, key) != value:
            setattr(patient, key, value)
    session.flush()
    if search is not None:
        search.note_new_names(patient.given_name, patient.other_names, patient.family_name)
    return patient


def remove_patient(session: Session, actor: Actor, patient_id: uuid.UUID) -> None:
    """Tombstone a patient registered by mistake (the record stays, hidden, and syncs).
    Their appointments still to come are cancelled, so the slots are free again."""
    from desktop.services import scheduling  # scheduling builds on this module

    actor.require(Permission.EDIT_PATIENTS)
    patient = get_patient(session, patient_id)
    for appointment in scheduling.patient_appointments(session, patient_id):
        if appointment.status is scheduling.S.BOOKED:
            scheduling.cancel(session, actor, appointment.id)
    patient.deleted = True
    session.flush()


@dataclass
class PatientChart:
    patient: Patient
    appointments: Sequence[Appointment]
    forms: Sequence[FormRecord]
    history: Sequence[AuditEvent]


def open_chart(session: Session, actor: Actor, patient_id: uuid.UUID) -> PatientChart:
    """Everything the patient screen shows; the opening itself is audited."""
    actor.require(Permission.VIEW_PATIENTS)
    patient = get_patient(session, patient_id)
    appointments = session.scalars(
        select(Appointment)
        .where(Appointment.patient_id == patient_id, Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at.desc())
    ).all()
    forms = session.scalars(
        select(FormRecord)
        .where(FormRecord.patient_id == patient_id, FormRecord.deleted.is_(False))
        .order_by(FormRecord.created_at.desc())
    ).all()
    history = audit.history(session, "patients", patient_id)
    audit.record(session, actor, "view", "patients", patient_id)
    return PatientChart(patient, appointments, forms, history)
