"""Care plans on a real store: a plan with its problems, goals, tasks and follow-ups; a task
checked off with who and when, unticked by mistake, cancelled; a repeating follow-up followed
by its next occurrence on its schedule; a missed follow-up on the worklist until it is done;
plan review and the plan's status machine; who may do it; input refused in words."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from collections.abc import Sequence
from typing import Any

import pytest

from desktop.app import work_items as wl
from desktop.app.care_plans import CareItemKind, CareItemStatus, CarePlanStatus
from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from desktop.permissions import ROLE_PERMISSIONS, Actor, Permission
from desktop.records import kinds
from desktop.services import care_plans as svc
from desktop.store.models import CarePlanItem, Role, User

ZONE = zoneinfo.ZoneInfo("Africa/Nairobi")
MONDAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZONE)
DAY = MONDAY.date()
K = CareItemKind
S = CareItemStatus


def at(core: ClinicCore, moment: dt.datetime) -> None:
    core.clock = ClinicClock(ZONE, now=lambda: moment)


def patient(core: ClinicCore, given: str = "Achieng") -> uuid.UUID:
    data = PatientInput(
        given_name=given, family_name="Odera", estimated_age_years="61", phone="0722 000 111"
    )
    return core.patients.register(data, confirmed_new=True).value


@pytest.fixture
def clinic(core: ClinicCore) -> ClinicCore:
    at(core, MONDAY)
    return core


def plan(core: ClinicCore, pid: uuid.UUID | None = None, **kw: object) -> uuid.UUID:
    options: dict[str, object] = {"review_on": DAY + dt.timedelta(days=90), **kw}
    done = core.care_plans.create(
        pid or patient(core),
        "Type 2 diabetes",
        problems=["HbA1c 9.2%, poorly controlled"],
        goals=["HbA1c under 7% by June"],
        **options,  # type: ignore[arg-type]
    )
    return done.value.line.plan_id


def item_of(core: ClinicCore, plan_id: uuid.UUID, description: str) -> uuid.UUID:
    found = [i for i in core.care_plans.show(plan_id).items if i.description == description]
    assert len(found) == 1, found
    return found[0].item_id


def test_a_plan_holds_its_problem_goals_tasks_and_follow_ups(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    made = core.care_plans.create(
        pid,
        "  Type 2 diabetes ",
        problems=["HbA1c 9.2%"],
        goals=["HbA1c under 7% by June"],
        review_on=dt.date(2027, 2, 22),
    )
    assert made.changes.touches("care_plans", "care_plan_items")
    assert made.changes.touches_patient(pid)
    line = made.value.line
    assert line.title == "Type 2 diabetes" and line.status is CarePlanStatus.ACTIVE
    assert line.started_on == DAY and line.review_on == dt.date(2027, 2, 22)
    assert line.lead == "Amina Odhiambo" and line.lead_id == core.actor.user_id
    assert line.patient_name == "Achieng Odera" and line.patient_phone
    plan_id = line.plan_id
    core.care_plans.add_item(
        plan_id,
        K.FOLLOW_UP,
        "Diabetes review: glucose, feet, BP",
        due_on=dt.date(2026, 12, 7),
        repeat_days=30,
    )
    core.care_plans.add_item(
        plan_id, K.TASK, "Home visit: check insulin storage", owner_name="  Mary  Auma (CHW) "
    )
    items = core.care_plans.show(plan_id).items
    assert [(i.kind, i.description) for i in items] == [
        (K.PROBLEM, "HbA1c 9.2%"),
        (K.GOAL, "HbA1c under 7% by June"),
        (K.FOLLOW_UP, "Diabetes review: glucose, feet, BP"),
        (K.TASK, "Home visit: check insulin storage"),
    ]
    review, visit = items[2], items[3]
    assert review.owner == "Amina Odhiambo" and review.owner_id == core.actor.user_id
    assert review.repeat_days == 30 and review.kind_words == "follow-up"
    assert visit.owner == "Mary Auma (CHW)" and visit.owner_id is None
    assert items[0].owner == "" and items[0].due_on is None  # a problem has no owner
    shown = core.care_plans.list(patient_id=pid)
    assert [p.plan_id for p in shown] == [plan_id]
    assert shown[0].open_tasks == 2 and shown[0].next_due == dt.date(2026, 12, 7)
    assert shown[0].missed == 0 and not shown[0].review_due


def test_a_task_checked_off_says_who_and_when_and_can_be_unticked(clinic: ClinicCore) -> None:
    core = clinic
    plan_id = plan(core)
    core.care_plans.add_item(plan_id, K.TASK, "Refer to nutritionist", due_on=DAY)
    task = item_of(core, plan_id, "Refer to nutritionist")
    at(core, MONDAY + dt.timedelta(hours=2))
    done = core.care_plans.check_off(task, note="booked for Thursday")
    checked = next(i for i in done.value.items if i.item_id == task)
    assert checked.status is S.DONE and checked.done_by == "Amina Odhiambo"
    assert checked.done_at == MONDAY + dt.timedelta(hours=2) and checked.note == (
        "booked for Thursday"
    )
    assert len(done.value.items) == 3  # a task that does not repeat makes nothing more
    with pytest.raises(Conflict, match="checked off already"):
        core.care_plans.check_off(task)
    unticked = core.care_plans.untick(task).value
    again = next(i for i in unticked.items if i.item_id == task)
    assert again.status is S.OPEN and again.done_at is None and again.done_by is None
    with pytest.raises(Conflict, match="not checked off"):
        core.care_plans.untick(task)
    # A goal describes the plan: it is cancelled when it no longer applies, never ticked.
    goal = item_of(core, plan_id, "HbA1c under 7% by June")
    with pytest.raises(Conflict, match="A goal is not checked off"):
        core.care_plans.check_off(goal)
    with pytest.raises(InvalidInput, match="Say why"):
        core.care_plans.cancel_item(task, "  ")
    cancelled = core.care_plans.cancel_item(task, "Nutritionist seen at the hospital").value
    gone = next(i for i in cancelled.items if i.item_id == task)
    assert gone.status is S.CANCELLED and "cancelled: Nutritionist seen" in gone.note
    with pytest.raises(Conflict, match="cannot become done"):
        core.care_plans.check_off(task)
    restored = core.care_plans.restore_item(task).value
    assert next(i for i in restored.items if i.item_id == task).status is S.OPEN


def test_a_repeating_follow_up_checked_off_makes_the_next_on_its_schedule(
    clinic: ClinicCore,
) -> None:
    core = clinic
    plan_id = plan(core)
    core.care_plans.add_item(
        plan_id, K.FOLLOW_UP, "Monthly BP check", due_on=DAY, repeat_days=28, owner_name="CHW Juma"
    )
    first = item_of(core, plan_id, "Monthly BP check")
    # Done two days late: the next is 28 days after the due date, not after today.
    at(core, MONDAY + dt.timedelta(days=2))
    items = core.care_plans.check_off(first).value.items
    visits = [i for i in items if i.description == "Monthly BP check"]
    assert [(i.status, i.due_on) for i in visits] == [
        (S.DONE, DAY),
        (S.OPEN, DAY + dt.timedelta(days=28)),
    ]
    following = visits[1]
    assert following.item_id == svc.next_occurrence_id(first)
    assert following.owner == "CHW Juma" and following.repeat_days == 28
    # Unticked by mistake: the next occurrence it made is taken back, then made again.
    after_untick = core.care_plans.untick(first).value.items
    assert [i.item_id for i in after_untick if i.description == "Monthly BP check"] == [first]
    core.care_plans.check_off(first)
    assert core.care_plans.item(following.item_id).status is S.OPEN
    # The next one done: unticking the first is refused (two open visits for one).
    core.care_plans.check_off(following.item_id)
    with pytest.raises(Conflict, match=r"next occurrence \(due .*\) is checked off already"):
        core.care_plans.untick(first)


def test_occurrences_already_past_are_skipped_not_made() -> None:
    due = dt.date(2026, 9, 1)
    assert svc.next_due(due, 30, dt.date(2026, 8, 30)) == dt.date(2026, 10, 1)  # done early
    assert svc.next_due(due, 30, dt.date(2026, 9, 5)) == dt.date(2026, 10, 1)  # a little late
    # Three months late: October and November are gone; the next is the first one ahead.
    assert svc.next_due(due, 30, dt.date(2026, 12, 3)) == dt.date(2026, 12, 30)
    # The schedule's date that is today is skipped: the patient was seen today.
    assert svc.next_due(due, 30, dt.date(2026, 10, 1)) == dt.date(2026, 10, 31)


def test_a_missed_follow_up_is_on_the_worklist_until_it_is_done(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core, "Nyokabi")
    plan_id = plan(core, pid)
    core.care_plans.add_item(
        plan_id, K.FOLLOW_UP, "Foot examination", due_on=DAY + dt.timedelta(days=3), repeat_days=30
    )
    core.care_plans.add_item(plan_id, K.TASK, "Eye screening", due_on=DAY + dt.timedelta(days=5))
    core.care_plans.add_item(plan_id, K.TASK, "Diet leaflet")  # no due date: never on the list
    foot = item_of(core, plan_id, "Foot examination")
    eyes = item_of(core, plan_id, "Eye screening")
    assert core.worklist.today().items == ()

    at(core, MONDAY + dt.timedelta(days=5))
    items = core.worklist.today().items
    assert [(i.group, i.kind, i.record_id) for i in items] == [
        (wl.CARE_MISSED, wl.CARE_ITEM, foot),
        (wl.CARE_DUE, wl.CARE_ITEM, eyes),
    ]
    missed = items[0]
    assert missed.patient_id == pid and missed.patient_name == "Nyokabi Odera"
    assert missed.what == (
        "Type 2 diabetes: follow-up Foot examination (Amina Odhiambo), due 2026-11-26"
    )
    assert missed.since == dt.date(2026, 11, 26) and missed.phone
    # The line opens the plan, at the item (a review's line names the plan itself).
    assert core.care_plans.open(missed.record_id).line.plan_id == plan_id
    assert core.care_plans.open(plan_id).line.plan_id == plan_id
    assert [line.item.item_id for line in core.care_plans.due()] == [foot, eyes]
    assert core.care_plans.list(patient_id=pid)[0].missed == 1

    # Done: off the list; its next occurrence is due in a month, not today.
    core.care_plans.check_off(foot)
    core.care_plans.check_off(eyes)
    assert core.worklist.today().items == ()
    at(core, MONDAY + dt.timedelta(days=33))
    assert [(i.group, i.what) for i in core.worklist.today().items] == [
        (
            wl.CARE_DUE,
            "Type 2 diabetes: follow-up Foot examination (Amina Odhiambo), due 2026-12-26",
        )
    ]
    # A completed plan's open items are not due: they leave the list, and come back with it.
    core.care_plans.complete(plan_id, note="HbA1c 6.8%")
    assert core.worklist.today().items == ()
    core.care_plans.reopen(plan_id)
    assert core.worklist.today().count(wl.CARE_DUE) == 1


def test_a_plan_review_due_is_on_the_worklist_until_the_plan_is_reviewed(
    clinic: ClinicCore,
) -> None:
    core = clinic
    plan_id = plan(core, review_on=None)
    core.care_plans.edit(plan_id, review_on=DAY + dt.timedelta(days=1))
    assert core.worklist.today().items == ()
    at(core, MONDAY + dt.timedelta(days=1))
    items = core.worklist.today().items
    assert [(i.group, i.kind, i.record_id) for i in items] == [(wl.CARE_DUE, wl.CARE_PLAN, plan_id)]
    assert items[0].what == "Type 2 diabetes: plan review due 2026-11-24"
    assert core.care_plans.show(plan_id).line.review_due
    with pytest.raises(InvalidInput, match="comes after today"):
        core.care_plans.review(plan_id, DAY + dt.timedelta(days=1))
    reviewed = core.care_plans.review(plan_id, dt.date(2027, 2, 24), note="metformin doubled")
    assert reviewed.value.line.review_on == dt.date(2027, 2, 24)
    assert reviewed.value.line.notes.endswith(
        "2026-11-24 reviewed: metformin doubled (next review 2027-02-24)"
    )
    assert core.worklist.today().items == ()


def test_the_plan_s_status_machine(clinic: ClinicCore) -> None:
    core = clinic
    plan_id = plan(core)
    task = core.care_plans.add_item(plan_id, K.TASK, "Statin started").value.item_id
    completed = core.care_plans.complete(plan_id).value.line
    assert completed.status is CarePlanStatus.COMPLETED and completed.ended_on == DAY
    # Nothing changes in a plan that is not active.
    with pytest.raises(Conflict, match="is completed: reopen it"):
        core.care_plans.add_item(plan_id, K.TASK, "Another")
    with pytest.raises(Conflict, match="reopen it"):
        core.care_plans.check_off(task)
    reopened = core.care_plans.reopen(plan_id).value.line
    assert reopened.status is CarePlanStatus.ACTIVE and reopened.ended_on is None
    with pytest.raises(InvalidInput, match="Say why the plan is cancelled"):
        core.care_plans.cancel(plan_id, "")
    cancelled = core.care_plans.cancel(plan_id, "made for the wrong patient").value.line
    assert cancelled.status is CarePlanStatus.CANCELLED
    assert "cancelled: made for the wrong patient" in cancelled.notes
    with pytest.raises(Conflict, match="A care plan that is cancelled cannot become active"):
        core.care_plans.reopen(plan_id)


def test_input_that_makes_no_sense_is_refused_in_words(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    api = core.care_plans
    with pytest.raises(InvalidInput, match="Say what the plan is for"):
        api.create(pid, "   ")
    with pytest.raises(InvalidInput, match="not in the future"):
        api.create(pid, "Hypertension", started_on=DAY + dt.timedelta(days=1))
    with pytest.raises(InvalidInput, match="reviewed before it starts"):
        api.create(pid, "Hypertension", started_on=DAY, review_on=DAY - dt.timedelta(days=1))
    with pytest.raises(NotFound, match="No patient"):
        api.create(uuid.uuid4(), "Hypertension")
    with pytest.raises(InvalidInput, match="No user of the clinic"):
        api.create(pid, "Hypertension", lead_by=uuid.uuid4())
    plan_id = plan(core, pid, started_on=DAY - dt.timedelta(days=60))  # from paper notes
    with pytest.raises(InvalidInput, match="A follow-up needs the date it is due"):
        api.add_item(plan_id, K.FOLLOW_UP, "Review")
    with pytest.raises(InvalidInput, match="more than 30 days ago"):
        api.add_item(plan_id, K.TASK, "Review", due_on=DAY - dt.timedelta(days=31))
    with pytest.raises(InvalidInput, match="before the plan started"):
        api.add_item(plan_id, K.TASK, "Review", due_on=DAY - dt.timedelta(days=61))
    with pytest.raises(InvalidInput, match="between 1 and 366"):
        api.add_item(plan_id, K.FOLLOW_UP, "Review", due_on=DAY, repeat_days=0)
    with pytest.raises(InvalidInput, match="Only a task or a follow-up repeats"):
        api.add_item(plan_id, K.GOAL, "Weight", due_on=DAY, repeat_days=30)
    with pytest.raises(InvalidInput, match="first occurrence"):
        api.add_item(plan_id, K.TASK, "Weigh", repeat_days=30)
    with pytest.raises(InvalidInput, match="not both"):
        api.add_item(plan_id, K.TASK, "Weigh", owner_id=core.actor.user_id, owner_name="Juma")
    with pytest.raises(InvalidInput, match="No user of the clinic"):
        api.add_item(plan_id, K.TASK, "Weigh", owner_id=uuid.uuid4())
    with pytest.raises(InvalidInput, match="Say what the task is"):
        api.add_item(plan_id, K.TASK, " ")
    with pytest.raises(InvalidInput, match="too long"):
        api.add_item(plan_id, K.TASK, "Weigh", owner_name="x" * 201)
    with pytest.raises(NotFound, match="No care plan with id"):
        api.show(uuid.uuid4())
    # An open item's dates move; moving one later is always fine, back as for a new one.
    task = api.add_item(plan_id, K.TASK, "Weigh", due_on=DAY).value.item_id
    api.edit_item(task, due_on=DAY + dt.timedelta(days=7), repeat_days=7)
    assert api.item(task).repeat_days == 7
    api.edit_item(task, stop_repeating=True, owner_name="Juma")
    edited = api.item(task)
    assert edited.repeat_days is None and edited.owner == "Juma" and edited.owner_id is None
    with pytest.raises(InvalidInput, match="has an owner"):
        api.edit_item(task, owner_name="")


def test_who_may_keep_care_plans(clinic: ClinicCore, monkeypatch: pytest.MonkeyPatch) -> None:
    core = clinic
    pid = patient(core)
    plan_id = plan(core, pid)

    def as_role(role: Role) -> Actor:
        return Actor(core.actor.user_id, "x", role.value.title(), role, core.store.clinic_id)

    # Every role keeps care plans and checks off their tasks (kinds.CARE_PLANS.write) …
    assert all(Permission.MANAGE_CARE_PLANS in ROLE_PERMISSIONS[r] for r in Role)
    assert kinds.CARE_PLANS.write is Permission.MANAGE_CARE_PLANS
    assert kinds.CARE_PLAN_ITEMS.write is Permission.MANAGE_CARE_PLANS
    # … and a role without the permission is refused every change, before anything is read.
    without = ROLE_PERMISSIONS[Role.COORDINATOR] - {Permission.MANAGE_CARE_PLANS}
    monkeypatch.setitem(ROLE_PERMISSIONS, Role.COORDINATOR, without)
    coordinator = as_role(Role.COORDINATOR)
    with core.store.session() as session, session.begin():
        item = session.query(CarePlanItem).filter_by(care_plan_id=plan_id).first()
        assert item is not None
        for attempt in (
            lambda: svc.create_plan(session, coordinator, patient_id=pid, title="x", today=DAY),
            lambda: svc.add_item(
                session, coordinator, plan_id, kind=K.TASK, description="x", today=DAY
            ),
            lambda: svc.check_off(session, coordinator, item.id, now=MONDAY, today=DAY),
            lambda: svc.set_plan_status(
                session, coordinator, plan_id, CarePlanStatus.COMPLETED, today=DAY
            ),
            lambda: svc.review_plan(
                session, coordinator, plan_id, today=DAY, next_review_on=dt.date(2027, 1, 1)
            ),
        ):
            with pytest.raises(PermissionDenied, match="may not keep care plans"):
                attempt()
    assert core.care_plans.show(plan_id).line.status is CarePlanStatus.ACTIVE


def test_an_owner_who_can_no_longer_sign_in_is_refused(clinic: ClinicCore) -> None:
    core = clinic
    core.admin.add_user(
        username="otieno",
        display_name="Otieno Were",
        role=Role.CLINICIAN,
        password="lake victoria sunrise",
    )
    people = {p.username: p for p in core.care_plans.people()}
    assert set(people) == {"admin", "otieno"}
    plan_id = plan(core, lead_by=people["otieno"].user_id)
    assert core.care_plans.show(plan_id).line.lead == "Otieno Were"
    with core.store.session() as session, session.begin():  # as a sync from HQ would
        account = session.query(User).filter_by(username="otieno").one()
        account.active = False
    assert "otieno" not in {p.username for p in core.care_plans.people()}
    with pytest.raises(InvalidInput, match="Otieno Were can no longer sign in"):
        core.care_plans.add_item(plan_id, K.TASK, "Check", owner_id=people["otieno"].user_id)


def test_the_worklist_reads_care_plans_through_their_indexes(clinic: ClinicCore) -> None:
    """The (status, due date) and (status, review date) indexes, never a scan of the table:
    the worklist must build in well under 100 ms at 200,000 patients."""
    from sqlalchemy import event

    from desktop.app.care_plans import care_plan_items

    core = clinic
    plan_id = plan(core)
    core.care_plans.add_item(plan_id, K.TASK, "Weigh", due_on=DAY)
    engine = core.store.engine
    seen: list[tuple[str, Sequence[Any]]] = []

    def note(_conn: object, _cursor: object, statement: str, params: Any, *_: object) -> None:
        if "care_plan" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", note)
    try:
        lines = core.tx.read(lambda s: care_plan_items(core, s))
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert [i.record_id for i in lines] == [item_of(core, plan_id, "Weigh")]
    plans = []
    with engine.connect() as connection:
        for statement, params in seen:
            rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)
            plans.append(" / ".join(str(row[-1]) for row in rows))
    # Items missed and due today (each bounded), their counts; plans to review and their count.
    assert len(plans) == 5, plans
    items = [
        p for p, (statement, _) in zip(plans, seen, strict=True) if "care_plan_items" in statement
    ]
    reviews = [p for p in plans if p not in items]
    assert len(items) == 3 and len(reviews) == 2, plans
    assert all(
        "SEARCH care_plan_items USING INDEX ix_care_plan_items_status_due" in p for p in items
    )
    assert all("SEARCH care_plans USING INDEX ix_care_plans_status_review" in p for p in reviews)
    assert not any("SCAN care_plan" in p for p in plans), plans


def test_a_patient_removed_as_registered_by_mistake_leaves_no_work_behind(
    clinic: ClinicCore,
) -> None:
    core = clinic
    pid = patient(core, "Wambui")
    kept = patient(core, "Njeri")
    for who in (pid, kept):
        plan_id = plan(core, who, review_on=DAY + dt.timedelta(days=1))
        core.care_plans.add_item(
            plan_id, K.TASK, "Eye screening", due_on=DAY + dt.timedelta(days=1)
        )
        result = core.results.order(who, "Malaria RDT").value.line.result_id
        core.results.record_received(result, text="Positive.")
    at(core, MONDAY + dt.timedelta(days=5))
    before = core.worklist.today()
    assert {i.patient_id for i in before.items} == {pid, kept}

    core.patients.remove(pid)
    after = core.worklist.today()
    assert {i.patient_id for i in after.items} == {kept}
    # The counts say the same as the lines: the removed patient's work is in neither.
    assert sum(after.totals.values()) == len(after.items) == len(before.items) // 2
