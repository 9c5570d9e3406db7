"""Definition files: the schema, the loader's checks, and the errors a clinic sees."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from forms import (
    DefinitionError,
    FormLibrary,
    check_file,
    definition_schema,
    load_definition_text,
    translation_template,
)
from forms.library import SHIPPED_DIR
from forms.translation import text_slots

SHIPPED_FILES = sorted(SHIPPED_DIR.glob("*.json"))
REQUIRED_FORMS = {
    "intake",
    "consent_treatment",
    "consent_records",
    "consent_hiv_test",
    "referral",
    "appointment_slip",
    "visit_summary",
    "receipt",
    "recovery_sheet",
}


def minimal(**overrides: object) -> dict[str, object]:
    definition: dict[str, object] = {
        "format": "outpost-form/1",
        "id": "clinic.test",
        "version": 1,
        "languages": ["en"],
        "title": {"en": "Test"},
        "sections": [
            {
                "id": "main",
                "title": {"en": "Main"},
                "fields": [
                    {
                        "id": "sex",
                        "type": "single_choice",
                        "label": {"en": "Sex"},
                        "choices": [
                            {"value": "female", "label": {"en": "Female"}},
                            {"value": "male", "label": {"en": "Male"}},
                        ],
                    },
                    {"id": "note", "type": "text", "label": {"en": "Note"}},
                ],
            }
        ],
    }
    definition.update(overrides)
    return definition


def issues_of(text: str) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        load_definition_text(text, "test.json")
    return [str(issue) for issue in caught.value.issues]


def test_every_required_form_is_shipped(library: FormLibrary) -> None:
    assert {d.id for d in library.all()} >= REQUIRED_FORMS
    assert library.problems == ()


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.name)
def test_shipped_file_satisfies_the_json_schema(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(dict(definition_schema())).validate(raw)
    assert check_file(path) == []
    assert path.name == f"{raw['id']}.v{raw['version']}.json"


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.name)
def test_shipped_form_is_completely_and_really_translated(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["languages"] == ["en", "fr", "sw"]
    slots = list(text_slots(raw))
    assert slots
    for slot in slots:
        for lang in ("en", "fr", "sw"):
            assert str(slot.text.get(lang, "")).strip(), f"{slot.key} has no {lang} text"
    # Real translations, not copies of the English: only words like "Date" or
    # "Signature" may read the same.
    for lang in ("fr", "sw"):
        same = [s.key for s in slots if s.text[lang] == s.text["en"]]
        assert len(same) <= max(3, len(slots) // 5), f"{lang} copies English for {same}"


def test_malformed_json_reports_line_and_column() -> None:
    text = '{\n  "format": "outpost-form/1",\n  "id": "x"\n  "version": 1\n}\n'
    with pytest.raises(DefinitionError) as caught:
        load_definition_text(text, "broken.json")
    issue = caught.value.issues[0]
    assert (issue.line, issue.column) == (4, 3)
    assert "invalid JSON" in issue.message
    assert "broken.json" in str(caught.value) and "line 4, column 3" in str(caught.value)


def test_duplicate_json_key_is_reported_with_its_line() -> None:
    text = '{\n  "id": "a",\n  "id": "b"\n}'
    with pytest.raises(DefinitionError) as caught:
        load_definition_text(text)
    assert caught.value.issues[0].line == 3
    assert "appears twice" in caught.value.issues[0].message


def test_reference_to_unknown_field_points_at_path_and_line() -> None:
    raw = minimal()
    raw["sections"][0]["fields"][1]["visible_if"] = {"field": "sexe", "eq": "female"}  # type: ignore[index]
    text = json.dumps(raw, indent=2)
    with pytest.raises(DefinitionError) as caught:
        load_definition_text(text)
    (issue,) = caught.value.issues
    assert "unknown field 'sexe'" in issue.message
    assert issue.path == "$.sections[0].fields[1].visible_if"
    expected_line = next(i for i, line in enumerate(text.splitlines(), 1) if '"visible_if"' in line)
    assert issue.line == expected_line


def test_rule_on_unknown_field_is_an_error() -> None:
    raw = minimal(
        rules=[
            {
                "id": "r",
                "check": {"field": "note", "answered": True},
                "fields": ["nope"],
                "message": {"en": "x"},
            }
        ]
    )
    assert any("unknown field 'nope'" in m for m in issues_of(json.dumps(raw)))


def test_condition_value_that_is_not_a_choice_is_an_error() -> None:
    raw = minimal()
    raw["sections"][0]["fields"][1]["visible_if"] = {"field": "sex", "eq": "femal"}  # type: ignore[index]
    assert any("'femal' is not a choice of 'sex'" in m for m in issues_of(json.dumps(raw)))


def test_ordering_comparison_on_text_is_an_error() -> None:
    raw = minimal()
    raw["sections"][0]["fields"][0]["visible_if"] = {"field": "note", "gt": "a"}  # type: ignore[index]
    assert any("compares numbers or dates" in m for m in issues_of(json.dumps(raw)))


def test_visibility_cycle_is_an_error() -> None:
    raw = minimal()
    fields = raw["sections"][0]["fields"]  # type: ignore[index]
    fields[0]["visible_if"] = {"field": "note", "answered": True}
    fields[1]["visible_if"] = {"field": "sex", "answered": True}
    assert any("depends on itself" in m for m in issues_of(json.dumps(raw)))


def test_missing_translation_and_duplicate_ids_are_all_reported_at_once() -> None:
    raw = minimal(languages=["en", "fr"])
    raw["title"] = {"en": "Test", "fr": "Essai"}
    raw["sections"][0]["title"] = {"en": "Main", "fr": "Principal"}  # type: ignore[index]
    fields = raw["sections"][0]["fields"]  # type: ignore[index]
    fields[1]["id"] = "sex"
    messages = issues_of(json.dumps(raw, indent=2))
    assert any("missing 'fr' text" in m and "fields[0].label" in m for m in messages)
    assert any("field id 'sex' is used twice" in m for m in messages)
    assert len(messages) >= 4


def test_schema_errors_name_the_json_path() -> None:
    raw = minimal()
    raw["sections"][0]["fields"][1]["type"] = "txt"  # type: ignore[index]
    raw["version"] = 0
    messages = issues_of(json.dumps(raw, indent=2))
    assert any(m.startswith("line") and "$.sections[0].fields[1].type" in m for m in messages)
    assert any("$.version" in m for m in messages)


def test_options_of_another_field_type_are_refused() -> None:
    raw = minimal()
    raw["sections"][0]["fields"][1]["unit"] = "kg"  # type: ignore[index]
    assert any("a text field has no option 'unit'" in m for m in issues_of(json.dumps(raw)))


def test_text_that_is_not_utf8_is_refused_with_a_position(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{\n "title": "\xe9"}')
    (issue,) = check_file(path)
    assert "UTF-8" in issue.message and issue.line == 2


def test_translation_file_adds_a_language(tmp_path: Path, library: FormLibrary) -> None:
    slip = library.get("appointment_slip", 1)
    template = translation_template(slip.raw, "en")
    texts = {key: f"[ln] {value}" for key, value in template.items()}
    (tmp_path / "slip.ln.json").write_text(
        json.dumps(
            {
                "format": "outpost-translation/1",
                "form": "appointment_slip",
                "version": 1,
                "language": "ln",
                "language_name": "Lingála",
                "texts": texts,
            }
        ),
        encoding="utf-8",
    )
    extended = FormLibrary.load([tmp_path])
    assert extended.problems == ()
    translated = extended.get("appointment_slip", 1)
    assert translated.languages == ("en", "fr", "sw", "ln")
    assert translated.title_in("ln") == "[ln] Appointment slip"
    assert extended.get("appointment_slip", 2).languages == ("en", "fr", "sw")


def test_incomplete_translation_is_reported_not_applied(tmp_path: Path) -> None:
    (tmp_path / "slip.ln.json").write_text(
        json.dumps(
            {
                "format": "outpost-translation/1",
                "form": "appointment_slip",
                "version": 1,
                "language": "ln",
                "texts": {"title": "Karte ya rendez-vous", "fields.bogus.label": "x"},
            }
        ),
        encoding="utf-8",
    )
    extended = FormLibrary.load([tmp_path])
    (problem,) = extended.problems
    messages = [issue.message for issue in problem.issues]
    assert any("missing translation for 'fields.appointment_date.label'" in m for m in messages)
    assert any("no text called 'fields.bogus.label'" in m for m in messages)
    assert "ln" not in extended.get("appointment_slip", 1).languages
