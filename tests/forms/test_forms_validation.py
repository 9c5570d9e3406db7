"""validate() and clean_answers(): every problem, tied to its field, in the user's language."""

from __future__ import annotations

import base64
import datetime as dt

import pytest

from forms import FormDefinition, FormLibrary, Problem, clean_answers, validate
from forms.examples import answers_for, context_for, signature

TODAY = {"today": dt.date(2025, 3, 4), "patient_age_years": 34}


def by_field(problems: list[Problem]) -> dict[str, list[Problem]]:
    grouped: dict[str, list[Problem]] = {}
    for problem in problems:
        grouped.setdefault(problem.field_id, []).append(problem)
    return grouped


def test_example_answers_of_every_shipped_form_are_valid(library: FormLibrary) -> None:
    for definition in library.all():
        answers = answers_for(definition)
        assert answers, definition.id
        context = context_for(definition.id).condition_values()
        assert validate(definition, answers, lang="en", context=context) == [], definition.id


def test_every_missing_required_field_is_reported_in_french(intake: FormDefinition) -> None:
    problems = validate(intake, {}, lang="fr", context=TODAY)
    required = {p.field_id for p in problems if p.code == "required"}
    assert {
        "full_name",
        "sex",
        "date_of_birth",
        "visit_date",
        "reason",
        "coverage",
        "recorded_by",
    } <= required
    name = by_field(problems)["full_name"][0]
    assert name.message == "Nom complet : ce champ est obligatoire."
    assert all(p.is_error for p in problems)


def test_messages_come_in_swahili(intake: FormDefinition) -> None:
    problems = validate(intake, {"temperature": 375}, lang="sw", context=TODAY)
    (temp,) = by_field(problems)["temperature"]
    assert temp.code == "out_of_range"
    assert temp.message.startswith("Joto la mwili: 375 °C haiwezekani")


def test_hidden_fields_are_not_required(intake: FormDefinition) -> None:
    base = answers_for(intake)
    male = {**base, "sex": "male"}
    del male["pregnant"], male["breastfeeding"]
    assert validate(intake, male, context=TODAY) == []
    female = {k: v for k, v in base.items() if k not in ("pregnant", "breastfeeding")}
    assert [p.field_id for p in validate(intake, female, context=TODAY)] == ["pregnant"]


def test_pregnancy_follows_age_from_an_approximate_birth_year(intake: FormDefinition) -> None:
    answers = {**answers_for(intake), "date_of_birth": "~1950"}
    del answers["pregnant"]
    assert validate(intake, answers, context=TODAY) == []  # about 75: section hidden
    answers["date_of_birth"] = {"year": 2012, "approximate": True}  # 12 or 13: shown
    assert [p.code for p in validate(intake, answers, context=TODAY)] == ["required"]


def test_answers_to_hidden_fields_do_not_steer_other_fields(intake: FormDefinition) -> None:
    answers = {**answers_for(intake), "sex": "male", "pregnant": True}
    # gestation_weeks depends on "pregnant", which is hidden for a male patient.
    assert validate(intake, answers, context=TODAY) == []


def test_blood_pressure_checks(intake: FormDefinition) -> None:
    def codes(bp: object) -> list[str]:
        return [p.code for p in validate(intake, {**answers_for(intake), "bp": bp}, context=TODAY)]

    assert codes({"systolic": 80, "diastolic": 120}) == ["bp_order"]
    assert codes({"systolic": 120}) == ["bp_incomplete"]
    assert codes({"systolic": 120, "diastolic": "80"}) == ["type_number"]
    assert codes({"systolic": 500, "diastolic": 80}) == ["out_of_range"]


def test_implausible_vital_is_a_warning_not_an_error(intake: FormDefinition) -> None:
    problems = validate(
        intake, {**answers_for(intake), "temperature": 41.8}, lang="fr", context=TODAY
    )
    (warning,) = problems
    assert warning.severity == "warning" and not warning.is_error
    assert "41,8 °C est inhabituel" in warning.message


def test_cross_field_rule_onset_not_after_visit(intake: FormDefinition) -> None:
    # Entered late from a paper form: the visit was on the 4th, "today" is the 20th.
    later = {**TODAY, "today": dt.date(2025, 3, 20)}
    answers = {**answers_for(intake), "onset": "2025-03-10"}
    (problem,) = validate(intake, answers, lang="fr", context=later)
    assert (problem.field_id, problem.code) == ("onset", "rule:onset_not_after_visit")
    assert problem.message.startswith("Le début de la maladie")
    # A month that may contain the visit date cannot be said to be after it.
    assert validate(intake, {**answers, "onset": "2025-03"}, context=later) == []


def test_dates_in_the_future_and_impossible_dates(intake: FormDefinition) -> None:
    answers = {**answers_for(intake), "visit_date": "2025-03-05"}
    assert "future_date" in [p.code for p in validate(intake, answers, context=TODAY)]
    for bad in ("2025-02-30", "04/03/2025", "2025-3-4", 20250304):
        codes = [
            p.code
            for p in validate(intake, {**answers_for(intake), "visit_date": bad}, context=TODAY)
        ]
        assert codes == ["type_date"], bad


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("1990", True),
        ("1990-06", True),
        ("~1990", True),
        ({"year": 1990, "month": 6, "day": 17}, True),
        ({"year": 1990, "day": 17}, False),
        ({"year": 1990, "month": 13}, False),
        ({"year": True}, False),
        ("199", False),
        ({"year": 10**30}, False),
        ({"year": 1990, "month": 10**30}, False),
    ],
)
def test_partial_dates(intake: FormDefinition, value: object, ok: bool) -> None:
    problems = validate(intake, {**answers_for(intake), "date_of_birth": value}, context=TODAY)
    assert (problems == []) is ok, problems


def test_wrong_types_are_problems_not_crashes(intake: FormDefinition) -> None:
    answers = {
        **answers_for(intake),
        "full_name": ["not", "text"],
        "sex": "femme",
        "symptoms": ["fever", "fever"],
        "weight": "61",
        "has_allergies": "yes",
        "bp": [120, 80],
        "gestation_weeks": 12.5,
    }
    found = {p.field_id: p.code for p in validate(intake, answers, context=TODAY)}
    assert found["full_name"] == "type_text"
    assert found["sex"] == "type_choice"
    assert found["symptoms"] == "type_choices"
    assert found["weight"] == "type_number"
    assert found["has_allergies"] == "type_yes_no_unknown"
    assert found["bp"] == "type_number"


def test_unknown_answer_keys_are_reported(intake: FormDefinition) -> None:
    problems = validate(intake, {**answers_for(intake), "shoe_size": 42, 7: "x"}, context=TODAY)
    assert [(p.field_id, p.code) for p in problems] == [
        ("shoe_size", "unknown_field"),
        ("7", "unknown_field"),
    ]


def test_thousands_of_characters(intake: FormDefinition) -> None:
    long_text = "word " * 2000
    answers = {**answers_for(intake), "reason": long_text, "full_name": "x" * 10_000}
    (problem,) = validate(intake, answers, context=TODAY)
    assert (problem.field_id, problem.code) == ("full_name", "too_long")
    assert "10000" in problem.message


def test_control_characters_are_rejected_raw_and_stripped_by_cleaning(
    intake: FormDefinition,
) -> None:
    dirty = {
        **answers_for(intake),
        "full_name": "Amina\x00 Juma\x1b[31m",
        "reason": "Line one\r\nLine two\x07\tend",
        "address": "\u202eevil\u202c street",
    }
    codes = {p.field_id: p.code for p in validate(intake, dirty, context=TODAY)}
    assert codes == {
        "full_name": "control_chars",
        "reason": "control_chars",
        "address": "control_chars",
    }
    cleaned = clean_answers(intake, dirty, context=TODAY)
    assert cleaned["full_name"] == "Amina Juma[31m"
    assert cleaned["reason"] == "Line one\nLine two end"
    assert cleaned["address"] == "evil street"
    assert validate(intake, cleaned, context=TODAY) == []


def test_right_to_left_text_is_kept(intake: FormDefinition) -> None:
    answers = {**answers_for(intake), "full_name": "محمد عبد الله", "address": "רחוב הרצל 12"}
    assert validate(intake, answers, context=TODAY) == []
    cleaned = clean_answers(intake, answers, context=TODAY)
    assert cleaned["full_name"] == "محمد عبد الله" and cleaned["address"] == "רחוב הרצל 12"


def test_cleaning_drops_hidden_blank_and_unknown_answers(intake: FormDefinition) -> None:
    answers = {**answers_for(intake), "sex": "male", "phone": "   ", "bogus": 1}
    cleaned = clean_answers(intake, answers, context=TODAY)
    assert "pregnant" not in cleaned and "phone" not in cleaned and "bogus" not in cleaned
    kept = clean_answers(intake, answers, context=TODAY, drop_hidden=False)
    assert kept["pregnant"] is False


def test_consent_needs_a_signature_or_a_thumbprint_with_witness(consent: FormDefinition) -> None:
    answers = answers_for(consent)
    ctx = {"patient_age_years": 34}
    assert validate(consent, answers, context=ctx) == []
    no_witness = {k: v for k, v in answers.items() if k != "witness"}
    assert [(p.field_id, p.code) for p in validate(consent, no_witness, context=ctx)] == [
        ("witness", "required")
    ]
    unsigned = {k: v for k, v in no_witness.items() if k != "patient_thumbprint"}
    problems = validate(consent, unsigned, lang="sw", context=ctx)
    assert [(p.field_id, p.code) for p in problems] == [
        ("patient_signature", "rule:patient_must_sign")
    ]
    assert problems[0].message.startswith("Mgonjwa (au mlezi) lazima")


def test_minor_signing_alone_gets_a_warning_from_context(consent: FormDefinition) -> None:
    answers = answers_for(consent)
    (warning,) = validate(consent, answers, context={"patient_age_years": 15})
    assert (warning.field_id, warning.severity) == ("signed_by", "warning")
    guardian = {
        **answers,
        "signed_by": "guardian",
        "guardian_name": "Mary",
        "guardian_relationship": "mother",
    }
    assert validate(consent, guardian, context={"patient_age_years": 15}) == []
    # Without the age in context the rule cannot decide, so it stays quiet.
    assert validate(consent, answers, context={}) == []


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"signed_at": "2025-03-04T10:12:00"}, "signature_time"),
        ({"method": "thumbprint"}, "signature_method"),
        ({"image_png": base64.b64encode(b"GIF89a not a png").decode()}, "signature_image"),
        ({"image_png": "!!!not base64"}, "signature_image"),
        ({"image_png": None}, "signature_image_missing"),
        ({"signer_name": "  "}, "signature_name"),
        ({"signer_name": "Amina", "extra": 1}, "signature_shape"),
    ],
)
def test_signature_answers_are_checked(
    consent: FormDefinition, change: dict[str, object], code: str
) -> None:
    staff = {**signature("Đorđe Petrović"), **change}
    if change.get("image_png", "") is None:
        del staff["image_png"]
    answers = {**answers_for(consent), "staff_signature": staff}
    assert [p.code for p in validate(consent, answers, context={"patient_age_years": 40})] == [code]


def test_line_items_are_checked_row_by_row(library: FormLibrary) -> None:
    receipt = library.get("receipt")
    items = [
        {"description": "Consultation", "quantity": 1, "unit_price": 300},
        {"description": "Test", "quantity": -1, "unit_price": 100},
    ]
    (problem,) = validate(receipt, {**answers_for(receipt), "items": items}, context={})
    assert problem.code == "line_item" and "line 2" in problem.message


def test_validate_refuses_answers_that_are_not_a_mapping(intake: FormDefinition) -> None:
    with pytest.raises(TypeError):
        validate(intake, ["not", "a", "mapping"])  # type: ignore[arg-type]


def test_a_sentence_label_and_its_problem_read_as_one_sentence() -> None:
    """Defect 14: "…understood it.: this is required." — the label's full stop is dropped and
    a question is quoted, in every language."""
    from forms import shipped_library
    from forms.messages import message_label

    consent = shipped_library().get("consent_treatment")
    for lang in ("en", "fr", "sw"):
        messages = [p.message for p in validate(consent, {}, lang=lang)]
        assert messages
        assert not [m for m in messages if ".:" in m or ". :" in m or "?:" in m or "? :" in m]
    assert message_label("I understood it.", "en") == "I understood it"
    assert message_label("Who is signing?", "en") == "“Who is signing?”"
    assert message_label("Who is signing?", "fr") == "« Who is signing? »"
    assert message_label("Reason:", "en") == "Reason"
