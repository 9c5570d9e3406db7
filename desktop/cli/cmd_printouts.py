"""`outpost results|referrals|invoices|claims|careplans print ID -o FILE.pdf`: a record's
printout through `core.printing`, as the screens print it (audited, in the patient's
language unless --language says otherwise).

Each kind's command module adds the action to its own group with `add_print(group, KIND)`.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.atomic import shown, write_atomic
from desktop.cli.context import CliContext
from desktop.errors import InvalidInput
from desktop.ids import parse_id
from desktop.messages import msg

if TYPE_CHECKING:
    from desktop.app.printing import Printed
    from desktop.app.transactions import Done
    from desktop.core import ClinicCore

_WHAT = {
    "results": "the letter telling the patient this result",
    "referrals": "the referral letter, filled from the referral and the facility",
    "invoices": "the invoice and receipt (lines, totals, payments)",
    "claims": "the claim form to the scheme (member, ICD-10 diagnoses, amounts)",
    "careplans": "the care plan's summary (problems, goals, tasks, follow-ups, review)",
}


def add_print(group: Any, kind: str) -> None:
    """The `print` action of `kind`'s command group."""
    p = group.add_parser("print", help=f"print {_WHAT[kind]} to a PDF file")
    p.add_argument("record", metavar="ID", help="the record id" + _id_help(kind))
    p.add_argument(
        "--language",
        "--lang",
        dest="language",
        choices=("en", "fr", "sw"),
        help="default: the patient's language, else the interface's",
    )
    p.add_argument(
        "--paper", default=None, choices=("a4", "letter"), help="default: the clinic's setting"
    )
    if kind == "results":
        p.add_argument(
            "--next",
            dest="next_step",
            choices=("come_now", "come_soon", "as_planned"),
            help="what the letter asks the patient to do (default: from the result: urgent "
            "or critical, come now; every value normal, as planned; else come soon)",
        )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(run=_runner(kind))


def _id_help(kind: str) -> str:
    return " or the invoice's number" if kind == "invoices" else ""


def _runner(kind: str) -> Any:
    def run(ctx: CliContext, args: argparse.Namespace) -> int:
        return run_print(ctx, args, kind)

    return run


def _check_output(output: Path) -> None:
    if output.suffix.lower() != ".pdf":
        raise InvalidInput(msg("{file} should end in .pdf.", file=shown(output)))
    if not output.parent.exists():
        # Said before signing in: a print is audited, and a mistyped folder should not be.
        raise InvalidInput(
            msg(
                "The folder {folder} does not exist: create it first, or choose another file name.",
                folder=shown(output.parent),
            )
        )


def _record(core: ClinicCore, kind: str, text: str) -> uuid.UUID:
    if kind == "invoices":
        return core.billing.find(text)
    if len(text) > 100:
        raise InvalidInput(msg("{text} is not a record id (a UUID).", text=repr(text[:60])))
    return parse_id(text)


def _print(
    core: ClinicCore, kind: str, record: uuid.UUID, args: argparse.Namespace
) -> Done[Printed]:
    printing = core.printing
    if kind == "results":
        return printing.result_letter(
            record, args.language, paper=args.paper, next_step=args.next_step
        )
    if kind == "referrals":
        return printing.referral_letter(record, args.language, paper=args.paper)
    if kind == "invoices":
        return printing.invoice(record, args.language, paper=args.paper)
    if kind == "claims":
        return printing.claim(record, args.language, paper=args.paper)
    return printing.care_plan(record, args.language, paper=args.paper)


def run_print(ctx: CliContext, args: argparse.Namespace, kind: str) -> int:
    output: Path = args.output
    _check_output(output)
    with ctx.clinic() as core:
        printed = _print(core, kind, _record(core, kind, args.record), args).value
    write_atomic(output, printed.pdf, create_parents=False)  # a mistyped folder is said
    ctx.print(f"Wrote {output} ({printed.lang}).")
    ctx.print("It holds patient data in clear: print it, then delete the file.")
    return 0
