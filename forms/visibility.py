"""Which fields are shown, given the answers so far and the caller's context values.

A field is hidden when its section's or its own ``visible_if`` is definitely false;
an undecidable condition (say, sex not yet entered) leaves it shown, because asking
one question too many is safer than skipping one. A hidden field counts as
unanswered for every condition that reads it, so stale answers cannot steer the form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from forms import answers as ans
from forms import conditions as cond
from forms.model import Field, FormDefinition
from forms.signatures import read_signature


def reference_date(context: Mapping[str, object]) -> dt.date:
    """The "today" that ages and future-date checks use: ``context["today"]`` if given
    (so a late entry of a paper form is judged by its own date), else the real today.

    The desktop always gives it: the clinic's today (``ClinicClock.today``), never the
    computer's own date, which is the other day around midnight on a laptop left on UTC.
    The fallback is only for a script using forms/ on its own."""
    value = context.get("today")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    return dt.date.today()


def is_empty(value: object) -> bool:
    """Unanswered: missing, blank text, or an empty list or mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not ans.clean_text(value, multiline=True)
    if isinstance(value, list | tuple | dict | set | frozenset):
        return len(value) == 0
    return False


class Evaluator:
    """Works out visibility once, then answers condition questions for that state."""

    def __init__(
        self,
        definition: FormDefinition,
        answers: Mapping[str, object],
        context: Mapping[str, object] | None = None,
    ) -> None:
        self.definition = definition
        self.answers = answers
        self.context: Mapping[str, object] = context or {}
        self.today = reference_date(self.context)
        self.visible: dict[str, bool] = {}
        self._cache: dict[str, object] = {}
        for field_id in definition.dependency_order:
            field = definition.fields[field_id]
            section = definition.section_of(field_id)
            shown = True
            for condition in (section.visible_if, field.visible_if):
                if condition is not None and cond.evaluate(condition, self.resolve) is False:
                    shown = False
            self.visible[field_id] = shown

    def check(self, condition: cond.Condition) -> bool | None:
        return cond.evaluate(condition, self.resolve)

    def resolve(self, operand: cond.Operand) -> object:
        if isinstance(operand, cond.Const):
            return operand.value
        if isinstance(operand, cond.ContextRef):
            return _context_value(self.context.get(operand.name))
        field = self.definition.fields.get(operand.field_id)
        if field is None or not self.visible.get(field.id, False):
            return None
        value = self._field_value(field)
        if isinstance(operand, cond.AgeRef):
            if not isinstance(value, tuple):
                return None
            earliest, latest = value
            assert isinstance(earliest, dt.date) and isinstance(latest, dt.date)
            return (ans.age_years(latest, self.today), ans.age_years(earliest, self.today))
        if operand.part is not None:
            return value.get(operand.part) if isinstance(value, dict) else None
        return value

    def _field_value(self, field: Field) -> object:
        if field.id not in self._cache:
            try:
                self._cache[field.id] = _read_for_conditions(field, self.answers.get(field.id))
            except ans.AnswerError:
                self._cache[field.id] = None  # an invalid answer decides nothing
        return self._cache[field.id]


def _read_for_conditions(field: Field, raw: object) -> object:
    if is_empty(raw):
        return None
    kind = field.type
    if kind in ("number", "vitals") and not (
        kind == "vitals" and field.measure == "blood_pressure"
    ):
        number = ans.read_number(raw)
        return (number, number)
    if kind == "vitals":
        systolic, diastolic = ans.read_blood_pressure(raw)
        return {"systolic": (systolic, systolic), "diastolic": (diastolic, diastolic)}
    if kind == "date":
        day = ans.read_date(raw)
        return (day, day)
    if kind == "partial_date":
        partial = ans.read_partial_date(raw)
        return (partial.earliest(), partial.latest())
    if kind == "single_choice":
        return ans.read_choice(field, raw)
    if kind == "multiple_choice":
        return frozenset(ans.read_choices(field, raw))
    if kind == "yes_no":
        answer = ans.read_yes_no(field, raw)
        return "unknown" if answer is None else answer
    if kind in ("text", "long_text"):
        return ans.clean_text(ans.read_text(field, raw), multiline=True) or None
    if kind in ("signature", "thumbprint", "witness"):
        return read_signature(kind, raw)
    if kind == "line_items":
        return ans.read_line_items(raw) or None
    return None


def _context_value(value: object) -> object:
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, int | float):
        return (value, value)
    if isinstance(value, dt.datetime):
        return (value.date(), value.date())
    if isinstance(value, dt.date):
        return (value, value)
    return value
