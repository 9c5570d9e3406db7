"""The worklist bounded: per group the longest waiting lines up to the limit, and the true
count of each group (`Worklist.total`); `today(limit=None)` and `outpost worklist --all` give
every line."""

from __future__ import annotations

import datetime as dt
import inspect
import io
import sys

import pytest

from desktop.app import work_items as wl
from desktop.core import ClinicCore
from desktop.store.models import FacilityKind, ReferralUrgency, RelayMethod, RelayOutcome
from tests.test_worklist import MONDAY, at, patient


def test_the_worklist_shows_100_lines_a_group_by_default(core: ClinicCore) -> None:
    assert wl.WORKLIST_LIMIT == 100
    assert inspect.signature(core.worklist.today).parameters["limit"].default == 100


def test_a_group_longer_than_the_limit_shows_the_longest_waiting_and_counts_all(
    core: ClinicCore,
) -> None:
    at(core, MONDAY - dt.timedelta(days=10))  # ordered ten days ago
    results = core.results
    names = ("Akoth", "Baraka", "Chebet", "Dida")
    received = [
        results.order(patient(core, name), "Lipid profile").value.line.result_id for name in names
    ]
    told = results.order(patient(core, "Esther"), "Malaria RDT").value.line.result_id
    at(core, MONDAY)
    for n, rid in enumerate(received):
        on = MONDAY.date() - dt.timedelta(days=3 - n)  # Akoth's waits longest
        results.record_received(rid, on=on, text="Normal.")
    results.record_received(told, on=MONDAY.date() - dt.timedelta(days=5), text="negative")
    results.relay(told, RelayMethod.PHONE, RelayOutcome.INFORMED)  # off the list, not counted
    hospital = core.referrals.add_facility("County Hospital", FacilityKind.HOSPITAL).value
    referrals = [
        core.referrals.add(
            patient(core, name),
            "Surgical review",
            facility_id=hospital.facility_id,
            urgency=ReferralUrgency.URGENT,
            send_on=MONDAY.date() - dt.timedelta(days=days),
        ).value.referral_id
        for name, days in (("Fatuma", 20), ("Gitau", 30), ("Halima", 25))
    ]

    bounded = core.worklist.today(limit=2)
    shown = [i.record_id for i in bounded.items if i.group == wl.RESULT_WAITING]
    assert shown == received[:2]
    assert (bounded.count(wl.RESULT_WAITING), bounded.total(wl.RESULT_WAITING)) == (2, 4)
    assert bounded.more(wl.RESULT_WAITING) == 2
    assert [i.record_id for i in bounded.items if i.group == wl.URGENT_REFERRAL] == [
        referrals[1],  # sent 30 days ago
        referrals[2],  # 25 days
    ]
    assert (bounded.count(wl.URGENT_REFERRAL), bounded.total(wl.URGENT_REFERRAL)) == (2, 3)
    assert bounded.total(wl.ESCALATE) == 0 and bounded.more(wl.ESCALATE) == 0
    assert bounded.total_lines == 7

    everything = core.worklist.today(limit=None)
    assert [i.record_id for i in everything.items if i.group == wl.RESULT_WAITING] == received
    assert everything.count(wl.URGENT_REFERRAL) == everything.total(wl.URGENT_REFERRAL) == 3
    assert len(everything.items) == everything.total_lines == 7
    assert core.worklist.today().items == everything.items  # under 100 a group: all shown


def test_late_results_are_bounded_and_counted(core: ClinicCore) -> None:
    at(core, MONDAY)
    late = [
        core.results.order(
            patient(core, name),
            "Sputum culture",
            expected_on=MONDAY.date() + dt.timedelta(days=days),
        ).value.line.result_id
        for name, days in (("Akoth", 2), ("Baraka", 0), ("Chebet", 1))
    ]
    at(core, MONDAY + dt.timedelta(days=5))
    worklist = core.worklist.today(limit=1)
    assert [i.record_id for i in worklist.items] == [late[1]]
    assert worklist.total(wl.LATE) == 3


def test_outpost_worklist_says_how_many_more_and_all_lists_them(
    core: ClinicCore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.cli import cmd_worklist
    from desktop.cli.main import main
    from tests.conftest import PASSWORD

    at(core, MONDAY)
    for name in ("Akoth", "Baraka", "Chebet"):
        rid = core.results.order(patient(core, name), "Malaria RDT").value.line.result_id
        core.results.record_received(rid, text="positive")
    paths = core.paths
    core.close()
    monkeypatch.setattr(cmd_worklist, "WORKLIST_LIMIT", 1)
    args = ["--data-dir", str(paths.root), "--password-stdin", "--user", "admin", "worklist"]

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[0].startswith("result to relay: ")
    assert out[1] == "result to relay: … and 2 more: outpost worklist --all"

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main([*args, "--all"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and all(line.startswith("result to relay: ") for line in out)


def test_every_source_reads_its_lines_limited_in_sql(core: ClinicCore) -> None:
    """The limit is the query's (ORDER BY … LIMIT), not a cut made after reading them all;
    the totals come from counts."""
    from sqlalchemy import event

    at(core, MONDAY - dt.timedelta(days=10))
    rid = core.results.order(patient(core, "Akoth"), "Lipid profile").value.line.result_id
    late = core.results.order(patient(core, "Baraka"), "Culture", expected_on=MONDAY.date())
    at(core, MONDAY + dt.timedelta(days=1))
    core.results.record_received(rid, text="Normal.")
    hospital = core.referrals.add_facility("County Hospital", FacilityKind.HOSPITAL).value
    core.referrals.add(
        patient(core, "Chebet"),
        "Surgical review",
        facility_id=hospital.facility_id,
        urgency=ReferralUrgency.URGENT,
        send_on=MONDAY.date() - dt.timedelta(days=9),
    )
    assert late.value.line.result_id
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        seen.append(" ".join(statement.split()))

    engine = core.store.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        worklist = core.worklist.today(limit=7)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert worklist.total_lines == 3
    tables = ("results", "referrals", "claims", "care_plan_items", "care_plans", "appointments")
    lines = [
        s
        for s in seen
        if s.startswith("SELECT")
        and "count(" not in s.split(" FROM ")[0]
        and s.split(" FROM ")[1].split(" ")[0] in tables
    ]
    read = {s.split(" FROM ")[1].split(" ")[0] for s in lines}
    assert {"results", "referrals", "claims", "care_plan_items", "appointments"} <= read
    unlimited = [s.split(" WHERE ")[0] for s in lines if " LIMIT " not in s]
    # Only coverage's read of tomorrow's appointments (a day's bookings: it decides per
    # membership after reading them).
    assert unlimited == ["SELECT appointments.patient_id, appointments.starts_at FROM appointments"]
