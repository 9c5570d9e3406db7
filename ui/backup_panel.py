"""Backups: make one now (to a USB stick), restore one, and choose where automatic backups go.

Backups run on the long-work thread with a progress window and Cancel: the rest of Outpost
keeps working meanwhile. A restore replaces the clinic's records, so it ends the session
first; the composition root (`ui.app`) runs it and returns to the sign-in window.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.small_dialog import InputDialog
from ui.tasks import TaskContext
from ui.util import ERROR_STYLE, buddy_label, confirm, inform, make_button, row

if TYPE_CHECKING:
    from desktop.services.backup import BackupInfo
    from desktop.settings import Settings
    from ui.context import ClinicContext


@dataclass(frozen=True)
class RestoreRequest:
    path: Path
    username: str | None = None
    password: str | None = dataclasses.field(default=None, repr=False)
    recovery_key: str | None = dataclasses.field(default=None, repr=False)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


class BackupPanel(QWidget):
    restore_requested = Signal(object)  # RestoreRequest

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backup_button = make_button(self.tr("&Back up now…"), self.back_up_now)
        self.backup_button.setObjectName("backup_now")
        self.restore_button = make_button(self.tr("&Restore from a backup…"), self.restore)
        self.last_result = QLabel()
        self.last_result.setObjectName("backup_result")
        self.last_result.setWordWrap(True)
        now_box = QGroupBox(self.tr("Backup and restore"))
        now_layout = QVBoxLayout(now_box)
        explain = QLabel(
            self.tr(
                "A backup is one encrypted file: it opens only with a password of this clinic (as "
                "it was when the backup was made) or the recovery key. Keep one on a USB stick, "
                "away from the laptop."
            )
        )
        explain.setWordWrap(True)
        now_layout.addWidget(explain)
        now_layout.addLayout(row(self.backup_button, self.restore_button, None))
        now_layout.addWidget(self.last_result)

        self.folders = QListWidget()
        self.folders.setObjectName("backup_folders")
        self.folders.setAccessibleName(self.tr("Extra backup folders"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setObjectName("backups_to_keep")
        self.keep.setSuffix(self.tr(" backups"))
        self.keep.setMaximumWidth(160)
        self.warning = QLabel()
        self.warning.setObjectName("backup_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        add = make_button(self.tr("&Add a folder…"), self.add_folder)
        remove = make_button(self.tr("Re&move"), self.remove_folder)
        save = make_button(self.tr("&Save"), self.save)
        auto_box = QGroupBox(self.tr("Automatic backups (when Outpost closes, and daily)"))
        auto_layout = QVBoxLayout(auto_box)
        where = QLabel(
            self.tr(
                "They always go to the data folder's backups; add a second place "
                "(a USB stick, another disk) so a lost or broken laptop does not "
                "take the backups with it."
            )
        )
        where.setWordWrap(True)
        auto_layout.addWidget(where)
        auto_layout.addWidget(buddy_label(self.tr("E&xtra folders:"), self.folders))
        auto_layout.addWidget(self.folders, 1)
        auto_layout.addLayout(row(add, remove, None))
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Keep the last:"), self.keep), self.keep)
        auto_layout.addLayout(form)
        auto_layout.addWidget(self.warning)
        auto_layout.addLayout(row(save, None))

        layout = QVBoxLayout(self)
        layout.addWidget(now_box)
        layout.addWidget(auto_box, 1)
        self._load()

    def activated(self) -> None:
        self._load()

    def _load(self) -> None:
        settings = self.ctx.core.settings
        self.folders.clear()
        self.folders.addItems(settings.backup_dirs)
        self.keep.setValue(settings.backups_to_keep)
        self._show_warning()

    def _show_warning(self) -> None:
        from desktop.services import backup

        text = backup.backup_locations_warning(self.ctx.core.paths, self.ctx.core.settings)
        self.warning.setText(f"⚠ {text}" if text else "")
        self.warning.setVisible(bool(text))

    def _edited(self) -> Settings:
        dirs = [self.folders.item(i).text() for i in range(self.folders.count())]
        return dataclasses.replace(
            self.ctx.core.settings, backup_dirs=dirs, backups_to_keep=self.keep.value()
        )

    def has_unsaved_changes(self) -> bool:
        return bool(self._edited() != self.ctx.core.settings)

    # -- folders --

    def add_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a backup folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self._folder_chosen)
        dialog.open()

    def _folder_chosen(self, folder: str) -> None:
        if folder and not self.folders.findItems(folder, Qt.MatchFlag.MatchExactly):
            self.folders.addItem(folder)

    def remove_folder(self) -> None:
        row_index = self.folders.currentRow()
        if row_index >= 0:
            self.folders.takeItem(row_index)

    def save(self) -> None:
        from desktop.settings import save_settings

        settings = self._edited()
        path = self.ctx.core.paths.settings

        def work(_ctx: TaskContext) -> None:
            save_settings(path, settings)

        def saved(_none: None) -> None:
            self.ctx.core.settings = settings
            self.ctx.events.settings_changed.emit()
            self._show_warning()

        self.ctx.run(self, work, label=self.tr("Saving…")).success(saved).run()

    # -- backing up --

    def back_up_now(self) -> None:
        dialog = QFileDialog(self, self.tr("Where should the backup go?"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self._backup_folder_chosen)
        dialog.open()

    def _backup_folder_chosen(self, folder: str) -> None:
        if folder:
            self.back_up_to(Path(folder))

    def back_up_to(self, target: Path) -> None:
        from desktop.services import backup

        store = self.ctx.core.store

        def work(ctx: TaskContext) -> BackupInfo:
            return backup.make_backup(
                store, target, progress=lambda _step, fraction: ctx.progress("", fraction)
            )

        def done(info: BackupInfo) -> None:
            text = self.tr("Backup written and checked: {path} ({size}).").format(
                path=info.path, size=_size(info.size_bytes)
            )
            self.last_result.setText(text)
            inform(self, self.tr("Backup"), text)

        self.backup_button.setEnabled(False)
        self.ctx.run(
            self, work, label=self.tr("Making the backup…"), cancellable=True, long=True
        ).success(done).finished(lambda: self.backup_button.setEnabled(True)).run()

    # -- restoring --

    def restore(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the backup to restore"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("Outpost backups (*.outpost-backup)"), self.tr("All files (*)")]
        )
        dialog.fileSelected.connect(self._backup_file_chosen)
        dialog.open()

    def _backup_file_chosen(self, path: str) -> None:
        if path:
            self.ask_restore(Path(path))

    def ask_restore(self, path: Path) -> InputDialog:
        actor = self.ctx.actor
        dialog = InputDialog(
            self,
            self.ctx.tasks,
            self.tr("Restore a backup"),
            intro=self.tr(
                "Restoring replaces all the clinic's records on this laptop with those "
                "in\n{path}.\nThe records it replaces are kept aside, not deleted. Everyone is "
                "signed out.\n\n"
                "Open the backup with a user name and password as they were when it was made, or "
                "with the recovery key."
            ).format(path=path),
            ok_text=self.tr("Restore"),
        )
        dialog.add_line("username", self.tr("&User name:"), text=actor.username)
        dialog.add_line("password", self.tr("&Password:"), password=True)
        dialog.add_line("recovery_key", self.tr("or &recovery key:"))

        def check(values: dict[str, Any]) -> dict[str, str]:
            if not values["recovery_key"].strip() and not values["password"]:
                return {"password": self.tr("Give the password, or the recovery key.")}
            return {}

        def accepted() -> None:
            values = dialog.values()
            key = values["recovery_key"].strip() or None
            request = RestoreRequest(
                path,
                username=None if key else values["username"].strip(),
                password=None if key else values["password"],
                recovery_key=key,
            )
            confirm(
                self,
                self.tr("Restore a backup"),
                self.tr(
                    "Replace the clinic's records with the backup now? Unsaved work in "
                    "open windows will be lost."
                ),
                lambda: self.restore_requested.emit(request),
                yes_text=self.tr("Restore"),
                no_text=self.tr("Cancel"),
                destructive=True,
            )

        dialog.on_submit(None, check=check)  # the restore itself runs after signing out
        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog
