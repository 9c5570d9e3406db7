"""A plain printed page for the recovery key.

A stop-gap: the forms work will replace it with the ReportLab recovery sheet (one of the
form definitions). The page carries the clinic, the date, the key and what to do with it.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPagedPaintDevice, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecoverySheet", text)


def recovery_sheet_html(clinic_name: str, recovery_key: str, made_on: dt.date) -> str:
    e = html.escape
    title = _tr("Outpost recovery key")
    clinic = _tr("Clinic")
    made = _tr("Made on")
    keep = _tr(
        "This key opens the clinic records if every password is forgotten. Keep this "
        "page locked away, apart from the laptop. Anyone who has both this page and the "
        "laptop can read the records."
    )
    use = _tr(
        "To use it: on the sign-in window choose “Forgotten password?”, then type this "
        "key exactly as printed."
    )
    return (
        f"<h1>{e(title)}</h1>"
        f"<p><b>{e(clinic)}:</b> {e(clinic_name)}<br>"
        f"<b>{e(made)}:</b> {made_on.isoformat()}</p>"
        "<p style='font-family: monospace; font-size: 18pt; letter-spacing: 2px'>"
        f"{e(recovery_key)}</p>"
        f"<p>{e(keep)}</p>"
        f"<p>{e(use)}</p>"
    )


def render_recovery_sheet(
    device: QPagedPaintDevice, clinic_name: str, recovery_key: str, made_on: dt.date | None = None
) -> None:
    document = QTextDocument()
    document.setHtml(recovery_sheet_html(clinic_name, recovery_key, made_on or dt.date.today()))
    document.print_(device)


def print_recovery_key(parent: QWidget | None, clinic_name: str, recovery_key: str) -> QPrintDialog:
    """The system's print dialog (window-modal, not blocking); prints on OK."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Print the recovery key"))

    def accepted() -> None:
        render_recovery_sheet(printer, clinic_name, recovery_key)

    dialog.accepted.connect(accepted)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()  # like open(), without exec()'s nested event loop
    return dialog
