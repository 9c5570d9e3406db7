"""A record's screen opens once: asking again raises the screen already showing it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ui.util import raise_or_open


class _Screen(QDialog):
    def __init__(self, record: int, host: QWidget | None) -> None:
        super().__init__(host)
        self.record = record
        self.turned_to: list[int] = []


def _open(host: QWidget, record: int) -> _Screen:
    return raise_or_open(
        host,
        _Screen,
        lambda w: w.record == record,
        lambda parent: _Screen(record, parent),
        reuse=lambda w: w.turned_to.append(record),
    )


def test_a_record_open_already_is_raised_not_opened_twice(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    inner = QWidget(window)  # asked from a widget inside the window: the window hosts it
    first = _open(inner, 1)
    assert first.parent() is window and first.isVisible()
    assert _open(window, 1) is first
    assert first.turned_to == [1]
    other = _open(window, 2)
    assert other is not first and other.turned_to == []


def test_a_closed_screen_is_not_reused(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    first = _open(window, 1)
    first.close()
    again = _open(window, 1)
    assert again is not first and again.isVisible() and again.turned_to == []
