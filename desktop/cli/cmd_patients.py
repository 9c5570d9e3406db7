"""patients add / edit / search / show, and demo: through the patients API (`core.patients`),
as the screens do."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import stat
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.app.patients import PatientChart, PatientInput
from desktop.atomic import shown
from desktop.cli.context import CliContext
from desktop.dates import DATE_FORMATS_HINT
from desktop.errors import InvalidInput, NotFound, ValidationFailed
from desktop.ids import parse_id
from desktop.messages import msg
from desktop.services.patients import NO_BIRTH_PROBLEM

if TYPE_CHECKING:
    from desktop.core import ClinicCore


def register(sub: Any) -> None:
    patients = sub.add_parser("patients", help="register and find patients").add_subparsers(
        dest="patients_command", metavar="ACTION", required=True
    )
    p = patients.add_parser(
        "add",
        help="register a patient; prints the new id",
        description="Register a patient and print the new id once it is saved. Options on the "
        "command line can be seen by other users of this computer (in the process list) while "
        "the command runs: give a patient's details with --from-json - (standard input) "
        "instead.",
    )
    p.add_argument(
        "--from-json",
        metavar="FILE",
        help="read the patient from a JSON object in FILE, or '-' for standard input (not "
        "visible to other users, unlike options), with the options' names as keys: "
        + ", ".join(JSON_FIELDS)
        + ". With --password-stdin, the password is the first line of standard input and "
        "the JSON follows it",
    )
    p.add_argument("--given", default="", help="given name(s)")
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
    p.add_argument("--sex", default="", help="female, male, other or unknown (the default)")
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

    _register_edit(patients)

    p = patients.add_parser("search", help="find patients by name, phone, id or date of birth")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run=run_search)

    p = patients.add_parser("show", help="a patient's record (the opening is audited)")
    p.add_argument("patient_id", help="the patient's record id or clinic number")
    p.set_defaults(run=run_show)

    p = patients.add_parser(
        "merge",
        help="two records of one person made one: OTHER merged into SURVIVOR",
        description="Move every record of OTHER (appointments, forms and their signatures) to "
        "SURVIVOR and remove OTHER, which then points at SURVIVOR. Audited and sent to HQ at "
        "the next sync, so every laptop of the clinic makes the same merge. A signed form never "
        "changes: when OTHER has one, keep OTHER instead.",
    )
    p.add_argument(
        "survivor", metavar="SURVIVOR", help="the record that stays (id or clinic number)"
    )
    p.add_argument("other", metavar="OTHER", help="the record merged into it (id or clinic number)")
    p.set_defaults(run=run_merge)

    p = sub.add_parser("demo", help="fill the store with realistic demo data")
    p.add_argument("--patients", type=int, default=200, metavar="N")
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(run=run_demo)


# patients edit: option (dashes as underscores) → the core's input field. Text options only;
# the date of birth, the age and "age not known" are one choice (--dob | --age | --age-unknown).
EDIT_FIELDS: dict[str, str] = {
    "given": "given_name",
    "family": "family_name",
    "other": "other_names",
    "sex": "sex",
    "phone": "phone",
    "phone_alt": "phone_alt",
    "village": "village",
    "address": "address",
    "national_id": "national_id",
    "clinic_number": "clinic_number",
    "language": "preferred_language",
    "next_of_kin_name": "next_of_kin_name",
    "next_of_kin_relation": "next_of_kin_relation",
    "next_of_kin_phone": "next_of_kin_phone",
    "coverage_scheme": "coverage_scheme",
    "coverage_member_id": "coverage_member_id",
    "notes": "notes",
}


def _register_edit(patients: Any) -> None:
    p = patients.add_parser(
        "edit",
        help="change a patient's details; only the fields given change",
        description="Change a patient's details through the same checks as a registration, "
        "then print the patient as `patients show` does. Only the fields given change; an "
        "empty value (--phone '') clears a field. Options on the command line can be seen by "
        "other users of this computer while the command runs.",
    )
    p.add_argument("patient_id", help="the patient's record id or clinic number")
    p.add_argument("--given", help="given name(s)")
    p.add_argument("--family", help="family name")
    p.add_argument("--other", help="other or middle names")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--dob", metavar="DATE", help=f"date of birth ({DATE_FORMATS_HINT})")
    when.add_argument("--age", metavar="YEARS", help="estimated age in years")
    when.add_argument(
        "--age-unknown",
        action="store_true",
        help="neither the date of birth nor an approximate age is known",
    )
    p.add_argument("--sex", help="female, male, other or unknown")
    p.add_argument("--phone")
    p.add_argument("--phone-alt", help="a second phone number")
    p.add_argument("--village")
    p.add_argument("--address")
    p.add_argument("--national-id")
    p.add_argument("--clinic-number", help="the number on the patient's paper file")
    p.add_argument("--language", help="preferred language")
    p.add_argument("--next-of-kin-name")
    p.add_argument("--next-of-kin-relation")
    p.add_argument("--next-of-kin-phone")
    p.add_argument("--coverage-scheme", help="insurance or coverage scheme")
    p.add_argument("--coverage-member-id")
    p.add_argument("--notes")
    p.set_defaults(run=run_edit)


def edited_input(current: PatientInput, args: argparse.Namespace) -> PatientInput:
    """`current` with the options given on the command line, and nothing else, changed."""
    changes: dict[str, Any] = {
        field: getattr(args, option)
        for option, field in EDIT_FIELDS.items()
        if getattr(args, option) is not None
    }
    if args.dob is not None:
        changes |= {"birth_date": args.dob, "estimated_age_years": "", "age_unknown": False}
    elif args.age is not None:
        changes |= {"birth_date": "", "estimated_age_years": args.age, "age_unknown": False}
    elif args.age_unknown:
        changes |= {"birth_date": "", "estimated_age_years": "", "age_unknown": True}
    if not changes:
        options = ", ".join("--" + name.replace("_", "-") for name in ("given", "family", "dob"))
        raise InvalidInput(
            msg(
                "Nothing to change: give the fields to change ({options}, … see "
                "`outpost patients edit --help`).",
                options=options,
            )
        )
    return dataclasses.replace(current, **changes)


def run_edit(ctx: CliContext, args: argparse.Namespace) -> int:
    text = _checked_id_text(args.patient_id)
    edited_input(PatientInput(), args)  # nothing to change: said before signing in
    with ctx.clinic() as core:
        patient_id = find_patient(core, text)
        data = edited_input(core.patients.details(patient_id).editable, args)
        try:
            core.patients.edit(patient_id, data)
        except ValidationFailed as failed:
            raise _in_cli_words(failed) from None
        _print_chart(ctx, core.patients.chart(patient_id))
    return 0


# --from-json: the options' names (dashes as underscores), and what each may hold.
JSON_FIELDS: dict[str, str] = {
    "given": "text",
    "family": "text",
    "other": "text",
    "dob": "text",
    "age": "age",
    "age_unknown": "flag",
    "sex": "text",
    "phone": "text",
    "village": "text",
    "national_id": "text",
    "clinic_number": "text",
    "language": "text",
    "allow_duplicate": "flag",
}
PATIENT_OPTIONS = tuple(name for name in JSON_FIELDS if name != "allow_duplicate")
JSON_MAX_CHARS = 64 * 1024  # a patient is a few hundred characters; more is a mistake


def run_add(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.from_json is not None:
        given_as_options = [
            "--" + name.replace("_", "-")
            for name in PATIENT_OPTIONS
            if getattr(args, name) not in ("", False, None)
        ]
        if given_as_options:
            raise InvalidInput(
                f"Give the patient either with --from-json or as options, not both "
                f"({', '.join(given_as_options)} given too)."
            )
        if args.from_json == "-" and ctx.secrets.from_stdin:
            ctx.read_password_first()  # the first line; the JSON is the rest
        fields = patient_from_json(_read_json_text(ctx, args.from_json))
    else:
        fields = {name: getattr(args, name) for name in JSON_FIELDS}  # the core checks them
    data, allow_duplicate = input_from_fields(fields)
    with ctx.clinic() as core:
        try:
            patient_id = core.patients.register(data, confirmed_new=allow_duplicate).value
        except ValidationFailed as failed:
            raise _in_cli_words(failed) from None
    # Printed once the clinic has closed: an id on the screen is an id in the store.
    ctx.print(str(patient_id))
    return 0


def input_from_fields(fields: dict[str, Any]) -> tuple[PatientInput, bool]:
    """The core's input from the options (or --from-json) fields, and --allow-duplicate."""
    data = PatientInput(
        given_name=fields.get("given", ""),
        family_name=fields.get("family", ""),
        other_names=fields.get("other", ""),
        sex=fields.get("sex", "") or "unknown",
        birth_date=fields.get("dob", ""),
        estimated_age_years=fields.get("age", ""),
        age_unknown=bool(fields.get("age_unknown", False)),
        phone=fields.get("phone", ""),
        village=fields.get("village", ""),
        national_id=fields.get("national_id", ""),
        clinic_number=fields.get("clinic_number", ""),
        preferred_language=fields.get("language", ""),
    )
    return data, bool(fields.get("allow_duplicate", False))


def _read_json_text(ctx: CliContext, source: str) -> str:
    """At most JSON_MAX_CHARS of text from standard input ('-') or a regular file."""
    if source == "-":
        try:
            text = ctx.secrets.stdin.read(JSON_MAX_CHARS + 1)
        except UnicodeDecodeError:
            raise InvalidInput("The patient on standard input is not UTF-8 text.") from None
        where = "standard input"
    else:
        path = Path(source)
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise InvalidInput(
                    f"{shown(path)} is not a regular file: give a JSON file, or - for "
                    "standard input."
                )
            # O_NONBLOCK: a FIFO swapped in after the check must not hang the command.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as handle:
                raw = handle.read(JSON_MAX_CHARS * 4 + 1)
        except OSError as exc:
            raise InvalidInput(
                f"Cannot read {shown(path)}: {exc.strerror or type(exc).__name__}."
            ) from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput(f"{shown(path)} is not UTF-8 text.") from None
        where = shown(path)
    if len(text) > JSON_MAX_CHARS:
        raise InvalidInput(
            f"The patient in {where} is too large ({JSON_MAX_CHARS:,} characters at most)."
        )
    return text.removeprefix("\ufeff")


def patient_from_json(text: str) -> dict[str, Any]:
    """The --from-json fields, checked: one JSON object, known keys, the right types."""

    def no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise InvalidInput(f"The patient's JSON gives {', '.join(repeated)} twice.")
        return dict(pairs)

    def no_constant(name: str) -> Any:
        raise InvalidInput(f"The patient's JSON holds {name}, which is not a JSON number.")

    if not text.strip():
        raise InvalidInput("No patient given: --from-json expects a JSON object.")
    try:
        value = json.loads(text, object_pairs_hook=no_repeats, parse_constant=no_constant)
    except RecursionError:
        raise InvalidInput("The patient's JSON is nested too deeply.") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"The patient is not valid JSON (line {exc.lineno}, column {exc.colno})."
        ) from None
    except ValueError:  # an integer of thousands of digits
        raise InvalidInput("The patient is not valid JSON.") from None
    if not isinstance(value, dict):
        raise InvalidInput(
            "--from-json expects one JSON object, e.g. "
            '{"given": "Amina", "family": "Odhiambo", "dob": "1990-04-12"}.'
        )
    unknown = sorted(key for key in value if key not in JSON_FIELDS)
    if unknown:
        names = ", ".join(repr(shown(key, 40)) for key in unknown[:5])
        raise InvalidInput(
            f"Unknown field{'s' if len(unknown) > 1 else ''} in the patient's JSON: {names}. "
            f"Known fields: {', '.join(JSON_FIELDS)}."
        )
    fields: dict[str, Any] = {}
    for key, item in value.items():
        kind = JSON_FIELDS[key]
        if item is None:
            fields[key] = False if kind == "flag" else ""
        elif kind == "flag":
            if not isinstance(item, bool):
                raise InvalidInput(f"In the patient's JSON, {key} must be true or false.")
            fields[key] = item
        elif kind == "age" and isinstance(item, int) and not isinstance(item, bool):
            fields[key] = str(item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise InvalidInput(
                    f"In the patient's JSON, {key} holds an invalid character (\\u escape)."
                ) from None
            fields[key] = item
        else:
            expected = "a number of years or text" if kind == "age" else "text"
            raise InvalidInput(f"In the patient's JSON, {key} must be {expected}.")
    return fields


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
    text = _checked_id_text(args.patient_id)
    with ctx.clinic() as core:
        chart = core.patients.open_chart(find_patient(core, text))
        _print_chart(ctx, chart)
    return 0


def run_merge(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.app.attention import AttentionApi

    with ctx.clinic() as core:
        survivor = find_patient(core, _checked_id_text(args.survivor))
        other = find_patient(core, _checked_id_text(args.other))
        result = AttentionApi(core).merge_records(survivor, other).value
        name = core.patients.details(survivor).full_name
    ctx.print(merge_words(result, name))
    return 0


def merge_words(result: Any, name: str) -> str:
    """What a merge did, in one line (the records moved by kind)."""
    from desktop.cli.cmd_attention import kind_words
    from desktop.messages import join

    moved = join(", ", [f"{kind_words(k)}: {n}" for k, n in result.moved.items() if n])
    return msg(
        "Merged {other} into {name} ({survivor}); records moved: {moved}. {other} now points "
        "at {survivor}. The merge reaches the other laptops at the next sync.",
        other=result.merged_id,
        name=name,
        survivor=result.survivor_id,
        moved=moved or msg("none"),
    )


def _checked_id_text(text: str) -> str:
    if len(text) > 100:  # a UUID is 36 characters; a pasted page is not repeated back whole
        raise InvalidInput(f"{shown(text, 60)!r} is not a record id (expected a UUID).")
    return text


def _number_key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def find_patient(core: ClinicCore, text: str) -> uuid.UUID:
    """The patient `text` names: a record id, or a clinic number (with or without its dash,
    in any case)."""
    try:
        return parse_id(text)
    except InvalidInput:
        pass
    wanted = _number_key(text)
    if wanted:
        found = {
            hit.patient_id
            for hit in core.patients.search(text.strip(), limit=20)
            if hit.clinic_number and _number_key(hit.clinic_number) == wanted
        }
        if len(found) == 1:
            return found.pop()
        if found:
            raise InvalidInput(
                msg(
                    "More than one patient has the clinic number {number}: give the record id "
                    "instead (`outpost patients search {number}` lists them).",
                    number=text.strip(),
                )
            )
    raise NotFound(
        msg(
            "{text} is not a record id (a UUID) or a clinic number of this clinic.",
            text=repr(shown(text, 60)),
        )
    )


def _print_chart(ctx: CliContext, chart: PatientChart) -> None:
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


def run_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.demo import seed_demo

    with ctx.clinic() as core:
        summary = seed_demo(core, count=args.patients, seed=args.seed)
    ctx.print(summary)
    return 0
