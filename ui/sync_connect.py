"""Settings → HQ: join a clinic set up offline to HQ with a one-time enrolment code.

The person types HQ's address and the code HQ issued; the core (`core.sync.enrol`) checks
the address, asks HQ (off the GUI thread) and keeps the link. Once joined, the panel says
where this laptop syncs; the sync itself is on the sync page.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.errors import error_text
from ui.sync_status import SyncSnapshot
from ui.tasks import TaskContext
from ui.util import buddy_label, is_alive, make_button, row

if TYPE_CHECKING:
    from ui.context import ClinicContext


class HqPanel(QWidget):
    connected = Signal(object)  # desktop.app.sync.SyncStatus
    open_sync_requested = Signal()

    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.url = QLineEdit()
        self.url.setObjectName("hq_url")
        self.url.setPlaceholderText("https://hq.example.org")
        self.code = QLineEdit()
        self.code.setObjectName("hq_code")
        self.code.setPlaceholderText(self.tr("The code HQ gave for this clinic"))
        self.device_name = QLineEdit(socket.gethostname() or "")
        self.device_name.setObjectName("hq_device_name")
        self.device_name.setMaxLength(200)
        self.connect_button = make_button(self.tr("Connect &to HQ"), self.connect_to_hq)
        self.connect_button.setObjectName("hq_connect")
        self.message = QLabel()
        self.message.setObjectName("hq_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setObjectName("hq_state")
        self.state.setWordWrap(True)
        self.open_sync = make_button(self.tr("Open the s&ync page"), self.open_sync_requested.emit)

        self.join_box = QGroupBox(self.tr("Connect to HQ"))
        form = QFormLayout(self.join_box)
        intro = QLabel(
            self.tr(
                "This clinic was set up on this laptop. To sync with HQ, ask HQ for an "
                "enrolment code for this clinic, then type HQ's address and the code here."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(buddy_label(self.tr("&Server address:"), self.url), self.url)
        form.addRow(buddy_label(self.tr("Enrolment &code:"), self.code), self.code)
        form.addRow(buddy_label(self.tr("&Laptop's name:"), self.device_name), self.device_name)
        form.addRow(row(self.connect_button, None))
        form.addRow(self.message)
        self.setTabOrder(self.url, self.code)
        self.setTabOrder(self.code, self.device_name)
        self.setTabOrder(self.device_name, self.connect_button)

        self.joined_box = QGroupBox(self.tr("HQ"))
        joined = QVBoxLayout(self.joined_box)
        joined.addWidget(self.state)
        joined.addLayout(row(self.open_sync, None))

        layout = QVBoxLayout(self)
        layout.addWidget(self.join_box)
        layout.addWidget(self.joined_box)
        layout.addStretch(1)
        for field in (self.url, self.code):
            field.returnPressed.connect(self.connect_to_hq)
            field.textChanged.connect(lambda _text: self.message.clear())
        ctx.sync.changed.connect(self.show_snapshot)
        self.show_snapshot(ctx.sync.snapshot)

    def show_snapshot(self, s: SyncSnapshot) -> None:
        if not is_alive(self):
            return
        self.join_box.setVisible(not s.enrolled)
        self.joined_box.setVisible(s.enrolled)
        if s.enrolled:
            self.state.setText(
                self.tr("This laptop is joined to HQ at {url}.").format(url=s.server_url)
                + (
                    " " + self.tr("HQ knows this clinic as {name}.").format(name=s.hq_clinic_name)
                    if s.hq_clinic_name
                    else ""
                )
            )

    def connect_to_hq(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url:
            self.message.setText(self.tr("Type HQ's address (it starts with https://)."))
            self.url.setFocus()
            return
        if not code:
            self.message.setText(self.tr("Type the enrolment code HQ gave for this clinic."))
            self.code.setFocus()
            return
        name = self.device_name.text().strip() or None
        core = self.ctx.core

        def work(_task: TaskContext) -> Any:
            return core.sync.enrol(url, code, device_name=name).value

        def done(status: Any) -> None:
            from ui.sync_status import snapshot_of

            self.code.clear()
            self.ctx.sync.report(snapshot_of(status))
            self.message.setText(self.tr("Connected: this laptop now syncs with HQ."))
            self.connected.emit(status)

        def failed(error: BaseException) -> None:
            from desktop.errors import OutpostError, SyncUnreachable

            if isinstance(error, SyncUnreachable):
                text = self.tr(
                    "HQ could not be reached at this address. Check the address and the link, "
                    "then try again."
                )
                text += "\n" + error_text(error)
            elif isinstance(error, OutpostError):
                text = error_text(error)
            else:
                text = self.tr(
                    "Something unexpected went wrong; nothing was changed on this laptop. Try "
                    "again, or tell whoever looks after this laptop."
                )
            self.message.setText(text)

        self.connect_button.setEnabled(False)
        self.message.setText(self.tr("Connecting to HQ…"))
        self.ctx.run(self, work, label=self.tr("Connecting to HQ…"), long=True).success(
            done
        ).failure(failed).finished(lambda: self.connect_button.setEnabled(True)).run()
