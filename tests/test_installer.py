"""installer/bootstrap.sh installs only what is missing (defect 26: run.sh and test.sh one after
the other reinstalled the package each time, ~20 s).

The script runs for real in a temporary copy of the checkout, with pip replaced by `echo` (the
pip commands it would run are its output) and the system packages left alone; its stamp logic
is the real one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    copy = tmp_path / "outpost"
    (copy / "installer").mkdir(parents=True)
    shutil.copy(ROOT / "installer" / "bootstrap.sh", copy / "installer" / "bootstrap.sh")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    (copy / ".venv" / "bin").mkdir(parents=True)
    (copy / ".venv" / "bin" / "python").symlink_to(sys.executable)
    return copy


def bootstrap(checkout: Path, *args: str) -> list[str]:
    """The pip commands one run of bootstrap.sh performs."""
    env = dict(
        os.environ,
        OUTPOST_PIP="echo pip",
        OUTPOST_SKIP_SYSTEM_PACKAGES="1",
        PYTHON=sys.executable,
    )
    done = subprocess.run(
        ["bash", str(checkout / "installer" / "bootstrap.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if line.startswith("pip ")]


def reinstalls(commands: list[str]) -> bool:
    return any(" -e " in c for c in commands)


def test_a_test_run_after_a_plain_run_adds_the_test_tools_without_reinstalling(
    checkout: Path,
) -> None:
    first = bootstrap(checkout)
    assert reinstalls(first) and not any("[test]" in c for c in first)
    second = bootstrap(checkout, "--test")
    assert second and not reinstalls(second)
    assert any("pytest==" in c for c in second)
    assert bootstrap(checkout) == []  # run.sh again
    assert bootstrap(checkout, "--test") == []  # test.sh again


def test_a_plain_run_after_a_test_run_installs_nothing(checkout: Path) -> None:
    first = bootstrap(checkout, "--test")
    assert reinstalls(first) and any(".[test]" in c for c in first)
    assert bootstrap(checkout) == []
    assert bootstrap(checkout, "--test") == []


def test_a_newer_pyproject_reinstalls_and_keeps_the_test_tools(checkout: Path) -> None:
    bootstrap(checkout, "--test")
    # pyproject.toml edited after the install: the stamp is older than it.
    earlier = time.time() - 60
    os.utime(checkout / ".venv" / ".outpost-installed", (earlier, earlier))
    again = bootstrap(checkout)
    assert reinstalls(again) and any(".[test]" in c for c in again)
    assert bootstrap(checkout, "--test") == []


@pytest.mark.parametrize(("old_stamp", "plain", "test"), [("\n", [], True), ("[test]\n", [], [])])
def test_stamps_written_by_the_older_script_are_understood(
    checkout: Path, old_stamp: str, plain: list[str], test: bool | list[str]
) -> None:
    stamp = checkout / ".venv" / ".outpost-installed"
    stamp.write_text(old_stamp)
    later = time.time() + 5
    os.utime(stamp, (later, later))
    assert bootstrap(checkout) == plain
    commands = bootstrap(checkout, "--test")
    if test is True:
        assert commands and not reinstalls(commands)
    else:
        assert commands == test
