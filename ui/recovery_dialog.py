"""Setting a forgotten password with the printed recovery key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.passwords import MIN_LENGTH
from ui.errors import error_text, show_error
from ui.tasks import Operation, TaskContext, TaskRunner
from ui.util import FieldError, buddy_label, keep_submit_default

if TYPE_CHECKING:
    from desktop.paths import DataPaths


class RecoveryDialog(QDialog):
    """Emits `password_set(username)` when the new password is in place."""

    password_set = Signal(str)

    def __init__(self, paths: DataPaths, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.tasks = tasks
        self.setWindowTitle(self.tr("Forgotten password"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(
            self.tr(
                "Type the recovery key exactly as printed on the recovery sheet, then choose a new "
                "password for the account. (An administrator who is signed in can also reset a "
                "password in Settings.)"
            )
        )
        intro.setWordWrap(True)
        self.recovery_key = QLineEdit()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least {n} characters").format(n=MIN_LENGTH))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Recovery key:"), self.recovery_key), self.recovery_key)
        form.addRow(buddy_label(self.tr("&User name:"), self.username), self.username)
        form.addRow(buddy_label(self.tr("&New password:"), self.password), self.password)
        form.addRow(buddy_label(self.tr("&Confirm:"), self.confirm), self.confirm)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Set the new password"))
        keep_submit_default(self, self.ok_button)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _submit(self) -> None:
        key, username = self.recovery_key.text().strip(), self.username.text().strip()
        password = self.password.text()
        if not key or not username or not password:
            self.error.show_message(
                self.tr("Fill in the recovery key, the user name and the new password.")
            )
            return
        if password != self.confirm.text():
            self.error.show_message(
                self.tr("The two passwords are different: type the same password twice.")
            )
            return
        paths = self.paths

        def work(_ctx: TaskContext) -> None:
            from desktop.app.session import recover_password

            recover_password(paths, key, username, password)

        def failed(error: BaseException) -> None:
            from desktop.errors import OutpostError

            if isinstance(error, OutpostError):
                self.error.show_message(error_text(error))
            else:
                show_error(self, error, logged=True)

        def done() -> None:
            self.accept()  # first: the sign-in window then takes the focus back
            self.password_set.emit(username)

        self.buttons.setEnabled(False)
        Operation(self, self.tasks, work, label=self.tr("Setting the new password…")).success(
            lambda _none: done()
        ).failure(failed).finished(self._ready_again).run()

    def _ready_again(self) -> None:
        self.buttons.setEnabled(True)
        keep_submit_default(self, self.ok_button)
