"""Coverage on screen: a patient's membership of a scheme or insurer added (the scheme chosen
from the clinic's list, the member number as on the card, the holder, the validity dates),
ended, and verified (how, with what answer, the scheme's reference); and the clinic's list
of schemes in Settings (added, changed, no longer offered).

Every answer is checked by the core (`core.coverage`), its refusals shown beside the field
they concern, in its words. Nothing here redraws by hand: the Coverage tab, the check-in
queue's marks and the worklist follow the core's change events.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text
from ui.followup_dialogs import FollowupDialog
from ui.language import localized
from ui.small_dialog import InputDialog
from ui.util import (
    confirm,
    format_date,
    format_datetime,
    heading,
    is_alive,
    make_button,
    qdate,
    row,
)

if TYPE_CHECKING:
    from desktop.app.coverage import MembershipLine, SchemeLine
    from desktop.changes import Changes
    from ui.context import ClinicContext

STATUS_MARKS = {"verified": "✓", "to_verify": "?", "expired": "✗", "not_covered": "✗"}
SCHEME_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("Coverage", text)


def validity(line: MembershipLine) -> str:
    start, end = format_date(line.valid_from), format_date(line.valid_until)
    if start and end:
        return _tr("{start} to {end}").format(start=start, end=end)
    if end:
        return _tr("until {end}").format(end=end)
    if start:
        return _tr("from {start}").format(start=start)
    return _tr("no end date")


def status_words(line: MembershipLine) -> str:
    if not line.active:
        return _tr("ended")
    mark = STATUS_MARKS.get(line.status.value, "")
    return f"{mark} {localized(line.status_words)}".strip()


class VerificationDialog(FollowupDialog):
    """One verification of a membership: what is known of it first (scheme, number,
    holder, validity, today's status and the last checks), then how it was checked and the
    answer."""

    def __init__(
        self, ctx: ClinicContext, parent: QWidget | None, membership_id: uuid.UUID
    ) -> None:
        from desktop.app.coverage import VerificationMethod, VerificationResult
        from desktop.services.coverage import METHOD_WORDS, RESULT_WORDS

        super().__init__(
            ctx, parent, _tr("Record a verification"), ok_text=_tr("Save the verification")
        )
        self.membership_id = membership_id
        self.line: MembershipLine | None = None
        self.about = QLabel(_tr("Reading the membership…"))
        self.about.setObjectName("verification_about")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QLabel()
        self.history.setObjectName("verification_history")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        self.heading = heading("", level=2)
        layout.insertWidget(0, self.heading)
        layout.insertWidget(1, self.about)
        layout.insertWidget(2, self.history)
        layout.insertSpacing(3, 8)  # what is known, then the questions
        self.add_combo(
            "method",
            _tr("&How:"),
            [(localized(METHOD_WORDS[m]).capitalize(), m) for m in VerificationMethod],
            VerificationMethod.PORTAL,
        )
        self.add_combo(
            "result",
            _tr("&Answer:"),
            [(localized(RESULT_WORDS[r]).capitalize(), r) for r in VerificationResult],
            VerificationResult.VERIFIED,
        )
        moment = self.add_moment("at", _tr("&When:"))
        now = ctx.core.clock.now()
        moment.setMaximumDate(qdate(now.date()))  # never in the future (the core says so too)
        moment.setMaximumTime(QTime(23, 59))
        self.add_line(
            "reference",
            _tr("&Reference:"),
            hint=_tr("The scheme's reference for the check, if it gave one."),
        )
        self.add_text("note", _tr("&Note:"), lines=2)
        self.fields["method"].setFocus()
        self.ok_button.setEnabled(False)  # until the membership is read

        def call(core: Any, v: dict[str, Any]) -> Any:
            return core.coverage.verify(
                membership_id,
                v["method"],
                v["result"],
                at=v["at"],
                reference=v["reference"],
                note=v["note"],
            )

        self.calls(call)
        ctx.ask(lambda core: core.coverage.membership(membership_id), self._read)

    def _read(self, line: MembershipLine | None, error: BaseException | None) -> None:
        if not is_alive(self):
            return
        if error is not None or line is None:
            self.about.setText(error_text(error) if error else "")
            return
        self.line = line
        self.setWindowTitle(
            _tr("Verification: {patient}, {scheme}").format(
                patient=line.patient_name, scheme=line.scheme_name
            )
        )
        self.heading.setText(
            _tr("{scheme} {number} — {patient}").format(
                scheme=line.scheme_name, number=line.member_number, patient=line.patient_name
            )
        )
        facts = [
            _tr("Holder: {name}").format(name=line.holder_name or line.patient_name),
            _tr("Valid: {when}").format(when=validity(line)),
            _tr("Today: {status} ({why})").format(
                status=status_words(line), why=localized(line.why)
            ),
        ]
        self.about.setText("\n".join(facts))
        checks = line.checks[-3:]
        if checks:
            said = [
                _tr("{when}: {answer} ({method}{reference}{by})").format(
                    when=format_datetime(c.at),
                    answer=localized(c.result_words),
                    method=localized(c.method_words),
                    reference=f", {c.reference}" if c.reference else "",
                    by=_tr(", by {name}").format(name=c.by) if c.by else "",
                )
                for c in reversed(checks)
            ]
            self.history.setText(_tr("Last checks:") + "\n" + "\n".join(said))
        else:
            self.history.setText(_tr("Never verified before."))
        self.ok_button.setEnabled(line.active)
        if not line.active:
            self.general_error.show_message(_tr("This membership was ended: nothing to verify."))


def verify_membership(
    ctx: ClinicContext,
    parent: QWidget | None,
    membership_id: uuid.UUID,
    *,
    patient_button: bool = False,
) -> VerificationDialog:
    """The membership's verification dialog, shown (a coverage line of the worklist, the
    Coverage tab's Enter)."""
    del patient_button  # a small dialog: the record is where it was opened from
    host = parent.window() if parent is not None else None
    dialog = VerificationDialog(ctx, host, membership_id)
    dialog.open()
    return dialog


class SchemeCombo(QComboBox):
    """The clinic's schemes still offered (read on the database thread)."""

    def __init__(self, ctx: ClinicContext) -> None:
        super().__init__()
        self.setMinimumContentsLength(28)
        self.addItem(_tr("Reading the clinic's schemes…"), None)
        self.schemes: tuple[SchemeLine, ...] = ()
        self.loaded = False
        ctx.ask(lambda core: core.coverage.schemes(), self._read)

    def _read(self, schemes: tuple[SchemeLine, ...] | None, error: BaseException | None) -> None:
        if not is_alive(self):
            return
        self.schemes = schemes or ()
        self.clear()
        for s in self.schemes:
            self.addItem(f"{s.name} ({localized(s.kind_words)})", s.scheme_id)
        if error is not None:
            self.addItem(error_text(error), None)
        elif not self.schemes:
            self.addItem(_tr("No scheme yet: add the clinic's in Settings → Schemes"), None)
        self.loaded = True


def add_membership(
    ctx: ClinicContext, parent: QWidget | None, patient_id: uuid.UUID, patient_name: str
) -> FollowupDialog:
    """The patient is a member of a scheme or insurer of the clinic's list."""
    dialog = FollowupDialog(
        ctx,
        parent,
        _tr("New membership: {patient}").format(patient=patient_name),
        ok_text=_tr("Add the membership"),
    )
    schemes = SchemeCombo(ctx)
    dialog._add("scheme_id", _tr("&Scheme:"), schemes)
    dialog.add_line("member_number", _tr("&Member number:"), hint=_tr("As it is on the card."))
    dialog.add_line(
        "holder_name",
        _tr("&Holder:"),
        hint=_tr("The principal member, when the patient is a dependant (else leave empty)."),
    )
    dialog.add_optional_date("valid_from", _tr("Valid &from:"), _tr("From"))
    dialog.add_optional_date("valid_until", _tr("Valid &until:"), _tr("Until"))
    dialog.add_text("notes", _tr("&Notes:"), lines=2)
    schemes.setFocus()

    def check(values: dict[str, Any]) -> dict[str, str]:
        if values.get("scheme_id") is None:
            return {"scheme_id": _tr("Choose the scheme (Settings → Schemes has the list).")}
        return {}

    def call(core: Any, v: dict[str, Any]) -> Any:
        return core.coverage.add_membership(
            patient_id,
            v["scheme_id"],
            v["member_number"],
            holder_name=v["holder_name"],
            valid_from=v["valid_from"],
            valid_until=v["valid_until"],
            notes=v["notes"],
        )

    dialog.on_submit(lambda values: lambda _task: call(ctx.core, values), check=check)
    return dialog


def end_membership(
    ctx: ClinicContext, parent: QWidget | None, line: MembershipLine
) -> FollowupDialog:
    """The patient is no longer a member (kept in the record, marked ended)."""
    dialog = FollowupDialog(
        ctx,
        parent,
        _tr("End the membership: {scheme} {number}").format(
            scheme=line.scheme_name, number=line.member_number
        ),
        intro=_tr(
            "The membership stays in the record, marked ended; it no longer counts at check-in "
            "or when booking."
        ),
        ok_text=_tr("End the membership"),
    )
    dialog.add_text("note", _tr("&Why:"), hint=_tr("e.g. the patient left the scheme"), lines=2)
    membership_id = line.membership_id
    dialog.calls(lambda core, v: core.coverage.end_membership(membership_id, note=v["note"]))
    return dialog


# --- the clinic's list of schemes (Settings) -------------------------------------------------


def scheme_dialog(
    ctx: ClinicContext, parent: QWidget | None, scheme: SchemeLine | None = None
) -> FollowupDialog:
    """Add a scheme or insurer to the clinic's list, or change one."""
    from desktop.app.coverage import SchemeKind
    from desktop.services.coverage import DEFAULT_VERIFY_EVERY_DAYS, SCHEME_KIND_WORDS

    dialog = FollowupDialog(
        ctx,
        parent,
        _tr("New scheme") if scheme is None else _tr("Change {name}").format(name=scheme.name),
        intro=_tr(
            "A health insurance scheme or insurer the clinic's patients belong to. The list "
            "reaches every laptop of the clinic at the next sync."
        ),
        ok_text=_tr("Add to the list") if scheme is None else _tr("Save"),
    )
    dialog.add_line("name", _tr("&Name:"), text=scheme.name if scheme else "")
    dialog.add_combo(
        "kind",
        _tr("&Kind:"),
        [(localized(SCHEME_KIND_WORDS[k]).capitalize(), k) for k in SchemeKind],
        scheme.kind if scheme else SchemeKind.GOVERNMENT,
    )
    dialog.add_line("phone", _tr("&Phone:"), text=scheme.phone if scheme else "")
    dialog.add_text("address", _tr("&Address:"), text=scheme.address if scheme else "", lines=2)
    dialog.add_spin(
        "verify_every_days",
        _tr("&Verify every:"),
        1,
        366,
        scheme.verify_every_days if scheme else DEFAULT_VERIFY_EVERY_DAYS,
        suffix=_tr(" days"),
    )
    dialog.add_text("notes", _tr("N&otes:"), text=scheme.notes if scheme else "", lines=2)
    if scheme is None:
        dialog.calls(
            lambda core, v: core.coverage.add_scheme(
                v["name"],
                v["kind"],
                phone=v["phone"],
                address=v["address"],
                verify_every_days=v["verify_every_days"],
                notes=v["notes"],
            )
        )
    else:
        scheme_id = scheme.scheme_id
        dialog.calls(lambda core, v: core.coverage.edit_scheme(scheme_id, **v))
    return dialog


class SchemesPanel(QWidget):
    """Settings → Schemes: the clinic's schemes and insurers, those no longer offered too."""

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self.schemes: tuple[SchemeLine, ...] = ()
        self.loads = 0
        self.last_dialog: QWidget | None = None
        self._may = ctx.can(Permission.MANAGE_COVERAGE)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [_tr("Scheme"), _tr("Kind"), _tr("Phone"), _tr("Verify every"), _tr("Offered")]
        )
        self.table = QTableView()
        self.table.setObjectName("coverage_schemes")
        self.table.setAccessibleName(_tr("The clinic's schemes and insurers"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.edit_scheme())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._sync())
        self.add_button = make_button(_tr("A&dd a scheme…"), self.add_scheme)
        self.add_button.setObjectName("scheme_add")
        self.edit_button = make_button(_tr("&Change…"), self.edit_scheme)
        self.edit_button.setObjectName("scheme_edit")
        self.offer_button = make_button(_tr("No longer o&ffered"), self.toggle_offered)
        self.offer_button.setObjectName("scheme_offered")
        intro = QLabel(
            _tr(
                "The schemes and insurers a patient's membership is chosen from. One no longer "
                "offered keeps the memberships it has."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row(self.add_button, self.edit_button, self.offer_button, None))
        ctx.changes.changed.connect(self._on_changes)
        self._sync()

    def activated(self) -> None:
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if is_alive(self) and changes.touches("coverage_schemes"):
            self.refresh()

    def refresh(self) -> None:
        try:
            self.ctx.ask(lambda core: core.coverage.schemes(include_inactive=True), self._read)
        except RuntimeError:  # the session is closing
            return

    def _read(self, schemes: tuple[SchemeLine, ...] | None, error: BaseException | None) -> None:
        if not is_alive(self):
            return
        if error is not None:
            from ui.errors import show_error

            show_error(self, error)
            return
        chosen = self.selected()
        keep = chosen.scheme_id if chosen is not None else None
        self.schemes = schemes or ()
        self.model.removeRows(0, self.model.rowCount())
        for s in self.schemes:
            cells = [
                QStandardItem(s.name),
                QStandardItem(localized(s.kind_words)),
                QStandardItem(s.phone or "—"),
                QStandardItem(_tr("{n} days").format(n=s.verify_every_days)),
                QStandardItem(_tr("yes") if s.active else _tr("no longer")),
            ]
            cells[0].setData(s, SCHEME_ROLE)
            self.model.appendRow(cells)
            if s.scheme_id == keep:
                self.table.selectRow(self.model.rowCount() - 1)
        for column in range(1, 5):
            self.table.resizeColumnToContents(column)
        self.loads += 1
        self._sync()

    def selected(self) -> SchemeLine | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        line: SchemeLine | None = index.sibling(index.row(), 0).data(SCHEME_ROLE)
        return line

    def _sync(self) -> None:
        chosen = self.selected()
        for button in (self.add_button, self.edit_button, self.offer_button):
            button.setVisible(self._may)
        self.edit_button.setEnabled(chosen is not None)
        self.offer_button.setEnabled(chosen is not None)
        self.offer_button.setText(
            _tr("Offe&r again")
            if chosen is not None and not chosen.active
            else _tr("No longer o&ffered")
        )

    def _show(self, dialog: InputDialog) -> InputDialog:
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def add_scheme(self) -> InputDialog:
        return self._show(scheme_dialog(self.ctx, self))

    def edit_scheme(self) -> InputDialog | None:
        chosen = self.selected()
        if chosen is None or not self._may:
            return None
        return self._show(scheme_dialog(self.ctx, self, chosen))

    def toggle_offered(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        scheme_id, offered = chosen.scheme_id, not chosen.active
        work: Callable[[Any], Any] = (
            (lambda core: core.coverage.edit_scheme(scheme_id, active=True))
            if offered
            else (lambda core: core.coverage.deactivate_scheme(scheme_id))
        )

        def run() -> None:
            self.ctx.call(self, work).run()

        if offered:
            run()
            return
        confirm(
            self,
            _tr("No longer offered"),
            _tr(
                "{name} will no longer be offered for new memberships. The memberships it has "
                "stay as they are."
            ).format(name=chosen.name),
            run,
            yes_text=_tr("No longer offer it"),
        )
