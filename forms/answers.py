"""Reading answers: what each field type accepts, and cleaning of untrusted text.

Answers arrive as plain data from the screen, the store or a sync peer. These
functions never trust them: each returns a typed value or raises AnswerError with a
message code that validation turns into a sentence in the user's language.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from forms.model import Field
from forms.vitals import PARTS

#: Longest answer accepted when a definition sets no max_length.
DEFAULT_MAX_LENGTH = {"text": 200, "long_text": 20_000}

#: Most lines a line_items field accepts (an invoice, not a ledger).
MAX_LINE_ITEMS = 200


class AnswerError(ValueError):
    """An answer does not fit its field; ``code`` keys a message in forms.messages."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


# --------------------------------------------------------------------------- text

# C0/C1 controls, lone surrogates, and the bidi embedding/override/isolate controls
# that can make printed text read differently from what was typed ("Trojan source").
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_FORBIDDEN_SINGLE = re.compile(
    f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_BIDI_CONTROLS}\ufeff\ufffe\uffff]"
)
_FORBIDDEN_MULTI = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_BIDI_CONTROLS}\ufeff\ufffe\uffff]"
)
_SPACES = re.compile(r"[ \t]+")


def forbidden_characters(value: str, *, multiline: bool) -> bool:
    """True if ``value`` holds characters that must not be stored or printed."""
    pattern = _FORBIDDEN_MULTI if multiline else _FORBIDDEN_SINGLE
    return pattern.search(value) is not None


def clean_text(value: str, *, multiline: bool) -> str:
    """Text as it should be stored: NFC, no control characters, trimmed.

    Single-line text turns line breaks and tabs into spaces; long text keeps line
    breaks (normalised to ``\\n``) and turns tabs into spaces. Letters of every script,
    right-to-left ones included, are kept as typed.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not multiline:
        text = text.replace("\n", " ")
    text = (_FORBIDDEN_MULTI if multiline else _FORBIDDEN_SINGLE).sub("", text)
    text = unicodedata.normalize("NFC", text)
    if multiline:
        lines = [_SPACES.sub(" ", line).rstrip() for line in text.split("\n")]
        return "\n".join(lines).strip("\n").strip()
    return _SPACES.sub(" ", text).strip()


def read_text(field: Field, value: object) -> str:
    if not isinstance(value, str):
        raise AnswerError("type_text")
    multiline = field.type == "long_text"
    if forbidden_characters(value, multiline=multiline):
        raise AnswerError("control_chars")
    if not multiline and "\n" in value:
        raise AnswerError("multiline")
    limit = field.max_length or DEFAULT_MAX_LENGTH.get(field.type, 200)
    if len(value) > limit:
        raise AnswerError("too_long", length=len(value), max=limit)
    return value


# --------------------------------------------------------------------------- numbers


def read_number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AnswerError("type_number")
    try:
        number = float(value)
    except OverflowError:  # an int with hundreds of digits
        raise AnswerError("type_number") from None
    if not math.isfinite(number):
        raise AnswerError("type_number")
    return number


def read_blood_pressure(value: object) -> tuple[float, float]:
    """``{"systolic": 120, "diastolic": 80}`` -> (120.0, 80.0)."""
    if not isinstance(value, Mapping) or set(value) - set(PARTS):
        raise AnswerError("type_number")
    if any(value.get(part) is None for part in PARTS):
        raise AnswerError("bp_incomplete")
    return read_number(value["systolic"]), read_number(value["diastolic"])


# --------------------------------------------------------------------------- dates


def read_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise AnswerError("type_date")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise AnswerError("type_date")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day, possibly only approximately
    (many patients know their birth year, or only "about 1970")."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def earliest(self) -> dt.date:
        low = dt.date(self.year, self.month or 1, self.day or 1)
        if self.approximate:
            # "About 1970" is read as within a year either side.
            return low.replace(year=max(dt.MINYEAR, low.year - 1), day=min(low.day, 28))
        return low

    def latest(self) -> dt.date:
        if self.day is not None and self.month is not None:
            high = dt.date(self.year, self.month, self.day)
        elif self.month is not None:
            next_month = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            high = next_month - dt.timedelta(days=1)
        else:
            high = dt.date(self.year, 12, 31)
        if self.approximate:
            return high.replace(year=min(dt.MAXYEAR, high.year + 1), day=min(high.day, 28))
        return high

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


_PARTIAL = re.compile(r"(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def read_partial_date(value: object) -> PartialDate:
    """Accepts ``{"year": 1970, "month": 5, "day": null, "approximate": true}``, a full
    date, or the strings ``"1970"``, ``"1970-05"``, ``"1970-05-17"`` (``"~1970"`` for
    approximate)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return PartialDate(value.year, value.month, value.day)
    year: object
    month: object
    day: object
    if isinstance(value, str):
        match = _PARTIAL.fullmatch(value.strip())
        if not match:
            raise AnswerError("type_partial_date")
        approx, year, month, day = match.groups()
        year, month, day = int(year), month and int(month), day and int(day)
        approximate: object = bool(approx)
    elif isinstance(value, Mapping) and set(value) <= {"year", "month", "day", "approximate"}:
        year, month, day = value.get("year"), value.get("month"), value.get("day")
        approximate = value.get("approximate", False)
    else:
        raise AnswerError("type_partial_date")
    if not _is_int(year) or not isinstance(approximate, bool):
        raise AnswerError("type_partial_date")
    if (month is not None and not _is_int(month)) or (day is not None and not _is_int(day)):
        raise AnswerError("type_partial_date")
    if day is not None and month is None:
        raise AnswerError("type_partial_date")
    assert isinstance(year, int)
    month_i = month if isinstance(month, int) else None
    day_i = day if isinstance(day, int) else None
    try:
        if not 1800 <= year <= 9999:
            raise ValueError(year)
        dt.date(year, month_i or 1, day_i or 1)
    except (ValueError, OverflowError):
        raise AnswerError("type_partial_date") from None
    return PartialDate(year, month_i, day_i, approximate)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def age_years(birth: dt.date, on: dt.date) -> int:
    """Completed years from ``birth`` to ``on``."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


# --------------------------------------------------------------------------- choices


def read_choice(field: Field, value: object) -> str:
    if not isinstance(value, str) or field.choice(value) is None:
        raise AnswerError("type_choice", value=_short(value))
    return value


def read_choices(field: Field, value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or len(set(map(repr, value))) != len(value):
        raise AnswerError("type_choices")
    for item in value:
        read_choice(field, item)
    return tuple(value)


def read_yes_no(field: Field, value: object) -> bool | None:
    """True, False, or None for "unknown" (only where the field allows it)."""
    if isinstance(value, bool):
        return value
    if field.allow_unknown and value == "unknown":
        return None
    raise AnswerError("type_yes_no_unknown" if field.allow_unknown else "type_yes_no")


# --------------------------------------------------------------------------- line items


@dataclass(frozen=True, slots=True)
class LineItem:
    description: str
    quantity: float
    unit_price: float

    @property
    def amount(self) -> float:
        return self.quantity * self.unit_price


def read_line_items(value: object) -> tuple[LineItem, ...]:
    """``[{"description": "Consultation", "quantity": 1, "unit_price": 500}, ...]``"""
    if not isinstance(value, list | tuple) or len(value) > MAX_LINE_ITEMS:
        raise AnswerError("type_line_items", max=MAX_LINE_ITEMS)
    items = []
    for row, item in enumerate(value, start=1):
        try:
            if not isinstance(item, Mapping) or set(item) != {
                "description",
                "quantity",
                "unit_price",
            }:
                raise AnswerError("line_item")
            description = item["description"]
            if not isinstance(description, str) or not description.strip():
                raise AnswerError("line_item")
            if forbidden_characters(description, multiline=False) or len(description) > 200:
                raise AnswerError("line_item")
            quantity, price = read_number(item["quantity"]), read_number(item["unit_price"])
            if quantity < 0 or price < 0 or quantity > 1e6 or price > 1e12:
                raise AnswerError("line_item")
        except AnswerError:
            raise AnswerError("line_item", row=row) from None
        items.append(LineItem(description, quantity, price))
    return tuple(items)


def _short(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = _FORBIDDEN_SINGLE.sub("", text)
    return text if len(text) <= 40 else text[:39] + "…"
