"""The worklist: who the coordinator needs to call today, in one read.

Gathered in one read transaction (one consistent picture) from what each record kind says,
by the clinic's rules; the groups and their order are in `desktop.app.work_items` (urgent
results to escalate or relay first, lab results late from the lab last). Within each group
the longest waiting comes first. Doing the work (a relay attempt that reaches the patient,
the next step of a referral, a task checked off) takes the line off the list: nothing here
is stored, it is read again.

Each record kind gives its lines through a `Source` listed in `SOURCES`: a function of the
clinic and the read session. A new kind adds its source there and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.app.billing import claim_items
from desktop.app.care_plans import care_plan_items
from desktop.app.coverage import coverage_items
from desktop.app.followup import (
    ReferralLine,
    ResultLine,
    read_late_results,
    read_referrals,
    read_results,
)
from desktop.app.no_shows import no_show_items
from desktop.app.work_items import (
    ESCALATE,
    LATE,
    REFERRAL,
    REFERRAL_OVERDUE,
    RESULT,
    RESULT_WAITING,
    URGENT_REFERRAL,
    URGENT_RESULT,
    WorkItem,
    Worklist,
)
from desktop.messages import msg
from desktop.permissions import Permission
from desktop.store.models import ReferralUrgency

if TYPE_CHECKING:
    from desktop.core import ClinicCore

Source = Callable[["ClinicCore", Session], Iterable[WorkItem]]


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


def followup_items(core: ClinicCore, session: Session) -> list[WorkItem]:
    """Results to escalate, relay or chase from the lab, and referrals overdue."""
    items: list[WorkItem] = []
    for line in read_results(core, session, waiting=True, limit=5000):
        if line.escalation_due:
            group = ESCALATE
        else:
            group = URGENT_RESULT if line.urgent else RESULT_WAITING
        items.append(_result_item(line, group))
    items += [_result_item(x, LATE) for x in read_late_results(core, session)]
    items += [
        _referral_item(r) for r in read_referrals(core, session, overdue_only=True, limit=5000)
    ]
    return items


SOURCES: tuple[Source, ...] = (
    followup_items,
    care_plan_items,
    no_show_items,
    coverage_items,
    claim_items,
)


class WorklistApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core

    def today(self) -> Worklist:
        """What needs the coordinator today, most pressing first."""
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)

        def read(session: Session) -> Worklist:
            items = [item for source in SOURCES for item in source(core, session)]
            items.sort(key=lambda i: (i.group, i.since or dt.date.max, str(i.record_id)))
            return Worklist(core.today(), tuple(items))

        return core.tx.read(read)
