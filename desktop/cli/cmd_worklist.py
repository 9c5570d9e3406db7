"""worklist: who to call today (desktop.app.worklist), one line each, most pressing first."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.app.work_items import GROUP_WORDS, WORKLIST_LIMIT
from desktop.cli.context import CliContext


def register(sub: Any) -> None:
    p = sub.add_parser(
        "worklist",
        help="who to call today: results to relay (urgent first), overdue referrals, late results",
        description="What needs the coordinator today, most pressing first: in each group the "
        f"{WORKLIST_LIMIT} longest waiting, and how many more there are (--all lists every "
        "line). Each line names "
        "the record to open: `outpost results show ID` or `outpost referrals show ID`; "
        "`outpost careplans show ID` for a care plan or one of its items (care_plan, "
        "care_plan_item); an appointment missed is rebooked from the schedule.",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help=f"every line of every group (not only the {WORKLIST_LIMIT} longest waiting)",
    )
    p.set_defaults(run=run_worklist)


def run_worklist(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        worklist = core.worklist.today(limit=None if args.all else WORKLIST_LIMIT)
        if not worklist.items:
            ctx.print(f"Nothing waiting on {worklist.today.isoformat()}.")
        for group in GROUP_WORDS:
            for item in (i for i in worklist.items if i.group == group):
                who = f"{item.patient_name} ({item.clinic_number or item.patient_id})"
                phone = f"  {item.phone}" if item.phone else ""
                ctx.print(
                    f"{item.group_words}: {who}{phone}  {item.what}  [{item.kind} {item.record_id}]"
                )
            if worklist.more(group):
                ctx.print(
                    f"{GROUP_WORDS[group]}: … and {worklist.more(group):,} more: "
                    "outpost worklist --all"
                )
    return 0
