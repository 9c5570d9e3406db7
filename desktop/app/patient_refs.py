"""The few facts about a patient that a list line or a printed document names: read in
columns for many patients at once (a worklist of thousands of lines must not build thousands
of patient objects). Shared by the results, referrals, care-plan, coverage and billing
readers of the app layer."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.names import full_name
from desktop.services.phones import display_phone
from desktop.store.models import Patient, Sex

# Ids per IN (...) list: well under SQLite's bound-parameter limit.
_CHUNK = 500


@dataclass(frozen=True)
class PatientRef:
    name: str  # given, other and family names, the empty ones left out
    clinic_number: str
    phone: str | None  # E.164 as stored; the caller formats it for its region
    birth_date: dt.date | None
    sex: Sex


def patient_refs(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, PatientRef]:
    """These patients by id (each id once; an id not stored is simply absent)."""
    wanted = sorted(set(ids))
    out: dict[uuid.UUID, PatientRef] = {}
    columns = (
        Patient.id,
        Patient.given_name,
        Patient.other_names,
        Patient.family_name,
        Patient.clinic_number,
        Patient.phone,
        Patient.birth_date,
        Patient.sex,
    )
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for pid, given, other, family, number, phone, born, sex in session.execute(
            select(*columns).where(Patient.id.in_(chunk))
        ):
            out[pid] = PatientRef(full_name(given, other, family), number or "", phone, born, sex)
    return out


def shown_person(person: Sequence[Any], region: str) -> tuple[str, str, str]:
    """Name, clinic number and phone as a list line shows them, from the five columns a
    line's query joined (given, other and family names, clinic number, stored phone; the
    phone formatted for the clinic's region, which `display_phone` remembers)."""
    given, other, family, number, phone = person
    return full_name(given, other, family), number or "", display_phone(phone, region)
