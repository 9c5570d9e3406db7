"""New records of a remote page, written with one INSERT per table instead of one ORM object
each.

A page of creates (a new laptop's first pull, an evening's registrations from another laptop)
is most of what a sync applies; building and flushing an ORM object per record cost more
than the database's own work (benchmarks/bench_sync.py). The rows go in as plain values:
the search index and the guards are triggers, so they see these rows like any other, and the
column defaults (ids, created_at, field_hlcs) are applied by the INSERT.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

PENDING: Any = object()
"""Stands in the page's record map for a row written by the next `write`."""


@dataclass
class PendingInserts:
    """Rows waiting to be inserted, by table, in the order they came."""

    rows: dict[str, tuple[Table, list[dict[str, Any]]]] = field(default_factory=dict)
    written: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def add(self, table: Table, row: dict[str, Any]) -> None:
        self.rows.setdefault(table.name, (table, []))[1].append(row)

    def has(self, table: str) -> bool:
        return table in self.rows

    def write(self, session: Session, only: str | None = None) -> None:
        """Insert what waits (of table `only`, or all)."""
        for name in [only] if only is not None else list(self.rows):
            found = self.rows.pop(name, None)
            if found is None:
                continue
            table, rows = found
            # One executemany per set of columns: a statement binds the same columns for
            # every row (patches of one kind nearly always carry the same fields).
            by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for row in rows:
                by_columns.setdefault(tuple(row), []).append(row)
            for same in by_columns.values():
                session.execute(insert(table), same)
            self.written.extend((name, row) for row in rows)

    def ids(self, table: str) -> list[uuid.UUID]:
        """The ids of the rows of `table` written so far."""
        return [row["id"] for name, row in self.written if name == table]
