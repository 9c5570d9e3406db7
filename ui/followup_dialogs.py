"""The small questions of the follow-through screens (results, referrals): a dialog of labelled
fields whose OK runs one core call on the database thread (`ui.small_dialog.InputDialog`, with
dates, longer text, a table of values and a facility chosen from the directory), and adding a
facility to the directory.

Problems the core finds come back beside their field (`InvalidInput.field`, the core's own
field names), others below the fields, in the core's words.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.language import localized
from ui.small_dialog import InputDialog
from ui.util import combo_select, is_alive, make_button, pydate, qdate

if TYPE_CHECKING:
    from desktop.app.followup import FacilityKind, FacilityLine, Measurement
    from desktop.core import ClinicCore
    from ui.context import ClinicContext

DATE_FORMAT = "ddd d MMM yyyy"
FLAGS = ("", "normal", "low", "high", "critical", "abnormal")  # the spec's measurement flags


def _tr(text: str) -> str:
    return QCoreApplication.translate("Followup", text)


def flag_label(flag: str) -> str:
    return {
        "": "—",
        "normal": _tr("normal"),
        "low": _tr("low"),
        "high": _tr("high"),
        "critical": _tr("critical"),
        "abnormal": _tr("abnormal"),
    }.get(flag, flag)


def flag_mark(flag: str) -> str:
    """A sign beside a flagged value, so a flag never rests on colour (or bold) alone."""
    return {"low": "↓", "high": "↑", "critical": "‼", "abnormal": "⚠"}.get(flag, "")


def category_label(category: str) -> str:
    return {"lab": _tr("Lab"), "imaging": _tr("Imaging"), "other": _tr("Other")}.get(
        str(category), str(category)
    )


class OptionalDate(QWidget):
    """A date that may be left out: a check box says whether there is one."""

    def __init__(self, text: str, day: dt.date | None, default: dt.date) -> None:
        super().__init__()
        self.check = QCheckBox(text)
        self.date = QDateEdit(qdate(day or default))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.check.setChecked(day is not None)
        self.date.setEnabled(day is not None)
        self.check.toggled.connect(self.date.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.date, 1)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return pydate(self.date.date()) if self.check.isChecked() else None


class MeasurementsTable(QWidget):
    """The values of a result, one row each: name, value, unit, flag, reference range."""

    def __init__(self, values: tuple[Measurement, ...] = ()) -> None:
        super().__init__()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("measurements")
        self.table.setHorizontalHeaderLabels(
            [_tr("Name"), _tr("Value"), _tr("Unit"), _tr("Flag"), _tr("Normal range")]
        )
        self.table.setAccessibleName(_tr("Values"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(True)  # Tab moves from cell to cell while typing values
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        self.add_button = make_button(_tr("&Add a value"), self._add_clicked)
        self.remove_button = make_button(_tr("Remove the &selected value"), self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for m in values:
            self.add_row(m.name, m.value, m.unit, m.flag, m.range)
        self.setFocusProxy(self.table)

    def add_row(
        self, name: str = "", value: str = "", unit: str = "", flag: str = "", range_: str = ""
    ) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, text in ((0, name), (1, value), (2, unit), (4, range_)):
            self.table.setItem(r, c, QTableWidgetItem(text))
        combo = QComboBox()
        for code in FLAGS:
            combo.addItem(flag_label(code), code)
        combo_select(combo, flag)
        combo.setAccessibleName(_tr("Flag"))
        self.table.setCellWidget(r, 3, combo)
        self.table.setCurrentCell(r, 0)
        return r

    def _add_clicked(self) -> None:
        item = self.table.item(self.add_row(), 0)
        if item is not None:
            self.table.setFocus()
            self.table.editItem(item)

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)

    def value(self) -> list[Measurement]:
        from desktop.app.followup import Measurement

        out = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in (0, 1, 2, 4)]
            name, value, unit, range_ = ((c.text().strip() if c else "") for c in cells)
            combo = self.table.cellWidget(r, 3)
            flag = combo.currentData() if isinstance(combo, QComboBox) else ""
            if not name and not value:
                continue  # a row added and left empty
            out.append(Measurement(name, value, unit, flag or "", range_))
        return out


class FacilityPicker(QWidget):
    """A facility from the clinic's directory (read on the database thread), and a button
    to add one that is not there yet."""

    loaded = Signal()

    def __init__(
        self,
        ctx: ClinicContext,
        *,
        current: uuid.UUID | None = None,
        none_text: str = "",
        kind: FacilityKind | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.none_text = none_text
        self.kind = kind
        self.facilities: tuple[FacilityLine, ...] = ()
        self.combo = QComboBox()
        self.combo.setObjectName("facility")
        self.combo.setAccessibleName(_tr("Facility"))
        self.combo.setMinimumContentsLength(28)
        self.combo.addItem(_tr("Loading the directory…"), None)
        self.new_button = make_button(_tr("New &facility…"), self.add_facility)
        self.new_button.setObjectName("new_facility")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.new_button)
        self.setFocusProxy(self.combo)
        self.reload(current)

    def reload(self, select: uuid.UUID | None = None) -> None:
        def done(found: tuple[FacilityLine, ...] | None, error: BaseException | None) -> None:
            if not is_alive(self):
                return
            self.facilities = found or ()
            self.combo.clear()
            if self.none_text:
                self.combo.addItem(self.none_text, None)
            for f in self.facilities:
                where = f", {f.phone}" if f.phone else ""
                text = f"{f.name} ({localized(_kind_words(f.kind))}{where})"
                self.combo.addItem(text, f.facility_id)
            if error is not None:
                from ui.errors import error_text

                self.combo.addItem(error_text(error), None)
            elif not self.facilities and not self.none_text:
                self.combo.addItem(_tr("No facility yet: add one with New facility…"), None)
            if select is not None:
                combo_select(self.combo, select)
            self.loaded.emit()

        self.ctx.ask(lambda core: core.referrals.facilities(kind=self.kind), done)

    def value(self) -> uuid.UUID | None:
        data = self.combo.currentData()
        return data if isinstance(data, uuid.UUID) else None

    def add_facility(self) -> InputDialog:
        dialog = facility_dialog(self.ctx, self)
        dialog.succeeded.connect(lambda done: self.reload(done.value.facility_id))
        dialog.open()
        return dialog


def _kind_words(kind: FacilityKind) -> str:
    from desktop.app.followup import FACILITY_KIND_WORDS

    return FACILITY_KIND_WORDS[kind]


class FollowupDialog(InputDialog):
    """`InputDialog` with the fields these screens need."""

    def __init__(
        self,
        ctx: ClinicContext,
        parent: QWidget | None,
        title: str,
        *,
        intro: str = "",
        ok_text: str = "",
    ) -> None:
        super().__init__(parent, ctx.tasks, title, intro=intro, ok_text=ok_text)
        self.ctx = ctx
        self._enums: dict[str, type[enum.Enum]] = {}
        self.setMinimumWidth(520)

    def add_combo(
        self, key: str, label: str, items: list[tuple[str, Any]], current: Any = None
    ) -> QComboBox:
        # Qt hands a StrEnum back as a plain str, and the core compares members with `is`:
        # the member is made again from the value when the answers are read.
        kinds = {type(data) for _text, data in items if isinstance(data, enum.Enum)}
        if len(kinds) == 1:
            self._enums[key] = kinds.pop()
        return super().add_combo(key, label, items, current)

    def add_date(
        self, key: str, label: str, day: dt.date | None = None, *, latest: dt.date | None = None
    ) -> QDateEdit:
        field = QDateEdit(qdate(day or self.ctx.today()))
        field.setCalendarPopup(True)
        field.setDisplayFormat(DATE_FORMAT)
        if latest is not None:
            field.setMaximumDate(qdate(latest))
        self._add(key, label, field)
        return field

    def add_optional_date(
        self, key: str, label: str, check_text: str, day: dt.date | None = None
    ) -> OptionalDate:
        field = OptionalDate(check_text, day, self.ctx.today())
        self._add(key, label, field)
        return field

    def add_moment(self, key: str, label: str) -> QDateTimeEdit:
        """A clinic wall-clock time, now by default."""
        now = self.ctx.core.clock.now()  # the clinic's wall clock, not the laptop's zone
        field = QDateTimeEdit(QDateTime(qdate(now.date()), QTime(now.hour, now.minute)))
        field.setCalendarPopup(True)
        field.setDisplayFormat(f"{DATE_FORMAT} HH:mm")
        self._add(key, label, field)
        return field

    def add_text(
        self, key: str, label: str, *, text: str = "", hint: str = "", lines: int = 3
    ) -> QPlainTextEdit:
        field = QPlainTextEdit(text)
        field.setTabChangesFocus(True)  # Tab goes on to the next field, as in a line
        # As tall as the words it is for: a note is a line or two, a report a paragraph.
        margins = field.contentsMargins()
        height = field.fontMetrics().lineSpacing() * lines + 2 * field.frameWidth() + 10
        field.setFixedHeight(height + margins.top() + margins.bottom())
        self._add(key, label, field, hint)
        return field

    def add_check(self, key: str, label: str, *, checked: bool = False) -> QCheckBox:
        field = QCheckBox(label)
        field.setChecked(checked)
        self._add(key, "", field)
        return field

    def add_measurements(self, key: str, label: str, values: tuple[Measurement, ...]) -> Any:
        field = MeasurementsTable(values)
        self._add(key, label, field)
        return field

    def add_facility(
        self, key: str, label: str, *, current: uuid.UUID | None = None, none_text: str = ""
    ) -> FacilityPicker:
        field = FacilityPicker(self.ctx, current=current, none_text=none_text)
        self._add(key, label, field)
        return field

    def values(self) -> dict[str, Any]:
        out = super().values()
        for key, widget in self.fields.items():
            if isinstance(widget, QDateEdit):
                out[key] = pydate(widget.date())
            elif isinstance(widget, QDateTimeEdit):
                moment = widget.dateTime()
                day, time = moment.date(), moment.time()
                out[key] = dt.datetime.combine(pydate(day), dt.time(time.hour(), time.minute()))
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, (OptionalDate, MeasurementsTable, FacilityPicker)):
                out[key] = widget.value()
            if key in self._enums and out.get(key) is not None:
                out[key] = self._enums[key](out[key])
        return out

    def calls(self, call: Callable[[ClinicCore, dict[str, Any]], Any]) -> FollowupDialog:
        """OK runs `call(core, values)` on the database thread."""
        core = self.ctx.core
        self.on_submit(lambda values: lambda _task: call(core, values))
        return self


def facility_dialog(ctx: ClinicContext, parent: QWidget | None) -> FollowupDialog:
    """Add a specialist, lab, hospital or rehabilitation centre to the directory."""
    from desktop.app.followup import FACILITY_KIND_WORDS, FacilityKind

    dialog = FollowupDialog(
        ctx,
        parent,
        _tr("New facility"),
        intro=_tr(
            "A facility the clinic sends patients or samples to. The directory reaches every "
            "laptop of the clinic at the next sync."
        ),
        ok_text=_tr("Add to the directory"),
    )
    dialog.add_line("name", _tr("&Name:"))
    dialog.add_combo(
        "kind",
        _tr("&Kind:"),
        [(localized(FACILITY_KIND_WORDS[k]), k) for k in FacilityKind],
        FacilityKind.HOSPITAL,
    )
    dialog.add_line("phone", _tr("&Phone:"))
    dialog.add_text("address", _tr("&Address:"))
    dialog.calls(
        lambda core, v: core.referrals.add_facility(
            v["name"], v["kind"], phone=v["phone"], address=v["address"]
        )
    )
    return dialog
