"""The clinic's follow-through rules: how many days before something needs a person.

A rule is a number of days with a default here; a clinic that wants another number sets it
once and it reaches every laptop (a `clinic_rules` record, synced). The record's id is made
from the clinic's id and the rule's name, so two laptops setting the same rule while offline
write one record, merged by clock stamp like any edit, never two that disagree.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.messages import Message, msg
from desktop.permissions import Actor, Permission
from desktop.store.models import ClinicRule, ReferralUrgency

RESULT_ESCALATE_AFTER = "result_escalate_after_days"
REFERRAL_APPOINTMENT_ROUTINE = "referral_appointment_days_routine"
REFERRAL_APPOINTMENT_URGENT = "referral_appointment_days_urgent"
REFERRAL_APPOINTMENT_EMERGENCY = "referral_appointment_days_emergency"
REFERRAL_FEEDBACK = "referral_feedback_days"


@dataclass(frozen=True)
class Rule:
    name: str
    default: int
    words: Message  # what it means, for a person choosing the number


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule(
            RESULT_ESCALATE_AFTER,
            2,
            msg("An urgent result not relayed this many days after it arrived is escalated."),
        ),
        Rule(
            REFERRAL_APPOINTMENT_ROUTINE,
            14,
            msg(
                "A routine referral with no appointment this many days after it was sent is "
                "overdue."
            ),
        ),
        Rule(
            REFERRAL_APPOINTMENT_URGENT,
            3,
            msg(
                "An urgent referral with no appointment this many days after it was sent is "
                "overdue."
            ),
        ),
        Rule(
            REFERRAL_APPOINTMENT_EMERGENCY,
            1,
            msg(
                "An emergency referral with no appointment this many days after it was sent "
                "is overdue."
            ),
        ),
        Rule(
            REFERRAL_FEEDBACK,
            30,
            msg("A referral seen with no feedback this many days later is overdue."),
        ),
    )
}

APPOINTMENT_RULE: dict[ReferralUrgency, str] = {
    ReferralUrgency.ROUTINE: REFERRAL_APPOINTMENT_ROUTINE,
    ReferralUrgency.URGENT: REFERRAL_APPOINTMENT_URGENT,
    ReferralUrgency.EMERGENCY: REFERRAL_APPOINTMENT_EMERGENCY,
}
MAX_DAYS = 365

_NAMESPACE = uuid.UUID("5b0c8f3e-2d51-4f1e-9a57-2f5c7e0d6a11")  # Outpost's clinic rules


def rule_id(clinic_id: uuid.UUID, name: str) -> uuid.UUID:
    """The one id of a clinic's rule, the same on every laptop."""
    return uuid.uuid5(_NAMESPACE, f"{clinic_id}:{name}")


def _known(name: str) -> Rule:
    found = RULES.get(name)
    if found is None:
        raise InvalidInput(
            msg(
                "{name} is not a clinic rule. Rules: {known}.",
                name=repr(name[:64]),
                known=", ".join(RULES),
            ),
            field="rule",
        )
    return found


def current(session: Session) -> dict[str, int]:
    """Every rule's number of days: the clinic's own where it set one, else the default."""
    values = {name: rule.default for name, rule in RULES.items()}
    for row in session.scalars(select(ClinicRule).where(ClinicRule.deleted.is_(False))):
        if row.name in values:
            values[row.name] = row.value
    return values


def days(session: Session, name: str) -> int:
    return current(session)[_known(name).name]


def set_rule(session: Session, actor: Actor, name: str, value: int) -> int:
    """Set a rule for the whole clinic (administrators); returns the number kept."""
    actor.require(Permission.MANAGE_CLINIC)
    rule = _known(name)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DAYS:
        raise InvalidInput(
            msg("A number of days between 0 and {most}.", most=MAX_DAYS), field="value"
        )
    ident = rule_id(actor.clinic_id, rule.name)
    row = session.scalar(select(ClinicRule).where(ClinicRule.id == ident))
    if row is None:
        session.add(ClinicRule(id=ident, clinic_id=actor.clinic_id, name=rule.name, value=value))
    else:
        row.value = value
        row.deleted = False
    session.flush()
    return value
