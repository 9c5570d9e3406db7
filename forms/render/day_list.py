"""The day list: one day's appointments as a printed table, with the page furniture every
other print has (clinic, title, "Printed …" in the clinic's time, page X of Y).

Plain data in, PDF bytes out: the caller (desktop's printing service) reads the appointment
book and gives the rows with their times already in the clinic's zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from forms.messages import message
from forms.render.document import PAPER_SIZES, Paper, build_furnished
from forms.render.fonts import BOLD, REGULAR, ensure_fonts
from forms.render.furniture import MARGIN, Furniture
from forms.render.textlayout import printable
from forms.render.units import mm
from forms.render.values import format_date, format_datetime

STATUSES = frozenset(
    {
        "booked",
        "arrived",
        "in_consultation",
        "completed",
        "no_show",
        "cancelled",
        "rescheduled",
    }
)


@dataclass(frozen=True, slots=True)
class DayListRow:
    """One appointment. `time` is the clinic's wall-clock time ("09:30"); `status` is the
    appointment's status code (booked, arrived, …), `late` adds "late" to it."""

    time: str
    patient: str
    provider: str
    kind: str
    status: str
    late: bool = False
    patient_number: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class DayList:
    clinic_name: str
    day: dt.date
    printed_at: dt.datetime  # aware; shown in `zone` (the clinic's), not the computer's
    rows: Sequence[DayListRow]
    zone: dt.tzinfo | None = None
    provider: str | None = None  # the list of one provider only


def status_text(row: DayListRow, lang: str) -> str:
    text = message(f"status_{row.status}", lang) if row.status in STATUSES else row.status
    return f"{text} ({message('status_late', lang)})" if row.late else text


def render_day_list(day_list: DayList, *, lang: str = "en", paper: Paper = "a4") -> bytes:
    """The day list as a PDF: a table of time, patient, provider, type and status."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be 'a4' or 'letter', not {paper!r}")
    ensure_fonts()
    width = PAPER_SIZES[paper][0]
    title = message("day_list_title", lang, day=format_date(day_list.day, lang))
    if day_list.provider:
        title = f"{title} — {day_list.provider}"
    printed_at = day_list.printed_at
    if day_list.zone is not None:
        printed_at = printed_at.astimezone(day_list.zone)
    furniture = Furniture(
        clinic=printable(day_list.clinic_name, multiline=False),
        title=printable(title, multiline=False),
        version=message("day_list", lang),
        patient_label="",
        patient_id_label="",
        patient_name=None,
        patient_id=None,
        about_patient=False,
        blank=False,
        qr_payload=None,
        footer_left=message("printed", lang, when=format_datetime(printed_at, lang)),
        footer_middle=message("day_list_count", lang, count=len(day_list.rows)),
        page_of=message("page_of", lang, page="{page}", pages="{pages}"),
    )
    cell = ParagraphStyle("cell", fontName=REGULAR, fontSize=9, leading=11.5)
    head = ParagraphStyle("head", fontName=BOLD, fontSize=9, leading=11.5)
    small = ParagraphStyle("small", fontName=REGULAR, fontSize=7.5, leading=9.5)

    def para(text: str, style: ParagraphStyle = cell) -> Paragraph:
        return Paragraph(escape(printable(text, multiline=False)), style)

    header = [
        para(message(key, lang), head)
        for key in ("col_time", "col_patient", "col_provider", "col_type", "col_status")
    ]
    data: list[list[object]] = [header]
    for row in day_list.rows:
        who: list[Paragraph] = [para(row.patient)]
        extra = " · ".join(p for p in (row.patient_number, row.phone) if p)
        if extra:
            who.append(para(extra, small))
        data.append(
            [para(row.time), who, para(row.provider), para(row.kind), para(status_text(row, lang))]
        )
    inner = width - 2 * MARGIN
    columns = [16 * mm, inner * 0.34, inner * 0.22, inner * 0.18]
    columns.append(inner - sum(columns))
    table = Table(data, colWidths=columns, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, (0.3, 0.3, 0.3)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, (0.6, 0.6, 0.6)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story: list[object] = [table]
    if not day_list.rows:
        story += [Spacer(1, 4 * mm), para(message("day_list_none", lang))]
    return build_furnished(
        story,
        furniture,
        paper=paper,
        lang=lang,
        title=title,
        author=day_list.clinic_name,
        subject="day list",
    )


__all__ = ["DayList", "DayListRow", "render_day_list", "status_text"]
