"""Settings → Forms (administrators): the clinic's installed forms and translations, with
version, languages, who installed each and when; Install… a new one from a file. The check
(reading the file safely, validating it, printing it once) is the core's
(`core.forms.install_file`); this panel only asks and shows what it says, in plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app.forms import INSTALLED_FORMS, FormRefused, FormsAdminView, InstalledForm
from ui.util import confirm, inform, is_alive, make_button, row

if TYPE_CHECKING:
    from desktop.changes import Changes
    from ui.context import ClinicContext

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class FormsPanel(QWidget):
    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Form"),
                self.tr("Version"),
                self.tr("Languages"),
                self.tr("Title"),
                self.tr("Installed by"),
                self.tr("Installed on"),
            ]
        )
        self.table = QTableView()
        self.table.setObjectName("forms_table")
        self.table.setAccessibleName(self.tr("Installed forms"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.install_button = make_button(self.tr("In&stall a form…"), self.choose_file)
        note = QLabel(
            self.tr(
                "The forms shipped with Outpost are always there. A clinic's own form or a "
                "translation is installed here from its file: it is checked and printed once "
                "first, and a published version never changes (install the next version)."
            )
        )
        note.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("forms_problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addWidget(note)
        layout.addLayout(row(self.install_button, None))
        self._dialog: QFileDialog | None = None
        ctx.changes.changed.connect(self._on_changes)

    def activated(self) -> None:
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(INSTALLED_FORMS) and is_alive(self) and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.ctx.ask(lambda core: core.forms.admin_view(), self._loaded)

    def _loaded(self, view: FormsAdminView | None, error: BaseException | None) -> None:
        if not is_alive(self):
            return
        if error is not None:
            from ui.errors import show_error

            show_error(self, error)
            return
        if view is not None:
            self._show(view)

    def _show(self, view: FormsAdminView) -> None:
        self.model.removeRows(0, self.model.rowCount())
        clock = self.ctx.core.clock
        for f in view.installed:
            if f.kind == "translation":
                languages = self.tr("adds {language}").format(language=f.language)
            else:
                languages = " ".join(f.languages)
            version = str(f.version)
            if f.replaces_shipped:
                version = self.tr("{version} (the clinic's own)").format(version=f.version)
            when = clock.local(f.installed_at).strftime("%Y-%m-%d %H:%M")
            cells = [
                QStandardItem(f.form_id),
                QStandardItem(version),
                QStandardItem(languages),
                QStandardItem(f.title),
                QStandardItem(f.installed_by),
                QStandardItem(when),
            ]
            cells[0].setData(f, ROW_ROLE)
            self.model.appendRow(cells)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.show_problems([*view.problems, *view.warnings])

    def show_problems(self, lines: list[str]) -> None:
        from ui.language import localized

        self.problems.setText("\n".join(f"• {localized(line)}" for line in lines))
        self.problems.setVisible(bool(lines))

    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Install a form"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Form files (*.json)"), self.tr("All files (*)")])
        dialog.fileSelected.connect(self.install_file)
        self._dialog = dialog
        dialog.open()

    def install_file(self, path: str, *, replace_shipped: bool = False) -> None:
        from pathlib import Path

        self.ctx.call(
            self,
            lambda core: core.forms.install_file(Path(path), replace_shipped=replace_shipped),
            label=self.tr("Checking the form…"),
        ).success(lambda done: self._installed(done.value)).failure(
            lambda error: self._refused(path, error)
        ).run()

    def _installed(self, installed: InstalledForm) -> None:
        if not is_alive(self):
            return
        self.problems.hide()
        if installed.already:
            text = self.tr("{form} version {version} is already installed; nothing changed.")
        else:
            text = self.tr("{form} version {version} is installed.")
        inform(
            self,
            self.tr("Forms"),
            text.format(form=installed.form_id, version=installed.version),
        )
        self.refresh()

    def _refused(self, path: str, error: BaseException) -> None:
        if not is_alive(self):
            return
        from ui.errors import error_text, show_error

        if isinstance(error, FormRefused) and error.needs_replace_shipped:
            confirm(
                self,
                self.tr("Replace Outpost's wording?"),
                self.tr(
                    "This file is a new version of a form shipped with Outpost. Installed, "
                    "new forms of this kind print the clinic's wording instead of Outpost's, "
                    "marked on every page as the clinic's own. Records already filled keep "
                    "their version. Install it?"
                ),
                lambda: self.install_file(path, replace_shipped=True),
                yes_text=self.tr("Install as the clinic's own"),
                no_text=self.tr("Cancel"),
                destructive=True,
            )
            return
        if isinstance(error, FormRefused):
            self.show_problems([error_text(error), *error.problems[3:]])
            return
        show_error(self, error)
