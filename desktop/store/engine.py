"""Opening the SQLCipher database through SQLAlchemy.

The data key is handed to SQLCipher as a raw 256-bit key (`x'…'`), so SQLCipher's own
PBKDF2 step is skipped: the key is already the output of our KDF and the AES-GCM unwrap.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from desktop.errors import DiskFull, StoreCorrupt, StoreError
from desktop.names import search_terms

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
    # Every page read from disk is decrypted; a larger cache decrypts each page once.
    "PRAGMA cache_size = -32768",
)


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
    engine = create_engine(
        "sqlite://",
        creator=lambda: _connect(path, data_key() if callable(data_key) else data_key),
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        # Error messages would otherwise quote bound values (names, phones) into logs.
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # A transaction that will write takes the write lock at once: a deferred one that
        # read first fails outright (SQLITE_BUSY_SNAPSHOT) if another commit came between.
        writes = conn.get_execution_options().get(WRITES, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _translate(context: Any) -> Exception | None:
        return translate_db_error(context.original_exception, path)

    return engine


def translate_db_error(exc: BaseException, path: Path) -> Exception | None:
    """A person-readable error for the SQLite failures a clinic laptop really meets."""
    text = str(exc).lower()
    if "database or disk is full" in text:
        return DiskFull(
            f"The disk holding {path.parent} is full, so the last change was not saved "
            "(everything saved before it is safe). Free some space, then try again."
        )
    if "database is locked" in text or "database is busy" in text:
        return StoreError(
            "The clinic's records are busy (another Outpost window or command is writing). "
            "Wait a moment and try again."
        )
    if "malformed" in text or "file is not a database" in text or "hmac" in text:
        return StoreCorrupt(
            f"Part of {path.name} cannot be read: the file is damaged. Nothing more will be "
            "written to it. Run `outpost doctor`, then restore the most recent backup."
        )
    return None


def check_file_shape(path: Path) -> None:
    """Cheap checks before any key is tried: present, a whole number of pages, not plain SQLite."""
    size = path.stat().st_size
    if size == 0 or size % PAGE_SIZE:
        raise StoreCorrupt(
            f"The database file {path} is truncated ({size} bytes, not a whole number of "
            "pages). It has not been changed. Restore the most recent backup "
            "(`outpost restore FILE`)."
        )
    with path.open("rb") as handle:
        if handle.read(16) == b"SQLite format 3\x00":
            raise StoreCorrupt(
                f"{path} is an unencrypted SQLite file, not an Outpost store. Outpost never "
                "writes patient data unencrypted; move this file away and investigate."
            )


def is_plain_sqlite_readable(path: Path) -> bool:
    """True if the standard sqlite3 module can read the file (it must never be able to)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
