"""Opening the SQLCipher database through SQLAlchemy.

The data key is handed to SQLCipher as a raw 256-bit key (`x'…'`), so SQLCipher's own
PBKDF2 step is skipped: the key is already the output of our KDF and the AES-GCM unwrap.

SQLCipher's own log (4.x writes it to the process's standard error at WARN: a damaged page
gives some 200 lines of "ERROR CORE sqlcipher_page_cipher: hmac check failed…" before our
one clear line) is switched off when this module is imported: the setting is process-wide.
What it would have said reaches the program's log in our words (`desktop.store.damage`),
and `core.integrity.check()` names the damaged pages.

Every engine watches its file for damage (`desktop.store.damage.DamageWatch`): a query that
meets a damaged page records it, and from then on every write transaction is refused and
every connection is `query_only`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from desktop.errors import DiskFull, StoreCorrupt, StoreError
from desktop.names import search_terms
from desktop.store import name_index
from desktop.store.damage import DamageWatch, StoreDamaged, kind_of, read_only_message

log = logging.getLogger(__name__)

WRITES = "outpost_writes"  # execution option: transactions that will write
PAGE_SIZE = 4096  # SQLCipher 4 default; a database file is a whole number of pages

PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    # FULL: the power in a rural clinic fails without warning; a committed visit must survive.
    "PRAGMA synchronous = FULL",
    # Sorts and temporary indexes stay in memory: nothing in clear in a temp file.
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 5000",
    # Every page read from disk is decrypted; a larger cache decrypts each page once. 64 MiB
    # holds what the worklist reads at 200,000 patients between two builds (32 MiB let its
    # pages fall out: 333 -> 90-140 ms CPU, benchmarks/README.md).
    "PRAGMA cache_size = -65536",
)

_QUERY_ONLY = "outpost_query_only"  # connection info: PRAGMA query_only is set on it
_LAST_ERROR = "outpost_last_store_error"  # connection info: the error this transaction met
_WATCHES: weakref.WeakKeyDictionary[Engine, DamageWatch] = weakref.WeakKeyDictionary()


def quiet_sqlcipher_log() -> None:
    """Nothing from SQLCipher's own log on standard error (process-wide; idempotent).

    `PRAGMA cipher_log_level` is global to the SQLCipher library, so one setting on a
    throwaway connection covers every connection the process opens later."""
    try:
        conn = sqlcipher3.dbapi2.connect(":memory:")
    except sqlcipher3.dbapi2.Error:
        return
    try:
        conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
    except sqlcipher3.dbapi2.Error:
        log.warning("SQLCipher's log could not be switched off")
    finally:
        conn.close()


quiet_sqlcipher_log()


def damage_watch(engine: Engine) -> DamageWatch:
    """The damage state of the database `engine` opens (see `make_engine`)."""
    return _WATCHES[engine]


@contextlib.contextmanager
def keyed_connection(
    path: Path, data_key: bytes, *, read_only: bool = False
) -> Iterator[sqlcipher3.dbapi2.Connection]:
    """A bare SQLCipher connection on `path` with `data_key` (no pool, no damage watch): for
    checks on files that are not the open store's engine (a backup, a staged copy, a key
    test). Nothing is read yet: the first query is where a wrong key shows."""
    if read_only:
        conn = sqlcipher3.dbapi2.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None
        )
    else:
        conn = sqlcipher3.dbapi2.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        yield conn
    finally:
        conn.close()


def _connect(path: Path, data_key: bytes) -> sqlcipher3.dbapi2.Connection:
    # isolation_level=None: SQLAlchemy's "begin" hook below emits BEGIN itself, so reads
    # and writes of one transaction share one snapshot (pysqlite's legacy mode does not).
    conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        # Before the first read: another program writing must mean "wait", not "damaged".
        conn.execute("PRAGMA busy_timeout = 5000")
        # The first read of page 1 is where a wrong key or a damaged header shows.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in PRAGMAS:
            conn.execute(pragma)
        # Used by the triggers that keep the patient name index current.
        conn.create_function("outpost_search_terms", 3, search_terms, deterministic=True)
        name_index.register(conn)  # and the terms typo search looks spellings up in
    except sqlcipher3.dbapi2.DatabaseError as exc:
        conn.close()
        translated = translate_db_error(exc, path)
        if isinstance(translated, StoreError) and not isinstance(translated, StoreCorrupt):
            raise translated from exc
        raise StoreCorrupt(
            f"The database {path.name} cannot be read with this clinic's key: it is damaged, "
            "or belongs to another key file. It has not been changed. Run `outpost doctor`, "
            "or restore the most recent backup."
        ) from exc
    return conn


def make_engine(path: Path, data_key: bytes | Callable[[], bytes], *, pool_size: int = 4) -> Engine:
    """`data_key` may be a function: each new connection then asks it for the current key
    (a re-keyed store disposes its pool, and the next connections open with the new key)."""
    watch = DamageWatch(path)
    engine = create_engine(
        "sqlite://",
        creator=lambda: _connect(path, data_key() if callable(data_key) else data_key),
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        # The connection used last is handed out next: its cache is the warm one, and the
        # pool's others stay small (memory) instead of each warming a copy of the same pages.
        pool_use_lifo=True,
        # Error messages would otherwise quote bound values (names, phones) into logs.
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # A transaction that will write takes the write lock at once: a deferred one that
        # read first fails outright (SQLITE_BUSY_SNAPSHOT) if another commit came between.
        writes = conn.get_execution_options().get(WRITES, False)
        damaged = watch.damaged
        if writes and damaged:
            raise StoreDamaged(read_only_message())
        info = conn.connection.info
        info.pop(_LAST_ERROR, None)  # an error of an earlier transaction is not this one's
        if info.get(_QUERY_ONLY, False) != damaged:
            # Damaged: not even a read transaction may write (SQLite refuses it itself).
            conn.exec_driver_sql(f"PRAGMA query_only = {1 if damaged else 0}")
            info[_QUERY_ONLY] = damaged
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _translate(context: Any) -> Exception | None:
        original = context.original_exception
        if isinstance(original, sqlcipher3.dbapi2.Error):
            what = kind_of(str(original))
            if what is not None:
                watch.found(what)
                # SQLCipher keeps the error on the connection that met the bad page (every
                # later query on it fails): that one is dropped, so a fresh connection reads
                # the pages that are still readable.
                context.is_disconnect = True
                context.invalidate_pool_on_disconnect = False
            elif "readonly" in str(original).lower() and watch.damaged:
                return StoreDamaged(read_only_message())
        return _remembered(context, translate_db_error(original, path))

    _WATCHES[engine] = watch
    return engine


def _remembered(context: Any, translated: Exception | None) -> Exception | None:
    """On a full disk (and a few other errors) SQLite undoes the whole transaction itself, so
    the savepoint being left then is gone: the "no such savepoint" of its rollback would hide
    the words that matter. The error that undid it is kept on the connection and said again."""
    try:
        pooled = context.connection.connection if context.connection is not None else None
    except Exception:  # an invalidated connection: nothing was remembered on it
        pooled = None
    if pooled is None:
        return translated
    if translated is not None:
        pooled.info[_LAST_ERROR] = translated
        return translated
    said = str(context.original_exception).lower()
    if "no such savepoint" not in said or pooled.dbapi_connection.in_transaction:
        return None
    remembered: Exception | None = pooled.info.get(_LAST_ERROR)
    return remembered  # None: nothing said before it, so the error stands as it is


def translate_raw_error(engine: Engine, exc: BaseException, path: Path) -> Exception | None:
    """`translate_db_error` for an error met on a raw DBAPI connection of `engine` (VACUUM
    INTO, a progress-handled copy), which SQLAlchemy's error hook never sees: damage is
    recorded as it is for any other query, and the store becomes read-only."""
    if isinstance(exc, sqlcipher3.dbapi2.Error):
        what = kind_of(str(exc))
        watch = _WATCHES.get(engine)
        if what is not None and watch is not None:
            watch.found(what)
    return translate_db_error(exc, path)


def translate_db_error(exc: BaseException, path: Path) -> Exception | None:
    """A person-readable error for the SQLite failures a clinic laptop really meets."""
    text = str(exc).lower()
    if "database or disk is full" in text:
        return DiskFull(
            f"The disk holding {path.parent} is full, so the last change was not saved "
            "(everything saved before it is safe). Free some space, then try again."
        )
    if "disk i/o error" in text:
        # What SQLite says when it cannot write its -wal/-shm files on a nearly full disk
        # (or the disk is failing): nothing was written.
        return StoreError(
            f"The disk holding {path.parent} could not be written (a disk I/O error): it may "
            "be full or failing. Nothing already saved was lost; free some space, then try "
            "again."
        )
    if "database is locked" in text or "database is busy" in text:
        return StoreError(
            "The clinic's records are busy (another Outpost window or command is writing). "
            "Wait a moment and try again."
        )
    if kind_of(text) is not None:
        return StoreDamaged(
            f"Part of {path.name} cannot be read: the file is damaged. Nothing more will be "
            "written to it. Run `outpost doctor`, then restore the most recent backup."
        )
    return None


def _not_a_file(path: Path, mode: int) -> StoreCorrupt:
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not a regular file"
    return StoreCorrupt(
        f"The database {path} is {kind}, not the clinic's database file, so it cannot be "
        "opened; nothing was changed. Move it away, then put outpost.db back or restore the "
        "most recent backup (`outpost restore FILE`)."
    )


def check_file_shape(path: Path) -> None:
    """Cheap checks before any key is tried: a regular file (a symbolic link to one will do),
    a whole number of pages, not plain SQLite. Never blocks (a FIFO) nor reads a device."""
    try:
        before = os.stat(path)
    except OSError as exc:
        raise StoreCorrupt(
            f"The database {path} cannot be read ({exc.strerror or exc}); nothing was "
            "changed. Check the data folder, or restore the most recent backup."
        ) from None
    if not stat.S_ISREG(before.st_mode):
        raise _not_a_file(path, before.st_mode)
    try:
        # O_NONBLOCK: had the file just been swapped for a FIFO, opening it must not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise StoreCorrupt(
            f"The database {path} cannot be read ({exc.strerror or exc}); nothing was "
            "changed. Check the data folder, or restore the most recent backup."
        ) from None
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):
            raise _not_a_file(path, now.st_mode)
        size = now.st_size
        if size == 0 or size % PAGE_SIZE:
            raise StoreCorrupt(
                f"The database file {path} is truncated ({size} bytes, not a whole number of "
                "pages). It has not been changed. Restore the most recent backup "
                "(`outpost restore FILE`)."
            )
        if os.read(fd, 16) == b"SQLite format 3\x00":
            raise StoreCorrupt(
                f"{path} is an unencrypted SQLite file, not an Outpost store. Outpost never "
                "writes patient data unencrypted; move this file away and investigate."
            )
    finally:
        os.close(fd)


def is_plain_sqlite_readable(path: Path) -> bool:
    """True if the standard sqlite3 module can read the file (it must never be able to)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
