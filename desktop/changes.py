"""What an operation changed, and the one place that announces it.

Like Anki's OpChanges: every write the core performs returns a `Changes` naming the kinds of
record it touched and the patients concerned, and publishes it on the `ChangeBus`. Views
subscribe once and decide from it whether to redraw; the sync engine publishes the same
events when it applies remote changes, so every screen refreshes through one mechanism.

The changes are collected from the session's flush (`install_collector`), not written by
hand in each operation, so a new operation cannot forget to announce what it did.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

# Record kinds, named as their tables are (a remote change names its table the same way).
PATIENTS = "patients"
APPOINTMENTS = "appointments"
FORMS = "form_records"
USERS = "users"
PROVIDERS = "providers"
APPOINTMENT_TYPES = "appointment_types"
WORKING_HOURS = "working_hours"
CLINIC = "clinics"
ATTENTION = "needs_attention"
# Not records: settings.json, and the store replaced as a whole by a restore.
SETTINGS = "settings"
EVERYTHING = "everything"

# Kinds whose rows are a trail of other changes: announcing them would make a view that
# records its own opening (the chart's audit event) refresh itself for ever.
_TRAIL_KINDS = frozenset({"audit_events", "appointment_events"})


@dataclass(frozen=True)
class Changes:
    """The kinds of record an operation changed and the patients it concerned."""

    kinds: frozenset[str] = frozenset()
    patient_ids: frozenset[uuid.UUID] = frozenset()
    remote: bool = False  # applied from another device (sync), not typed here

    @classmethod
    def of(cls, *kinds: str, patients: Iterable[uuid.UUID] = (), remote: bool = False) -> Changes:
        return cls(frozenset(kinds), frozenset(patients), remote)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.kinds | other.kinds,
            self.patient_ids | other.patient_ids,
            self.remote or other.remote,
        )

    def touches(self, *kinds: str) -> bool:
        """True when any of `kinds` changed (a restore changes everything)."""
        return EVERYTHING in self.kinds or not self.kinds.isdisjoint(kinds)

    def touches_patient(self, patient_id: uuid.UUID | None) -> bool:
        """True when the changes concern this patient's record in any way."""
        return EVERYTHING in self.kinds or (
            patient_id is not None and patient_id in self.patient_ids
        )


NO_CHANGES = Changes()


@dataclass
class ChangeCollector:
    """What one session's flushes touched, kept in `session.info` until the commit."""

    kinds: set[str] = field(default_factory=set)
    patient_ids: set[uuid.UUID] = field(default_factory=set)

    def note(self, obj: Any) -> None:
        table = getattr(type(obj), "__tablename__", None)
        if table is None or table in _TRAIL_KINDS:
            return
        self.kinds.add(table)
        patient_id = obj.id if table == PATIENTS else getattr(obj, "patient_id", None)
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


Listener = Callable[[Changes], None]


class ChangeBus:
    """Plain callbacks told of every change, on the thread that made it.

    A listener must be quick and must not raise; the GUI's adapter only re-emits the event as
    a Qt signal, which Qt queues to the GUI thread.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns the call that removes it again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                # One broken view must not undo or hide a change already committed.
                log.exception("a change listener failed")
