"""Showing errors to a person.

An `OutpostError` carries a message written for the person at the desk: it is shown as it
is. A cancellation is silent. Anything else is a bug: it is logged (the log formatter
withholds exception messages, so no patient data reaches the file) and shown with a
details pane that the person can copy for whoever looks after the laptop.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import OutpostError
from desktop.messages import message_of
from ui.language import localized

log = logging.getLogger(__name__)


class TaskCancelled(Exception):
    """The person pressed Cancel: the work stopped and nothing needs saying."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def error_text(error: BaseException) -> str:
    """The message of an `OutpostError`, in the interface language when the core's catalogue
    has it (see desktop/messages.py)."""
    return localized(message_of(error))


def show_error(
    parent: QWidget | None, error: BaseException, *, logged: bool = False
) -> QMessageBox | None:
    """Show `error` in a window-modal box (never blocks the event loop); returns the box."""
    if isinstance(error, TaskCancelled):
        return None
    box = QMessageBox(parent)
    box.setWindowTitle(_tr("Outpost"))
    if isinstance(error, OutpostError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(error_text(error))
    else:
        if not logged:
            log.error("unexpected error", exc_info=error)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(
            _tr("Something unexpected went wrong. Nothing that was already saved has been lost.")
        )
        box.setInformativeText(
            _tr(
                "Try again. If it happens again, tell whoever looks after this laptop and show "
                "them the details below (the event is also in the log, without patient data)."
            )
        )
        box.setDetailedText("".join(traceback.format_exception(error)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(box.windowTitle())
    box.setAccessibleDescription(box.text())
    box.open()
    return box
