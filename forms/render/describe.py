"""Conditions put into words for blank forms ("Only if: Sex = Female and age ≥ 12"),
used when a definition does not give its own ``when_text``."""

from __future__ import annotations

import datetime as dt

from forms import conditions as cond
from forms.messages import format_number, message
from forms.model import FormDefinition
from forms.render.values import format_date

_SYMBOLS = {"eq": "=", "ne": "≠", "lt": "<", "lte": "≤", "gt": ">", "gte": "≥"}


def describe(condition: cond.Condition, definition: FormDefinition, lang: str) -> str:
    return _describe(condition, definition, lang, top=True)


def _describe(
    condition: cond.Condition, definition: FormDefinition, lang: str, *, top: bool = False
) -> str:
    if isinstance(condition, cond.AllOf | cond.AnyOf):
        joiner = f" {message('and' if isinstance(condition, cond.AllOf) else 'or', lang)} "
        text = joiner.join(_describe(item, definition, lang) for item in condition.items)
        return text if top or len(condition.items) == 1 else f"({text})"
    if isinstance(condition, cond.Not):
        return f"{message('not', lang)} ({_describe(condition.item, definition, lang, top=True)})"
    subject = _name(condition.subject, definition, lang)
    if isinstance(condition, cond.Answered):
        return message(
            "is_answered" if condition.expected else "is_not_answered", lang, label=subject
        )
    if isinstance(condition, cond.Includes):
        return message(
            "includes",
            lang,
            label=subject,
            value=_value(condition.subject, condition.value, definition, lang),
        )
    if isinstance(condition, cond.InSet):
        values = " / ".join(
            _value(condition.subject, v, definition, lang) for v in condition.values
        )
        return f"{subject} = {values}"
    if isinstance(condition, cond.Between):
        low = _operand(condition.subject, condition.low, definition, lang)
        high = _operand(condition.subject, condition.high, definition, lang)
        return message("between", lang, label=subject, low=low, high=high)
    target = _operand(condition.subject, condition.target, definition, lang)
    return f"{subject} {_SYMBOLS[condition.op]} {target}"


def _name(operand: cond.Operand, definition: FormDefinition, lang: str) -> str:
    if isinstance(operand, cond.FieldRef):
        field = definition.fields.get(operand.field_id)
        label = definition.text(field.label, lang) if field else operand.field_id
        return f"«{label}»" if operand.part is None else f"«{label}» ({operand.part})"
    if isinstance(operand, cond.AgeRef):
        return message("age", lang)
    if isinstance(operand, cond.ContextRef):
        return operand.name.replace("_", " ")
    return str(operand.value)


def _operand(
    subject: cond.Operand, operand: cond.Operand, definition: FormDefinition, lang: str
) -> str:
    if isinstance(operand, cond.Const):
        return _value(subject, operand.value, definition, lang)
    return _name(operand, definition, lang)


def _value(subject: cond.Operand, value: object, definition: FormDefinition, lang: str) -> str:
    if isinstance(value, bool):
        return message("yes" if value else "no", lang)
    if isinstance(value, int | float):
        return format_number(value, lang)
    if isinstance(value, str) and isinstance(subject, cond.FieldRef):
        field = definition.fields.get(subject.field_id)
        if field is not None and field.choices:
            return field.choice_label(value, lang, definition.languages)
        if field is not None and field.type == "yes_no" and value == "unknown":
            return message("unknown", lang)
        if field is not None and field.type == "date":
            try:
                return format_date(dt.date.fromisoformat(value), lang)
            except ValueError:
                return value
    return str(value)
