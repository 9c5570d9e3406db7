"""The synced record kinds, declared as data (see `desktop.records.spec`).

A new kind (results, referrals, care plans, claims) is a new `RecordSpec` here plus its model
and migration; get/list, tombstone filters, status checks, the remote apply step and the
tests that compare specs, models and migrations pick it up from `SPECS`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from desktop import money
from desktop.messages import Message, msg
from desktop.permissions import Permission
from desktop.records.spec import FieldSpec, RecordSpec, StatusMachine
from desktop.store.models import (
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
    AppointmentType,
    AuditEvent,
    CareItemKind,
    CareItemStatus,
    CarePlan,
    CarePlanItem,
    CarePlanStatus,
    Claim,
    ClaimStatus,
    Clinic,
    ClinicForm,
    ClinicRule,
    CoverageCheck,
    CoverageMembership,
    CoverageScheme,
    Diagnosis,
    Facility,
    FacilityKind,
    FormRecord,
    FormStatus,
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    Patient,
    Payment,
    PaymentMethod,
    PriceItem,
    Provider,
    Referral,
    ReferralStatus,
    ReferralUrgency,
    RelayMethod,
    RelayOutcome,
    Result,
    ResultCategory,
    ResultRelay,
    ResultStatus,
    Role,
    SchemeKind,
    Sex,
    User,
    VerificationMethod,
    VerificationResult,
    WorkingHours,
)

F = FieldSpec
S = AppointmentStatus


def text(name: str, length: int | None = None, **options: Any) -> FieldSpec:
    return FieldSpec(name, str, max_length=length, **options)


def maybe(name: str, kind: type, **options: Any) -> FieldSpec:
    return FieldSpec(name, kind, nullable=True, **options)


def _between(low: int, high: int, what: str) -> Any:
    def check(value: Any) -> str | None:
        return None if low <= value <= high else f"{what} must be between {low} and {high}"

    return check


def _currency_problem(value: Any) -> str | None:
    """An ISO 4217 code Babel knows (its minor units decide how amounts are kept)."""
    from babel.numbers import list_currencies

    if isinstance(value, str) and value in list_currencies():
        return None
    return f"{value!r} is not a currency code (ISO 4217, such as KES, TZS or XOF)"


def _icd10_problem(value: Any) -> str | None:
    """A billable ICD-10 code (WHO 2019) at its most specific level: J18.9, not J18."""
    from desktop.services import icd10

    return icd10.code_problem(value)


def _account_key(part: str) -> Any:
    def check(value: Any) -> str | None:
        from desktop.store import account_keys

        if part == "public":
            return account_keys.public_problem(value)
        if part == "grant":
            from desktop.store import account_grants

            return account_grants.grant_problem(value)
        return account_keys.wrapped_problem(value)

    return check


# Fields whose values are never shown, printed, logged or copied into the needs-attention
# list or audit details (by kind): the account keys. Their names may be.
UNSHOWN: dict[str, frozenset[str]] = {
    "users": frozenset({"key_public", "key_wrapped", "account_grant"})
}


def is_unshown(kind: str, key: str) -> bool:
    """True for a patch key whose value must never be shown (see UNSHOWN)."""
    return key.split(".", 1)[0] in UNSHOWN.get(kind, frozenset())


# Every synced record carries these (desktop.store.models.Synced).
COMMON: tuple[FieldSpec, ...] = (
    F("id", uuid.UUID, required=True, indexed=True),
    F("clinic_id", uuid.UUID, required=True, indexed=True),
    F("deleted", bool),
    F("created_at", dt.datetime, required=True),
)


# --- status machines -------------------------------------------------------------------------

APPOINTMENT_WORDS: dict[Any, Message] = {
    S.BOOKED: msg("booked"),
    S.ARRIVED: msg("arrived"),
    S.IN_CONSULTATION: msg("in consultation"),
    S.COMPLETED: msg("completed"),
    S.NO_SHOW: msg("no show"),
    S.CANCELLED: msg("cancelled"),
    S.RESCHEDULED: msg("rescheduled"),
}

APPOINTMENT_STATUS = StatusMachine(
    field="status",
    transitions={
        S.BOOKED: frozenset({S.ARRIVED, S.NO_SHOW, S.CANCELLED, S.RESCHEDULED}),
        S.ARRIVED: frozenset({S.IN_CONSULTATION, S.COMPLETED, S.CANCELLED}),
        S.IN_CONSULTATION: frozenset({S.COMPLETED}),
        S.COMPLETED: frozenset(),
        S.NO_SHOW: frozenset({S.ARRIVED}),  # the patient turned up late after all
        S.CANCELLED: frozenset(),
        S.RESCHEDULED: frozenset(),
    },
    words=APPOINTMENT_WORDS,
    refused=lambda status, to: msg(
        "An appointment that is {status} cannot become {to}.", status=status, to=to
    ),
)

FORM_STATUS = StatusMachine(
    field="status",
    transitions={
        # A draft or a final form may be edited again (back to draft) or completed; a signed
        # form never changes: a correction is a new record that supersedes it.
        FormStatus.DRAFT: frozenset({FormStatus.DRAFT, FormStatus.FINAL, FormStatus.SIGNED}),
        FormStatus.FINAL: frozenset({FormStatus.DRAFT, FormStatus.FINAL, FormStatus.SIGNED}),
        FormStatus.SIGNED: frozenset(),
    },
    words={
        FormStatus.DRAFT: msg("draft"),
        FormStatus.FINAL: msg("final"),
        FormStatus.SIGNED: msg("signed"),
    },
    refused=lambda status, to: msg(
        "A form that is {status} cannot become {to}.", status=status, to=to
    ),
)


# --- the kinds -----------------------------------------------------------------------------

CLINICS: RecordSpec[Clinic] = RecordSpec(
    kind="clinics",
    model=Clinic,
    fields=(
        *COMMON,
        text("name", 200, required=True),
        text("country", 2, required=True),
        text("timezone", 64, required=True),
        text("phone", 20),
        text("address"),
        text("paper_size", 10),
        text("code", 8),
        F("opening_hours", dict),
        # Set once, before any amount is kept (desktop/services/clinic.py). Not safety-critical:
        # that would hold every first setting back from the other laptops as a disagreement
        # with "" (two administrators choosing different currencies offline is left to the
        # clock stamp, the losing choice on record as superseded).
        text("currency", 3, checks=(_currency_problem,)),
    ),
    not_found=lambda i: msg("No clinic with id {id}.", id=i),
    read=None,
    write=Permission.MANAGE_CLINIC,
)

USERS: RecordSpec[User] = RecordSpec(
    kind="users",
    model=User,
    fields=(
        *COMMON,
        text("username", 64, required=True, indexed=True),
        text("display_name", 200, required=True),
        F("role", Role, required=True),
        F("active", bool),
        # The account's key pair for every laptop (desktop.store.account_keys): travels, is
        # checked on arrival, and is never shown, printed, logged or put in audit values.
        maybe("key_public", dict, checks=(_account_key("public"),)),
        maybe("key_wrapped", dict, checks=(_account_key("wrapped"),)),
        # Who vouches for the account's state (desktop.store.account_grants): checked for its
        # shape on arrival; whether it is genuine is the mirror's question.
        maybe("account_grant", dict, checks=(_account_key("grant"),)),
    ),
    not_found=lambda i: msg("No user with id {id}.", id=i),
    read=None,  # names of who did what are shown to everyone
    write=Permission.MANAGE_USERS,
)

PATIENTS: RecordSpec[Patient] = RecordSpec(
    kind="patients",
    model=Patient,
    fields=(
        *COMMON,
        text("given_name", 200, required=True),
        text("family_name", 200, required=True),
        text("other_names", 200),
        F("sex", Sex, safety_critical=True),
        maybe("birth_date", dt.date, indexed=True, safety_critical=True),
        F("birth_date_estimated", bool, safety_critical=True),
        maybe("phone", str, max_length=20),
        maybe("phone_reversed", str, max_length=20, indexed=True),
        maybe("phone_alt", str, max_length=20),
        text("village", 200),
        text("address"),
        maybe("national_id", str, max_length=64, indexed=True),
        maybe("clinic_number", str, max_length=64, indexed=True),
        text("next_of_kin_name", 200),
        text("next_of_kin_relation", 64),
        maybe("next_of_kin_phone", str, max_length=20),
        text("preferred_language", 16),
        text("coverage_scheme", 100),
        text("coverage_member_id", 64),
        text("notes"),
        maybe("merged_into", uuid.UUID),  # the survivor, on a merged patient's tombstone
    ),
    not_found=lambda i: msg("No patient with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.EDIT_PATIENTS,
    patient_link="id",
)

PROVIDERS: RecordSpec[Provider] = RecordSpec(
    kind="providers",
    model=Provider,
    fields=(*COMMON, text("name", 200, required=True), text("title", 100), F("active", bool)),
    not_found=lambda i: msg("No provider with id {id}.", id=i),
    read=None,
    write=Permission.MANAGE_CLINIC,
)

APPOINTMENT_TYPES: RecordSpec[AppointmentType] = RecordSpec(
    kind="appointment_types",
    model=AppointmentType,
    fields=(
        *COMMON,
        text("name", 100, required=True),
        F(
            "duration_minutes",
            int,
            required=True,
            checks=(_between(5, 480, "a duration in minutes"),),
        ),
        F("active", bool),
    ),
    not_found=lambda i: msg("No appointment type with id {id}.", id=i),
    read=None,
    write=Permission.MANAGE_CLINIC,
)

WORKING_HOURS: RecordSpec[WorkingHours] = RecordSpec(
    kind="working_hours",
    model=WorkingHours,
    fields=(
        *COMMON,
        F("provider_id", uuid.UUID, required=True, indexed=True),
        F("weekday", int, required=True, checks=(_between(0, 6, "a weekday"),)),
        F("start", dt.time, required=True),
        F("end", dt.time, required=True),
    ),
    not_found=lambda i: msg("No working hours with id {id}.", id=i),
    read=None,
    write=Permission.MANAGE_CLINIC,
)

APPOINTMENTS: RecordSpec[Appointment] = RecordSpec(
    kind="appointments",
    model=Appointment,
    fields=(
        *COMMON,
        F("patient_id", uuid.UUID, required=True, indexed=True),
        # Leads the (provider, start) index the clash check reads.
        F("provider_id", uuid.UUID, required=True, indexed=True),
        F("type_id", uuid.UUID, required=True),
        F("starts_at", dt.datetime, required=True, indexed=True),
        F("ends_at", dt.datetime, required=True),
        F("status", AppointmentStatus, required=True, indexed=True),
        text("reason"),
        maybe("follow_up_of_id", uuid.UUID),
        maybe("rescheduled_from_id", uuid.UUID),
        maybe("arrived_at", dt.datetime),
        maybe("booked_by", uuid.UUID),
        F("walk_in", bool),
    ),
    not_found=lambda i: msg("No appointment with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_APPOINTMENTS,
    patient_link="patient_id",
    status=APPOINTMENT_STATUS,
)

APPOINTMENT_EVENTS: RecordSpec[AppointmentEvent] = RecordSpec(
    kind="appointment_events",
    model=AppointmentEvent,
    fields=(
        *COMMON,
        F("appointment_id", uuid.UUID, required=True, indexed=True),
        maybe("from_status", str, max_length=20),
        text("to_status", 20, required=True),
        F("at", dt.datetime, required=True),
        maybe("user_id", uuid.UUID),
    ),
    not_found=lambda i: msg("No appointment event with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=None,  # written by the appointment book itself
    append_only=True,
)

FORM_RECORDS: RecordSpec[FormRecord] = RecordSpec(
    kind="form_records",
    model=FormRecord,
    fields=(
        *COMMON,
        maybe("patient_id", uuid.UUID, indexed=True),
        text("definition_id", 100, required=True),
        F("definition_version", int, required=True),
        text("language", 16),
        F("answers", dict, keyed=True),
        F("status", FormStatus, required=True),
        maybe("supersedes_id", uuid.UUID),
        maybe("correction_reason", str),
        maybe("definition_fingerprint", str, max_length=64),
        maybe("created_by", uuid.UUID),
        maybe("signed_at", dt.datetime),
    ),
    not_found=lambda i: msg("No form record with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.FILL_FORMS,
    patient_link="patient_id",
    status=FORM_STATUS,
    # What the intake (and the referral letter) record of allergies and medicines.
    safety_critical_keys=frozenset(
        {
            "answers.has_allergies",
            "answers.allergies",
            "answers.takes_medication",
            "answers.medications",
        }
    ),
    immutable_when=("status", FormStatus.SIGNED),
)

CLINIC_FORMS: RecordSpec[ClinicForm] = RecordSpec(
    kind="clinic_forms",
    model=ClinicForm,
    fields=(
        *COMMON,
        text("form_id", 100, required=True, indexed=True),
        F("version", int, required=True, checks=(_between(1, 2**31 - 1, "a form version"),)),
        text("kind", 16, required=True),
        text("language", 16),
        text("definition", required=True),
        text("sha256", 64, required=True),
        F("replaces_shipped", bool),
        maybe("installed_by", uuid.UUID),
        F("installed_at", dt.datetime, required=True),
    ),
    not_found=lambda i: msg("No installed form with id {id}.", id=i),
    read=None,  # every signed-in person prints with them
    write=Permission.MANAGE_CLINIC,
    # A published version never changes (a trigger refuses edits): install a new version.
    append_only=True,
)

AUDIT_EVENTS: RecordSpec[AuditEvent] = RecordSpec(
    kind="audit_events",
    model=AuditEvent,
    fields=(
        *COMMON,
        F("at", dt.datetime, required=True, indexed=True),
        maybe("user_id", uuid.UUID),
        text("action", 32, required=True),
        text("entity", 64, required=True, indexed=True),
        maybe("entity_id", uuid.UUID),
        F("detail", dict),
    ),
    not_found=lambda i: msg("No audit event with id {id}.", id=i),
    read=Permission.MANAGE_USERS,
    write=None,  # written by the outbox hook and the audit service
    append_only=True,
)

# --- follow-through: results, their relay, referrals, facilities, the clinic's rules -------
# (desktop/services/results.py and referrals.py hold the behaviour; these say what the
# records are, so sync, the audit trail, tombstones, validation and a patient merge need
# nothing more.)

R = ResultStatus
RESULT_WORDS: dict[Any, Message] = {
    R.ORDERED: msg("ordered"),
    R.SENT: msg("sent"),
    R.RECEIVED: msg("received"),
    R.INFORMED: msg("patient informed"),
    R.ESCALATED: msg("escalated"),
    R.CANCELLED: msg("cancelled"),
}

RESULT_STATUS = StatusMachine(
    field="status",
    transitions={
        R.ORDERED: frozenset({R.SENT, R.RECEIVED, R.CANCELLED}),  # in-house: received at once
        R.SENT: frozenset({R.RECEIVED, R.CANCELLED}),
        R.RECEIVED: frozenset({R.INFORMED, R.ESCALATED}),
        # Escalated (urgent, not reached in time): attempts go on until the patient is told.
        R.ESCALATED: frozenset({R.INFORMED}),
        R.INFORMED: frozenset(),
        R.CANCELLED: frozenset(),
    },
    words=RESULT_WORDS,
    refused=lambda status, to: msg(
        "A result that is {status} cannot become {to}.", status=status, to=to
    ),
)

RF = ReferralStatus
REFERRAL_WORDS: dict[Any, Message] = {
    RF.DRAFTED: msg("drafted"),
    RF.SENT: msg("sent"),
    RF.APPOINTMENT_GIVEN: msg("appointment given"),
    RF.SEEN: msg("seen"),
    RF.FEEDBACK_RECEIVED: msg("feedback received"),
    RF.CLOSED: msg("closed"),
    RF.DECLINED: msg("declined"),
    RF.LOST: msg("lost to follow-up"),
}

REFERRAL_STATUS = StatusMachine(
    field="status",
    transitions={
        RF.DRAFTED: frozenset({RF.SENT, RF.DECLINED}),
        RF.SENT: frozenset({RF.APPOINTMENT_GIVEN, RF.SEEN, RF.DECLINED, RF.LOST}),
        # Again: the facility moved the appointment (a new date).
        RF.APPOINTMENT_GIVEN: frozenset({RF.APPOINTMENT_GIVEN, RF.SEEN, RF.DECLINED, RF.LOST}),
        RF.SEEN: frozenset({RF.FEEDBACK_RECEIVED, RF.CLOSED}),
        RF.FEEDBACK_RECEIVED: frozenset({RF.CLOSED}),
        RF.LOST: frozenset({RF.SEEN, RF.FEEDBACK_RECEIVED}),  # found after all
        RF.CLOSED: frozenset(),
        RF.DECLINED: frozenset(),
    },
    words=REFERRAL_WORDS,
    refused=lambda status, to: msg(
        "A referral that is {status} cannot become {to}.", status=status, to=to
    ),
)

MEASUREMENT_KEYS = frozenset({"name", "value", "unit", "flag", "range"})
MEASUREMENT_FLAGS = frozenset({"", "normal", "low", "high", "critical", "abnormal"})
MAX_MEASUREMENTS = 100


def _measurements_problem(value: Any) -> str | None:
    """What is wrong with a result's measurements ({"items": [{name, value, unit, flag,
    range}, …]}), or None."""
    if set(value) - {"items"}:
        return "measurements hold only a list of items"
    items = value.get("items", [])
    if not isinstance(items, list) or len(items) > MAX_MEASUREMENTS:
        return f"measurements are a list of at most {MAX_MEASUREMENTS} items"
    for item in items:
        if not isinstance(item, dict) or set(item) - MEASUREMENT_KEYS or not item.get("name"):
            return "each measurement has a name, and only a value, unit, flag and range"
        if not all(isinstance(v, str) and len(v) <= 200 for v in item.values()):
            return "a measurement's parts are text of at most 200 characters"
        if item.get("flag", "") not in MEASUREMENT_FLAGS:
            return "a measurement's flag is normal, low, high, critical or abnormal"
    return None


def _attachment_problem(value: Any) -> str | None:
    """A scanned report is {"image_sha256": 64 hex digits, "media_type", "name"}."""
    digest = value.get("image_sha256")
    if (
        not isinstance(digest, str)
        or len(digest) != 64
        or any(ch not in "0123456789abcdef" for ch in digest)
    ):
        return "an attachment names its content by its SHA-256"
    if set(value) - {"image_sha256", "media_type", "name"}:
        return "an attachment holds only its hash, media type and name"
    if not all(isinstance(value.get(k, ""), str) for k in ("media_type", "name")):
        return "an attachment's media type and name are text"
    return None


FACILITIES: RecordSpec[Facility] = RecordSpec(
    kind="facilities",
    model=Facility,
    fields=(
        *COMMON,
        text("name", 200, required=True),
        F("kind", FacilityKind, required=True),
        maybe("phone", str, max_length=20),
        text("address"),
        F("active", bool),
    ),
    not_found=lambda i: msg("No facility with id {id}.", id=i),
    read=None,  # the directory is no patient data
    write=Permission.MANAGE_REFERRALS,
)

RESULTS: RecordSpec[Result] = RecordSpec(
    kind="results",
    model=Result,
    fields=(
        *COMMON,
        F("patient_id", uuid.UUID, required=True, indexed=True),
        F("category", ResultCategory, required=True),
        text("test_name", 200, required=True),
        F("ordered_on", dt.date, required=True),
        maybe("ordered_by", uuid.UUID),
        maybe("facility_id", uuid.UUID),
        maybe("sent_on", dt.date),
        maybe("expected_on", dt.date),
        maybe("received_on", dt.date),
        text("result_text"),
        F("measurements", dict, checks=(_measurements_problem,)),
        maybe("attachment", dict, checks=(_attachment_problem,)),
        F("urgent", bool),
        maybe("reviewed_by", uuid.UUID),
        maybe("reviewed_at", dt.datetime),
        text("review_note"),
        # Leads the (status, received date) index the "waiting to be relayed" list reads.
        F("status", ResultStatus, required=True, indexed=True),
        maybe("informed_at", dt.datetime),
        maybe("escalated_at", dt.datetime),
        maybe("escalated_by", uuid.UUID),
        text("notes"),
    ),
    not_found=lambda i: msg("No result with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.RECORD_RESULTS,
    patient_link="patient_id",
    status=RESULT_STATUS,
)

RESULT_RELAYS: RecordSpec[ResultRelay] = RecordSpec(
    kind="result_relays",
    model=ResultRelay,
    fields=(
        *COMMON,
        F("result_id", uuid.UUID, required=True, indexed=True),
        F("patient_id", uuid.UUID, required=True, indexed=True),
        F("method", RelayMethod, required=True),
        F("outcome", RelayOutcome, required=True),
        F("at", dt.datetime, required=True),
        maybe("made_by", uuid.UUID),
        text("note"),
    ),
    not_found=lambda i: msg("No relay attempt with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.RECORD_RESULTS,
    patient_link="patient_id",
)

REFERRALS: RecordSpec[Referral] = RecordSpec(
    kind="referrals",
    model=Referral,
    fields=(
        *COMMON,
        F("patient_id", uuid.UUID, required=True, indexed=True),
        maybe("facility_id", uuid.UUID),
        text("reason", required=True),
        F("urgency", ReferralUrgency, required=True),
        # Leads the (status, sent date) index the overdue list reads.
        F("status", ReferralStatus, required=True, indexed=True),
        maybe("referred_by", uuid.UUID),
        maybe("sent_on", dt.date),
        maybe("appointment_on", dt.date),
        maybe("seen_on", dt.date),
        maybe("feedback_on", dt.date),
        maybe("closed_on", dt.date),
        text("counter_referral"),
        text("end_reason"),
        text("notes"),
    ),
    not_found=lambda i: msg("No referral with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_REFERRALS,
    patient_link="patient_id",
    status=REFERRAL_STATUS,
)

CLINIC_RULES: RecordSpec[ClinicRule] = RecordSpec(
    kind="clinic_rules",
    model=ClinicRule,
    fields=(
        *COMMON,
        text("name", 64, required=True, indexed=True),
        F("value", int, required=True, checks=(_between(0, 365, "a number of days"),)),
    ),
    not_found=lambda i: msg("No clinic rule with id {id}.", id=i),
    read=None,
    write=Permission.MANAGE_CLINIC,
)


CP = CarePlanStatus
CI = CareItemStatus
CARE_PLAN_WORDS: dict[Any, Message] = {
    CP.ACTIVE: msg("active"),
    CP.COMPLETED: msg("completed"),
    CP.CANCELLED: msg("cancelled"),
}
CARE_PLAN_STATUS = StatusMachine(
    field="status",
    transitions={
        CP.ACTIVE: frozenset({CP.COMPLETED, CP.CANCELLED}),
        CP.COMPLETED: frozenset({CP.ACTIVE}),  # the condition came back: the plan reopens
        CP.CANCELLED: frozenset(),
    },
    words=CARE_PLAN_WORDS,
    refused=lambda status, to: msg(
        "A care plan that is {status} cannot become {to}.", status=status, to=to
    ),
)
CARE_ITEM_WORDS: dict[Any, Message] = {
    CI.OPEN: msg("open"),
    CI.DONE: msg("done"),
    CI.CANCELLED: msg("cancelled"),
}
CARE_ITEM_STATUS = StatusMachine(
    field="status",
    transitions={
        CI.OPEN: frozenset({CI.DONE, CI.CANCELLED}),
        CI.DONE: frozenset({CI.OPEN}),  # ticked by mistake
        CI.CANCELLED: frozenset({CI.OPEN}),
    },
    words=CARE_ITEM_WORDS,
    refused=lambda status, to: msg(
        "A care plan item that is {status} cannot become {to}.", status=status, to=to
    ),
)

CARE_PLANS: RecordSpec[CarePlan] = RecordSpec(
    kind="care_plans",
    model=CarePlan,
    fields=(
        *COMMON,
        F("patient_id", uuid.UUID, required=True, indexed=True),
        text("title", 200, required=True),
        # Leads the (status, review date) index the "reviews due" list reads.
        F("status", CarePlanStatus, required=True, indexed=True),
        F("started_on", dt.date, required=True),
        maybe("review_on", dt.date),
        maybe("lead_by", uuid.UUID),
        maybe("ended_on", dt.date),
        text("notes"),
    ),
    not_found=lambda i: msg("No care plan with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_CARE_PLANS,
    patient_link="patient_id",
    status=CARE_PLAN_STATUS,
)

CARE_PLAN_ITEMS: RecordSpec[CarePlanItem] = RecordSpec(
    kind="care_plan_items",
    model=CarePlanItem,
    fields=(
        *COMMON,
        F("care_plan_id", uuid.UUID, required=True, indexed=True),
        F("patient_id", uuid.UUID, required=True, indexed=True),
        F("kind", CareItemKind, required=True),
        text("description", required=True),
        maybe("owner_id", uuid.UUID),
        text("owner_name", 200),
        maybe("due_on", dt.date),
        maybe("repeat_days", int, checks=(_between(1, 366, "a repeat in days"),)),
        # Leads the (status, due date) index the "due or missed" list reads.
        F("status", CareItemStatus, required=True, indexed=True),
        maybe("done_at", dt.datetime),
        maybe("done_by", uuid.UUID),
        maybe("appointment_id", uuid.UUID),
        text("note"),
    ),
    not_found=lambda i: msg("No care plan item with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_CARE_PLANS,
    patient_link="patient_id",
    status=CARE_ITEM_STATUS,
)

COVERAGE_SCHEMES: RecordSpec[CoverageScheme] = RecordSpec(
    kind="coverage_schemes",
    model=CoverageScheme,
    fields=(
        *COMMON,
        text("name", 200, required=True),
        F("kind", SchemeKind, required=True),
        maybe("phone", str, max_length=20),
        text("address"),
        F("verify_every_days", int, checks=(_between(1, 366, "days between verifications"),)),
        F("active", bool),
        text("notes"),
    ),
    not_found=lambda i: msg("No insurer or scheme with id {id}.", id=i),
    read=None,  # the list of schemes is no patient data
    write=Permission.MANAGE_COVERAGE,
)

COVERAGE_MEMBERSHIPS: RecordSpec[CoverageMembership] = RecordSpec(
    kind="coverage_memberships",
    model=CoverageMembership,
    fields=(
        *COMMON,
        F("patient_id", uuid.UUID, required=True, indexed=True),
        F("scheme_id", uuid.UUID, required=True, indexed=True),
        text("member_number", 64, required=True),
        text("holder_name", 200),
        maybe("valid_from", dt.date),
        maybe("valid_until", dt.date),
        F("active", bool),
        text("notes"),
    ),
    not_found=lambda i: msg("No coverage membership with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_COVERAGE,
    patient_link="patient_id",
)

COVERAGE_CHECKS: RecordSpec[CoverageCheck] = RecordSpec(
    kind="coverage_checks",
    model=CoverageCheck,
    fields=(
        *COMMON,
        F("membership_id", uuid.UUID, required=True, indexed=True),
        F("patient_id", uuid.UUID, required=True, indexed=True),
        F("at", dt.datetime, required=True),
        F("method", VerificationMethod, required=True),
        F("result", VerificationResult, required=True),
        maybe("made_by", uuid.UUID),
        text("reference", 100),
        text("note"),
    ),
    not_found=lambda i: msg("No coverage verification with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_COVERAGE,
    patient_link="patient_id",
)

# Minor units: a trillion cents is far beyond a bill (the most a payment, a claim, a line or
# an invoice may be: money.MAX_MINOR).
_MONEY = _between(0, money.MAX_MINOR, "an amount")

PRICE_ITEMS: RecordSpec[PriceItem] = RecordSpec(
    kind="price_items",
    model=PriceItem,
    fields=(
        *COMMON,
        text("code", 32, required=True, indexed=True),
        text("name", 200, required=True),
        text("category", 64),
        F("amount", int, required=True, checks=(_MONEY,)),
        F("active", bool),
    ),
    not_found=lambda i: msg("No price list item with id {id}.", id=i),
    read=None,  # the price list is no patient data
    write=Permission.MANAGE_CLINIC,
)

IV = InvoiceStatus
INVOICE_WORDS: dict[Any, Message] = {
    IV.DRAFT: msg("draft"),
    IV.ISSUED: msg("issued"),
    IV.PAID: msg("paid"),
    IV.VOID: msg("void"),
}
INVOICE_STATUS = StatusMachine(
    field="status",
    transitions={
        IV.DRAFT: frozenset({IV.ISSUED, IV.VOID}),
        IV.ISSUED: frozenset({IV.PAID, IV.VOID}),
        IV.PAID: frozenset({IV.ISSUED}),  # a payment made in error was removed
        IV.VOID: frozenset(),
    },
    words=INVOICE_WORDS,
    refused=lambda status, to: msg(
        "An invoice that is {status} cannot become {to}.", status=status, to=to
    ),
)

INVOICES: RecordSpec[Invoice] = RecordSpec(
    kind="invoices",
    model=Invoice,
    fields=(
        *COMMON,
        F("patient_id", uuid.UUID, required=True, indexed=True),
        maybe("appointment_id", uuid.UUID),
        text("number", 32, indexed=True),
        # Leads the (status, issued date) index the unpaid list reads.
        F("status", InvoiceStatus, required=True, indexed=True),
        text("currency", 3, required=True, checks=(_currency_problem,)),
        maybe("issued_on", dt.date),
        maybe("issued_by", uuid.UUID),
        maybe("issued_total", int, checks=(_MONEY,)),
        text("notes"),
        text("void_reason"),
    ),
    not_found=lambda i: msg("No invoice with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_BILLING,
    patient_link="patient_id",
    status=INVOICE_STATUS,
)

INVOICE_LINES: RecordSpec[InvoiceLine] = RecordSpec(
    kind="invoice_lines",
    model=InvoiceLine,
    fields=(
        *COMMON,
        F("invoice_id", uuid.UUID, required=True, indexed=True),
        F("patient_id", uuid.UUID, required=True, indexed=True),
        maybe("price_item_id", uuid.UUID),
        text("description", 200, required=True),
        F("quantity", int, required=True, checks=(_between(1, 10_000, "a quantity"),)),
        F("unit_amount", int, required=True, checks=(_MONEY,)),
    ),
    not_found=lambda i: msg("No invoice line with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_BILLING,
    patient_link="patient_id",
)

DIAGNOSES: RecordSpec[Diagnosis] = RecordSpec(
    kind="diagnoses",
    model=Diagnosis,
    fields=(
        *COMMON,
        F("patient_id", uuid.UUID, required=True, indexed=True),
        maybe("invoice_id", uuid.UUID, indexed=True),
        maybe("appointment_id", uuid.UUID),
        text("code", 8, required=True, checks=(_icd10_problem,)),
        text("title", 300, required=True),
        F("primary", bool),
        F("recorded_on", dt.date, required=True),
        maybe("recorded_by", uuid.UUID),
    ),
    not_found=lambda i: msg("No diagnosis with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.CODE_DIAGNOSES,
    patient_link="patient_id",
)

PAYMENTS: RecordSpec[Payment] = RecordSpec(
    kind="payments",
    model=Payment,
    fields=(
        *COMMON,
        F("invoice_id", uuid.UUID, required=True, indexed=True),
        F("patient_id", uuid.UUID, required=True, indexed=True),
        F("amount", int, required=True, checks=(_between(1, 10**12, "an amount"),)),
        F("method", PaymentMethod, required=True),
        F("paid_at", dt.datetime, required=True),
        maybe("received_by", uuid.UUID),
        text("receipt_number", 32, indexed=True),
        text("reference", 100),
        maybe("claim_id", uuid.UUID),
    ),
    not_found=lambda i: msg("No payment with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_BILLING,
    patient_link="patient_id",
)

CL = ClaimStatus
CLAIM_WORDS: dict[Any, Message] = {
    CL.DRAFTED: msg("drafted"),
    CL.SUBMITTED: msg("submitted"),
    CL.PAID: msg("paid"),
    CL.REJECTED: msg("rejected"),
    CL.RESUBMITTED: msg("resubmitted"),
    CL.WITHDRAWN: msg("withdrawn"),
}
CLAIM_STATUS = StatusMachine(
    field="status",
    transitions={
        CL.DRAFTED: frozenset({CL.SUBMITTED, CL.WITHDRAWN}),
        CL.SUBMITTED: frozenset({CL.PAID, CL.REJECTED, CL.WITHDRAWN}),
        CL.REJECTED: frozenset({CL.RESUBMITTED, CL.WITHDRAWN}),
        CL.RESUBMITTED: frozenset({CL.PAID, CL.REJECTED, CL.WITHDRAWN}),
        CL.PAID: frozenset(),
        CL.WITHDRAWN: frozenset(),
    },
    words=CLAIM_WORDS,
    refused=lambda status, to: msg(
        "A claim that is {status} cannot become {to}.", status=status, to=to
    ),
)

CLAIMS: RecordSpec[Claim] = RecordSpec(
    kind="claims",
    model=Claim,
    fields=(
        *COMMON,
        F("invoice_id", uuid.UUID, required=True, indexed=True),
        F("patient_id", uuid.UUID, required=True, indexed=True),
        F("membership_id", uuid.UUID, required=True),
        F("amount", int, required=True, checks=(_between(1, 10**12, "an amount"),)),
        # Leads the (status, submitted date) index the "rejected claims" list reads.
        F("status", ClaimStatus, required=True, indexed=True),
        maybe("submitted_on", dt.date),
        maybe("submitted_by", uuid.UUID),
        maybe("decided_on", dt.date),
        maybe("paid_amount", int, checks=(_MONEY,)),
        text("rejection_reason"),
        text("reference", 100),
        text("notes"),
    ),
    not_found=lambda i: msg("No claim with id {id}.", id=i),
    read=Permission.VIEW_PATIENTS,
    write=Permission.MANAGE_BILLING,
    patient_link="patient_id",
    status=CLAIM_STATUS,
)


SPECS: dict[str, RecordSpec[Any]] = {
    spec.kind: spec
    for spec in (
        CLINICS,
        USERS,
        PATIENTS,
        PROVIDERS,
        APPOINTMENT_TYPES,
        WORKING_HOURS,
        APPOINTMENTS,
        APPOINTMENT_EVENTS,
        FORM_RECORDS,
        CLINIC_FORMS,
        AUDIT_EVENTS,
        FACILITIES,
        RESULTS,
        RESULT_RELAYS,
        REFERRALS,
        CLINIC_RULES,
        CARE_PLANS,
        CARE_PLAN_ITEMS,
        COVERAGE_SCHEMES,
        COVERAGE_MEMBERSHIPS,
        COVERAGE_CHECKS,
        PRICE_ITEMS,
        INVOICES,
        INVOICE_LINES,
        DIAGNOSES,
        PAYMENTS,
        CLAIMS,
    )
}


def spec_for(kind: str) -> RecordSpec[Any]:
    """The spec of a record kind by its table name; KeyError for a kind this release lacks."""
    return SPECS[kind]
