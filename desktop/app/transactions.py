"""Where every transaction of the application API begins and ends.

An operation of the core is a function of a session; `Transactions` opens the session, commits
(or rolls back), reads what the flushes changed and publishes it. Nothing outside the core
opens a session: screens and commands call the API, which returns plain values.

A damaged store is read-only (`desktop.store.damage`): `write` then raises `StoreDamaged`
before any work is done, and reads go on where the pages are readable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from desktop.changes import ChangeBus, Changes
from desktop.permissions import Actor
from desktop.store.change_collector import collector
from desktop.store.damage import DamageWatch
from desktop.store.engine import damage_watch
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

    @property
    def damage(self) -> DamageWatch:
        """The store's damage state (the engine's, so a re-opened engine is followed)."""
        return damage_watch(self._store.engine)

    def write(
        self, work: Callable[[Session], T], *, actor: Actor | None = None, remote: bool = False
    ) -> Done[T]:
        """Run `work` in one write transaction; publish what it changed after the commit.

        Raises StoreDamaged, before anything is done, once the store is known to be damaged."""
        self.damage.check_writable()
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
