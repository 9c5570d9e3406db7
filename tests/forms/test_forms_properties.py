"""Properties that must hold for any input, checked with generated data."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from forms import FormDefinition, clean_answers, render_pdf, shipped_library, validate
from forms.answers import PartialDate, clean_text, forbidden_characters
from forms.examples import answers_for, context_for

INTAKE = shipped_library().get("intake")
CONSENT = shipped_library().get("consent_hiv_test")

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=300),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=12,
)


def answers_strategy(definition: FormDefinition) -> st.SearchStrategy[dict[str, object]]:
    keys = st.sampled_from([*definition.fields, "systolic", "", "x" * 50])
    return st.dictionaries(keys, json_values, max_size=25)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answers=answers_strategy(INTAKE), lang=st.sampled_from(["en", "fr", "sw", "xx"]))
def test_validate_never_raises_and_ties_every_problem_to_a_field(
    answers: dict[str, object], lang: str
) -> None:
    problems = validate(INTAKE, answers, lang=lang, context={"today": dt.date(2025, 3, 4)})
    for problem in problems:
        assert problem.field_id in INTAKE.fields or problem.code == "unknown_field"
        assert problem.message.strip()
        assert problem.severity in ("error", "warning")


@settings(max_examples=100, deadline=None)
@given(answers=answers_strategy(CONSENT), age=st.none() | st.integers(0, 120) | st.text(max_size=5))
def test_consent_validation_and_cleaning_never_raise(
    answers: dict[str, object], age: object
) -> None:
    context = {"patient_age_years": age}
    validate(CONSENT, answers, context=context)
    cleaned = clean_answers(CONSENT, answers, context=context)
    assert set(cleaned) <= set(CONSENT.fields)


@given(st.text(max_size=400), st.booleans())
def test_clean_text_is_idempotent_and_leaves_nothing_forbidden(text: str, multiline: bool) -> None:
    cleaned = clean_text(text, multiline=multiline)
    assert not forbidden_characters(cleaned, multiline=multiline)
    assert clean_text(cleaned, multiline=multiline) == cleaned
    if not multiline:
        assert "\n" not in cleaned


@given(
    year=st.integers(1800, 9998),
    month=st.none() | st.integers(1, 12),
    day=st.integers(1, 28),
    approximate=st.booleans(),
)
def test_partial_date_bounds_are_ordered(
    year: int, month: int | None, day: int, approximate: bool
) -> None:
    partial = PartialDate(year, month, day if month else None, approximate)
    assert partial.earliest() <= partial.latest()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reason=st.text(min_size=1, max_size=3000), name=st.text(max_size=120))
@example(
    reason="0", name="\u0590"
)  # an unassigned Hebrew-block code point once broke the bidi step
def test_any_text_answer_renders(reason: str, name: str) -> None:
    answers = {**answers_for(INTAKE), "reason": reason, "full_name": name}
    pdf = render_pdf(INTAKE, answers, context=context_for("intake"))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
