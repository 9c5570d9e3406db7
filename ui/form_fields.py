"""One input widget per field type of a form definition (forms/FORMAT.md, "Fields").

Every widget turns what the person typed into the answer shape forms/ reads (a number, an
ISO date, a choice value, a signature mapping...) and back. Text that cannot be read yet
(a "38,6x" in a number) is kept as the text itself, so a draft never loses what was typed
and validation can say what is wrong with it.

Words inside a field (Yes/No, year, month, day) are in the form's language, as the form is
read to the patient; the buttons around them are in the interface language.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QFont, QImage, QImageReader, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

import forms
from desktop.dates import read_date
from desktop.errors import InvalidInput
from desktop.messages import localize, message_of
from forms import answers as form_answers
from forms.messages import format_number, message
from forms.vitals import MEASURES
from ui.signature_pad import SignaturePad, image_to_png

MAX_THUMBPRINT_SIDE = 700


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormFields", text)


Now = Callable[[], dt.datetime]
"""The clinic's clock (`core.clock.now`): an aware time in the clinic's zone."""


def _utc_now() -> dt.datetime:
    # Only for widgets made without the clinic's clock (tests of a lone widget).
    return dt.datetime.now(dt.UTC)


def now_with_zone(now: Now = _utc_now) -> str:
    """The signing time: the clinic's time now, with its offset (forms requires it)."""
    return now().isoformat(timespec="seconds")


# --- numbers and dates as people type them -----------------------------------------------------


def parse_number(text: str, *, integer: bool = False) -> float | int | str | None:
    """ "38,6" or "38.6" → 38.6; blank → None; anything else is kept as typed."""
    cleaned = text.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return text.strip()
    if number != number or number in (float("inf"), float("-inf")):
        return text.strip()
    if number == int(number) and (integer or "." not in cleaned):
        return int(number)
    return number


def show_number(value: object, lang: str) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return format_number(float(value), lang)
    return str(value)


def parse_date(text: str) -> str | None:
    """A typed date as forms/ stores it ("2025-03-04"), read by the core's one date parser
    (`desktop.dates`: "2025-03-04", "2025/3/4", "4/3/2025" or "04.03.2025", day first as
    written in the clinics); blank → None; anything else is kept as typed, and
    `date_problem` says what is wrong with it."""
    cleaned = text.strip()
    try:
        found = read_date(cleaned)
    except InvalidInput:
        return cleaned
    return found.isoformat() if found is not None else None


def date_problem(text: str, lang: str) -> str | None:
    """Why `text` is not a date, in `lang` ("There is no 30 February 2031 (February 2031
    has 28 days)."), None when it is one or is blank."""
    try:
        read_date(text)
    except InvalidInput as exc:
        return localize(message_of(exc), lang)
    return None


class _LeaveFilter(QObject):
    """Reports focus leaving a widget (QPlainTextEdit has no editingFinished)."""

    def __init__(self, owner: FieldWidget) -> None:
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.owner.left.emit()
        return False


# --- the base ----------------------------------------------------------------------------------


class FieldWidget(QWidget):
    """The input of one field. `changed` on every edit, `left` when the person moves on."""

    changed = Signal()
    left = Signal()

    def __init__(
        self,
        field: forms.Field,
        definition: forms.FormDefinition,
        lang: str,
        parent: QWidget | None = None,
        *,
        now: Now | None = None,
    ) -> None:
        super().__init__(parent)
        self.now: Now = now or _utc_now
        self.field = field
        self.definition = definition
        self.lang = lang
        self.label = definition.text(field.label, lang)
        self.read_only = False
        self.setObjectName(f"field_{field.id}")

    def word(self, key: str) -> str:
        """One of forms/' own words (yes, no, year...) in the form's language."""
        return message(key, self.lang)

    def value(self) -> object:
        """The answer in forms/' shape, None when unanswered."""
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only

    def focus_target(self) -> QWidget:
        return self

    def part_target(self, part: str | None) -> QWidget:
        """The input a problem is about (blood pressure has two)."""
        return self.focus_target()

    def inputs(self) -> list[QWidget]:
        """The widgets that take keyboard focus, in tab order."""
        return [self.focus_target()]

    def _name(self, widget: QWidget, suffix: str = "") -> None:
        widget.setAccessibleName(f"{self.label} — {suffix}" if suffix else self.label)

    def _watch_leaving(self, widget: QWidget) -> None:
        widget.installEventFilter(_LeaveFilter(self))


# --- text and numbers --------------------------------------------------------------------------


class TextField(FieldWidget):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edit = QLineEdit()
        self.edit.setMaxLength(self.field.max_length or 200)
        self._name(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.edit.textChanged.connect(lambda *_: self.changed.emit())
        self.edit.editingFinished.connect(self.left.emit)

    def value(self) -> object:
        return self.edit.text() or None

    def set_value(self, value: object) -> None:
        self.edit.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.edit.setReadOnly(read_only)

    def focus_target(self) -> QWidget:
        return self.edit


class LongTextField(FieldWidget):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)  # Tab moves on; Enter makes a new line
        lines = max(2, min(self.field.lines or 3, 6))
        metrics = self.edit.fontMetrics()
        self.edit.setFixedHeight(metrics.lineSpacing() * lines + 14)
        self._name(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.edit.textChanged.connect(lambda *_: self.changed.emit())
        self._watch_leaving(self.edit)

    def value(self) -> object:
        return self.edit.toPlainText() or None

    def set_value(self, value: object) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.edit.setReadOnly(read_only)

    def focus_target(self) -> QWidget:
        return self.edit


def _number_edit(width: int = 90) -> QLineEdit:
    edit = QLineEdit()
    edit.setFixedWidth(width)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
    return edit


def _unit_label(unit: str) -> QLabel:
    label = QLabel(unit)
    label.setMinimumWidth(36)
    return label


class NumberField(FieldWidget):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edit = _number_edit()
        self._name(self.edit, self.field.unit or "")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        if self.field.unit:
            layout.addWidget(_unit_label(self.field.unit))
        layout.addStretch(1)
        self.edit.textChanged.connect(lambda *_: self.changed.emit())
        self.edit.editingFinished.connect(self.left.emit)

    def value(self) -> object:
        return parse_number(self.edit.text(), integer=self.field.integer)

    def set_value(self, value: object) -> None:
        self.edit.setText(show_number(value, self.lang))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.edit.setReadOnly(read_only)

    def focus_target(self) -> QWidget:
        return self.edit


class VitalsField(FieldWidget):
    """One reading with its unit; blood pressure as systolic / diastolic side by side."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        measure = MEASURES[self.field.measure or ""]
        self.unit = measure.unit
        self.parts = measure.parts
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str | None, QLineEdit] = {}
        if self.parts:
            words = {"systolic": _tr("systolic"), "diastolic": _tr("diastolic")}
            for i, part in enumerate(self.parts):
                edit = _number_edit(70)
                edit.setObjectName(f"{self.field.id}_{part}")
                edit.setPlaceholderText(words[part])
                self._name(edit, f"{words[part]} ({self.unit})")
                if i:
                    layout.addWidget(QLabel("/"))
                layout.addWidget(edit)
                self.edits[part] = edit
        else:
            edit = _number_edit()
            self._name(edit, self.unit)
            layout.addWidget(edit)
            self.edits[None] = edit
        layout.addWidget(_unit_label(self.unit))
        layout.addStretch(1)
        for edit in self.edits.values():
            edit.textChanged.connect(lambda *_: self.changed.emit())
            edit.editingFinished.connect(self._maybe_left)

    def _maybe_left(self) -> None:
        # Blood pressure is "left" only once focus is outside both halves.
        focus = QApplication.focusWidget()
        if focus is None or focus not in self.edits.values():
            self.left.emit()

    def value(self) -> object:
        if not self.parts:
            return parse_number(self.edits[None].text())
        found = {part: parse_number(self.edits[part].text(), integer=True) for part in self.parts}
        if all(v is None for v in found.values()):
            return None
        return {part: v for part, v in found.items() if v is not None}

    def set_value(self, value: object) -> None:
        if not self.parts:
            self.edits[None].setText(show_number(value, self.lang))
            return
        source = value if isinstance(value, Mapping) else {}
        for part in self.parts:
            self.edits[part].setText(show_number(source.get(part), self.lang))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for edit in self.edits.values():
            edit.setReadOnly(read_only)

    def focus_target(self) -> QWidget:
        return next(iter(self.edits.values()))

    def part_target(self, part: str | None) -> QWidget:
        return self.edits.get(part) or self.focus_target()

    def inputs(self) -> list[QWidget]:
        return list(self.edits.values())


# --- dates -------------------------------------------------------------------------------------


class DateField(FieldWidget):
    """A date typed (2025-03-04 or 4/3/2025), picked from a calendar, or "Today"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setFixedWidth(130)
        self.edit.setMaxLength(40)
        self._name(self.edit)
        self.edit.setAccessibleDescription(_tr("Year-month-day, or day/month/year"))
        self.pick = QToolButton()
        self.pick.setText(_tr("Calendar"))
        self.pick.setToolTip(_tr("Choose on a calendar"))
        self.pick.setAccessibleName(_tr("Choose {label} on a calendar").format(label=self.label))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # The menu's arrow is drawn inside the button: room for it beside the word, which it
        # clipped otherwise (issue 7, defect 18).
        indicator = self.pick.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
        self.pick.setMinimumWidth(self.pick.sizeHint().width() + indicator)
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setLocale(QLocale(self.lang))
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.pick.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.today_button = QPushButton(_tr("Today"))
        self.today_button.setAccessibleName(_tr("{label}: today").format(label=self.label))
        self.today_button.clicked.connect(self._today)
        self.today: Callable[[], dt.date] = lambda: self.now().date()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.pick)
        layout.addWidget(self.today_button)
        layout.addStretch(1)
        self.edit.textChanged.connect(lambda *_: self.changed.emit())
        self.edit.editingFinished.connect(self._normalise)

    def _prepare_calendar(self) -> None:
        current = self.value()
        if isinstance(current, str):
            try:
                day = dt.date.fromisoformat(current)
                self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
            except ValueError:
                pass

    def _picked(self, day: QDate) -> None:
        self.edit.setText(f"{day.year():04d}-{day.month():02d}-{day.day():02d}")
        menu = self.pick.menu()
        if menu is not None:
            menu.hide()
        self.left.emit()

    def _today(self) -> None:
        self.edit.setText(self.today().isoformat())
        self.left.emit()

    def _normalise(self) -> None:
        parsed = parse_date(self.edit.text())
        if parsed is not None and parsed != self.edit.text():
            self.edit.setText(parsed)
        self.left.emit()

    def value(self) -> object:
        return parse_date(self.edit.text())

    def problem(self) -> str | None:
        """What is wrong with the date typed, in the form's language (None: nothing)."""
        return date_problem(self.edit.text(), self.lang)

    def set_value(self, value: object) -> None:
        self.edit.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.edit.setReadOnly(read_only)
        self.pick.setVisible(not read_only)
        self.today_button.setVisible(not read_only)

    def focus_target(self) -> QWidget:
        return self.edit

    def inputs(self) -> list[QWidget]:
        return [self.edit, self.pick, self.today_button]


class PartialDateField(FieldWidget):
    """Year (required), month and day if known, and "approximate" — many patients know
    only their birth year, or "about 1970"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale = QLocale(self.lang)
        self.year = QLineEdit()
        self.year.setValidator(QIntValidator(1, 9999, self.year))
        self.year.setFixedWidth(70)
        self.year.setPlaceholderText(self.word("year"))
        self._name(self.year, self.word("year"))
        self.month = QComboBox()
        self.month.addItem("—", None)
        for number in range(1, 13):
            self.month.addItem(locale.monthName(number), number)
        self._name(self.month, self.word("month"))
        self.day = QComboBox()
        self.day.addItem("—", None)
        for number in range(1, 32):
            self.day.addItem(str(number), number)
        self._name(self.day, self.word("day"))
        self.approximate = QCheckBox(self.word("approximate"))
        self._name(self.approximate, self.word("approximate"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            (self.word("year"), self.year),
            (self.word("month"), self.month),
            (self.word("day"), self.day),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(self.approximate)
        layout.addStretch(1)
        self.year.textChanged.connect(lambda *_: self.changed.emit())
        self.year.editingFinished.connect(self.left.emit)
        for combo in (self.month, self.day):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.approximate.toggled.connect(lambda _on: self.changed.emit())

    def value(self) -> object:
        year_text = self.year.text().strip()
        month, day = self.month.currentData(), self.day.currentData()
        if not year_text and month is None and day is None:
            return None
        year: object = int(year_text) if year_text.isdigit() else (year_text or None)
        answer: dict[str, object] = {"year": year, "month": month, "day": day}
        answer["approximate"] = self.approximate.isChecked()
        return answer

    def set_value(self, value: object) -> None:
        try:
            partial = form_answers.read_partial_date(value) if value is not None else None
        except form_answers.AnswerError:
            partial = None
        if partial is None:
            raw = value.get("year") if isinstance(value, Mapping) else None
            self.year.setText("" if raw is None else str(raw))
            self.month.setCurrentIndex(0)
            self.day.setCurrentIndex(0)
            self.approximate.setChecked(False)
            return
        self.year.setText(str(partial.year))
        self.month.setCurrentIndex(self.month.findData(partial.month) if partial.month else 0)
        self.day.setCurrentIndex(self.day.findData(partial.day) if partial.day else 0)
        self.approximate.setChecked(partial.approximate)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.year.setReadOnly(read_only)
        for widget in (self.month, self.day, self.approximate):
            widget.setEnabled(not read_only)

    def focus_target(self) -> QWidget:
        return self.year

    def inputs(self) -> list[QWidget]:
        return [self.year, self.month, self.day, self.approximate]


def _focus_policy(read_only: bool) -> Qt.FocusPolicy:
    return Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus


# --- choices -----------------------------------------------------------------------------------


def _grid_columns(labels: list[str]) -> int:
    longest = max((len(text) for text in labels), default=0)
    if longest > 34 or len(labels) <= 2:
        return min(len(labels), 1 if longest > 34 else 2) or 1
    return 3 if longest <= 22 else 2


class _ChoiceGroup(FieldWidget):
    """Radio buttons (one answer) with a small "Clear" to take the answer back."""

    def __init__(self, *args: Any, options: list[tuple[object, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = options
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QRadioButton] = []
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        columns = _grid_columns([text for _value, text in options])
        for i, (_value, text) in enumerate(options):
            button = QRadioButton(text)
            button.setAccessibleName(f"{self.label}: {text}")
            self.group.addButton(button, i)
            self.buttons.append(button)
            grid.addWidget(button, i // columns, i % columns)
        self.clear_button = QToolButton()
        self.clear_button.setText("× " + _tr("Clear"))
        self.clear_button.setToolTip(_tr("Take this answer back"))
        self.clear_button.setStyleSheet("color: #4a4a4a;")
        self.clear_button.setAccessibleName(_tr("Clear {label}").format(label=self.label))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self._clear)
        self.clear_button.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.clear_button.setVisible(not self.read_only)
            self.changed.emit()
            self.left.emit()

    def _clear(self) -> None:
        self.group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)
        self.clear_button.setVisible(False)
        self.changed.emit()
        self.buttons[0].setFocus()

    def value(self) -> object:
        index = self.group.checkedId()
        return self.options[index][0] if index >= 0 else None

    def set_value(self, value: object) -> None:
        self.group.setExclusive(False)
        found = False
        for (option, _text), button in zip(self.options, self.buttons, strict=True):
            same = value is not None and option == value and type(option) is type(value)
            button.setChecked(same)
            found = found or same
        self.group.setExclusive(True)
        self.clear_button.setVisible(found and not self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for button in self.buttons:
            button.setEnabled(not read_only or button.isChecked())
            button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
            button.setFocusPolicy(_focus_policy(read_only))
        self.clear_button.setVisible(not read_only and self.group.checkedId() >= 0)

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else self.buttons[0]

    def inputs(self) -> list[QWidget]:
        return [*self.buttons, self.clear_button]


class SingleChoiceField(_ChoiceGroup):
    def __init__(
        self,
        field: forms.Field,
        definition: forms.FormDefinition,
        lang: str,
        parent: QWidget | None = None,
        *,
        now: Now | None = None,
    ) -> None:
        options: list[tuple[object, str]] = [
            (c.value, definition.text(c.label, lang)) for c in field.choices
        ]
        super().__init__(field, definition, lang, parent, options=options, now=now)


class YesNoField(_ChoiceGroup):
    def __init__(
        self,
        field: forms.Field,
        definition: forms.FormDefinition,
        lang: str,
        parent: QWidget | None = None,
        *,
        now: Now | None = None,
    ) -> None:
        options: list[tuple[object, str]] = [
            (True, message("yes", lang)),
            (False, message("no", lang)),
        ]
        if field.allow_unknown:
            options.append(("unknown", message("unknown", lang)))
        super().__init__(field, definition, lang, parent, options=options, now=now)


class MultipleChoiceField(FieldWidget):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.boxes: list[tuple[str, QCheckBox]] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        texts = [self.definition.text(c.label, self.lang) for c in self.field.choices]
        columns = _grid_columns(texts)
        for i, (choice, text) in enumerate(zip(self.field.choices, texts, strict=True)):
            box = QCheckBox(text)
            box.setAccessibleName(f"{self.label}: {text}")
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes.append((choice.value, box))
            grid.addWidget(box, i // columns, i % columns)
        grid.setColumnStretch(columns, 1)

    def value(self) -> object:
        chosen = [value for value, box in self.boxes if box.isChecked()]
        return chosen or None

    def set_value(self, value: object) -> None:
        chosen = set(value) if isinstance(value, list | tuple) else set()
        for option, box in self.boxes:
            box.setChecked(option in chosen)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for _option, box in self.boxes:
            box.setEnabled(not read_only or box.isChecked())
            box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
            box.setFocusPolicy(_focus_policy(read_only))

    def box(self, value: str) -> QCheckBox:
        return next(box for option, box in self.boxes if option == value)

    def focus_target(self) -> QWidget:
        return self.boxes[0][1]

    def inputs(self) -> list[QWidget]:
        return [box for _option, box in self.boxes]


# --- signatures --------------------------------------------------------------------------------


class SignatureField(FieldWidget):
    """Signature or witness: the signer's name (and, for a witness, their role), then
    either drawn on the pad or "on the printed copy" (the paper is kept)."""

    def __init__(self, *args: Any, suggested_name: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signed_at: str | None = None
        self.name = QLineEdit(suggested_name)
        self.name.setMaxLength(200)
        self._name(self.name, self.word("name"))
        self.role = QLineEdit(self)  # parented even where no role is asked
        self.role.setMaxLength(100)
        self._name(self.role, self.word("role"))
        self.role.setPlaceholderText(_tr("e.g. sister, neighbour"))
        self.on_screen = QRadioButton(_tr("Signs on the screen"))
        self.on_paper = QRadioButton(_tr("Signs the printed copy"))
        for button in (self.on_screen, self.on_paper):
            button.setAccessibleName(f"{self.label}: {button.text()}")
        self.method = QButtonGroup(self)
        self.method.addButton(self.on_screen)
        self.method.addButton(self.on_paper)
        self.on_screen.setChecked(True)
        self.pad = SignaturePad()
        self.pad.setObjectName(f"{self.field.id}_pad")
        self.pad.setAccessibleName(_tr("{label}: signature pad").format(label=self.label))
        self.clear_button = QPushButton(_tr("Clear"))
        self.clear_button.setAccessibleName(_tr("Clear {label}").format(label=self.label))
        self.clear_button.clicked.connect(self.pad.clear)
        self.paper_note = QLabel(
            _tr(
                "Print the form after completing it; the person signs the paper, "
                "which the clinic keeps."
            )
        )
        self.paper_note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName(f"{self.field.id}_status")

        names = QGridLayout()
        names.setContentsMargins(0, 0, 0, 0)
        name_label = QLabel(self.word("name"))
        name_label.setBuddy(self.name)
        names.addWidget(name_label, 0, 0)
        names.addWidget(self.name, 0, 1)
        self.is_witness = self.field.type == "witness"
        if self.is_witness:
            role_label = QLabel(self.word("role"))
            role_label.setBuddy(self.role)
            names.addWidget(role_label, 0, 2)
            names.addWidget(self.role, 0, 3)
        else:
            self.role.hide()
        names.setColumnStretch(1, 2)
        names.setColumnStretch(3, 1)
        methods = QHBoxLayout()
        methods.addWidget(self.on_screen)
        methods.addWidget(self.on_paper)
        methods.addStretch(1)
        under = QHBoxLayout()
        under.addWidget(self.clear_button)
        under.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(names)
        layout.addLayout(methods)
        layout.addWidget(self.pad)
        layout.addWidget(self.paper_note)
        layout.addLayout(under)
        self._show_method()

        self.name.textChanged.connect(self._edited)
        self.role.textChanged.connect(self._edited)
        self.name.editingFinished.connect(self.left.emit)
        self.on_paper.toggled.connect(self._method_changed)
        self.pad.stroke_finished.connect(self._signed)
        self.pad.cleared.connect(self._edited)

    def _show_method(self) -> None:
        paper = self.on_paper.isChecked()
        self.pad.setVisible(not paper)
        self.clear_button.setVisible(not paper and not self.read_only)
        self.paper_note.setVisible(paper and not self.read_only)

    def _method_changed(self, _paper: bool) -> None:
        self._signed_at = now_with_zone(self.now)
        self._show_method()
        self._edited()

    def _signed(self) -> None:
        self._signed_at = now_with_zone(self.now)
        self._edited()
        self.left.emit()

    def _edited(self) -> None:
        self._update_status()
        self.changed.emit()

    def _update_status(self) -> None:
        answer = self.value()
        if answer is None:
            self.status.setText(_tr("Not signed yet."))
        elif isinstance(answer, dict) and answer.get("method") == "paper":
            self.status.setText(_tr("To be signed on the printed copy."))
        else:
            self.status.setText(_tr("✓ Signed on the screen."))

    def value(self) -> object:
        paper = self.on_paper.isChecked()
        if not paper and not self.pad.has_ink:
            return None
        answer: dict[str, object] = {
            "signer_name": self.name.text().strip(),
            "signed_at": self._signed_at or now_with_zone(self.now),
            "method": "paper" if paper else "drawn",
        }
        if not paper:
            answer["image_png"] = base64.b64encode(self.pad.to_png()).decode("ascii")
        role = self.role.text().strip()
        if self.is_witness and role:
            answer["role"] = role
        return answer

    def set_value(self, value: object) -> None:
        source = value if isinstance(value, Mapping) else {}
        if source:
            self.name.setText(str(source.get("signer_name") or ""))
        self.role.setText(str(source.get("role") or ""))
        signed_at = source.get("signed_at")
        self._signed_at = signed_at if isinstance(signed_at, str) else None
        paper = source.get("method") == "paper"
        (self.on_paper if paper else self.on_screen).setChecked(True)
        image = source.get("image_png")
        png: bytes | None = None
        if isinstance(image, str):
            try:
                png = base64.b64decode(image, validate=True)
            except ValueError:
                png = None
        elif isinstance(image, bytes):
            png = image
        self.pad.show_png(png)
        self._show_method()
        self._update_status()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.name.setReadOnly(read_only)
        self.role.setReadOnly(read_only)
        self.pad.set_read_only(read_only)
        for button in (self.on_screen, self.on_paper):
            button.setEnabled(not read_only or button.isChecked())
        self._show_method()

    def focus_target(self) -> QWidget:
        return self.name

    def inputs(self) -> list[QWidget]:
        roles = [self.role] if self.is_witness else []
        return [self.name, *roles, self.on_screen, self.on_paper, self.clear_button]


class ThumbprintField(FieldWidget):
    """A patient who cannot write gives a thumbprint: on the printed copy (method "paper"),
    or as a scanned or photographed image (method "thumbprint"). A witness then signs."""

    def __init__(self, *args: Any, suggested_name: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signed_at: str | None = None
        self._png: bytes | None = None
        self.given = QCheckBox(_tr("A thumbprint is given instead of a signature"))
        self.given.setAccessibleName(f"{self.label}: {self.given.text()}")
        self.name = QLineEdit(suggested_name)
        self.name.setMaxLength(200)
        self._name(self.name, self.word("name"))
        self.on_paper = QRadioButton(_tr("On the printed copy (the clinic keeps the paper)"))
        self.scanned = QRadioButton(_tr("Scanned or photographed image"))
        for button in (self.on_paper, self.scanned):
            button.setAccessibleName(f"{self.label}: {button.text()}")
        self.method = QButtonGroup(self)
        self.method.addButton(self.on_paper)
        self.method.addButton(self.scanned)
        self.on_paper.setChecked(True)
        self.choose = QPushButton(_tr("Choose the image…"))
        self.choose.setAccessibleName(_tr("{label}: choose the image").format(label=self.label))
        self.choose.clicked.connect(self._choose_file)
        self.preview = QLabel()
        self.preview.setFixedSize(90, 110)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(_tr("{label}: image").format(label=self.label))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.file_dialog: QFileDialog | None = None

        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(22, 0, 0, 0)
        name_label = QLabel(self.word("name"))
        name_label.setBuddy(self.name)
        grid.addWidget(name_label, 0, 0)
        grid.addWidget(self.name, 0, 1, 1, 2)
        grid.addWidget(self.on_paper, 1, 0, 1, 3)
        grid.addWidget(self.scanned, 2, 0, 1, 2)
        grid.addWidget(self.choose, 3, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.preview, 2, 2, 3, 1)
        grid.addWidget(self.problem, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.given)
        layout.addWidget(self.details)
        self._sync()

        self.given.toggled.connect(self._edited)
        self.on_paper.toggled.connect(self._edited)
        self.name.textChanged.connect(lambda _t: self.changed.emit())
        self.name.editingFinished.connect(self.left.emit)

    def _sync(self) -> None:
        given = self.given.isChecked()
        self.details.setVisible(given)
        scanned = self.scanned.isChecked()
        self.choose.setVisible(scanned and not self.read_only)
        self.preview.setVisible(scanned)
        if self._png:
            image = QImage.fromData(self._png)
            self.preview.setPixmap(_pixmap(image, self.preview.size().width() - 6, 104))
        else:
            self.preview.clear()
            self.preview.setText(_tr("no image"))

    def _edited(self, _on: bool = False) -> None:
        self._signed_at = now_with_zone(self.now)
        self._sync()
        self.changed.emit()
        self.left.emit()

    def _choose_file(self) -> None:
        dialog = QFileDialog(self, _tr("Choose the thumbprint image"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(_tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)"))
        dialog.fileSelected.connect(self.load_image_file)
        self.file_dialog = dialog
        dialog.open()

    def load_image_file(self, path: str) -> bool:
        """Read a scanned thumbprint: made grey and small (at most 700 px), kept as PNG."""
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > 12000:
            return self._refuse(_tr("This image is too large to be a thumbprint."))
        image = reader.read()
        if image.isNull():
            return self._refuse(_tr("This file could not be read as an image."))
        return self.set_image(image)

    def set_image(self, image: QImage) -> bool:
        if max(image.width(), image.height()) > MAX_THUMBPRINT_SIDE:
            image = image.scaled(
                MAX_THUMBPRINT_SIDE,
                MAX_THUMBPRINT_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        png = image_to_png(image.convertToFormat(QImage.Format.Format_Grayscale8))
        if len(png) > 512 * 1024:
            return self._refuse(_tr("This image is too large to be a thumbprint."))
        self.problem.hide()
        self._png = png
        self.given.setChecked(True)
        self.scanned.setChecked(True)
        self._edited()
        return True

    def _refuse(self, text: str) -> bool:
        self.problem.setText("⚠ " + text)
        self.problem.setStyleSheet("color: #a4161a;")
        self.problem.show()
        return False

    def value(self) -> object:
        if not self.given.isChecked():
            return None
        answer: dict[str, object] = {
            "signer_name": self.name.text().strip(),
            "signed_at": self._signed_at or now_with_zone(self.now),
            "method": "thumbprint" if self.scanned.isChecked() else "paper",
        }
        if self.scanned.isChecked() and self._png:
            answer["image_png"] = base64.b64encode(self._png).decode("ascii")
        return answer

    def set_value(self, value: object) -> None:
        source = value if isinstance(value, Mapping) else {}
        self.given.blockSignals(True)
        self.on_paper.blockSignals(True)
        self.given.setChecked(bool(source))
        if source:
            self.name.setText(str(source.get("signer_name") or ""))
        signed_at = source.get("signed_at")
        self._signed_at = signed_at if isinstance(signed_at, str) else None
        image = source.get("image_png")
        try:
            self._png = base64.b64decode(image, validate=True) if isinstance(image, str) else None
        except ValueError:
            self._png = None
        (self.scanned if source.get("method") == "thumbprint" else self.on_paper).setChecked(True)
        self.given.blockSignals(False)
        self.on_paper.blockSignals(False)
        self._sync()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.name.setReadOnly(read_only)
        for button in (self.given, self.on_paper, self.scanned):
            button.setEnabled(not read_only or button.isChecked())
        self._sync()

    def focus_target(self) -> QWidget:
        return self.given

    def inputs(self) -> list[QWidget]:
        return [self.given, self.name, self.on_paper, self.scanned, self.choose]


def _pixmap(image: QImage, width: int, height: int) -> Any:
    from PySide6.QtGui import QPixmap

    return QPixmap.fromImage(image).scaled(
        width,
        height,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


# --- line items and display --------------------------------------------------------------------


class LineItemsField(FieldWidget):
    """Invoice lines: description, quantity, unit price; the amount and total worked out."""

    COLUMNS = ("description", "quantity", "unit_price", "amount")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.word(c) for c in self.COLUMNS])
        self.table.setAccessibleName(self.label)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        self.add_button = QPushButton(_tr("Add a line"))
        self.remove_button = QPushButton(_tr("Remove the line"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self._remove_row)
        self.total = QLabel()
        self.total.setObjectName(f"{self.field.id}_total")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._filling = False
        self.table.itemChanged.connect(self._item_changed)
        self.add_row()

    def add_row(self, values: Mapping[str, object] | None = None) -> None:
        self._filling = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = values or {}
        for column, key in enumerate(self.COLUMNS):
            raw = values.get(key)
            text = show_number(raw, self.lang) if key != "description" else str(raw or "")
            item = QTableWidgetItem(text)
            if key == "amount":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            elif key != "description":
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        self._filling = False
        self._recompute()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
        if self.table.rowCount() == 0:
            self.add_row()
        self._recompute()
        self.changed.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        self._recompute()
        if item.column() != 3:
            self.changed.emit()
            if item.row() == self.table.rowCount() - 1 and item.text().strip():
                self.add_row()  # always a free line at the end

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _recompute(self) -> None:
        self._filling = True
        total = 0.0
        decimals = self.field.decimals if self.field.decimals is not None else 2
        for row in range(self.table.rowCount()):
            quantity = parse_number(self._cell(row, 1))
            price = parse_number(self._cell(row, 2))
            item = self.table.item(row, 3)
            if isinstance(quantity, int | float) and isinstance(price, int | float):
                amount = float(quantity) * float(price)
                total += amount
                text = format_number(amount, self.lang, decimals)
            else:
                text = ""
            if item is not None:
                item.setText(text)
        self.total.setText(f"{self.word('total')}: {format_number(total, self.lang, decimals)}")
        self._filling = False

    def value(self) -> object:
        lines: list[dict[str, object]] = []
        for row in range(self.table.rowCount()):
            description = self._cell(row, 0).strip()
            quantity = parse_number(self._cell(row, 1))
            price = parse_number(self._cell(row, 2))
            if not description and quantity is None and price is None:
                continue
            lines.append({"description": description, "quantity": quantity, "unit_price": price})
        return lines or None

    def set_value(self, value: object) -> None:
        self.table.setRowCount(0)
        for line in value if isinstance(value, list | tuple) else []:
            if isinstance(line, Mapping):
                self.add_row(line)
        self.add_row()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)

    def focus_target(self) -> QWidget:
        return self.table

    def inputs(self) -> list[QWidget]:
        return [self.table, self.add_button, self.remove_button]


class DisplayField(FieldWidget):
    """Shows a value the program knows (the clinic's phone, a recovery key); no answer."""

    def __init__(self, *args: Any, shown: object = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.text = QLabel("—" if shown in (None, "") else str(shown))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(self.label)
        if self.field.style == "key":
            font = QFont("monospace")
            font.setStyleHint(QFont.StyleHint.Monospace)
            font.setPointSizeF(font.pointSizeF() * 1.4)
            self.text.setFont(font)
            self.text.setFrameShape(QFrame.Shape.Box)
            self.text.setMargin(8)
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def value(self) -> object:
        return None

    def set_value(self, value: object) -> None:
        pass

    def focus_target(self) -> QWidget:
        return self.text

    def inputs(self) -> list[QWidget]:
        return []


WIDGETS: dict[str, type[FieldWidget]] = {
    "text": TextField,
    "long_text": LongTextField,
    "number": NumberField,
    "date": DateField,
    "partial_date": PartialDateField,
    "single_choice": SingleChoiceField,
    "multiple_choice": MultipleChoiceField,
    "yes_no": YesNoField,
    "vitals": VitalsField,
    "signature": SignatureField,
    "witness": SignatureField,
    "thumbprint": ThumbprintField,
    "line_items": LineItemsField,
    "display": DisplayField,
}


def make_field_widget(
    field: forms.Field,
    definition: forms.FormDefinition,
    lang: str,
    *,
    context: Mapping[str, object] | None = None,
    suggested_name: str = "",
    now: Now | None = None,
) -> FieldWidget:
    """The widget for `field`; `now` is the clinic's clock (signing times, "Today")."""
    kind = WIDGETS[field.type]
    if kind is DisplayField:
        return DisplayField(
            field, definition, lang, shown=(context or {}).get(field.source or ""), now=now
        )
    if kind in (SignatureField, ThumbprintField):
        return kind(field, definition, lang, suggested_name=suggested_name, now=now)
    return kind(field, definition, lang, now=now)


__all__ = [
    "WIDGETS",
    "DateField",
    "FieldWidget",
    "LineItemsField",
    "MultipleChoiceField",
    "PartialDateField",
    "SignatureField",
    "SingleChoiceField",
    "ThumbprintField",
    "VitalsField",
    "YesNoField",
    "date_problem",
    "make_field_widget",
    "parse_date",
    "parse_number",
]
