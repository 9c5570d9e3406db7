"""A record screen reads its record one read at a time, and draws only the newest state."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtWidgets import QWidget

from ui.record_reads import OneRead


class _Ctx:
    """Holds each read's `done` until the test answers it (the database thread's part)."""

    def __init__(self) -> None:
        self.out: list[Any] = []

    def ask(self, fn: Any, done: Any) -> None:
        self.out.append(done)


def test_a_refresh_asked_while_a_read_is_out_reads_again_instead_of_drawing_the_stale(
    qtbot,
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    ctx = _Ctx()
    drawn: list[object] = []
    reads: OneRead[str] = OneRead(
        owner, cast(Any, ctx), lambda v, e: drawn.append(v), lambda: reads.start(lambda c: "")
    )
    reads.start(lambda c: "")
    reads.start(lambda c: "")  # a change lands while the first read is out
    assert len(ctx.out) == 1 and reads.loading
    ctx.out[0]("old", None)
    assert drawn == [] and len(ctx.out) == 2  # asked afresh, the old answer not drawn
    ctx.out[1]("new", None)
    assert drawn == ["new"] and not reads.loading


def test_an_answer_for_a_closed_screen_is_dropped(qtbot) -> None:
    owner = QWidget()
    ctx = _Ctx()
    drawn: list[object] = []
    reads: OneRead[str] = OneRead(owner, cast(Any, ctx), lambda v, e: drawn.append(v), owner.show)
    reads.start(lambda c: "")
    from shiboken6 import Shiboken

    Shiboken.delete(owner)
    ctx.out[0]("late", None)
    assert drawn == [] and not reads.loading
