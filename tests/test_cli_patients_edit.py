"""`outpost patients edit`: only the fields given change, through the core's checks, and the
edit is an ordinary local change (audited, queued for HQ)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.core import ClinicCore
from desktop.paths import DataPaths
from tests.hostile import assert_one_clear_line, make_clinic, run_outpost, store_bytes

PASSWORD = "correct horse battery"


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: Path,
    *args: str,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--data-dir", str(data), "--password-stdin", "--user", "admin", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("edit") / "clinic")


@pytest.fixture
def clinic(made: Path, tmp_path: Path) -> Path:
    import shutil

    data = tmp_path / "clinic"
    shutil.copytree(made, data)
    return data


def add(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: Path, *args: str
) -> str:
    code, out, err = run(capsys, monkeypatch, data, "patients", "add", *args)
    assert code == 0, err
    return out.strip()


def details(data: Path, patient_id: str) -> dict[str, object]:
    import uuid

    core = ClinicCore.unlock(DataPaths(data), "admin", PASSWORD)
    try:
        p = core.patients.details(uuid.UUID(patient_id))
        return {
            "given": p.given_name,
            "family": p.family_name,
            "other": p.other_names,
            "birth_date": p.birth_date,
            "estimated": p.birth_date_estimated,
            "sex": p.sex.value,
            "phone": p.phone_e164,
            "village": p.village,
            "national_id": p.national_id,
            "clinic_number": p.clinic_number,
            "notes": p.notes,
        }
    finally:
        core.close()


def test_only_the_fields_given_change_and_the_patient_is_printed_as_show_does(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    patient_id = add(
        capsys, monkeypatch, clinic, "--given", "Wanjiru", "--family", "Kamau", "--dob",
        "1990-04-12", "--sex", "female", "--phone", "0712 345 678", "--village", "Kombewa",
        "--national-id", "12345678",
    )  # fmt: skip
    before = details(clinic, patient_id)
    code, out, err = run(
        capsys, monkeypatch, clinic, "patients", "edit", patient_id, "--phone", "0722 000 111",
        "--village", "Ahero",
    )  # fmt: skip
    assert code == 0, err
    after = details(clinic, patient_id)
    assert after["phone"] == "+254722000111" and after["village"] == "Ahero"
    assert {k: v for k, v in after.items() if k not in ("phone", "village")} == {
        k: v for k, v in before.items() if k not in ("phone", "village")
    }
    code, shown, _ = run(capsys, monkeypatch, clinic, "patients", "show", patient_id)
    assert code == 0
    assert out == shown
    assert "Wanjiru Kamau" in out and "born 1990-04-12" in out and "village Ahero" in out


def test_a_patient_is_found_by_clinic_number_too(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    patient_id = add(capsys, monkeypatch, clinic, "--given", "Baraka", "--age", "40")
    number = str(details(clinic, patient_id)["clinic_number"])
    assert number
    typed = number.replace("-", "").lower()  # read out over the phone, typed without the dash
    code, out, err = run(
        capsys, monkeypatch, clinic, "patients", "edit", typed, "--family", "Otieno"
    )
    assert code == 0, err
    assert "Baraka Otieno" in out and patient_id in out
    code, out, _ = run(capsys, monkeypatch, clinic, "patients", "show", number)
    assert code == 0 and "Baraka Otieno" in out


def test_an_age_replaces_a_date_of_birth_and_a_date_replaces_an_age(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    patient_id = add(capsys, monkeypatch, clinic, "--given", "Achieng", "--dob", "2001-02-03")
    assert run(capsys, monkeypatch, clinic, "patients", "edit", patient_id, "--age", "30")[0] == 0
    assert details(clinic, patient_id)["estimated"] is True
    code, out, _ = run(
        capsys, monkeypatch, clinic, "patients", "edit", patient_id, "--dob", "1996-05-06"
    )
    assert code == 0 and "born 1996-05-06" in out
    assert details(clinic, patient_id)["estimated"] is False
    code, out, _ = run(capsys, monkeypatch, clinic, "patients", "edit", patient_id, "--age-unknown")
    assert code == 0 and "age not known" in out


def test_editing_an_estimated_age_leaves_the_estimate_alone(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    patient_id = add(capsys, monkeypatch, clinic, "--given", "Otieno", "--age", "52")
    before = details(clinic, patient_id)
    assert (
        run(capsys, monkeypatch, clinic, "patients", "edit", patient_id, "--notes", "deaf")[0] == 0
    )
    after = details(clinic, patient_id)
    assert after["birth_date"] == before["birth_date"] and after["estimated"] is True
    assert after["notes"] == "deaf"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--phone", "12"), "not a valid phone number"),
        (("--dob", "2099-01-01"), "in the future"),
        (("--given", ""), "given name is required"),
        (("--sex", "sometimes"), "female, male, other or unknown"),
        (("--dob", ""), "--age-unknown"),  # the missing-birth problem names this command's options
        (("--age", "many"), "not an age"),
        ((), "nothing to change"),
    ],
)
def test_a_refused_edit_is_one_clear_line_and_changes_nothing(
    clinic: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    says: str,
) -> None:
    patient_id = add(capsys, monkeypatch, clinic, "--given", "Amina", "--dob", "1990-04-12")
    before = store_bytes(clinic)
    ran = run_outpost(clinic, "patients", "edit", patient_id, *args, stdin=PASSWORD + "\n")
    assert_one_clear_line(ran, code=1, says=says)
    assert ran.out == ""
    assert store_bytes(clinic) == before


@pytest.mark.parametrize(
    "patient_id",
    ["x", "01a234e7-2146-7d91-be9e-9d6c21cced09", "0" * 5000, "KHP-999999"],
    ids=["word", "unknown-uuid", "5000-zeros", "unknown-number"],
)
def test_editing_a_patient_who_is_not_there_says_one_line(clinic: Path, patient_id: str) -> None:
    ran = run_outpost(
        clinic, "patients", "edit", "--phone", "0722000111", "--", patient_id, stdin=PASSWORD + "\n"
    )
    assert_one_clear_line(ran, code=1)
    assert len(ran.err) < 400


def test_the_date_and_the_age_together_are_a_usage_error(clinic: Path) -> None:
    ran = run_outpost(
        clinic, "patients", "edit", "x", "--dob", "1990-01-01", "--age", "3", stdin=PASSWORD
    )
    assert ran.code == 2 and "not allowed with" in ran.err


def test_the_edit_is_audited_and_queued_for_hq_with_only_its_fields(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uuid

    patient_id = add(capsys, monkeypatch, clinic, "--given", "Zawadi", "--age", "8")
    core = ClinicCore.unlock(DataPaths(clinic), "admin", PASSWORD)
    try:
        sent = {c.change_id for c in core.remote.pending_outbox()}
    finally:
        core.close()
    # The registration is taken as sent, so the edit is a patch of its own.
    _mark_sent(clinic)
    assert (
        run(capsys, monkeypatch, clinic, "patients", "edit", patient_id, "--village", "Ahero")[0]
        == 0
    )
    core = ClinicCore.unlock(DataPaths(clinic), "admin", PASSWORD)
    try:
        pending = [c for c in core.remote.pending_outbox() if c.change_id not in sent]
        history = core.patients.history(uuid.UUID(patient_id))
    finally:
        core.close()
    edits = [c for c in pending if c.entity == "patients"]
    assert len(edits) == 1 and edits[0].op == "update"
    assert set(edits[0].patch) == {"village"}
    assert history[0].action == "update" and history[0].fields == ("village",)


def _mark_sent(data: Path) -> None:
    import uuid

    from sqlalchemy import update

    from desktop.store.models import OutboxEntry

    core = ClinicCore.unlock(DataPaths(data), "admin", PASSWORD)
    try:
        core.tx.write(
            lambda s: s.execute(
                update(OutboxEntry)
                .where(OutboxEntry.sent_batch.is_(None))
                .values(sent_batch=uuid.uuid4())
            )
        )
    finally:
        core.close()
