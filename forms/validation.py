"""Checking a record's answers against its definition.

:func:`validate` returns every problem at once, each tied to a field and worded in the
user's language, and never raises on odd input: answers come from screens, older
versions and sync peers, and the front desk needs a list to fix, not a crash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from forms import answers as ans
from forms.context import PrintContext
from forms.messages import format_number, message, message_label
from forms.model import DISPLAY_TYPES, SIGNATURE_TYPES, Field, FormDefinition, Severity
from forms.signatures import read_signature
from forms.visibility import Evaluator, is_empty
from forms.vitals import MEASURES, PARTS, Measure, Range


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one field. ``code`` is stable for programs (``required``,
    ``out_of_range``, ``rule:<id>``, ...); ``message`` is for people. Warnings ask the
    user to double-check a value but do not block saving."""

    field_id: str
    code: str
    message: str
    severity: Severity = "error"
    part: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def validate(
    definition: FormDefinition,
    answers: Mapping[str, object],
    *,
    lang: str = "en",
    context: Mapping[str, object] | PrintContext | None = None,
) -> list[Problem]:
    """Every problem with ``answers``, in form order; an empty list means valid.

    ``context`` holds plain values that conditions may read (``patient_age_years``,
    ``patient_sex``...) and optionally ``today``, the date the form is judged by; a
    PrintContext may be passed instead (its values, with today = its print date).
    Fields hidden by their conditions are neither required nor checked.
    """
    if not isinstance(answers, Mapping):
        raise TypeError(
            f"answers must be a mapping of field id to value, not {type(answers).__name__}"
        )
    evaluator = Evaluator(definition, answers, _values(context))
    problems: list[Problem] = []
    failed: set[str] = set()
    for field in definition.fields.values():
        if field.type in DISPLAY_TYPES or not evaluator.visible.get(field.id, True):
            continue
        found = _check_field(definition, field, answers.get(field.id), lang, evaluator.today)
        if any(p.is_error for p in found):
            failed.add(field.id)
        problems.extend(found)
    for rule in definition.rules:
        if any(f in failed or not evaluator.visible.get(f, True) for f in rule.fields):
            continue
        if evaluator.check(rule.check) is False:
            text = definition.text(rule.message, lang)
            for field_id in rule.fields:
                problems.append(Problem(field_id, f"rule:{rule.id}", text, rule.severity))
    order = {field_id: i for i, field_id in enumerate(definition.fields)}
    problems.sort(key=lambda p: order.get(p.field_id, len(order)))
    for key in answers:
        if not isinstance(key, str) or key not in definition.fields:
            shown = key if isinstance(key, str) else repr(key)
            shown = ans.clean_text(shown, multiline=False)[:60]
            problems.append(
                Problem(shown, "unknown_field", message("unknown_field", lang, field=shown))
            )
    return problems


def clean_answers(
    definition: FormDefinition,
    answers: Mapping[str, object],
    *,
    context: Mapping[str, object] | PrintContext | None = None,
    drop_hidden: bool = True,
) -> dict[str, object]:
    """Answers as they should be stored: text cleaned of control characters and
    normalised (NFC, trimmed), blank answers removed, unknown keys removed, and (by
    default) answers to fields the conditions now hide removed.

    Call it before :func:`validate` when saving what a person typed; validating raw
    input instead reports control characters as problems.
    """
    evaluator = Evaluator(definition, answers, _values(context))
    cleaned: dict[str, object] = {}
    for field_id, field in definition.fields.items():
        value = answers.get(field_id)
        if field.type in DISPLAY_TYPES or is_empty(value):
            continue
        if drop_hidden and not evaluator.visible.get(field_id, True):
            continue
        if isinstance(value, str) and field.type in ("text", "long_text"):
            value = ans.clean_text(value, multiline=field.type == "long_text")
            if not value:
                continue
        elif isinstance(value, Mapping) and field.type in SIGNATURE_TYPES:
            value = {
                k: ans.clean_text(v, multiline=False)
                if k in ("signer_name", "role") and isinstance(v, str)
                else v
                for k, v in value.items()
            }
        cleaned[field_id] = value
    return cleaned


def _values(context: Mapping[str, object] | PrintContext | None) -> Mapping[str, object]:
    if isinstance(context, PrintContext):
        return context.condition_values()
    return context or {}


# --------------------------------------------------------------------------- per field


def _check_field(
    definition: FormDefinition, field: Field, value: object, lang: str, today: dt.date
) -> list[Problem]:
    label = message_label(definition.text(field.label, lang), lang)

    def problem(
        code: str, severity: Severity = "error", part: str | None = None, **params: object
    ) -> Problem:
        return Problem(field.id, code, message(code, lang, label=label, **params), severity, part)

    if is_empty(value):
        return [problem("required")] if field.required else []
    try:
        return _check_value(field, value, lang, today, problem)
    except ans.AnswerError as exc:
        return [Problem(field.id, exc.code, message(exc.code, lang, label=label, **exc.params))]


class _Factory(Protocol):
    def __call__(
        self, code: str, severity: Severity = "error", part: str | None = None, **params: object
    ) -> Problem: ...


def _check_value(
    field: Field, value: object, lang: str, today: dt.date, problem: _Factory
) -> list[Problem]:
    kind = field.type
    if kind in ("text", "long_text"):
        ans.read_text(field, value)
        return []
    if kind == "number":
        number = ans.read_number(value)
        if field.integer and number != int(number):
            return [problem("not_integer")]
        hard = _range(field.min, field.max)
        plausible = _range(field.plausible_min, field.plausible_max)
        return _check_range(
            number, hard, plausible, field.unit or "", lang, field.decimals, problem
        )
    if kind == "vitals":
        measure = MEASURES[field.measure or ""]
        if measure.parts:
            systolic, diastolic = ans.read_blood_pressure(value)
            found = []
            for part, number in (("systolic", systolic), ("diastolic", diastolic)):
                found += _check_measure(number, PARTS[part], lang, problem, part)
            if not any(p.is_error for p in found) and diastolic >= systolic:
                found.append(problem("bp_order"))
            return found
        return _check_measure(ans.read_number(value), measure, lang, problem, None)
    if kind == "date":
        day = ans.read_date(value)
        if field.not_future and day > today:
            return [problem("future_date", value=day.isoformat())]
        return []
    if kind == "partial_date":
        partial = ans.read_partial_date(value)
        earliest = partial.earliest() if not partial.approximate else dt.date(partial.year, 1, 1)
        if field.not_future and earliest > today:
            return [problem("future_date", value=partial.iso())]
        return []
    if kind == "single_choice":
        ans.read_choice(field, value)
    elif kind == "multiple_choice":
        ans.read_choices(field, value)
    elif kind == "yes_no":
        ans.read_yes_no(field, value)
    elif kind in SIGNATURE_TYPES:
        read_signature(kind, value)
    elif kind == "line_items":
        ans.read_line_items(value)
    return []


def _range(low: float | None, high: float | None) -> Range | None:
    if low is None and high is None:
        return None
    return Range(
        low if low is not None else float("-inf"), high if high is not None else float("inf")
    )


def _check_measure(
    number: float, measure: Measure, lang: str, problem: _Factory, part: str | None
) -> list[Problem]:
    return _check_range(
        number, measure.hard, measure.plausible, measure.unit, lang, measure.decimals, problem, part
    )


def _check_range(
    number: float,
    hard: Range | None,
    plausible: Range | None,
    unit: str,
    lang: str,
    decimals: int | None,
    problem: _Factory,
    part: str | None = None,
) -> list[Problem]:
    def fmt(value: float) -> str:
        return format_number(value, lang) if abs(value) != float("inf") else "∞"

    shown = fmt(round(number, decimals) if decimals is not None else number)
    if hard is not None and not hard.low <= number <= hard.high:
        return [
            problem(
                "out_of_range",
                part=part,
                value=shown,
                unit=unit,
                min=fmt(hard.low),
                max=fmt(hard.high),
            )
        ]
    if plausible is not None and not plausible.low <= number <= plausible.high:
        return [
            problem(
                "implausible",
                "warning",
                part=part,
                value=shown,
                unit=unit,
                min=fmt(plausible.low),
                max=fmt(plausible.high),
            )
        ]
    return []
