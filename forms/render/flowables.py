"""The building blocks of a printed form, as ReportLab platypus flowables.

Each block wraps its own text (see textlayout) and can split between lines, so a
10,000-character answer flows over as many pages as it needs with its label repeated
and marked "(continued)". Everything is drawn in black and greys: clinic printers are
monochrome lasers and photocopies of photocopies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from forms.render.fonts import BOLD, REGULAR
from forms.render.textlayout import is_rtl, visual, wrap
from forms.render.units import mm

INK = Color(0.08, 0.08, 0.08)
MUTED = Color(0.33, 0.33, 0.33)
RULE = Color(0.72, 0.72, 0.72)
BAND = Color(0.9, 0.9, 0.9)
PAPER = Color(1, 1, 1)

Canvas = Any  # reportlab.pdfgen.canvas.Canvas ships without type information


@dataclass(frozen=True, slots=True)
class Style:
    font: str
    size: float
    leading: float
    color: Color


PROSE = Style(REGULAR, 9.5, 13, INK)
LABEL = Style(REGULAR, 8.5, 13, MUTED)
VALUE = Style(REGULAR, 10, 13, INK)
HELP = Style(REGULAR, 7.5, 9.5, MUTED)
NOTE = Style(REGULAR, 8, 11, MUTED)
STRONG = Style(BOLD, 9.5, 13, INK)

LABEL_SHARE = 0.36  # of the frame width, for the question column of two-column rows


def draw_line_text(
    canv: Canvas, style: Style, x: float, baseline: float, text: str, width: float
) -> None:
    """One logical line, reordered for display, right-aligned when it reads right to left."""
    canv.setFont(style.font, style.size)
    canv.setFillColor(style.color)
    shown = visual(text)
    if is_rtl(text):
        canv.drawRightString(x + width, baseline, shown)
    else:
        canv.drawString(x, baseline, shown)


def _baseline(top: float, index: int, style: Style) -> float:
    # Leading is split so the text sits in the middle of its line slot.
    return top - index * style.leading - (style.leading + style.size * 0.72) / 2


class Lines(Flowable):  # type: ignore[misc]
    """A paragraph (or bullet) of plain text in one style; splits between lines."""

    def __init__(
        self,
        text: str,
        style: Style = PROSE,
        *,
        indent: float = 0.0,
        bullet: str | None = None,
        space_after: float = 3.0,
        keep_with_next: bool = False,
        _lines: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.indent = indent
        self.bullet = bullet
        self.space_after = space_after
        self.keepWithNext = keep_with_next
        # Pieces of a split paragraph keep the line breaks they were cut with.
        self._fixed = _lines is not None
        self._lines: list[str] = _lines or []
        self._width = -1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if not self._fixed and self._width != avail_width:
            self._lines = wrap(
                self.text, self.style.font, self.style.size, avail_width - self.indent
            )
        self._width = avail_width
        self.width = avail_width
        self.height = len(self._lines) * self.style.leading + self.space_after
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fit = int((avail_height - self.space_after) // self.style.leading)
        if fit < 1 or fit >= len(self._lines):
            return []
        head = Lines(
            self.text,
            self.style,
            indent=self.indent,
            bullet=self.bullet,
            space_after=0,
            _lines=self._lines[:fit],
        )
        tail = Lines(
            self.text,
            self.style,
            indent=self.indent,
            space_after=self.space_after,
            _lines=self._lines[fit:],
        )
        return [head, tail]

    def draw(self) -> None:
        top = self.height - self.space_after
        for i, line in enumerate(self._lines):
            draw_line_text(
                self.canv,
                self.style,
                self.indent,
                _baseline(top, i, self.style),
                line,
                self.width - self.indent,
            )
        if self.bullet and self._lines:
            self.canv.setFont(self.style.font, self.style.size)
            self.canv.drawString(self.indent - 3.2 * mm, _baseline(top, 0, self.style), self.bullet)


class Heading(Flowable):  # type: ignore[misc]
    """A section title on a grey band, with an optional note under it."""

    def __init__(self, title: str, note: str | None = None) -> None:
        super().__init__()
        self.title = title
        self.note = note
        self.keepWithNext = True
        self._title_lines: list[str] = []
        self._note_lines: list[str] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._title_lines = wrap(self.title, BOLD, 10.5, avail_width - 4 * mm)
        self._note_lines = (
            wrap(self.note, NOTE.font, NOTE.size, avail_width - 4 * mm) if self.note else []
        )
        self.band = len(self._title_lines) * 13 + 5
        self.height = 4 * mm + self.band + len(self._note_lines) * NOTE.leading + 2
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        band_bottom = self.height - 4 * mm - self.band
        canv.setFillColor(BAND)
        canv.rect(0, band_bottom, self.width, self.band, stroke=0, fill=1)
        title = Style(BOLD, 10.5, 13, INK)
        for i, line in enumerate(self._title_lines):
            draw_line_text(
                canv,
                title,
                2 * mm,
                _baseline(self.height - 4 * mm - 2.5, i, title),
                line,
                self.width - 4 * mm,
            )
        for i, line in enumerate(self._note_lines):
            draw_line_text(
                canv, NOTE, 2 * mm, _baseline(band_bottom - 1, i, NOTE), line, self.width - 4 * mm
            )


class FieldRow(Flowable):  # type: ignore[misc]
    """Question on the left, answer on the right; long answers split across pages
    with the question repeated and marked as continued."""

    def __init__(
        self,
        label: str,
        value: str,
        *,
        continued: str = "(continued)",
        muted: bool = False,
        _rows: tuple[list[str], list[str]] | None = None,
    ) -> None:
        super().__init__()
        self.label = label
        self.value = value
        self.continued = continued
        self.muted = muted
        # Pieces of a split row keep the line breaks they were cut with.
        self._fixed = _rows is not None
        self._rows: tuple[list[str], list[str]] = _rows or ([], [])
        self._width = -1.0

    def _columns(self, width: float) -> tuple[float, float]:
        label_w = width * LABEL_SHARE
        return label_w, width - label_w - 3 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if not self._fixed and self._width != avail_width:
            label_w, value_w = self._columns(avail_width)
            self._rows = (
                wrap(self.label, LABEL.font, LABEL.size, label_w - 2 * mm),
                wrap(self.value, VALUE.font, VALUE.size, value_w),
            )
        self._width = avail_width
        self.width = avail_width
        self.height = max(len(self._rows[0]), len(self._rows[1])) * VALUE.leading + 4
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        labels, values = self._rows
        rows = max(len(labels), len(values))
        fit = int((avail_height - 4) // VALUE.leading)
        if fit < 2 or fit >= rows:
            return []
        label_w, _ = self._columns(avail_width)
        cont_label = wrap(
            f"{self.label} {self.continued}", LABEL.font, LABEL.size, label_w - 2 * mm
        )
        head = FieldRow(
            self.label, self.value, muted=self.muted, _rows=(labels[:fit], values[:fit])
        )
        rest_labels = labels[fit:] if len(labels) > fit else cont_label
        tail = FieldRow(
            self.label,
            self.value,
            continued=self.continued,
            muted=self.muted,
            _rows=(rest_labels, values[fit:]),
        )
        return [head, tail]

    def draw(self) -> None:
        canv = self.canv
        label_w, value_w = self._columns(self.width)
        top = self.height - 2
        for i, line in enumerate(self._rows[0]):
            draw_line_text(canv, LABEL, 0, _baseline(top, i, VALUE), line, label_w - 2 * mm)
        style = Style(VALUE.font, VALUE.size, VALUE.leading, MUTED if self.muted else INK)
        for i, line in enumerate(self._rows[1]):
            draw_line_text(canv, style, label_w + 3 * mm, _baseline(top, i, VALUE), line, value_w)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.3)
        canv.line(0, 0.5, self.width, 0.5)


class Control(Protocol):
    """Something drawn for a person to fill in by hand (a line, boxes, a grid)."""

    def height(self, width: float) -> float: ...

    def draw(self, canv: Canvas, x: float, top: float, width: float) -> None: ...


class Splittable(Control, Protocol):
    def split(self, width: float, avail: float) -> tuple[Control, Control] | None: ...


class BlankRow(Flowable):  # type: ignore[misc]
    """A question with its help text and the control to answer it by hand, either
    beside the question (short answers) or under it (long text, signatures, tables)."""

    def __init__(
        self,
        label: str,
        control: Control,
        *,
        help: str | None = None,
        below: bool = False,
        space_after: float = 2.5 * mm,
    ) -> None:
        super().__init__()
        self.label = label
        self.help = help
        self.control = control
        self.below = below
        self.space_after = space_after
        self._label: list[str] = []
        self._help: list[str] = []

    def _text_width(self, width: float) -> float:
        return width if self.below else width * LABEL_SHARE - 2 * mm

    def _text_height(self) -> float:
        return len(self._label) * 12 + len(self._help) * HELP.leading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        text_w = self._text_width(avail_width)
        self._label = wrap(self.label, REGULAR, 9, text_w)
        self._help = wrap(self.help, HELP.font, HELP.size, text_w) if self.help else []
        control_w = avail_width if self.below else avail_width * (1 - LABEL_SHARE) - 3 * mm
        control_h = self.control.height(control_w)
        text_h = self._text_height()
        body = text_h + 1.5 * mm + control_h if self.below else max(text_h, control_h)
        self.height = body + self.space_after
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        splitter = getattr(self.control, "split", None)
        if not self.below or splitter is None:
            return []
        room = avail_height - self._text_height() - 1.5 * mm - self.space_after
        parts: tuple[Control, Control] | None = splitter(avail_width, room)
        if parts is None:
            return []
        head = BlankRow(self.label, parts[0], help=self.help, below=True, space_after=0)
        tail = BlankRow("", parts[1], below=True, space_after=self.space_after)
        return [head, tail]

    def draw(self) -> None:
        canv = self.canv
        top = self.height - self.space_after
        text_w = self._text_width(self.width)
        label = Style(REGULAR, 9, 12, INK)
        for i, line in enumerate(self._label):
            draw_line_text(canv, label, 0, _baseline(top, i, label), line, text_w)
        help_top = top - len(self._label) * label.leading
        for i, line in enumerate(self._help):
            draw_line_text(canv, HELP, 0, _baseline(help_top, i, HELP), line, text_w)
        if self.below:
            self.control.draw(canv, 0, top - self._text_height() - 1.5 * mm, self.width)
        else:
            x = self.width * LABEL_SHARE + 3 * mm
            self.control.draw(canv, x, top, self.width - x)


class Drawn(Flowable):  # type: ignore[misc]
    """A fixed-height block drawn by a function (signature panels, tables, banners)."""

    def __init__(
        self,
        measure: Callable[[float], float],
        paint: Callable[[Canvas, float, float], None],
        *,
        keep_with_next: bool = False,
        space_after: float = 2 * mm,
    ) -> None:
        super().__init__()
        self.measure = measure
        self.paint = paint
        self.keepWithNext = keep_with_next
        self.space_after = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.measure(avail_width) + self.space_after
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.paint(self.canv, self.width, self.height - self.space_after)
        self.canv.restoreState()
