"""The encrypted store: keys, passwords, damaged files and newer schemas."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text, update

from desktop.errors import (
    InvalidInput,
    KeyFileMismatch,
    LoginThrottled,
    StoreAlreadyExists,
    StoreCorrupt,
    StoreMissing,
    StoreTooNew,
    WrongPassword,
)
from desktop.paths import DataPaths
from desktop.store import keys
from desktop.store import store as store_module
from desktop.store.engine import is_plain_sqlite_readable
from desktop.store.models import AuditEvent, OutboxEntry, Patient
from desktop.store.outbox import TombstoneRequired
from desktop.store.store import Store
from desktop.store.throttle import LoginThrottle, delay_after
from tests.conftest import CLINIC, PASSWORD


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_store_unlocks_with_the_admin_password(store: Store, data_paths: DataPaths) -> None:
    store.close()
    reopened = store_module.unlock(data_paths, "admin", PASSWORD)
    assert reopened.actor is not None and reopened.actor.display_name == "Amina Odhiambo"
    reopened.close()


def test_the_database_file_is_unreadable_without_the_key(
    store: Store, data_paths: DataPaths
) -> None:
    store.close()
    assert not is_plain_sqlite_readable(data_paths.database)
    assert data_paths.database.read_bytes()[:16] != b"SQLite format 3\x00"


def test_a_wrong_password_is_a_clear_error(store: Store, data_paths: DataPaths) -> None:
    store.close()
    with pytest.raises(WrongPassword, match="Wrong user name or password"):
        store_module.unlock(data_paths, "admin", "not the password")


def test_an_unknown_user_gets_the_same_message_as_a_wrong_password(
    store: Store, data_paths: DataPaths
) -> None:
    with pytest.raises(WrongPassword, match="Wrong user name or password"):
        store_module.unlock(data_paths, "nobody", PASSWORD)


def test_repeated_wrong_passwords_impose_a_growing_delay(
    store: Store, data_paths: DataPaths
) -> None:
    now = [1000.0]
    throttle = LoginThrottle(data_paths.throttle, clock=lambda: now[0])
    for _ in range(3):
        with pytest.raises(WrongPassword):
            store_module.unlock(data_paths, "admin", "wrong guess", throttle=throttle)
    # The fourth attempt has to wait, even with the right password...
    with pytest.raises(LoginThrottled) as caught:
        store_module.unlock(data_paths, "admin", PASSWORD, throttle=throttle)
    assert caught.value.retry_after == pytest.approx(1.0)
    # ...and the delay is remembered in a file, across restarts of the program.
    again = LoginThrottle(data_paths.throttle, clock=lambda: now[0])
    with pytest.raises(LoginThrottled):
        again.check("admin")
    now[0] += 1.5
    store_module.unlock(data_paths, "admin", PASSWORD, throttle=again).close()
    again.check("admin")  # success clears the count
    assert [delay_after(n) for n in (2, 3, 4, 5, 30)] == [0, 1, 2, 4, 300]


def test_the_recovery_key_opens_the_store_however_it_is_typed(
    new_store: tuple[Store, str], data_paths: DataPaths
) -> None:
    store, recovery = new_store
    store.close()
    typed = recovery.lower().replace("-", " ")
    recovered = store_module.unlock_with_recovery(data_paths, typed)
    recovered.set_password("admin", "a brand new password")
    recovered.close()
    store_module.unlock(data_paths, "admin", "a brand new password").close()
    with pytest.raises(WrongPassword):
        store_module.unlock(data_paths, "admin", PASSWORD)


def test_a_wrong_recovery_key_is_refused(store: Store, data_paths: DataPaths) -> None:
    store.close()
    other = keys.format_recovery_key(keys.new_recovery_key())
    with pytest.raises(WrongPassword, match="recovery key does not open"):
        store_module.unlock_with_recovery(data_paths, other)
    with pytest.raises(WrongPassword, match="not a recovery key"):
        store_module.unlock_with_recovery(data_paths, "ABCD-1234")


def test_changing_a_password_rewraps_the_key_without_touching_the_database(
    store: Store, data_paths: DataPaths
) -> None:
    store.close()
    before = sha256(data_paths.database)
    opened = store_module.unlock(data_paths, "admin", PASSWORD)
    opened.close()  # unlocking alone must not write to the file either
    opened = store_module.unlock(data_paths, "admin", PASSWORD)
    opened.set_password("admin", "another good password")
    opened.close()
    assert sha256(data_paths.database) == before
    store_module.unlock(data_paths, "admin", "another good password").close()


def test_a_wrapped_key_moved_to_another_users_slot_does_not_open(
    store: Store, data_paths: DataPaths
) -> None:
    store.set_password("admin", PASSWORD)
    raw = json.loads(data_paths.keyfile.read_text())
    raw["users"]["mallory"] = raw["users"]["admin"]
    data_paths.keyfile.write_text(json.dumps(raw))
    store.close()
    with pytest.raises(KeyFileMismatch, match="entry for mallory was copied"):
        store_module.unlock(data_paths, "mallory", PASSWORD)


def test_weak_passwords_are_refused_with_the_rule(data_paths: DataPaths) -> None:
    with pytest.raises(InvalidInput, match="at least 8"):
        store_module.create(
            data_paths,
            clinic_name="X",
            admin_username="admin",
            admin_display_name="",
            password="short",
        )
    assert not data_paths.database.exists()


def test_init_refuses_to_overwrite_an_existing_store(store: Store, data_paths: DataPaths) -> None:
    before = sha256(data_paths.database)
    with pytest.raises(StoreAlreadyExists):
        store_module.create(
            data_paths,
            clinic_name="Other",
            admin_username="admin",
            admin_display_name="",
            password=PASSWORD,
        )
    assert sha256(data_paths.database) == before


def test_a_missing_store_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="outpost init"):
        store_module.unlock(DataPaths(tmp_path / "nothing"), "admin", PASSWORD)


def test_a_missing_key_file_is_explained_and_the_database_kept(
    store: Store, data_paths: DataPaths
) -> None:
    store.close()
    data_paths.keyfile.unlink()
    before = sha256(data_paths.database)
    with pytest.raises(StoreCorrupt, match=r"key file .* is missing"):
        store_module.unlock(data_paths, "admin", PASSWORD)
    assert sha256(data_paths.database) == before


def test_a_damaged_key_file_is_explained(store: Store, data_paths: DataPaths) -> None:
    store.close()
    data_paths.keyfile.write_text("{ not json")
    with pytest.raises(StoreCorrupt, match=r"keys.json.bak"):
        store_module.unlock(data_paths, "admin", PASSWORD)


def test_a_truncated_database_is_detected_and_never_overwritten(
    store: Store, data_paths: DataPaths
) -> None:
    store.close()
    blob = data_paths.database.read_bytes()
    data_paths.database.write_bytes(blob[: len(blob) // 2 + 100])
    before = sha256(data_paths.database)
    with pytest.raises(StoreCorrupt, match="truncated"):
        store_module.unlock(data_paths, "admin", PASSWORD)
    assert sha256(data_paths.database) == before


def test_a_corrupted_database_header_is_detected_and_never_overwritten(
    store: Store, data_paths: DataPaths
) -> None:
    store.close()
    blob = bytearray(data_paths.database.read_bytes())
    for i in range(100, 140):
        blob[i] ^= 0xFF
    data_paths.database.write_bytes(bytes(blob))
    before = sha256(data_paths.database)
    with pytest.raises(StoreCorrupt, match="cannot be read"):
        store_module.unlock(data_paths, "admin", PASSWORD)
    assert sha256(data_paths.database) == before


def test_damage_deep_in_the_file_is_reported_when_read(store: Store, data_paths: DataPaths) -> None:
    with store.session() as session, session.begin():
        for i in range(400):
            session.add(
                Patient(
                    clinic_id=store.clinic_id,
                    given_name=f"Name{i}",
                    family_name="Otieno",
                    notes="x" * 500,
                )
            )
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    blob = bytearray(data_paths.database.read_bytes())
    middle = len(blob) // 2
    blob[middle : middle + 64] = bytes(64)
    data_paths.database.write_bytes(bytes(blob))
    opened = store_module.unlock(data_paths, "admin", PASSWORD)
    with opened.engine.connect() as conn:
        problems = conn.exec_driver_sql("PRAGMA cipher_integrity_check").all()
    assert problems, "SQLCipher's per-page HMAC must flag the damaged page"
    with pytest.raises(StoreCorrupt, match="damaged"), opened.engine.connect() as conn:
        tables = (
            conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
            )
            .scalars()
            .all()
        )
        for table in tables:
            conn.exec_driver_sql(f'SELECT * FROM "{table}"').all()
    opened.close()


def test_an_unencrypted_sqlite_file_in_place_of_the_store_is_refused(
    store: Store, data_paths: DataPaths
) -> None:
    import sqlite3

    store.close()
    data_paths.database.unlink()
    with sqlite3.connect(data_paths.database) as conn:
        conn.execute("CREATE TABLE t(x)")
    with pytest.raises(StoreCorrupt, match="unencrypted"):
        store_module.unlock(data_paths, "admin", PASSWORD)


def test_a_database_from_a_newer_outpost_is_refused_untouched(
    store: Store, data_paths: DataPaths
) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    before = sha256(data_paths.database)
    with pytest.raises(StoreTooNew, match="newer Outpost"):
        store_module.unlock(data_paths, "admin", PASSWORD)
    assert sha256(data_paths.database) == before


def _mark_sent(store: Store) -> None:
    """What sync does before sending: the unsent entries join a batch."""
    import uuid

    with store.session() as session, session.begin():
        session.execute(
            update(OutboxEntry)
            .where(OutboxEntry.sent_batch.is_(None))
            .values(sent_batch=uuid.uuid4())
        )


def test_every_change_is_queued_in_the_outbox_with_only_its_changed_fields(store: Store) -> None:
    with store.session() as session, session.begin():
        patient = Patient(clinic_id=store.clinic_id, given_name="Achieng", family_name="Otieno")
        session.add(patient)
    _mark_sent(store)
    with store.session() as session, session.begin():
        session.get(Patient, patient.pk).village = "Kondele"  # type: ignore[union-attr]
    with store.session() as session:
        entries = session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity_id == patient.id).order_by(OutboxEntry.seq)
        ).all()
        audits = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == patient.id)).all()
    assert [e.op for e in entries] == ["insert", "update"]
    assert entries[0].patch["given_name"]["v"] == "Achieng"
    assert set(entries[1].patch) == {"village"}
    assert entries[0].hlc < entries[1].hlc
    assert [a.action for a in audits] == ["create", "update"]
    assert audits[1].detail == {"fields": ["village"]}
    assert audits[0].user_id == store.actor.user_id  # type: ignore[union-attr]


def test_unsent_changes_of_one_record_merge_into_one_outbox_entry(store: Store) -> None:
    with store.session() as session, session.begin():
        patient = Patient(clinic_id=store.clinic_id, given_name="Achieng", family_name="Otieno")
        session.add(patient)
    with store.session() as session, session.begin():
        session.get(Patient, patient.pk).village = "Kondele"  # type: ignore[union-attr]
    _mark_sent(store)
    for village in ("Nyalenda", "Manyatta"):
        with store.session() as session, session.begin():
            session.get(Patient, patient.pk).village = village  # type: ignore[union-attr]
    with store.session() as session, session.begin():
        session.get(Patient, patient.pk).notes = "Prefers Dholuo"  # type: ignore[union-attr]
    with store.session() as session:
        entries = session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity_id == patient.id).order_by(OutboxEntry.seq)
        ).all()
        last_seq = session.scalar(select(func.max(OutboxEntry.seq)))
        row = session.get(Patient, patient.pk)
    # The unsent insert took the first edit in; the sent batch is left alone; the later
    # edits are one update, at the end of the queue, each field with its latest stamp.
    assert [e.op for e in entries] == ["insert", "update"]
    assert entries[0].patch["village"]["v"] == "Kondele"
    assert entries[0].sent_batch is not None
    assert {k: v["v"] for k, v in entries[1].patch.items()} == {
        "village": "Manyatta",
        "notes": "Prefers Dholuo",
    }
    assert (
        last_seq is not None and entries[1].seq < last_seq
    )  # the audit event of the last edit comes after it
    assert row is not None
    assert entries[1].patch["notes"]["hlc"] == row.field_hlcs["notes"] == entries[1].hlc
    assert entries[1].patch["village"]["hlc"] == row.field_hlcs["village"] < entries[1].hlc


def test_a_failed_transaction_leaves_neither_the_change_nor_its_outbox_entry(store: Store) -> None:
    with store.session() as session:
        count = session.scalar(select(func.count()).select_from(OutboxEntry))
    with pytest.raises(RuntimeError), store.session() as session, session.begin():
        session.add(Patient(clinic_id=store.clinic_id, given_name="Baraka", family_name="Juma"))
        session.flush()
        raise RuntimeError("power cut")
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == count
        assert session.scalar(select(func.count()).select_from(Patient)) == 0


def test_synced_records_are_tombstoned_not_deleted(store: Store) -> None:
    with store.session() as session, session.begin():
        patient = Patient(clinic_id=store.clinic_id, given_name="Hodan", family_name="Abdi")
        session.add(patient)
    with (
        pytest.raises(TombstoneRequired, match="never deleted"),
        store.session() as session,
        session.begin(),
    ):
        session.delete(session.get(Patient, patient.pk))
    _mark_sent(store)
    with store.session() as session, session.begin():
        session.get(Patient, patient.pk).deleted = True  # type: ignore[union-attr]
    with store.session() as session:
        last = session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.entity == "patients")
            .order_by(OutboxEntry.seq.desc())
        ).first()
        assert last is not None and last.op == "delete"


def test_a_record_deleted_before_its_insert_was_sent_travels_as_a_tombstone(store: Store) -> None:
    with store.session() as session, session.begin():
        patient = Patient(clinic_id=store.clinic_id, given_name="Hodan", family_name="Abdi")
        session.add(patient)
    with store.session() as session, session.begin():
        session.get(Patient, patient.pk).deleted = True  # type: ignore[union-attr]
    with store.session() as session:
        entries = session.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == patient.id))
        (entry,) = entries.all()
    assert entry.op == "insert" and entry.patch["deleted"]["v"] is True


def test_audit_events_cannot_be_edited_or_removed(store: Store) -> None:
    from sqlalchemy.exc import IntegrityError

    with store.engine.begin() as conn, pytest.raises(IntegrityError, match="append-only"):
        conn.execute(text("UPDATE audit_events SET action = 'nothing'"))
    with store.engine.begin() as conn, pytest.raises(IntegrityError, match="tombstoned"):
        conn.execute(text("DELETE FROM audit_events"))


def test_the_disk_filling_up_mid_write_loses_nothing_already_saved(store: Store) -> None:
    from desktop.errors import DiskFull

    with store.session() as session, session.begin():
        session.add(Patient(clinic_id=store.clinic_id, given_name="Saved", family_name="Before"))
    # SQLite's max_page_count makes the database report SQLITE_FULL exactly as a full disk.
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    store.engine.dispose()

    from sqlalchemy import event

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {int(pages or 0) + 3}")

    with (
        pytest.raises(DiskFull, match=r"disk .* is full"),
        store.session() as session,
        session.begin(),
    ):
        for i in range(300):
            session.add(
                Patient(
                    clinic_id=store.clinic_id,
                    given_name=f"Lost{i}",
                    family_name="After",
                    notes="y" * 2000,
                )
            )
    event.remove(store.engine, "connect", _cap)
    store.engine.dispose()
    with store.session() as session:
        names = session.scalars(select(Patient.given_name)).all()
    assert names == ["Saved"]


def test_the_keyfile_copy_never_keeps_a_replaced_password(
    store: Store, data_paths: DataPaths
) -> None:
    store.set_password("admin", "second password ok")
    backup = data_paths.keyfile.with_name("keys.json.bak")
    assert backup.read_bytes() == data_paths.keyfile.read_bytes()
    # A lost key file is replaced by its copy, which opens with the current password only.
    data_paths.keyfile.unlink()
    shutil.copy(backup, data_paths.keyfile)
    store.close()
    with pytest.raises(WrongPassword):
        store_module.unlock(data_paths, "admin", PASSWORD)
    store_module.unlock(data_paths, "admin", "second password ok").close()


def test_bulk_updates_that_would_bypass_the_outbox_are_refused(store: Store) -> None:
    with store.session() as session, session.begin():
        session.add(Patient(clinic_id=store.clinic_id, given_name="Juma", family_name="Said"))
    with pytest.raises(TombstoneRequired, match="bypass the outbox"), store.session() as session:
        session.execute(update(Patient).values(village="Likoni"))


def test_every_synced_row_including_automatic_audit_events_is_in_the_outbox(store: Store) -> None:
    from desktop.store.models import SYNCED_MODELS

    with store.session() as session, session.begin():
        patient = Patient(clinic_id=store.clinic_id, given_name="Neema", family_name="Juma")
        session.add(patient)
    with store.session() as session, session.begin():
        session.get(Patient, patient.pk).village = "Mtwapa"  # type: ignore[union-attr]
    with store.session() as session:
        queued = {(e.entity, e.entity_id) for e in session.scalars(select(OutboxEntry))}
        for model in SYNCED_MODELS:
            for row in session.scalars(select(model)):
                table = model.__tablename__  # type: ignore[attr-defined]
                assert (table, row.id) in queued, table
                assert row.hlc, f"{table} row without a clock stamp"


def test_new_edits_order_after_old_ones_even_if_the_clock_went_back(
    store: Store, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.hlc as hlc

    with store.session() as session, session.begin():
        patient = Patient(clinic_id=store.clinic_id, given_name="Rehema", family_name="Kombo")
        session.add(patient)
    first = patient.field_hlcs["given_name"]
    store.close()
    # The laptop's clock battery died: three days in the past on the next start.
    real = hlc.wall_clock_ms()
    monkeypatch.setattr(hlc, "wall_clock_ms", lambda: real - 3 * 86_400_000)
    reopened = store_module.unlock(data_paths, "admin", PASSWORD)
    reopened.clock._wall = hlc.wall_clock_ms
    with reopened.session() as session, session.begin():
        session.get(Patient, patient.pk).given_name = "Rehema Mwanaisha"  # type: ignore[union-attr]
    with reopened.session() as session:
        later = session.get(Patient, patient.pk).field_hlcs["given_name"]  # type: ignore[union-attr]
    reopened.close()
    assert later > first


def test_a_locked_database_is_reported_as_busy_not_damaged(
    store: Store, data_paths: DataPaths
) -> None:
    import sqlcipher3

    from desktop.errors import StoreError

    store.close()
    key = store.data_key.hex()
    holder = sqlcipher3.dbapi2.connect(str(data_paths.database), isolation_level=None)
    holder.execute(f"PRAGMA key = \"x'{key}'\"")
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE hold (x)")
    try:
        with pytest.raises(StoreError) as caught:
            store_module.unlock(data_paths, "admin", PASSWORD)
        assert not isinstance(caught.value, StoreCorrupt)
        assert "busy" in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_init_refuses_a_folder_whose_database_is_missing_but_keys_remain(
    store: Store, data_paths: DataPaths
) -> None:
    store.close()
    data_paths.database.rename(data_paths.root / "moved-away.db")
    keys_before = data_paths.keyfile.read_bytes()
    with pytest.raises(StoreMissing, match="key file is there"):
        store_module.unlock(data_paths, "admin", PASSWORD)
    with pytest.raises(StoreAlreadyExists, match="database is missing"):
        store_module.create(
            data_paths,
            clinic_name="New",
            admin_username="admin",
            admin_display_name="",
            password=PASSWORD,
        )
    assert data_paths.keyfile.read_bytes() == keys_before


def test_a_clock_set_back_never_locks_a_user_out_for_longer_than_the_delay(
    data_paths: DataPaths,
) -> None:
    data_paths.ensure()
    now = [10_000_000.0]
    throttle = LoginThrottle(data_paths.throttle, clock=lambda: now[0])
    for _ in range(4):
        throttle.failed("admin")
    now[0] -= 30 * 86_400  # the clock jumped back a month
    with pytest.raises(LoginThrottled) as caught:
        throttle.check("admin")
    assert caught.value.retry_after <= delay_after(4)


def test_reads_do_not_wait_for_a_writer_but_a_second_writer_does(
    store: Store, data_paths: DataPaths
) -> None:
    import sqlcipher3

    from desktop.errors import StoreError

    with store.session() as session, session.begin():
        session.add(Patient(clinic_id=store.clinic_id, given_name="Zawadi", family_name="Said"))
    writer = sqlcipher3.dbapi2.connect(str(data_paths.database), isolation_level=None)
    writer.execute(f"PRAGMA key = \"x'{store.data_key.hex()}'\"")
    writer.execute("PRAGMA busy_timeout = 100")
    writer.execute("BEGIN IMMEDIATE")  # another program is in the middle of a write
    try:
        with store.read_session() as session:
            assert session.scalars(select(Patient.given_name)).all() == ["Zawadi"]
        store.engine.dispose()

        @event.listens_for(store.engine, "connect")
        def _short_wait(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            dbapi_conn.execute("PRAGMA busy_timeout = 200")

        with pytest.raises(StoreError, match="busy"), store.session() as session, session.begin():
            session.scalars(select(Patient.given_name)).all()
        event.remove(store.engine, "connect", _short_wait)
    finally:
        writer.execute("ROLLBACK")
        writer.close()


# --- the sync seam: outbox size, clock high-water mark, device identity ----------------------


def _outbox_bytes(store: Store, entity: str | None = None) -> int:
    with store.session() as session:
        query = select(OutboxEntry.patch)
        if entity is not None:
            query = query.where(OutboxEntry.entity == entity)
        return sum(len(json.dumps(patch)) for patch in session.scalars(query))


def test_thirty_autosaves_of_a_form_queue_one_small_patch_not_thirty_copies(store: Store) -> None:
    from desktop.services.form_records import save_draft
    from desktop.store.models import FormRecord

    answers = {f"q{n:02d}": f"answer {n} " + "x" * 80 for n in range(20)}  # about 2 KB
    with store.session() as session, session.begin():
        record = FormRecord(
            clinic_id=store.clinic_id, definition_id="intake", definition_version=1, answers={}
        )
        session.add(record)
    _mark_sent(store)  # the empty draft went out; now the coordinator types
    assert store.actor is not None
    typed = dict(answers)
    for n in range(30):
        typed[f"q{n % 20:02d}"] = f"answer {n} typed " + "y" * 80
        with store.session() as session, session.begin():
            save_draft(session, store.actor, record.id, typed)
    size = len(json.dumps(typed))
    form_bytes = _outbox_bytes(store, "form_records")
    with store.session() as session:
        entries = session.scalars(
            select(OutboxEntry).where(
                OutboxEntry.entity_id == record.id, OutboxEntry.sent_batch.is_(None)
            )
        ).all()
    # One pending entry, one key per answer: about the form's own size, not 30 times it
    # (the whole answers dict per autosave queued 61 KB before).
    assert len(entries) == 1
    assert set(entries[0].patch) == {f"answers.{k}" for k in typed}
    assert form_bytes < 2.5 * size
    # The 30 audit events of the autosaves (field names only, never values) stay small too.
    assert _outbox_bytes(store) < 61_000 / 2


def test_form_answers_are_patched_and_stamped_one_by_one(store: Store) -> None:
    from desktop.store.models import FormRecord

    with store.session() as session, session.begin():
        record = FormRecord(
            clinic_id=store.clinic_id,
            definition_id="intake",
            definition_version=1,
            answers={"reason": "Fever", "history": "None"},
        )
        session.add(record)
    created = record.field_hlcs["answers.reason"]
    _mark_sent(store)
    with store.session() as session, session.begin():
        row = session.get(FormRecord, record.pk)
        assert row is not None
        row.answers["reason"] = "Fever and cough"
        del row.answers["history"]
    with store.session() as session:
        (entry,) = session.scalars(
            select(OutboxEntry).where(
                OutboxEntry.entity_id == record.id, OutboxEntry.sent_batch.is_(None)
            )
        ).all()
        row = session.get(FormRecord, record.pk)
    assert entry.op == "update"
    assert {k: v["v"] for k, v in entry.patch.items()} == {
        "answers.reason": "Fever and cough",
        "answers.history": None,
    }
    assert row is not None and "answers" not in row.field_hlcs
    assert row.field_hlcs["answers.reason"] == entry.hlc
    # The base is the stamp of the value the edit replaced (the other devices' value).
    assert entry.patch["answers.reason"]["base"] == created


def test_the_clock_high_water_mark_survives_a_pruned_outbox(
    store: Store, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.hlc as hlc
    from desktop.store.models import Meta
    from desktop.store.outbox import HLC_HIGH_WATER

    with store.session() as session, session.begin():
        patient = Patient(clinic_id=store.clinic_id, given_name="Rehema", family_name="Kombo")
        session.add(patient)
    with store.session() as session:
        high = session.get(Meta, HLC_HIGH_WATER)
        last = session.scalar(select(OutboxEntry.hlc).order_by(OutboxEntry.seq.desc()))
    assert high is not None and high.value == last == store.clock.last.encode()
    first = patient.field_hlcs["given_name"]
    # HQ acknowledged everything and the outbox was pruned; then the clock battery died.
    from desktop.store.outbox import prune_acknowledged

    with store.session() as session, session.begin():
        session.execute(update(OutboxEntry).values(acked_at=dt.datetime.now(dt.UTC)))
        assert prune_acknowledged(session) > 0
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    store.close()
    real = hlc.wall_clock_ms()
    monkeypatch.setattr(hlc, "wall_clock_ms", lambda: real - 3 * 86_400_000)
    reopened = store_module.unlock(data_paths, "admin", PASSWORD)
    reopened.clock._wall = hlc.wall_clock_ms
    try:
        with reopened.session() as session, session.begin():
            session.get(Patient, patient.pk).given_name = "Rehema M."  # type: ignore[union-attr]
        with reopened.session() as session:
            later = session.get(Patient, patient.pk).field_hlcs["given_name"]  # type: ignore[union-attr]
    finally:
        reopened.close()
    assert later > first


def test_the_device_id_lives_in_a_file_beside_the_database_not_in_it(
    store: Store, data_paths: DataPaths
) -> None:
    from desktop.store.device import read_device_id

    assert read_device_id(data_paths) == store.device_id
    assert oct(data_paths.device.stat().st_mode & 0o777) == "0o600"
    with store.engine.connect() as conn:
        keys_in_db = set(conn.execute(text("SELECT key FROM store_meta")).scalars())
    assert "device_id" not in keys_in_db
    store.close()
    again = store_module.unlock(data_paths, "admin", PASSWORD)
    assert again.device_id == store.device_id
    again.close()


def test_the_clock_node_is_random_not_the_device_id(store: Store, data_paths: DataPaths) -> None:
    node = store.clock.node
    assert len(node) == 16 and store.device_id.hex[:12] not in node
    store.close()
    again = store_module.unlock(data_paths, "admin", PASSWORD)
    assert again.clock.node != node  # each opening its own: GUI and CLI never collide
    again.close()


def test_a_backup_restored_on_a_second_laptop_keeps_that_laptops_device_id(
    store: Store, data_paths: DataPaths, tmp_path: Path
) -> None:
    from desktop.services.backup_restore import restore_backup
    from desktop.services.backup_write import make_backup
    from desktop.store.device import read_device_id

    first_laptop = store.device_id
    backup = make_backup(store, tmp_path / "clinic.outpost-backup").path
    store.close()
    # The second laptop had its own store (and so its own identity) before the restore.
    second = DataPaths(tmp_path / "second")
    other, _ = store_module.create(
        second,
        clinic_name="Other",
        admin_username="admin",
        admin_display_name="",
        password=PASSWORD,
    )
    second_laptop = other.device_id
    other.close()
    # Another clinic's backup over this laptop's store: its administrator confirms it by name.
    restore_backup(second, backup, username="admin", password=PASSWORD, confirm_clinic=CLINIC)
    restored = store_module.unlock(second, "admin", PASSWORD)
    try:
        assert restored.clinic_id == store.clinic_id  # the backed-up clinic...
        assert restored.device_id == second_laptop != first_laptop  # ...on this laptop
    finally:
        restored.close()
    # A brand-new laptop restoring the backup gets an identity of its own as well.
    fresh = DataPaths(tmp_path / "fresh")
    restore_backup(fresh, backup, username="admin", password=PASSWORD)
    assert read_device_id(fresh) not in (None, first_laptop, second_laptop)


def test_the_store_imports_no_service() -> None:
    import subprocess
    import sys

    code = (
        "import sys, desktop.store.store, desktop.store.outbox; "
        "print(sorted(m for m in sys.modules if m.startswith('desktop.services')))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == "[]"
