"""Messages for people that the GUI can show in its own language.

The core has no Qt and no translator, yet its messages (a field's problem, a double booking,
a wrong password) reach a GUI that may speak French. A `Message` is the English text itself
(a `str`: the command line, the logs and the tests read it unchanged) that also remembers the
template and the values it was made from, so `localize` can make it again from a translated
template. Catalogues are plain JSON beside this module (messages_<lang>.json), mapping the
English template to the translated one.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

CATALOGUE_DIR = Path(__file__).parent


class Message(str):
    """English text that remembers its template and parameters (see `msg`)."""

    template: str
    params: Mapping[str, str]

    def __new__(cls, template: str, params: Mapping[str, str]) -> Message:
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = dict(params)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.template, self.params))


def msg(template: str, **params: object) -> Message:
    """The message `template.format(**params)`, in English, translatable later.

    Parameters are turned into text now; give a `Message` for a parameter that is itself a
    word to translate (a weekday, a status)."""
    return Message(template, {k: v if isinstance(v, str) else str(v) for k, v in params.items()})


def join(separator: str, items: Iterable[str]) -> Message:
    """`separator.join(items)` whose items are translated one by one."""
    texts = list(items)
    sep = separator.replace("{", "{{").replace("}", "}}")
    template = sep.join(f"{{i{n}}}" for n in range(len(texts)))
    return Message(template, {f"i{n}": text for n, text in enumerate(texts)})


def message_of(error: BaseException) -> str:
    """An exception's message, still a `Message` when it was made as one (`str(error)` would
    turn it into plain English)."""
    if len(error.args) == 1 and isinstance(error.args[0], str):
        return error.args[0]
    return str(error)


@functools.cache
def catalogue(language: str) -> Mapping[str, str]:
    """English template → translated template; empty for English or an unknown language."""
    if not language.isalpha():
        return {}
    path = CATALOGUE_DIR / f"messages_{language}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {str(k): str(v) for k, v in data.items()}


def localize(text: str, language: str) -> str:
    """`text` in `language` when it is a `Message` the catalogue knows; else `text` as it is."""
    if not isinstance(text, Message):
        return text
    translated = catalogue(language).get(text.template)
    params = {k: localize(v, language) for k, v in text.params.items()}
    if translated is None:
        if params == text.params:  # nothing inside was translated either
            return text
        translated = text.template
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken catalogue entry: English is better
        return str.__str__(text)


__all__ = ["Message", "catalogue", "join", "localize", "message_of", "msg"]
