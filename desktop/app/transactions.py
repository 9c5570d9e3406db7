"""Where every transaction of the application API begins and ends.

An operation of the core is a function of a session; `Transactions` opens the session, commits
(or rolls back), reads what the flushes changed and publishes it. Nothing outside the core
opens a session: screens and commands call the API, which returns plain values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from desktop.changes import ChangeBus, Changes
from desktop.permissions import Actor
from desktop.store.change_collector import collector
from desktop.store.store import Store

T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write's result: its plain value and what it changed (already published)."""

    value: T
    changes: Changes


class Transactions:
    def __init__(self, store: Store, bus: ChangeBus) -> None:
        self._store = store
        self.bus = bus

    def write(
        self, work: Callable[[Session], T], *, actor: Actor | None = None, remote: bool = False
    ) -> Done[T]:
        """Run `work` in one write transaction; publish what it changed after the commit."""
        with self._store.session(actor) as session:
            with session.begin():
                value = work(session)
            changes = collector(session).changes(remote=remote)
            session.info.pop("changes", None)
        self.bus.publish(changes)
        return Done(value, changes)

    def read(self, work: Callable[[Session], T]) -> T:
        """Run `work` in a read transaction: it never takes the write lock from a writer."""
        with self._store.read_session() as session, session.begin():
            return work(session)
