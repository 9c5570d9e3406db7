"""Answers turned into the words printed on a filled form, in the form's language."""

from __future__ import annotations

import datetime as dt

from forms import answers as ans
from forms.messages import format_number, message
from forms.model import Field, FormDefinition
from forms.vitals import MEASURES

_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "sw": [
        "Januari",
        "Februari",
        "Machi",
        "Aprili",
        "Mei",
        "Juni",
        "Julai",
        "Agosti",
        "Septemba",
        "Oktoba",
        "Novemba",
        "Desemba",
    ],
}


def format_date(day: dt.date, lang: str) -> str:
    """``4 March 2025`` / ``4 mars 2025`` / ``4 Machi 2025``: spelled-out months cannot
    be misread the way 04/03/2025 can; other languages get ISO 8601."""
    months = _MONTHS.get(lang)
    if months is None:
        return day.isoformat()
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_datetime(when: dt.datetime, lang: str) -> str:
    text = f"{format_date(when.date(), lang)}, {when:%H:%M}"
    offset = when.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f" (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"
    return text


def format_partial(partial: ans.PartialDate, lang: str) -> str:
    months = _MONTHS.get(lang)
    if partial.day is not None and partial.month is not None:
        text = format_date(dt.date(partial.year, partial.month, partial.day), lang)
    elif partial.month is not None:
        text = f"{months[partial.month - 1]} {partial.year}" if months else partial.iso()
    else:
        text = str(partial.year)
    if partial.approximate:
        text = f"{message('approx_prefix', lang)} {text}"
    return text


def format_answer(definition: FormDefinition, field: Field, value: object, lang: str) -> str:
    """The printed text of an answer; invalid answers print as their raw text so that
    nothing entered is silently lost from the paper copy."""
    try:
        return _format(definition, field, value, lang)
    except ans.AnswerError:
        return str(value)


def _format(definition: FormDefinition, field: Field, value: object, lang: str) -> str:
    kind = field.type
    if kind in ("text", "long_text"):
        return value if isinstance(value, str) else str(value)
    if kind == "number":
        number = ans.read_number(value)
        text = format_number(number, lang, field.decimals)
        return f"{text} {field.unit}" if field.unit else text
    if kind == "vitals":
        measure = MEASURES[field.measure or ""]
        if measure.parts:
            systolic, diastolic = ans.read_blood_pressure(value)
            return (
                f"{format_number(systolic, lang)}/{format_number(diastolic, lang)} {measure.unit}"
            )
        return f"{format_number(ans.read_number(value), lang)} {measure.unit}"
    if kind == "date":
        return format_date(ans.read_date(value), lang)
    if kind == "partial_date":
        return format_partial(ans.read_partial_date(value), lang)
    if kind == "single_choice":
        return field.choice_label(ans.read_choice(field, value), lang, definition.languages)
    if kind == "multiple_choice":
        return "; ".join(
            field.choice_label(v, lang, definition.languages)
            for v in ans.read_choices(field, value)
        )
    if kind == "yes_no":
        answer = ans.read_yes_no(field, value)
        return message("unknown" if answer is None else "yes" if answer else "no", lang)
    return str(value)
