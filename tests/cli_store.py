"""The `outpost` command run in-process on a copy of one clinic made per test module, for the
command-line tests of each kind (billing, care plans, coverage, follow-through)."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from tests.hostile import PASSWORD


class Outpost:
    """`outpost --data-dir … --password-stdin --user admin ARGS`, its exit code and output."""

    def __init__(
        self, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.data, self.capsys, self.monkeypatch = data, capsys, monkeypatch

    @classmethod
    def on_copy_of(
        cls,
        made: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> Outpost:
        """On a copy of the module's clinic: each test starts from the same store and making
        one (keys, schema) is too slow to repeat per test."""
        data = tmp_path / "clinic"
        shutil.copytree(made, data)
        return cls(data, capsys, monkeypatch)

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
        code = main(["--data-dir", str(self.data), "--password-stdin", "--user", "admin", *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str) -> str:
        code, out, err = self(*args)
        assert code == 0, err
        assert err == ""
        return out

    def refused(self, *args: str, says: str) -> None:
        """Exit 1 with one line on stderr that names the problem, and nothing on stdout."""
        code, out, err = self(*args)
        assert code == 1, (out, err)
        assert out == ""
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("outpost: "), err
        assert says in lines[0], lines[0]


def patient(outpost: Outpost, given: str = "Wanjiru") -> str:
    """A patient registered with the command; its id."""
    return outpost.ok(
        "patients", "add", "--given", given, "--family", "Kamau", "--age", "34"
    ).strip()
