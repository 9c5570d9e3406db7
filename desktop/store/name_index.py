"""The persisted index of name terms that typo-tolerant search looks close spellings up in.

Two tables inside the (encrypted) store, kept by triggers on `patients` beside the FTS5 name
index, so every writer keeps them current: registration and edits through the services, a
sync applying patients from HQ, a restore, a bulk load:

- `name_terms`: every distinct term of the name index (the folded and transliterated tokens
  of `desktop.names.name_tokens`), with the number of live patients carrying it and its
  consonant skeleton (`skeleton`, for "mohamed" / "muhammad");
- `name_term_deletes`: a deletion index in the manner of SymSpell. For each term, the
  strings left by deleting up to `DELETE_DEPTH` letters from its first `PREFIX` letters.
  Two words within k edits (optimal string alignment) share such a string, so the terms a
  misspelt word may stand for are found by looking its own deletions up, without scanning
  the vocabulary. The prefix bounds the entries of a long term (a 12-letter name gives 29,
  not 79); the candidates are then checked on the whole word.

Unlocking reads none of it: a search asks the index for the few terms it needs.

The SQL functions the triggers call are registered on every connection by `register`.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from desktop.names import name_tokens, transliterate

PREFIX = 7
"""Letters of a term whose deletions are indexed."""
MAX_DEPTH = 2
"""Deletions indexed per term at most (see `delete_depth`)."""


def delete_depth(length: int) -> int:
    """Deletions indexed for a term of `length` letters: enough for every query that may be
    widened to it (a query of 3–4 letters allows one edit, of 5 or more two, and a term of
    3–4 letters is then never more than one deletion away from their common form)."""
    if length <= 2:
        return 0
    if length <= 4:
        return 1
    return MAX_DEPTH


def deletions(word: str, depth: int) -> set[str]:
    """`word` and every string left by deleting up to `depth` of its letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))} - found
        found |= frontier
    found.discard("")
    return found


def term_deletions(term: str) -> set[str]:
    """What `name_term_deletes` holds for `term`."""
    return deletions(term[:PREFIX], delete_depth(len(term)))


def query_deletions(token: str, edits: int) -> set[str]:
    """What to look up for a word allowed `edits` edits."""
    return deletions(token[:PREFIX], min(edits, MAX_DEPTH))


_VOWELS = frozenset("aeiouy")
_DIGRAPHS = (
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "g"),
    ("ck", "k"),
    ("sh", "s"),
    ("dh", "d"),
    ("th", "t"),
    ("dj", "j"),
)
_LETTER_CLASS = str.maketrans({"q": "k", "c": "k", "z": "s", "v": "w", "x": "ks"})


@functools.lru_cache(maxsize=65536)
def skeleton(term: str) -> str:
    """A rough consonant skeleton: "mohamed", "muhammad" and "mohammed" all give "mhmd".

    Only used to find *candidates*: the ranking still compares the real spellings.
    """
    word = transliterate(term)
    if not word or not word.isalpha():
        return ""
    for digraph, single in _DIGRAPHS:
        word = word.replace(digraph, single)
    word = word.translate(_LETTER_CLASS)
    head = "a" if word[0] in _VOWELS else word[0]
    out = [head]
    for ch in word[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


def indexed_skeleton(term: str) -> str | None:
    """The skeleton stored for `term` (None when too short to mean anything)."""
    found = skeleton(term)
    return found if len(found) >= 3 else None


# --- the SQL functions the triggers use ---------------------------------------------------


def _terms_json(given: Any, other: Any, family: Any) -> str:
    return json.dumps(name_tokens(given, other, family), ensure_ascii=False)


def _deletes_json(term: Any) -> str:
    return json.dumps(sorted(term_deletions(str(term))), ensure_ascii=False)


def _skeleton_sql(term: Any) -> str | None:
    return indexed_skeleton(str(term))


def register(conn: Any) -> None:
    """Make the functions of the name-term triggers known to a DB-API connection."""
    conn.create_function("outpost_name_terms", 3, _terms_json, deterministic=True)
    conn.create_function("outpost_term_deletes", 1, _deletes_json, deterministic=True)
    conn.create_function("outpost_term_skeleton", 1, _skeleton_sql, deterministic=True)
