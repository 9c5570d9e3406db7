"""Registering, editing and opening patients (the internals of `desktop.app.patients`).

`PatientInput` is what a person typed (strings, as the CLI and the GUI receive them);
`validate_patient` turns it into column values or reports every problem at once, each tied
to its field; registration also looks for likely duplicates and refuses to create one until
the person confirms that it is someone else, and gives the patient a clinic number
(`desktop.services.clinic_numbers`).

This module does not know scheduling: removing a patient who still has appointments is a use
case of the application API (`PatientsApi.remove`), which cancels them first.
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

from desktop.dates import age_in_years, estimated_birth_date, read_date
from desktop.errors import Conflict, InvalidInput, NotFound, ValidationFailed
from desktop.messages import join, message_of, msg
from desktop.permissions import Actor, Permission
from desktop.records import get_live, kinds
from desktop.services import audit, clinic_numbers
from desktop.services.phones import display_phone, normalise_phone, reversed_digits
from desktop.services.search import PatientSearch, SearchHit, likely_duplicates
from desktop.store.models import Appointment, AuditEvent, FormRecord, Patient, Sex

__all__ = [
    "NotFound",
    "PatientChart",
    "PatientInput",
    "PossibleDuplicate",
    "age_in_years",
    "find_duplicates",
    "get_patient",
    "open_chart",
    "register_patient",
    "remove_patient",
    "update_patient",
    "validate_patient",
]

OLDEST_AGE_YEARS = 125
NAME_MAX = 200


@dataclass
class PatientInput:
    """What a person typed (not frozen: callers build one up field by field)."""

    given_name: str = ""
    family_name: str = ""
    other_names: str = ""
    sex: str = Sex.UNKNOWN.value
    birth_date: str = ""  # YYYY-MM-DD or DD/MM/YYYY (desktop.dates); or an estimated age
    estimated_age_years: str = ""
    # The person said neither the date nor an age is known (an unconscious patient, a
    # foundling): the explicit choice a registration needs when both are empty.
    age_unknown: bool = False
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
    def from_patient(
        cls, patient: Patient, today: dt.date | None = None, *, region: str | None = None
    ) -> PatientInput:
        """The patient's details as the edit form shows them (phones in their display form
        when `region` is given; they read back to the same number)."""
        age = ""
        birth = patient.birth_date.isoformat() if patient.birth_date else ""
        if patient.birth_date_estimated and patient.birth_date:
            age, birth = str(age_in_years(patient.birth_date, today or dt.date.today())), ""

        def phone(value: str | None) -> str:
            return display_phone(value, region) if region else value or ""

        return cls(
            given_name=patient.given_name,
            family_name=patient.family_name,
            other_names=patient.other_names,
            sex=patient.sex.value,
            birth_date=birth,
            estimated_age_years=age,
            age_unknown=patient.birth_date is None,
            phone=phone(patient.phone),
            phone_alt=phone(patient.phone_alt),
            village=patient.village,
            address=patient.address,
            national_id=patient.national_id or "",
            clinic_number=patient.clinic_number or "",
            next_of_kin_name=patient.next_of_kin_name,
            next_of_kin_relation=patient.next_of_kin_relation,
            next_of_kin_phone=phone(patient.next_of_kin_phone),
            preferred_language=patient.preferred_language,
            coverage_scheme=patient.coverage_scheme,
            coverage_member_id=patient.coverage_member_id,
            notes=patient.notes,
        )


# Registration needs one of the three (defect 4: screen, rule and print agree).
NO_BIRTH_PROBLEM = msg("Give the date of birth or an approximate age, or choose “Age not known”.")


def _clean_text(value: str, *, multiline: bool = False) -> str:
    """Trim, normalise to NFC and drop control characters (pasted text carries them)."""
    allowed = {"\n"} if multiline else set()
    text = unicodedata.normalize("NFC", value or "").strip()
    return "".join(ch for ch in text if ch in allowed or unicodedata.category(ch)[0] != "C")


def _parse_birth(
    data: PatientInput, today: dt.date, problems: dict[str, str], *, require: bool
) -> tuple[dt.date | None, bool]:
    birth_text = data.birth_date.strip()
    age_text = data.estimated_age_years.strip()
    if birth_text and age_text:
        problems["birth_date"] = msg("Give either the date of birth or an estimated age, not both.")
        return None, False
    if birth_text:
        try:
            birth = read_date(birth_text, field="birth_date")
        except InvalidInput as exc:
            problems["birth_date"] = message_of(exc)
            return None, False
        assert birth is not None
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
        return estimated_birth_date(age, today), True
    if require and not data.age_unknown:
        problems["birth_date"] = NO_BIRTH_PROBLEM
    return None, False


def validate_patient(
    data: PatientInput,
    *,
    region: str,
    today: dt.date | None = None,
    require_birth: bool = False,
) -> dict[str, Any]:
    """Column values for a patient, or ValidationFailed naming every problem.

    With `require_birth` (every registration and edit a person makes through the API), a
    patient needs a date of birth, an approximate age, or the explicit "age not known"
    (`PatientInput.age_unknown`); the services' own callers (demo data, tests) may leave
    all three out, which is stored the same way as "age not known"."""
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
    values["birth_date"], values["birth_date_estimated"] = _parse_birth(
        data, today, problems, require=require_birth
    )
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
                id=hit.clinic_number or hit.patient_id,  # the number people know them by
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
    session: Session,
    values: dict[str, Any],
    *,
    exclude_id: uuid.UUID | None = None,
    search: PatientSearch | None = None,
) -> list[tuple[SearchHit, list[str]]]:
    return likely_duplicates(
        session,
        search=search,
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
    today: dt.date | None = None,
    require_birth: bool = False,
    device_id: uuid.UUID | None = None,
) -> Patient:
    """Add a patient. Raises PossibleDuplicate unless `confirmed_new` (the person looked at
    the candidates and says this is someone else). A patient registered without a clinic
    number is given the next one of this device (`clinic_numbers`)."""
    actor.require(Permission.EDIT_PATIENTS)
    values = validate_patient(data, region=region, today=today, require_birth=require_birth)
    if not confirmed_new:
        candidates = find_duplicates(session, values, search=search)
        if candidates:
            raise PossibleDuplicate(candidates)
    if not values["clinic_number"]:
        values["clinic_number"] = clinic_numbers.next_number(session, device_id)
    patient = Patient(clinic_id=actor.clinic_id, **values)
    session.add(patient)
    session.flush()
    if search is not None:
        search.note_new_names(patient.given_name, patient.other_names, patient.family_name)
    return patient


def get_patient(session: Session, patient_id: uuid.UUID) -> Patient:
    return get_live(session, kinds.PATIENTS, patient_id)


def update_patient(
    session: Session,
    actor: Actor,
    patient_id: uuid.UUID,
    data: PatientInput,
    *,
    region: str,
    search: PatientSearch | None = None,
    today: dt.date | None = None,
    require_birth: bool = False,
) -> Patient:
    actor.require(Permission.EDIT_PATIENTS)
    patient = get_patient(session, patient_id)
    values = validate_patient(data, region=region, today=today, require_birth=require_birth)
    if not values["clinic_number"]:
        values["clinic_number"] = patient.clinic_number  # an issued number stays
    for key, value in values.items():
        if getattr(patient, key) != value:
            setattr(patient, key, value)
    session.flush()
    if search is not None:
        search.note_new_names(patient.given_name, patient.other_names, patient.family_name)
    return patient


def remove_patient(session: Session, actor: Actor, patient_id: uuid.UUID) -> None:
    """Tombstone a patient registered by mistake (the record stays, hidden, and syncs).

    Their booked appointments are the application's business: `PatientsApi.remove` cancels
    them in the same transaction before calling this."""
    actor.require(Permission.EDIT_PATIENTS)
    patient = get_patient(session, patient_id)
    patient.deleted = True
    session.flush()


@dataclass
class PatientChart:
    patient: Patient
    appointments: Sequence[Appointment]
    forms: Sequence[FormRecord]
    history: Sequence[AuditEvent]


def open_chart(session: Session, actor: Actor, patient_id: uuid.UUID) -> PatientChart:
    """Everything the patient screen shows; the opening itself is audited.

    The opening writes its audit event and nothing else: the patient row is only read, so
    no patch of the patient is queued for sync (tested)."""
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
