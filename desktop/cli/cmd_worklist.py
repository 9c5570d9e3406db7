"""worklist: who to call today (desktop.app.worklist), one line each, most pressing first."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import CliContext


def register(sub: Any) -> None:
    p = sub.add_parser(
        "worklist",
        help="who to call today: results to relay (urgent first), overdue referrals, late results",
        description="What needs the coordinator today, most pressing first. Each line names "
        "the record to open: `outpost results show ID` or `outpost referrals show ID`; "
        "`outpost careplans show ID` for a care plan or one of its items (care_plan, "
        "care_plan_item); an appointment missed is rebooked from the schedule.",
    )
    p.set_defaults(run=run_worklist)


def run_worklist(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        worklist = core.worklist.today()
        if not worklist.items:
            ctx.print(f"Nothing waiting on {worklist.today.isoformat()}.")
        for item in worklist.items:
            who = f"{item.patient_name} ({item.clinic_number or item.patient_id})"
            phone = f"  {item.phone}" if item.phone else ""
            ctx.print(
                f"{item.group_words}: {who}{phone}  {item.what}  [{item.kind} {item.record_id}]"
            )
    return 0
