"""Signing in: user name and password, unlocked on the database thread (Argon2id takes a
noticeable fraction of a second; the window keeps painting meanwhile)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text, show_error
from ui.tasks import Operation, TaskContext, TaskRunner
from ui.util import ERROR_STYLE, buddy_label, heading, is_alive, make_button, row

if TYPE_CHECKING:
    from desktop.core import ClinicCore
    from desktop.paths import DataPaths


class LoginWindow(QWidget):
    """Emits `unlocked(core, first_screen)`: the signed-in `ClinicCore`, and what `prefetch`
    (if set) read for the first screen on the database thread right after unlocking."""

    unlocked = Signal(object, object)
    closed = Signal()

    def __init__(self, paths: DataPaths, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.tasks = tasks
        self.prefetch: Callable[[ClinicCore], object] | None = None
        self._busy = False
        self._wait_left = 0
        self._throttled_user = ""
        # The wait comes from a lost or damaged record of wrong attempts, not from this name.
        self._record_lost = False
        # Qt adds the application's name ("— Outpost") to every window title.
        self.setWindowTitle(self.tr("Sign in"))
        self.setAccessibleName(self.windowTitle())

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Sign-in problem"))
        self.message.hide()
        self.sign_in = make_button(self.tr("&Sign in"), self._submit, default=True)
        self.forgot = make_button(self.tr("&Forgotten password?"), self._forgotten)
        self.forgot.setFlat(True)

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumWidth(440)
        card.setMaximumWidth(520)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&User name:"), self.username), self.username)
        form.addRow(buddy_label(self.tr("&Password:"), self.password), self.password)
        inner = QVBoxLayout(card)
        inner.addWidget(heading(self.tr("Outpost")))
        folder = QLabel(self.tr("Clinic records in {folder}").format(folder=paths.root))
        folder.setWordWrap(True)
        # Plain text, not a disabled label: greyed out it was hard to read (and a screen
        # reader called it unavailable). Selectable, to read it out to someone helping.
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(folder)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(row(self.forgot, None, self.sign_in))

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row(None, card, None))
        outer.addStretch(2)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.sign_in)
        self.setTabOrder(self.sign_in, self.forgot)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)

        self._countdown = QTimer(self)
        # Precise: a coarse timer may fire up to 5% early, and "You can try again now" must
        # never come before the throttle's own wait has run out.
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.resize(720, 480)

    # -- public --

    def prepare(self, username: str = "") -> None:
        """Ready for the next person: empty password, focus where typing starts."""
        self.password.clear()
        if username:
            self.username.setText(username)
        self._set_message("")
        (self.password if self.username.text() else self.username).setFocus()
        if username:
            self._check_throttle(username)

    def _check_throttle(self, username: str) -> None:
        """Show at once that `username` must still wait (after wrong passwords, even across a
        restart), rather than after the next try."""
        paths = self.paths

        def wait() -> float:
            from desktop.app.session import sign_in_wait

            return sign_in_wait(paths, username)

        def done(seconds: float | None, error: BaseException | None) -> None:
            if error is not None or not seconds or not is_alive(self):
                return
            if self.username.text().strip() != username or self._wait_left > 0:
                return
            self._throttled_user = username
            self._record_lost = False
            self._wait_left = max(1, math.ceil(seconds))
            self._countdown.start()
            self._show_wait()

        self.tasks.submit(wait, done)

    # -- signing in --

    def set_busy(self, busy: bool) -> None:
        """Hold sign-in while the store is being replaced (a restore)."""
        self._busy = busy
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self._sync_buttons()

    def show_notice(self, text: str) -> None:
        """Good news or information (not a problem): shown in the normal text colour."""
        self._set_message(text)
        self.message.setStyleSheet("")

    def _set_message(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setAccessibleDescription(text)

    def _sync_buttons(self) -> None:
        self.sign_in.setEnabled(not self._busy and self._wait_left <= 0)

    def _submit(self) -> None:
        if self._busy or self._wait_left > 0:
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self._set_message(self.tr("Type your user name."))
            self.username.setFocus()
            return
        if not password:
            self._set_message(self.tr("Type your password."))
            self.password.setFocus()
            return
        paths, prefetch = self.paths, self.prefetch

        def work(_ctx: TaskContext) -> tuple[ClinicCore, object]:
            from desktop.app.session import sign_in

            core = sign_in(paths, username, password)
            return core, prefetch(core) if prefetch is not None else None

        self._busy = True
        self._sync_buttons()
        self._set_message("")
        Operation(self, self.tasks, work, label=self.tr("Opening the clinic's records…")).success(
            self._unlocked
        ).failure(self._failed).finished(self._done).run()

    def _unlocked(self, result: tuple[ClinicCore, object]) -> None:
        self.password.clear()
        self.unlocked.emit(*result)

    def _failed(self, error: BaseException) -> None:
        from desktop.errors import LoginThrottled, OutpostError, WrongPassword

        self.password.clear()
        self.password.setFocus()
        if isinstance(error, WrongPassword):
            self._set_message(
                self.tr(
                    "Wrong user name or password. Check the spelling (and "
                    "Caps Lock), then try again."
                )
            )
        elif isinstance(error, LoginThrottled):
            self._throttled_user = self.username.text().strip()
            self._record_lost = bool(getattr(error, "record_lost", False))
            self._wait_left = max(1, math.ceil(error.retry_after))
            self._countdown.start()
            self._show_wait()
        elif isinstance(error, OutpostError):
            self._set_message(error_text(error))
        else:
            show_error(self, error, logged=True)

    def _done(self) -> None:
        self._busy = False
        self._sync_buttons()

    def _show_wait(self) -> None:
        if self._record_lost:
            self._set_message(
                self.tr(
                    "The record of wrong sign-in attempts was missing or damaged, so signing "
                    "in waits {seconds} s. Then try again."
                ).format(seconds=self._wait_left)
            )
            self._sync_buttons()
            return
        self._set_message(
            self.tr(
                "Too many wrong passwords for {user}. Wait {seconds} s, then try again. If the "
                "password is lost, an administrator can reset it, or use the recovery key."
            ).format(user=self._throttled_user, seconds=self._wait_left)
        )
        self._sync_buttons()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self._set_message(self.tr("You can try again now."))
            self._sync_buttons()
        else:
            self._show_wait()

    def _forgotten(self) -> None:
        from ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.paths, self.tasks, self)
        dialog.username.setText(self.username.text().strip())
        dialog.password_set.connect(self.password_recovered)
        dialog.open()

    def password_recovered(self, username: str) -> None:
        """Back from the recovery dialog: say that it worked, and what to do now."""
        self.prepare(username)
        self.show_notice(self.tr("Password changed: sign in with the new password."))

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.password.clear()
            return
        super().keyPressEvent(event)
