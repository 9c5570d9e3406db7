"""Care plans for the screens and commands (`core.care_plans`), and their worklist lines.

Every method is one use case: it opens and closes its own transaction and returns plain
frozen dataclasses (writes: `Done(value, changes)`, the changes already published). Dates a
person gives are the clinic's dates; times returned are in the clinic's zone. The rules
(what may be checked off, when the next occurrence of a repeating follow-up is due) are in
`desktop.services.care_plans`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, join, select
from sqlalchemy.orm import Session

from desktop.app.patient_refs import PatientRef, patient_refs, shown_person
from desktop.app.transactions import Done
from desktop.app.work_items import (
    CARE_DUE,
    CARE_ITEM,
    CARE_MISSED,
    CARE_PLAN,
    Lines,
    WorkItem,
    bounded,
    count_groups,
    patient_kept,
)
from desktop.errors import NotFound
from desktop.messages import Message, msg
from desktop.permissions import Permission
from desktop.records import find_live, kinds
from desktop.services import care_plans as svc
from desktop.services.phones import display_phone
from desktop.store.models import (
    CareItemKind,
    CareItemStatus,
    CarePlan,
    CarePlanItem,
    CarePlanStatus,
    Patient,
    User,
)

if TYPE_CHECKING:
    from desktop.core import ClinicCore

__all__ = [
    "CareDueLine",
    "CareItemKind",
    "CareItemLine",
    "CareItemStatus",
    "CarePlanDetail",
    "CarePlanLine",
    "CarePlanStatus",
    "CarePlansApi",
    "Person",
    "care_plan_items",
]


@dataclass(frozen=True)
class Person:
    """A user of the clinic who may lead a plan or own a task."""

    user_id: uuid.UUID
    username: str
    display_name: str


@dataclass(frozen=True)
class CareItemLine:
    item_id: uuid.UUID
    plan_id: uuid.UUID
    patient_id: uuid.UUID
    kind: CareItemKind
    kind_words: Message
    description: str
    owner: str  # the user's name or the named person ("" for a problem or goal)
    owner_id: uuid.UUID | None  # when the owner is a user of the clinic
    due_on: dt.date | None
    repeat_days: int | None
    status: CareItemStatus
    status_words: Message
    done_at: dt.datetime | None  # clinic time
    done_by: str | None
    note: str
    missed: bool  # a task or follow-up still open after its due date
    due_today: bool


@dataclass(frozen=True)
class CarePlanLine:
    plan_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    clinic_number: str
    patient_phone: str  # as people read it ("" when none)
    title: str
    status: CarePlanStatus
    status_words: Message
    started_on: dt.date
    review_on: dt.date | None
    review_due: bool  # active, and the review date is today or past
    lead: str | None
    lead_id: uuid.UUID | None
    ended_on: dt.date | None
    notes: str
    open_tasks: int  # tasks and follow-ups still to do
    missed: int  # of which past their due date
    next_due: dt.date | None  # the earliest due date of what is still to do


@dataclass(frozen=True)
class CarePlanDetail:
    line: CarePlanLine
    items: tuple[CareItemLine, ...]


@dataclass(frozen=True)
class CareDueLine:
    """A task or follow-up due or missed, across the clinic."""

    item: CareItemLine
    plan_title: str
    patient_name: str
    clinic_number: str
    patient_phone: str


# --- reading -------------------------------------------------------------------------------


class _Reader:
    """Turns rows into lines within one transaction (names read once)."""

    def __init__(self, core: ClinicCore, session: Session) -> None:
        self.core = core
        self.session = session
        self.today = core.today()
        self.users = {i: n for i, n in session.execute(select(User.id, User.display_name))}

    def phone(self, e164: str | None) -> str:
        if not e164:
            return ""
        return display_phone(e164, self.core.region)

    def patients(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, PatientRef]:
        return patient_refs(self.session, ids)

    def item(self, row: CarePlanItem) -> CareItemLine:
        actionable = row.kind in svc.ACTIONS and row.status is CareItemStatus.OPEN
        owner = self.users.get(row.owner_id, "") if row.owner_id else row.owner_name
        return CareItemLine(
            item_id=row.id,
            plan_id=row.care_plan_id,
            patient_id=row.patient_id,
            kind=row.kind,
            kind_words=svc.KIND_WORDS[row.kind],
            description=row.description,
            owner=owner,
            owner_id=row.owner_id,
            due_on=row.due_on,
            repeat_days=row.repeat_days,
            status=row.status,
            status_words=kinds.CARE_ITEM_STATUS.word(row.status),
            done_at=self.core.clock.local(row.done_at) if row.done_at else None,
            done_by=self.users.get(row.done_by) if row.done_by else None,
            note=row.note,
            missed=actionable and row.due_on is not None and row.due_on < self.today,
            due_today=actionable and row.due_on == self.today,
        )

    def plans(self, rows: Sequence[CarePlan]) -> list[CarePlanDetail]:
        patients = self.patients([r.patient_id for r in rows])
        items = svc.items_of(self.session, [r.id for r in rows])
        out = []
        for row in rows:
            lines = tuple(self.item(i) for i in items[row.id])
            todo = [i for i in lines if i.kind in svc.ACTIONS and i.status is CareItemStatus.OPEN]
            dates = [i.due_on for i in todo if i.due_on is not None]
            patient = patients.get(row.patient_id)
            active = row.status is CarePlanStatus.ACTIVE
            line = CarePlanLine(
                plan_id=row.id,
                patient_id=row.patient_id,
                patient_name=patient.name if patient else "",
                clinic_number=patient.clinic_number if patient else "",
                patient_phone=self.phone(patient.phone) if patient else "",
                title=row.title,
                status=row.status,
                status_words=kinds.CARE_PLAN_STATUS.word(row.status),
                started_on=row.started_on,
                review_on=row.review_on,
                review_due=active and row.review_on is not None and row.review_on <= self.today,
                lead=self.users.get(row.lead_by) if row.lead_by else None,
                lead_id=row.lead_by,
                ended_on=row.ended_on,
                notes=row.notes,
                open_tasks=len(todo),
                missed=sum(i.missed for i in todo) if active else 0,
                next_due=min(dates) if dates else None,
            )
            out.append(CarePlanDetail(line, lines))
        return out

    def due(self, rows: Sequence[tuple[CarePlanItem, CarePlan]]) -> list[CareDueLine]:
        patients = self.patients([item.patient_id for item, _ in rows])
        out = []
        for item, plan in rows:
            patient = patients.get(item.patient_id)
            out.append(
                CareDueLine(
                    self.item(item),
                    plan.title,
                    patient.name if patient else "",
                    patient.clinic_number if patient else "",
                    self.phone(patient.phone) if patient else "",
                )
            )
        return out


# --- the worklist's lines (inside the worklist's read transaction) ------------------------


def read_plan(core: ClinicCore, session: Session, plan_id: uuid.UUID) -> CarePlanDetail:
    """One plan as `core.care_plans.show` gives it, inside the caller's transaction (a print
    reads what it renders in the transaction that audits it)."""
    return _Reader(core, session).plans([svc.get_plan(session, plan_id)])[0]


def care_plan_items(core: ClinicCore, session: Session, limit: int | None = None) -> Lines:
    """Tasks and follow-ups missed (open past their due date) or due today, and plans whose
    review date is today or past: per kind of line an indexed count and the `limit` longest
    waiting (None: all) (items by status and due date, plans by status and review date),
    each joined to its patient's name and phone, in columns (a clinic with a thousand missed
    visits must not build thousands of objects to list them)."""
    today = core.today()
    users = {i: n for i, n in session.execute(select(User.id, User.display_name))}
    person = (
        Patient.given_name,
        Patient.other_names,
        Patient.family_name,
        Patient.clinic_number,
        Patient.phone,
    )
    kept = patient_kept(CarePlanItem.patient_id)
    missed_where = (*svc.due_where(today), CarePlanItem.due_on < today, kept)
    today_where = (*svc.due_where(today), CarePlanItem.due_on == today, kept)
    review_where = (*svc.review_where(today), patient_kept(CarePlan.patient_id))

    def items_of(where: Sequence[ColumnElement[bool]]) -> Sequence[Any]:
        return session.execute(
            bounded(
                select(
                    CarePlanItem.id,
                    CarePlanItem.patient_id,
                    CarePlanItem.kind,
                    CarePlanItem.description,
                    CarePlanItem.owner_id,
                    CarePlanItem.owner_name,
                    CarePlanItem.due_on,
                    CarePlan.title,
                    *person,
                )
                .join(CarePlan, CarePlan.id == CarePlanItem.care_plan_id)
                .join(Patient, Patient.id == CarePlanItem.patient_id)
                .where(*where)
                .order_by(CarePlanItem.due_on, CarePlanItem.id),
                limit,
            )
        ).all()

    due = [*items_of(missed_where), *items_of(today_where)]
    reviews = session.execute(
        bounded(
            select(CarePlan.id, CarePlan.patient_id, CarePlan.title, CarePlan.review_on, *person)
            .join(Patient, Patient.id == CarePlan.patient_id)
            .where(*review_where)
            .order_by(CarePlan.review_on, CarePlan.id),
            limit,
        )
    ).all()
    reviews_due = session.scalar(select(func.count()).select_from(CarePlan).where(*review_where))
    items_and_plans = join(CarePlanItem, CarePlan, CarePlan.id == CarePlanItem.care_plan_id)
    totals = count_groups(
        session,
        items_and_plans,
        (*svc.due_where(today), kept),
        {CARE_MISSED: CarePlanItem.due_on < today, CARE_DUE: CarePlanItem.due_on == today},
    )
    totals[CARE_DUE] += reviews_due or 0
    region = core.region

    def who(*person: Any) -> tuple[str, str, str]:
        return shown_person(person, region)

    items: list[WorkItem] = []
    for item_id, patient_id, kind, description, owner_id, owner_name, due_on, title, *p in due:
        if due_on is None:  # not so: the query asks for a due date on or before today
            continue
        owner = users.get(owner_id, "") if owner_id else owner_name
        day = due_on.isoformat()
        what = (
            msg(
                "{plan}: {kind} {what} ({owner}), due {day}",
                plan=title,
                kind=svc.KIND_WORDS[kind],
                what=description,
                owner=owner,
                day=day,
            )
            if owner
            else msg(
                "{plan}: {kind} {what}, due {day}",
                plan=title,
                kind=svc.KIND_WORDS[kind],
                what=description,
                day=day,
            )
        )
        group = CARE_MISSED if due_on < today else CARE_DUE
        items.append(WorkItem(group, CARE_ITEM, item_id, patient_id, *who(*p), what, due_on))
    for plan_id, patient_id, title, review_on, *p in reviews:
        if review_on is None:  # not so, as above
            continue
        what = msg("{plan}: plan review due {day}", plan=title, day=review_on.isoformat())
        items.append(WorkItem(CARE_DUE, CARE_PLAN, plan_id, patient_id, *who(*p), what, review_on))
    return Lines(tuple(items), totals)


# --- the API -------------------------------------------------------------------------------


class CarePlansApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    # -- reads --

    def people(self) -> tuple[Person, ...]:
        """The users who can lead a plan or own a task (active accounts), by name."""
        self._core.actor.require(Permission.VIEW_PATIENTS)

        def read(session: Session) -> tuple[Person, ...]:
            rows = session.execute(
                select(User.id, User.username, User.display_name)
                .where(User.deleted.is_(False), User.active.is_(True))
                .order_by(User.display_name)
            )
            return tuple(Person(i, u, n) for i, u, n in rows)

        return self._tx.read(read)

    def list(
        self,
        *,
        patient_id: uuid.UUID | None = None,
        active_only: bool = False,
        limit: int = 500,
    ) -> tuple[CarePlanLine, ...]:
        """Care plans: one patient's (active first, then the newest), or the clinic's
        (newest first)."""
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)

        def read(session: Session) -> tuple[CarePlanLine, ...]:
            if patient_id is not None:
                rows = list(svc.plans_of(session, patient_id))
                if active_only:
                    rows = [r for r in rows if r.status is CarePlanStatus.ACTIVE]
            else:
                rows = list(svc.list_plans(session, active_only=active_only, limit=limit))
            return tuple(d.line for d in _Reader(core, session).plans(rows))

        return self._tx.read(read)

    def show(self, plan_id: uuid.UUID) -> CarePlanDetail:
        """A plan with all its items."""
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(lambda s: _Reader(core, s).plans([svc.get_plan(s, plan_id)])[0])

    def open(self, record_id: uuid.UUID) -> CarePlanDetail:
        """The plan a worklist line opens: the plan's own id (a review due) or the id of
        one of its items (a task or follow-up due)."""
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)

        def read(session: Session) -> CarePlanDetail:
            plan = find_live(session, kinds.CARE_PLANS, record_id)
            if plan is None:
                item = find_live(session, kinds.CARE_PLAN_ITEMS, record_id)
                if item is None:
                    raise NotFound(
                        msg("No care plan, nor item of one, with id {id}.", id=record_id)
                    )
                plan = svc.get_plan(session, item.care_plan_id)
            return _Reader(core, session).plans([plan])[0]

        return self._tx.read(read)

    def item(self, item_id: uuid.UUID) -> CareItemLine:
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(lambda s: _Reader(core, s).item(svc.get_item(s, item_id)))

    def due(self, *, until: dt.date | None = None, limit: int = 5000) -> tuple[CareDueLine, ...]:
        """Tasks and follow-ups of active plans due by `until` (default today) across the
        clinic, missed ones first (the longest missed first)."""
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)

        def read(session: Session) -> tuple[CareDueLine, ...]:
            reader = _Reader(core, session)
            rows = svc.due_items(session, until or reader.today, limit=limit)
            return tuple(reader.due(rows))

        return self._tx.read(read)

    # -- writes --

    def _write_plan(self, work: Callable[[Session], uuid.UUID]) -> Done[CarePlanDetail]:
        """Run `work` (which returns the plan's id) and give back the plan as it now is."""
        core = self._core

        def run(session: Session) -> CarePlanDetail:
            plan_id = work(session)
            return _Reader(core, session).plans([svc.get_plan(session, plan_id)])[0]

        return self._tx.write(run)

    def create(
        self,
        patient_id: uuid.UUID,
        title: str,
        *,
        started_on: dt.date | None = None,
        review_on: dt.date | None = None,
        lead_by: uuid.UUID | None = None,
        problems: Sequence[str] = (),
        goals: Sequence[str] = (),
        notes: str = "",
    ) -> Done[CarePlanDetail]:
        """A care plan for the patient: `title` says the problem it is for; its problems
        and goals become items. Led by `lead_by` (the signed-in user by default)."""
        core = self._core
        return self._write_plan(
            lambda s: (
                svc.create_plan(
                    s,
                    core.actor,
                    patient_id=patient_id,
                    title=title,
                    today=core.today(),
                    started_on=started_on,
                    review_on=review_on,
                    lead_by=lead_by,
                    problems=problems,
                    goals=goals,
                    notes=notes,
                ).id
            )
        )

    def edit(self, plan_id: uuid.UUID, **changes: Any) -> Done[CarePlanDetail]:
        """Change title, review_on, lead_by or notes of an active plan."""
        core = self._core
        return self._write_plan(
            lambda s: svc.edit_plan(s, core.actor, plan_id, today=core.today(), **changes).id
        )

    def review(
        self, plan_id: uuid.UUID, next_review_on: dt.date, *, note: str = ""
    ) -> Done[CarePlanDetail]:
        """The plan was reviewed today; the next review is on `next_review_on`."""
        core = self._core
        return self._write_plan(
            lambda s: (
                svc.review_plan(
                    s,
                    core.actor,
                    plan_id,
                    today=core.today(),
                    next_review_on=next_review_on,
                    note=note,
                ).id
            )
        )

    def _status(self, plan_id: uuid.UUID, to: CarePlanStatus, reason: str) -> Done[CarePlanDetail]:
        core = self._core
        return self._write_plan(
            lambda s: (
                svc.set_plan_status(
                    s, core.actor, plan_id, to, today=core.today(), reason=reason
                ).id
            )
        )

    def complete(self, plan_id: uuid.UUID, *, note: str = "") -> Done[CarePlanDetail]:
        """The plan reached its end: its open tasks leave the worklist (kept as they are)."""
        return self._status(plan_id, CarePlanStatus.COMPLETED, note)

    def reopen(self, plan_id: uuid.UUID, *, note: str = "") -> Done[CarePlanDetail]:
        """A completed plan active again (the condition came back)."""
        return self._status(plan_id, CarePlanStatus.ACTIVE, note)

    def cancel(self, plan_id: uuid.UUID, reason: str) -> Done[CarePlanDetail]:
        """A plan that should not have been (made in error, the patient moved away)."""
        return self._status(plan_id, CarePlanStatus.CANCELLED, reason)

    def add_item(
        self,
        plan_id: uuid.UUID,
        kind: CareItemKind,
        description: str,
        *,
        owner_id: uuid.UUID | None = None,
        owner_name: str = "",
        due_on: dt.date | None = None,
        repeat_days: int | None = None,
        note: str = "",
    ) -> Done[CareItemLine]:
        """A problem, goal, task or follow-up (the new item; its plan is in the changes).
        The owner is a user (`owner_id`) or a named person (`owner_name`, e.g. a community
        health worker); a task or follow-up with neither is the signed-in user's."""
        core = self._core

        def work(session: Session) -> CareItemLine:
            item = svc.add_item(
                session,
                core.actor,
                plan_id,
                kind=kind,
                description=description,
                today=core.today(),
                owner_id=owner_id,
                owner_name=owner_name,
                due_on=due_on,
                repeat_days=repeat_days,
                note=note,
            )
            return _Reader(core, session).item(item)

        return self._tx.write(work)

    def edit_item(self, item_id: uuid.UUID, **changes: Any) -> Done[CarePlanDetail]:
        """Change description, owner_id / owner_name, due_on, repeat_days (None: stop
        repeating) or note of an open item."""
        core = self._core
        return self._write_plan(
            lambda s: (
                svc.edit_item(s, core.actor, item_id, today=core.today(), **changes).care_plan_id
            )
        )

    def check_off(self, item_id: uuid.UUID, *, note: str = "") -> Done[CarePlanDetail]:
        """A task or follow-up done now, by the signed-in user; a repeating one gets its
        next occurrence (`desktop.services.care_plans.next_due`)."""
        core = self._core
        return self._write_plan(
            lambda s: (
                svc.check_off(
                    s, core.actor, item_id, now=core.clock.now_utc(), today=core.today(), note=note
                ).care_plan_id
            )
        )

    def untick(self, item_id: uuid.UUID) -> Done[CarePlanDetail]:
        """Checked off by mistake: open again, and the next occurrence it made taken back."""
        core = self._core
        return self._write_plan(lambda s: svc.untick(s, core.actor, item_id).care_plan_id)

    def cancel_item(self, item_id: uuid.UUID, reason: str) -> Done[CarePlanDetail]:
        core = self._core
        return self._write_plan(
            lambda s: (
                svc.cancel_item(
                    s, core.actor, item_id, today=core.today(), reason=reason
                ).care_plan_id
            )
        )

    def restore_item(self, item_id: uuid.UUID) -> Done[CarePlanDetail]:
        """A cancelled item open again."""
        core = self._core
        return self._write_plan(lambda s: svc.restore_item(s, core.actor, item_id).care_plan_id)
