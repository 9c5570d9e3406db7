"""Setting a laptop up from HQ without spending a second enrolment code, against a real
`outpost-hq` on 127.0.0.1 (tests/hqserver.py).

The code is used when the laptop enrols, before the password can be checked (the accounts
come with the clinic's records). `outpost init --from-server` therefore asks again after a
wrong password in the same run (with --password-stdin: the next line), without enrolling
again: one device at HQ. When it gives up, its one line says the code is used up and which
device HQ now lists, to revoke; nothing is left on the laptop. In the core
(`desktop.app.from_server.PendingSetup`), a link that drops while the records come is
continued on the same enrolment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app.from_server import STAGING, enrol_for_setup
from desktop.errors import SyncFailed, SyncRevoked, SyncUnreachable, WrongPassword
from desktop.paths import DataPaths
from tests.hostile import CLINIC, PASSWORD, Ran, assert_one_clear_line, make_clinic, run_outpost
from tests.hqserver import HqServer, hq_server

__all__ = ["hq_server"]  # the fixture


def outpost(data: Path, *args: str, stdin: str = PASSWORD + "\n") -> Ran:
    return run_outpost(data, *args, stdin=stdin, user="admin")


def ok(ran: Ran) -> Ran:
    assert ran.code == 0, ran.err
    return ran


@pytest.fixture
def clinic_at_hq(tmp_path: Path, hq_server: HqServer) -> Path:
    """The clinic's first laptop, with one patient, joined to HQ and synced."""
    data = make_clinic(tmp_path / "a")
    ok(
        outpost(
            data,
            "patients",
            "add",
            "--given",
            "Wanjiru",
            "--family",
            "Kamau",
            "--dob",
            "1984-03-02",
        )
    )
    ok(outpost(data, "sync", "enrol", hq_server.url, hq_server.enrol(CLINIC)))
    ok(outpost(data, "sync"))
    return data


def devices_named(hq: HqServer, name: str) -> list[list[str]]:
    return [row for row in hq.devices() if row[2] == name]


def init_from_server(data: Path, hq: HqServer, code: str, stdin: str) -> Ran:
    return outpost(
        data, "init", "--from-server", hq.url, "--code", code, "--device-name", "desk 2",
        stdin=stdin,
    )  # fmt: skip


def nothing_set_up(data: Path) -> bool:
    return not any((data / name).exists() for name in ("outpost.db", "keys.json", STAGING))


def test_a_wrong_password_then_the_right_one_joins_with_one_code_and_one_device(
    clinic_at_hq: Path, hq_server: HqServer, tmp_path: Path
) -> None:
    data = tmp_path / "b"
    ran = ok(
        init_from_server(
            data, hq_server, hq_server.enrol(CLINIC), "not the password\n" + PASSWORD + "\n"
        )
    )
    assert f"Set up this laptop for {CLINIC} from HQ" in ran.out
    notice = [line for line in ran.err_lines if line.startswith("outpost: ")]
    assert len(notice) == 1
    assert notice[0].startswith("outpost: Wrong user name or password")
    assert "the code is not needed again" in notice[0] and "tries left: 2" in notice[0]
    assert len(devices_named(hq_server, "desk 2")) == 1
    assert not (data / STAGING).exists()
    assert "Wanjiru Kamau" in ok(outpost(data, "patients", "search", "Wanjiru")).out


def test_giving_up_says_the_code_is_used_and_names_the_device_to_revoke(
    clinic_at_hq: Path, hq_server: HqServer, tmp_path: Path
) -> None:
    data = tmp_path / "b"
    code = hq_server.enrol(CLINIC)
    ran = init_from_server(data, hq_server, code, "not the password\n")
    assert ran.code == 1 and "Traceback" not in ran.err
    last = ran.err_lines[-1]
    assert last.startswith("outpost: Wrong user name or password")
    (device,) = devices_named(hq_server, "desk 2")
    assert device[4] == "active"  # enrolled, never finished: HQ sees it until it is revoked
    assert "The enrolment code is now used up" in last
    assert f"desk 2 ({device[0]})" in last and f"outpost-hq devices revoke {device[0]}" in last
    assert nothing_set_up(data)

    hq_server.revoke(device[0])
    assert devices_named(hq_server, "desk 2")[0][4] == "revoked"
    # The same code again: HQ took it; said in one line, nothing set up.
    again = init_from_server(data, hq_server, code, PASSWORD + "\n")
    assert_one_clear_line(again, code=1, says="not valid")
    assert nothing_set_up(data) and len(devices_named(hq_server, "desk 2")) == 1


def test_three_wrong_passwords_are_the_most_one_run_tries(
    clinic_at_hq: Path, hq_server: HqServer, tmp_path: Path
) -> None:
    data = tmp_path / "b"
    ran = init_from_server(
        data, hq_server, hq_server.enrol(CLINIC), "one\ntwo\nthree\n" + PASSWORD + "\n"
    )
    assert ran.code == 1
    notices = [line for line in ran.err_lines if line.startswith("outpost: ")]
    assert [("tries left: 2" in n, "tries left: 1" in n) for n in notices[:2]] == [
        (True, False),
        (False, True),
    ]
    assert len(notices) == 3 and "The enrolment code is now used up" in notices[2]
    assert nothing_set_up(data) and len(devices_named(hq_server, "desk 2")) == 1


def test_a_link_that_drops_while_the_records_come_continues_on_the_same_enrolment(
    clinic_at_hq: Path, hq_server: HqServer, tmp_path: Path
) -> None:
    paths = DataPaths(tmp_path / "b")
    pending = enrol_for_setup(paths, hq_server.url, hq_server.enrol(CLINIC), device_name="desk 3")
    try:
        staging = paths.root / STAGING
        (database,) = staging.glob("*.db")
        # The device's credential is inside the staging store: SQLCipher, no clear page.
        assert not database.read_bytes().startswith(b"SQLite format 3")
        hq_server.kill()
        with pytest.raises(SyncUnreachable):
            pending.receive()
        assert pending.open and not pending.received
        hq_server.restart()
        assert pending.receive().received > 0
        with pytest.raises(WrongPassword):
            pending.finish("admin", "not the password")
        assert pending.open and not paths.database.exists()
        core, recovery, _report = pending.finish("admin", PASSWORD)
    finally:
        pending.abandon()
    try:
        assert recovery and core.actor.username == "admin"
        assert core.sync.status().enrolled
        assert any("Wanjiru" in p.display_name for p in core.patients.search("Wanjiru", limit=5))
    finally:
        core.close()
    assert not (paths.root / STAGING).exists()
    assert len(devices_named(hq_server, "desk 3")) == 1


def test_a_device_hq_revoked_before_the_records_came_gives_the_set_up_up(
    clinic_at_hq: Path, hq_server: HqServer, tmp_path: Path
) -> None:
    paths = DataPaths(tmp_path / "b")
    pending = enrol_for_setup(paths, hq_server.url, hq_server.enrol(CLINIC), device_name="desk 4")
    try:
        hq_server.revoke(str(pending.device_id))
        with pytest.raises(SyncRevoked):
            pending.receive()
        assert not pending.open
        assert not (paths.root / STAGING).exists() and not paths.database.exists()
        with pytest.raises(SyncFailed, match="The enrolment code is now used up"):
            pending.finish("admin", PASSWORD)
    finally:
        pending.abandon()
