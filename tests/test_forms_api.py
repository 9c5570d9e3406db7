"""core.forms: each use case is one call returning plain values, and what it changed is
announced; a patient's forms come with their titles (defect 12), never internal ids."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from desktop.app.forms import FormStatus, FormSummary, FormViewData, form_title
from desktop.changes import FORMS, Changes
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
