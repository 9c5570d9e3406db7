"""appointments today / walk-in: the day's appointment book and check-in queue, and a patient
who came without an appointment joining the queue (`core.schedule`), as Today does.

Providers and appointment types are named by their id or their name (any case); times shown
are the clinic's wall-clock times.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Sequence
from typing import Any

from desktop.app.schedule import DayEntry, ProviderRef, TypeChoice
from desktop.cli.cmd_patients import find_patient
from desktop.cli.context import CliContext
from desktop.dates import read_date
from desktop.errors import InvalidInput, NotFound
from desktop.ids import parse_id
from desktop.messages import msg


def register(sub: Any) -> None:
    group = sub.add_parser(
        "appointments", help="the day's appointments and check-in queue; walk-ins"
    ).add_subparsers(dest="appointments_command", metavar="ACTION", required=True)

    p = group.add_parser(
        "today", help="the day's appointments in time order, then the check-in queue"
    )
    p.add_argument("--day", metavar="DATE", help="another day (YYYY-MM-DD or DD/MM/YYYY)")
    p.set_defaults(run=run_today)

    p = group.add_parser(
        "walk-in",
        help="a patient without an appointment joins today's check-in queue",
        description="Record that PATIENT came without an appointment: an appointment starting "
        "now, already arrived, marked walk-in (never a double booking). Prints its id.",
    )
    p.add_argument("patient", help="the patient's record id or clinic number")
    p.add_argument(
        "--provider",
        metavar="ID|NAME",
        help="who sees them (default: the provider with the fewest patients waiting)",
    )
    p.add_argument(
        "--type", metavar="ID|NAME", help="the type of visit (default: the clinic's usual one)"
    )
    p.add_argument("--reason", default="", help="what they came for")
    p.add_argument(
        "--same-day-ok",
        action="store_true",
        help="add them even though they have an appointment today already",
    )
    p.set_defaults(run=run_walk_in)


def _named(
    text: str, choices: Sequence[tuple[uuid.UUID, str]], what: str, listing: str
) -> uuid.UUID:
    try:
        wanted = parse_id(text)
    except InvalidInput:
        found = [i for i, name in choices if name.casefold() == text.strip().casefold()]
        if len(found) == 1:
            return found[0]
    else:
        if any(i == wanted for i, _ in choices):
            return wanted
    names = ", ".join(name for _, name in choices) or "none yet"
    raise NotFound(
        msg(
            "No {what} called {name} (the clinic's {listing}: {names}).",
            what=what,
            name=text,
            listing=listing,
            names=names,
        )
    )


def find_provider(providers: Sequence[ProviderRef], text: str) -> uuid.UUID:
    return _named(text, [(p.provider_id, p.name) for p in providers], "provider", "providers")


def find_type(types: Sequence[TypeChoice], text: str) -> uuid.UUID:
    return _named(
        text, [(t.type_id, t.name) for t in types], "appointment type", "appointment types"
    )


def line(entry: DayEntry) -> str:
    walk = "  walk-in" if entry.walk_in else ""
    late = "  late" if entry.late else ""
    return (
        f"{entry.starts_at:%H:%M}-{entry.ends_at:%H:%M}  {entry.status.value}{late}{walk}  "
        f"{entry.patient_name}  with {entry.provider_name} ({entry.type_name})  "
        f"{entry.appointment_id}"
    )


def run_today(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        day = read_date(args.day, field="day") if args.day else None
        today = core.schedule.today(day)
        if not today.entries:
            ctx.print(f"No appointments on {today.day.isoformat()}.")
        for entry in today.entries:
            ctx.print(line(entry))
        if today.is_today:
            ctx.print()
            ctx.print(f"Waiting: {len(today.queue)}")
            for waiting in today.queue:
                minutes = waiting.waited_minutes
                waited = f"  waiting {minutes} min" if minutes is not None else ""
                ctx.print(f"  {line(waiting.entry)}{waited}")
    return 0


def run_walk_in(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        patient = find_patient(core, args.patient)
        choices = core.schedule.booking_choices()
        provider = find_provider(choices.providers, args.provider) if args.provider else None
        kind = find_type(choices.types, args.type) if args.type else None
        done = core.schedule.walk_in(
            patient, provider, kind, args.reason, same_day_ok=args.same_day_ok
        )
        entry = done.value
        ctx.print(str(entry.appointment_id))
        ctx.print(
            f"  {entry.patient_name} waits for {entry.provider_name} ({entry.type_name}), "
            f"arrived {entry.starts_at:%H:%M}, walk-in"
        )
        if done.warning is not None:
            ctx.print(f"  coverage: {done.warning}")
    return 0
