"""`outpost coverage` and `outpost coverage schemes`: coverage from the command line, on a
real store, with the global options and exit codes of every command (0 done; 1 one clear
line; 2 a mistake in the command's words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_store import Outpost, patient
from tests.hostile import make_clinic


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("coverage") / "clinic")


@pytest.fixture
def outpost(
    made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Outpost:
    return Outpost.on_copy_of(made, tmp_path, capsys, monkeypatch)


def test_a_membership_from_the_scheme_to_verified(outpost: Outpost) -> None:
    scheme = outpost.ok(
        "coverage", "schemes", "add", "NHIF", "--kind", "government", "--phone", "020 272 3255"
    ).strip()
    listed = outpost.ok("coverage", "schemes", "list")
    assert listed.startswith(f"{scheme}  NHIF  government scheme  verify every 30 days  020")
    pid = patient(outpost)
    member = outpost.ok(
        "coverage", "add", pid, "--scheme", "nhif", "--number", "1234-5678", "--until", "2030-06-30"
    ).strip()
    line = outpost.ok("coverage", "list")
    assert line.startswith(f"{member}  to verify  NHIF 1234-5678  Wanjiru Kamau (")
    assert line.rstrip().endswith("valid … – 2030-06-30")
    assert outpost.ok("coverage", "list", "--patient", pid) == line
    assert outpost.ok("coverage", "list", "--scheme", scheme) == line

    verified = outpost.ok(
        "coverage",
        "verify",
        member,
        "--method",
        "portal",
        "--result",
        "verified",
        "--reference",
        "R-77",
    )
    assert verified.startswith(f"{member}  verified this month  NHIF 1234-5678")
    shown = outpost.ok("coverage", "show", pid)
    assert shown.startswith("Coverage of Wanjiru Kamau (")
    assert ": verified this month\n" in shown.splitlines(keepends=True)[0]
    assert "covered  (the scheme's portal)  ref R-77  by admin" in shown
    assert outpost.ok("coverage", "show", member) == shown  # by the membership's id too

    updated = outpost.ok("coverage", "update", member, "--holder", "Self", "--until", "none")
    assert updated.startswith(f"{member}  verified this month") and "valid" not in updated
    ended = outpost.ok("coverage", "update", member, "--end", "--why", "left the scheme")
    assert ended.startswith(f"{member}  ended  NHIF")
    assert outpost.ok("coverage", "list") == ""
    assert outpost.ok("coverage", "list", "--all").startswith(f"{member}  ended")

    out = outpost.ok("coverage", "schemes", "update", "NHIF", "--every", "60", "--deactivate")
    assert "verify every 60 days" in out and "(no longer in use)" in out
    assert outpost.ok("coverage", "schemes", "list") == ""
    assert "NHIF" in outpost.ok("coverage", "schemes", "list", "--all")


def test_coverage_refusals_are_one_clear_line(outpost: Outpost) -> None:
    pid = patient(outpost)
    outpost.ok("coverage", "schemes", "add", "AAR Insurance", "--kind", "insurer")
    outpost.ok("coverage", "schemes", "add", "AAR Community", "--kind", "community")
    outpost.refused(
        "coverage", "add", pid, "--scheme", "aar", "--number", "1", says="could be AAR Community"
    )
    outpost.refused(
        "coverage", "add", pid, "--scheme", "Jubilee", "--number", "1", says="No scheme called"
    )
    outpost.refused(
        "coverage",
        "add",
        pid,
        "--scheme",
        "AAR Insurance",
        "--number",
        "1",
        "--from",
        "2026-02-01",
        "--until",
        "2026-01-01",
        says="cannot end",
    )
    outpost.refused(
        "coverage", "add", pid, "--scheme", "AAR Insurance", "--number", " ", says="member number"
    )
    member = outpost.ok(
        "coverage", "add", pid, "--scheme", "AAR Insurance", "--number", "A-1"
    ).strip()
    outpost.refused("coverage", "update", member, says="Nothing to change")
    outpost.refused("coverage", "update", member, "--why", "x", says="goes with --end")
    outpost.refused(
        "coverage", "add", pid, "--scheme", "AAR Insurance", "--number", "A-2", says="already"
    )
    outpost.refused(
        "coverage",
        "verify",
        member,
        "--method",
        "phone",
        "--result",
        "verified",
        "--at",
        "2099-01-01 09:00",
        says="cannot be in the future",
    )
    outpost.refused(
        "coverage",
        "verify",
        "01234567-89ab-7def-8123-456789abcdef",
        "--method",
        "phone",
        "--result",
        "verified",
        says="No coverage membership with id",
    )
    outpost.refused(
        "coverage", "schemes", "add", "Bad", "--kind", "insurer", "--phone", "12", says="phone"
    )
    outpost.refused("coverage", "schemes", "update", "AAR Insurance", says="Nothing to change")
    outpost.refused("coverage", "show", "nobody", says="not a record id")
    with pytest.raises(SystemExit) as usage:
        outpost("coverage", "verify", member, "--method", "fax", "--result", "verified")
    assert usage.value.code == 2 and "invalid choice: 'fax'" in outpost.capsys.readouterr().err
