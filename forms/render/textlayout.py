"""Breaking text into lines and putting right-to-left text in visual order.

User text is drawn with plain drawString calls, never through Paragraph markup, so a
"<" or "&" in an answer can neither break the layout nor inject markup; this module
does the line breaking that Paragraph would otherwise do. Words longer than a line
(a pasted 10,000-character string with no spaces) are cut so nothing runs off the page.
"""

from __future__ import annotations

import re
import unicodedata

import arabic_reshaper
from bidi.algorithm import get_display

from forms.answers import clean_text
from forms.render.fonts import text_width

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_BREAK = re.compile(r"(\s+)")


def printable(text: str, *, multiline: bool = True) -> str:
    """Text safe to draw: no control characters, NFC (see forms.answers.clean_text)."""
    return clean_text(text, multiline=multiline)


def visual(line: str) -> str:
    """``line`` in the order its glyphs are drawn left to right.

    Lines without right-to-left letters come back unchanged (the common case, and
    cheap); Arabic gets its joined letter forms, then the Unicode bidi algorithm
    orders mixed runs and mirrors brackets.
    """
    if not _RTL.search(line):
        return line
    try:
        if _ARABIC.search(line):
            line = arabic_reshaper.reshape(line)
        return str(get_display(line))
    except Exception:
        # The bidi library asserts on some unassigned code points; printing the line
        # in typed order beats failing the whole printout.
        return line


def is_rtl(text: str) -> bool:
    """True when the first strongly-directional letter is right-to-left."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Logical lines of ``text`` no wider than ``width`` points; blank lines kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, font, size, max(width, size)))
    return lines


def _wrap_paragraph(paragraph: str, font: str, size: float, width: float) -> list[str]:
    if text_width(paragraph, font, size) <= width:
        return [paragraph]
    lines: list[str] = []
    current = ""
    for token in _BREAK.split(paragraph):
        if not token:
            continue
        candidate = current + token
        if text_width(candidate, font, size) <= width:
            current = candidate
            continue
        if token.isspace():
            lines.append(current)
            current = ""
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        # A word wider than the line is cut where it stops fitting.
        while text_width(token, font, size) > width:
            cut = _fit(token, font, size, width)
            lines.append(token[:cut])
            token = token[cut:]
        current = token
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def _fit(word: str, font: str, size: float, width: float) -> int:
    """How many leading characters of ``word`` fit in ``width`` (at least one)."""
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(word[:mid], font, size) <= width:
            low = mid
        else:
            high = mid - 1
    # Do not split a base letter from the accents that follow it.
    while low < len(word) and low > 1 and unicodedata.combining(word[low]):
        low -= 1
    return low


def fit_line(
    text: str, font: str, size: float, width: float, *, min_size: float = 6.5
) -> tuple[str, float]:
    """One line that fits ``width``: shrink the font down to ``min_size``, then cut
    with an ellipsis. Used for header fields that must stay on a single line."""
    current = size
    while current > min_size and text_width(text, font, current) > width:
        current -= 0.5
    if text_width(text, font, current) <= width:
        return text, current
    cut = _fit(text, font, current, width - text_width("…", font, current))
    return text[:cut].rstrip() + "…", current
