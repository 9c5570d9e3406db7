"""patients add / search / show, and demo: through the patients API (`core.patients`), as
the screens do."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.app.patients import PatientInput
from desktop.cli.context import CliContext
from desktop.dates import DATE_FORMATS_HINT
from desktop.errors import ValidationFailed
from desktop.ids import parse_id
from desktop.services.patients import NO_BIRTH_PROBLEM


def register(sub: Any) -> None:
    patients = sub.add_parser("patients", help="register and find patients").add_subparsers(
        dest="patients_command", metavar="ACTION", required=True
    )
    p = patients.add_parser("add", help="register a patient; prints the new id")
    p.add_argument("--given", required=True, help="given name(s)")
    p.add_argument("--family", default="", help="family name")
    p.add_argument("--other", default="", help="other or middle names")
    # One of the three is required; the core says so (naming the field) when none is given.
    when = p.add_mutually_exclusive_group()
    when.add_argument(
        "--dob", default="", metavar="DATE", help=f"date of birth ({DATE_FORMATS_HINT})"
    )
    when.add_argument("--age", default="", metavar="YEARS", help="estimated age in years")
    when.add_argument(
        "--age-unknown",
        action="store_true",
        help="neither the date of birth nor an approximate age is known",
    )
    p.add_argument("--sex", default="unknown", help="female, male, other or unknown")
    p.add_argument("--phone", default="")
    p.add_argument("--village", default="")
    p.add_argument("--national-id", default="")
    p.add_argument(
        "--clinic-number", default="", help="keep a number from paper files (default: the next)"
    )
    p.add_argument("--language", default="", help="preferred language")
    p.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="register even though a similar patient exists (you checked)",
    )
    p.set_defaults(run=run_add)

    p = patients.add_parser("search", help="find patients by name, phone, id or date of birth")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run=run_search)

    p = patients.add_parser("show", help="a patient's record (the opening is audited)")
    p.add_argument("patient_id")
    p.set_defaults(run=run_show)

    p = sub.add_parser("demo", help="fill the store with realistic demo data")
    p.add_argument("--patients", type=int, default=200, metavar="N")
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(run=run_demo)


def run_add(ctx: CliContext, args: argparse.Namespace) -> int:
    data = PatientInput(
        given_name=args.given,
        family_name=args.family,
        other_names=args.other,
        sex=args.sex,
        birth_date=args.dob,
        estimated_age_years=args.age,
        age_unknown=args.age_unknown,
        phone=args.phone,
        village=args.village,
        national_id=args.national_id,
        clinic_number=args.clinic_number,
        preferred_language=args.language,
    )
    with ctx.clinic() as core:
        try:
            patient_id = core.patients.register(data, confirmed_new=args.allow_duplicate).value
        except ValidationFailed as failed:
            raise _in_cli_words(failed) from None
        ctx.print(str(patient_id))
    return 0


def _in_cli_words(failed: ValidationFailed) -> ValidationFailed:
    """The core's problems, with the missing-birth one naming this command's options (the
    core's own words speak of the form's "Age not known" choice)."""
    if failed.problems.get("birth_date") != NO_BIRTH_PROBLEM:
        return failed
    problems = dict(failed.problems)
    problems["birth_date"] = (
        "Give the date of birth (--dob DATE), an approximate age (--age YEARS) or --age-unknown."
    )
    return ValidationFailed(problems)


def run_search(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.phones import display_phone

    with ctx.clinic() as core:
        for hit in core.patients.search(args.query, limit=max(1, min(args.limit, 200))):
            born = hit.birth_date.isoformat() if hit.birth_date else "?"
            if hit.birth_date_estimated and hit.birth_date:
                born = f"~{hit.birth_date.year}"
            phone = display_phone(hit.phone, core.region)
            ctx.print(
                f"{hit.patient_id}  {hit.clinic_number or '-'}  {hit.display_name}  {born}  "
                f"{hit.sex}  {phone}  {hit.village}".rstrip()
            )
    return 0


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    patient_id = parse_id(args.patient_id)
    with ctx.clinic() as core:
        chart = core.patients.open_chart(patient_id)
        p = chart.details
        if p.birth_date is None:
            born = "age not known"
        elif p.birth_date_estimated:
            born = f"about {p.age_years} years old (estimated)"
        else:
            born = f"born {p.birth_date.isoformat()} ({p.age_years} years old)"
        ctx.print(f"{p.full_name}  ({p.clinic_number or p.id})")
        ctx.print(f"  sex {p.sex.value}, {born}")
        if p.phone:
            ctx.print(f"  phone {p.phone}")
        if p.village:
            ctx.print(f"  village {p.village}")
        if p.national_id:
            ctx.print(f"  national id {p.national_id}")
        ctx.print(f"  record id {p.id}")
        ctx.print(f"  {len(chart.appointments)} appointments, {len(chart.forms)} forms")
        for appt in chart.appointments[:10]:
            ctx.print(f"    {appt.starts_at:%Y-%m-%d %H:%M}  {appt.status.value}  {appt.provider}")
        for form in chart.forms[:10]:
            ctx.print(f"    {form.created_at:%Y-%m-%d}  {form.title}  {form.status.value}")
    return 0


def run_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.demo import seed_demo

    with ctx.clinic() as core:
        summary = seed_demo(core, count=args.patients, seed=args.seed)
    ctx.print(summary)
    return 0
