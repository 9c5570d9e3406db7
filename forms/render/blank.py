"""The story of a blank form for downtime: every field, with room to write by hand.

All fields are printed, conditional ones marked "Only if: ...", because on paper the
person filling in decides; nothing is hidden by answers that do not exist yet.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from forms.context import PrintContext
from forms.messages import message
from forms.model import Field, FormDefinition
from forms.render import controls
from forms.render.common import display_value, keep_signatures_together, notice, prose
from forms.render.describe import describe
from forms.render.flowables import HELP, BlankRow, Control, Heading, Lines
from forms.vitals import MEASURES


def blank_story(definition: FormDefinition, ctx: PrintContext, lang: str) -> list[Flowable]:
    story: list[Flowable] = [notice(message("blank_form", lang))]
    for section in definition.sections:
        note = None
        if section.visible_if is not None:
            when = definition.text(section.when_text, lang) if section.when_text else None
            note = message(
                "only_if", lang, condition=when or describe(section.visible_if, definition, lang)
            )
        part: list[Flowable] = [Heading(definition.text(section.title, lang), note)]
        if section.help:
            part.append(Lines(definition.text(section.help, lang), HELP, space_after=4))
        part.extend(prose(definition, section, lang))
        part.extend(blank_field(definition, field, ctx, lang) for field in section.fields)
        story.extend(keep_signatures_together(section, part))
    return story


def blank_field(definition: FormDefinition, field: Field, ctx: PrintContext, lang: str) -> Flowable:
    """A field with room to answer it by hand."""
    label = definition.text(field.label, lang) + (" *" if field.required else "")
    notes = []
    if field.help:
        notes.append(definition.text(field.help, lang))
    if field.visible_if is not None:
        when = definition.text(field.when_text, lang) if field.when_text else None
        notes.append(
            message("only_if", lang, condition=when or describe(field.visible_if, definition, lang))
        )
    help_text = " ".join(notes) or None
    kind = field.type
    if kind == "display":
        value = ctx.values.get(field.source or "")
        if value is not None:
            return display_value(definition.text(field.label, lang), value, field.style, lang)
        return BlankRow(
            label, controls.WritingLines(2), help=message("write_here", lang), below=True
        )
    control: Control
    below = False
    if kind == "text":
        control = controls.WritingLines(field.lines or 1)
        below = (field.lines or 1) > 1
    elif kind == "long_text":
        control = controls.WritingLines(field.lines or 4)
        below = True
    elif kind == "number":
        control = controls.NumberBoxes(1, field.unit or "")
    elif kind == "vitals":
        measure = MEASURES[field.measure or ""]
        control = controls.NumberBoxes(2 if measure.parts else 1, measure.unit)
    elif kind in ("date", "partial_date"):
        captions = (message("day", lang), message("month", lang), message("year", lang))
        approximate = message("approximate", lang) if kind == "partial_date" else None
        control = controls.DateBoxes(captions, approximate)
    elif kind in ("single_choice", "multiple_choice"):
        options = tuple(definition.text(c.label, lang) for c in field.choices)
        hint = message("tick_one" if kind == "single_choice" else "tick_any", lang)
        control = controls.TickBoxes(options, hint)
    elif kind == "yes_no":
        options = (message("yes", lang), message("no", lang))
        control = controls.TickBoxes(
            (*options, message("unknown", lang)) if field.allow_unknown else options
        )
    elif kind == "signature" or kind == "witness":
        role = message("role", lang) if kind == "witness" else None
        control = controls.SignaturePanel(
            message("signature", lang),
            message("name", lang),
            message("date", lang),
            role_label=role,
        )
        below = True
    elif kind == "thumbprint":
        control = controls.SignaturePanel(
            message("thumbprint_box", lang),
            message("name", lang),
            message("date", lang),
            thumb=True,
        )
        below = True
    else:  # line_items
        headers = (
            message("description", lang),
            message("quantity", lang),
            message("unit_price", lang),
            message("amount", lang),
        )
        control = controls.ItemGrid(headers, message("total", lang), field.lines or 8)
        below = True
    return BlankRow(label, control, help=help_text, below=below)
