"""Registering and editing patients through the application API: validation, duplicates,
clinic numbers, the patient record's read model and its audit."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.patients import PatientChart, PatientInput, PossibleDuplicate
from desktop.core import ClinicCore
from desktop.errors import NotFound, PermissionDenied, ValidationFailed
from desktop.permissions import Actor
from desktop.services import clinic_numbers, clinic_setup, form_records, scheduling
from desktop.services import patients as svc
from desktop.store.models import Clinic, OutboxEntry, Role, Sex

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"^KHP-[A-Z2-9]{2}\d{4}$")  # the clinic is "Kisumu Health Post"


def register(core: ClinicCore, **fields: str) -> uuid.UUID:
    fields.setdefault("estimated_age_years", "30")
    return core.patients.register(PatientInput(**fields), confirmed_new=True).value


def test_a_patient_is_registered_with_a_normalised_phone_shown_one_way(
    core: ClinicCore,
) -> None:
    pid = register(
        core,
        given_name="  Wanjiru ",
        family_name="Kamau",
        sex="Female",
        birth_date="1990-02-03",
        estimated_age_years="",
        phone="0712 345 678",
        national_id="ab123",
    )
    details = core.patients.details(pid)
    assert details.given_name == "Wanjiru"
    assert details.sex is Sex.FEMALE
    assert details.phone_e164 == "+254712345678"
    assert details.national_id == "AB123"
    # Defect 17: one display format for the record, the chart and a form's prefill.
    assert details.phone == "0712 345678"
    assert core.patients.open_chart(pid).details.phone == details.phone
    assert details.editable.phone == details.phone
    with core.store.session() as session:
        patient = svc.get_patient(session, pid)
        assert patient.phone_reversed == "876543217452"


@pytest.mark.parametrize("today", [dt.date(2025, 3, 1), dt.date(2025, 7, 1), dt.date(2025, 12, 31)])
def test_an_estimated_age_gives_exactly_that_age_and_does_not_drift_on_edits(
    today: dt.date,
) -> None:
    values = svc.validate_patient(
        PatientInput(given_name="Achieng", estimated_age_years="34"), region="KE", today=today
    )
    birth = values["birth_date"]
    assert values["birth_date_estimated"] and (birth.month, birth.day) == (7, 1)
    assert svc.age_in_years(birth, today) == 34
    for _ in range(3):
        again = svc.validate_patient(
            PatientInput(
                given_name="Achieng", estimated_age_years=str(svc.age_in_years(birth, today))
            ),
            region="KE",
            today=today,
        )
        assert again["birth_date"] == birth


# --- defect 4: the date of birth (or an age, or "not known") is required ----------------


def test_a_registration_without_birth_date_or_age_is_refused(core: ClinicCore) -> None:
    with pytest.raises(ValidationFailed) as caught:
        core.patients.register(PatientInput(given_name="Neema", family_name="Juma"))
    assert set(caught.value.problems) == {"birth_date"}
    assert "Age not known" in caught.value.problems["birth_date"]
    assert core.patients.search("Neema Juma") == []


def test_age_not_known_is_an_explicit_choice_the_record_shows(core: ClinicCore) -> None:
    pid = core.patients.register(
        PatientInput(given_name="Neema", family_name="Juma", age_unknown=True)
    ).value
    details = core.patients.details(pid)
    assert details.age_unknown and details.age_years is None and details.birth_date is None
    assert details.editable.age_unknown  # the edit form opens on "Age not known"
    # An edit keeps asking for the same: clearing the choice without a date is refused.
    with pytest.raises(ValidationFailed):
        core.patients.edit(pid, dataclasses.replace(details.editable, age_unknown=False))


# --- defect 13 and the one date parser ---------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2031-02-30", "There is no 30 February 2031"),
        ("30/02/2031", "There is no 30 February 2031"),
        ("1990-13-01", "There is no month 13"),
        ("tomorrow", "is not a date"),
    ],
)
def test_an_impossible_date_says_the_day_does_not_exist(typed: str, message: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        svc.validate_patient(
            PatientInput(given_name="Neema", birth_date=typed),
            region="KE",
            today=dt.date(2032, 1, 1),
        )
    assert message in caught.value.problems["birth_date"]


@pytest.mark.parametrize(
    "typed", ["1984-03-21", "1984/3/21", "21/03/1984", "21.03.1984", "21-03-1984", "3/21/1984"]
)
def test_registration_and_search_accept_the_same_date_formats(core: ClinicCore, typed: str) -> None:
    pid = register(core, given_name="Baraka", estimated_age_years="", birth_date=typed)
    assert core.patients.details(pid).birth_date == dt.date(1984, 3, 21)
    assert [h.patient_id for h in core.patients.search(typed)] == [pid]


def test_one_age_implementation() -> None:
    sources = {
        path: path.read_text("utf-8")
        for folder in ("desktop", "ui")
        for path in (ROOT / folder).rglob("*.py")
    }
    defining = [
        str(path.relative_to(ROOT))
        for path, text in sources.items()
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef)
        and node.name in ("age_in_years", "age_years")
        and "today.year - " in ast.get_source_segment(text, node)
    ]
    assert defining == ["desktop/dates.py"]


# --- validation and duplicates ------------------------------------------------------------


def test_a_second_patient_with_the_same_national_id_is_flagged(core: ClinicCore) -> None:
    register(core, given_name="Faduma", family_name="Osman", national_id="23456789")
    with pytest.raises(PossibleDuplicate) as caught:
        core.patients.register(
            PatientInput(
                given_name="Ubah", family_name="Jama", national_id="23456789", age_unknown=True
            )
        )
    assert caught.value.candidates[0][1][0] == "same national ID"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"given_name": "   "}, "given_name", "given name is required"),
        ({"given_name": "123"}, "given_name", "at least one letter"),
        ({"birth_date": "2031-01-01"}, "birth_date", "in the future"),
        ({"birth_date": "1990-02-30"}, "birth_date", "There is no 30 February 1990"),
        ({"birth_date": "1850-01-01"}, "birth_date", "older than 125"),
        ({"estimated_age_years": "abc"}, "estimated_age_years", "not an age"),
        ({"estimated_age_years": "300"}, "estimated_age_years", "between 0 and 125"),
        ({"birth_date": "1990-01-01", "estimated_age_years": "30"}, "birth_date", "not both"),
        ({"phone": "12"}, "phone", "not a valid phone number"),
        ({"phone": "call me"}, "phone", "not a phone number"),
        ({"sex": "robot"}, "sex", "female, male, other or unknown"),
        ({"family_name": "x" * 201}, "family_name", "Too long"),
    ],
)
def test_bad_input_names_the_field_and_the_problem(
    fields: dict[str, str], field: str, message: str
) -> None:
    data = {"given_name": "Neema", "family_name": "Juma", **fields}
    with pytest.raises(ValidationFailed) as caught:
        svc.validate_patient(PatientInput(**data), region="KE", today=dt.date(2026, 12, 1))
    assert message in caught.value.problems[field]


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValidationFailed) as caught:
        svc.validate_patient(
            PatientInput(given_name="", birth_date="tomorrow", phone="1"), region="KE"
        )
    assert set(caught.value.problems) == {"given_name", "birth_date", "phone"}


def test_control_characters_pasted_into_names_are_removed() -> None:
    values = svc.validate_patient(
        PatientInput(given_name="Zawadi\x00\x1b[31m", family_name="Said\u200e"), region="KE"
    )
    assert values["given_name"] == "Zawadi[31m"
    assert values["family_name"] == "Said"


def test_a_likely_duplicate_is_refused_until_confirmed(core: ClinicCore) -> None:
    first = register(
        core, given_name="Wanjiru", family_name="Kamau", phone="0712345678", village="Githunguri"
    )
    again = PatientInput(
        given_name="Wanjiru", family_name="Kamau", phone="+254 712 345678", age_unknown=True
    )
    with pytest.raises(PossibleDuplicate) as caught:
        core.patients.register(again)
    candidate, reasons = caught.value.candidates[0]
    assert candidate.patient_id == first
    assert any("phone" in r for r in reasons)
    assert [d.hit.patient_id for d in core.patients.likely_duplicates(again)] == [first]
    second = core.patients.register(again, confirmed_new=True).value
    assert second != first


def test_the_same_person_spelled_differently_is_flagged(core: ClinicCore) -> None:
    register(
        core,
        given_name="Mohamed",
        family_name="Abdullahi",
        estimated_age_years="",
        birth_date="1985-05-05",
        village="Garissa",
    )
    with pytest.raises(PossibleDuplicate):
        core.patients.register(
            PatientInput(
                given_name="Muhamed",
                family_name="Abdulahi",
                birth_date="1985-05-05",
                village="Garissa",
            )
        )


def test_a_clinician_cannot_register_patients(core: ClinicCore) -> None:
    clinician = Actor(core.actor.user_id, "dr", "Dr. Otieno", Role.CLINICIAN, core.actor.clinic_id)
    with pytest.raises(PermissionDenied, match="may not register"), core.store.session() as session:
        svc.register_patient(session, clinician, PatientInput(given_name="X"), region="KE")


# --- defect 22: clinic numbers --------------------------------------------------------------


def test_every_registration_gets_the_next_clinic_number_of_this_device(core: ClinicCore) -> None:
    first = core.patients.details(register(core, given_name="Amani", family_name="Otieno"))
    second = core.patients.details(register(core, given_name="Bahati", family_name="Odera"))
    assert NUMBER.match(first.clinic_number), first.clinic_number
    tag = clinic_numbers.device_tag(core.store.device_id)
    assert first.clinic_number == f"KHP-{tag}0001"
    assert second.clinic_number == f"KHP-{tag}0002"
    # Shown on the record instead of the id, and found by search in the ways people type it.
    assert core.patients.open_chart(first.id).details.clinic_number == first.clinic_number
    for typed in (first.clinic_number, first.clinic_number.lower(), f"khp {tag.lower()}0001"):
        assert [h.patient_id for h in core.patients.search(typed)] == [first.id], typed


def test_an_edit_keeps_the_clinic_number_and_a_typed_number_is_kept(core: ClinicCore) -> None:
    pid = register(core, given_name="Amani", family_name="Otieno")
    issued = core.patients.details(pid).clinic_number
    editable = dataclasses.replace(core.patients.details(pid).editable, clinic_number="")
    core.patients.edit(pid, editable)
    assert core.patients.details(pid).clinic_number == issued
    paper = register(core, given_name="Zuberi", family_name="Said", clinic_number="old-1234")
    assert core.patients.details(paper).clinic_number == "OLD-1234"


def test_clinic_numbers_differ_between_devices_without_asking_each_other(
    core: ClinicCore,
) -> None:
    laptop_a, laptop_b = uuid.uuid4(), uuid.uuid4()
    while clinic_numbers.device_tag(laptop_a) == clinic_numbers.device_tag(laptop_b):
        laptop_b = uuid.uuid4()
    with core.store.session() as session, session.begin():
        a = clinic_numbers.next_number(session, laptop_a)
    with core.store.session() as session, session.begin():
        b = clinic_numbers.next_number(session, laptop_b)
    assert a != b and a.startswith("KHP-") and b.startswith("KHP-")


def test_the_clinic_code_starts_the_number_and_a_used_number_is_skipped(
    core: ClinicCore,
) -> None:
    with core.store.session() as session, session.begin():
        session.scalars(select(Clinic)).one().code = "knc"
    tag = clinic_numbers.device_tag(core.store.device_id)
    taken = register(core, given_name="Hand", family_name="Typed", clinic_number=f"KNC-{tag}0001")
    pid = register(core, given_name="Next", family_name="One")
    assert core.patients.details(taken).clinic_number == f"KNC-{tag}0001"
    assert core.patients.details(pid).clinic_number == f"KNC-{tag}0002"
    assert clinic_numbers.clinic_code("Kakamega") == "KAK"
    assert clinic_numbers.clinic_code("Kisumu Health Post") == "KHP"


# --- the chart ------------------------------------------------------------------------------


def _book(core: ClinicCore, pid: uuid.UUID) -> uuid.UUID:
    def work(session: object) -> uuid.UUID:
        provider = clinic_setup.add_provider(session, core.actor, "Dr. Achieng")  # type: ignore[arg-type]
        for weekday in range(7):
            clinic_setup.set_working_hours(
                session,  # type: ignore[arg-type]
                core.actor,
                provider.id,
                weekday,
                [(dt.time(7), dt.time(19))],
            )
        kind = clinic_setup.add_appointment_type(session, core.actor, "Consultation", 30)  # type: ignore[arg-type]
        when = dt.datetime.combine(core.today() + dt.timedelta(days=7), dt.time(11))
        return scheduling.book(
            session,  # type: ignore[arg-type]
            core.actor,
            patient_id=pid,
            provider_id=provider.id,
            type_id=kind.id,
            starts_at=when,
        ).id

    return core.tx.write(work).value  # type: ignore[arg-type]


def test_the_chart_holds_appointments_forms_with_titles_and_history_with_names(
    core: ClinicCore,
) -> None:
    pid = register(core, given_name="Rehema", family_name="Kombo")
    appointment = _book(core, pid)
    core.tx.write(
        lambda s: form_records.start_form(
            s, core.actor, core.forms.library(), "consent_treatment", patient_id=pid
        )
    )
    core.patients.edit(
        pid, dataclasses.replace(core.patients.details(pid).editable, village="Likoni")
    )
    chart = core.patients.open_chart(pid)
    assert isinstance(chart, PatientChart) and chart.patient_id == pid
    assert chart.details.village == "Likoni"
    assert [a.appointment_id for a in chart.appointments] == [appointment]
    assert chart.appointments[0].provider == "Dr. Achieng"
    assert chart.appointments[0].type_name == "Consultation"
    assert chart.forms[0].definition_id == "consent_treatment"
    assert chart.forms[0].title != "consent_treatment"  # defect 12: a title, not an id
    assert [(h.action, h.fields) for h in chart.history] == [
        ("update", ("village",)),
        ("create", ()),
    ]
    assert {h.who for h in chart.history} == {"Amina Odhiambo"}
    assert core.patients.history(pid)[0].action == "view"  # the opening was audited


def test_opening_a_chart_queues_an_audit_event_and_no_patch_of_the_patient(
    core: ClinicCore,
) -> None:
    pid = register(core, given_name="Rehema", family_name="Kombo")
    with core.store.session() as session:
        last = session.scalar(select(OutboxEntry.seq).order_by(OutboxEntry.seq.desc()).limit(1))
    seen = []
    core.changes.subscribe(seen.append)
    core.patients.open_chart(pid)
    with core.store.session() as session:
        queued = session.scalars(select(OutboxEntry).where(OutboxEntry.seq > (last or 0))).all()
    assert [e.entity for e in queued if e.entity == "patients"] == []
    assert [e.entity for e in queued] == ["audit_events"]
    assert not any(c.touches("patients") for c in seen)  # nor does any open record refresh


def test_an_unknown_patient_is_not_found(core: ClinicCore) -> None:
    with pytest.raises(NotFound):
        core.patients.open_chart(uuid.uuid4())
    with pytest.raises(NotFound):
        core.patients.details(uuid.uuid4())


# --- removing ------------------------------------------------------------------------------


def test_removing_a_patient_cancels_their_appointments_and_hides_them(core: ClinicCore) -> None:
    pid = register(core, given_name="Ubah", family_name="Warsame")
    appointment = _book(core, pid)
    done = core.patients.remove(pid)
    assert done.value == 1 and done.changes.touches_patient(pid)
    assert done.changes.touches("appointments")
    with core.store.session() as session:
        assert scheduling.get_appointment(session, appointment).status.value == "cancelled"
    assert core.patients.search("Ubah Warsame") == []
    with pytest.raises(NotFound):
        core.patients.details(pid)


def test_the_patients_service_does_not_import_scheduling() -> None:
    tree = ast.parse((ROOT / "desktop/services/patients.py").read_text("utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom | ast.Import)
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any("scheduling" in (name or "") for name in imported)


def test_one_phone_display_format() -> None:
    from desktop.services.phones import display_phone

    assert display_phone("+254712345678", "KE") == "0712 345678"
    assert display_phone("+256772123456", "KE") == "+256 772 123456"
    assert display_phone("not a number", "KE") == "not a number"
    assert display_phone(None, "KE") == ""


def test_a_restore_or_a_sync_makes_the_search_read_its_vocabulary_again(
    core: ClinicCore,
) -> None:
    from desktop.changes import EVERYTHING, PATIENTS, Changes

    core.patients.warm_search()
    with core.store.read_session() as session:
        first = core.search.vocabulary(session)
        core.changes.publish(Changes.of(PATIENTS))  # typed here: noted name by name
        assert core.search.vocabulary(session) is first
        core.changes.publish(Changes.of(PATIENTS, remote=True))
        second = core.search.vocabulary(session)
        assert second is not first
        core.changes.publish(Changes.of(EVERYTHING))
        assert core.search.vocabulary(session) is not second


def test_a_registration_made_through_the_services_carries_this_devices_tag(
    core: ClinicCore,
) -> None:
    from desktop.services.clinic_numbers import device_tag

    data = PatientInput(given_name="Achieng", family_name="Otieno", estimated_age_years="30")
    number = core.tx.write(
        lambda s: svc.register_patient(s, core.actor, data, region=core.region).clinic_number
    ).value
    assert number is not None
    assert f"-{device_tag(core.store.device_id)}" in number


def test_registrations_in_one_transaction_and_the_next_get_consecutive_numbers(
    core: ClinicCore,
) -> None:
    def two(session: object) -> list[str | None]:
        return [
            svc.register_patient(
                session,  # type: ignore[arg-type]
                core.actor,
                PatientInput(given_name=given, family_name="Otieno", estimated_age_years="30"),
                region=core.region,
                confirmed_new=True,
            ).clinic_number
            for given in ("Achieng", "Atieno")
        ]

    first = core.tx.write(two).value + core.tx.write(two).value
    counters = [int(str(n)[-4:]) for n in first]
    assert counters == list(range(counters[0], counters[0] + 4))
