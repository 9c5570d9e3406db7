"""The clinic's records as typed SQLAlchemy 2.0 models.

Every record that syncs mixes in `Synced`: a UUIDv7 assigned where it is created, the clinic
it belongs to, a hybrid-logical-clock stamp per field, and a tombstone flag. Its changes are
turned into outbox entries in the same transaction (see `desktop.store.outbox`).

Local-only integers (`Patient.pk`, `OutboxEntry.seq`) exist for indexes on this device and
never cross the wire.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    Uuid,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.mutable import MutableDict
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.ids import new_id

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC time is required")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Columns every synchronised record carries."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, default=new_id, unique=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    # Stamp of the latest change, and per field, for field-by-field merging at sync.
    hlc: Mapped[str] = mapped_column(String(40), default="")
    field_hlcs: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # Fields the outbox never sends (local bookkeeping).
    __local_fields__: frozenset[str] = frozenset({"pk", "hlc", "field_hlcs", "updated_at"})


class Role(enum.StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    CLINICIAN = "clinician"


class Sex(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class AppointmentStatus(enum.StrEnum):
    BOOKED = "booked"
    ARRIVED = "arrived"
    IN_CONSULTATION = "in_consultation"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"


class FormStatus(enum.StrEnum):
    DRAFT = "draft"
    FINAL = "final"
    SIGNED = "signed"


def _enum(cls: type[enum.StrEnum]) -> Enum:
    # Store the values ("in_consultation"), check them in Python, no CHECK constraint: a
    # newer release may add a value, and an old row must still load in tests of old schemas.
    return Enum(
        cls,
        values_callable=lambda e: [m.value for m in e],
        native_enum=False,
        create_constraint=False,
        length=20,
    )


class Clinic(Synced, Base):
    __tablename__ = "clinics"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2), default="KE")  # default phone region
    timezone: Mapped[str] = mapped_column(String(64), default="Africa/Nairobi")
    phone: Mapped[str] = mapped_column(String(20), default="", server_default="")  # E.164
    address: Mapped[str] = mapped_column(Text, default="", server_default="")
    paper_size: Mapped[str] = mapped_column(String(10), default="A4", server_default="A4")
    # Starts every clinic number this clinic's devices assign (KNC-004211).
    code: Mapped[str] = mapped_column(String(8), default="", server_default="")
    # By weekday (Monday = "0"): [["08:00", "17:00"], …]; {} until set (the defaults apply).
    opening_hours: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    # ISO 4217 code; money is kept in its minor units ("" until set: billing asks for it).
    currency: Mapped[str] = mapped_column(String(3), default="", server_default="")


class User(Synced, Base):
    __tablename__ = "users"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(_enum(Role))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The account's key pair for every laptop of the clinic (desktop.store.account_keys):
    # the public key, and the private key wrapped under the password's Argon2id key. Never
    # shown, printed or logged. None until the user's first sign-in after schema 0005.
    # Deferred: loaded only when read, so a query of users neither carries them nor needs
    # them (a backup's database is read before it is upgraded, desktop.services.backup_restore).
    key_public: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, deferred=True)
    key_wrapped: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, deferred=True)
    # The clinic authority's signature over the account's name, role, state and key
    # (desktop.store.account_grants): a laptop mirrors an account change only when it holds
    # one this laptop can verify. Public, but never shown: it means nothing to a person.
    account_grant: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, deferred=True)


class Patient(Synced, Base):
    __tablename__ = "patients"
    # Local rowid for the full-text index; VACUUM may renumber implicit rowids, not this one.
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    other_names: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[Sex] = mapped_column(_enum(Sex), default=Sex.UNKNOWN)
    birth_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # True when only an approximate age was known: birth_date is then 1 July of the year.
    birth_date_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    # Digits of the phone reversed, so "the last six digits" is an indexed prefix search.
    phone_reversed: Mapped[str | None] = mapped_column(String(20), index=True)
    phone_alt: Mapped[str | None] = mapped_column(String(20))
    village: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    national_id: Mapped[str | None] = mapped_column(String(64), index=True)
    clinic_number: Mapped[str | None] = mapped_column(String(64), index=True)
    next_of_kin_name: Mapped[str] = mapped_column(String(200), default="")
    next_of_kin_relation: Mapped[str] = mapped_column(String(64), default="")
    next_of_kin_phone: Mapped[str | None] = mapped_column(String(20))
    preferred_language: Mapped[str] = mapped_column(String(16), default="")
    coverage_scheme: Mapped[str] = mapped_column(String(100), default="")
    coverage_member_id: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # --- patient merge (desktop/services/patient_merge.py, migration 0007) ---
    # Set on the tombstone of a patient merged into another: the survivor's id. Synced like
    # any field, so every laptop knows where the record went. No foreign key: a tombstone
    # arrives in the same page as the records it points past, in any order.
    merged_into: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)

    @property
    def full_name(self) -> str:
        parts = [self.given_name, self.other_names, self.family_name]
        return " ".join(p for p in parts if p)


class Provider(Synced, Base):
    __tablename__ = "providers"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AppointmentType(Synced, Base):
    __tablename__ = "appointment_types"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    duration_minutes: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WorkingHours(Synced, Base):
    """One provider's working window on one weekday, in the clinic's local time."""

    __tablename__ = "working_hours"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("providers.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # Monday = 0
    start: Mapped[dt.time] = mapped_column(Time)
    end: Mapped[dt.time] = mapped_column(Time)


class Appointment(Synced, Base):
    __tablename__ = "appointments"
    __table_args__ = (
        Index("ix_appointments_provider_start", "provider_id", "starts_at"),
        # The worklist's missed appointments to rebook read no-shows by date (schema 0010).
        Index("ix_appointments_status_start", "status", "starts_at"),
    )
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    provider_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("providers.id"))
    type_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("appointment_types.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status: Mapped[AppointmentStatus] = mapped_column(
        _enum(AppointmentStatus), default=AppointmentStatus.BOOKED
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    follow_up_of_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("appointments.id"))
    rescheduled_from_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("appointments.id")
    )
    arrived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    booked_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # Came without an appointment: joined the check-in queue on arrival (no slot was booked,
    # so it is never a double booking).
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class AppointmentEvent(Synced, Base):
    """One status transition, timestamped and attributed. Append-only."""

    __tablename__ = "appointment_events"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    appointment_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("appointments.id"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class FormRecord(Synced, Base):
    """A filled form. A signed record is immutable; a correction is a new record that
    points at the one it supersedes."""

    __tablename__ = "form_records"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("patients.id"), index=True
    )
    definition_id: Mapped[str] = mapped_column(String(100))
    definition_version: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(16), default="en")
    # Mutable: an answer changed in place (record.answers["x"] = …) is still saved and sent,
    # answer by answer ("answers.<name>": its own patch key and clock stamp).
    __keyed_fields__ = frozenset({"answers"})
    answers: Mapped[dict[str, Any]] = mapped_column(MutableDict.as_mutable(JSON), default=dict)
    status: Mapped[FormStatus] = mapped_column(_enum(FormStatus), default=FormStatus.DRAFT)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("form_records.id"))
    correction_reason: Mapped[str | None] = mapped_column(Text)
    # Fingerprint of the definition text it was filled with: a reprint can tell if the
    # definition file of that version was altered after the fact.
    definition_fingerprint: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class ClinicForm(Synced, Base):
    """A form definition or translation file an administrator installed for the clinic.

    Published versions never change: a row is never edited in place (a database trigger
    refuses it), only tombstoned. `definition` is the file's text exactly as installed,
    `sha256` the SHA-256 of its bytes; `kind` is "form" or "translation" (`language` then
    names the language it adds). `replaces_shipped` marks a version of a form shipped with
    Outpost that the administrator installed on purpose (`--replace-shipped`): it prints
    as the clinic's own.
    """

    __tablename__ = "clinic_forms"
    __table_args__ = (Index("ix_clinic_forms_form", "form_id", "version"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="form")
    language: Mapped[str] = mapped_column(String(16), default="")
    definition: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    replaces_shipped: Mapped[bool] = mapped_column(Boolean, default=False)
    installed_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    installed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEvent(Synced, Base):
    """Who did what to which record, and who opened which chart. Append-only.

    `detail` names fields, never their values: the audit trail must not become a second,
    less protected copy of patient data.
    """

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OutboxEntry(Base):
    """A change waiting to be sent to HQ, written in the same transaction as the change."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)  # local send order
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, default=new_id, unique=True)
    entity: Mapped[str] = mapped_column(String(64))
    # Indexed: every local update looks for the record's unsent entry to merge into.
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(10))  # "insert" | "update" | "delete"
    # Field-level patch: {field: {"v": value-as-json, "hlc": stamp}}
    patch: Mapped[dict[str, Any]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_batch: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    acked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)


class Attachment(Base):
    """A signature, thumbprint or scan, stored once under the SHA-256 of its bytes.

    Content-addressed and immutable: a record refers to it by hash, sync asks HQ which
    hashes it lacks and sends only those.
    """

    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class NeedsAttention(Base):
    """A change from another device that a person must look at, or a value that lost.

    Local bookkeeping of this device (not itself synced yet): each device lists what *it*
    met when applying remote changes. `reason` says why:
    - "safety_critical": allergies, medications, date of birth or sex differ between this
      device and another; nothing was settled, both values are here.
    - "signed_here": another device edited a form that is signed here (signed forms are
      immutable; a correction is a new version); the edit was not applied.
    - "edit_against_delete": an edit met a deletion of the same record.
    - "superseded": an ordinary field edited on two devices; the newer edit (by clock stamp)
      won and the losing value is kept here. Settled at once (`resolution`
      "newer_edit_kept"), so it is never in the list of things to look at.
    """

    __tablename__ = "needs_attention"
    __table_args__ = (Index("ix_needs_attention_entity", "entity", "entity_id"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    patient_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    field: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(32))
    local_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    local_hlc: Mapped[str | None] = mapped_column(String(40))
    local_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    remote_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    remote_hlc: Mapped[str | None] = mapped_column(String(40))
    remote_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    remote_change_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    resolution: Mapped[str | None] = mapped_column(String(32))


class ParkedChange(Base):
    """A change from another device that cannot be applied yet: its record (or a record it
    points at) has not arrived. Retried on every apply; removed once applied."""

    __tablename__ = "remote_parked"
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(10))
    patch: Mapped[dict[str, Any]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Meta(Base):
    """Small facts about this store: its id, the clinic id, the clock's high-water mark.

    Never this laptop's device id: that lives in a file beside the database
    (desktop.store.device), so a backup restored elsewhere does not carry it.
    """

    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- the name-term index of typo-tolerant search (desktop.store.name_index) ---------------
# Kept by triggers on `patients` (migration 0009), never written by the ORM, never synced:
# every laptop derives it from its own patients.


class NameTerm(Base):
    """A distinct term of the patient name index, with the live patients carrying it."""

    __tablename__ = "name_terms"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(Text, unique=True)
    docs: Mapped[int] = mapped_column(Integer)
    skeleton: Mapped[str | None] = mapped_column(Text, index=True)


class NameTermDeletion(Base):
    """One string left by deleting letters from a term's beginning (the deletion index)."""

    __tablename__ = "name_term_deletes"
    __table_args__ = ({"sqlite_with_rowid": False},)
    deletion: Mapped[str] = mapped_column(Text, primary_key=True)
    # No foreign key: the triggers remove a term's deletions with it, and a checked
    # reference would cost a lookup on each of the millions of rows a large clinic writes.
    term_id: Mapped[int] = mapped_column(Integer, primary_key=True)


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Clinic,
    User,
    Patient,
    Provider,
    AppointmentType,
    WorkingHours,
    Appointment,
    AppointmentEvent,
    FormRecord,
    ClinicForm,
    AuditEvent,
)


# --- follow-through: results and their relay, referrals, the facility directory ----------
# (desktop/services/results.py, referrals.py; specs in desktop/records/kinds.py; migration
# 0008). Declared after SYNCED_MODELS and added to it here, in dependency order (a facility
# before what is sent to it, a result before its relay attempts), so this stays one block.


class FacilityKind(enum.StrEnum):
    SPECIALIST = "specialist"
    LAB = "lab"
    HOSPITAL = "hospital"
    REHABILITATION = "rehabilitation"


class ResultCategory(enum.StrEnum):
    LAB = "lab"
    IMAGING = "imaging"
    OTHER = "other"


class ResultStatus(enum.StrEnum):
    ORDERED = "ordered"  # asked for; the sample or patient not yet sent
    SENT = "sent"  # the sample (or the patient) went to the lab or imaging centre
    RECEIVED = "received"  # the result is here: to be relayed to the patient
    INFORMED = "informed"  # the patient was told
    ESCALATED = "escalated"  # urgent and not reached in time: handed to a clinician / CHW
    CANCELLED = "cancelled"


class RelayMethod(enum.StrEnum):
    PHONE = "phone"
    SMS = "sms"  # sent from the coordinator's phone
    IN_PERSON = "in_person"
    NEXT_OF_KIN = "next_of_kin"  # a message left with the next of kin


class RelayOutcome(enum.StrEnum):
    INFORMED = "informed"
    NO_ANSWER = "no_answer"
    UNREACHABLE = "unreachable"  # switched off, no network
    WRONG_NUMBER = "wrong_number"
    MESSAGE_LEFT = "message_left"  # SMS sent or message left, not confirmed


class ReferralUrgency(enum.StrEnum):
    ROUTINE = "routine"
    URGENT = "urgent"
    EMERGENCY = "emergency"


class ReferralStatus(enum.StrEnum):
    DRAFTED = "drafted"
    SENT = "sent"
    APPOINTMENT_GIVEN = "appointment_given"
    SEEN = "seen"
    FEEDBACK_RECEIVED = "feedback_received"
    CLOSED = "closed"
    DECLINED = "declined"
    LOST = "lost"  # lost to follow-up


class Facility(Synced, Base):
    """A specialist, lab, hospital or rehabilitation centre the clinic sends patients or
    samples to (the clinic's directory, synced)."""

    __tablename__ = "facilities"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[FacilityKind] = mapped_column(_enum(FacilityKind))
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    address: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Result(Synced, Base):
    """A lab, imaging or other result: ordered, sent, received, then relayed to the patient.

    `measurements` is {"items": [{"name", "value", "unit", "flag", "range"}, …]} in the order
    the report gives them; `attachment` a scanned report kept as an attachment
    ({"image_sha256", "media_type", "name"}), so sync sends its bytes once."""

    __tablename__ = "results"
    __table_args__ = (Index("ix_results_status_received", "status", "received_on"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    category: Mapped[ResultCategory] = mapped_column(_enum(ResultCategory))
    test_name: Mapped[str] = mapped_column(String(200))
    ordered_on: Mapped[dt.date] = mapped_column(Date)
    ordered_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    facility_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("facilities.id"))
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    expected_on: Mapped[dt.date | None] = mapped_column(Date)
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    result_text: Mapped[str] = mapped_column(Text, default="")
    measurements: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    attachment: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    reviewed_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    review_note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ResultStatus] = mapped_column(_enum(ResultStatus), default=ResultStatus.ORDERED)
    informed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    escalated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    escalated_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    notes: Mapped[str] = mapped_column(Text, default="")


class ResultRelay(Synced, Base):
    """One attempt to tell the patient a result: how, with what outcome, when, by whom."""

    __tablename__ = "result_relays"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    result_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("results.id"), index=True)
    # The result's patient, here too: a patient merge moves the attempts with the result, and
    # every attempt announces which patient's record changed.
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    method: Mapped[RelayMethod] = mapped_column(_enum(RelayMethod))
    outcome: Mapped[RelayOutcome] = mapped_column(_enum(RelayOutcome))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    made_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    note: Mapped[str] = mapped_column(Text, default="")


class Referral(Synced, Base):
    """A patient referred to a facility, tracked until the loop closes."""

    __tablename__ = "referrals"
    __table_args__ = (Index("ix_referrals_status_sent", "status", "sent_on"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    facility_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("facilities.id"))
    reason: Mapped[str] = mapped_column(Text)
    urgency: Mapped[ReferralUrgency] = mapped_column(
        _enum(ReferralUrgency), default=ReferralUrgency.ROUTINE
    )
    status: Mapped[ReferralStatus] = mapped_column(
        _enum(ReferralStatus), default=ReferralStatus.DRAFTED
    )
    referred_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    appointment_on: Mapped[dt.date | None] = mapped_column(Date)
    seen_on: Mapped[dt.date | None] = mapped_column(Date)
    feedback_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    counter_referral: Mapped[str] = mapped_column(Text, default="")
    end_reason: Mapped[str] = mapped_column(Text, default="")  # why declined or lost
    notes: Mapped[str] = mapped_column(Text, default="")


class ClinicRule(Synced, Base):
    """A clinic's follow-through rule (a number of days), one row per rule, the same on every
    laptop. Its id is derived from the clinic and the rule's name, so two laptops that set
    the same rule offline write the same record (merged by clock stamp at sync)."""

    __tablename__ = "clinic_rules"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    value: Mapped[int] = mapped_column(Integer)


SYNCED_MODELS = (*SYNCED_MODELS, Facility, Result, ResultRelay, Referral, ClinicRule)


# --- follow-through, continued: care plans, coverage, billing and claims ------------------
# (services in desktop/services/care_plans.py, coverage.py, billing.py, claims.py; specs in
# desktop/records/kinds.py; migration 0010). Money is always a whole number of the currency's
# minor units (cents; a franc CFA has none), in the clinic's currency (`Clinic.currency`).


class CarePlanStatus(enum.StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class CareItemKind(enum.StrEnum):
    PROBLEM = "problem"  # what the plan is about ("type 2 diabetes, poorly controlled")
    GOAL = "goal"  # what it aims at ("HbA1c under 7% by June")
    TASK = "task"  # an intervention someone does, with an owner and a due date
    FOLLOW_UP = "follow_up"  # a scheduled visit or call, often repeating (monthly review)


class CareItemStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class CarePlan(Synced, Base):
    """A patient's care plan: what it is for, who leads it, and when it is next reviewed."""

    __tablename__ = "care_plans"
    __table_args__ = (Index("ix_care_plans_status_review", "status", "review_on"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[CarePlanStatus] = mapped_column(
        _enum(CarePlanStatus), default=CarePlanStatus.ACTIVE
    )
    started_on: Mapped[dt.date] = mapped_column(Date)
    review_on: Mapped[dt.date | None] = mapped_column(Date)
    lead_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # a user of the clinic
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class CarePlanItem(Synced, Base):
    """One problem, goal, task or follow-up of a care plan. A task or follow-up done is
    checked off with who and when; one that repeats (`repeat_days`) is followed by the next
    occurrence, a new item, so each visit keeps its own record."""

    __tablename__ = "care_plan_items"
    __table_args__ = (Index("ix_care_plan_items_status_due", "status", "due_on"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    care_plan_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("care_plans.id"), index=True)
    # The plan's patient, here too, as for relay attempts: a merge moves the items with it.
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    kind: Mapped[CareItemKind] = mapped_column(_enum(CareItemKind))
    description: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # a user of the clinic, or …
    owner_name: Mapped[str] = mapped_column(String(200), default="")  # … someone else (a CHW)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    repeat_days: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[CareItemStatus] = mapped_column(
        _enum(CareItemStatus), default=CareItemStatus.OPEN
    )
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    appointment_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("appointments.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class SchemeKind(enum.StrEnum):
    GOVERNMENT = "government"  # a national health insurance fund
    INSURER = "insurer"  # a private insurer
    COMMUNITY = "community"  # a community-based (mutual) scheme
    EMPLOYER = "employer"
    OTHER = "other"


class VerificationMethod(enum.StrEnum):
    PORTAL = "portal"  # the scheme's web or USSD portal
    PHONE = "phone"  # a call to the scheme
    SMS = "sms"
    CARD_SEEN = "card_seen"  # the membership card, looked at
    LETTER = "letter"  # a letter or stamp from the scheme or employer


class VerificationResult(enum.StrEnum):
    VERIFIED = "verified"  # covered today
    NOT_COVERED = "not_covered"  # lapsed, suspended, not a member
    COULD_NOT_CHECK = "could_not_check"  # portal down, no answer


class CoverageScheme(Synced, Base):
    """An insurer or scheme the clinic's patients belong to (the clinic's list, synced)."""

    __tablename__ = "coverage_schemes"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[SchemeKind] = mapped_column(_enum(SchemeKind))
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    address: Mapped[str] = mapped_column(Text, default="")
    # How long a verification holds before the membership is checked again.
    verify_every_days: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class CoverageMembership(Synced, Base):
    """A patient's membership of a scheme: the number, whose it is, when it is valid."""

    __tablename__ = "coverage_memberships"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    scheme_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("coverage_schemes.id"), index=True
    )
    member_number: Mapped[str] = mapped_column(String(64))
    holder_name: Mapped[str] = mapped_column(String(200), default="")  # the principal member
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # false: ended by the clinic
    notes: Mapped[str] = mapped_column(Text, default="")


class CoverageCheck(Synced, Base):
    """One verification of a membership: when, how, with what result, by whom."""

    __tablename__ = "coverage_checks"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    membership_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("coverage_memberships.id"), index=True
    )
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    method: Mapped[VerificationMethod] = mapped_column(_enum(VerificationMethod))
    result: Mapped[VerificationResult] = mapped_column(_enum(VerificationResult))
    made_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reference: Mapped[str] = mapped_column(String(100), default="")  # the scheme's reference
    note: Mapped[str] = mapped_column(Text, default="")


class InvoiceStatus(enum.StrEnum):
    DRAFT = "draft"  # lines still being added
    ISSUED = "issued"  # given to the patient (or the scheme); its lines are fixed
    PAID = "paid"  # payments and paid claims cover it
    VOID = "void"  # issued in error


class PaymentMethod(enum.StrEnum):
    CASH = "cash"
    MOBILE_MONEY = "mobile_money"
    CARD = "card"
    BANK = "bank"
    SCHEME = "scheme"  # paid by the scheme on a claim
    WAIVED = "waived"  # written off by the clinic


class ClaimStatus(enum.StrEnum):
    DRAFTED = "drafted"
    SUBMITTED = "submitted"
    PAID = "paid"
    REJECTED = "rejected"
    RESUBMITTED = "resubmitted"
    WITHDRAWN = "withdrawn"


class PriceItem(Synced, Base):
    """One line of the clinic's price list (a consultation, a test, a medicine)."""

    __tablename__ = "price_items"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(64), default="")
    amount: Mapped[int] = mapped_column(Integer)  # minor units of the clinic's currency
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Invoice(Synced, Base):
    """The bill for a visit: its lines, the visit's diagnoses, payments and claims point here.

    `number` is assigned by the laptop that issues it, prefixed like clinic numbers so that
    two laptops offline never issue the same one."""

    __tablename__ = "invoices"
    __table_args__ = (Index("ix_invoices_status_issued", "status", "issued_on"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    appointment_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("appointments.id"))
    number: Mapped[str] = mapped_column(String(32), default="", index=True)
    status: Mapped[InvoiceStatus] = mapped_column(_enum(InvoiceStatus), default=InvoiceStatus.DRAFT)
    currency: Mapped[str] = mapped_column(String(3))  # ISO 4217, the clinic's at the time
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    issued_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # The total as issued (minor units): what the paper says, whatever line another laptop
    # still holding the draft adds or removes afterwards. None while a draft.
    issued_total: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Why it was voided, apart from the notes (a notes edit on another laptop keeps it).
    void_reason: Mapped[str] = mapped_column(Text, default="")


class InvoiceLine(Synced, Base):
    """One charge on an invoice, priced from the price list when it was added."""

    __tablename__ = "invoice_lines"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("invoices.id"), index=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    price_item_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("price_items.id"))
    description: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_amount: Mapped[int] = mapped_column(Integer)  # minor units


class Diagnosis(Synced, Base):
    """A diagnosis of a visit, coded in ICD-10 (WHO 2019) at its most specific level."""

    __tablename__ = "diagnoses"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("invoices.id"), index=True
    )
    appointment_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("appointments.id"))
    code: Mapped[str] = mapped_column(String(8))  # "J18.9"
    title: Mapped[str] = mapped_column(String(300))  # the WHO title at the time it was coded
    primary: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_on: Mapped[dt.date] = mapped_column(Date)
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class Payment(Synced, Base):
    """Money received against an invoice; its receipt number is assigned like invoice
    numbers. A payment made in error is tombstoned, never edited."""

    __tablename__ = "payments"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("invoices.id"), index=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    amount: Mapped[int] = mapped_column(Integer)  # minor units
    method: Mapped[PaymentMethod] = mapped_column(_enum(PaymentMethod))
    paid_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    received_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    receipt_number: Mapped[str] = mapped_column(String(32), default="", index=True)
    reference: Mapped[str] = mapped_column(String(100), default="")  # mobile-money code
    claim_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # the claim a scheme paid on


class Claim(Synced, Base):
    """A claim to a scheme for (part of) an invoice, tracked until it is paid."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_status_submitted", "status", "submitted_on"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("invoices.id"), index=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("patients.id"), index=True)
    membership_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("coverage_memberships.id"))
    amount: Mapped[int] = mapped_column(Integer)  # minor units claimed
    status: Mapped[ClaimStatus] = mapped_column(_enum(ClaimStatus), default=ClaimStatus.DRAFTED)
    submitted_on: Mapped[dt.date | None] = mapped_column(Date)
    submitted_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)  # paid or rejected
    paid_amount: Mapped[int | None] = mapped_column(Integer)
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(String(100), default="")  # the scheme's number
    notes: Mapped[str] = mapped_column(Text, default="")


SYNCED_MODELS = (
    *SYNCED_MODELS,
    CarePlan,
    CarePlanItem,
    CoverageScheme,
    CoverageMembership,
    CoverageCheck,
    PriceItem,
    Invoice,
    InvoiceLine,
    Diagnosis,
    Payment,
    Claim,
)
