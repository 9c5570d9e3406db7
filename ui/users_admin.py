"""Administrators: who may sign in, with which role; resetting a password; disabling an
account (the store is then re-keyed: neither its password nor any copy of the key file taken
before opens the clinic's records)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app.admin import RekeyResult, Role, UserRow
from desktop.changes import USERS
from ui import labels
from ui.small_dialog import InputDialog
from ui.tasks import Operation, TaskContext
from ui.util import confirm, inform, is_alive, make_button, person, row

if TYPE_CHECKING:
    from desktop.changes import Changes
    from ui.context import ClinicContext

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class UsersPanel(QWidget):
    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Account")]
        )
        self.table = QTableView()
        self.table.setObjectName("users_table")
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._sync())
        self.add_button = make_button(self.tr("Add a u&ser…"), self.add_user)
        self.reset_button = make_button(self.tr("&Reset password…"), self.reset_password)
        self.role_button = make_button(self.tr("&Change role…"), self.change_role)
        self.active_button = make_button(self.tr("&Disable"), self.toggle_active)
        self.last_message = ""  # what the last disable said (its dialog's text)
        note = QLabel(
            self.tr(
                "A disabled user can no longer sign in; their past work keeps "
                "their name. Re-enabling sets a new password."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(
            row(self.add_button, self.reset_button, self.role_button, self.active_button, None)
        )
        ctx.changes.changed.connect(self._on_changes)
        self._sync()

    def activated(self) -> None:
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(USERS) and is_alive(self) and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.ctx.ask(lambda core: core.admin.users(), self._loaded)

    def _loaded(self, rows: list[UserRow] | None, error: BaseException | None) -> None:
        if not is_alive(self):
            return
        if error is not None:
            from ui.errors import show_error

            show_error(self, error)
            return
        self._show(rows or [])

    def _show(self, rows: list[UserRow]) -> None:
        keep = self.selected()
        self.model.removeRows(0, self.model.rowCount())
        for r in rows:
            cells = [
                QStandardItem(r.username),
                QStandardItem(r.display_name),
                QStandardItem(labels.role_label(r.role.value)),
                QStandardItem(self.tr("Active") if r.active else self.tr("✗ Disabled")),
            ]
            cells[0].setData(r, ROW_ROLE)
            self.model.appendRow(cells)
            if keep is not None and keep.username == r.username:
                self.table.selectRow(self.model.rowCount() - 1)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._sync()

    def selected(self) -> UserRow | None:
        index = self.table.currentIndex()
        return index.sibling(index.row(), 0).data(ROW_ROLE) if index.isValid() else None

    def _sync(self) -> None:
        user = self.selected()
        for button in (self.reset_button, self.role_button, self.active_button):
            button.setEnabled(user is not None)
        self.reset_button.setEnabled(user is not None and user.active)
        self.active_button.setText(
            self.tr("&Enable…") if user is not None and not user.active else self.tr("&Disable")
        )

    def _roles(self) -> list[tuple[str, Any]]:
        return [(labels.role_label(r.value), r) for r in Role]

    def _password_check(self, values: dict[str, Any]) -> dict[str, str]:
        if values.get("password") != values.get("confirm"):
            return {
                "confirm": self.tr("The two passwords are different: type the same password twice.")
            }
        return {}

    def disable(self, user: UserRow) -> Operation[RekeyResult | None]:
        """Disable `user` off the GUI thread, with a progress dialog while the store is
        re-keyed, then say what it means."""
        core = self.ctx.core
        who = person(user.display_name, user.username)

        def work(task: TaskContext) -> RekeyResult | None:
            step = self.tr("Disabling {who} and changing the clinic's key…").format(who=who)
            task.progress(step, 0.0)
            return core.admin.set_user_active(
                user.username, False, progress=lambda fraction: task.progress(step, fraction)
            ).value

        def done(result: RekeyResult | None) -> None:
            text = self.tr(
                "The password of {who} and any copy of the key file no longer open the "
                "clinic's records. Backups made before this change still open with the "
                "passwords of that time."
            ).format(who=who)
            if result is not None and result.recovery_key:
                text += "\n\n" + self.tr(
                    "New recovery key: {key}\nWrite it down or print it now: the old recovery "
                    "sheet no longer opens the store."
                ).format(key=result.recovery_key)
            if result is not None and result.advice:
                text += "\n\n" + result.advice
            self.last_message = text
            inform(self, self.tr("{who} is disabled").format(who=who), text)

        self.active_button.setEnabled(False)
        return (
            self.ctx.run(self, work, label=self.tr("Disabling…"), long=True)
            .success(done)
            .finished(self._sync)
            .run()
        )

    def _done(self, _result: object) -> None:
        """The list follows from the change event the core published."""

    def add_user(self) -> None:
        from desktop.passwords import MIN_LENGTH

        core = self.ctx.core
        dialog = InputDialog(self, self.ctx.tasks, self.tr("Add a user"))
        dialog.add_line("display_name", self.tr("Full &name:"))
        dialog.add_line(
            "username",
            self.tr("&User name:"),
            hint=self.tr("Lower-case letters, digits, '.', '_' or '-', starting with a letter."),
        )
        dialog.add_combo("role", self.tr("&Role:"), self._roles(), Role.COORDINATOR)
        dialog.add_line(
            "password",
            self.tr("&Password:"),
            password=True,
            hint=self.tr(
                "At least {n} characters. Give it to the person, who can change it in Settings."
            ).format(n=MIN_LENGTH),
        )
        dialog.add_line("confirm", self.tr("C&onfirm:"), password=True)

        def work(values: dict[str, Any]) -> Callable[[TaskContext], None]:
            def run(_ctx: TaskContext) -> None:
                core.admin.add_user(
                    username=values["username"].strip(),
                    display_name=values["display_name"],
                    role=values["role"],
                    password=values["password"],
                )

            return run

        dialog.on_submit(work, check=self._password_check)
        dialog.succeeded.connect(self._done)
        dialog.open()

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        core = self.ctx.core
        dialog = InputDialog(
            self,
            self.ctx.tasks,
            self.tr("Reset {username}'s password").format(username=user.username),
            intro=self.tr(
                "Choose a new password and give it to {name}; they can change it afterwards."
            ).format(name=user.display_name),
        )
        dialog.add_line("password", self.tr("&New password:"), password=True)
        dialog.add_line("confirm", self.tr("C&onfirm:"), password=True)

        def work(values: dict[str, Any]) -> Callable[[TaskContext], None]:
            def run(_ctx: TaskContext) -> None:
                core.admin.change_password(user.username, values["password"])

            return run

        dialog.on_submit(work, check=self._password_check)
        dialog.succeeded.connect(self._done)
        dialog.open()

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        core = self.ctx.core
        dialog = InputDialog(
            self, self.ctx.tasks, self.tr("Role of {username}").format(username=user.username)
        )
        dialog.add_combo("role", self.tr("&Role:"), self._roles(), user.role)

        def work(values: dict[str, Any]) -> Callable[[TaskContext], None]:
            def run(_ctx: TaskContext) -> None:
                core.admin.set_role(user.username, values["role"])

            return run

        dialog.on_submit(work)
        dialog.succeeded.connect(self._done)
        dialog.open()

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        core = self.ctx.core
        if user.active:
            confirm(
                self,
                self.tr("Disable user"),
                self.tr(
                    "Disable {who}? They will no longer be able to sign in, and the clinic's "
                    "records are re-encrypted under a new key (this can take a minute)."
                ).format(who=person(user.display_name, user.username)),
                lambda: self.disable(user),
                yes_text=self.tr("Disable"),
                no_text=self.tr("Keep"),
                destructive=True,
            )
            return
        dialog = InputDialog(
            self,
            self.ctx.tasks,
            self.tr("Enable {username}").format(username=user.username),
            intro=self.tr("Set a new password to re-enable the account."),
        )
        dialog.add_line("password", self.tr("&New password:"), password=True)
        dialog.add_line("confirm", self.tr("C&onfirm:"), password=True)

        def work(values: dict[str, Any]) -> Callable[[TaskContext], None]:
            def run(_ctx: TaskContext) -> None:
                core.admin.set_user_active(user.username, True, password=values["password"])

            return run

        dialog.on_submit(work, check=self._password_check)
        dialog.succeeded.connect(self._done)
        dialog.open()
