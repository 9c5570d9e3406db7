"""Background work: one thread for the database, results delivered on the GUI thread.

Modelled on Anki's `taskman.py` and `CollectionOp`: every piece of database work runs on a
single worker thread (so two tasks never race on the store), and its result or error comes
back to the GUI thread through a queued signal. Widgets are only ever touched from the GUI
thread.

    Operation(parent, runner, work, label=...).success(on_done).failure(on_error).run()

`work` receives a `TaskContext` to report progress and notice a cancel. A progress dialog
appears only if the work is still running after `TaskRunner.progress_delay_ms` (600 ms, as
in Anki): quick work shows nothing at all.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import OutpostError
from ui.errors import TaskCancelled, show_error
from ui.main_thread_gc import ensure_started as ensure_gc_on_gui_thread
from ui.util import is_alive

log = logging.getLogger(__name__)

T = TypeVar("T")

PROGRESS_DELAY_MS = 600


class TaskContext:
    """Handed to work running on the worker thread."""

    def __init__(self, report: Callable[[str, float | None], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def progress(self, step: str, fraction: float | None = None) -> None:
        """Report a step (already translated) and how far along (0..1, None if unknown).
        Also the natural place to stop: raises TaskCancelled once Cancel was pressed."""
        self.check_cancelled()
        self._report(step, fraction)


class _ToMainThread(QObject):
    """Carries callables from any thread to the GUI thread (the receiver lives there)."""

    call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()


class TaskRunner(QObject):
    """Owns the database thread for the whole life of the application."""

    def __init__(
        self, parent: QObject | None = None, *, progress_delay_ms: int = PROGRESS_DELAY_MS
    ) -> None:
        super().__init__(parent)
        self.progress_delay_ms = progress_delay_ms
        ensure_gc_on_gui_thread()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outpost-db")
        # Long read-only work (backups: a snapshot is one read transaction, which SQLite's
        # WAL lets run beside writes) gets its own thread, so a patient search never waits
        # minutes behind a backup to a slow USB stick.
        self._long = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outpost-long")
        self._bridge = _ToMainThread(self)
        self._pending = 0
        self._closed = False
        # Operations are kept alive here until they finish (nothing else may hold them).
        self._running: set[Operation[Any]] = set()

    @property
    def pending(self) -> int:
        """Tasks submitted whose result has not yet been delivered."""
        return self._pending

    def run_on_main(self, fn: Callable[[], None]) -> None:
        """Call `fn` on the GUI thread (safe from any thread)."""
        self._bridge.call.emit(fn)

    def submit(
        self,
        work: Callable[[], T],
        done: Callable[[T | None, BaseException | None], None],
        *,
        long: bool = False,
    ) -> Future[None]:
        """Run `work` on the database thread (or the long-work thread); `done(result, error)`
        runs on the GUI thread."""
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        self._pending += 1
        # The work and the callback often capture widgets. They are let go on the GUI
        # thread: a Qt object must never be destroyed on a worker thread.
        held: list[Any] = [work, done]

        def deliver(result: T | None, error: BaseException | None) -> None:
            self._pending -= 1
            callback = held[1]
            held.clear()
            callback(result, error)

        def job() -> None:
            run = held[0]
            outcome: tuple[Any, BaseException | None]
            try:
                outcome = (run(), None)
            except BaseException as exc:
                outcome = (None, exc)
            del run
            self.run_on_main(lambda: deliver(*outcome))

        return (self._long if long else self._executor).submit(job)

    def call_soon(self, work: Callable[[], Any]) -> None:
        """Run `work` on the database thread, with nothing to report (e.g. warming caches)."""

        def done(_result: Any, error: BaseException | None) -> None:
            if error is not None:
                log.error("background task failed", exc_info=error)

        self.submit(work, done)

    def wait_for_idle(self, timeout: float | None = None) -> None:
        """Block until everything submitted so far has run on the worker (shut-down, tests).
        Results are still delivered through the GUI thread's event loop afterwards."""
        if not self._closed:
            self._executor.submit(lambda: None).result(timeout)
            self._long.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        """Finish queued work (it may be a save or a backup), then stop the thread."""
        self._closed = True
        self._long.shutdown(wait=True)
        self._executor.shutdown(wait=True)


class Operation(Generic[T]):
    """A piece of work for the database thread, with callbacks on the GUI thread.

    Callbacks are skipped if `parent` has been deleted meanwhile (a dialog closed while its
    save was running). A failure callback replaces the default error display; unexpected
    errors are logged whatever happens.
    """

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        work: Callable[[TaskContext], T],
        *,
        label: str = "",
        cancellable: bool = False,
        long: bool = False,
        cancel_text: str = "",
        progress_delay_ms: int | None = None,
    ) -> None:
        self.parent = parent
        self.runner = runner
        self.work = work
        self.label = label
        self.cancellable = cancellable
        self.long = long
        self.cancel_text = cancel_text  # e.g. "Finish later" instead of "Cancel"
        self.progress_delay_ms = progress_delay_ms
        self.context = TaskContext(self._report_from_worker)
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[BaseException], object] | None = None
        self._on_finished: Callable[[], object] | None = None
        self._on_cancel: Callable[[], object] | None = None
        self._done = False
        self._dialog: QProgressDialog | None = None
        self._last_step = ""

    # -- building --

    def success(self, callback: Callable[[T], object]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> Operation[T]:
        self._on_failure = callback
        return self

    def finished(self, callback: Callable[[], object]) -> Operation[T]:
        """Always called last (success, failure or cancel): re-enable buttons here."""
        self._on_finished = callback
        return self

    def cancelled(self, callback: Callable[[], object]) -> Operation[T]:
        """Called at once when the person presses Cancel (the work stops a moment later)."""
        self._on_cancel = callback
        return self

    # -- running --

    @property
    def done(self) -> bool:
        return self._done

    def run(self) -> Operation[T]:
        self.runner._running.add(self)
        self.runner.submit(lambda: self.work(self.context), self._deliver, long=self.long)
        delay = self.progress_delay_ms
        QTimer.singleShot(
            self.runner.progress_delay_ms if delay is None else delay, self._show_progress
        )
        return self

    def cancel(self) -> None:
        self.context.cancel()

    def _report_from_worker(self, step: str, fraction: float | None) -> None:
        self.runner.run_on_main(lambda: self._update_progress(step, fraction))

    def _show_progress(self) -> None:
        if self._done or (self.parent is not None and not is_alive(self.parent)):
            return
        from PySide6.QtCore import QCoreApplication

        label = self._last_step or self.label or QCoreApplication.translate("Operation", "Working…")
        cancel_text = (
            (self.cancel_text or QCoreApplication.translate("Operation", "Cancel"))
            if self.cancellable
            else ""
        )
        dialog = QProgressDialog(label, cancel_text, 0, 0, self.parent)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowTitle(self.label or QCoreApplication.translate("Operation", "Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAccessibleName(dialog.windowTitle())
        dialog.canceled.connect(self._cancel_pressed)
        self._dialog = dialog
        dialog.show()

    def _cancel_pressed(self) -> None:
        self.cancel()
        if self._dialog is not None:
            from PySide6.QtCore import QCoreApplication

            self._dialog.setLabelText(QCoreApplication.translate("Operation", "Stopping…"))
        callback, self._on_cancel = self._on_cancel, None
        if callback is not None:
            callback()

    def _update_progress(self, step: str, fraction: float | None) -> None:
        if step:
            self._last_step = step
        dialog = self._dialog
        if dialog is None or not is_alive(dialog):
            return
        if step:
            dialog.setLabelText(step)
        if fraction is None:
            dialog.setRange(0, 0)
        else:
            dialog.setRange(0, 1000)
            dialog.setValue(max(0, min(1000, round(fraction * 1000))))

    def _deliver(self, result: T | None, error: BaseException | None) -> None:
        self._done = True
        self.runner._running.discard(self)
        if self._dialog is not None and is_alive(self._dialog):
            self._dialog.canceled.disconnect(self._cancel_pressed)
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = None
        parent_gone = self.parent is not None and not is_alive(self.parent)
        if error is not None and not isinstance(error, TaskCancelled | OutpostError):
            log.error("unexpected error in %s", self.label or "a background task", exc_info=error)
        try:
            if parent_gone:
                return
            if error is None:
                if self._on_success is not None:
                    self._on_success(result)  # type: ignore[arg-type]
            elif isinstance(error, TaskCancelled):
                pass  # the person asked for it: nothing to say
            elif self._on_failure is not None:
                self._on_failure(error)
            else:
                show_error(self.parent, error, logged=True)
        finally:
            if self._on_finished is not None and not parent_gone:
                self._on_finished()
            self._release()

    def _release(self) -> None:
        """Drop what the operation captured (widgets among it), here on the GUI thread, and
        the operation ↔ context cycle, so nothing waits for the cycle collector."""
        self._on_success = self._on_failure = self._on_finished = self._on_cancel = None
        self.context = TaskContext(lambda _step, _fraction: None)
        self.parent = None
