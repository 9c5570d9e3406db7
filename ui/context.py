"""What every window and view of a signed-in session is given (built by `ui.app`).

No global main window, no module-level state: a view receives this object and reaches the
core's API (`call`, `ask`, `run`, on the database thread) and the core's change events
(`changes`) through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QWidget

from ui.tasks import Operation, TaskContext, TaskRunner

if TYPE_CHECKING:
    import datetime as dt

    from desktop.core import ClinicCore
    from desktop.permissions import Actor, Permission
    from ui.changes import QtChanges
    from ui.sync_status import SyncStatus

T = TypeVar("T")


@dataclass
class ClinicContext:
    core: ClinicCore
    tasks: TaskRunner
    sync: SyncStatus
    changes: QtChanges

    @property
    def actor(self) -> Actor:
        return self.core.actor

    def can(self, permission: Permission) -> bool:
        return self.core.actor.can(permission)

    def today(self) -> dt.date:
        return self.core.today()

    def call(
        self,
        parent: QWidget | None,
        fn: Callable[[ClinicCore], T],
        *,
        label: str = "",
        cancellable: bool = False,
        long: bool = False,
    ) -> Operation[T]:
        """An operation calling the core's API on the database thread:
        `ctx.call(self, lambda core: core.patients.register(...)).success(...).run()`.
        The core call owns its transaction and returns plain values; what it changed
        reaches every view through `changes`."""
        core = self.core
        return Operation(
            parent,
            self.tasks,
            lambda _ctx: fn(core),
            label=label,
            cancellable=cancellable,
            long=long,
        )

    def ask(
        self,
        fn: Callable[[ClinicCore], T],
        done: Callable[[T | None, BaseException | None], None],
    ) -> Any:
        """A quiet read through the core's API on the database thread (search as you type):
        no progress dialog, `done(result, error)` on the GUI thread."""
        core = self.core
        return self.tasks.submit(lambda: fn(core), done)

    def run(
        self,
        parent: QWidget | None,
        work: Callable[[TaskContext], T],
        *,
        label: str = "",
        cancellable: bool = False,
        long: bool = False,
    ) -> Operation[T]:
        """An operation for long work that reports progress through its `TaskContext`
        (backups, restores): `work` calls the core's API, never opens a session."""
        return Operation(parent, self.tasks, work, label=label, cancellable=cancellable, long=long)
