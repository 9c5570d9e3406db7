"""The bundled fonts, registered with ReportLab once per process.

Parsing a TrueType file costs tens of milliseconds, more than the rest of a small
form; doing it once keeps every later print fast. DejaVu Sans covers Latin with all
its diacritics (Vietnamese, Yoruba tone marks as combining characters, Serbian Đ),
Greek, Cyrillic, Hebrew and Arabic, so any patient name prints as typed.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"

REGULAR = "OutpostSans"
BOLD = "OutpostSans-Bold"
MONO = "OutpostMono"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
}

_lock = threading.Lock()
_registered = False


def ensure_fonts() -> None:
    """Register the bundled fonts if this process has not done so yet (thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        _registered = True


def text_width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))
