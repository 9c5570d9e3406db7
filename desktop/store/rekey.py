"""Re-keying a store: a fresh data key, the database re-encrypted, the slots re-sealed.

Disabling an account or losing a key file must end access for real: an old copy of keys.json
holds the old data key, so the database takes a new one. The new key is sealed (no password
needed, desktop.store.slots) to the recovery slot and to the format-2 slots of the users who
are active, and not deleted, in the database, read at the start of the same re-key. Every
other entry in keys.json is left out and named in the result: sealing needs only a public
key, so an entry planted under a name that is no active user (by someone who could write the
file while they still had access) would otherwise receive every future data key. A format-1
slot cannot be re-sealed without its password, so that user is dropped and named in the
result (an administrator sets a new password), and a format-1 recovery slot forces a new
recovery key.

What a re-key does not undo: someone who held the data key while active could have altered
the database itself (its rows, including the users table) or copied its contents. The re-key
protects against old copies of the key file and of the database, and against key-file
entries that do not belong to an active user; it cannot vouch for what an insider wrote
while they had the key.

The database is re-encrypted in place by SQLCipher's `PRAGMA rekey`: one transaction that
rewrites every page (free pages too) through the WAL, so a crash leaves the database wholly
under the old key or wholly under the new one. Measured on a 20,000-patient store (100 MB):
`PRAGMA rekey` and `ATTACH … KEY` + `sqlcipher_export` into a new file both took ~0.6 s, but
the export needs a rename over a file other connections may hold open, and loses nothing
only if every writer is gone; the in-place rekey keeps the file and its locks. SQLite's
progress handler is not called during a rekey, so progress is read from the WAL's growth.

The steps, each survivable by a kill:
1. the new key file is written to keys.json.pending (atomically, fsynced);
2. the database is re-encrypted (one transaction) and checkpointed;
3. keys.json and keys.json.bak are rewritten from it; 4. keys.json.pending is removed.
Opening (desktop.store.store.unlock) tries keys.json first and, when its key no longer opens
the database, keys.json.pending, which it then makes keys.json: after a kill at any moment
one of the two opens the store.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import select

from desktop.atomic import fsync_dir, write_atomic
from desktop.errors import DiskFull, StoreError
from desktop.messages import msg
from desktop.store import keys
from desktop.store.engine import damage_watch
from desktop.store.models import User
from desktop.store.store import Store, key_opens, pending_keyfile

log = logging.getLogger(__name__)

Progress = Callable[[float], None]

# The moments a kill is tested at (tests/test_rekey.py).
STEPS = ("started", "pending-written", "database-rekeyed", "keyfile-written", "done")


def _crash_point(step: str) -> None:
    """Called between the steps. Tests replace it to kill the process there."""


@dataclass(frozen=True)
class RekeyResult:
    dropped_users: tuple[str, ...]  # format-1 slots that could not be re-sealed
    recovery_key: str | None  # the new recovery key's text, when one was issued
    # Key-file entries for names that are not active users, left out of the new key file.
    removed_entries: tuple[str, ...] = ()

    @property
    def advice(self) -> str:
        """What the person must do next, and what the re-key removed ("" when nothing)."""
        parts = []
        for name in self.removed_entries:
            parts.append(
                msg(
                    "An entry in the key file for {name}, who is not an active user, was removed.",
                    name=name,
                )
            )
        if self.dropped_users:
            parts.append(
                msg(
                    "An administrator must set a new password for {names}: their key-file "
                    "entries were of the old format and could not be renewed.",
                    names=", ".join(self.dropped_users),
                )
            )
        if self.recovery_key:
            parts.append(
                msg(
                    "The recovery key has changed: print or write down the new one now; the "
                    "old sheet no longer opens the store."
                )
            )
        return " ".join(parts)


def _active_usernames(store: Store) -> set[str]:
    """The users who are active and not deleted, as the database says now."""
    with store.read_session() as session:
        return set(
            session.scalars(
                select(User.username).where(User.active.is_(True), User.deleted.is_(False))
            )
        )


def rekey(
    store: Store,
    *,
    progress: Progress | None = None,
    reissue_recovery: bool = False,
    remove_users: Collection[str] = (),
) -> RekeyResult:
    """Give `store` a fresh data key (see the module's docstring). Works on any open Store:
    its paths decide where the files go, and it keeps working afterwards. The new key file
    holds the recovery slot and the slots of the users active in the database now, less
    `remove_users` (a disable, whose account is marked disabled after the re-key)."""
    report = progress or (lambda _fraction: None)
    paths = store.paths
    # The re-encryption runs on a raw connection, which the write guard does not see: a
    # damaged database is never rewritten (a restore, not a re-key, is its remedy).
    damage_watch(store.engine).check_writable()
    # Read before anything is written: the database, not keys.json, says who may keep a slot.
    keep = _active_usernames(store) - set(remove_users)
    _crash_point("started")
    report(0.0)
    new_key = keys.new_data_key()
    resealed = store.keyfile.resealed(new_key, keep=keep)
    keyfile = resealed.keyfile
    removed = tuple(name for name in resealed.removed if name not in remove_users)
    recovery_text = None
    if reissue_recovery or resealed.recovery_dropped:
        raw = keys.new_recovery_key()
        keyfile.set_recovery(raw, new_key)
        recovery_text = keys.format_recovery_key(raw)
    pending = pending_keyfile(paths)
    write_atomic(pending, keyfile.to_bytes())
    _crash_point("pending-written")
    report(0.05)

    old_key = store.data_key
    try:
        _reencrypt(store, new_key, lambda f: report(0.05 + 0.85 * f))
    except BaseException:
        # Rolled back (a full disk: the WAL needs the database's size), or committed just
        # before the failure: whichever key opens the database decides.
        store.engine.dispose()
        if key_opens(paths.database, new_key):
            log.warning("the re-key failed after its commit; finishing it")
        else:
            if key_opens(paths.database, old_key):
                pending.unlink(missing_ok=True)
            raise
    # Every page of the file must now be under the new key, before any key file says so.
    _verify_rekeyed(paths.database, new_key)
    _crash_point("database-rekeyed")

    store.take_new_key(new_key, keyfile)
    keyfile.save(paths.keyfile)
    _crash_point("keyfile-written")
    pending.unlink(missing_ok=True)
    fsync_dir(paths.root)
    _crash_point("done")
    report(1.0)
    if removed:
        log.warning("the re-key removed %d key-file entry(ies) of no active user", len(removed))
    log.info("re-keyed the store (%d slot(s) dropped)", len(resealed.legacy_users))
    return RekeyResult(resealed.legacy_users, recovery_text, removed)


def _take_exclusive(raw: Any, db: Path) -> None:
    """Hold the database alone for the re-key. A connection open in another process (an
    Outpost window, a command) would read pages under the new key with the old one and take
    them for damage; it holds a lock on the file even while idle, so this waits the busy
    timeout and then refuses instead."""
    try:
        raw.execute("PRAGMA locking_mode = EXCLUSIVE")
        raw.execute("BEGIN EXCLUSIVE")
        raw.execute("COMMIT")
    except sqlcipher3.dbapi2.OperationalError as exc:
        raw.execute("PRAGMA locking_mode = NORMAL")
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise StoreError(
                msg(
                    "The clinic's records are open in another Outpost window or command, so "
                    "their key cannot be changed now. Nothing was changed: close the other "
                    "window (or wait for the command), then try again."
                )
            ) from exc
        raise


def _reencrypt(store: Store, new_key: bytes, progress: Progress) -> None:
    """PRAGMA rekey on one connection, reporting progress as the WAL fills."""
    store.engine.dispose()  # connections opened with the old key go now
    db = store.paths.database
    wal = Path(f"{db}-wal")
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        _take_exclusive(raw, db)
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = int(raw.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(raw.execute("PRAGMA page_size").fetchone()[0])
        expected = max(1, pages * (page_size + 24))  # a WAL frame: a page and its header
        failure: list[BaseException] = []

        def run() -> None:
            try:
                raw.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            except BaseException as exc:  # handed to the caller's thread
                failure.append(exc)

        worker = threading.Thread(target=run, name="outpost-rekey", daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(0.1)
            try:
                written = wal.stat().st_size
            except FileNotFoundError:
                written = 0
            progress(min(0.95, written / expected))
        if failure:
            exc = failure[0]
            if "full" in str(exc).lower():
                raise DiskFull(
                    msg(
                        "The disk holding {folder} is full: changing the clinic's key needs "
                        "as much free space as the database. Nothing was changed; free some "
                        "space, then try again.",
                        folder=str(db.parent),
                    )
                ) from exc
            raise StoreError(
                msg(
                    "The clinic's key could not be changed ({reason}). Nothing was changed; "
                    "try again.",
                    reason=str(exc),
                )
            ) from exc
        # The new pages move from the WAL into the database file under the new key. The
        # connection holds the database alone, so the checkpoint must have copied every frame.
        busy, log_frames, copied = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy or log_frames != copied:
            raise StoreError(
                msg(
                    "The clinic's key could not be changed (the database file could not be "
                    "brought up to date). Nothing was changed; try again."
                )
            )
        # Back to normal locking: the lock goes with the next read (and this connection).
        raw.execute("PRAGMA locking_mode = NORMAL")
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
        progress(1.0)
    if not key_opens(db, new_key):
        raise StoreError(
            msg("The clinic's key could not be changed. Nothing was changed; try again.")
        )


def _verify_rekeyed(db: Path, new_key: bytes) -> None:
    """Every page of the database file authenticates under `new_key` (SQLCipher's
    `cipher_integrity_check`: the HMAC of each page of the file, free pages too; 0.2 s on a
    100 MB store). A page still under the old key is found here, while keys.json (the old
    key) and keys.json.pending (the new one) are both kept. Should frames remain in the WAL
    (a re-key finished after a failed checkpoint), the file alone is not the database: every
    page in use is then read through the WAL instead (`quick_check`, 0.4 s)."""
    conn = sqlcipher3.dbapi2.connect(str(db), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{new_key.hex()}'\"")
        conn.execute("PRAGMA busy_timeout = 5000")
        busy, log_frames, copied = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy and log_frames == copied:
            problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        else:
            problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
            problems = [] if problems == ["ok"] else problems
    except sqlcipher3.dbapi2.DatabaseError as exc:
        problems = [str(exc)]
    finally:
        conn.close()
    if problems:
        log.error(
            "after the re-key, %d page(s) fail under the new key: %s", len(problems), problems[:5]
        )
        raise StoreError(
            msg(
                "The clinic's key was changed, but {count} part(s) of the database do not "
                "open with the new key. Both key files were kept (keys.json and "
                "keys.json.pending): delete neither. Run `outpost doctor`, or restore the "
                "most recent backup.",
                count=str(len(problems)),
            )
        )
