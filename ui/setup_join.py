"""The set-up wizard's "Join an existing clinic" pages: HQ's address and the enrolment code
(typed, or pasted as an enrolment link), an existing account of the clinic, then the laptop
set up from HQ off the GUI thread with its progress, and what came of it: the clinic, this
laptop's own recovery key, and the fingerprint of the key that signs the clinic's accounts, to
compare with another laptop of the clinic.

The work is the core's (`desktop.app.from_server`, as `outpost init --from-server`): it
enrols, pulls the clinic's records into a staging folder and only moves them into place once
the password opened the account's key, so a failure leaves nothing half-made. The enrolment
is kept while the wizard is open (`PendingSetup`: the device's credential inside the
encrypted staging store, its key in memory only): a wrong password is typed again on the same
page, and a link that dropped while the records came is tried again, without a new code. Only
a new address or code enrols again; closing the wizard gives the set-up up (HQ then lists a
device that never finished, to revoke). Errors are said in plain words with what to do next;
the navigation stays in `ui.setup_flow` (no Qt).

The HQ console's QR code can also be scanned with the laptop's camera (ui.qr_scan: the
button is there only when Qt Multimedia loads and a camera is connected); what it reads goes
into the link field, as if pasted.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text
from ui.qr_scan import ScanResult, scan_button
from ui.setup_flow import Joined, Problem, SetupAnswers
from ui.tasks import Operation, TaskContext
from ui.util import buddy_label, heading, is_alive, make_button

if TYPE_CHECKING:
    from desktop.app.from_server import PendingSetup
    from desktop.app.sync import SyncProgress
    from ui.setup_wizard import SetupWizard

ERROR_BOX = (
    "#join_message { background: #fde7e9; border: 1px solid #c50f1f; color: #5c0a0f;"
    " padding: 6px; }"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("JoinPages", text)


def join_error_words(
    error: BaseException, url: str, pending: PendingSetup | None = None
) -> tuple[str, str]:
    """(what to say, which field to go back to) for a set-up from HQ that failed; `pending`:
    the enrolment this try made or reused (None: the laptop did not get as far as enrolling)."""
    from desktop.errors import (
        LoginThrottled,
        OutpostError,
        PermissionDenied,
        SyncFailed,
        SyncUnreachable,
        WrongPassword,
    )
    from sync.client import errors as client_errors
    from sync.protocol import ErrorCode

    cause = error.__cause__
    code = getattr(cause, "code", None)
    if pending is not None and pending.open:
        return _pending_words(error, pending)
    new_code = _tr("The enrolment code has now been used: ask HQ for a new one, then join again.")
    if pending is not None:
        new_code = _tr(
            "The enrolment code is now used up: HQ lists this laptop as device {name} ({id}), "
            "which never finished setting up. Ask HQ to revoke it and for a new code, then "
            "join again."
        ).format(name=pending.device_name, id=pending.device_id)
    if isinstance(error, LoginThrottled):
        return error_text(error) + " " + new_code, "join_password"
    if isinstance(error, WrongPassword):
        return (
            _tr(
                "Wrong user name or password, or that account is not one of this clinic's. "
                "Use the user name and password you sign in with on the clinic's other "
                "laptops. Nothing was set up on this laptop."
            )
            + " "
            + new_code,
            "join_password",
        )
    if isinstance(error, PermissionDenied):
        return error_text(error) + " " + new_code, "username"
    if isinstance(error, SyncUnreachable):
        # The code was taken; the link dropped while the records came.
        return (
            _tr(
                "The link to HQ dropped while the clinic's records were coming; nothing was "
                "set up on this laptop."
            )
            + " "
            + new_code,
            "server_url",
        )
    if isinstance(cause, client_errors.HqUnreachable):
        return (
            _tr(
                "HQ could not be reached at {url} ({reason}). Check the address (HQ's console "
                "shows it beside the code) and this laptop's link, then press Join again: "
                "nothing was set up, and the code is still good."
            ).format(url=url, reason=cause.reason),
            "server_url",
        )
    if code == ErrorCode.CODE_INVALID:
        return (
            _tr(
                "HQ did not accept this enrolment code: it is mistyped, already used, or "
                "expired. Check it against HQ's console; if it is right, ask HQ for a new code. "
                "Nothing was set up on this laptop."
            ),
            "code",
        )
    if isinstance(cause, client_errors.InsecureUrl):
        return error_text(error) + " " + _tr("Type HQ's address as HQ gave it."), "server_url"
    if isinstance(error, (SyncFailed, OutpostError)):
        # After enrolling (HQ revoked the device meanwhile, a store that would not close):
        # the code is gone too.
        return error_text(error) + (" " + new_code if pending is not None else ""), "server_url"
    return (
        _tr(
            "Something unexpected went wrong; nothing was set up on this laptop. Try again, or "
            "tell whoever looks after this laptop (the event is in the log)."
        ),
        "server_url",
    )


def _pending_words(error: BaseException, pending: PendingSetup) -> tuple[str, str]:
    """A try that failed with the enrolment kept: what to do, and that no new code is needed."""
    from desktop.errors import LoginThrottled, PermissionDenied, WrongPassword

    kept = _tr(
        "This laptop is enrolled at HQ (as {name}) and keeps it while this window is open: "
        "the code is not needed again."
    ).format(name=pending.device_name)
    if isinstance(error, WrongPassword):
        return (
            _tr(
                "Wrong user name or password, or that account is not one of this clinic's. "
                "Use the user name and password you sign in with on the clinic's other "
                "laptops, then press Join again."
            )
            + " "
            + kept,
            "join_password",
        )
    if isinstance(error, (PermissionDenied, LoginThrottled)):
        return error_text(error) + " " + kept, "username"
    if pending.report is None:
        return (
            _tr(
                "The clinic's records did not all come from HQ ({why}). Press Join again when "
                "the link is back: what came is kept."
            ).format(why=error_text(error).rstrip(". "))
            + " "
            + kept,
            "server_url",
        )
    return error_text(error) + " " + kept, "server_url"


class JoinPages:
    """The two pages and their work, for one SetupWizard."""

    def __init__(self, wizard: SetupWizard) -> None:
        self.wizard = wizard
        self.operation: Operation[Any] | None = None
        # The enrolment kept between tries (see the module's note); given up when the wizard
        # closes or another address or code is typed.
        self.pending: PendingSetup | None = None
        self._pending_url = ""
        self._back_to: QLineEdit | None = None  # the field to fix after a failure
        self.join_page = self._join_page()
        self.joined_page = self._joined_page()
        wizard.finished.connect(self._give_up)

    # -- the join page --

    def _join_page(self) -> QWidget:
        w = self.wizard
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(heading(_tr("Join an existing clinic")))
        intro = QLabel(
            _tr(
                "HQ's console shows its address and an enrolment code for the clinic (as text "
                "and as a QR code). Type them here, or paste the enrolment link. Then sign in "
                "with your own account of the clinic: its records come from HQ and this laptop "
                "opens signed in."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)

        self.link = QLineEdit()
        self.link.setObjectName("enrol_link")
        self.link.setPlaceholderText("outpost-enrol:v1?url=…&code=…")
        self.link.setAccessibleName(_tr("Enrolment link"))
        self.link_message = QLabel()
        self.link_message.setObjectName("enrol_link_message")
        self.link_message.setWordWrap(True)
        self.server_url = QLineEdit()
        self.server_url.setObjectName("join_url")
        self.server_url.setPlaceholderText("https://hq.example.org")
        self.code = QLineEdit()
        self.code.setObjectName("join_code")
        self.code.setPlaceholderText(_tr("e.g. ABCD-EFGH-JKLM-NPQR"))
        self.username = QLineEdit()
        self.username.setObjectName("join_username")
        self.username.setPlaceholderText(_tr("as on the clinic's other laptops"))
        self.password = QLineEdit()
        self.password.setObjectName("join_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.device_name = QLineEdit(socket.gethostname() or "")
        self.device_name.setObjectName("join_device_name")
        self.device_name.setMaxLength(200)

        # Shown only with Qt Multimedia and a camera.
        self.scan_button = scan_button(page, self._scanned)
        form = QFormLayout()
        link_box = QVBoxLayout()
        link_box.setSpacing(2)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.scan_button)
        link_box.addLayout(link_row)
        link_box.addWidget(self.link_message)
        form.addRow(buddy_label(_tr("Enrolment &link (optional):"), self.link), link_box)
        for name, label, field in (
            ("server_url", _tr("HQ's &address:"), self.server_url),
            ("code", _tr("Enrolment &code:"), self.code),
            ("username", _tr("Your &user name:"), self.username),
            ("join_password", _tr("Your &password:"), self.password),
            ("device_name", _tr("This laptop's na&me:"), self.device_name),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            if name != "device_name":
                box.addWidget(w._error_for(name, field))
            form.addRow(buddy_label(label, field), box)
            field.textChanged.connect(self._typed)
        outer.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setObjectName("join_progress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(_tr("Setting up from HQ"))
        self.progress.hide()
        self.stage = QLabel()
        self.stage.setObjectName("join_stage")
        self.stage.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("join_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet(ERROR_BOX)
        self.message.hide()
        outer.addWidget(self.progress)
        outer.addWidget(self.stage)
        outer.addWidget(self.message)
        outer.addStretch(1)
        self.link.textChanged.connect(self._link_changed)
        for before, after in (
            (self.link, self.server_url),
            (self.server_url, self.code),
            (self.code, self.username),
            (self.username, self.password),
            (self.password, self.device_name),
        ):
            page.setTabOrder(before, after)
        return page

    def first_field(self) -> QWidget:
        return self.server_url if not self.server_url.text() else self.username

    def read_answers(self, a: SetupAnswers) -> None:
        a.server_url = self.server_url.text().strip()
        a.code = self.code.text().strip()
        a.username = self.username.text().strip()
        a.join_password = self.password.text()
        a.device_name = self.device_name.text().strip()

    def _typed(self) -> None:
        if self.operation is None:
            self.message.hide()
        self.wizard._answers_changed()

    def _link_changed(self, text: str) -> None:
        if not text.strip():
            self.link_message.clear()
            return
        why = self.wizard.flow.take_link(text)
        if why is not None:
            self.link_message.setText("⚠ " + why)
            return
        a = self.wizard.flow.answers
        url, code = a.server_url, a.code  # (setting one field re-reads both)
        self.server_url.setText(url)
        self.code.setText(code)
        self.link_message.setText(
            "✓ " + _tr("HQ's address and the code are filled in from the link.")
        )
        self.link.setCursorPosition(0)  # its beginning says what it is
        self.username.setFocus()

    def _scanned(self, result: ScanResult) -> None:
        # Into the link field, as if pasted: one way to fill HQ's address and the code.
        self.link.clear()  # the same link scanned again still fills the fields
        self.link.setText(result.text)

    def problem_text(self, name: str, problem: Problem) -> str:
        if problem.code == "scheme":
            return _tr("HQ's address starts with https:// (as HQ's console shows it).")
        return {
            "server_url": _tr("Type HQ's address (or paste the enrolment link above)."),
            "code": _tr("Type the enrolment code HQ gave for this clinic."),
            "username": _tr("Type your user name, as you sign in on the clinic's laptops."),
            "join_password": _tr("Type your password."),
        }.get(name, _tr("This is required."))

    # -- the work --

    def start(self) -> None:
        w = self.wizard
        if self.operation is not None:
            return
        a = w.flow.answers
        paths, tasks = w.paths, w.tasks
        url, code, username, password = a.server_url, a.code, a.username, a.join_password
        device = a.device_name or None
        kept = self.pending
        if kept is not None and (
            not kept.open or kept.code != code.strip() or self._pending_url != url
        ):
            kept = None  # another address or code: a new enrolment (the old one is given up)
        stale = self.pending if kept is None else None
        # What this try enrolled or reused, read by the callbacks on the GUI thread.
        tried: list[PendingSetup] = [kept] if kept is not None else []

        def progress(p: SyncProgress) -> None:
            tasks.run_on_main(lambda: self._progress(p))

        def work(_task: TaskContext) -> tuple[Any, str, Joined]:
            from desktop.app.from_server import enrol_for_setup

            if stale is not None:
                stale.abandon()
            if not tried:
                tried.append(enrol_for_setup(paths, url, code, device_name=device))
            pending = tried[0]
            if not pending.received:
                pending.receive(progress)
            core, recovery, report = pending.finish(username, password)
            try:
                fingerprint = core.admin.accounts_fingerprint()
            except Exception:
                core.close()
                raise
            return core, recovery, Joined(core.clinic_name, report.received, fingerprint)

        def failed(error: BaseException) -> None:
            pending = tried[0] if tried else None
            self._keep(pending if pending is not None and pending.open else None, url)
            text, field = join_error_words(error, url, pending)
            if stale is not None:
                text += " " + _tr(
                    "The enrolment made with the earlier address or code was given up: HQ lists "
                    "it as device {name} ({id}), for HQ to revoke."
                ).format(name=stale.device_name, id=stale.device_id)
            self.message.setText(text)
            self.message.show()
            self.stage.clear()
            if field == "join_password":
                self.password.clear()
            target = {
                "server_url": self.server_url,
                "code": self.code,
                "username": self.username,
                "join_password": self.password,
            }[field]
            self._back_to = target
            w._fit_height()

        def succeeded(result: tuple[Any, str, Joined]) -> None:
            self._keep(None, "")
            self._joined(result)

        def done() -> None:
            self.operation = None
            self.progress.hide()
            self._set_busy(False)
            target, self._back_to = self._back_to, None
            if target is not None:
                target.setFocus()
                target.selectAll()

        self.message.hide()
        self.progress.show()
        if kept is not None and kept.received:
            # Enrolled and the records are here: only the password is checked this time.
            self.stage.setText(_tr("Checking your password…"))
        else:
            self.stage.setText(_tr("Reaching HQ…"))
        self._set_busy(True)
        # Its own progress bar on the page: no progress window. On the long-work thread.
        op: Operation[Any] = Operation(w, tasks, work, long=True, progress_delay_ms=2**30)
        self.operation = op
        op.success(succeeded).failure(failed).finished(done).run()

    def _keep(self, pending: PendingSetup | None, url: str) -> None:
        self.pending, self._pending_url = pending, url
        self.device_name.setReadOnly(pending is not None)  # HQ knows the laptop by it now

    def _give_up(self, _result: int = 0) -> None:
        """The wizard closed: an enrolment kept for another try is given up (its staging
        folder removed; HQ lists the device until it is revoked)."""
        pending, self.pending = self.pending, None
        if pending is not None:
            # Here and now (closing an engine and removing a folder: quick), so an app that
            # ends with the wizard leaves no staging store behind.
            pending.abandon()

    def _set_busy(self, busy: bool) -> None:
        w = self.wizard
        w._creating = busy
        for field in (self.link, self.server_url, self.code):
            field.setReadOnly(busy)
        self.scan_button.setEnabled(not busy)
        self.device_name.setReadOnly(busy or self.pending is not None)
        w._sync()

    def _progress(self, p: SyncProgress) -> None:
        if not is_alive(self.stage) or self.operation is None:
            return
        words = {
            "hello": _tr("Reaching HQ…"),
            "attachments": _tr("Receiving attachments…"),
            "push": _tr("Getting ready…"),
            "pull": _tr("Receiving the clinic's records…"),
            "check": _tr("Checking that this laptop holds every record HQ has…"),
        }
        text = words.get(p.stage, _tr("Setting up…"))
        if p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(min(p.done, p.total))
            text += " " + _tr("{done} of {total}").format(done=p.done, total=p.total)
        elif p.done:
            text += " " + _tr("{done} so far").format(done=p.done)
        self.stage.setText(text)

    def _joined(self, result: tuple[Any, str, Joined]) -> None:
        core, recovery, joined = result
        w = self.wizard
        w.joined_core = core
        w.flow.joined_clinic(recovery, joined)
        self.password.clear()
        self.code.clear()
        self.link.clear()
        self.summary.setText(
            _tr("This laptop is set up for {clinic}: {n} records came from HQ.").format(
                clinic=joined.clinic_name, n=joined.received
            )
        )
        if joined.fingerprint:
            self.fingerprint.setText(joined.fingerprint)
        else:
            self.fingerprint.setText(_tr("not known yet"))
        self.recovery_label.setText(recovery)
        w._sync()

    # -- the page after it --

    def _joined_page(self) -> QWidget:
        w = self.wizard
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_tr("This laptop has joined the clinic")))
        self.summary = QLabel()
        self.summary.setObjectName("joined_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        layout.addWidget(heading(_tr("Accounts signed by"), level=2))
        compare = QLabel(
            _tr(
                "Compare this with another laptop of the clinic (Settings → HQ there, or "
                "`outpost sync status`): the same letters mean the accounts on this laptop "
                "come from your clinic. If they differ, do not use this laptop; tell HQ."
            )
        )
        compare.setWordWrap(True)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("joined_fingerprint")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.25)
        mono.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(mono)  # read aloud letter by letter against another laptop
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(_tr("Accounts signed by"))
        layout.addWidget(compare)
        layout.addWidget(self.fingerprint)

        layout.addWidget(heading(_tr("This laptop's recovery key"), level=2))
        text = QLabel(
            _tr(
                "If every password is forgotten, this key opens this laptop's copy of the "
                "records. It is shown now and never again: print it or write it down, and keep "
                "it apart from this laptop."
            )
        )
        text.setWordWrap(True)
        self.recovery_label = QLabel()
        self.recovery_label.setObjectName("joined_recovery_key")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.Bold)
        self.recovery_label.setFont(font)
        self.recovery_label.setWordWrap(True)
        self.recovery_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recovery_label.setStyleSheet("padding: 12px; border: 1px solid palette(mid);")
        self.recovery_label.setAccessibleName(_tr("Recovery key"))
        self.print_button = make_button(_tr("P&rint the recovery key…"), w._print)
        self.acknowledged = QCheckBox(_tr("I have &written down or printed the recovery key"))
        self.acknowledged.setObjectName("joined_acknowledged")
        self.acknowledged.toggled.connect(w._acknowledged)
        layout.addWidget(text)
        layout.addWidget(self.recovery_label)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.acknowledged)
        layout.addStretch(1)
        return page
