"""Translations as data: every text slot of a definition has a stable key.

Keys are built from ids, not positions (``fields.sex.choices.female``), so a clinic's
translation file keeps working when a later edit reorders a section. A translation
file adds one language to one version of one form; see FORMAT.md.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from forms.jsonpos import Path

TEXT_SLOTS = ("label", "title", "help", "when_text", "message", "description")


@dataclass(frozen=True, slots=True)
class TextSlot:
    key: str
    path: Path
    text: Mapping[str, object]


def text_slots(raw: Mapping[str, object]) -> Iterator[TextSlot]:
    """Every translatable text of a (schema-valid) raw definition, in document order."""
    for slot in ("title", "description"):
        value = raw.get(slot)
        if isinstance(value, Mapping):
            yield TextSlot(slot, (slot,), value)
    sections = raw.get("sections")
    for s_index, section in enumerate(sections if isinstance(sections, list) else []):
        if not isinstance(section, Mapping):
            continue
        s_path: Path = ("sections", s_index)
        prefix = f"sections.{section.get('id')}"
        yield from _own_slots(section, prefix, s_path)
        for listed in ("paragraphs", "bullets"):
            items = section.get(listed)
            for i, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, Mapping):
                    yield TextSlot(f"{prefix}.{listed}.{i}", (*s_path, listed, i), item)
        fields = section.get("fields")
        for f_index, field in enumerate(fields if isinstance(fields, list) else []):
            if not isinstance(field, Mapping):
                continue
            f_path: Path = (*s_path, "fields", f_index)
            f_prefix = f"fields.{field.get('id')}"
            yield from _own_slots(field, f_prefix, f_path)
            choices = field.get("choices")
            for c_index, choice in enumerate(choices if isinstance(choices, list) else []):
                if isinstance(choice, Mapping) and isinstance(choice.get("label"), Mapping):
                    yield TextSlot(
                        f"{f_prefix}.choices.{choice.get('value')}",
                        (*f_path, "choices", c_index, "label"),
                        choice["label"],
                    )
    rules = raw.get("rules")
    for r_index, rule in enumerate(rules if isinstance(rules, list) else []):
        if isinstance(rule, Mapping):
            yield from _own_slots(rule, f"rules.{rule.get('id')}", ("rules", r_index))


def _own_slots(node: Mapping[str, object], prefix: str, path: Path) -> Iterator[TextSlot]:
    for slot in TEXT_SLOTS:
        value = node.get(slot)
        if isinstance(value, Mapping):
            yield TextSlot(f"{prefix}.{slot}", (*path, slot), value)


def template(raw: Mapping[str, object], source_lang: str) -> dict[str, str]:
    """Key -> text in ``source_lang``: the starting point of a new translation file."""
    out: dict[str, str] = {}
    for slot in text_slots(raw):
        value = slot.text.get(source_lang)
        out[slot.key] = value if isinstance(value, str) else ""
    return out


def apply(raw: Mapping[str, object], language: str, texts: Mapping[str, str]) -> dict[str, object]:
    """A copy of ``raw`` with ``language`` added from ``texts`` (keys as in :func:`template`).

    Completeness is checked by the caller (missing keys would leave holes); this only
    writes the texts it is given into the slots they name.
    """
    result = copy.deepcopy(dict(raw))
    for slot in list(text_slots(result)):
        value = texts.get(slot.key)
        if value is not None:
            target = slot.text
            assert isinstance(target, dict)  # deepcopy of JSON data: plain dicts
            target[language] = value
    languages = result.get("languages")
    if isinstance(languages, list) and language not in languages:
        result["languages"] = [*languages, language]
    return result
