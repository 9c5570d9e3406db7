"""Filling, signing, correcting and printing forms: the store's side of forms/.

forms/ decides what a valid answer, a signed record and a correction are; this module keeps
records in the encrypted store. Status: draft (saved as the coordinator types) → final
(validated) or signed (validated and holding a signature, thumbprint or witness). A signed
record is never changed (a database trigger enforces it too): a correction is a new record
that points at the one it supersedes, and must be signed again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

import forms
from desktop.clock import ClinicClock
from desktop.errors import Conflict, InvalidInput, NotFound, ValidationFailed
from desktop.permissions import Actor, Permission
from desktop.services import attachments, audit
from desktop.services.patients import age_in_years, get_patient
from desktop.store.models import FormRecord, FormStatus, Patient, utcnow

Paper = Literal["a4", "letter"]


def condition_values(patient: Patient | None, today: dt.date) -> dict[str, object]:
    """What form conditions may read about the patient (e.g. pregnancy questions)."""
    values: dict[str, object] = {"today": today}
    if patient is not None:
        values["patient_sex"] = patient.sex.value
        if patient.birth_date:
            values["patient_age_years"] = age_in_years(patient.birth_date, today)
    return values


def get_record(session: Session, record_id: uuid.UUID) -> FormRecord:
    record = session.scalar(select(FormRecord).where(FormRecord.id == record_id))
    if record is None or record.deleted:
        raise NotFound(f"No form record with id {record_id}.")
    return record


def patient_forms(session: Session, patient_id: uuid.UUID) -> Sequence[FormRecord]:
    return session.scalars(
        select(FormRecord)
        .where(FormRecord.patient_id == patient_id, FormRecord.deleted.is_(False))
        .order_by(FormRecord.created_at.desc())
    ).all()


def answers_of(session: Session, record: FormRecord) -> dict[str, Any]:
    """The record's answers with signature images back inline (for forms/ to read)."""
    return attachments.attach_images(session, record.answers or {})


def start_form(
    session: Session,
    actor: Actor,
    library: forms.FormLibrary,
    form_id: str,
    *,
    patient_id: uuid.UUID | None,
    language: str = "en",
) -> FormRecord:
    """A new, empty draft of the latest version of `form_id`."""
    actor.require(Permission.FILL_FORMS)
    definition = _definition(library, form_id, None)
    if patient_id is not None:
        get_patient(session, patient_id)
    record = FormRecord(
        clinic_id=actor.clinic_id,
        patient_id=patient_id,
        definition_id=definition.id,
        definition_version=definition.version,
        language=language,
        answers={},
        status=FormStatus.DRAFT,
        created_by=actor.user_id,
        definition_fingerprint=definition.fingerprint,
    )
    session.add(record)
    session.flush()
    return record


def save_draft(
    session: Session, actor: Actor, record_id: uuid.UUID, answers: Mapping[str, Any]
) -> FormRecord:
    """Store answers as typed so far, valid or not (autosave)."""
    actor.require(Permission.FILL_FORMS)
    record = _editable(session, record_id)
    record.answers = attachments.detach_images(session, actor.clinic_id, answers)
    record.status = FormStatus.DRAFT
    session.flush()
    return record


def complete(
    session: Session,
    actor: Actor,
    library: forms.FormLibrary,
    record_id: uuid.UUID,
    answers: Mapping[str, Any],
    *,
    lang: str,
    today: dt.date,
    now: dt.datetime | None = None,
) -> FormRecord:
    """Validate and store the answers: the record becomes final, or signed if it holds a
    signature. ValidationFailed names every problem by field, in `lang`. `today` is the
    clinic's date and `now` the clinic clock's instant (UTC) the signing is stamped with."""
    actor.require(Permission.FILL_FORMS)
    record = _editable(session, record_id)
    definition = _definition(library, record.definition_id, record.definition_version)
    patient = get_patient(session, record.patient_id) if record.patient_id else None
    context = condition_values(patient, today)
    # Cleaned first (control characters, blanks, answers to now-hidden fields removed), so
    # what is validated is exactly what is stored.
    cleaned = forms.clean_answers(definition, answers, context=context)
    problems = forms.validate(definition, cleaned, lang=lang, context=context)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ValidationFailed(_by_field(errors))
    record.answers = attachments.detach_images(session, actor.clinic_id, cleaned)
    record.language = lang
    if forms.is_signed(definition, cleaned):
        record.status = FormStatus.SIGNED
        record.signed_at = now.astimezone(dt.UTC) if now is not None else utcnow()
    else:
        record.status = FormStatus.FINAL
    session.flush()
    return record


def correct(
    session: Session,
    actor: Actor,
    library: forms.FormLibrary,
    record_id: uuid.UUID,
    changes: Mapping[str, Any],
    *,
    reason: str,
) -> FormRecord:
    """A new draft correcting a final or signed record; the old record is left as it was."""
    actor.require(Permission.FILL_FORMS)
    old = get_record(session, record_id)
    if old.status is FormStatus.DRAFT:
        raise Conflict("A draft can simply be edited; corrections are for final or signed forms.")
    definition = _definition(library, old.definition_id, old.definition_version)
    try:
        corrected = forms.make_correction(
            definition,
            _as_forms_record(session, old),
            changes,
            reason=reason,
            corrected_by=actor.display_name,
            corrected_at=utcnow(),
        )
    except forms.CorrectionError as exc:
        raise InvalidInput(f"This correction cannot be made: {exc}.") from None
    record = FormRecord(
        clinic_id=actor.clinic_id,
        patient_id=old.patient_id,
        definition_id=old.definition_id,
        definition_version=old.definition_version,
        language=old.language,
        answers=attachments.detach_images(session, actor.clinic_id, corrected.answers),
        status=FormStatus.DRAFT,
        supersedes_id=old.id,
        correction_reason=corrected.correction_reason,
        created_by=actor.user_id,
        definition_fingerprint=old.definition_fingerprint,
    )
    session.add(record)
    session.flush()
    return record


def print_context(
    clock: ClinicClock,
    *,
    clinic_name: str,
    patient: Patient | None,
    values: Mapping[str, object],
    record: FormRecord | None = None,
) -> forms.PrintContext:
    """What forms/ prints around the answers: "Printed …" and signature times in the
    clinic's zone (`clock`), never the computer's own. The patient is named by their clinic
    number (what people read; the record id stays in the QR code) and their age on the
    day of `values["today"]`: "34 y", "about 45 y" or "Age not known", as on screen."""
    return forms.PrintContext(
        clinic_name=clinic_name,
        printed_at=clock.now(),
        patient_name=patient.full_name if patient else None,
        # A patient from before clinic numbers has none yet: lines to write it, no UUID.
        patient_id=(patient.clinic_number or None) if patient else None,
        patient_age=_age(patient, values.get("today"), clock) if patient else None,
        record_id=str(record.id) if record is not None else None,
        values=values,
        supersedes_record_id=(
            str(record.supersedes_id) if record is not None and record.supersedes_id else None
        ),
        correction_reason=record.correction_reason if record is not None else None,
        zone=clock.zone,
    )


def render_record(
    session: Session,
    library: forms.FormLibrary,
    record_id: uuid.UUID,
    *,
    clinic_name: str,
    clock: ClinicClock,
    actor: Actor,
    lang: str | None = None,
    paper: Paper = "a4",
) -> bytes:
    """The PDF of a stored record, with the definition version it was filled with.
    A print is a disclosure: it is checked and audited."""
    actor.require(Permission.VIEW_PATIENTS)
    record = get_record(session, record_id)
    audit.record(session, actor, "print", "form_records", record.id)
    definition = _definition(library, record.definition_id, record.definition_version)
    patient = get_patient(session, record.patient_id) if record.patient_id else None
    # Conditions (ages) are judged on the day the form was filled, in the clinic.
    filled_on = clock.local(record.created_at).date()
    context = print_context(
        clock,
        clinic_name=clinic_name,
        patient=patient,
        values=condition_values(patient, filled_on),
        record=record,
    )
    return forms.render_pdf(
        definition,
        answers_of(session, record),
        context=context,
        lang=lang or record.language,
        paper=paper,
    )


def render_blank(
    session: Session,
    library: forms.FormLibrary,
    form_id: str,
    *,
    clinic_name: str,
    clock: ClinicClock,
    actor: Actor,
    patient_id: uuid.UUID | None = None,
    lang: str = "en",
    paper: Paper = "a4",
) -> bytes:
    """A blank form for filling by hand (downtime); with a patient, their name in the header
    (checked and audited as a print about them)."""
    definition = _definition(library, form_id, None)
    if patient_id is not None:
        actor.require(Permission.VIEW_PATIENTS)
        audit.record(session, actor, "print", "patients", patient_id, form=form_id)
    else:
        audit.record(session, actor, "print", "forms", None, form=form_id)
    patient = get_patient(session, patient_id) if patient_id else None
    context = print_context(
        clock,
        clinic_name=clinic_name,
        patient=patient,
        values=condition_values(patient, clock.today()),
    )
    return forms.render_pdf(definition, None, context=context, lang=lang, paper=paper)


def definition_of(library: forms.FormLibrary, record: FormRecord) -> forms.FormDefinition:
    """The exact definition version a record was filled with."""
    return _definition(library, record.definition_id, record.definition_version)


# --- helpers -------------------------------------------------------------------------------


def _age(patient: Patient, on: object, clock: ClinicClock) -> forms.PatientAge:
    day = on if isinstance(on, dt.date) else clock.today()
    if patient.birth_date is None:
        return forms.PatientAge(None)
    return forms.PatientAge(
        age_in_years(patient.birth_date, day), estimated=bool(patient.birth_date_estimated)
    )


def _definition(
    library: forms.FormLibrary, form_id: str, version: int | None
) -> forms.FormDefinition:
    try:
        return library.get(form_id, version)
    except forms.UnknownFormError as exc:
        raise NotFound(str(exc)) from None


def _editable(session: Session, record_id: uuid.UUID) -> FormRecord:
    record = get_record(session, record_id)
    if record.status is FormStatus.SIGNED:
        raise Conflict(
            "This form is signed and cannot be changed. Make a correction instead: "
            "it becomes a new version that refers to this one."
        )
    return record


def _by_field(problems: Sequence[forms.Problem]) -> dict[str, str]:
    out: dict[str, str] = {}
    for problem in problems:
        out[problem.field_id] = (
            f"{out[problem.field_id]} {problem.message}"
            if problem.field_id in out
            else problem.message
        )
    return out


def _as_forms_record(session: Session, record: FormRecord) -> forms.FormRecord:
    return forms.FormRecord(
        record_id=str(record.id),
        form_id=record.definition_id,
        form_version=record.definition_version,
        answers=answers_of(session, record),
        created_at=record.created_at,
        definition_fingerprint=record.definition_fingerprint,
        supersedes=str(record.supersedes_id) if record.supersedes_id else None,
        correction_reason=record.correction_reason,
    )
