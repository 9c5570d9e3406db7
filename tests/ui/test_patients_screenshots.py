"""The patients screenshots in docs/screenshots (desk-05 … desk-08c), made under Xvfb on
demand:

    OUTPOST_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m pytest \
        tests/ui/test_patients_screenshots.py

Skipped in the normal test run.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app.patients import PatientInput
from tests.ui.conftest import find_window, set_up_clinic
from tests.ui.test_patients import type_into
from ui.duplicate_dialog import DuplicateDialog
from ui.patient_dialog import PatientDialog

OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")


def _save(widget, name: str) -> None:
    widget.grab().save(str(Path(OUT) / name))


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_patients_screenshots(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    window.resize(1280, 720)
    clinic = set_up_clinic(core)
    people = [
        ("Wanjiru", "Kamau", "1990-04-02", "0712345678", "Gatundu"),
        ("Wanjiku", "Kamau", "1985-11-20", "0733111222", "Kiambu"),
        ("Achieng", "Otieno", "1978-06-09", "0722000111", "Kisumu"),
        ("Mohamed", "Abdi", "", "0711222333", "Garissa"),
    ]
    ids = []
    for given, family, born, phone, village in people:
        data = PatientInput(
            given_name=given,
            family_name=family,
            birth_date=born,
            estimated_age_years="" if born else "45",
            phone=phone,
            village=village,
        )
        ids.append(core.patients.register(data, confirmed_new=True).value)
    for days, hour in ((3, 10), (10, 9)):
        when = dt.datetime.combine(core.today() + dt.timedelta(days=days), dt.time(hour))
        core.schedule.book(
            patient_id=ids[0],
            provider_id=clinic.provider_id,
            type_id=clinic.type_id,
            starts_at=when,
        )

    window.find_patient()
    patients = window.patients
    qtbot.keyClicks(patients.search_field, "wanjru kam")
    qtbot.waitUntil(lambda: patients._hits_query == "wanjru kam", timeout=20_000)
    _save(window, "desk-05-patients-search.png")

    window.new_patient()
    dialog = find_window(PatientDialog)
    type_into(
        qtbot, dialog, given_name="", family_name="Kamau", phone="12", birth_date="2031-02-30"
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["given_name"].isVisible(), timeout=20_000)
    qtbot.wait(100)
    _save(dialog, "desk-06-registration-validation.png")

    type_into(
        qtbot,
        dialog,
        given_name="Wanjiru",
        phone="0712 345 678",
        birth_date="02/04/1990",
        village="Gatundu",
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(DuplicateDialog) is not None, timeout=20_000)
    duplicates = find_window(DuplicateDialog)
    qtbot.wait(100)
    _save(duplicates, "desk-07-duplicate-side-by-side.png")
    duplicates.open_buttons[0].click()

    record = patients.record
    qtbot.waitUntil(lambda: record.chart is not None, timeout=20_000)
    record.tabs.setCurrentIndex(1)
    qtbot.wait(100)
    _save(window, "desk-08-patient-record-appointments.png")
    record.tabs.setCurrentIndex(3)
    qtbot.wait(100)
    _save(window, "desk-08c-patient-record-history.png")


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_patients_screenshots_in_french(make_app, core, qtbot) -> None:
    core.settings.daily_backup = False
    app = make_app(language="fr")
    app._signed_in(core)
    assert app.session is not None
    window = app.session.window
    window.show()
    core.patients.register(
        PatientInput(
            given_name="Aminata",
            family_name="Diallo",
            birth_date="1988-05-14",
            phone="0712345678",
            village="Gatundu",
        ),
        confirmed_new=True,
    )
    window.new_patient()
    dialog = find_window(PatientDialog)
    type_into(qtbot, dialog, family_name="Diallo", phone="12", birth_date="30/02/2031")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["given_name"].isVisible(), timeout=20_000)
    qtbot.wait(100)
    _save(dialog, "desk-fr-06-registration-validation.png")
    type_into(
        qtbot,
        dialog,
        given_name="Aminata",
        phone="0712 345 678",
        birth_date="14/05/1988",
        village="Gatundu",
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(DuplicateDialog) is not None, timeout=20_000)
    qtbot.wait(100)
    _save(find_window(DuplicateDialog), "desk-fr-07-duplicate-side-by-side.png")
