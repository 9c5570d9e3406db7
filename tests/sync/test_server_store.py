"""outpost-hq's store, directly (SQLite and PostgreSQL): enrolment codes, the cursor's
safety under concurrent pushes, migrations, administrators' passwords."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from sync.protocol import Change, ChangeStatus, DeviceSummary
from sync.server import db, passwords, store
from tests.pgcluster import pg_cluster, pg_database

__all__ = ["pg_cluster", "pg_database"]

NOW = 1_796_000_000_000


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = db.sqlite_url(tmp_path)
    else:
        url = request.getfixturevalue("pg_database")
    eng = db.open_engine(url)
    db.upgrade(eng)
    with db.write_session(eng) as s:
        store.init_meta(s, NOW)
    yield eng
    eng.dispose()


def enrolled(engine: Engine, clinic: str = "Kisumu") -> store.DeviceInfo:
    with db.write_session(engine) as s:
        code, _, _ = store.issue_code(s, clinic, NOW)
    with db.write_session(engine) as s:
        done = store.enrol(
            s, code=code, device_name="A", mode="join", clinic_id=uuid.uuid4(), now_ms=NOW
        )
    with db.read_session(engine) as s:
        return store.authenticate(s, done.token)


def change(device: store.DeviceInfo, n: int = 0) -> Change:
    return Change.model_validate(
        {
            "change_id": str(uuid.uuid4()),
            "entity": "patient",
            "entity_id": str(uuid.uuid4()),
            "clinic_id": str(device.clinic_id),
            "op": "insert",
            "patch": {"given": {"v": f"P{n}"}},
            "hlc": f"{NOW:015d}-{n:06d}-node",
        }
    )


def test_a_code_enrols_once(engine: Engine) -> None:
    with db.write_session(engine) as s:
        code, _, created = store.issue_code(s, "Kisumu", NOW)
    assert created
    with db.write_session(engine) as s:
        store.enrol(s, code=code, device_name="A", mode="join", clinic_id=uuid.uuid4(), now_ms=NOW)
    with pytest.raises(store.StoreError) as refused, db.write_session(engine) as s:
        store.enrol(s, code=code, device_name="B", mode="join", clinic_id=uuid.uuid4(), now_ms=NOW)
    assert refused.value.code == "code_invalid"


def test_a_code_expires_after_a_day(engine: Engine) -> None:
    with db.write_session(engine) as s:
        code, _, _ = store.issue_code(s, "Kisumu", NOW)
    later = NOW + store.CODE_LIFETIME_MS + 1
    with pytest.raises(store.StoreError) as refused, db.write_session(engine) as s:
        store.enrol(
            s, code=code, device_name="A", mode="join", clinic_id=uuid.uuid4(), now_ms=later
        )
    assert refused.value.code == "code_invalid"


def test_a_refused_enrolment_leaves_the_code_usable(engine: Engine) -> None:
    with db.write_session(engine) as s:
        code, _, _ = store.issue_code(s, "Kisumu", NOW)
    with pytest.raises(store.StoreError) as refused, db.write_session(engine) as s:
        store.enrol(s, code=code, device_name="A", mode="new_laptop", clinic_id=None, now_ms=NOW)
    assert refused.value.code == "clinic_mismatch"
    with db.write_session(engine) as s:
        done = store.enrol(
            s, code=code, device_name="A", mode="join", clinic_id=uuid.uuid4(), now_ms=NOW
        )
    assert done.clinic_is_new


def test_a_reader_never_passes_a_push_that_commits_late(engine: Engine) -> None:
    """Two concurrent pushes of one clinic: the second cannot take positions until the
    first committed, so a reader that saw the second also sees the first."""
    device = enrolled(engine)
    first_open = threading.Event()
    release_first = threading.Event()
    second_done = threading.Event()
    positions: dict[str, int] = {}

    def first() -> None:
        with db.write_session(engine) as s:
            got = store.push(s, device, [change(device, 1)], DeviceSummary(), NOW)
            positions["first"] = got[0].position or 0
            first_open.set()
            release_first.wait(30)

    def second() -> None:
        first_open.wait(30)
        with db.write_session(engine) as s:
            got = store.push(s, device, [change(device, 2)], DeviceSummary(), NOW)
            positions["second"] = got[0].position or 0
        second_done.set()

    t1 = threading.Thread(target=first)
    t2 = threading.Thread(target=second)
    t1.start()
    t2.start()
    assert first_open.wait(30)
    assert not second_done.wait(0.5)  # held behind the first push's transaction
    with db.read_session(engine) as s:  # the reader sees nothing uncommitted
        page = store.pull(s, device, after=0, limit=10, log=None, now_ms=NOW)
    assert page.changes == [] and page.head == 0
    release_first.set()
    t1.join(30)
    t2.join(30)
    assert positions["first"] < positions["second"]
    with db.read_session(engine) as s:
        page = store.pull(s, device, after=0, limit=10, log=None, now_ms=NOW)
    assert [c.position for c in page.changes] == [positions["first"], positions["second"]]


def test_positions_of_a_clinic_only_grow_and_pages_follow_them(engine: Engine) -> None:
    a = enrolled(engine, "Kisumu")
    b = enrolled(engine, "Eldoret")
    for n in range(6):
        device = a if n % 2 else b
        with db.write_session(engine) as s:
            res = store.push(s, device, [change(device, n)], DeviceSummary(), NOW)
        assert res[0].status == ChangeStatus.APPLIED
    with db.read_session(engine) as s:
        page = store.pull(s, a, after=0, limit=2, log=None, now_ms=NOW)
        assert len(page.changes) == 2 and page.more
        rest = store.pull(s, a, after=page.next_cursor, limit=2, log=None, now_ms=NOW)
        assert len(rest.changes) == 1 and not rest.more and rest.next_cursor == rest.head
        assert store.counts(s, a.clinic_pk) == {"patient": 3}


def test_an_update_stamped_with_its_own_stamp_is_kept_and_served_compact(
    engine: Engine,
) -> None:
    """A snapshot's updates stamp every field with the change's stamp: HQ keeps the stamp
    once (the pages of a new laptop were half stamps), keeps a field's other stamp, and a
    retry of the stamped change is still the same change."""
    device = enrolled(engine)
    own, older = f"{NOW:015d}-000007-node", f"{NOW - 5:015d}-000000-node"
    snapshot = Change.model_validate(
        {
            "change_id": str(uuid.uuid4()),
            "entity": "patient",
            "entity_id": str(uuid.uuid4()),
            "clinic_id": str(device.clinic_id),
            "op": "update",
            "patch": {
                "given": {"v": "Achieng", "hlc": own},
                "family": {"v": "Otieno", "hlc": older},
                "phone": {"hlc": own},  # null
            },
            "hlc": own,
        }
    )
    with db.write_session(engine) as s:
        first = store.push(s, device, [snapshot], DeviceSummary(), NOW)
    with db.write_session(engine) as s:
        again = store.push(s, device, [snapshot], DeviceSummary(), NOW)
    assert [r.status for r in first] == [ChangeStatus.APPLIED]
    assert [r.status for r in again] == [ChangeStatus.DUPLICATE]
    with db.read_session(engine) as s:
        body = store.pull_json(s, device, after=0, limit=10, log=None, now_ms=NOW).body
        page = store.pull(s, device, after=0, limit=10, log=None, now_ms=NOW)
    assert body.count(own.encode()) == 1 and body.count(older.encode()) == 1
    pulled = page.changes[0]
    assert pulled.hlc == own
    assert pulled.patch == {
        "given": {"v": "Achieng"},
        "family": {"v": "Otieno", "hlc": older},
        "phone": {},
    }


def test_the_device_summary_is_kept_for_hq_status(engine: Engine) -> None:
    device = enrolled(engine)
    with db.write_session(engine) as s:
        store.push(s, device, [], DeviceSummary(pending=4, needs_attention=2), NOW)
    with db.read_session(engine) as s:
        status = store.clinic_status(s)
    assert status[0].needs_attention == 2 and status[0].devices[0].pending == 4


def test_an_empty_database_is_not_served(tmp_path: Path) -> None:
    eng = db.open_engine(db.sqlite_url(tmp_path))
    with pytest.raises(db.DatabaseError, match="init"):
        db.check_current(eng, tmp_path)
    db.upgrade(eng)
    db.check_current(eng, tmp_path)
    eng.dispose()


def test_admin_passwords_are_argon2id_and_checked(tmp_path: Path) -> None:
    encoded = passwords.hash_password("a good password")
    assert encoded.startswith("$argon2id$v=19$")
    assert passwords.verify_password("a good password", encoded)
    assert not passwords.verify_password("a bad password", encoded)
    assert not passwords.verify_password("x", "$argon2id$garbage")


def test_admin_sign_in_locks_after_repeated_failures(tmp_path: Path) -> None:
    eng = db.open_engine(db.sqlite_url(tmp_path))
    db.upgrade(eng)
    with db.write_session(eng) as s:
        assert store.add_admin(s, "Amina", "right password", NOW)
        assert not store.add_admin(s, "amina", "other", NOW)
    for _ in range(store.ADMIN_LOCK_AFTER):
        with db.write_session(eng) as s:
            assert not store.verify_admin(s, "Amina", "wrong", NOW)
    with db.write_session(eng) as s:
        assert not store.verify_admin(s, "Amina", "right password", NOW)  # locked
    with db.write_session(eng) as s:
        assert store.verify_admin(s, "Amina", "right password", NOW + store.ADMIN_LOCK_MS + 1)
    eng.dispose()


def test_the_head_the_server_checks_is_the_newest_migration() -> None:
    assert db.head_revision() == db.HEAD
    assert db.known_revisions() == set(db.KNOWN)


def test_an_attachment_arrives_in_chunks_and_is_verified(engine: Engine) -> None:
    import hashlib

    device = enrolled(engine)
    blob = b"signature bytes " * 1000
    sha = hashlib.sha256(blob).hexdigest()

    def send(offset: int, data: bytes, total: int = len(blob)) -> store.Chunk:
        with db.write_session(engine) as s:
            return store.receive_chunk(
                s,
                device.clinic_pk,
                sha,
                offset=offset,
                total=total,
                media_type="image/png",
                chunk=data,
                now_ms=NOW,
            )

    assert send(0, blob[:5000]) == store.Chunk(5000, False)
    assert send(0, blob[:5000]) == store.Chunk(5000, False)  # a repeat is not stored twice
    assert send(5000, blob[5000:]) == store.Chunk(len(blob), True)
    with db.read_session(engine) as s:
        assert store.attachment_bytes(s, device.clinic_pk, sha) == (blob, "image/png")
        assert store.missing_attachments(s, device.clinic_pk, [sha, "0" * 64]) == ["0" * 64]
    wrong = hashlib.sha256(b"x").hexdigest()
    with db.write_session(engine) as s:
        got = store.receive_chunk(
            s,
            device.clinic_pk,
            wrong,
            offset=0,
            total=1,
            media_type="image/png",
            chunk=b"y",
            now_ms=NOW,
        )
    assert got.mismatch
    with db.read_session(engine) as s:
        assert store.attachment_offset(s, device.clinic_pk, wrong) == (0, False)
