"""The task runner: work runs off the GUI thread, results and errors come back on it, a
progress window appears only for slow work and can cancel it."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

from desktop.errors import Conflict
from ui.errors import TaskCancelled
from ui.tasks import Operation, TaskContext, TaskRunner


def make_runner(qtbot) -> tuple[TaskRunner, QWidget]:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent, progress_delay_ms=50)
    return runner, parent


def test_a_long_operation_leaves_the_event_loop_responsive(qtbot) -> None:
    """The work waits for the GUI thread's timer to tick five times: if the GUI thread were
    blocked while the work runs, the ticks could not happen and the work would report so."""
    runner, parent = make_runner(qtbot)
    ticks: list[int] = []
    enough_ticks = threading.Event()
    timer = QTimer(parent)
    timer.setInterval(10)

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= 5:
            enough_ticks.set()

    timer.timeout.connect(tick)
    timer.start()
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(_ctx: TaskContext) -> bool:
        seen["worker_is_gui_thread"] = QThread.currentThread() is gui_thread
        return enough_ticks.wait(timeout=10)

    def done(result: bool) -> None:
        seen["result"] = result
        seen["delivered_on_gui_thread"] = QThread.currentThread() is gui_thread

    Operation(parent, runner, work, label="slow").success(done).run()
    qtbot.waitUntil(lambda: "result" in seen, timeout=15_000)
    assert seen == {"worker_is_gui_thread": False, "result": True, "delivered_on_gui_thread": True}
    runner.shutdown()


def test_progress_appears_for_slow_work_and_cancel_stops_it(qtbot) -> None:
    runner, parent = make_runner(qtbot)
    parent.show()
    release = threading.Event()
    outcome: list[str] = []

    def work(ctx: TaskContext) -> str:
        for step in range(1000):
            ctx.progress("step", step / 1000)  # raises TaskCancelled once Cancel is pressed
            release.wait(0.01)
        return "finished"

    op = (
        Operation(parent, runner, work, label="Copying", cancellable=True)
        .success(outcome.append)
        .failure(lambda e: outcome.append(f"failed {e!r}"))
        .finished(lambda: outcome.append("cleaned up"))
    )
    op.run()
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None, timeout=20_000)
    dialog = parent.findChild(QProgressDialog)
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=20_000)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert outcome == ["cleaned up"]  # a cancel is silent: no success, no error box
    assert parent.findChild(QMessageBox) is None
    runner.shutdown()


def test_quick_work_shows_no_progress(qtbot) -> None:
    runner, parent = make_runner(qtbot)
    runner.progress_delay_ms = 5_000
    results: list[int] = []
    Operation(parent, runner, lambda _ctx: 42).success(results.append).run()
    qtbot.waitUntil(lambda: results == [42], timeout=20_000)
    assert parent.findChild(QProgressDialog) is None
    runner.shutdown()


def test_a_person_readable_error_is_shown_as_it_is(qtbot) -> None:
    runner, parent = make_runner(qtbot)

    def work(_ctx: TaskContext) -> None:
        raise Conflict("Double booking: choose another time.")

    op = Operation(parent, runner, work).run()
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    box = parent.findChild(QMessageBox)
    assert box is not None and box.text() == "Double booking: choose another time."
    assert not box.detailedText()
    runner.shutdown()


def test_an_unexpected_error_is_logged_and_shown_with_details(qtbot, caplog) -> None:
    runner, parent = make_runner(qtbot)

    def work(_ctx: TaskContext) -> None:
        raise KeyError("a bug")

    with caplog.at_level(logging.ERROR, logger="ui.tasks"):
        op = Operation(parent, runner, work, label="Opening the record").run()
        qtbot.waitUntil(lambda: op.done, timeout=20_000)
    box = parent.findChild(QMessageBox)
    assert box is not None and "unexpected" in box.text()
    assert "KeyError" in box.detailedText()
    assert any("Opening the record" in r.getMessage() for r in caplog.records)
    runner.shutdown()


def test_callbacks_are_skipped_once_the_parent_is_gone(qtbot) -> None:
    runner, parent = make_runner(qtbot)
    release = threading.Event()
    called: list[str] = []
    dialog = QWidget(parent)
    op = (
        Operation(dialog, runner, lambda _ctx: release.wait(5))
        .success(lambda _r: called.append("success"))
        .run()
    )
    dialog.deleteLater()
    QApplication.processEvents()
    release.set()
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert called == []
    runner.shutdown()


def test_cancelled_is_an_exception_the_work_can_raise() -> None:
    ctx = TaskContext(lambda _step, _fraction: None)
    ctx.progress("fine", 0.1)
    ctx.cancel()
    try:
        ctx.progress("stop", 0.2)
    except TaskCancelled:
        pass
    else:
        raise AssertionError("progress() must stop cancelled work")


def test_cycles_are_collected_on_the_gui_thread_only(qtbot) -> None:
    """A worker thread must never run the cycle collector: it could destroy a Qt object
    there (a crash seen with PDFs rendered on a worker)."""
    import gc

    from ui.main_thread_gc import MainThreadGarbageCollector

    make_runner(qtbot)
    assert not gc.isenabled()
    assert QApplication.instance().findChild(MainThreadGarbageCollector) is not None


def test_a_finished_operation_lets_go_of_what_it_captured(qtbot) -> None:
    import weakref

    runner, parent = make_runner(qtbot)

    class Captured:
        pass

    captured = Captured()
    gone = weakref.ref(captured)
    results: list[object] = []

    def work(_ctx: TaskContext, thing: Captured = captured) -> int:
        return 1

    Operation(parent, runner, work).success(lambda r, thing=captured: results.append(r)).run()
    qtbot.waitUntil(lambda: results == [1], timeout=20_000)
    del work, captured
    # No cycle holds it: freed by reference counting alone, on this (the GUI) thread.
    assert gone() is None
    runner.shutdown()
