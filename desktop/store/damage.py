"""Damage found in the database, remembered beside it: from then on nothing more is written.

A page that fails its HMAC, a malformed b-tree: once any query (or an integrity check) meets
one, the store is damaged. Writing on into a damaged file can spread the damage and hides it
behind new work, so from that moment every write is refused (`StoreDamaged`) while reads go
on where the pages are readable. The finding is kept in `damaged.json` in the data folder
(written atomically, owner-only; when, what kind of damage and which file, never anything
about a patient), so the next command, the next sign-in and the GUI all know.

The marker ends in two ways only:
- a restore puts another database in place: the marker names the damaged file by its inode
  (a restore renames the restored file over it, so the inode changes; the damaged one is kept
  aside under a hard link, so its inode is not reused). On opening, a marker that names
  another file than the one there now is cleared. Size and modification time are recorded
  for information but not compared: the damaged file itself changes when its last
  connection closes and folds the WAL in, and that must not end the marker;
- a full integrity check (`outpost doctor`, `core.integrity.check()`) finds the store intact.

An unreadable marker counts as damage (it fails closed, like the sign-in throttle): doctor
replaces it by its own finding.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.atomic import fsync_dir, read_small_file, write_atomic
from desktop.errors import OutpostError, StoreCorrupt
from desktop.messages import msg

log = logging.getLogger(__name__)

MARKER_NAME = "damaged.json"
_MAX_MARKER_BYTES = 4096  # ours are ~250 bytes; anything larger is not ours

# What was found, in words with no patient data in them (never the library's own message).
PAGE_CHECK = "a page of the database failed its integrity check (HMAC)"
MALFORMED = "the database's structure is malformed"
NOT_A_DATABASE = "a part of the database could not be decrypted"
CHECK_FOUND = "the integrity check found damage"
UNREADABLE_MARKER = "the record of earlier damage is unreadable"


def read_only_message() -> str:
    return msg(
        "The clinic's records are damaged, so nothing more is written to them: everything "
        "saved is kept. Run `outpost doctor`, then restore the most recent backup."
    )


class StoreDamaged(StoreCorrupt):
    """The database is damaged: writes are refused until a restore (or doctor) says otherwise."""


def kind_of(error_text: str) -> str | None:
    """Which damage a SQLite/SQLCipher error message reports (None: not damage)."""
    text = error_text.lower()
    if "hmac" in text:
        return PAGE_CHECK
    if "malformed" in text:
        return MALFORMED
    if "file is not a database" in text:
        return NOT_A_DATABASE
    return None


@dataclass(frozen=True)
class Damage:
    """What the marker says."""

    detected_at: dt.datetime  # aware, UTC
    what: str
    database: str  # the damaged file's name in the data folder
    inode: int | None  # None: not known (an unreadable marker)
    size: int | None = None
    mtime_ns: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "detected_at": self.detected_at.isoformat(),
            "what": self.what,
            "database": self.database,
            "inode": self.inode,
            "size": self.size,
            "mtime_ns": self.mtime_ns,
        }


def marker_path(db: Path) -> Path:
    return db.parent / MARKER_NAME


def _identity(db: Path) -> os.stat_result | None:
    try:
        return os.stat(db)
    except OSError:
        return None


def _int_or_none(raw: object) -> int | None:
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else None


def _read_regular(path: Path) -> bytes:
    return read_small_file(path, _MAX_MARKER_BYTES)


def read_marker(db: Path) -> Damage | None:
    """The marker beside `db` (None when there is none). Unreadable, or not a regular file (a
    FIFO, a device, a link): damage of unknown file."""
    path = marker_path(db)
    try:
        raw_bytes = _read_regular(path)
    except FileNotFoundError:
        return None
    except (OSError, ValueError):  # unreadable, or not a regular file: damage all the same
        raw_bytes = b""
    try:
        if len(raw_bytes) > _MAX_MARKER_BYTES:
            raise ValueError("too large")
        raw = json.loads(raw_bytes.decode("utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
        detected = dt.datetime.fromisoformat(str(raw["detected_at"]))
        if detected.tzinfo is None:
            detected = detected.replace(tzinfo=dt.UTC)
        return Damage(
            detected_at=detected.astimezone(dt.UTC),
            what=str(raw.get("what") or CHECK_FOUND)[:200],
            database=str(raw["database"]),
            inode=_int_or_none(raw.get("inode")),
            size=_int_or_none(raw.get("size")),
            mtime_ns=_int_or_none(raw.get("mtime_ns")),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        try:
            when = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        except OSError:
            when = dt.datetime.now(dt.UTC)
        return Damage(when, UNREADABLE_MARKER, db.name, None)


def names_this_file(damage: Damage, db: Path) -> bool:
    """True when the marker is about the database file now at `db`."""
    if damage.database != db.name:
        return False
    if damage.inode is None:
        return True  # unknown: keep failing closed until doctor says otherwise
    now = _identity(db)
    return now is None or now.st_ino == damage.inode


def write_marker(db: Path, what: str, *, now: dt.datetime | None = None) -> Damage:
    """Record damage of `db` (atomically, owner-only). Raises OutpostError if it cannot be."""
    st = _identity(db)
    damage = Damage(
        detected_at=(now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC),
        what=what,
        database=db.name,
        inode=st.st_ino if st is not None else None,
        size=st.st_size if st is not None else None,
        mtime_ns=st.st_mtime_ns if st is not None else None,
    )
    write_atomic(marker_path(db), json.dumps(damage.to_json(), indent=2).encode("utf-8"))
    return damage


def remove_marker(db: Path) -> None:
    path = marker_path(db)
    try:
        path.unlink()
    except FileNotFoundError:
        return
    fsync_dir(path.parent)


class DamageWatch:
    """The damage state of one database file, shared by every connection of its engine.

    Cheap to ask (`current()` is one stat of the marker), so every write transaction asks:
    a damage found by another process (a command, doctor) is seen by the GUI at its next
    write, and the marker cleared by doctor elsewhere lifts the refusal here too.
    """

    def __init__(self, db: Path) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._damage: Damage | None = None
        self._durable = False  # the marker on disk says what self._damage says
        self._seen: tuple[int, int, int] | None = None  # the marker file's stat when read
        self._listeners: list[Callable[[], None]] = []
        self._open()

    def _open(self) -> None:
        found = read_marker(self.db)
        if found is None:
            return
        if found.database == self.db.name and not names_this_file(found, self.db):
            # Another database is here now (a restore put it in place): the damage is gone.
            log.info("the damage recorded for an earlier database file no longer applies")
            try:
                remove_marker(self.db)
            except OSError:
                log.warning("the outdated damage record could not be removed")
            return
        self.current()

    # -- asking --

    def current(self) -> Damage | None:
        """The damage in force for this file now (None: the store may be written)."""
        marker = marker_path(self.db)
        try:
            st = os.stat(marker)
        except OSError:
            with self._lock:
                if self._durable:  # cleared on disk (doctor, elsewhere): cleared here too
                    self._damage, self._durable, self._seen = None, False, None
                return self._damage
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        with self._lock:
            if stamp == self._seen:
                return self._damage
        found = read_marker(self.db)
        with self._lock:
            self._seen = stamp
            if found is not None and names_this_file(found, self.db):
                self._damage, self._durable = found, True
            elif self._durable:
                self._damage, self._durable = None, False
            return self._damage

    @property
    def damaged(self) -> bool:
        return self.current() is not None

    def check_writable(self) -> None:
        if self.current() is not None:
            raise StoreDamaged(read_only_message())

    # -- telling --

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """`listener()` is called (on the finding thread) whenever damage is found or cleared."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _tell(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener()
            except Exception:
                log.exception("a damage listener failed")

    def found(self, what: str) -> Damage:
        """Damage was met: remember it (on disk when possible) and refuse writes from now on."""
        existing = self.current()
        if existing is not None:
            return existing
        try:
            damage = write_marker(self.db, what)
            durable = True
        except (OutpostError, OSError):
            # A full disk must not make the store writable again: this process remembers.
            damage = Damage(dt.datetime.now(dt.UTC), what, self.db.name, None)
            durable = False
            log.warning("the damage could not be recorded in %s", MARKER_NAME)
        with self._lock:
            if self._damage is not None:
                return self._damage
            self._damage, self._durable, self._seen = damage, durable, None
        log.error("damage found in %s (%s): it is read-only from now on", self.db.name, what)
        self._tell()
        return damage

    def cleared(self) -> None:
        """A full check found the store intact: writes are allowed again."""
        remove_marker(self.db)
        with self._lock:
            had = self._damage is not None
            self._damage, self._durable, self._seen = None, False, None
        if had:
            log.info("%s was checked and found intact: it may be written again", self.db.name)
            self._tell()
