"""One care plan: what it is for, who leads it, when it started and is next reviewed, where it
stands (active → completed, reopened; or cancelled), and its items grouped by kind —
problems, goals, tasks and follow-ups — each with its owner (a user of the clinic, or a
person named such as a community health worker), due date and repeat.

A task or follow-up is checked off (Space, or Check off) with who and when shown; a repeating
one is followed by its next occurrence, which the core makes and the screen shows beside the
one done. Ticked by mistake: Untick takes it back. Only the plan's moves the spec's status
machine allows are offered; the core checks again and its refusals are shown in its words.
The screen follows the core's change events (sync included). The summary prints through the
core's print service (`CarePlanPrint`) in the print preview.

Opened from the patient record's Care plans tab, or from a worklist line (a task or
follow-up due or missed: the plan opens on that item).
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text, show_error
from ui.followup_dialogs import FollowupDialog
from ui.language import localized
from ui.record_reads import OneRead
from ui.util import (
    format_date,
    format_datetime,
    heading,
    is_alive,
    make_button,
    raise_or_open,
    row,
    with_colon,
)

if TYPE_CHECKING:
    from desktop.app.care_plans import (
        CareItemLine,
        CarePlanDetail,
        CarePlanLine,
        Person,
    )
    from desktop.changes import Changes
    from ui.context import ClinicContext

WATCHED = ("care_plans", "care_plan_items", "users", "patients")
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
DONE_MARK = "✓"
MISSED_MARK = "⚠"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CarePlanScreen", text)


def kind_heading(kind: str) -> str:
    return {
        "problem": _tr("Problems"),
        "goal": _tr("Goals"),
        "task": _tr("Tasks"),
        "follow_up": _tr("Follow-ups"),
    }.get(kind, kind)


def kind_name(kind: str) -> str:
    return {
        "problem": _tr("Problem"),
        "goal": _tr("Goal"),
        "task": _tr("Task"),
        "follow_up": _tr("Follow-up"),
    }.get(kind, kind)


def repeat_text(days: int | None) -> str:
    if not days:
        return ""
    if days == 30:
        return _tr("monthly (30 days)")
    if days == 7:
        return _tr("weekly")
    return _tr("every {n} days").format(n=days)


def item_status(item: CareItemLine, next_due: dt.date | None = None) -> str:
    """Where an item stands, in words with a sign (never colour alone)."""
    if item.status.value == "done":
        text = _tr("{mark} done by {who} on {when}").format(
            mark=DONE_MARK,
            who=item.done_by or _tr("someone"),
            when=format_datetime(item.done_at),
        )
        if next_due is not None:
            text += " · " + _tr("next due {day}").format(day=format_date(next_due))
        return text
    if item.status.value == "cancelled":
        return _tr("⊘ cancelled")
    if item.missed:
        return _tr("{mark} missed").format(mark=MISSED_MARK)
    if item.due_today:
        return _tr("due today")
    return _tr("to do") if item.kind.value in ("task", "follow_up") else ""


def next_occurrences(items: tuple[CareItemLine, ...]) -> dict[uuid.UUID, dt.date]:
    """For each repeating item checked off, the due date of the occurrence that followed it
    (the same kind and words, open, due after it)."""
    out: dict[uuid.UUID, dt.date] = {}
    for done in items:
        if done.status.value != "done" or not done.repeat_days or done.due_on is None:
            continue
        later = [
            i.due_on
            for i in items
            if i.status.value == "open"
            and i.kind is done.kind
            and i.description == done.description
            and i.due_on is not None
            and i.due_on > done.due_on
        ]
        if later:
            out[done.item_id] = min(later)
    return out


class CarePlanScreen(QDialog):
    open_patient_requested = Signal(object)  # patient id

    def __init__(
        self,
        ctx: ClinicContext,
        record_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        patient_button: bool = True,
    ) -> None:
        """`record_id`: the plan's id, or one of its items' (that item is selected)."""
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self.record_id = record_id
        self.plan_id: uuid.UUID | None = None
        self.detail: CarePlanDetail | None = None
        self.error: BaseException | None = None
        self.loads = 0
        self._reads: OneRead[CarePlanDetail] = OneRead(self, ctx, self._loaded, self.refresh)
        self._select: uuid.UUID | None = record_id
        self._may = ctx.can(Permission.MANAGE_CARE_PLANS)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Care plan"))
        self.setAccessibleName(self.windowTitle())

        self.title = heading(self.tr("Loading…"))
        self.title.setObjectName("care_plan_title")
        self.summary = QLabel()
        self.summary.setObjectName("care_plan_summary")
        self.summary.setWordWrap(True)
        self.details = QFormLayout()
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.tree = QTreeWidget()
        self.tree.setObjectName("care_plan_items")
        self.tree.setAccessibleName(self.tr("The plan's problems, goals, tasks and follow-ups"))
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                self.tr("What"),
                self.tr("Owner"),
                self.tr("Due"),
                self.tr("Repeats"),
                self.tr("Status"),
            ]
        )
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Each column as wide as its words; the status (who checked off when, the next
        # occurrence) takes the room left.
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_: self._sync())
        # Enter or a double-click changes the item; Space checks it off (see eventFilter).
        self.tree.itemActivated.connect(lambda *_: self.edit_item())
        self.tree.installEventFilter(self)  # Space checks off or unticks (see eventFilter)
        self._bold = QFont(self.font())
        self._bold.setBold(True)

        self.status = QLabel()
        self.status.setObjectName("care_plan_status")
        self.status.setWordWrap(True)

        # The items' actions, then the plan's.
        self.add_button = make_button(self.tr("&Add an item…"), self.add_item)
        self.add_button.setObjectName("care_plan_add_item")
        self.check_button = make_button(
            self.tr("Check &off"), self.check_off, tooltip=self.tr("Done now, by you (Space)")
        )
        self.check_button.setObjectName("care_plan_check_off")
        self.untick_button = make_button(
            self.tr("&Untick"), self.untick, tooltip=self.tr("Checked off by mistake (Space)")
        )
        self.untick_button.setObjectName("care_plan_untick")
        self.edit_item_button = make_button(self.tr("&Edit the item…"), self.edit_item)
        self.cancel_item_button = make_button(self.tr("Cancel the ite&m…"), self.cancel_item)
        self.cancel_item_button.setObjectName("care_plan_cancel_item")
        self.restore_button = make_button(self.tr("&Bring back"), self.restore_item)

        self.edit_plan_button = make_button(self.tr("Edit the &plan…"), self.edit_plan)
        self.review_button = make_button(self.tr("Re&viewed…"), self.review)
        self.review_button.setToolTip(self.tr("The plan was reviewed today: set the next review"))
        self.complete_button = make_button(self.tr("Comp&lete the plan…"), self.complete)
        self.complete_button.setObjectName("care_plan_complete")
        self.reopen_button = make_button(self.tr("&Reopen the plan…"), self.reopen)
        self.reopen_button.setObjectName("care_plan_reopen")
        self.cancel_plan_button = make_button(self.tr("Cancel the pla&n…"), self.cancel_plan)
        self.cancel_plan_button.setObjectName("care_plan_cancel")
        self.print_button = make_button(
            self.tr("Pr&int the summary…"), self.print_summary, shortcut="Ctrl+P"
        )
        self.print_button.setObjectName("care_plan_print")
        self.patient_button = make_button(self.tr("Open the pa&tient's record"), self.open_patient)
        self.patient_button.setVisible(patient_button)
        self.close_button = make_button(self.tr("&Close"), self.reject)

        item_buttons = [
            self.add_button,
            self.check_button,
            self.untick_button,
            self.edit_item_button,
            self.cancel_item_button,
            self.restore_button,
        ]
        plan_buttons = [
            self.edit_plan_button,
            self.review_button,
            self.complete_button,
            self.reopen_button,
            self.cancel_plan_button,
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(self.details)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addLayout(row(*item_buttons, None))
        layout.addLayout(row(*plan_buttons, None))
        layout.addLayout(row(self.print_button, self.patient_button, None, self.close_button))
        order = [
            self.tree,
            *item_buttons,
            *plan_buttons,
            self.print_button,
            self.patient_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        for button in order[1:]:  # Enter on the list never presses a button by surprise
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        self.resize(1000, 620)
        ctx.changes.changed.connect(self._on_changes)
        self._sync()
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Space on the list checks off or unticks: taken before the list's own use of it
        # (which only selects), and whether or not the window is the active one.
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers()
        ):
            self.toggle_selected()
            return True
        return super().eventFilter(watched, event)

    # -- loading --

    def refresh(self) -> None:
        plan_id, record_id = self.plan_id, self.record_id
        if plan_id is not None:
            self._reads.start(lambda core: core.care_plans.show(plan_id))
        else:  # the first read: a plan's id or an item's
            self._reads.start(lambda core: core.care_plans.open(record_id))

    def _loaded(self, detail: CarePlanDetail | None, error: BaseException | None) -> None:
        self.error = error
        if error is not None or detail is None:
            self.status.setText(error_text(error) if error else "")
            self.detail = None
            self._sync()
            return
        self.loads += 1
        self.show_detail(detail)
        if self.loads == 1:
            self.tree.setFocus()  # the keyboard starts on the items

    def _on_changes(self, changes: Changes) -> None:
        if not is_alive(self) or not changes.touches(*WATCHED):
            return
        line = self.detail.line if self.detail is not None else None
        if line is None or changes.touches_patient(line.patient_id) or changes.touches("users"):
            self.refresh()

    # -- drawing --

    def show_detail(self, detail: CarePlanDetail) -> None:
        chosen = self.selected()
        keep = self._select or (chosen.item_id if chosen is not None else None)
        self._select = None
        self.detail = detail
        line = detail.line
        self.plan_id = line.plan_id
        self.title.setText(
            self.tr("{plan} — care plan of {patient}").format(
                plan=line.title, patient=line.patient_name
            )
        )
        self.setWindowTitle(self.tr("Care plan: {patient}").format(patient=line.patient_name))
        self.summary.setText(self._summary(line))
        self._fill_details(line)
        self._fill_items(detail.items, keep)
        self._sync()

    def _summary(self, line: CarePlanLine) -> str:
        status = localized(line.status_words)
        mark = {"active": "●", "completed": DONE_MARK, "cancelled": "⊘"}.get(line.status.value, "")
        parts = [f"{mark} {status[:1].upper()}{status[1:]}".strip()]
        if line.open_tasks:
            todo = self.tr("{n} to do").format(n=line.open_tasks)
            if line.missed:
                todo += " " + self.tr("({mark} {n} missed)").format(mark=MISSED_MARK, n=line.missed)
            parts.append(todo)
        if line.next_due is not None:
            parts.append(self.tr("next due {day}").format(day=format_date(line.next_due)))
        if line.review_due and line.review_on is not None:
            parts.append(
                self.tr("{mark} review due since {day}").format(
                    mark=MISSED_MARK, day=format_date(line.review_on)
                )
            )
        return "   ·   ".join(parts)

    def _fill_details(self, line: CarePlanLine) -> None:
        form = self.details
        while form.rowCount():
            form.removeRow(0)
        who = " · ".join(
            p for p in (line.patient_name, line.clinic_number, line.patient_phone) if p
        )
        rows: list[tuple[str, str, str]] = [
            ("patient", self.tr("Patient"), who),
            ("lead", self.tr("Led by"), line.lead or self.tr("nobody named")),
            ("started_on", self.tr("Started"), format_date(line.started_on)),
            (
                "review_on",
                self.tr("Next review"),
                format_date(line.review_on) or self.tr("not set"),
            ),
            ("ended_on", self.tr("Ended"), format_date(line.ended_on)),
            ("notes", self.tr("Notes"), line.notes),
        ]
        for name, title, value in rows:
            if not value:
                continue
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setObjectName(f"care_plan_{name}")
            label.setAccessibleName(title)
            form.addRow(with_colon(title), label)

    def _fill_items(self, items: tuple[CareItemLine, ...], keep: uuid.UUID | None) -> None:
        from desktop.app.care_plans import CareItemKind

        tree = self.tree
        tree.clear()
        following = next_occurrences(items)
        chosen: QTreeWidgetItem | None = None
        first: QTreeWidgetItem | None = None
        for kind in CareItemKind:
            mine = [i for i in items if i.kind is kind]
            group = QTreeWidgetItem(tree, [f"{kind_heading(kind.value)} — {len(mine)}"])
            group.setFirstColumnSpanned(True)
            group.setFont(0, self._bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setData(0, Qt.ItemDataRole.UserRole, kind.value)
            if not mine:
                empty = QTreeWidgetItem(group, [self.tr("(none yet)")])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                empty.setData(0, Qt.ItemDataRole.UserRole, kind.value)
            for item in mine:
                cells = [
                    item.description,
                    item.owner or ("—" if kind.value in ("task", "follow_up") else ""),
                    format_date(item.due_on),
                    repeat_text(item.repeat_days),
                    item_status(item, following.get(item.item_id)),
                ]
                node = QTreeWidgetItem(group, cells)
                node.setData(0, ITEM_ROLE, item)
                node.setToolTip(0, item.note or item.description)
                node.setToolTip(4, cells[4])  # in full when the column is narrow
                if item.missed:
                    node.setFont(4, self._bold)
                    node.setFont(2, self._bold)
                if item.item_id == keep:
                    chosen = node
                if (
                    first is None
                    and item.status.value == "open"
                    and item.kind.value
                    in (
                        "task",
                        "follow_up",
                    )
                ):
                    first = node
        tree.expandAll()
        target = chosen or first
        if target is not None:
            tree.setCurrentItem(target)

    def selected(self) -> CareItemLine | None:
        node = self.tree.currentItem()
        if node is None:
            return None
        line: CareItemLine | None = node.data(0, ITEM_ROLE)
        return line

    def selected_kind(self) -> str | None:
        """The kind of the group the selection is in (for Add an item…)."""
        node = self.tree.currentItem()
        if node is None:
            return None
        group = node.parent() or node
        kind = group.data(0, Qt.ItemDataRole.UserRole)
        return kind if isinstance(kind, str) else None

    def _sync(self) -> None:
        line = self.detail.line if self.detail is not None else None
        active = line is not None and line.status.value == "active"
        item = self.selected()
        state = item.status.value if item is not None else ""
        actionable = item is not None and item.kind.value in ("task", "follow_up")
        may = self._may and active
        for button in (
            self.add_button,
            self.check_button,
            self.untick_button,
            self.edit_item_button,
            self.cancel_item_button,
            self.edit_plan_button,
            self.review_button,
        ):
            button.setVisible(self._may and (active or line is None))
            button.setEnabled(may)
        self.check_button.setEnabled(may and actionable and state == "open")
        self.untick_button.setEnabled(may and actionable and state == "done")
        self.edit_item_button.setEnabled(may and state == "open")
        self.cancel_item_button.setEnabled(may and state == "open")
        self.restore_button.setVisible(may and state == "cancelled")
        self.complete_button.setVisible(self._may and active)
        self.cancel_plan_button.setVisible(self._may and active)
        self.reopen_button.setVisible(
            self._may and line is not None and line.status.value == "completed"
        )
        self.print_button.setEnabled(line is not None)
        self.patient_button.setEnabled(line is not None)

    def select_item(self, item_id: uuid.UUID) -> bool:
        """Select the item `item_id` (False: not an item of this plan)."""
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for r in range(group.childCount() if group is not None else 0):
                node = group.child(r) if group is not None else None
                line = node.data(0, ITEM_ROLE) if node is not None else None
                if node is not None and line is not None and line.item_id == item_id:
                    self.tree.setCurrentItem(node)
                    return True
        return False

    # -- doing --

    def _run(self, work: Callable[[Any], Any], label: str) -> None:
        """One core write from a button, its refusal shown below the items in its words."""
        from desktop.errors import OutpostError

        def failed(error: BaseException) -> None:
            if not is_alive(self):
                return
            if isinstance(error, OutpostError):
                self.status.setText(error_text(error))
            else:
                show_error(self, error, logged=True)

        self.status.clear()
        self.ctx.call(self, work, label=label).failure(failed).run()

    def toggle_selected(self) -> None:
        """Space: check off what is to do, untick what was checked off."""
        if self.check_button.isEnabled() and self.check_button.isVisible():
            self.check_off()
        elif self.untick_button.isEnabled() and self.untick_button.isVisible():
            self.untick()

    def check_off(self) -> None:
        item = self.selected()
        if item is None or not self.check_button.isEnabled():
            return
        self._select = item.item_id
        item_id = item.item_id
        self._run(lambda core: core.care_plans.check_off(item_id), self.tr("Checking off…"))

    def untick(self) -> None:
        item = self.selected()
        if item is None or not self.untick_button.isEnabled():
            return
        self._select = item.item_id
        item_id = item.item_id
        self._run(lambda core: core.care_plans.untick(item_id), self.tr("Unticking…"))

    def restore_item(self) -> None:
        item = self.selected()
        if item is None:
            return
        item_id = item.item_id
        self._run(lambda core: core.care_plans.restore_item(item_id), self.tr("Bringing back…"))

    def _dialog(self, title: str, ok: str) -> CareDialog:
        line = self.detail.line if self.detail is not None else None
        name = line.patient_name if line is not None else ""
        full = self.tr("{what}: {patient}").format(what=title, patient=name) if name else title
        return CareDialog(self.ctx, self, full, ok_text=ok)

    def add_item(self) -> FollowupDialog | None:
        from desktop.app.care_plans import CareItemKind

        if self.plan_id is None or not self.add_button.isEnabled():
            return None
        dialog = self._dialog(self.tr("New item of the plan"), self.tr("Add to the plan"))
        current = CareItemKind(self.selected_kind() or "task")
        kind = dialog.add_combo(
            "kind", self.tr("&Kind:"), [(kind_name(k.value), k) for k in CareItemKind], current
        )
        dialog.add_text(
            "description",
            self.tr("&What:"),
            hint=self.tr("e.g. Blood pressure check, HbA1c below 7 %, Home visit by the CHW"),
            lines=2,
        )
        item_fields(dialog)
        _follow_kind(dialog, kind)
        dialog.fields["description"].setFocus()
        plan_id = self.plan_id

        def call(core: Any, v: dict[str, Any]) -> Any:
            owner_id, owner_name = owner_of(v)
            actions = v["kind"].value in ("task", "follow_up")
            return core.care_plans.add_item(
                plan_id,
                v["kind"],
                v["description"],
                owner_id=owner_id if actions else None,
                owner_name=owner_name if actions else "",
                due_on=v["due_on"],
                repeat_days=v["repeat_days"] or None,
                note=v["note"],
            )

        dialog.calls(call)
        dialog.succeeded.connect(lambda done: setattr(self, "_select", done.value.item_id))
        dialog.open()
        return dialog

    def edit_item(self) -> FollowupDialog | None:
        item = self.selected()
        if item is None or not self.edit_item_button.isEnabled():
            return None
        dialog = self._dialog(self.tr("Change the item"), self.tr("Save"))
        dialog.add_text("description", self.tr("&What:"), text=item.description, lines=2)
        actionable = item.kind.value in ("task", "follow_up")
        if actionable:
            item_fields(dialog, item)
        item_id = item.item_id
        self._select = item_id

        def call(core: Any, v: dict[str, Any]) -> Any:
            changes: dict[str, Any] = {"description": v["description"]}
            if actionable:
                owner_id, owner_name = owner_of(v)
                was = (item.owner_id, "" if item.owner_id else item.owner)
                if (owner_id, owner_name) != was:  # unchanged: not sent (a user who has
                    changes.update(owner_id=owner_id, owner_name=owner_name)  # left stays)
                changes["note"] = v["note"]
                if v["due_on"] is not None:
                    changes["due_on"] = v["due_on"]
                if v["repeat_days"]:
                    changes["repeat_days"] = v["repeat_days"]
                elif item.repeat_days:
                    changes["stop_repeating"] = True
            return core.care_plans.edit_item(item_id, **changes)

        dialog.calls(call)
        dialog.open()
        return dialog

    def cancel_item(self) -> FollowupDialog | None:
        item = self.selected()
        if item is None or not self.cancel_item_button.isEnabled():
            return None
        dialog = self._dialog(self.tr("Cancel the item"), self.tr("Cancel the item"))
        dialog.add_text(
            "reason",
            self.tr("&Why:"),
            hint=self.tr("e.g. no longer needed, done elsewhere, entered by mistake"),
            lines=2,
        )
        item_id = item.item_id
        self._select = item_id
        dialog.calls(lambda core, v: core.care_plans.cancel_item(item_id, v["reason"]))
        dialog.open()
        return dialog

    def edit_plan(self) -> FollowupDialog | None:
        if self.detail is None or not self.edit_plan_button.isEnabled():
            return None
        line = self.detail.line
        dialog = self._dialog(self.tr("Change the plan"), self.tr("Save"))
        dialog.add_line("title", self.tr("&For:"), text=line.title)
        add_lead(dialog, line.lead_id, line.lead or "")
        dialog.add_optional_date(
            "review_on", self.tr("&Review:"), self.tr("Review on"), line.review_on
        )
        dialog.add_text("notes", self.tr("&Notes:"), text=line.notes)
        plan_id = line.plan_id

        def call(core: Any, v: dict[str, Any]) -> Any:
            changes: dict[str, Any] = {"title": v["title"], "notes": v["notes"]}
            if v["review_on"] is not None:
                changes["review_on"] = v["review_on"]
            if v["lead_by"] is not None and v["lead_by"] != line.lead_id:
                changes["lead_by"] = v["lead_by"]
            return core.care_plans.edit(plan_id, **changes)

        dialog.calls(call)
        dialog.open()
        return dialog

    def review(self) -> FollowupDialog | None:
        if self.detail is None or not self.review_button.isEnabled():
            return None
        dialog = self._dialog(self.tr("Plan reviewed today"), self.tr("Save the review"))
        dialog.add_date(
            "review_on", self.tr("&Next review on:"), self.ctx.today() + dt.timedelta(days=90)
        )
        dialog.add_text("notes", self.tr("What the review &decided:"), lines=2)
        plan_id = self.detail.line.plan_id
        dialog.calls(
            lambda core, v: core.care_plans.review(plan_id, v["review_on"], note=v["notes"])
        )
        dialog.open()
        return dialog

    def _move(
        self,
        title: str,
        ok: str,
        call: Callable[[Any, uuid.UUID, str], Any],
        *,
        why: str,
        hint: str = "",
    ) -> FollowupDialog | None:
        if self.detail is None:
            return None
        dialog = self._dialog(title, ok)
        dialog.add_text("notes", why, hint=hint, lines=2)
        plan_id = self.detail.line.plan_id
        dialog.calls(lambda core, v: call(core, plan_id, v["notes"]))
        dialog.open()
        return dialog

    def complete(self) -> FollowupDialog | None:
        return self._move(
            self.tr("Complete the plan"),
            self.tr("Complete the plan"),
            lambda core, pid, note: core.care_plans.complete(pid, note=note),
            why=self.tr("&Note (optional):"),
            hint=self.tr("Its open tasks leave the worklist; they come back if it is reopened."),
        )

    def reopen(self) -> FollowupDialog | None:
        return self._move(
            self.tr("Reopen the plan"),
            self.tr("Reopen the plan"),
            lambda core, pid, note: core.care_plans.reopen(pid, note=note),
            why=self.tr("&Why (optional):"),
            hint=self.tr("e.g. the condition came back"),
        )

    def cancel_plan(self) -> FollowupDialog | None:
        return self._move(
            self.tr("Cancel the plan"),
            self.tr("Cancel the plan"),
            lambda core, pid, note: core.care_plans.cancel(pid, note),
            why=self.tr("&Why:"),
            hint=self.tr("e.g. made in error, the patient moved away"),
        )

    def print_summary(self) -> None:
        from desktop.app.printouts import CarePlanPrint
        from ui.forms_seam import PrintRequest

        line = self.detail.line if self.detail is not None else None
        parent = self.parentWidget()
        host = parent.window() if parent is not None else None
        signal = getattr(host, "print_requested", None)
        if line is None or signal is None:
            return
        signal.emit(
            PrintRequest("letter", patient_id=line.patient_id, letter=CarePlanPrint(line.plan_id))
        )

    def open_patient(self) -> None:
        if self.detail is not None:
            self.open_patient_requested.emit(self.detail.line.patient_id)
            self.accept()


# --- the fields a plan's and an item's dialogs share ---------------------------------------


class PeopleCombo(QComboBox):
    """The clinic's users (read on the database thread); `editable`: someone without an
    account may be typed in instead (a community health worker)."""

    def __init__(
        self,
        ctx: ClinicContext,
        current: uuid.UUID | None,
        *,
        editable: bool,
        current_name: str = "",
    ) -> None:
        super().__init__()
        self.setEditable(editable)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(24)
        self.error: BaseException | None = None
        self.loaded = False
        self._wanted = current if current is not None else ctx.actor.user_id
        # The person chosen before, listed even when they can no longer sign in (and so
        # are not among the clinic's people): kept unless someone else is chosen.
        self._current = (current_name, current) if current is not None and current_name else None
        self._typed = ""
        ctx.ask(lambda core: core.care_plans.people(), self._people)

    def type_name(self, name: str) -> None:
        """Show `name` (a person without an account), now and once the users are read."""
        self._typed = name
        self.setEditText(name)

    def _people(self, people: tuple[Person, ...] | None, error: BaseException | None) -> None:
        if not is_alive(self):
            return
        typed = self.currentText() if self.isEditable() and self.hasFocus() else self._typed
        self.clear()
        for p in people or ():
            self.addItem(p.display_name, p.user_id)
        if self._current is not None and all(p.user_id != self._current[1] for p in people or ()):
            self.insertItem(0, *self._current)
        for index in range(self.count()):
            if self.itemData(index) == self._wanted:
                self.setCurrentIndex(index)
        self.error = error
        if typed:
            self.setEditText(typed)
        self.loaded = True

    def value(self) -> Any:
        """A user's id (a list without typing), or (user id, "") / (None, typed name)."""
        if not self.isEditable():
            data = self.currentData()
            return data if isinstance(data, uuid.UUID) else None
        text = " ".join(self.currentText().split())
        for index in range(self.count()):
            if self.itemText(index) == text:
                return self.itemData(index), ""
        return None, text


class CareDialog(FollowupDialog):
    """`FollowupDialog` with the owner of a task and its repeat."""

    def add_people(
        self,
        key: str,
        label: str,
        current: uuid.UUID | None,
        *,
        editable: bool,
        hint: str = "",
        current_name: str = "",
    ) -> PeopleCombo:
        field = PeopleCombo(self.ctx, current, editable=editable, current_name=current_name)
        self._add(key, label, field, hint)
        return field

    def add_repeat(self, key: str, label: str, days: int | None) -> QSpinBox:
        field = QSpinBox()
        field.setRange(0, 366)
        field.setSpecialValueText(_tr("does not repeat"))
        field.setSuffix(_tr(" days"))
        field.setValue(days or 0)
        field.setToolTip(_tr("Every how many days it comes back once done (30 for monthly)"))
        self._add(key, label, field)
        return field

    def values(self) -> dict[str, Any]:
        out = super().values()
        for key, widget in self.fields.items():
            if isinstance(widget, PeopleCombo):
                out[key] = widget.value()
        return out


def owner_of(values: dict[str, Any]) -> tuple[uuid.UUID | None, str]:
    """(user id, "") when the owner is a user of the clinic, (None, name) when typed."""
    owner = values.get("owner")
    if isinstance(owner, tuple):
        return owner[0], owner[1]
    return None, ""


def add_lead(dialog: CareDialog, current: uuid.UUID | None, name: str = "") -> PeopleCombo:
    return dialog.add_people("lead_by", _tr("&Led by:"), current, editable=False, current_name=name)


def item_fields(dialog: CareDialog, item: CareItemLine | None = None) -> None:
    """Owner, due date, repeat and note of a task or follow-up."""
    owner = dialog.add_people(
        "owner",
        _tr("&Owner:"),
        item.owner_id if item is not None else None,
        editable=True,
        current_name=item.owner if item is not None and item.owner_id else "",
        hint=_tr("A user of the clinic, or type the name of someone else (e.g. a CHW)."),
    )
    if item is not None and item.owner_id is None and item.owner:
        owner.type_name(item.owner)
    dialog.add_optional_date(
        "due_on", _tr("&Due:"), _tr("Due on"), item.due_on if item is not None else None
    )
    dialog.add_repeat(
        "repeat_days", _tr("Re&peat every:"), item.repeat_days if item is not None else None
    )
    dialog.add_text("note", _tr("No&te:"), text=item.note if item is not None else "", lines=2)


def _follow_kind(dialog: CareDialog, kind: QComboBox) -> None:
    """Owner, due date and repeat only for what is done (tasks and follow-ups); a follow-up
    is always due on some day."""
    from ui.followup_dialogs import OptionalDate

    def shown(_index: int = 0) -> None:
        value = str(kind.currentData() or "")
        for key in ("owner", "due_on", "repeat_days", "note"):
            field = dialog.fields.get(key)
            if field is not None:
                field.setEnabled(value in ("task", "follow_up"))
        due = dialog.fields.get("due_on")
        if isinstance(due, OptionalDate) and value == "follow_up" and not due.check.isChecked():
            due.check.setChecked(True)

    kind.currentIndexChanged.connect(shown)
    shown()


# --- opening -------------------------------------------------------------------------------


def open_care_plan(
    ctx: ClinicContext,
    parent: QWidget | None,
    record_id: uuid.UUID,
    *,
    patient_button: bool = True,
) -> CarePlanScreen:
    """The care plan's screen (`record_id`: the plan's or one of its items'), raised when it
    is open already (on that item)."""
    return raise_or_open(
        parent,
        CarePlanScreen,
        lambda w: (
            w.detail is not None
            and (w.plan_id == record_id or any(i.item_id == record_id for i in w.detail.items))
        ),
        lambda host: CarePlanScreen(ctx, record_id, host, patient_button=patient_button),
        reuse=lambda w: w.select_item(record_id),
    )


def new_care_plan(
    ctx: ClinicContext, parent: QWidget | None, patient_id: uuid.UUID, patient_name: str
) -> CareDialog:
    """A care plan for the patient: what it is for, who leads it, when it started and is
    reviewed, its problems and goals (one a line); once saved, its screen opens to add the
    tasks and follow-ups."""
    dialog = CareDialog(
        ctx,
        parent,
        _tr("New care plan: {patient}").format(patient=patient_name),
        ok_text=_tr("Make the plan"),
    )
    dialog.add_line("title", _tr("&For:"), hint=_tr("e.g. Type 2 diabetes, Hypertension"))
    add_lead(dialog, None)
    dialog.add_date("started_on", _tr("&Started on:"), latest=ctx.today())
    dialog.add_optional_date(
        "review_on", _tr("&Review:"), _tr("Review on"), ctx.today() + dt.timedelta(days=90)
    )
    dialog.add_text("problems", _tr("&Problems:"), hint=_tr("One a line."), lines=2)
    dialog.add_text("goals", _tr("&Goals:"), hint=_tr("One a line."), lines=2)
    dialog.add_text("notes", _tr("&Notes:"), lines=2)
    dialog.fields["title"].setFocus()

    def lines(text: str) -> list[str]:
        return [t.strip() for t in text.splitlines() if t.strip()]

    def call(core: Any, v: dict[str, Any]) -> Any:
        return core.care_plans.create(
            patient_id,
            v["title"],
            started_on=v["started_on"],
            review_on=v["review_on"],
            lead_by=v["lead_by"],
            problems=lines(v["problems"]),
            goals=lines(v["goals"]),
            notes=v["notes"],
        )

    dialog.calls(call)
    dialog.succeeded.connect(
        lambda done: open_care_plan(ctx, parent, done.value.line.plan_id, patient_button=False)
    )
    return dialog
