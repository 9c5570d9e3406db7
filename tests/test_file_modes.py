"""File modes: everything Outpost writes in the data folder is the owner's alone (files 0600,
folders 0700) whatever the umask, the log included; a data folder left open to others is
tightened, or refused in one line when it cannot be; and the log never fills the screen."""

from __future__ import annotations

import errno
import logging
import os
import stat
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.logs import QuietLogFile, log_to_folder, stop_logging
from tests.hostile import PASSWORD, assert_one_clear_line, make_clinic, run_outpost, store_bytes


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX modes")


@posix_only
def test_a_store_made_and_used_under_umask_000_is_owner_only_throughout(tmp_path: Path) -> None:
    with umask(0):
        data = make_clinic(tmp_path / "clinic")
        ran = run_outpost(data, "patients", "add", "--given", "Amina", "--age", "30",
                          stdin=PASSWORD + "\n")  # fmt: skip
        assert ran.code == 0, ran.err
        ran = run_outpost(data, "backup", str(data / "backups" / "b.outpost"),
                          stdin=PASSWORD + "\n")  # fmt: skip
        assert ran.code == 0, ran.err
    assert (data / "logs" / "outpost.log").is_file()
    loose = []
    for path in [data, *data.rglob("*")]:
        if path.name == ".test-recovery-key":  # written by the test harness, not Outpost
            continue
        wanted = 0o700 if path.is_dir() else 0o600
        if mode_of(path) != wanted:
            loose.append(f"{path.relative_to(data)}: {mode_of(path):04o}")
    assert loose == []


@posix_only
def test_rotated_log_files_are_owner_only_under_umask_000(tmp_path: Path) -> None:
    with umask(0):
        handler = QuietLogFile(tmp_path / "outpost.log")
        handler.maxBytes = 200
        record = logging.LogRecord("outpost", logging.INFO, __file__, 1, "x" * 80, None, None)
        for _ in range(12):
            handler.emit(record)
        handler.close()
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["outpost.log", "outpost.log.1", "outpost.log.2", "outpost.log.3"]
    assert {mode_of(tmp_path / name) for name in names} == {0o600}


@posix_only
def test_log_files_and_folder_left_open_by_an_older_outpost_are_made_owner_only(
    tmp_path: Path,
) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    logs.chmod(0o755)
    for name, mode in (("outpost.log", 0o644), ("outpost.log.1", 0o666)):
        (logs / name).write_text("old line\n", "utf-8")
        (logs / name).chmod(mode)
    handler = log_to_folder(logs)
    try:
        assert handler is not None
        assert (mode_of(logs), mode_of(logs / "outpost.log")) == (0o700, 0o600)
        assert mode_of(logs / "outpost.log.1") == 0o600
    finally:
        stop_logging(handler)


def test_logging_twice_to_one_folder_installs_one_handler(tmp_path: Path) -> None:
    first = log_to_folder(tmp_path / "logs")
    try:
        assert log_to_folder(tmp_path / "logs") is first
        assert sum(isinstance(h, QuietLogFile) for h in logging.getLogger().handlers) == 1
    finally:
        stop_logging(first)


def test_a_log_that_cannot_be_written_says_nothing_and_pauses(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A full disk under the log: no "--- Logging error ---" traceback, the record dropped,
    the next ones not even tried for a while, and close does not raise."""
    handler = QuietLogFile(tmp_path / "outpost.log")
    writes = 0

    class FullDisk:
        def write(self, _text: str) -> None:
            nonlocal writes
            writes += 1
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def seek(self, *_args: int) -> int:
            return 0

        def tell(self) -> int:
            return 0

    handler.stream = FullDisk()  # type: ignore[assignment]
    record = logging.LogRecord("outpost", logging.ERROR, __file__, 1, "failed", None, None)
    for _ in range(50):
        handler.emit(record)
    handler.stream = FullDisk()  # type: ignore[assignment]
    handler.flush()
    handler.close()
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert writes == 1 and handler.failures == 1


@posix_only
def test_a_data_folder_open_to_others_is_made_owner_only_and_that_is_logged(
    tmp_path: Path,
) -> None:
    data = make_clinic(tmp_path / "clinic")
    (data / "backups").mkdir(exist_ok=True)
    (data / "logs").mkdir(exist_ok=True)
    data.chmod(0o755)
    (data / "backups").chmod(0o777)
    (data / "logs").chmod(0o750)
    ran = run_outpost(data, "users", "list", stdin=PASSWORD + "\n")
    assert ran.code == 0 and ran.err == "", ran.err
    assert [mode_of(p) for p in (data, data / "backups", data / "logs")] == [0o700] * 3
    log = (data / "logs" / "outpost.log").read_text("utf-8")
    assert "(mode 0755); made owner-only (0700)" in log
    assert "(mode 0777); made owner-only (0700)" in log


needs_root = pytest.mark.skipif(
    not (hasattr(os, "geteuid") and os.geteuid() == 0), reason="needs root to give away a folder"
)


@needs_root
def test_a_data_folder_open_to_others_and_not_ours_is_refused_in_one_line(
    tmp_path: Path,
) -> None:
    data = make_clinic(tmp_path / "clinic")
    before = store_bytes(data)
    os.chown(data, 65534, 65534)
    data.chmod(0o755)
    ran = run_outpost(data, "users", "list", stdin=PASSWORD + "\n")
    assert_one_clear_line(ran, code=1, says="belongs to another user")
    assert ran.out == ""
    assert mode_of(data) == 0o755 and store_bytes(data) == before
    assert not (data / "logs").exists()  # nothing written in it


@posix_only
def test_a_new_data_folder_is_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    from desktop.paths import DataPaths

    with umask(0o777):
        DataPaths(tmp_path / "new").ensure()
    assert mode_of(tmp_path / "new") == 0o700


def test_the_gui_launcher_refuses_a_data_folder_it_cannot_use_before_any_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.__main__ import main

    started: list[Path] = []
    fake_ui = types.ModuleType("ui.app")
    fake_ui.run = lambda root, argv: started.append(root) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.app", fake_ui)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", "utf-8")
    assert main(["--data-dir", str(not_a_folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a file, not a folder" in err
    assert started == []
    if os.name != "nt":
        loose = tmp_path / "loose"
        loose.mkdir()
        loose.chmod(0o775)
        assert main(["--data-dir", str(loose)]) == 0
        assert started == [loose] and mode_of(loose) == 0o700
        logged = (loose / "logs" / "outpost.log").read_text("utf-8")
        assert "made owner-only" in logged
        for handler in list(logging.getLogger().handlers):
            if isinstance(handler, QuietLogFile):
                stop_logging(handler)


def test_init_with_a_recovery_sheet_in_a_missing_folder_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "clinic"
    sheet = tmp_path / "no" / "such" / "sheet.pdf"
    ran = run_outpost(
        data, "init", "--clinic", "X", "--admin", "admin", "--recovery-sheet", str(sheet),
        stdin=PASSWORD + "\n", user=None,
    )  # fmt: skip
    assert_one_clear_line(ran, code=1, says="does not exist")
    assert not (data / "outpost.db").exists() and not (tmp_path / "no").exists()
