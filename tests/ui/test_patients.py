"""Patients: registration with problems shown beside their fields, the likely-duplicate
warning side by side, search as you type with stale answers dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import find_window, register
from ui.duplicate_dialog import DuplicateDialog
from ui.patient_dialog import PatientDialog


def open_registration(qtbot, window) -> PatientDialog:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = find_window(PatientDialog)
    assert dialog is not None, "Ctrl+N opens the registration"
    return dialog


def type_into(qtbot, dialog: PatientDialog, **values: str) -> None:
    for name, text in values.items():
        field = dialog.fields[name]
        field.clear()
        qtbot.keyClicks(field, text)


def test_validation_problems_are_shown_beside_their_fields(signed_in, qtbot) -> None:
    window = signed_in.window
    dialog = open_registration(qtbot, window)
    type_into(qtbot, dialog, family_name="Kamau", phone="12", birth_date="1984-13-40")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["given_name"].isVisible(), timeout=20_000)
    for name in ("given_name", "phone", "birth_date"):
        assert dialog.errors[name].isVisible(), name
        assert dialog.errors[name].message
        assert dialog.fields[name].accessibleDescription() == dialog.errors[name].message
    for name in ("family_name", "village", "national_id"):
        assert not dialog.errors[name].isVisible(), name
    assert "given name" in dialog.errors["given_name"].message
    assert "YYYY-MM-DD" in dialog.errors["birth_date"].message
    assert dialog.focusWidget() is dialog.fields["given_name"]  # the first problem

    # An estimated age is allowed instead of the date.
    dialog.age_only.setChecked(True)
    qtbot.keyClicks(dialog.age, "45")
    type_into(qtbot, dialog, given_name="Wanjiru", phone="0712 345 678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.patients.record.chart is not None, timeout=20_000)
    record = window.patients.record
    assert record.chart.name == "Wanjiru Kamau"
    assert record.chart.birth_date_estimated
    assert "about 45 y" in record.summary.text()


def test_a_likely_duplicate_is_shown_side_by_side(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    existing = register(
        core, "Wanjiru", "Kamau", phone="0712345678", village="Gatundu", birth_date="1990-04-02"
    )
    register(
        core, "Wanjiru", "Kamau", phone="0733111222", village="Kiambu", birth_date="1991-01-09"
    )

    dialog = open_registration(qtbot, window)
    type_into(
        qtbot,
        dialog,
        given_name="Wanjiru",
        family_name="Kamau",
        phone="0712 345 678",
        village="Gatundu",
        birth_date="02/04/1990",
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(DuplicateDialog) is not None, timeout=20_000)
    duplicates = find_window(DuplicateDialog)
    candidates = duplicates.candidates
    assert candidates[0][0].patient_id == existing  # the strongest first
    table = duplicates.findChild(QLabel, "reasons_1").parentWidget()
    texts = [label.text() for label in table.findChildren(QLabel)]
    assert "You are registering" in texts
    assert "Already registered (1)" in texts and "Already registered (2)" in texts
    reasons = duplicates.findChild(QLabel, "reasons_1").text()
    assert "same phone" in reasons and "similar name" in reasons
    assert any("0712 345678" in t and "✓ same" in t for t in texts)  # the shared phone
    assert any("Gatundu" in t for t in texts) and any("Kiambu" in t for t in texts)

    # "Register as a different person" registers after all, and opens the new record.
    qtbot.mouseClick(duplicates.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.patients.record.chart is not None, timeout=20_000)
    assert window.patients.record.patient_id != existing


def test_open_existing_instead_of_registering(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    existing = register(core, "Mohamed", "Abdi", phone="0722000111")
    dialog = open_registration(qtbot, window)
    type_into(qtbot, dialog, given_name="Muhammad", family_name="Abdi", phone="0722000111")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(DuplicateDialog) is not None, timeout=20_000)
    qtbot.mouseClick(find_window(DuplicateDialog).open_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.patients.record.chart is not None, timeout=20_000)
    assert window.patients.record.patient_id == existing
    assert find_window(PatientDialog) is None


def test_search_as_you_type_finds_the_patient(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    wanted = register(core, "Wanjiru", "Kamau", phone="0712345678", national_id="23456789")
    register(core, "Otieno", "Odhiambo")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    patients = window.patients
    assert patients.search_field.hasFocus()
    qtbot.keyClicks(patients.search_field, "wanjru kam")  # a typo, as at the desk
    qtbot.waitUntil(
        lambda: bool(patients.model.hits) and patients._hits_query == "wanjru kam", timeout=20_000
    )
    assert patients.model.hits[0].patient_id == wanted
    assert "Patients found: 1" in patients.status.text()

    for query in ("0712345678", "23456789"):
        patients.search_field.clear()
        qtbot.keyClicks(patients.search_field, query)
        qtbot.waitUntil(lambda q=query: patients._hits_query == q, timeout=20_000)
        assert [h.patient_id for h in patients.model.hits] == [wanted], query

    qtbot.keyClick(patients.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: patients.record.chart is not None, timeout=20_000)
    assert patients.record.patient_id == wanted


def test_stale_answers_are_dropped(signed_in, qtbot) -> None:
    from ui.live_search import LiveSearch

    core = signed_in.ctx.core
    register(core, "Achieng", "Otieno")
    register(core, "Wanjiru", "Kamau")
    search = LiveSearch(signed_in.ctx, debounce_ms=0)
    answers: list[tuple[str, list]] = []
    search.results_ready.connect(lambda q, hits: answers.append((q, hits)))
    for text in ("a", "ac", "ach", "wan"):  # typed faster than the searches come back
        search.set_query(text)
        search.search_now()
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    qtbot.wait(100)
    assert [q for q, _hits in answers] == ["wan"]
    assert answers[0][1][0].display_name == "Wanjiru Kamau"
    assert search.searches_run <= 2  # the one running, then only the latest
