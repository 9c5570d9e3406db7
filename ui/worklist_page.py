"""The worklist: who the coordinator needs to call today, in the core's order (urgent first),
grouped under the core's words, each line with the patient, clinic number, phone, what to do
and since when.

Enter or a double-click opens the record where the line is done: a result's screen, a
referral's, a care plan's on the item due, a membership's verification, a claim's; for
the kinds without a screen of their own (a missed appointment) the patient's
record — a line is never dead. Doing the work
there takes the line off: the list is the core's read (`core.worklist.today()`, on the
database thread), read again whenever the core's change events touch a kind it shows (sync
included), a little later so that a burst of changes costs one read. It is read even while
another page is shown: the side list carries its count.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text
from ui.language import localized
from ui.util import add_shortcut, format_date, heading, is_alive, make_button

if TYPE_CHECKING:
    from desktop.app.work_items import WorkItem, Worklist
    from desktop.changes import Changes
    from ui.context import ClinicContext

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 250
# Behind another page only the side list's count shows it: read later, so the reads a person
# waits for (the day's list, a search, a save) never queue behind it on the database thread.
HIDDEN_DELAY_MS = 2_000
REFRESH_MS = 5 * 60_000  # lines due "today" change with the clock

# Every kind a line of the list comes from (or names), those of kinds still being built too.
WATCHED = (
    "results",
    "result_relays",
    "referrals",
    "facilities",
    "clinic_rules",
    "patients",
    "appointments",
    "care_plans",
    "care_plan_items",
    "coverage_schemes",
    "coverage_memberships",
    "coverage_checks",
    "claims",
    "clinics",
)
URGENT_GROUPS = (0, 1, 2)  # escalate, urgent result, urgent referral (desktop.app.work_items)


class WorklistPage(QWidget):
    open_patient_requested = Signal(object)  # patient id
    count_changed = Signal(int)

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worklist: Worklist | None = None
        self.error: BaseException | None = None
        self.loads = 0  # reads drawn (for tests)
        self._loading = False
        self._again = False
        self._keep: uuid.UUID | None = None

        self.title = heading(self.tr("Worklist"))
        self.title.setObjectName("worklist_title")
        self.title.setWordWrap(False)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("worklist_summary")
        self.summary.setWordWrap(True)

        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Patient"),
                self.tr("Clinic no."),
                self.tr("Phone"),
                self.tr("What to do"),
                self.tr("Since"),
            ]
        )
        self.tree = QTreeView()
        self.tree.setObjectName("worklist")
        self.tree.setAccessibleName(self.tr("Who to call today, most pressing first"))
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)  # a double-click opens the line
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        metrics = self.tree.fontMetrics()
        for column, sample in (
            (0, "Wanjiru Nyambura Kamau"),
            (1, "KHP-QX00420"),
            (2, "0712 345 678"),
            (4, "28 Nov 2026 (30 days)"),
        ):
            extra = self.tree.indentation() if column == 0 else 0
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 28 + extra)
        self.tree.doubleClicked.connect(lambda _index: self.open_selected())
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._sync())
        add_shortcut(self.tree, QKeySequence(Qt.Key.Key_Return), self.open_selected)
        add_shortcut(self.tree, QKeySequence(Qt.Key.Key_Enter), self.open_selected)
        self.open_button = make_button(
            self.tr("Open the &record"),
            self.open_selected,
            tooltip=self.tr("Open where this is done (Enter)"),
        )
        self.open_button.setObjectName("worklist_open")
        self.refresh_button = make_button(
            self.tr("Re&fresh"), self.refresh_now, tooltip=self.tr("Refresh (F5)")
        )

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        self._tab_order_set = False

        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(DEBOUNCE_MS)
        self._soon.timeout.connect(self.refresh_now)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_now)
        self._timer.start()
        ctx.changes.changed.connect(self._on_changes)
        self._sync()
        self._refresh_soon()

    # -- loading --

    def activated(self) -> None:
        """Shown from the side list: read again, the list takes the keyboard."""
        if not self._tab_order_set:
            # Set here, inside the window: moving the page into the window's stack reorders
            # its focus chain (Refresh, made first, would come before the list).
            self._tab_order_set = True
            QWidget.setTabOrder(self.tree, self.open_button)
            QWidget.setTabOrder(self.open_button, self.refresh_button)
        self.refresh_now()
        self.tree.setFocus()

    def refresh(self) -> None:  # F5, the window's Refresh
        self.refresh_now()

    def _on_changes(self, changes: Changes) -> None:
        if is_alive(self) and changes.touches(*WATCHED):
            self._refresh_soon()

    def _refresh_soon(self) -> None:
        delay = DEBOUNCE_MS if self.isVisible() else HIDDEN_DELAY_MS
        if not self._soon.isActive() or self._soon.remainingTime() > delay:
            self._soon.start(delay)

    def refresh_now(self) -> None:
        self._soon.stop()
        if self._loading:
            self._again = True
            return
        self._loading = True
        try:
            self.ctx.ask(lambda core: core.worklist.today(), self._loaded)
        except RuntimeError:  # the session is closing: its task runner has stopped
            self._loading = False

    def _loaded(self, worklist: Worklist | None, error: BaseException | None) -> None:
        self._loading = False
        if not is_alive(self):
            return
        if self._again:
            self._again = False
            self.refresh_now()
            return
        self.error = error
        if error is not None or worklist is None:
            self.summary.setText(error_text(error) if error else "")
            return
        self.loads += 1
        self.show_worklist(worklist)

    # -- drawing --

    def show_worklist(self, worklist: Worklist) -> None:
        chosen = self.selected()
        keep = self._keep or (chosen.record_id if chosen else None)
        self._keep = None
        self.worklist = worklist
        self.title.setText(
            self.tr("Worklist — {date}").format(date=format_date(worklist.today, long=True))
        )
        self.model.removeRows(0, self.model.rowCount())
        group_item: QStandardItem | None = None
        group: int | None = None
        select: QModelIndex | None = None
        for item in worklist.items:
            if item.group != group:
                if group_item is not None:
                    self._end_group(group_item, group, worklist)
                group = item.group
                group_item = self._group_item()
                self.model.appendRow([group_item] + [QStandardItem() for _ in range(4)])
            assert group_item is not None
            group_item.appendRow(self._line(item, worklist.today))
        if group_item is not None:
            self._end_group(group_item, group, worklist)
        for r in range(self.model.rowCount()):  # group words use the whole row
            self.tree.setFirstColumnSpanned(r, QModelIndex(), True)
        self.tree.expandAll()
        if keep is not None:
            select = self._find(keep)
        if select is None and worklist.items:
            first = self.model.item(0)
            select = first.child(0).index() if first is not None and first.rowCount() else None
        if select is not None:
            self.tree.setCurrentIndex(select)
        self._summarise(worklist)
        self._sync()
        self.count_changed.emit(worklist.total_lines)  # every line, shown or not

    def _group_item(self) -> QStandardItem:
        item = QStandardItem()
        item.setFont(self._bold)
        item.setSelectable(False)
        return item

    def _end_group(self, item: QStandardItem, group: int | None, worklist: Worklist) -> None:
        """The group's heading with its true count, and under its lines how many more there
        are (the core gives the longest waiting of each group, not all)."""
        if group is None:
            return
        self._title_group(item, group, worklist.total(group))
        more = worklist.more(group)
        if more:
            line = QStandardItem(
                self.tr("and {n} more — the longest waiting are shown").format(n=f"{more:,}")
            )
            line.setSelectable(False)
            line.setEnabled(False)
            item.appendRow([line] + [QStandardItem() for _ in range(4)])
            self.tree.setFirstColumnSpanned(item.rowCount() - 1, item.index(), True)

    def _title_group(self, item: QStandardItem, group: int | None, count: int) -> None:
        from desktop.app.work_items import GROUP_WORDS

        words = localized(GROUP_WORDS[group]) if group is not None else ""
        mark = "‼ " if group in URGENT_GROUPS else ""
        item.setText(f"{mark}{words[:1].upper()}{words[1:]} — {count}")
        item.setData(group, Qt.ItemDataRole.UserRole)

    def _line(self, item: WorkItem, today: dt.date) -> list[QStandardItem]:
        since = ""
        if item.since is not None:
            days = (today - item.since).days
            waited = (
                self.tr("today")
                if days <= 0
                else self.tr("1 day")
                if days == 1
                else self.tr("{n} days").format(n=days)
            )
            since = f"{format_date(item.since)} ({waited})"
        cells = [
            QStandardItem(item.patient_name),
            QStandardItem(item.clinic_number),
            QStandardItem(item.phone or self.tr("no phone")),
            QStandardItem(localized(item.what)),
            QStandardItem(since),
        ]
        cells[0].setData(item, ITEM_ROLE)
        cells[3].setToolTip(localized(item.what))
        if item.group in URGENT_GROUPS:
            cells[3].setFont(self._bold)
        return cells

    def _summarise(self, worklist: Worklist) -> None:
        n = worklist.total_lines
        if n == 0:
            self.summary.setText(self.tr("Nobody to call today. ✓"))
            return
        urgent = sum(worklist.total(g) for g in URGENT_GROUPS)
        text = self.tr("1 thing to do") if n == 1 else self.tr("{n} things to do").format(n=n)
        if urgent:
            text += self.tr(", {n} urgent").format(n=urgent)
        self.summary.setText(text + ". " + self.tr("Enter opens where it is done."))

    def _find(self, record_id: uuid.UUID) -> QModelIndex | None:
        for g in range(self.model.rowCount()):
            group = self.model.item(g)
            for r in range(group.rowCount()):
                item = group.child(r).data(ITEM_ROLE)
                if item is not None and item.record_id == record_id:
                    return group.child(r).index()
        return None

    # -- opening a line --

    def selected(self) -> WorkItem | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        item: WorkItem | None = index.sibling(index.row(), 0).data(ITEM_ROLE)
        return item

    def select_record(self, record_id: uuid.UUID) -> bool:
        index = self._find(record_id)
        if index is not None:
            self.tree.setCurrentIndex(index)
        return index is not None

    def _sync(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def open_selected(self) -> QWidget | None:
        """Open where the selected line is done: its record's screen, or the patient's
        record for kinds that have no screen of their own yet."""
        from desktop.app.work_items import (
            CARE_ITEM,
            CARE_PLAN,
            CLAIM,
            MEMBERSHIP,
            REFERRAL,
            RESULT,
        )

        item = self.selected()
        if item is None:
            return None
        self._keep = item.record_id
        if item.kind == RESULT:
            from ui.result_screen import open_result

            screen: QWidget = open_result(self.ctx, self, item.record_id)
        elif item.kind == REFERRAL:
            from ui.referral_screen import open_referral

            screen = open_referral(self.ctx, self, item.record_id)
        elif item.kind in (CARE_ITEM, CARE_PLAN):  # the plan, on the item due
            from ui.care_plan_screen import open_care_plan

            screen = open_care_plan(self.ctx, self, item.record_id)
        elif item.kind == MEMBERSHIP:  # the membership's verification, to record
            from ui.coverage_screens import verify_membership

            screen = verify_membership(self.ctx, self, item.record_id)
        elif item.kind == CLAIM:  # the rejected claim, to correct and resubmit
            from ui.claim_screen import open_claim

            screen = open_claim(self.ctx, self, item.record_id)
        else:
            self.open_patient_requested.emit(item.patient_id)
            return None
        opened = getattr(screen, "open_patient_requested", None)
        if opened is not None and not screen.property("worklist_connected"):
            opened.connect(self.open_patient_requested.emit)
            screen.setProperty("worklist_connected", True)
        return screen
