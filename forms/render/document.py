"""render_pdf: a definition, answers (or none, for a blank form) and context -> PDF bytes."""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from typing import Any, Literal

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from forms import qr
from forms.context import PatientAge, PrintContext
from forms.errors import RenderError
from forms.messages import message
from forms.model import FormDefinition
from forms.render.blank import blank_story
from forms.render.filled import filled_story
from forms.render.fonts import REGULAR, ensure_fonts
from forms.render.furniture import FOOTER_HEIGHT, HEADER_HEIGHT, MARGIN, Furniture, FurnitureCanvas
from forms.render.textlayout import printable
from forms.render.units import mm
from forms.render.values import format_datetime

Paper = Literal["a4", "letter"]
PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}


def render_pdf(
    definition: FormDefinition,
    answers: Mapping[str, object] | None,
    *,
    context: PrintContext,
    lang: str = "en",
    paper: Paper = "a4",
) -> bytes:
    """The printable PDF of one form.

    ``answers=None`` gives a blank form for filling in by hand (every field shown, with
    lines, boxes and tick boxes); otherwise the visible fields are printed with their
    answers, hidden ones left out. Texts are in ``lang``, falling back to the form's own
    languages. Every page carries the clinic, the patient, the form title and version,
    page X of Y, the print date and a QR code of the record id (blank: form id and version).
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be 'a4' or 'letter', not {paper!r}")
    ensure_fonts()
    blank = answers is None
    story = (
        blank_story(definition, context, lang)
        if answers is None
        else filled_story(definition, answers, context, lang)
    )
    furniture = _furniture(definition, context, lang, blank)
    try:
        return build_furnished(
            story,
            furniture,
            paper=paper,
            lang=lang,
            title=definition.title_in(lang),
            author=context.clinic_name,
            subject=f"{definition.id} v{definition.version}",
        )
    except LayoutError as exc:
        raise RenderError(
            f"cannot lay out form {definition.id} v{definition.version}: {exc}"
        ) from exc


def build_furnished(
    story: list[Any],
    furniture: Furniture,
    *,
    paper: Paper,
    lang: str,
    title: str,
    author: str,
    subject: str,
) -> bytes:
    """A PDF of `story` in the body frame, every page carrying the same page furniture
    (clinic, title, page X of Y, print date, QR code): every Outpost print is built here."""
    width, height = PAPER_SIZES[paper]
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=HEADER_HEIGHT,
        bottomMargin=FOOTER_HEIGHT,
        title=printable(title, multiline=False),
        author=printable(author, multiline=False),
        subject=subject,
        creator="Outpost",
        lang=lang,
        invariant=1,
        # Otherwise every page names Helvetica, a font that is not embedded.
        initialFontName=REGULAR,
    )
    frame = Frame(
        MARGIN,
        FOOTER_HEIGHT,
        width - 2 * MARGIN,
        height - HEADER_HEIGHT - FOOTER_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id="body", frames=[frame])])
    document.keepTogetherClass = HeadingWithStart
    document.build(story, canvasmaker=functools.partial(FurnitureCanvas, furniture=furniture))
    return buffer.getvalue()


#: The least of a long table or text that must fit under its heading for both to stay on
#: the page (else they start the next page together, and no heading is left alone).
START_ROOM = 25 * mm


class HeadingWithStart(KeepTogether):  # type: ignore[misc]
    """What ReportLab groups for `keepWithNext`: a section heading and what follows it.

    ReportLab moves the whole group to the next page when it does not fit, so a long table
    (an invoice of many lines) or a long text left most of a page empty under the section
    before it. Here the group stays when what follows can be split and its start fits under
    the heading: the table starts on this page and flows on, its header repeated."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content: list[Flowable] = list(self._content)
        if aH < self._H and len(content) > 1 and self._starts_here(content, aW, aH):
            return content
        result: list[Flowable] = super().split(aW, aH)
        return result

    def _starts_here(self, content: list[Flowable], width: float, height: float) -> bool:
        *lead, last = content
        used = 0.0
        for flowable in lead:
            used += flowable.wrapOn(self.canv, width, height)[1]
            used += flowable.getSpaceBefore() + flowable.getSpaceAfter()
        room = height - used - last.getSpaceBefore()
        if room < START_ROOM:
            return False
        last.wrapOn(self.canv, width, room)
        return bool(last.splitOn(self.canv, width, room))


def _furniture(definition: FormDefinition, ctx: PrintContext, lang: str, blank: bool) -> Furniture:
    if not blank and ctx.record_id:
        payload = qr.record_payload(ctx.record_id)
        middle = (
            f"{message('record', lang)} {ctx.record_id}  ·  {definition.id} v{definition.version}"
        )
    else:
        payload = qr.form_payload(definition.id, definition.version)
        middle = f"{message('form', lang)} {definition.id} v{definition.version}"
        if blank:
            middle = f"{middle}  ·  {message('blank_form', lang).split(':')[0]}"
    return Furniture(
        clinic=printable(ctx.clinic_name, multiline=False),
        title=printable(definition.title_in(lang), multiline=False),
        version=message(
            "clinic_version" if definition.clinic_own else "version",
            lang,
            version=definition.version,
        ),
        patient_label=message("patient", lang),
        patient_id_label=message("patient_id", lang),
        patient_name=_patient_text(ctx, lang),
        patient_id=printable(ctx.patient_id, multiline=False) if ctx.patient_id else None,
        about_patient=definition.about_patient,
        blank=blank,
        qr_payload=payload,
        footer_left=message("printed", lang, when=format_datetime(ctx.local(ctx.printed_at), lang)),
        footer_middle=middle,
        page_of=message("page_of", lang, page="{page}", pages="{pages}"),
    )


def age_text(age: PatientAge, lang: str) -> str:
    """ "34 y", "about 45 y" or "Age not known", as the screens say it."""
    if age.years is None:
        return message("age_not_known", lang)
    return message("age_about" if age.estimated else "age_years", lang, age=age.years)


def _patient_text(ctx: PrintContext, lang: str) -> str | None:
    if not ctx.patient_name:
        return None
    name = printable(ctx.patient_name, multiline=False)
    if ctx.patient_age is None:
        return name
    return f"{name}  ·  {age_text(ctx.patient_age, lang)}"
