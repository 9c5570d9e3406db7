"""results list / add / show / update / relay / rules: through the follow-through API
(`core.results`), as the screens do.

Dates are the clinic's (YYYY-MM-DD or DD/MM/YYYY); times are clinic wall-clock times.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from desktop.app.followup import (
    RelayLine,
    RelayMethod,
    RelayOutcome,
    ResultCategory,
    ResultDetail,
    ResultLine,
    ResultStatus,
    Scan,
    rule_words,
)
from desktop.atomic import read_small_file, shown, translate_os_error, write_atomic
from desktop.cli.cmd_patients import find_patient
from desktop.cli.cmd_printouts import add_print
from desktop.cli.cmd_referrals import find_facility, record_id
from desktop.cli.context import CliContext
from desktop.dates import read_date
from desktop.errors import InvalidInput
from desktop.messages import msg
from desktop.services import attachments
from desktop.services import results as ressvc
from desktop.services.results import METHOD_WORDS, OUTCOME_WORDS
from desktop.times import parse_time

TODAY = "today"


def _choices(kind: type[Any]) -> list[str]:
    return [m.value for m in kind]


def register(sub: Any) -> None:
    group = sub.add_parser(
        "results", help="lab, imaging and other results, and their relay to the patient"
    ).add_subparsers(dest="results_command", metavar="ACTION", required=True)

    p = group.add_parser("list", help="results, newest first (--waiting: not yet relayed)")
    p.add_argument(
        "--waiting",
        action="store_true",
        help="received and not yet relayed to the patient, urgent first",
    )
    p.add_argument("--patient", metavar="ID", help="one patient's (record id or clinic number)")
    p.add_argument(
        "--status", action="append", choices=_choices(ResultStatus), help="(may be repeated)"
    )
    p.add_argument("--limit", type=int, default=100, metavar="N")
    p.set_defaults(run=run_list)

    p = group.add_parser("add", help="a test ordered for a patient; prints the result's id")
    p.add_argument("patient", help="the patient's record id or clinic number")
    p.add_argument("test", help='the test ordered, e.g. "Full blood count"')
    p.add_argument("--category", choices=_choices(ResultCategory), default="lab")
    p.add_argument("--ordered", metavar="DATE", help="when it was ordered (default: today)")
    p.add_argument("--facility", metavar="ID|NAME", help="the lab or centre it is sent to")
    p.add_argument(
        "--sent", nargs="?", const=TODAY, metavar="DATE", help="sent already (default: today)"
    )
    p.add_argument("--expected", metavar="DATE", help="when the result is expected")
    p.add_argument("--urgent", action="store_true")
    p.add_argument("--notes", default="")
    p.set_defaults(run=run_add)

    p = group.add_parser("show", help="a result: its values, review and every relay attempt")
    p.add_argument("result", metavar="ID")
    p.add_argument(
        "--save-scan", type=Path, metavar="FILE", help="write the scanned report to FILE"
    )
    p.set_defaults(run=run_show)

    p = group.add_parser(
        "update",
        help="change a result, or its next step (sent, received, reviewed, escalated, "
        "cancelled); only what is given changes",
        description="Change what was recorded, or record the result's next step. The "
        "changes to the order are saved first, then the step.",
    )
    p.add_argument("result", metavar="ID")
    p.add_argument("--test", help="the test's name")
    p.add_argument("--category", choices=_choices(ResultCategory))
    p.add_argument("--facility", metavar="ID|NAME")
    p.add_argument("--expected", metavar="DATE")
    urgency = p.add_mutually_exclusive_group()
    urgency.add_argument("--urgent", action="store_true", default=None)
    urgency.add_argument("--not-urgent", dest="urgent", action="store_false")
    p.add_argument("--notes")
    step = p.add_mutually_exclusive_group()
    step.add_argument("--sent", nargs="?", const=TODAY, metavar="DATE", help="sent to the lab")
    step.add_argument(
        "--received",
        nargs="?",
        const=TODAY,
        metavar="DATE",
        help="the result arrived (give --text, --value or --scan; again to correct them)",
    )
    step.add_argument("--escalate", metavar="NOTE", help="to whom or how it was escalated")
    step.add_argument("--cancel", metavar="REASON")
    p.add_argument("--text", help="the result in words")
    p.add_argument(
        "--value",
        action="append",
        metavar="NAME=VALUE",
        help='a value: "Haemoglobin=9.1 g/dL low (12-16)" (may be repeated; replaces the values)',
    )
    p.add_argument("--scan", type=Path, metavar="FILE", help="the scanned report (PDF, PNG, JPEG)")
    p.add_argument(
        "--review", nargs="?", const="", metavar="NOTE", help="reviewed by you (clinicians)"
    )
    p.set_defaults(run=run_update)

    p = group.add_parser("relay", help="one attempt to tell the patient, and its outcome")
    p.add_argument("result", metavar="ID")
    p.add_argument("--method", required=True, choices=_choices(RelayMethod))
    p.add_argument("--outcome", required=True, choices=_choices(RelayOutcome))
    p.add_argument(
        "--at", metavar="WHEN", help='when (clinic time: "HH:MM" today or "YYYY-MM-DD HH:MM")'
    )
    p.add_argument("--note", default="")
    p.set_defaults(run=run_relay)

    p = group.add_parser(
        "rules", help="the clinic's follow-through rules (days); --set changes one (admins)"
    )
    p.add_argument("--set", metavar="NAME=DAYS")
    p.set_defaults(run=run_rules)

    add_print(group, "results")


# --- reading what was typed ----------------------------------------------------------------


def day(text: str | None, field: str) -> dt.date | None:
    """A date option; None when not given."""
    if text is None:
        return None
    if text == TODAY:
        return None  # the core's today (the clinic's)
    found = read_date(text, field=field)
    if found is None:
        raise InvalidInput(msg("Give a date for --{option}.", option=field.replace("_", "-")))
    return found


def when(text: str, today: dt.date) -> dt.datetime:
    """A clinic wall-clock time: "HH:MM" (today) or "DATE HH:MM"."""
    parts = text.strip().rsplit(" ", 1)
    if len(parts) == 2 and any(ch in parts[0] for ch in "-/"):
        on = read_date(parts[0], field="at") or today
        return dt.datetime.combine(on, parse_time(parts[1], field="at"))
    return dt.datetime.combine(today, parse_time(text, field="at"))


def read_scan(path: Path) -> Scan:
    try:
        data = read_small_file(path, attachments.MAX_BYTES)
    except FileNotFoundError:
        raise InvalidInput(msg("There is no file {path}.", path=shown(path))) from None
    except ValueError:
        raise InvalidInput(
            msg(
                "{path} is not a scanned report of at most {kib} KiB (a regular PDF, PNG or "
                "JPEG file).",
                path=shown(path),
                kib=attachments.MAX_BYTES // 1024,
            )
        ) from None
    except OSError as exc:
        raise InvalidInput(
            msg("Cannot read {path}: {why}.", path=shown(path), why=exc.strerror or "error")
        ) from None
    return Scan(data, path.name)


# --- printing ------------------------------------------------------------------------------


def _line(line: ResultLine) -> str:
    flags = []
    if line.urgent:
        flags.append("URGENT")
    if line.escalation_due:
        flags.append("escalate")
    if line.late:
        flags.append("late")
    dates = f"ordered {line.ordered_on.isoformat()}"
    if line.received_on:
        dates = f"received {line.received_on.isoformat()}"
    attempts = f"{line.attempts} attempt{'s' if line.attempts != 1 else ''}"
    patient = f"{line.patient_name} ({line.clinic_number or line.patient_id})"
    extra = f"  [{', '.join(flags)}]" if flags else ""
    return (
        f"{line.result_id}  {line.status_words}  {line.test_name}  {patient}  {dates}  "
        f"{attempts}{extra}"
    )


def _relay(relay: RelayLine) -> str:
    parts = [
        f"{relay.at:%Y-%m-%d %H:%M}",
        METHOD_WORDS[relay.method],
        OUTCOME_WORDS[relay.outcome],
        relay.by,
        relay.note,
    ]
    return "  ".join(p for p in parts if p)


def print_detail(ctx: CliContext, detail: ResultDetail) -> None:
    line = detail.line
    urgent = ", URGENT" if line.urgent else ""
    ctx.print(f"{line.test_name} ({line.category.value}): {line.status_words}{urgent}")
    ctx.print(f"  patient {line.patient_name} ({line.clinic_number or '-'})  {line.patient_id}")
    steps = [f"ordered {line.ordered_on.isoformat()}"]
    if line.facility:
        steps.append(f"sent to {line.facility}")
    if detail.sent_on:
        steps.append(f"sent {detail.sent_on.isoformat()}")
    if line.expected_on:
        steps.append(f"expected {line.expected_on.isoformat()}")
    if line.received_on:
        steps.append(f"received {line.received_on.isoformat()}")
    ctx.print("  " + ", ".join(steps))
    if detail.result_text:
        ctx.print(f"  result: {detail.result_text}")
    for m in detail.measurements:
        reference = f"({m.range})" if m.range else ""
        parts = [m.name, f"{m.value} {m.unit}".strip(), m.flag, reference]
        ctx.print("    " + "  ".join(p for p in parts if p))
    if detail.attachment_name is not None:
        ctx.print(f"  scanned report: {detail.attachment_name or '-'} ({detail.attachment_type})")
    if detail.reviewed_at is not None:
        note = f": {detail.review_note}" if detail.review_note else ""
        ctx.print(f"  reviewed by {detail.reviewed_by} {detail.reviewed_at:%Y-%m-%d %H:%M}{note}")
    if detail.relays:
        ctx.print(f"  relay attempts ({len(detail.relays)}):")
        for relay in detail.relays:
            ctx.print("    " + _relay(relay))
    if detail.informed_at is not None:
        ctx.print(f"  patient informed {detail.informed_at:%Y-%m-%d %H:%M}")
    if detail.escalated_at is not None:
        ctx.print(f"  escalated by {detail.escalated_by} {detail.escalated_at:%Y-%m-%d %H:%M}")
    if line.escalation_due:
        ctx.print("  ESCALATE: urgent and not relayed within the clinic's rule")
    if line.late:
        ctx.print("  late: expected by now and not here (ask the lab)")
    if detail.notes:
        ctx.print(f"  notes: {detail.notes}")
    ctx.print(f"  record id {line.result_id}")


# --- the actions ---------------------------------------------------------------------------


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    statuses = [ResultStatus(s) for s in args.status or ()]
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient) if args.patient else None
        for line in core.results.list(
            waiting=args.waiting, patient_id=patient, statuses=statuses, limit=args.limit
        ):
            ctx.print(_line(line))
    return 0


def run_add(ctx: CliContext, args: argparse.Namespace) -> int:
    ordered, expected = day(args.ordered, "ordered"), day(args.expected, "expected")
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient)
        facility = find_facility(core, args.facility) if args.facility else None
        sent = None
        if args.sent is not None:
            sent = day(args.sent, "sent") or core.today()
        done = core.results.order(
            patient,
            args.test,
            category=ResultCategory(args.category),
            ordered_on=ordered,
            facility_id=facility,
            sent_on=sent,
            expected_on=expected,
            urgent=args.urgent,
            notes=args.notes,
        )
        ctx.print(str(done.value.line.result_id))
    return 0


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    result_id = record_id(args.result)
    with ctx.clinic() as core:
        detail = core.results.show(result_id)
        if args.save_scan is not None:
            data, _media_type, _name = core.results.scan(result_id)
            try:
                write_atomic(args.save_scan, data)
            except OSError as exc:
                raise translate_os_error(exc, args.save_scan) from None
        print_detail(ctx, detail)
    return 0


EDIT_OPTIONS = ("test", "category", "facility", "expected", "urgent", "notes")
STEP_OPTIONS = ("sent", "received", "escalate", "cancel", "review")


def run_update(ctx: CliContext, args: argparse.Namespace) -> int:
    result_id = record_id(args.result)
    received_parts = args.text is not None or args.value or args.scan is not None
    if received_parts and args.received is None:
        raise InvalidInput(
            msg("--text, --value and --scan go with --received (the result arrived).")
        )
    if all(getattr(args, o) is None for o in EDIT_OPTIONS + STEP_OPTIONS):
        raise InvalidInput(
            msg("Nothing to change: see `outpost results update --help` for what can be.")
        )
    values = [ressvc.parse_measurement(v) for v in args.value] if args.value else None
    scan = read_scan(args.scan) if args.scan is not None else None
    expected = day(args.expected, "expected")
    with ctx.clinic() as core:
        api = core.results
        edits: dict[str, Any] = {}
        if args.test is not None:
            edits["test_name"] = args.test
        if args.category is not None:
            edits["category"] = ResultCategory(args.category)
        if args.facility is not None and args.sent is None:
            edits["facility_id"] = find_facility(core, args.facility)
        if expected is not None:
            edits["expected_on"] = expected
        if args.urgent is not None and args.received is None:
            edits["urgent"] = args.urgent
        if args.notes is not None:
            edits["notes"] = args.notes
        detail = api.edit(result_id, **edits).value if edits else api.show(result_id)
        if args.sent is not None:
            facility = find_facility(core, args.facility) if args.facility else None
            detail = api.mark_sent(result_id, on=day(args.sent, "sent"), facility_id=facility).value
        elif args.received is not None:
            detail = api.record_received(
                result_id,
                on=day(args.received, "received"),
                text=args.text,
                measurements=values,
                scan=scan,
                urgent=args.urgent,
            ).value
        elif args.escalate is not None:
            detail = api.escalate(result_id, args.escalate).value
        elif args.cancel is not None:
            detail = api.cancel(result_id, args.cancel).value
        if args.review is not None:
            detail = api.review(result_id, note=args.review).value
        print_detail(ctx, detail)
    return 0


def run_relay(ctx: CliContext, args: argparse.Namespace) -> int:
    result_id = record_id(args.result)
    with ctx.clinic() as core:
        at = when(args.at, core.today()) if args.at else None
        detail = core.results.relay(
            result_id,
            RelayMethod(args.method),
            RelayOutcome(args.outcome),
            at=at,
            note=args.note,
        ).value
        print_detail(ctx, detail)
    return 0


def run_rules(ctx: CliContext, args: argparse.Namespace) -> int:
    name, value = None, None
    if args.set is not None:
        name, sep, text = args.set.partition("=")
        if not sep or not text.strip().isdigit():
            raise InvalidInput(
                msg(
                    "Write --set NAME=DAYS, e.g. --set result_escalate_after_days=3 "
                    "(`outpost results rules` lists the names)."
                )
            )
        name, value = name.strip(), int(text.strip())
    with ctx.clinic() as core:
        if name is not None and value is not None:
            core.results.set_rule(name, value)
        words = rule_words()
        for rule, days in core.results.rules().items():
            ctx.print(f"{rule} = {days}  ({words[rule]})")
    return 0
