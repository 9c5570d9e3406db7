"""Collecting what a session's flushes changed, for `desktop.changes.Changes`.

Installed on the store's session factories: every flush notes the kinds of record and the
patients it touched; `Transactions` reads them after the commit and publishes them. A
rolled-back transaction's notes are dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from desktop.changes import PATIENTS, Changes

# Kinds whose rows are a trail of other changes: announcing them would make a view that
# records its own opening (the chart's audit event) refresh itself for ever.
_TRAIL_KINDS = frozenset({"audit_events", "appointment_events"})


@dataclass
class ChangeCollector:
    """What one session's flushes touched, kept in `session.info` until the commit."""

    kinds: set[str] = field(default_factory=set)
    patient_ids: set[uuid.UUID] = field(default_factory=set)

    def note(self, obj: Any) -> None:
        table = getattr(type(obj), "__tablename__", None)
        if table is None:
            return
        patient_id = obj.id if table == PATIENTS else getattr(obj, "patient_id", None)
        self._add(table, patient_id)

    def note_row(self, table: str, row: Mapping[str, Any]) -> None:
        """A row written without an ORM object (its column values)."""
        self._add(table, row.get("id") if table == PATIENTS else row.get("patient_id"))

    def _add(self, table: str, patient_id: Any) -> None:
        if table in _TRAIL_KINDS:
            return
        self.kinds.add(table)
        if isinstance(patient_id, uuid.UUID):
            self.patient_ids.add(patient_id)

    def changes(self, *, remote: bool = False) -> Changes:
        return Changes(frozenset(self.kinds), frozenset(self.patient_ids), remote)


def collector(session: Session) -> ChangeCollector:
    found = session.info.get("changes")
    if not isinstance(found, ChangeCollector):
        found = ChangeCollector()
        session.info["changes"] = found
    return found


def _after_flush(session: Session, _context: Any) -> None:
    collected = collector(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if obj in session.dirty and not session.is_modified(obj):
            continue
        collected.note(obj)


def _after_rollback(session: Session) -> None:
    # What a rolled-back transaction touched never happened.
    session.info.pop("changes", None)


def install_collector(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_soft_rollback", lambda s, _t: _after_rollback(s))
