"""forms list / validate, and print."""

from __future__ import annotations

import argparse
import zoneinfo
from pathlib import Path
from typing import Any

import forms
from desktop.atomic import write_atomic
from desktop.cli.context import CliContext
from desktop.clock import ClinicClock
from desktop.errors import InvalidInput
from desktop.forms_library import clinic_library
from desktop.ids import parse_id


def register(sub: Any) -> None:
    group = sub.add_parser("forms", help="the clinic's form definitions").add_subparsers(
        dest="forms_command", metavar="ACTION", required=True
    )
    p = group.add_parser("list", help="forms available to this clinic, with versions and languages")
    p.set_defaults(run=run_list)
    p = group.add_parser("validate", help="check a form definition or translation file")
    p.add_argument("file", type=Path, nargs="+")
    p.set_defaults(run=run_validate)

    p = sub.add_parser("print", help="print a form to a PDF file")
    p.add_argument("form", nargs="?", help="form id (see `outpost forms list`)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--patient", metavar="ID", help="a blank form with this patient's header")
    which.add_argument("--record", metavar="ID", help="a filled form record")
    which.add_argument("--blank", action="store_true", help="a blank form for downtime")
    p.add_argument("--lang", default=None, help="en, fr or sw (default: the record's language)")
    p.add_argument(
        "--paper", default=None, choices=("a4", "letter"), help="default: the clinic's setting"
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(run=run_print)


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    library = clinic_library(ctx.paths)
    for definition in library.latest():
        versions = ", ".join(f"v{v}" for v in library.versions(definition.id))
        langs = " ".join(definition.languages)
        title = definition.text(definition.title, "en")
        ctx.print(f"{definition.id:<22} {versions:<8} {langs:<10} {title}")
    for problem in library.problems:
        ctx.print(f"  problem: {problem}")
    return 1 if library.problems else 0


def run_validate(ctx: CliContext, args: argparse.Namespace) -> int:
    failed = 0
    for path in args.file:
        if not path.is_file():
            ctx.print(f"{path}: no such file")
            failed += 1
            continue
        issues = forms.check_file(path)
        if not issues:
            ctx.print(f"{path}: ok")
        for issue in issues:
            ctx.print(f"{path}:{issue}")
        failed += bool(issues)
    return 1 if failed else 0


def run_print(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.app.printing import BlankFormPrint, FormRecordPrint, PrintRequest

    if not args.record and not args.form:
        raise InvalidInput(
            "Name the form to print (see `outpost forms list`), or give --record ID."
        )
    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        raise InvalidInput(f"{output} should end in .pdf.")
    if args.blank and not ctx.username:
        # A blank form holds no patient data: printing one needs no password (the clinic's
        # name and time zone, kept in the encrypted store, are then left out).
        definition = _definition(clinic_library(ctx.paths), args.form)
        context = forms.PrintContext(
            clinic_name="", printed_at=ClinicClock(zoneinfo.ZoneInfo("UTC")).now()
        )
        pdf = forms.render_pdf(
            definition, None, context=context, lang=args.lang or "en", paper=args.paper or "a4"
        )
    else:
        request: PrintRequest
        if args.record:
            request = FormRecordPrint(parse_id(args.record), lang=args.lang, paper=args.paper)
        else:
            request = BlankFormPrint(
                args.form,
                patient_id=parse_id(args.patient) if args.patient else None,
                lang=args.lang,
                paper=args.paper,
            )
        with ctx.clinic() as core:
            pdf = core.printing.print(request).value.pdf
    write_atomic(output, pdf)
    ctx.print(f"Wrote {output}.")
    if not args.blank:
        ctx.print("It holds patient data in clear: print it, then delete the file.")
    return 0


def _definition(library: forms.FormLibrary, form_id: str) -> forms.FormDefinition:
    try:
        return library.get(form_id)
    except forms.UnknownFormError as exc:
        raise InvalidInput(f"{exc}. See `outpost forms list`.") from None
