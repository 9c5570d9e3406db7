"""Backups from Settings: made on the long-work thread with progress, and restored after
the session ends, back to the sign-in window; the automatic backups' honest state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.errors import DiskFull, NotFound
from desktop.services import patients
from desktop.store.store import Store
from tests.conftest import PASSWORD
from tests.ui.conftest import register
from ui.backup_panel import BackupPanel, RestoreRequest
from ui.small_dialog import InputDialog


def open_panel(signed_in) -> BackupPanel:
    window = signed_in.window
    window.nav.setCurrentRow(3)
    return window.settings.backups


def visible_box(panel: BackupPanel) -> QMessageBox | None:
    return next((w for w in panel.findChildren(QMessageBox) if w.isVisible()), None)


def test_back_up_now_then_restore_it(ui_app, signed_in, core, qtbot, tmp_path: Path) -> None:
    kept = register(core, "Wanjiru", "Kamau")
    panel = open_panel(signed_in)
    usb = tmp_path / "usb"
    usb.mkdir()
    panel.back_up_to(usb)
    assert not panel.backup_button.isEnabled()  # one backup at a time
    qtbot.waitUntil(lambda: panel.backup_button.isEnabled(), timeout=30_000)
    backups = list(usb.glob("*.outpost-backup"))
    assert len(backups) == 1
    assert str(backups[0]) in panel.last_result.text()
    assert not panel.last_result.isHidden()  # shown once it has something to say
    box = visible_box(panel)
    assert box is not None
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
    restored.tx.read(lambda s: patients.get_patient(s, kept))
    with pytest.raises(NotFound):  # it was registered after the backup
        restored.tx.read(lambda s: patients.get_patient(s, later))


def test_a_fresh_install_shows_no_failed_backup_until_one_fails(
    signed_in, core, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = open_panel(signed_in)
    qtbot.waitUntil(lambda: bool(panel.status.text()), timeout=10_000)
    assert "No automatic backup has been made yet" in panel.status.text()
    assert "failed" not in panel.status.text()
    # Only the data folder: advice, shown as advice.
    assert "only in the data folder" in panel.warning.text()

    def no_space(self: Store, target: Path, **_: object) -> None:
        raise DiskFull("The disk holding the data folder is full; the copy was not made.")

    with monkeypatch.context() as patch:
        patch.setattr(Store, "copy_to", no_space)
        assert not core.backups.run_automatic("daily").ok
    panel.activated()
    qtbot.waitUntil(lambda: "failed" in panel.status.text(), timeout=10_000)
    assert "disk holding the data folder is full" in panel.status.text()

    assert core.backups.run_automatic("daily").ok
    panel.activated()
    qtbot.waitUntil(lambda: "Last automatic backup" in panel.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: "failed" not in panel.status.text(), timeout=10_000)


def test_saving_a_second_folder_clears_the_single_folder_advice(
    signed_in, core, qtbot, tmp_path: Path
) -> None:
    panel = open_panel(signed_in)
    qtbot.waitUntil(lambda: panel.warning.isVisibleTo(panel), timeout=10_000)
    usb = tmp_path / "usb"
    usb.mkdir()
    panel._folder_chosen(str(usb))
    panel.keep.setValue(3)
    assert panel.has_unsaved_changes()
    panel.save()
    qtbot.waitUntil(lambda: not panel.has_unsaved_changes(), timeout=10_000)
    assert core.settings.backup_dirs == [str(usb)] and core.settings.backups_to_keep == 3
    qtbot.waitUntil(lambda: not panel.warning.isVisibleTo(panel), timeout=10_000)


def test_a_damaged_backup_file_is_refused_before_any_password_is_asked(
    signed_in, qtbot, tmp_path: Path
) -> None:
    panel = open_panel(signed_in)
    bad = tmp_path / "not-really.outpost-backup"
    bad.write_bytes(b"PK\x03\x04 this is not a backup")
    panel.check_then_ask_restore(bad)
    qtbot.waitUntil(lambda: visible_box(panel) is not None, timeout=10_000)
    assert not [d for d in panel.findChildren(InputDialog) if d.isVisible()]
    box = visible_box(panel)
    assert box is not None
    box.accept()


def test_a_good_backup_file_is_described_when_asking_for_the_password(
    signed_in, core, qtbot, tmp_path: Path
) -> None:
    panel = open_panel(signed_in)
    made = core.backups.make(tmp_path)
    panel.check_then_ask_restore(made.path)

    def dialog() -> InputDialog | None:
        return next((d for d in panel.findChildren(InputDialog) if d.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=10_000)
    found = dialog()
    assert found is not None
    texts = " ".join(label.text() for label in found.findChildren(type(panel.status)))
    assert core.clinic_name in texts
    found.reject()


def test_a_cancelled_backup_leaves_no_file_and_says_nothing(signed_in, qtbot, tmp_path) -> None:
    panel = open_panel(signed_in)
    usb = tmp_path / "usb"
    usb.mkdir()
    operation = panel.back_up_to(usb)
    operation.cancel()  # as pressing Cancel on the progress window does
    qtbot.waitUntil(lambda: panel.backup_button.isEnabled(), timeout=30_000)
    assert list(usb.iterdir()) == []
    assert visible_box(panel) is None  # a cancel is not an error
    assert panel.last_result.text() == ""
    assert panel.last_result.isHidden()  # no empty strip under the buttons


def test_the_backup_dialogs_open_in_the_last_folder_used(signed_in, core, qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QFileDialog

    panel = open_panel(signed_in)
    core.backups.run_automatic("daily")  # the data folder's backups/ now exists

    def dialog() -> QFileDialog:
        found = [d for d in panel.findChildren(QFileDialog) if d.isVisible()]
        assert len(found) == 1
        return found[0]

    panel.restore()
    first = dialog()
    assert Path(first.directory().absolutePath()) == core.paths.backups
    first.reject()
    usb = tmp_path / "usb"
    usb.mkdir()
    panel._backup_folder_chosen(str(usb))
    qtbot.waitUntil(lambda: panel.backup_button.isEnabled(), timeout=30_000)
    box = visible_box(panel)
    if box is not None:
        box.accept()
    panel.restore()
    second = [d for d in panel.findChildren(QFileDialog) if d.isVisible()]
    assert Path(second[-1].directory().absolutePath()) == usb
    second[-1].reject()
