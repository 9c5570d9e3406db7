"""First run: the set-up wizard creates the store, shows the recovery key once, and the
administrator then signs in through the login window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import PASSWORD
from ui.setup_flow import Page


def test_first_run_creates_the_store_then_login_opens_it(
    make_app, data_paths, qtbot, tmp_path: Path
) -> None:
    app = make_app()
    app.start()
    wizard = app.wizard
    assert wizard is not None and wizard.isVisible()
    assert not data_paths.database.exists()

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.CLINIC
    # Next with the clinic's name missing: the problem is shown beside that field.
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.CLINIC
    assert wizard.errors["clinic_name"].isVisible()
    assert wizard.errors["clinic_name"].message
    qtbot.keyClicks(wizard.clinic_name, "Kisumu Health Post")
    assert not wizard.errors["clinic_name"].isVisible()  # updates as the person types
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.ADMIN

    assert "8 characters" in wizard.findChild(type(wizard.step_label), "password_rules").text()
    qtbot.keyClicks(wizard.admin_name, "Amina Odhiambo")
    qtbot.keyClicks(wizard.admin_username, "amina")
    qtbot.keyClicks(wizard.password, PASSWORD)
    qtbot.keyClicks(wizard.password_confirm, PASSWORD + "x")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.errors["password_confirm"].isVisible()
    assert not data_paths.database.exists()
    qtbot.keyClick(wizard.password_confirm, Qt.Key.Key_Backspace)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: wizard.flow.page is Page.RECOVERY, timeout=15_000)
    assert data_paths.database.exists()
    key = wizard.recovery_label.text()
    assert key and key == wizard.flow.recovery_key
    assert not wizard.back_button.isEnabled()
    assert not wizard.finish_button.isEnabled()
    wizard.reject()  # Escape must not lose the only sight of the key
    assert wizard.isVisible()

    # Print opens the recovery key sheet (the shipped ReportLab form) in the preview.
    from ui.print_preview import PrintPreviewDialog

    wizard._print()
    preview = wizard.preview
    assert isinstance(preview, PrintPreviewDialog)
    with qtbot.waitSignal(preview.loaded, timeout=20_000) as loaded:
        pass
    assert loaded.args[0] >= 1
    import io

    from pypdf import PdfReader

    from desktop.recovery_sheet import recovery_sheet_pdf

    sheet = recovery_sheet_pdf("Kisumu Health Post", key)
    text = " ".join(PdfReader(io.BytesIO(sheet)).pages[0].extract_text().split())
    assert key in text and "Kisumu Health Post" in text
    preview.close()

    wizard.acknowledged.setChecked(True)
    assert wizard.finish_button.isEnabled()
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)

    login = app.login
    assert login is not None and login.isVisible()
    assert login.username.text() == "amina"
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.session is not None, timeout=15_000)
    window = app.session.window
    assert window.isVisible() and not login.isVisible()
    assert "Kisumu Health Post" in window.windowTitle()
