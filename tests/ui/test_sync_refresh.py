"""Patient views follow what a sync brings, through the core's change events (the sync
engine's apply publishes them, remote=True): two laptops of one clinic against a real
`outpost-hq` on loopback. The open record on laptop A shows the edit made on laptop B once
A syncs; an open edit form keeps what was half-typed, takes B's value in the fields not
touched, says the record changed on another laptop (naming a field changed on both sides),
and saving keeps both edits; "Reload from the record" throws the typing away after asking.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.app.patients import PatientInput
from desktop.paths import DataPaths
from tests.conftest import CLINIC, PASSWORD
from tests.hqserver import HqServer
from tests.ui.conftest import find_window
from ui.util import is_alive

WAIT = 30_000


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[HqServer]:
    with HqServer.started(tmp_path / "hq") as server:
        yield server


@pytest.fixture
def laptops(signed_in, hq: HqServer, tmp_path: Path, qtbot):
    """(A: the GUI's core, enrolled and synced, with one patient; B: a second laptop of the
    clinic set up from HQ, which has that patient.)"""
    from desktop.app.from_server import setup_from_server

    a = signed_in.ctx.core
    a.sync.enrol(hq.url, hq.enrol(CLINIC), device_name="front desk")
    patient_id = a.patients.register(
        PatientInput(
            given_name="Amani",
            family_name="Otieno",
            estimated_age_years="34",
            phone="0712 345 678",
            village="Nyalenda",
        ),
        confirmed_new=True,
    ).value
    a.sync.sync_now()
    b, _recovery, _report = setup_from_server(
        DataPaths(tmp_path / "laptop-b"), hq.url, hq.enrol(CLINIC), "admin", PASSWORD
    )
    yield a, b, patient_id
    b.close()


def _edit_on_b(b, patient_id: uuid.UUID, **changes: str) -> None:
    from dataclasses import replace

    details = b.patients.details(patient_id).editable
    b.patients.edit(patient_id, replace(details, **changes))
    b.sync.sync_now()


def _sync_a(signed_in, qtbot) -> None:
    page = signed_in.window.sync_page
    assert page.sync_now(automatic=True) is not None
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.last_report is not None and page.last_report.received > 0


def _open_edit(signed_in, patient_id: uuid.UUID, qtbot):
    from ui.patient_dialog import PatientDialog

    window = signed_in.window
    window.show()
    window.show_patient(patient_id)
    record = window.patients.record
    qtbot.waitUntil(lambda: record.chart is not None, timeout=WAIT)
    record.edit()
    dialog = find_window(PatientDialog)
    assert dialog is not None and dialog.patient_id == patient_id
    dialog.activateWindow()
    return record, dialog


def test_an_open_record_and_a_half_typed_edit_after_a_sync_brings_another_laptops_edit(
    signed_in, laptops, qtbot
) -> None:
    a, b, patient_id = laptops
    record, dialog = _open_edit(signed_in, patient_id, qtbot)
    phone = dialog.fields["phone"]
    village = dialog.fields["village"]
    notes = dialog.fields["notes"]
    assert village.text() == "Nyalenda"
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClicks(phone, "0733 99")  # half-typed
    assert dialog.has_unsaved_changes()
    assert not dialog.changed_elsewhere.isVisible()
    refreshes = record.refreshes

    # Laptop B changes the village and the notes, and syncs; then A syncs.
    _edit_on_b(b, patient_id, village="Kondele", notes="Prefers Dholuo")
    _sync_a(signed_in, qtbot)

    # The open record shows B's edit.
    qtbot.waitUntil(lambda: record.refreshes > refreshes, timeout=WAIT)
    qtbot.waitUntil(lambda: record.chart.details.editable.village == "Kondele", timeout=WAIT)
    # The form: the half-typed phone is kept, the untouched fields follow, a banner says so.
    banner = dialog.changed_elsewhere
    qtbot.waitUntil(banner.isVisible, timeout=WAIT)
    assert phone.text() == "0733 99"
    assert village.text() == "Kondele" and notes.toPlainText() == "Prefers Dholuo"
    text = banner.text.text()
    assert "changed on another laptop" in text and "what you typed is kept" in text
    assert "Changed there too" not in text
    assert banner.reload_button.isVisible()
    from tests.ui.mnemonics import clashes

    assert "e" not in clashes(dialog)  # the banner's button has an Alt+letter of its own
    qtbot.keyClicks(phone, "9 000")  # typing goes on where it was
    assert phone.text() == "0733 999 000"

    # Saving keeps both edits: A's phone and B's village.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=WAIT)
    saved = a.patients.details(patient_id).editable
    assert saved.village == "Kondele" and saved.notes == "Prefers Dholuo"
    assert saved.phone.replace(" ", "").endswith("733999000")


def test_a_field_changed_on_both_sides_is_named_and_reload_throws_the_typing_away(
    signed_in, laptops, qtbot
) -> None:
    _a, b, patient_id = laptops
    _record, dialog = _open_edit(signed_in, patient_id, qtbot)
    phone = dialog.fields["phone"]
    phone.selectAll()
    qtbot.keyClicks(phone, "0700 111 222")
    _edit_on_b(b, patient_id, phone="0799 888 777", family_name="Otieno-Achieng")
    _sync_a(signed_in, qtbot)
    banner = dialog.changed_elsewhere
    qtbot.waitUntil(banner.isVisible, timeout=WAIT)
    assert phone.text() == "0700 111 222"  # the person's typing wins on screen
    assert dialog.fields["family_name"].text() == "Otieno-Achieng"
    text = banner.text.text()
    assert "Changed there too: " in text and "yours is kept" in text
    there = b.patients.details(patient_id).editable.phone
    assert there in text

    # Reload: asked first; "Keep what I typed" keeps it, "Reload" shows the record.
    qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    box = find_window(QMessageBox)
    assert box is not None
    keep = next(b for b in box.findChildren(QPushButton) if b.text() == "Keep what I typed")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert phone.text() == "0700 111 222"
    qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    box = find_window(QMessageBox)
    again = next(b for b in box.findChildren(QPushButton) if b.text() == "Reload")
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    assert phone.text() == there
    assert not dialog.has_unsaved_changes() and not banner.isVisible()


def test_an_untouched_form_simply_follows(signed_in, laptops, qtbot) -> None:
    _a, b, patient_id = laptops
    _record, dialog = _open_edit(signed_in, patient_id, qtbot)
    _edit_on_b(b, patient_id, village="Manyatta")
    _sync_a(signed_in, qtbot)
    banner = dialog.changed_elsewhere
    qtbot.waitUntil(banner.isVisible, timeout=WAIT)
    assert dialog.fields["village"].text() == "Manyatta"
    assert "The form shows the record as it is now." in banner.text.text()
    assert not banner.reload_button.isVisible()
    assert not dialog.has_unsaved_changes()
