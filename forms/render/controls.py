"""Controls of a blank (downtime) form: lines, boxes and grids to fill in by hand.

Sizes follow handwriting, not screens: writing lines 8.5 mm apart, digit boxes big
enough for a ballpoint, tick boxes of 3.5 mm.
"""

from __future__ import annotations

from dataclasses import dataclass

from forms.render.flowables import HELP, INK, MUTED, Canvas, Style, draw_line_text
from forms.render.fonts import BOLD, REGULAR, text_width
from forms.render.textlayout import wrap
from forms.render.units import mm

LINE_GAP = 8.5 * mm
BOX = 3.5 * mm
DIGIT = 5.5 * mm


def _pen(canv: Canvas, width: float = 0.6, grey: float = 0.25) -> None:
    canv.setStrokeColorRGB(grey, grey, grey)
    canv.setLineWidth(width)


def _text(
    canv: Canvas, x: float, y: float, text: str, size: float = 8, font: str = REGULAR
) -> None:
    canv.setFont(font, size)
    canv.setFillColor(INK)
    canv.drawString(x, y, text)


@dataclass(frozen=True, slots=True)
class WritingLines:
    count: int

    def height(self, width: float) -> float:
        return self.count * LINE_GAP

    def draw(self, canv: Canvas, x: float, top: float, width: float) -> None:
        _pen(canv, 0.4, 0.55)
        for i in range(1, self.count + 1):
            y = top - i * LINE_GAP + 1.2 * mm
            canv.line(x, y, x + width, y)

    def split(self, width: float, avail: float) -> tuple[WritingLines, WritingLines] | None:
        fit = int(avail // LINE_GAP)
        if fit < 1 or fit >= self.count:
            return None
        return WritingLines(fit), WritingLines(self.count - fit)


@dataclass(frozen=True, slots=True)
class NumberBoxes:
    """One box per number (two for blood pressure, with a slash), then the unit."""

    parts: int
    unit: str
    box_width: float = 20 * mm

    def height(self, width: float) -> float:
        return 8 * mm

    def draw(self, canv: Canvas, x: float, top: float, width: float) -> None:
        _pen(canv)
        y = top - 7 * mm
        for i in range(self.parts):
            canv.rect(x, y, self.box_width, 6.5 * mm, stroke=1, fill=0)
            x += self.box_width
            if i < self.parts - 1:
                _text(canv, x + 1.5 * mm, y + 2 * mm, "/", 11)
                x += 5 * mm
        if self.unit:
            _text(canv, x + 2 * mm, y + 2 * mm, self.unit, 9)


@dataclass(frozen=True, slots=True)
class DateBoxes:
    """Day, month and year digit boxes with captions, optionally an "approximate" tick."""

    captions: tuple[str, str, str]
    approximate: str | None = None

    def height(self, width: float) -> float:
        return 10.5 * mm

    def draw(self, canv: Canvas, x: float, top: float, width: float) -> None:
        _pen(canv)
        y = top - 6.8 * mm
        for count, caption in zip((2, 2, 4), self.captions, strict=True):
            for i in range(count):
                canv.rect(x + i * DIGIT, y, DIGIT, 6.3 * mm, stroke=1, fill=0)
            canv.setFont(HELP.font, 6.5)
            canv.setFillColor(MUTED)
            canv.drawString(x, y - 2.8 * mm, caption)
            x += count * DIGIT + 2.5 * mm
        if self.approximate:
            tick_box(canv, x + 3 * mm, y + 1.4 * mm)
            _text(canv, x + 3 * mm + BOX + 1.5 * mm, y + 2.2 * mm, self.approximate, 8)


def tick_box(canv: Canvas, x: float, y: float) -> None:
    _pen(canv, 0.7, 0.15)
    canv.rect(x, y, BOX, BOX, stroke=1, fill=0)


@dataclass(frozen=True, slots=True)
class TickBoxes:
    """A box before every option, laid out in as many columns as fit."""

    options: tuple[str, ...]
    hint: str | None = None

    _ROW = 6.2 * mm
    _TEXT = Style(REGULAR, 8.5, 10.5, INK)

    def _layout(self, width: float) -> tuple[int, float, list[list[str]]]:
        widest = max(text_width(o, REGULAR, 8.5) for o in self.options) + BOX + 6 * mm
        # Columns as wide as the longest option (at least 28 mm), packed from the left.
        column_w = min(width, max(widest, 28 * mm))
        columns = max(1, min(len(self.options), int(width // column_w)))
        wrapped = [wrap(o, REGULAR, 8.5, column_w - BOX - 4 * mm) for o in self.options]
        return columns, column_w, wrapped

    def height(self, width: float) -> float:
        columns, _, wrapped = self._layout(width)
        rows = [wrapped[i : i + columns] for i in range(0, len(wrapped), columns)]
        body = sum(
            max(0.0, (max(len(w) for w in row) - 1) * self._TEXT.leading) + self._ROW
            for row in rows
        )
        return body + (HELP.leading if self.hint else 0)

    def draw(self, canv: Canvas, x: float, top: float, width: float) -> None:
        columns, column_w, wrapped = self._layout(width)
        y_top = top
        if self.hint:
            draw_line_text(canv, HELP, x, y_top - HELP.size, f"({self.hint})", width)
            y_top -= HELP.leading
        for start in range(0, len(wrapped), columns):
            row = wrapped[start : start + columns]
            for col, lines in enumerate(row):
                cx = x + col * column_w
                tick_box(canv, cx, y_top - 4.6 * mm)
                for i, line in enumerate(lines):
                    draw_line_text(
                        canv,
                        self._TEXT,
                        cx + BOX + 1.8 * mm,
                        y_top - 3.9 * mm - i * self._TEXT.leading,
                        line,
                        column_w,
                    )
            y_top -= self._ROW + (max(len(w) for w in row) - 1) * self._TEXT.leading


@dataclass(frozen=True, slots=True)
class SignaturePanel:
    """Signature box (or thumbprint square) with name and date lines beside it."""

    caption: str
    name_label: str
    date_label: str
    thumb: bool = False
    role_label: str | None = None

    def height(self, width: float) -> float:
        return (33 if self.thumb else 22) * mm

    def draw(self, canv: Canvas, x: float, top: float, width: float) -> None:
        box_w = 28 * mm if self.thumb else min(85 * mm, width * 0.5)
        box_h = self.height(width) - 2 * mm
        _pen(canv, 0.8, 0.2)
        canv.rect(x, top - box_h, box_w, box_h, stroke=1, fill=0)
        canv.setFont(REGULAR, 6.5)
        canv.setFillColor(MUTED)
        for i, line in enumerate(wrap(self.caption, REGULAR, 6.5, box_w - 3 * mm)[:3]):
            canv.drawString(x + 1.5 * mm, top - 3 * mm - i * 7.5, line)
        lines_x = x + box_w + 6 * mm
        labels = [self.name_label, self.date_label]
        if self.role_label:
            labels.insert(1, self.role_label)
        gap = box_h / len(labels)
        for i, label in enumerate(labels):
            y = top - (i + 1) * gap + 1.5 * mm
            _text(canv, lines_x, y + 1.2 * mm, f"{label}:", 8)
            start = lines_x + text_width(f"{label}: ", REGULAR, 8)
            _pen(canv, 0.5, 0.45)
            canv.line(start, y, x + width, y)


@dataclass(frozen=True, slots=True)
class ItemGrid:
    """An empty invoice table: description, quantity, unit price, amount, total."""

    headers: tuple[str, str, str, str]
    total: str
    rows: int

    _ROW = 7.5 * mm

    def height(self, width: float) -> float:
        return (self.rows + 2) * self._ROW

    def draw(self, canv: Canvas, x: float, top: float, width: float) -> None:
        columns = column_edges(x, width)
        bottom = top - self.height(width)
        _pen(canv, 0.5, 0.35)
        for i in range(self.rows + 3):
            y = top - i * self._ROW
            canv.line(x, y, x + width, y)
        for edge in columns:
            canv.line(edge, top, edge, bottom + self._ROW)
        canv.line(columns[-2], bottom, columns[-2], bottom + self._ROW)
        canv.line(x + width, bottom, x + width, bottom + self._ROW)
        for i, header in enumerate(self.headers):
            _text(canv, columns[i] + 1.5 * mm, top - 5 * mm, header, 8, BOLD)
        canv.setFont(BOLD, 9)
        canv.drawRightString(columns[-2] - 2 * mm, bottom + 2.5 * mm, self.total)


def column_edges(x: float, width: float) -> list[float]:
    """Left edges of the four item columns plus the right edge of the table."""
    shares = (0.52, 0.12, 0.18, 0.18)
    edges = [x]
    for share in shares:
        edges.append(edges[-1] + share * width)
    return edges
