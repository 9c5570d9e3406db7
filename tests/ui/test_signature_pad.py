"""The signature pad (mouse, touch, pen), and consents signed on it or by thumbprint with a
witness: stored as signed, read-only afterwards, corrected only by a new version."""

from __future__ import annotations

import base64

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.test_form_view import (
    LEFT,
    answer_consent,
    choose,
    confirm_completion,
    draw,
    make_desk,
    new_patient,
    open_new_form,
    stored,
    type_text,
)
from ui.signature_pad import MAX_PNG_BYTES, SignaturePad


def tick(qtbot, button) -> None:
    """Click a check box or radio button on its box, as a person does."""
    qtbot.mouseClick(button, LEFT, pos=QPoint(6, button.height() // 2))


def png_size(png: bytes) -> tuple[int, int]:
    image = QImage.fromData(png)
    assert not image.isNull()
    return image.width(), image.height()


def test_mouse_strokes_make_a_trimmed_png(qtbot) -> None:
    pad = SignaturePad()
    pad.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # deleted on the GUI thread
    qtbot.addWidget(pad)
    pad.resize(520, 160)
    pad.show()
    assert not pad.has_ink
    draw(qtbot, pad, strokes=(((100, 60), (140, 40), (180, 70)),))
    assert pad.has_ink and len(pad.strokes) == 1 and len(pad.strokes[0]) == 3
    png = pad.to_png()
    assert png.startswith(b"\x89PNG") and len(png) <= MAX_PNG_BYTES
    width, height = png_size(png)
    # Trimmed to the ink (80 × 30 px drawn, at twice the resolution, plus a margin).
    assert 160 <= width < 260 and 60 <= height < 140
    image = QImage.fromData(png)
    assert image.pixelColor(0, 0).alpha() == 0  # transparent around the ink
    white = QImage.fromData(pad.to_png(transparent=False))
    assert white.pixelColor(0, 0).name() == "#ffffff"
    cleared = []
    pad.cleared.connect(lambda: cleared.append(True))
    pad.clear()
    assert not pad.has_ink and cleared == [True]


def test_touch_and_pen_strokes_are_captured(qtbot) -> None:
    pad = SignaturePad()
    pad.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # deleted on the GUI thread
    qtbot.addWidget(pad)
    pad.resize(520, 160)
    pad.show()
    touch = QTest.createTouchDevice()
    QTest.touchEvent(pad, touch).press(0, QPoint(20, 50)).commit()
    QTest.touchEvent(pad, touch).move(0, QPoint(60, 80)).commit()
    QTest.touchEvent(pad, touch).move(0, QPoint(110, 60)).commit()
    QTest.touchEvent(pad, touch).release(0, QPoint(110, 60)).commit()
    assert len(pad.strokes) == 1 and len(pad.strokes[0]) >= 3

    pen = QPointingDevice.primaryPointingDevice()
    for kind, x, pressure in (
        (QTabletEvent.Type.TabletPress, 200, 0.2),
        (QTabletEvent.Type.TabletMove, 260, 0.9),
        (QTabletEvent.Type.TabletMove, 320, 1.0),
        (QTabletEvent.Type.TabletRelease, 320, 0.0),
    ):
        point = QPointF(x, 90)
        event = QTabletEvent(
            kind,
            pen,
            point,
            pad.mapToGlobal(point),
            pressure,
            0,
            0,
            0,
            0,
            0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad, event)
        assert event.isAccepted()
    assert len(pad.strokes) == 2
    pressures = [p.pressure for p in pad.strokes[1]]
    assert pressures[0] < 0.5 < pressures[-1]  # the pen's pressure is kept
    assert len(pad.to_png()) <= MAX_PNG_BYTES


def test_consent_signed_on_the_pad_becomes_signed_and_read_only(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "consent_treatment")
    view.resize(1100, 760)
    answer_consent(qtbot, view)
    # Not signed yet: the form says so beside the patient's signature.
    qtbot.mouseClick(view.complete_button, LEFT)
    assert "must sign" in view.rows["patient_signature"].error
    assert view.status == "draft"

    signature = view.rows["patient_signature"].widget
    assert signature.name.text() == "Amina Wanjiru Juma"  # the patient, suggested
    view.scroll_area.ensureWidgetVisible(signature.pad)
    draw(qtbot, signature.pad)
    assert not view.rows["patient_signature"].error  # fixed as soon as signed
    qtbot.mouseClick(view.complete_button, LEFT)
    confirm_completion(qtbot, view)
    qtbot.waitUntil(lambda: view.status == "signed", timeout=20_000)

    status, answers, record = stored(signed_in, view.record_id)
    assert status == "signed" and record.signed_at is not None
    drawn = answers["patient_signature"]
    assert drawn["method"] == "drawn" and drawn["signer_name"] == "Amina Wanjiru Juma"
    assert base64.b64decode(drawn["image_png"]) == signature.pad.to_png()
    assert "image_sha256" in record.answers["patient_signature"]  # stored once, by hash

    # Read-only, and it says so.
    assert view.read_only
    assert view.banner.isVisible() and "cannot be changed" in view.banner.text()
    assert not view.complete_button.isVisible() and view.correct_button.isVisible()
    assert view.rows["consent"].widget.buttons[0].isChecked()
    strokes = len(signature.pad.strokes)
    draw(qtbot, signature.pad)
    assert len(signature.pad.strokes) == strokes  # the pad no longer draws
    assert signature.name.isReadOnly()
    type_text(qtbot, view, "staff_name", "changed")
    assert "changed" not in str(view.answers()["staff_name"])


def test_thumbprint_and_witness_complete_a_consent(signed_in, qtbot, tmp_path) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "consent_treatment")
    answer_consent(qtbot, view)
    witness_row = view.rows["witness"]
    assert witness_row.isHidden()  # asked only once a thumbprint is given

    thumb = view.rows["patient_thumbprint"].widget
    tick(qtbot, thumb.given)
    assert not witness_row.isHidden()
    assert thumb.value()["method"] == "paper"  # on the printed copy, by default
    # A scanned print instead: the image is kept, small and grey.
    scan = QImage(1600, 2000, QImage.Format.Format_RGB32)
    scan.fill(Qt.GlobalColor.white)
    path = tmp_path / "thumb.png"
    assert scan.save(str(path))
    assert thumb.load_image_file(str(path))
    answer = thumb.value()
    assert answer["method"] == "thumbprint" and answer["signer_name"] == "Amina Wanjiru Juma"
    assert max(png_size(base64.b64decode(answer["image_png"]))) <= 700

    qtbot.mouseClick(view.complete_button, LEFT)
    assert witness_row.error  # a thumbprint needs its witness
    witness = witness_row.widget
    type_text(qtbot, view, "witness", "Zawadi Otieno")
    witness.role.setText("sister")
    draw(qtbot, witness.pad)
    qtbot.mouseClick(view.complete_button, LEFT)
    confirm_completion(qtbot, view)
    qtbot.waitUntil(lambda: view.status == "signed", timeout=20_000)
    _status, answers, _record = stored(signed_in, view.record_id)
    assert answers["patient_thumbprint"]["method"] == "thumbprint"
    assert answers["witness"]["signer_name"] == "Zawadi Otieno"
    assert answers["witness"]["role"] == "sister"
    assert answers["witness"]["method"] == "drawn"
    assert "patient_signature" not in answers


def test_paper_thumbprint_only_is_enough_with_a_witness(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "consent_records")
    choose(qtbot, view, "explained_language", "sw")
    for field_id in ("consent_keep", "consent_share"):
        choose(qtbot, view, field_id, True)
    choose(qtbot, view, "consent_contact", False)
    choose(qtbot, view, "signed_by", "patient")
    tick(qtbot, view.rows["patient_thumbprint"].widget.given)
    witness = view.rows["witness"].widget
    witness.name.setText("Zawadi Otieno")
    tick(qtbot, witness.on_paper)
    qtbot.mouseClick(view.complete_button, LEFT)
    confirm_completion(qtbot, view)
    qtbot.waitUntil(lambda: view.status == "signed", timeout=20_000)
    _status, answers, _record = stored(signed_in, view.record_id)
    assert answers["patient_thumbprint"]["method"] == "paper"
    assert answers["witness"]["method"] == "paper"
    assert "image_png" not in answers["patient_thumbprint"]


def test_a_correction_is_a_new_draft_that_points_to_the_signed_form(signed_in, qtbot) -> None:
    from ui.small_dialog import InputDialog

    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "consent_treatment")
    answer_consent(qtbot, view)
    draw(qtbot, view.rows["patient_signature"].widget.pad)
    qtbot.mouseClick(view.complete_button, LEFT)
    confirm_completion(qtbot, view)
    qtbot.waitUntil(lambda: view.status == "signed", timeout=20_000)
    signed_id = view.record_id

    qtbot.mouseClick(view.correct_button, LEFT)
    dialog = view.correction_dialog
    assert isinstance(dialog, InputDialog)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.errors["reason"].message  # a reason is required
    qtbot.keyClicks(dialog.fields["reason"], "Wrong language ticked")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: view.record_id != signed_id, timeout=20_000)

    assert view.status == "draft" and not view.read_only
    assert "Wrong language ticked" in view.banner.text()
    assert view.rows["consent"].widget.value() is True  # answers carried over
    assert view.rows["patient_signature"].widget.value() is None  # signatures are not
    status, _answers, record = stored(signed_in, view.record_id)
    assert status == "draft" and record.supersedes_id == signed_id
    assert record.correction_reason == "Wrong language ticked"
    old_status, old_answers, _old = stored(signed_in, signed_id)
    assert old_status == "signed" and "patient_signature" in old_answers
    assert desk.views[view.record_id] is view
