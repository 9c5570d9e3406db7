"""What an operation changed, and the one place that announces it.

Like Anki's OpChanges: every write the core performs returns a `Changes` naming the kinds of
record it touched and the patients concerned, and publishes it on the `ChangeBus`. Views
subscribe once and decide from it whether to redraw; the sync engine publishes the same
events when it applies remote changes, so every screen refreshes through one mechanism.

The changes are collected from the session's flush (`desktop.store.change_collector`), not
written by hand in each operation, so a new operation cannot forget to announce what it did.
This module imports no SQLAlchemy: views name the kinds they show while the password is typed.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

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


# What the appointment book's views (Today, the Calendar) show.
SCHEDULE_KINDS = (APPOINTMENTS, PATIENTS, PROVIDERS, APPOINTMENT_TYPES, WORKING_HOURS, CLINIC)


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
