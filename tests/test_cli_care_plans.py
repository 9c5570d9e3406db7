"""`outpost careplans`: care plans from the command line, on a real store, with the global
options and exit codes of every command (0 done; 1 one clear line; 2 a mistake in the
command's words)."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from pathlib import Path

import pytest

from tests.cli_store import Outpost
from tests.hostile import make_clinic


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("careplans") / "clinic")


@pytest.fixture
def outpost(
    made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Outpost:
    return Outpost.on_copy_of(made, tmp_path, capsys, monkeypatch)


def today() -> dt.date:
    """The clinic's today (`outpost init` makes a clinic in Africa/Nairobi)."""
    return dt.datetime.now(zoneinfo.ZoneInfo("Africa/Nairobi")).date()


def patient(outpost: Outpost, given: str = "Achieng") -> str:
    return outpost.ok(
        "patients", "add", "--given", given, "--family", "Odera", "--age", "61"
    ).strip()


def item_line(shown: str, words: str) -> str:
    found = [line for line in shown.splitlines() if words in line]
    assert len(found) == 1, shown
    return found[0]


def item_id(shown: str, words: str) -> str:
    return item_line(shown, words).rsplit("(", 1)[1].rstrip(")")


def test_a_care_plan_from_plan_to_follow_up_checked_off(outpost: Outpost) -> None:
    pid = patient(outpost)
    day = today()
    review = (day + dt.timedelta(days=90)).isoformat()
    plan = outpost.ok(
        "careplans",
        "add",
        pid,
        "--title",
        "Type 2 diabetes",
        "--problem",
        "HbA1c 9.2%",
        "--goal",
        "HbA1c under 7% by June",
        "--review",
        review,
    ).strip()
    assert uuid.UUID(plan)
    follow_up = outpost.ok(
        "careplans",
        "add-item",
        plan,
        "--kind",
        "follow-up",
        "--description",
        "Monthly review",
        "--due",
        day.isoformat(),
        "--every",
        "30",
        "--owner-name",
        "Mary Auma (CHW)",
    ).strip()
    task = outpost.ok(
        "careplans", "add-item", plan, "--kind", "task", "--description", "Eye screening",
        "--owner", "admin", "--due", day.isoformat(),
    ).strip()  # fmt: skip
    shown = outpost.ok("careplans", "show", plan)
    assert shown.startswith("Care plan: Type 2 diabetes (active)\n")
    assert f"review {review}" in shown
    assert item_line(shown, "HbA1c 9.2%").startswith("  problem: HbA1c 9.2%")
    line = item_line(shown, "Monthly review")
    assert "[ ] Monthly review  — Mary Auma (CHW)" in line and "every 30 days" in line
    assert "[DUE TODAY]" in line and line.endswith(f"({follow_up})")
    # The worklist's id opens the plan too.
    assert outpost.ok("careplans", "show", task) == shown

    due = outpost.ok("careplans", "due").splitlines()
    assert [d.split()[0] for d in due] == [follow_up, task] or [d.split()[0] for d in due] == [
        task,
        follow_up,
    ]
    assert all("due today" in d and "Type 2 diabetes" in d for d in due)
    worklist = outpost.ok("worklist")
    assert worklist.count("care plan: due today: Achieng Odera") == 2
    assert f"[care_plan_item {follow_up}]" in worklist

    # Checked off: done by whom and when; the next visit is due in 30 days.
    after = outpost.ok("careplans", "done", follow_up, "--note", "BP 132/84")
    visits = [line for line in after.splitlines() if "Monthly review" in line]
    assert len(visits) == 2
    assert "[x] Monthly review" in visits[0] and "done " in visits[0] and " by " in visits[0]
    nxt = (day + dt.timedelta(days=30)).isoformat()
    assert "[ ] Monthly review" in visits[1] and f"due {nxt}" in visits[1]
    assert "note: BP 132/84" in after
    assert [d.split()[0] for d in outpost.ok("careplans", "due").splitlines()] == [task]

    # Ticked by mistake, cancelled, brought back.
    outpost.ok("careplans", "done", task)
    assert "[ ] Eye screening" in item_line(outpost.ok("careplans", "untick", task), "Eye")
    cancelled = outpost.ok("careplans", "cancel-item", task, "--why", "done at the hospital")
    assert "[-] Eye screening" in item_line(cancelled, "Eye screening")
    assert "[ ] Eye screening" in item_line(outpost.ok("careplans", "untick", task), "Eye")

    # Reviewed today; then completed. The list says so.
    later = (day + dt.timedelta(days=120)).isoformat()
    reviewed = outpost.ok("careplans", "update", plan, "--reviewed", later, "--note", "doing well")
    assert f"review {later}" in reviewed and f"reviewed: doing well (next review {later})" in (
        reviewed
    )
    completed = outpost.ok("careplans", "update", plan, "--status", "completed")
    assert completed.startswith("Care plan: Type 2 diabetes (completed)")
    listed = outpost.ok("careplans", "list", "--patient", pid)
    assert listed.startswith(f"{plan}  completed  Achieng Odera (")
    assert outpost.ok("careplans", "list", "--active") == ""
    assert outpost.ok("careplans", "due") == f"Nothing due by {day.isoformat()}.\n"
    reopened = outpost.ok("careplans", "update", plan, "--status", "active")
    assert reopened.startswith("Care plan: Type 2 diabetes (active)")


def test_what_makes_no_sense_is_refused_in_one_line(outpost: Outpost) -> None:
    pid = patient(outpost)
    plan = outpost.ok("careplans", "add", pid, "--title", "Hypertension").strip()
    outpost.refused(
        "careplans", "add-item", plan, "--kind", "follow-up", "--description", "Review",
        says="A follow-up needs the date it is due.",
    )  # fmt: skip
    outpost.refused(
        "careplans", "add-item", plan, "--kind", "task", "--description", "BP",
        "--owner", "nobody",
        says="No user 'nobody' can own or lead care plans",
    )  # fmt: skip
    outpost.refused("careplans", "update", plan, says="Nothing to change")
    outpost.refused(
        "careplans", "update", plan, "--status", "cancelled", says="Say why the plan is cancelled"
    )
    outpost.refused("careplans", "update", plan, "--why", "x", says="--why goes with --status")
    outpost.refused(
        "careplans", "show", str(uuid.uuid4()), says="No care plan, nor item of one, with id"
    )
    outpost.refused("careplans", "add", pid, "--title", "BP", "--review", "31/02/2027", says="")
    outpost.refused("careplans", "add", "KNC-999999", "--title", "BP", says="")
    # An open item changes; only what is given.
    day = today().isoformat()
    bp = outpost.ok(
        "careplans", "add-item", plan, "--kind", "task", "--description", "BP", "--due", day
    ).strip()
    changed = item_line(outpost.ok("careplans", "update-item", bp, "--every", "14"), "BP")
    assert f"due {day}  every 14 days" in changed
    changed = item_line(
        outpost.ok("careplans", "update-item", bp, "--no-repeat", "--owner-name", "CHW Juma"), "BP"
    )
    assert "— CHW Juma" in changed and "every" not in changed
    outpost.refused("careplans", "update-item", bp, says="Nothing to change")
    cancelled = outpost.ok("careplans", "update", plan, "--status", "cancelled", "--why", "error")
    assert "(cancelled)" in cancelled.splitlines()[0]
    outpost.refused(
        "careplans", "update", plan, "--status", "active",
        says="A care plan that is cancelled cannot become active.",
    )  # fmt: skip
    # A mistake in the command's words is argparse's: exit 2.
    with pytest.raises(SystemExit) as stopped:
        outpost("careplans", "add-item", plan, "--kind", "chore", "--description", "x")
    assert stopped.value.code == 2
    assert "invalid choice: 'chore'" in outpost.capsys.readouterr().err
