"""New records of a remote page, written with one INSERT per table instead of one ORM object
each.

A page of creates (a new laptop's first pull, an evening's registrations from another laptop)
is most of what a sync applies; building and flushing an ORM object per record cost more
than the database's own work (benchmarks/bench_sync.py). The rows go in as plain values:
the search index and the guards are triggers, so they see these rows like any other, and the
column defaults (ids, created_at, field_hlcs) are applied as the INSERT would apply them.

Each INSERT is compiled once per table and set of columns, and its rows are bound with the
columns' own bind processors straight to the driver's `executemany`: SQLAlchemy's general
path (building the parameters of every row through the compiled statement) cost twice the
database's own work on a new laptop's pull (benchmarks/bench_sync.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ColumnDefault

PENDING: Any = object()
"""Stands in the page's record map for a row written by the next `write`."""


@dataclass
class PendingInserts:
    """Rows waiting to be inserted, by table, in the order they came: as Python values (what
    the ORM would bind), or already in their stored form (desktop.app.stored_values)."""

    rows: dict[str, tuple[Table, list[dict[str, Any]]]] = field(default_factory=dict)
    stored: dict[str, tuple[Table, list[dict[str, Any]]]] = field(default_factory=dict)
    # What was written: (table, its columns as Python values; of a stored row, only its
    # "id" and "patient_id", which is what the change events ask of it).
    written: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    _noted: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: Table, row: dict[str, Any]) -> None:
        self.rows.setdefault(table.name, (table, []))[1].append(row)

    def add_stored(self, table: Table, row: dict[str, Any], noted: dict[str, Any]) -> None:
        """A row whose values are what the store keeps (bound as they are)."""
        self.stored.setdefault(table.name, (table, []))[1].append(row)
        self._noted.setdefault(table.name, []).append(noted)

    def has(self, table: str) -> bool:
        return table in self.rows or table in self.stored

    def write(self, session: Session, only: str | None = None) -> None:
        """Insert what waits (of table `only`, or all)."""
        names = [only] if only is not None else list(dict.fromkeys([*self.rows, *self.stored]))
        for name in names:
            for waiting, stored in ((self.rows, False), (self.stored, True)):
                found = waiting.pop(name, None)
                if found is not None:
                    self._insert(session, *found, stored=stored)
            self.written.extend((name, noted) for noted in self._noted.pop(name, ()))

    def _insert(
        self, session: Session, table: Table, rows: list[dict[str, Any]], *, stored: bool
    ) -> None:
        # One executemany per set of columns: a statement binds the same columns for
        # every row (patches of one kind nearly always carry the same fields).
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            by_columns.setdefault(tuple(row), []).append(row)
        connection = session.connection()
        for columns, same in by_columns.items():
            compiled = _compiled(connection.dialect, table, columns)
            if compiled is None:
                if stored:  # never: the stored rows' kinds all have defaults Python applies
                    raise ValueError(f"{table.name}: stored rows need a default SQL computes")
                session.execute(insert(table), same)  # a default only SQL can compute
            else:
                compiled.run(connection, same, stored=stored)
        if not stored:
            self.written.extend((table.name, row) for row in rows)

    def ids(self, table: str) -> list[uuid.UUID]:
        """The ids of the rows of `table` written so far."""
        return [row["id"] for name, row in self.written if name == table]


class _Insert:
    """One INSERT of a table for one set of columns, compiled for one dialect, with the bind
    processor of each parameter and the Python defaults of the columns left out."""

    def __init__(
        self,
        sql: str,
        order: Sequence[str],
        processors: dict[str, Callable[[Any], Any]],
        defaults: dict[str, ColumnDefault],
    ) -> None:
        self.sql = sql
        self.order = tuple(order)
        self.processors = processors
        self.defaults = defaults

    def run(
        self, connection: Connection, rows: Sequence[dict[str, Any]], *, stored: bool = False
    ) -> None:
        """Insert `rows` (`stored`: their values are the stored form already; the defaults
        filled in here are bound as usual)."""
        # Column by column: each column's processor mapped over its values in one C loop
        # (a generator per row, asking for each cell's processor, was a tenth of a new
        # laptop's pull).
        count = len(rows)
        columns: list[list[Any]] = []
        for name in self.order:
            default = self.defaults.get(name)
            if default is None:
                values = [row[name] for row in rows]
            elif default.is_scalar:
                values = [default.arg] * count
            else:
                make = default.arg
                values = [make(None) for _ in range(count)]
            processor = None if stored and default is None else self.processors.get(name)
            columns.append(values if processor is None else list(map(processor, values)))
        connection.exec_driver_sql(self.sql, list(zip(*columns, strict=True)))


_COMPILED: dict[tuple[str, int, tuple[str, ...]], tuple[Table, _Insert | None]] = {}


def _compiled(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> _Insert | None:
    """The compiled INSERT of `columns` into `table` (cached); None when a column left out
    has a default this cannot apply (a SQL expression), for SQLAlchemy's general path."""
    key = (dialect.name, id(table), columns)
    found = _COMPILED.get(key)
    if found is not None and found[0] is table:
        return found[1]
    made: _Insert | None = None
    defaults: dict[str, ColumnDefault] = {}
    plain = True
    for column in table.columns:
        if column.key in columns or column.default is None:
            continue
        default = column.default
        if isinstance(default, ColumnDefault) and (default.is_scalar or default.is_callable):
            defaults[column.key] = default
        else:
            plain = False
    if plain and dialect.positional:
        compiled = insert(table).compile(dialect=dialect, column_keys=[*columns, *defaults])
        order = compiled.positiontup or []
        if set(order) == {*columns, *defaults} and len(order) == len(columns) + len(defaults):
            processors: dict[str, Callable[[Any], Any]] = {}
            for name in order:
                # What the compiled statement binds with (the dialect's own form of the
                # type: SQLite's dates and times are text).
                processor = table.c[name].type._cached_bind_processor(dialect)
                if processor is not None:
                    processors[name] = processor
            made = _Insert(compiled.string, order, processors, defaults)
    _COMPILED[key] = (table, made)
    return made
