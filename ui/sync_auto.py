"""The automatic sync's Qt glue: a timer, the probe off the GUI thread, the sync page's own
worker for the sync, and the status area told when the next try comes.

The policy (when to try, backoff, offline, metered, stopped) is `desktop.app.sync_schedule`;
this object only feeds it what happened and acts when it says so:

- a one-shot timer wakes at the next try (at most a minute ahead, so a changed clock or
  setting is seen soon);
- a try is a probe first (`desktop.app.sync_probe`: GET /v1/hello, short timeout) on a thread
  of its own (it never waits behind the database or a backup), then, if HQ answered, the sync
  page's own `sync_now(automatic=True)`: one worker, one log, one progress bar, and the core
  refuses two syncs anyway (SyncBusy);
- every sync of the page, asked for or automatic, comes back through `SyncStatus.sync_ended`
  and moves the schedule (a sync by hand that went through resets the backoff);
- on closing, `sync_before_close` sends what waits, if the link answers, for a bounded time
  with a window that says so and a "Close now" button.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.app.sync_schedule import Backoff, NextTry, Outcome, Reason, SyncScheduler
from ui.sync_status import SyncSnapshot
from ui.util import is_alive

if TYPE_CHECKING:
    from desktop.app.sync_probe import Probe
    from ui.context import ClinicContext

log = logging.getLogger(__name__)

TICK_MS = 60_000  # the timer never sleeps longer: settings and the clock are looked at again
CLOSING_WAIT_S = 20  # closing waits this long at most for the last sync


def outcome_of(report: Any, error: BaseException | None) -> Outcome:
    """What a sync's end means for the schedule."""
    from desktop.errors import (
        NotEnrolled,
        SyncBusy,
        SyncRevoked,
        SyncUnreachable,
        SyncUpdateRequired,
    )

    if error is None:
        return Outcome.CANCELLED if getattr(report, "cancelled", False) else Outcome.SYNCED
    if isinstance(error, SyncUnreachable):
        return Outcome.UNREACHABLE
    if isinstance(error, SyncBusy):
        return Outcome.BUSY
    if isinstance(error, (SyncRevoked, SyncUpdateRequired, NotEnrolled)):
        return Outcome.STOPPED
    return Outcome.FAILED


class SyncAuto(QObject):
    """One per signed-in session (built in ui.app)."""

    def __init__(
        self,
        ctx: ClinicContext,
        start_sync: Callable[[], bool],
        parent: QObject | None = None,
        *,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        backoff: Backoff | None = None,
        start_delay_s: float | None = None,
        probe_timeout_s: float | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop.app.sync_schedule import DEFAULT_START_DELAY_S

        self.ctx = ctx
        self._start_sync = start_sync  # the sync page's sync_now(automatic=True) started?
        self._now = now
        self.probe_timeout_s = probe_timeout_s
        settings = ctx.core.settings
        self.scheduler = SyncScheduler(
            settings.sync_plan(),
            ctx.core.clock.zone,
            started=now(),
            backoff=backoff,
            start_delay_s=DEFAULT_START_DELAY_S if start_delay_s is None else start_delay_s,
            last_success=ctx.sync.snapshot.last_success,
        )
        self.probes = 0  # probes sent (the tests count them: metered sends none)
        self.automatic_syncs = 0
        self._probing = False
        self._stopped = False
        self._closing: Callable[[], None] | None = None
        self._net = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outpost-probe")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._wake)
        ctx.sync.changed.connect(self._snapshot)
        ctx.sync.sync_ended.connect(self._sync_ended)
        ctx.changes.changed.connect(self._changes)
        self._arm()

    # -- what the schedule hears --

    def _snapshot(self, s: SyncSnapshot) -> None:
        before = self.scheduler.last_success
        self.scheduler.note_success(s.last_success)
        if self.scheduler.last_success != before:
            self._arm()

    def _changes(self, changes: Any) -> None:
        from desktop.changes import SETTINGS

        if self._stopped or not changes.touches(SETTINGS):
            return
        try:
            plan = self.ctx.core.settings.sync_plan()
        except Exception:  # validated when saved; a bad file falls back to the defaults
            return
        if plan != self.scheduler.plan:
            self.scheduler.set_plan(plan)
            self._arm()

    def _sync_ended(self, report: Any, error: BaseException | None) -> None:
        if self._stopped:
            return
        self.scheduler.finished(self._now(), outcome_of(report, error))
        self._arm()
        closing, self._closing = self._closing, None
        if closing is not None:
            closing()

    # -- acting --

    @property
    def next_try(self) -> NextTry:
        return self.scheduler.next(self._now())

    def _arm(self) -> None:
        """Set the timer for the next try and tell the status area."""
        if self._stopped:
            return
        now = self._now()
        nxt = self.scheduler.next(now)
        enrolled = self.ctx.sync.snapshot.enrolled
        shown = nxt.at if enrolled and nxt.reason in (Reason.RETRY, Reason.OFFLINE) else None
        if enrolled and nxt.reason is Reason.SCHEDULE:
            shown = nxt.at
        self.ctx.sync.set_next_try(
            max(shown, now) if shown is not None else None,
            offline=enrolled and self.scheduler.offline,
        )
        wait = nxt.wait_s(now)
        ms = TICK_MS if wait is None else min(TICK_MS, max(0, int(wait * 1000)))
        self._timer.start(ms)

    def _wake(self) -> None:
        if self._stopped:
            return
        now = self._now()
        if (
            not self.ctx.sync.snapshot.enrolled
            or self.ctx.sync.syncing
            or self._probing
            or not self.scheduler.due(now)
        ):
            self._arm()
            return
        self.probe(then=self._probed_for_schedule)

    def probe(self, then: Callable[[Probe], None]) -> None:
        """Ask HQ's hello on the probe thread; `then(probe)` on the GUI thread."""
        from desktop.app.sync_probe import PROBE_TIMEOUT_S, probe

        core, tasks = self.ctx.core, self.ctx.tasks
        timeout = self.probe_timeout_s or PROBE_TIMEOUT_S
        self._probing = True
        self.probes += 1

        def work() -> None:
            try:
                result = probe(core, timeout_s=timeout)
            except Exception:  # an unexpected fault: logged, and taken as "not reachable"
                log.exception("the reachability probe failed")
                from desktop.app.sync_probe import Probe

                result = Probe(reachable=False)
            tasks.run_on_main(lambda: self._probed(result, then))

        try:
            self._net.submit(work)
        except RuntimeError:  # shut down
            self._probing = False

    def _probed(self, result: Probe, then: Callable[[Probe], None]) -> None:
        self._probing = False
        if self._stopped and self._closing is None:
            return
        then(result)

    def _probed_for_schedule(self, result: Probe) -> None:
        if not result.enrolled:
            self._arm()
            return
        self.scheduler.probed(self._now(), result.reachable)
        if result.reachable and not self.ctx.sync.syncing and self._start_sync():
            self.automatic_syncs += 1
        self._arm()

    # -- closing --

    def sync_before_close(self, parent: QWidget | None, then: Callable[[], None]) -> None:
        """Send what waits before closing, if the clinic wants it and HQ answers; `then()`
        once it ended, failed, or after CLOSING_WAIT_S at most (or "Close now")."""
        s = self.ctx.sync.snapshot
        if (
            self._stopped
            or not s.enrolled
            or not self.scheduler.wants_closing_sync(s.waiting_changes or 0)
        ):
            self.stop()
            then()
            return
        called = False
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(self.tr("Closing Outpost"))
        dialog.setLabelText(
            self.tr(
                "Sending this laptop's {n} waiting changes to HQ before closing. Outpost "
                "closes in {seconds} seconds at most; what is not sent waits safely for the "
                "next sync."
            ).format(n=s.waiting_changes, seconds=CLOSING_WAIT_S)
        )
        dialog.setCancelButtonText(self.tr("Close &now"))
        dialog.setRange(0, 0)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.closing_dialog = dialog
        deadline = QTimer(self)
        deadline.setSingleShot(True)

        def finish() -> None:
            nonlocal called
            if called:
                return
            called = True
            self._closing = None
            deadline.stop()
            if is_alive(dialog):
                dialog.hide()
                dialog.deleteLater()
            self.stop()
            then()

        def give_up() -> None:
            # The sync stops at its next step (close_for_real cancels it); nothing is lost.
            finish()

        def probed(result: Probe) -> None:
            if called:
                return
            if not result.reachable or self.ctx.sync.syncing:
                if self.ctx.sync.syncing:
                    self._closing = finish  # a sync runs already: wait for its end
                    return
                finish()
                return
            self._closing = finish
            if not self._start_sync():
                finish()

        deadline.timeout.connect(give_up)
        dialog.canceled.connect(give_up)
        deadline.start(CLOSING_WAIT_S * 1000)
        dialog.show()
        self._timer.stop()
        if self.ctx.sync.syncing:
            self._closing = finish
        else:
            self.probe(then=probed)

    def stop(self) -> None:
        """The session ends: no more tries (a probe in flight is let go)."""
        self._stopped = True
        self._timer.stop()
        self._net.shutdown(wait=False, cancel_futures=True)
