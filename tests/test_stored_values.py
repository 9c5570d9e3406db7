"""A synced value taken straight to its stored form (desktop/app/stored_values.py) is what
the field's checked `take` and its column's bind processor make of it, value for value and
refusal for refusal, for every field of every record kind."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from desktop.app.stored_values import one_stamp_taker, stored_taker
from desktop.records.kinds import SPECS
from desktop.records.spec import FieldSpec
from desktop.store.models import Patient

DIALECT = sqlite.dialect()  # the dialect of every store (sqlcipher3 is pysqlite's)
FIELDS = [
    (spec.model.__table__.c[found.name], found)
    for spec in SPECS.values()
    for found in spec.fields
    if not found.keyed
]

_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.lists(st.integers(), max_size=2),
)
_INSTANTS = st.datetimes(
    min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=st.just(dt.UTC)
)


def _wire_values(found: FieldSpec) -> st.SearchStrategy[Any]:
    """What a peer may send for `found`: its wire forms, near misses and junk."""
    kind = found.type
    if kind is uuid.UUID:
        ids = st.uuids()
        forms = st.one_of(ids.map(str), ids.map(lambda i: str(i).upper()), ids.map(lambda i: i.hex))
    elif kind is dt.datetime:
        forms = st.one_of(
            _INSTANTS.map(lambda d: d.replace(microsecond=0).isoformat()),
            _INSTANTS.map(lambda d: d.isoformat()),
            _INSTANTS.map(lambda d: d.astimezone(dt.timezone(dt.timedelta(hours=3))).isoformat()),
            _INSTANTS.map(lambda d: d.replace(tzinfo=None, microsecond=0).isoformat()),
            st.sampled_from(["2018-02-30T10:00:00+00:00", "2018-11-05T24:00:00+00:00"]),
        )
    elif kind is dt.date:
        forms = st.one_of(
            st.dates().map(dt.date.isoformat),
            st.dates().map(lambda d: f"{d.isocalendar()[0]:04d}-W{d.isocalendar()[1]:02d}-1"),
            st.sampled_from(["2018-02-30", "2018-13-01", "0000-01-01", "20181105"]),
        )
    elif isinstance(kind, type) and issubclass(kind, enum.Enum):
        forms = st.sampled_from([m.value for m in kind])
    else:
        forms = _JUNK
    return st.one_of(forms, forms, _JUNK)


def _outcome(take: Any, value: Any) -> tuple[str, Any]:
    try:
        return "stored", take(value)
    except (ValueError, TypeError) as exc:
        return type(exc).__name__, str(exc)


@settings(max_examples=600, deadline=None)
@given(data=st.data())
def test_a_value_taken_straight_to_its_stored_form_is_what_take_and_the_column_make_of_it(
    data: st.DataObject,
) -> None:
    column, found = data.draw(st.sampled_from(FIELDS))
    value = data.draw(_wire_values(found))
    process = column.type._cached_bind_processor(DIALECT)

    def two_steps(v: Any) -> Any:
        held = found.take(v)
        return held if process is None else process(held)

    assert _outcome(stored_taker(found, column, DIALECT), value) == _outcome(two_steps, value)


def test_the_commonest_wire_forms_are_taken_by_their_text() -> None:
    """The forms every page is made of do not fall back on the two steps."""
    for column, found in FIELDS:
        taker = stored_taker(found, column, DIALECT)
        if found.checks or found.type in (str, int, dict, dt.time):
            continue
        assert "_by_" in taker.__qualname__, found.name


# Mostly field names, with what JSON must escape: quotes, backslashes, controls, non-ASCII.
_TEXT = st.text(
    alphabet=st.one_of(st.characters(codec="ascii"), st.sampled_from('"\\\n\x7fé€')),
    min_size=1,
    max_size=12,
)
_KEYS = st.lists(st.one_of(_TEXT, st.text(min_size=1, max_size=12)), max_size=25, unique=True)
_STAMPS = st.one_of(st.just("001796676900217-000000-e453c8cf2d1655f4"), _TEXT)


@settings(max_examples=300, deadline=None)
@given(keys=_KEYS, stamp=_STAMPS)
def test_the_stamps_of_a_new_record_are_stored_as_json_dumps_writes_them(
    keys: list[str], stamp: str
) -> None:
    column = Patient.__table__.c.field_hlcs
    process = column.type._cached_bind_processor(DIALECT)
    assert process is not None
    assert one_stamp_taker(column, DIALECT)(keys, stamp) == process(dict.fromkeys(keys, stamp))
