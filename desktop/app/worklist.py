"""The worklist: who the coordinator needs to call today, in one read.

Gathered in one read transaction (one consistent picture) from what the follow-through
records say, by the clinic's rules:
1. urgent results due for escalation (not relayed N days after they arrived);
2. other urgent results received and not yet relayed;
3. emergency and urgent referrals overdue;
4. routine results received and not yet relayed;
5. routine referrals overdue;
6. results expected by now that have not arrived (ask the lab).
Within each group the longest waiting comes first. Doing the work (a relay attempt that
reaches the patient, the next step of a referral) takes the line off the list: nothing here
is stored, it is read again.

Care plans, no-shows, coverage and claims join this list as their record kinds land.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.app.followup import (
    ReferralLine,
    ResultLine,
    read_late_results,
    read_referrals,
    read_results,
)
from desktop.messages import Message, msg
from desktop.permissions import Permission
from desktop.store.models import ReferralUrgency

if TYPE_CHECKING:
    from desktop.core import ClinicCore

RESULT, REFERRAL = "result", "referral"
# The groups, most pressing first (see the module docstring).
ESCALATE, URGENT_RESULT, URGENT_REFERRAL, RESULT_WAITING, REFERRAL_OVERDUE, LATE = range(6)
GROUP_WORDS: dict[int, Message] = {
    ESCALATE: msg("escalate: urgent, not reached in time"),
    URGENT_RESULT: msg("urgent result to relay"),
    URGENT_REFERRAL: msg("urgent referral overdue"),
    RESULT_WAITING: msg("result to relay"),
    REFERRAL_OVERDUE: msg("referral overdue"),
    LATE: msg("result late from the lab"),
}


@dataclass(frozen=True)
class WorkItem:
    """One line of the worklist: what to do, for whom, and where it is done."""

    group: int  # ESCALATE … LATE: the order of the list
    kind: str  # "result" | "referral": the record the line opens
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


def _result_item(line: ResultLine, group: int) -> WorkItem:
    if group == LATE:
        what = msg(
            "{test}: expected {day}, not here",
            test=line.test_name,
            day=line.expected_on.isoformat() if line.expected_on else "",
        )
        since = line.expected_on
    else:
        what = msg(
            "{test}: received {day}, {n} attempts",
            test=line.test_name,
            day=line.received_on.isoformat() if line.received_on else "",
            n=line.attempts,
        )
        since = line.received_on
    return WorkItem(
        group,
        RESULT,
        line.result_id,
        line.patient_id,
        line.patient_name,
        line.clinic_number,
        line.patient_phone,
        what,
        since,
    )


def _referral_item(line: ReferralLine) -> WorkItem:
    urgent = line.urgency in (ReferralUrgency.URGENT, ReferralUrgency.EMERGENCY)
    where = line.facility.name if line.facility else ""
    return WorkItem(
        URGENT_REFERRAL if urgent else REFERRAL_OVERDUE,
        REFERRAL,
        line.referral_id,
        line.patient_id,
        line.patient_name,
        line.clinic_number,
        line.patient_phone,
        msg("to {where}: {why}", where=where, why=line.overdue or ""),
        line.sent_on,
    )


class WorklistApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core

    def today(self) -> Worklist:
        """What needs the coordinator today, most pressing first."""
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)

        def read(session: Session) -> Worklist:
            waiting = read_results(core, session, waiting=True, limit=5000)
            late = read_late_results(core, session)
            overdue = read_referrals(core, session, overdue_only=True, limit=5000)
            items: list[WorkItem] = []
            for line in waiting:
                if line.escalation_due:
                    group = ESCALATE
                else:
                    group = URGENT_RESULT if line.urgent else RESULT_WAITING
                items.append(_result_item(line, group))
            items += [_result_item(x, LATE) for x in late]
            items += [_referral_item(r) for r in overdue]
            items.sort(key=lambda i: (i.group, i.since or dt.date.max, str(i.record_id)))
            return Worklist(core.today(), tuple(items))

        return core.tx.read(read)
