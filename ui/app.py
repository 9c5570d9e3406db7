"""The GUI's composition root: the one place that builds the application's objects and
decides which window is shown.

    first run → SetupWizard → LoginWindow → (signed in) MainWindow + SessionLock
                                   ↑                         │
                                   └── switch user / restore ┘

`OutpostApp` owns the database thread (`TaskRunner`) for the whole run and one
`SignedInSession` at a time. Nothing here is global: tests build an `OutpostApp` of their
own on a temporary data folder.

Start-up is kept light: the login window needs only PySide6 and a few small core modules;
the store, SQLAlchemy and the services are imported on the database thread while the person
types their password (importing them costs more than showing the window).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.paths import DataPaths
from desktop.settings import Settings, load_settings
from ui.context import ClinicContext
from ui.errors import show_error
from ui.forms_seam import FormsGateway, PrintRequest
from ui.language import install_translators, remove_translators
from ui.login_window import LoginWindow
from ui.sync_status import SyncStatus
from ui.tasks import Operation, TaskContext, TaskRunner
from ui.util import SubmitStaysDefault, confirm, is_alive

if TYPE_CHECKING:
    import uuid

    from desktop.app.backups import AutoBackupOutcome, RestoreResult
    from desktop.app.schedule import TodayData
    from desktop.changes import Changes
    from desktop.core import ClinicCore
    from ui.backup_panel import RestoreRequest
    from ui.lock import SessionLock
    from ui.main_window import MainWindow
    from ui.setup_wizard import SetupWizard
    from ui.sync_auto import SyncAuto

log = logging.getLogger(__name__)

DAILY_BACKUP_DELAY_MS = 5000
"""The daily backup check waits until the first screen is up and in use."""

CLOSING_PROGRESS_MS = 150
"""The closing backup's progress (with "Finish later") shows almost at once."""


def _warm_imports() -> None:
    """Import the core on the database thread while the login window waits for a password."""
    import desktop.app.session
    import desktop.core  # noqa: F401


def prefetch_today(core: ClinicCore) -> TodayData | None:
    """The first screen's data, read on the database thread straight after unlocking; None
    if it cannot be (the Today screen then reads it itself and reports any problem)."""
    try:
        return core.schedule.today(core.today())
    except Exception:
        log.warning("could not read the day ahead of the first screen", exc_info=True)
        return None


WARM_GUI_AFTER_MS = 150


def _warm_gui_imports() -> None:
    """While the person types their password, on the GUI thread: repair PySide6's None
    reference bug (ui/qt_fixes.py: ~0.1 s, kept off the cold start; the few calls made
    before it cost nothing), then import the first screen's modules (Qt classes are best
    defined on the thread that will use them)."""
    from ui import qt_fixes

    qt_fixes.install()
    import ui.lock
    import ui.main_window
    import ui.today_view  # noqa: F401


@dataclass
class SignedInSession:
    ctx: ClinicContext
    window: MainWindow
    lock: SessionLock
    auto: SyncAuto | None = None  # the automatic sync (ui.sync_auto)


class OutpostApp(QObject):
    def __init__(
        self,
        qapp: QApplication,
        paths: DataPaths,
        *,
        settings: Settings | None = None,
        auto_lock_ms: int | None = None,
        forms: FormsGateway | None = None,
    ) -> None:
        super().__init__(qapp)
        self.qapp = qapp
        self.paths = paths
        self.settings = settings or load_settings(paths.settings)
        self.translators = install_translators(qapp, self.settings.language)
        self.tasks = TaskRunner(self)
        self._forms = forms
        self.auto_lock_ms = auto_lock_ms
        self.login: LoginWindow | None = None
        self.wizard: SetupWizard | None = None
        self.session: SignedInSession | None = None
        self._quitting = False
        self._daily = QTimer(self)
        self._daily.setSingleShot(True)
        self._daily.setInterval(DAILY_BACKUP_DELAY_MS)
        self._daily.timeout.connect(self._daily_backup_if_due)
        self._daily_backup: Operation[AutoBackupOutcome] | None = None
        self.closing_backup: Operation[AutoBackupOutcome | None] | None = None
        # The windows decide when the program ends (a backup may still need to run).
        qapp.setQuitOnLastWindowClosed(False)
        # Enter presses a dialog's submit button, whatever has the focus (defect 5).
        self._submit_default = SubmitStaysDefault(self)
        qapp.installEventFilter(self._submit_default)

    @property
    def forms(self) -> FormsGateway:
        """The forms work's gateway, built on first use (so start-up never pays for it)."""
        if self._forms is None:
            self._forms = default_forms_gateway(self)
        return self._forms

    def current_context(self) -> ClinicContext | None:
        """The signed-in session's context, for objects that outlive sessions."""
        return self.session.ctx if self.session is not None else None

    # -- start --

    def start(self) -> None:
        # (`desktop.app.session.clinic_exists` says the same, but importing the core's API
        # costs more than showing the window: it is imported while the password is typed.)
        if self.paths.database.exists():
            self.show_login()
        else:
            self.show_wizard()
        QTimer.singleShot(0, lambda: self.tasks.call_soon(_warm_imports))
        QTimer.singleShot(WARM_GUI_AFTER_MS, _warm_gui_imports)

    def show_wizard(self) -> None:
        from ui.setup_wizard import SetupWizard

        wizard = SetupWizard(self.paths, self.tasks)
        wizard.store_created.connect(self._store_created)
        wizard.joined.connect(self._joined)
        wizard.rejected.connect(self.quit)
        self.wizard = wizard
        wizard.show()

    def _store_created(self, username: str) -> None:
        from desktop.logs import log_to_folder

        log_to_folder(self.paths.logs)
        self.show_login(username)
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None

    def _joined(self, core: ClinicCore) -> None:
        """A laptop set up from HQ in the wizard: it opens signed in (the person's password
        opened their account's key there already)."""
        from desktop.logs import log_to_folder

        log_to_folder(self.paths.logs)
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None
        self._signed_in(core)

    def show_login(self, username: str = "", notice: str = "") -> None:
        if self.login is None:
            self.login = LoginWindow(self.paths, self.tasks)
            self.login.prefetch = prefetch_today
            self.login.unlocked.connect(self._signed_in)
            self.login.closed.connect(self._login_closed)
        self.login.prepare(username)
        if notice:
            self.login.show_notice(notice)
        self.login.show()
        self.login.raise_()
        self.login.activateWindow()

    def _login_closed(self) -> None:
        if self.session is None:
            self.quit()

    # -- a signed-in session --

    def _signed_in(self, core: ClinicCore, first_day: TodayData | None = None) -> None:
        from desktop.app.session import verify_password
        from ui import qt_fixes
        from ui.changes import QtChanges
        from ui.lock import SessionLock
        from ui.main_window import MainWindow

        qt_fixes.install()  # done already while the password was typed; cheap then

        ctx = ClinicContext(core, self.tasks, SyncStatus(self), QtChanges(core.changes, self))
        window = MainWindow(ctx, first_day=first_day)
        lock_ms = self.auto_lock_ms or core.settings.auto_lock_minutes * 60_000
        lock = SessionLock(
            lambda password: verify_password(core, password),
            core.actor.display_name,
            core.actor.username,
            self.tasks,
            lock_ms,
            self,
        )
        from ui.sync_auto import SyncAuto

        # The sync page's own worker runs the automatic syncs too (built on first use).
        auto = SyncAuto(ctx, lambda: window.sync_page.sync_now(automatic=True) is not None, self)
        self.session = SignedInSession(ctx, window, lock, auto)

        window.lock_requested.connect(lambda: lock.lock())
        window.switch_user_requested.connect(self.switch_user)
        window.quit_requested.connect(self.quit)
        window.open_form_requested.connect(self._open_form)
        window.print_requested.connect(self._print)
        window.restore_requested.connect(self.restore)
        lock.switch_user_requested.connect(self.switch_user)
        ctx.changes.changed.connect(self._on_changes)
        # The status area's attention count opens the needs-attention list (ui/attention_page.py).
        window.sync_widget.attention_requested.connect(lambda: _open_attention(ctx, window))

        window.show()
        if self.login is not None:
            self.login.hide()
        # Warm the typo-tolerant search's vocabulary before the first search needs it.
        self.tasks.call_soon(core.patients.warm_search)
        self._daily.start()

    def _on_changes(self, changes: Changes) -> None:
        from desktop.changes import SETTINGS

        if changes.touches(SETTINGS):
            self._settings_changed()

    def _settings_changed(self) -> None:
        if self.session is not None and self.auto_lock_ms is None:
            minutes = self.session.ctx.core.settings.auto_lock_minutes
            self.session.lock.set_timeout(minutes * 60_000)

    def _open_form(self, patient_id: uuid.UUID, record_id: uuid.UUID | None) -> None:
        if self.session is not None:
            self.forms.open_form(self.session.window, patient_id, record_id)

    def _print(self, request: PrintRequest) -> None:
        if self.session is not None:
            self.forms.print(self.session.window, request)

    def _daily_backup_if_due(self) -> None:
        """After sign-in, when due: the daily backup on the long-work thread, its progress
        quietly in the status bar (no dialog); it never holds up closing (see `quit`)."""
        session = self.session
        if session is None or self._daily_backup is not None:
            return
        core, window = session.ctx.core, session.window
        if not core.settings.daily_backup:
            return
        making = self.tr("Making the daily backup… {percent} %")

        def work(ctx: TaskContext) -> AutoBackupOutcome:
            def progress(_message: str, fraction: float) -> None:
                self.tasks.run_on_main(lambda: shown(fraction))

            return core.backups.run_daily_if_due(progress=progress, cancel=lambda: ctx.cancelled)

        def shown(fraction: float) -> None:
            if is_alive(window) and self._daily_backup is not None:
                window.show_backup_state(making.format(percent=round(fraction * 100)))

        def done(outcome: AutoBackupOutcome) -> None:
            if is_alive(window):
                self._show_backup_outcome(window, outcome)

        def failed(error: BaseException) -> None:
            if is_alive(window):
                window.show_backup_state(
                    self.tr("⚠ The daily backup failed: see Settings → Backups."), str(error)
                )

        def finished() -> None:
            self._daily_backup = None

        # No progress dialog: the delay is longer than any backup.
        op = Operation(window, self.tasks, work, long=True, progress_delay_ms=2**30)
        self._daily_backup = op
        op.success(done).failure(failed).finished(finished).run()

    def _show_backup_outcome(self, window: MainWindow, outcome: AutoBackupOutcome) -> None:
        from ui.errors import error_text

        if outcome.failures:
            window.show_backup_state(
                self.tr("⚠ The daily backup needs attention: see Settings → Backups."),
                "\n\n".join(error_text(Exception(f)) for f in outcome.failures),
            )
        elif outcome.written:
            advice = "\n\n".join(error_text(Exception(a)) for a in outcome.advice)
            window.show_backup_state(self.tr("Daily backup made."), advice)
        else:
            window.show_backup_state("")

    # -- ending a session --

    def _unsaved_then(self, parent: QWidget, question: str, then: Callable[[], None]) -> None:
        session = self.session
        unsaved = session.window.unsaved_work() if session is not None else []
        if not unsaved:
            then()
            return
        confirm(
            parent,
            self.tr("Unsaved changes"),
            question + "\n\n" + self.tr("Not saved yet: {what}").format(what=", ".join(unsaved)),
            then,
            yes_text=self.tr("Discard them and continue"),
            no_text=self.tr("Go back"),
            destructive=True,
        )

    def _visible_parent(self) -> QWidget | None:
        session = self.session
        if session is None:
            return self.login
        if session.lock.locked:
            return session.lock.screen
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible() and session.window.owns(modal):
            return modal  # asked from a dialog (Ctrl+Q): the question goes on top of it
        return session.window

    def switch_user(self) -> None:
        session = self.session
        if session is None:
            return
        username = ""
        self._unsaved_then(
            self._visible_parent() or session.window,
            self.tr("Switching user closes {name}'s session.").format(
                name=session.ctx.actor.display_name
            ),
            lambda: self._end_session(lambda: self.show_login(username)),
        )

    def _end_session(self, then: Callable[[], None]) -> None:
        """Close the windows, then the store (after the work already queued), then `then`."""
        session, self.session = self.session, None
        if session is None:
            then()
            return
        session.lock.stop()
        if session.auto is not None:
            session.auto.stop()
        self._daily.stop()
        if self._daily_backup is not None:
            self._daily_backup.cancel()  # it is simply due again next time
        session.window.close_for_real()
        session.window.deleteLater()
        session.ctx.changes.stop()  # the session's views are gone: stop hearing its core
        session.ctx.changes.deleteLater()
        self._close_later(session.ctx.core)
        then()

    def _close_later(self, core: ClinicCore) -> None:
        """Close the store after the work already queued on the database thread, and after
        a backup on the long-work thread has stopped (a cancelled one stops at once)."""
        long_idle = self.tasks.submit(lambda: None, lambda _result, _error: None, long=True)

        def close() -> None:
            long_idle.result()
            core.close()

        self.tasks.call_soon(close)

    def quit(self) -> None:
        if self._quitting:
            return
        session = self.session
        if session is None:
            self._finish_quit()
            return
        self._unsaved_then(
            self._visible_parent() or session.window,
            self.tr("Quitting closes Outpost."),
            self._quit_session,
        )

    def _quit_session(self) -> None:
        """Close: first the last sync, when the clinic wants one on closing, something waits
        to be sent and HQ answers (a bounded wait that says so: ui.sync_auto); then
        `_close_with_backup`."""
        session = self.session
        if session is None or session.auto is None:
            self._close_with_backup()
            return
        if self._quitting:
            return
        self._quitting = True
        session.auto.sync_before_close(session.window, self._close_with_backup)

    def _close_with_backup(self) -> None:
        """Only when no automatic backup was made today does a closing backup run,
        with its progress and a "Finish later" button that closes at once (the backup then
        stops cleanly and is due again next time): closing never waits on a backup that can
        be made later."""
        session = self.session
        if session is None:
            self._finish_quit()
            return
        self._quitting = True
        core = session.ctx.core
        parent = session.window
        self._daily.stop()
        if self._daily_backup is not None:
            self._daily_backup.cancel()  # the closing backup takes its place if still due

        def work(ctx: TaskContext) -> AutoBackupOutcome | None:
            if not core.settings.daily_backup or not core.backups.daily_due():
                return None
            return core.backups.run_automatic(
                "close",
                progress=lambda _message, fraction: ctx.progress("", fraction),
                cancel=lambda: ctx.cancelled,
            )

        def finish_later() -> None:
            # Out of sight at once; the store closes as soon as the backup has stopped.
            for widget in QApplication.topLevelWidgets():
                if widget.isVisible():
                    widget.hide()

        op = Operation(
            parent,
            self.tasks,
            work,
            label=self.tr("Making the closing backup…"),
            cancellable=True,
            cancel_text=self.tr("Finish later"),
            long=True,
            progress_delay_ms=CLOSING_PROGRESS_MS,
        )
        self.closing_backup = op
        op.cancelled(finish_later).finished(lambda: self._end_session(self._finish_quit)).run()

    def _finish_quit(self) -> None:
        self._quitting = True
        if self.login is not None:
            self.login.hide()
        self.qapp.quit()

    def shutdown(self) -> None:
        """After the event loop: finish queued work and close the store if still open. A
        daily backup still running is stopped (it is due again next time), never waited for."""
        if self._daily_backup is not None:
            self._daily_backup.cancel()
        if self.session is not None:
            session, self.session = self.session, None
            session.lock.stop()
            if session.auto is not None:
                session.auto.stop()
            self._close_later(session.ctx.core)
        self.tasks.shutdown()
        shutdown_forms = getattr(self._forms, "shutdown", None)
        if shutdown_forms is not None:
            shutdown_forms()
        remove_translators(self.qapp, self.translators)
        self.translators = []

    # -- restore (needs the store closed) --

    def restore(self, request: RestoreRequest) -> None:
        paths = self.paths
        # The clinic's clock outlives the session it came from: the notice tells clinic time.
        clock = self.session.ctx.core.clock if self.session is not None else None

        def work(ctx: TaskContext) -> RestoreResult:
            from desktop.app.backups import restore_backup_file

            return restore_backup_file(
                paths,
                request.path,
                **request.restore_arguments(),
                progress=lambda _step, fraction: ctx.progress("", fraction),
            )

        def restored(result: RestoreResult) -> None:
            created = result.info.created_at
            when = (
                clock.stamp(created)
                if clock is not None
                else created.astimezone().strftime("%Y-%m-%d %H:%M")
            )
            notice = self.tr("The backup of {when} is back in place. Sign in to continue.").format(
                when=when
            )
            if result.kept_aside is not None:
                notice += " " + self.tr("The records it replaced are kept in {folder}.").format(
                    folder=result.kept_aside
                )
            from ui.backup_panel import restore_outcome

            notice += " " + restore_outcome(result)
            self.show_login(request.username or "", notice)

        def failed(error: BaseException) -> None:
            self.show_login(request.username or "")
            show_error(self.login, error)

        def start() -> None:
            login = self.login
            if login is not None:
                login.set_busy(True)  # nobody signs in to a store being replaced
            Operation(login, self.tasks, work, label=self.tr("Restoring the backup…")).success(
                restored
            ).failure(failed).finished(
                lambda: login.set_busy(False) if login is not None else None
            ).run()

        self._end_session(lambda: self.show_login(request.username or ""))
        # The store's close was queued by _end_session; the restore runs after it.
        start()


def _open_attention(ctx: ClinicContext, window: QWidget) -> None:
    from ui.attention_page import open_attention

    open_attention(ctx, window)


def default_forms_gateway(app: OutpostApp) -> FormsGateway:
    """Forms on screen and printing (tests may pass a gateway of their own instead)."""
    from ui.forms_gateway import FormsDesk  # imports ReportLab's side lazily

    desk: FormsGateway = FormsDesk(app.current_context)
    return desk


def _install_excepthook() -> None:
    """Exceptions escaping a slot: log them (without patient data) and show the details."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error in the interface", exc_info=(kind, error, tb))
        window = QApplication.activeWindow()
        show_error(window, error, logged=True)

    sys.excepthook = hook


def run(data_dir: Path, argv: list[str] | None = None) -> int:
    """Start the GUI on `data_dir` and return the exit code when it ends."""
    from desktop.logs import log_to_folder

    paths = DataPaths(data_dir)
    if paths.root.exists():
        log_to_folder(paths.logs)
    qapp = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("Outpost")
    qapp.setApplicationDisplayName("Outpost")
    _install_excepthook()
    app = OutpostApp(qapp, paths)
    app.start()
    try:
        return qapp.exec()
    finally:
        app.shutdown()
