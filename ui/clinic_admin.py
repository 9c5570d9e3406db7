"""Administrators: the clinic's week — providers, their working hours, appointment types.

Working hours are typed the way they are said, one line per weekday:
"08:00–13:00, 14:00–17:00" (a dash or an en dash), or left empty for a day off.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.errors import error_text
from ui.small_dialog import InputDialog
from ui.tasks import TaskContext
from ui.util import FieldError, buddy_label, make_button, row, with_colon

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ui.context import ClinicContext

_WINDOW = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*[-–—]\s*(\d{1,2})[:.h](\d{2})\s*$")


class HoursSyntaxError(ValueError):
    pass


def parse_windows(text: str) -> list[tuple[dt.time, dt.time]]:
    """ "08:00-13:00, 14:00-17:00" → [(08:00, 13:00), (14:00, 17:00)]; "" → []."""
    windows = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;]", text))):
        match = _WINDOW.match(part)
        if not match:
            raise HoursSyntaxError(part)
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        try:
            windows.append((dt.time(h1, m1), dt.time(h2, m2)))
        except ValueError:
            raise HoursSyntaxError(part) from None
    return windows


def format_windows(windows: list[tuple[dt.time, dt.time]]) -> str:
    return ", ".join(f"{s:%H:%M}–{e:%H:%M}" for s, e in windows)


@dataclass
class ClinicWeek:
    providers: list[tuple[uuid.UUID, str, str]]  # id, name, title
    hours: dict[uuid.UUID, dict[int, list[tuple[dt.time, dt.time]]]] = field(default_factory=dict)
    kinds: list[tuple[uuid.UUID, str, int]] = field(default_factory=list)


def load_week(session: Session) -> ClinicWeek:
    from desktop.services import clinic_setup

    providers = clinic_setup.list_providers(session)
    week = ClinicWeek([(p.id, p.name, p.title) for p in providers])
    for p in providers:
        days: dict[int, list[tuple[dt.time, dt.time]]] = {}
        for w in clinic_setup.working_hours(session, p.id):
            days.setdefault(w.weekday, []).append((w.start, w.end))
        week.hours[p.id] = days
    week.kinds = [
        (t.id, t.name, t.duration_minutes) for t in clinic_setup.list_appointment_types(session)
    ]
    return week


class ClinicPanel(QWidget):
    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.week: ClinicWeek | None = None
        self._hours_loaded: dict[int, str] = {}

        self.providers = QListWidget()
        self.providers.setObjectName("providers_list")
        self.providers.setAccessibleName(self.tr("Providers"))
        self.providers.currentItemChanged.connect(lambda *_: self._show_hours())
        add_provider = make_button(self.tr("Add a &provider…"), self.add_provider)
        providers_box = QGroupBox(self.tr("Providers"))
        box = QVBoxLayout(providers_box)
        box.addWidget(self.providers, 1)
        box.addLayout(row(add_provider, None))

        self.hours_box = QGroupBox(self.tr("Working hours"))
        hours_form = QFormLayout(self.hours_box)
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
        self.save_hours_button = make_button(self.tr("&Save working hours"), self.save_hours)
        self.hours_note = QLabel()
        hours_form.addRow(hint)
        hours_form.addRow(row(self.save_hours_button, self.hours_note, None))

        self.kinds = QListWidget()
        self.kinds.setObjectName("appointment_types")
        self.kinds.setAccessibleName(self.tr("Appointment types"))
        add_kind = make_button(self.tr("Add an appointment &type…"), self.add_kind)
        kinds_box = QGroupBox(self.tr("Appointment types"))
        box = QVBoxLayout(kinds_box)
        box.addWidget(self.kinds, 1)
        box.addLayout(row(add_kind, None))

        left = QVBoxLayout()
        left.addWidget(providers_box, 1)
        left.addWidget(kinds_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.hours_box, 2)
        ctx.events.clinic_changed.connect(self.refresh)
        self.hours_box.setEnabled(False)

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.ctx.db(self, load_week).success(self._show).run()

    def _show(self, week: ClinicWeek) -> None:
        current = self.selected_provider()
        self.week = week
        self.providers.clear()
        for provider_id, name, title in week.providers:
            item = QListWidgetItem(f"{name} — {title}" if title else name)
            item.setData(Qt.ItemDataRole.UserRole, provider_id)
            self.providers.addItem(item)
            if provider_id == current:
                self.providers.setCurrentItem(item)
        if self.providers.currentItem() is None and self.providers.count():
            self.providers.setCurrentRow(0)
        self.kinds.clear()
        for _type_id, name, minutes in week.kinds:
            self.kinds.addItem(self.tr("{name} — {minutes} min").format(name=name, minutes=minutes))
        self._show_hours()

    def selected_provider(self) -> uuid.UUID | None:
        item = self.providers.currentItem()
        if item is None:
            return None
        provider_id: uuid.UUID = item.data(Qt.ItemDataRole.UserRole)
        return provider_id

    def _show_hours(self) -> None:
        provider_id = self.selected_provider()
        self.hours_box.setEnabled(provider_id is not None)
        self.hours_note.clear()
        days = self.week.hours.get(provider_id, {}) if self.week and provider_id else {}
        self._hours_loaded = {}
        for weekday, edit in enumerate(self.day_fields):
            text = format_windows(days.get(weekday, []))
            edit.setText(text)
            self._hours_loaded[weekday] = text
            self.day_errors[weekday].clear_message()

    def has_unsaved_changes(self) -> bool:
        return any(
            edit.text() != self._hours_loaded.get(day, "")
            for day, edit in enumerate(self.day_fields)
        )

    def save_hours(self) -> None:
        from desktop.services import clinic_setup

        provider_id = self.selected_provider()
        if provider_id is None:
            return
        changed: dict[int, list[tuple[dt.time, dt.time]]] = {}
        ok = True
        for weekday, edit in enumerate(self.day_fields):
            self.day_errors[weekday].clear_message()
            if edit.text() == self._hours_loaded.get(weekday, ""):
                continue
            try:
                changed[weekday] = parse_windows(edit.text())
            except HoursSyntaxError as exc:
                ok = False
                self.day_errors[weekday].show_message(
                    self.tr("“{part}” is not a time range: write it like 08:00–13:00.").format(
                        part=str(exc)
                    )
                )
        if not ok or not changed:
            return
        actor = self.ctx.actor
        current: dict[str, Any] = {"weekday": None}

        def work(session: Session) -> None:
            for weekday, windows in changed.items():
                current["weekday"] = weekday
                clinic_setup.set_working_hours(session, actor, provider_id, weekday, windows)

        def failed(error: BaseException) -> None:
            from desktop.errors import InvalidInput
            from ui.errors import show_error

            weekday = current["weekday"]
            if isinstance(error, InvalidInput) and weekday is not None:
                self.day_errors[weekday].show_message(error_text(error))
            else:
                show_error(self, error)

        def saved(_none: None) -> None:
            self.hours_note.setText(self.tr("Saved."))
            self.ctx.events.clinic_changed.emit()

        self.ctx.db(self, work, label=self.tr("Saving working hours…")).success(saved).failure(
            failed
        ).run()

    def add_provider(self) -> None:
        from desktop.services import clinic_setup

        store, actor = self.ctx.core.store, self.ctx.actor
        dialog = InputDialog(self, self.ctx.tasks, self.tr("Add a provider"))
        dialog.add_line("name", self.tr("&Name:"))
        dialog.add_line("title", self.tr("&Title:"), hint=self.tr("e.g. Clinical officer"))

        def work(values: dict[str, Any]) -> Callable[[TaskContext], None]:
            def run(_ctx: TaskContext) -> None:
                with store.session() as session, session.begin():
                    clinic_setup.add_provider(session, actor, values["name"], values["title"])

            return run

        dialog.on_submit(work)
        dialog.succeeded.connect(lambda _r: self.ctx.events.clinic_changed.emit())
        dialog.open()

    def add_kind(self) -> None:
        from desktop.services import clinic_setup

        store, actor = self.ctx.core.store, self.ctx.actor
        dialog = InputDialog(self, self.ctx.tasks, self.tr("Add an appointment type"))
        dialog.add_line("name", self.tr("&Name:"), hint=self.tr("e.g. Antenatal visit"))
        dialog.add_spin("duration", self.tr("&Duration:"), 5, 480, 20, suffix=self.tr(" min"))

        def work(values: dict[str, Any]) -> Callable[[TaskContext], None]:
            def run(_ctx: TaskContext) -> None:
                with store.session() as session, session.begin():
                    clinic_setup.add_appointment_type(
                        session, actor, values["name"], values["duration"]
                    )

            return run

        dialog.on_submit(work)
        dialog.succeeded.connect(lambda _r: self.ctx.events.clinic_changed.emit())
        dialog.open()
