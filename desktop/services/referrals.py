"""Referrals to a specialist, lab, hospital or rehabilitation centre, tracked until the loop
closes; and the clinic's directory of those facilities.

The record kinds are declared in `desktop.records.kinds` (REFERRALS, FACILITIES); the status
machine there is: drafted → sent → appointment given → seen → feedback received → closed,
or declined / lost to follow-up. This module holds what each step needs and records:
- sent: a facility to send to, and the date (today by default);
- appointment given: the appointment's date (again, when the facility moves it);
- seen: the date; feedback received: the counter-referral's words, and the date;
- declined or lost: why, in words; closed: the date.

Overdue (the clinic's rules, `followup_rules`): sent with no appointment after N days (N by
urgency), an appointment date passed without the visit being recorded, seen with no feedback
after N days.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, InvalidInput
from desktop.messages import Message, msg
from desktop.permissions import Actor, Permission
from desktop.records import get_live, kinds, list_live
from desktop.services import followup_rules
from desktop.services.phones import normalise_phone
from desktop.store.models import (
    Facility,
    FacilityKind,
    Referral,
    ReferralStatus,
    ReferralUrgency,
)

S = ReferralStatus
OPEN = (S.DRAFTED, S.SENT, S.APPOINTMENT_GIVEN, S.SEEN, S.FEEDBACK_RECEIVED, S.LOST)
ENDED = (S.CLOSED, S.DECLINED)

FACILITY_KIND_WORDS: dict[FacilityKind, Message] = {
    FacilityKind.SPECIALIST: msg("specialist"),
    FacilityKind.LAB: msg("lab"),
    FacilityKind.HOSPITAL: msg("hospital"),
    FacilityKind.REHABILITATION: msg("rehabilitation centre"),
}
URGENCY_WORDS: dict[ReferralUrgency, Message] = {
    ReferralUrgency.ROUTINE: msg("routine"),
    ReferralUrgency.URGENT: msg("urgent"),
    ReferralUrgency.EMERGENCY: msg("emergency"),
}


def _text(value: str | None, what: Message, field: str, limit: int) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise InvalidInput(
            msg("{what} is too long ({n} characters at most).", what=what, n=limit), field=field
        )
    return cleaned


# --- the facility directory ----------------------------------------------------------------


def add_facility(
    session: Session,
    actor: Actor,
    *,
    name: str,
    kind: FacilityKind,
    region: str,
    phone: str = "",
    address: str = "",
) -> Facility:
    actor.require(Permission.MANAGE_REFERRALS)
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise InvalidInput(msg("A facility needs a name."), field="name")
    cleaned = _text(cleaned, msg("The name"), "name", 200)
    same = session.scalar(
        select(Facility.id).where(
            Facility.deleted.is_(False), func.lower(Facility.name) == cleaned.lower()
        )
    )
    if same is not None:
        raise Conflict(msg("{name} is in the directory already ({id}).", name=cleaned, id=same))
    facility = Facility(
        clinic_id=actor.clinic_id,
        name=cleaned,
        kind=kind,
        phone=normalise_phone(phone, region),
        address=_text(address, msg("The address"), "address", 1000),
        active=True,
    )
    session.add(facility)
    session.flush()
    return facility


def list_facilities(
    session: Session, *, kind: FacilityKind | None = None, include_inactive: bool = False
) -> list[Facility]:
    where = []
    if kind is not None:
        where.append(Facility.kind == kind)
    if not include_inactive:
        where.append(Facility.active.is_(True))
    return list(list_live(session, kinds.FACILITIES, *where, order_by=(Facility.name,)))


def get_facility(session: Session, facility_id: uuid.UUID) -> Facility:
    facility: Facility = get_live(session, kinds.FACILITIES, facility_id)
    return facility


# --- referrals -------------------------------------------------------------------------------


def get_referral(session: Session, referral_id: uuid.UUID) -> Referral:
    referral: Referral = get_live(session, kinds.REFERRALS, referral_id)
    return referral


def _day(on: dt.date | None, today: dt.date, what: Message, field: str) -> dt.date:
    on = on or today
    if on > today:
        raise InvalidInput(msg("{what} cannot be in the future.", what=what), field=field)
    return on


def add(
    session: Session,
    actor: Actor,
    *,
    patient_id: uuid.UUID,
    reason: str,
    today: dt.date,
    facility_id: uuid.UUID | None = None,
    urgency: ReferralUrgency = ReferralUrgency.ROUTINE,
    notes: str = "",
    send_on: dt.date | None = None,
) -> Referral:
    """A referral drafted for a patient (and sent at once when `send_on` is given)."""
    actor.require(Permission.MANAGE_REFERRALS)
    get_live(session, kinds.PATIENTS, patient_id)
    why = _text(reason, msg("The reason"), "reason", 4000)
    if not why:
        raise InvalidInput(msg("Say why the patient is referred."), field="reason")
    referral = Referral(
        clinic_id=actor.clinic_id,
        patient_id=patient_id,
        facility_id=get_facility(session, facility_id).id if facility_id else None,
        reason=why,
        urgency=urgency,
        status=S.DRAFTED,
        referred_by=actor.user_id,
        notes=_text(notes, msg("The note"), "notes", 4000),
    )
    session.add(referral)
    session.flush()
    if send_on is not None:
        move(session, actor, referral.id, S.SENT, today=today, on=send_on)
    return referral


def edit(
    session: Session,
    actor: Actor,
    referral_id: uuid.UUID,
    *,
    reason: str | None = None,
    facility_id: uuid.UUID | None = None,
    urgency: ReferralUrgency | None = None,
    notes: str | None = None,
) -> Referral:
    """Change what the referral says; only the values given change."""
    actor.require(Permission.MANAGE_REFERRALS)
    referral = get_referral(session, referral_id)
    if referral.status in ENDED:
        raise Conflict(
            msg(
                "A referral that is {status} is not changed any more.",
                status=kinds.REFERRAL_STATUS.word(referral.status),
            )
        )
    if reason is not None:
        why = _text(reason, msg("The reason"), "reason", 4000)
        if not why:
            raise InvalidInput(msg("Say why the patient is referred."), field="reason")
        referral.reason = why
    if facility_id is not None:
        if referral.status is not S.DRAFTED:
            raise Conflict(
                msg("The referral was sent already: draft a new one to another facility.")
            )
        referral.facility_id = get_facility(session, facility_id).id
    if urgency is not None:
        referral.urgency = urgency
    if notes is not None:
        referral.notes = _text(notes, msg("The note"), "notes", 4000)
    session.flush()
    return referral


def move(
    session: Session,
    actor: Actor,
    referral_id: uuid.UUID,
    to: ReferralStatus,
    *,
    today: dt.date,
    on: dt.date | None = None,
    appointment_on: dt.date | None = None,
    counter_referral: str | None = None,
    end_reason: str | None = None,
) -> Referral:
    """The referral's next step, with what that step needs (see the module's docstring)."""
    actor.require(Permission.MANAGE_REFERRALS)
    referral = get_referral(session, referral_id)
    kinds.REFERRALS.check_transition(referral.status, to)
    if to is S.SENT:
        if referral.facility_id is None:
            raise InvalidInput(
                msg("Choose the facility the patient is referred to before sending it."),
                field="facility_id",
            )
        referral.sent_on = _day(on, today, msg("The date it was sent"), "sent_on")
    elif to is S.APPOINTMENT_GIVEN:
        if appointment_on is None:
            raise InvalidInput(
                msg("Give the date of the appointment the facility gave."),
                field="appointment_on",
            )
        if referral.sent_on is not None and appointment_on < referral.sent_on:
            raise InvalidInput(
                msg("The appointment cannot be before the referral was sent."),
                field="appointment_on",
            )
        referral.appointment_on = appointment_on
    elif to is S.SEEN:
        seen = _day(on, today, msg("The date the patient was seen"), "seen_on")
        if referral.sent_on is not None and seen < referral.sent_on:
            raise InvalidInput(
                msg("The patient cannot be seen before the referral was sent."),
                field="seen_on",
            )
        referral.seen_on = seen
    elif to is S.FEEDBACK_RECEIVED:
        words = _text(counter_referral, msg("The counter-referral"), "counter_referral", 8000)
        if not words:
            raise InvalidInput(
                msg("Write what the facility's counter-referral says."), field="counter_referral"
            )
        referral.counter_referral = words
        referral.feedback_on = _day(on, today, msg("The date of the feedback"), "feedback_on")
    elif to in (S.DECLINED, S.LOST):
        why = _text(end_reason, msg("The reason"), "end_reason", 2000)
        if not why:
            raise InvalidInput(
                msg("Say why (who declined, or what is known of the patient)."),
                field="end_reason",
            )
        referral.end_reason = why
    if to in (S.CLOSED, S.DECLINED):
        referral.closed_on = _day(on, today, msg("The date it was closed"), "closed_on")
    if counter_referral is not None and to is not S.FEEDBACK_RECEIVED:
        referral.counter_referral = _text(
            counter_referral, msg("The counter-referral"), "counter_referral", 8000
        )
    referral.status = to
    session.flush()
    return referral


def overdue(referral: Referral, today: dt.date, rules: Mapping[str, int]) -> Message | None:
    """Why the referral needs chasing today, in words, or None (the clinic's rules)."""
    if referral.status is S.SENT and referral.sent_on is not None:
        limit = rules[followup_rules.APPOINTMENT_RULE[referral.urgency]]
        waited = (today - referral.sent_on).days
        if waited > limit:
            return msg(
                "sent {n} days ago and no appointment yet (the clinic allows {limit})",
                n=waited,
                limit=limit,
            )
    if (
        referral.status is S.APPOINTMENT_GIVEN
        and referral.appointment_on is not None
        and referral.appointment_on < today
    ):
        return msg(
            "the appointment on {day} has passed: was the patient seen?",
            day=referral.appointment_on.isoformat(),
        )
    if referral.status is S.SEEN and referral.seen_on is not None:
        limit = rules[followup_rules.REFERRAL_FEEDBACK]
        waited = (today - referral.seen_on).days
        if waited > limit:
            return msg(
                "seen {n} days ago and no feedback yet (the clinic allows {limit})",
                n=waited,
                limit=limit,
            )
    return None
