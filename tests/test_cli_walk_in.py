"""`outpost appointments walk-in PATIENT` and `outpost appointments today` on a real store:
the walk-in joins today's queue, marked; refusals are one clear line (exit 1)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.core import ClinicCore
from desktop.paths import DataPaths
from tests.hostile import make_clinic

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = make_clinic(tmp_path_factory.mktemp("walk-in-cli") / "clinic")
    core = ClinicCore.unlock(DataPaths(data), "admin", PASSWORD)
    week = {day: [(dt.time(0), dt.time(23, 59))] for day in range(7)}
    core.admin.add_provider("Dr. Achieng Otieno", hours=week)
    core.admin.add_provider("Nurse Peter Mwangi", hours=week)
    core.admin.add_appointment_type("Consultation", 30)
    core.close()
    return data


def outpost(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--data-dir", str(data), "--password-stdin", "--user", "admin", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_walk_in_from_the_command_line_joins_today_s_queue(
    made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "clinic"
    shutil.copytree(made, data)

    def run(*args: str) -> tuple[int, str, str]:
        return outpost(data, capsys, monkeypatch, *args)

    code, out, err = run(
        "patients", "add", "--given", "Wanjiru", "--family", "Kamau", "--age", "34"
    )
    assert code == 0, err
    patient = out.strip()
    code, out, err = run(
        "appointments", "walk-in", patient, "--provider", "nurse peter mwangi", "--reason", "Fever"
    )
    assert code == 0, err
    appointment, said = out.splitlines()[:2]
    assert "Wanjiru Kamau waits for Nurse Peter Mwangi (Consultation)" in said and "walk-in" in said

    code, out, err = run("appointments", "today")
    assert code == 0, err
    waiting = out.split("Waiting: ")[1].splitlines()
    assert waiting[0] == "1"
    assert "arrived  walk-in  Wanjiru Kamau  with Nurse Peter Mwangi" in waiting[1]
    assert appointment in waiting[1]

    # Again the same day: asked about (exit 1, one line), then added with --same-day-ok.
    code, out, err = run("appointments", "walk-in", patient)
    assert code == 1 and out == "" and len(err.splitlines()) == 1
    assert "already has an appointment" in err
    code, out, err = run("appointments", "walk-in", patient, "--same-day-ok", "--type", "nope")
    assert code == 1 and "No appointment type called nope" in err and "Consultation" in err
    code, out, err = run("appointments", "walk-in", patient, "--same-day-ok")
    assert code == 0, err
