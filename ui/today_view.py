"""Today: the day's appointments per provider, the waiting room, and one action per step of a
visit (check in, start consultation, complete, no-show), each with a shortcut.

Late and no-show patients are marked with a sign and a word (⚠ Late, ✗ No-show) as well as
a tint, so the status never rests on colour alone.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import SCHEDULE_KINDS
from ui import labels
from ui.language import localized
from ui.util import buddy_label, combo_index, format_date, format_time, heading, make_button

if TYPE_CHECKING:
    from collections.abc import Mapping

    from desktop.app.coverage import PatientCoverage
    from desktop.app.schedule import DayEntry, TodayData
    from desktop.changes import Changes
    from desktop.core import ClinicCore
    from ui.context import ClinicContext


ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
REFRESH_MS = 60_000  # "late" changes with the clock

TINTS = {
    "late": "#fde2c8",
    "no_show": "#f3d0d0",
    "arrived": "#d8ecf8",
    "in_consultation": "#dcf1dc",
    "completed": "#eeeeee",
}
HIDDEN_BY_DEFAULT = ("cancelled", "rescheduled")
COVERAGE_KINDS = ("coverage_checks", "coverage_memberships", "coverage_schemes")


class TodayView(QWidget):
    open_patient_requested = Signal(object)  # patient id

    def __init__(
        self,
        ctx: ClinicContext,
        parent: QWidget | None = None,
        *,
        first_day: TodayData | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self.day = ctx.today()
        self.data: TodayData | None = None
        self._loading = False
        self._reload_again = False
        self._stale = False  # a reload was due while hidden: done when shown again
        self._keep_selection: uuid.UUID | None = None
        self._may_change = ctx.can(Permission.MANAGE_APPOINTMENTS)

        self.title = heading("")
        self.title.setObjectName("today_title")
        # One line at 1280×720: the heading never wraps; the row gives it the room it needs.
        self.title.setWordWrap(False)
        self.title.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.previous_day = make_button(
            self.tr("◀ &Previous day"), lambda: self.go_to(-1), shortcut="Alt+Left"
        )
        self.back_to_today = make_button(
            self.tr("&Today"), lambda: self.go_to(0), shortcut="Alt+Home"
        )
        self.next_day = make_button(
            self.tr("Next &day ▶"), lambda: self.go_to(1), shortcut="Alt+Right"
        )
        self.provider = QComboBox()
        self.provider.setObjectName("today_provider")
        self.provider.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.provider.addItem(self.tr("All providers"), None)
        self.provider.currentIndexChanged.connect(self._fill)
        self.show_cancelled = QCheckBox(self.tr("Show &cancelled and moved"))
        self.show_cancelled.toggled.connect(self._fill)
        self.refresh_button = make_button(
            self.tr("&Refresh"), self.refresh, tooltip=self.tr("Refresh (F5)")
        )

        # Made once: a day can hold hundreds of rows.
        self._brushes = {status: QBrush(QColor(tint)) for status, tint in TINTS.items()}
        self._muted = QBrush(QColor("#555555"))
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Patient"),
                self.tr("Type"),
                self.tr("Status"),
                self.tr("Arrived"),
            ]
        )
        self.tree = QTreeView()
        self.tree.setObjectName("today_appointments")
        self.tree.setAccessibleName(self.tr("Appointments of the day, by provider"))
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # Fixed widths from the font, not measured over every row at each refresh.
        metrics = self.tree.fontMetrics()
        extra = {0: self.tree.indentation()}
        for column, sample in (
            (0, "00:00–00:00"),
            (2, "HIV test and counselling"),
            (3, "▶ In consultation"),
            (4, "00:00"),
        ):
            width = metrics.horizontalAdvance(sample) + 32 + extra.get(column, 0)
            header.resizeSection(column, width)
        self.tree.activated.connect(lambda _index: self.open_patient())
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._sync_actions())

        self.queue_model = QStandardItemModel(0, 4, self)
        self.queue_model.setHorizontalHeaderLabels(
            [self.tr("Patient"), self.tr("Status"), self.tr("Waiting"), self.tr("Coverage")]
        )
        # The queue's patients' coverage today (core.coverage.status_for), by patient id.
        self._coverage: dict[uuid.UUID, PatientCoverage] = {}
        self.queue = QTreeView()
        self.queue.setObjectName("today_queue")
        self.queue.setRootIsDecorated(False)
        self.queue.setModel(self.queue_model)
        self.queue.setAccessibleName(self.tr("Waiting room: patients who have arrived"))
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.queue.header().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.queue.header().setStretchLastSection(False)
        self.queue.clicked.connect(self._queue_clicked)
        self.queue.activated.connect(self._queue_clicked)

        self.check_in_button = make_button(
            self.tr("Check &in"), self.check_in, tooltip=self.tr("Check in (Ctrl+I)")
        )
        self.check_in_button.setObjectName("check_in")
        self.walk_in_button = make_button(
            self.tr("Wal&k-in…"),
            self.walk_in,
            tooltip=self.tr("A patient without an appointment joins the queue (Ctrl+Shift+I)"),
        )
        self.walk_in_button.setObjectName("walk_in")
        self.start_button = make_button(
            self.tr("&Start consultation"), self.start_consultation, shortcut="Ctrl+Shift+S"
        )
        self.complete_button = make_button(
            self.tr("Co&mplete"), self.complete, shortcut="Ctrl+Shift+D"
        )
        self.no_show_button = make_button(
            self.tr("&No-show"), self.mark_no_show, shortcut="Ctrl+Shift+N"
        )
        self.follow_up_button = make_button(
            self.tr("Book &follow-up…"), self.book_follow_up, shortcut="Ctrl+Shift+F"
        )
        self.open_button = make_button(
            self.tr("&Open patient"),
            self.open_patient,
            tooltip=self.tr("Open the patient's record (Enter)"),
        )
        self.summary = QLabel()
        self.summary.setObjectName("today_summary")
        self.summary.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.previous_day)
        top.addWidget(self.back_to_today)
        top.addWidget(self.next_day)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(buddy_label(self.tr("Pro&vider:"), self.provider))
        top.addWidget(self.provider)
        top.addWidget(self.refresh_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(buddy_label(self.tr("&Appointments"), self.tree))
        left_layout.addWidget(self.tree, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(buddy_label(self.tr("&Waiting room"), self.queue))
        right_layout.addWidget(self.queue, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([760, 400])

        actions = QHBoxLayout()
        for button in (
            self.check_in_button,
            self.walk_in_button,
            self.start_button,
            self.complete_button,
            self.no_show_button,
            self.follow_up_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)

        below = QHBoxLayout()
        below.addWidget(self.summary, 1)
        below.addWidget(self.show_cancelled)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(below)
        layout.addLayout(actions)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        ctx.changes.changed.connect(self._on_changes)
        self._show_title()
        self._sync_actions()
        if first_day is not None and first_day.day == self.day:
            self._loaded(first_day)  # read while the window was being built
        else:
            self.refresh()

    # -- loading --

    def activated(self) -> None:
        self.refresh()
        self.tree.setFocus()

    def go_to(self, offset: int) -> None:
        self.day = self.ctx.today() if offset == 0 else self.day + dt.timedelta(days=offset)
        self._show_title()
        self._sync_actions()  # Walk-in is for today only, before the day is read
        self.refresh()

    def show_day(self, day: dt.date) -> None:
        self.day = day
        self._show_title()
        self._sync_actions()
        self.refresh()

    def _show_title(self) -> None:
        text = format_date(self.day, long=True)
        if self.day == self.ctx.today():
            text = self.tr("Today, {date}").format(date=text)
        self.title.setText(text)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*SCHEDULE_KINDS):
            self.refresh()
        elif changes.touches(*COVERAGE_KINDS) and self.data is not None:
            self._load_coverage(self.data)

    def refresh(self) -> None:
        """Reload the day. Never while hidden — behind another view, locked, or after the
        session ended and the task runner shut down: it reloads when shown again."""
        if not self.isVisible():
            self._stale = True
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self._stale = False
        day = self.day

        def read(core: ClinicCore) -> TodayData:
            return core.schedule.today(day)

        self.ctx.call(self, read).success(self._loaded).finished(self._load_finished).run()

    def _load_finished(self) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.refresh()  # which waits for the view to be shown again if it is hidden now

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _loaded(self, data: TodayData) -> None:
        if data.day != self.day:
            return  # the person moved on to another day meanwhile
        current = self.provider.currentData()
        self.provider.blockSignals(True)
        self.provider.clear()
        self.provider.addItem(self.tr("All providers"), None)
        for group in data.providers:
            self.provider.addItem(group.name, group.provider_id)
        index = combo_index(self.provider, current)
        self.provider.setCurrentIndex(max(index, 0))
        self.provider.blockSignals(False)
        self.data = data
        self._fill()
        self._load_coverage(data)

    def _load_coverage(self, data: TodayData) -> None:
        """The coverage mark beside each patient in the queue: one batch read for all."""
        if not self.isVisible():
            self._stale = True
            return
        ids = [waiting.entry.patient_id for waiting in data.queue]
        if not ids:
            return

        def read(core: ClinicCore) -> Mapping[uuid.UUID, PatientCoverage]:
            return core.coverage.status_for(ids, on=data.day)

        def loaded(found: Mapping[uuid.UUID, PatientCoverage]) -> None:
            self._coverage.update(found)
            if self.data is not None:
                self._fill_queue(self.data)

        # Quiet: a mark nobody waits for never puts up a progress window (which would
        # take the keys typed meanwhile).
        from ui.tasks import Operation

        core = self.ctx.core
        quiet = Operation(self, self.ctx.tasks, lambda _task: read(core), progress_delay_ms=2**30)
        quiet.success(loaded).run()

    def _coverage_cell(self, patient_id: uuid.UUID) -> QStandardItem:
        found = self._coverage.get(patient_id)
        status = found.status.value if found is not None else "none"
        # A sign and a word, never colour alone.
        text = {
            "verified": self.tr("✓ Verified this month"),
            "to_verify": self.tr("? To verify"),
            "expired": self.tr("✗ Expired"),
            "not_covered": self.tr("✗ Not covered"),
        }.get(status, "")
        cell = QStandardItem(text)
        if found is not None and text:
            cell.setToolTip(localized(found.why))
        return cell

    def _fill(self) -> None:
        data = self.data
        if data is None:
            return
        selected = self.selected_entry()
        keep = self._keep_selection or (selected.appointment_id if selected else None)
        self._keep_selection = None
        only = self.provider.currentData()
        show_all = self.show_cancelled.isChecked()
        self.model.removeRows(0, self.model.rowCount())
        select: QModelIndex | None = None
        for group in data.providers:
            if only is not None and group.provider_id != only:
                continue
            item = self._group_item(group.name)
            count = 0
            for entry in group.entries:
                if entry.status.value in HIDDEN_BY_DEFAULT and not show_all:
                    continue
                item.appendRow(self._entry_row(entry))
                count += 1
            item.setText(self._group_title(group.name, count))
            self.model.appendRow([item] + [QStandardItem() for _ in range(4)])
        for row in range(self.model.rowCount()):  # provider names use the whole row
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        if keep is not None:
            select = self._find(keep)
        if select is not None:
            self.tree.setCurrentIndex(select)
        self._fill_queue(data)
        self._summarise(data)
        self._sync_actions()

    def _group_title(self, name: str, count: int) -> str:
        if count == 0:
            return self.tr("{name} — no appointments").format(name=name)
        if count == 1:
            return self.tr("{name} — 1 appointment").format(name=name)
        return self.tr("{name} — {count} appointments").format(name=name, count=count)

    def _group_item(self, name: str) -> QStandardItem:
        item = QStandardItem(name)
        item.setData(name, Qt.ItemDataRole.UserRole)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setSelectable(False)
        return item

    def _entry_row(self, entry: DayEntry) -> list[QStandardItem]:
        status = entry.status.value
        late = entry.late
        cells = [
            QStandardItem(f"{format_time(entry.starts_at)}–{format_time(entry.ends_at)}"),
            QStandardItem(entry.patient_name),
            QStandardItem(labels.walk_in_text(entry.type_name, entry.walk_in)),
            QStandardItem(labels.status_text(status, late=late)),
            QStandardItem(format_time(entry.arrived_at)),
        ]
        cells[0].setData(entry, ENTRY_ROLE)
        tint = self._brushes.get("late" if late else status)
        if tint is not None:
            for cell in cells:
                cell.setBackground(tint)
        if late or status == "no_show":
            cells[3].setFont(self._bold)
        if status in ("cancelled", "rescheduled", "completed"):
            for cell in cells:
                cell.setForeground(self._muted)
        if late:
            cells[3].setToolTip(
                self.tr("Booked for {time}; not arrived yet").format(
                    time=format_time(entry.starts_at)
                )
            )
        cells[1].setToolTip(self.tr("Booked with {provider}").format(provider=entry.provider_name))
        return cells

    def _find(self, appointment_id: uuid.UUID) -> QModelIndex | None:
        for g in range(self.model.rowCount()):
            group = self.model.item(g)
            for r in range(group.rowCount()):
                entry = group.child(r).data(ENTRY_ROLE)
                if entry is not None and entry.appointment_id == appointment_id:
                    return group.child(r).index()
        return None

    def _fill_queue(self, data: TodayData) -> None:
        self.queue_model.removeRows(0, self.queue_model.rowCount())
        for waiting in data.queue:
            entry = waiting.entry
            waited = ""
            if waiting.waited_minutes is not None:
                waited = self.tr("{minutes} min").format(minutes=waiting.waited_minutes)
            cells = [
                QStandardItem(entry.patient_name),
                QStandardItem(
                    labels.walk_in_text(labels.status_text(entry.status.value), entry.walk_in)
                ),
                QStandardItem(waited),
                self._coverage_cell(entry.patient_id),
            ]
            cells[0].setData(entry, ENTRY_ROLE)
            cells[0].setToolTip(entry.provider_name)
            self.queue_model.appendRow(cells)
        if not data.queue:
            empty = QStandardItem(self.tr("Nobody waiting"))
            empty.setEnabled(False)
            self.queue_model.appendRow([empty, QStandardItem(), QStandardItem()])

    def _summarise(self, data: TodayData) -> None:
        counts = {status.value: count for status, count in data.counts.items()}
        parts = [
            f"{labels.status_text(s)}: {counts[s]}"
            for s in ("booked", "arrived", "in_consultation", "completed", "no_show")
            if counts.get(s)
        ]
        if data.late:
            parts.append(f"{labels.status_text('booked', late=True)}: {data.late}")
        walk_ins = sum(e.walk_in for e in data.entries if e.status.value not in HIDDEN_BY_DEFAULT)
        if walk_ins:
            parts.append(self.tr("Walk-ins: {count}").format(count=walk_ins))
        self.summary.setText("   ·   ".join(parts) if parts else self.tr("No appointments."))

    # -- selection and actions --

    def selected_entry(self) -> DayEntry | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        entry: DayEntry | None = index.sibling(index.row(), 0).data(ENTRY_ROLE)
        return entry

    def select_appointment(self, appointment_id: uuid.UUID) -> bool:
        index = self._find(appointment_id)
        if index is None:
            return False
        self.tree.setCurrentIndex(index)
        return True

    def _queue_clicked(self, index: QModelIndex) -> None:
        entry = index.sibling(index.row(), 0).data(ENTRY_ROLE)
        if entry is not None:
            self.select_appointment(entry.appointment_id)

    def _sync_actions(self) -> None:
        entry = self.selected_entry()
        # What the appointment may become now, as the core says (no-show only once its
        # time has come: the core refuses it before, too).
        allowed = {s.value for s in entry.next_steps} if entry is not None else set()
        may = self._may_change
        self.check_in_button.setEnabled(may and "arrived" in allowed)
        self.start_button.setEnabled(may and "in_consultation" in allowed)
        self.complete_button.setEnabled(may and "completed" in allowed)
        self.no_show_button.setEnabled(may and "no_show" in allowed)
        not_yet = entry is not None and entry.status.value == "booked" and "no_show" not in allowed
        self.no_show_button.setToolTip(
            self.tr(
                "A no-show can be marked once the appointment's time ({time}) has passed."
            ).format(time=format_time(entry.starts_at))
            if not_yet and entry is not None
            else self.tr("Mark as no-show (Ctrl+Shift+N)")
        )
        self.follow_up_button.setEnabled(may and entry is not None)
        # A walk-in joins today's queue: not a day gone or to come.
        self.walk_in_button.setEnabled(may and self.day == self.ctx.today())
        self.open_button.setEnabled(entry is not None)

    def _step(self, name: str, label: str) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.tree.setFocus()
            return
        appointment_id = entry.appointment_id

        def work(core: ClinicCore) -> object:
            return getattr(core.schedule, name)(appointment_id)

        def done(_result: object) -> None:
            # The change event reloads the day; the selection stays on this appointment.
            self._keep_selection = appointment_id

        self.ctx.call(self, work, label=label).success(done).run()

    def walk_in(self) -> None:
        """Find or register a patient who came without an appointment; they join today's
        queue (the core's change event redraws it, the new line selected)."""
        from ui.walk_in_dialog import WalkInDialog

        if not self._may_change:
            return
        if self.day != self.ctx.today():
            self.go_to(0)
        dialog = WalkInDialog(self.ctx, self)
        dialog.added.connect(self._walked_in)
        dialog.open()

    def _walked_in(self, appointment_id: uuid.UUID) -> None:
        self._keep_selection = appointment_id
        if self.data is not None and self._find(appointment_id) is None:
            self.refresh()  # the change event does too; whichever comes first draws it

    def check_in(self) -> None:
        if self.check_in_button.isEnabled():
            self._step("check_in", self.tr("Checking in…"))
        elif self.selected_entry() is None:
            self.tree.setFocus()

    def start_consultation(self) -> None:
        self._step("start", self.tr("Starting the consultation…"))

    def complete(self) -> None:
        self._step("complete", self.tr("Completing the visit…"))

    def mark_no_show(self) -> None:
        self._step("no_show", self.tr("Marking as no-show…"))

    def book_follow_up(self) -> None:
        from ui.appointment_actions import book_follow_up

        entry = self.selected_entry()
        if entry is not None:
            book_follow_up(self.ctx, self, entry)

    def open_patient(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.open_patient_requested.emit(entry.patient_id)
