"""The banner across the top of the signed-in window when the clinic's records are damaged.

The core decides (`core.integrity.state()`); the banner only says it, in words a coordinator
can act on: nothing more can be saved, everything saved is kept, what to do next. It stays
until the damage is cleared (a restore, or `outpost doctor` finding the store intact).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from desktop.app.integrity import IntegrityState


class IntegrityBanner(QFrame):
    backups_requested = Signal()  # "Open Backups": the restore is in Settings → Backups

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrity_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#integrity_banner { background: #fde7e9; border: 1px solid #c50f1f; }"
            "#integrity_banner QLabel { color: #5c0a0f; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setObjectName("integrity_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_backups = QPushButton(self.tr("Open &Backups"))
        self.open_backups.clicked.connect(self.backups_requested.emit)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_backups)
        self.setAccessibleName(self.tr("The clinic's records are damaged"))
        self.hide()

    def show_state(self, state: IntegrityState) -> None:
        if not state.damaged:
            self.hide()
            return
        self.text.setText(
            self.tr(
                "⚠ The clinic's records are damaged, so nothing more can be saved: everything "
                "saved so far is kept and can still be read. An administrator should run "
                "“outpost doctor”, then restore the most recent backup (Settings → Backups)."
            )
        )
        self.setAccessibleDescription(self.text.text())
        self.show()
