"""Backups from Settings: made on the long-work thread with progress, and restored after
the session ends, back to the sign-in window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.conftest import PASSWORD
from tests.ui.conftest import register
from ui.backup_panel import RestoreRequest


def test_back_up_now_then_restore_it(ui_app, signed_in, core, qtbot, tmp_path: Path) -> None:
    from desktop.services import patients

    kept = register(core, "Wanjiru", "Kamau")
    window = signed_in.window
    window.nav.setCurrentRow(3)
    panel = window.settings.backups
    usb = tmp_path / "usb"
    usb.mkdir()
    panel.back_up_to(usb)
    assert not panel.backup_button.isEnabled()  # one backup at a time
    qtbot.waitUntil(lambda: panel.backup_button.isEnabled(), timeout=30_000)
    backups = list(usb.glob("*.outpost-backup"))
    assert len(backups) == 1
    assert str(backups[0]) in panel.last_result.text()
    box = next(w for w in panel.findChildren(QMessageBox) if w.isVisible())
    box.accept()

    later = register(core, "Registered", "Afterwards")
    ui_app.restore(RestoreRequest(backups[0], username="admin", password=PASSWORD))
    assert ui_app.session is None  # the store is closed before it is replaced
    login = ui_app.login
    qtbot.waitUntil(lambda: "back in place" in login.message.text(), timeout=30_000)
    assert login.sign_in.isEnabled()

    login.password.setText(PASSWORD)
    login._submit()
    qtbot.waitUntil(lambda: ui_app.session is not None, timeout=20_000)
    restored = ui_app.session.ctx.core
    with restored.store.session() as session:
        patients.get_patient(session, kept)
        try:
            patients.get_patient(session, later)
        except Exception as error:  # NotFound: it was registered after the backup
            assert "No patient" in str(error)
        else:
            raise AssertionError("the restore kept a patient registered after the backup")
