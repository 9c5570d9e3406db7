"""Care plans and their items travel through a real `outpost-hq` with no code of their own
beyond their record specs: a task checked off on one laptop is checked off, with who and
when, on the other; a repeating follow-up checked off on both laptops while offline leaves
one next occurrence, not two."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app.care_plans import CareItemKind, CareItemStatus
from desktop.services import care_plans as svc
from tests.hqserver import HqServer
from tests.sync.laptops import Laptops, laptops_of, make_clinic, register, unacked


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "template")


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq: HqServer) -> Iterator[Laptops]:
    with laptops_of(template, tmp_path / "laptops", hq) as made:
        yield made


def test_a_task_checked_off_on_one_laptop_is_checked_off_on_the_other(
    laptops: Laptops, hq: HqServer
) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Nyambura")
    today = a.today()
    plan = a.care_plans.create(
        pid, "Hypertension", goals=["BP under 140/90"], review_on=today + dt.timedelta(days=90)
    ).value.line.plan_id
    task = a.care_plans.add_item(
        plan, CareItemKind.TASK, "Home BP readings", owner_name="CHW Wekesa", due_on=today
    ).value.item_id
    sent = a.sync.sync_now()
    assert sent.rejected == () and unacked(a) == 0

    b.sync.sync_now()
    there = b.care_plans.show(plan)
    assert there.line.title == "Hypertension" and there.line.patient_id == pid
    assert [(i.kind, i.description) for i in there.items] == [
        (CareItemKind.GOAL, "BP under 140/90"),
        (CareItemKind.TASK, "Home BP readings"),
    ]
    assert [line.item.item_id for line in b.care_plans.due()] == [task]

    # B checks it off; A learns it at its next sync, with who and when: off A's worklist.
    done_on_b = next(i for i in b.care_plans.check_off(task).value.items if i.item_id == task)
    b.sync.sync_now()
    a.sync.sync_now()
    on_a = a.care_plans.item(task)
    assert on_a.status is CareItemStatus.DONE
    assert on_a.done_by == done_on_b.done_by and on_a.done_by is not None
    assert on_a.done_at == done_on_b.done_at and on_a.done_at is not None
    assert a.care_plans.due() == ()
    assert all(i.record_id != task for i in a.worklist.today().items)
    assert a.remote.needs_attention() == [] and b.remote.needs_attention() == []

    status = hq.status_text()
    assert "care_plans 1" in status and "care_plan_items 2" in status
    assert a.sync.sync_now().counts_differ == ()


def test_a_follow_up_checked_off_on_both_laptops_offline_leaves_one_next_visit(
    laptops: Laptops,
) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Kiprono")
    today = a.today()
    plan = a.care_plans.create(pid, "Type 2 diabetes").value.line.plan_id
    visit = a.care_plans.add_item(
        plan, CareItemKind.FOLLOW_UP, "Monthly review", due_on=today, repeat_days=30
    ).value.item_id
    a.sync.sync_now()
    b.sync.sync_now()
    # The link is down; the patient is seen at the clinic and, the same day, by the CHW.
    a.care_plans.check_off(visit, note="seen at the clinic")
    b.care_plans.check_off(visit, note="home visit")
    for core in (a, b, a):
        core.sync.sync_now()
    for core in (a, b):
        visits = [i for i in core.care_plans.show(plan).items if i.description == "Monthly review"]
        assert [(i.status, i.due_on) for i in visits] == [
            (CareItemStatus.DONE, today),
            (CareItemStatus.OPEN, today + dt.timedelta(days=30)),
        ]
        assert visits[1].item_id == svc.next_occurrence_id(visit)
