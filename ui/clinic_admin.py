"""Administrators: the clinic — its details (name, phone, address, paper size), its opening
hours, providers and their working hours, appointment types.

Working hours are typed the way they are said, one line per weekday:
"08:00–13:00, 14:00–17:00" (a dash or an en dash), or left empty for a day off. A new
provider starts with the clinic's opening hours. Everything is read and written through
`core.admin`; the panel redraws from the change events.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.app.admin import (
    AppointmentTypeRow,
    ClinicDetails,
    ClinicWeek,
    ProviderRow,
    Window,
    format_windows,
    parse_windows,
)
from desktop.changes import APPOINTMENT_TYPES, CLINIC, PROVIDERS, WORKING_HOURS
from ui import labels
from ui.errors import error_text, show_error
from ui.small_dialog import InputDialog
from ui.tasks import TaskContext
from ui.util import (
    FieldError,
    buddy_label,
    combo_select,
    confirm,
    is_alive,
    make_button,
    row,
    with_colon,
)

if TYPE_CHECKING:
    from desktop.changes import Changes
    from ui.context import ClinicContext

OPENING = "opening"
"""The hours list's first entry: the clinic's opening hours, not a provider's."""

_KINDS = (CLINIC, PROVIDERS, APPOINTMENT_TYPES, WORKING_HOURS, "store_meta")


class ClinicPanel(QWidget):
    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.week: ClinicWeek | None = None
        self.details: ClinicDetails | None = None
        self._hours_loaded: dict[int, str] = {}
        self._hours_entry: uuid.UUID | str | None = None
        self._details_loaded: dict[str, str] = {}

        # -- the clinic's details --
        self.clinic_name = QLineEdit()
        self.clinic_name.setObjectName("clinic_name")
        self.clinic_name.setMaxLength(200)
        self.clinic_code = QLineEdit()
        self.clinic_code.setObjectName("clinic_code")
        self.clinic_code.setMaxLength(5)  # the core's rule: 2 to 5, see update_clinic
        code_hint = QLabel(self.tr("Starts every new clinic number: KHP in KHP-QX0042."))
        code_hint.setObjectName("clinic_code_hint")
        code_hint.setWordWrap(True)
        self.clinic_code.setToolTip(
            self.tr("2 to 5 capital letters or digits, starting with a letter.")
        )
        self.clinic_code.setAccessibleDescription(code_hint.text())
        self.clinic_phone = QLineEdit()
        self.clinic_phone.setObjectName("clinic_phone")
        self.clinic_address = QPlainTextEdit()
        self.clinic_address.setObjectName("clinic_address")
        self.clinic_address.setTabChangesFocus(True)
        self.clinic_address.setMaximumHeight(70)
        self.paper_size = QComboBox()
        self.paper_size.setObjectName("paper_size")
        self.paper_size.addItem(self.tr("A4"), "A4")
        self.paper_size.addItem(self.tr("Letter"), "Letter")
        self.details_errors: dict[str, FieldError] = {}
        details_box = QGroupBox(self.tr("The clinic"))
        details_form = QFormLayout(details_box)
        hints: dict[str, QLabel] = {"code": code_hint}
        for key, label, field in (
            ("name", self.tr("Na&me:"), self.clinic_name),
            ("code", self.tr("C&linic code:"), self.clinic_code),
            ("phone", self.tr("Phon&e:"), self.clinic_phone),
            ("address", self.tr("A&ddress:"), self.clinic_address),
            ("paper_size", self.tr("Paper si&ze:"), self.paper_size),
        ):
            error = FieldError().attach(field)
            self.details_errors[key] = error
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(field)
            if key in hints:
                cell.addWidget(hints[key])
            cell.addWidget(error)
            details_form.addRow(buddy_label(label, field), cell)
        self.save_details_button = make_button(
            self.tr("Save the clinic's de&tails"), self.save_details
        )
        self.details_note = QLabel()
        self.details_note.setObjectName("details_saved")
        details_form.addRow(QLabel(self.tr("Printed on appointment slips, forms and letters.")))
        details_form.addRow(row(self.save_details_button, self.details_note, None))

        # -- providers (and the opening hours) --
        self.providers = QListWidget()
        self.providers.setObjectName("providers_list")
        self.providers.setAccessibleName(self.tr("Opening hours and providers"))
        self.providers.currentItemChanged.connect(lambda *_: self._show_hours())
        add_provider = make_button(self.tr("Add a pro&vider…"), self.add_provider)
        self.rename_provider_button = make_button(self.tr("&Rename…"), self.rename_provider)
        self.deactivate_provider_button = make_button(
            self.tr("Has le&ft…"), self.deactivate_provider
        )
        providers_box = QGroupBox(self.tr("Opening hours and providers"))
        box = QVBoxLayout(providers_box)
        box.addWidget(self.providers, 1)
        box.addLayout(
            row(add_provider, self.rename_provider_button, self.deactivate_provider_button, None)
        )

        # -- hours of the selected entry --
        self.hours_box = QGroupBox(self.tr("Working hours"))
        hours_form = QFormLayout(self.hours_box)
        self.hours_intro = QLabel()
        self.hours_intro.setWordWrap(True)
        hours_form.addRow(self.hours_intro)
        self.day_fields: list[QLineEdit] = []
        self.day_errors: list[FieldError] = []
        for weekday in range(7):
            edit = QLineEdit()
            edit.setObjectName(f"hours_{weekday}")
            edit.setPlaceholderText(self.tr("day off"))
            error = FieldError().attach(edit)
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(edit)
            cell.addWidget(error)
            hours_form.addRow(buddy_label(with_colon(labels.weekday_label(weekday)), edit), cell)
            self.day_fields.append(edit)
            self.day_errors.append(error)
        hint = QLabel(self.tr("e.g. 08:00–13:00, 14:00–17:00. Leave empty for a day off."))
        hint.setWordWrap(True)
        self.save_hours_button = make_button(self.tr("Save &working hours"), self.save_hours)
        self.hours_note = QLabel()
        hours_form.addRow(hint)
        hours_form.addRow(row(self.save_hours_button, self.hours_note, None))

        # -- appointment types --
        self.kinds = QListWidget()
        self.kinds.setObjectName("appointment_types")
        self.kinds.setAccessibleName(self.tr("Appointment types"))
        self.kinds.currentItemChanged.connect(lambda *_: self._sync_buttons())
        add_kind = make_button(self.tr("Add an appointment t&ype…"), self.add_kind)
        self.change_kind_button = make_button(self.tr("&Change…"), self.change_kind)
        self.deactivate_kind_button = make_button(self.tr("No longer u&sed…"), self.deactivate_kind)
        kinds_box = QGroupBox(self.tr("Appointment types"))
        box = QVBoxLayout(kinds_box)
        box.addWidget(self.kinds, 1)
        box.addLayout(row(add_kind, self.change_kind_button, self.deactivate_kind_button, None))

        left = QVBoxLayout()
        left.addWidget(details_box)
        left.addWidget(providers_box, 1)
        left.addWidget(kinds_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.hours_box, 1)
        # Tab: a provider (and its buttons), then that provider's hours, then the
        # appointment types — not the types wedged between a provider and its hours.
        chain: list[QWidget] = [
            self.providers,
            add_provider,
            self.rename_provider_button,
            self.deactivate_provider_button,
            *self.day_fields,
            self.save_hours_button,
            self.kinds,
            add_kind,
            self.change_kind_button,
            self.deactivate_kind_button,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        ctx.changes.changed.connect(self._on_changes)
        self.hours_box.setEnabled(False)
        self._sync_buttons()

    # -- reading --

    def activated(self) -> None:
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*_KINDS) and is_alive(self) and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        def read(core: Any) -> tuple[ClinicWeek, ClinicDetails]:
            return core.admin.clinic_week(), core.admin.clinic()

        self.ctx.ask(read, self._loaded)

    def _loaded(
        self, result: tuple[ClinicWeek, ClinicDetails] | None, error: BaseException | None
    ) -> None:
        if not is_alive(self):
            return
        if error is not None or result is None:
            show_error(self, error or RuntimeError("nothing read"))
            return
        week, details = result
        self._show_details(details)
        self._show(week)

    def _show_details(self, details: ClinicDetails) -> None:
        edited = self.details is not None and self._details_edited()
        self.details = details
        if edited:
            return  # keep what is being typed
        self.clinic_name.setText(details.name)
        self.clinic_code.setText(details.code)
        self.clinic_phone.setText(details.phone_display)
        self.clinic_address.setPlainText(details.address)
        combo_select(self.paper_size, details.paper_size)
        self._details_loaded = self._details_values()

    def _show(self, week: ClinicWeek) -> None:
        current = self.selected_entry()
        keep_hours = self.has_unsaved_hours()
        self.week = week
        self.providers.blockSignals(True)
        self.providers.clear()
        opening = QListWidgetItem(self.tr("Clinic opening hours"))
        opening.setData(Qt.ItemDataRole.UserRole, OPENING)
        opening.setToolTip(self.tr("A new provider starts with these hours."))
        self.providers.addItem(opening)
        for provider in week.providers:
            item = QListWidgetItem(provider.label)
            item.setData(Qt.ItemDataRole.UserRole, provider.id)
            self.providers.addItem(item)
        for index in range(self.providers.count()):
            if self.providers.item(index).data(Qt.ItemDataRole.UserRole) == current:
                self.providers.setCurrentRow(index)
        if self.providers.currentItem() is None:
            self.providers.setCurrentRow(1 if week.providers else 0)
        self.providers.blockSignals(False)
        current_kind = self.selected_kind()
        self.kinds.clear()
        for kind in week.kinds:
            item = QListWidgetItem(
                self.tr("{name} — {minutes} min").format(
                    name=kind.name, minutes=kind.duration_minutes
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.kinds.addItem(item)
            if current_kind is not None and kind.id == current_kind.id:
                self.kinds.setCurrentItem(item)
        if not keep_hours:
            self._show_hours()
        self._sync_buttons()

    # -- selection --

    def selected_entry(self) -> uuid.UUID | str | None:
        item = self.providers.currentItem()
        if item is None:
            return None
        entry: uuid.UUID | str = item.data(Qt.ItemDataRole.UserRole)
        return entry

    def selected_provider(self) -> ProviderRow | None:
        entry = self.selected_entry()
        if self.week is None or not isinstance(entry, uuid.UUID):
            return None
        return next((p for p in self.week.providers if p.id == entry), None)

    def selected_kind(self) -> AppointmentTypeRow | None:
        item = self.kinds.currentItem()
        if item is None:
            return None
        kind: AppointmentTypeRow = item.data(Qt.ItemDataRole.UserRole)
        return kind

    def _sync_buttons(self) -> None:
        provider = self.selected_provider()
        self.rename_provider_button.setEnabled(provider is not None)
        self.deactivate_provider_button.setEnabled(provider is not None)
        kind = self.selected_kind()
        self.change_kind_button.setEnabled(kind is not None)
        self.deactivate_kind_button.setEnabled(kind is not None)

    def _show_hours(self) -> None:
        entry = self.selected_entry()
        self._sync_buttons()
        self.hours_box.setEnabled(entry is not None)
        if entry != self._hours_entry:
            self.hours_note.clear()  # "Saved." stays while the same hours are redrawn
        self._hours_entry = entry
        days: dict[int, tuple[Window, ...]] = {}
        if self.week is not None and entry == OPENING:
            days = dict(self.week.opening_hours)
            self.hours_box.setTitle(self.tr("Clinic opening hours"))
            self.hours_intro.setText(self.tr("A new provider starts with these hours."))
        elif self.week is not None and isinstance(entry, uuid.UUID):
            days = dict(self.week.hours.get(entry, {}))
            provider = self.selected_provider()
            self.hours_box.setTitle(
                self.tr("Working hours of {name}").format(name=provider.name if provider else "")
            )
            self.hours_intro.setText("")
        self.hours_intro.setVisible(bool(self.hours_intro.text()))
        self._hours_loaded = {}
        for weekday, edit in enumerate(self.day_fields):
            text = format_windows(days.get(weekday, ()))
            edit.setText(text)
            self._hours_loaded[weekday] = text
            self.day_errors[weekday].clear_message()

    # -- unsaved work --

    def has_unsaved_hours(self) -> bool:
        return any(
            edit.text() != self._hours_loaded.get(day, "")
            for day, edit in enumerate(self.day_fields)
        )

    def _details_values(self) -> dict[str, str]:
        return {
            "name": self.clinic_name.text(),
            "code": self.clinic_code.text().strip().upper(),
            "phone": self.clinic_phone.text(),
            "address": self.clinic_address.toPlainText(),
            "paper_size": str(self.paper_size.currentData()),
        }

    def _details_edited(self) -> bool:
        return bool(self._details_loaded) and self._details_values() != self._details_loaded

    def has_unsaved_changes(self) -> bool:
        return self.has_unsaved_hours() or self._details_edited()

    # -- writing --

    def save_details(self) -> None:
        values = self._details_values()
        for error in self.details_errors.values():
            error.clear_message()

        def failed(error: BaseException) -> None:
            from desktop.errors import InvalidInput

            target = self.details_errors.get(getattr(error, "field", None) or "")
            if isinstance(error, InvalidInput) and target is not None:
                target.show_message(error_text(error))
            else:
                show_error(self, error)

        def saved(done: Any) -> None:
            self._details_loaded = {}
            self._show_details(done.value)
            self.details_note.setText(self.tr("Saved."))
            window = self.window()
            title_changed = getattr(window, "clinic_renamed", None)
            if title_changed is not None:
                title_changed(done.value.name)

        self.ctx.call(
            self,
            lambda core: core.admin.update_clinic(
                name=values["name"],
                phone=values["phone"],
                address=values["address"],
                paper_size=values["paper_size"],
                code=values["code"],
            ),
            label=self.tr("Saving the clinic's details…"),
        ).success(saved).failure(failed).run()

    def save_hours(self) -> None:
        from desktop.errors import InvalidInput

        entry = self.selected_entry()
        if entry is None:
            return
        changed: dict[int, list[Window]] = {}
        ok = True
        for weekday, edit in enumerate(self.day_fields):
            self.day_errors[weekday].clear_message()
            if entry != OPENING and edit.text() == self._hours_loaded.get(weekday, ""):
                continue
            try:
                changed[weekday] = parse_windows(edit.text())
            except InvalidInput as exc:
                ok = False
                self.day_errors[weekday].show_message(error_text(exc))
        if not ok or not changed:
            return

        def failed(error: BaseException) -> None:
            field = getattr(error, "field", None) or ""
            if isinstance(error, InvalidInput) and field.startswith("hours:"):
                self.day_errors[int(field.split(":")[1])].show_message(error_text(error))
            elif isinstance(error, InvalidInput) and entry == OPENING:
                self.day_errors[0].show_message(error_text(error))
            else:
                show_error(self, error)

        def saved(_done: object) -> None:
            self._hours_loaded = {d: e.text() for d, e in enumerate(self.day_fields)}
            self.hours_note.setText(self.tr("Saved."))

        def call(core: Any) -> object:
            if entry == OPENING:
                return core.admin.set_opening_hours(changed)
            return core.admin.set_working_hours(entry, changed)

        self.ctx.call(self, call, label=self.tr("Saving working hours…")).success(saved).failure(
            failed
        ).run()

    def add_provider(self) -> None:
        core = self.ctx.core
        dialog = InputDialog(
            self,
            self.ctx.tasks,
            self.tr("Add a provider"),
            intro=self.tr(
                "The new provider works the clinic's opening hours; change them under "
                "Working hours once added."
            ),
        )
        dialog.add_line("name", self.tr("&Name:"))
        dialog.add_line("title", self.tr("&Title:"), hint=self.tr("e.g. Clinical officer"))

        def work(values: dict[str, Any]) -> Callable[[TaskContext], object]:
            return lambda _ctx: core.admin.add_provider(values["name"], values["title"])

        dialog.on_submit(work)
        dialog.open()

    def rename_provider(self) -> None:
        provider = self.selected_provider()
        if provider is None:
            return
        core = self.ctx.core
        dialog = InputDialog(self, self.ctx.tasks, self.tr("Rename a provider"))
        dialog.add_line("name", self.tr("&Name:"), text=provider.name)
        dialog.add_line("title", self.tr("&Title:"), text=provider.title)

        def work(values: dict[str, Any]) -> Callable[[TaskContext], object]:
            return lambda _ctx: core.admin.rename_provider(
                provider.id, values["name"], values["title"]
            )

        dialog.on_submit(work)
        dialog.open()

    def deactivate_provider(self) -> None:
        provider = self.selected_provider()
        if provider is None:
            return

        def deactivate() -> None:
            self.ctx.call(
                self,
                lambda core: core.admin.set_provider_active(provider.id, False),
                label=self.tr("Saving…"),
            ).run()

        confirm(
            self,
            self.tr("Provider has left"),
            self.tr(
                "{name} will no longer be offered for new appointments. Past and booked "
                "appointments keep the name."
            ).format(name=provider.name),
            deactivate,
            yes_text=self.tr("No longer offer {name}").format(name=provider.name),
            no_text=self.tr("Keep"),
            destructive=True,
        )

    def add_kind(self) -> None:
        core = self.ctx.core
        dialog = InputDialog(self, self.ctx.tasks, self.tr("Add an appointment type"))
        dialog.add_line("name", self.tr("&Name:"), hint=self.tr("e.g. Antenatal visit"))
        dialog.add_spin("duration", self.tr("&Duration:"), 5, 480, 20, suffix=self.tr(" min"))

        def work(values: dict[str, Any]) -> Callable[[TaskContext], object]:
            return lambda _ctx: core.admin.add_appointment_type(values["name"], values["duration"])

        dialog.on_submit(work)
        dialog.open()

    def change_kind(self) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        core = self.ctx.core
        dialog = InputDialog(
            self,
            self.ctx.tasks,
            self.tr("Change an appointment type"),
            intro=self.tr("Appointments already booked keep their length."),
        )
        dialog.add_line("name", self.tr("&Name:"), text=kind.name)
        dialog.add_spin(
            "duration", self.tr("&Duration:"), 5, 480, kind.duration_minutes, suffix=self.tr(" min")
        )

        def work(values: dict[str, Any]) -> Callable[[TaskContext], object]:
            return lambda _ctx: core.admin.update_appointment_type(
                kind.id, name=values["name"], duration_minutes=values["duration"]
            )

        dialog.on_submit(work)
        dialog.open()

    def deactivate_kind(self) -> None:
        kind = self.selected_kind()
        if kind is None:
            return

        def deactivate() -> None:
            self.ctx.call(
                self,
                lambda core: core.admin.set_appointment_type_active(kind.id, False),
                label=self.tr("Saving…"),
            ).run()

        confirm(
            self,
            self.tr("Appointment type no longer used"),
            self.tr(
                "{name} will no longer be offered for new appointments. Appointments already "
                "booked keep it."
            ).format(name=kind.name),
            deactivate,
            yes_text=self.tr("No longer offer it"),
            no_text=self.tr("Keep"),
            destructive=True,
        )
