"""The in-memory form definition: immutable, built only by the loader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from forms.conditions import Condition
from forms.text import Text, pick

FieldType = Literal[
    "text",
    "long_text",
    "number",
    "date",
    "partial_date",
    "single_choice",
    "multiple_choice",
    "yes_no",
    "vitals",
    "signature",
    "thumbprint",
    "witness",
    "line_items",
    "display",
]

FIELD_TYPES: tuple[str, ...] = FieldType.__args__  # type: ignore[attr-defined]

#: Fields whose answer is a signature record (see forms/signatures.py).
SIGNATURE_TYPES = frozenset({"signature", "thumbprint", "witness"})

#: Fields that show something rather than take an answer.
DISPLAY_TYPES = frozenset({"display"})

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True, slots=True)
class Field:
    id: str
    type: FieldType
    label: Text
    path: str
    help: Text | None = None
    required: bool = False
    visible_if: Condition | None = None
    when_text: Text | None = None
    max_length: int | None = None
    lines: int | None = None
    unit: str | None = None
    integer: bool = False
    min: float | None = None
    max: float | None = None
    plausible_min: float | None = None
    plausible_max: float | None = None
    decimals: int | None = None
    choices: tuple[Choice, ...] = ()
    allow_unknown: bool = False
    measure: str | None = None
    not_future: bool = False
    source: str | None = None
    style: str | None = None

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    def choice_label(self, value: str, lang: str, fallbacks: tuple[str, ...] = ()) -> str:
        found = self.choice(value)
        return pick(found.label, lang, fallbacks) if found else value


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    path: str
    fields: tuple[Field, ...]
    help: Text | None = None
    paragraphs: tuple[Text, ...] = ()
    bullets: tuple[Text, ...] = ()
    visible_if: Condition | None = None
    when_text: Text | None = None
    on_paper: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    check: Condition
    fields: tuple[str, ...]
    message: Text
    severity: Severity
    path: str


@dataclass(frozen=True, slots=True)
class FormDefinition:
    """One version of one form. ``fingerprint`` is the SHA-256 of its canonical JSON, so
    a record can prove which exact text it was filled and signed with."""

    id: str
    version: int
    title: Text
    languages: tuple[str, ...]
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...]
    fingerprint: str
    source: str
    raw: Mapping[str, object] = field(repr=False, compare=False)
    description: Text | None = None
    about_patient: bool = True
    # A version of a shipped form's id that the clinic installed itself (with
    # `--replace-shipped`): its printouts say it is the clinic's own wording, not Outpost's.
    clinic_own: bool = False
    _fields: Mapping[str, Field] = field(default_factory=dict, repr=False, compare=False)
    _section_of: Mapping[str, Section] = field(default_factory=dict, repr=False, compare=False)
    _order: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @property
    def fields(self) -> Mapping[str, Field]:
        """Every field by id, in the order they appear on the form."""
        return self._fields

    @property
    def dependency_order(self) -> tuple[str, ...]:
        """Field ids ordered so that every field comes after the fields its visibility
        reads; visibility is worked out in this order (a hidden field counts as unanswered
        for the fields that depend on it)."""
        return self._order

    def section_of(self, field_id: str) -> Section:
        return self._section_of[field_id]

    def title_in(self, lang: str) -> str:
        return pick(self.title, lang, self.languages)

    def text(self, text: Text | None, lang: str) -> str:
        """``text`` in ``lang``, falling back to this form's own languages first."""
        return pick(text, lang, self.languages)


def build_definition(
    *,
    id: str,
    version: int,
    title: Text,
    languages: tuple[str, ...],
    sections: tuple[Section, ...],
    rules: tuple[Rule, ...],
    fingerprint: str,
    source: str,
    raw: Mapping[str, object],
    description: Text | None,
    about_patient: bool,
    order: tuple[str, ...],
) -> FormDefinition:
    fields = {f.id: f for s in sections for f in s.fields}
    section_of = {f.id: s for s in sections for f in s.fields}
    return FormDefinition(
        id=id,
        version=version,
        title=title,
        languages=languages,
        sections=sections,
        rules=rules,
        fingerprint=fingerprint,
        source=source,
        raw=raw,
        description=description,
        about_patient=about_patient,
        _fields=fields,
        _section_of=section_of,
        _order=order,
    )
