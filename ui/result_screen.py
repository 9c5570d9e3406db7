"""One result: what was ordered and where it went, what came back (text, values with their
units and flags), who reviewed it, every attempt to tell the patient — and the actions that
move it on: mark sent, record received, review, record a contact attempt, escalate, cancel.

The screen draws the core's read model (`core.results.show`) and nothing else; each action
is one core call on the database thread (`ui.followup_dialogs`), and the screen follows the
core's change events, so a result relayed on another laptop and brought by sync is redrawn
too. Only the actions the result's status allows are offered (the spec's status machine,
`desktop.app.followup.result_steps`), and only to those allowed to take them. Ordering a new
test for a patient (from the patient record) is `order_result`.
"""

from __future__ import annotations

import itertools
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text
from ui.followup_dialogs import FollowupDialog, category_label, flag_label, flag_mark
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
    from desktop.app.followup import ResultDetail, ResultLine
    from desktop.changes import Changes
    from ui.context import ClinicContext

WATCHED = ("results", "result_relays", "facilities", "users", "patients")

STATUS_MARKS = {
    "ordered": "○",
    "sent": "→",
    "received": "●",
    "informed": "✓",
    "escalated": "⚠",
    "cancelled": "⊘",
}
URGENT_MARK = "‼"


def status_text(line: ResultLine) -> str:
    """ "● received" — the sign and the core's word (never colour alone)."""
    mark = STATUS_MARKS.get(line.status.value, "")
    return f"{mark} {localized(line.status_words)}".strip()


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table for the next control
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ResultScreen(QDialog):
    open_patient_requested = Signal(object)  # patient id

    def __init__(
        self,
        ctx: ClinicContext,
        result_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        patient_button: bool = True,
    ) -> None:
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self.result_id = result_id
        self.detail: ResultDetail | None = None
        self.error: BaseException | None = None
        self.loads = 0  # reads drawn (for tests)
        self._reads: OneRead[ResultDetail] = OneRead(self, ctx, self._loaded, self.refresh)
        self._may_record = ctx.can(Permission.RECORD_RESULTS)
        self._may_review = ctx.can(Permission.REVIEW_RESULTS)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Result"))
        self.setAccessibleName(self.windowTitle())

        self.title = heading(self.tr("Loading…"))
        self.title.setObjectName("result_title")
        self.summary = QLabel()
        self.summary.setObjectName("result_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QFormLayout()
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.result_text = QLabel()
        self.result_text.setObjectName("result_text")
        self.result_text.setWordWrap(True)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values = _table(
            "result_values",
            [
                self.tr("Measured"),
                self.tr("Value"),
                self.tr("Unit"),
                self.tr("Flag"),
                self.tr("Normal range"),
            ],
        )
        self.values.setAccessibleName(self.tr("Values of the result"))
        self.values.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.values.horizontalHeader().setStretchLastSection(False)
        self.relays = _table(
            "result_relays",
            [self.tr("When"), self.tr("How"), self.tr("Outcome"), self.tr("By"), self.tr("Note")],
        )
        self.relays.setAccessibleName(self.tr("Attempts to tell the patient"))

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.addLayout(self.details)
        self.result_heading = heading(self.tr("The result"), level=2)
        inner.addWidget(self.result_heading)
        inner.addWidget(self.result_text)
        inner.addWidget(self.values)
        inner.addWidget(heading(self.tr("Telling the patient"), level=2))
        inner.addWidget(self.relays)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.status = QLabel()
        self.status.setObjectName("result_status")
        self.status.setWordWrap(True)

        self.relay_button = make_button(
            self.tr("Record a &contact attempt…"), self.record_attempt, shortcut="Ctrl+Shift+C"
        )
        self.relay_button.setObjectName("result_relay")
        self.received_button = make_button(self.tr("Record &received…"), self.record_received)
        self.received_button.setObjectName("result_received")
        self.review_button = make_button(self.tr("Re&view…"), self.review)
        self.escalate_button = make_button(self.tr("&Escalate…"), self.escalate)
        self.sent_button = make_button(self.tr("Mark &sent…"), self.mark_sent)
        self.cancel_button = make_button(self.tr("Ca&ncel the test…"), self.cancel_test)
        self.patient_button = make_button(self.tr("Open the &patient's record"), self.open_patient)
        self.patient_button.setVisible(patient_button)
        self.close_button = make_button(self.tr("C&lose"), self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(
            row(
                self.relay_button,
                self.received_button,
                self.review_button,
                self.escalate_button,
                self.sent_button,
                self.cancel_button,
                None,
            )
        )
        layout.addLayout(row(self.patient_button, None, self.close_button))
        order = [
            self.relay_button,
            self.received_button,
            self.review_button,
            self.escalate_button,
            self.sent_button,
            self.cancel_button,
            self.patient_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.resize(900, 640)
        self._sync()
        ctx.changes.changed.connect(self._on_changes)
        self.refresh()

    # -- loading --

    def refresh(self) -> None:
        result_id = self.result_id
        self._reads.start(lambda core: core.results.show(result_id))

    def _loaded(self, detail: ResultDetail | None, error: BaseException | None) -> None:
        self.error = error
        if error is not None or detail is None:
            self.status.setText(error_text(error) if error else "")
            self.detail = None
            self._sync()
            return
        self.status.clear()
        self.loads += 1
        self.show_detail(detail)

    def _on_changes(self, changes: Changes) -> None:
        if not is_alive(self) or not changes.touches(*WATCHED):
            return
        mine = self.detail is None or changes.touches_patient(self.detail.line.patient_id)
        if mine or changes.touches("facilities", "users"):  # or the names it shows
            self.refresh()

    # -- drawing --

    def show_detail(self, d: ResultDetail) -> None:
        self.detail = d
        line = d.line
        self.title.setText(
            self.tr("{test} — {patient}").format(test=line.test_name, patient=line.patient_name)
        )
        self.setWindowTitle(self.tr("Result: {test}").format(test=line.test_name))
        parts = [status_text(line)]
        if line.urgent:
            parts.append(f"{URGENT_MARK} {self.tr('urgent')}")
        if line.escalation_due:
            parts.append(self.tr("⚠ not reached in time: escalate"))
        if line.late:
            parts.append(self.tr("⚠ late from the lab"))
        if line.attempts:
            parts.append(
                self.tr("1 attempt to tell the patient")
                if line.attempts == 1
                else self.tr("{n} attempts to tell the patient").format(n=line.attempts)
            )
        self.summary.setText("   ·   ".join(parts))
        self._fill_details(d)
        self._fill_result(d)
        self._fill_relays(d)
        self._sync()

    def _fill_details(self, d: ResultDetail) -> None:
        form = self.details
        while form.rowCount():
            form.removeRow(0)
        line = d.line
        who = " · ".join(
            p for p in (line.patient_name, line.clinic_number, line.patient_phone) if p
        )
        reviewed = ""
        if d.reviewed_by or d.reviewed_at:
            reviewed = self.tr("{who}, {when}").format(
                who=d.reviewed_by or self.tr("someone not known here"),
                when=format_datetime(d.reviewed_at),
            )
            if d.review_note:
                reviewed += f" — {d.review_note}"
        escalated = ""
        if d.escalated_at is not None:
            escalated = self.tr("{when}, by {who}").format(
                when=format_datetime(d.escalated_at),
                who=d.escalated_by or self.tr("someone not known here"),
            )
        rows: list[tuple[str, str, str]] = [
            ("patient", self.tr("Patient"), who),
            ("test", self.tr("Test"), f"{line.test_name} ({category_label(line.category.value)})"),
            ("facility", self.tr("Sent to"), line.facility or self.tr("in-house, or not said")),
            ("ordered_on", self.tr("Ordered"), format_date(line.ordered_on)),
            ("sent_on", self.tr("Sent"), format_date(d.sent_on)),
            ("expected_on", self.tr("Expected"), format_date(line.expected_on)),
            ("received_on", self.tr("Received"), format_date(line.received_on)),
            ("reviewed", self.tr("Reviewed"), reviewed or self.tr("not yet")),
            ("escalated", self.tr("Escalated"), escalated),
            ("informed", self.tr("Patient informed"), format_datetime(d.informed_at)),
            ("notes", self.tr("Notes"), d.notes),
            ("attachment", self.tr("Scanned report"), d.attachment_name or ""),
        ]
        for name, title, value in rows:
            if not value and name in ("escalated", "attachment", "notes", "sent_on", "expected_on"):
                continue  # only what this result has
            label = QLabel(value or "—")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setObjectName(f"result_{name}")
            label.setAccessibleName(title)
            form.addRow(with_colon(title), label)

    def _fill_result(self, d: ResultDetail) -> None:
        arrived = d.line.received_on is not None
        self.result_text.setText(d.result_text or ("" if d.measurements else "—"))
        self.result_text.setVisible(bool(d.result_text) or not d.measurements)
        if not arrived:
            self.result_text.setText(self.tr("Not received yet."))
        self.values.setRowCount(len(d.measurements))
        for r, m in enumerate(d.measurements):
            mark = flag_mark(m.flag)
            flag = f"{mark} {flag_label(m.flag)}".strip() if m.flag else ""
            cells = (m.name, m.value, m.unit, flag, m.range)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if m.flag in ("low", "high", "critical", "abnormal") and c in (1, 3):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.values.setItem(r, c, item)
        self.values.setVisible(bool(d.measurements))
        self.values.resizeColumnsToContents()
        self.values.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._fit(self.values)

    def _fill_relays(self, d: ResultDetail) -> None:
        from desktop.app.followup import METHOD_WORDS, OUTCOME_WORDS

        if not d.relays:
            self.relays.setRowCount(1)
            empty = QTableWidgetItem(self.tr("No attempt yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.relays.setItem(0, 0, empty)
            self.relays.setSpan(0, 0, 1, self.relays.columnCount())
            self._fit(self.relays)
            return
        self.relays.clearSpans()
        self.relays.setRowCount(len(d.relays))
        for r, relay in enumerate(d.relays):
            outcome = localized(OUTCOME_WORDS[relay.outcome])
            if relay.outcome.value == "informed":
                outcome = f"✓ {outcome}"
            cells = (
                format_datetime(relay.at),
                localized(METHOD_WORDS[relay.method]),
                outcome,
                relay.by,
                relay.note,
            )
            for c, text in enumerate(cells):
                self.relays.setItem(r, c, QTableWidgetItem(text))
        self.relays.resizeColumnsToContents()
        self.relays.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._fit(self.relays)

    @staticmethod
    def _fit(table: QTableWidget) -> None:
        """The whole table shown (the screen scrolls, not each table)."""
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(max(height, 48))
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # -- what may be done now --

    def _sync(self) -> None:
        from desktop.app.followup import ResultStatus, result_steps

        d = self.detail
        status = d.line.status if d is not None else None
        steps = result_steps(status) if status is not None else ()
        waiting = status in (ResultStatus.RECEIVED, ResultStatus.ESCALATED)
        may = self._may_record
        self.relay_button.setEnabled(may and waiting)
        self.received_button.setEnabled(may and (waiting or ResultStatus.RECEIVED in steps))
        self.received_button.setText(
            self.tr("Co&rrect the result…") if waiting else self.tr("Record &received…")
        )
        arrived = status in (ResultStatus.RECEIVED, ResultStatus.ESCALATED, ResultStatus.INFORMED)
        self.review_button.setEnabled(self._may_review and arrived)
        if not self._may_review:
            self.review_button.setToolTip(self.tr("A clinician reviews results."))
        self.escalate_button.setEnabled(may and ResultStatus.ESCALATED in steps)
        self.sent_button.setEnabled(may and ResultStatus.SENT in steps)
        self.cancel_button.setEnabled(may and ResultStatus.CANCELLED in steps)
        self.patient_button.setEnabled(d is not None)
        if waiting and may:
            self.relay_button.setDefault(True)

    # -- the actions --

    def _dialog(self, title: str, *, intro: str = "", ok_text: str = "") -> FollowupDialog:
        return FollowupDialog(self.ctx, self, title, intro=intro, ok_text=ok_text)

    def record_attempt(self) -> FollowupDialog | None:
        from desktop.app.followup import METHOD_WORDS, OUTCOME_WORDS, RelayMethod, RelayOutcome

        d = self.detail
        if d is None or not self.relay_button.isEnabled():
            return None
        phone = d.line.patient_phone
        dialog = self._dialog(
            self.tr("Contact attempt: {test}").format(test=d.line.test_name),
            intro=(
                self.tr("Telling {patient} (phone {phone}) about the result.").format(
                    patient=d.line.patient_name, phone=phone
                )
                if phone
                else self.tr("Telling {patient} about the result (no phone on record).").format(
                    patient=d.line.patient_name
                )
            ),
            ok_text=self.tr("Record the attempt"),
        )
        dialog.add_combo(
            "method",
            self.tr("&How:"),
            [(localized(METHOD_WORDS[m]), m) for m in RelayMethod],
            RelayMethod.PHONE if phone else RelayMethod.IN_PERSON,
        )
        dialog.add_combo(
            "outcome",
            self.tr("&Outcome:"),
            [(localized(OUTCOME_WORDS[o]), o) for o in RelayOutcome],
            RelayOutcome.NO_ANSWER,
        )
        dialog.add_moment("at", self.tr("&When:"))
        dialog.add_text("note", self.tr("&Note:"))
        result_id = self.result_id
        dialog.calls(
            lambda core, v: core.results.relay(
                result_id, v["method"], v["outcome"], at=v["at"], note=v["note"]
            )
        )
        dialog.open()
        return dialog

    def record_received(self) -> FollowupDialog | None:
        d = self.detail
        if d is None or not self.received_button.isEnabled():
            return None
        correcting = d.line.received_on is not None
        dialog = self._dialog(
            (
                self.tr("Correct the result: {test}") if correcting else self.tr("Received: {test}")
            ).format(test=d.line.test_name),
            intro=self.tr(
                "Give the result's text, its values, or both. A value flagged critical makes "
                "the result urgent."
            ),
            ok_text=self.tr("Save the result"),
        )
        today = self.ctx.today()
        dialog.add_date("received_on", self.tr("&Received on:"), d.line.received_on, latest=today)
        dialog.add_text("text", self.tr("Result &text:"), text=d.result_text, lines=5)
        table = dialog.add_measurements("measurements", self.tr("&Values:"), d.measurements)
        if not d.measurements:
            table.add_row()
        dialog.add_check("urgent", self.tr("&Urgent: relay it first"), checked=d.line.urgent)
        dialog.fields["received_on"].setFocus()
        result_id, was_urgent = self.result_id, d.line.urgent

        def call(core: Any, v: dict[str, Any]) -> Any:
            return core.results.record_received(
                result_id,
                on=v["received_on"],
                text=v["text"],
                measurements=v["measurements"],
                urgent=v["urgent"] if v["urgent"] != was_urgent else None,
            )

        dialog.calls(call)
        dialog.resize(680, 560)
        dialog.open()
        return dialog

    def review(self) -> FollowupDialog | None:
        d = self.detail
        if d is None or not self.review_button.isEnabled():
            return None
        dialog = self._dialog(
            self.tr("Review: {test}").format(test=d.line.test_name), ok_text=self.tr("Reviewed")
        )
        dialog.add_text("review_note", self.tr("Review &note:"), text=d.review_note)
        result_id = self.result_id
        dialog.calls(lambda core, v: core.results.review(result_id, note=v["review_note"]))
        dialog.open()
        return dialog

    def escalate(self) -> FollowupDialog | None:
        d = self.detail
        if d is None or not self.escalate_button.isEnabled():
            return None
        dialog = self._dialog(
            self.tr("Escalate: {test}").format(test=d.line.test_name),
            intro=self.tr(
                "The patient could not be reached in time: hand the result on (a clinician, a "
                "community health worker's visit). Attempts to tell the patient go on."
            ),
            ok_text=self.tr("Escalate"),
        )
        dialog.add_text("notes", self.tr("To &whom, or how:"))
        result_id = self.result_id
        dialog.calls(lambda core, v: core.results.escalate(result_id, v["notes"]))
        dialog.open()
        return dialog

    def mark_sent(self) -> FollowupDialog | None:
        d = self.detail
        if d is None or not self.sent_button.isEnabled():
            return None
        dialog = self._dialog(
            self.tr("Sent: {test}").format(test=d.line.test_name), ok_text=self.tr("Mark sent")
        )
        dialog.add_date("sent_on", self.tr("&Sent on:"), latest=self.ctx.today())
        dialog.add_facility("facility_id", self.tr("Sent &to:"), none_text=self.tr("(as ordered)"))
        result_id = self.result_id
        dialog.calls(
            lambda core, v: core.results.mark_sent(
                result_id, on=v["sent_on"], facility_id=v["facility_id"]
            )
        )
        dialog.open()
        return dialog

    def cancel_test(self) -> FollowupDialog | None:
        d = self.detail
        if d is None or not self.cancel_button.isEnabled():
            return None
        dialog = self._dialog(
            self.tr("Cancel the test: {test}").format(test=d.line.test_name),
            ok_text=self.tr("Cancel the test"),
        )
        dialog.add_text("notes", self.tr("&Why:"))
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).setText(self.tr("Keep it"))
        result_id = self.result_id
        dialog.calls(lambda core, v: core.results.cancel(result_id, v["notes"]))
        dialog.open()
        return dialog

    def open_patient(self) -> None:
        if self.detail is not None:
            self.open_patient_requested.emit(self.detail.line.patient_id)
            self.accept()


def open_result(
    ctx: ClinicContext,
    parent: QWidget | None,
    result_id: uuid.UUID,
    *,
    patient_button: bool = True,
) -> ResultScreen:
    """The result's screen, raised when it is open already."""
    return raise_or_open(
        parent,
        ResultScreen,
        lambda w: w.result_id == result_id,
        lambda host: ResultScreen(ctx, result_id, host, patient_button=patient_button),
    )


def order_result(
    ctx: ClinicContext, parent: QWidget | None, patient_id: uuid.UUID, patient_name: str
) -> FollowupDialog:
    """Order a test for a patient; once ordered, its screen opens."""
    from desktop.app.followup import ResultCategory

    tr = _order_tr
    dialog = FollowupDialog(
        ctx,
        parent,
        tr("Order a test for {patient}").format(patient=patient_name),
        ok_text=tr("Order"),
    )
    dialog.add_line("test_name", tr("&Test:"), hint=tr("e.g. Full blood count, Chest X-ray"))
    dialog.add_combo(
        "category",
        tr("&Kind:"),
        [(category_label(c.value), c) for c in ResultCategory],
        ResultCategory.LAB,
    )
    dialog.add_facility("facility_id", tr("&Sent to:"), none_text=tr("In-house, or not said"))
    dialog.add_check("sent", tr("The sample (or the patient) &went today"))
    dialog.add_optional_date("expected_on", tr("E&xpected by:"), tr("a date is known"))
    dialog.add_check("urgent", tr("&Urgent: relay it first when it comes"))
    dialog.add_text("notes", tr("&Notes:"))
    dialog.fields["test_name"].setFocus()

    def call(core: Any, v: dict[str, Any]) -> Any:
        return core.results.order(
            patient_id,
            v["test_name"],
            category=v["category"],
            facility_id=v["facility_id"],
            sent_on=core.today() if v["sent"] else None,
            expected_on=v["expected_on"],
            urgent=v["urgent"],
            notes=v["notes"],
        )

    dialog.calls(call)
    dialog.succeeded.connect(
        lambda done: open_result(ctx, parent, done.value.line.result_id, patient_button=False)
    )
    return dialog


def _order_tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("OrderResult", text)
