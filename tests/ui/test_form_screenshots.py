"""The forms screenshots in docs/screenshots (form_*.png), made under Xvfb on demand:

    OUTPOST_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m pytest \
        tests/ui/test_form_screenshots.py

Skipped in the normal test run.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint

from tests.ui.test_form_view import (
    LEFT,
    answer_consent,
    choose,
    confirm_completion,
    draw,
    make_desk,
    new_patient,
    open_new_form,
    type_text,
)
from tests.ui.test_print_preview import completed_intake, wait_for_preview

OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")

SIGNATURE = (
    (
        (40, 95),
        (60, 60),
        (75, 100),
        (95, 55),
        (110, 98),
        (135, 70),
        (160, 92),
        (190, 60),
        (215, 95),
        (250, 75),
        (290, 88),
    ),
    ((50, 118), (300, 112)),
)


def scroll_to(view, section: str) -> None:
    top = view.sections[section].mapTo(view.scroll_area.widget(), QPoint(0, 0)).y()
    view.scroll_area.verticalScrollBar().setValue(top - 10)


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_forms_screenshots(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in, phone="0712345678", village="Gatundu")

    view = open_new_form(qtbot, signed_in, desk, patient_id, "intake")
    view.resize(1366, 740)
    type_text(qtbot, view, "reason", "Fever and headache for three days, vomiting since yesterday.")
    for symptom in ("fever", "headache", "vomiting"):
        view.rows["symptoms"].widget.box(symptom).click()
    choose(qtbot, view, "has_chronic", True)
    view.rows["chronic_conditions"].widget.box("hypertension").click()
    choose(qtbot, view, "has_allergies", True)
    type_text(qtbot, view, "allergies", "Penicillin: rash and swollen lips.")
    choose(qtbot, view, "takes_medication", True)
    bp = view.rows["bp"].widget
    qtbot.keyClicks(bp.edits["systolic"], "148")
    qtbot.keyClicks(bp.edits["diastolic"], "94")
    qtbot.keyClicks(view.rows["temperature"].widget.focus_target(), "386")
    view._left("temperature")  # what leaving the field does (no window focus under Xvfb)
    qtbot.keyClicks(view.rows["pulse"].widget.focus_target(), "104")
    qtbot.wait(300)
    scroll_to(view, "medications")
    qtbot.wait(300)
    view.grab().save(f"{OUT}/form_intake.png")
    view.close()

    view = open_new_form(qtbot, signed_in, desk, patient_id, "consent_treatment")
    view.resize(1366, 740)
    answer_consent(qtbot, view)
    draw(qtbot, view.rows["patient_signature"].widget.pad, strokes=SIGNATURE)
    draw(qtbot, view.rows["staff_signature"].widget.pad, strokes=SIGNATURE[:1])
    qtbot.mouseClick(view.complete_button, LEFT)
    confirm_completion(qtbot, view)
    qtbot.waitUntil(lambda: view.status == "signed", timeout=20_000)
    qtbot.wait(200)
    scroll_to(view, "signatures")
    qtbot.wait(300)
    view.grab().save(f"{OUT}/form_consent_signed.png")
    view.close()

    desk.preview_record(signed_in.window, completed_intake(signed_in, patient_id))
    preview = wait_for_preview(qtbot, desk)
    preview.resize(1000, 740)
    qtbot.wait(400)
    preview.grab().save(f"{OUT}/form_print_preview.png")
