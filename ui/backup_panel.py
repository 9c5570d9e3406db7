"""Backups: make one now (to a USB stick), restore one, and choose where automatic backups go.

Everything goes through the core's backups API (`core.backups`): backups run on the long-work
thread with a progress window and Cancel (a cancelled backup leaves no file), while the rest
of Outpost keeps working. The automatic backups' state is the core's honest status: the panel
says a backup needs attention only when one actually failed. A chosen backup file is checked
(`inspect`) before any password is asked for. A restore replaces the clinic's records, so it
ends the session first; the composition root (`ui.app`) runs it and returns to the sign-in
window.

A restore is done by the signed-in administrator, authorised against this store: their own
password is asked again (checked, through the sign-in throttle, before the session ends). The
backup's own password or recovery key is asked only when this store's key does not open it,
and a backup of another clinic only restores once that clinic's name is typed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from desktop.changes import SETTINGS
from ui.errors import show_error
from ui.language import localized
from ui.small_dialog import InputDialog
from ui.tasks import Operation, TaskContext
from ui.util import (
    ERROR_STYLE,
    buddy_label,
    confirm,
    format_datetime,
    inform,
    is_alive,
    make_button,
    row,
)

if TYPE_CHECKING:
    from desktop.app.backups import (
        BackupInfo,
        BackupLocations,
        BackupStatus,
        RestorePreview,
        RestoreResult,
    )
    from desktop.changes import Changes
    from ui.context import ClinicContext


@dataclass(frozen=True)
class RestoreRequest:
    path: Path
    # The signed-in administrator and their current password: they authorise the restore.
    username: str | None = None
    password: str | None = dataclasses.field(default=None, repr=False)
    recovery_key: str | None = dataclasses.field(default=None, repr=False)
    # The backup's own secret, given only when this store's key does not open it.
    backup_password: str | None = dataclasses.field(default=None, repr=False)
    backup_recovery_key: str | None = dataclasses.field(default=None, repr=False)
    # The backup's clinic, typed by the administrator, when it is another clinic's.
    confirm_clinic: str | None = None

    def restore_arguments(self) -> dict[str, Any]:
        """The keyword arguments of `desktop.app.backups.restore_backup_file` (but progress)."""
        from desktop.app.backups import BackupCredentials

        backup = None
        if self.backup_password is not None or self.backup_recovery_key is not None:
            backup = BackupCredentials(
                username=self.username,
                password=self.backup_password,
                recovery_key=self.backup_recovery_key,
            )
        return {
            "username": self.username,
            "password": self.password,
            "recovery_key": self.recovery_key,
            "backup_credentials": backup,
            "confirm_clinic": self.confirm_clinic,
        }


def restore_outcome(result: RestoreResult) -> str:
    """What the sign-in window says after a restore, besides "back in place": who authorised
    it, which accounts stayed disabled, and whether the store was re-keyed."""
    from desktop.app.backups import RECOVERY_KEY

    def tr(text: str) -> str:
        return QCoreApplication.translate("BackupPanel", text)

    who = tr("the recovery key") if result.authorised_by == RECOVERY_KEY else result.authorised_by
    parts = [tr("Restored by {who}.").format(who=who)]
    if result.kept_disabled:
        parts.append(
            tr("Still disabled, as they were before the restore: {names}.").format(
                names=", ".join(result.kept_disabled)
            )
        )
    if result.rekeyed:
        parts.append(
            tr("The clinic's key was changed: older copies of the key file no longer open it.")
        )
    if result.dropped_users:
        parts.append(
            tr("An administrator must set a new password for {names}.").format(
                names=", ".join(result.dropped_users)
            )
        )
    if result.new_recovery_key:
        parts.append(
            tr("The new recovery key is {key}: write it down now.").format(
                key=result.new_recovery_key
            )
        )
    return " ".join(parts)


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
        self.backup_button = make_button(self.tr("Ba&ck up now…"), self.back_up_now)
        self.backup_button.setObjectName("backup_now")
        self.restore_button = make_button(self.tr("&Restore from a backup…"), self.restore)
        self.last_result = QLabel()
        self.last_result.setObjectName("backup_result")
        self.last_result.setWordWrap(True)
        self.last_result.hide()  # no empty strip under the buttons before the first backup
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
        add = make_button(self.tr("Add a &folder…"), self.add_folder)
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

        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        auto_layout.insertWidget(1, self.status)

        layout = QVBoxLayout(self)
        layout.addWidget(now_box)
        layout.addWidget(auto_box, 1)
        self._saved: tuple[tuple[str, ...], int] = ((), 1)
        self._last_folder: Path | None = None
        ctx.changes.changed.connect(self._on_changes)
        self._load()

    def activated(self) -> None:
        self._load()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(SETTINGS) and not self.has_unsaved_changes():
            self._load()

    def _load(self) -> None:
        def done(found: tuple[BackupLocations, BackupStatus] | None, error: object) -> None:
            if found is None or not is_alive(self):
                return
            self._show_locations(found[0])
            self._show_status(found[1])

        # The folders' advice looks at the disk (a USB stick may be slow): off the GUI thread.
        try:
            self.ctx.ask(lambda core: (core.backups.locations(), core.backups.status()), done)
        except RuntimeError:  # the database thread has shut down: the app is closing
            return

    def _show_locations(self, locations: BackupLocations) -> None:
        self._saved = (tuple(locations.folders), locations.keep)
        self.folders.clear()
        self.folders.addItems(list(locations.folders))
        self.keep.setValue(locations.keep)
        self.warning.setText(f"⚠ {localized(locations.advice)}" if locations.advice else "")
        self.warning.setVisible(bool(locations.advice))

    def _show_status(self, status: BackupStatus) -> None:
        clock = self.ctx.core.clock
        lines = []
        if status.last_success is not None:
            lines.append(
                self.tr("Last automatic backup: {when}.").format(
                    when=format_datetime(clock.local(status.last_success))
                )
            )
        else:
            lines.append(self.tr("No automatic backup has been made yet."))
        if status.needs_attention and status.last_failure is not None:
            lines.append(
                self.tr("⚠ The automatic backup of {when} failed: {why}").format(
                    when=format_datetime(clock.local(status.last_failure)),
                    why=localized(status.failure_reason or ""),
                )
            )
        self.status.setText("\n".join(lines))

    def _edited(self) -> tuple[tuple[str, ...], int]:
        dirs = tuple(self.folders.item(i).text() for i in range(self.folders.count()))
        return dirs, self.keep.value()

    def has_unsaved_changes(self) -> bool:
        return self._edited() != self._saved

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
        folders, keep = self._edited()
        # The core saves settings.json and announces SETTINGS to every view (this one too).
        self.ctx.call(
            self, lambda core: core.backups.save_locations(folders, keep), label=self.tr("Saving…")
        ).success(self._show_locations).run()

    # -- backing up --

    def _start_folder(self) -> str:
        """Where the folder and file dialogs open: the last folder chosen here, else the
        first extra backup folder (the USB stick), else the data folder's own backups."""
        if self._last_folder is not None:
            return str(self._last_folder)
        for folder in self._saved[0]:
            if Path(folder).is_dir():
                return folder
        backups = self.ctx.core.paths.backups
        return str(backups if backups.is_dir() else self.ctx.core.paths.root)

    def back_up_now(self) -> None:
        dialog = QFileDialog(self, self.tr("Where should the backup go?"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(self._start_folder())
        dialog.fileSelected.connect(self._backup_folder_chosen)
        dialog.open()

    def _backup_folder_chosen(self, folder: str) -> None:
        if folder:
            self._last_folder = Path(folder)
            self.back_up_to(Path(folder))

    def back_up_to(self, target: Path) -> Operation[BackupInfo]:
        core = self.ctx.core

        def work(task: TaskContext) -> BackupInfo:
            # Cancel stops it at the next report (TaskContext.progress raises), even inside
            # the database copy; no file is left.
            return core.backups.make(
                target, progress=lambda _step, fraction: task.progress("", fraction)
            )

        def done(info: BackupInfo) -> None:
            text = self.tr("Backup written and checked: {path} ({size}).").format(
                path=info.path, size=_size(info.size_bytes)
            )
            self.last_result.setText(text)
            self.last_result.setVisible(bool(text))
            inform(self, self.tr("Backup"), text)

        self.backup_button.setEnabled(False)
        return (
            self.ctx.run(
                self, work, label=self.tr("Making the backup…"), cancellable=True, long=True
            )
            .success(done)
            .finished(lambda: self.backup_button.setEnabled(True))
            .run()
        )

    # -- restoring --

    def restore(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the backup to restore"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("Outpost backups (*.outpost-backup)"), self.tr("All files (*)")]
        )
        dialog.setDirectory(self._start_folder())
        dialog.fileSelected.connect(self._backup_file_chosen)
        dialog.open()

    def _backup_file_chosen(self, path: str) -> None:
        if path:
            self._last_folder = Path(path).parent
            self.check_then_ask_restore(Path(path))

    def check_then_ask_restore(self, path: Path) -> None:
        """Check the file (structure, checksums, manifest) before asking for a password: a
        damaged or foreign file is refused at once, with no password typed for nothing. The
        check also finds whether this store's key opens it and whether it is this clinic's."""
        self.ctx.call(
            self,
            lambda core: core.backups.preview_restore(path),
            label=self.tr("Checking the backup…"),
            long=True,  # it reads the whole file (checksums): not on the database thread
        ).success(lambda preview: self.ask_restore(path, preview)).failure(
            lambda error: show_error(self, error)
        ).run()

    def ask_restore(self, path: Path, preview: RestorePreview | None = None) -> InputDialog:
        actor = self.ctx.actor
        info: BackupInfo | None = preview.info if preview is not None else None
        needs_backup_secret = preview is not None and not preview.opens_with_live_key
        other_clinic = preview is not None and preview.other_clinic
        made = ""
        if info is not None:
            made = self.tr("It was made on {when} by {clinic}.").format(
                when=format_datetime(self.ctx.core.clock.local(info.created_at)),
                clinic=info.clinic_name,
            )
        intro = self.tr(
            "Restoring replaces all the clinic's records on this laptop with those "
            "in\n{path}.\nThe records it replaces are kept aside, not deleted. Everyone is "
            "signed out. Accounts disabled here stay disabled.\n\n"
            "Give your own password again: only an administrator of this clinic may restore."
        ).format(path=path) + (f"\n\n{made}" if made else "")
        if other_clinic and info is not None:
            intro += "\n\n" + self.tr(
                "⚠ This backup is of another clinic, {clinic}, not of {here}. Type its name "
                "below to confirm that it should replace this clinic's records."
            ).format(clinic=info.clinic_name, here=preview.live_clinic_name if preview else "")
        if needs_backup_secret:
            intro += "\n\n" + self.tr(
                "This clinic's key does not open the backup (it is of another store, or the key "
                "was changed since): give also your password as it was when the backup was "
                "made, or the recovery key printed for it."
            )
        dialog = InputDialog(
            self,
            self.ctx.tasks,
            self.tr("Restore a backup"),
            intro=intro,
            ok_text=self.tr("Restore"),
        )
        dialog.add_line(
            "password",
            self.tr("Your &password ({username}):").format(username=actor.username),
            password=True,
        )
        if needs_backup_secret:
            dialog.add_line("backup_password", self.tr("Password &then:"), password=True)
            dialog.add_line("backup_recovery_key", self.tr("or the backup's &recovery key:"))
        if other_clinic:
            dialog.add_line("confirm_clinic", self.tr("&Clinic of the backup:"))

        def check(values: dict[str, Any]) -> dict[str, str]:
            problems: dict[str, str] = {}
            if not values["password"]:
                problems["password"] = self.tr("Give your password.")
            if needs_backup_secret and not (
                values["backup_password"] or values["backup_recovery_key"].strip()
            ):
                problems["backup_password"] = self.tr(
                    "Give the password as it was then, or the backup's recovery key."
                )
            if other_clinic and info is not None:
                typed = values["confirm_clinic"].strip().casefold()
                if typed != info.clinic_name.strip().casefold():
                    problems["confirm_clinic"] = self.tr(
                        "Type the name of the backup's clinic: {clinic}."
                    ).format(clinic=info.clinic_name)
            return problems

        core = self.ctx.core

        def work(values: dict[str, Any]) -> Any:
            password = values["password"]

            def run(_task: TaskContext) -> None:
                # Checked now (throttled, as the lock screen does), before the session ends:
                # a mistyped password keeps the dialog open instead of signing everyone out.
                from desktop.app.session import verify_password

                verify_password(core, password)

            return run

        def accepted() -> None:
            values = dialog.values()
            recovery = values.get("backup_recovery_key", "").strip() or None
            request = RestoreRequest(
                path,
                username=actor.username,
                password=values["password"],
                backup_password=(values.get("backup_password") or None) if not recovery else None,
                backup_recovery_key=recovery,
                confirm_clinic=info.clinic_name if other_clinic and info is not None else None,
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

        dialog.on_submit(work, check=check)  # the restore itself runs after signing out
        dialog.succeeded.connect(lambda _result: accepted())
        dialog.open()
        return dialog
