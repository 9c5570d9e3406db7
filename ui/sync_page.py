"""The sync page: where this laptop stands with HQ, "Sync now" with its progress and Cancel,
a log of this session's syncs in plain words, and what to do when a sync fails.

The sync itself is the core's (`core.sync.sync_now`), on the long-work thread: typing and
searching never wait for the network. Its progress callbacks cross to the GUI thread through
the task runner; Cancel sets the event the engine looks at between steps (what was applied
stays applied, what was not sent waits for the next sync). The clock banner says when this
laptop's clock is off by HQ's (the core measures it at each sync).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import OutpostError
from ui.errors import error_text
from ui.language import localized
from ui.sync_status import SyncSnapshot, SyncState, SyncStatusWidget, one_line
from ui.tasks import Operation, TaskContext
from ui.util import format_datetime, format_time, heading, inform, is_alive, make_button, row

if TYPE_CHECKING:
    from desktop.app.sync import SyncProgress, SyncReport
    from ui.context import ClinicContext

STAGES = ("hello", "attachments", "push", "pull", "check")


@dataclass(frozen=True)
class LogEntry:
    when: dt.datetime
    text: str
    failed: bool = False


class ClockBanner(QFrame):
    """Across the top of the window while this laptop's clock is off by HQ's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clock_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#clock_banner { background: #fff4ce; border: 1px solid #8a6d00; }"
            "#clock_banner QLabel { color: #3d3000; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setObjectName("clock_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self.setAccessibleName(self.tr("This laptop's clock is wrong"))
        self.hide()

    def show_snapshot(self, snapshot: SyncSnapshot) -> None:
        if is_alive(self):
            self.show_offset(snapshot.clock_offset_ms)

    def show_offset(self, offset_ms: int | None, warning: str = "") -> None:
        from ui.sync_status import CLOCK_WARNING_MS

        if offset_ms is None or abs(offset_ms) <= CLOCK_WARNING_MS:
            self.hide()
            return
        if not warning:
            minutes = abs(offset_ms) // 60_000
            if offset_ms > 0:
                warning = self.tr(
                    "This laptop's clock is {minutes} minutes slow: set the right time and date "
                    "(Outpost corrects its own records by HQ's clock meanwhile)."
                ).format(minutes=minutes)
            else:
                warning = self.tr(
                    "This laptop's clock is {minutes} minutes fast: set the right time and date "
                    "(Outpost corrects its own records by HQ's clock meanwhile)."
                ).format(minutes=minutes)
        self.text.setText("⚠ " + warning)
        self.setAccessibleDescription(warning)
        self.show()


class SyncPage(QWidget):
    connect_requested = Signal()  # "Connect to HQ…": Settings → HQ

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.log: list[LogEntry] = []
        self.last_report: SyncReport | None = None
        self.last_error: BaseException | None = None
        self._operation: Operation[Any] | None = None
        self._cancel: threading.Event | None = None
        self.automatic = False  # the running (or last) sync was started by the schedule
        self._describer = SyncStatusWidget(ctx.sync, self)
        self._describer.hide()

        self.summary = QLabel()
        self.summary.setObjectName("sync_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setObjectName("sync_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clock_banner = ClockBanner()

        self.sync_button = make_button(
            self.tr("Sync &now"), self.sync_now, tooltip=self.tr("Sync with HQ now (Ctrl+Shift+S)")
        )
        self.sync_button.setObjectName("sync_now")
        self.sync_button.setDefault(True)
        self.cancel_button = make_button(self.tr("&Cancel the sync"), self.cancel)
        self.cancel_button.setObjectName("sync_cancel")
        self.cancel_button.setEnabled(False)
        self.connect_button = make_button(self.tr("Connect &to HQ…"), self.connect_requested.emit)
        self.connect_button.setObjectName("sync_connect")
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.hide()  # shown from the first sync on
        self.stage = QLabel()
        self.stage.setObjectName("sync_stage")

        self.error = QLabel()
        self.error.setObjectName("sync_error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(
            "#sync_error { background: #fde7e9; border: 1px solid #c50f1f; color: #5c0a0f;"
            " padding: 6px; }"
        )
        self.error.hide()

        self.log_list = QListWidget()
        self.log_list.setObjectName("sync_log")
        self.log_list.setAccessibleName(self.tr("This session's syncs"))
        self.log_list.setWordWrap(True)
        self.log_list.setAlternatingRowColors(True)

        state = QGroupBox(self.tr("This laptop and HQ"))
        state_layout = QVBoxLayout(state)
        state_layout.addWidget(self.summary)
        state_layout.addWidget(self.details)
        # The needs-attention list (ui/attention_page.py), its own window.
        self.attention_button = make_button(self.tr("Needs attent&ion…"), self.open_attention)
        self.attention_button.setObjectName("sync_attention")
        state_layout.addLayout(row(self.attention_button, None))

        run = QGroupBox(self.tr("Sync"))
        run_layout = QVBoxLayout(run)
        run_layout.addLayout(row(self.sync_button, self.cancel_button, self.connect_button, None))
        run_layout.addWidget(self.progress)
        run_layout.addWidget(self.stage)
        run_layout.addWidget(self.error)

        history = QGroupBox(self.tr("This session's syncs"))
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.log_list)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sync with HQ")))
        layout.addWidget(self.clock_banner)
        layout.addWidget(state)
        layout.addWidget(run)
        layout.addWidget(history, 1)
        self.setTabOrder(self.sync_button, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.connect_button)
        self.setTabOrder(self.connect_button, self.attention_button)
        self.setTabOrder(self.attention_button, self.log_list)

        ctx.sync.changed.connect(self.show_snapshot)
        self.show_snapshot(ctx.sync.snapshot)

    # -- what the laptop knows --

    def activated(self) -> None:
        self.show_snapshot(self.ctx.sync.snapshot)
        if self.sync_button.isEnabled():
            self.sync_button.setFocus()

    @property
    def running(self) -> bool:
        return self._operation is not None

    def show_snapshot(self, s: SyncSnapshot) -> None:
        if not is_alive(self):
            return
        self.summary.setText(self._describer.describe(s))
        lines = []
        if s.enrolled:
            lines.append(
                self.tr("HQ: {url}").format(url=s.server_url)
                + (f" ({s.hq_clinic_name})" if s.hq_clinic_name else "")
            )
            if s.last_success is not None:
                lines.append(
                    self.tr("Last successful sync: {when}").format(
                        when=format_datetime(self.ctx.core.clock.local(s.last_success))
                    )
                )
            lines.append(
                self.tr("Changes waiting to be sent: {n}").format(n=s.waiting_changes or 0)
            )
            lines.append(self.tr("Items needing attention: {n}").format(n=s.attention_items))
            if s.next_try_at is not None:
                lines.append(
                    self.tr("Next automatic try: {when}").format(
                        when=format_time(self.ctx.core.clock.local(s.next_try_at))
                    )
                )
            elif not self.ctx.core.settings.sync_automatic:
                lines.append(
                    self.tr(
                        "Automatic sync is off (metered link): this laptop syncs only when you "
                        "press Sync now."
                    )
                )
            if s.state is SyncState.FAILED and s.detail and not self.error.isVisible():
                lines.append(self.tr("Last attempt failed: {why}").format(why=s.detail))
        else:
            lines.append(
                self.tr(
                    "This clinic was set up on this laptop and is not joined to HQ yet. Ask HQ "
                    "for an enrolment code, then connect to HQ (Settings → HQ)."
                )
                if self._may_connect()
                else self.tr(
                    "This clinic is not joined to HQ yet: an administrator of the clinic "
                    "connects it to HQ (Settings → HQ), with an enrolment code from HQ."
                )
            )
        self.details.setText("\n".join(lines))
        if self.last_report is None or self.last_report.clock_warning is None:
            self.clock_banner.show_offset(s.clock_offset_ms)
        self.connect_button.setVisible(not s.enrolled and self._may_connect())
        self.sync_button.setEnabled(s.enrolled and not self.running)

    def open_attention(self) -> QWidget:
        from ui.attention_page import open_attention

        return open_attention(self.ctx, self)

    def _may_connect(self) -> bool:
        from desktop.permissions import Permission

        return self.ctx.can(Permission.MANAGE_CLINIC)

    # -- one sync --

    def sync_now(self, *, automatic: bool = False) -> Operation[Any] | None:
        """Start a sync (nothing happens while one runs). `automatic`: started by the
        schedule (ui.sync_auto), so the focus stays where the person is typing."""
        if self._operation is not None:
            return None
        self.automatic = automatic
        core = self.ctx.core
        cancel = threading.Event()
        self._cancel = cancel
        tasks = self.ctx.tasks

        def progress(p: SyncProgress) -> None:
            tasks.run_on_main(lambda: self._progress(p))

        def work(_task: TaskContext) -> SyncReport:
            return core.sync.sync_now(progress=progress, cancel=cancel)

        self.error.hide()
        self.error.clear()
        self.progress.show()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.stage.setText(
            self.tr("Starting an automatic sync…") if automatic else self.tr("Starting…")
        )
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        if not automatic:
            self.cancel_button.setFocus()
        self.ctx.sync.set_syncing(True)
        # Its own progress bar: no progress window (long=True: the network never holds up
        # the database thread, where searches and saves run).
        op: Operation[Any] = Operation(self, tasks, work, long=True, progress_delay_ms=2**30)
        self._operation = op
        op.success(self._done).failure(self._failed).finished(self._finished).run()
        return op

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.stage.setText(self.tr("Stopping at the next step…"))
            self.cancel_button.setEnabled(False)

    def _progress(self, p: SyncProgress) -> None:
        if not is_alive(self) or self._operation is None:
            return
        index = STAGES.index(p.stage) if p.stage in STAGES else 0
        within = min(1.0, p.done / p.total) if p.total else 0.0
        self.progress.setValue(round(1000 * (index + within) / len(STAGES)))
        words = {
            "hello": self.tr("Reaching HQ…"),
            "attachments": self.tr("Sending attachments…"),
            "push": self.tr("Sending changes…"),
            "pull": self.tr("Receiving changes…"),
            "check": self.tr("Checking that both sides hold the same records…"),
        }
        text = words.get(p.stage, self.tr("Syncing…"))
        if p.total:
            text += " " + self.tr("{done} of {total}").format(done=p.done, total=p.total)
        elif p.done:
            text += " " + self.tr("{done} so far").format(done=p.done)
        if self._cancel is not None and self._cancel.is_set():
            text = self.tr("Stopping at the next step…")
        self.stage.setText(text)

    def _done(self, report: SyncReport) -> None:
        self.last_report = report
        self.last_error = None
        if report.cancelled:
            self.stage.setText(
                self.tr(
                    "Sync cancelled. What was received is kept; {n} changes wait to be sent "
                    "at the next sync."
                ).format(n=report.pending)
            )
        else:
            self.progress.setValue(1000)
            self.stage.setText(self.tr("Sync finished."))
        words = self.report_words(report)
        if self.automatic:
            words = self.tr("Automatic: {what}").format(what=words)
        self._add_log(LogEntry(dt.datetime.now(dt.UTC), words))
        self.ctx.sync.sync_ended.emit(report, None)
        self.clock_banner.show_offset(
            report.clock_offset_ms, localized(report.clock_warning) if report.clock_warning else ""
        )
        if report.new_recovery_key:
            inform(
                self,
                self.tr("New recovery key"),
                self.tr(
                    "The clinic's key changed with this sync. New recovery key: {key}\n"
                    "Write it down or print it now: the old recovery sheet no longer opens "
                    "the store."
                ).format(key=report.new_recovery_key),
            )

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self.progress.setValue(0)
        self.stage.setText(self.tr("The sync did not finish."))
        text = self.error_words(error)
        self.error.setText(text)
        self.error.show()
        self.progress.hide()
        why = error_text(error) if isinstance(error, OutpostError) else ""
        line = one_line(why, 120) if why else text.split("\n", 1)[0]
        if self.automatic:
            line = self.tr("Automatic: {what}").format(what=line)
        self._add_log(LogEntry(dt.datetime.now(dt.UTC), line, failed=True))
        self.ctx.sync.sync_ended.emit(None, error)

    def _finished(self) -> None:
        self._operation = None
        self._cancel = None
        self.cancel_button.setEnabled(False)
        self.ctx.sync.set_syncing(False)
        self.sync_button.setEnabled(self.ctx.sync.snapshot.enrolled)
        # The status area follows the core (last success, waiting, failure).
        watcher = getattr(self.window(), "sync_watcher", None)
        if watcher is not None:
            watcher.refresh()

    # -- in words --

    def report_words(self, r: SyncReport) -> str:
        parts = [
            self.tr("{sent} sent, {received} received").format(sent=r.sent, received=r.received)
        ]
        if r.conflicts:
            parts.append(self.tr("{n} sent in conflict with another device").format(n=r.conflicts))
        if r.needs_attention:
            parts.append(self.tr("{n} new items need attention").format(n=r.needs_attention))
        if r.duplicates:
            parts.append(self.tr("{n} were at HQ already").format(n=r.duplicates))
        if r.rejected:
            parts.append(
                self.tr("{n} refused by HQ (still waiting here)").format(n=len(r.rejected))
            )
        if r.parked:
            parts.append(
                self.tr("{n} wait for a record that has not arrived yet").format(n=r.parked)
            )
        if r.removed:
            parts.append(self.tr("{n} patients removed on other laptops").format(n=r.removed))
        if r.attachments_sent or r.attachments_received:
            parts.append(
                self.tr("attachments: {sent} sent, {received} received").format(
                    sent=r.attachments_sent, received=r.attachments_received
                )
            )
        if r.accounts:
            parts.append(self.tr("accounts updated: {names}").format(names=", ".join(r.accounts)))
        if r.resynced:
            parts.append(self.tr("everything was compared again with HQ"))
        for kind, here, at_hq in r.counts_differ:
            parts.append(
                self.tr("{kind}: {here} here, {hq} at HQ").format(kind=kind, here=here, hq=at_hq)
            )
        parts.append(self.tr("{n} still waiting").format(n=r.pending))
        text = "; ".join(parts)
        if r.cancelled:
            text = self.tr("Cancelled: {what}").format(what=text)
        if r.clock_warning:
            text += "\n" + localized(r.clock_warning)
        if r.rekey_pending:
            text += "\n" + localized(r.rekey_pending)
        return text

    def error_words(self, error: BaseException) -> str:
        from desktop.errors import (
            NotEnrolled,
            SyncBusy,
            SyncFailed,
            SyncRevoked,
            SyncUnreachable,
            SyncUpdateRequired,
        )

        why = error_text(error) if isinstance(error, OutpostError) else ""
        if isinstance(error, NotEnrolled):
            head = self.tr("This clinic is not joined to HQ yet.")
            then = self.tr("Connect to HQ first (Settings → HQ) with a code from HQ.")
        elif isinstance(error, SyncUnreachable):
            head = self.tr("HQ could not be reached; you can go on working offline.")
            # The core's message says how many changes wait and that nothing was lost.
            then = (
                ""
                if why
                else self.tr(
                    "The changes wait on this laptop and nothing is lost: sync again when the "
                    "link is back."
                )
            )
        elif isinstance(error, SyncRevoked):
            head = self.tr("HQ has revoked this laptop's access.")
            then = self.tr(
                "Its records stay on this laptop. Ask HQ why, and for a new enrolment code if "
                "the laptop should sync again."
            )
        elif isinstance(error, SyncUpdateRequired):
            head = self.tr("HQ needs a newer Outpost.")
            then = self.tr(
                "Install the newer Outpost on this laptop, then sync again. Nothing is lost "
                "meanwhile."
            )
        elif isinstance(error, SyncBusy):
            head = self.tr("A sync of this laptop is already running.")
            then = ""
        elif isinstance(error, SyncFailed):
            head = self.tr("The sync did not finish.")
            then = self.tr("Nothing is lost: try again; if it keeps failing, tell HQ.")
        elif isinstance(error, OutpostError):
            head = self.tr("The sync could not run.")
            then = ""
        else:
            head = self.tr("Something unexpected went wrong during the sync.")
            why = ""
            then = self.tr(
                "Nothing that was saved is lost. Try again; if it happens again, tell whoever "
                "looks after this laptop (the event is in the log)."
            )
        return "\n".join(part for part in (head, why, then) if part)

    def _add_log(self, entry: LogEntry) -> None:
        self.log.append(entry)
        when = format_time(self.ctx.core.clock.local(entry.when))
        mark = "✗ " if entry.failed else "✓ "
        self.log_list.insertItem(0, f"{mark}{when} — {entry.text}")
