"""Restoring from Settings is done by the signed-in administrator (issue 8, item 1): their own
password is asked again and checked before the session ends; the backup's own password only
when this store's key does not open it; another clinic's backup only once its name is typed.
The sign-in window then says who restored it and who stayed disabled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox

from desktop.core import ClinicCore
from desktop.paths import DataPaths
from desktop.services.backup_write import make_backup
from desktop.store import store as store_module
from desktop.store.models import Role
from tests.conftest import PASSWORD
from tests.ui.conftest import register
from ui.backup_panel import BackupPanel, RestoreRequest
from ui.small_dialog import InputDialog

OTHER_PASSWORD = "bondo admin password"


def open_panel(signed_in) -> BackupPanel:
    window = signed_in.window
    window.nav.setCurrentRow(3)
    return window.settings.backups


def restore_dialog(panel: BackupPanel) -> InputDialog | None:
    return next((d for d in panel.findChildren(InputDialog) if d.isVisible()), None)


def visible_box(panel: BackupPanel) -> QMessageBox | None:
    return next((w for w in panel.findChildren(QMessageBox) if w.isVisible()), None)


def press_yes(box: QMessageBox) -> None:
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()


def field(dialog: InputDialog, key: str) -> QLineEdit:
    widget = dialog.fields[key]
    assert isinstance(widget, QLineEdit)
    return widget


def test_a_wrong_own_password_keeps_the_dialog_open_and_the_session_signed_in(
    ui_app, signed_in, core, qtbot, tmp_path: Path
) -> None:
    panel = open_panel(signed_in)
    made = core.backups.make(tmp_path)
    panel.check_then_ask_restore(made.path)
    qtbot.waitUntil(lambda: restore_dialog(panel) is not None, timeout=10_000)
    dialog = restore_dialog(panel)
    assert dialog is not None
    # Same store, same key: only the administrator's own password is asked for.
    assert set(dialog.fields) == {"password"}
    field(dialog, "password").setText("not my password")
    dialog._submit()
    qtbot.waitUntil(lambda: bool(dialog.general_error.text()), timeout=20_000)
    assert dialog.isVisible()
    assert visible_box(panel) is None  # no "replace now?" question after a wrong password
    assert ui_app.session is not None  # nobody was signed out
    dialog.reject()


def test_an_administrator_restores_and_the_disabled_account_stays_disabled(
    ui_app, signed_in, core: ClinicCore, qtbot, tmp_path: Path
) -> None:
    core.admin.add_user(
        username="dan", display_name="Dan", role=Role.COORDINATOR, password="dans password then"
    )
    register(core, "Wanjiru", "Kamau")
    made = core.backups.make(tmp_path)
    core.admin.set_user_active("dan", False)
    panel = open_panel(signed_in)
    panel.check_then_ask_restore(made.path)
    qtbot.waitUntil(lambda: restore_dialog(panel) is not None, timeout=20_000)
    dialog = restore_dialog(panel)
    assert dialog is not None
    # The store was re-keyed when dan was disabled: the backup needs its own password.
    assert "backup_password" in dialog.fields
    field(dialog, "password").setText(PASSWORD)
    dialog._submit()
    assert "backup_password" in [k for k, e in dialog.errors.items() if e.text()]
    field(dialog, "backup_password").setText(PASSWORD)
    requests: list[RestoreRequest] = []
    panel.restore_requested.connect(requests.append)
    dialog._submit()
    qtbot.waitUntil(lambda: visible_box(panel) is not None, timeout=20_000)
    box = visible_box(panel)
    assert box is not None
    press_yes(box)
    assert len(requests) == 1
    assert requests[0].username == "admin" and requests[0].backup_password == PASSWORD
    login = ui_app.login
    qtbot.waitUntil(
        lambda: login is not None and "back in place" in login.message.text(), timeout=60_000
    )
    text = login.message.text()
    assert "Restored by admin" in text
    assert "dan" in text and "disabled" in text
    assert "key was changed" in text


def test_another_clinics_backup_restores_only_once_its_name_is_typed(
    ui_app, signed_in, core, qtbot, tmp_path: Path
) -> None:
    other, _ = store_module.create(
        DataPaths(tmp_path / "bondo"),
        clinic_name="Bondo Clinic",
        admin_username="admin",
        admin_display_name="",
        password=OTHER_PASSWORD,
    )
    try:
        backup = make_backup(other, tmp_path / "bondo.outpost-backup").path
    finally:
        other.close()
    panel = open_panel(signed_in)
    panel.check_then_ask_restore(backup)
    qtbot.waitUntil(lambda: restore_dialog(panel) is not None, timeout=20_000)
    dialog = restore_dialog(panel)
    assert dialog is not None
    assert {"password", "backup_password", "confirm_clinic"} <= set(dialog.fields)
    intro = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "another clinic, Bondo Clinic" in intro
    field(dialog, "password").setText(PASSWORD)
    field(dialog, "backup_password").setText(OTHER_PASSWORD)
    field(dialog, "confirm_clinic").setText("Kisumu")
    dialog._submit()
    assert dialog.errors["confirm_clinic"].text()  # the wrong name: asked again
    assert visible_box(panel) is None
    field(dialog, "confirm_clinic").setText("bondo clinic")
    requests: list[RestoreRequest] = []
    panel.restore_requested.connect(requests.append)
    dialog._submit()
    qtbot.waitUntil(lambda: visible_box(panel) is not None, timeout=20_000)
    box = visible_box(panel)
    assert box is not None
    press_yes(box)
    assert requests[0].confirm_clinic == "Bondo Clinic"
    login = ui_app.login
    qtbot.waitUntil(
        lambda: login is not None and "back in place" in login.message.text(), timeout=60_000
    )
    assert "Restored by admin" in login.message.text()
