"""A signature pad: strokes drawn with a mouse, a finger (touch) or a pen (tablet, with
pressure), shown as smooth curves and exported as a small trimmed PNG.

The pad keeps the strokes as points in its own coordinates and draws them afresh on every
paint, so a resize never blurs them. A signature already stored (a draft reopened, a signed
form shown read-only) is shown as its image; drawing again starts a new signature.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

#: The forms library refuses larger images (forms.signatures.MAX_IMAGE_BYTES).
MAX_PNG_BYTES = 512 * 1024
MAX_SIDE = 4000
INK = QColor(20, 20, 60)
BASE_WIDTH = 2.6  # logical pixels at pressure 0.5
EXPORT_SCALE = 2.0  # exported pixels per logical pixel: sharp enough on paper


def _tr(text: str) -> str:
    return QCoreApplication.translate("SignaturePad", text)


@dataclass(frozen=True, slots=True)
class InkPoint:
    x: float
    y: float
    pressure: float  # 0..1; a mouse or a finger without pressure reports 0.5


Stroke = list[InkPoint]


def _width(pressure: float) -> float:
    return BASE_WIDTH * (0.45 + 1.1 * max(0.0, min(1.0, pressure)))


def paint_strokes(painter: QPainter, strokes: list[Stroke], color: QColor = INK) -> None:
    """Each stroke as quadratic curves through the midpoints of its samples (smooth even
    when the mouse reports few points), its width following the pen's pressure."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for stroke in strokes:
        if not stroke:
            continue
        if len(stroke) == 1:
            point = stroke[0]
            radius = _width(point.pressure) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(QPointF(point.x, point.y), radius, radius)
            continue
        previous_mid = QPointF(stroke[0].x, stroke[0].y)
        for i in range(1, len(stroke)):
            a, b = stroke[i - 1], stroke[i]
            mid = QPointF((a.x + b.x) / 2, (a.y + b.y) / 2)
            end = QPointF(b.x, b.y) if i == len(stroke) - 1 else mid
            path = QPainterPath(previous_mid)
            path.quadTo(QPointF(a.x, a.y), end)
            pen = QPen(color, _width((a.pressure + b.pressure) / 2))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            previous_mid = end


def strokes_bounds(strokes: list[Stroke]) -> QRectF:
    points = [p for stroke in strokes for p in stroke]
    if not points:
        return QRectF()
    left = min(p.x for p in points)
    top = min(p.y for p in points)
    right = max(p.x for p in points)
    bottom = max(p.y for p in points)
    margin = _width(1.0) + 2
    return QRectF(left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin)


def image_to_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes
    buffer.close()
    return bytes(data.data())


def strokes_to_png(
    strokes: list[Stroke], *, transparent: bool = True, scale: float = EXPORT_SCALE
) -> bytes:
    """The strokes, trimmed to their ink plus a small margin, as PNG bytes of at most
    512 KB (drawn smaller if they would not fit)."""
    bounds = strokes_bounds(strokes)
    if bounds.isEmpty():
        raise ValueError("nothing has been drawn")
    while True:
        width = max(1, min(MAX_SIDE, round(bounds.width() * scale)))
        height = max(1, min(MAX_SIDE, round(bounds.height() * scale)))
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor(0, 0, 0, 0) if transparent else QColor("white"))
        painter = QPainter(image)
        painter.scale(width / bounds.width(), height / bounds.height())
        painter.translate(-bounds.left(), -bounds.top())
        paint_strokes(painter, strokes)
        painter.end()
        png = image_to_png(image)
        if len(png) <= MAX_PNG_BYTES or scale < 0.3:
            return png
        scale *= 0.7


class SignaturePad(QWidget):
    """Draw with the left mouse button, a finger or a pen. `stroke_finished` is emitted
    each time the pen, finger or button is lifted; `cleared` after Clear."""

    stroke_finished = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._image: QImage | None = None
        self._image_png: bytes | None = None
        self._png_cache: bytes | None = None
        self._read_only = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(QSize(280, 130))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(_tr("Signature pad"))
        self.setAccessibleDescription(
            _tr("Sign here with the mouse, a finger or a pen. Clear starts again.")
        )

    def sizeHint(self) -> QSize:
        return QSize(520, 160)

    # -- state --

    @property
    def has_ink(self) -> bool:
        """Something is signed: strokes drawn here, or a stored signature shown."""
        return any(self.strokes) or self._image is not None

    @property
    def drawn_here(self) -> bool:
        return any(self.strokes)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)
        self.update()

    def clear(self) -> None:
        if self._read_only:
            return
        had = self.has_ink
        self.strokes = []
        self._current = None
        self._image = None
        self._image_png = None
        self._png_cache = None
        self.update()
        if had:
            self.cleared.emit()

    def show_png(self, png: bytes | None) -> None:
        """Show a stored signature (its strokes are not known any more)."""
        self.strokes = []
        self._current = None
        self._png_cache = None
        self._image_png = png
        image = QImage()
        self._image = image if png and image.loadFromData(png) and not image.isNull() else None
        self.update()

    def to_png(self, *, transparent: bool = True) -> bytes:
        """The signature as PNG bytes: the strokes drawn here, else the stored image."""
        if self.drawn_here:
            if self._png_cache is None or not transparent:
                png = strokes_to_png(self.strokes, transparent=transparent)
                if not transparent:
                    return png
                self._png_cache = png
            return self._png_cache
        if self._image_png is not None:
            return self._image_png
        raise ValueError("nothing has been drawn")

    # -- input --

    def _begin(self, pos: QPointF, pressure: float) -> None:
        if self._read_only:
            return
        if self._image is not None:  # drawing again replaces a stored signature
            self._image = None
            self._image_png = None
        self._png_cache = None
        self._current = [InkPoint(pos.x(), pos.y(), pressure)]
        self.strokes.append(self._current)
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        last = self._current[-1]
        if abs(last.x - pos.x()) + abs(last.y - pos.y()) < 0.75:
            return  # the same spot: keeps strokes small without losing shape
        self._current.append(InkPoint(pos.x(), pos.y(), pressure))
        self._png_cache = None
        self.update()

    def _end(self) -> None:
        if self._current is None:
            return
        self._current = None
        self.stroke_finished.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), 0.5)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is not None:
            self._extend(event.position(), 0.5)
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._extend(event.position(), 0.5)
            self._end()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt does not also send the mouse events it would make from the pen.
        kind = event.type()
        pressure = event.pressure()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                point = points[0]  # the first finger writes; a resting palm is ignored
                pressure = point.pressure() if 0 < point.pressure() < 1 else 0.5
                if kind == QEvent.Type.TouchBegin:
                    self._begin(point.position(), pressure)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(point.position(), pressure)
                else:
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # -- drawing --

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, QColor("#ffffff") if not self._read_only else QColor("#f6f6f4"))
        painter.setPen(QPen(QColor("#8a8a8a"), 1))
        painter.drawRect(rect)
        # The line to sign on, with its cross, as on paper.
        baseline = rect.bottom() - 28
        painter.setPen(QPen(QColor("#b5b5b5"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(rect.left() + 36, baseline), QPointF(rect.right() - 16, baseline))
        painter.setPen(QPen(QColor("#9a9a9a"), 1.5))
        painter.drawLine(
            QPointF(rect.left() + 16, baseline - 10), QPointF(rect.left() + 26, baseline)
        )
        painter.drawLine(
            QPointF(rect.left() + 26, baseline - 10), QPointF(rect.left() + 16, baseline)
        )
        if self._image is not None:
            area = rect.adjusted(8, 8, -8, -8)
            size = self._image.size().scaled(
                area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio
            )
            if size.width() > self._image.width():  # never enlarge a small signature
                size = self._image.size()
            target = QRectF(
                area.center().x() - size.width() / 2,
                area.center().y() - size.height() / 2,
                size.width(),
                size.height(),
            )
            painter.drawImage(target, self._image)
        elif not self.drawn_here and not self._read_only:
            painter.setPen(QColor("#8a8a8a"))
            painter.drawText(
                rect.adjusted(12, 8, -12, -40),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                _tr("Sign here"),
            )
        paint_strokes(painter, self.strokes)
        painter.end()
