"""Making a backup: a consistent snapshot, packed into one file, verified before it is named.

1. Snapshot, in a work folder inside the data folder: `Store.copy_to` (SQLCipher's
   `VACUUM INTO`: one read transaction, same data key, so writes going on meanwhile are
   either wholly in or wholly out); the copy is hashed, then opened with the key and checked
   through (cipher and b-tree integrity); its row counts go into the manifest.
2. Pack: a temporary file in the target folder (owner-only), the members streamed in while
   hashing them again (they must still match the checksums taken in step 1), flush, fsync.
3. Verify by reading back: the kernel is told to drop its cached copy of the file first, so
   the bytes come from the disk or stick; structure, manifest and every checksum must match.
   The database member is then byte-for-byte the copy that passed the integrity checks in
   step 1, which is what opening it again would check, at a fraction of the cost (backups
   run at every close, to a slow USB stick).
4. Only a verified file is renamed to its final name (`os.replace`, folder fsynced). Any
   failure removes the temporary file; nothing partial is ever left under a backup's name,
   and an older backup of the same name survives until the new one is complete.

The snapshot is taken once and may be packed into several folders (automatic backups).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import anyascii
import sqlcipher3

from desktop.atomic import fsync_dir, remove_stale, translate_os_error
from desktop.errors import BackupError
from desktop.permissions import Permission
from desktop.services.backup_check import DatabaseCheckFailed, inspect_database
from desktop.services.backup_format import (
    CHUNK,
    DATABASE,
    FORMAT,
    KEYS,
    MANIFEST,
    SUFFIX,
    BackupDamaged,
    BackupInfo,
    Manifest,
    Member,
    Progress,
    looks_like_backup,
    read_backup,
    report,
)
from desktop.store.store import Store

WORK_PREFIX = ".backup-"


@dataclass(frozen=True)
class Snapshot:
    database: Path  # the checked, encrypted copy
    keys: bytes  # keys.json as it is now
    manifest: Manifest


def outpost_version() -> str:
    try:
        return importlib.metadata.version("outpost")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def clinic_slug(name: str) -> str:
    """`Kisumu Clinic` -> `kisumu-clinic`; any script is transliterated to ASCII."""
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii.anyascii(name).lower()).strip("-")
    return slug[:40].rstrip("-") or "clinic"


def store_tag(store_id: str) -> str:
    """Eight hex digits that tell this store's backups from another's in a shared folder.

    The *last* digits: a UUIDv7 starts with its creation time, so two stores made in the same
    minute share their first digits but not their random tail.
    """
    return re.sub(r"[^0-9a-f]", "", store_id.lower())[-8:].rjust(8, "0")


def utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def backup_name(manifest: Manifest) -> str:
    return (
        f"outpost-{clinic_slug(manifest.clinic_name)}-{store_tag(manifest.store_id)}-"
        f"{utc_stamp(manifest.created_at)}-{manifest.reason}{SUFFIX}"
    )


def data_key(store: Store) -> bytes:
    # The backup must check its copy with the store's own key. Store exposes no accessor yet
    # (asked for: a read-only `Store.data_key`); this is the one place that reaches in.
    return store.data_key


COPY_TICK_S = 0.1  # how often a running copy reports (and so may be cancelled)


def copy_database(
    store: Store, target: Path, *, progress: Progress | None = None, fraction: float = 0.0
) -> None:
    """`Store.copy_to` that keeps reporting while SQLite copies, so it can be cancelled.

    A large clinic's copy takes tens of seconds in one SQLite statement; SQLite's progress
    handler calls `progress` about every `COPY_TICK_S` seconds meanwhile. When `progress`
    raises (a cancel), SQLite is interrupted, the half-made copy is deleted and the same
    exception is raised here. Without `progress` this is `Store.copy_to` itself.
    """
    if progress is None:
        store.copy_to(target)  # raises DiskFull itself when the disk fills up
        return
    stopped: list[BaseException] = []
    last = time.monotonic()

    def tick() -> bool:
        nonlocal last
        now = time.monotonic()
        if now - last < COPY_TICK_S:
            return False
        last = now
        try:
            report(progress, "Copying the database", fraction)
        except BaseException as exc:  # re-raised below, outside SQLite
            stopped.append(exc)
            return True  # interrupts the statement
        return False

    try:
        store.copy_to(target, step=tick)
    except sqlcipher3.dbapi2.OperationalError:
        if stopped:
            raise stopped[0] from None
        raise
    if stopped:  # asked to stop just as SQLite finished
        target.unlink(missing_ok=True)
        raise stopped[0]


def _hash_file(path: Path) -> Member:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return Member(digest.hexdigest(), size)


@contextlib.contextmanager
def take_snapshot(
    store: Store,
    *,
    reason: str,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    span: tuple[float, float] = (0.0, 0.5),
) -> Iterator[Snapshot]:
    """A checked, encrypted copy of the store in a work folder, removed on exit."""
    root = store.paths.root
    start, end = span
    width = end - start
    remove_stale(root, WORK_PREFIX + "*")
    try:
        work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=root))
    except OSError as exc:
        raise translate_os_error(exc, root / WORK_PREFIX) from exc
    try:
        snapshot = _snapshot_into(store, work, reason, now, progress, start, width)
        yield snapshot
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _snapshot_into(
    store: Store,
    work: Path,
    reason: str,
    now: dt.datetime | None,
    progress: Progress | None,
    start: float,
    width: float,
) -> Snapshot:
    db = work / DATABASE
    created_at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    report(progress, "Copying the database", start)
    try:
        copy_database(store, db, progress=progress, fraction=start)
        report(progress, "Checking the copy", start + width * 0.3)
        member = _hash_file(db)
    except OSError as exc:
        raise translate_os_error(exc, db) from exc
    except sqlcipher3.dbapi2.Error as exc:
        raise BackupError(
            f"The database could not be copied for the backup ({exc}). The clinic's data was "
            "not changed. Try again; if it keeps failing, run `outpost doctor`."
        ) from exc
    try:
        facts = inspect_database(db, data_key(store))
    except DatabaseCheckFailed as exc:
        raise BackupError(
            f"The copy of the clinic's database failed its check ({exc}), so no backup was "
            "made. Run `outpost doctor`, and keep the existing backups safe."
        ) from None
    if facts.store_id != store.keyfile.store_id:
        raise BackupError(
            "The database and the key file in the data folder belong to different stores; no "
            "backup was made. Run `outpost doctor`."
        )
    keys = json.dumps(store.keyfile.to_json(), indent=2).encode("utf-8")
    manifest = Manifest(
        format=FORMAT,
        store_id=facts.store_id,
        clinic_id=facts.clinic_id,
        clinic_name=facts.clinic_name,
        schema_revision=facts.schema_revision,
        created_at=created_at,
        outpost_version=outpost_version(),
        reason=reason,
        members={DATABASE: member, KEYS: Member(hashlib.sha256(keys).hexdigest(), len(keys))},
        row_counts=facts.row_counts,
        clinic_timezone=facts.clinic_timezone,
    )
    report(progress, "Checking the copy", start + width)
    return Snapshot(db, keys, manifest)


# --- packing ---------------------------------------------------------------------------------


def _zinfo(name: str, size: int, when: dt.datetime) -> zipfile.ZipInfo:
    stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.UTC))  # zip dates start in 1980
    info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.file_size = size  # lets zipfile choose ZIP64 up front for a database over 2 GiB
    info.external_attr = 0o600 << 16
    return info


def _pack(
    handle: BinaryIO, snap: Snapshot, progress: Progress | None, start: float, width: float
) -> None:
    m = snap.manifest
    db_member = m.members[DATABASE]
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        manifest = m.to_bytes()
        zf.writestr(_zinfo(MANIFEST, len(manifest), m.created_at), manifest)
        digest = hashlib.sha256()
        written = 0
        with (
            snap.database.open("rb") as src,
            zf.open(_zinfo(DATABASE, db_member.size, m.created_at), "w") as out,
        ):
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                written += len(chunk)
                report(
                    progress, "Writing the backup", start + width * written / max(1, db_member.size)
                )
        if Member(digest.hexdigest(), written) != db_member:
            raise BackupDamaged(snap.database, "the database copy changed while it was written")
        zf.writestr(_zinfo(KEYS, len(snap.keys), m.created_at), snap.keys)


def _drop_cached_pages(fd: int) -> None:
    """Ask the kernel to forget the file's cached pages, so reading back reads the medium."""
    if hasattr(os, "posix_fadvise"):
        with contextlib.suppress(OSError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def write_backup_file(
    snap: Snapshot,
    target: Path,
    *,
    progress: Progress | None = None,
    span: tuple[float, float] = (0.5, 1.0),
) -> BackupInfo:
    """Pack `snap` into `target` atomically and verify it; see the module's docstring."""
    folder = target.parent
    if not folder.is_dir():
        raise BackupError(
            f"The folder {folder} is not there (is the USB stick plugged in?). "
            "The backup was not written."
        )
    start, end = span
    middle = start + (end - start) * 0.6
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise translate_os_error(exc, target) from exc
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as handle:
            _pack(handle, snap, progress, start, middle - start)
            handle.flush()
            os.fsync(handle.fileno())
            _drop_cached_pages(handle.fileno())
        checked = read_backup(tmp, progress=progress, span=(middle, end))
        if checked.manifest != snap.manifest:
            raise BackupDamaged(tmp, "its manifest did not read back as written")
        os.replace(tmp, target)
        fsync_dir(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise translate_os_error(exc, target) from exc
    except BackupDamaged as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(
            f"The backup written to {folder} did not read back correctly ({exc.why}), so it "
            "was deleted. The disk or USB stick may be failing: try another one."
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report(progress, "Backup written and verified", end)
    # The database member is byte-identical to the copy that passed the key-based checks.
    return dataclasses.replace(checked.info(decrypted=True), path=target)


# --- a backup on request -----------------------------------------------------------------------


def _manual_target(target: Path, snap: Snapshot) -> Path:
    target = target.expanduser()
    if target.is_dir():
        return target / backup_name(snap.manifest)
    if not target.name.endswith(SUFFIX):
        target = target.with_name(target.name + SUFFIX)
    if target.exists() and not looks_like_backup(target):
        raise BackupError(
            f"{target} already exists and is not an Outpost backup; it was left alone. "
            "Choose another file name."
        )
    return target


def make_backup(store: Store, target: Path, *, progress: Progress | None = None) -> BackupInfo:
    """Write a verified, encrypted backup of `store` to `target` and describe it.

    `target` is a file name (`.outpost-backup` is added if missing; an existing backup of
    that name is replaced only once the new one is verified) or a folder (a name is chosen).
    The folder must exist, except the data folder's own backups/.
    Raises PermissionDenied (the signed-in role may not make backups), DiskFull, BackupError.
    """
    if store.actor is not None:
        store.actor.require(Permission.BACKUP)
    target = Path(target).expanduser()
    if target.parent == store.paths.backups:
        # Our own folder may be created; any other must exist: a USB stick's missing mount
        # point must not quietly become a folder on the laptop's disk.
        store.paths.backups.mkdir(parents=True, exist_ok=True, mode=0o700)
    with take_snapshot(store, reason="manual", progress=progress, span=(0.0, 0.4)) as snap:
        final = _manual_target(target, snap)
        return write_backup_file(snap, final, progress=progress, span=(0.4, 1.0))
