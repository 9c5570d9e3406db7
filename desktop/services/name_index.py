"""Looking close spellings up in the persisted name-term index (desktop.store.name_index).

A misspelt word is widened to the terms of the clinic's name index it may stand for: terms
within a length-aware number of edits (optimal string alignment: a transposition is one
edit), terms with the same consonant skeleton ("mohamed" / "muhammad"), and, for a word
still being typed, beginnings of terms within an edit or two ("wanjur" / "wanjir…"). Each
lookup is a handful of indexed reads in the encrypted store, whatever the size of the
vocabulary; nothing is loaded at unlock.

`NameIndex` remembers the answers per word (bounded, most recent kept) so that the widening
passes of one search, and the next keystrokes of the same name, do not ask again. A
registration or a sync that brings new names calls `forget` so that they become candidates
at once; a stale answer could only leave a brand-new spelling out of the typo alternatives,
never hide a patient found by the word as typed.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable

from rapidfuzz.distance import OSA
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.store.name_index import PREFIX, indexed_skeleton, query_deletions

MAX_EXPANSIONS = 8
"""Terms a misspelt word may widen to."""
REMEMBERED = 4096
"""Words whose alternatives are kept (a few hundred bytes each)."""

_TOP = "\U0010ffff"  # sorts after every character: "term >= p AND term < p || _TOP" = prefix p
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

_CLOSE_TERMS = text(
    "SELECT t.term, t.docs, t.skeleton FROM name_term_deletes AS d "
    "JOIN name_terms AS t ON t.id = d.term_id "
    "WHERE d.deletion IN (SELECT value FROM json_each(:keys)) "
    "AND length(t.term) BETWEEN :shortest AND :longest "
    "UNION SELECT term, docs, skeleton FROM name_terms WHERE skeleton = :skeleton"
)
_CLOSE_HEADS = text(
    "SELECT DISTINCT t.term FROM name_term_deletes AS d JOIN name_terms AS t "
    "ON t.id = d.term_id WHERE d.deletion IN (SELECT value FROM json_each(:keys)) "
    "AND length(t.term) >= :shortest"
)
_EXISTING_PREFIXES = text(
    "SELECT value FROM json_each(:prefixes) WHERE EXISTS (SELECT 1 FROM name_terms "
    "WHERE term >= value AND term < value || :top)"
)
_KNOWS = text("SELECT 1 FROM name_terms WHERE term = :term")
_HAS_PREFIX = text("SELECT 1 FROM name_terms WHERE term >= :prefix AND term < :bound LIMIT 1")


def max_edits(length: int) -> int:
    """Edits a word of `length` letters may carry and still be read as a known term."""
    if length <= 2:
        return 0
    if length <= 4:
        return 1
    if length <= 8:
        return 2
    return 3


def _one_edit_prefixes(token: str) -> set[str]:
    """Every beginning one edit from `token`, when `token` is a word being typed: a wrong,
    missing, extra or swapped letter anywhere but in the last place, where a missing or
    extra letter means only that typing goes on."""
    letters = _LETTERS if token.isascii() else "".join(sorted(set(token) | set(_LETTERS)))
    out: set[str] = set()
    for i in range(len(token)):
        out.update(token[:i] + ch + token[i + 1 :] for ch in letters)
        if i < len(token) - 1:
            out.add(token[:i] + token[i + 1 :])  # a letter too many
            out.add(token[:i] + token[i + 1] + token[i] + token[i + 2 :])
        if i > 0:
            out.update(token[:i] + ch + token[i:] for ch in letters)  # a letter missing
    out.discard(token)
    return out


class NameIndex:
    """Close spellings from one store's name-term index, with a memory of recent answers.
    The core holds one per store (through `PatientSearch`); safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._remembered: OrderedDict[tuple[str, str], list[tuple[str, float]]] = OrderedDict()

    def forget(self) -> None:
        """Drop every remembered answer (new names were registered or synced)."""
        with self._lock:
            self._remembered.clear()

    def _recall(
        self, kind: str, word: str, compute: Callable[[], list[tuple[str, float]]]
    ) -> list[tuple[str, float]]:
        key = (kind, word)
        with self._lock:
            found = self._remembered.get(key)
            if found is not None:
                self._remembered.move_to_end(key)
                return found
        found = compute()
        with self._lock:
            self._remembered[key] = found
            while len(self._remembered) > REMEMBERED:
                self._remembered.popitem(last=False)
        return found

    # -- plain questions --

    @staticmethod
    def knows(session: Session, term: str) -> bool:
        return session.connection().execute(_KNOWS, {"term": term}).first() is not None

    @staticmethod
    def has_prefix(session: Session, prefix: str) -> bool:
        bound = prefix + _TOP
        return (
            session.connection().execute(_HAS_PREFIX, {"prefix": prefix, "bound": bound}).first()
            is not None
        )

    # -- close spellings --

    def close_terms(self, session: Session, token: str) -> list[tuple[str, float]]:
        """Terms of which `token` may be a misspelling, with their distance (edits; a match
        by consonant skeleton only counts as the most edits allowed plus a half), closest
        first, then the commonest."""
        return self._recall("term", token, lambda: self._close_terms(session, token))

    def close_prefixes(self, session: Session, token: str) -> list[tuple[str, float]]:
        """Beginnings of terms close to `token` (a misspelt word being typed), with their
        distance, closest first."""
        return self._recall("head", token, lambda: self._close_prefixes(session, token))

    @staticmethod
    def _close_terms(session: Session, token: str) -> list[tuple[str, float]]:
        edits = max_edits(len(token))
        if not edits:
            return []
        skeleton = indexed_skeleton(token)
        rows = session.connection().execute(
            _CLOSE_TERMS,
            {
                "keys": json.dumps(sorted(query_deletions(token, edits)), ensure_ascii=False),
                "shortest": len(token) - edits,
                "longest": len(token) + edits,
                "skeleton": skeleton or "",
            },
        )
        found: dict[str, tuple[float, int]] = {}
        for term, docs, shape in rows:
            if term == token:
                continue
            distance = OSA.distance(token, term, score_cutoff=edits)
            if distance <= edits:
                found[term] = (float(distance), docs)
            elif skeleton and shape == skeleton and OSA.normalized_similarity(token, term) >= 0.5:
                found.setdefault(term, (edits + 0.5, docs))
        ranked = sorted(found, key=lambda t: (found[t][0], -found[t][1], t))
        return [(term, found[term][0]) for term in ranked[:MAX_EXPANSIONS]]

    @staticmethod
    def _close_prefixes(session: Session, token: str) -> list[tuple[str, float]]:
        if len(token) < 4:
            return []
        if len(token) <= 6:
            # One edit: the few hundred beginnings one edit away, each an index probe.
            candidates = sorted(_one_edit_prefixes(token))
            rows = session.connection().execute(
                _EXISTING_PREFIXES,
                {"prefixes": json.dumps(candidates, ensure_ascii=False), "top": _TOP},
            )
            heads = sorted(r[0] for r in rows)
            return [(head, 1.0) for head in heads[:MAX_EXPANSIONS]]
        # Two edits: terms whose beginning shares a deletion with the word's (its first
        # PREFIX letters), then measured on the letters typed.
        rows = session.connection().execute(
            _CLOSE_HEADS,
            {
                "keys": json.dumps(sorted(query_deletions(token[:PREFIX], 2)), ensure_ascii=False),
                "shortest": len(token) - 2,
            },
        )
        best: dict[str, float] = {}
        for (term,) in rows:
            for length in (len(token) - 1, len(token), len(token) + 1):
                head = term[:length]
                if len(head) < length or head == token:
                    continue
                distance = OSA.distance(token, head, score_cutoff=2)
                if distance <= 2 and distance < best.get(head, 3):
                    best[head] = float(distance)
        ranked = sorted(best, key=lambda h: (best[h], h))
        return [(head, best[head]) for head in ranked[:MAX_EXPANSIONS]]
