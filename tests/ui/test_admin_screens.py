"""Settings → Users and Settings → Clinic: thin faces on core.admin that redraw from the
core's change events."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.ui.conftest import find_window
from ui.small_dialog import InputDialog
from ui.util import is_alive


def _tab(window, name: str):
    settings = window.settings
    window.nav.setCurrentRow(3)
    panel = getattr(settings, name)
    settings.tabs.setCurrentWidget(panel)
    return panel


def _submit(qtbot, **values: str) -> InputDialog:
    dialog = find_window(InputDialog)
    assert dialog is not None
    for key, value in values.items():
        dialog.fields[key].setText(value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=20_000)
    return dialog


def test_adding_a_user_shows_them_in_the_list(signed_in, qtbot) -> None:
    users = _tab(signed_in.window, "users")
    qtbot.waitUntil(lambda: users.model.rowCount() == 1, timeout=20_000)
    users.add_user()
    _submit(
        qtbot,
        display_name="Peter Mwangi",
        username="peter",
        password="a long password",
        confirm="a long password",
    )
    qtbot.waitUntil(lambda: users.model.rowCount() == 2, timeout=20_000)
    assert users.model.item(1, 0).text() == "peter"


def test_a_new_provider_starts_with_the_opening_hours(signed_in, qtbot) -> None:
    clinic = _tab(signed_in.window, "clinic")
    qtbot.waitUntil(lambda: clinic.providers.count() == 1, timeout=20_000)  # opening hours
    clinic.providers.setCurrentRow(0)
    clinic.day_fields[5].setText("08:00–12:00")
    clinic.save_hours()
    qtbot.waitUntil(lambda: clinic.hours_note.text() == "Saved.", timeout=20_000)

    clinic.add_provider()
    _submit(qtbot, name="Dr. Achieng Otieno", title="Clinical officer")
    qtbot.waitUntil(lambda: clinic.providers.count() == 2, timeout=20_000)
    clinic.providers.setCurrentRow(1)
    assert clinic.day_fields[0].text() == "08:00–17:00"
    assert clinic.day_fields[5].text() == "08:00–12:00"
    assert clinic.day_fields[6].text() == ""
    core = signed_in.ctx.core
    (provider,) = core.admin.providers()
    assert core.admin.working_hours(provider.id)[5] == ((dt.time(8), dt.time(12)),)


def test_the_clinics_phone_address_and_paper_size_are_set_in_settings(signed_in, qtbot) -> None:
    clinic = _tab(signed_in.window, "clinic")
    qtbot.waitUntil(lambda: clinic.details is not None, timeout=20_000)
    clinic.clinic_phone.setText("0712 345678")
    clinic.clinic_address.setPlainText("Box 12, Kisumu")
    clinic.paper_size.setCurrentIndex(1)
    assert clinic.has_unsaved_changes()
    clinic.save_details()
    qtbot.waitUntil(lambda: clinic.details_note.text() == "Saved.", timeout=20_000)
    details = signed_in.ctx.core.admin.clinic()
    assert (details.phone, details.address, details.paper_size) == (
        "+254712345678",
        "Box 12, Kisumu",
        "Letter",
    )
    assert not clinic.has_unsaved_changes()
    clinic.clinic_phone.setText("12")
    clinic.save_details()
    qtbot.waitUntil(lambda: clinic.details_errors["phone"].isVisible(), timeout=20_000)


def test_providers_and_types_are_renamed_and_retired(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    core.admin.add_provider("Dr. A")
    core.admin.add_appointment_type("Consult", 20)
    clinic = _tab(signed_in.window, "clinic")
    qtbot.waitUntil(lambda: clinic.kinds.count() == 1, timeout=20_000)
    clinic.providers.setCurrentRow(1)
    clinic.rename_provider()
    _submit(qtbot, name="Dr. Achieng")
    qtbot.waitUntil(lambda: clinic.providers.item(1).text() == "Dr. Achieng", timeout=20_000)
    clinic.kinds.setCurrentRow(0)
    clinic.change_kind()
    dialog = find_window(InputDialog)
    dialog.fields["duration"].setValue(30)
    _submit(qtbot, name="Consultation")
    qtbot.waitUntil(lambda: clinic.kinds.item(0).text() == "Consultation — 30 min", timeout=20_000)
    core.admin.set_provider_active(core.admin.providers()[0].id, False)
    qtbot.waitUntil(lambda: clinic.providers.count() == 1, timeout=20_000)


def test_the_clinic_code_is_shown_and_changed_in_settings(signed_in, qtbot) -> None:
    """The code that starts every clinic number is edited with the clinic's details; a code
    the core refuses is explained beside the field."""
    core = signed_in.ctx.core
    clinic = _tab(signed_in.window, "clinic")
    qtbot.waitUntil(lambda: clinic.details is not None, timeout=20_000)
    assert clinic.clinic_code.text() == core.admin.clinic().code
    assert "KHP-QX0042" in clinic.findChild(type(clinic.details_note), "clinic_code_hint").text()

    clinic.clinic_code.setText("1X")  # must start with a letter
    clinic.save_details()
    qtbot.waitUntil(lambda: clinic.details_errors["code"].isVisible(), timeout=20_000)
    assert "2 to 5" in clinic.details_errors["code"].message
    assert core.admin.clinic().code != "1X"

    clinic.clinic_code.setText("khp")
    clinic.save_details()
    qtbot.waitUntil(lambda: clinic.details_note.text() == "Saved.", timeout=20_000)
    assert core.admin.clinic().code == "KHP"
    assert clinic.clinic_code.text() == "KHP"


def test_tab_goes_from_a_provider_to_its_hours_before_the_appointment_types(
    signed_in, qtbot
) -> None:
    window = signed_in.window
    window.show()
    signed_in.ctx.core.admin.add_provider("Dr. A")
    clinic = _tab(window, "clinic")
    qtbot.waitUntil(lambda: clinic.providers.count() == 2, timeout=20_000)
    clinic.providers.setCurrentRow(1)
    qtbot.waitUntil(lambda: clinic.hours_box.isEnabled(), timeout=20_000)
    stops = []
    widget = clinic.providers.nextInFocusChain()
    while widget is not clinic.providers and len(stops) < 100:
        if (
            clinic.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    assert stops.index(clinic.day_fields[0]) < stops.index(clinic.kinds)
    assert stops.index(clinic.save_hours_button) < stops.index(clinic.kinds)
