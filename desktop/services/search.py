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
words widened to close terms of the clinic's name vocabulary, closest first (see `_passes`):
words within a length-aware number of edits (optimal string alignment, so a transposition is
one edit), words with the same consonant skeleton ("mohamed" / "muhammad", "wanjuru" /
"wanjiru"), and for the last word, close prefixes ("wanjur" / "wanjir…"). The vocabulary is
not scanned: the candidates come from the persisted name-term index (a deletion index kept by
triggers beside the FTS index, `desktop.store.name_index`, read by
`desktop.services.name_index`), so a million patients cost a typo no more than a thousand,
and unlocking loads nothing. The `PatientSearch` object (the core holds one; there is no
module-level cache) remembers recent answers per word; `PatientSearch.note_new_names` forgets
them after a registration or a sync. A word the index does not know is still matched as
typed.

Every index lookup is bounded (a LIMIT inside the FTS subquery, `CANDIDATE_FLOOR`), so a
one-letter prefix that matches half the clinic costs no more than a precise name. Candidates
are then ranked in Python with rapidfuzz on the folded names. Tombstoned patients are never
returned.

Nothing here raises on what a person types: FTS syntax in a query is quoted away, and the
query is clipped to a sane length first.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import threading
import uuid
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import phonenumbers
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Row,
    Select,
    and_,
    column,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop.dates import parse_date
from desktop.messages import msg
from desktop.names import display_fold, fold, full_name, name_tokens, query_tokens, transliterate
from desktop.services.name_index import NameIndex
from desktop.store.models import Patient
from desktop.store.name_index import skeleton

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
DUPLICATE_CANDIDATES = 300
NAME_NET = 5000
"""Name-index keys the duplicate check's same-year-and-village net looks among."""
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


def _hit(row: _Row, score: float, matched: str) -> SearchHit:
    sex = row.sex
    return SearchHit(
        patient_id=row.id,
        display_name=full_name(row.given_name, row.other_names, row.family_name),
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


@dataclass(frozen=True)
class _Lookup:
    """The name-term index as one search asks it: through that search's session."""

    index: NameIndex
    session: Session

    def knows(self, term: str) -> bool:
        return self.index.knows(self.session, term)

    def has_prefix(self, prefix: str) -> bool:
        return self.index.has_prefix(self.session, prefix)

    def close_terms(self, token: str) -> list[tuple[str, float]]:
        return self.index.close_terms(self.session, token)

    def close_prefixes(self, token: str) -> list[tuple[str, float]]:
        return self.index.close_prefixes(self.session, token)


def _engine_of(session: Session) -> Engine:
    bind = session.get_bind()
    return bind.engine if isinstance(bind, Connection) else bind


# --- reading candidates ---------------------------------------------------------------------


def _rows(session: Session, stmt: _Stmt) -> list[_Row]:
    # Plain rows through the session's connection: the ORM's row processing cost more than
    # the query at a duplicate check's few hundred candidates. Pending changes are flushed
    # first, as the session's own execute would.
    if session.new or session.dirty or session.deleted:
        session.flush()
    return list(session.connection().execute(stmt.where(Patient.deleted.is_(False))))


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
                shape = skeleton(form)
                if len(shape) >= 3 and shape == skeleton(term):
                    score = max(score, 0.8)
            best = max(best, score)
    return best


def _name_score(tokens: Sequence[_QueryToken], folded_query: str, row: _Row) -> float:
    candidate = name_tokens(row.given_name, row.other_names, row.family_name)
    if not candidate or not tokens:
        return 0.0
    per_token = [_token_score(t.forms, t.prefix, candidate) for t in tokens]
    base = sum(per_token) / len(per_token)
    folded_name = display_fold(full_name(row.given_name, row.other_names, row.family_name))
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
                display_fold(full_name(h[2].given_name, h[2].other_names, h[2].family_name)),
                h[2].pk,
            ),
        )
        return [_hit(row, score, kind) for score, kind, row in ranked[:limit]]


class PatientSearch:
    """Patient search for one unlocked store. Build it once and keep it: it remembers the
    close spellings it looked up. Safe to call from the (single) database worker thread."""

    def __init__(self, default_region: str | None) -> None:
        self.default_region = (default_region or "").upper() or None
        # The name-term index's reader, per database this object has searched (normally
        # one: the core's store).
        self._indexes: weakref.WeakKeyDictionary[Engine, NameIndex] = weakref.WeakKeyDictionary()
        self._indexes_lock = threading.Lock()

    # -- the name-term index --

    def vocabulary(self, session: Session) -> NameIndex:
        """The reader of the name-term index of `session`'s database (kept per database:
        it remembers recent answers)."""
        engine = _engine_of(session)
        with self._indexes_lock:
            index = self._indexes.get(engine)
            if index is None:
                index = self._indexes[engine] = NameIndex()
        return index

    def warm(self, session: Session) -> None:
        """Right after unlocking, on the database worker: nothing is loaded (the index lives
        in the store), but one probe reads the index's first pages into SQLCipher's cache, so
        the first typo-tolerant search does not decrypt them."""
        self.vocabulary(session).has_prefix(session, "a")

    def note_new_names(self, *names: str) -> None:
        """A patient was registered or renamed (here, or by a sync): the database triggers
        have already indexed the name; forget remembered answers so that its spellings are
        candidates from the next search on."""
        if not name_tokens(*names):
            return
        with self._indexes_lock:
            indexes = list(self._indexes.values())
        for index in indexes:
            index.forget()

    def invalidate(self) -> None:
        """Forget everything remembered (after sync applied many changes, or a restore)."""
        with self._indexes_lock:
            self._indexes.clear()

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
        lookup = _Lookup(self.vocabulary(session), session)
        for match in _passes(lambda: lookup, tokens, limit):
            for row in _fts_rows(session, match, cap):
                rows.setdefault(row.pk, row)
            if len(rows) >= limit:
                break
        for row in rows.values():
            found.add(row, _name_score(tokens, folded_query, row), "name")


_WIDE = math.inf


def _passes(
    vocabulary: Callable[[], _Lookup], tokens: Sequence[_QueryToken], limit: int
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


def _known(vocab: _Lookup, token: _QueryToken) -> bool:
    if token.prefix:
        return any(vocab.has_prefix(form) for form in token.forms)
    return any(vocab.knows(form) for form in token.forms)


def _alternatives(vocab: _Lookup, token: _QueryToken, *, within: float) -> list[str]:
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


def _candidates(
    session: Session, lookups: Sequence[_Stmt], by_name: Sequence[_Stmt]
) -> dict[int, _Row]:
    """The patients any of `lookups` or `by_name` (the lookups through the name index) finds,
    each at most DUPLICATE_CANDIDATES, read in one statement."""
    parts = [*lookups, *by_name]
    if not parts:
        return {}
    keys = union_all(*(select(p.limit(DUPLICATE_CANDIDATES).subquery().c.pk) for p in parts))
    try:
        found = _rows(session, select(*_COLUMNS).where(Patient.pk.in_(keys)))
    except OperationalError as exc:
        if not by_name:
            raise
        # As in `_fts_rows`: an odd FTS expression must not stop a registration.
        log.warning("name index query failed (%s)", type(exc.orig).__name__)
        return _candidates(session, lookups, ())
    return {row.pk: row for row in found}


def _year_span(year: int, margin: int) -> tuple[dt.date, dt.date]:
    return dt.date(max(1, year - margin), 1, 1), dt.date(min(9999, year + margin), 12, 31)


def _birth_window(birth: dt.date | None, *, estimated: bool) -> ColumnElement[bool] | None:
    """Patients whose birth date does not rule out a similar name (`_birth_years_compatible`
    in SQL): the candidates ruled out are never read into Python."""
    if birth is None:
        return None
    wide = Patient.birth_date.between(*_year_span(birth.year, 5))
    if estimated:
        return or_(Patient.birth_date.is_(None), wide)
    near = Patient.birth_date.between(*_year_span(birth.year, 1))
    return or_(
        Patient.birth_date.is_(None), near, and_(Patient.birth_date_estimated.is_(True), wide)
    )


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
    `search` lends its remembered close spellings (without it, they are looked up afresh).
    """
    if limit <= 0:
        return []
    # Every way of being a candidate is one bounded lookup of patient keys; all of them go
    # to SQLCipher as one statement, and which lookup found a row is read off its values.
    lookups: list[_Stmt] = []
    live = Patient.deleted.is_(False)
    year_and_village: ColumnElement[bool] | None = None
    digits = "".join(ch for ch in phone_e164 or "" if ch.isdigit())
    if digits:
        lookups.append(select(Patient.pk).where(Patient.phone_reversed == digits[::-1], live))
    for ident_column, value in (
        (Patient.national_id, national_id),
        (Patient.clinic_number, clinic_number),
    ):
        if value:
            lookups.append(select(Patient.pk).where(ident_column == value, live))
    if birth_date is not None:
        if not birth_date_estimated:
            # Found by its date alone, a patient counts only with the same exact date (and
            # village); one whose birth year is estimated (stored as 1 July: a whole year of
            # births) counts with a similar name, and the name lookup finds those.
            lookups.append(
                select(Patient.pk).where(
                    Patient.birth_date == birth_date,
                    Patient.birth_date_estimated.is_(False),
                    live,
                )
            )
        elif village.strip():
            # Only an age: the same year of birth in the same village counts only beside a
            # similar name (below). Kept as a net for a similar name beyond the name lookup's
            # cap, of those the name matches among a wider set (keys only, not rows).
            spellings = {village.strip(), village.strip().title(), village.strip().upper()}
            year_and_village = and_(
                Patient.birth_date.between(*_year_span(birth_date.year, 0)),
                Patient.village.in_(sorted(spellings)),
                live,
            )
    # Whole words only: the person being registered has typed complete names.
    groups = [
        [_QueryToken(t.text, t.alt, prefix=False) for t in _query_tokens(part)]
        for part in (given_name, family_name)
    ]
    groups = [group for group in groups if group]
    by_name: _Stmt | None = None
    by_name_net: _Stmt | None = None
    if groups:
        index = search.vocabulary(session) if search is not None else NameIndex()
        vocab = _Lookup(index, session)
        match = " AND ".join(
            _group([alt for t in group for alt in _alternatives(vocab, t, within=_WIDE)])
            for group in groups
        )
        inner = (
            text("SELECT rowid FROM patient_names WHERE patient_names MATCH :match LIMIT :cap")
            .bindparams(match=match, cap=DUPLICATE_CANDIDATES)
            .columns(column("rowid", Integer))
        )
        by_name = select(Patient.pk).where(Patient.pk.in_(inner), live)
        window = _birth_window(birth_date, estimated=birth_date_estimated)
        if window is not None:
            by_name = by_name.where(window)
        if year_and_village is not None:
            wider = (
                text("SELECT rowid FROM patient_names WHERE patient_names MATCH :wide LIMIT :n")
                .bindparams(wide=match, n=NAME_NET)
                .columns(column("rowid", Integer))
            )
            by_name_net = select(Patient.pk).where(Patient.pk.in_(wider), year_and_village)
    rows = _candidates(session, lookups, [s for s in (by_name, by_name_net) if s is not None])

    name_parts = [t for group in groups for t in group]
    other = {t.text for t in _query_tokens(other_names)}
    village_key = display_fold(village)
    results: list[tuple[float, str, _Row, list[str]]] = []
    for row in rows.values():
        if exclude_id is not None and row.id == exclude_id:
            continue
        same_phone = bool(digits) and (row.phone or "").lstrip("+") == digits
        same_identifier = (
            msg("same national ID")
            if national_id and row.national_id == national_id
            else msg("same clinic number")
            if clinic_number and row.clinic_number == clinic_number
            else None
        )
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
        if same_identifier:
            # An identifier is the strongest sign of all: it names one person.
            reasons.insert(0, same_identifier)
            strength += 0.6
            if not name_ok:
                kind = "id"
        if same_phone:
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
