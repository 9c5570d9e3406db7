"""`outpost sync`, `sync enrol`, `sync status` and `init --from-server` against a real
`outpost-hq` process on 127.0.0.1 (tests/hqserver.py), each `outpost` in its own process:
the summary on standard output, progress on standard error, and every failure one line
saying what waits and that nothing was lost."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.hostile import (
    CLINIC,
    PASSWORD,
    Ran,
    assert_one_clear_line,
    make_clinic,
    run_outpost,
    store_bytes,
)
from tests.hqserver import HqServer, hq_server

__all__ = ["hq_server"]  # the fixture

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there


def outpost(data: Path, *args: str, stdin: str = PASSWORD + "\n", user: str = "admin") -> Ran:
    return run_outpost(data, *args, stdin=stdin, user=user)


def ok(ran: Ran) -> Ran:
    assert ran.code == 0, ran.err
    return ran


def add_patient(data: Path, given: str, family: str, *more: str) -> str:
    ran = ok(outpost(data, "patients", "add", "--given", given, "--family", family, *more))
    return ran.out.strip()


def status_of(data: Path) -> dict[str, str]:
    lines = ok(outpost(data, "sync", "status")).out.splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def summary(ran: Ran) -> tuple[int, int, int]:
    found = re.match(
        r"Synced with HQ: (\d+) sent, (\d+) received, (\d+) needing attention\.", ran.out
    )
    assert found, ran.out
    sent, received, attention = (int(n) for n in found.groups())
    return sent, received, attention


@pytest.fixture
def enrolled(tmp_path: Path, hq_server: HqServer) -> Path:
    """A clinic set up offline with one patient, joined to HQ (not synced yet)."""
    data = make_clinic(tmp_path / "a")
    add_patient(data, "Wanjiru", "Kamau", "--dob", "1984-03-02", "--phone", "0712345678")
    code = hq_server.enrol(CLINIC)
    ran = ok(outpost(data, "sync", "enrol", hq_server.url, code))
    assert f"joined to HQ at {hq_server.url} as {CLINIC}" in ran.out
    return data


def test_enrol_then_sync_sends_the_records_and_status_says_so(
    enrolled: Path, hq_server: HqServer
) -> None:
    before = status_of(enrolled)
    assert before["Server"] == f"{hq_server.url} (clinic {CLINIC})"
    assert before["Last sync"] == "never" and int(before["Changes waiting"]) > 0
    ran = ok(outpost(enrolled, "sync"))
    sent, _, attention = summary(ran)
    assert sent >= int(before["Changes waiting"]) and attention == 0
    assert "Sync: sending changes…" in ran.err  # progress, on standard error only
    assert "Sync:" not in ran.out
    after = status_of(enrolled)
    assert after["Changes waiting"] == "0" and after["Needing attention"] == "0"
    assert after["Last sync"] != "never" and "Africa/Nairobi" in after["Last sync"]
    assert after["Clock offset"].endswith("s (HQ's clock minus this laptop's)")
    device = after["This device"]
    assert any(row[0] == device for row in hq_server.devices())
    # Nothing new: a second sync sends and receives nothing.
    assert summary(ok(outpost(enrolled, "sync")))[0] == 0


def test_a_laptop_set_up_from_hq_has_the_clinic_and_edits_travel_both_ways(
    enrolled: Path, hq_server: HqServer, tmp_path: Path
) -> None:
    ok(outpost(enrolled, "sync"))
    new = tmp_path / "b"
    ran = ok(
        outpost(new, "init", "--from-server", hq_server.url, "--code", hq_server.enrol(CLINIC))
    )
    assert f"Set up this laptop for {CLINIC} from HQ" in ran.out
    assert "RECOVERY KEY:" in ran.out
    (hit,) = ok(outpost(new, "patients", "search", "Wanjiru Kamau")).out.splitlines()
    patient_id = hit.split()[0]
    assert patient_id == ok(outpost(enrolled, "patients", "search", "0712345678")).out.split()[0]

    ok(outpost(new, "patients", "edit", patient_id, "--village", "Ahero"))
    assert summary(ok(outpost(new, "sync")))[0] >= 1
    received = summary(ok(outpost(enrolled, "sync")))[1]
    assert received >= 1
    assert "village Ahero" in ok(outpost(enrolled, "patients", "show", patient_id)).out


def test_a_date_of_birth_changed_on_two_laptops_is_listed_and_settled_from_the_cli(
    enrolled: Path, hq_server: HqServer, tmp_path: Path
) -> None:
    ok(outpost(enrolled, "sync"))
    new = tmp_path / "b"
    ok(outpost(new, "init", "--from-server", hq_server.url, "--code", hq_server.enrol(CLINIC)))
    patient_id = ok(outpost(new, "patients", "search", "Wanjiru")).out.split()[0]
    ok(outpost(enrolled, "patients", "edit", patient_id, "--dob", "1948-03-02"))
    ok(outpost(new, "patients", "edit", patient_id, "--dob", "1984-02-03"))
    ok(outpost(enrolled, "sync"))
    assert summary(ok(outpost(new, "sync")))[2] >= 1
    listed = ok(outpost(new, "attention", "list")).out.splitlines()
    line = next(line for line in listed if "birth_date" in line)
    assert "this laptop: 1984-02-03" in line and "other laptop: 1948-03-02" in line
    ran = ok(outpost(new, "attention", "resolve", line.split()[0], "--keep", "theirs"))
    assert "birth_date is now 1948-03-02" in ran.out
    ok(outpost(new, "sync"))
    ok(outpost(enrolled, "sync"))
    for data in (enrolled, new):
        assert "born 1948-03-02" in ok(outpost(data, "patients", "show", patient_id)).out


# --- failures: one line, exit 1, nothing lost -------------------------------------------------


def test_hq_out_of_reach_is_one_line_saying_what_waits_and_that_nothing_was_lost(
    enrolled: Path, hq_server: HqServer
) -> None:
    waiting = status_of(enrolled)["Changes waiting"]
    hq_server.stop()
    ran = outpost(enrolled, "sync")
    assert_one_clear_line(ran, code=1, says="could not be reached")
    assert f"{waiting} changes wait on this laptop; nothing was lost" in ran.err
    assert ran.out == ""
    after = status_of(enrolled)
    assert after["Changes waiting"] == waiting and after["Last sync"] == "never"
    assert "could not be reached" in after["Last attempt"]
    # HQ back: the same changes go.
    hq_server.start()
    assert summary(ok(outpost(enrolled, "sync")))[0] >= int(waiting)


def test_sync_with_another_server_address_that_does_not_answer_is_one_line(
    enrolled: Path,
) -> None:
    ran = outpost(enrolled, "sync", "--server", UNREACHABLE)
    assert_one_clear_line(ran, code=1, says="could not be reached at http://127.0.0.1:9")
    assert "nothing was lost" in ran.err


def test_sync_through_another_address_reaches_the_same_hq(
    enrolled: Path, hq_server: HqServer
) -> None:
    relay = hq_server.url.replace("127.0.0.1", "localhost")
    sent, _, _ = summary(ok(outpost(enrolled, "sync", "--server", relay)))
    assert sent >= 1
    assert status_of(enrolled)["Server"] == f"{hq_server.url} (clinic {CLINIC})"  # unchanged


def test_a_revoked_laptop_is_told_so_in_one_line_and_keeps_its_records(
    enrolled: Path, hq_server: HqServer
) -> None:
    ok(outpost(enrolled, "sync"))
    hq_server.revoke(status_of(enrolled)["This device"])
    ran = outpost(enrolled, "sync")
    assert_one_clear_line(ran, code=1, says="revoked")
    assert "Wanjiru Kamau" in ok(outpost(enrolled, "patients", "search", "Wanjiru")).out


def test_sync_before_enrolment_says_how_to_join(tmp_path: Path) -> None:
    data = make_clinic(tmp_path / "a")
    ran = outpost(data, "sync")
    assert_one_clear_line(ran, code=1, says="outpost sync enrol URL CODE")
    assert "not joined to HQ" in status_of(data)["Server"]


def test_enrolment_with_a_wrong_code_or_an_unreachable_hq_is_one_line(
    tmp_path: Path, hq_server: HqServer
) -> None:
    data = make_clinic(tmp_path / "a")
    ran = outpost(data, "sync", "enrol", hq_server.url, "AAAA-BBBB-CCCC-DDDD")
    assert_one_clear_line(ran, code=1)
    ran = outpost(data, "sync", "enrol", UNREACHABLE, hq_server.enrol(CLINIC))
    assert_one_clear_line(ran, code=1, says="could not be reached")
    ran = outpost(data, "sync", "enrol", "http://hq.example.org", "AAAA")
    assert_one_clear_line(ran, code=1, says="https://")
    assert "not joined to HQ" in status_of(data)["Server"]


def test_enrolling_twice_says_the_laptop_is_already_joined(
    enrolled: Path, hq_server: HqServer
) -> None:
    ran = outpost(enrolled, "sync", "enrol", hq_server.url, hq_server.enrol(CLINIC))
    assert_one_clear_line(ran, code=1, says="already joined to HQ")


# --- init --from-server: its words, and failures that leave nothing behind ----------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--from-server", UNREACHABLE), "go together"),
        (("--code", "ABCD"), "go together"),
        (("--from-server", UNREACHABLE, "--code", "A", "--clinic", "K"), "leave out --clinic"),
        ((), "required: --clinic, --admin"),
    ],
)
def test_init_from_server_arguments_are_checked(
    tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    ran = outpost(tmp_path / "new", "init", *args)
    assert ran.code == 2 and says in ran.err
    assert not (tmp_path / "new" / "outpost.db").exists()


def test_init_from_an_unreachable_hq_is_one_line_and_sets_nothing_up(tmp_path: Path) -> None:
    data = tmp_path / "new"
    ran = outpost(data, "init", "--from-server", UNREACHABLE, "--code", "ABCD-EFGH")
    assert_one_clear_line(ran, code=1, says="nothing was set up")
    assert not (data / "outpost.db").exists() and not (data / "keys.json").exists()


def test_init_from_server_needs_the_account_that_signs_in(tmp_path: Path) -> None:
    ran = run_outpost(
        tmp_path / "new", "init", "--from-server", UNREACHABLE, "--code", "A", user=None,
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert_one_clear_line(ran, code=1, says="--user NAME")


def test_init_from_server_over_an_existing_store_leaves_it_untouched(
    tmp_path: Path, hq_server: HqServer
) -> None:
    data = make_clinic(tmp_path / "a")
    before = store_bytes(data)
    ran = outpost(data, "init", "--from-server", hq_server.url, "--code", hq_server.enrol(CLINIC))
    assert_one_clear_line(ran, code=1, says="already holds an Outpost store")
    assert store_bytes(data) == before


def test_init_from_server_with_a_wrong_password_sets_nothing_up(
    enrolled: Path, hq_server: HqServer, tmp_path: Path
) -> None:
    ok(outpost(enrolled, "sync"))
    data = tmp_path / "b"
    ran = outpost(
        data, "init", "--from-server", hq_server.url, "--code", hq_server.enrol(CLINIC),
        stdin="not the password\n",
    )  # fmt: skip
    # The password is proved against the account's key that came with the records: the
    # progress of that pull is on standard error before the one line of the failure.
    assert ran.code == 1 and "Traceback" not in ran.err
    assert all(line.startswith("Sync: ") for line in ran.err_lines[:-1])
    assert ran.err_lines[-1].startswith("outpost: Wrong user name or password")
    assert not (data / "outpost.db").exists() and not (data / "keys.json").exists()


# --- progress and summary, as text ----------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_one_line_per_stage_off_a_terminal_and_rewritten_on_one() -> None:
    from desktop.app.sync import SyncProgress
    from desktop.cli.cmd_sync import SyncProgressLines

    stages = [("hello", 0, None), ("push", 0, 3), ("push", 3, 3), ("pull", 5, 10)]
    piped = io.StringIO()
    with SyncProgressLines(piped) as progress:
        for stage in stages:
            progress(SyncProgress(*stage))
    # "hello" is left out: HQ out of reach then says only its one line.
    assert piped.getvalue() == "Sync: sending changes…\nSync: receiving changes…\n"
    terminal = _Terminal()
    with SyncProgressLines(terminal) as progress:
        for stage in stages:
            progress(SyncProgress(*stage))
    text = terminal.getvalue()
    assert "\r\x1b[KSync: sending changes 3/3" in text and "receiving changes 5/10" in text
    assert text.endswith("\r\x1b[K") and "\n" not in text  # the line is cleared at the end


def test_the_summary_says_what_was_refused_and_what_still_waits() -> None:
    import uuid

    from desktop.app.sync import SyncReport, SyncStatus
    from desktop.cli.cmd_sync import summary_lines

    report = SyncReport(
        sent=4, duplicates=1, received=7, rejected=((uuid.uuid4(), "stamped in the future"),),
        pending=1,
    )  # fmt: skip
    status = SyncStatus(
        enrolled=True, server_url="https://hq", device_id=None, hq_clinic_name=CLINIC,
        last_success_at=None, last_attempt_at=None, last_error=None, pending=1,
        needs_attention=2, clock_offset_ms=0, cursor=7,
    )  # fmt: skip
    assert summary_lines(report, status) == [
        "Synced with HQ: 5 sent, 7 received, 2 needing attention.",
        "HQ refused 1 changes; they wait on this laptop: stamped in the future",
        "1 changes still wait to be sent.",
        "See what needs attention with `outpost attention list`.",
    ]
