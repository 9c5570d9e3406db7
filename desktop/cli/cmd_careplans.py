"""careplans list / add / show / update / due, and their items: add-item / update-item /
done / untick / cancel-item; through the care plans API (`core.care_plans`), as the screens
do.

Dates are the clinic's (YYYY-MM-DD or DD/MM/YYYY). A person is named by their user name
(`--lead`, `--owner`) or, when they have no account (a community health worker), by
`--owner-name`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from desktop.app.care_plans import (
    CareDueLine,
    CareItemKind,
    CareItemLine,
    CareItemStatus,
    CarePlanDetail,
    CarePlanLine,
    CarePlanStatus,
)
from desktop.atomic import shown
from desktop.cli.cmd_patients import find_patient
from desktop.cli.cmd_printouts import add_print
from desktop.cli.cmd_referrals import record_id
from desktop.cli.context import CliContext
from desktop.dates import read_date
from desktop.errors import InvalidInput, NotFound
from desktop.messages import msg

if TYPE_CHECKING:
    from desktop.core import ClinicCore

# Kinds and statuses as typed: dashes or underscores ("follow-up").
ITEM_KINDS = [k.value.replace("_", "-") for k in CareItemKind]
PLAN_STATUSES = [s.value for s in CarePlanStatus]


def register(sub: Any) -> None:
    group = sub.add_parser(
        "careplans",
        help="care plans: problems, goals, tasks and follow-ups with owners and due dates",
        description="A patient's care plans, and each task and follow-up checked off with "
        "who and when. A follow-up may repeat (--every 30: monthly); checking one off makes "
        "the next, due on its schedule.",
    ).add_subparsers(dest="careplans_command", metavar="ACTION", required=True)

    p = group.add_parser("list", help="care plans: one patient's, or the clinic's newest first")
    p.add_argument("--patient", metavar="ID", help="one patient's (record id or clinic number)")
    p.add_argument("--active", action="store_true", help="active plans only")
    p.add_argument("--limit", type=int, default=100, metavar="N")
    p.set_defaults(run=run_list)

    p = group.add_parser("add", help="a care plan for a patient; prints its id")
    p.add_argument("patient", help="the patient's record id or clinic number")
    p.add_argument("--title", required=True, help='what it is for, e.g. "Type 2 diabetes"')
    p.add_argument("--problem", action="append", default=[], help="a problem (may be repeated)")
    p.add_argument("--goal", action="append", default=[], help="a goal (may be repeated)")
    p.add_argument("--lead", metavar="USER", help="who leads it (a user name; default: you)")
    p.add_argument("--start", metavar="DATE", help="when it started (default: today)")
    p.add_argument("--review", metavar="DATE", help="when it is next reviewed")
    p.add_argument("--notes", default="")
    p.set_defaults(run=run_add)

    p = group.add_parser(
        "show", help="a care plan and its items (the plan's id, or one of its items')"
    )
    p.add_argument("plan", metavar="ID")
    p.set_defaults(run=run_show)

    p = group.add_parser(
        "update",
        help="change a plan, record its review, or complete, reopen or cancel it; only what "
        "is given changes",
        description="Change what the plan says (--title, --review, --lead, --notes); record "
        "that it was reviewed today with --reviewed NEXT_DATE (and --note); or move it with "
        "--status: completed, active (reopen a completed plan) or cancelled (with --why).",
    )
    p.add_argument("plan", metavar="ID")
    p.add_argument("--title")
    p.add_argument("--review", metavar="DATE", help="the next review date")
    p.add_argument("--lead", metavar="USER")
    p.add_argument("--notes", help="replaces the plan's notes")
    p.add_argument(
        "--reviewed", metavar="NEXT_DATE", help="reviewed today; the next review on NEXT_DATE"
    )
    p.add_argument("--note", default="", help="what the review or status change decided")
    p.add_argument("--status", choices=PLAN_STATUSES)
    p.add_argument("--why", metavar="TEXT", help="why the plan is cancelled")
    p.set_defaults(run=run_update)

    p = group.add_parser(
        "due", help="tasks and follow-ups due or missed across the clinic, missed first"
    )
    p.add_argument("--until", metavar="DATE", help="due by this date (default: today)")
    p.set_defaults(run=run_due)

    p = group.add_parser("add-item", help="a problem, goal, task or follow-up; prints its id")
    p.add_argument("plan", metavar="PLAN", help="the care plan's id")
    p.add_argument("--kind", required=True, choices=ITEM_KINDS)
    p.add_argument("--description", required=True)
    _owner_options(p, "(tasks and follow-ups; default: you)")
    p.add_argument("--due", metavar="DATE", help="when it is due (a follow-up needs one)")
    p.add_argument(
        "--every", type=int, metavar="DAYS", help="repeats every DAYS days (30: monthly)"
    )
    p.add_argument("--note", default="")
    p.set_defaults(run=run_add_item)

    p = group.add_parser("update-item", help="change an open item; only what is given changes")
    p.add_argument("item", metavar="ITEM", help="the item's id (`careplans show` lists them)")
    p.add_argument("--description")
    _owner_options(p, "(replaces the owner)")
    p.add_argument("--due", metavar="DATE")
    repeat = p.add_mutually_exclusive_group()
    repeat.add_argument("--every", type=int, metavar="DAYS")
    repeat.add_argument("--no-repeat", action="store_true", help="this is the last occurrence")
    p.add_argument("--note", help="replaces the item's note")
    p.set_defaults(run=run_update_item)

    p = group.add_parser(
        "done", help="check off a task or follow-up (you, now); a repeating one gets its next"
    )
    p.add_argument("item", metavar="ITEM", help="the item's id (`careplans show` lists them)")
    p.add_argument("--note", default="", help="what was done")
    p.set_defaults(run=run_done)

    p = group.add_parser("untick", help="a task checked off or cancelled by mistake, open again")
    p.add_argument("item", metavar="ITEM", help="the item's id (`careplans show` lists them)")
    p.set_defaults(run=run_untick)

    p = group.add_parser("cancel-item", help="an item that no longer applies, with why")
    p.add_argument("item", metavar="ITEM", help="the item's id (`careplans show` lists them)")
    p.add_argument("--why", required=True, metavar="TEXT")
    p.set_defaults(run=run_cancel_item)

    add_print(group, "careplans")


def _owner_options(p: argparse.ArgumentParser, what: str) -> None:
    owner = p.add_mutually_exclusive_group()
    owner.add_argument("--owner", metavar="USER", help=f"who does it: a user name {what}")
    owner.add_argument(
        "--owner-name", metavar="NAME", help='or someone without an account ("Mary Auma, CHW")'
    )


# --- reading what was typed ----------------------------------------------------------------


def _day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    found = read_date(text, field=option)
    if found is None:
        raise InvalidInput(msg("Give a date for --{option}.", option=option))
    return found


def _kind(text: str) -> CareItemKind:
    return CareItemKind(text.replace("-", "_"))


def find_user(core: ClinicCore, text: str) -> uuid.UUID:
    """The user `text` names: a user name, or a display name (any case)."""
    key = " ".join(text.split()).casefold()
    people = core.care_plans.people()
    found = [p for p in people if p.username.casefold() == key] or [
        p for p in people if p.display_name.casefold() == key
    ]
    if len(found) == 1:
        return found[0].user_id
    if found:
        raise InvalidInput(
            msg("{text} names more than one user: give the user name.", text=repr(shown(text)))
        )
    raise NotFound(
        msg(
            "No user {text} can own or lead care plans (users: {names}); someone without an "
            "account is named with --owner-name.",
            text=repr(shown(text, 60)),
            names=", ".join(p.username for p in people[:20]),
        )
    )


# --- printing ------------------------------------------------------------------------------


def _plan_line(p: CarePlanLine) -> str:
    patient = f"{p.patient_name} ({p.clinic_number or p.patient_id})"
    flags = []
    if p.missed:
        flags.append(f"{p.missed} MISSED")
    if p.review_due:
        flags.append("REVIEW DUE")
    todo = f"{p.open_tasks} to do" + (f", next {p.next_due.isoformat()}" if p.next_due else "")
    extra = f"  [{', '.join(flags)}]" if flags else ""
    return f"{p.plan_id}  {p.status_words}  {patient}  {p.title}  ({todo}){extra}"


def _mark(item: CareItemLine) -> str:
    if item.kind not in (CareItemKind.TASK, CareItemKind.FOLLOW_UP):
        return ""
    return {CareItemStatus.OPEN: "[ ] ", CareItemStatus.DONE: "[x] "}.get(item.status, "[-] ")


def _item_line(item: CareItemLine) -> str:
    parts = [f"{item.kind_words}: {_mark(item)}{item.description}"]
    if item.owner:
        parts.append(f"— {item.owner}")
    if item.due_on:
        parts.append(f"due {item.due_on.isoformat()}")
    if item.repeat_days:
        parts.append(f"every {item.repeat_days} days")
    if item.status is CareItemStatus.DONE and item.done_at is not None:
        by = f" by {item.done_by}" if item.done_by else ""
        parts.append(f"done {item.done_at:%Y-%m-%d %H:%M}{by}")
    elif item.status is CareItemStatus.CANCELLED:
        parts.append("cancelled")
    if item.missed:
        parts.append("[MISSED]")
    elif item.due_today:
        parts.append("[DUE TODAY]")
    return "  ".join(parts) + f"  ({item.item_id})"


def print_plan(ctx: CliContext, detail: CarePlanDetail) -> None:
    p = detail.line
    ctx.print(f"Care plan: {p.title} ({p.status_words})")
    ctx.print(f"  patient {p.patient_name} ({p.clinic_number or '-'})  {p.patient_id}")
    steps = [f"started {p.started_on.isoformat()}"]
    if p.lead:
        steps.append(f"led by {p.lead}")
    if p.review_on:
        steps.append(f"review {p.review_on.isoformat()}" + (" [DUE]" if p.review_due else ""))
    if p.ended_on:
        steps.append(f"ended {p.ended_on.isoformat()}")
    ctx.print("  " + ", ".join(steps))
    for item in detail.items:
        ctx.print(f"  {_item_line(item)}")
        if item.note:
            ctx.print(f"      note: {item.note}")
    if p.notes:
        ctx.print("  notes: " + p.notes.replace("\n", "\n         "))
    ctx.print(f"  record id {p.plan_id}")


def _due_line(line: CareDueLine) -> str:
    item = line.item
    flag = "MISSED" if item.missed else "due today" if item.due_today else "due"
    who = f"{line.patient_name} ({line.clinic_number or item.patient_id})"
    phone = f"  {line.patient_phone}" if line.patient_phone else ""
    owner = f" — {item.owner}" if item.owner else ""
    day = item.due_on.isoformat() if item.due_on else ""
    return (
        f"{item.item_id}  {flag} {day}  {who}{phone}  {line.plan_title}: "
        f"{item.kind_words} {item.description}{owner}"
    )


# --- the actions ---------------------------------------------------------------------------


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient) if args.patient else None
        for line in core.care_plans.list(
            patient_id=patient, active_only=args.active, limit=args.limit
        ):
            ctx.print(_plan_line(line))
    return 0


def run_add(ctx: CliContext, args: argparse.Namespace) -> int:
    start, review = _day(args.start, "start"), _day(args.review, "review")
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient)
        lead = find_user(core, args.lead) if args.lead else None
        done = core.care_plans.create(
            patient,
            args.title,
            started_on=start,
            review_on=review,
            lead_by=lead,
            problems=args.problem,
            goals=args.goal,
            notes=args.notes,
        )
        ctx.print(str(done.value.line.plan_id))
    return 0


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    wanted = record_id(args.plan)
    with ctx.clinic() as core:
        print_plan(ctx, core.care_plans.open(wanted))
    return 0


def run_update(ctx: CliContext, args: argparse.Namespace) -> int:
    plan_id = record_id(args.plan)
    review, reviewed = _day(args.review, "review"), _day(args.reviewed, "reviewed")
    if args.why is not None and args.status != CarePlanStatus.CANCELLED.value:
        raise InvalidInput(msg("--why goes with --status cancelled."))
    if args.note and reviewed is None and args.status is None:
        raise InvalidInput(msg("--note goes with --reviewed or --status."))
    edits: dict[str, Any] = {
        k: v for k, v in (("title", args.title), ("notes", args.notes)) if v is not None
    }
    if review is not None:
        edits["review_on"] = review
    if not edits and args.lead is None and reviewed is None and args.status is None:
        raise InvalidInput(
            msg("Nothing to change: see `outpost careplans update --help` for what can be.")
        )
    with ctx.clinic() as core:
        api = core.care_plans
        if args.lead is not None:
            edits["lead_by"] = find_user(core, args.lead)
        detail = api.edit(plan_id, **edits).value if edits else api.show(plan_id)
        if reviewed is not None:
            detail = api.review(plan_id, reviewed, note=args.note).value
        if args.status is not None:
            to = CarePlanStatus(args.status)
            if to is CarePlanStatus.CANCELLED:
                detail = api.cancel(plan_id, args.why or "").value
            elif to is CarePlanStatus.COMPLETED:
                detail = api.complete(plan_id, note=args.note if reviewed is None else "").value
            else:
                detail = api.reopen(plan_id, note=args.note if reviewed is None else "").value
        print_plan(ctx, detail)
    return 0


def run_due(ctx: CliContext, args: argparse.Namespace) -> int:
    until = _day(args.until, "until")
    with ctx.clinic() as core:
        lines = core.care_plans.due(until=until)
        if not lines:
            ctx.print(f"Nothing due by {(until or core.today()).isoformat()}.")
        for line in lines:
            ctx.print(_due_line(line))
    return 0


def run_add_item(ctx: CliContext, args: argparse.Namespace) -> int:
    plan_id, due = record_id(args.plan), _day(args.due, "due")
    with ctx.clinic() as core:
        owner = find_user(core, args.owner) if args.owner else None
        done = core.care_plans.add_item(
            plan_id,
            _kind(args.kind),
            args.description,
            owner_id=owner,
            owner_name=args.owner_name or "",
            due_on=due,
            repeat_days=args.every,
            note=args.note,
        )
        ctx.print(str(done.value.item_id))
    return 0


def run_update_item(ctx: CliContext, args: argparse.Namespace) -> int:
    item_id, due = record_id(args.item), _day(args.due, "due")
    edits: dict[str, Any] = {
        k: v
        for k, v in (
            ("description", args.description),
            ("owner_name", args.owner_name),
            ("due_on", due),
            ("repeat_days", args.every),
            ("note", args.note),
        )
        if v is not None
    }
    if args.no_repeat:
        edits["stop_repeating"] = True
    if not edits and args.owner is None:
        raise InvalidInput(
            msg("Nothing to change: see `outpost careplans update-item --help` for what can be.")
        )
    with ctx.clinic() as core:
        if args.owner is not None:
            edits["owner_id"] = find_user(core, args.owner)
        print_plan(ctx, core.care_plans.edit_item(item_id, **edits).value)
    return 0


def run_done(ctx: CliContext, args: argparse.Namespace) -> int:
    item_id = record_id(args.item)
    with ctx.clinic() as core:
        print_plan(ctx, core.care_plans.check_off(item_id, note=args.note).value)
    return 0


def run_untick(ctx: CliContext, args: argparse.Namespace) -> int:
    item_id = record_id(args.item)
    with ctx.clinic() as core:
        api = core.care_plans
        if api.item(item_id).status is CareItemStatus.CANCELLED:
            print_plan(ctx, api.restore_item(item_id).value)
        else:
            print_plan(ctx, api.untick(item_id).value)
    return 0


def run_cancel_item(ctx: CliContext, args: argparse.Namespace) -> int:
    item_id = record_id(args.item)
    with ctx.clinic() as core:
        print_plan(ctx, core.care_plans.cancel_item(item_id, args.why).value)
    return 0
