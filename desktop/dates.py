"""Dates as people type them, and ages: one implementation for the whole core.

Registration, search, the command line and the screens all read a date the same way:

- ``1984-03-21`` (also with ``/`` or ``.``: ``1984/3/21``), year first;
- ``21/03/1984``, ``21.03.1984`` or ``21-03-1984``: day first, as written in the clinics;
  a date that can only be read month first (``3/21/1984``: there is no month 21) is read so.

A date of the right shape whose day does not exist says so ("There is no 30 February 2031."),
rather than asking for a format the person already used.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from desktop.errors import InvalidInput
from desktop.messages import Message, msg

__all__ = [
    "DATE_FORMATS_HINT",
    "age_in_years",
    "estimated_birth_date",
    "month_name",
    "parse_date",
    "read_date",
]

_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")

DATE_FORMATS_HINT = "YYYY-MM-DD or DD/MM/YYYY"

_MONTHS = (
    msg("January"),
    msg("February"),
    msg("March"),
    msg("April"),
    msg("May"),
    msg("June"),
    msg("July"),
    msg("August"),
    msg("September"),
    msg("October"),
    msg("November"),
    msg("December"),
)


def month_name(month: int) -> Message:
    """The month's name, translatable (``msg("February")``)."""
    return _MONTHS[month - 1]


def _no_such_day(year: int, month: int, day: int) -> Message:
    if not 1 <= month <= 12:
        return msg(
            "There is no month {month}: write the date as YYYY-MM-DD or DD/MM/YYYY "
            "(e.g. 1984-03-21).",
            month=month,
        )
    last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    if day < 1 or day > 31:
        return msg(
            "There is no day {day} in a month: write the date as YYYY-MM-DD or DD/MM/YYYY "
            "(e.g. 1984-03-21).",
            day=day,
        )
    return msg(
        "There is no {day} {month} {year} ({month} {year} has {last} days).",
        day=day,
        month=month_name(month),
        year=year,
        last=last,
    )


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date(text: str, *, field: str | None = None) -> dt.date | None:
    """The date `text` names; None for a blank; InvalidInput (with a message a person can
    act on) for anything else."""
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    ymd = _YMD.fullmatch(cleaned)
    if ymd:
        year, month, day = int(ymd[1]), int(ymd[2]), int(ymd[3])
        found = _make(year, month, day)
        if found is None:
            raise InvalidInput(_no_such_day(year, month, day), field=field)
        return found
    dmy = _DMY.fullmatch(cleaned)
    if dmy:
        first, second, year = int(dmy[1]), int(dmy[2]), int(dmy[3])
        found = _make(year, second, first)
        if found is None and second > 12 and first <= 12:
            found = _make(year, first, second)  # 3/21/1984: only month first makes sense
            if found is None:
                raise InvalidInput(_no_such_day(year, first, second), field=field)
        if found is None:
            raise InvalidInput(_no_such_day(year, second, first), field=field)
        return found
    raise InvalidInput(
        msg(
            "{text} is not a date: write it as YYYY-MM-DD or DD/MM/YYYY (e.g. 1984-03-21).",
            text=repr(cleaned),
        ),
        field=field,
    )


def parse_date(text: str) -> dt.date | None:
    """`read_date` that answers None for anything that is not a date (search as you type)."""
    try:
        return read_date(text)
    except InvalidInput:
        return None


def age_in_years(birth: dt.date, today: dt.date) -> int:
    """Whole years from `birth` to `today` (a birthday on 29 February counts from 1 March in
    other years)."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def estimated_birth_date(age: int, today: dt.date) -> dt.date:
    """The birth date stored for a patient of whom only the age is known.

    1 July is the least-wrong guess for a birthday nobody knows; the year is chosen so the
    patient is exactly `age` today (and stays so when the record is edited again)."""
    year = today.year - age - (1 if (today.month, today.day) < (7, 1) else 0)
    return dt.date(year, 7, 1) if age or year == today.year else today
