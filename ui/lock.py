"""Auto-lock: after a spell with no keyboard, mouse or touch input, the session's windows are
hidden behind a lock screen that asks for the signed-in person's password.

Nothing is closed: open dialogs, half-typed edits and selections are hidden with their
windows and shown again, as they were, on unlock (so dialogs are opened with `open()`,
never `exec()`, whose loop a hide would end). A window that appears while the session is
locked (an error from a task finishing) is hidden too and shown on unlock.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.errors import error_text
from ui.tasks import Operation, TaskContext, TaskRunner
from ui.util import ERROR_STYLE, buddy_label, heading, is_alive, make_button, person, row

Verify = Callable[[str], None]
"""Checks the signed-in person's password on the database thread (raises WrongPassword or
LoginThrottled): `desktop.app.session.verify_password` bound to the session's core."""

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)


class LockScreen(QWidget):
    unlock_requested = Signal(str)
    switch_user_requested = Signal()

    def __init__(
        self,
        display_name: str,
        username: str,
        parent: QWidget | None = None,
        *,
        idle: bool = False,
    ) -> None:
        super().__init__(parent)
        # Qt adds the application's name ("— Outpost") to every window title.
        self.setWindowTitle(self.tr("Locked"))
        self.setAccessibleName(self.windowTitle())
        self.password = QLineEdit()
        self.password.setObjectName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.unlock_button = make_button(self.tr("&Unlock"), self._submit, default=True)
        self.switch_button = make_button(self.tr("S&witch user…"), self.switch_user_requested.emit)
        name = person(display_name, username)
        if idle:
            text = self.tr(
                "Locked after a while without use. {who} is signed in: type your password "
                "to carry on where you left off."
            ).format(who=name)
        else:
            text = self.tr(
                "Locked by {who}: type your password to carry on where you left off."
            ).format(who=name)
        who = QLabel(text)
        who.setObjectName("lock_reason")
        who.setWordWrap(True)
        card = QWidget()
        card.setMinimumWidth(440)
        card.setMaximumWidth(520)
        inner = QVBoxLayout(card)
        inner.addWidget(heading(self.tr("Outpost is locked")))
        inner.addWidget(who)
        inner.addWidget(buddy_label(self.tr("&Password:"), self.password))
        inner.addWidget(self.password)
        inner.addWidget(self.message)
        inner.addLayout(row(self.switch_button, None, self.unlock_button))
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row(None, card, None))
        outer.addStretch(2)
        self.password.returnPressed.connect(self._submit)
        # As in the sign-in window: the password, then what it is for, then the way out
        # (Switch user stands on the left, where a way out stands, but comes last).
        self.setTabOrder(self.password, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.switch_button)

    def _submit(self) -> None:
        if self.unlock_button.isEnabled() and self.password.text():
            self.unlock_requested.emit(self.password.text())

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setAccessibleDescription(text)


class SessionLock(QObject):
    """Watches for input and locks the session's windows after `timeout_ms` without any."""

    locked_changed = Signal(bool)
    switch_user_requested = Signal()

    def __init__(
        self,
        verify: Verify,
        display_name: str,
        username: str,
        tasks: TaskRunner,
        timeout_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.verify = verify
        self.display_name = display_name
        self.username = username
        self.tasks = tasks
        self.screen: LockScreen | None = None
        self._hidden: list[weakref.ref[QWidget]] = []
        self._focus: weakref.ref[QWidget] | None = None
        self._checking = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._lock_idle)
        self.set_timeout(timeout_ms)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(1, timeout_ms))
        if not self.locked:
            self._timer.start()

    def stop(self) -> None:
        """End of the session: stop watching (the lock screen, if any, is closed)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.screen is not None:
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None

    # -- watching --

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT_EVENTS:
            if not self.locked:
                self._timer.start()
        elif (
            kind == QEvent.Type.Show
            and self.locked
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not self._belongs_to_lock_screen(watched)
        ):
            # Something opened while locked: keep it out of sight until unlock.
            self._hidden.append(weakref.ref(watched))
            QTimer.singleShot(0, watched.hide)
        return False

    def _belongs_to_lock_screen(self, widget: QWidget) -> bool:
        screen = self.screen
        current: QWidget | None = widget
        while current is not None:
            if current is screen:
                return True
            current = current.parentWidget()
        return False

    # -- locking --

    def _lock_idle(self) -> None:
        self.lock(idle=True)

    def lock(self, *, idle: bool = False) -> None:
        """Hide the session's windows behind the lock screen; `idle` when the timer did it
        (the screen then says so), not the person (Ctrl+L, the menu)."""
        if self.locked:
            return
        self._timer.stop()
        focus = QApplication.focusWidget()
        self._focus = weakref.ref(focus) if focus is not None else None
        visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        # Main windows first, so dialogs come back on top of their parent.
        visible.sort(key=lambda w: w.parentWidget() is not None)
        screen = LockScreen(self.display_name, self.username, idle=idle)
        screen.unlock_requested.connect(self._check_password)
        screen.switch_user_requested.connect(self.switch_user_requested.emit)
        geometry = next((w.geometry() for w in visible if w.parentWidget() is None), None)
        if geometry is not None:
            screen.setGeometry(geometry)
        else:
            screen.resize(720, 480)
        self.screen = screen
        screen.show()
        screen.password.setFocus()
        for widget in visible:
            self._hidden.append(weakref.ref(widget))
            widget.hide()
        self.locked_changed.emit(True)

    def _check_password(self, password: str) -> None:
        if self._checking or self.screen is None:
            return
        screen = self.screen
        verify, username = self.verify, self.username

        def work(_ctx: TaskContext) -> None:
            verify(password)

        def failed(error: BaseException) -> None:
            from desktop.errors import LoginThrottled, OutpostError, WrongPassword

            if not is_alive(screen):
                return
            screen.password.clear()
            if isinstance(error, WrongPassword):
                screen.show_message(
                    self.tr("That is not the password of {username}. Try again.").format(
                        username=username
                    )
                )
            elif isinstance(error, LoginThrottled):
                screen.show_message(
                    self.tr("Too many wrong passwords. Wait {seconds} s, then try again.").format(
                        seconds=math.ceil(error.retry_after)
                    )
                )
            elif isinstance(error, OutpostError):
                screen.show_message(error_text(error))
            else:
                screen.show_message(
                    self.tr(
                        "The password could not be checked (an unexpected error, now in the log)."
                    )
                )

        def done() -> None:
            self._checking = False
            if is_alive(screen):
                screen.unlock_button.setEnabled(True)

        self._checking = True
        screen.unlock_button.setEnabled(False)
        Operation(screen, self.tasks, work, label=self.tr("Checking the password…")).success(
            lambda _none: self.unlock()
        ).failure(failed).finished(done).run()

    def unlock(self) -> None:
        """Show everything again as it was (called once the password checked out)."""
        if self.screen is None:
            return
        screen, self.screen = self.screen, None
        hidden, self._hidden = self._hidden, []
        shown: list[QWidget] = []
        for ref in hidden:
            widget = ref()
            if widget is not None and is_alive(widget):
                widget.show()
                shown.append(widget)
        focus = self._focus() if self._focus is not None else None
        if focus is not None and is_alive(focus):
            focus.activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        elif shown:
            # The last window shown (a dialog over its main window) takes the keyboard, so
            # shortcuts answer at once without a click first.
            shown[-1].activateWindow()
        screen.close()
        screen.deleteLater()
        self._timer.start()
        self.locked_changed.emit(False)

    def hidden_windows(self) -> list[QWidget]:
        return [w for w in (ref() for ref in self._hidden) if w is not None and is_alive(w)]
