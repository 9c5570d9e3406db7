"""The `outpost` command: exit codes, one-line errors, and the commands a clinic relies on."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main

PASSWORD = "correct horse battery"


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: Path,
    *args: str,
    stdin: str = "",
    user: str | None = "admin",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    prefix = ["--data-dir", str(data), "--password-stdin"]
    if user:
        prefix += ["--user", user]
    code = main([*prefix, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def clinic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    data = tmp_path / "clinic"
    code, out, _ = run(
        capsys,
        monkeypatch,
        data,
        "init",
        "--clinic",
        "Kisumu Health Post",
        "--admin",
        "admin",
        stdin=PASSWORD + "\n",
        user=None,
    )
    assert code == 0 and "RECOVERY KEY:" in out
    return data


def test_init_prints_the_recovery_key_once(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(
        capsys,
        monkeypatch,
        clinic,
        "init",
        "--clinic",
        "Again",
        "--admin",
        "admin",
        stdin=PASSWORD + "\n",
        user=None,
    )
    assert code == 1
    assert err.count("\n") == 1 and "already holds an Outpost store" in err


def test_add_then_search_finds_the_patient_first(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(
        capsys,
        monkeypatch,
        clinic,
        "patients",
        "add",
        "--given",
        "Wanjiru",
        "--family",
        "Kamau",
        "--age",
        "34",
        "--phone",
        "0712 345 678",
        stdin=PASSWORD + "\n",
    )
    assert code == 0
    new_id = out.strip()
    run(
        capsys,
        monkeypatch,
        clinic,
        "patients",
        "add",
        "--given",
        "Wambui",
        "--family",
        "Kariuki",
        "--age-unknown",
        stdin=PASSWORD + "\n",
    )
    code, out, _ = run(
        capsys, monkeypatch, clinic, "patients", "search", "wanjru kamau", stdin=PASSWORD + "\n"
    )
    assert code == 0
    assert out.splitlines()[0].startswith(new_id)
    code, out, _ = run(
        capsys, monkeypatch, clinic, "patients", "search", "0712345678", stdin=PASSWORD + "\n"
    )
    assert out.splitlines()[0].startswith(new_id)


def test_a_duplicate_is_refused_until_allowed(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("patients", "add", "--given", "Achieng", "--family", "Otieno", "--phone", "0722000111")
    args = (*args, "--age", "40")
    assert run(capsys, monkeypatch, clinic, *args, stdin=PASSWORD + "\n")[0] == 0
    code, _, err = run(capsys, monkeypatch, clinic, *args, stdin=PASSWORD + "\n")
    assert code == 1 and "already registered" in err and "same phone" in err
    assert (
        run(capsys, monkeypatch, clinic, *args, "--allow-duplicate", stdin=PASSWORD + "\n")[0] == 0
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("patients", "add", "--given", "", "--family", "X"), "given name is required"),
        (("patients", "add", "--given", "A", "--dob", "2099-01-01"), "in the future"),
        (("patients", "add", "--given", "A", "--phone", "12"), "not a valid phone number"),
        (("patients", "show", "not-an-id"), "not a record id"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_1(
    clinic: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    message: str,
) -> None:
    code, _, err = run(capsys, monkeypatch, clinic, *args, stdin=PASSWORD + "\n")
    assert code == 1
    assert message in err and err.startswith("outpost: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_a_wrong_password_is_exit_1_without_traceback(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, clinic, "doctor", stdin="nope\n")
    assert code == 1 and "Wrong user name or password" in err and "Traceback" not in err


def test_commands_that_open_the_store_need_a_user(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, clinic, "doctor", stdin=PASSWORD + "\n", user=None)
    assert code == 1 and "--user NAME" in err


def test_doctor_reports_a_healthy_store(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, clinic, "doctor", stdin=PASSWORD + "\n")
    assert code == 0
    assert "pages intact" in out and "Integrity:         ok" in out and "Schema:" in out


def test_users_add_then_the_new_user_signs_in_and_changes_password(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(
        capsys,
        monkeypatch,
        clinic,
        "users",
        "add",
        "peter",
        "--name",
        "Peter Mwangi",
        "--role",
        "coordinator",
        stdin=f"{PASSWORD}\npeter's own password\n",
    )
    assert code == 0, err
    code, out, _ = run(capsys, monkeypatch, clinic, "users", "list", stdin=PASSWORD + "\n")
    assert "peter" in out and "coordinator" in out
    code, _, err = run(
        capsys,
        monkeypatch,
        clinic,
        "users",
        "passwd",
        stdin="peter's own password\npeter's newer password\n",
        user="peter",
    )
    assert code == 0, err
    code, _, err = run(
        capsys,
        monkeypatch,
        clinic,
        "users",
        "add",
        "eve",
        stdin="peter's newer password\nwhatever password\n",
        user="peter",
    )
    assert code == 1 and "may not manage users" in err


def test_recover_sets_a_new_password_with_the_recovery_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "c"
    _, out, _ = run(
        capsys,
        monkeypatch,
        data,
        "init",
        "--clinic",
        "C",
        "--admin",
        "admin",
        stdin=PASSWORD + "\n",
        user=None,
    )
    key = out.split("RECOVERY KEY:")[1].split()[0]
    code, _, err = run(
        capsys,
        monkeypatch,
        data,
        "recover",
        "admin",
        stdin=f"{key}\nforgotten and replaced\n",
        user=None,
    )
    assert code == 0, err
    assert run(capsys, monkeypatch, data, "doctor", stdin="forgotten and replaced\n")[0] == 0


def test_demo_fills_a_realistic_week(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(
        capsys, monkeypatch, clinic, "demo", "--patients", "40", stdin=PASSWORD + "\n"
    )
    assert code == 0, err
    assert "Added 40 demo patients, 3 providers" in out
    booked = int(out.split("providers and ")[1].split()[0])
    assert booked > 20


@pytest.mark.slow
def test_the_installed_command_runs_as_a_real_process(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("outpost")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "desktop.cli.main"]
    data = str(tmp_path / "p")
    env = dict(os.environ)
    done = subprocess.run(
        [
            *command,
            "--data-dir",
            data,
            "--password-stdin",
            "init",
            "--clinic",
            "Real Process",
            "--admin",
            "admin",
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [
            *command,
            "--data-dir",
            data,
            "--user",
            "admin",
            "--password-stdin",
            "patients",
            "search",
            "x",
        ],
        input="wrong\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1 and done.stderr.startswith("outpost: Wrong user name")


def test_forms_list_shows_every_shipped_form_with_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, tmp_path / "none", "forms", "list", user=None)
    assert code == 0
    assert "intake" in out and "consent_hiv_test" in out and "v1, v2" in out


def test_forms_validate_points_at_the_line_of_a_malformed_definition(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "outpost-form/1",\n  "id": "x",,\n}\n')
    code, out, _ = run(capsys, monkeypatch, tmp_path, "forms", "validate", str(bad), user=None)
    assert code == 1 and "line 3" in out


def test_a_clinic_form_dropped_in_the_forms_folder_is_not_used_but_named_in_a_warning(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    import forms

    shipped = json.loads(
        (Path(forms.__file__).parent / "definitions" / "referral.v1.json").read_text()
    )
    shipped["id"], shipped["version"] = "tb_referral", 1
    (clinic / "forms").mkdir()
    (clinic / "forms" / "tb_referral.v1.json").write_text(json.dumps(shipped))
    code, out, _ = run(capsys, monkeypatch, clinic, "forms", "list", user=None)
    # Clinic forms are installed (`outpost forms install`), never read from the folder.
    assert code == 0 and "tb_referral.v1.json is not installed" in out
    assert not any(line.startswith("tb_referral ") for line in out.splitlines())


def test_print_writes_a_patient_form_and_a_blank_one(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    _, out, _ = run(
        capsys,
        monkeypatch,
        clinic,
        "patients",
        "add",
        "--given",
        "Zoë",
        "--family",
        "Ndiaye-Oyelọ́wọ̀",
        "--age-unknown",
        stdin=PASSWORD + "\n",
    )
    patient = out.strip()
    target = clinic.parent / "intake.pdf"
    code, _, err = run(
        capsys,
        monkeypatch,
        clinic,
        "print",
        "intake",
        "--patient",
        patient,
        "--lang",
        "fr",
        "-o",
        str(target),
        stdin=PASSWORD + "\n",
    )
    assert code == 0, err
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Zoë" in text and "Kisumu Health Post" in text
    blank = clinic.parent / "blank.pdf"
    code, _, _ = run(
        capsys,
        monkeypatch,
        clinic,
        "print",
        "consent_hiv_test",
        "--blank",
        "--paper",
        "letter",
        "-o",
        str(blank),
        user=None,
    )
    assert code == 0 and len(PdfReader(blank).pages) >= 1
    code, _, err = run(
        capsys, monkeypatch, clinic, "print", "no_such_form", "--blank", "-o", str(blank), user=None
    )
    assert code == 1 and "forms list" in err


def test_init_can_write_the_recovery_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    sheet = tmp_path / "sheet.pdf"
    code, out, _ = run(
        capsys,
        monkeypatch,
        tmp_path / "c",
        "init",
        "--clinic",
        "Bondo",
        "--admin",
        "admin",
        "--recovery-sheet",
        str(sheet),
        stdin=PASSWORD + "\n",
        user=None,
    )
    key = out.split("RECOVERY KEY:")[1].split()[0]
    assert code == 0 and key in PdfReader(sheet).pages[0].extract_text()


def test_backup_then_restore_through_the_command(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = clinic.parent / "usb" / "monday.outpost-backup"
    target.parent.mkdir()
    code, out, err = run(capsys, monkeypatch, clinic, "backup", str(target), stdin=PASSWORD + "\n")
    assert code == 0, err
    assert out.startswith(f"Backup written and verified: {target}") and target.is_file()
    assert "100%" in err  # progress goes to standard error
    run(capsys, monkeypatch, clinic, "patients", "add", "--given", "Later", stdin=PASSWORD + "\n")

    code, _, err = run(capsys, monkeypatch, clinic, "restore", str(target), stdin="wrong\n")
    # Over a store, the restore is authorised by its administrator's current password.
    assert code == 1 and "needs an administrator of that store" in err
    assert err.splitlines()[-1].startswith("outpost: ")
    code, out, err = run(capsys, monkeypatch, clinic, "restore", str(target), stdin=PASSWORD + "\n")
    assert code == 0, err
    assert out.startswith(f"Restored {target}") and "kept in" in out
    code, out, _ = run(
        capsys, monkeypatch, clinic, "patients", "search", "Later", stdin=PASSWORD + "\n"
    )
    assert code == 0 and "Later" not in out  # registered after the backup


def test_restore_onto_a_new_laptop_with_the_recovery_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "c"
    _, out, _ = run(
        capsys, monkeypatch, data, "init", "--clinic", "C", "--admin", "admin",
        stdin=PASSWORD + "\n", user=None,
    )  # fmt: skip
    key = out.split("RECOVERY KEY:")[1].split()[0]
    target = tmp_path / "b.outpost-backup"
    assert run(capsys, monkeypatch, data, "backup", str(target), stdin=PASSWORD + "\n")[0] == 0
    new_laptop = tmp_path / "new"
    code, out, err = run(
        capsys, monkeypatch, new_laptop, "restore", str(target), "--recovery-key",
        stdin=key + "\n", user=None,
    )  # fmt: skip
    assert code == 0, err
    assert run(capsys, monkeypatch, new_laptop, "doctor", stdin=PASSWORD + "\n")[0] == 0


def test_doctor_on_a_fresh_install_reports_no_backup_failure(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, clinic, "doctor", stdin=PASSWORD + "\n")
    assert code == 0
    assert "Backup failed" not in out and "Last backup" not in out
    assert "Backups:           Backups are only in the data folder" in out  # advice only


def test_a_refused_write_prints_nothing_on_standard_output(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(
        capsys, monkeypatch, clinic, "users", "add", "admin", stdin=f"{PASSWORD}\nanother pass\n"
    )
    assert code == 1 and out == "" and err.startswith("outpost: ")
    code, out, _ = run(
        capsys, monkeypatch, clinic, "users", "disable", "nobody", stdin=PASSWORD + "\n"
    )
    assert code == 1 and out == ""


def test_users_disable_stops_the_user_signing_in(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, monkeypatch, clinic, "users", "add", "peter", stdin=f"{PASSWORD}\npeter's pass1\n")
    code, out, _ = run(
        capsys, monkeypatch, clinic, "users", "disable", "peter", stdin=PASSWORD + "\n"
    )
    assert code == 0 and out.startswith("peter can no longer sign in: the clinic's key")
    _, out, _ = run(capsys, monkeypatch, clinic, "users", "list", stdin=PASSWORD + "\n")
    assert "(disabled)" in out
    code, _, err = run(capsys, monkeypatch, clinic, "doctor", stdin="peter's pass1\n", user="peter")
    assert code == 1 and "Traceback" not in err


CLI = Path(__file__).resolve().parent.parent / "desktop" / "cli"
API_ONLY = ("main.py", "context.py", "cmd_store.py", "cmd_backup.py")


@pytest.mark.parametrize("name", API_ONLY)
def test_the_command_line_works_through_the_core_api(name: str) -> None:
    source = (CLI / name).read_text("utf-8")
    for forbidden in (".session(", ".read_session(", "core.store", "engine.connect", "sqlalchemy"):
        assert forbidden not in source, f"{name} uses {forbidden}: call the core's API instead"


def test_recover_with_a_wrong_key_says_so_before_asking_for_a_new_password(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = "-".join(["ABCD"] * 13)
    code, out, err = run(
        capsys, monkeypatch, clinic, "recover", "admin", stdin=wrong + "\n", user=None
    )
    assert code == 1 and out == ""
    assert "recovery key" in err and "Expected a line" not in err


def test_backup_progress_prints_a_line_only_when_something_changes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from desktop.cli.cmd_backup import _Progress

    progress = _Progress()
    for _ in range(50):  # the database copy reports several times a second
        progress("Copying the database", 0.0)
    progress("Copying the database", 0.004)
    progress("Checking the copy", 0.12)
    assert capsys.readouterr().err.splitlines() == [
        "    0%  Copying the database",
        "   12%  Checking the copy",
    ]


def test_doctor_says_when_an_automatic_backup_failed_in_clinic_time(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from desktop.app.session import sign_in
    from desktop.errors import DiskFull
    from desktop.paths import DataPaths
    from desktop.store.store import Store

    def no_space(self: Store, target: Path, **_: object) -> None:
        raise DiskFull("The disk holding the data folder is full; the copy was not made.")

    core = sign_in(DataPaths(clinic), "admin", PASSWORD)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(Store, "copy_to", no_space)
            at = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)  # 21:00 in Nairobi
            assert not core.backups.run_automatic("daily", now=at).ok
    finally:
        core.close()
    code, out, _ = run(capsys, monkeypatch, clinic, "doctor", stdin=PASSWORD + "\n")
    assert code == 0  # the store itself is healthy
    assert "Backup failed:     2026-03-02 21:00: The automatic backup could not be made" in out


def test_a_registration_without_birth_date_or_age_names_the_three_options(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(
        capsys,
        monkeypatch,
        clinic,
        "patients",
        "add",
        "--given",
        "Otieno",
        "--family",
        "Ouma",
        stdin=PASSWORD + "\n",
    )
    assert code == 1 and out == ""
    assert "--dob" in err and "--age YEARS" in err and "--age-unknown" in err
