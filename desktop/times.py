"""The one parser of a time of day typed by a person ("09:30", "0930", "9.30", "2 pm").

Every screen and command that reads a wall-clock time calls `parse_time`, so the same
spellings are accepted everywhere and a typed "09:10" is never read as 14:10.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.errors import InvalidInput
from desktop.messages import msg

_SUFFIX = re.compile(r"^(?P<body>.*?)\s*(?P<half>a\.?m\.?|p\.?m\.?|a|p)$")
_SEPARATED = re.compile(r"^(?P<hour>\d{1,2})\s*(?:[:.h]|\s)\s*(?P<minute>\d{2})?$")
_DIGITS = re.compile(r"^\d{1,4}$")


def parse_time(text: str, *, field: str = "starts_at") -> dt.time:
    """A time of day from what a person typed.

    Accepted: "9", "09", "930", "0930", "1415", "9:30", "09:30", "9.30", "9h30", "14h",
    "9 30", and any of them followed by am/pm ("2pm", "2:30 p.m."). Refused with a message
    saying how to write it: anything else, and hours past 23 or minutes past 59.
    """
    typed = text.strip()
    cleaned = typed.lower()
    half = ""
    suffix = _SUFFIX.match(cleaned)
    if suffix is not None and suffix.group("body"):
        cleaned, half = suffix.group("body").strip(), suffix.group("half")[0]
    hour: int
    minute: int
    separated = _SEPARATED.match(cleaned)
    if separated is not None:
        hour, minute = int(separated.group("hour")), int(separated.group("minute") or 0)
    elif _DIGITS.match(cleaned):
        if len(cleaned) <= 2:
            hour, minute = int(cleaned), 0
        else:  # the last two digits are the minutes: "930" is 09:30, "0930" too
            hour, minute = int(cleaned[:-2]), int(cleaned[-2:])
    else:
        raise InvalidInput(
            msg("'{text}' is not a time: write it as HH:MM (for example 09:30).", text=typed),
            field=field,
        )
    if half:
        if not 1 <= hour <= 12:
            raise InvalidInput(
                msg("'{text}' is not a time: with am or pm, hours go from 1 to 12.", text=typed),
                field=field,
            )
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise InvalidInput(
            msg(
                "'{text}' is not a time of day: hours go from 00 to 23 and minutes from 00 to 59.",
                text=typed,
            ),
            field=field,
        )
    return dt.time(hour, minute)


def format_time(value: dt.time | dt.datetime) -> str:
    """'09:30': how a time of day is written back to a person."""
    return f"{value:%H:%M}"
