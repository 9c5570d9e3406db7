"""What is printed on every page: header, footer, page numbers and the QR code.

Page X of Y needs Y before any page is finished, so the canvas keeps each page's
content aside and draws the furniture on all of them when the document is saved
(one layout pass instead of building the document twice).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.constants
from reportlab.pdfgen.canvas import Canvas

from forms.render.fonts import BOLD, REGULAR, text_width
from forms.render.textlayout import fit_line, visual
from forms.render.units import mm

HEADER_HEIGHT = 33 * mm
FOOTER_HEIGHT = 15 * mm
MARGIN = 15 * mm
QR_SIZE = 22 * mm


@functools.lru_cache(maxsize=64)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """Module matrix of the QR code for ``payload`` (error correction M: survives a
    smudge or a fold, still small enough to scan from a cheap phone)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def draw_qr(canv: Any, payload: str, x: float, y: float, size: float) -> None:
    """Draw the code with its bottom-left corner at (x, y); runs of dark modules in a
    row become one rectangle, which keeps the page small and fast to draw."""
    matrix = qr_matrix(payload)
    count = len(matrix)
    cell = size / count
    path = canv.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                # Slight overlap between rows avoids hairline gaps in some viewers.
                path.rect(
                    x + start * cell, y + (count - r - 1) * cell, (c - start) * cell, cell + 0.05
                )
            else:
                c += 1
    canv.setFillColorRGB(0, 0, 0)
    canv.drawPath(path, stroke=0, fill=1)


@dataclass(frozen=True, slots=True)
class Furniture:
    """Everything the header and footer say, already in the right language."""

    clinic: str
    title: str
    version: str
    patient_label: str
    patient_id_label: str
    patient_name: str | None
    patient_id: str | None
    about_patient: bool
    blank: bool
    qr_payload: str | None  # None: a list, not a form (no code to tie it back)
    footer_left: str
    footer_middle: str
    page_of: str  # a template with {page} and {pages}

    def draw(self, canv: Any, page: int, pages: int) -> None:
        width, height = canv._pagesize
        left, right = MARGIN, width - MARGIN
        text_right = right - QR_SIZE - 4 * mm
        canv.saveState()
        canv.setFillColorRGB(0.08, 0.08, 0.08)

        if self.qr_payload is not None:
            qr_y = height - 8 * mm - QR_SIZE
            draw_qr(canv, self.qr_payload, right - QR_SIZE, qr_y, QR_SIZE)
        else:
            text_right = right

        clinic, size = fit_line(self.clinic, BOLD, 10, text_right - left)
        canv.setFont(BOLD, size)
        canv.drawString(left, height - 12 * mm, visual(clinic))

        version = f"  ·  {self.version}"
        version_w = text_width(version, REGULAR, 8)
        title, size = fit_line(self.title, BOLD, 13, text_right - left - version_w, min_size=9)
        canv.setFont(BOLD, size)
        canv.drawString(left, height - 18.5 * mm, visual(title))
        canv.setFont(REGULAR, 8)
        canv.drawString(left + text_width(title, BOLD, size), height - 18.5 * mm, version)

        if self.about_patient:
            self._draw_patient(canv, left, text_right, height - 26 * mm)

        canv.setStrokeColorRGB(0.3, 0.3, 0.3)
        canv.setLineWidth(0.8)
        canv.line(left, height - HEADER_HEIGHT + 2 * mm, right, height - HEADER_HEIGHT + 2 * mm)

        footer_y = 8 * mm
        canv.setLineWidth(0.4)
        canv.line(left, footer_y + 4.5 * mm, right, footer_y + 4.5 * mm)
        canv.setFont(REGULAR, 7.5)
        canv.drawString(left, footer_y, self.footer_left)
        page_text = self.page_of.format(page=page, pages=pages)
        canv.setFont(BOLD, 8.5)
        canv.drawRightString(right, footer_y, page_text)
        # The middle text is centred in the gap between the left text and the page number.
        gap_left = left + text_width(self.footer_left, REGULAR, 7.5) + 5 * mm
        gap_right = right - text_width(page_text, BOLD, 8.5) - 5 * mm
        middle, size = fit_line(
            self.footer_middle, REGULAR, 7.5, gap_right - gap_left, min_size=5.5
        )
        canv.setFont(REGULAR, size)
        canv.drawCentredString((gap_left + gap_right) / 2, footer_y, middle)
        canv.restoreState()

    def _draw_patient(self, canv: Any, left: float, right: float, y: float) -> None:
        label = f"{self.patient_label}: "
        id_label = f"{self.patient_id_label}: "
        canv.setFont(REGULAR, 8.5)
        canv.drawString(left, y, label)
        x = left + text_width(label, REGULAR, 8.5)
        id_w = text_width(id_label, REGULAR, 8.5)
        id_value_w = (
            max(32 * mm, text_width(self.patient_id or "", BOLD, 10.5))
            if not self.blank
            else 38 * mm
        )
        id_value_w = min(id_value_w, 60 * mm)
        name_room = right - x - id_w - id_value_w - 5 * mm
        if self.patient_name:
            name, size = fit_line(self.patient_name, BOLD, 10.5, name_room, min_size=7)
            canv.setFont(BOLD, size)
            canv.drawString(x, y, visual(name))
        else:
            canv.setLineWidth(0.5)
            canv.line(x, y - 1, x + name_room, y - 1)
        x_id = right - id_value_w - id_w
        canv.setFont(REGULAR, 8.5)
        canv.drawString(x_id, y, id_label)
        if self.patient_id:
            pid, size = fit_line(self.patient_id, BOLD, 10.5, id_value_w, min_size=6)
            canv.setFont(BOLD, size)
            canv.drawString(x_id + id_w, y, pid)
        else:
            canv.setLineWidth(0.5)
            canv.line(x_id + id_w, y - 1, right, y - 1)


class FurnitureCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds pages back until save() so each can say "page X of Y"."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._furniture.draw(self, number, total)
            super().showPage()
        super().save()
