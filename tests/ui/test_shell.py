"""The application shell: dialogs keep Enter on their submit button, Lock and Quit work from
any window, the lock screen says why it is locked, names and titles read well, the daily
and closing backups never hold anyone up."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from tests.conftest import PASSWORD
from tests.ui.conftest import find_window
from ui.lock import LockScreen
from ui.small_dialog import InputDialog
from ui.util import person


def _two_button_dialog(parent=None) -> tuple[QDialog, QPushButton, QPushButton, list[str]]:
    dialog = QDialog(parent)
    pressed: list[str] = []
    field = QLineEdit(dialog)
    save = QPushButton("Save", dialog)
    cancel = QPushButton("Cancel", dialog)
    save.setDefault(True)
    save.clicked.connect(lambda: pressed.append("save"))
    cancel.clicked.connect(lambda: pressed.append("cancel"))
    layout = QHBoxLayout(dialog)
    for widget in (field, cancel, save):
        layout.addWidget(widget)
    return dialog, save, cancel, pressed


# -- defect 5: Enter submits ------------------------------------------------------------------


def test_enter_submits_even_when_cancel_had_the_focus(ui_app, qtbot) -> None:
    # As after "Back to editing": the Cancel button that asked has the focus again.
    dialog, save, cancel, pressed = _two_button_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    cancel.setFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Return)
    assert pressed == ["save"]
    assert save.isDefault() and not cancel.isDefault()


def test_enter_submits_again_after_a_problem_was_shown(ui_app, qtbot) -> None:
    from desktop.errors import InvalidInput

    tries: list[str] = []

    def work(values):
        def run(_ctx):
            tries.append(values["name"])
            if len(tries) == 1:
                raise InvalidInput("Not that name.", field="name")

        return run

    dialog = InputDialog(None, ui_app.tasks, "Name it")
    name = dialog.add_line("name", "&Name:")
    dialog.on_submit(work)
    dialog.show()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["name"].isVisible(), timeout=20_000)
    assert dialog.isVisible()
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    cancel.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(tries) == 2, timeout=20_000)


# -- defect 9: Ctrl+L and Ctrl+Q from a dialog -----------------------------------------------


class _Unsaved(InputDialog):
    def has_unsaved_changes(self) -> bool:
        return True


def test_ctrl_l_locks_from_inside_a_dialog(signed_in, qtbot) -> None:
    dialog = InputDialog(signed_in.window, signed_in.ctx.tasks, "Add a provider")
    field = dialog.add_line("name", "&Name:")
    dialog.open()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert signed_in.lock.locked
    assert not dialog.isVisible()
    signed_in.lock.unlock()
    assert dialog.isVisible()


def test_ctrl_l_locks_from_a_form_window(signed_in, qtbot) -> None:
    # Forms open in windows of their own beside the main window (not modal).
    form = QDialog(signed_in.window)
    form.setWindowFlag(Qt.WindowType.Window, True)
    field = QLineEdit(form)
    form.show()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert signed_in.lock.locked and not form.isVisible()
    signed_in.lock.unlock()


def test_ctrl_q_from_a_dialog_still_asks_about_unsaved_work(ui_app, signed_in, qtbot) -> None:
    dialog = _Unsaved(signed_in.window, signed_in.ctx.tasks, "Edit patient details")
    field = dialog.add_line("name", "&Name:")
    dialog.open()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()),
        None,
    )
    assert box is not None and "Edit patient details" in box.text()
    assert ui_app.session is signed_in  # nothing closed before the answer
    qtbot.mouseClick(
        next(b for b in box.buttons() if b.text() == "Go back"), Qt.MouseButton.LeftButton
    )
    assert ui_app.session is signed_in and dialog.isVisible()


# -- defect 10: why it is locked --------------------------------------------------------------


def test_locking_by_hand_says_who_locked_it(signed_in) -> None:
    signed_in.lock.lock()
    screen = find_window(LockScreen)
    reason = screen.findChild(type(screen.message), "lock_reason").text()
    assert reason.startswith("Locked by Amina Odhiambo (admin)")
    assert "without use" not in reason
    signed_in.lock.unlock()


def test_locking_after_a_while_says_so(signed_in, qtbot) -> None:
    signed_in.lock.set_timeout(50)
    qtbot.waitUntil(lambda: signed_in.lock.locked, timeout=20_000)
    screen = find_window(LockScreen)
    assert (
        "after a while without use" in screen.findChild(type(screen.message), "lock_reason").text()
    )
    signed_in.lock.unlock()


# -- defect 16: names, titles, recovery -------------------------------------------------------


def test_a_person_is_named_once_when_name_and_user_name_agree() -> None:
    assert person("amina", "amina") == "amina"
    assert person("Amina Odhiambo", "amina") == "Amina Odhiambo (amina)"
    assert person("", "amina") == "amina"


def test_settings_names_the_signed_in_person_well(signed_in) -> None:
    general = signed_in.window.settings.general
    label = general.findChild(type(general.saved_note), "signed_in_as")
    assert label.text() == "Signed in as Amina Odhiambo (admin)."


def test_window_titles_leave_the_program_name_to_qt(signed_in) -> None:
    # Qt appends the application display name ("— Outpost") itself.
    assert "Outpost" not in signed_in.window.windowTitle()
    signed_in.lock.lock()
    assert "Outpost" not in find_window(LockScreen).windowTitle()
    signed_in.lock.unlock()


def test_recovery_returns_to_sign_in_saying_what_to_do(make_app, new_store, qtbot) -> None:
    from ui.recovery_dialog import RecoveryDialog

    store, recovery = new_store
    store.close()
    app = make_app()
    app.start()
    login = app.login
    login.username.setText("admin")
    login._forgotten()
    dialog = find_window(RecoveryDialog)
    dialog.recovery_key.setText(recovery)
    dialog.password.setText("a brand new password")
    dialog.confirm.setText("a brand new password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: login.message.isVisible(), timeout=30_000)
    assert login.message.text() == "Password changed: sign in with the new password."
    assert login.username.text() == "admin" and login.focusWidget() is login.password


# -- defects 23 and 24: backups that never hold anyone up ------------------------------------


def test_a_fresh_install_does_not_say_the_backup_needs_attention(ui_app, signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    core.settings.daily_backup = True
    window = signed_in.window
    app = ui_app
    app._daily_backup_if_due()
    qtbot.waitUntil(lambda: app._daily_backup is None, timeout=60_000)
    text = window.backup_label.text()
    assert text == "Daily backup made."
    assert "attention" not in text
    assert find_window(QProgressDialog) is None  # quiet: the status bar only


def test_closing_after_todays_backup_makes_no_other(ui_app, signed_in, qtbot, monkeypatch) -> None:
    core = signed_in.ctx.core
    core.settings.daily_backup = True
    core.backups.run_automatic("daily")
    app = ui_app
    ran: list[str] = []
    monkeypatch.setattr(core.backups, "run_automatic", lambda *a, **k: ran.append("backup"))
    finished: list[bool] = []
    monkeypatch.setattr(app, "_finish_quit", lambda: finished.append(True))
    app.quit()
    qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
    assert ran == []


def test_closing_backup_shows_progress_and_finish_later_closes_at_once(
    ui_app, signed_in, qtbot, monkeypatch
) -> None:
    from desktop.app.backups import AutoBackupOutcome

    core = signed_in.ctx.core
    core.settings.daily_backup = True
    app = ui_app
    stopped = threading.Event()

    def slow_backup(reason, *, progress=None, cancel=None, now=None):
        while not cancel():  # as long as a large clinic's backup takes
            progress("", 0.4)
            time.sleep(0.01)
        stopped.set()
        return AutoBackupOutcome(reason, ran=False, cancelled=True)

    monkeypatch.setattr(core.backups, "daily_due", lambda **_k: True)
    monkeypatch.setattr(core.backups, "run_automatic", slow_backup)
    finished: list[bool] = []
    monkeypatch.setattr(app, "_finish_quit", lambda: finished.append(True))
    app.quit()
    qtbot.waitUntil(lambda: find_window(QProgressDialog) is not None, timeout=20_000)
    progress = find_window(QProgressDialog)
    later = next(b for b in progress.findChildren(QPushButton) if b.text() == "Finish later")
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    assert not signed_in.window.isVisible()  # out of sight at once
    qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
    assert stopped.is_set()
    assert app.session is None


def test_the_lock_screen_checks_the_password_through_the_core(signed_in, qtbot) -> None:
    signed_in.lock.lock()
    screen = find_window(LockScreen)
    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not signed_in.lock.locked, timeout=20_000)
