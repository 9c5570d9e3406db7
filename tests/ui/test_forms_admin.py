"""Settings → Forms: administrators install the clinic's forms; the list shows version,
languages, who installed each and when; a refused file's reasons are shown in plain words;
a new version of a shipped form needs a confirmation and is then marked the clinic's own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

import forms
from tests.ui.conftest import find_window
from ui.util import is_alive

DEFINITIONS = Path(forms.__file__).parent / "definitions"


def _forms_tab(window: Any) -> Any:
    window.nav.setCurrentRow(3)
    panel = window.settings.forms
    window.settings.tabs.setCurrentWidget(panel)
    return panel


def _wound_care(tmp_path: Path) -> Path:
    raw = {
        "format": "outpost-form/1",
        "id": "clinic.wound_care",
        "version": 1,
        "languages": ["en", "fr"],
        "title": {"en": "Wound care", "fr": "Soins des plaies"},
        "sections": [
            {
                "id": "w",
                "title": {"en": "Wound", "fr": "Plaie"},
                "fields": [{"id": "size", "type": "text", "label": {"en": "Size", "fr": "Taille"}}],
            }
        ],
    }
    path = tmp_path / "wound_care.v1.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def _close_boxes(qtbot: Any) -> None:
    box = find_window(QMessageBox)
    if box is not None:
        box.done(0)
        qtbot.waitUntil(lambda: not is_alive(box) or not box.isVisible(), timeout=5_000)


def test_an_installed_form_is_listed_with_who_installed_it(
    signed_in, core, qtbot, tmp_path
) -> None:
    panel = _forms_tab(signed_in.window)
    assert panel.model.rowCount() == 0
    panel.install_file(str(_wound_care(tmp_path)))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20_000)
    assert panel.model.item(0, 0).text() == "clinic.wound_care"
    assert panel.model.item(0, 1).text() == "1"
    assert panel.model.item(0, 2).text() == "en fr"
    assert panel.model.item(0, 4).text() == core.actor.display_name
    assert panel.model.item(0, 5).text()[:4].isdigit()
    _close_boxes(qtbot)
    assert "clinic.wound_care" in core.forms.library()


def test_a_refused_file_says_why_in_plain_words(signed_in, core, qtbot, tmp_path) -> None:
    panel = _forms_tab(signed_in.window)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    panel.install_file(str(deep))
    qtbot.waitUntil(lambda: panel.problems.isVisible(), timeout=20_000)
    text = panel.problems.text()
    assert "was not installed" in text and "nested" in text
    assert panel.model.rowCount() == 0


def test_a_loose_file_in_the_data_folder_is_named_as_not_installed(
    signed_in, core, qtbot, tmp_path
) -> None:
    folder = core.paths.forms
    folder.mkdir(exist_ok=True)
    (folder / "old_form.json").write_text("{}", encoding="utf-8")
    panel = _forms_tab(signed_in.window)
    panel.refresh()
    qtbot.waitUntil(
        lambda: "old_form.json is not installed" in panel.problems.text(), timeout=20_000
    )


def test_a_new_version_of_a_shipped_form_needs_a_confirmation_and_is_marked(
    signed_in, core, qtbot, tmp_path
) -> None:
    raw = json.loads((DEFINITIONS / "consent_hiv_test.v1.json").read_text(encoding="utf-8"))
    raw["version"] = 2
    path = tmp_path / "hiv.v2.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    panel = _forms_tab(signed_in.window)
    panel.install_file(str(path))
    qtbot.waitUntil(lambda: find_window(QMessageBox) is not None, timeout=20_000)
    box = find_window(QMessageBox)
    assert "Replace Outpost's wording?" in box.windowTitle()
    assert panel.model.rowCount() == 0  # nothing installed before the answer
    yes = next(b for b in box.buttons() if "clinic's own" in b.text())
    yes.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20_000)
    assert "the clinic's own" in panel.model.item(0, 1).text()
    _close_boxes(qtbot)
    assert core.forms.library().get("consent_hiv_test").clinic_own
