"""Registering and editing patients: validation, duplicates, charts and their audit."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core import ClinicCore
from desktop.errors import PermissionDenied, ValidationFailed
from desktop.permissions import Actor
from desktop.services import patients as svc
from desktop.store.models import Role, Sex


def register(core: ClinicCore, **fields: str) -> svc.Patient:
    with core.store.session() as session, session.begin():
        return svc.register_patient(
            session, core.actor, svc.PatientInput(**fields), region=core.region, search=core.search
        )


def test_a_patient_is_registered_with_a_normalised_phone(core: ClinicCore) -> None:
    patient = register(
        core,
        given_name="  Wanjiru ",
        family_name="Kamau",
        sex="Female",
        birth_date="1990-02-03",
        phone="0712 345 678",
        national_id="ab123",
    )
    assert patient.given_name == "Wanjiru"
    assert patient.sex is Sex.FEMALE
    assert patient.phone == "+254712345678"
    assert patient.phone_reversed == "876543217452"
    assert patient.national_id == "AB123"


@pytest.mark.parametrize("today", [dt.date(2025, 3, 1), dt.date(2025, 7, 1), dt.date(2025, 12, 31)])
def test_an_estimated_age_gives_exactly_that_age_and_does_not_drift_on_edits(
    today: dt.date,
) -> None:
    values = svc.validate_patient(
        svc.PatientInput(given_name="Achieng", estimated_age_years="34"), region="KE", today=today
    )
    birth = values["birth_date"]
    assert values["birth_date_estimated"] and (birth.month, birth.day) == (7, 1)
    assert svc.age_in_years(birth, today) == 34
    # Editing the record shows the age again and re-derives the same date, every time.
    for _ in range(3):
        again = svc.validate_patient(
            svc.PatientInput(
                given_name="Achieng", estimated_age_years=str(svc.age_in_years(birth, today))
            ),
            region="KE",
            today=today,
        )
        assert again["birth_date"] == birth


def test_a_second_patient_with_the_same_national_id_is_flagged(core: ClinicCore) -> None:
    register(core, given_name="Faduma", family_name="Osman", national_id="23456789")
    with pytest.raises(svc.PossibleDuplicate) as caught:
        register(core, given_name="Ubah", family_name="Jama", national_id="23456789")
    assert caught.value.candidates[0][1][0] == "same national ID"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"given_name": "   "}, "given_name", "given name is required"),
        ({"given_name": "123"}, "given_name", "at least one letter"),
        ({"birth_date": "2031-01-01"}, "birth_date", "in the future"),
        ({"birth_date": "1990-02-30"}, "birth_date", "not a date"),
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
    core: ClinicCore, fields: dict[str, str], field: str, message: str
) -> None:
    data = {"given_name": "Neema", "family_name": "Juma", **fields}
    with pytest.raises(ValidationFailed) as caught:
        svc.validate_patient(svc.PatientInput(**data), region="KE")
    assert message in caught.value.problems[field]


def test_every_problem_is_reported_at_once(core: ClinicCore) -> None:
    with pytest.raises(ValidationFailed) as caught:
        svc.validate_patient(
            svc.PatientInput(given_name="", birth_date="tomorrow", phone="1"), region="KE"
        )
    assert set(caught.value.problems) == {"given_name", "birth_date", "phone"}


def test_control_characters_pasted_into_names_are_removed(core: ClinicCore) -> None:
    values = svc.validate_patient(
        svc.PatientInput(given_name="Zawadi\x00\x1b[31m", family_name="Said\u200e"), region="KE"
    )
    assert values["given_name"] == "Zawadi[31m"
    assert values["family_name"] == "Said"


def test_a_likely_duplicate_is_refused_until_confirmed(core: ClinicCore) -> None:
    first = register(
        core, given_name="Wanjiru", family_name="Kamau", phone="0712345678", village="Githunguri"
    )
    with pytest.raises(svc.PossibleDuplicate) as caught:
        register(core, given_name="Wanjiru", family_name="Kamau", phone="+254 712 345678")
    candidate, reasons = caught.value.candidates[0]
    assert candidate.patient_id == first.id
    assert any("phone" in r for r in reasons)
    with core.store.session() as session, session.begin():
        second = svc.register_patient(
            session,
            core.actor,
            svc.PatientInput(given_name="Wanjiru", family_name="Kamau", phone="0712345678"),
            region=core.region,
            confirmed_new=True,
        )
    assert second.id != first.id


def test_the_same_person_spelled_differently_is_flagged(core: ClinicCore) -> None:
    register(
        core,
        given_name="Mohamed",
        family_name="Abdullahi",
        birth_date="1985-05-05",
        village="Garissa",
    )
    with pytest.raises(svc.PossibleDuplicate):
        register(
            core,
            given_name="Muhamed",
            family_name="Abdulahi",
            birth_date="1985-05-05",
            village="Garissa",
        )


def test_editing_a_patient_audits_the_changed_fields_only(core: ClinicCore) -> None:
    patient = register(core, given_name="Rehema", family_name="Kombo")
    data = svc.PatientInput.from_patient(patient)
    data.village = "Likoni"
    with core.store.session() as session, session.begin():
        svc.update_patient(session, core.actor, patient.id, data, region=core.region)
    with core.store.session() as session, session.begin():
        chart = svc.open_chart(session, core.actor, patient.id)
    assert chart.patient.village == "Likoni"
    assert [(e.action, e.detail) for e in chart.history] == [
        ("create", {}),
        ("update", {"fields": ["village"]}),
    ]
    with core.store.session() as session:
        from desktop.services.audit import history

        assert history(session, "patients", patient.id)[-1].action == "view"


def test_a_clinician_cannot_register_patients(core: ClinicCore) -> None:
    clinician = Actor(core.actor.user_id, "dr", "Dr. Otieno", Role.CLINICIAN, core.actor.clinic_id)
    with pytest.raises(PermissionDenied, match="may not register"), core.store.session() as session:
        svc.register_patient(session, clinician, svc.PatientInput(given_name="X"), region="KE")


def test_a_removed_patient_is_no_longer_found(core: ClinicCore) -> None:
    patient = register(core, given_name="Ubah", family_name="Warsame")
    with core.store.session() as session, session.begin():
        svc.remove_patient(session, core.actor, patient.id)
    with core.store.session() as session:
        assert core.search.search(session, "Ubah Warsame") == []
        with pytest.raises(svc.NotFound):
            svc.get_patient(session, patient.id)
