"""`outpost-hq` on PostgreSQL, as a production HQ runs: the database given at init, two
worker processes sharing it, laptops enrolling, pushing and pulling through either worker,
and the status command reading the same database."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from sync.client.client import HqClient
from sync.protocol import (
    Change,
    ChangeStatus,
    DeviceSummary,
    EnrolRequest,
    PatchEntry,
    PushRequest,
)
from tests.hqserver import HqServer

# Tests using PostgreSQL (pg_database, hq[postgres]) are marked `postgres` by conftest.py.
CLINIC = "Kisumu Health Post"


def _stamp(n: int) -> str:
    return f"{int(time.time() * 1000):015d}-{n:06d}-laptopA"


def _changes(clinic_id: uuid.UUID, count: int, first: int = 0) -> list[Change]:
    return [
        Change(
            change_id=uuid.uuid4(),
            entity="patient",
            entity_id=uuid.uuid4(),
            clinic_id=clinic_id,
            op="insert",
            patch={"given": PatchEntry(v=f"Patient {first + i}"), "sex": PatchEntry(v="f")},
            hlc=_stamp(first + i),
        )
        for i in range(count)
    ]


def _pull_all(client: HqClient, after: int = 0) -> list[int]:
    positions: list[int] = []
    while True:
        page = client.pull(after, limit=7, log_id=None)
        positions += [c.position for c in page.changes]
        after = page.next_cursor
        if not page.more:
            return positions


def _children(pid: int) -> set[int]:
    """Every live descendant of a process (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def _processes_connected_to(port: int, pids: set[int]) -> set[int]:
    """Which of `pids` hold an established TCP connection to 127.0.0.1:port."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "01" and int(fields[2].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{fields[9]}]")
    connected = set()
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") in inodes:
                    connected.add(pid)
                    break
            except OSError:
                continue
    return connected


@pytest.fixture
def hq_two_workers(tmp_path: Path, pg_database: str) -> Iterator[HqServer]:
    # HqServer.init runs `outpost-hq --data-dir DIR --database-url URL init --admin NAME
    # --password-stdin`; serve then finds the database through the data folder alone.
    with HqServer.started(tmp_path / "hq", database_url=pg_database, workers=2) as server:
        yield server


@pytest.mark.slow
def test_hq_on_postgres_with_two_workers_enrols_pushes_pulls_and_reports(
    hq_two_workers: HqServer, pg_database: str, pg_cluster: object
) -> None:
    hq = hq_two_workers
    # The data folder remembers the database; no SQLite file was made.
    config = json.loads((hq.data_dir / "hq.json").read_text())
    assert config["database_url"].startswith("postgresql")
    assert not (hq.data_dir / "hq.db").exists()
    with psycopg.connect(pg_database) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)

    # The clinic's first laptop joins with its own clinic id; a second laptop follows.
    clinic_id = uuid.uuid4()
    a = HqClient(hq.url)
    joined = a.enrol(
        EnrolRequest(
            code=hq.enrol(CLINIC), device_name="Laptop A", mode="join",
            clinic_id=clinic_id, clinic_name=CLINIC,
        )
    )  # fmt: skip
    assert joined.clinic_is_new and joined.clinic_id == clinic_id
    a.token = joined.device_token
    b = HqClient(hq.url)
    second = b.enrol(
        EnrolRequest(code=hq.enrol(CLINIC).lower(), device_name="Laptop B", mode="new_laptop")
    )
    assert not second.clinic_is_new and second.clinic_id == clinic_id
    b.token = second.device_token

    # Pushes from both laptops, pulls by both, each request on a fresh connection so that
    # the two workers share the work; everything pushed through one is seen through the other.
    pushed: list[int] = []
    rounds = 0
    pg_port = int(pg_database.rsplit(":", 1)[1].split("/", 1)[0])
    busy: set[int] = set()
    while rounds < 3 or (len(busy) < 2 and rounds < 200):
        for n, client in enumerate((a, b)):
            client.transport.close()  # the next request opens a new connection
            batch = _changes(clinic_id, 3, first=rounds * 10 + n * 5)
            answer = client.push(
                PushRequest(
                    batch_id=uuid.uuid4(), changes=batch, sent_at_ms=int(time.time() * 1000),
                    summary=DeviceSummary(pending=0, needs_attention=0),
                )
            )  # fmt: skip
            assert [r.status for r in answer.results] == [ChangeStatus.APPLIED] * 3
            pushed += [r.position for r in answer.results if r.position is not None]
        rounds += 1
        assert hq.process is not None
        busy = _processes_connected_to(pg_port, _children(hq.process.pid))  # workers may come late
    assert len(busy) >= 2, "the second worker never served a request"

    for client in (a, b):
        client.transport.close()
        assert _pull_all(client) == sorted(pushed)
        status = client.status()
        assert status.head == max(pushed)
        assert status.counts == {"patient": len(pushed)}
    # The cursor of one laptop goes on from where it was.
    more = a.push(
        PushRequest(
            batch_id=uuid.uuid4(), changes=_changes(clinic_id, 2, first=10_000),
            sent_at_ms=int(time.time() * 1000),
        )
    )  # fmt: skip
    new = [r.position for r in more.results if r.position is not None]
    assert _pull_all(b, after=max(pushed)) == new

    # HQ's status command reads the same database (only --data-dir given).
    text = hq.status_text()
    assert f"Clinic {CLINIC} ({clinic_id})" in text
    assert "devices: 2 active, 0 revoked" in text
    assert "Laptop A" in text and "Laptop B" in text
    assert f"patient {len(pushed) + 2}" in text
    devices = hq.devices()
    assert {row[0] for row in devices} == {str(joined.device_id), str(second.device_id)}
    a.close()
    b.close()


def test_hq_fixture_runs_on_each_backend(hq: HqServer, hq_backend: str) -> None:
    # tests/sync/conftest.py: `hq` is one HQ per backend, initialised and answering.
    assert hq.hello_ok()
    config = json.loads((hq.data_dir / "hq.json").read_text() or "{}")
    if hq_backend == "postgres":
        assert config["database_url"].startswith("postgresql")
        assert not (hq.data_dir / "hq.db").exists()
    else:
        assert "database_url" not in config
        assert (hq.data_dir / "hq.db").exists()
    client = HqClient(hq.url)
    clinic_id = uuid.uuid4()
    enrolled = client.enrol(
        EnrolRequest(code=hq.enrol(CLINIC), device_name="Laptop", mode="join", clinic_id=clinic_id)
    )
    client.token = enrolled.device_token
    answer = client.push(
        PushRequest(batch_id=uuid.uuid4(), changes=_changes(clinic_id, 4), sent_at_ms=0)
    )
    assert _pull_all(client) == [r.position for r in answer.results]
    client.close()
