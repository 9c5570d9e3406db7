"""Finding a patient at the front desk: by name, phone, identifier or date of birth.

What the coordinator types decides the kind of search:

- a date (2001-03-17, 17/03/2001, 17.03.2001: the formats of `desktop.dates`, as everywhere)
  finds patients born that day; a patient whose
  birth date is estimated (only the year is known) is found by any date in that year;
- digits (with +, spaces, dashes) find a phone number, normalised in the clinic's region and
  matched exactly in E.164 form, or by its last digits (4 or more: the indexed
  `phone_reversed` column turns "ends with" into "starts with"), and digit-only identifiers;
- letters and digits together ("OP004512", "KHP-QX0042", "khp qx0042") find a national ID
  or clinic number, exactly (case-insensitive, with or without the dash) and then by prefix;
- anything else is a name.

Names are matched on the FTS5 index `patient_names` (rowid = patients.pk), whose terms are
the folded and transliterated name tokens of `desktop.names`: case, accents and script do
not matter, word order does not matter, and the last word typed is a prefix. The search
first matches every word as typed. Only when that finds fewer patients than asked for are
words widened to close terms of the index's vocabulary, closest first (see `_passes`): words
within a length-aware number of edits (optimal string alignment, so a transposition is one
edit), words with the same consonant skeleton ("mohamed" / "muhammad", "wanjuru" /
"wanjiru"), and for the last word, close prefixes ("wanjur" / "wanjir…"). The vocabulary
(`patient_names_vocab`) is read once per database, lazily or by `PatientSearch.warm`, and
kept in memory by the `PatientSearch` object (the core holds one; there is no module-level
cache); `PatientSearch.note_new_names` keeps it current after a registration. A word
the vocabulary does not know yet is still matched as typed, so a stale vocabulary never hides
a patient: it only delays typo tolerance for a brand-new name.

Every index lookup is bounded (a LIMIT inside the FTS subquery, `CANDIDATE_FLOOR`), so a
one-letter prefix that matches half the clinic costs no more than a precise name. Candidates
are then ranked in Python with rapidfuzz on the folded names. Tombstoned patients are never
returned.

Nothing here raises on what a person types: FTS syntax in a query is quoted away, and the
query is clipped to a sane length first.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
import math
import re
import threading
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import phonenumbers
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from sqlalchemy import Connection, Engine, Integer, Row, Select, column, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop.dates import parse_date
from desktop.messages import msg
from desktop.names import display_fold, fold, name_tokens, query_tokens, transliterate
from desktop.store.models import Patient

log = logging.getLogger(__name__)

_Row: TypeAlias = Row[*tuple[Any, ...]]
_Stmt: TypeAlias = Select[*tuple[Any, ...]]

__all__ = ["PatientSearch", "SearchHit", "likely_duplicates"]

MAX_QUERY_CHARS = 200
"""Longer input is clipped: nobody types a 200-character name, and a pasted essay must not
turn into a huge FTS expression."""
MAX_QUERY_TOKENS = 6
MAX_TOKEN_CHARS = 40
MAX_LIMIT = 500
CANDIDATE_FLOOR = 60
"""Rows read per lookup: max(CANDIDATE_FLOOR, 3 * limit). Where more patients match (a
one-letter prefix, a common name), the ones ranked are the first the index returns: a person
typing a broad prefix types on. Each candidate row read from SQLCipher is a page decrypted,
so a smaller set is faster, and the benchmark found no loss in finding the patient meant."""
MAX_EXPANSIONS = 8
"""Vocabulary terms a misspelt word may widen to."""
DUPLICATE_CANDIDATES = 300
SIMILAR_NAME = 0.8
"""Name similarity (0..1) from which two registrations are "similar name"."""

# Kinds of match, also the order in which equally good hits are listed.
_KIND_ORDER = {"id": 0, "phone": 1, "dob": 2, "name": 3}

_COLUMNS = (
    Patient.pk,
    Patient.id,
    Patient.given_name,
    Patient.other_names,
    Patient.family_name,
    Patient.birth_date,
    Patient.birth_date_estimated,
    Patient.sex,
    Patient.phone,
    Patient.village,
    Patient.national_id,
    Patient.clinic_number,
)

_PHONE_LIKE = re.compile(r"[\d\s+()\-./]+")
_IDENTIFIER = re.compile(r"[^\W_]+(?:[-/.][^\W_]+)*")


@dataclass(frozen=True)
class SearchHit:
    patient_id: uuid.UUID
    display_name: str
    birth_date: dt.date | None
    birth_date_estimated: bool
    sex: str
    phone: str | None
    village: str
    national_id: str | None
    clinic_number: str | None
    score: float
    matched: str  # "name" | "phone" | "id" | "dob"


# --- small helpers -------------------------------------------------------------------------


def _display_name(given: str, other: str, family: str) -> str:
    return " ".join(p for p in (given, other, family) if p)


def _hit(row: _Row, score: float, matched: str) -> SearchHit:
    sex = row.sex
    return SearchHit(
        patient_id=row.id,
        display_name=_display_name(row.given_name, row.other_names, row.family_name),
        birth_date=row.birth_date,
        birth_date_estimated=bool(row.birth_date_estimated),
        sex=str(getattr(sex, "value", sex)),
        phone=row.phone,
        village=row.village,
        national_id=row.national_id,
        clinic_number=row.clinic_number,
        score=round(score, 2),
        matched=matched,
    )


def _upper_bound(prefix: str) -> str:
    """The smallest string greater than every string that starts with `prefix`."""
    last = ord(prefix[-1])
    if last >= 0x10FFFF:  # nothing sorts after it: extend instead
        return prefix + "\U0010ffff"
    return prefix[:-1] + chr(last + 1)


def _fts_string(term: str, *, prefix: bool) -> str:
    # A double-quoted FTS5 string is never an operator; a quote inside is doubled.
    quoted = '"' + term.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


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
def _skeleton(term: str) -> str:
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


def _max_edits(length: int) -> int:
    if length <= 2:
        return 0
    if length <= 4:
        return 1
    if length <= 8:
        return 2
    return 3


# --- the in-memory vocabulary of the name index ---------------------------------------------


class _Vocabulary:
    """Every term of the name index, with its document count, held in memory for fuzzy
    matching. Reading it costs one scan of the FTS index, so it is done once per database."""

    def __init__(self, rows: Iterable[tuple[str, int]]) -> None:
        self._lock = threading.Lock()
        self.freq: dict[str, int] = {}
        self.by_length: dict[int, list[str]] = {}
        self.by_skeleton: dict[str, list[str]] = {}
        self.sorted_terms: list[str] = []
        self._prefixes: dict[int, list[str]] = {}
        for term, doc in rows:
            self._insert(term, int(doc))
        self.sorted_terms = sorted(self.freq)

    def _insert(self, term: str, doc: int) -> bool:
        if term in self.freq:
            self.freq[term] += doc
            return False
        self.freq[term] = doc
        self.by_length.setdefault(len(term), []).append(term)
        skeleton = _skeleton(term)
        if len(skeleton) >= 3:
            self.by_skeleton.setdefault(skeleton, []).append(term)
        return True

    def add(self, terms: Iterable[str]) -> None:
        with self._lock:
            for term in terms:
                if self._insert(term, 1):
                    bisect.insort(self.sorted_terms, term)
                    for length, pool in self._prefixes.items():
                        head = term[:length]
                        i = bisect.bisect_left(pool, head)
                        if len(term) >= length and (i == len(pool) or pool[i] != head):
                            pool.insert(i, head)

    def __len__(self) -> int:
        return len(self.freq)

    def knows(self, term: str) -> bool:
        return term in self.freq

    def has_prefix(self, prefix: str) -> bool:
        terms = self.sorted_terms
        i = bisect.bisect_left(terms, prefix)
        return i < len(terms) and terms[i].startswith(prefix)

    def close_terms(self, token: str) -> list[tuple[str, float]]:
        """Vocabulary terms of which `token` may be a misspelling, with their distance
        (edits; a match by consonant skeleton only counts as the most edits allowed plus a
        half), closest first."""
        edits = _max_edits(len(token))
        if not edits:
            return []
        found: dict[str, float] = {}
        for length in range(len(token) - edits, len(token) + edits + 1):
            pool = self.by_length.get(length)
            if not pool:
                continue
            for term, distance, _ in process.extract(
                token, pool, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                found[term] = float(distance)
        skeleton = _skeleton(token)
        if len(skeleton) >= 3:
            for term in self.by_skeleton.get(skeleton, ()):
                if term not in found and OSA.normalized_similarity(token, term) >= 0.5:
                    found[term] = edits + 0.5
        found.pop(token, None)
        ranked = sorted(found, key=lambda t: (found[t], -self.freq.get(t, 0), t))
        return [(term, found[term]) for term in ranked[:MAX_EXPANSIONS]]

    def close_prefixes(self, token: str) -> list[tuple[str, float]]:
        """Beginnings of vocabulary terms close to `token` (a misspelt word being typed),
        with their distance, closest first."""
        if len(token) < 4:
            return []
        edits = 1 if len(token) <= 6 else 2
        pool = self._prefix_pool(len(token))
        matches = process.extract(token, pool, scorer=OSA.distance, score_cutoff=edits, limit=None)
        ranked = sorted(matches, key=lambda m: (m[1], m[0]))
        return [(m[0], float(m[1])) for m in ranked if m[0] != token][:MAX_EXPANSIONS]

    def prepare(self) -> None:
        """Build the prefix pools of the usual word lengths now rather than on first use."""
        for length in range(4, 13):
            self._prefix_pool(length)

    def _prefix_pool(self, length: int) -> list[str]:
        pool = self._prefixes.get(length)
        if pool is None:
            pool = sorted({t[:length] for t in self.sorted_terms if len(t) >= length})
            self._prefixes[length] = pool
        return pool


def _engine_of(session: Session) -> Engine:
    bind = session.get_bind()
    return bind.engine if isinstance(bind, Connection) else bind


def _read_vocabulary(session: Session) -> _Vocabulary:
    rows = session.execute(text("SELECT term, doc FROM patient_names_vocab"))
    vocab = _Vocabulary((r[0], r[1]) for r in rows)
    log.debug("loaded %d name index terms", len(vocab))
    return vocab


# --- reading candidates ---------------------------------------------------------------------


def _rows(session: Session, stmt: _Stmt) -> list[_Row]:
    return list(session.execute(stmt.where(Patient.deleted.is_(False))))


def _fts_rows(session: Session, match: str, cap: int) -> list[_Row]:
    """Live patients whose name terms satisfy the FTS5 expression `match` (at most `cap`)."""
    inner = (
        text("SELECT rowid FROM patient_names WHERE patient_names MATCH :match LIMIT :cap")
        .bindparams(match=match, cap=cap)
        .columns(column("rowid", Integer))
    )
    try:
        return _rows(session, select(*_COLUMNS).where(Patient.pk.in_(inner)))
    except OperationalError as exc:
        # A character the FTS tokenizer reads differently from us can still make an odd
        # expression; a person's typing must never break the search screen.
        log.warning("name index query failed (%s)", type(exc.orig).__name__)
        return []


@dataclass
class _QueryToken:
    text: str
    alt: str  # transliterated form ("" when the same)
    prefix: bool  # being typed: match as a prefix

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.text, self.alt) if self.alt else (self.text,)


def _query_tokens(query: str) -> list[_QueryToken]:
    raw = [t[:MAX_TOKEN_CHARS] for t in query_tokens(query[:MAX_QUERY_CHARS])]
    words = [t for t in raw if not t.isdigit()] or raw
    words = words[:MAX_QUERY_TOKENS]
    out = []
    for i, word in enumerate(words):
        alt = transliterate(word)
        out.append(_QueryToken(word, alt if alt and alt != word else "", i == len(words) - 1))
    return out


def _token_score(forms: Sequence[str], prefix: bool, candidate: Sequence[str]) -> float:
    """How well one typed word matches the best of a patient's name tokens (0..1)."""
    best = 0.0
    for form in forms:
        for term in candidate:
            if term == form:
                return 1.0
            if term.startswith(form):
                score = (0.9 if prefix else 0.8) + 0.08 * len(form) / len(term)
            else:
                score = 0.88 * OSA.normalized_similarity(form, term)
                if prefix and len(term) > len(form):
                    head = term[: len(form)]
                    score = max(score, 0.85 * OSA.normalized_similarity(form, head))
                skeleton = _skeleton(form)
                if len(skeleton) >= 3 and skeleton == _skeleton(term):
                    score = max(score, 0.8)
            best = max(best, score)
    return best


def _name_score(tokens: Sequence[_QueryToken], folded_query: str, row: _Row) -> float:
    candidate = name_tokens(row.given_name, row.other_names, row.family_name)
    if not candidate or not tokens:
        return 0.0
    per_token = [_token_score(t.forms, t.prefix, candidate) for t in tokens]
    base = sum(per_token) / len(per_token)
    folded_name = display_fold(_display_name(row.given_name, row.other_names, row.family_name))
    # Whole-name similarity, half order-blind, half in order: "mohamed hassan" ranks
    # Mohamed Hassan just above Hassan Mohamed.
    whole = (
        fuzz.token_sort_ratio(folded_query, folded_name) + fuzz.ratio(folded_query, folded_name)
    ) / 200.0
    words = max(1, len(folded_name.split()))
    coverage = min(1.0, len(tokens) / words)
    return 100.0 * (0.85 * base + 0.10 * whole + 0.05 * coverage)


# --- the search -----------------------------------------------------------------------------


@dataclass
class _Found:
    """Best score per patient while merging the results of several lookups."""

    hits: dict[int, tuple[float, str, _Row]] = field(default_factory=dict)

    def add(self, row: _Row, score: float, kind: str) -> None:
        old = self.hits.get(row.pk)
        if old is None or score > old[0]:
            self.hits[row.pk] = (score, kind, row)

    def __len__(self) -> int:
        return len(self.hits)

    def best(self, limit: int) -> list[SearchHit]:
        ranked = sorted(
            self.hits.values(),
            key=lambda h: (
                -h[0],
                _KIND_ORDER[h[1]],
                display_fold(_display_name(h[2].given_name, h[2].other_names, h[2].family_name)),
                h[2].pk,
            ),
        )
        return [_hit(row, score, kind) for score, kind, row in ranked[:limit]]


class PatientSearch:
    """Patient search for one unlocked store. Build it once and keep it: it holds the name
    vocabulary in memory. Safe to call from the (single) database worker thread."""

    def __init__(self, default_region: str | None) -> None:
        self.default_region = (default_region or "").upper() or None
        # The name vocabulary, per database this object has searched (normally one: the
        # core's store); read lazily, kept current by `note_new_names`.
        self._vocabs: weakref.WeakKeyDictionary[Engine, _Vocabulary] = weakref.WeakKeyDictionary()
        self._vocabs_lock = threading.Lock()

    # -- cache of the name vocabulary --

    def vocabulary(self, session: Session) -> _Vocabulary:
        engine = _engine_of(session)
        vocab = self._vocabs.get(engine)
        if vocab is not None:
            return vocab
        with self._vocabs_lock:
            vocab = self._vocabs.get(engine)
            if vocab is None:
                vocab = _read_vocabulary(session)
                self._vocabs[engine] = vocab
        return vocab

    def warm(self, session: Session) -> None:
        """Read the name vocabulary now (e.g. on the worker right after unlocking), so the
        first typo-tolerant search does not pay for it."""
        self.vocabulary(session).prepare()

    def note_new_names(self, *names: str) -> None:
        """A patient was registered or renamed: make their name tokens known to the cached
        vocabulary (without re-reading it)."""
        terms = name_tokens(*names)
        if not terms:
            return
        with self._vocabs_lock:
            vocabs = list(self._vocabs.values())
        for vocab in vocabs:
            vocab.add(terms)

    def invalidate(self) -> None:
        """Forget the cached vocabulary (after sync applied many changes, or a restore)."""
        with self._vocabs_lock:
            self._vocabs.clear()

    # -- searching --

    def likely_duplicates(
        self, session: Session, **values: Any
    ) -> list[tuple[SearchHit, list[str]]]:
        """`likely_duplicates` with this object's cached vocabulary."""
        return likely_duplicates(session, search=self, **values)

    def search(self, session: Session, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Patients matching `query`, best match first."""
        limit = min(limit, MAX_LIMIT)
        query = (query or "")[: MAX_QUERY_CHARS * 2].strip()
        if limit <= 0 or not query:
            return []
        cap = max(CANDIDATE_FLOOR, 3 * limit)
        found = _Found()
        birth = parse_date(query)
        if birth is not None:
            self._by_birth_date(session, birth, cap, found)
            return found.best(limit)
        if _PHONE_LIKE.fullmatch(query):
            digits = "".join(ch for ch in query if ch.isdigit())
            if digits:
                self._by_phone(session, query, digits, cap, found)
                self._by_identifier(session, digits, cap, found)
                return found.best(limit)
        compact = query.replace(" ", "")
        if (
            len(query.split()) <= 2
            and _IDENTIFIER.fullmatch(compact)
            and any(ch.isdigit() for ch in compact)
            and any(ch.isalpha() for ch in compact)
        ):
            self._by_identifier(session, compact, cap, found)
            if found:
                return found.best(limit)
        self._by_name(session, query, limit, cap, found)
        return found.best(limit)

    def _by_birth_date(self, session: Session, birth: dt.date, cap: int, found: _Found) -> None:
        base = select(*_COLUMNS)
        for row in _rows(session, base.where(Patient.birth_date == birth).limit(cap)):
            found.add(row, 70.0 if row.birth_date_estimated else 100.0, "dob")
        # An estimated birth date is stored as 1 July of the year: any date in it matches.
        estimated = base.where(
            Patient.birth_date == dt.date(birth.year, 7, 1),
            Patient.birth_date_estimated.is_(True),
        )
        for row in _rows(session, estimated.limit(cap)):
            found.add(row, 70.0, "dob")

    def _by_phone(self, session: Session, query: str, digits: str, cap: int, found: _Found) -> None:
        base = select(*_COLUMNS)
        e164_digits = None
        try:
            number = phonenumbers.parse(query, self.default_region)
            if phonenumbers.is_valid_number(number):
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                e164_digits = e164.lstrip("+")
        except phonenumbers.NumberParseException:
            pass
        if e164_digits:
            exact = _rows(
                session, base.where(Patient.phone_reversed == e164_digits[::-1]).limit(cap)
            )
            for row in exact:
                found.add(row, 100.0, "phone")
            if exact and len(digits) >= 9:
                return  # a whole number, and it is known: its last digits add nothing
        suffixes = {digits}
        if digits.startswith("0"):
            suffixes.add(digits.lstrip("0"))  # "0712…" typed the local way: drop the trunk 0
        for suffix in suffixes:
            if len(suffix) < 4:
                continue
            rev = suffix[::-1]
            ends_with = base.where(
                Patient.phone_reversed >= rev, Patient.phone_reversed < _upper_bound(rev)
            ).limit(cap)
            score = 60.0 + 35.0 * min(len(suffix), 9) / 9
            for row in _rows(session, ends_with):
                found.add(row, score, "phone")

    def _by_identifier(self, session: Session, ident: str, cap: int, found: _Found) -> None:
        ident = ident[:64]
        spellings = {ident, ident.upper(), ident.lower()}
        if ident.isalnum() and not ident.isdigit():
            # A clinic number read out or typed without its dash ("khpqx0042"): the dash
            # follows a code of two to five letters.
            upper = ident.upper()
            spellings |= {f"{upper[:n]}-{upper[n:]}" for n in range(2, 6) if n < len(upper)}
        variants = sorted(spellings)
        base = select(*_COLUMNS)
        columns = (Patient.national_id, Patient.clinic_number)
        exact = False
        for col in columns:
            for row in _rows(session, base.where(col.in_(variants)).limit(cap)):
                found.add(row, 100.0, "id")
                exact = True
        if exact or len(ident) < 3:
            return
        for col in columns:
            for prefix in sorted({ident.upper(), ident}):
                starts = base.where(col > prefix, col < _upper_bound(prefix)).limit(cap)
                for row in _rows(session, starts):
                    found.add(row, 80.0, "id")

    def _by_name(self, session: Session, query: str, limit: int, cap: int, found: _Found) -> None:
        tokens = _query_tokens(query)
        if not tokens:
            return
        folded_query = display_fold(" ".join(t.text for t in tokens))
        rows: dict[int, _Row] = {}
        for match in _passes(lambda: self.vocabulary(session), tokens, limit):
            for row in _fts_rows(session, match, cap):
                rows.setdefault(row.pk, row)
            if len(rows) >= limit:
                break
        for row in rows.values():
            found.add(row, _name_score(tokens, folded_query, row), "name")


_WIDE = math.inf


def _passes(
    vocabulary: Callable[[], _Vocabulary], tokens: Sequence[_QueryToken], limit: int
) -> Iterator[str]:
    """The FTS5 expressions to try, most precise first; the caller stops once it has
    `limit` patients (so the vocabulary is not even read for a name typed correctly).

    1. every word as typed (the last as a prefix);
    2. words the index does not know widened by one edit, then 3. by more edits and by
       consonant skeleton: the closest spellings are tried first, so that a common name two
       edits away cannot crowd out the right one within the bounded candidate set;
    4. every word widened: "mohamed" is a real name, and still a spelling of "muhammad".
    """
    yield " AND ".join(_fts_string(t.text, prefix=t.prefix) for t in tokens)
    vocab = vocabulary()
    unknown = [not _known(vocab, t) for t in tokens]
    plans: list[list[float]] = []
    if any(unknown):
        plans.append([1.0 if u else 0.0 for u in unknown])
        plans.append([_WIDE if u else 0.0 for u in unknown])
    plans.append([_WIDE] * len(tokens))
    seen: set[str] = set()
    for plan in plans:
        match = " AND ".join(
            _group(_alternatives(vocab, t, within=w)) for t, w in zip(tokens, plan, strict=True)
        )
        if match not in seen:
            seen.add(match)
            yield match


def _known(vocab: _Vocabulary, token: _QueryToken) -> bool:
    if token.prefix:
        return any(vocab.has_prefix(form) for form in token.forms)
    return any(vocab.knows(form) for form in token.forms)


def _alternatives(vocab: _Vocabulary, token: _QueryToken, *, within: float) -> list[str]:
    """FTS5 strings for `token`: itself (as a prefix), and the vocabulary terms it may be a
    misspelling of, up to `within` edits."""
    parts: dict[str, None] = {}
    for form in token.forms:
        parts[_fts_string(form, prefix=True)] = None
    if within > 0:
        for form in token.forms:
            for term, distance in vocab.close_terms(form):
                if distance <= within:
                    parts[_fts_string(term, prefix=False)] = None
            if token.prefix and not vocab.has_prefix(form):
                for head, distance in vocab.close_prefixes(form):
                    if distance <= within:
                        parts[_fts_string(head, prefix=True)] = None
    return list(parts)


def _group(alternatives: Sequence[str]) -> str:
    return "(" + " OR ".join(alternatives) + ")"


# --- likely duplicates at registration ------------------------------------------------------


def _birth_years_compatible(a: dt.date | None, b: dt.date | None, estimated: bool) -> bool:
    if a is None or b is None:
        return True
    return abs(a.year - b.year) <= (5 if estimated else 1)


def likely_duplicates(
    session: Session,
    *,
    given_name: str,
    family_name: str,
    other_names: str,
    birth_date: dt.date | None,
    phone_e164: str | None,
    village: str,
    exclude_id: uuid.UUID | None = None,
    limit: int = 10,
    birth_date_estimated: bool = False,
    national_id: str | None = None,
    clinic_number: str | None = None,
    search: PatientSearch | None = None,
) -> list[tuple[SearchHit, list[str]]]:
    """Existing patients who may be the person being registered, strongest first, each with
    the reasons a person can check ("similar name", "same phone", "same date of birth and
    village").

    A similar name only counts when the birth dates do not rule it out (two Mary Kamaus born
    thirty years apart are two people). A shared phone counts on its own: families share one.
    With `birth_date_estimated` (only an age was given), a birth date matches on its year.
    `search` lends its cached name vocabulary (without it, the vocabulary is read afresh).
    """
    if limit <= 0:
        return []
    base = select(*_COLUMNS)
    rows: dict[int, _Row] = {}
    same_phone: set[int] = set()
    if phone_e164:
        digits = "".join(ch for ch in phone_e164 if ch.isdigit())
        if digits:
            same = base.where(Patient.phone_reversed == digits[::-1]).limit(DUPLICATE_CANDIDATES)
            for row in _rows(session, same):
                rows[row.pk] = row
                same_phone.add(row.pk)
    same_identifier: dict[int, str] = {}
    for ident_column, value, reason in (
        (Patient.national_id, national_id, msg("same national ID")),
        (Patient.clinic_number, clinic_number, msg("same clinic number")),
    ):
        if value:
            for row in _rows(
                session, base.where(ident_column == value).limit(DUPLICATE_CANDIDATES)
            ):
                rows[row.pk] = row
                same_identifier.setdefault(row.pk, reason)
    if birth_date is not None:
        stmt: _Stmt | None
        if not birth_date_estimated:
            stmt = base.where(Patient.birth_date.in_([birth_date, dt.date(birth_date.year, 7, 1)]))
        elif village.strip():
            # A whole year of births is thousands of patients: only the same village matters.
            spellings = {village.strip(), village.strip().title(), village.strip().upper()}
            stmt = base.where(
                Patient.birth_date >= dt.date(birth_date.year, 1, 1),
                Patient.birth_date <= dt.date(birth_date.year, 12, 31),
                Patient.village.in_(sorted(spellings)),
            )
        else:
            stmt = None
        if stmt is not None:
            for row in _rows(session, stmt.limit(DUPLICATE_CANDIDATES)):
                rows[row.pk] = row
    # Whole words only: the person being registered has typed complete names.
    groups = [
        [_QueryToken(t.text, t.alt, prefix=False) for t in _query_tokens(part)]
        for part in (given_name, family_name)
    ]
    groups = [group for group in groups if group]
    if groups:
        vocab = search.vocabulary(session) if search is not None else _read_vocabulary(session)
        match = " AND ".join(
            _group([alt for t in group for alt in _alternatives(vocab, t, within=_WIDE)])
            for group in groups
        )
        for row in _fts_rows(session, match, DUPLICATE_CANDIDATES):
            rows[row.pk] = row

    name_parts = [t for group in groups for t in group]
    other = {t.text for t in _query_tokens(other_names)}
    village_key = display_fold(village)
    results: list[tuple[float, str, _Row, list[str]]] = []
    for pk, row in rows.items():
        if exclude_id is not None and row.id == exclude_id:
            continue
        candidate = name_tokens(row.given_name, row.other_names, row.family_name)
        similarity = 0.0
        if name_parts and candidate:
            scores = [_token_score(t.forms, False, candidate) for t in name_parts]
            similarity = sum(scores) / len(scores)
            if other and other <= set(candidate):
                similarity = min(1.0, similarity + 0.02)
        estimated = bool(row.birth_date_estimated) or birth_date_estimated
        same_date = birth_date is not None and row.birth_date == birth_date and not estimated
        # With an estimated birth date only the year is known: many people share it, so it
        # supports another reason but is not one on its own.
        same_year = (
            birth_date is not None
            and row.birth_date is not None
            and estimated
            and row.birth_date.year == birth_date.year
        )
        same_village = bool(village_key) and display_fold(row.village) == village_key
        reasons: list[str] = []
        strength = 0.0
        kind = "name"
        name_ok = similarity >= SIMILAR_NAME and _birth_years_compatible(
            birth_date, row.birth_date, estimated
        )
        if name_ok:
            reasons.append(msg("similar name"))
            strength += 0.5 * similarity
        if pk in same_identifier:
            # An identifier is the strongest sign of all: it names one person.
            reasons.insert(0, same_identifier[pk])
            strength += 0.6
            if not name_ok:
                kind = "id"
        if pk in same_phone:
            reasons.append(msg("same phone"))
            strength += 0.3
            if not name_ok:
                kind = "phone"
        if same_date and same_village:
            reasons.append(msg("same date of birth and village"))
            strength += 0.25
            if len(reasons) == 1:
                kind = "dob"
        elif reasons and (same_date or same_year):
            reasons.append(
                msg("same date of birth" if same_date else "same year of birth")
                if not same_village
                else msg(
                    "same date of birth and village"
                    if same_date
                    else "same year of birth and village"
                )
            )
            strength += (0.15 if same_date else 0.08) + (0.05 if same_village else 0.0)
        elif reasons and same_village:
            reasons.append(msg("same village"))
            strength += 0.05
        if not reasons:
            continue
        results.append((strength, kind, row, reasons))
    results.sort(key=lambda r: (-r[0], fold(r[2].family_name), fold(r[2].given_name), r[2].pk))
    return [
        (_hit(row, 100.0 * strength, kind), reasons)
        for strength, kind, row, reasons in results[:limit]
    ]
