"""The persisted name-term index of typo-tolerant search (desktop.store.name_index and
desktop.services.name_index), against a real SQLCipher store.

The index must hold exactly the terms of the live patients, whoever writes them (the
services, a raw SQL update as a bulk writer makes), be there after the store is locked and
unlocked again without being rebuilt, and find every term within the allowed edits: the
deletion lookup is checked against a brute-force comparison with every term.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA
from sqlalchemy import text

from desktop.names import name_tokens
from desktop.paths import DataPaths
from desktop.services.name_index import MAX_EXPANSIONS, NameIndex, max_edits
from desktop.services.patients import PatientInput, register_patient, update_patient
from desktop.services.search import PatientSearch
from desktop.store import store as store_module
from desktop.store.name_index import query_deletions, skeleton, term_deletions
from desktop.store.store import Store

PASSWORD = "correct horse"


def _create(root: Path) -> Store:
    store, _recovery = store_module.create(
        DataPaths(root),
        clinic_name="Index Test Clinic",
        admin_username="admin",
        admin_display_name="Admin",
        password=PASSWORD,
    )
    return store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = _create(tmp_path / "d")
    try:
        yield store
    finally:
        store.close()


def _register(store: Store, given_name: str, family: str, other: str = "") -> str:
    assert store.actor is not None
    with store.session(store.actor) as session, session.begin():
        patient = register_patient(
            session,
            store.actor,
            PatientInput(given_name=given_name, family_name=family, other_names=other),
            region="KE",
            confirmed_new=True,
        )
        return str(patient.id)


def _terms(store: Store) -> dict[str, int]:
    with store.session() as session:
        rows = session.execute(text("SELECT term, docs FROM name_terms"))
        return {str(term): int(docs) for term, docs in rows}


def _deletions(store: Store) -> set[tuple[str, str]]:
    with store.session() as session:
        rows = session.execute(
            text(
                "SELECT d.deletion, t.term FROM name_term_deletes d "
                "JOIN name_terms t ON t.id = d.term_id"
            )
        )
        return {(str(d), str(t)) for d, t in rows}


def _orphan_deletions(store: Store) -> int:
    with store.session() as session:
        return int(
            session.scalar(
                text(
                    "SELECT count(*) FROM name_term_deletes WHERE term_id NOT IN "
                    "(SELECT id FROM name_terms)"
                )
            )
            or 0
        )


def _expected(*names: tuple[str, str, str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for given_name, other, family in names:
        for term in name_tokens(given_name, other, family):
            counts[term] = counts.get(term, 0) + 1
    return counts


def test_registering_counts_each_term_once_per_patient(store: Store) -> None:
    _register(store, "Wanjiru", "Kamau", "Njeri")
    _register(store, "Grace", "Kamau")
    _register(store, "Đorđe", "Đorđević")
    assert _terms(store) == _expected(
        ("Wanjiru", "Njeri", "Kamau"), ("Grace", "", "Kamau"), ("Đorđe", "", "Đorđević")
    )
    stored = _deletions(store)
    for term in ("wanjiru", "kamau", "dorde", "đorđe"):
        assert {(d, term) for d in term_deletions(term)} <= stored


def test_an_edit_moves_the_counts_and_a_term_nobody_carries_leaves(store: Store) -> None:
    assert store.actor is not None
    pid = _register(store, "Sikudhani", "Mwadime")
    _register(store, "Amina", "Mwadime")
    with store.session(store.actor) as session, session.begin():
        update_patient(
            session,
            store.actor,
            uuid.UUID(pid),
            PatientInput(given_name="Sikudani", family_name="Mwadime"),
            region="KE",
        )
    terms = _terms(store)
    assert "sikudhani" not in terms and terms["sikudani"] == 1 and terms["mwadime"] == 2
    assert not any(term == "sikudhani" for _d, term in _deletions(store))
    assert _orphan_deletions(store) == 0


def test_a_tombstone_takes_the_terms_off_and_a_raw_update_is_indexed_too(store: Store) -> None:
    # A bulk writer (a sync applying many patients) may update rows directly in SQL: the
    # triggers index those writes as well.
    pid = _register(store, "Halima", "Bakari")
    _register(store, "Halima", "Kombo")
    with store.session() as session, session.begin():
        session.execute(
            text("UPDATE patients SET deleted = 1 WHERE id = :id"),
            {"id": uuid.UUID(pid).hex},
        )
    terms = _terms(store)
    assert "bakari" not in terms and terms["halima"] == 1
    with store.session() as session, session.begin():
        session.execute(text("UPDATE patients SET family_name = 'Kombo-Salim'"))
    assert _terms(store) == _expected(("Halima", "", "Kombo-Salim"))
    assert _orphan_deletions(store) == 0


def test_the_index_is_in_the_store_after_unlocking_and_nothing_is_rebuilt(
    tmp_path: Path,
) -> None:
    root = tmp_path / "d"
    store = _create(root)
    _register(store, "Sikudhani", "Mwadime")
    before = _terms(store), _deletions(store)
    store.close()
    store = store_module.unlock(DataPaths(root), "admin", PASSWORD)
    try:
        search = PatientSearch("KE")
        with store.session() as session:
            search.warm(session)
            # Nothing was read into memory by unlocking or warming: no answers remembered.
            assert search.vocabulary(session)._remembered == {}
            hits = search.search(session, "sikudani mwadme")  # two slips
        assert [h.display_name for h in hits] == ["Sikudhani Mwadime"]
        assert (_terms(store), _deletions(store)) == before
    finally:
        store.close()


def test_a_registration_is_typo_tolerant_at_once_and_remembered_answers_are_forgotten(
    store: Store,
) -> None:
    search = PatientSearch("KE")
    _register(store, "Grace", "Otieno")
    with store.session() as session:
        assert search.search(session, "sikudani") == []  # remembered: no close spelling
    _register(store, "Sikudhani", "Mwadime")
    search.note_new_names("Sikudhani", "", "Mwadime")  # as the services and sync do
    with store.session() as session:
        assert [h.display_name for h in search.search(session, "sikudani")] == ["Sikudhani Mwadime"]


def test_close_terms_prefixes_and_skeletons(store: Store) -> None:
    for given_name, family in (
        ("Wanjiru", "Kamau"),
        ("Wanjiku", "Kamau"),
        ("Muhammad", "Hassan"),
        ("Wanjugu", "Otieno"),
    ):
        _register(store, given_name, family)
    index = NameIndex()
    with store.session() as session:
        assert index.knows(session, "kamau") and not index.knows(session, "kama")
        assert index.has_prefix(session, "wanj") and not index.has_prefix(session, "wanjur")
        assert index.close_terms(session, "wanjuru")[0] == ("wanjiru", 1.0)
        assert index.close_terms(session, "wnajiru")[0] == ("wanjiru", 1.0)  # a swap: one edit
        assert "muhammad" in dict(index.close_terms(session, "mohamed"))  # same skeleton
        assert dict(index.close_terms(session, "mohamed"))["muhammad"] == 2.5
        assert ("wanjir", 1.0) in index.close_prefixes(session, "wanjur")
        assert ("wanjug", 1.0) in index.close_prefixes(session, "wanjur")
        assert index.close_prefixes(session, "wanjirru")[0] == ("wanjiru", 1.0)  # two allowed
        assert index.close_terms(session, "ab") == []  # too short to carry a typo


def _brute_force(vocabulary: dict[str, int], token: str) -> dict[str, float]:
    edits = max_edits(len(token))
    found: dict[str, float] = {}
    for term in vocabulary:
        if term == token or abs(len(term) - len(token)) > edits:
            continue
        distance = OSA.distance(token, term)
        if distance <= min(edits, 2):
            found[term] = float(distance)
    return found


def test_close_terms_find_every_term_within_two_edits(store: Store) -> None:
    """Against a brute-force scan: a vocabulary of names and their slips, and queries with
    one or two slips each."""
    rng = random.Random(12)
    base = [
        "wanjiru", "wanjiku", "kamau", "otieno", "achieng", "akinyi", "mohamed", "hassan",
        "abdullahi", "nyambura", "chebet", "kiprono", "wekesa", "nafula", "mwangi", "njoroge",
    ]  # fmt: skip
    letters = "abcdefghijklmnopqrstuvwxyz"

    def slip(word: str) -> str:
        i = rng.randrange(1, len(word))
        kind = rng.randrange(4)
        if kind == 0:
            return word[:i] + rng.choice(letters) + word[i + 1 :]
        if kind == 1:
            return word[:i] + word[i + 1 :]
        if kind == 2:
            return word[:i] + rng.choice(letters) + word[i:]
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]

    names = base + [slip(rng.choice(base)) for _ in range(120)]
    for i in range(0, len(names), 2):
        _register(store, names[i].title(), names[(i + 1) % len(names)].title())
    vocabulary = _terms(store)
    index = NameIndex()
    with store.session() as session:
        for _ in range(150):
            token = rng.choice(base)
            for _ in range(rng.randint(1, 2)):
                token = slip(token)
            expected = _brute_force(vocabulary, token)
            found = index._close_terms(session, token)
            # The closest terms within two edits, all of them up to MAX_EXPANSIONS, first ...
            ranked = sorted(expected, key=lambda t: (expected[t], -vocabulary[t], t))
            within = [term for term, distance in found if distance <= 2]
            assert within == ranked[:MAX_EXPANSIONS], token
            # ... and nothing beyond them, bar a skeleton match (counted as edits + 0.5).
            for term, distance in found:
                if distance != int(distance):
                    assert skeleton(term) == skeleton(token)
                else:
                    assert OSA.distance(token, term) == distance <= max_edits(len(token))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcdeiknorstuw", min_size=3, max_size=14),
    st.lists(
        st.tuples(st.sampled_from("sdit"), st.integers(0, 20), st.sampled_from("aekrw")),
        min_size=1,
        max_size=2,
    ),
)
def test_two_words_within_the_allowed_edits_share_an_indexed_deletion(
    word: str, edits: list[tuple[str, int, str]]
) -> None:
    """The property the deletion index rests on, for substitutions, deletions, insertions and
    transpositions anywhere in the word (also past the indexed prefix)."""
    other = list(word)
    for kind, at, letter in edits:
        i = at % max(1, len(other))
        if kind == "s" and other:
            other[i] = letter
        elif kind == "d" and len(other) > 1:
            del other[i]
        elif kind == "i":
            other.insert(i, letter)
        elif kind == "t" and i + 1 < len(other):
            other[i], other[i + 1] = other[i + 1], other[i]
    term = "".join(other)
    allowed = max_edits(len(word))
    distance = OSA.distance(word, term)
    if term == word or distance > min(allowed, 2) or abs(len(word) - len(term)) > allowed:
        return
    assert term_deletions(term) & query_deletions(word, allowed), (word, term)


def test_a_birth_date_field_has_nothing_to_do_with_the_index(store: Store) -> None:
    """Only names are indexed: editing another field leaves the counts as they were."""
    assert store.actor is not None
    pid = _register(store, "Baraka", "Otieno")
    before = _terms(store)
    with store.session(store.actor) as session, session.begin():
        update_patient(
            session,
            store.actor,
            uuid.UUID(pid),
            PatientInput(given_name="Baraka", family_name="Otieno", birth_date="2001-03-17"),
            region="KE",
        )
    assert _terms(store) == before
    with store.session() as session:
        born = session.scalar(text("SELECT birth_date FROM patients"))
    assert str(born) == "2001-03-17"  # the edit was made
