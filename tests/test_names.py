"""Folding names: case, accents and scripts must not stop a patient being found."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.names import fold, name_tokens, query_tokens, search_terms

names = st.text(st.characters(categories=("L", "M", "Zs", "Pd")), max_size=40)


def test_accents_and_case_fold_away() -> None:
    assert name_tokens("Nguyễn Thị Ánh") == ["nguyen", "thi", "anh"]
    assert name_tokens("ZOË Ndiaye-Oyelọ́wọ̀") == ["zoe", "ndiaye", "oyelowo"]


def test_letters_without_decomposition_are_transliterated() -> None:
    assert "dorde" in name_tokens("Đorđe")


def test_other_scripts_are_indexed_as_written_and_in_latin_letters() -> None:
    tokens = name_tokens("Ольга Смирнов")
    assert "ольга" in tokens and "olga" in tokens and "smirnov" in tokens
    assert "dawit" in name_tokens("ዳዊት")


@given(names)
def test_folding_is_idempotent(name: str) -> None:
    assert fold(fold(name)) == fold(name)


@given(names)
def test_what_a_person_types_matches_what_was_indexed(name: str) -> None:
    indexed = set(search_terms(name).split())
    assert set(query_tokens(name)) <= indexed
    assert set(query_tokens(name.upper())) <= set(search_terms(name.upper()).split())


@given(names)
def test_tokens_are_never_empty_and_never_repeat(name: str) -> None:
    tokens = name_tokens(name)
    assert all(tokens) and len(tokens) == len(set(tokens))
