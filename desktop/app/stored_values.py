"""A synced value taken straight to the form the store keeps it in.

What a new laptop's first pull writes is nearly all new records (desktop.app.remote). Each of
their values went wire → Python value (the field's checked `take`) → stored form (the
column's bind processor): two calls per value, and an object (a UUID, an aware datetime)
made only to be turned back into text. `stored_taker` gives one function per field that does
both at once, with the commonest wire forms (a canonical id, a UTC instant, a calendar date,
an enum's value) taken by text, and everything else by the two steps it stands for, so the
result is always `processor(take(value))` (tests/sync/test_stored_values.py holds it so).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Column
from sqlalchemy.engine import Dialect

from desktop.records.spec import FieldSpec

StoredTaker = Callable[[Any], Any]

# How to_wire writes them (desktop.store.outbox): lower-case ids with their dashes, instants
# in UTC to the second, dates as ISO calendar dates.
_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_UTC_SECOND = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
_CALENDAR_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def stored_taker(found: FieldSpec, column: Column[Any], dialect: Dialect) -> StoredTaker:
    """The function taking a synced value of `found` to what `column` stores on `dialect`:
    ValueError (or TypeError) with the reason, as `found.take` raises it."""
    take = found.take
    process = column.type._cached_bind_processor(dialect)
    if process is None:
        return take

    def both(value: Any) -> Any:
        return process(take(value))

    if found.checks:
        return both
    kind = found.type
    if kind is uuid.UUID and process(uuid.UUID(int=0xA)) == f"{0xA:032x}":
        return _by_text(_CANONICAL_ID, lambda text: text.replace("-", ""), both)
    fraction = _fraction_of_whole_seconds(process) if kind is dt.datetime else None
    if fraction is not None:
        # fromisoformat checks the calendar and the clock (a 30 February is refused).
        return _by_text(_UTC_SECOND, lambda text: _utc_second(text, fraction), both)
    if kind is dt.date and process(dt.date(0o1, 2, 3)) == "0001-02-03":
        return _by_text(_CALENDAR_DATE, _calendar_date, both)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        values = {m.value: process(m) for m in kind if isinstance(m.value, str) and m.value}
        return _by_lookup(values, both)
    if kind is bool:
        return _by_lookup({True: process(True), False: process(False)}, both)
    return both


def one_stamp_taker(column: Column[Any], dialect: Dialect) -> Callable[[Sequence[str], str], Any]:
    """The function taking a record's field names and the one stamp they all carry (a new
    record's) to its stored field_hlcs. json.dumps of a dict of twenty fields cost more than
    taking the twenty values: the text is joined instead, when it needs no escapes."""
    process = column.type._cached_bind_processor(dialect)

    def general(keys: Sequence[str], stamp: str) -> Any:
        stamps = dict.fromkeys(keys, stamp)
        return stamps if process is None else process(stamps)

    if general(["a", "b"], "c") != '{"a": "c", "b": "c"}':  # not json.dumps's form
        return general
    plain = _PLAIN_JSON_TEXT.fullmatch

    def joined(keys: Sequence[str], stamp: str) -> Any:
        if not keys or not plain(stamp) or not plain("".join(keys)):
            return general(keys, stamp)
        between = '": "' + stamp + '", "'
        return '{"' + between.join(keys) + '": "' + stamp + '"}'

    return joined


# Text JSON writes as it is: printable ASCII but the quote and the backslash.
_PLAIN_JSON_TEXT = re.compile(r"[ !#-\[\]-~]*")


def _by_text(
    form: re.Pattern[str], stored: Callable[[str], Any], otherwise: StoredTaker
) -> StoredTaker:
    match = form.fullmatch

    def take(value: Any) -> Any:
        if type(value) is str and match(value):
            return stored(value)
        return otherwise(value)

    return take


def _by_lookup(table: dict[Any, Any], otherwise: StoredTaker) -> StoredTaker:
    def take(value: Any) -> Any:
        # By type first: True == 1, and a number must not pass for a flag.
        if type(value) in (str, bool):
            found = table.get(value, _MISSING)
            if found is not _MISSING:
                return found
        return otherwise(value)

    return take


_MISSING: Any = object()


def _utc_second(text: str, fraction: str) -> str:
    dt.datetime.fromisoformat(text)
    return text[:10] + " " + text[11:19] + fraction


def _calendar_date(text: str) -> str:
    dt.date.fromisoformat(text)
    return text


def _fraction_of_whole_seconds(process: Callable[[Any], Any]) -> str | None:
    """What `process` writes after the seconds of a UTC instant on the second, when it
    keeps it as "YYYY-MM-DD HH:MM:SS" and that (SQLite's: ".000000"); None: another form."""
    try:
        made = process(dt.datetime(1, 2, 3, 4, 5, 6, tzinfo=dt.UTC))
    except (TypeError, ValueError):
        return None
    whole = "0001-02-03 04:05:06"
    if not isinstance(made, str) or not made.startswith(whole):
        return None
    fraction = made[len(whole) :]
    return fraction if fraction in ("", ".000000") else None
