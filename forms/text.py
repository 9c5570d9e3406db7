"""Translatable text: every human string in a definition is a mapping language -> text."""

from __future__ import annotations

from collections.abc import Mapping

#: The languages every shipped form is complete in, and that the built-in messages cover.
SHIPPED_LANGUAGES: tuple[str, ...] = ("en", "fr", "sw")

#: Language of last resort when neither the requested nor the form's first language exists.
FALLBACK_LANGUAGE = "en"

Text = Mapping[str, str]


def pick(text: Text | None, lang: str, fallbacks: tuple[str, ...] = ()) -> str:
    """The text in ``lang``, else in the first fallback that has it, else any text at all.

    A clinic may load a form that is complete only in some languages; printing it in
    another one must still produce a readable page rather than fail at the front desk.
    """
    if not text:
        return ""
    value = text.get(lang)
    if value:
        return value
    for other in (*fallbacks, FALLBACK_LANGUAGE):
        value = text.get(other)
        if value:
            return value
    return next(iter(text.values()), "")
