"""The story (sequence of flowables) of a filled form: what was answered, as answered."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from reportlab.platypus import Flowable

from forms import answers as ans
from forms.context import PrintContext
from forms.messages import format_number, message
from forms.model import SIGNATURE_TYPES, Field, FormDefinition, Section
from forms.render import controls
from forms.render.blank import blank_field
from forms.render.common import display_value, keep_signatures_together, notice, prose
from forms.render.flowables import (
    INK,
    MUTED,
    RULE,
    Canvas,
    Drawn,
    FieldRow,
    Heading,
    Style,
    draw_line_text,
)
from forms.render.fonts import BOLD, REGULAR, text_width
from forms.render.images import load_png
from forms.render.textlayout import printable, wrap
from forms.render.units import mm
from forms.render.values import format_answer, format_datetime
from forms.signatures import SignatureAnswer, read_signature
from forms.visibility import Evaluator, is_empty

#: Longest text printed for one answer that is not even of the right type.
MAX_RAW_CHARS = 20_000


def filled_story(
    definition: FormDefinition, answers: Mapping[str, object], ctx: PrintContext, lang: str
) -> list[Flowable]:
    evaluator = Evaluator(definition, answers, ctx.condition_values())
    story: list[Flowable] = []
    if ctx.supersedes_record_id:
        reason = printable(ctx.correction_reason or "", multiline=False)
        story.append(
            notice(message("corrects", lang, record=ctx.supersedes_record_id, reason=reason))
        )
    for section in definition.sections:
        story.extend(_section(definition, section, answers, evaluator, ctx, lang))
    return story


def _section(
    definition: FormDefinition,
    section: Section,
    answers: Mapping[str, object],
    evaluator: Evaluator,
    ctx: PrintContext,
    lang: str,
) -> list[Flowable]:
    if section.visible_if is not None and evaluator.check(section.visible_if) is False:
        return []
    fields = [f for f in section.fields if evaluator.visible.get(f.id, True)]
    if not fields and not section.paragraphs and not section.bullets:
        return []
    out: list[Flowable] = [Heading(definition.text(section.title, lang))]
    out.extend(prose(definition, section, lang))
    for field in fields:
        value = answers.get(field.id)
        if field.type == "display" and ctx.values.get(field.source or "") in (None, ""):
            # A value the program does not have (a clinic with no phone set): printing
            # "Clinic phone —" would only say nothing.
            continue
        if (section.on_paper or ctx.prefilled) and is_empty(value) and field.type != "display":
            # Left for someone else to fill in on the printed copy (a referral reply).
            out.append(blank_field(definition, field, ctx, lang))
        else:
            out.append(_field(definition, field, value, ctx, lang))
    return keep_signatures_together(section, out)


def _field(
    definition: FormDefinition, field: Field, value: object, ctx: PrintContext, lang: str
) -> Flowable:
    label = definition.text(field.label, lang)
    if field.type == "display":
        return display_value(label, ctx.values.get(field.source or ""), field.style, lang)
    if is_empty(value):
        return FieldRow(
            label, message("not_answered", lang), continued=message("continued", lang), muted=True
        )
    if field.type in SIGNATURE_TYPES:
        try:
            signature = read_signature(field.type, value)
            return signature_block(
                label,
                replace(signature, signed_at=ctx.local(signature.signed_at)),
                field.type,
                lang,
            )
        except ans.AnswerError:
            pass  # printed as raw text below, so nothing entered disappears
    if field.type == "line_items":
        try:
            return items_table(ans.read_line_items(value), field, ctx, lang)
        except ans.AnswerError:
            pass
    if field.type == "number" and not field.unit and "money_decimals" in ctx.values:
        try:
            amount = format_number(ans.read_number(value), lang, money_decimals(ctx, field))
            return FieldRow(label, amount, continued=message("continued", lang))
        except ans.AnswerError:
            pass
    text = format_answer(definition, field, value, lang)[:MAX_RAW_CHARS]
    return FieldRow(label, printable(text), continued=message("continued", lang))


def money_decimals(ctx: PrintContext, field: Field) -> int:
    """Digits after the point of a bill's amounts: the currency's own when the caller gives
    them (`money_decimals`: 2 for KES, 0 for XOF), else the field's `decimals`, else 2.
    The form cannot know the clinic's currency; a shilling bill must not lose its cents."""
    given = ctx.values.get("money_decimals")
    if isinstance(given, int) and not isinstance(given, bool) and 0 <= given <= 4:
        return given
    return field.decimals if field.decimals is not None else 2


def signature_block(label: str, signature: SignatureAnswer, field_type: str, lang: str) -> Flowable:
    """Who signed, when, how, and the signature or thumbprint image itself."""
    thumb = field_type == "thumbprint"
    who = printable(signature.signer_name, multiline=False)
    role = printable(signature.role, multiline=False) if signature.role else None
    key = {"thumbprint": "thumbprint_by", "witness": "witnessed_by"}.get(field_type, "signed_by")
    lines = [
        message(key, lang, name=who) + (f" ({role})" if role else ""),
        message("signed_at", lang, when=format_datetime(signature.signed_at, lang)),
        message(f"method_{signature.method}", lang),
    ]
    image = load_png(signature.image_png) if signature.image_png else None
    unreadable = signature.image_png is not None and image is None
    if unreadable:
        lines.append(message("image_unreadable", lang))
    box_w, box_h = (20 * mm, 24 * mm) if thumb else (58 * mm, 19 * mm)
    text_style = Style(REGULAR, 9, 12, INK)

    def text_lines(width: float) -> list[str]:
        room = width - box_w - 6 * mm
        return [
            piece for line in lines for piece in wrap(line, text_style.font, text_style.size, room)
        ]

    def measure(width: float) -> float:
        return 5 * mm + max(box_h, len(text_lines(width)) * text_style.leading) + 1 * mm

    def paint(canv: Canvas, width: float, height: float) -> None:
        canv.setFont(REGULAR, 8.5)
        canv.setFillColor(MUTED)
        canv.drawString(0, height - 3.2 * mm, label)
        top = height - 5 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.rect(0, top - box_h, box_w, box_h, stroke=1, fill=0)
        if image is not None:
            canv.drawImage(
                image,
                1 * mm,
                top - box_h + 1 * mm,
                box_w - 2 * mm,
                box_h - 2 * mm,
                preserveAspectRatio=True,
            )
        for i, line in enumerate(text_lines(width)):
            draw_line_text(
                canv,
                text_style,
                box_w + 5 * mm,
                top - (i + 1) * text_style.leading + 3,
                line,
                width,
            )

    return Drawn(measure, paint, space_after=3 * mm)


def items_table(
    items: tuple[ans.LineItem, ...], field: Field, ctx: PrintContext, lang: str
) -> Flowable:
    return ItemsTable(items, field, ctx, lang)


class ItemsTable(Flowable):  # type: ignore[misc]
    """Invoice lines with amounts and a total; splits between rows, repeating the header."""

    ROW = 6.5 * mm

    def __init__(
        self,
        items: tuple[ans.LineItem, ...],
        field: Field,
        ctx: PrintContext,
        lang: str,
        *,
        show_total: bool = True,
        total: float | None = None,
    ) -> None:
        super().__init__()
        self.items = items
        self.field = field
        self.ctx = ctx
        self.lang = lang
        self.show_total = show_total
        self.total = total if total is not None else sum(i.amount for i in items)
        currency = ctx.values.get("currency")
        self.currency = printable(str(currency), multiline=False)[:12] if currency else ""
        self.decimals = money_decimals(ctx, field)

    def _rows(self) -> int:
        return len(self.items) + 1 + (1 if self.show_total else 0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._rows() * self.ROW + 3 * mm
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fit = int((avail_height - 3 * mm) // self.ROW) - 1
        if fit < 2 or fit >= len(self.items):
            return []
        head = ItemsTable(
            self.items[:fit], self.field, self.ctx, self.lang, show_total=False, total=self.total
        )
        tail = ItemsTable(self.items[fit:], self.field, self.ctx, self.lang, total=self.total)
        return [head, tail]

    def _money(self, value: float) -> str:
        return format_number(value, self.lang, self.decimals)

    def draw(self) -> None:
        canv = self.canv
        edges = controls.column_edges(0, self.width)
        top = self.height - 3 * mm
        headers = [
            message("description", self.lang),
            message("quantity", self.lang),
            message("unit_price", self.lang),
            message("amount", self.lang) + (f" ({self.currency})" if self.currency else ""),
        ]
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        for i, header in enumerate(headers):
            canv.setFont(BOLD, 8)
            canv.setFillColor(INK)
            if i == 0:
                canv.drawString(edges[i] + 1.5 * mm, top - 4.5 * mm, header)
            else:
                canv.drawRightString(edges[i + 1] - 1.5 * mm, top - 4.5 * mm, header)
        canv.line(0, top - self.ROW, self.width, top - self.ROW)
        style = Style(REGULAR, 9, 12, INK)
        for row, item in enumerate(self.items, start=1):
            baseline = top - row * self.ROW - 4.5 * mm
            description = printable(item.description, multiline=False)
            room = edges[1] - edges[0] - 3 * mm
            while description and text_width(description, REGULAR, 9) > room:
                description = description[:-2] + "…"
            draw_line_text(canv, style, edges[0] + 1.5 * mm, baseline, description, room)
            canv.setFont(REGULAR, 9)
            cells = [
                format_number(item.quantity, self.lang),
                self._money(item.unit_price),
                self._money(item.amount),
            ]
            for i, cell in enumerate(cells, start=1):
                canv.drawRightString(edges[i + 1] - 1.5 * mm, baseline, cell)
            canv.line(0, top - (row + 1) * self.ROW, self.width, top - (row + 1) * self.ROW)
        if self.show_total:
            baseline = top - (len(self.items) + 1) * self.ROW - 4.5 * mm
            canv.setFont(BOLD, 9.5)
            canv.drawRightString(edges[3] - 1.5 * mm, baseline, message("total", self.lang))
            canv.drawRightString(edges[4] - 1.5 * mm, baseline, self._money(self.total))
            canv.setLineWidth(1)
            canv.setStrokeColor(INK)
            canv.line(
                edges[3],
                top - (len(self.items) + 1) * self.ROW,
                self.width,
                top - (len(self.items) + 1) * self.ROW,
            )
