"""A small dialog of labelled fields whose OK runs work on the database thread.

Used for the short administrative questions (add a user, reset a password, add a provider):
problems come back beside their fields (`InvalidInput.field`), other errors below them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text, show_error
from ui.tasks import Operation, TaskContext, TaskRunner
from ui.util import FieldError, buddy_label, combo_select, keep_submit_default


class InputDialog(QDialog):
    succeeded = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        tasks: TaskRunner,
        title: str,
        *,
        intro: str = "",
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.form = QFormLayout()
        self.general_error = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self.ok_button.setText(ok_text)
        keep_submit_default(self, self.ok_button)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._check: Callable[[dict[str, Any]], dict[str, str]] = lambda _values: {}
        self._work: Callable[[dict[str, Any]], Callable[[TaskContext], Any]] | None = None

    def showEvent(self, event: QShowEvent) -> None:
        # Enter submits, even after a problem was shown or Cancel had the focus.
        keep_submit_default(self, self.ok_button)
        super().showEvent(event)

    # -- fields --

    def _add(self, key: str, label: str, widget: QWidget, hint: str = "") -> None:
        widget.setObjectName(key)
        self.fields[key] = widget
        error = FieldError().attach(widget)
        self.errors[key] = error
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setEnabled(False)
            box.addWidget(hint_label)
            widget.setAccessibleDescription(hint)
        box.addWidget(error)
        self.form.addRow(buddy_label(label, widget), box)
        if len(self.fields) == 1:
            widget.setFocus()

    def add_line(
        self, key: str, label: str, *, text: str = "", password: bool = False, hint: str = ""
    ) -> QLineEdit:
        field = QLineEdit(text)
        if password:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self._add(key, label, field, hint)
        return field

    def add_combo(
        self, key: str, label: str, items: list[tuple[str, Any]], current: Any = None
    ) -> QComboBox:
        field = QComboBox()
        for text, data in items:
            field.addItem(text, data)
        if current is not None:
            combo_select(field, current)
        self._add(key, label, field)
        return field

    def add_spin(
        self, key: str, label: str, low: int, high: int, value: int, *, suffix: str = ""
    ) -> QSpinBox:
        field = QSpinBox()
        field.setRange(low, high)
        field.setValue(value)
        field.setSuffix(suffix)
        self._add(key, label, field)
        return field

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                out[key] = widget.text()
            elif isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                out[key] = widget.value()
        return out

    # -- submitting --

    def on_submit(
        self,
        work: Callable[[dict[str, Any]], Callable[[TaskContext], Any]] | None,
        *,
        check: Callable[[dict[str, Any]], dict[str, str]] | None = None,
    ) -> InputDialog:
        """`check(values)` runs first on the GUI thread ({field: problem}); then the callable
        that `work(values)` returns runs on the database thread. Without `work`, the dialog
        only collects answers (read them with `values()` once accepted)."""
        self._work = work
        if check is not None:
            self._check = check
        return self

    def show_problem(self, key: str | None, message: str) -> None:
        error = self.errors.get(key or "")
        if error is None:
            self.general_error.show_message(message)
        else:
            error.show_message(message)
            self.fields[key or ""].setFocus()

    def _submit(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            error.clear_message()
        values = self.values()
        problems = self._check(values)
        if problems:
            for key, message in problems.items():
                self.show_problem(key, message)
            return
        if self._work is None:
            self.accept()
            return

        def failed(error: BaseException) -> None:
            from desktop.errors import InvalidInput, OutpostError

            if isinstance(error, InvalidInput):
                self.show_problem(error.field, error_text(error))
            elif isinstance(error, OutpostError):
                self.general_error.show_message(error_text(error))
            else:
                show_error(self, error, logged=True)

        def done(result: Any) -> None:
            self.succeeded.emit(result)
            self.accept()

        self.ok_button.setEnabled(False)
        Operation(self, self.tasks, self._work(values), label=self.windowTitle()).success(
            done
        ).failure(failed).finished(self._ready_again).run()

    def _ready_again(self) -> None:
        self.ok_button.setEnabled(True)
        # Disabling the button moved the focus (and Qt's default) on: give both back.
        keep_submit_default(self, self.ok_button)
