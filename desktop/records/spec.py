"""A synced record kind, declared once: its fields, rules, status machine and permissions.

A `RecordSpec` says what a kind of record is (see `desktop.records.kinds` for the
declarations); the generic parts come from it instead of being written again per kind:
getting a live record by id ("tombstoned or missing → not found, naming the kind"), listing
live records, checking a status change, turning a synced patch value back into a Python
value, validating values that arrive from elsewhere, and knowing which fields are
safety-critical (never settled silently when two devices disagree). Only behaviour
(booking rules, duplicate checks, signing) stays hand-written in the services.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, NotFound
from desktop.messages import Message
from desktop.permissions import Permission
from desktop.store.models import Synced
from sync.protocol.models import WHOLE_NUMBERS

M = TypeVar("M", bound=Synced)

Check = Callable[[Any], str | None]
"""A validation hook: the problem with a (non-empty) value, in words, or None."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record kind, as it is stored and synced."""

    name: str
    type: type  # str, int, bool, dt.date, dt.datetime, dt.time, uuid.UUID, an enum, dict
    required: bool = False  # must be present and not empty
    nullable: bool = False
    max_length: int | None = None
    indexed: bool = False  # has an index of its own (or leads one)
    safety_critical: bool = False  # never settled silently when devices disagree
    keyed: bool = False  # a dict synced key by key ("answers.<name>")
    checks: tuple[Check, ...] = ()

    def from_wire(self, value: Any) -> Any:
        """A synced patch value (JSON) as the Python value this field holds."""
        if value is None:
            return None
        kind = self.type
        if kind is uuid.UUID:
            return uuid.UUID(str(value))
        if kind is dt.datetime:
            instant = dt.datetime.fromisoformat(str(value))
            if instant.tzinfo is None:
                raise ValueError(f"{self.name}: a time without its zone")
            return instant.astimezone(dt.UTC)
        if kind is dt.date:
            return dt.date.fromisoformat(str(value))
        if kind is dt.time:
            return dt.time.fromisoformat(str(value))
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return kind(value)
        if kind is bool:
            if not isinstance(value, bool):
                raise ValueError(f"{self.name}: not true or false")
            return value
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{self.name}: not a whole number")
            if value not in WHOLE_NUMBERS:
                raise ValueError(f"{self.name}: a whole number too large to keep")
            return value
        if kind is str:
            if not isinstance(value, str):
                raise ValueError(f"{self.name}: not text")
            return value
        if kind is dict:
            if not isinstance(value, dict):
                raise ValueError(f"{self.name}: not a set of answers")
            return value
        raise TypeError(f"{self.name}: no wire form for {kind!r}")

    def take(self, value: Any) -> Any:
        """A synced patch value as the Python value this field holds, checked: `from_wire`
        then `problem`, either raising ValueError (or TypeError) with the reason."""
        # Text, numbers and flags without checks of their own arrive as they are held: only
        # their length can be wrong. A remote page carries tens of thousands of them.
        plain = self._plain_type
        if (
            plain is not None
            and type(value) is plain
            and value != ""
            and (plain is not str or self.max_length is None or len(value) <= self.max_length)
            and (plain is not int or value in WHOLE_NUMBERS)
        ):
            return value
        converted = self.from_wire(value)
        problem = self.problem(converted)
        if problem:
            raise ValueError(problem)
        return converted

    @cached_property
    def _plain_type(self) -> object | None:
        return self.type if self.type in (str, bool, int) and not self.checks else None

    def problem(self, value: Any) -> str | None:
        """What is wrong with `value` for this field, or None."""
        if value is None or value == "":
            if self.required:
                return f"{self.name} is required"
            if value is None and not self.nullable and self.type is not str:
                return f"{self.name} cannot be empty"
            return None
        if self.max_length is not None and isinstance(value, str) and len(value) > self.max_length:
            return f"{self.name} is longer than {self.max_length} characters"
        for check in self.checks:
            found = check(value)
            if found:
                return found
        return None


@dataclass(frozen=True)
class StatusMachine:
    """The statuses a record may go through, and the words people read for them."""

    field: str
    transitions: Mapping[Any, frozenset[Any]]
    words: Mapping[Any, Message]
    refused: Callable[[Message, Message], Message]  # (status, to) → the refusal in words

    def allows(self, current: Any, to: Any) -> bool:
        return to in self.transitions.get(current, frozenset())

    def check(self, current: Any, to: Any) -> None:
        if not self.allows(current, to):
            raise Conflict(self.refused(self.word(current), self.word(to)))

    def word(self, status: Any) -> Message:
        found = self.words.get(status)
        return found if found is not None else Message("{s}", {"s": str(status)})


@dataclass(frozen=True)
class RecordSpec(Generic[M]):
    """One synced record kind (a table), declared as data."""

    kind: str  # the table name; also the change-event kind and the outbox entity
    model: type[M]
    fields: tuple[FieldSpec, ...]
    not_found: Callable[[uuid.UUID], Message]  # "No patient with id {id}."
    read: Permission | None  # None: anyone signed in
    write: Permission | None  # None: written by Outpost itself (audit trail)
    patient_link: str | None = None  # the field naming the patient ("id" for patients)
    status: StatusMachine | None = None
    # Safety-critical keys inside keyed fields ("answers.allergies").
    safety_critical_keys: frozenset[str] = frozenset()
    append_only: bool = False  # rows are never changed once written (the trail)
    # (field, value) that freezes a row: a signed form is immutable.
    immutable_when: tuple[str, Any] | None = None
    _by_name: dict[str, FieldSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    # --- fields --------------------------------------------------------------------------

    def field(self, name: str) -> FieldSpec:
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        return name in self._by_name

    @property
    def field_names(self) -> frozenset[str]:
        return frozenset(self._by_name)

    @property
    def indexed(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.indexed)

    @property
    def keyed(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.keyed)

    @property
    def safety_critical(self) -> frozenset[str]:
        """Patch keys never settled silently: whole fields and keys inside keyed fields."""
        return frozenset(f.name for f in self.fields if f.safety_critical) | (
            self.safety_critical_keys
        )

    def field_for_key(self, key: str) -> FieldSpec | None:
        """The field a patch key belongs to ("answers.allergies" → answers)."""
        found = self._by_name.get(key)  # no field's name has a dot: a whole field
        if found is not None:
            return None if found.keyed else found
        if "." not in key:
            return None
        found = self._by_name.get(key.split(".", 1)[0])
        return found if found is not None and found.keyed else None

    def validate(self, values: Mapping[str, Any]) -> dict[str, str]:
        """Problems of `values` (field → words); empty when all is well."""
        problems: dict[str, str] = {}
        for name, value in values.items():
            spec = self._by_name.get(name)
            if spec is None:
                problems[name] = f"{name} is not a field of {self.kind}"
                continue
            found = spec.problem(value)
            if found:
                problems[name] = found
        return problems

    # --- status --------------------------------------------------------------------------

    def check_transition(self, current: Any, to: Any) -> None:
        """Raise Conflict (in words) unless the status machine allows `current` → `to`."""
        if self.status is None:
            raise TypeError(f"{self.kind} records have no status machine")
        self.status.check(current, to)

    # --- reading -------------------------------------------------------------------------

    def patient_of(self, row: M) -> uuid.UUID | None:
        if self.patient_link is None:
            return None
        found = getattr(row, self.patient_link)
        return found if isinstance(found, uuid.UUID) else None


def get_live(session: Session, spec: RecordSpec[M], record_id: uuid.UUID) -> M:
    """The record with this id; missing or tombstoned → NotFound naming the kind."""
    model: Any = spec.model
    row = session.scalar(select(model).where(model.id == record_id))
    if row is None or row.deleted:
        raise NotFound(spec.not_found(record_id))
    assert isinstance(row, spec.model)
    return row


def find_live(session: Session, spec: RecordSpec[M], record_id: uuid.UUID) -> M | None:
    """The record with this id, or None when it is missing or tombstoned."""
    try:
        return get_live(session, spec, record_id)
    except NotFound:
        return None


def list_live(
    session: Session,
    spec: RecordSpec[M],
    *where: ColumnElement[bool],
    order_by: Sequence[Any] = (),
    limit: int | None = None,
) -> Sequence[M]:
    """Live (not tombstoned) records of the kind, filtered by `where`."""
    model: Any = spec.model
    query = select(model).where(model.deleted.is_(False), *where)
    if order_by:
        query = query.order_by(*order_by)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query).all())
