"""Pieces shared by filled and blank forms: prose, notices, supplied values."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from forms.messages import message
from forms.model import SIGNATURE_TYPES, FormDefinition, Section
from forms.render.flowables import (
    INK,
    MUTED,
    PROSE,
    Canvas,
    Drawn,
    FieldRow,
    Lines,
    Style,
    draw_line_text,
)
from forms.render.fonts import BOLD, MONO, REGULAR
from forms.render.textlayout import printable, wrap
from forms.render.units import mm


def keep_signatures_together(section: Section, flowables: list[Flowable]) -> list[Flowable]:
    """A section with signatures moves to the next page whole rather than leave a
    thumbprint on one page and its witness on the next (longer ones still split)."""
    if any(f.type in SIGNATURE_TYPES for f in section.fields):
        return [KeepTogether(flowables)]
    return flowables


def prose(definition: FormDefinition, section: Section, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    for paragraph in section.paragraphs:
        out.append(Lines(definition.text(paragraph, lang), PROSE, space_after=4))
    for bullet in section.bullets:
        out.append(
            Lines(definition.text(bullet, lang), PROSE, indent=5 * mm, bullet="•", space_after=2)
        )
    return out


def notice(text: str) -> Flowable:
    """A framed note at the top of the first page (corrections, blank-form advice)."""
    style = Style(BOLD, 9, 12, INK)

    def measure(width: float) -> float:
        return len(wrap(text, style.font, style.size, width - 6 * mm)) * style.leading + 4 * mm

    def paint(canv: Canvas, width: float, height: float) -> None:
        canv.setStrokeColor(INK)
        canv.setLineWidth(1)
        canv.rect(0, 0, width, height, stroke=1, fill=0)
        for i, line in enumerate(wrap(text, style.font, style.size, width - 6 * mm)):
            draw_line_text(
                canv,
                style,
                3 * mm,
                height - 2 * mm - (i + 1) * style.leading + 3,
                line,
                width - 6 * mm,
            )

    return Drawn(measure, paint, space_after=3 * mm)


def display_value(label: str, value: object, style: str | None, lang: str) -> Flowable:
    """A value the caller supplies (e.g. the recovery key), big and unmistakable when
    ``style`` is "key": monospaced, in a frame, split in groups for reading aloud."""
    text = printable(str(value), multiline=False) if value is not None else ""
    if style != "key":
        return FieldRow(
            label, text or message("not_answered", lang), continued=message("continued", lang)
        )
    size = 15.0

    def measure(width: float) -> float:
        lines = wrap(text, MONO, size, width - 10 * mm) if text else [""]
        return 7 * mm + len(lines) * (size * 1.5) + 6 * mm

    def paint(canv: Canvas, width: float, height: float) -> None:
        canv.setFont(REGULAR, 9)
        canv.setFillColor(MUTED)
        canv.drawString(0, height - 4 * mm, label)
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.6)
        canv.rect(0, 0, width, height - 7 * mm, stroke=1, fill=0)
        canv.setFillColor(INK)
        canv.setFont(MONO, size)
        for i, line in enumerate(wrap(text, MONO, size, width - 10 * mm) if text else []):
            canv.drawString(5 * mm, height - 7 * mm - 3 * mm - (i + 1) * size * 1.5 + 4, line)

    return Drawn(measure, paint, space_after=4 * mm)
