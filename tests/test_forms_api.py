"""core.forms: each use case is one call returning plain values, and what it changed is
announced; a patient's forms come with their titles (defect 12), never internal ids."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from desktop.app.forms import FormStatus, FormSummary, FormViewData, form_title
from desktop.changes import FORMS, PATIENTS, Changes
from desktop.core import ClinicCore
from desktop.errors import Conflict, ValidationFailed
from desktop.services.patients import PatientInput, register_patient
from forms.examples import answers_for


@pytest.fixture
def patient_id(core: ClinicCore) -> uuid.UUID:
    with core.store.session() as session, session.begin():
        return register_patient(
            session,
            core.actor,
            PatientInput(
                given_name="Amina", family_name="Wanjiru", sex="female", birth_date="1990-04-02"
            ),
            region=core.region,
            confirmed_new=True,
        ).id


def _plain(value: object) -> None:
    """No ORM object or session escapes the API."""
    assert dataclasses.is_dataclass(value) and type(value).__dataclass_params__.frozen  # type: ignore[attr-defined]
    for item in dataclasses.fields(value):  # type: ignore[arg-type]
        inner = getattr(value, item.name)
        assert not hasattr(inner, "_sa_instance_state"), item.name


def test_a_form_is_started_saved_signed_and_corrected_through_the_api(
    core: ClinicCore, patient_id: uuid.UUID
) -> None:
    heard: list[Changes] = []
    core.changes.subscribe(heard.append)
    started = core.forms.start(patient_id, "consent_treatment")
    view = started.value
    _plain(view)
    assert isinstance(view, FormViewData) and view.status is FormStatus.DRAFT
    assert view.new and view.patient is not None and view.patient.age_years is not None
    assert view.context["patient_sex"] == "female" and view.context["patient_age_years"] >= 30
    assert started.changes.touches(FORMS) and started.changes.touches_patient(patient_id)
    assert heard and heard[-1] == started.changes

    saved = core.forms.save_draft(view.record_id, {"staff_name": "Amina"}).value
    _plain(saved)
    assert saved.status is FormStatus.DRAFT and saved.saved_at.tzinfo is not None
    with pytest.raises(ValidationFailed):
        core.forms.complete(view.record_id, {}, lang="en")

    consent = core.forms.library().get("consent_treatment")
    done = core.forms.complete(view.record_id, answers_for(consent), lang="en").value
    assert done.status is FormStatus.SIGNED and done.signed_at is not None
    with pytest.raises(Conflict):
        core.forms.save_draft(view.record_id, {"staff_name": "changed"})

    fixed = core.forms.correct(view.record_id, "Wrong staff name").value
    assert fixed.supersedes_id == view.record_id and fixed.status is FormStatus.DRAFT
    assert fixed.correction_reason == "Wrong staff name"
    reopened = core.forms.view(view.record_id)
    assert reopened.status is FormStatus.SIGNED and not reopened.new


def test_a_patients_forms_are_listed_with_their_titles(
    core: ClinicCore, patient_id: uuid.UUID
) -> None:
    core.forms.start(patient_id, "consent_treatment")
    core.forms.start(patient_id, "intake")
    listed = core.forms.patient_forms(patient_id, "en")
    assert all(isinstance(f, FormSummary) for f in listed)
    titles = {f.definition_id: f.title for f in listed}
    assert titles["consent_treatment"] == "Consent to examination and treatment"
    assert titles["intake"] == "Patient intake"
    assert "consent_treatment" not in titles.values()
    french = {f.definition_id: f.title for f in core.forms.patient_forms(patient_id, "fr")}
    assert french["consent_treatment"] == "Consentement aux examens et aux soins"
    # The function the patient record's read model uses.
    assert form_title("consent_treatment", 1, "en") == titles["consent_treatment"]
    assert core.forms.title("intake", 1, "fr") == french["intake"]
    assert form_title("no_such_form", 1, "en") == "no_such_form"  # never fails a list


# --- issue 7, defect 17: the intake starts from the record as the record shows it ---------------


def _register(core: ClinicCore, **fields: object) -> uuid.UUID:
    data = PatientInput(given_name="Baraka", family_name="Otieno", sex="male", **fields)  # type: ignore[arg-type]
    with core.store.session() as session, session.begin():
        return register_patient(
            session, core.actor, data, region=core.region, confirmed_new=True
        ).id


def _intake_answers(core: ClinicCore, **answers: object) -> dict[str, object]:
    intake = core.forms.library().get("intake")
    out = dict(answers_for(intake))
    out.update(answers)
    return out


def test_the_intake_prefills_the_phone_as_the_record_shows_it_and_the_date_of_birth(
    core: ClinicCore,
) -> None:
    pid = _register(core, phone="0712 345 678", birth_date="1984-03-21")
    shown = core.patients.details(pid)
    view = core.forms.start(pid, "intake").value
    assert view.answers["phone"] == shown.phone == "0712 345678"  # not "+254712345678"
    assert view.answers["date_of_birth"] == {
        "year": 1984,
        "month": 3,
        "day": 21,
        "approximate": False,
    }
    assert view.patient is not None and not view.patient.age_estimated


def test_an_estimated_age_reaches_the_intake_as_about_its_year_and_no_age_as_nothing(
    core: ClinicCore,
) -> None:
    estimated = _register(core, estimated_age_years="40")
    view = core.forms.start(estimated, "intake").value
    birth = core.patients.details(estimated).birth_date
    assert birth is not None
    assert view.answers["date_of_birth"] == {
        "year": birth.year,
        "month": None,
        "day": None,
        "approximate": True,
    }
    assert view.patient is not None and view.patient.age_estimated
    assert view.patient.age_years == 40

    unknown = _register(core, age_unknown=True)
    view = core.forms.start(unknown, "intake").value
    assert "date_of_birth" not in view.answers
    assert view.patient is not None and view.patient.age_years is None
    assert not view.patient.age_estimated


def test_a_date_of_birth_given_on_the_intake_reaches_a_record_that_had_none(
    core: ClinicCore,
) -> None:
    pid = _register(core, age_unknown=True)
    view = core.forms.start(pid, "intake").value
    answers = _intake_answers(
        core, date_of_birth={"year": 1979, "month": 8, "day": 14, "approximate": False}
    )
    done = core.forms.complete(view.record_id, answers, lang="en")
    assert done.value.birth_date_recorded == dt.date(1979, 8, 14)
    assert done.changes.touches(PATIENTS) and done.changes.touches_patient(pid)
    details = core.patients.details(pid)
    assert details.birth_date == dt.date(1979, 8, 14) and not details.birth_date_estimated
    edits = [h for h in core.patients.history(pid) if h.action == "update"]
    assert edits and "birth_date" in edits[0].fields  # audited as an edit of the patient


def test_an_exact_date_on_the_intake_replaces_an_estimate_but_an_about_year_does_not(
    core: ClinicCore,
) -> None:
    pid = _register(core, estimated_age_years="40")
    before = core.patients.details(pid).birth_date
    about = core.forms.start(pid, "intake").value
    done = core.forms.complete(
        about.record_id,
        _intake_answers(core, date_of_birth={"year": 1970, "approximate": True}),
        lang="en",
    ).value
    assert done.birth_date_recorded is None
    assert core.patients.details(pid).birth_date == before

    exact = core.forms.start(pid, "intake").value
    core.forms.complete(
        exact.record_id,
        _intake_answers(core, date_of_birth={"year": 1985, "month": 2, "day": 9}),
        lang="en",
    )
    details = core.patients.details(pid)
    assert details.birth_date == dt.date(1985, 2, 9) and not details.birth_date_estimated


def test_an_intake_never_overwrites_a_date_of_birth_the_record_has(core: ClinicCore) -> None:
    pid = _register(core, birth_date="1984-03-21")
    view = core.forms.start(pid, "intake").value
    done = core.forms.complete(
        view.record_id,
        _intake_answers(core, date_of_birth={"year": 1985, "month": 2, "day": 9}),
        lang="en",
    ).value
    assert done.birth_date_recorded is None
    assert core.patients.details(pid).birth_date == dt.date(1984, 3, 21)


def test_a_year_alone_on_the_intake_gives_a_record_without_one_an_estimate(
    core: ClinicCore,
) -> None:
    pid = _register(core, age_unknown=True)
    view = core.forms.start(pid, "intake").value
    core.forms.complete(
        view.record_id, _intake_answers(core, date_of_birth={"year": 1962}), lang="en"
    )
    details = core.patients.details(pid)
    assert details.birth_date is not None and details.birth_date.year == 1962
    assert details.birth_date_estimated
