"""Registering, editing, searching and opening patients; the patient record's read model.

Every method is one use case: it opens and closes its own transaction and returns plain
frozen dataclasses (never an ORM object or a Session). Writes return `Done[T]`, whose
changes are already published on `core.changes`.

- `register` looks for likely duplicates first and refuses with `PossibleDuplicate` (its
  `candidates` are what the person compares) until called again with `confirmed_new=True`;
- `edit`, `remove` (a tombstone; the patient's booked appointments are cancelled in the same
  transaction: that is why this module, not `desktop.services.patients`, knows scheduling);
- `search`, `likely_duplicates`, `details` (one patient's details, for a form's prefill);
- `open_chart`: the patient record (details, appointments, forms with their titles, history
  with names), its opening audited without queuing any patch of the patient.

A registration or edit made here needs a date of birth, an approximate age, or the explicit
"age not known" (`PatientInput.age_unknown`): screen, rule and print agree.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from desktop.app.transactions import Done
from desktop.changes import EVERYTHING, PATIENTS, Changes
from desktop.dates import age_in_years
from desktop.permissions import Permission
from desktop.services import audit, clinic_setup, form_records, scheduling, users
from desktop.services import patients as svc
from desktop.services.patients import PatientInput, PossibleDuplicate
from desktop.services.phones import display_phone
from desktop.services.search import SearchHit
from desktop.store.models import AppointmentStatus, FormStatus, Patient, Sex

if TYPE_CHECKING:
    from desktop.app.patient_summary import PatientSummary
    from desktop.core import ClinicCore

__all__ = [
    "AppointmentStatus",
    "ChartAppointment",
    "ChartForm",
    "ChartHistory",
    "Duplicate",
    "FormStatus",
    "PatientChart",
    "PatientDetails",
    "PatientInput",
    "PatientsApi",
    "PossibleDuplicate",
    "SearchHit",
    "Sex",
    "details_of",
]


@dataclass(frozen=True)
class PatientDetails:
    """One patient as people read them: phones in the one display format
    (`desktop.services.phones.display_phone`), the age worked out in clinic time.

    The attribute names are the patient's own (`full_name`, `sex`, `birth_date`, `phone`,
    `address`, `village`, `next_of_kin_*`, `coverage_member_id`…), so a form's prefill reads
    them as it read a patient."""

    id: uuid.UUID
    clinic_number: str
    given_name: str
    other_names: str
    family_name: str
    full_name: str
    sex: Sex
    birth_date: dt.date | None
    birth_date_estimated: bool
    age_years: int | None  # None: the age is not known
    phone: str
    phone_alt: str
    village: str
    address: str
    national_id: str
    next_of_kin_name: str
    next_of_kin_relation: str
    next_of_kin_phone: str
    preferred_language: str
    coverage_scheme: str
    coverage_member_id: str
    notes: str
    phone_e164: str | None  # the stored number, for matching
    editable: PatientInput  # what the edit form starts from

    @property
    def age_unknown(self) -> bool:
        return self.birth_date is None


@dataclass(frozen=True)
class ChartAppointment:
    appointment_id: uuid.UUID
    starts_at: dt.datetime  # clinic time
    provider_id: uuid.UUID
    provider: str
    type_name: str
    status: AppointmentStatus
    reason: str
    late: bool  # booked, not arrived, start passed by more than LATE_AFTER (is_late)
    walk_in: bool = False  # came without an appointment (joined the check-in queue)


@dataclass(frozen=True)
class ChartForm:
    record_id: uuid.UUID
    definition_id: str
    title: str  # in the language asked for ("Consent to examination and treatment")
    version: int
    status: FormStatus
    created_at: dt.datetime  # clinic time
    signed_at: dt.datetime | None


@dataclass(frozen=True)
class ChartHistory:
    at: dt.datetime  # clinic time
    who: str
    action: str  # create | update | delete | view
    fields: tuple[str, ...]


@dataclass(frozen=True)
class PatientChart:
    """The patient record: what the patient screen shows, newest first."""

    details: PatientDetails
    appointments: tuple[ChartAppointment, ...]
    forms: tuple[ChartForm, ...]
    history: tuple[ChartHistory, ...]

    @property
    def patient_id(self) -> uuid.UUID:
        return self.details.id


@dataclass(frozen=True)
class Duplicate:
    """An existing patient who may be the one being registered, and why."""

    hit: SearchHit
    reasons: tuple[str, ...]


class PatientsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
        core.changes.subscribe(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        # Names that arrived other than by a registration here (a restore, sync) are not in
        # the search's cached vocabulary: read it again on the next search.
        if changes.touches(EVERYTHING) or (changes.remote and changes.touches(PATIENTS)):
            self._core.search.invalidate()

    # -- writes --

    def register(self, data: PatientInput, *, confirmed_new: bool = False) -> Done[uuid.UUID]:
        """Register a patient; returns the new patient's id.

        Raises `PossibleDuplicate` (its `candidates`: (SearchHit, reasons)) unless
        `confirmed_new`: the person looked at the likely duplicates and says this is
        someone else. Raises `ValidationFailed` naming every field's problem."""
        core = self._core

        def work(session: Session) -> uuid.UUID:
            patient = svc.register_patient(
                session,
                core.actor,
                data,
                region=core.region,
                search=core.search,
                confirmed_new=confirmed_new,
                today=core.today(),
                require_birth=True,
                device_id=core.store.device_id,
            )
            return patient.id

        return self._tx.write(work)

    def edit(self, patient_id: uuid.UUID, data: PatientInput) -> Done[uuid.UUID]:
        core = self._core

        def work(session: Session) -> uuid.UUID:
            svc.update_patient(
                session,
                core.actor,
                patient_id,
                data,
                region=core.region,
                search=core.search,
                today=core.today(),
                require_birth=True,
            )
            return patient_id

        return self._tx.write(work)

    def remove(self, patient_id: uuid.UUID) -> Done[int]:
        """Tombstone a patient registered by mistake; their booked appointments are cancelled
        in the same transaction (the slots are free again). Returns how many were."""
        actor = self._core.actor

        def work(session: Session) -> int:
            actor.require(Permission.EDIT_PATIENTS)  # before touching any appointment
            svc.get_patient(session, patient_id)
            cancelled = 0
            for appointment in scheduling.patient_appointments(session, patient_id):
                if appointment.status is AppointmentStatus.BOOKED:
                    scheduling.cancel(session, actor, appointment.id)
                    cancelled += 1
            svc.remove_patient(session, actor, patient_id)
            return cancelled

        return self._tx.write(work)

    # -- reads --

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Patients matching `query` (a name with typos, a phone, a national ID or clinic
        number, a date of birth), best first."""
        search = self._core.search
        return self._tx.read(lambda session: search.search(session, query, limit=limit))

    def likely_duplicates(
        self, data: PatientInput, *, exclude_id: uuid.UUID | None = None
    ) -> list[Duplicate]:
        """Existing patients who may be the person `data` describes, strongest first."""
        core = self._core
        values = svc.validate_patient(data, region=core.region, today=core.today())

        def work(session: Session) -> list[Duplicate]:
            found = svc.find_duplicates(session, values, exclude_id=exclude_id, search=core.search)
            return [Duplicate(hit, tuple(reasons)) for hit, reasons in found]

        return self._tx.read(work)

    def preview(self, data: PatientInput) -> PatientDetails:
        """What `data` would register, as details (the duplicate comparison's left column);
        raises ValidationFailed like `register`."""
        core = self._core
        values = svc.validate_patient(data, region=core.region, today=core.today())
        patient = Patient(id=uuid.UUID(int=0), clinic_id=core.actor.clinic_id, **values)
        if patient.clinic_number is None:
            patient.clinic_number = ""
        return self._details(patient)

    def details(self, patient_id: uuid.UUID) -> PatientDetails:
        """One patient's details (not audited as a chart opening: a form's prefill, a slip).
        NotFound for an unknown or removed patient."""
        return self._tx.read(lambda session: self._details(svc.get_patient(session, patient_id)))

    def open_chart(self, patient_id: uuid.UUID, *, language: str = "en") -> PatientChart:
        """The patient record, form titles in `language`. The opening is audited (an audit
        event, no patch of the patient)."""
        actor = self._core.actor

        def work(session: Session) -> PatientChart:
            chart = svc.open_chart(session, actor, patient_id)
            return self._chart(session, chart, language)

        # A write: the opening's audit event is the one thing written.
        return self._tx.write(work).value

    def chart(self, patient_id: uuid.UUID, *, language: str = "en") -> PatientChart:
        """The record of a patient already open on screen, read again (a change elsewhere,
        F5): the same as `open_chart`, without auditing another opening."""
        actor = self._core.actor

        def work(session: Session) -> PatientChart:
            actor.require(Permission.VIEW_PATIENTS)
            patient = svc.get_patient(session, patient_id)
            chart = svc.PatientChart(
                patient,
                scheduling.patient_appointments(session, patient_id),
                form_records.patient_forms(session, patient_id),
                audit.history(session, "patients", patient_id),
            )
            return self._chart(session, chart, language)

        return self._tx.read(work)

    def summary(self, patient_id: uuid.UUID) -> PatientSummary:
        """The record's one-line summary (next appointment, open referrals, results waiting
        to be relayed, allergies): one read, not audited (the record was opened already)."""
        from desktop.app.patient_summary import read_summary

        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(lambda session: read_summary(core, session, patient_id))

    def warm_search(self) -> None:
        """Read the search's name vocabulary now (right after unlocking, on the database
        thread), so the first typo-tolerant search does not wait for it."""
        self._tx.read(self._core.search.warm)

    def _chart(self, session: Session, chart: svc.PatientChart, language: str) -> PatientChart:
        clock = self._core.clock
        now = clock.now_utc()
        titles = self._core.forms.title
        providers = {
            p.id: p.name for p in clinic_setup.list_providers(session, include_inactive=True)
        }
        kinds = {
            t.id: t.name
            for t in clinic_setup.list_appointment_types(session, include_inactive=True)
        }
        people = {u.id: u.display_name for u in users.list_users(session)}
        return PatientChart(
            details=self._details(chart.patient),
            appointments=tuple(
                ChartAppointment(
                    a.id,
                    clock.local(a.starts_at),
                    a.provider_id,
                    providers.get(a.provider_id, "—"),
                    kinds.get(a.type_id, "—"),
                    a.status,
                    a.reason,
                    scheduling.is_late(a.status, a.starts_at, now),
                    bool(a.walk_in),
                )
                for a in chart.appointments
            ),
            forms=tuple(
                ChartForm(
                    f.id,
                    f.definition_id,
                    titles(f.definition_id, f.definition_version, language),
                    f.definition_version,
                    f.status,
                    clock.local(f.created_at),
                    clock.local(f.signed_at) if f.signed_at else None,
                )
                for f in chart.forms
            ),
            history=tuple(
                ChartHistory(
                    clock.local(e.at),
                    people.get(e.user_id, "—") if e.user_id else "—",
                    e.action,
                    tuple(_fields(e.detail)),
                )
                for e in reversed(chart.history)  # newest first
            ),
        )

    def history(self, patient_id: uuid.UUID) -> Sequence[ChartHistory]:
        """The record's history without opening it (not audited)."""
        clock = self._core.clock

        def work(session: Session) -> list[ChartHistory]:
            people = {u.id: u.display_name for u in users.list_users(session)}
            return [
                ChartHistory(
                    clock.local(e.at),
                    people.get(e.user_id, "—") if e.user_id else "—",
                    e.action,
                    tuple(_fields(e.detail)),
                )
                for e in reversed(audit.history(session, "patients", patient_id))
            ]

        return self._tx.read(work)

    # -- shaping --

    def _details(self, p: Patient) -> PatientDetails:
        return details_of(p, region=self._core.region, today=self._core.today())


def details_of(p: Patient, *, region: str, today: dt.date) -> PatientDetails:
    """A patient row as `PatientDetails`, inside another area's transaction (a form's prefill
    reads the phone in the one display format from here)."""
    return PatientDetails(
        id=p.id,
        clinic_number=p.clinic_number or "",
        given_name=p.given_name,
        other_names=p.other_names or "",
        family_name=p.family_name or "",
        full_name=p.full_name,
        sex=Sex(p.sex),
        birth_date=p.birth_date,
        birth_date_estimated=bool(p.birth_date_estimated),
        age_years=age_in_years(p.birth_date, today) if p.birth_date else None,
        phone=display_phone(p.phone, region),
        phone_alt=display_phone(p.phone_alt, region),
        village=p.village or "",
        address=p.address or "",
        national_id=p.national_id or "",
        next_of_kin_name=p.next_of_kin_name or "",
        next_of_kin_relation=p.next_of_kin_relation or "",
        next_of_kin_phone=display_phone(p.next_of_kin_phone, region),
        preferred_language=p.preferred_language or "",
        coverage_scheme=p.coverage_scheme or "",
        coverage_member_id=p.coverage_member_id or "",
        notes=p.notes or "",
        phone_e164=p.phone,
        editable=PatientInput.from_patient(p, today, region=region),
    )


def _fields(detail: Any) -> list[str]:
    found = (detail or {}).get("fields", ()) if isinstance(detail, dict) else ()
    return [str(f) for f in found if f != "phone_reversed"]
