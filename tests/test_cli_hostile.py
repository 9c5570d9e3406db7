"""Hostile and careless input over the real `outpost` command (tests/hostile.py): each case
ends in one clear line on standard error, the right exit code, no traceback, and the store's
bytes unchanged; and what the command prints is only ever what was saved."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli.cmd_patients import (
    JSON_FIELDS,
    JSON_MAX_CHARS,
    input_from_fields,
    patient_from_json,
)
from desktop.errors import OutpostError
from tests.hostile import (
    PASSWORD,
    REPO,
    Ran,
    assert_one_clear_line,
    can_mount,
    fill_disk,
    make_clinic,
    run_outpost,
    small_disk,
    store_bytes,
)

if TYPE_CHECKING:
    from desktop.core import ClinicCore

needs_mount = pytest.mark.skipif(not can_mount(), reason="needs root to mount a small tmpfs")
LONG_NAME = "a" * 5000


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("template") / "clinic")


@pytest.fixture
def clinic(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of one clinic made with `outpost init` (one init for the whole module)."""
    data = tmp_path / "clinic"
    shutil.copytree(template, data)
    return data


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}


def _refused(ran: Ran, data: Path, before: dict[str, str], *, says: str | None = None) -> None:
    assert_one_clear_line(ran, code=1, says=says)
    assert store_bytes(data) == before


# --- 6: what patients add prints is saved ---------------------------------------------------


def test_every_id_patients_add_shows_before_being_killed_is_in_the_store(clinic: Path) -> None:
    """SIGKILL the moment the id appears (unbuffered output), 20 times: every id shown was
    saved (today's core commits before returning; the CLI prints only after the close)."""
    shown: list[str] = []
    for n in range(20):
        command = [sys.executable, "-m", "desktop.cli.main", "--data-dir", str(clinic)]
        command += ["--user", "admin", "--password-stdin", "patients", "add", "--from-json", "-"]
        with subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_env(),
            cwd=REPO,
        ) as proc:
            assert proc.stdin is not None and proc.stdout is not None
            patient = {"given": f"Killed{chr(97 + n)}", "family": "Otieno", "age": 30 + n}
            proc.stdin.write(f"{PASSWORD}\n{json.dumps(patient)}".encode())
            proc.stdin.close()
            line = proc.stdout.readline()  # blocks until the id is printed (or the end)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
        if line.strip():
            shown.append(line.decode().strip())
    assert shown, "no id was ever printed"
    from desktop.app import session
    from desktop.ids import parse_id
    from desktop.paths import DataPaths

    core = session.sign_in(DataPaths(clinic), "admin", PASSWORD)
    try:
        for patient_id in shown:
            assert core.patients.open_chart(parse_id(patient_id)).details is not None
    finally:
        core.close()


def test_lines_printed_while_the_clinic_is_open_are_dropped_when_closing_it_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The store's close failing (a checkpoint on a full disk) after the command printed its
    result: the result is not shown, only the error."""
    from desktop.app import session
    from desktop.cli.main import main
    from desktop.errors import DiskFull

    class FailingClose:
        def close(self) -> None:
            raise DiskFull("The disk is full while writing outpost.db-wal.")

    def fake_sign_in(*_args: object) -> FailingClose:
        return FailingClose()

    def run_command(ctx: object, args: object) -> int:
        from desktop.cli.context import CliContext

        assert isinstance(ctx, CliContext)
        with ctx.clinic():
            ctx.print("01a234e7-0000-7000-8000-000000000000")
        return 0

    monkeypatch.setattr(session, "sign_in", fake_sign_in)
    import desktop.cli.cmd_store as cmd_store

    monkeypatch.setattr(cmd_store, "run_users_list", run_command)
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(PASSWORD + "\n"))
    data = tmp_path / "clinic"
    data.mkdir(mode=0o700)
    code = main(["--data-dir", str(data), "--user", "admin", "--password-stdin", "users", "list"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.strip() == "outpost: The disk is full while writing outpost.db-wal."


@needs_mount
def test_patients_add_on_a_full_disk_prints_no_id_and_one_clear_line(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 3000) as disk:
        data = make_clinic(disk / "clinic")
        before = store_bytes(data)
        fill_disk(disk, leave_bytes=64 * 1024)  # the throttle is written; the change is not
        ran = run_outpost(
            data, "patients", "add", "--given", "Amina", "--age", "30", stdin=PASSWORD + "\n"
        )
        assert ran.out == ""
        assert "Logging error" not in ran.err
        assert_one_clear_line(ran, code=1, says="full")
        assert store_bytes(data)["keys.json"] == before["keys.json"]


# --- 9: a full disk under the log -----------------------------------------------------------


@needs_mount
def test_a_command_that_succeeds_with_its_log_on_a_full_disk_prints_no_logging_error(
    clinic: Path,
) -> None:
    """The log folder on a real, full disk: the command's records cannot be written, and
    the command still succeeds with nothing on standard error."""
    shutil.rmtree(clinic / "logs", ignore_errors=True)
    with small_disk(clinic / "logs", 64) as logs:
        fill_disk(logs)
        ran = run_outpost(clinic, "users", "list", stdin=PASSWORD + "\n")
        assert "Logging error" not in ran.err, ran.err
        assert ran.code == 0, ran.err
        assert ran.err.strip() == ""
        assert "admin" in ran.out


@needs_mount
def test_a_failing_command_with_its_log_on_a_full_disk_says_one_line(clinic: Path) -> None:
    shutil.rmtree(clinic / "logs", ignore_errors=True)
    with small_disk(clinic / "logs", 64) as logs:
        fill_disk(logs)
        ran = run_outpost(clinic, "patients", "show", "not-an-id", stdin=PASSWORD + "\n")
        assert "Logging error" not in ran.err, ran.err
        assert_one_clear_line(ran, code=1)


# --- 11 and 13: print -o where no file can go -----------------------------------------------


@pytest.mark.parametrize(
    ("output", "says"),
    [
        ("/proc/x.pdf", "/proc"),
        ("/sys/x.pdf", "not allowed"),
        (f"{{tmp}}/{LONG_NAME}.pdf", "too long"),
        ("{tmp}/no/such/folder/x.pdf", "does not exist"),
        ("{tmp}/clinic/outpost.db/x.pdf", "not a folder"),
        ("{tmp}/a-folder.pdf", "is a folder"),
    ],
    ids=["proc", "sys", "5000-characters", "missing-folder", "file-as-folder", "folder"],
)
def test_print_where_no_file_can_be_written_says_one_line(
    clinic: Path, tmp_path: Path, output: str, says: str
) -> None:
    (tmp_path / "a-folder.pdf").mkdir()
    target = output.format(tmp=tmp_path)
    before = store_bytes(clinic)
    for user in (None, "admin"):  # the blank form alone, and through the signed-in core
        ran = run_outpost(
            clinic, "print", "consent_hiv_test", "--blank", "-o", target,
            stdin=PASSWORD + "\n", user=user,
        )  # fmt: skip
        assert_one_clear_line(ran, code=1, says=says)
        assert len(ran.err) < 400  # the 5,000-character name is not repeated whole
        if user is None:  # (a signed-in print is audited before the file is written)
            assert store_bytes(clinic) == before
    assert not (tmp_path / "no").exists()  # no folder made silently


# --- 7: --from-json -------------------------------------------------------------------------

GARBAGE = [
    ("", "no patient"),
    ("not json", "not valid json"),
    ("[1, 2]", "one json object"),
    ('"Amina"', "one json object"),
    ('{"given": "Amina", "bogus": 1}', "unknown field"),
    ('{"given": ["Amina"]}', "must be text"),
    ('{"given": "Amina", "age_unknown": "yes"}', "true or false"),
    ('{"given": "Amina", "age": 30.5}', "number of years"),
    ('{"given": "Amina", "age": NaN}', "not a json number"),
    ('{"given": "Amina", "given": "Other"}', "twice"),
    ('{"given": "\\ud800"}', "invalid character"),
    ("[" * 100_000, "too large"),
    ("[" * 30_000 + "]" * 30_000, "nested too deeply"),
    ('{"given": "' + "x" * (JSON_MAX_CHARS + 10) + '"}', "too large"),
    ('{"given": "Amina", "age": ' + "9" * 5000 + "}", "not valid json"),
    ('{"given": "Amina", "age": 400}', "age"),
]


@pytest.mark.parametrize(("text", "says"), GARBAGE, ids=[says for _, says in GARBAGE])
def test_patients_add_from_bad_json_says_one_line_and_saves_nothing(
    clinic: Path, text: str, says: str
) -> None:
    before = store_bytes(clinic)
    ran = run_outpost(clinic, "patients", "add", "--from-json", "-", stdin=f"{PASSWORD}\n{text}")
    assert ran.out == ""
    _refused(ran, clinic, before, says=says)


def test_patients_add_from_json_on_standard_input_registers_the_patient(clinic: Path) -> None:
    patient = {"given": "Amina", "family": "Odhiambo", "dob": "1990-04-12", "sex": "female"}
    patient |= {"phone": "0722000111", "village": "Kombewa", "allow_duplicate": False}
    ran = run_outpost(
        clinic, "patients", "add", "--from-json", "-", stdin=f"{PASSWORD}\n{json.dumps(patient)}"
    )
    assert ran.code == 0, ran.err
    patient_id = ran.out.strip()
    shown = run_outpost(clinic, "patients", "show", patient_id, stdin=PASSWORD + "\n")
    assert "Amina Odhiambo" in shown.out and "1990-04-12" in shown.out and "Kombewa" in shown.out


def test_patients_add_from_a_json_file(clinic: Path, tmp_path: Path) -> None:
    source = tmp_path / "patient.json"
    source.write_text('\ufeff{"given": "Baraka", "age_unknown": true}', "utf-8")
    ran = run_outpost(clinic, "patients", "add", "--from-json", str(source), stdin=PASSWORD + "\n")
    assert ran.code == 0, ran.err
    assert len(ran.out.strip()) == 36


@pytest.mark.parametrize(
    ("source", "says"),
    [("{tmp}/missing.json", "cannot read"), ("{tmp}", "not a regular file"), ("/dev/zero", "")],
    ids=["missing", "folder", "dev-zero"],
)
def test_patients_add_from_a_json_file_that_is_not_one(
    clinic: Path, tmp_path: Path, source: str, says: str
) -> None:
    before = store_bytes(clinic)
    ran = run_outpost(
        clinic, "patients", "add", "--from-json", source.format(tmp=tmp_path),
        stdin=PASSWORD + "\n", timeout=60,
    )  # fmt: skip
    _refused(ran, clinic, before, says=says or None)


def test_patients_add_from_json_with_options_too_is_refused(clinic: Path) -> None:
    before = store_bytes(clinic)
    ran = run_outpost(
        clinic, "patients", "add", "--from-json", "-", "--phone", "0722000111",
        stdin=f'{PASSWORD}\n{{"given": "Amina", "age": 3}}',
    )  # fmt: skip
    _refused(ran, clinic, before, says="not both")


def test_patients_add_help_says_options_are_visible_and_the_stdin_order(clinic: Path) -> None:
    ran = run_outpost(clinic, "patients", "add", "--help", user=None, password_stdin=False)
    text = " ".join(ran.out.split())
    assert "other users of this computer" in text
    assert "the password is the first line of standard input and the JSON follows it" in text


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


@given(st.text(max_size=300) | st.builds(json.dumps, _json_values))
@settings(max_examples=400, deadline=None)
def test_any_text_as_a_json_patient_is_fields_or_one_clear_error(text: str) -> None:
    try:
        fields = patient_from_json(text)
    except OutpostError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 400
        return
    assert set(fields) <= set(JSON_FIELDS)
    for key, value in fields.items():
        assert isinstance(value, bool if JSON_FIELDS[key] == "flag" else str)


_patients = st.fixed_dictionaries(
    {},
    optional={
        key: (
            st.booleans()
            if kind == "flag"
            else st.text(max_size=40) | (st.integers(-5, 300) if kind == "age" else st.none())
        )
        for key, kind in JSON_FIELDS.items()
    },
)


@given(_patients)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_json_patient_is_registered_or_refused_in_one_clear_line(
    core: ClinicCore, patient: dict[str, object]
) -> None:
    """Through the real parsing and the real core: a patient from JSON is saved or refused
    with an OutpostError, never anything else (NUL, control and right-to-left characters,
    huge or negative ages...)."""
    try:
        fields = patient_from_json(json.dumps(patient))
        data, allow = input_from_fields(fields)
        core.patients.register(data, confirmed_new=allow)
    except OutpostError as exc:
        assert "\n" not in str(exc)


# --- absurd ids, data folders that are not ----------------------------------------------------


@pytest.mark.parametrize(
    "patient_id",
    ["x", "", "0" * 5000, "../../etc/passwd", "01a234e7-2146-7d91-be9e-9d6c21cced09", "-1"],
    ids=["x", "empty", "5000-zeros", "path", "unknown-uuid", "minus-one"],
)
def test_patients_show_with_an_absurd_id_says_one_line(clinic: Path, patient_id: str) -> None:
    before = store_bytes(clinic)
    ran = run_outpost(clinic, "patients", "show", "--", patient_id, stdin=PASSWORD + "\n")
    _refused(ran, clinic, before)
    assert len(ran.err) < 400


def test_a_data_dir_that_is_a_file_says_one_line(tmp_path: Path) -> None:
    data = tmp_path / "outpost.db"
    data.write_bytes(b"not a folder")
    for command in (["users", "list"], ["init", "--clinic", "X", "--admin", "admin"]):
        ran = run_outpost(data, *command, stdin=PASSWORD + "\n")
        assert_one_clear_line(ran, code=1, says="is a file, not a folder")
    assert data.read_bytes() == b"not a folder"


def _run_as_nobody(data: Path, *args: str) -> Ran:
    command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
    command += ["-m", "desktop.cli.main", "--data-dir", str(data), "--user", "admin"]
    command += ["--password-stdin", *args]
    done = subprocess.run(
        command,
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env={**_env(), "HOME": "/nonexistent"},
        cwd="/",
        timeout=120,
        check=False,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


needs_root = pytest.mark.skipif(
    not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv")),
    reason="needs root and setpriv to run the command as another user",
)


@needs_root
def test_a_data_dir_this_user_cannot_read_says_one_line(clinic: Path, tmp_path: Path) -> None:
    """Another user's store (0700, owned by root) run by `nobody`: in a folder nobody can
    reach, and in one nobody can reach but not open."""
    before = store_bytes(clinic)
    ran = _run_as_nobody(clinic, "users", "list")  # the test's tmp folders are 0700
    _refused(ran, clinic, before, says="cannot reach")
    shared = Path("/tmp") / f"outpost-hostile-{os.getpid()}"
    shared.mkdir(mode=0o755)
    try:
        moved = shared / "clinic"
        shutil.copytree(clinic, moved)
        moved.chmod(0o700)
        ran = _run_as_nobody(moved, "users", "list")
        _refused(ran, moved, before, says="not allowed to read and write")
    finally:
        shutil.rmtree(shared)
