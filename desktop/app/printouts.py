"""The follow-through's printouts: shipped forms pre-filled from the records.

    core.printing.result_letter(result_id, "sw").value.pdf
    core.printing.print(ReferralLetterPrint(referral_id, lang="fr"))

Each printout is a form definition (forms/definitions: results_letter, referral, receipt,
claim, care_plan), so its words in English, French and Swahili are the form's own data, and a
clinic can install its wording as for any form. This module only turns a record into that
form's answers; `PrintingApi` renders them and audits the print in one transaction, as it
does for every other print. Dates and amounts are written here in the print's language
(amounts with the currency's own decimals, through desktop/money.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import money
from desktop.errors import InvalidInput
from desktop.messages import msg
from desktop.permissions import Actor, Permission
from desktop.services import form_records
from desktop.services.clinic import get_clinic
from desktop.services.patients import get_patient
from desktop.services.phones import display_phone
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    FacilityKind,
    Patient,
    Result,
    ResultStatus,
)
from forms.messages import message
from forms.render.values import format_date

if TYPE_CHECKING:
    from desktop.core import ClinicCore

Paper = Literal["a4", "letter"]
NextStep = Literal["come_now", "come_soon", "as_planned"]
NEXT_STEPS: tuple[NextStep, ...] = ("come_now", "come_soon", "as_planned")

# --- what can be printed (requests for `core.printing.print`) -----------------------------------


@dataclass(frozen=True)
class ResultLetterPrint:
    """The letter telling a patient their result; `next_step` overrides the advice Outpost
    picks from the result (urgent or critical: come now; all values normal: as planned)."""

    result_id: uuid.UUID
    lang: str | None = None  # None: the patient's language, else the interface's
    paper: Paper | None = None
    next_step: NextStep | None = None


@dataclass(frozen=True)
class ReferralLetterPrint:
    referral_id: uuid.UUID
    lang: str | None = None
    paper: Paper | None = None


@dataclass(frozen=True)
class InvoicePrint:
    """An invoice with its payments: the receipt form."""

    invoice_id: uuid.UUID
    lang: str | None = None
    paper: Paper | None = None


@dataclass(frozen=True)
class ClaimPrint:
    claim_id: uuid.UUID
    lang: str | None = None
    paper: Paper | None = None


@dataclass(frozen=True)
class CarePlanPrint:
    care_plan_id: uuid.UUID
    lang: str | None = None
    paper: Paper | None = None


LetterPrint = ResultLetterPrint | ReferralLetterPrint | InvoicePrint | ClaimPrint | CarePlanPrint
LETTERS = (ResultLetterPrint, ReferralLetterPrint, InvoicePrint, ClaimPrint, CarePlanPrint)


@dataclass(frozen=True)
class Filled:
    """A form pre-filled from a record: what to render, whose it is, what to audit."""

    form_id: str
    answers: dict[str, object]
    patient: Patient
    values: dict[str, object]  # the context's values (clinic phone, currency …)
    entity: str  # the audited table
    entity_id: uuid.UUID  # the record printed (also the page's QR code)
    file_stem: str  # "result-letter" → "result-letter-2026-12-03.pdf"


@dataclass(frozen=True)
class Letters:
    """What a printout needs from the core, inside the print's transaction."""

    core: ClinicCore
    session: Session
    actor: Actor

    @property
    def today(self) -> dt.date:
        return self.core.today()

    def base_values(self, patient: Patient) -> dict[str, object]:
        """The values every printout's context carries: conditions' patient values, the
        clinic's phone and address (the letter says where to come and whom to call)."""
        clinic = get_clinic(self.session)
        values = form_records.condition_values(patient, self.today)
        if clinic.phone:
            values["clinic_phone"] = display_phone(clinic.phone, clinic.country) or clinic.phone
        if clinic.address:
            values["clinic_address"] = clinic.address
        return values

    def user_name(self, user_id: uuid.UUID | None) -> str:
        from desktop.store.models import User

        if user_id is None:
            return ""
        return self.session.scalar(select(User.display_name).where(User.id == user_id)) or ""


def build(letters: Letters, request: LetterPrint, lang: str) -> Filled:
    """The pre-filled form of `request`, its texts in `lang`; checks the actor may see it."""
    builders: dict[type, Callable[[Letters, LetterPrint, str], Filled]] = {
        ResultLetterPrint: _result_letter,  # type: ignore[dict-item]
        ReferralLetterPrint: _referral_letter,  # type: ignore[dict-item]
        InvoicePrint: _invoice,  # type: ignore[dict-item]
        ClaimPrint: _claim,  # type: ignore[dict-item]
        CarePlanPrint: _care_plan,  # type: ignore[dict-item]
    }
    letters.actor.require(Permission.VIEW_PATIENTS)
    return builders[type(request)](letters, request, lang)


def patient_of(letters: Letters, request: LetterPrint) -> Patient:
    """Whose printout it is (the preview's language follows the patient's), without
    rendering anything."""
    session = letters.session
    if isinstance(request, ResultLetterPrint):
        from desktop.services.results import get_result

        return get_patient(session, get_result(session, request.result_id).patient_id)
    if isinstance(request, ReferralLetterPrint):
        from desktop.services.referrals import get_referral

        return get_patient(session, get_referral(session, request.referral_id).patient_id)
    if isinstance(request, CarePlanPrint):
        from desktop.app import printouts_care

        return printouts_care.patient_of(letters, request)
    from desktop.app import printouts_billing

    return printouts_billing.patient_of(letters, request)


FILE_STEMS: dict[type, str] = {
    ResultLetterPrint: "result-letter",
    ReferralLetterPrint: "referral-letter",
    InvoicePrint: "invoice",
    ClaimPrint: "claim",
    CarePlanPrint: "care-plan",
}
FORM_IDS: dict[type, str] = {
    ResultLetterPrint: "results_letter",
    ReferralLetterPrint: "referral",
    InvoicePrint: "receipt",  # the latest version (v2: payments and balance)
    ClaimPrint: "claim",
    CarePlanPrint: "care_plan",
}

# --- a result, told to the patient ---------------------------------------------------------------

_FLAG_KEYS = {
    "normal": "flag_normal",
    "low": "flag_low",
    "high": "flag_high",
    "critical": "flag_critical",
    "abnormal": "flag_abnormal",
}
_NOT_YET = (ResultStatus.ORDERED, ResultStatus.SENT, ResultStatus.CANCELLED)


def _result_letter(letters: Letters, request: ResultLetterPrint, lang: str) -> Filled:
    from desktop.app.followup import read_result_detail
    from desktop.services.results import get_result

    session = letters.session
    row = get_result(session, request.result_id)
    detail = read_result_detail(letters.core, session, request.result_id)
    line = detail.line
    if line.status in _NOT_YET:
        raise InvalidInput(
            msg(
                "The result of {test} has not been received ({status}): there is nothing to "
                "tell the patient yet.",
                test=line.test_name,
                status=line.status_words,
            )
        )
    patient = get_patient(session, row.patient_id)
    values_text = "\n".join(_measurement_text(m, lang) for m in detail.measurements)
    answers: dict[str, object] = {
        "test": line.test_name,
        "category": line.category.value,
        "done_at": line.facility,
        "ordered_on": line.ordered_on.isoformat(),
        "received_on": line.received_on.isoformat() if line.received_on else None,
        "result": detail.result_text or _in_the_report(detail.attachment_name, lang),
        "values": values_text,
        "reviewed_by": detail.reviewed_by or "",
        "next_step": request.next_step or _next_step(line.urgent, detail.measurements),
        "next_appointment": _next_appointment(letters, patient.id, lang),
    }
    return Filled(
        "results_letter",
        _answered(answers),
        patient,
        letters.base_values(patient),
        "results",
        row.id,
        "result-letter",
    )


def _in_the_report(attachment_name: str | None, lang: str) -> str | None:
    """A result given only as a scanned report says where it is, rather than printing an
    empty result for the patient to puzzle over (the scan is not part of the letter)."""
    return None if attachment_name is None else message("result_in_report", lang)


def _measurement_text(measurement: object, lang: str) -> str:
    """ "Haemoglobin: 9.1 g/dL · LOW (usual range 12–16)": the value, its unit, the flag in
    the letter's language (a flag Outpost does not know prints as recorded)."""
    from desktop.services.results import Measurement

    assert isinstance(measurement, Measurement)
    text = f"{measurement.name}: {measurement.value}"
    if measurement.unit:
        text += f" {measurement.unit}"
    key = _FLAG_KEYS.get(measurement.flag.strip().lower())
    if measurement.flag:
        text += f" · {message(key, lang) if key else measurement.flag}"
    if measurement.range:
        text += f" ({message('normal_range', lang, range=measurement.range)})"
    return text


def _next_step(urgent: bool, measurements: tuple[object, ...]) -> NextStep:
    """Come now when the result is urgent or a value critical; nothing to do only when every
    value was measured normal. A result in words alone is talked over at the clinic: the
    letter cannot know what the words mean."""
    flags = [str(getattr(m, "flag", "")).strip().lower() for m in measurements]
    if urgent or "critical" in flags:
        return "come_now"
    if flags and all(flag == "normal" for flag in flags):
        return "as_planned"
    return "come_soon"


def _next_appointment(letters: Letters, patient_id: uuid.UUID, lang: str) -> str:
    """The patient's next booked appointment, as the letter writes it ("" if none)."""
    found = letters.session.scalar(
        select(Appointment.starts_at)
        .where(
            Appointment.patient_id == patient_id,
            Appointment.deleted.is_(False),
            Appointment.status == AppointmentStatus.BOOKED,
            Appointment.starts_at >= letters.core.clock.now_utc(),
        )
        .order_by(Appointment.starts_at)
        .limit(1)
    )
    if found is None:
        return ""
    local = letters.core.clock.local(found)
    return f"{format_date(local.date(), lang)}, {local:%H:%M}"


# --- a referral letter ------------------------------------------------------------------------

_SERVICE_OF_KIND = {
    FacilityKind.HOSPITAL: "hospital",
    FacilityKind.SPECIALIST: "specialist",
    FacilityKind.LAB: "laboratory",
    FacilityKind.REHABILITATION: "rehabilitation",
}


def _referral_letter(letters: Letters, request: ReferralLetterPrint, lang: str) -> Filled:
    from desktop.app.followup import read_referral

    session = letters.session
    line = read_referral(letters.core, session, request.referral_id)
    patient = get_patient(session, line.patient_id)
    clinic = get_clinic(session)
    facility = line.facility
    where = ""
    if facility is not None:
        where = " · ".join(p for p in (facility.name, facility.address, facility.phone) if p)
        where = " ".join(where.split())[:200]  # one line on the letter (the field's limit)
    answers: dict[str, object] = {
        "referral_date": (line.sent_on or line.created_on).isoformat(),
        "facility": where,
        "service": _SERVICE_OF_KIND.get(facility.kind) if facility is not None else None,
        "urgency": line.urgency.value,
        "reason": line.reason,
        "tests_done": _recent_results(letters, line.patient_id, lang),
        # Who referred, else who prints it: the letter is signed by a person.
        "clinician_name": line.referred_by or letters.actor.display_name,
        "clinician_phone": (
            display_phone(clinic.phone, clinic.country) or clinic.phone if clinic.phone else ""
        ),
        # The counter-referral, once it came back, prints in the reply part of a reprint.
        "reply_seen_on": line.seen_on.isoformat() if line.seen_on else None,
        "reply_findings": line.counter_referral,
    }
    return Filled(
        "referral",
        _answered(answers),
        patient,
        letters.base_values(patient),
        "referrals",
        line.referral_id,
        "referral-letter",
    )


# The results a referral letter carries: what came back in the last three months, the
# latest first (the receiving clinician should not repeat a test done last week).
RECENT_RESULTS_DAYS = 90
RECENT_RESULTS = 5


def _recent_results(letters: Letters, patient_id: uuid.UUID, lang: str) -> str:
    from desktop.services.results import measurements_of

    since = letters.today - dt.timedelta(days=RECENT_RESULTS_DAYS)
    rows = letters.session.scalars(
        select(Result)
        .where(
            Result.patient_id == patient_id,
            Result.deleted.is_(False),
            Result.status.not_in(_NOT_YET),
            Result.received_on >= since,
        )
        .order_by(Result.received_on.desc(), Result.created_at.desc())
        .limit(RECENT_RESULTS)
    )
    lines = []
    for row in rows:
        head = f"{format_date(row.received_on, lang)} · {row.test_name}" if row.received_on else ""
        said = [row.result_text.strip()] if row.result_text.strip() else []
        said += [_measurement_text(m, lang) for m in measurements_of(row)]
        lines.append(f"{head}: {'; '.join(said)}" if said else head)
    return "\n".join(lines)


# --- billing and care plans (their read models: printouts_billing, printouts_care) ---------------


def _invoice(letters: Letters, request: InvoicePrint, lang: str) -> Filled:
    from desktop.app import printouts_billing

    return printouts_billing.invoice(letters, request, lang)


def _claim(letters: Letters, request: ClaimPrint, lang: str) -> Filled:
    from desktop.app import printouts_billing

    return printouts_billing.claim(letters, request, lang)


def _care_plan(letters: Letters, request: CarePlanPrint, lang: str) -> Filled:
    from desktop.app import printouts_care

    return printouts_care.care_plan(letters, request, lang)


# --- helpers ------------------------------------------------------------------------------------


def _answered(answers: dict[str, object]) -> dict[str, object]:
    """Only what the record says: an empty answer prints as "not answered" or, in a part
    left for paper, as lines to write on."""
    return {k: v for k, v in answers.items() if v not in (None, "")}


def money_values(currency: str) -> dict[str, object]:
    """The context values of a bill: the currency in the table's header and its decimals."""
    if not currency:
        return {}
    return {"currency": currency, "money_decimals": money.decimals(currency)}


def amount(minor: int, currency: str) -> float | int:
    """Minor units as the number a form's line items hold (1500 XOF → 1500, 150050 KES →
    1500.5): the form prints it with the currency's decimals."""
    if not currency:
        return minor
    places = money.decimals(currency)
    return minor if places == 0 else float(money.to_decimal(minor, currency))


def amount_text(letters: Letters, minor: int, currency: str, lang: str) -> str:
    """ "Ksh 1,500.50", "1 500 F CFA": an amount in words of the print's language."""
    country = get_clinic(letters.session).country
    return money.format_amount(minor, currency, lang, country)
