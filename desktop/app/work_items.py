"""The lines of the worklist (desktop.app.worklist): what each says, and the order of groups.

Apart from the worklist itself so that each record kind's module can make its own lines
(`desktop.app.followup`, care plans, coverage, claims) without importing the list that
gathers them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from desktop.messages import Message, msg

# The record a line opens (WorkItem.kind).
RESULT, REFERRAL = "result", "referral"
CARE_ITEM, APPOINTMENT, MEMBERSHIP, CLAIM = (
    "care_plan_item",
    "appointment",
    "coverage_membership",
    "claim",
)
CARE_PLAN = "care_plan"  # a care plan whose review is due (desktop.app.care_plans)

# The groups, most pressing first: what cannot wait (urgent, or already missed), then what is
# due today, then the paperwork.
(
    ESCALATE,  # urgent result, the patient not reached in N days
    URGENT_RESULT,  # urgent result received, not yet relayed
    URGENT_REFERRAL,  # emergency or urgent referral overdue
    CARE_MISSED,  # a care-plan task or follow-up past its due date
    RESULT_WAITING,  # routine result received, not yet relayed
    REFERRAL_OVERDUE,  # routine referral overdue
    CARE_DUE,  # a care-plan task, follow-up or plan review due today
    NO_SHOW,  # a patient who did not come, not yet rebooked
    COVERAGE_REVERIFY,  # a membership to verify before tomorrow's appointment
    CLAIM_REJECTED,  # a claim the scheme rejected: correct and resubmit
    LATE,  # a result expected by now that has not arrived (ask the lab)
) = range(11)
GROUP_WORDS: dict[int, Message] = {
    ESCALATE: msg("escalate: urgent, not reached in time"),
    URGENT_RESULT: msg("urgent result to relay"),
    URGENT_REFERRAL: msg("urgent referral overdue"),
    CARE_MISSED: msg("care plan: missed"),
    RESULT_WAITING: msg("result to relay"),
    REFERRAL_OVERDUE: msg("referral overdue"),
    CARE_DUE: msg("care plan: due today"),
    NO_SHOW: msg("missed appointment to rebook"),
    COVERAGE_REVERIFY: msg("coverage to verify"),
    CLAIM_REJECTED: msg("claim rejected"),
    LATE: msg("result late from the lab"),
}


@dataclass(frozen=True)
class WorkItem:
    """One line of the worklist: what to do, for whom, and where it is done."""

    group: int  # ESCALATE … LATE: the order of the list (GROUP_WORDS)
    kind: str  # RESULT, REFERRAL, CARE_ITEM …: the record the line opens
    record_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    clinic_number: str
    phone: str  # the patient's, as people read it ("" when none)
    what: Message  # "Full blood count: received 2026-11-25, 1 attempt"
    since: dt.date | None  # waiting since (received, sent, expected)

    @property
    def group_words(self) -> Message:
        return GROUP_WORDS[self.group]


@dataclass(frozen=True)
class Worklist:
    today: dt.date
    items: tuple[WorkItem, ...]

    def count(self, group: int) -> int:
        return sum(1 for item in self.items if item.group == group)
