"""referrals list / add / show / update and facilities list / add: through the follow-through
API (`core.referrals`), as the screens do."""

from __future__ import annotations

import argparse
import uuid
from typing import TYPE_CHECKING, Any

from desktop.app.followup import (
    FacilityKind,
    FacilityLine,
    ReferralLine,
    ReferralStatus,
    ReferralUrgency,
)
from desktop.atomic import shown
from desktop.cli.cmd_patients import find_patient
from desktop.cli.cmd_printouts import add_print
from desktop.cli.context import CliContext
from desktop.dates import read_date
from desktop.errors import InvalidInput, NotFound
from desktop.ids import parse_id
from desktop.messages import msg
from desktop.services.referrals import FACILITY_KIND_WORDS, URGENCY_WORDS

if TYPE_CHECKING:
    from desktop.core import ClinicCore

TODAY = "today"
# The steps `referrals update --status` takes, as typed (dashes or underscores).
STEPS = [s.value.replace("_", "-") for s in ReferralStatus if s is not ReferralStatus.DRAFTED]


def register(sub: Any) -> None:
    group = sub.add_parser(
        "referrals", help="referrals to specialists, labs, hospitals, rehabilitation"
    ).add_subparsers(dest="referrals_command", metavar="ACTION", required=True)

    p = group.add_parser("list", help="referrals, newest first")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="not closed or declined")
    which.add_argument(
        "--overdue", action="store_true", help="the ones to chase today, most urgent first"
    )
    p.add_argument("--patient", metavar="ID", help="one patient's (record id or clinic number)")
    p.add_argument("--limit", type=int, default=100, metavar="N")
    p.set_defaults(run=run_list)

    p = group.add_parser("add", help="draft a referral (--send: and send it); prints its id")
    p.add_argument("patient", help="the patient's record id or clinic number")
    p.add_argument("--reason", required=True, help="why the patient is referred")
    p.add_argument("--facility", metavar="ID|NAME", help="where to (see `outpost facilities list`)")
    p.add_argument("--urgency", choices=[u.value for u in ReferralUrgency], default="routine")
    p.add_argument("--notes", default="")
    p.add_argument(
        "--send", nargs="?", const=TODAY, metavar="DATE", help="sent already (default: today)"
    )
    p.set_defaults(run=run_add)

    p = group.add_parser("show", help="a referral and where it stands")
    p.add_argument("referral", metavar="ID")
    p.set_defaults(run=run_show)

    p = group.add_parser(
        "update",
        help="change a referral, or record its next step; only what is given changes",
        description="Record the referral's next step with --status (sent, appointment-given "
        "with --appointment DATE, seen, feedback-received with --feedback TEXT, closed, "
        "declined or lost with --why TEXT), or change what it says. --appointment alone means "
        "appointment-given; --feedback alone, feedback-received.",
    )
    p.add_argument("referral", metavar="ID")
    p.add_argument("--status", choices=STEPS)
    p.add_argument("--on", metavar="DATE", help="when the step happened (default: today)")
    p.add_argument("--appointment", metavar="DATE", help="the appointment the facility gave")
    p.add_argument("--feedback", metavar="TEXT", help="what the counter-referral says")
    p.add_argument("--why", metavar="TEXT", help="why it was declined or lost")
    p.add_argument("--reason")
    p.add_argument("--facility", metavar="ID|NAME", help="(while drafted)")
    p.add_argument("--urgency", choices=[u.value for u in ReferralUrgency])
    p.add_argument("--notes")
    p.set_defaults(run=run_update)

    facilities = sub.add_parser(
        "facilities", help="the clinic's directory of facilities (synced)"
    ).add_subparsers(dest="facilities_command", metavar="ACTION", required=True)
    p = facilities.add_parser("list", help="the directory, by name")
    p.add_argument("--kind", choices=[k.value for k in FacilityKind])
    p.add_argument("--all", action="store_true", help="inactive facilities too")
    p.set_defaults(run=run_facilities)
    p = facilities.add_parser("add", help="add a facility; prints its id")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=[k.value for k in FacilityKind])
    p.add_argument("--phone", default="")
    p.add_argument("--address", default="")
    p.set_defaults(run=run_add_facility)

    add_print(group, "referrals")


# --- shared with `outpost results` ---------------------------------------------------------


def record_id(text: str) -> uuid.UUID:
    if len(text) > 100:
        raise InvalidInput(msg("{text} is not a record id (a UUID).", text=repr(shown(text, 60))))
    return parse_id(text)


def find_facility(core: ClinicCore, text: str) -> uuid.UUID:
    """The facility `text` names: its id, its name, or the start of one name only."""
    try:
        wanted = uuid.UUID(text.strip())
    except ValueError:
        wanted = None
    known = core.referrals.facilities(include_inactive=True)
    if wanted is not None:
        if any(f.facility_id == wanted for f in known):
            return wanted
        raise NotFound(msg("No facility with id {id}.", id=wanted))
    key = " ".join(text.split()).casefold()
    exact = [f for f in known if f.name.casefold() == key]
    found = exact or [f for f in known if key and f.name.casefold().startswith(key)]
    if len(found) == 1:
        return found[0].facility_id
    if found:
        raise InvalidInput(
            msg(
                "{text} could be {names}: give more of the name, or the id.",
                text=repr(shown(text, 60)),
                names=", ".join(f.name for f in found[:5]),
            )
        )
    raise NotFound(
        msg(
            "No facility called {text}: `outpost facilities list` shows the directory, "
            "`outpost facilities add` adds one.",
            text=repr(shown(text, 60)),
        )
    )


def _date(text: str | None, option: str) -> Any:
    if text is None or text == TODAY:
        return None
    return read_date(text, field=option)


# --- printing ------------------------------------------------------------------------------


def _facility_line(f: FacilityLine) -> str:
    parts = [str(f.facility_id), f.name, FACILITY_KIND_WORDS[f.kind], f.phone, f.address]
    if not f.active:
        parts.append("(inactive)")
    return "  ".join(p for p in parts if p)


def _line(r: ReferralLine) -> str:
    where = r.facility.name if r.facility else "no facility yet"
    patient = f"{r.patient_name} ({r.clinic_number or r.patient_id})"
    overdue = f"  [OVERDUE: {r.overdue}]" if r.overdue else ""
    return (
        f"{r.referral_id}  {r.status_words}  {URGENCY_WORDS[r.urgency]}  {patient}  → {where}"
        f"{overdue}"
    )


def print_referral(ctx: CliContext, r: ReferralLine) -> None:
    where = r.facility.name if r.facility else "no facility yet"
    ctx.print(f"Referral to {where}: {r.status_words} ({URGENCY_WORDS[r.urgency]})")
    ctx.print(f"  patient {r.patient_name} ({r.clinic_number or '-'})  {r.patient_id}")
    ctx.print(f"  reason: {r.reason}")
    if r.facility and (r.facility.phone or r.facility.address):
        ctx.print(f"  {' '.join(p for p in (r.facility.phone, r.facility.address) if p)}")
    steps = [
        f"drafted {r.created_on.isoformat()}" + (f" by {r.referred_by}" if r.referred_by else "")
    ]
    for label, on in (
        ("sent", r.sent_on),
        ("appointment", r.appointment_on),
        ("seen", r.seen_on),
        ("feedback", r.feedback_on),
        ("closed", r.closed_on),
    ):
        if on is not None:
            steps.append(f"{label} {on.isoformat()}")
    ctx.print("  " + ", ".join(steps))
    if r.counter_referral:
        ctx.print(f"  counter-referral: {r.counter_referral}")
    if r.end_reason:
        ctx.print(f"  why: {r.end_reason}")
    if r.notes:
        ctx.print(f"  notes: {r.notes}")
    if r.overdue:
        ctx.print(f"  OVERDUE: {r.overdue}")
    ctx.print(f"  record id {r.referral_id}")


# --- the actions ---------------------------------------------------------------------------


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient) if args.patient else None
        for line in core.referrals.list(
            open_only=args.open, overdue_only=args.overdue, patient_id=patient, limit=args.limit
        ):
            ctx.print(_line(line))
    return 0


def run_add(ctx: CliContext, args: argparse.Namespace) -> int:
    send_on = _date(args.send, "send")
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient)
        facility = find_facility(core, args.facility) if args.facility else None
        if args.send is not None and send_on is None:
            send_on = core.today()
        done = core.referrals.add(
            patient,
            args.reason,
            facility_id=facility,
            urgency=ReferralUrgency(args.urgency),
            notes=args.notes,
            send_on=send_on,
        )
        ctx.print(str(done.value.referral_id))
    return 0


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    referral_id = record_id(args.referral)
    with ctx.clinic() as core:
        print_referral(ctx, core.referrals.show(referral_id))
    return 0


def run_update(ctx: CliContext, args: argparse.Namespace) -> int:
    referral_id = record_id(args.referral)
    step = ReferralStatus(args.status.replace("-", "_")) if args.status else None
    if step is None and args.appointment is not None:
        step = ReferralStatus.APPOINTMENT_GIVEN
    elif step is None and args.feedback is not None:
        step = ReferralStatus.FEEDBACK_RECEIVED
    edits = {
        k: v
        for k, v in (("reason", args.reason), ("notes", args.notes), ("urgency", args.urgency))
        if v is not None
    }
    if step is None and (args.on is not None or args.why is not None):
        raise InvalidInput(msg("--on and --why go with --status (the step they describe)."))
    if step is None and not edits and args.facility is None:
        raise InvalidInput(
            msg("Nothing to change: see `outpost referrals update --help` for what can be.")
        )
    on, appointment = _date(args.on, "on"), _date(args.appointment, "appointment")
    with ctx.clinic() as core:
        api = core.referrals
        if "urgency" in edits:
            edits["urgency"] = ReferralUrgency(edits["urgency"])
        if args.facility is not None:
            edits["facility_id"] = find_facility(core, args.facility)
        line = api.edit(referral_id, **edits).value if edits else api.show(referral_id)
        if step is not None:
            line = api.move(
                referral_id,
                step,
                on=on,
                appointment_on=appointment,
                counter_referral=args.feedback,
                end_reason=args.why,
            ).value
        print_referral(ctx, line)
    return 0


def run_facilities(ctx: CliContext, args: argparse.Namespace) -> int:
    kind = FacilityKind(args.kind) if args.kind else None
    with ctx.clinic() as core:
        for f in core.referrals.facilities(kind=kind, include_inactive=args.all):
            ctx.print(_facility_line(f))
    return 0


def run_add_facility(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        done = core.referrals.add_facility(
            args.name, FacilityKind(args.kind), phone=args.phone, address=args.address
        )
        ctx.print(str(done.value.facility_id))
    return 0
