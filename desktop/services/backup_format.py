"""The backup file: one zip archive of *stored* (uncompressed) members.

    manifest.json   what the backup is: format, store and clinic, schema revision, when, which
                    Outpost, why (manual/close/daily), the SHA-256 and size of every other
                    member, and the row count of every table in the database copy
    outpost.db      a consistent copy of the SQLCipher database, encrypted with the same data
                    key as the live store (nothing about a patient is in clear)
    keys.json       the store's key file: only *wrapped* data keys, so the backup opens with
                    any user's password as it was when the backup was made, or the recovery key

A zip because its central directory sits at the end: a truncated copy (a USB stick pulled out
too early) is recognised at once, and members are read without unpacking everything.
Members are stored, not compressed: the database is ciphertext and does not compress.

Compatibility: `FORMAT` rises whenever an older Outpost could not restore a newer backup
correctly, including when a member is added (an older reader would silently leave it out).
Fields may be added to the manifest without raising it; readers ignore fields they do not
know. A backup of a higher format is refused with a message that says to update Outpost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import zipfile
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from desktop.errors import BackupError, StoreTooNew
from desktop.store.keyfile import KeyFile

FORMAT = 1
KIND = "outpost-backup"
SUFFIX = ".outpost-backup"
MANIFEST = "manifest.json"
DATABASE = "outpost.db"
KEYS = "keys.json"
MEMBERS = (DATABASE, KEYS)  # every member but the manifest, in the order they are written

CHUNK = 1 << 20
_SMALL_MEMBER_LIMIT = 1 << 20  # manifest.json and keys.json are a few kilobytes
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

Progress = Callable[[str, float], None]
"""progress(message, fraction 0..1). It may raise (to cancel): nothing is left behind."""


def report(progress: Progress | None, message: str, fraction: float) -> None:
    if progress is not None:
        progress(message, max(0.0, min(1.0, fraction)))


@dataclass(frozen=True)
class Member:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    format: int
    store_id: str
    clinic_id: str
    clinic_name: str
    schema_revision: str
    created_at: dt.datetime
    outpost_version: str
    reason: str
    members: Mapping[str, Member]
    row_counts: Mapping[str, int]
    # The clinic's IANA time zone (added without raising FORMAT: older backups have none), so
    # that "made on …" is said in clinic time even before the backup is restored.
    clinic_timezone: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": KIND,
            "format": self.format,
            "store_id": self.store_id,
            "clinic_id": self.clinic_id,
            "clinic_name": self.clinic_name,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at.astimezone(dt.UTC).isoformat(),
            "outpost_version": self.outpost_version,
            "reason": self.reason,
            "members": {
                name: {"sha256": m.sha256, "size": m.size} for name, m in self.members.items()
            },
            "row_counts": dict(sorted(self.row_counts.items())),
            "clinic_timezone": self.clinic_timezone,
        }

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, raw: Any) -> Manifest:
        """Parse a manifest read from a file: hostile input until proven otherwise."""
        if not isinstance(raw, dict) or raw.get("kind") != KIND:
            raise ValueError("it has no Outpost backup manifest")
        fmt = raw.get("format")
        if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
            raise ValueError("its backup format is not a version number")
        if fmt > FORMAT:
            shown = fmt if fmt < 1_000_000 else "beyond any known"  # a huge number: not echoed
            raise StoreTooNew(
                f"This backup was made by a newer Outpost (backup format {shown}; this version "
                f"reads format {FORMAT}). Install the newer Outpost to restore it; the backup "
                "file has not been changed."
            )
        members: dict[str, Member] = {}
        for name, entry in _dict(raw, "members").items():
            sha, size = entry["sha256"], entry["size"]
            if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
                raise ValueError(f"the checksum of {name} is malformed")
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                raise ValueError(f"the size of {name} is malformed")
            members[str(name)] = Member(sha, size)
        if sorted(members) != sorted(MEMBERS):
            raise ValueError(f"it lists the members {sorted(members)}, not {sorted(MEMBERS)}")
        counts = _dict(raw, "row_counts")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in counts.values()):
            raise ValueError("its row counts are malformed")
        created = dt.datetime.fromisoformat(_str(raw, "created_at"))
        if created.tzinfo is None:
            raise ValueError("its creation time has no time zone")
        return cls(
            format=fmt,
            store_id=_str(raw, "store_id"),
            clinic_id=_str(raw, "clinic_id"),
            clinic_name=_str(raw, "clinic_name"),
            schema_revision=_str(raw, "schema_revision"),
            created_at=created.astimezone(dt.UTC),
            outpost_version=_str(raw, "outpost_version"),
            reason=_str(raw, "reason"),
            members=members,
            row_counts={str(k): int(v) for k, v in counts.items()},
            clinic_timezone=_zone(raw.get("clinic_timezone")),
        )


def _zone(value: Any) -> str:
    """An IANA zone name as text, or "" (absent in older backups, or not one we know)."""
    if not isinstance(value, str) or not value:
        return ""
    try:
        zoneinfo.ZoneInfo(value)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        return ""
    return value


def _str(raw: dict[str, Any], key: str) -> str:
    value = raw[key]
    if not isinstance(value, str):
        raise ValueError(f"its {key} is not text")
    return value


def _dict(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw[key]
    if not isinstance(value, dict):
        raise ValueError(f"its {key} is malformed")
    return value


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, as far as it was checked."""

    path: Path
    format: int
    store_id: str
    clinic_id: str
    clinic_name: str
    schema_revision: str
    created_at: dt.datetime  # aware, UTC
    outpost_version: str
    reason: str  # "manual", "close" or "daily"
    size_bytes: int  # of the backup file
    row_counts: Mapping[str, int]
    usernames: tuple[str, ...]  # whose password (as at backup time) opens it
    has_recovery_key: bool
    decrypted: bool  # True: the database inside was opened with a key and integrity-checked
    clinic_timezone: str = ""  # IANA name; "" for a backup made before it was recorded

    def made_at_clinic_time(self) -> dt.datetime:
        """When it was made, in the clinic's own time (UTC for an older backup)."""
        zone = zoneinfo.ZoneInfo(self.clinic_timezone) if self.clinic_timezone else dt.UTC
        return self.created_at.astimezone(zone)


@dataclass(frozen=True)
class CheckedBackup:
    """A backup whose structure and checksums are right (not yet decrypted)."""

    path: Path
    manifest: Manifest
    keyfile: KeyFile
    size: int

    def info(self, *, decrypted: bool) -> BackupInfo:
        m = self.manifest
        return BackupInfo(
            path=self.path,
            format=m.format,
            store_id=m.store_id,
            clinic_id=m.clinic_id,
            clinic_name=m.clinic_name,
            schema_revision=m.schema_revision,
            created_at=m.created_at,
            outpost_version=m.outpost_version,
            reason=m.reason,
            size_bytes=self.size,
            row_counts=dict(m.row_counts),
            usernames=tuple(sorted(self.keyfile.users)),
            has_recovery_key=self.keyfile.recovery is not None,
            decrypted=decrypted,
            clinic_timezone=m.clinic_timezone,
        )


# --- reading ---------------------------------------------------------------------------------


class BackupDamaged(BackupError):
    """The file is (or was meant to be) one of our backups, but does not check out."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            f"The backup {path.name} is damaged or incomplete ({why}). It cannot be restored; "
            "use another backup. Nothing was changed."
        )
        self.why = why


def damaged(path: Path, why: str) -> BackupDamaged:
    return BackupDamaged(path, why)


def looks_like_backup(path: Path) -> bool:
    """The file starts like one of our backups (a zip whose first member is the manifest)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(30 + len(MANIFEST))
    except OSError:
        return False
    return head[:4] == b"PK\x03\x04" and head[30:] == MANIFEST.encode()


class _OwnedZip(zipfile.ZipFile):
    """A ZipFile over a file object it owns: closing the zip closes the file too."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        super().__init__(handle)

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._handle.close()


def _open_regular(path: Path) -> IO[bytes]:
    """The file opened for reading, refused unless it is a regular file. Opened without
    blocking and checked on the open descriptor: a named pipe (FIFO) would otherwise wait
    forever for a writer, and a device would be read without end."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise BackupError(
                f"{path} is not a regular file (it is a pipe, device or socket), so it cannot "
                "be a backup. Nothing was changed."
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        handle = _open_regular(path)
    except FileNotFoundError:
        raise BackupError(f"There is no backup file {path}.") from None
    except IsADirectoryError:
        raise BackupError(f"{path} is a folder, not a backup file.") from None
    except PermissionError:
        raise BackupError(
            f"Outpost is not allowed to read {path}. Check its permissions."
        ) from None
    except OSError as exc:
        raise BackupError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    try:
        return _OwnedZip(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        handle.close()
        if looks_like_backup(path):
            raise damaged(path, f"its end is missing or unreadable: {exc}") from None
        raise BackupError(
            f"{path.name} is not an Outpost backup (Outpost backups end in {SUFFIX})."
        ) from None
    except BaseException:
        handle.close()
        raise


def read_small(zf: zipfile.ZipFile, path: Path, name: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > _SMALL_MEMBER_LIMIT:
        raise damaged(path, f"{name} is implausibly large")
    try:
        return zf.read(name)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise damaged(path, f"{name} cannot be read: {exc}") from None


def stream_member(
    zf: zipfile.ZipFile,
    path: Path,
    name: str,
    sink: IO[bytes] | None,
    on_bytes: Callable[[int], None] | None = None,
) -> Member:
    """Read one member through (zip CRC checked), optionally copying it; its hash and size."""
    digest = hashlib.sha256()
    size = 0
    try:
        with zf.open(name) as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if sink is not None:
                    sink.write(chunk)
                if on_bytes is not None:
                    on_bytes(size)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise damaged(path, f"{name} cannot be read: {exc}") from None
    except OSError as exc:
        if sink is not None:
            raise  # a write failure (disk full): the caller translates it
        raise damaged(path, f"{name} cannot be read: {exc}") from None
    return Member(digest.hexdigest(), size)


def check_member(path: Path, name: str, expected: Member, actual: Member) -> None:
    if actual != expected:
        raise damaged(path, f"{name} does not match its checksum")


# What parsing a hostile manifest or key file may raise: wrong types (TypeError, KeyError,
# AttributeError), bad values (ValueError, also for numbers of thousands of digits), dates
# beyond the calendar (OverflowError), and nesting deeper than Python's stack (RecursionError).
_HOSTILE = (ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError)
_WHY_LIMIT = 120


def _why(exc: BaseException) -> str:
    """The reason, short and on one line, whatever the file held."""
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    if isinstance(exc, KeyError):
        text = f"{str(exc.args[0]) if exc.args else ''} is missing"
    else:
        text = str(exc) or type(exc).__name__
    text = " ".join(text.split())
    return text if len(text) <= _WHY_LIMIT else text[: _WHY_LIMIT - 1] + "…"


def read_backup(
    path: Path, *, progress: Progress | None = None, span: tuple[float, float] = (0.0, 1.0)
) -> CheckedBackup:
    """Structure and checksums: everything that can be checked without a key."""
    path = Path(path)
    with open_zip(path) as zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        if MANIFEST not in names:
            raise BackupError(f"{path.name} is not an Outpost backup (it has no manifest).")
        try:
            manifest = Manifest.from_json(json.loads(read_small(zf, path, MANIFEST)))
        except _HOSTILE as exc:
            raise damaged(path, f"its manifest is unreadable: {_why(exc)}") from None
        if len(set(names)) != len(names) or sorted(names) != sorted((MANIFEST, *MEMBERS)):
            raise damaged(path, f"it holds {sorted(names)} instead of the expected members")
        for info in infos:
            if info.compress_type != zipfile.ZIP_STORED:
                raise damaged(path, f"{info.filename} is compressed")
            if info.filename != MANIFEST and info.file_size != manifest.members[info.filename].size:
                raise damaged(path, f"{info.filename} has the wrong size")
        try:
            keyfile = KeyFile.from_json(json.loads(read_small(zf, path, KEYS)))
        except _HOSTILE as exc:
            raise damaged(path, f"its key file is unreadable: {_why(exc)}") from None
        if keyfile.store_id != manifest.store_id:
            raise damaged(path, "its key file belongs to another store")
        total = max(1, sum(m.size for m in manifest.members.values()))
        done = 0
        start, end = span
        width = end - start
        for name in MEMBERS:
            expected = manifest.members[name]

            def tick(n: int, base: int = done) -> None:
                report(progress, "Checking the backup", start + width * (base + n) / total)

            check_member(path, name, expected, stream_member(zf, path, name, None, tick))
            done += expected.size
    return CheckedBackup(path, manifest, keyfile, path.stat().st_size)


def extract_member(
    checked: CheckedBackup,
    name: str,
    dest: Path,
    *,
    progress: Progress | None = None,
    span: tuple[float, float] = (0.0, 1.0),
    message: str = "Unpacking the backup",
) -> None:
    """Copy one member to `dest` (owner-only, fsynced), checking it against the manifest."""
    expected = checked.manifest.members[name]
    start, end = span
    width = end - start

    def tick(n: int) -> None:
        report(progress, message, start + width * n / max(1, expected.size))

    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as sink, open_zip(checked.path) as zf:
        actual = stream_member(zf, checked.path, name, sink, tick)
        sink.flush()
        os.fsync(sink.fileno())
    check_member(checked.path, name, expected, actual)
