"""Auto-lock: after a spell without input the session's windows are hidden behind a lock
screen; the signed-in person's password brings everything back as it was, unsaved edits
included. Switch user ends the session, asking first if work is unsaved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.conftest import PASSWORD
from tests.ui.conftest import find_window, register
from ui.lock import LockScreen
from ui.patient_dialog import PatientDialog


def open_edit_dialog(qtbot, session, patient_id) -> PatientDialog:
    window = session.window
    window.show_patient(patient_id)
    record = window.patients.record
    qtbot.waitUntil(lambda: record.chart is not None, timeout=20_000)
    # A window's shortcuts answer only in the active window (an earlier test's may be).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=20_000)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    # A button's shortcut "animates" the click: the dialog opens a moment later.
    qtbot.waitUntil(lambda: find_window(PatientDialog) is not None, timeout=20_000)
    return find_window(PatientDialog)


def test_auto_lock_and_unlock_keep_an_unsaved_edit(make_app, core, qtbot) -> None:
    app = make_app()
    core.settings.daily_backup = False
    patient = register(core, "Wanjiru", "Kamau", village="Gatundu")
    app._signed_in(core)
    session = app.session
    dialog = open_edit_dialog(qtbot, session, patient)
    session.lock.set_timeout(300)
    village = dialog.fields["village"]
    village.setFocus()
    village.selectAll()
    qtbot.keyClicks(village, "Kiambu town")  # typing is input: no lock meanwhile
    assert not session.lock.locked

    qtbot.waitUntil(lambda: session.lock.locked, timeout=20_000)  # then nothing for 300 ms
    screen = find_window(LockScreen)
    assert screen is not None and screen.isVisible()
    assert not session.window.isVisible() and not dialog.isVisible()  # data out of sight
    assert any(
        "Amina Odhiambo" in label.text() for label in screen.findChildren(type(screen.message))
    )

    qtbot.keyClicks(screen.password, "not my password")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20_000)
    assert "not the password" in screen.message.text()
    assert session.lock.locked

    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not session.lock.locked, timeout=20_000)
    assert session.window.isVisible() and dialog.isVisible()
    assert village.text() == "Kiambu town"  # the unsaved edit is still there
    assert dialog.has_unsaved_changes()
    assert find_window(LockScreen) is None


def test_a_window_opening_while_locked_stays_hidden_until_unlock(signed_in, qtbot) -> None:
    session = signed_in
    session.lock.lock()
    box = QMessageBox(session.window)
    box.setText("A task finished meanwhile")
    box.open()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=20_000)
    session.lock.unlock()
    assert box.isVisible()


def test_switch_user_asks_about_unsaved_work_then_returns_to_login(
    ui_app, signed_in, core, qtbot
) -> None:
    patient = register(core, "Wanjiru", "Kamau")
    dialog = open_edit_dialog(qtbot, signed_in, patient)
    qtbot.keyClicks(dialog.fields["notes"], "Allergic to penicillin")
    window = signed_in.window

    def question() -> QMessageBox | None:
        return next((w for w in window.findChildren(QMessageBox) if w.isVisible()), None)

    window.switch_user_requested.emit()  # the menu's Switch user… (Ctrl+Shift+L)
    box = question()
    assert box is not None and "Edit patient details" in box.text()
    qtbot.mouseClick(
        next(b for b in box.buttons() if b.text() == "Go back"), Qt.MouseButton.LeftButton
    )
    assert ui_app.session is signed_in and window.isVisible() and dialog.isVisible()

    window.switch_user_requested.emit()
    box = question()
    qtbot.mouseClick(
        next(b for b in box.buttons() if b.text() == "Discard them and continue"),
        Qt.MouseButton.LeftButton,
    )
    assert ui_app.session is None
    assert ui_app.login is not None and ui_app.login.isVisible()
    assert not window.isVisible()
    assert find_window(PatientDialog) is None


def test_switch_user_from_the_lock_screen(ui_app, signed_in, core, qtbot) -> None:
    patient = register(core, "Wanjiru", "Kamau")
    dialog = open_edit_dialog(qtbot, signed_in, patient)
    qtbot.keyClicks(dialog.fields["village"], "Kiambu")
    signed_in.lock.lock()
    screen = find_window(LockScreen)
    qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    box = next(w for w in screen.findChildren(QMessageBox) if w.isVisible())
    assert "Wanjiru" not in box.text()  # the question names windows, never patient data
    qtbot.mouseClick(
        next(b for b in box.buttons() if b.text() == "Discard them and continue"),
        Qt.MouseButton.LeftButton,
    )
    assert ui_app.session is None
    assert ui_app.login.isVisible()
    qtbot.waitUntil(lambda: find_window(LockScreen) is None, timeout=20_000)
    assert find_window(PatientDialog) is None


def test_tab_goes_from_the_password_to_unlock_then_switch_user(qtbot) -> None:
    """As in the sign-in window: password → Unlock → Switch user."""
    screen = LockScreen("Amina Odhiambo", "amina")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    stops = []
    widget = screen.password
    for _ in range(3):
        stops.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()):
            widget = widget.nextInFocusChain()
    assert stops == [screen.password, screen.unlock_button, screen.switch_button]
