"""Clinic forms are installed by an administrator, not dropped in (issue 8, item 8; item 11's
`forms validate` with a 5,000-character path).

API level: install → print uses it; the same id and version with other content is refused;
an altered HIV consent never prints as the clinic's consent silently; translations install
the same way; a bad installed row never stops the others. CLI level (tests/hostile.py: the
real command in its own process, with a timeout): every hostile file through `forms
validate`, `forms install` and dropped in the data folder's forms folder.
"""

from __future__ import annotations

import io
import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

import forms
from desktop.app.printing import BlankFormPrint
from desktop.core import ClinicCore
from desktop.errors import Conflict, PermissionDenied
from desktop.permissions import Actor
from desktop.services.form_install import FormRefused
from desktop.store.models import AuditEvent, ClinicForm, OutboxEntry, Role
from tests.hostile import (
    PASSWORD,
    assert_one_clear_line,
    make_clinic,
    run_outpost,
    store_bytes,
)

DEFINITIONS = Path(forms.__file__).parent / "definitions"


def shipped_raw(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEFINITIONS / name).read_text(encoding="utf-8"))
    return data


def wound_care(version: int = 1, label: str = "Size of the wound") -> dict[str, Any]:
    return {
        "format": "outpost-form/1",
        "id": "clinic.wound_care",
        "version": version,
        "languages": ["en"],
        "title": {"en": "Wound care"},
        "sections": [
            {
                "id": "wound",
                "title": {"en": "The wound"},
                "fields": [{"id": "size", "type": "text", "label": {"en": label}}],
            }
        ],
    }


def altered_hiv_consent(version: int = 2) -> dict[str, Any]:
    raw = shipped_raw("consent_hiv_test.v1.json")
    raw["version"] = version
    raw["sections"][0]["paragraphs"] = [
        {lang: "ALTERED: the result is shared with your employer." for lang in raw["languages"]}
    ]
    return raw


def as_bytes(raw: dict[str, Any]) -> bytes:
    return json.dumps(raw, ensure_ascii=False).encode("utf-8")


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


# --- the core's API ---------------------------------------------------------------------------


def test_an_installed_form_is_stored_audited_queued_for_sync_and_printed(
    core: ClinicCore,
) -> None:
    done = core.forms.install(as_bytes(wound_care()), "wound_care.json")
    installed = done.value
    assert installed.form_id == "clinic.wound_care" and installed.version == 1
    assert installed.installed_by == core.actor.display_name and len(installed.sha256) == 64
    assert done.changes.touches("clinic_forms")
    assert "clinic.wound_care" in core.forms.library()
    pdf = core.printing.print(BlankFormPrint("clinic.wound_care")).value.pdf
    assert "Size of the wound" in pdf_text(pdf)
    with core.store.session() as session:
        row = session.scalars(select(ClinicForm)).one()
        assert json.loads(row.definition)["id"] == "clinic.wound_care"
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "install", AuditEvent.entity_id == row.id)
        ).all()
        assert events and events[0].detail["sha256"] == installed.sha256
        queued = {e.entity_id for e in session.scalars(select(OutboxEntry))}
        assert row.id in queued  # synced to the clinic's other laptops later
    (listed,) = core.forms.installed()
    assert listed.form_id == "clinic.wound_care" and listed.languages == ("en",)


def test_the_same_file_again_changes_nothing_and_other_content_under_its_version_is_refused(
    core: ClinicCore,
) -> None:
    core.forms.install(as_bytes(wound_care()), "wound_care.json")
    again = core.forms.install(as_bytes(wound_care()), "wound_care.json")
    assert again.value.already and not again.changes
    with pytest.raises(Conflict, match="a published version never changes"):
        core.forms.install(as_bytes(wound_care(label="Other words")), "wound_care.json")
    core.forms.install(as_bytes(wound_care(2, label="Other words")), "wound_care.v2.json")
    library = core.forms.library()
    assert library.versions("clinic.wound_care") == (1, 2)
    assert library.get("clinic.wound_care", 1).fields["size"].label["en"] == "Size of the wound"


def test_an_altered_hiv_consent_is_refused_and_needs_replace_shipped_to_print_marked(
    core: ClinicCore,
) -> None:
    with pytest.raises(FormRefused, match="shipped with Outpost"):
        core.forms.install(as_bytes(altered_hiv_consent()), "consent_hiv_test.v2.json")
    # The shipped version number with other wording is refused even when asked to replace.
    with pytest.raises(FormRefused, match="never changes"):
        core.forms.install(
            as_bytes(altered_hiv_consent(version=1)), "hiv.json", replace_shipped=True
        )
    assert core.forms.library().get("consent_hiv_test").version == 1
    assert not core.forms.installed()

    done = core.forms.install(
        as_bytes(altered_hiv_consent()), "consent_hiv_test.v2.json", replace_shipped=True
    )
    assert done.value.replaces_shipped
    definition = core.forms.library().get("consent_hiv_test")
    assert definition.version == 2 and definition.clinic_own
    text = pdf_text(core.printing.print(BlankFormPrint("consent_hiv_test")).value.pdf)
    assert "ALTERED" in text and "the clinic's own" in text
    assert "the clinic's own" not in pdf_text(
        forms.render_pdf(
            core.forms.library().get("consent_hiv_test", 1),
            None,
            context=forms.PrintContext(clinic_name="x", printed_at=core.clock.now()),
        )
    )
    with core.store.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "install")).one()
        assert event.detail["replaces_shipped"] == "yes"


def test_only_an_administrator_installs_forms(core: ClinicCore) -> None:
    coordinator = Actor(uuid.uuid4(), "amina", "Amina", Role.COORDINATOR, core.actor.clinic_id)
    with pytest.raises(PermissionDenied):
        core.forms.install(as_bytes(wound_care()), "wound_care.json", actor=coordinator)


def test_a_translation_of_a_shipped_form_is_installed_the_same_way(core: ClinicCore) -> None:
    slip = core.forms.library().get("appointment_slip", 3)
    texts = {
        key: f"[ln] {value}" for key, value in forms.translation_template(slip.raw, "en").items()
    }
    translation = {
        "format": "outpost-translation/1",
        "form": "appointment_slip",
        "version": 3,
        "language": "ln",
        "language_name": "Lingála",
        "texts": texts,
    }
    done = core.forms.install(as_bytes(translation), "slip.ln.json")
    assert done.value.kind == "translation" and done.value.language == "ln"
    assert "ln" in core.forms.library().get("appointment_slip", 3).languages
    # A language the form already has is never replaced.
    french = dict(translation, language="fr")
    with pytest.raises(FormRefused, match="already has fr text"):
        core.forms.install(as_bytes(french), "slip.fr.json")


def test_a_form_that_does_not_print_is_refused_with_the_reason(core: ClinicCore) -> None:
    raw = wound_care()
    field = raw["sections"][0]["fields"][0]
    field.update(
        type="single_choice",
        choices=[{"value": f"c{i}", "label": {"en": "w" * 300}} for i in range(40)],
        help={"en": "h" * 1000},
    )
    with pytest.raises(FormRefused, match="taller than a page"):
        core.forms.install(as_bytes(raw), "tall.json")
    assert not core.forms.installed()


def test_a_bad_installed_form_never_stops_the_others(core: ClinicCore) -> None:
    core.forms.install(as_bytes(wound_care()), "wound_care.json")
    deep = "[" * 100_000 + "]" * 100_000
    with core.store.session() as session, session.begin():
        # As if a damaged row arrived by sync: it bypasses the install checks.
        session.add(
            ClinicForm(
                clinic_id=core.actor.clinic_id,
                form_id="clinic.broken",
                version=1,
                kind="form",
                definition=deep,
                sha256="0" * 64,
                installed_by=core.actor.user_id,
            )
        )
    core.forms._library = None  # read the store again
    library = core.forms.library()
    assert "clinic.wound_care" in library and "intake" in library
    assert any("clinic.broken" in problem.source for problem in library.problems)
    pdf = core.printing.print(BlankFormPrint("intake")).value.pdf
    assert pdf.startswith(b"%PDF")


def test_an_installed_row_is_never_edited_in_place(core: ClinicCore) -> None:
    core.forms.install(as_bytes(wound_care()), "wound_care.json")
    with (
        pytest.raises(Exception, match="immutable"),
        core.store.session() as session,
        session.begin(),
    ):
        row = session.scalars(select(ClinicForm)).one()
        row.definition = json.dumps(wound_care(label="Changed behind its back"))


# --- the real command, with hostile files -------------------------------------------------------


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(Path(tmp_path_factory.mktemp("hostile")) / "clinic")


def _deep_condition() -> str:
    """The wound care form with a section shown only if a condition 3,000 levels deep holds
    (written as text: json itself cannot write that deep)."""
    raw = wound_care()
    raw["sections"].append(
        {
            "id": "later",
            "title": {"en": "Later"},
            "visible_if": "CONDITION",
            "fields": [{"id": "note", "type": "text", "label": {"en": "Note"}}],
        }
    )
    condition = '{"not": ' * 3000 + '{"field": "size", "answered": true}' + "}" * 3000
    return json.dumps(raw).replace('"CONDITION"', condition)


def make_hostile(kind: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}.json"
    if path.exists() or path.is_symlink():
        path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link_to_dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "deep_json":
        path.write_text("[" * 100_000 + "]" * 100_000)
    elif kind == "deep_condition":
        path.write_text(_deep_condition())
    elif kind == "sparse_1_5_gib":
        with path.open("wb"):
            pass
        os.truncate(path, 1536 * 1024 * 1024)
    elif kind == "long_words":
        raw = wound_care()
        raw["sections"][0]["fields"][0]["label"] = {"en": "w" * 8000}
        path.write_text(json.dumps(raw))
    else:  # pragma: no cover
        raise AssertionError(kind)
    return path


UNREADABLE = ("fifo", "link_to_dev_zero", "sparse_1_5_gib")
MALFORMED = ("deep_json", "deep_condition", "long_words")
SAYS = {
    "fifo": "not a regular file",
    "link_to_dev_zero": "symbolic link",
    "sparse_1_5_gib": "a form is at most",
    "deep_json": "nested",
    "deep_condition": "nested",
    "long_words": "characters",
}


@pytest.mark.parametrize("kind", UNREADABLE + MALFORMED)
def test_forms_validate_refuses_a_hostile_file_in_words(kind: str, tmp_path: Path) -> None:
    path = make_hostile(kind, tmp_path)
    ran = run_outpost(
        None, "forms", "validate", str(path), user=None, password_stdin=False, timeout=60
    )
    assert "Traceback" not in ran.err and ran.code == 1
    if kind in UNREADABLE:
        assert_one_clear_line(ran, says=SAYS[kind])
    else:
        assert not ran.err_lines, ran.err
        assert SAYS[kind] in ran.out and len(ran.out.splitlines()) <= 3, ran.out


@pytest.mark.parametrize("kind", UNREADABLE + MALFORMED)
def test_forms_install_refuses_a_hostile_file_in_one_line_and_changes_nothing(
    kind: str, clinic: Path, tmp_path: Path
) -> None:
    path = make_hostile(kind, tmp_path)
    before = store_bytes(clinic)
    ran = run_outpost(clinic, "forms", "install", str(path), stdin=PASSWORD + "\n", timeout=60)
    assert_one_clear_line(ran, says=SAYS[kind])
    assert "was not installed" in ran.err and "Nothing was changed" in ran.err
    assert store_bytes(clinic) == before


def test_hostile_files_dropped_in_the_forms_folder_stop_nothing(clinic: Path) -> None:
    folder = clinic / "forms"
    for kind in UNREADABLE + MALFORMED:
        make_hostile(kind, folder)
    try:
        ran = run_outpost(clinic, "forms", "list", stdin=PASSWORD + "\n", timeout=60)
        assert ran.code == 0 and not ran.err_lines, ran.err
        assert "intake " in ran.out
        warnings = [line for line in ran.out.splitlines() if "is not installed" in line]
        assert len(warnings) == len(UNREADABLE + MALFORMED)
        ran = run_outpost(clinic, "forms", "list", user=None, password_stdin=False, timeout=60)
        assert ran.code == 0 and "intake " in ran.out
        target = clinic.parent / "intake-blank.pdf"
        ran = run_outpost(
            clinic,
            "print",
            "intake",
            "--blank",
            "-o",
            str(target),
            user=None,
            password_stdin=False,
            timeout=60,
        )
        assert ran.code == 0, ran.err
        assert "shipped with Outpost" in ran.out and target.read_bytes().startswith(b"%PDF")
        ran = run_outpost(
            clinic,
            "print",
            "consent_hiv_test",
            "--blank",
            "-o",
            str(target),
            stdin=PASSWORD + "\n",
            timeout=60,
        )
        assert ran.code == 0, ran.err
        log = (clinic / "logs" / "outpost.log").read_text(encoding="utf-8", errors="replace")
        assert "fifo.json is not installed" in log
    finally:
        for kind in UNREADABLE + MALFORMED:
            (folder / f"{kind}.json").unlink()


def test_forms_validate_says_one_line_for_each_unreadable_path(tmp_path: Path) -> None:
    long_path = "/tmp/" + "x" * 5000 + ".json"
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    for path, says in (
        (long_path, "name too long"),
        (str(folder), "folder"),
        ("/dev/zero", "not a regular file"),
        (str(tmp_path / "missing.json"), "no such file"),
    ):
        ran = run_outpost(
            None, "forms", "validate", path, user=None, password_stdin=False, timeout=60
        )
        assert_one_clear_line(ran, says=says)
        assert len(ran.err) < 400  # the long name is shortened, both ends kept


def test_install_then_print_through_the_real_command(clinic: Path, tmp_path: Path) -> None:
    source = tmp_path / "wound_care.v1.json"
    source.write_text(json.dumps(wound_care(label="Depth of the wound")))
    ran = run_outpost(clinic, "forms", "install", str(source), stdin=PASSWORD + "\n")
    assert ran.code == 0 and "Installed clinic.wound_care version 1" in ran.out, ran.err
    target = tmp_path / "wound.pdf"
    ran = run_outpost(
        clinic, "print", "clinic.wound_care", "--blank", "-o", str(target), stdin=PASSWORD + "\n"
    )
    assert ran.code == 0, ran.err
    assert "Depth of the wound" in pdf_text(target.read_bytes())
    # Without a user only the shipped forms print, and the command says so.
    ran = run_outpost(
        clinic,
        "print",
        "clinic.wound_care",
        "--blank",
        "-o",
        str(target),
        user=None,
        password_stdin=False,
    )
    assert_one_clear_line(ran, says="shipped with Outpost")
    hiv = tmp_path / "hiv.v2.json"
    hiv.write_text(json.dumps(altered_hiv_consent()))
    ran = run_outpost(clinic, "forms", "install", str(hiv), stdin=PASSWORD + "\n")
    assert_one_clear_line(ran, says="--replace-shipped")
    ran = run_outpost(
        clinic, "forms", "install", str(hiv), "--replace-shipped", stdin=PASSWORD + "\n"
    )
    assert ran.code == 0 and "the clinic's own" in ran.out, ran.err
