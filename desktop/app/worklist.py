"""The worklist: who the coordinator needs to call today, in one read.

Gathered in one read transaction (one consistent picture) from what each record kind says,
by the clinic's rules; the groups and their order are in `desktop.app.work_items` (urgent
results to escalate or relay first, lab results late from the lab last). Within each group
the longest waiting comes first, and only the `WORKLIST_LIMIT` longest waiting of each group
are read (with each group's true count): nobody calls four thousand people in a day, and
building them all cost most of a second at 200,000 patients. Doing the work (a relay
attempt that reaches the patient, the next step of a referral, a task checked off) takes the
line off the list: nothing here is stored, it is read again.

Each record kind gives its lines through a `Source` listed in `SOURCES`: a function of the
clinic, the read session and the limit per group (None: all), giving `Lines` (its lines
ordered and limited in SQL, each group counted on the same filter). A new kind adds its
source there and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.app.billing import claim_items
from desktop.app.care_plans import care_plan_items
from desktop.app.coverage import coverage_items
from desktop.app.followup import referral_work_lines, result_work_lines
from desktop.app.no_shows import no_show_items
from desktop.app.work_items import (
    WORKLIST_LIMIT,
    Lines,
    WorkItem,
    Worklist,
    bound,
    order_key,
)
from desktop.permissions import Permission

if TYPE_CHECKING:
    from desktop.core import ClinicCore

# A source gives at most `limit` lines per group (None: all), the longest waiting first, with
# each group's true count (`Lines`, limited and counted in SQL); a plain list of lines is
# bounded and counted here.
Source = Callable[["ClinicCore", Session, int | None], Lines | Iterable[WorkItem]]


def followup_items(core: ClinicCore, session: Session, limit: int | None = None) -> Lines:
    """Results to escalate, relay or chase from the lab, and referrals overdue."""
    results = result_work_lines(core, session, limit)
    referrals = referral_work_lines(core, session, limit)
    return Lines(results.items + referrals.items, {**results.totals, **referrals.totals})


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

    def today(self, limit: int | None = WORKLIST_LIMIT) -> Worklist:
        """What needs the coordinator today, most pressing first: per group the `limit`
        longest waiting lines (None: every line) and how many there are in all
        (`Worklist.total`)."""
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)
        if limit is not None:
            limit = max(1, int(limit))

        def read(session: Session) -> Worklist:
            items: list[WorkItem] = []
            totals: dict[int, int] = {}
            for source in SOURCES:
                found = source(core, session, limit)
                lines = found if isinstance(found, Lines) else bound(found, limit)
                items += lines.items
                for group, n in lines.totals.items():
                    totals[group] = totals.get(group, 0) + n
            items.sort(key=order_key)
            return Worklist(core.today(), tuple(_first(items, limit)), totals)

        return core.tx.read(read)


def _first(items: list[WorkItem], limit: int | None) -> list[WorkItem]:
    """At most `limit` lines of each group (two sources may give lines of one group)."""
    if limit is None:
        return items
    seen: dict[int, int] = {}
    kept = []
    for item in items:
        seen[item.group] = seen.get(item.group, 0) + 1
        if seen[item.group] <= limit:
            kept.append(item)
    return kept
