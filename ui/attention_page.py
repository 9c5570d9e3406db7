"""Needs attention: what sync could not settle alone, one row per item — the kind in words,
the record, when this laptop met it, and who made the other laptop's value — and, per item,
the side-by-side screen (ui/attention_compare.py) to settle it.

The list comes from the core (`desktop.app.attention.AttentionApi.items`, on the database
thread); it follows the core's change events, so an item settled here, or by a sync that
brought another laptop's resolution, leaves the list without a refresh by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.errors import error_text
from ui.util import add_shortcut, format_datetime, heading, is_alive, make_button, row

if TYPE_CHECKING:
    from desktop.app.attention import AttentionItem
    from desktop.changes import Changes
    from ui.context import ClinicContext

# Kinds whose change may add, settle or answer an item.
WATCHED = (
    "needs_attention",
    "patients",
    "appointments",
    "form_records",
    "audit_events",
    "users",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Attention", text)


def reason_label(reason: str) -> str:
    """What kind of item it is, in a few words."""
    return {
        "safety_critical": _tr("Safety-critical value differs"),
        "edit_against_delete": _tr("Edited on one laptop, removed on another"),
        "signed_here": _tr("Edit of a form signed here"),
        "append_only": _tr("Change to a record that never changes"),
        "possible_duplicate": _tr("Maybe one person registered twice"),
        "double_booked": _tr("Provider booked twice at one time"),
        "refused": _tr("Change this laptop could not take"),
        "unsigned_account": _tr("Account changed without an administrator's signature"),
        "superseded": _tr("Edited on two laptops"),
        "invoice_lines_after_issue": _tr("Invoice lines changed after it was issued"),
        "void_invoice_with_money": _tr("Void invoice with money on it"),
        "invoice_overpaid": _tr("Invoice paid more than its total"),
        "invoice_two_claims": _tr("Invoice claimed twice"),
        "scheme_payment_claim_unpaid": _tr("Scheme payment without a paid claim"),
        "merged_both_ways": _tr("Two records merged into each other"),
        "signed_under_merged": _tr("Form signed under a merged record"),
    }.get(reason, reason.replace("_", " "))


def reason_explanation(reason: str) -> str:
    """One or two sentences a coordinator reads before choosing."""
    return {
        "safety_critical": _tr(
            "This value matters for the patient's safety, and the two laptops hold different "
            "values. Neither was applied silently: choose the right one."
        ),
        "edit_against_delete": _tr(
            "The record was edited on one laptop and removed on another. Keep it removed, or "
            "take the edit."
        ),
        "signed_here": _tr(
            "Another laptop edited a form that is signed here. A signed form never changes: "
            "the edit was not applied. Record a correction if the form is wrong."
        ),
        "append_only": _tr(
            "Another laptop changed a record of the trail, which never changes; the change was "
            "not applied."
        ),
        "possible_duplicate": _tr(
            "The same name, with the same date of birth or phone, was registered on two "
            "laptops. If it is one person, merge the two records into one; if not, keep both."
        ),
        "double_booked": _tr(
            "Each laptop booked this provider for the same time without knowing of the other "
            "booking. Move one of the two appointments, or keep both."
        ),
        "refused": _tr(
            "A change from another laptop could not be applied here; it is kept on this list "
            "so it is not lost from sight."
        ),
        "unsigned_account": _tr(
            "An account was changed on another laptop without an administrator's signature. "
            "An administrator approves or refuses the change."
        ),
        "merged_both_ways": _tr(
            "Two laptops each merged these records, one into the other. Every laptop kept the "
            "same one, with all the records of both: check it is right."
        ),
        "signed_under_merged": _tr(
            "This form was signed on this laptop under a record another laptop merged "
            "meanwhile. A signed form never changes, so it stays with the merged record: "
            "look at it from the kept record, and record a correction if needed."
        ),
    }.get(reason, "")


def record_label(item: AttentionItem) -> str:
    """The record an item is about: "Grace Wambui — Date of birth"."""
    kind = {
        "patients": _tr("Patient"),
        "appointments": _tr("Appointment"),
        "form_records": _tr("Form"),
        "users": _tr("Account"),
    }.get(item.entity, item.entity.replace("_", " "))
    subject = item.patient_name or kind
    if item.field:
        name = item.field.split(".", 1)
        field = (
            labels.field_label(name[0])
            if len(name) == 1
            else _tr("answer “{name}”").format(name=name[1].replace("_", " "))
        )
        return f"{subject} — {field}"
    return subject


def from_label(item: AttentionItem) -> str:
    """Who made the other laptop's value (or brought the other record), and when."""
    who, at = item.theirs.by, item.theirs.at
    if who is None:  # the other laptop did not say who (or the person is not known here)
        if at is None:
            return _tr("Another laptop")
        return _tr("Another laptop, {when}").format(when=format_datetime(at))
    if at is None:
        return _tr("{who}, on another laptop").format(who=who)
    return _tr("{who}, on another laptop, {when}").format(who=who, when=format_datetime(at))


class AttentionPage(QDialog):
    """The list. Enter or a double-click opens the selected item's side-by-side screen."""

    COLUMNS = 4

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[AttentionItem] = []
        self.error: BaseException | None = None
        self.loading = False
        self._again = False
        self.compare: QDialog | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Needs attention"))
        self.setAccessibleName(self.windowTitle())

        self.intro = QLabel(
            self.tr(
                "What sync could not settle alone. Open an item to compare the two laptops' "
                "values side by side and choose; the choice is recorded and reaches every "
                "laptop at the next sync."
            )
        )
        self.intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("attention_summary")
        self.summary.setWordWrap(True)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("attention_list")
        self.table.setAccessibleName(self.tr("Items needing attention"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Record"), self.tr("Noted"), self.tr("From")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the buttons
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        add_shortcut(self.table, QKeySequence(Qt.Key.Key_Return), self.open_selected)
        add_shortcut(self.table, QKeySequence(Qt.Key.Key_Enter), self.open_selected)

        self.open_button = make_button(self.tr("&Open and compare…"), self.open_selected)
        self.open_button.setObjectName("attention_open")
        self.open_button.setDefault(True)
        self.open_button.setEnabled(False)
        self.refresh_button = make_button(self.tr("&Refresh"), self.refresh)
        self.close_button = make_button(self.tr("&Close"), self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Needs attention")))
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row(self.open_button, self.refresh_button, None, self.close_button))
        self.setTabOrder(self.table, self.open_button)
        self.setTabOrder(self.open_button, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.close_button)
        self.resize(960, 520)

        ctx.changes.changed.connect(self._on_changes)
        self.refresh()

    # -- loading --

    def refresh(self) -> None:
        if self.loading:
            self._again = True  # once this load ends, load again: something changed meanwhile
            return
        self.loading = True
        self.summary.setText(self.tr("Loading…"))

        def items(core: Any) -> list[AttentionItem]:
            from desktop.app.attention import AttentionApi

            return AttentionApi(core).items()

        self.ctx.ask(items, self._loaded)

    def _loaded(self, items: list[AttentionItem] | None, error: BaseException | None) -> None:
        self.loading = False
        if not is_alive(self):
            return
        if self._again:
            self._again = False
            self.refresh()
            return
        self.error = error
        if error is not None:
            self.summary.setText(error_text(error))
            return
        self.show_items(items or [])

    def _on_changes(self, changes: Changes) -> None:
        if is_alive(self) and changes.touches(*WATCHED):
            self.refresh()

    def show_items(self, items: list[AttentionItem]) -> None:
        chosen = self.selected()
        self.items = items
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            cells = (
                reason_label(item.reason),
                record_label(item),
                format_datetime(item.noted_at),
                from_label(item),
            )
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(reason_explanation(item.reason) if c == 0 else text)
                self.table.setItem(r, c, cell)
        self.table.resizeRowsToContents()
        if not items:
            self.summary.setText(self.tr("Nothing needs attention. ✓"))
        elif len(items) == 1:
            self.summary.setText(self.tr("1 item waits for a decision."))
        else:
            self.summary.setText(self.tr("{n} items wait for a decision.").format(n=len(items)))
        keep = next((r for r, i in enumerate(items) if chosen and i.id == chosen.id), 0)
        if items:
            self.table.selectRow(keep)
        self._selection_changed()

    # -- opening an item --

    def selected(self) -> AttentionItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def open_selected(self) -> QDialog | None:
        item = self.selected()
        if item is None:
            return None
        from ui.attention_compare import AttentionCompare

        dialog = AttentionCompare(self.ctx, item, self)
        self.compare = dialog
        dialog.open()
        return dialog


def open_attention(ctx: ClinicContext, parent: QWidget | None) -> AttentionPage:
    """The list as its own window over the main window, raised when it is open already
    (from the sync page and from the status area alike)."""
    host = parent.window() if parent is not None else None
    existing = [w for w in host.findChildren(AttentionPage) if is_alive(w)] if host else []
    if existing:
        page = existing[0]
        page.refresh()
    else:
        page = AttentionPage(ctx, host)
        page.setWindowFlag(Qt.WindowType.Window, True)
    page.show()
    page.raise_()
    page.activateWindow()
    return page
