"""First run: the set-up wizard creates the store, shows the recovery key once, and the
administrator then signs in through the login window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

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

    # The welcome page announces as many steps as follow it (defect 16: "three" of four).
    welcome = wizard.findChild(QLabel, "welcome_text").text()
    assert "In 4 short steps" in welcome and wizard.flow.steps == 4
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.CLINIC
    assert wizard.step_label.text() == "Step 1 of 4"
    # Next with the clinic's name missing: the problem is shown beside that field.
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.CLINIC
    assert wizard.errors["clinic_name"].isVisible()
    assert wizard.errors["clinic_name"].message
    qtbot.keyClicks(wizard.clinic_name, "Kisumu Health Post")
    assert not wizard.errors["clinic_name"].isVisible()  # updates as the person types
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)

    # The clinic's week (defect 21): a first provider, an appointment type, opening hours.
    assert wizard.flow.page is Page.WEEK
    assert wizard.type_name.text() == "Consultation"
    assert wizard.hours_fields[0].text() == "08:00–17:00" and wizard.hours_fields[6].text() == ""
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.WEEK and wizard.errors["provider_name"].isVisible()
    qtbot.keyClicks(wizard.provider_name, "Dr. Achieng Otieno")
    wizard.hours_fields[5].setText("08:00-12:00")
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
    # Saving it warns about the clinic's key, not "the patient's information" (defect 16).
    preview.save_as()
    warning = preview.warning_box
    assert warning is not None
    assert "recovery key" in warning.informativeText()
    assert "patient" not in warning.informativeText()
    warning.reject()
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
    # Qt adds the application's name to the title: the title itself must not repeat it.
    assert window.windowTitle() == "Kisumu Health Post"

    # The new clinic can book from its first minute (defect 21).
    import datetime as dt

    core = app.session.ctx.core
    (provider,) = core.admin.providers()
    assert provider.name == "Dr. Achieng Otieno"
    assert [t.name for t in core.admin.appointment_types()] == ["Consultation"]
    hours = core.admin.working_hours(provider.id)
    assert hours[0] == ((dt.time(8), dt.time(17)),) and hours[5] == ((dt.time(8), dt.time(12)),)
    assert 6 not in hours
