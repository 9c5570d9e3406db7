"""The sign-in throttle fails closed: no deleted, damaged or edited record, full disk, killed
process, fresh folder or recovery key gives a guess that is not counted."""

from __future__ import annotations

import base64
import errno
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.errors import DiskFull, LoginThrottled, OutpostError, WrongPassword
from desktop.store import throttle as throttle_module
from desktop.store.throttle import (
    FREE_FAILURES,
    MAX_DELAY_S,
    VERSION,
    AttemptsRecordLost,
    LoginThrottle,
    delay_after,
)
from tests.hostile import (
    PASSWORD,
    assert_one_clear_line,
    can_mount,
    fill_disk,
    make_clinic,
    recovery_key_of,
    run_outpost,
    small_disk,
)

NOW = 1_900_000_000.0
REPO = Path(__file__).resolve().parents[1]


def frozen(at: float = NOW) -> Callable[[], float]:
    return lambda: at


def guesses_before_refused(throttle: LoginThrottle, guard: str = "admin", most: int = 10) -> int:
    """Wrong guesses at `guard` that run before the throttle refuses one (the clock stands
    still, so only the free failures may run)."""
    ran = 0
    for _ in range(most):
        try:
            with throttle.attempt(guard):
                ran += 1
                raise WrongPassword("wrong")
        except WrongPassword:
            continue
        except LoginThrottled:
            break
    return ran


def store_folder(tmp_path: Path) -> Path:
    """A folder that looks like a store to the throttle (its key file is there)."""
    folder = tmp_path / "clinic"
    folder.mkdir(mode=0o700)
    (folder / "keys.json").write_text("{}", "utf-8")
    LoginThrottle(folder / "login-attempts.json").ensure()
    return folder


# --- the basics, kept -------------------------------------------------------------------------


def test_three_free_failures_then_a_doubling_wait_and_a_success_clears_it(tmp_path: Path) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"
    assert guesses_before_refused(LoginThrottle(path, clock=frozen())) == FREE_FAILURES
    assert LoginThrottle(path, clock=frozen()).wait_for("admin") == pytest.approx(1.0)
    later = LoginThrottle(path, clock=frozen(NOW + 1.5))
    with later.attempt("admin"):
        pass
    assert later.wait_for("admin") == 0
    assert guesses_before_refused(LoginThrottle(path, clock=frozen(NOW + 2))) == FREE_FAILURES


def test_an_error_that_is_not_a_wrong_guess_is_not_counted(tmp_path: Path) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"
    throttle = LoginThrottle(path, clock=frozen())
    for _ in range(10):
        with pytest.raises(OutpostError, match="damaged"), throttle.attempt("admin"):
            raise OutpostError("the key file is damaged")
    assert guesses_before_refused(throttle) == FREE_FAILURES


# --- recorded before the guess runs ----------------------------------------------------------


def test_a_process_killed_during_the_guess_has_its_attempt_counted(tmp_path: Path) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from desktop.store.throttle import LoginThrottle\n"
        "with LoginThrottle(Path(sys.argv[1])).attempt('admin'):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    started = time.time()
    for _ in range(FREE_FAILURES):
        done = subprocess.run(
            [sys.executable, "-c", script, str(path)], cwd=REPO, timeout=120, check=False
        )
        assert done.returncode == -9
    # Three guesses were started and none of them finished: the fourth must wait.
    assert LoginThrottle(path, clock=frozen(started)).wait_for("admin") >= delay_after(3)


def test_an_attempt_that_cannot_be_recorded_is_refused_before_the_guess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"

    def full(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(throttle_module, "write_atomic", full)
    ran = []
    refused = pytest.raises(DiskFull, match=r"Cannot record the attempt.*free disk space")
    with refused, LoginThrottle(path).attempt("admin"):
        ran.append(True)
    assert ran == []


@pytest.mark.skipif(not can_mount(), reason="needs root to mount a small tmpfs")
def test_on_a_really_full_disk_no_password_is_tried(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 256) as disk:
        folder = disk / "clinic"
        folder.mkdir()
        (folder / "keys.json").write_text("{}", "utf-8")
        fill_disk(disk)
        throttle = LoginThrottle(folder / "login-attempts.json", clock=frozen())
        ran = []
        for _ in range(2 * FREE_FAILURES):
            refused = pytest.raises(OutpostError, match="Cannot record the attempt")
            with refused, throttle.attempt("admin"):
                ran.append(True)
        assert ran == []


def test_attempts_started_at_once_in_many_processes_get_only_the_free_failures(
    tmp_path: Path,
) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"
    go = tmp_path / "go"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from desktop.errors import LoginThrottled, WrongPassword\n"
        "from desktop.store.throttle import LoginThrottle\n"
        "throttle = LoginThrottle(Path(sys.argv[1]), clock=lambda: float(sys.argv[3]))\n"
        "while not Path(sys.argv[2]).exists():\n"
        "    time.sleep(0.001)\n"
        "try:\n"
        "    with throttle.attempt('admin'):\n"
        "        print('ran')\n"
        "        raise WrongPassword('wrong')\n"
        "except WrongPassword:\n"
        "    pass\n"
        "except LoginThrottled:\n"
        "    print('refused')\n"
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(path), str(go), str(NOW)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(12)
    ]
    time.sleep(1.0)  # let them start: they wait for the go file
    go.touch()
    said = [child.communicate(timeout=120)[0].strip() for child in children]
    assert sorted(said) == ["ran"] * FREE_FAILURES + ["refused"] * (12 - FREE_FAILURES)


# --- a missing, damaged or edited record -------------------------------------------------------


def _valid(entries: dict[str, object] | None = None, **extra: object) -> bytes:
    key = base64.b64encode(b"k" * 32).decode()
    return json.dumps({"version": VERSION, "key": key, "entries": entries or {}, **extra}).encode()


HEX = "ab" * 32

TAMPERED = {
    "empty": b"",
    "not json": b"\x00\xffnot json at all",
    "a list": b"[]",
    "old format, edited": json.dumps({"admin": {"failures": -1_000_000, "last": 0}}).encode(),
    "unknown version": json.dumps({"version": 99, "key": "", "entries": {}}).encode(),
    "negative count": _valid({HEX: {"failures": -1_000_000, "last": NOW}}),
    "absurd count": _valid({HEX: {"failures": 10**12, "last": NOW}}),
    "count as text": _valid({HEX: {"failures": "3", "last": NOW}}),
    "count as a bool": _valid({HEX: {"failures": True, "last": NOW}}),
    "a time centuries ahead": _valid({HEX: {"failures": 1, "last": NOW + 10**10}}),
    "a time that is not a number": _valid({HEX: {"failures": 1, "last": "NaN"}}),
    "a time too large for a float": _valid({HEX: {"failures": 1, "last": 10**400}}),
    "an infinite time": _valid({HEX: {"failures": 1, "last": float("inf")}}),
    "a name in clear": _valid({"admin": {"failures": 0, "last": NOW}}),
    "an edited penalty": _valid(floor={"failures": -5, "last": NOW}),
    "a short key": json.dumps({"version": VERSION, "key": "a2V5", "entries": {}}).encode(),
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("content", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_damaged_or_edited_record_imposes_the_longest_wait_on_every_name(
    tmp_path: Path, content: bytes
) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"
    path.write_bytes(content)
    assert guesses_before_refused(LoginThrottle(path, clock=frozen())) == 0
    for name in ("admin", "amina.o", "recovery key"):
        assert LoginThrottle(path, clock=frozen()).wait_for(name) == MAX_DELAY_S
    # ...and the record was rewritten sanely: once the wait is over, one guess, then the
    # longest wait again (not the free failures).
    assert json.loads(path.read_bytes())["version"] == VERSION
    later = LoginThrottle(path, clock=frozen(NOW + MAX_DELAY_S + 1))
    assert guesses_before_refused(later) == 1
    assert later.wait_for("admin") == MAX_DELAY_S


def test_a_clock_set_back_keeps_the_count_and_is_not_taken_for_tampering(tmp_path: Path) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"
    assert guesses_before_refused(LoginThrottle(path, clock=frozen())) == FREE_FAILURES
    back = NOW - 30 * 86_400  # the clock jumped back a month
    throttle = LoginThrottle(path, clock=frozen(back))
    assert throttle.wait_for("admin") == pytest.approx(delay_after(FREE_FAILURES))
    assert throttle.wait_for("amina.o") == 0  # no penalty for the others
    # Rewritten from the clock as it is now, so the wait runs down.
    assert LoginThrottle(path, clock=frozen(back + 1.5)).wait_for("admin") == 0


def test_a_deleted_record_beside_a_store_imposes_the_longest_wait_and_says_why(
    tmp_path: Path,
) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"
    assert guesses_before_refused(LoginThrottle(path, clock=frozen())) == FREE_FAILURES
    path.unlink()
    throttle = LoginThrottle(path, clock=frozen())
    refused = pytest.raises(AttemptsRecordLost, match="missing or damaged")
    with refused as raised, throttle.attempt("amina.o"):
        pass
    assert "who has access to this laptop" in str(raised.value)
    assert raised.value.retry_after == MAX_DELAY_S


def test_deleting_the_record_after_each_guess_gives_one_guess_per_longest_wait(
    tmp_path: Path,
) -> None:
    """Review #4 (s12.py): deleted after every guess, it capped every wait at one second."""
    path = store_folder(tmp_path) / "login-attempts.json"
    guessed, waited, now = 0, 0.0, NOW
    while guessed < 8:
        throttle = LoginThrottle(path, clock=frozen(now))
        try:
            with throttle.attempt("admin"):
                raise WrongPassword("wrong")
        except WrongPassword:
            guessed += 1
            path.unlink()
        except LoginThrottled as exc:
            waited += exc.retry_after
            now += exc.retry_after
    # Three free guesses (the record was there), then one per longest wait.
    assert waited >= (8 - FREE_FAILURES) * MAX_DELAY_S


def test_signing_in_as_oneself_lifts_the_penalty_for_oneself_only(tmp_path: Path) -> None:
    """Review #4 (s11.py): after deleting the record, signing in with one's own account
    cleared the penalty for every name, so guesses at admin never left the free failures."""
    path = store_folder(tmp_path) / "login-attempts.json"
    path.unlink()
    assert LoginThrottle(path, clock=frozen()).wait_for("eve") == MAX_DELAY_S  # seen now
    after_wait = NOW + MAX_DELAY_S + 1
    with LoginThrottle(path, clock=frozen(after_wait)).attempt("eve"):
        pass  # eve knew her own password
    throttle = LoginThrottle(path, clock=frozen(after_wait))
    assert throttle.wait_for("eve") == 0
    assert guesses_before_refused(throttle, "eve") == FREE_FAILURES
    assert guesses_before_refused(throttle, "admin") == 1
    assert throttle.wait_for("admin") == MAX_DELAY_S
    # The exemption is kept in the record, hashed like the entries.
    record = json.loads(path.read_bytes())
    assert len(record["exempt"]) == 1 and b"eve" not in path.read_bytes()
    # ...and an exemption written by hand beside no penalty is tampering.
    record.pop("floor")
    path.write_text(json.dumps(record), "utf-8")
    assert LoginThrottle(path, clock=frozen(after_wait)).wait_for("eve") == MAX_DELAY_S


def _older_store(folder: Path, *, format_2_slot: bool = False) -> None:
    """A key file as an older Outpost wrote it: format 1, format-1 slots only."""
    slot = {"salt": "c2FsdA==", "nonce": "bm9uY2U=", "wrapped": "d3JhcHBlZA==", "kdf": {}}
    users: dict[str, object] = {"admin": slot}
    if format_2_slot:
        users["amina.o"] = {**slot, "data_key": {}}
    keyfile = {"format": 1, "store_id": "s", "users": users, "recovery": None}
    (folder / "keys.json").write_text(json.dumps(keyfile), "utf-8")


def test_a_store_of_an_older_version_gets_its_record_with_no_penalty(tmp_path: Path) -> None:
    folder = store_folder(tmp_path)
    path = folder / "login-attempts.json"
    path.unlink()
    _older_store(folder)
    throttle = LoginThrottle(path, clock=frozen())
    assert throttle.wait_for("admin") == 0
    assert path.is_file()  # created
    assert guesses_before_refused(throttle) == FREE_FAILURES
    # The older record (names in clear) keeps its counts, hashed.
    path.write_text(json.dumps({"admin": {"failures": 3, "last": NOW}}), "utf-8")
    assert LoginThrottle(path, clock=frozen()).wait_for("admin") == pytest.approx(1.0)
    assert b"admin" not in path.read_bytes()


@pytest.mark.parametrize("how", ["format 2", "format 1 with a format-2 slot"])
def test_a_key_file_of_this_version_makes_a_missing_record_tampering(
    tmp_path: Path, how: str
) -> None:
    folder = store_folder(tmp_path)
    path = folder / "login-attempts.json"
    path.unlink()
    if how == "format 2":
        (folder / "keys.json").write_text(json.dumps({"format": 2, "users": {}}), "utf-8")
    else:  # a format-2 key file edited to say format 1
        _older_store(folder, format_2_slot=True)
    assert LoginThrottle(path, clock=frozen()).wait_for("admin") == MAX_DELAY_S


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "folder"])
def test_a_record_that_is_not_a_file_is_refused_without_hanging(tmp_path: Path, kind: str) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    throttle = LoginThrottle(path, clock=frozen())
    if kind == "folder":  # cannot be replaced by a file: the attempt cannot be recorded
        with pytest.raises(OutpostError, match="Cannot record the attempt"):
            guesses_before_refused(throttle)
    else:
        assert guesses_before_refused(throttle) == 0
        assert path.is_file() and not path.is_symlink()


def test_a_folder_that_does_not_exist_yet_is_created_to_record_the_attempt(
    tmp_path: Path,
) -> None:
    path = tmp_path / "not" / "yet" / "login-attempts.json"
    assert guesses_before_refused(LoginThrottle(path, clock=frozen())) == FREE_FAILURES
    assert path.is_file()
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600


# --- names --------------------------------------------------------------------------------------


def test_names_typed_are_not_stored_in_clear_and_count_however_they_are_typed(
    tmp_path: Path,
) -> None:
    path = store_folder(tmp_path) / "login-attempts.json"
    throttle = LoginThrottle(path, clock=frozen())
    for typed in ("amina.o", " Amina.O ", "AMINA.O"):
        with pytest.raises(WrongPassword), throttle.attempt(typed):
            raise WrongPassword("wrong")
    for guard in ("recovery key", "backup:zawadi", "no-such-user"):
        with pytest.raises(WrongPassword), throttle.attempt(guard):
            raise WrongPassword("wrong")
    content = path.read_bytes().lower()
    for clear in (b"amina", b"recovery", b"zawadi", b"no-such"):
        assert clear not in content
    assert throttle.wait_for("amina.o") == pytest.approx(1.0)
    # An unknown name is counted exactly like a known one.
    assert guesses_before_refused(throttle, "no-such-user") == FREE_FAILURES - 1


# --- hypothesis: whatever the file holds ---------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
_number = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=5),
    st.none(),
)
_entry = st.fixed_dictionaries({"failures": _number, "last": _number}) | _json
_near_valid = st.fixed_dictionaries(
    {
        "version": st.sampled_from([VERSION, 1, 3, "2", None, True]),
        "key": st.sampled_from([base64.b64encode(b"k" * 32).decode(), "", "!!", 5]),
        "entries": st.dictionaries(st.sampled_from([HEX, "admin", "", "zz" * 32]), _entry) | _json,
    },
    optional={"floor": _entry},
)
_contents = st.one_of(
    st.binary(max_size=200),
    _json.map(lambda value: json.dumps(value).encode()),
    _near_valid.map(lambda value: json.dumps(value).encode()),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=_contents, offset=st.floats(min_value=-1e6, max_value=1e6))
def test_any_record_content_leaves_the_throttle_closed(
    tmp_path: Path, content: bytes, offset: float
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    (folder / "keys.json").write_text("{}", "utf-8")
    path = folder / "login-attempts.json"
    path.write_bytes(content)
    clock = frozen(NOW + offset)
    throttle = LoginThrottle(path, clock=clock)
    wait = throttle.wait_for("admin")
    assert 0 <= wait <= throttle_module.MAX_DELAY_S
    # Never more free guesses than the free failures, whatever was in the file; only
    # WrongPassword and LoginThrottled ever come out.
    assert guesses_before_refused(throttle) <= FREE_FAILURES
    assert LoginThrottle(path, clock=clock).wait_for("admin") > 0


# --- the callers: recovery key and the command line -------------------------------------------


def test_every_wrong_recovery_key_counts_a_malformed_one_included(tmp_path: Path) -> None:
    from desktop.app import session
    from desktop.paths import DataPaths

    data = make_clinic(tmp_path / "clinic")
    paths = DataPaths(data)
    wrong = "AAAA-" * 7 + "AAAA"
    new_password = "a brand new passphrase"
    tries: list[Callable[[], None]] = [
        lambda: session.check_recovery_key(paths, "not a key"),
        lambda: session.recover_password(paths, "not a key either", "admin", new_password),
        lambda: session.recover_password(paths, wrong, "admin", new_password),
    ]
    for wrong_try in tries:
        with pytest.raises(WrongPassword):
            wrong_try()
    # The free failures are used up: the next try waits, even with the right key.
    with pytest.raises(LoginThrottled):
        session.recover_password(paths, recovery_key_of(data), "admin", "a brand new passphrase")


def test_deleting_the_record_between_guesses_at_the_command_line_gives_no_free_guess(
    tmp_path: Path,
) -> None:
    data = make_clinic(tmp_path / "clinic")
    assert (data / "login-attempts.json").is_file()  # made with the store
    for _ in range(FREE_FAILURES):
        ran = run_outpost(data, "patients", "search", "x", stdin="a wrong guess\n")
        assert_one_clear_line(ran, says="wrong user name or password")
    (data / "login-attempts.json").unlink()
    ran = run_outpost(data, "patients", "search", "x", stdin=PASSWORD + "\n")
    assert_one_clear_line(ran, says="missing or damaged")


def test_the_current_password_asked_to_change_it_is_throttled(tmp_path: Path) -> None:
    """Review #6 (s7.py a): eight wrong current passwords ran in 1.4 s, none throttled."""
    from desktop.core import ClinicCore
    from desktop.paths import DataPaths

    data = make_clinic(tmp_path / "clinic")
    paths = DataPaths(data)
    core = ClinicCore.unlock(paths, "admin", PASSWORD)
    try:
        ran = 0
        for i in range(2 * FREE_FAILURES):
            try:
                core.admin.change_password(
                    "admin", "a brand new passphrase", old_password=f"wrong {i}"
                )
            except WrongPassword:
                ran += 1
            except LoginThrottled:
                break
        assert ran == FREE_FAILURES
    finally:
        core.close()
