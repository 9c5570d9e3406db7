"""The library keeps every version, so old records reprint with the definition they used."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from forms_testkit import needs_poppler, pdftotext_pages

from forms import FormLibrary, PrintContext, UnknownFormError, render_pdf


def note_form(version: int, label: str) -> dict[str, object]:
    return {
        "format": "outpost-form/1",
        "id": "clinic.note",
        "version": version,
        "languages": ["en"],
        "title": {"en": "Clinic note"},
        "sections": [
            {
                "id": "s",
                "title": {"en": "Note"},
                "fields": [{"id": "text", "type": "text", "label": {"en": label}}],
            }
        ],
    }


@pytest.fixture
def clinic_dir(tmp_path: Path) -> Path:
    (tmp_path / "note.v1.json").write_text(
        json.dumps(note_form(1, "Observation (old wording)")), encoding="utf-8"
    )
    (tmp_path / "note.v2.json").write_text(
        json.dumps(note_form(2, "Finding (new wording)")), encoding="utf-8"
    )
    return tmp_path


def test_get_returns_latest_or_exact_version(library: FormLibrary) -> None:
    assert library.versions("appointment_slip") == (1, 2, 3)
    assert library.get("appointment_slip").version == 3
    assert "clinic_address" in library.get("appointment_slip", 3).fields
    assert library.get("appointment_slip", 1).version == 1
    assert "bring" in library.get("appointment_slip", 2).fields
    assert "bring" not in library.get("appointment_slip", 1).fields


def test_unknown_form_or_version_is_a_clear_error(library: FormLibrary) -> None:
    with pytest.raises(UnknownFormError, match="no form definition with id 'nope'"):
        library.get("nope")
    with pytest.raises(UnknownFormError, match=r"installed versions: 1, 2, 3") as caught:
        library.get("appointment_slip", 7)
    assert caught.value.known_versions == [1, 2, 3]


def test_clinic_forms_load_from_extra_folders(clinic_dir: Path) -> None:
    library = FormLibrary.load([clinic_dir])
    assert library.problems == ()
    assert "intake" in library and "clinic.note" in library
    assert library.get("clinic.note").version == 2
    assert library.get("clinic.note", 1).fingerprint != library.get("clinic.note", 2).fingerprint


@needs_poppler
def test_old_record_reprints_with_its_own_version(clinic_dir: Path) -> None:
    library = FormLibrary.load([clinic_dir], shipped=False)
    context = PrintContext(
        clinic_name="Kibera", printed_at=dt.datetime(2025, 3, 4, 10, 0), record_id="rec-7"
    )
    old = render_pdf(library.get("clinic.note", 1), {"text": "healing well"}, context=context)
    (page,) = pdftotext_pages(old)
    assert "Observation (old wording)" in page and "Finding" not in page
    assert "version 1" in page and "healing well" in page


def test_a_broken_or_conflicting_file_does_not_take_the_others_down(clinic_dir: Path) -> None:
    (clinic_dir / "broken.json").write_text("{ not json", encoding="utf-8")
    conflicting = note_form(1, "Sneaky edit of a published version")
    (clinic_dir / "zz-conflict.json").write_text(json.dumps(conflicting), encoding="utf-8")
    library = FormLibrary.load([clinic_dir, clinic_dir / "missing"])
    sources = sorted(Path(p.source).name for p in library.problems)
    assert sources == ["broken.json", "missing", "zz-conflict.json"]
    assert library.get("clinic.note", 1).fields["text"].label["en"] == "Observation (old wording)"
    assert "intake" in library


def test_an_identical_copy_of_a_shipped_file_is_harmless(
    tmp_path: Path, library: FormLibrary
) -> None:
    source = Path(library.get("referral").source)
    (tmp_path / source.name).write_bytes(source.read_bytes())
    assert FormLibrary.load([tmp_path]).problems == ()
