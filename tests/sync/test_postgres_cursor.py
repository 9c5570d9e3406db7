"""On PostgreSQL a reader's cursor never passes a change that commits late.

Two writers push to the same clinic at once; the one holding the lower position commits
last. Without a lock a reader that pulls in between sees the higher position, moves its
cursor past the lower one and never sees it (the hazard). HQ's push takes
`pg_advisory_xact_lock(<clinic key>)` before taking positions, so the second writer waits
for the first to commit and a clinic's positions become visible in order.

Two real connections write; a third reads. To make "the lower position commits last"
certain rather than likely, a trigger on the log parks the first writer's transaction
after it took its position, until the test opens the gate.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import Engine

from sync.protocol import Change, ChangeStatus, DeviceSummary, PatchEntry
from sync.server import db, store

pytestmark = pytest.mark.postgres

GATE_KEY = 7_700_001  # the advisory lock the parked writer waits on
CLINIC_KEY = 42  # the raw model's clinic lock key


def _wait_for(condition: Callable[[], bool], what: str, *, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


GATE_SQL = """
CREATE SEQUENCE gate_arrivals;  -- a sequence: its count is seen across transactions
CREATE FUNCTION park_first_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF nextval('gate_arrivals') = 1 THEN
        PERFORM pg_advisory_xact_lock_shared({gate});
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER park_first_writer AFTER INSERT ON {table}
    FOR EACH ROW EXECUTE FUNCTION park_first_writer();
"""


class Gate:
    """Parks the first transaction that inserts into `table` until `open()`."""

    def __init__(self, url: str, table: str) -> None:
        self.url = url
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(GATE_SQL.format(gate=GATE_KEY, table=table))
        self.holder = psycopg.connect(url, autocommit=True)
        self.holder.execute("SELECT pg_advisory_lock(%s)", (GATE_KEY,))

    def waiting_pids(self) -> tuple[set[int], set[int]]:
        """(backends parked at the gate, backends waiting on any other lock)."""
        rows = self.holder.execute(
            """SELECT l.pid, l.locktype, l.classid, l.objid
                 FROM pg_locks l WHERE NOT l.granted AND l.pid <> pg_backend_pid()"""
        ).fetchall()
        parked = {
            pid for pid, kind, hi, lo in rows if kind == "advisory" and hi == 0 and lo == GATE_KEY
        }
        others = {pid for pid, *_ in rows} - parked
        return parked, others

    def open(self) -> None:
        self.holder.execute("SELECT pg_advisory_unlock(%s)", (GATE_KEY,))

    def close(self) -> None:
        self.holder.close()


def race(
    url: str,
    table: str,
    push: Callable[[str], list[int]],
    pull: Callable[[int], list[int]],
) -> tuple[list[int], list[int]]:
    """Writer A pushes and is parked after taking its position; writer B pushes meanwhile;
    a reader pulls while A is parked, then after both finished, from the cursor it had.

    Returns (every position the writers were given, every position the reader saw)."""
    gate = Gate(url, table)
    results: dict[str, list[int]] = {}
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            results[name] = push(name)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    a = threading.Thread(target=writer, args=("a",), daemon=True)
    b = threading.Thread(target=writer, args=("b",), daemon=True)
    try:
        a.start()
        _wait_for(lambda: bool(gate.waiting_pids()[0]) or not a.is_alive(), "writer A parked")
        assert not errors, errors
        assert a.is_alive(), "writer A was not parked at the gate"
        b.start()
        # B either commits (no lock: the hazard) or waits for A's clinic lock: waiting on a
        # lock at five polls in a row (a brief wait of another kind is not that).
        polls = [0]

        def b_done_or_blocked() -> bool:
            polls[0] = polls[0] + 1 if gate.waiting_pids()[1] else 0
            return not b.is_alive() or polls[0] >= 5

        _wait_for(b_done_or_blocked, "writer B")
        assert not errors, errors
        seen = pull(0)
        cursor = max(seen, default=0)
        gate.open()
        a.join(60)
        b.join(60)
        assert not a.is_alive() and not b.is_alive(), "a writer never finished"
        assert not errors, errors
        seen += pull(cursor)
    finally:
        gate.open()
        gate.close()
    return results["a"] + results["b"], seen


# --- the raw model: the hazard exists without the lock, the lock closes it ----------------

RAW_SCHEMA = """
CREATE TABLE change_log (
    position bigserial PRIMARY KEY,
    clinic text NOT NULL,
    writer text NOT NULL
)
"""


@pytest.fixture
def raw_log(pg_database: str) -> Iterator[str]:
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(RAW_SCHEMA)
    yield pg_database


def raw_push(url: str, *, lock: bool) -> Callable[[str], list[int]]:
    def push(writer: str) -> list[int]:
        with psycopg.connect(url) as conn:  # one transaction, committed on leaving
            if lock:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (CLINIC_KEY,))
            row = conn.execute(
                "INSERT INTO change_log (clinic, writer) VALUES ('k', %s) RETURNING position",
                (writer,),
            ).fetchone()
            assert row is not None
            return [int(row[0])]

    return push


def raw_pull(url: str) -> Callable[[int], list[int]]:
    def pull(after: int) -> list[int]:
        with psycopg.connect(url, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT position FROM change_log WHERE clinic = 'k' AND position > %s"
                " ORDER BY position",
                (after,),
            ).fetchall()
        return [int(r[0]) for r in rows]

    return pull


def test_without_a_lock_a_reader_passes_a_position_that_commits_late(raw_log: str) -> None:
    # Proves the race below really happens: otherwise the tests with the lock prove nothing.
    written, seen = race(raw_log, "change_log", raw_push(raw_log, lock=False), raw_pull(raw_log))
    assert sorted(written) == [1, 2]
    assert seen == [2], "the reader should have passed position 1 (committed after 2)"


def test_with_the_clinic_lock_a_reader_never_passes_a_late_commit(raw_log: str) -> None:
    written, seen = race(raw_log, "change_log", raw_push(raw_log, lock=True), raw_pull(raw_log))
    assert sorted(written) == [1, 2]
    assert seen == [1, 2]


# --- HQ's own push and pull (sync.server.store through its sessions) ----------------------

HLC = "{wall:015d}-000000-laptop{n}"


@dataclass
class Hq:
    """HQ's schema in a fresh database, one clinic, two enrolled laptops."""

    engine: Engine
    laptops: list[store.DeviceInfo]
    clinic_id: uuid.UUID

    def push(self, laptop: int, changes: int = 1) -> list[int]:
        """One push transaction of `changes` new records by a laptop: their positions."""
        now = _now_ms()
        batch = [
            Change(
                change_id=uuid.uuid4(),
                entity="patient",
                entity_id=uuid.uuid4(),
                clinic_id=self.clinic_id,
                op="insert",
                patch={"given": PatchEntry(v=f"P{laptop}-{i}")},
                hlc=HLC.format(wall=now, n=laptop),
            )
            for i in range(changes)
        ]
        with db.write_session(self.engine) as session:  # committed on leaving the block
            results = store.push(session, self.laptops[laptop], batch, DeviceSummary(), now)
        assert all(r.status == ChangeStatus.APPLIED for r in results), results
        return [r.position for r in results if r.position is not None]

    def pull(self, after: int, *, laptop: int = 0) -> list[int]:
        """Every position the laptop gets from `after` on, page by page as a device does."""
        seen: list[int] = []
        while True:
            with db.read_session(self.engine) as session:
                page = store.pull(
                    session, self.laptops[laptop], after=after, limit=50, log=None,
                    now_ms=_now_ms(),
                )  # fmt: skip
            seen += [c.position for c in page.changes]
            after = page.next_cursor
            if not page.more:
                return seen


def _now_ms() -> int:
    return int(time.time() * 1000)


@pytest.fixture
def hq(pg_database: str) -> Iterator[Hq]:
    engine = db.open_engine(pg_database)
    try:
        db.upgrade(engine)
        now = _now_ms()
        clinic_id = uuid.uuid4()
        with db.write_session(engine) as session:
            store.init_meta(session, now)
        tokens = []
        for n, mode in enumerate(("join", "new_laptop")):
            with db.write_session(engine) as session:
                code, _clinic, _new = store.issue_code(session, "Kisumu Health Post", now)
            with db.write_session(engine) as session:
                enrolled = store.enrol(
                    session, code=code, device_name=f"laptop {n}", mode=mode,
                    clinic_id=clinic_id, now_ms=now,
                )  # fmt: skip
            tokens.append(enrolled.token)
        with db.read_session(engine) as session:
            laptops = [store.authenticate(session, token) for token in tokens]
        yield Hq(engine, laptops, clinic_id)
    finally:
        engine.dispose()


def test_hq_pull_never_passes_a_push_that_commits_late(hq: Hq, pg_database: str) -> None:
    # Laptop 0's push takes the lower position and is held before its commit; laptop 1
    # pushes meanwhile (two connections); laptop 0 pulls in between, then from its cursor.
    written, seen = race(pg_database, "changes", lambda w: hq.push(0 if w == "a" else 1), hq.pull)
    assert sorted(written) == seen, "the reader skipped a position that committed late"
    assert len(seen) == 2


def test_hq_pull_never_passes_a_late_batch_of_several_changes(hq: Hq, pg_database: str) -> None:
    written, seen = race(
        pg_database, "changes", lambda w: hq.push(0 if w == "a" else 1, changes=5), hq.pull
    )
    assert sorted(written) == seen
    assert len(seen) == 10


def test_the_race_is_caught_when_hq_push_takes_no_lock(
    hq: Hq, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The two tests above prove something only if, without HQ's clinic lock, the same race
    # does make the reader skip: check that here by taking the lock away.
    monkeypatch.setattr(store, "lock_clinic", lambda session, clinic_pk: None)
    written, seen = race(pg_database, "changes", lambda w: hq.push(0 if w == "a" else 1), hq.pull)
    assert len(written) == 2
    assert seen == [max(written)], "without the lock the reader should have skipped"


def test_many_concurrent_pushes_reach_a_polling_reader_without_a_gap(hq: Hq) -> None:
    # No gate here: eight writers (two laptops' worth of connections each) push small
    # batches while a reader polls from its cursor as a device would. Whatever the
    # interleaving, the reader ends with every position exactly once, in order.
    writers, pushes = 8, 15
    written: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        try:
            for _ in range(pushes):
                positions = hq.push(n % 2, changes=3)
                with lock:
                    written.extend(positions)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,), daemon=True) for n in range(writers)]
    for t in threads:
        t.start()
    seen: list[int] = []
    cursor = 0
    while any(t.is_alive() for t in threads):
        new = hq.pull(cursor)
        seen += new
        cursor = max(new, default=cursor)
    for t in threads:
        t.join(60)
    assert not errors, errors
    seen += hq.pull(cursor)
    assert seen == sorted(written), "a reader polling during the pushes missed a position"
    assert len(seen) == writers * pushes * 3
