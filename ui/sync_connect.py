"""Settings → HQ: join a clinic set up offline to HQ with a one-time enrolment code.

The person types HQ's address and the code HQ issued; the core (`core.sync.enrol`) checks
the address, asks HQ (off the GUI thread) and keeps the link. Once joined, the panel says
where this laptop syncs; the sync itself is on the sync page. "Automatic sync" sets when this
laptop syncs on its own (every N minutes, at set times, on closing) or not at all on a metered
link (settings.json; the policy is desktop.app.sync_schedule, the timer ui.sync_auto).
"""

from __future__ import annotations

import contextlib
import socket
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text
from ui.qr_scan import ScanResult, scan_button
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
        # Shown only with Qt Multimedia and a camera.
        self.scan_button = scan_button(self, self._scanned)
        form.addRow(
            buddy_label(self.tr("&Server address:"), self.url), row(self.url, self.scan_button)
        )
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
        # The same on every laptop of the clinic: a laptop set up from HQ is compared with it.
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("hq_fingerprint")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        joined.addWidget(self.fingerprint)
        joined.addLayout(row(self.open_sync, None))
        self._fingerprint_asked = False

        self.schedule_box = self._schedule_box()

        layout = QVBoxLayout(self)
        layout.addWidget(self.join_box)
        layout.addWidget(self.joined_box)
        layout.addWidget(self.schedule_box)
        layout.addStretch(1)
        for field in (self.url, self.code):
            field.returnPressed.connect(self.connect_to_hq)
            field.textChanged.connect(lambda _text: self.message.clear())
        ctx.sync.changed.connect(self.show_snapshot)
        self.show_snapshot(ctx.sync.snapshot)

    # -- automatic sync --

    def _schedule_box(self) -> QGroupBox:
        from desktop.app.sync_schedule import MAX_EVERY_MINUTES
        from ui.sync_auto import CLOSING_WAIT_S

        box = QGroupBox(self.tr("Automatic sync"))
        form = QFormLayout(box)
        self.metered = QCheckBox(self.tr("&Metered link: sync only when someone presses Sync now"))
        self.metered.setObjectName("hq_metered")
        self.every = QSpinBox()
        self.every.setObjectName("hq_every")
        self.every.setRange(0, MAX_EVERY_MINUTES)
        self.every.setSingleStep(15)
        self.every.setSuffix(self.tr(" minutes after the last sync"))
        self.every.setSpecialValueText(self.tr("only at the set times"))
        self.at_times = QLineEdit()
        self.at_times.setObjectName("hq_at_times")
        self.at_times.setPlaceholderText(self.tr("e.g. 07:30, 13:00"))
        self.on_close = QCheckBox(
            self.tr("Sync &when Outpost closes, if HQ answers (at most {n} seconds)").format(
                n=CLOSING_WAIT_S
            )
        )
        self.on_close.setObjectName("hq_on_close")
        self.save_schedule = make_button(self.tr("Sa&ve the sync schedule"), self._save_schedule)
        self.save_schedule.setObjectName("hq_save_schedule")
        self.schedule_message = QLabel()
        self.schedule_message.setObjectName("hq_schedule_message")
        self.schedule_message.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "When the link comes back after a failure, this laptop tries again on its own, "
                "waiting a little longer after each failed try. Times are the clinic's clock."
            )
        )
        hint.setWordWrap(True)
        form.addRow(self.metered)
        form.addRow(buddy_label(self.tr("Sync &every:"), self.every), self.every)
        form.addRow(
            buddy_label(self.tr("Also at these times (24-hou&r clock):"), self.at_times),
            self.at_times,
        )
        form.addRow(self.on_close)
        form.addRow(hint)
        form.addRow(row(self.save_schedule, None))
        form.addRow(self.schedule_message)
        self.metered.toggled.connect(self._metered_toggled)
        self.at_times.returnPressed.connect(self._save_schedule)
        self._show_schedule()
        return box

    def _show_schedule(self) -> None:
        settings = self.ctx.core.settings
        self.metered.setChecked(not settings.sync_automatic)
        self.every.setValue(int(settings.sync_every_minutes))
        self.at_times.setText(", ".join(settings.sync_at))
        self.on_close.setChecked(bool(settings.sync_on_close))
        self._metered_toggled(self.metered.isChecked())

    def _metered_toggled(self, metered: bool) -> None:
        for field in (self.every, self.at_times, self.on_close):
            field.setEnabled(not metered)

    def _save_schedule(self) -> None:
        from desktop.app.sync_schedule import format_times, parse_times
        from desktop.errors import InvalidInput

        try:
            times = parse_times(self.at_times.text())
        except InvalidInput as exc:
            self.schedule_message.setText(error_text(exc))
            self.at_times.setFocus()
            return
        settings = self.ctx.core.admin.settings()
        settings.sync_automatic = not self.metered.isChecked()
        settings.sync_every_minutes = self.every.value()
        settings.sync_at = [t.strftime("%H:%M") for t in times]
        settings.sync_on_close = self.on_close.isChecked()
        self.at_times.setText(format_times(times))

        def saved(_settings: Any) -> None:
            if is_alive(self):
                self.schedule_message.setText(self.tr("Saved."))

        def failed(error: BaseException) -> None:
            if is_alive(self):
                self.schedule_message.setText(error_text(error))

        self.schedule_message.clear()
        self.ctx.call(
            self,
            lambda core: core.admin.save_settings(settings).value,
            label=self.tr("Saving settings…"),
        ).success(saved).failure(failed).run()

    def show_snapshot(self, s: SyncSnapshot) -> None:
        if not is_alive(self):
            return
        self.join_box.setVisible(not s.enrolled)
        self.joined_box.setVisible(s.enrolled)
        if s.enrolled and not self._fingerprint_asked:
            self._fingerprint_asked = True
            self._show_fingerprint()
        if s.enrolled:
            self.state.setText(
                self.tr("This laptop is joined to HQ at {url}.").format(url=s.server_url)
                + (
                    " " + self.tr("HQ knows this clinic as {name}.").format(name=s.hq_clinic_name)
                    if s.hq_clinic_name
                    else ""
                )
            )

    def _show_fingerprint(self) -> None:
        def done(fingerprint: str | None, error: BaseException | None) -> None:
            if not is_alive(self) or error is not None:
                return
            self.fingerprint.setText(
                self.tr(
                    "Accounts signed by: {fingerprint} (the same on every laptop of the "
                    "clinic; a laptop set up from HQ shows it to compare)."
                ).format(fingerprint=fingerprint)
                if fingerprint
                else self.tr(
                    "Accounts signed by: not known yet (an administrator signs in once after "
                    "the update)."
                )
            )

        with contextlib.suppress(RuntimeError):  # the session is closing
            self.ctx.ask(lambda core: core.admin.accounts_fingerprint(), done)

    def _scanned(self, result: ScanResult) -> None:
        link = result.link
        assert link is not None  # the dialog passes on valid enrolment links only
        self.url.setText(link.url)
        self.code.setText(link.code)
        self.message.setText(
            self.tr("HQ's address and the code are filled in from the QR code: press Connect.")
        )
        self.connect_button.setFocus()

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
