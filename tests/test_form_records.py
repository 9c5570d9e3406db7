"""Form records in the store: drafts, validation, signing, immutability, corrections, reprints."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

import forms
from desktop.core import ClinicCore
from desktop.errors import Conflict, ValidationFailed
from desktop.services import form_records as svc
from desktop.services.patients import PatientInput, register_patient
from desktop.store.models import Attachment, FormStatus
from forms.examples import answers_for

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def library() -> forms.FormLibrary:
    return forms.shipped_library()


@pytest.fixture
def patient_id(core: ClinicCore):  # type: ignore[no-untyped-def]
    with core.store.session() as session, session.begin():
        return register_patient(
            session,
            core.actor,
            PatientInput(
                given_name="Nguyễn Thị", family_name="Ánh", sex="female", birth_date="1990-04-01"
            ),
            region=core.region,
            confirmed_new=True,
        ).id


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def signed_consent(core: ClinicCore, library: forms.FormLibrary, patient_id):  # type: ignore[no-untyped-def]
    consent = library.get("consent_treatment")
    with core.store.session() as session, session.begin():
        record = svc.start_form(
            session, core.actor, library, "consent_treatment", patient_id=patient_id
        )
        svc.save_draft(session, core.actor, record.id, {"staff_name": "Amina"})
        return svc.complete(
            session, core.actor, library, record.id, answers_for(consent), lang="en", today=TODAY
        )


def test_a_draft_keeps_whatever_was_typed_and_completing_validates_it(
    core: ClinicCore, library: forms.FormLibrary, patient_id
) -> None:  # type: ignore[no-untyped-def]
    with core.store.session() as session, session.begin():
        record = svc.start_form(session, core.actor, library, "intake", patient_id=patient_id)
        svc.save_draft(session, core.actor, record.id, {"reason": ""})
        assert record.status is FormStatus.DRAFT
        assert (record.definition_id, record.definition_version) == ("intake", 1)
        with pytest.raises(ValidationFailed) as caught:
            svc.complete(
                session, core.actor, library, record.id, {"reason": ""}, lang="fr", today=TODAY
            )
    assert "reason" in caught.value.problems
    assert "obligatoire" in caught.value.problems["reason"].lower()


def test_a_form_with_signatures_becomes_signed_and_its_images_are_stored_once(
    core: ClinicCore, library: forms.FormLibrary, patient_id
) -> None:  # type: ignore[no-untyped-def]
    record = signed_consent(core, library, patient_id)
    assert record.status is FormStatus.SIGNED and record.signed_at is not None
    stored = record.answers["staff_signature"]
    assert "image_png" not in stored and len(stored["image_sha256"]) == 64
    with core.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) >= 1
        again = svc.answers_of(session, svc.get_record(session, record.id))
    assert (
        again["staff_signature"]["image_png"]
        == answers_for(library.get("consent_treatment"))["staff_signature"]["image_png"]
    )


def test_a_signed_form_cannot_be_changed_by_the_service_or_behind_its_back(
    core: ClinicCore, library: forms.FormLibrary, patient_id
) -> None:  # type: ignore[no-untyped-def]
    record = signed_consent(core, library, patient_id)
    with (
        pytest.raises(Conflict, match="signed and cannot be changed"),
        core.store.session() as session,
    ):
        svc.save_draft(session, core.actor, record.id, {"staff_name": "someone else"})
    with (
        pytest.raises(IntegrityError, match="immutable"),
        core.store.session() as session,
        session.begin(),
    ):
        svc.get_record(session, record.id).answers = {}


def test_a_correction_is_a_new_unsigned_version_pointing_at_the_old(
    core: ClinicCore, library: forms.FormLibrary, patient_id
) -> None:  # type: ignore[no-untyped-def]
    record = signed_consent(core, library, patient_id)
    with core.store.session() as session, session.begin():
        fixed = svc.correct(
            session,
            core.actor,
            library,
            record.id,
            {"staff_name": "Amina Odhiambo"},
            reason="Staff name misspelt",
        )
    assert fixed.supersedes_id == record.id and fixed.status is FormStatus.DRAFT
    assert fixed.answers["staff_name"] == "Amina Odhiambo"
    assert "staff_signature" not in fixed.answers  # must be signed again
    with core.store.session() as session:
        old = svc.get_record(session, record.id)
        assert old.status is FormStatus.SIGNED and old.answers == record.answers
        pdf = svc.render_record(
            session,
            library,
            fixed.id,
            clinic_name="Kisumu Health Post",
            clock=core.clock,
            actor=core.actor,
        )
    text = pdf_text(pdf)
    assert "Staff name misspelt" in text and str(record.id) in text


def test_a_reprint_uses_the_definition_version_the_record_was_filled_with(
    core: ClinicCore, library: forms.FormLibrary, patient_id
) -> None:  # type: ignore[no-untyped-def]
    assert library.versions("appointment_slip") == (1, 2, 3)
    with core.store.session() as session, session.begin():
        record = svc.start_form(
            session, core.actor, library, "appointment_slip", patient_id=patient_id
        )
        assert record.definition_version == 3
    # As if it had been filled before v2 shipped (raw SQL: the ORM refuses bulk changes).
    with core.store.engine.begin() as conn:
        conn.execute(
            text("UPDATE form_records SET definition_version = 1 WHERE id = :id"),
            {"id": record.id.hex},
        )
    with core.store.session() as session:
        pdf = svc.render_record(
            session,
            library,
            record.id,
            clinic_name="Kisumu Health Post",
            clock=core.clock,
            actor=core.actor,
        )
    assert "v1" in pdf_text(pdf) or "version 1" in pdf_text(pdf).lower()


def test_a_blank_downtime_form_prints_with_the_patient_in_the_header(
    core: ClinicCore, library: forms.FormLibrary, patient_id
) -> None:  # type: ignore[no-untyped-def]
    with core.store.session() as session:
        pdf = svc.render_blank(
            session,
            library,
            "intake",
            clinic_name="Kisumu Health Post",
            clock=core.clock,
            actor=core.actor,
            patient_id=patient_id,
            lang="sw",
            paper="letter",
        )
    text = pdf_text(pdf)
    assert "Nguyễn Thị Ánh" in text and "Kisumu Health Post" in text


def test_printing_a_record_is_audited(
    core: ClinicCore, library: forms.FormLibrary, patient_id
) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.audit import history

    record = signed_consent(core, library, patient_id)
    with core.store.session() as session, session.begin():
        svc.render_record(
            session, library, record.id, clinic_name="K", clock=core.clock, actor=core.actor
        )
    with core.store.session() as session:
        assert [e.action for e in history(session, "form_records", record.id)][-1] == "print"
