"""forms list / validate / install, and print."""

from __future__ import annotations

import argparse
import sys
import zoneinfo
from pathlib import Path
from typing import Any

import forms
from desktop.atomic import shown, write_atomic
from desktop.cli.context import CliContext
from desktop.clock import ClinicClock
from desktop.errors import InvalidInput
from desktop.forms_library import clinic_library, loose_warnings
from desktop.ids import parse_id


def register(sub: Any) -> None:
    group = sub.add_parser("forms", help="the clinic's form definitions").add_subparsers(
        dest="forms_command", metavar="ACTION", required=True
    )
    p = group.add_parser("list", help="forms available to this clinic, with versions and languages")
    p.set_defaults(run=run_list)
    p = group.add_parser(
        "validate",
        help="check a form definition or translation file (it is also printed once, blank, "
        "in each of its languages, as `forms install` does)",
    )
    p.add_argument("file", type=Path, nargs="+")
    p.set_defaults(run=run_validate)
    p = group.add_parser(
        "install",
        help="install a clinic form or translation file into the clinic's store "
        "(administrators; files left in the data folder's forms folder are not used)",
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--replace-shipped",
        action="store_true",
        help="install a higher version of a form shipped with Outpost in the clinic's own "
        "wording (audited; its printouts say it is the clinic's own)",
    )
    p.set_defaults(run=run_install)

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
    if ctx.username:
        with ctx.clinic() as core:
            library = core.forms.library()
            installed = {(f.form_id, f.version): f for f in core.forms.installed()}
            warnings = core.forms.loose_files()
    else:
        library = clinic_library(ctx.paths, warn=False)
        installed = {}
        warnings = list[str](loose_warnings(ctx.paths))
    for definition in library.latest():
        versions = ", ".join(f"v{v}" for v in library.versions(definition.id))
        langs = " ".join(definition.languages)
        title = definition.text(definition.title, "en")
        mark = ""
        if (definition.id, definition.version) in installed:
            mark = "  (the clinic's own)" if definition.clinic_own else "  (installed)"
        ctx.print(f"{definition.id:<22} {versions:<8} {langs:<10} {title}{mark}")
    if not ctx.username:
        ctx.print("(Forms shipped with Outpost; the clinic's installed forms: --user NAME.)")
    for warning in warnings:
        ctx.print(f"  warning: {warning}")
    for problem in library.problems:
        ctx.print(f"  problem: {str(problem).splitlines()[0]}")
        for issue in problem.issues[:5]:
            ctx.print(f"    {issue}")
    return 1 if library.problems else 0


def run_validate(ctx: CliContext, args: argparse.Namespace) -> int:
    from forms.loader import load_bytes, read_form_file, shown_path
    from forms.render.check import print_problems

    failed = 0
    for path in args.file:
        shown = shown_path(path)
        try:
            data = read_form_file(path)
        except forms.DefinitionError as exc:
            # Not a file that can be read as a form (missing, a folder, a FIFO, a device, a
            # link, too big, a name too long): one line saying so.
            reason = exc.issues[0].message if exc.issues else "cannot be read"
            print(f"outpost: {shown}: {reason}", file=sys.stderr)
            failed += 1
            continue
        try:
            loaded = load_bytes(data, shown)
            issues: list[forms.DefinitionIssue] = (
                print_problems(loaded) if isinstance(loaded, forms.FormDefinition) else []
            )
        except forms.DefinitionError as exc:
            issues = exc.issues
        if not issues:
            ctx.print(f"{shown}: ok")
        for issue in issues:
            ctx.print(f"{shown}:{issue}")
        failed += bool(issues)
    return 1 if failed else 0


def run_install(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.form_install import read_file

    ctx.require_user()
    data = read_file(args.file)  # before the password: a bad file never asks for one
    with ctx.clinic() as core:
        done = core.forms.install(data, str(args.file), replace_shipped=args.replace_shipped)
    installed = done.value  # committed: only now is it said
    what = f"{installed.form_id} version {installed.version}"
    if installed.kind == "translation":
        what = f"the {installed.language} translation of {what}"
    if installed.already:
        ctx.print(f"{what} is already installed from this same file; nothing changed.")
        return 0
    langs = ", ".join(installed.languages)
    ctx.print(f"Installed {what} ({langs}), SHA-256 {installed.sha256[:16]}….")
    if installed.replaces_shipped:
        ctx.print(
            "It replaces Outpost's wording for new forms; its printouts say it is the "
            "clinic's own. Records filled with earlier versions keep theirs."
        )
    return 0


def run_print(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.app.printing import BlankFormPrint, FormRecordPrint, PrintRequest

    if not args.record and not args.form:
        raise InvalidInput(
            "Name the form to print (see `outpost forms list`), or give --record ID."
        )
    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        raise InvalidInput(f"{output} should end in .pdf.")
    if not output.parent.exists():
        # Said before signing in: a print is audited, and a mistyped folder should not be.
        raise InvalidInput(
            f"The folder {shown(output.parent)} does not exist: create it first, or choose "
            "another file name."
        )
    shipped_only = False
    if args.blank and not ctx.username:
        # A blank form holds no patient data: printing one needs no password (the clinic's
        # name and time zone, kept in the encrypted store, are then left out). Installed
        # forms live in the encrypted store too: without a user only shipped forms print.
        definition = _definition(clinic_library(ctx.paths, warn=False), args.form)
        shipped_only = True
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
    write_atomic(output, pdf, create_parents=False)  # a mistyped folder is said, not made
    ctx.print(f"Wrote {output}.")
    if shipped_only:
        ctx.print("Printed from the forms shipped with Outpost (installed forms: --user NAME).")
    if not args.blank:
        ctx.print("It holds patient data in clear: print it, then delete the file.")
    return 0


def _definition(library: forms.FormLibrary, form_id: str) -> forms.FormDefinition:
    try:
        return library.get(form_id)
    except forms.UnknownFormError as exc:
        raise InvalidInput(
            f"{exc} among the forms shipped with Outpost; a clinic's installed form prints "
            "with --user NAME. See `outpost forms list`."
        ) from None
