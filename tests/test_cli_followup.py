"""`outpost results|referrals|facilities`: the follow-through from the command line, on a real
store, with the global options and exit codes of every command (0 done; 1 one clear line;
2 a mistake in the command's words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli.main import main
from tests.cli_store import Outpost, patient
from tests.hostile import make_clinic

PDF = b"%PDF-1.4\n% scanned\n" + b"1" * 500 + b"\n%%EOF\n"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("followup") / "clinic")


@pytest.fixture
def outpost(
    made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Outpost:
    return Outpost.on_copy_of(made, tmp_path, capsys, monkeypatch)


def test_a_result_from_order_to_patient_informed(outpost: Outpost, tmp_path: Path) -> None:
    pid = patient(outpost)
    lab = outpost.ok("facilities", "add", "Kisumu County Lab", "--kind", "lab").strip()
    assert outpost.ok("facilities", "list").startswith(f"{lab}  Kisumu County Lab  lab")
    rid = outpost.ok(
        "results", "add", pid, "Full blood count", "--facility", "kisumu", "--sent", "--urgent"
    ).strip()
    listed = outpost.ok("results", "list")
    assert rid in listed and "sent  Full blood count  Wanjiru Kamau" in listed
    assert outpost.ok("results", "list", "--waiting") == ""

    scan = tmp_path / "fbc.pdf"
    scan.write_bytes(PDF)
    shown = outpost.ok(
        "results",
        "update",
        rid,
        "--received",
        "--text",
        "Mild anaemia",
        "--value",
        "Haemoglobin=9.1 g/dL low (12-16)",
        "--scan",
        str(scan),
    )
    assert "Full blood count (lab): received, URGENT" in shown
    assert "    Haemoglobin  9.1 g/dL  low  (12-16)" in shown
    assert "scanned report: fbc.pdf (application/pdf)" in shown
    waiting = outpost.ok("results", "list", "--waiting")
    assert waiting.startswith(rid) and "[URGENT]" in waiting

    out = outpost.ok(
        "results", "relay", rid, "--method", "phone", "--outcome", "no_answer", "--note", "twice"
    )
    assert "relay attempts (1):" in out and "phone call  no answer" in out and "twice" in out
    out = outpost.ok("results", "relay", rid, "--method", "in_person", "--outcome", "informed")
    assert "Full blood count (lab): patient informed, URGENT" in out
    assert "relay attempts (2):" in out
    assert outpost.ok("results", "list", "--waiting") == ""
    saved = tmp_path / "copy.pdf"
    outpost.ok("results", "show", rid, "--save-scan", str(saved))
    assert saved.read_bytes() == PDF
    code, _out, err = outpost("results", "show", rid, "--save-scan", str(tmp_path))
    assert code == 1 and err.startswith("outpost: ") and err.count("\n") == 1

    outpost.refused(
        "results", "relay", rid, "--method", "sms", "--outcome", "informed", says="already"
    )


def test_results_refusals_are_one_clear_line(outpost: Outpost, tmp_path: Path) -> None:
    pid = patient(outpost)
    rid = outpost.ok("results", "add", pid, "Malaria RDT").strip()
    outpost.refused(
        "results",
        "relay",
        rid,
        "--method",
        "phone",
        "--outcome",
        "no_answer",
        says="record it as received first",
    )
    outpost.refused("results", "update", rid, says="Nothing to change")
    outpost.refused("results", "update", rid, "--text", "x", says="go with --received")
    outpost.refused("results", "update", rid, "--received", says="Give the result")
    outpost.refused(
        "results", "update", rid, "--received", "--value", "positive", says="not a measurement"
    )
    outpost.refused("results", "show", "not-an-id", says="not a record id")
    outpost.refused("results", "add", "nobody", "FBC", says="not a record id")
    outpost.refused("results", "add", pid, "FBC", "--facility", "Nowhere", says="No facility")
    outpost.refused("results", "add", pid, "FBC", "--expected", "31/02/2026", says="February")
    bad = tmp_path / "scan.exe"
    bad.write_bytes(b"MZ" + b"0" * 100)
    outpost.refused(
        "results", "update", rid, "--received", "--scan", str(bad), says="PDF, PNG or JPEG"
    )
    outpost.refused(
        "results",
        "update",
        rid,
        "--received",
        "--scan",
        str(tmp_path / "none.pdf"),
        says="There is no file",
    )
    with pytest.raises(SystemExit) as usage:
        main(["results", "relay", rid, "--method", "pigeon", "--outcome", "informed"])
    assert usage.value.code == 2
    assert "invalid choice: 'pigeon'" in outpost.capsys.readouterr().err
    # Escalation and the clinic's rules.
    outpost.ok("results", "update", rid, "--received", "--text", "positive")
    assert "escalated by" in outpost.ok("results", "update", rid, "--escalate", "CHW visit")
    assert "result_escalate_after_days = 3" in outpost.ok(
        "results", "rules", "--set", "result_escalate_after_days=3"
    )
    outpost.refused("results", "rules", "--set", "whenever=3", says="not a clinic rule")
    outpost.refused("results", "rules", "--set", "result_escalate_after_days", says="NAME=DAYS")


def test_a_referral_through_its_loop(outpost: Outpost) -> None:
    pid = patient(outpost, "Otieno")
    eye = outpost.ok(
        "facilities", "add", "Lions Eye Clinic", "--kind", "specialist", "--phone", "0712 345 678"
    ).strip()
    ref = outpost.ok("referrals", "add", pid, "--reason", "Cataract").strip()
    assert "drafted" in outpost.ok("referrals", "show", ref)
    outpost.refused("referrals", "update", ref, "--status", "sent", says="Choose the facility")
    out = outpost.ok("referrals", "update", ref, "--facility", eye, "--status", "sent")
    assert "Referral to Lions Eye Clinic: sent (routine)" in out
    out = outpost.ok("referrals", "update", ref, "--appointment", "2030-01-15")
    assert "appointment given" in out and "appointment 2030-01-15" in out
    outpost.refused(
        "referrals",
        "update",
        ref,
        "--status",
        "closed",
        says="A referral that is appointment given cannot become closed",
    )
    outpost.ok("referrals", "update", ref, "--status", "seen")
    out = outpost.ok("referrals", "update", ref, "--feedback", "Operated; review in 6 weeks")
    assert "feedback received" in out and "counter-referral: Operated" in out
    assert "closed" in outpost.ok("referrals", "update", ref, "--status", "closed")
    assert outpost.ok("referrals", "list", "--open") == ""
    assert ref in outpost.ok("referrals", "list", "--patient", pid)
    outpost.refused("referrals", "update", ref, says="Nothing to change")
    outpost.refused("referrals", "update", ref, "--why", "x", says="go with --status")

    lost = outpost.ok(
        "referrals", "add", pid, "--reason", "Physio", "--facility", "lions", "--send", "2026-01-05"
    ).strip()
    overdue = outpost.ok("referrals", "list", "--overdue")
    assert overdue.startswith(lost) and "OVERDUE: sent" in overdue
    outpost.refused("referrals", "update", lost, "--status", "lost", says="Say why")
    out = outpost.ok("referrals", "update", lost, "--status", "lost", "--why", "moved away")
    assert "lost to follow-up" in out and "why: moved away" in out
    assert outpost.ok("referrals", "list", "--overdue") == ""
    outpost.refused(
        "facilities", "add", "lions eye clinic", "--kind", "lab", says="in the directory already"
    )
