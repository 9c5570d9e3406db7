"""Filling, signing and correcting forms, and the form view's data.

Every method is one use case in one transaction; what it returns is plain values (frozen
dataclasses, forms/' own definitions), never a stored record. The services in
`desktop.services.form_records` stay the internals these calls run.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

import forms
from desktop.app.patients import PatientDetails, details_of
from desktop.app.transactions import Done
from desktop.changes import Changes
from desktop.dates import age_in_years
from desktop.errors import InvalidInput
from desktop.permissions import Actor, Permission
from desktop.services import form_install, form_records
from desktop.services import patients as patients_svc
from desktop.services.form_install import FormRefused, InstalledForm
from desktop.services.patients import PatientInput, get_patient
from desktop.store.models import FormRecord, FormStatus, Patient
from forms import answers as form_answers

if TYPE_CHECKING:
    from desktop.core import ClinicCore

INSTALLED_FORMS = "clinic_forms"  # the change kind of an installed form (its table)

__all__ = [
    "INSTALLED_FORMS",
    "SIGNER_IS_PATIENT",
    "SIGNER_IS_STAFF",
    "Completed",
    "DraftSaved",
    "FormRefused",
    "FormStatus",
    "FormSummary",
    "FormViewData",
    "FormsAdminView",
    "FormsApi",
    "InstalledForm",
    "PatientSummary",
    "choose_language",
    "form_title",
    "prefill",
]

SIGNER_IS_PATIENT = ("patient_signature", "patient_thumbprint")
SIGNER_IS_STAFF = (
    "staff_signature",
    "clinician_signature",
    "cashier_signature",
    "kept_by_signature",
)


def form_title(
    definition_id: str,
    version: int | None,
    language: str,
    library: forms.FormLibrary | None = None,
) -> str:
    """A form's title in `language` ("Consent to examination and treatment"), for lists that
    name a patient's forms. The clinic's own library when given (`core.forms.library()`),
    else the shipped forms; an unknown form keeps its id rather than failing the list."""
    found = library if library is not None else forms.shipped_library()
    try:
        definition = found.get(definition_id, version)
    except forms.UnknownFormError:
        try:
            definition = found.get(definition_id)
        except forms.UnknownFormError:
            return definition_id
    return definition.title_in(language)


# --- what the API returns ------------------------------------------------------------------------


@dataclass(frozen=True)
class PatientSummary:
    """What a form shows about its patient (its header line, its conditions)."""

    patient_id: uuid.UUID
    full_name: str
    sex: str  # "female" | "male" | "other" | "unknown"
    age_years: int | None
    age_estimated: bool
    clinic_number: str | None = None


@dataclass(frozen=True)
class FormViewData:
    """One form record as the form view shows it."""

    record_id: uuid.UUID
    definition: forms.FormDefinition
    definition_id: str
    definition_version: int
    title: str  # in `language`
    status: FormStatus
    answers: Mapping[str, Any]
    language: str
    patient: PatientSummary | None
    context: Mapping[str, object]  # condition values (age, sex, today) and clinic_name
    today: dt.date  # the clinic's today
    created_at: dt.datetime  # in the clinic's zone
    signed_at: dt.datetime | None = None  # in the clinic's zone
    supersedes_id: uuid.UUID | None = None
    correction_reason: str | None = None
    suggested_names: Mapping[str, str] = field(default_factory=dict)
    new: bool = False  # just started: the answers are what Outpost could prefill

    @property
    def patient_id(self) -> uuid.UUID | None:
        return self.patient.patient_id if self.patient is not None else None

    @property
    def patient_name(self) -> str:
        return self.patient.full_name if self.patient is not None else ""


@dataclass(frozen=True)
class FormSummary:
    """One of a patient's forms, for lists (the record's Forms tab, "Print…")."""

    record_id: uuid.UUID
    definition_id: str
    definition_version: int
    title: str
    status: FormStatus
    created_at: dt.datetime  # in the clinic's zone
    signed_at: dt.datetime | None
    supersedes_id: uuid.UUID | None


@dataclass(frozen=True)
class FormsAdminView:
    """Settings → Forms: what is installed, and what is wrong, in plain words."""

    installed: tuple[InstalledForm, ...]
    warnings: tuple[str, ...]  # files left in the data folder's forms folder (not used)
    problems: tuple[str, ...]  # installed forms that could not be loaded (the rest work)


@dataclass(frozen=True)
class DraftSaved:
    record_id: uuid.UUID
    status: FormStatus
    saved_at: dt.datetime  # in the clinic's zone


@dataclass(frozen=True)
class Completed:
    record_id: uuid.UUID
    status: FormStatus  # FINAL or SIGNED
    signed_at: dt.datetime | None  # in the clinic's zone
    # The form gave a date of birth the patient record lacked (none, or only an estimate):
    # the record now has it (same transaction, audited as an edit of the patient).
    birth_date_recorded: dt.date | None = None


# --- pure helpers --------------------------------------------------------------------------------


def choose_language(definition: forms.FormDefinition, *preferred: str | None) -> str:
    for lang in preferred:
        if lang and lang in definition.languages:
            return lang
    return definition.languages[0]


def patient_summary(patient: Patient | PatientDetails, today: dt.date) -> PatientSummary:
    birth = patient.birth_date
    return PatientSummary(
        patient_id=patient.id,
        full_name=patient.full_name,
        sex=patient.sex.value,
        age_years=age_in_years(birth, today) if birth is not None else None,
        age_estimated=bool(patient.birth_date_estimated) and birth is not None,
        clinic_number=patient.clinic_number or None,
    )


def birth_answer(birth: dt.date | None, estimated: bool) -> dict[str, object] | None:
    """A record's date of birth as a `partial_date` answer: the whole date, or only "about"
    the year for an estimate (an age given at registration); None when it is not known."""
    if birth is None:
        return None
    if estimated:
        return {"year": birth.year, "month": None, "day": None, "approximate": True}
    return {"year": birth.year, "month": birth.month, "day": birth.day, "approximate": False}


def prefill(
    definition: forms.FormDefinition,
    patient: PatientDetails | None,
    actor_name: str,
    today: dt.date,
) -> dict[str, object]:
    """Answers a new form can take from what Outpost already knows (the patient's details
    as people read them, `desktop.app.patients.details_of`: the phone in the one display
    format; the clinic's today; who is filling it), for the fields the shipped forms name
    this way."""
    known: dict[str, object] = {}
    if patient is not None:
        known["full_name"] = patient.full_name
        known["sex"] = patient.sex.value
        birth = birth_answer(patient.birth_date, patient.birth_date_estimated)
        if birth is not None:
            spec = definition.fields.get("date_of_birth")
            if spec is not None and spec.type == "date":
                if not patient.birth_date_estimated and patient.birth_date is not None:
                    known["date_of_birth"] = patient.birth_date.isoformat()
            else:
                known["date_of_birth"] = birth
        known["phone"] = patient.phone
        known["address"] = ", ".join(p for p in (patient.address, patient.village) if p)
        kin = patient.next_of_kin_name
        if kin:
            relation = f" ({patient.next_of_kin_relation})" if patient.next_of_kin_relation else ""
            phone = f", {patient.next_of_kin_phone}" if patient.next_of_kin_phone else ""
            known["next_of_kin"] = f"{kin}{relation}{phone}"
        if patient.coverage_member_id:
            known["member_number"] = patient.coverage_member_id
    for date_field in ("visit_date", "referral_date", "invoice_date"):
        known[date_field] = today.isoformat()
    for staff_field in ("recorded_by", "staff_name", "clinician_name", "received_by", "seen_by"):
        known[staff_field] = actor_name
    out: dict[str, object] = {}
    for field_id, value in known.items():
        spec = definition.fields.get(field_id)
        if spec is None or value in ("", None):
            continue
        if spec.type == "single_choice" and spec.choice(str(value)) is None:
            continue
        if spec.type in ("text", "long_text", "date", "partial_date", "single_choice"):
            out[field_id] = value
    return out


# --- the API -------------------------------------------------------------------------------------


class FormsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
        self._library: forms.FormLibrary | None = None
        self._library_lock = threading.Lock()
        self._unsubscribe: Callable[[], None] | None = None

    def library(self) -> forms.FormLibrary:
        """The clinic's forms (shipped, then those installed in the store), loaded once and
        again after an install (here or arriving by sync)."""
        with self._library_lock:
            if self._library is None:
                from desktop.forms_library import clinic_library

                installed = self._tx.read(form_install.installed_files)
                self._library = clinic_library(self._core.paths, installed)
                if self._unsubscribe is None:
                    self._unsubscribe = self._core.changes.subscribe(self._forget_library)
            return self._library

    def _forget_library(self, changes: Changes) -> None:
        if changes.touches(INSTALLED_FORMS):
            with self._library_lock:
                self._library = None

    # -- installed forms (administrators) --

    def installed(self) -> list[InstalledForm]:
        """The forms and translations installed for the clinic, by id and version."""
        return self._tx.read(form_install.list_installed)

    def install_file(
        self, path: Path, *, replace_shipped: bool = False, actor: Actor | None = None
    ) -> Done[InstalledForm]:
        """Read a form or translation file safely and install it (see
        `desktop.services.form_install`); FormRefused names every reason it cannot be."""
        who = actor or self._core.actor
        who.require(Permission.MANAGE_CLINIC)
        data = form_install.read_file(path)
        return self.install(data, str(path), replace_shipped=replace_shipped, actor=who)

    def install(
        self,
        data: bytes,
        name: str,
        *,
        replace_shipped: bool = False,
        actor: Actor | None = None,
    ) -> Done[InstalledForm]:
        """Install the bytes of the file `name`: checked, printed once as a check, stored
        with its audit event in one transaction."""
        who = actor or self._core.actor
        now = self._core.clock.now_utc()
        done = self._tx.write(
            lambda session: form_install.install(
                session, who, data, name, replace_shipped=replace_shipped, now=now
            ),
            actor=who,
        )
        with self._library_lock:
            self._library = None
        return done

    def admin_view(self) -> FormsAdminView:
        """What Settings → Forms shows: the installed forms, loose files in the data folder
        (not used) and installed forms that could not be loaded, each in plain words."""
        installed = self.installed()
        library = self.library()
        problems = tuple(
            f"{str(problem).splitlines()[0]}: "
            + "; ".join(issue.message for issue in problem.issues[:3])
            for problem in library.problems
        )
        return FormsAdminView(tuple(installed), tuple(self.loose_files()), problems)

    def loose_files(self) -> list[str]:
        """Warnings for form files left in the data folder's forms folder (not installed)."""
        from desktop.forms_library import loose_warnings

        return list(loose_warnings(self._core.paths, to_log=False))

    def title(self, definition_id: str, version: int | None, language: str) -> str:
        """`form_title` with the clinic's own library."""
        return form_title(definition_id, version, language, self.library())

    # -- reads --

    def view(self, record_id: uuid.UUID) -> FormViewData:
        """The form view's data: the record, its definition version and its patient."""
        library = self.library()
        return self._tx.read(lambda session: self._view(session, library, record_id))

    def patient_forms(
        self, patient_id: uuid.UUID, language: str | None = None
    ) -> list[FormSummary]:
        """A patient's forms, newest first, each with its title in `language` (default: the
        interface's)."""
        library = self.library()
        lang = language or self._core.settings.language
        clock = self._core.clock

        def work(session: Session) -> list[FormSummary]:
            return [
                FormSummary(
                    record_id=r.id,
                    definition_id=r.definition_id,
                    definition_version=r.definition_version,
                    title=form_title(r.definition_id, r.definition_version, lang, library),
                    status=r.status,
                    created_at=clock.local(r.created_at),
                    signed_at=clock.local(r.signed_at) if r.signed_at else None,
                    supersedes_id=r.supersedes_id,
                )
                for r in form_records.patient_forms(session, patient_id)
            ]

        return self._tx.read(work)

    def patient_name(self, patient_id: uuid.UUID) -> str:
        return self._tx.read(lambda session: get_patient(session, patient_id).full_name)

    # -- writes --

    def start(
        self,
        patient_id: uuid.UUID | None,
        form_id: str,
        *,
        language: str | None = None,
        actor: Actor | None = None,
    ) -> Done[FormViewData]:
        """A new draft of the latest version of `form_id`, with what Outpost can prefill."""
        who = actor or self._core.actor
        library = self.library()
        lang = language or self._core.settings.language

        def work(session: Session) -> FormViewData:
            record = form_records.start_form(
                session, who, library, form_id, patient_id=patient_id, language=lang
            )
            return self._view(session, library, record.id, actor=who)

        return self._tx.write(work, actor=who)

    def save_draft(
        self, record_id: uuid.UUID, answers: Mapping[str, Any], *, actor: Actor | None = None
    ) -> Done[DraftSaved]:
        """Store the answers as typed so far, valid or not (autosave)."""
        who = actor or self._core.actor
        clock = self._core.clock

        def work(session: Session) -> DraftSaved:
            record = form_records.save_draft(session, who, record_id, answers)
            return DraftSaved(record.id, record.status, clock.now())

        return self._tx.write(work, actor=who)

    def complete(
        self,
        record_id: uuid.UUID,
        answers: Mapping[str, Any],
        *,
        lang: str,
        actor: Actor | None = None,
    ) -> Done[Completed]:
        """Validate and store: final, or signed when the answers hold a signature.
        ValidationFailed names every problem by field, in `lang`."""
        who = actor or self._core.actor
        library = self.library()
        clock = self._core.clock

        def work(session: Session) -> Completed:
            record = form_records.complete(
                session,
                who,
                library,
                record_id,
                answers,
                lang=lang,
                today=clock.today(),
                now=clock.now_utc(),
            )
            recorded = self._birth_date_to_record(session, who, library, record)
            signed = clock.local(record.signed_at) if record.signed_at else None
            return Completed(record.id, record.status, signed, recorded)

        return self._tx.write(work, actor=who)

    def correct(
        self,
        record_id: uuid.UUID,
        reason: str,
        changes: Mapping[str, Any] | None = None,
        *,
        actor: Actor | None = None,
    ) -> Done[FormViewData]:
        """A new draft correcting a final or signed record (which stays as it was)."""
        who = actor or self._core.actor
        library = self.library()

        def work(session: Session) -> FormViewData:
            new = form_records.correct(
                session, who, library, record_id, changes or {}, reason=reason
            )
            return self._view(session, library, new.id, actor=who)

        return self._tx.write(work, actor=who)

    # -- internals --

    def _birth_date_to_record(
        self,
        session: Session,
        actor: Actor,
        library: forms.FormLibrary,
        record: FormRecord,
    ) -> dt.date | None:
        """A completed form's date of birth (the intake's) reaches the patient record when
        the record has none or only an estimate: an exact date replaces an estimate, a year
        or an "about" replaces nothing known with an estimate; a date the record already has
        exactly is never overwritten by a form (a correction is made on the record). Made
        through the patients service (its validation), in the form's transaction, and so
        audited as an edit of the patient. Returns the date recorded, None if none was."""
        if record.patient_id is None or not actor.can(Permission.EDIT_PATIENTS):
            return None
        definition = form_records.definition_of(library, record)
        spec = definition.fields.get("date_of_birth")
        value = (record.answers or {}).get("date_of_birth")
        if spec is None or value is None or spec.type not in ("date", "partial_date"):
            return None
        try:
            given = form_answers.read_partial_date(value)
        except form_answers.AnswerError:
            return None
        exact = given.month is not None and given.day is not None and not given.approximate
        patient = get_patient(session, record.patient_id)
        known_exactly = patient.birth_date is not None and not patient.birth_date_estimated
        if known_exactly or (patient.birth_date is not None and not exact):
            return None
        core = self._core
        today = core.clock.today()
        data = PatientInput.from_patient(patient, today, region=core.region)
        data.age_unknown = False
        if exact:
            assert given.month is not None and given.day is not None
            data.birth_date = dt.date(given.year, given.month, given.day).isoformat()
            data.estimated_age_years = ""
        else:
            middle = dt.date(given.year, given.month or 7, 1)
            data.birth_date = ""
            data.estimated_age_years = str(max(0, age_in_years(middle, today)))
        try:
            updated = patients_svc.update_patient(
                session,
                actor,
                patient.id,
                data,
                region=core.region,
                search=core.search,
                today=today,
            )
        except InvalidInput:
            # Something else on the record no longer validates (an older release's data):
            # the form is still completed; the date of birth waits for an edit of the record.
            return None
        return updated.birth_date

    def _view(
        self,
        session: Session,
        library: forms.FormLibrary,
        record_id: uuid.UUID,
        *,
        actor: Actor | None = None,
    ) -> FormViewData:
        core = self._core
        who = actor or core.actor
        who.require(Permission.VIEW_PATIENTS)
        record: FormRecord = form_records.get_record(session, record_id)
        definition = form_records.definition_of(library, record)
        patient = get_patient(session, record.patient_id) if record.patient_id else None
        today = core.clock.today()
        context = form_records.condition_values(patient, today)
        context["clinic_name"] = core.clinic_name
        answers = form_records.answers_of(session, record)
        new = not answers and record.status is FormStatus.DRAFT and record.supersedes_id is None
        details = (
            details_of(patient, region=core.region, today=today) if patient is not None else None
        )
        if new:
            answers = prefill(definition, details, who.display_name, today)
        names = {f: patient.full_name for f in SIGNER_IS_PATIENT} if patient is not None else {}
        names.update({f: who.display_name for f in SIGNER_IS_STAFF})
        language = choose_language(
            definition,
            record.language if not new else "",
            patient.preferred_language if new and patient is not None else None,
            core.settings.language,
        )
        return FormViewData(
            record_id=record.id,
            definition=definition,
            definition_id=definition.id,
            definition_version=definition.version,
            title=definition.title_in(language),
            status=record.status,
            answers=answers,
            language=language,
            patient=patient_summary(details, today) if details is not None else None,
            context=context,
            today=today,
            created_at=core.clock.local(record.created_at),
            signed_at=core.clock.local(record.signed_at) if record.signed_at else None,
            supersedes_id=record.supersedes_id,
            correction_reason=record.correction_reason,
            suggested_names=names,
            new=new,
        )
