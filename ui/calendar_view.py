"""Calendar: a day (one column per provider) or a week (one column per day, one provider),
in 15-minute rows. Book in an empty slot, move, cancel, book a follow-up.

Time outside a provider's working hours is shaded and says so in its tooltip; each
appointment shows its patient, type and status sign (○ booked, ● arrived, ✓ completed…).
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import SCHEDULE_KINDS
from ui import labels
from ui.util import (
    buddy_label,
    combo_index,
    format_date,
    format_datetime,
    heading,
    make_button,
    pydate,
    qdate,
)

if TYPE_CHECKING:
    from desktop.app.schedule import CalendarData, DayEntry
    from desktop.changes import Changes
    from desktop.core import ClinicCore
    from ui.context import ClinicContext

SLOT = dt.timedelta(minutes=15)
DEFAULT_START, DEFAULT_END = dt.time(8), dt.time(17)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SLOT_ROLE = Qt.ItemDataRole.UserRole + 2  # (provider id, clinic-local start)
SHOWN = ("booked", "arrived", "in_consultation", "completed", "no_show")
OFF_HOURS = "#e4e4e4"
TODAY_TINT = "#fff4c2"  # the week's today column (also said in words in its header)
TINTS = {
    "booked": "#dbe9f6",
    "arrived": "#cfe6f7",
    "in_consultation": "#d6efd6",
    "completed": "#ececec",
    "no_show": "#f3d0d0",
}


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class CalendarView(QWidget):
    open_patient_requested = Signal(object)

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self.day = ctx.today()
        self.week_mode = False
        self.data: CalendarData | None = None
        self._loading = False
        self._again = False
        self._stale = False
        self._may_book = ctx.can(Permission.MANAGE_APPOINTMENTS)

        self.day_button = QPushButton(self.tr("D&ay"))
        self.week_button = QPushButton(self.tr("&Week"))
        group = QButtonGroup(self)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            button.setAccessibleName(button.text().replace("&", ""))
            group.addButton(button)
        self.day_button.setChecked(True)
        self.week_button.toggled.connect(self.set_week_mode)
        self.previous = make_button(
            "◀", lambda: self.step(-1), shortcut="Alt+Left", tooltip=self.tr("Previous")
        )
        self.previous.setAccessibleName(self.tr("Previous"))
        self.today_button = make_button(
            self.tr("&Today"), lambda: self.step(0), shortcut="Alt+Home"
        )
        self.next = make_button(
            "▶", lambda: self.step(1), shortcut="Alt+Right", tooltip=self.tr("Next")
        )
        self.next.setAccessibleName(self.tr("Next"))
        self.jump = QDateEdit()
        self.jump.setCalendarPopup(True)
        self.jump.setDisplayFormat("d MMM yyyy")
        self.jump.setDate(qdate(self.day))
        self.jump.setAccessibleName(self.tr("Go to date"))
        self.jump.dateChanged.connect(lambda d: self.show_day(pydate(d)))
        self.provider = QComboBox()
        self.provider.setObjectName("calendar_provider")
        self.provider.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.provider.currentIndexChanged.connect(self.refresh)
        self.title = heading("", level=2)
        self.title.setObjectName("calendar_title")

        self.grid = QTableWidget()
        self.grid.setObjectName("calendar_grid")
        self.grid.setAccessibleName(self.tr("Appointment calendar"))
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(22)
        self.grid.currentCellChanged.connect(lambda *_: self._sync_actions())
        self.grid.cellActivated.connect(lambda r, c: self._activated(r, c))
        self.grid.cellDoubleClicked.connect(lambda r, c: self._activated(r, c))

        self.book_button = make_button(
            self.tr("&Book here…"),
            lambda: self.book(),
            tooltip=self.tr("Book an appointment (Ctrl+B)"),
        )
        self.move_button = make_button(self.tr("&Move…"), self.move_selected)
        self.cancel_button = make_button(self.tr("&Cancel appointment…"), self.cancel_selected)
        self.follow_up_button = make_button(self.tr("Book &follow-up…"), self.follow_up_selected)
        self.open_button = make_button(self.tr("&Open patient"), self.open_selected)
        self.legend = QLabel(
            " ".join(f"{labels.status_text(s)}" for s in SHOWN)
            + "   "
            + self.tr("grey: not working")
        )
        self.legend.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.day_button)
        top.addWidget(self.week_button)
        top.addSpacing(12)
        top.addWidget(self.previous)
        top.addWidget(self.today_button)
        top.addWidget(self.next)
        top.addWidget(self.jump)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        top.addWidget(buddy_label(self.tr("Pro&vider:"), self.provider))
        top.addWidget(self.provider)
        actions = QHBoxLayout()
        for button in (
            self.book_button,
            self.move_button,
            self.cancel_button,
            self.follow_up_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.legend)
        layout.addLayout(actions)

        ctx.changes.changed.connect(self._on_changes)
        self._sync_actions()

    # -- what is shown --

    def activated(self) -> None:
        self.refresh()
        self.grid.setFocus()

    def set_week_mode(self, week: bool) -> None:
        if week == self.week_mode and self.data is not None:
            return
        self.week_mode = week
        (self.week_button if week else self.day_button).setChecked(True)
        self.refresh()

    def step(self, direction: int) -> None:
        if direction == 0:
            self.day = self.ctx.today()
        else:
            self.day += dt.timedelta(days=(7 if self.week_mode else 1) * direction)
        self._set_jump()
        self.refresh()

    def show_day(self, day: dt.date) -> None:
        if day != self.day:
            self.day = day
            self._set_jump()
            self.refresh()

    def _set_jump(self) -> None:
        self.jump.blockSignals(True)
        self.jump.setDate(qdate(self.day))
        self.jump.blockSignals(False)

    def _range(self) -> tuple[dt.date, int]:
        return (week_start(self.day), 7) if self.week_mode else (self.day, 1)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*SCHEDULE_KINDS):
            self.refresh()

    def refresh(self) -> None:
        """Reload what is shown; while hidden (another view, locked, the session over) it
        only notes that a reload is due, done when the Calendar is shown again."""
        if not self.isVisible():
            self._stale = True
            return
        if self._loading:
            self._again = True
            return
        start, days = self._range()
        provider_id = self.provider.currentData()
        if self.week_mode and provider_id is None and self.provider.count() > 1:
            provider_id = self.provider.itemData(1)
        self._loading = True
        self._stale = False

        def read(core: ClinicCore) -> CalendarData:
            return core.schedule.calendar(start, days, provider_id)

        self.ctx.call(self, read).success(self._loaded).finished(self._finished).run()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or self.data is None:
            self.refresh()

    def _finished(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()

    def _loaded(self, data: CalendarData) -> None:
        self.data = data
        current = self.provider.currentData()
        self.provider.blockSignals(True)
        self.provider.clear()
        if not self.week_mode:
            self.provider.addItem(self.tr("All providers"), None)
        for provider in data.providers:
            self.provider.addItem(provider.name, provider.provider_id)
        wanted = data.provider_id if self.week_mode else current
        self.provider.setCurrentIndex(max(0, combo_index(self.provider, wanted)))
        self.provider.blockSignals(False)
        if (
            self.week_mode
            and data.provider_id != self.provider.currentData()
            and self.provider.currentData() is not None
        ):
            self.refresh()  # a provider was chosen for the week: load theirs
            return
        self._fill(data)

    def _columns(self, data: CalendarData) -> list[tuple[str, uuid.UUID, dt.date]]:
        """(header, provider, day) per column."""
        if self.week_mode:
            provider_id = data.provider_id
            if provider_id is None:
                return []
            columns = []
            for i in range(7):
                day = data.start + dt.timedelta(days=i)
                title = format_date(day).rsplit(" ", 1)[0] + "\n" + labels.weekday_label(i)
                if day == data.today:
                    title = self.tr("{day} · Today").format(day=title)
                columns.append((title, provider_id, day))
            return columns
        only = self.provider.currentData()
        return [
            (p.name, p.provider_id, data.start)
            for p in data.providers
            if only is None or p.provider_id == only
        ]

    def _fill(self, data: CalendarData) -> None:
        columns = self._columns(data)
        first, last = DEFAULT_START, DEFAULT_END
        for _title, pid, day in columns:
            for window in data.hours.get(pid, ()):
                if window.weekday == day.weekday():
                    first, last = min(first, window.start), max(last, window.end)
        for entry in data.entries:
            first = min(first, entry.starts_at.time())
            last = max(
                last, entry.ends_at.time() if entry.ends_at.time() > dt.time(0) else dt.time(23, 59)
            )
        start_minutes = first.hour * 60 - first.hour * 60 % 60
        end_minutes = min(24 * 60, math.ceil((last.hour * 60 + last.minute) / 60) * 60)
        rows = max(1, (end_minutes - start_minutes) // 15)

        if self.week_mode:
            self.title.setText(
                self.tr("Week of {date}").format(date=format_date(data.start, long=True))
            )
        elif data.start == data.today:
            self.title.setText(
                self.tr("Today, {date}").format(date=format_date(data.start, long=True))
            )
        else:
            self.title.setText(format_date(data.start, long=True))

        grid = self.grid
        grid.clearSpans()
        grid.clear()
        grid.setColumnCount(len(columns))
        grid.setRowCount(rows)
        grid.setHorizontalHeaderLabels([c[0] for c in columns])
        grid.setVerticalHeaderLabels(
            [
                f"{(start_minutes + 15 * r) // 60:02d}:{(start_minutes + 15 * r) % 60:02d}"
                for r in range(rows)
            ]
        )
        for c, (_title, pid, day) in enumerate(columns):
            header = grid.horizontalHeaderItem(c)
            if self.week_mode and day == data.today and header is not None:
                bold = header.font()
                bold.setBold(True)
                header.setFont(bold)
                header.setToolTip(self.tr("Today"))
            windows = [
                (w.start, w.end) for w in data.hours.get(pid, ()) if w.weekday == day.weekday()
            ]
            for r in range(rows):
                minutes = start_minutes + 15 * r
                slot_start = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))
                item = QTableWidgetItem("")
                item.setData(SLOT_ROLE, (pid, slot_start))
                if not any(s <= slot_start.time() < e for s, e in windows):
                    item.setBackground(QBrush(QColor(OFF_HOURS)))
                    item.setToolTip(self.tr("Not working"))
                elif self.week_mode and day == data.today:
                    item.setBackground(QBrush(QColor(TODAY_TINT)))
                grid.setItem(r, c, item)
        taken: set[tuple[int, int]] = set()
        column_of = {(pid, day): c for c, (_t, pid, day) in enumerate(columns)}
        ordered = sorted(
            data.entries,
            key=lambda e: (
                e.status.value not in ("booked", "arrived", "in_consultation", "completed"),
                e.starts_at,
            ),
        )
        for entry in ordered:
            status = entry.status.value
            if status not in SHOWN:
                continue
            column = column_of.get((entry.provider_id, entry.starts_at.date()))
            if column is None:
                continue
            c = column
            local = entry.starts_at
            r = (local.hour * 60 + local.minute - start_minutes) // 15
            span = max(1, math.ceil((entry.ends_at - entry.starts_at) / SLOT))
            span = min(span, rows - r)
            if r < 0 or any((rr, c) in taken for rr in range(r, r + span)):
                existing = grid.item(max(r, 0), c)
                if existing is not None:
                    existing.setToolTip(existing.toolTip() + "\n" + self._describe(entry))
                continue
            for rr in range(r, r + span):
                taken.add((rr, c))
            placed = grid.item(r, c)
            if placed is None:
                continue
            item = placed
            text = f"{labels.STATUS_MARKS.get(status, '')} {entry.patient_name}"
            # A 15-minute appointment has one row: its type goes on the same line.
            kind = labels.walk_in_text(entry.type_name, entry.walk_in)
            text += f"\n{kind}" if span > 1 else f" · {kind}"
            if entry.late:  # the sign once, the word beside the type (which stays shown)
                late_word = labels.status_text(status, late=True).replace(labels.LATE_MARK, "")
                text = f"{labels.LATE_MARK} {entry.patient_name}" + ("\n" if span > 1 else " · ")
                text += f"{kind} · {late_word.strip()}"
            item.setText(text)
            item.setData(ENTRY_ROLE, entry)
            item.setToolTip(self._describe(entry))
            item.setBackground(QBrush(QColor(TINTS.get(status, "#ffffff"))))
            if span > 1:
                grid.setSpan(r, c, span, 1)
        self._sync_actions()

    def _describe(self, entry: DayEntry) -> str:
        return self.tr("{start}–{end} {patient} ({type}), {status}").format(
            start=f"{entry.starts_at:%H:%M}",
            end=f"{entry.ends_at:%H:%M}",
            patient=entry.patient_name,
            type=labels.walk_in_text(entry.type_name, entry.walk_in),
            status=labels.status_text(entry.status.value, late=entry.late),
        )

    # -- selection and actions --

    def selected_entry(self) -> DayEntry | None:
        item = self.grid.currentItem()
        entry: DayEntry | None = item.data(ENTRY_ROLE) if item is not None else None
        return entry

    def selected_slot(self) -> tuple[uuid.UUID, dt.datetime] | None:
        item = self.grid.currentItem()
        slot: tuple[uuid.UUID, dt.datetime] | None = (
            item.data(SLOT_ROLE) if item is not None else None
        )
        return slot

    def _sync_actions(self) -> None:
        entry = self.selected_entry()
        # What the appointment may become, as the core says (moving leaves it "rescheduled").
        allowed = {s.value for s in entry.next_steps} if entry is not None else set()
        self.book_button.setEnabled(self._may_book)
        self.move_button.setEnabled(self._may_book and "rescheduled" in allowed)
        self.cancel_button.setEnabled(self._may_book and "cancelled" in allowed)
        self.follow_up_button.setEnabled(self._may_book and entry is not None)
        self.open_button.setEnabled(entry is not None)

    def _activated(self, _row: int, _column: int) -> None:
        if self.selected_entry() is not None:
            self.open_selected()
        elif self._may_book:
            self.book()

    def book(self, patient: tuple[uuid.UUID, str] | None = None) -> None:
        from ui.booking_dialog import BookingDialog

        slot = self.selected_slot() if self.isVisible() else None
        provider_id, start = (
            slot
            if slot is not None and self.selected_entry() is None
            else (self.provider.currentData(), None)
        )
        BookingDialog.book(
            self.ctx, self, patient=patient, provider_id=provider_id, start=start
        ).open()

    def move_selected(self) -> None:
        from ui.booking_dialog import BookingDialog

        entry = self.selected_entry()
        if entry is not None:
            BookingDialog.move_appointment(
                self.ctx,
                self,
                entry.appointment_id,
                entry.patient_id,
                entry.patient_name,
                entry.provider_id,
                entry.starts_at.replace(tzinfo=None),
            ).open()

    def follow_up_selected(self) -> None:
        from ui.appointment_actions import book_follow_up

        entry = self.selected_entry()
        if entry is not None:
            book_follow_up(self.ctx, self, entry)

    def cancel_selected(self) -> None:
        from ui.appointment_actions import cancel_appointment

        entry = self.selected_entry()
        if entry is not None:
            question = self.tr("Cancel {patient}'s appointment of {when}?").format(
                patient=entry.patient_name, when=format_datetime(entry.starts_at)
            )
            cancel_appointment(self.ctx, self, entry.appointment_id, question)

    def open_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.open_patient_requested.emit(entry.patient_id)
