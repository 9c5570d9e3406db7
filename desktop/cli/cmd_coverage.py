"""coverage list / add / show / update / verify and coverage schemes list / add / update:
through the coverage API (`core.coverage`), as the screens do."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from desktop.app.coverage import (
    CoverageDetail,
    MembershipLine,
    SchemeKind,
    SchemeLine,
    VerificationMethod,
    VerificationResult,
)
from desktop.atomic import shown
from desktop.cli.cmd_patients import find_patient
from desktop.cli.cmd_referrals import record_id
from desktop.cli.cmd_results import when
from desktop.cli.context import CliContext
from desktop.dates import read_date
from desktop.errors import InvalidInput, NotFound
from desktop.messages import msg

if TYPE_CHECKING:
    from desktop.core import ClinicCore

NONE = "none"  # `--until none`: the membership has no end date
METHODS = [m.value.replace("_", "-") for m in VerificationMethod]
RESULTS = [r.value.replace("_", "-") for r in VerificationResult]


def register(sub: Any) -> None:
    group = sub.add_parser(
        "coverage", help="insurance and scheme memberships, and their verifications"
    ).add_subparsers(dest="coverage_command", metavar="ACTION", required=True)

    p = group.add_parser("list", help="memberships, newest first, each with today's status")
    p.add_argument("--patient", metavar="ID", help="one patient's (record id or clinic number)")
    p.add_argument("--scheme", metavar="ID|NAME", help="one scheme's")
    p.add_argument("--all", action="store_true", help="ended memberships too")
    p.add_argument("--limit", type=int, default=100, metavar="N")
    p.set_defaults(run=run_list)

    p = group.add_parser("add", help="add a patient's membership of a scheme; prints its id")
    p.add_argument("patient", help="the patient's record id or clinic number")
    p.add_argument("--scheme", required=True, metavar="ID|NAME", help="see `coverage schemes list`")
    p.add_argument("--number", required=True, help="the member number, as on the card")
    p.add_argument("--holder", default="", help="the principal member, for a dependant")
    p.add_argument("--from", dest="valid_from", metavar="DATE", help="valid from")
    p.add_argument("--until", dest="valid_until", metavar="DATE", help="valid until")
    p.add_argument("--notes", default="")
    p.set_defaults(run=run_add)

    p = group.add_parser(
        "show", help="a patient's coverage: today's status, each membership and its checks"
    )
    p.add_argument("record", metavar="PATIENT|MEMBERSHIP", help="a patient or a membership")
    p.set_defaults(run=run_show)

    p = group.add_parser(
        "update", help="change a membership, or end it; only what is given changes"
    )
    p.add_argument("membership", metavar="ID")
    p.add_argument("--number")
    p.add_argument("--holder")
    p.add_argument("--from", dest="valid_from", metavar="DATE|none")
    p.add_argument("--until", dest="valid_until", metavar="DATE|none")
    p.add_argument("--notes")
    p.add_argument("--end", action="store_true", help="the clinic stops counting it")
    p.add_argument("--why", default="", metavar="TEXT", help="(with --end) noted on it")
    p.set_defaults(run=run_update)

    p = group.add_parser("verify", help="record one verification of a membership")
    p.add_argument("membership", metavar="ID")
    p.add_argument("--method", required=True, choices=METHODS)
    p.add_argument("--result", required=True, choices=RESULTS)
    p.add_argument("--reference", default="", help="the scheme's reference for the check")
    p.add_argument("--note", default="")
    p.add_argument(
        "--at", metavar="WHEN", help='when (clinic time: "HH:MM" today or "YYYY-MM-DD HH:MM")'
    )
    p.set_defaults(run=run_verify)

    schemes = group.add_parser(
        "schemes", help="the clinic's list of schemes and insurers (synced)"
    ).add_subparsers(dest="schemes_command", metavar="ACTION", required=True)
    p = schemes.add_parser("list", help="the schemes, by name")
    p.add_argument("--all", action="store_true", help="ones no longer in use too")
    p.set_defaults(run=run_schemes)
    p = schemes.add_parser("add", help="add a scheme or insurer; prints its id")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=[k.value for k in SchemeKind])
    p.add_argument("--phone", default="")
    p.add_argument("--address", default="")
    p.add_argument(
        "--every", type=int, default=30, metavar="DAYS", help="verify memberships every DAYS"
    )
    p.add_argument("--notes", default="")
    p.set_defaults(run=run_add_scheme)
    p = schemes.add_parser("update", help="change a scheme; only what is given changes")
    p.add_argument("scheme", metavar="ID|NAME")
    p.add_argument("--name")
    p.add_argument("--kind", choices=[k.value for k in SchemeKind])
    p.add_argument("--phone")
    p.add_argument("--address")
    p.add_argument("--every", type=int, metavar="DAYS")
    p.add_argument("--notes")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--deactivate", action="store_true", help="no new memberships of it")
    which.add_argument("--activate", action="store_true")
    p.set_defaults(run=run_update_scheme)


# --- reading the words -----------------------------------------------------------------------


def find_scheme(core: ClinicCore, text: str) -> uuid.UUID:
    """The scheme `text` names: its id, its name, or the start of one name only."""
    try:
        wanted: uuid.UUID | None = uuid.UUID(text.strip())
    except ValueError:
        wanted = None
    known = core.coverage.schemes(include_inactive=True)
    if wanted is not None:
        if any(s.scheme_id == wanted for s in known):
            return wanted
        raise NotFound(msg("No insurer or scheme with id {id}.", id=wanted))
    key = " ".join(text.split()).casefold()
    exact = [s for s in known if s.name.casefold() == key]
    found = exact or [s for s in known if key and s.name.casefold().startswith(key)]
    if len(found) == 1:
        return found[0].scheme_id
    if found:
        raise InvalidInput(
            msg(
                "{text} could be {names}: give more of the name, or the id.",
                text=repr(shown(text, 60)),
                names=", ".join(s.name for s in found[:5]),
            )
        )
    raise NotFound(
        msg(
            "No scheme called {text}: `outpost coverage schemes list` shows the list, "
            "`outpost coverage schemes add` adds one.",
            text=repr(shown(text, 60)),
        )
    )


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    found = read_date(text, field=option)
    if found is None:
        raise InvalidInput(msg("Give a date for --{option}.", option=option))
    return found


def _maybe_date(text: str | None, option: str) -> Any:
    """A date, None for "none" (cleared), or nothing given (the key left out)."""
    if text is not None and text.strip().casefold() == NONE:
        return None
    return _date(text, option)


# --- printing ------------------------------------------------------------------------------


def _validity(m: MembershipLine) -> str:
    if m.valid_from is None and m.valid_until is None:
        return ""
    start = m.valid_from.isoformat() if m.valid_from else "…"
    until = m.valid_until.isoformat() if m.valid_until else "…"
    return f"valid {start} – {until}"


def _scheme_line(s: SchemeLine) -> str:
    parts = [
        str(s.scheme_id),
        s.name,
        s.kind_words,
        f"verify every {s.verify_every_days} days",
        s.phone,
        s.address,
    ]
    if not s.active:
        parts.append("(no longer in use)")
    return "  ".join(p for p in parts if p)


def _line(m: MembershipLine) -> str:
    patient = f"{m.patient_name} ({m.clinic_number or m.patient_id})"
    parts = [str(m.membership_id), m.status_words, f"{m.scheme_name} {m.member_number}", patient]
    parts.append(_validity(m))
    return "  ".join(p for p in parts if p)


def print_membership(ctx: CliContext, m: MembershipLine) -> None:
    ctx.print(f"  {m.scheme_name} {m.member_number}: {m.status_words}")
    if m.active:
        ctx.print(f"    {m.why}")
    details = [x for x in (f"holder {m.holder_name}" if m.holder_name else "", _validity(m)) if x]
    if details:
        ctx.print("    " + ", ".join(details))
    for c in m.checks:
        ref = f"  ref {c.reference}" if c.reference else ""
        by = f"  by {c.by}" if c.by else ""
        note = f"  ({c.note})" if c.note else ""
        ctx.print(f"    {c.at:%Y-%m-%d %H:%M}  {c.result_words}  ({c.method_words}){ref}{by}{note}")
    if m.notes:
        ctx.print(f"    notes: {m.notes}")
    ctx.print(f"    membership id {m.membership_id}")


def print_detail(ctx: CliContext, d: CoverageDetail) -> None:
    who = f"{d.patient_name} ({d.clinic_number or '-'})"
    ctx.print(f"Coverage of {who}: {d.status.words}")
    if d.status.membership_id is not None:
        ctx.print(f"  {d.status.why}")
    for m in d.memberships:
        print_membership(ctx, m)
    ctx.print(f"  patient id {d.patient_id}")


# --- the actions ---------------------------------------------------------------------------


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient) if args.patient else None
        scheme = find_scheme(core, args.scheme) if args.scheme else None
        for line in core.coverage.list(
            patient_id=patient, scheme_id=scheme, include_ended=args.all, limit=args.limit
        ):
            ctx.print(_line(line))
    return 0


def run_add(ctx: CliContext, args: argparse.Namespace) -> int:
    start, until = _date(args.valid_from, "from"), _date(args.valid_until, "until")
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient)
        done = core.coverage.add_membership(
            patient,
            find_scheme(core, args.scheme),
            args.number,
            holder_name=args.holder,
            valid_from=start,
            valid_until=until,
            notes=args.notes,
        )
        ctx.print(str(done.value.membership_id))
    return 0


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        patient: uuid.UUID | None = None
        with contextlib.suppress(ValueError, NotFound):
            patient = core.coverage.membership(uuid.UUID(args.record.strip())).patient_id
        print_detail(ctx, core.coverage.for_patient(patient or find_patient(core, args.record)))
    return 0


def run_update(ctx: CliContext, args: argparse.Namespace) -> int:
    membership = record_id(args.membership)
    edits: dict[str, Any] = {
        k: v
        for k, v in (("member_number", args.number), ("holder_name", args.holder))
        if v is not None
    }
    if args.notes is not None:
        edits["notes"] = args.notes
    if args.valid_from is not None:
        edits["valid_from"] = _maybe_date(args.valid_from, "from")
    if args.valid_until is not None:
        edits["valid_until"] = _maybe_date(args.valid_until, "until")
    if args.why and not args.end:
        raise InvalidInput(msg("--why goes with --end (it says why the membership ended)."))
    if not edits and not args.end:
        raise InvalidInput(
            msg("Nothing to change: see `outpost coverage update --help` for what can be.")
        )
    with ctx.clinic() as core:
        api = core.coverage
        line = api.edit_membership(membership, **edits).value if edits else None
        if args.end:
            line = api.end_membership(membership, note=args.why).value
        assert line is not None
        ctx.print(_line(line))
    return 0


def run_verify(ctx: CliContext, args: argparse.Namespace) -> int:
    membership = record_id(args.membership)
    method = VerificationMethod(args.method.replace("-", "_"))
    result = VerificationResult(args.result.replace("-", "_"))
    with ctx.clinic() as core:
        at = when(args.at, core.today()) if args.at else None
        done = core.coverage.verify(
            membership, method, result, at=at, reference=args.reference, note=args.note
        )
        ctx.print(_line(done.value))
    return 0


def run_schemes(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        for s in core.coverage.schemes(include_inactive=args.all):
            ctx.print(_scheme_line(s))
    return 0


def run_add_scheme(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        done = core.coverage.add_scheme(
            args.name,
            SchemeKind(args.kind),
            phone=args.phone,
            address=args.address,
            verify_every_days=args.every,
            notes=args.notes,
        )
        ctx.print(str(done.value.scheme_id))
    return 0


def run_update_scheme(ctx: CliContext, args: argparse.Namespace) -> int:
    edits: dict[str, Any] = {
        k: v
        for k, v in (
            ("name", args.name),
            ("kind", SchemeKind(args.kind) if args.kind else None),
            ("phone", args.phone),
            ("address", args.address),
            ("verify_every_days", args.every),
            ("notes", args.notes),
        )
        if v is not None
    }
    if args.deactivate or args.activate:
        edits["active"] = bool(args.activate)
    if not edits:
        raise InvalidInput(
            msg("Nothing to change: see `outpost coverage schemes update --help` for what can be.")
        )
    with ctx.clinic() as core:
        line = core.coverage.edit_scheme(find_scheme(core, args.scheme), **edits).value
        ctx.print(_scheme_line(line))
    return 0
