"""Scanning the enrolment QR code off HQ's screen with the laptop's camera.

HQ's console shows an enrolment link (`outpost-enrol:v1?url=…&code=…`,
sync.protocol.enrol_link) as a QR code. "Scan QR code…" beside the typed fields opens a small
dialog with the camera's live picture; a few frames a second are decoded (zxing-cpp) on the
dialog's own thread, never on the GUI thread, and the first one that holds a valid enrolment
link fills the caller's fields and closes the dialog. A QR code of anything else is said in
plain words, and scanning goes on. Cancel or Esc always closes it, and closing releases the
camera.

Typing must always work, so scanning is an extra: Qt Multimedia (PySide6-Addons) is imported
only when a page with the button is first shown (not while the app starts or signs in), and
the button shows only when that import works and the laptop has a camera (it appears when one
is plugged in). A missing or broken Qt Multimedia is one log line, never a failed start.

`read_enrol_code(image)` is the pure part (an image in, the link or why not out); the camera
is one `FrameSource`, and tests hand the dialog another.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sync.protocol.enrol_link import SCHEME, EnrolLink, EnrolLinkError, parse_enrol_link
from ui.util import is_alive

log = logging.getLogger(__name__)

# Frames decoded at most this often (a few a second: enough to feel instant, little CPU on
# an old laptop); a frame that comes while one is being decoded is skipped.
DECODE_EVERY_MS = 250
# Larger frames are scaled down first: a QR code on a screen held up to a laptop's camera
# is large in the picture, and a 1080p frame would only cost time.
MAX_SIDE = 1280
# When to say that nothing comes from the camera, or that nothing was read yet.
NO_PICTURE_MS = 5_000
# How often the GUI thread looks whether the frame being decoded is done.
COLLECT_EVERY_MS = 40
NOTHING_READ_MS = 10_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("QrScan", text)


# -- the pure part --


@dataclass(frozen=True)
class ScanResult:
    """A QR code read from an image: its text, and the enrolment link in it or why not."""

    text: str
    link: EnrolLink | None
    problem: str = ""  # why the text is no usable enrolment link ("" when `link` is set)


def read_enrol_code(image: QImage) -> ScanResult | None:
    """The QR codes in `image` (any QImage format): the first that is a valid enrolment link,
    else the first code read with why it is not one; None when the image holds no QR code."""
    import zxingcpp

    if image.isNull():
        return None
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    # Grey levels are what the decoder reads; converting here takes any camera format.
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    view = zxingcpp.ImageView(
        grey.constBits(),
        grey.width(),
        grey.height(),
        zxingcpp.ImageFormat.Lum,
        grey.bytesPerLine(),
    )
    found = zxingcpp.read_barcodes(
        view, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    first: ScanResult | None = None
    for barcode in found:
        text = barcode.text
        try:
            return ScanResult(text, parse_enrol_link(text))
        except EnrolLinkError as exc:
            if first is None:
                first = ScanResult(text, None, str(exc))
    return first


# -- whether scanning is possible here --


def multimedia() -> ModuleType | None:
    """Qt Multimedia, or None (logged once a call) when it or the QR decoder cannot be loaded:
    then there is no Scan button and the address and code are typed."""
    try:
        importlib.import_module("zxingcpp")
        qt_multimedia = importlib.import_module("PySide6.QtMultimedia")
    except Exception as exc:  # a missing package, or a broken one (a library that won't load)
        log.info(
            "QR scanning is off: Qt Multimedia or the QR decoder cannot be loaded (%s: %s); "
            "HQ's address and the code are typed",
            type(exc).__name__,
            exc,
        )
        return None
    return qt_multimedia


def cameras() -> list[Any]:
    """The laptop's cameras (QCameraDevice), the system's default first; [] without Qt
    Multimedia."""
    qm = multimedia()
    if qm is None:
        return []
    inputs = list(qm.QMediaDevices.videoInputs())
    default = qm.QMediaDevices.defaultVideoInput()
    inputs.sort(key=lambda device: device != default)
    return inputs


def camera_name(device: Any) -> str:
    return str(device.description()) or _tr("Camera")


# -- where frames come from --


class FrameSource(QObject):
    """Pictures for the dialog: each frame (a QVideoFrame or a QImage) is handed to
    `on_frame` on the GUI thread; `failed` carries a reason in words. The camera is one; a
    test hands the dialog another.

    Frames are a plain call, not a Python-emitted signal: in PySide6 6.12.0 on CPython 3.11
    each `Signal.emit()` from Python drops a reference to True, and at a camera's 30 frames
    a second that ends in "Fatal Python error: bool_dealloc" within minutes."""

    failed = Signal(str)  # rare: one emit per camera failure

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_frame: Callable[[Any], None] = lambda _frame: None

    def preview(self) -> QWidget:
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class CameraSource(FrameSource):
    """A camera's live picture in a QVideoWidget, its frames passed on as they come."""

    def __init__(self, device: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self._camera = QCamera(device, self)
        self._session = QMediaCaptureSession(self)
        self._widget = QVideoWidget()
        self._widget.setObjectName("qr_scan_preview")
        self._widget.setMinimumSize(320, 240)
        self._session.setCamera(self._camera)
        self._session.setVideoOutput(self._widget)
        self._widget.videoSink().videoFrameChanged.connect(self._pass_on)
        self._camera.errorOccurred.connect(self._error)

    def preview(self) -> QWidget:
        return self._widget

    def _pass_on(self, frame: Any) -> None:
        # Emitted by Qt's video sink (in C++), delivered here on the GUI thread.
        self.on_frame(frame)

    def start(self) -> None:
        from PySide6.QtCore import QCameraPermission

        app = QCoreApplication.instance()
        assert app is not None
        permission = QCameraPermission()
        status = app.checkPermission(permission)
        if status == Qt.PermissionStatus.Undetermined:  # the system asks the person (macOS)
            app.requestPermission(permission, self, self._permission_answered)
        elif status == Qt.PermissionStatus.Denied:
            self._permission_answered(permission)
        else:
            self._start_camera()

    def _start_camera(self) -> None:
        from PySide6.QtMultimedia import QCamera

        if self._camera.error() != QCamera.Error.NoError:  # e.g. unplugged since it was listed
            self._error(self._camera.error(), self._camera.errorString())
            return
        self._camera.start()

    def _permission_answered(self, permission: Any) -> None:
        app = QCoreApplication.instance()
        if app is not None and app.checkPermission(permission) == Qt.PermissionStatus.Granted:
            self._start_camera()
            return
        self.failed.emit(
            _tr(
                "Outpost is not allowed to use the camera. Allow it in the system's privacy "
                "settings, or press Cancel and type HQ's address and the code."
            )
        )

    def stop(self) -> None:
        # Stopped and let go of now (not when Python collects the dialog): the camera's light
        # goes off and another program may use it.
        self._camera.stop()
        self._session.setCamera(None)  # type: ignore[arg-type]  # (Qt takes a null camera)

    def _error(self, _error: Any, reason: str) -> None:
        log.warning("camera error while scanning a QR code: %s", reason)
        self.failed.emit(
            _tr(
                "The camera could not be used ({reason}). Check that no other program is using "
                "it, or press Cancel and type HQ's address and the code."
            ).format(reason=reason.rstrip(". ") or _tr("no reason given"))
        )


def open_camera(device: Any, parent: QObject) -> FrameSource:
    """The frame source for a camera (tests replace this)."""
    return CameraSource(device, parent)


# -- decoding off the GUI thread --


def _decode_frame(frame: Any) -> ScanResult | None:
    """On the decoder's thread: a frame (QVideoFrame or QImage) to what it shows."""
    try:
        image = frame if isinstance(frame, QImage) else frame.toImage()
        return read_enrol_code(image)
    except Exception:
        log.exception("a camera frame could not be decoded")
        return None


# -- the dialog --


class ScanDialog(QDialog):
    """ "Scan the code on HQ's screen": the camera's picture, what was read, and Cancel.
    `found` carries the ScanResult of the first valid enrolment link, then the dialog
    closes."""

    found = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qr_scan")
        self.setWindowTitle(_tr("Scan the code on HQ's screen"))
        self._devices = cameras()
        self._source: FrameSource | None = None
        self._decoding: Future[ScanResult | None] | None = None
        self._done = False  # a link was found, or the dialog closed
        self._frames = 0
        self._read_any = False
        self._sent_at = -1.0  # time.monotonic() of the last frame sent to the decoder

        intro = QLabel(
            _tr(
                "Hold the QR code that HQ's console shows for this clinic in front of this "
                "laptop's camera. HQ's address and the code are filled in as soon as it is read."
            )
        )
        intro.setWordWrap(True)
        self.camera_choice = QComboBox()
        self.camera_choice.setObjectName("qr_scan_camera")
        self.camera_choice.setAccessibleName(_tr("Camera"))
        for device in self._devices:
            self.camera_choice.addItem(camera_name(device))
        self.camera_choice.setVisible(len(self._devices) > 1)
        self.camera_choice.currentIndexChanged.connect(self._use_camera)
        self.preview_box = QVBoxLayout()
        self.status = QLabel(_tr("Starting the camera…"))
        self.status.setObjectName("qr_scan_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for the longest message, so the picture does not jump as the words change.
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 4)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.camera_choice)
        layout.addLayout(self.preview_box, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 520)

        # One thread decodes, one frame at a time; its result is picked up by a timer on the
        # GUI thread (no Python-emitted signal per frame: see FrameSource). The thread touches
        # no widget, only the frame it is given.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qr-decode")
        # It ticks all the while the dialog is open: starting and stopping it per frame would
        # cost a reference to None each time (void calls into PySide6 6.12 on CPython 3.11
        # lose one), a tick costs nothing.
        self._collect = QTimer(self)
        self._collect.setInterval(COLLECT_EVERY_MS)
        self._collect.timeout.connect(self._collect_result)
        self._collect.start()

        self._hint = QTimer(self)
        self._hint.setSingleShot(True)
        self._hint.timeout.connect(self._no_progress)
        self._use_camera(0)

    # -- the camera --

    def _use_camera(self, index: int) -> None:
        if self._source is not None:
            self._source.stop()
            self._source.preview().hide()
            self._source.deleteLater()
            self._source = None
        if not 0 <= index < len(self._devices):
            self._say(
                _tr("No camera is connected. Press Cancel and type HQ's address and the code.")
            )
            return
        self._frames = 0
        source = open_camera(self._devices[index], self)
        source.on_frame = self._frame
        source.failed.connect(self._failed)
        self.preview_box.addWidget(source.preview())
        self._source = source
        self._say(_tr("Starting the camera…"))
        self._hint.start(NO_PICTURE_MS)
        source.start()

    def _frame(self, frame: Any) -> None:
        if self._done:
            return
        self._frames += 1
        if self._frames == 1:
            self._say(_tr("Looking for the QR code…"))
            self._hint.start(NOTHING_READ_MS)
        now = time.monotonic()
        if self._decoding is not None or now - self._sent_at < DECODE_EVERY_MS / 1000:
            return
        self._sent_at = now
        self._decoding = self._pool.submit(_decode_frame, frame)

    def _collect_result(self) -> None:
        decoding = self._decoding
        if decoding is None or not decoding.done():
            return
        self._decoding = None
        self._decoded(decoding.result())

    def _decoded(self, result: ScanResult | None) -> None:
        if self._done or result is None:
            return
        self._read_any = True
        if result.link is None:
            if result.text.strip().lower().startswith(SCHEME + ":"):
                # An enrolment link this Outpost cannot use: the parser says why (a newer kind,
                # a damaged address or code).
                words = _tr(
                    "This QR code is an enrolment link this Outpost cannot use. {why} HQ's "
                    "console also shows the address and the code as text: press Cancel to type "
                    "them."
                ).format(why=result.problem)
            else:
                words = _tr(
                    "This QR code is not an Outpost enrolment link. Show the QR code from HQ's "
                    "console (Enrolment, for this clinic), or press Cancel and type HQ's address "
                    "and the code."
                )
            self._say(words)
            return
        self._done = True
        self._say(_tr("Read: HQ's address and the code are filled in."))
        self.found.emit(result)
        self.accept()

    def _say(self, text: str) -> None:
        if self.status.text() != text:  # the same words again and again as frames come
            self.status.setText(text)

    def _failed(self, reason: str) -> None:
        if not self._done:
            self._hint.stop()
            self._say(reason)

    def _no_progress(self) -> None:
        if self._done or self._read_any:
            return
        if self._frames == 0:
            self._say(
                _tr(
                    "No picture comes from the camera. Check that no other program is using "
                    "it, or press Cancel and type HQ's address and the code."
                )
            )
        else:
            self._say(
                _tr(
                    "No QR code read yet. Hold it steady, a little closer and out of glare, "
                    "or press Cancel and type HQ's address and the code."
                )
            )

    # -- closing --

    def done(self, result: int) -> None:
        """Accept, Cancel, Esc and the window's close button all end here: the camera and the
        decoder's thread are let go before the dialog goes."""
        self._done = True
        self._hint.stop()
        self._collect.stop()
        if self._source is not None:
            self._source.stop()
        # Waits for the frame being decoded, if any (a few tens of milliseconds at most).
        self._pool.shutdown(wait=True, cancel_futures=True)
        super().done(result)


def open_scan_dialog(parent: QWidget, on_found: Callable[[ScanResult], None]) -> ScanDialog:
    """Opens the dialog (window-modal, not blocking); `on_found` gets the link read."""
    dialog = ScanDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.found.connect(on_found)
    dialog.open()
    return dialog


class ScanButton(QPushButton):
    """ "Scan QR code…" for a page with HQ's address and the code. Hidden until the page is
    first shown; only then is Qt Multimedia loaded and asked for cameras (not while the app
    starts or signs in), and the button is shown while the laptop has a camera. Without Qt
    Multimedia it stays hidden: the address and the code are typed."""

    def __init__(self, page: QWidget, on_found: Callable[[ScanResult], None]) -> None:
        super().__init__(_tr("Scan QR co&de…"), page)
        self.setObjectName("qr_scan_button")
        self.setToolTip(_tr("Read HQ's address and the code from the QR code on HQ's screen"))
        self.hide()
        self.available = False  # Qt Multimedia loaded: cameras are looked for
        self._page = page
        self._on_found = on_found
        self.clicked.connect(self._scan)
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show:
            self._page.removeEventFilter(self)  # once
            self._look_for_cameras()
        return False

    def _look_for_cameras(self) -> None:
        qm = multimedia()
        if qm is None:
            return
        self.available = True
        devices = qm.QMediaDevices(self)  # kept by the button: tells when cameras come and go
        devices.videoInputsChanged.connect(self._cameras_changed)
        self._cameras_changed()

    def _cameras_changed(self) -> None:
        if is_alive(self):
            self.setVisible(bool(cameras()))

    def _scan(self) -> None:
        open_scan_dialog(self.window(), self._on_found)


def scan_button(page: QWidget, on_found: Callable[[ScanResult], None]) -> ScanButton:
    """The Scan button for `page` (see ScanButton); `on_found` gets a valid link read."""
    return ScanButton(page, on_found)
