"""The lines of the worklist (desktop.app.worklist): what each says, and the order of groups.

Apart from the worklist itself so that each record kind's module can make its own lines
(`desktop.app.followup`, care plans, coverage, claims) without importing the list that
gathers them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from desktop.messages import Message, msg

# How many lines of each group the worklist shows (the most pressing, the longest waiting
# first): a coordinator cannot act on four thousand lines in a day, and building them all costs
# most of the list's time at 200,000 patients. Each group says how many there are in all.
WORKLIST_LIMIT = 100

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
class Lines:
    """What one source of the worklist gives: at most the limit of lines per group, and each
    group's true count (`totals`, counted in SQL on the same filter). Iterates over its lines,
    as a source's plain list does."""

    items: tuple[WorkItem, ...]
    totals: Mapping[int, int]

    def __iter__(self) -> Iterator[WorkItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


_Query = TypeVar("_Query", bound=Select)  # type: ignore[type-arg]


def bounded(query: _Query, limit: int | None) -> _Query:
    """The query limited to `limit` rows (None: every row)."""
    return query if limit is None else query.limit(limit)


def patient_kept(patient_id: Any) -> ColumnElement[bool]:
    """The record's patient is still on the register: a patient removed as registered by
    mistake leaves no work behind (their records stay, hidden with them). One lookup by the
    patients' unique id per row the group's index yields."""
    from sqlalchemy.orm import aliased

    from desktop.store.models import Patient

    # An alias of its own: the line's query may join the patients too (for the name), and the
    # subquery must not be folded into that join.
    other = aliased(Patient)
    return (
        select(other.pk)
        .where(other.id == patient_id, other.deleted.is_(False))
        .correlate_except(other)
        .exists()
    )


def count_groups(
    session: Session,
    from_: Any,
    where: Iterable[ColumnElement[bool]],
    cases: Mapping[int, ColumnElement[bool]],
) -> dict[int, int]:
    """How many rows of `from_` that `where` keeps fall in each group, in one pass (one
    indexed read for several groups): a row is in the first group whose case it meets."""
    group = case(*((when, g) for g, when in cases.items()), else_=-1)
    query = select(group, func.count()).select_from(from_).where(*where).group_by(group)
    found = {g: n for g, n in session.execute(query)}
    return {g: found.get(g, 0) for g in cases}


def bound(items: Iterable[WorkItem], limit: int | None) -> Lines:
    """Lines a source could only filter in Python, bounded here: the longest waiting `limit`
    lines of each group, and the true count of each."""
    ordered = sorted(items, key=order_key)
    totals: dict[int, int] = {}
    kept: list[WorkItem] = []
    for item in ordered:
        totals[item.group] = totals.get(item.group, 0) + 1
        if limit is None or totals[item.group] <= limit:
            kept.append(item)
    return Lines(tuple(kept), totals)


def order_key(item: WorkItem) -> tuple[int, dt.date, str]:
    """The list's order: by group, then the longest waiting first."""
    return (item.group, item.since or dt.date.max, str(item.record_id))


@dataclass(frozen=True)
class Worklist:
    today: dt.date
    items: tuple[WorkItem, ...]  # the lines shown: at most the limit per group
    totals: Mapping[int, int] = field(default_factory=dict)  # every line, shown or not

    def count(self, group: int) -> int:
        """The lines of the group shown."""
        return sum(1 for item in self.items if item.group == group)

    def total(self, group: int) -> int:
        """All the group's lines, shown or not."""
        return max(self.totals.get(group, 0), self.count(group))

    def more(self, group: int) -> int:
        """The group's lines not shown (beyond the limit)."""
        return self.total(group) - self.count(group)

    @property
    def total_lines(self) -> int:
        return sum(self.total(g) for g in GROUP_WORDS)
