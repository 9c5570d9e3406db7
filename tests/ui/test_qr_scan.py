"""Scanning HQ's enrolment QR code (ui/qr_scan.py) with QR images made here by zxing-cpp: a
valid link is read, a QR code of other text is refused in words, an image with no code gives
nothing; the dialog, fed by a frame source that stands for the camera (there is none here),
fills the join page's fields (and Settings → HQ's) and closes, Cancel and Esc close it and let
the camera go; without a camera, or without Qt Multimedia, there is no Scan button and typing
still works.
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any, ClassVar

import pytest
import zxingcpp
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtMultimedia import QVideoFrame
from PySide6.QtWidgets import QLabel, QWidget

from sync.protocol.enrol_link import EnrolLink, format_enrol_link
from tests.ui.mnemonics import clashes
from ui import qr_scan
from ui.qr_scan import FrameSource, ScanDialog, read_enrol_code
from ui.setup_flow import Page
from ui.util import is_alive

URL = "https://hq.kisumu-health.org:8443"
CODE = "K7QF-3MZP-WX9D-TR2H"
LINK = format_enrol_link(URL, CODE)
WAIT = 10_000


def qr(text: str, scale: int = 6) -> QImage:
    """A QR code of `text`, black on white with its quiet zone, as zxing-cpp draws it."""
    drawn = memoryview(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(scale))
    height, width = drawn.shape
    return QImage(
        bytes(drawn), width, height, drawn.strides[0], QImage.Format.Format_Grayscale8
    ).copy()


def frame(*codes: QImage, size: tuple[int, int] = (1280, 720)) -> QImage:
    """A camera-like frame: a grey room with the codes side by side in the middle."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(118, 124, 131))
    painter = QPainter(image)
    x = 80
    for code in codes:
        painter.drawImage(x, (size[1] - code.height()) // 2, code)
        x += code.width() + 60
    painter.end()
    return image


# -- the pure part --


def test_a_valid_enrolment_link_is_read() -> None:
    result = read_enrol_code(frame(qr(LINK)))
    assert result is not None
    assert result.link == EnrolLink(URL, CODE)
    assert result.text == LINK and result.problem == ""


def test_a_large_frame_of_another_format_is_read_too() -> None:
    # 1080p, premultiplied ARGB (as some cameras give): scaled down and turned grey first.
    image = frame(qr(LINK, scale=9), size=(1920, 1080))
    image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    result = read_enrol_code(image)
    assert result is not None and result.link == EnrolLink(URL, CODE)


def test_a_qr_code_of_other_text_is_refused_in_words() -> None:
    result = read_enrol_code(frame(qr("https://example.org/menu")))
    assert result is not None and result.link is None
    assert result.text == "https://example.org/menu"
    assert result.problem == (
        "This is not an Outpost enrolment link (it should start with outpost-enrol:)."
    )
    newer = read_enrol_code(frame(qr("outpost-enrol:v2?url=https%3A%2F%2Fhq&code=ABCD-EFGH")))
    assert newer is not None and newer.link is None
    assert "newer kind" in newer.problem and "update Outpost" in newer.problem


def test_the_enrolment_link_wins_over_another_code_beside_it() -> None:
    result = read_enrol_code(frame(qr("WIFI:S:clinic;T:WPA;P:secret;;"), qr(LINK)))
    assert result is not None and result.link == EnrolLink(URL, CODE)


def test_an_image_with_no_code_gives_nothing() -> None:
    assert read_enrol_code(frame()) is None
    assert read_enrol_code(QImage()) is None


# -- the dialog, with a frame source standing for the camera --


class FakeCamera(FrameSource):
    """Sends `image` about 20 times a second while started, as a camera would."""

    made: ClassVar[list[FakeCamera]] = []

    def __init__(self, device: Any, parent: Any) -> None:
        super().__init__(parent)
        self.device = device
        self.image = frame()
        self._shown: QImage | None = None
        self.started = 0
        self.stopped = 0
        self.sent = 0
        self.running = False  # kept in Python: the dialog deletes its source when it closes
        self._view = QLabel()
        self._view.setObjectName("qr_scan_preview")
        self._view.setMinimumSize(320, 180)
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._send)
        FakeCamera.made.append(self)

    def preview(self) -> QWidget:
        return self._view

    def start(self) -> None:
        self.started += 1
        self.running = True
        self._timer.start()

    def stop(self) -> None:
        self.stopped += 1
        self.running = False
        self._timer.stop()

    def _send(self) -> None:
        self.sent += 1
        if self.image is not self._shown:
            self._shown = self.image
            self._view.setPixmap(QPixmap.fromImage(self.image).scaledToWidth(320))
        # A video frame, as a camera's video sink gives: turned into an image on the decoder's
        # thread.
        self.on_frame(QVideoFrame(self.image))


class FakeDevice:
    def __init__(self, name: str) -> None:
        self.name = name

    def description(self) -> str:
        return self.name


@pytest.fixture
def one_camera(monkeypatch) -> list[FakeCamera]:
    """The laptop has one camera, and the dialog's frames come from a FakeCamera."""
    FakeCamera.made = []
    monkeypatch.setattr(qr_scan, "cameras", lambda: [FakeDevice("Integrated Camera")])
    monkeypatch.setattr(qr_scan, "open_camera", FakeCamera)
    return FakeCamera.made


def _click_radio(qtbot, radio) -> None:
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _join_page(make_app, qtbot):
    app = make_app()
    app.start()
    wizard = app.wizard
    assert wizard is not None and wizard.isVisible()
    _click_radio(qtbot, wizard.join_choice)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.JOIN
    return wizard


def decoding_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("qr-decode")]


def closed(dialog: ScanDialog) -> bool:
    """Closed (and then deleted, later: it deletes itself on closing)."""
    return not is_alive(dialog) or not dialog.isVisible()


def _open_dialog(qtbot, button) -> ScanDialog:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in button.window().findChildren(ScanDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.windowTitle() == "Scan the code on HQ's screen"
    assert dialog.isModal()
    return dialog


def test_a_scan_fills_the_join_page_and_closes(one_camera, make_app, qtbot, monkeypatch) -> None:
    decoded: list[int] = []

    def counted(image: QImage):
        decoded.append(1)
        return read_enrol_code(image)

    monkeypatch.setattr(qr_scan, "read_enrol_code", counted)
    wizard = _join_page(make_app, qtbot)
    join = wizard.join
    button = join.scan_button
    assert button is not None and button.isVisible()
    assert button.text() == "Scan QR co&de…"
    assert clashes(wizard) == {}  # its Alt+D is the page's only D

    dialog = _open_dialog(qtbot, button)
    (camera,) = one_camera
    assert camera.device.name == "Integrated Camera" and camera.running
    assert not dialog.camera_choice.isVisible()  # one camera: nothing to choose

    # Nothing in the picture yet: still looking, still open.
    qtbot.waitUntil(lambda: dialog.status.text() == "Looking for the QR code…", timeout=WAIT)
    qtbot.wait(400)
    assert dialog.isVisible() and not join.server_url.text()
    # No Python-emitted signal and no void call into Qt per frame (in this PySide6 each
    # drops a reference to True or None: see ui.qr_scan), so a camera's 30 frames a second
    # do not wear them down: 3,000 frames as they come between two decodes.
    still = QVideoFrame(frame())
    true_refs, none_refs = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(3_000):
        dialog._frame(still)
    assert true_refs - sys.getrefcount(True) < 100
    assert none_refs - sys.getrefcount(None) < 100

    # A QR code of something else: said in words, and scanning goes on.
    camera.image = frame(qr("https://example.org/menu"))
    qtbot.waitUntil(lambda: "not an Outpost enrolment link" in dialog.status.text(), timeout=WAIT)
    assert dialog.status.text() == (
        "This QR code is not an Outpost enrolment link. Show the QR code from HQ's console "
        "(Enrolment, for this clinic), or press Cancel and type HQ's address and the code."
    )
    assert dialog.isVisible() and camera.running and not join.server_url.text()

    # An enrolment link of a newer kind: the reason is the link's own.
    camera.image = frame(qr("outpost-enrol:v2?url=https%3A%2F%2Fhq&code=ABCD-EFGH"))
    qtbot.waitUntil(lambda: "cannot use" in dialog.status.text(), timeout=WAIT)
    assert dialog.status.text() == (
        "This QR code is an enrolment link this Outpost cannot use. This enrolment link is of "
        "a newer kind (v2): update Outpost, or type HQ's address and the code instead. HQ's "
        "console also shows the address and the code as text: press Cancel to type them."
    )
    assert dialog.isVisible() and not join.server_url.text()

    # HQ's code: the fields are filled as from a pasted link, the dialog closes, camera off.
    camera.image = frame(qr(LINK))
    qtbot.waitUntil(lambda: closed(dialog), timeout=WAIT)
    assert join.server_url.text() == URL and join.code.text() == CODE
    assert join.link.text() == LINK
    assert join.link_message.text() == "✓ HQ's address and the code are filled in from the link."
    assert wizard.flow.answers.server_url == URL and wizard.flow.answers.code == CODE
    assert not camera.running and camera.stopped >= 1
    assert not decoding_threads()
    # A few frames a second were decoded, not all the camera sent (about 20 a second).
    sent = camera.sent
    assert 3 <= len(decoded) < sent
    qtbot.wait(200)
    assert camera.sent == sent  # nothing is sent once closed
    assert wizard.flow.page is Page.JOIN  # the person still signs in and presses Join


def test_cancel_and_esc_close_the_dialog_and_let_the_camera_go(one_camera, make_app, qtbot) -> None:
    wizard = _join_page(make_app, qtbot)
    button = wizard.join.scan_button
    dialog = _open_dialog(qtbot, button)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert closed(dialog)
    assert not one_camera[0].running and not decoding_threads()

    dialog = _open_dialog(qtbot, button)
    qtbot.waitUntil(lambda: one_camera[1].sent > 2, timeout=WAIT)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert closed(dialog) and not one_camera[1].running
    assert not wizard.join.server_url.text()  # nothing filled
    assert wizard.isVisible() and wizard.flow.page is Page.JOIN


def test_a_camera_that_fails_is_said_in_words(one_camera, make_app, qtbot) -> None:
    wizard = _join_page(make_app, qtbot)
    dialog = _open_dialog(qtbot, wizard.join.scan_button)
    one_camera[0].failed.emit("The camera could not be used (Device or resource busy).")
    assert dialog.status.text() == "The camera could not be used (Device or resource busy)."
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert closed(dialog)


def test_a_camera_that_shows_nothing_is_said(one_camera, make_app, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(qr_scan, "NO_PICTURE_MS", 50)
    wizard = _join_page(make_app, qtbot)
    button = wizard.join.scan_button
    monkeypatch.setattr(FakeCamera, "start", lambda self: None)  # no frame ever comes
    dialog = _open_dialog(qtbot, button)
    qtbot.waitUntil(
        lambda: dialog.status.text().startswith("No picture comes from the camera."),
        timeout=WAIT,
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert closed(dialog)


def test_settings_hq_scan_fills_the_address_and_the_code(one_camera, signed_in, qtbot) -> None:
    window = signed_in.window
    window.show()
    window.nav.setCurrentRow(3)
    tabs = window.settings.tabs
    panel = window.settings.hq
    tabs.setCurrentWidget(panel)
    button = panel.scan_button
    assert button is not None and button.isVisible()
    assert clashes(window) == {}  # Alt+D is free on Settings → HQ as well

    dialog = _open_dialog(qtbot, button)
    one_camera[0].image = frame(qr(LINK))
    qtbot.waitUntil(lambda: closed(dialog), timeout=WAIT)
    assert panel.url.text() == URL and panel.code.text() == CODE
    assert panel.message.text() == (
        "HQ's address and the code are filled in from the QR code: press Connect."
    )
    assert not one_camera[0].running


# -- no camera, no Qt Multimedia: no button, typing works --


def test_without_a_camera_the_button_is_absent(monkeypatch, make_app, qtbot) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    laptop: list[FakeDevice] = []
    monkeypatch.setattr(qr_scan, "cameras", lambda: list(laptop))
    monkeypatch.setattr(qr_scan, "open_camera", FakeCamera)
    wizard = _join_page(make_app, qtbot)
    join = wizard.join
    button = join.scan_button
    assert button.available and not button.isVisible()
    join.link.setText(LINK)  # pasting the link still fills the fields
    assert join.server_url.text() == URL and join.code.text() == CODE

    # A camera plugged in: the button appears; unplugged, it goes.
    laptop.append(FakeDevice("USB camera"))
    button.findChild(QMediaDevices).videoInputsChanged.emit()
    assert button.isVisible()
    laptop.clear()
    button.findChild(QMediaDevices).videoInputsChanged.emit()
    assert not button.isVisible()


def test_qt_multimedia_is_loaded_only_when_the_page_is_shown(monkeypatch, make_app, qtbot):
    asked: list[int] = []
    real = qr_scan.multimedia

    def counted():
        asked.append(1)
        return real()

    monkeypatch.setattr(qr_scan, "multimedia", counted)
    app = make_app()
    app.start()
    assert app.wizard is not None and app.wizard.isVisible()
    assert asked == []  # the wizard's first page: no Qt Multimedia yet
    _click_radio(qtbot, app.wizard.join_choice)
    qtbot.mouseClick(app.wizard.next_button, Qt.MouseButton.LeftButton)
    assert app.wizard.flow.page is Page.JOIN
    assert asked  # now, for the join page's button


def test_without_qt_multimedia_there_is_no_button_and_a_log_line(
    monkeypatch, make_app, qtbot, caplog
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as if not installed
    assert qr_scan.cameras() == []
    with caplog.at_level(logging.INFO, logger="ui.qr_scan"):
        wizard = _join_page(make_app, qtbot)
    join = wizard.join
    assert not join.scan_button.available and not join.scan_button.isVisible()
    assert any(
        "QR scanning is off: Qt Multimedia or the QR decoder cannot be loaded" in r.getMessage()
        for r in caplog.records
    )
    qtbot.keyClicks(join.server_url, URL)
    qtbot.keyClicks(join.code, CODE)
    assert wizard.flow.answers.server_url == URL and wizard.flow.answers.code == CODE


def test_the_default_camera_is_offered_first(monkeypatch) -> None:
    class Devices:
        @staticmethod
        def videoInputs() -> list[str]:
            return ["ir", "front"]

        @staticmethod
        def defaultVideoInput() -> str:
            return "front"

    class Multimedia:
        QMediaDevices = Devices

    monkeypatch.setattr(qr_scan, "multimedia", lambda: Multimedia)
    assert qr_scan.cameras() == ["front", "ir"]


def test_a_camera_that_cannot_be_opened_is_said_in_words(qtbot) -> None:
    # The real camera source, on a camera that is not there (unplugged since it was listed).
    from PySide6.QtMultimedia import QCameraDevice

    owner = QWidget()
    source = qr_scan.CameraSource(QCameraDevice(), owner)
    said: list[str] = []
    source.failed.connect(said.append)
    source.start()
    assert said == [
        "The camera could not be used (No camera detected). Check that no other program is "
        "using it, or press Cancel and type HQ's address and the code."
    ]
    source.stop()  # let go of, without a fuss
    owner.deleteLater()
