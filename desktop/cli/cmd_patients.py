"""patients add / search / show, and demo."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import CliContext
from desktop.ids import parse_id
from desktop.services import patients as patient_service
from desktop.services.phones import display_phone


def register(sub: Any) -> None:
    patients = sub.add_parser("patients", help="register and find patients").add_subparsers(
        dest="patients_command", metavar="ACTION", required=True
    )
    p = patients.add_parser("add", help="register a patient; prints the new id")
    p.add_argument("--given", required=True, help="given name(s)")
    p.add_argument("--family", default="", help="family name")
    p.add_argument("--other", default="", help="other or middle names")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--dob", default="", metavar="YYYY-MM-DD", help="date of birth")
    when.add_argument("--age", default="", metavar="YEARS", help="estimated age in years")
    p.add_argument("--sex", default="unknown", help="female, male, other or unknown")
    p.add_argument("--phone", default="")
    p.add_argument("--village", default="")
    p.add_argument("--national-id", default="")
    p.add_argument("--clinic-number", default="")
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
    data = patient_service.PatientInput(
        given_name=args.given,
        family_name=args.family,
        other_names=args.other,
        sex=args.sex,
        birth_date=args.dob,
        estimated_age_years=args.age,
        phone=args.phone,
        village=args.village,
        national_id=args.national_id,
        clinic_number=args.clinic_number,
        preferred_language=args.language,
    )
    with ctx.clinic() as core, core.store.session() as session, session.begin():
        patient = patient_service.register_patient(
            session,
            core.actor,
            data,
            region=core.region,
            search=core.search,
            confirmed_new=args.allow_duplicate,
        )
        ctx.print(str(patient.id))
    return 0


def run_search(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core, core.store.read_session() as session:
        for hit in core.search.search(session, args.query, limit=max(1, min(args.limit, 200))):
            born = hit.birth_date.isoformat() if hit.birth_date else "?"
            if hit.birth_date_estimated and hit.birth_date:
                born = f"~{hit.birth_date.year}"
            phone = display_phone(hit.phone, core.region)
            ctx.print(
                f"{hit.patient_id}  {hit.display_name}  {born}  {hit.sex}  "
                f"{phone}  {hit.village}".rstrip()
            )
    return 0


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    patient_id = parse_id(args.patient_id)
    with ctx.clinic() as core, core.store.session() as session, session.begin():
        chart = patient_service.open_chart(session, core.actor, patient_id)
        p = chart.patient
        born = p.birth_date.isoformat() if p.birth_date else "unknown"
        ctx.print(f"{p.full_name}  ({p.id})")
        ctx.print(
            f"  sex {p.sex.value}, born {born}{' (estimated)' if p.birth_date_estimated else ''}"
        )
        if p.phone:
            ctx.print(f"  phone {display_phone(p.phone, core.region)}")
        if p.village:
            ctx.print(f"  village {p.village}")
        for ident, label in ((p.national_id, "national id"), (p.clinic_number, "clinic no.")):
            if ident:
                ctx.print(f"  {label} {ident}")
        ctx.print(f"  {len(chart.appointments)} appointments, {len(chart.forms)} forms")
        for appt in chart.appointments[:10]:
            when = appt.starts_at.astimezone(core.zone)
            ctx.print(f"    {when:%Y-%m-%d %H:%M}  {appt.status.value}")
    return 0


def run_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.demo import seed_demo

    with ctx.clinic() as core:
        summary = seed_demo(core, count=args.patients, seed=args.seed)
    ctx.print(summary)
    return 0
