"""PySide6 6.12 loses a reference to None whenever an empty QVariant reaches Python; after a
few thousand such calls CPython aborts. `ui.qt_fixes` repairs it: checked here with the
calls the interface makes all day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QListWidgetItem, QTableWidgetItem

from ui import qt_fixes

ROLE = Qt.ItemDataRole.UserRole + 5


def test_empty_values_no_longer_cost_a_reference_to_none(qapp) -> None:
    qt_fixes.install()
    model = QStandardItemModel()
    model.appendRow(QStandardItem("a"))
    index = model.index(0, 0)
    combo = QComboBox()
    combo.addItem("All providers", None)
    calls = [
        lambda: QStandardItem("a").data(ROLE),
        lambda: index.data(ROLE),
        lambda: model.data(index, ROLE),
        combo.currentData,
        lambda: combo.itemData(0),
        lambda: QListWidgetItem("a").data(ROLE),
        lambda: QTableWidgetItem("a").data(ROLE),
        lambda: QObject().property("nothing"),
    ]
    before = sys.getrefcount(None)
    for _ in range(2_000):  # enough to abort the interpreter without the repair
        for call in calls:
            assert call() is None
    assert sys.getrefcount(None) >= before - 50


def test_the_repair_is_only_installed_where_needed() -> None:
    # Once PySide6 is fixed, install() finds nothing to repair: delete ui/qt_fixes.py then.
    assert qt_fixes.install() is getattr(qt_fixes.QtCore, "_outpost_none_refcount_repaired", False)


def test_qt_calls_and_signals_keep_their_references_to_none_and_true(qapp) -> None:
    """PySide6 6.12.0 lost a reference to None on every call of a method that returns
    nothing (setText, start, …) and one to True on every emit: the app aborted after a few
    thousand. The pinned PySide6 does not; an upgrade that brings it back fails here."""
    from PySide6.QtCore import QTimer, Signal
    from PySide6.QtWidgets import QLabel

    class Source(QObject):
        said = Signal(str)

    label, timer, source = QLabel(), QTimer(), Source()
    source.said.connect(label.setText)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(3_000):
        label.setText(str(i))
        timer.setInterval(i + 1)
        source.said.emit("x")
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50
