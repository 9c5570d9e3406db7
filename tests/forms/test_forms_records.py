"""Signed records are immutable: corrections are new records that point at the old."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from forms import (
    CorrectionError,
    FormDefinition,
    FormLibrary,
    SignedRecordError,
    ensure_editable,
    is_signed,
    make_correction,
    new_record,
    signed_fields,
)
from forms.examples import answers_for

WHEN = dt.datetime(2025, 3, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))


def signed_consent(consent: FormDefinition):  # type: ignore[no-untyped-def]
    return new_record(
        consent, answers_for(consent), created_at=WHEN, created_by="Amina", record_id="rec-1"
    )


def test_signature_fields_make_a_record_signed(consent: FormDefinition) -> None:
    answers = answers_for(consent)
    assert signed_fields(consent, answers) == ["patient_thumbprint", "witness", "staff_signature"]
    unsigned = {k: v for k, v in answers.items() if k not in signed_fields(consent, answers)}
    assert not is_signed(consent, unsigned)


def test_a_signed_record_cannot_be_edited_in_place(consent: FormDefinition) -> None:
    record = signed_consent(consent)
    with pytest.raises(SignedRecordError) as caught:
        ensure_editable(consent, record)
    assert "rec-1" in str(caught.value) and "make a correction" in str(caught.value)


def test_correction_is_a_new_record_referring_to_the_old(consent: FormDefinition) -> None:
    old = signed_consent(consent)
    before = json.dumps(old.to_payload(), sort_keys=True)
    fixed = make_correction(
        consent,
        old,
        {"staff_name": "Đorđe Petrović, nurse", "explained_language": None},
        reason="Wrong job title",
        corrected_by="Amina Juma",
        corrected_at=WHEN,
    )
    assert json.dumps(old.to_payload(), sort_keys=True) == before  # the old one is untouched
    assert fixed.record_id != old.record_id and len(fixed.record_id) == 36
    assert fixed.supersedes == "rec-1" and fixed.correction_reason == "Wrong job title"
    assert (fixed.form_id, fixed.form_version) == (old.form_id, old.form_version)
    assert fixed.answers["staff_name"] == "Đorđe Petrović, nurse"
    assert "explained_language" not in fixed.answers
    # Signatures vouch for the old text: the correction must be signed again.
    assert not is_signed(consent, fixed.answers)
    payload = json.loads(json.dumps(fixed.to_payload()))
    assert (
        payload["supersedes"] == "rec-1"
        and payload["definition_fingerprint"] == consent.fingerprint
    )


def test_correction_needs_a_reason_a_person_and_the_right_definition(
    consent: FormDefinition, library: FormLibrary
) -> None:
    old = signed_consent(consent)
    common = {"corrected_by": "Amina", "corrected_at": WHEN}
    with pytest.raises(CorrectionError, match="reason"):
        make_correction(consent, old, {}, reason="  ", **common)  # type: ignore[arg-type]
    with pytest.raises(CorrectionError, match="no field"):
        make_correction(consent, old, {"shoe_size": 1}, reason="x", **common)  # type: ignore[arg-type]
    with pytest.raises(CorrectionError, match="filled with consent_treatment v1"):
        make_correction(library.get("intake"), old, {}, reason="x", **common)  # type: ignore[arg-type]
    with pytest.raises(CorrectionError, match="time zone"):
        make_correction(
            consent, old, {}, reason="x", corrected_by="A", corrected_at=WHEN.replace(tzinfo=None)
        )
