"""One item needing attention, side by side like the duplicate check (ui/duplicate_dialog.py):
this laptop's value (mine), the other laptop's (theirs), who made each and when, the record's
value now, and only the choices that fit the kind of item:

- a value the two laptops disagree on: Keep mine / Keep theirs;
- maybe one person registered twice: Merge (keeping either record; a direction the core
  refuses, such as one that would change a signed form, is offered disabled with the reason)
  or Keep both (two different people);
- a provider booked twice: Rebook one of the two (the booking flow, moving that appointment)
  or Keep both;
- an account change without a signature: Approve / Refuse (administrators).

Values that are the same on both sides are marked "✓ same", never by colour alone. Every
choice is the core's (`desktop.app.attention.AttentionApi`), on the database thread; a merge
asks first. The dialog closes once the item is settled; the list follows the change events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.attention_page import reason_explanation, reason_label, record_label
from ui.errors import error_text, show_error
from ui.util import (
    birth_text,
    confirm,
    format_datetime,
    heading,
    is_alive,
    make_button,
    row,
    with_colon,
)

if TYPE_CHECKING:
    from desktop.app.attention import AttentionItem, BookingSide, Comparison, PersonSide
    from ui.context import ClinicContext

SAME_STYLE = "font-weight: 700;"


class AttentionCompare(QDialog):
    settled = Signal(object)  # the item's id

    def __init__(self, ctx: ClinicContext, item: AttentionItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.comparison: Comparison | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.error: BaseException | None = None
        self.busy = False
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            self.tr("Needs attention: {what}").format(what=reason_label(item.reason))
        )
        self.setAccessibleName(self.windowTitle())

        self.title = heading(record_label(item))
        self.kind = QLabel(reason_label(item.reason))
        self.kind.setObjectName("attention_kind")
        self.kind.setStyleSheet("font-weight: 700;")
        self.explanation = QLabel(reason_explanation(item.reason))
        self.explanation.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(6)
        table = QWidget()
        table.setObjectName("side_by_side")
        table.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(table)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.status = QLabel()
        self.status.setObjectName("attention_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_button = make_button(self.tr("&Back to the list"), self.reject)
        self.back_button.setObjectName("attention_back")
        self.choice_row = row()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.kind)
        layout.addWidget(self.explanation)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(self.choice_row)
        self.resize(900, 540)
        self.status.setText(self.tr("Loading…"))
        ctx.ask(lambda core: _api(core).compare(item.id), self._loaded)

    # -- drawing --

    def _loaded(self, comparison: Comparison | None, error: BaseException | None) -> None:
        if not is_alive(self):
            return
        if error is not None or comparison is None:
            self.error = error
            self.status.setText(error_text(error) if error else "")
            self._add_buttons([])
            return
        self.comparison = comparison
        self.status.clear()
        if comparison.people is not None:
            self._people(*comparison.people)
        elif comparison.bookings is not None:
            self._bookings(*comparison.bookings)
        else:
            self._values(comparison.item)

    def _headers(self, left: str, right: str) -> None:
        self.grid.addWidget(self._title(left), 0, 1)
        self.grid.addWidget(self._title(right), 0, 2)
        self.grid.setColumnMinimumWidth(1, 260)
        self.grid.setColumnMinimumWidth(2, 260)
        self.grid.setColumnStretch(3, 1)

    def _line(self, r: int, title: str, left: str, right: str, *, compare: bool = True) -> None:
        same = compare and bool(left) and left.strip().casefold() == right.strip().casefold()
        self.grid.addWidget(self._row_title(title), r, 0)
        self.grid.addWidget(self._value(left, same=same, name=f"mine_{r}"), r, 1)
        self.grid.addWidget(self._value(right, same=same, name=f"theirs_{r}"), r, 2)

    def _values(self, item: AttentionItem) -> None:
        self._headers(self.tr("This laptop (mine)"), self.tr("The other laptop (theirs)"))
        mine, theirs = item.mine, item.theirs
        self._line(1, self.tr("Value"), self._shown(mine.value), self._shown(theirs.value))
        unknown = self.tr("someone not known on this laptop")
        self._line(
            2, self.tr("Changed by"), mine.by or unknown, theirs.by or unknown, compare=False
        )
        self._line(
            3,
            self.tr("When"),
            format_datetime(mine.at) or self.tr("not known"),
            format_datetime(theirs.at) or self.tr("not known"),
            compare=False,
        )
        self.grid.addWidget(self._row_title(self.tr("In the record now")), 4, 0)
        now = self._value(self._shown(item.now), name="now")
        self.grid.addWidget(now, 4, 1, 1, 2)
        self.grid.setRowStretch(5, 1)
        buttons = []
        if "theirs" in item.choices and item.reason == "unsigned_account":
            buttons.append(("theirs", self.tr("&Approve the change"), self._keep_theirs))
            buttons.append(("mine", self.tr("Re&fuse the change"), self._keep_mine))
        elif item.field is None:  # a change this laptop could not take: seen, nothing to choose
            buttons.append(("mine", self.tr("Mark as &seen"), self._keep_mine))
        else:
            buttons.append(("mine", self.tr("Keep &mine (this laptop's)"), self._keep_mine))
            if "theirs" in item.choices:
                buttons.append(
                    ("theirs", self.tr("Keep &theirs (the other laptop's)"), self._keep_theirs)
                )
        self._add_buttons(buttons)

    def _people(self, here: PersonSide, arrived: PersonSide) -> None:
        self._headers(self.tr("Registered on this laptop"), self.tr("Arrived from another laptop"))
        today = self.ctx.today()
        lines: list[tuple[str, Callable[[PersonSide], str], bool]] = [
            (self.tr("Name"), lambda p: p.full_name, True),
            (self.tr("Clinic no."), lambda p: p.clinic_number, True),
            (self.tr("Sex"), lambda p: labels.sex_label(p.sex), True),
            (
                self.tr("Born"),
                lambda p: birth_text(p.birth_date, p.birth_date_estimated, today),
                True,
            ),
            (self.tr("Phone"), lambda p: p.phone, True),
            (self.tr("Village"), lambda p: p.village, True),
            (self.tr("National ID"), lambda p: p.national_id, True),
            (self.tr("Registered"), self._registered, False),
            (self.tr("Appointments"), lambda p: str(p.appointments), False),
            (self.tr("Forms"), self._forms, False),
        ]
        for r, (title, value, compare) in enumerate(lines, start=1):
            self._line(r, title, value(here), value(arrived), compare=compare)
        self.grid.setRowStretch(len(lines) + 1, 1)
        notes = [p.cannot_survive for p in (here, arrived) if p.cannot_survive]
        if notes:
            self.status.setText("ⓘ " + "\n".join(dict.fromkeys(notes)))
        self._add_buttons(
            [
                (
                    "merge_here",
                    self.tr("&Merge: keep the record of this laptop"),
                    lambda: self._merge(here, arrived),
                ),
                (
                    "merge_arrived",
                    self.tr("Merge: keep the record that &arrived"),
                    lambda: self._merge(arrived, here),
                ),
                ("both", self.tr("&Keep both (two different people)"), self._keep_both),
            ]
        )
        for key, side in (("merge_here", here), ("merge_arrived", arrived)):
            button = self.buttons[key]
            button.setEnabled(side.cannot_survive is None)
            if side.cannot_survive:
                button.setToolTip(side.cannot_survive)

    def _bookings(self, here: BookingSide, arrived: BookingSide) -> None:
        self._headers(self.tr("Booked on this laptop"), self.tr("Booked on another laptop"))
        unknown = self.tr("not known")
        lines: list[tuple[str, Callable[[BookingSide], str], bool]] = [
            (self.tr("Patient"), lambda b: b.patient_name, True),
            (self.tr("Provider"), lambda b: b.provider_name, True),
            (self.tr("From"), lambda b: format_datetime(b.starts_at), True),
            (self.tr("To"), lambda b: format_datetime(b.ends_at), True),
            (self.tr("Status"), lambda b: labels.status_label(b.status), True),
            (self.tr("Booked by"), lambda b: b.booked_by or unknown, False),
        ]
        for r, (title, value, compare) in enumerate(lines, start=1):
            self._line(r, title, value(here), value(arrived), compare=compare)
        self.grid.setRowStretch(len(lines) + 1, 1)
        self._add_buttons(
            [
                (
                    "rebook_here",
                    self.tr("&Rebook the one booked here…"),
                    lambda: self._rebook(here),
                ),
                (
                    "rebook_arrived",
                    self.tr("Rebook the one from the &other laptop…"),
                    lambda: self._rebook(arrived),
                ),
                ("both", self.tr("&Keep both"), self._keep_both),
            ]
        )

    def _add_buttons(self, buttons: Sequence[tuple[str, str, Callable[[], object]]]) -> None:
        previous: QWidget | None = None
        for key, text, slot in buttons:
            button = make_button(text, slot)
            button.setObjectName(f"attention_{key}")
            button.setAutoDefault(False)  # Space (or its Alt+letter) settles; Enter never does
            self.buttons[key] = button
            self.choice_row.addWidget(button)
            if previous is not None:
                self.setTabOrder(previous, button)
            previous = button
        self.choice_row.addStretch(1)
        self.choice_row.addWidget(self.back_button)
        if previous is not None:
            self.setTabOrder(previous, self.back_button)
        first = next((b for b in self.buttons.values() if b.isEnabled()), None)
        target = first or self.back_button
        # Once the new buttons are shown (focus does not go to a hidden widget).
        QTimer.singleShot(0, lambda: target.setFocus() if is_alive(target) else None)
        # Enter never settles an item by accident: Back is the default.
        self.back_button.setAutoDefault(True)
        self.back_button.setDefault(True)

    def _registered(self, p: PersonSide) -> str:
        when = format_datetime(p.registered_at)
        if p.registered_by:
            return self.tr("{when}, by {who}").format(when=when, who=p.registered_by)
        return when

    def _forms(self, p: PersonSide) -> str:
        if p.signed_forms:
            return self.tr("{n} ({signed} signed)").format(n=p.forms, signed=p.signed_forms)
        return str(p.forms)

    def _shown(self, value: Any) -> str:
        if value is None or value == "" or value == []:
            return self.tr("(empty)")
        if value is True:
            return self.tr("yes")
        if value is False:
            return self.tr("no")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        if isinstance(value, dict):
            return ", ".join(f"{k}: {v}" for k, v in value.items() if k != "id")
        text = str(value)
        if self.item.field == "sex":
            return labels.sex_label(text)
        if self.item.field == "birth_date":
            import datetime as dt

            try:
                return birth_text(dt.date.fromisoformat(text), False, self.ctx.today())
            except ValueError:
                return text
        return text

    def _title(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 700; border-bottom: 1px solid palette(mid);")
        return label

    def _row_title(self, text: str) -> QLabel:
        label = QLabel(with_colon(text))
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setWordWrap(True)
        return label

    def _value(self, text: str, *, same: bool = False, name: str = "") -> QLabel:
        shown = text or "—"
        if same:
            shown = f"{shown}   ✓ {self.tr('same')}"
        label = QLabel(shown)
        if name:
            label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if same:
            label.setStyleSheet(SAME_STYLE)
        return label

    # -- choosing --

    def _run(self, work: Callable[[Any], Any], label: str) -> None:
        if self.busy:
            return
        self.busy = True
        for button in self.buttons.values():
            button.setEnabled(False)
        self.ctx.call(self, work, label=label).success(self._done).failure(self._failed).run()

    def _done(self, _result: Any) -> None:
        self.busy = False
        self.settled.emit(self.item.id)
        if is_alive(self):
            self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.error = error
        if not is_alive(self):
            return
        self.status.setText(error_text(error))
        for key, button in self.buttons.items():
            side_refused = (
                self.comparison is not None
                and self.comparison.people is not None
                and (
                    (key == "merge_here" and self.comparison.people[0].cannot_survive)
                    or (key == "merge_arrived" and self.comparison.people[1].cannot_survive)
                )
            )
            button.setEnabled(not side_refused)
        show_error(self, error)

    def _keep_mine(self) -> None:
        item_id = self.item.id
        self._run(
            lambda core: _api(core).keep_mine(item_id), self.tr("Keeping this laptop's value…")
        )

    def _keep_theirs(self) -> None:
        item_id = self.item.id
        self._run(
            lambda core: _api(core).keep_theirs(item_id),
            self.tr("Taking the other laptop's value…"),
        )

    def _keep_both(self) -> None:
        item_id = self.item.id
        self._run(lambda core: _api(core).keep_both(item_id), self.tr("Keeping both…"))

    def _merge(self, survivor: PersonSide, other: PersonSide) -> None:
        item_id, survivor_id = self.item.id, survivor.patient_id
        text = self.tr(
            "Merge the two records into the one of {survivor} ({number})?\n\n"
            "Every appointment and form of the other record moves to it; the other record is "
            "removed and points at the one kept. Every laptop makes the same merge at its next "
            "sync. This cannot be undone from this screen."
        ).format(survivor=survivor.full_name, number=survivor.clinic_number or "—")
        self.merge_question = confirm(
            self,
            self.tr("Merge two records"),
            text,
            lambda: self._run(
                lambda core: _api(core).merge(item_id, survivor_id), self.tr("Merging…")
            ),
            yes_text=self.tr("Merge"),
            no_text=self.tr("Don't merge"),
            destructive=True,
        )

    def _rebook(self, booking: BookingSide) -> QDialog:
        """The booking flow, moving this appointment; once it is moved, the item is settled."""
        from ui.booking_dialog import BookingDialog

        dialog = BookingDialog.move_appointment(
            self.ctx,
            self,
            booking.appointment_id,
            booking.patient_id,
            booking.patient_name,
            booking.provider_id,
            booking.starts_at.replace(tzinfo=None),
        )
        item_id = self.item.id
        dialog.booked.connect(
            lambda _new_id: self._run(
                lambda core: _api(core).rebooked(item_id), self.tr("Settling the double booking…")
            )
        )
        self.booking = dialog
        dialog.open()
        return dialog


def _api(core: Any) -> Any:
    from desktop.app.attention import AttentionApi

    return AttentionApi(core)
