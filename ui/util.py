"""Small widgets and helpers shared by every window (Electrum's `gui/qt/util.py` idea)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)
from shiboken6 import Shiboken

ERROR_STYLE = "color: #a4161a; font-weight: 600;"
"""Dark red on the default light background (contrast above 7:1); the message text and its
warning sign carry the meaning, never the colour alone."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Util", text)


def is_alive(obj: object) -> bool:
    """False once Qt has deleted the C++ side of a widget (a dialog closed meanwhile)."""
    return obj is not None and Shiboken.isValid(obj)


_Screen = TypeVar("_Screen", bound=QWidget)


def raise_or_open(
    parent: QWidget | None,
    kind: type[_Screen],
    shows: Callable[[_Screen], bool],
    make: Callable[[QWidget | None], _Screen],
    *,
    reuse: Callable[[_Screen], object] | None = None,
) -> _Screen:
    """A record's screen: the live, visible `kind` under the parent's window that `shows`
    the record (`reuse` then turns it to it), else a new one `make` builds on that window;
    shown, raised and activated either way, so one record never has two screens open."""
    host = parent.window() if parent is not None else None
    found = next(
        (
            w
            for w in (host.findChildren(kind) if host is not None else [])
            if is_alive(w) and w.isVisible() and shows(w)
        ),
        None,
    )
    if found is None:
        screen = make(host)
    else:
        screen = found
        if reuse is not None:
            reuse(screen)
    screen.show()
    screen.raise_()
    screen.activateWindow()
    return screen


class FieldError(QLabel):
    """The message shown just below the field it is about; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()
        self._field: QWidget | None = None

    def attach(self, field: QWidget) -> FieldError:
        self._field = field
        return self

    @property
    def field(self) -> QWidget | None:
        return self._field

    @property
    def message(self) -> str:
        return self.property("message") or ""

    def show_message(self, message: str) -> None:
        self.setProperty("message", message)
        if not message:
            self.clear_message()
            return
        self.setText("⚠ " + message)
        self.setAccessibleName(message)
        self.show()
        if self._field is not None:
            # Screen readers announce the problem with the field itself.
            self._field.setAccessibleDescription(message)
            self._field.setProperty("invalid", True)
            self._field.setStyleSheet("border: 2px solid #a4161a;")

    def clear_message(self) -> None:
        self.setProperty("message", "")
        self.clear()
        self.hide()
        if self._field is not None:
            self._field.setAccessibleDescription("")
            self._field.setProperty("invalid", False)
            self._field.setStyleSheet("")


def person(display_name: str, username: str = "") -> str:
    """ "Amina Odhiambo (amina)"; only "amina" when the two are the same (never "amina
    (amina)")."""
    name = display_name.strip() or username
    if not username or username.casefold() == name.casefold():
        return name
    return _tr("{name} ({username})").format(name=name, username=username)


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label with a mnemonic (`&Name`) that moves focus to `buddy`; also names the field
    for screen readers."""
    label = QLabel(text)
    label.setBuddy(buddy)
    if not buddy.accessibleName():
        buddy.setAccessibleName(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return label


def with_colon(label: str) -> str:
    """ "Village" → "Village:" ("Village :" in French, which spaces its colons)."""
    return _tr("{label}:").format(label=label)


def plain(text: str) -> str:
    """A label's text without its mnemonic marker."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def make_button(
    text: str,
    slot: Callable[[], object] | None = None,
    *,
    shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
    tooltip: str = "",
    default: bool = False,
) -> QPushButton:
    button = QPushButton(text)
    if slot is not None:
        button.clicked.connect(lambda _checked=False: slot())
    if shortcut is not None:
        sequence = QKeySequence(shortcut)
        button.setShortcut(sequence)
        hint = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        tooltip = f"{tooltip} ({hint})" if tooltip else hint
    if tooltip:
        button.setToolTip(tooltip)
    button.setAccessibleName(plain(text))
    if default:
        button.setDefault(True)
    return button


def keep_submit_default(dialog: QDialog, submit: QPushButton | None = None) -> None:
    """Enter presses the dialog's submit button, whatever has the focus.

    Qt makes any "auto-default" button the default while it has the focus: after Cancel was
    clicked (and "Back to editing" chosen) or after the submit button was disabled during
    work, Enter would press Cancel. Every other button of the dialog stops being auto-default,
    so the submit button (`submit`, else the one marked default) stays the default."""
    buttons = [b for b in dialog.findChildren(QPushButton) if b.window() is dialog]
    if submit is None:
        submit = next((b for b in buttons if b.isDefault()), None)
    if submit is None:
        return
    for button in buttons:
        if button is not submit:
            button.setAutoDefault(False)
            button.setDefault(False)
    submit.setAutoDefault(True)
    submit.setDefault(True)


class SubmitStaysDefault(QObject):
    """Applies `keep_submit_default` to every dialog as it is shown (installed on the
    application once by the composition root): one fix for every dialog of the program.
    Message boxes keep Qt's own behaviour (their default button is chosen per question)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and not isinstance(watched, QMessageBox)
        ):
            keep_submit_default(watched)
        return False


def add_shortcut(
    parent: QWidget,
    sequence: str | QKeySequence | QKeySequence.StandardKey,
    slot: Callable[[], object],
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QShortcut:
    shortcut = QShortcut(QKeySequence(sequence), parent)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut


def row(
    *widgets: QWidget | None, stretch_first: bool = False, stretch_last: bool = False
) -> QHBoxLayout:
    layout = QHBoxLayout()
    if stretch_first:
        layout.addStretch(1)
    for widget in widgets:
        if widget is None:
            layout.addStretch(1)
        else:
            layout.addWidget(widget)
    if stretch_last:
        layout.addStretch(1)
    return layout


def heading(text: str, *, level: int = 1) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * (1.5 if level == 1 else 1.2))
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


# --- asking and telling, without blocking the event loop -------------------------------------


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    on_yes: Callable[[], object],
    *,
    yes_text: str | None = None,
    no_text: str | None = None,
    destructive: bool = False,
) -> QMessageBox:
    """Ask a yes/no question with `open()` (not `exec()`): the auto-lock may hide and
    re-show the box without answering it for the person."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(yes_text or _tr("Yes"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text or _tr("No"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no if destructive else yes)
    box.setEscapeButton(no)
    box.setAccessibleName(title)

    def answered(button: object) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(answered)
    box.open()
    return box


def inform(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setAccessibleName(title)
    box.open()
    return box


# --- dates and times in the interface language -------------------------------------------------


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def pytime(time: QTime) -> dt.time:
    return dt.time(time.hour(), time.minute())


def format_date(day: dt.date | None, *, long: bool = False) -> str:
    if day is None:
        return ""
    locale = QLocale()
    if long:
        return locale.toString(qdate(day), "dddd d MMMM yyyy")
    return locale.toString(qdate(day), "d MMM yyyy")


def format_time(moment: dt.datetime | dt.time | None) -> str:
    if moment is None:
        return ""
    return f"{moment:%H:%M}"


def format_datetime(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return f"{format_date(moment.date())} {format_time(moment)}"


def age_years(birth: dt.date, today: dt.date) -> int:
    from desktop.dates import age_in_years  # the core's one implementation

    return age_in_years(birth, today)


def birth_text(birth: dt.date | None, estimated: bool, today: dt.date) -> str:
    """ "12 Mar 1984 (40 y)", or "about 45 y" when only an estimated age was known."""
    if birth is None:
        return _tr("Not known")
    age = age_years(birth, today)
    if estimated:
        return _tr("about {age} y").format(age=age)
    return _tr("{date} ({age} y)").format(date=format_date(birth), age=age)


def combo_index(combo: QComboBox, value: object) -> int:
    """The row whose item data equals `value`, or -1. (`QComboBox.findData` compares the
    wrapped Python objects by identity, so a UUID or an enum member equal in value is not
    found.)"""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1


def combo_select(combo: QComboBox, value: object) -> bool:
    index = combo_index(combo, value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0
