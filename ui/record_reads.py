"""A record screen's reads of its record: one at a time, the newest state winning."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from ui.util import is_alive

if TYPE_CHECKING:
    from desktop.core import ClinicCore
    from ui.context import ClinicContext

T = TypeVar("T")


class OneRead(Generic[T]):
    """Reads for `owner` through `ctx.ask`. A read asked for while one is out is not sent
    beside it: once the one out lands, `again` (the screen's refresh) asks afresh instead
    of drawing what may be stale; an answer for a screen closed meanwhile is dropped;
    otherwise `landed(value, error)` draws it."""

    def __init__(
        self,
        owner: QWidget,
        ctx: ClinicContext,
        landed: Callable[[T | None, BaseException | None], None],
        again: Callable[[], None],
    ) -> None:
        self._owner, self._ctx, self._landed, self._again = owner, ctx, landed, again
        self.loading = False
        self._pending = False

    def start(self, read: Callable[[ClinicCore], T]) -> None:
        if self.loading:
            self._pending = True
            return
        self.loading = True
        try:
            self._ctx.ask(read, self._done)
        except RuntimeError:  # the session is closing: its task runner has stopped
            self.loading = False

    def _done(self, value: T | None, error: BaseException | None) -> None:
        self.loading = False
        if not is_alive(self._owner):
            return
        if self._pending:
            self._pending = False
            self._again()
            return
        self._landed(value, error)
