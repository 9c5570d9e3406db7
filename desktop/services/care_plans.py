"""Care plans: what a patient's plan is about, its goals, the tasks and follow-ups with their
owners and due dates, and the review date; each task done is checked off with who and when.

The record kinds are declared in `desktop.records.kinds` (CARE_PLANS, CARE_PLAN_ITEMS:
fields, status machines, permissions, patient link); this module holds the behaviour:
- a plan is active → completed (reopened when the condition comes back) or cancelled; its
  title says the problem it is for, its problems and goals are items too;
- an item is a problem, a goal, a task or a follow-up. Tasks and follow-ups have an owner
  (a user of the clinic, or someone named who has no account, such as a community health
  worker) and may have a due date; a follow-up always has one, and may repeat every
  `repeat_days` (a monthly review of a chronic condition);
- only tasks and follow-ups are checked off (open → done, with who and when); one ticked by
  mistake is unticked (done → open); an item is cancelled with a reason, and brought back;
- the items of a plan that is not active are left as they were but are not due: they leave
  the worklist, and come back if the plan is reopened. Nothing is added to, checked off in
  or changed in a plan that is not active (reopen it first).

A repeating item checked off is followed by its next occurrence (see `check_off`). The next
occurrence's id is made from the one checked off, so two laptops checking off the same visit
while offline write one next occurrence, merged at sync, never two.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, defer

from desktop.errors import Conflict, InvalidInput
from desktop.messages import Message, msg
from desktop.permissions import Actor, Permission
from desktop.records import get_live, kinds, list_live
from desktop.store.models import (
    CareItemKind,
    CareItemStatus,
    CarePlan,
    CarePlanItem,
    CarePlanStatus,
    User,
)

P = CarePlanStatus
CI = CareItemStatus
K = CareItemKind
# What is checked off, owned and due; problems and goals describe the plan.
ACTIONS = (K.TASK, K.FOLLOW_UP)

KIND_WORDS: dict[CareItemKind, Message] = {
    K.PROBLEM: msg("problem"),
    K.GOAL: msg("goal"),
    K.TASK: msg("task"),
    K.FOLLOW_UP: msg("follow-up"),
}

# A new task's due date this far back is a typing mistake more often than a late entry.
DUE_PAST_DAYS = 30
# And this far ahead (a year typed wrong); a review date too.
AHEAD_DAYS = 3 * 366
TEXT_LIMIT = 4000
NAME_LIMIT = 200

_NAMESPACE = uuid.UUID("8f6a3c1e-95d4-4c2b-b7e0-5a1d3e9c7f42")  # Outpost's next occurrences


def next_occurrence_id(item_id: uuid.UUID) -> uuid.UUID:
    """The one id of the occurrence that follows `item_id`, the same on every laptop."""
    return uuid.uuid5(_NAMESPACE, f"next:{item_id}")


# --- small checks --------------------------------------------------------------------------


def _text(value: str | None, what: Message, field: str, limit: int = TEXT_LIMIT) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise InvalidInput(
            msg("{what} is too long ({n} characters at most).", what=what, n=limit), field=field
        )
    return cleaned


def _name(value: str | None) -> str:
    return _text(" ".join((value or "").split()), msg("The owner's name"), "owner_name", NAME_LIMIT)


def _user(session: Session, user_id: uuid.UUID, field: str) -> uuid.UUID:
    """A user of the clinic who can still sign in."""
    user = session.scalar(select(User).where(User.id == user_id, User.deleted.is_(False)))
    if user is None:
        raise InvalidInput(msg("No user of the clinic with id {id}.", id=user_id), field=field)
    if not user.active:
        raise InvalidInput(
            msg(
                "{name} can no longer sign in: choose someone who works at the clinic now, "
                "or name the person.",
                name=user.display_name,
            ),
            field=field,
        )
    return user.id


def _owner(
    session: Session, owner_id: uuid.UUID | None, owner_name: str | None
) -> tuple[uuid.UUID | None, str]:
    """(a user's id, or None; a name, or ""): one of them, never both."""
    name = _name(owner_name)
    if owner_id is not None and name:
        raise InvalidInput(
            msg("An owner is a user of the clinic or a named person, not both."),
            field="owner_name",
        )
    if owner_id is not None:
        return _user(session, owner_id, "owner_id"), ""
    return None, name


def _note(old: str, added: str) -> str:
    return f"{old}\n{added}".strip() if old else added


def get_plan(session: Session, plan_id: uuid.UUID) -> CarePlan:
    plan: CarePlan = get_live(session, kinds.CARE_PLANS, plan_id)
    return plan


def get_item(session: Session, item_id: uuid.UUID) -> CarePlanItem:
    item: CarePlanItem = get_live(session, kinds.CARE_PLAN_ITEMS, item_id)
    return item


def _active(plan: CarePlan) -> None:
    if plan.status is not P.ACTIVE:
        raise Conflict(
            msg(
                "The care plan {title} is {status}: reopen it before changing what it holds.",
                title=repr(plan.title),
                status=kinds.CARE_PLAN_STATUS.word(plan.status),
            )
        )


def _review_day(review_on: dt.date | None, started_on: dt.date, today: dt.date) -> None:
    if review_on is None:
        return
    if review_on < started_on:
        raise InvalidInput(
            msg("A plan cannot be reviewed before it starts ({day}).", day=started_on.isoformat()),
            field="review_on",
        )
    if review_on > today + dt.timedelta(days=AHEAD_DAYS):
        raise InvalidInput(
            msg("A review more than three years ahead: check the date."), field="review_on"
        )


# --- plans ---------------------------------------------------------------------------------


def create_plan(
    session: Session,
    actor: Actor,
    *,
    patient_id: uuid.UUID,
    title: str,
    today: dt.date,
    started_on: dt.date | None = None,
    review_on: dt.date | None = None,
    lead_by: uuid.UUID | None = None,
    problems: Sequence[str] = (),
    goals: Sequence[str] = (),
    notes: str = "",
) -> CarePlan:
    """A care plan for a patient, led by `lead_by` (the person making it by default), with
    its problems and goals as items."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    get_live(session, kinds.PATIENTS, patient_id)
    words = _text(title, msg("The plan's title"), "title", NAME_LIMIT)
    if not words:
        raise InvalidInput(
            msg("Say what the plan is for (e.g. Type 2 diabetes, Hypertension)."), field="title"
        )
    started_on = started_on or today
    if started_on > today:
        raise InvalidInput(
            msg("A plan starts when it is made, or earlier on paper: not in the future."),
            field="started_on",
        )
    _review_day(review_on, started_on, today)
    plan = CarePlan(
        clinic_id=actor.clinic_id,
        patient_id=patient_id,
        title=words,
        status=P.ACTIVE,
        started_on=started_on,
        review_on=review_on,
        lead_by=_user(session, lead_by, "lead_by") if lead_by else actor.user_id,
        notes=_text(notes, msg("The note"), "notes"),
    )
    session.add(plan)
    session.flush()
    for kind, texts in ((K.PROBLEM, problems), (K.GOAL, goals)):
        for text in texts:
            add_item(session, actor, plan.id, kind=kind, description=text, today=today)
    return plan


def edit_plan(
    session: Session,
    actor: Actor,
    plan_id: uuid.UUID,
    *,
    today: dt.date,
    title: str | None = None,
    review_on: dt.date | None = None,
    lead_by: uuid.UUID | None = None,
    notes: str | None = None,
) -> CarePlan:
    """Change what the plan says; only the values given change."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    plan = get_plan(session, plan_id)
    _active(plan)
    if title is not None:
        words = _text(title, msg("The plan's title"), "title", NAME_LIMIT)
        if not words:
            raise InvalidInput(msg("Say what the plan is for."), field="title")
        plan.title = words
    if review_on is not None:
        _review_day(review_on, plan.started_on, today)
        plan.review_on = review_on
    if lead_by is not None:
        plan.lead_by = _user(session, lead_by, "lead_by")
    if notes is not None:
        plan.notes = _text(notes, msg("The note"), "notes")
    session.flush()
    return plan


def review_plan(
    session: Session,
    actor: Actor,
    plan_id: uuid.UUID,
    *,
    today: dt.date,
    next_review_on: dt.date,
    note: str = "",
) -> CarePlan:
    """The plan was reviewed today: the next review date is set (after today), and what the
    review decided is added to the plan's notes, dated."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    plan = get_plan(session, plan_id)
    _active(plan)
    if next_review_on <= today:
        raise InvalidInput(
            msg("The next review comes after today's: give a later date."), field="review_on"
        )
    _review_day(next_review_on, plan.started_on, today)
    said = _text(note, msg("The review note"), "notes")
    plan.review_on = next_review_on
    plan.notes = _note(
        plan.notes,
        f"{today.isoformat()} reviewed"
        + (f": {said}" if said else "")
        + f" (next review {next_review_on.isoformat()})",
    )
    session.flush()
    return plan


def set_plan_status(
    session: Session,
    actor: Actor,
    plan_id: uuid.UUID,
    to: CarePlanStatus,
    *,
    today: dt.date,
    reason: str = "",
) -> CarePlan:
    """Complete, reopen or cancel a plan (the spec's machine: active → completed or
    cancelled; completed → active). Cancelling says why; the end date is today."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    plan = get_plan(session, plan_id)
    kinds.CARE_PLANS.check_transition(plan.status, to)
    why = _text(reason, msg("The reason"), "notes", 2000)
    if to is P.CANCELLED and not why:
        raise InvalidInput(
            msg("Say why the plan is cancelled (e.g. made in error, patient moved away)."),
            field="notes",
        )
    plan.status = to
    plan.ended_on = None if to is P.ACTIVE else today
    if why:
        word = kinds.CARE_PLAN_STATUS.word(to)
        plan.notes = _note(plan.notes, f"{today.isoformat()} {word}: {why}")
    session.flush()
    return plan


# --- items ---------------------------------------------------------------------------------


def _due(
    kind: CareItemKind,
    due_on: dt.date | None,
    repeat_days: int | None,
    plan: CarePlan,
    today: dt.date,
    *,
    new: bool,
) -> None:
    if kind is K.FOLLOW_UP and due_on is None:
        raise InvalidInput(msg("A follow-up needs the date it is due."), field="due_on")
    if repeat_days is not None:
        if kind not in ACTIONS:
            raise InvalidInput(msg("Only a task or a follow-up repeats."), field="repeat_days")
        if due_on is None:
            raise InvalidInput(
                msg("A repeating task needs the date of its first occurrence."), field="due_on"
            )
        if isinstance(repeat_days, bool) or not 1 <= repeat_days <= 366:
            raise InvalidInput(
                msg("A repeat is a number of days between 1 and 366 (30 for monthly)."),
                field="repeat_days",
            )
    if due_on is None:
        return
    if due_on < plan.started_on:
        raise InvalidInput(
            msg(
                "The due date cannot be before the plan started ({day}).",
                day=plan.started_on.isoformat(),
            ),
            field="due_on",
        )
    if new and kind in ACTIONS and due_on < today - dt.timedelta(days=DUE_PAST_DAYS):
        raise InvalidInput(
            msg(
                "A new task due more than {n} days ago ({day}): check the date, or record "
                "what was done in the plan's notes.",
                n=DUE_PAST_DAYS,
                day=due_on.isoformat(),
            ),
            field="due_on",
        )
    if due_on > today + dt.timedelta(days=AHEAD_DAYS):
        raise InvalidInput(
            msg("A due date more than three years ahead: check the date."), field="due_on"
        )


def add_item(
    session: Session,
    actor: Actor,
    plan_id: uuid.UUID,
    *,
    kind: CareItemKind,
    description: str,
    today: dt.date,
    owner_id: uuid.UUID | None = None,
    owner_name: str = "",
    due_on: dt.date | None = None,
    repeat_days: int | None = None,
    note: str = "",
) -> CarePlanItem:
    """A problem, goal, task or follow-up added to an active plan. A task or follow-up
    nobody is named for is owned by the person adding it."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    plan = get_plan(session, plan_id)
    _active(plan)
    words = _text(description, msg("The description"), "description")
    if not words:
        raise InvalidInput(
            msg("Say what the {kind} is.", kind=KIND_WORDS[kind]), field="description"
        )
    owner, name = _owner(session, owner_id, owner_name)
    if owner is None and not name and kind in ACTIONS:
        owner = actor.user_id
    _due(kind, due_on, repeat_days, plan, today, new=True)
    item = CarePlanItem(
        clinic_id=actor.clinic_id,
        care_plan_id=plan.id,
        patient_id=plan.patient_id,
        kind=kind,
        description=words,
        owner_id=owner,
        owner_name=name,
        due_on=due_on,
        repeat_days=repeat_days,
        status=CI.OPEN,
        note=_text(note, msg("The note"), "note"),
    )
    session.add(item)
    session.flush()
    return item


def edit_item(
    session: Session,
    actor: Actor,
    item_id: uuid.UUID,
    *,
    today: dt.date,
    description: str | None = None,
    owner_id: uuid.UUID | None = None,
    owner_name: str | None = None,
    due_on: dt.date | None = None,
    repeat_days: int | None = None,
    stop_repeating: bool = False,
    note: str | None = None,
) -> CarePlanItem:
    """Change an open item; only the values given change (`stop_repeating`: this is the
    last occurrence; an owner given replaces the owner, a user or a name)."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    item = get_item(session, item_id)
    plan = get_plan(session, item.care_plan_id)
    _active(plan)
    if item.status is not CI.OPEN:
        raise Conflict(
            msg(
                "This {kind} is {status}: untick it before changing it.",
                kind=KIND_WORDS[item.kind],
                status=kinds.CARE_ITEM_STATUS.word(item.status),
            )
        )
    if description is not None:
        words = _text(description, msg("The description"), "description")
        if not words:
            raise InvalidInput(
                msg("Say what the {kind} is.", kind=KIND_WORDS[item.kind]), field="description"
            )
        item.description = words
    if owner_id is not None or owner_name is not None:
        owner, name = _owner(session, owner_id, owner_name)
        if owner is None and not name and item.kind in ACTIONS:
            raise InvalidInput(
                msg("A task or follow-up has an owner: a user of the clinic or a named person."),
                field="owner_name",
            )
        item.owner_id, item.owner_name = owner, name
    if stop_repeating and repeat_days is not None:
        raise InvalidInput(
            msg("Either a new repeat or no more repeats, not both."), field="repeat_days"
        )
    if due_on is not None or repeat_days is not None or stop_repeating:
        new_due = item.due_on if due_on is None else due_on
        new_repeat = (
            None if stop_repeating else (item.repeat_days if repeat_days is None else repeat_days)
        )
        # A date moved back is checked as a new one is; one moved later need not be.
        moved_back = due_on is not None and (item.due_on is None or due_on < item.due_on)
        _due(item.kind, new_due, new_repeat, plan, today, new=moved_back)
        item.due_on, item.repeat_days = new_due, new_repeat
    if note is not None:
        item.note = _text(note, msg("The note"), "note")
    session.flush()
    return item


def next_due(due_on: dt.date, repeat_days: int, today: dt.date) -> dt.date:
    """The next occurrence of an item due on `due_on` that repeats every `repeat_days`: the
    first date of its schedule after today.

    Counted from the due date, not from the day it was done, so a monthly review stays on
    its day of the month even when one visit is a few days late. Occurrences already past
    when it is checked off are skipped, not made: a visit done late stands for the ones it
    was late for (they cannot be made up), and making them would only fill the worklist
    with missed follow-ups nobody can do. The schedule's date that falls on today is
    skipped too: the patient was seen today."""
    step = dt.timedelta(days=repeat_days)
    due = due_on + step
    if due <= today:
        missed = (today - due).days // repeat_days + 1
        due += step * missed
    return due


def _check_action(item: CarePlanItem) -> None:
    if item.kind not in ACTIONS:
        raise Conflict(
            msg(
                "A {kind} is not checked off: it describes the plan. Cancel it if it no longer "
                "applies.",
                kind=KIND_WORDS[item.kind],
            )
        )


def check_off(
    session: Session,
    actor: Actor,
    item_id: uuid.UUID,
    *,
    now: dt.datetime,
    today: dt.date,
    note: str = "",
) -> CarePlanItem:
    """A task or follow-up done: checked off with who and when (`now`, UTC). One that
    repeats is followed by its next occurrence (`next_due`), returned; else the item."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    item = get_item(session, item_id)
    _check_action(item)
    _active(get_plan(session, item.care_plan_id))
    if item.status is CI.DONE:
        raise Conflict(msg("This {kind} is checked off already.", kind=KIND_WORDS[item.kind]))
    kinds.CARE_PLAN_ITEMS.check_transition(item.status, CI.DONE)
    item.status = CI.DONE
    item.done_at = now
    item.done_by = actor.user_id
    said = _text(note, msg("The note"), "note")
    if said:
        item.note = _note(item.note, said)
    session.flush()
    if item.repeat_days is None or item.due_on is None:
        return item
    return _next_occurrence(session, item, next_due(item.due_on, item.repeat_days, today))


def _next_occurrence(session: Session, item: CarePlanItem, due: dt.date) -> CarePlanItem:
    ident = next_occurrence_id(item.id)
    following = session.scalar(select(CarePlanItem).where(CarePlanItem.id == ident))
    if following is None:
        following = CarePlanItem(id=ident, clinic_id=item.clinic_id)
        session.add(following)
    # Made again after an untick: the same record, brought back as it is now.
    following.deleted = False
    following.care_plan_id = item.care_plan_id
    following.patient_id = item.patient_id
    following.kind = item.kind
    following.description = item.description
    following.owner_id = item.owner_id
    following.owner_name = item.owner_name
    following.due_on = due
    following.repeat_days = item.repeat_days
    following.status = CI.OPEN
    following.done_at = None
    following.done_by = None
    following.appointment_id = None
    following.note = ""
    session.flush()
    return following


def untick(session: Session, actor: Actor, item_id: uuid.UUID) -> CarePlanItem:
    """A task or follow-up checked off by mistake, open again (who and when are cleared).
    The next occurrence it made is taken back, unless that one is done already (untick it
    first) — else the plan would hold two open visits for one."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    item = get_item(session, item_id)
    _active(get_plan(session, item.care_plan_id))
    if item.status is not CI.DONE:
        raise Conflict(msg("This {kind} is not checked off.", kind=KIND_WORDS[item.kind]))
    following = session.scalar(
        select(CarePlanItem).where(
            CarePlanItem.id == next_occurrence_id(item.id), CarePlanItem.deleted.is_(False)
        )
    )
    if following is not None:
        if following.status is CI.DONE:
            raise Conflict(
                msg(
                    "The next occurrence (due {day}) is checked off already: untick that one "
                    "first.",
                    day=following.due_on.isoformat() if following.due_on else "",
                )
            )
        following.deleted = True
    kinds.CARE_PLAN_ITEMS.check_transition(item.status, CI.OPEN)
    item.status = CI.OPEN
    item.done_at = None
    item.done_by = None
    session.flush()
    return item


def cancel_item(
    session: Session, actor: Actor, item_id: uuid.UUID, *, today: dt.date, reason: str
) -> CarePlanItem:
    """An item that no longer applies, with why. A repeating one stops repeating."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    item = get_item(session, item_id)
    _active(get_plan(session, item.care_plan_id))
    kinds.CARE_PLAN_ITEMS.check_transition(item.status, CI.CANCELLED)
    why = _text(reason, msg("The reason"), "note", 2000)
    if not why:
        raise InvalidInput(msg("Say why it no longer applies."), field="note")
    item.status = CI.CANCELLED
    item.note = _note(item.note, f"{today.isoformat()} cancelled: {why}")
    session.flush()
    return item


def restore_item(session: Session, actor: Actor, item_id: uuid.UUID) -> CarePlanItem:
    """A cancelled item open again."""
    actor.require(Permission.MANAGE_CARE_PLANS)
    item = get_item(session, item_id)
    _active(get_plan(session, item.care_plan_id))
    if item.status is not CI.CANCELLED:
        raise Conflict(msg("This {kind} is not cancelled.", kind=KIND_WORDS[item.kind]))
    kinds.CARE_PLAN_ITEMS.check_transition(item.status, CI.OPEN)
    item.status = CI.OPEN
    session.flush()
    return item


# --- reads (inside the caller's transaction) ---------------------------------------------


def plans_of(session: Session, patient_id: uuid.UUID) -> Sequence[CarePlan]:
    """A patient's plans: active first, then the newest."""
    rows = list_live(
        session,
        kinds.CARE_PLANS,
        CarePlan.patient_id == patient_id,
        order_by=(CarePlan.started_on.desc(), CarePlan.pk.desc()),
    )
    return sorted(rows, key=lambda p: p.status is not P.ACTIVE)


def list_plans(
    session: Session, *, active_only: bool = False, limit: int = 500
) -> Sequence[CarePlan]:
    where = [CarePlan.status == P.ACTIVE] if active_only else []
    return list_live(
        session,
        kinds.CARE_PLANS,
        *where,
        order_by=(CarePlan.started_on.desc(), CarePlan.pk.desc()),
        limit=max(1, min(int(limit), 5000)),
    )


def items_of(
    session: Session, plan_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[CarePlanItem]]:
    """The live items of these plans, by plan: problems, goals, then tasks and follow-ups
    by due date (undated last)."""
    out: dict[uuid.UUID, list[CarePlanItem]] = {i: [] for i in plan_ids}
    wanted = list(plan_ids)
    rank = {K.PROBLEM: 0, K.GOAL: 1, K.TASK: 2, K.FOLLOW_UP: 2}
    for start in range(0, len(wanted), 500):
        for row in list_live(
            session,
            kinds.CARE_PLAN_ITEMS,
            CarePlanItem.care_plan_id.in_(wanted[start : start + 500]),
            order_by=(CarePlanItem.pk,),
        ):
            out[row.care_plan_id].append(row)
    for items in out.values():
        items.sort(key=lambda i: (rank[i.kind], i.due_on or dt.date.max))
    return out


def due_where(until: dt.date) -> tuple[ColumnElement[bool], ...]:
    """Open tasks and follow-ups due on or before `until`, of active plans (the query
    joins items to their plans): through the (status, due date) index."""
    return (
        CarePlanItem.status == CI.OPEN,
        CarePlanItem.due_on <= until,
        CarePlanItem.deleted.is_(False),
        CarePlanItem.kind.in_(ACTIONS),
        CarePlan.status == P.ACTIVE,
        CarePlan.deleted.is_(False),
    )


def review_where(until: dt.date) -> tuple[ColumnElement[bool], ...]:
    """Active plans whose review date is on or before `until`: through the (status, review
    date) index."""
    return (
        CarePlan.status == P.ACTIVE,
        CarePlan.review_on <= until,
        CarePlan.deleted.is_(False),
    )


def due_items(
    session: Session, until: dt.date, *, limit: int = 5000
) -> Sequence[tuple[CarePlanItem, CarePlan]]:
    """Open tasks and follow-ups of active plans due on or before `until` (missed ones
    first, the longest missed first)."""
    query = (
        select(CarePlanItem, CarePlan)
        .join(CarePlan, CarePlan.id == CarePlanItem.care_plan_id)
        .options(defer(CarePlanItem.field_hlcs), defer(CarePlan.field_hlcs))
        .where(*due_where(until))
        .order_by(CarePlanItem.due_on, CarePlanItem.pk)
        .limit(max(1, min(int(limit), 5000)))
    )
    return [(item, plan) for item, plan in session.execute(query)]


def reviews_due(session: Session, until: dt.date, *, limit: int = 5000) -> Sequence[CarePlan]:
    """Active plans whose review date is on or before `until`, the longest overdue first."""
    return list_live(
        session,
        kinds.CARE_PLANS,
        *review_where(until),
        order_by=(CarePlan.review_on, CarePlan.pk),
        limit=max(1, min(int(limit), 5000)),
    )
