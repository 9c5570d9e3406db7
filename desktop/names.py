"""Folding names for matching: case, accents, scripts and local spellings.

"Nguyễn", "NGUYEN" and "nguyen" must find each other; so must "Đorđe" and "Dorde", and a
name typed in Cyrillic or Amharic and its usual Latin spelling. A name is split into tokens;
each token is folded (NFKC, case-folded, combining marks removed) and, when it is not plain
ASCII, transliterated (anyascii) as a second token, so both spellings are searchable.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# Names such as Kang'ethe or Ng'ang'a are typed with and without the apostrophe: index the
# joined form too.
_APOSTROPHE_WORD = re.compile(r"[^\W_]+(?:['’ʼ‘`][^\W_]+)+", re.UNICODE)
_APOSTROPHES = str.maketrans("", "", "'’ʼ‘`")


def full_name(given: str | None, other: str | None, family: str | None) -> str:
    """A person's names as shown: given, other and family, the empty ones left out."""
    return " ".join(p for p in (given, other, family) if p)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text` (scripts are kept)."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def transliterate(token: str) -> str:
    return "".join(ch for ch in anyascii(token).lower() if ch.isalnum())


def name_tokens(*parts: str | None) -> list[str]:
    """Distinct search tokens of a name, folded and transliterated, in order of appearance."""
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        folded = fold(part)
        joined = [w.translate(_APOSTROPHES) for w in _APOSTROPHE_WORD.findall(folded)]
        for raw in [*_TOKEN.findall(folded), *joined]:
            for token in (raw, transliterate(raw)):
                if token and token not in out:
                    out.append(token)
    return out


def search_terms(*parts: str | None) -> str:
    """The text indexed for a patient (also registered as SQL function outpost_search_terms)."""
    return " ".join(name_tokens(*parts))


def query_tokens(query: str) -> list[str]:
    """Tokens of what a person typed, folded the way names were folded when indexed.

    No transliteration here: the index holds both forms of every name, so the token as typed
    (in any script) already finds the patient.
    """
    out: list[str] = []
    for token in _TOKEN.findall(fold(query)):
        if token not in out:
            out.append(token)
    return out


def display_fold(text: str) -> str:
    """Folded and transliterated full string, for similarity scoring."""
    return " ".join(transliterate(t) or t for t in _TOKEN.findall(fold(text)))
