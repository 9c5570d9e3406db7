"""A repair for a PySide6 bug that would crash Outpost after a few hours of use.

In PySide6 6.12.0 (with CPython before 3.12, where None is not immortal) every call that
turns an *empty* QVariant into Python's None — `QModelIndex.data(role)` for a role that
holds nothing, `QComboBox.currentData()` on an item without data, `QObject.property(name)`
for an unset property, … — gives back None without taking a reference to it. Each such call
lowers None's reference count by one; after a few thousand, CPython aborts with
"Fatal Python error: none_dealloc". A front desk clicking through lists all day gets there.

`install()` checks whether this PySide6 has the bug and, only if it has, wraps the methods
the interface uses so that a None result gets the reference it should have had. (If PySide6
is fixed, the check finds nothing and nothing is wrapped.) Remove this module once the pinned
PySide6 no longer has the bug; `tests/ui/test_qt_fixes.py` says when.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

_PATCHED_ATTRIBUTE = "_outpost_none_refcount_repaired"

# (module, class, methods) returning a QVariant that the interface calls from Python.
TARGETS: tuple[tuple[Any, str, tuple[str, ...]], ...] = (
    (QtCore, "QModelIndex", ("data",)),
    (QtCore, "QPersistentModelIndex", ("data",)),
    (QtCore, "QAbstractItemModel", ("data", "headerData")),
    (QtCore, "QObject", ("property",)),
    (QtCore, "QSettings", ("value",)),
    (QtGui, "QStandardItem", ("data",)),
    (QtGui, "QStandardItemModel", ("data", "headerData")),
    (QtGui, "QAction", ("data",)),
    (QtWidgets, "QComboBox", ("currentData", "itemData")),
    (QtWidgets, "QListWidgetItem", ("data",)),
    (QtWidgets, "QTableWidgetItem", ("data",)),
    (QtWidgets, "QTreeWidgetItem", ("data",)),
    (QtWidgets, "QTabBar", ("tabData",)),
)

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def has_none_refcount_bug(calls: int = 64) -> bool:
    """True if an empty QVariant comes back as a None that was not referenced."""
    item = QtGui.QStandardItem()
    role = QtCore.Qt.ItemDataRole.UserRole + 977
    before = sys.getrefcount(None)
    for _ in range(calls):
        item.data(role)
    # Other code may take or drop a few references meanwhile; a whole-call loss is the bug.
    return sys.getrefcount(None) <= before - calls // 2


def _repaired(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        result = method(*args, **kwargs)
        if result is None:
            _incref(None)  # the reference PySide6 forgot to take
        return result

    return call


def install() -> bool:
    """Repair the bug if this PySide6 has it (once per process); True if repaired."""
    if getattr(QtCore, _PATCHED_ATTRIBUTE, False):
        return True
    if not has_none_refcount_bug():
        return False
    for module, class_name, methods in TARGETS:
        cls = getattr(module, class_name, None)
        for name in methods:
            original = getattr(cls, name, None) if cls is not None else None
            if original is not None:
                setattr(cls, name, _repaired(original))
    setattr(QtCore, _PATCHED_ATTRIBUTE, True)
    return True
