"""The hostile-input harness: the real `outpost` command in its own process, and the checks
every bad input must pass — one clear line on standard error, the right exit code, no
traceback, and the store's bytes unchanged.

A separate process, not `main()` in the test's own: SQLCipher writes its log lines to the
process's real standard error (file descriptor 2), which capsys never sees, and a command
that hangs or runs out of memory must not take the test run with it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PASSWORD = "correct horse battery"
CLINIC = "Kisumu Health Post"
REPO = Path(__file__).resolve().parents[1]

# What a store is made of: its bytes must not change when a bad input is refused.
STORE_FILES = ("outpost.db", "keys.json", "keys.json.bak")


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_outpost(
    data: Path | None,
    *args: str,
    stdin: str = "",
    user: str | None = "admin",
    password_stdin: bool = True,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Ran:
    """`outpost [--data-dir DATA] [--user USER] [--password-stdin] ARGS…` in a new process."""
    prefix: list[str] = []
    if data is not None:
        prefix += ["--data-dir", str(data)]
    if user:
        prefix += ["--user", user]
    if password_stdin:
        prefix.append("--password-stdin")
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    full_env.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *prefix, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=timeout,
        check=False,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


def assert_one_clear_line(ran: Ran, *, code: int = 1, says: str | None = None) -> None:
    """Exactly one line on standard error, starting `outpost:`, no traceback, exit `code`;
    `says` (case-insensitive) must appear in it."""
    lines = ran.err_lines
    assert "Traceback" not in ran.err, ran.err
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{ran.err}"
    assert lines[0].startswith("outpost: "), lines[0]
    assert ran.code == code, f"exit {ran.code} (expected {code}): {ran.err}"
    if says is not None:
        assert says.lower() in lines[0].lower(), lines[0]


def store_bytes(data: Path) -> dict[str, str]:
    """SHA-256 of each file that makes the store (missing files are left out)."""
    return {
        name: hashlib.sha256((data / name).read_bytes()).hexdigest()
        for name in STORE_FILES
        if (data / name).is_file()
    }


def make_clinic(data: Path, *, admin: str = "admin", password: str = PASSWORD) -> Path:
    """A new clinic store made with `outpost init` (its recovery key is in `recovery_key_of`)."""
    ran = run_outpost(
        data, "init", "--clinic", CLINIC, "--admin", admin, stdin=password + "\n", user=None
    )
    assert ran.code == 0, ran.err
    (data / ".test-recovery-key").write_text(_recovery_key(ran.out), "utf-8")
    return data


def recovery_key_of(data: Path) -> str:
    return (data / ".test-recovery-key").read_text("utf-8")


def _recovery_key(out: str) -> str:
    for line in out.splitlines():
        if line.startswith("RECOVERY KEY:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no recovery key in:\n{out}")


@contextmanager
def small_disk(folder: Path, kib: int) -> Iterator[Path]:
    """A tiny tmpfs mounted at `folder` (a disk that really fills up). Needs root; the caller
    skips the test where mounting is not allowed (`can_mount()`)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kib}k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise OSError(f"cannot mount a tmpfs at {folder}: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


def fill_disk(folder: Path, *, leave_bytes: int = 0) -> None:
    """Fill the file system holding `folder` until only `leave_bytes` are free."""
    filler = folder / ".filler"
    with filler.open("wb") as handle:
        chunk = b"\0" * 65536
        try:
            while True:
                free = shutil.disk_usage(folder).free
                if free <= leave_bytes:
                    break
                handle.write(chunk[: max(1, min(len(chunk), free - leave_bytes))])
                handle.flush()
        except OSError:
            pass
