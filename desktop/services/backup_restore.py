"""Restoring a backup: checked in full before the live store is touched, then swapped in so
that a crash at any moment leaves a store that opens, and nothing is ever deleted.

1. Check, touching nothing: structure and checksums; the schema is one this Outpost knows
   (else StoreTooNew); the password or recovery key opens the backup's key file (else
   WrongPassword); the members are unpacked into a staging folder inside the data folder
   (`.restore-*`, same disk, so the later renames are atomic) and the database is opened
   with the key and integrity-checked; a password's user must be allowed to restore.
2. Make sure the live store is closed: where the key opens it, its WAL is checkpointed; a
   store still open elsewhere is refused ("close Outpost first").
3. Write the journal `restore-journal.json` (atomically). From here on the restore only ever
   goes forward: the staged store was fully verified, so finishing it is always right.
4. Swap, one file at a time, each step atomic and fsynced:
   old -wal/-shm moved aside -> old database hard-linked aside -> new database renamed over
   it -> old keys.json.bak moved aside -> old keys.json hard-linked aside -> new keys.json
   renamed over it. "Aside" is `replaced-before-restore-<UTC time>/`, kept for the person to
   delete when they are sure. (Where hard links are not possible, the old file is moved
   aside instead, leaving a moment with no database until the new one is renamed in.)
5. Remove the journal, then the empty staging folder.

A crash (power cut, kill) at any point:
- before step 3: the live store is untouched; the staging folder is removed later.
- within step 4: the live folder holds the old database or the new one, each with a key
  file that wraps the same data key when the backup is of the same store (the usual case:
  restoring one's own clinic), so the store opens (with the passwords of either key file).
  `recover_interrupted_restore()` finishes the swap from the journal; `restore_backup` calls
  it first, and opening the store should call it too (it is cheap when there is nothing to
  do), which also covers the rare window after a crash while restoring *another* store's
  backup, where the live database and key file briefly do not match.
- after step 4: the restored store is in place; the journal is cleared on the next call.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from desktop.atomic import fsync_dir, translate_os_error, write_atomic
from desktop.errors import BackupError, PermissionDenied, StoreCorrupt
from desktop.paths import DataPaths
from desktop.permissions import ROLE_PERMISSIONS, Permission
from desktop.services.backup_check import (
    check_decrypted,
    check_schema_known,
    data_key_for,
    open_read_only,
)
from desktop.services.backup_format import (
    DATABASE,
    KEYS,
    BackupInfo,
    Progress,
    extract_member,
    read_backup,
    report,
)
from desktop.services.backup_write import utc_stamp
from desktop.store import schema
from desktop.store.keyfile import KeyFile
from desktop.store.models import Role
from desktop.store.restore_journal import (  # the part opening the store needs
    ASIDE_PREFIX,
    JOURNAL,
    STAGING_PREFIX,
    finish,
    recover_interrupted_restore,
    roll_forward,
    sidecars,
    unique,
)
from desktop.store.throttle import LoginThrottle


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo  # the backup that is now the live store (decrypted and checked)
    kept_aside: Path | None  # where the replaced store was kept (None: there was none)
    previous_store_id: str | None  # the replaced store's id, if its key file was readable
    upgrade_needed: bool  # older schema: upgraded (after a safety copy) when next opened


def _crash_point(step: str) -> None:
    """Called between the steps of the swap. Tests replace it to kill the process there."""


def _ensure_closed(paths: DataPaths, data_key: bytes) -> None:
    """Fold a leftover WAL into the live database; refuse if the store is open somewhere.

    The last connection to close a WAL database checkpoints it and removes the -wal and -shm
    files (SQLite copies the frames as they are, so this works even when `data_key` is not
    the live store's key). If they are still there after our connection closed, another
    connection has the store open: swapping files under it would lose its work.
    """
    wal, shm = sidecars(paths.database)
    if not paths.database.exists() or not (wal.exists() or shm.exists()):
        return  # closed cleanly
    busy = 0
    try:
        conn = sqlcipher3.dbapi2.connect(str(paths.database), isolation_level=None)
    except sqlcipher3.dbapi2.Error:
        return  # cannot even be opened: it is set aside whole, with its -wal/-shm
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlcipher3.dbapi2.Error:
        pass  # another store's key, or damaged: closing still folds or releases the WAL
    finally:
        conn.close()
    if busy or wal.exists():
        raise BackupError(
            "The clinic's store is open in Outpost or another program. Close it, then restore "
            "again. Nothing was changed."
        )


def _require_restore_permission(db: Path, data_key: bytes, username: str) -> None:
    with open_read_only(db, data_key) as conn:
        row = conn.execute(
            "SELECT role, active, deleted FROM users WHERE username = ?", (username,)
        ).fetchone()
    if row is None or not row[1] or row[2]:
        raise PermissionDenied(
            f"The account {username} is not active in this backup. Restore it as an "
            "administrator, or with the recovery key. Nothing was changed."
        )
    try:
        role = Role(row[0])
    except ValueError:
        role = Role.CLINICIAN  # a role this version does not know gets the least rights
    if Permission.BACKUP not in ROLE_PERMISSIONS[role]:
        raise PermissionDenied(
            f"{username} ({role.value}) may not restore backups. Ask an administrator, or use "
            "the recovery key. Nothing was changed."
        )


def _previous_store_id(paths: DataPaths) -> str | None:
    try:
        return KeyFile.load(paths.keyfile).store_id
    except (FileNotFoundError, StoreCorrupt):
        return None


def restore_backup(
    paths: DataPaths,
    backup: Path,
    *,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace the store in `paths` with the backup, which is fully checked first.

    Opens with `username` + `password` (as they were when the backup was made) or the
    `recovery_key`. The store must be closed. Raises WrongPassword, BackupError (damaged or
    not a backup, store still open), StoreTooNew, PermissionDenied, DiskFull; in all these
    cases the live store was not changed. The replaced store is kept in `kept_aside`.
    """
    recover_interrupted_restore(paths)
    checked = read_backup(Path(backup), progress=progress, span=(0.0, 0.3))
    check_schema_known(checked)
    data_key = data_key_for(
        checked,
        username=username,
        password=password,
        recovery_key=recovery_key,
        throttle=LoginThrottle(paths.throttle) if paths.root.is_dir() else None,
    )
    try:
        paths.ensure()
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=paths.root))
    except OSError as exc:
        raise translate_os_error(exc, paths.root / STAGING_PREFIX) from exc
    committed = False
    try:
        facts = check_decrypted(
            checked, data_key, staging / DATABASE, progress=progress, span=(0.3, 0.85)
        )
        extract_member(checked, KEYS, staging / KEYS)
        if recovery_key is None and username is not None:
            _require_restore_permission(staging / DATABASE, data_key, username)
        fsync_dir(staging)
        report(progress, "Putting the backup in place", 0.9)
        previous = _previous_store_id(paths)
        _ensure_closed(paths, data_key)
        stamp = utc_stamp(now or dt.datetime.now(dt.UTC))
        aside = unique(paths.root, ASIDE_PREFIX + stamp)
        write_atomic(
            paths.root / JOURNAL,
            json.dumps({"staging": staging.name, "aside": aside.name, "at": stamp}).encode(),
        )
        committed = True
        _crash_point("journal-written")
        roll_forward(paths, staging, aside, _crash_point)
        finish(paths, staging)
    except OSError as exc:
        if not committed:
            shutil.rmtree(staging, ignore_errors=True)
            raise translate_os_error(exc, paths.database) from exc
        raise BackupError(
            f"The restore was interrupted ({exc.strerror or exc}). Start it again to complete "
            "it; nothing was deleted."
        ) from exc
    except BaseException:
        if not committed:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    report(progress, "Restored", 1.0)
    return RestoreResult(
        info=checked.info(decrypted=True),
        kept_aside=aside if aside.is_dir() else None,
        previous_store_id=previous,
        upgrade_needed=facts.schema_revision != schema.head_revision(),
    )
