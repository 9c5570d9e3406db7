"""Settings: this laptop's preferences and one's own password for everyone; backups for roles
that may make them; users and the clinic's week (providers, working hours, appointment
types) and the clinic's installed forms for administrators only; the clinic's coverage schemes
for those who manage coverage."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.language import LANGUAGES
from ui.small_dialog import InputDialog
from ui.tasks import TaskContext
from ui.util import buddy_label, combo_select, heading, inform, make_button, person, row

if TYPE_CHECKING:
    from desktop.settings import Settings
    from ui.context import ClinicContext


class SettingsView(QWidget):
    restore_requested = Signal(object)  # RestoreRequest

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.general = GeneralSettings(ctx)
        self.tabs.addTab(self.general, self.tr("Ge&neral"))
        if ctx.can(Permission.BACKUP):
            from ui.backup_panel import BackupPanel

            self.backups = BackupPanel(ctx)
            self.backups.restore_requested.connect(self.restore_requested.emit)
            self.tabs.addTab(self.backups, self.tr("&Backups"))
        if ctx.can(Permission.MANAGE_USERS):
            from ui.users_admin import UsersPanel

            self.users = UsersPanel(ctx)
            self.tabs.addTab(self.users, self.tr("&Users"))
        if ctx.can(Permission.MANAGE_COVERAGE):
            from ui.coverage_screens import SchemesPanel

            self.schemes = SchemesPanel(ctx)
            # No Alt+letter: each letter of "Schemes" is already taken on some Settings page.
            self.tabs.addTab(self.schemes, self.tr("Schemes"))
            self.tabs.setTabToolTip(
                self.tabs.indexOf(self.schemes), self.tr("The clinic's schemes and insurers")
            )
        if ctx.can(Permission.MANAGE_CLINIC):
            from ui.clinic_admin import ClinicPanel

            self.clinic = ClinicPanel(ctx)
            self.tabs.addTab(self.clinic, self.tr("Cl&inic"))
            from ui.price_list_admin import PriceListPanel

            self.billing = PriceListPanel(ctx)
            # No Alt+letter: each letter of "Billing" is already taken on some Settings page.
            self.tabs.addTab(self.billing, self.tr("Billing"))
            self.tabs.setTabToolTip(
                self.tabs.indexOf(self.billing), self.tr("The clinic's currency and price list")
            )
            from ui.forms_admin import FormsPanel

            self.forms = FormsPanel(ctx)
            # No Alt+letter: each letter of "Forms" is already taken on some Settings page.
            self.tabs.addTab(self.forms, self.tr("Forms"))
            self.tabs.setTabToolTip(
                self.tabs.indexOf(self.forms), self.tr("The clinic's installed forms")
            )
            from ui.sync_connect import HqPanel

            self.hq = HqPanel(ctx)
            self.tabs.addTab(self.hq, self.tr("H&Q"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)

    def activated(self) -> None:
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        activated = getattr(page, "activated", None)
        if activated is not None:
            activated()

    def has_unsaved_changes(self) -> bool:
        clinic = getattr(self, "clinic", None)
        return self.general.has_unsaved_changes() or (
            clinic is not None and clinic.has_unsaved_changes()
        )


class GeneralSettings(QWidget):
    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        settings = ctx.core.settings
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.auto_lock = QSpinBox()
        self.auto_lock.setObjectName("auto_lock_minutes")
        self.auto_lock.setRange(1, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setMaximumWidth(140)
        self.language.setMaximumWidth(260)
        self.daily = QCheckBox(self.tr("Make an automatic backup every &day"))
        self.daily.setObjectName("daily_backup")
        self.saved_note = QLabel()
        self.saved_note.setObjectName("settings_saved")
        self.save_button = make_button(self.tr("&Save settings"), self.save)
        self._load(settings)

        preferences = QGroupBox(self.tr("This laptop"))
        form = QFormLayout(preferences)
        form.addRow(buddy_label(self.tr("&Language:"), self.language), self.language)
        form.addRow(
            "", QLabel(self.tr("A new language takes effect the next time Outpost starts."))
        )
        form.addRow(buddy_label(self.tr("Loc&k after (no use):"), self.auto_lock), self.auto_lock)
        form.addRow("", self.daily)
        form.addRow(row(self.save_button, self.saved_note, None))

        account = QGroupBox(self.tr("My account"))
        account_layout = QVBoxLayout(account)
        actor = ctx.actor
        signed_in = QLabel(
            self.tr("Signed in as {who}.").format(who=person(actor.display_name, actor.username))
        )
        signed_in.setObjectName("signed_in_as")
        account_layout.addWidget(signed_in)
        account_layout.addLayout(
            row(make_button(self.tr("&Change my password…"), self.change_password), None)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(preferences)
        layout.addWidget(account)
        layout.addStretch(1)
        for widget in (self.language, self.auto_lock):
            signal: Any = (
                widget.currentIndexChanged if isinstance(widget, QComboBox) else widget.valueChanged
            )
            signal.connect(lambda *_: self.saved_note.clear())

    def _load(self, settings: Settings) -> None:
        combo_select(self.language, settings.language)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.daily.setChecked(settings.daily_backup)

    def _edited(self) -> Settings:
        return dataclasses.replace(
            self.ctx.core.settings,
            language=self.language.currentData(),
            auto_lock_minutes=self.auto_lock.value(),
            daily_backup=self.daily.isChecked(),
        )

    def has_unsaved_changes(self) -> bool:
        return bool(self._edited() != self.ctx.core.settings)

    def save(self) -> None:
        settings = self._edited()
        language_changed = settings.language != self.ctx.core.settings.language

        def saved(_done: object) -> None:
            # The core announced SETTINGS on its change events: whoever cares follows.
            self.saved_note.setText(self.tr("Saved."))
            if language_changed:
                inform(
                    self,
                    self.tr("Language"),
                    self.tr("The new language will be used the next time Outpost starts."),
                )

        self.ctx.call(
            self, lambda core: core.admin.save_settings(settings), label=self.tr("Saving settings…")
        ).success(saved).run()

    def change_password(self) -> None:
        from desktop.passwords import MIN_LENGTH

        actor, core = self.ctx.actor, self.ctx.core
        dialog = InputDialog(self, self.ctx.tasks, self.tr("Change my password"))
        dialog.add_line("old_password", self.tr("&Current password:"), password=True)
        dialog.add_line(
            "password",
            self.tr("&New password:"),
            password=True,
            hint=self.tr(
                "At least {n} characters; a short sentence is easier to "
                "remember. Not the same as the user name."
            ).format(n=MIN_LENGTH),
        )
        dialog.add_line("confirm", self.tr("C&onfirm:"), password=True)

        def check(values: dict[str, Any]) -> dict[str, str]:
            if values["password"] != values["confirm"]:
                return {
                    "confirm": self.tr(
                        "The two passwords are different: type the same password twice."
                    )
                }
            return {}

        def work(values: dict[str, Any]) -> Callable[[TaskContext], None]:
            def run(_ctx: TaskContext) -> None:
                core.admin.change_password(
                    actor.username, values["password"], old_password=values["old_password"]
                )

            return run

        dialog.on_submit(work, check=check)
        dialog.succeeded.connect(
            lambda _r: inform(self, self.tr("Password"), self.tr("Your password has been changed."))
        )
        dialog.open()
