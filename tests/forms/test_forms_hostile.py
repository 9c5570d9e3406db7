"""Hostile form files at the forms/ level (issue 8, item 8): whatever a file holds, the loader
answers with a FormsError in words, never another exception; nesting is bounded before json
or the schema check recurse; what validates, prints (or is refused by the print check).

The same cases through the real command (FIFO, a link to /dev/zero, a 1.5 GiB sparse file)
are in tests/test_forms_install.py, each in its own process with a timeout.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import forms
from forms import conditions as cond
from forms.library import InstalledFile
from forms.loader import (
    MAX_FILE_BYTES,
    MAX_JSON_DEPTH,
    TEXT_LIMITS,
    from_raw,
    load_text,
    read_form_file,
    text_depth,
)
from forms.render.check import print_problems

DEFINITIONS = Path(forms.__file__).parent / "definitions"
CONTEXT = forms.PrintContext(clinic_name="Test", printed_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC))


def shipped(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEFINITIONS / name).read_text(encoding="utf-8"))
    return data


def small_form() -> dict[str, Any]:
    return {
        "format": "outpost-form/1",
        "id": "clinic.note",
        "version": 1,
        "languages": ["en"],
        "title": {"en": "Note"},
        "sections": [
            {
                "id": "s",
                "title": {"en": "Note"},
                "fields": [{"id": "text", "type": "text", "label": {"en": "Text"}}],
            }
        ],
    }


# --- nesting ----------------------------------------------------------------------------------


def test_json_nested_100000_deep_is_refused_before_parsing() -> None:
    with pytest.raises(forms.DefinitionError, match=f"a form needs at most {MAX_JSON_DEPTH}"):
        load_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(forms.DefinitionError, match="nested"):
        load_text('{"a": ' * 100_000 + "1" + "}" * 100_000)


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    assert text_depth('{"a": "[[[[[[[[{{{{{{{{\\"[[[["}')[0] == 1
    raw = small_form()
    raw["sections"][0]["paragraphs"] = [{"en": "[" * 5000}]
    loaded = load_text(json.dumps(raw))
    assert isinstance(loaded, forms.FormDefinition)
    assert loaded.sections[0].paragraphs[0]["en"] == "[" * 5000


def test_a_condition_nested_3000_deep_is_a_clear_error_not_a_recursion_error() -> None:
    condition: dict[str, Any] = {"field": "text", "answered": True}
    for _ in range(3000):
        condition = {"not": condition}
    with pytest.raises(cond.ConditionSyntaxError, match="nested more than"):
        cond.parse(condition, "$")
    raw = small_form()
    raw["sections"].append({"id": "t", "title": {"en": "T"}, "visible_if": condition, "fields": []})
    with pytest.raises(forms.DefinitionError, match="nested"):
        from_raw(raw)


def test_conditions_up_to_the_limit_still_work() -> None:
    condition: dict[str, Any] = {"field": "text", "answered": True}
    for _ in range(cond.MAX_DEPTH - 1):
        condition = {"not": condition}
    parsed = cond.parse(condition, "$")
    assert cond.evaluate(parsed, lambda operand: "x") is (cond.MAX_DEPTH % 2 == 1)


# --- reading files ------------------------------------------------------------------------------


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    for path, says in (
        (fifo, "not a regular file"),
        (link, "symbolic link"),
        (tmp_path, "folder"),
        (Path("/dev/null"), "not a regular file"),
        (tmp_path / "missing.json", "No such file"),
    ):
        with pytest.raises(forms.DefinitionError, match=says):
            read_form_file(path)


def test_a_huge_sparse_file_is_refused_from_its_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b"")
    os.truncate(path, 1536 * 1024 * 1024)
    with pytest.raises(forms.DefinitionError, match="a form is at most"):
        read_form_file(path)
    path.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(forms.DefinitionError, match="a form is at most"):
        read_form_file(path)


def test_a_very_long_path_is_named_shortly(tmp_path: Path) -> None:
    with pytest.raises(forms.DefinitionError) as caught:
        read_form_file("/tmp/" + "x" * 5000 + ".json")
    assert len(str(caught.value)) < 400 and "5010 characters" in str(caught.value)


# --- long words ---------------------------------------------------------------------------------


def test_an_8000_character_word_in_a_paragraph_prints() -> None:
    raw = small_form()
    raw["sections"][0]["paragraphs"] = [{"en": "w" * 8000}]
    raw["sections"][0]["bullets"] = [{"en": "b" * 8000}]
    definition = from_raw(raw)
    assert print_problems(definition) == []
    assert forms.render_pdf(definition, None, context=CONTEXT).startswith(b"%PDF")
    assert forms.render_pdf(definition, {"text": "x"}, context=CONTEXT).startswith(b"%PDF")


@pytest.mark.parametrize("where", ["label", "choice", "help", "title"])
def test_texts_printed_in_one_block_are_bounded_where_validation_says_so(where: str) -> None:
    raw = small_form()
    field = raw["sections"][0]["fields"][0]
    word = "w" * 8000
    if where == "label":
        field["label"] = {"en": word}
    elif where == "help":
        field["help"] = {"en": word}
    elif where == "title":
        raw["sections"][0]["title"] = {"en": word}
    else:
        field.update(type="single_choice", choices=[{"value": "a", "label": {"en": word}}])
    with pytest.raises(forms.DefinitionError, match="at most"):
        from_raw(raw)
    limit = TEXT_LIMITS["choice" if where == "choice" else where]
    longest = "w" * limit
    if where == "label":
        field["label"] = {"en": longest}
    elif where == "help":
        field["help"] = {"en": longest}
    elif where == "title":
        raw["sections"][0]["title"] = {"en": longest}
    else:
        field["choices"] = [{"value": "a", "label": {"en": longest}}]
    definition = from_raw(raw)
    assert print_problems(definition) == []  # the longest allowed word prints


def test_the_print_check_names_a_form_too_tall_for_a_page() -> None:
    raw = small_form()
    raw["sections"][0]["fields"][0] = {
        "id": "text",
        "type": "single_choice",
        "label": {"en": "Pick"},
        "help": {"en": "h" * 1000},
        "choices": [{"value": f"c{i}", "label": {"en": "w" * 300}} for i in range(40)],
    }
    (problem,) = print_problems(from_raw(raw))
    assert "taller than a page" in problem.message and "en/A4" in problem.message


def test_every_shipped_form_passes_the_print_check() -> None:
    for definition in forms.shipped_library().all():
        assert print_problems(definition) == [], definition.id


# --- the library --------------------------------------------------------------------------------


def test_a_bad_installed_file_is_reported_and_the_others_load() -> None:
    good = InstalledFile("installed form clinic.note v1", json.dumps(small_form()))
    bad = [
        InstalledFile("installed deep", "[" * 100_000 + "]" * 100_000),
        InstalledFile("installed garbage", "not json"),
        InstalledFile("installed huge", " " * (MAX_FILE_BYTES + 1)),
        InstalledFile("installed shadow", json.dumps(dict(shipped("intake.v1.json"), version=9))),
    ]
    library = forms.FormLibrary.load(installed=[*bad, good])
    assert "clinic.note" in library and "intake" in library
    assert library.versions("intake") == (1,)  # a shipped id is not taken silently
    assert {p.source for p in library.problems} == {b.source for b in bad}


def test_a_clinic_own_version_of_a_shipped_form_is_marked() -> None:
    raw = dict(shipped("consent_hiv_test.v1.json"), version=2)
    library = forms.FormLibrary.load(
        installed=[InstalledFile("installed", json.dumps(raw), clinic_own=True)]
    )
    assert library.get("consent_hiv_test").clinic_own
    assert not library.get("consent_hiv_test", 1).clinic_own


# --- hypothesis: any JSON shape ------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**40), max_value=2**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)

SEEDS = [
    shipped("intake.v1.json"),
    shipped("consent_hiv_test.v1.json"),
    shipped("appointment_slip.v3.json"),
    {
        "format": "outpost-translation/1",
        "form": "appointment_slip",
        "version": 3,
        "language": "ln",
        "texts": {"title": "x"},
    },
]


def _paths(node: Any) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(node, ())]
    while stack:
        value, path = stack.pop()
        found.append(path)
        if isinstance(value, dict):
            stack.extend((v, (*path, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
    return found


SEED_PATHS = [(i, p) for i, seed in enumerate(SEEDS) for p in _paths(seed) if p]
KEYS = st.sampled_from(
    [
        "id", "type", "label", "choices", "value", "visible_if", "all", "any", "not", "field",
        "eq", "lt", "between", "in", "includes", "answered", "part", "min", "max", "lines",
        "max_length", "measure", "source", "fields", "sections", "rules", "check", "texts",
        "languages", "version", "format", "en", "fr",
    ]
)  # fmt: skip


def _mutated(seed_path: tuple[int, tuple[Any, ...]], value: Any, key: str, mode: int) -> Any:
    seed, path = seed_path
    doc = copy.deepcopy(SEEDS[seed])
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if mode == 0:
        parent[last] = value
    elif mode == 1 and isinstance(parent, dict):
        parent.pop(last, None)
    elif mode == 2 and isinstance(parent, dict):
        parent[key] = value
    elif isinstance(parent, list):
        parent.append(value)
    else:
        parent[last] = value
    return doc


def _loads_or_refuses(text: str) -> None:
    try:
        loaded = load_text(text, "<hypothesis>")
    except forms.FormsError:
        return
    assert isinstance(loaded, forms.FormDefinition | forms.Translation)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SEED_PATHS),
    JSON_VALUES,
    KEYS,
    st.integers(min_value=0, max_value=3),
)
def test_a_mutated_form_loads_or_is_refused_in_words(
    seed_path: tuple[int, tuple[Any, ...]], value: Any, key: str, mode: int
) -> None:
    doc = _mutated(seed_path, value, key, mode)
    _loads_or_refuses(json.dumps(doc))
    if isinstance(doc, dict) and doc.get("format") == "outpost-form/1":
        with contextlib.suppress(forms.FormsError):
            from_raw(doc)


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_any_json_value_loads_or_is_refused_in_words(value: Any) -> None:
    _loads_or_refuses(json.dumps(value))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='[]{}",:\\ 0a-e', max_size=200))
def test_any_text_loads_or_is_refused_in_words(text: str) -> None:
    _loads_or_refuses(text)
