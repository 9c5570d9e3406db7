"""Restoring a backup: checked in full before the live store is touched, then swapped in so
that a crash at any moment leaves a store that opens, and nothing is ever deleted.

Who may restore. A restore replaces everyone's records, so it is authorised against the
store it replaces, never against the backup (whose accounts are as they were then: a
coordinator disabled since still has his old password in it):

- A store in the data folder (its database and a readable key file): the person must be an
  *administrator of that store* — their current password opens the live keys.json (through
  the sign-in throttle, under their user name) and the live database has them as an active
  user allowed to restore (Permission.BACKUP). The store's recovery key is accepted instead
  (whoever holds it can reset any password with `outpost recover` anyway). The backup is then
  opened with the live data key when that opens it (same store, not re-keyed since), else
  with the same secret if it opened the backup too, else with the backup's own credentials,
  asked for only then (`backup_credentials`: the password as it was when the backup was made,
  or the recovery key printed for the backup's store; throttled too).
- No store yet (a new laptop): the backup's own credentials, throttled, and a password's user
  must be allowed to restore in the backup.
- A database whose key file (keys.json and its mirror keys.json.bak) is missing or unreadable
  cannot say who its administrators are, and destroying the key file must not let a disabled
  account restore its old backup with its old password: a password is refused
  (`KeyFileDamaged`); only the backup's recovery key (the printed sheet the clinic keeps) is
  accepted, throttled. The damaged store is kept aside as always.
- A backup of *another clinic* (another store id, or another clinic name) is refused unless
  `confirm_clinic` names the backup's clinic.
- Accounts the live store disabled or deleted stay disabled: where the backup has them active
  they are disabled in the restored database and their key slots removed; then, because they
  may hold an old key file that opens the backup's data key, the restored store is re-keyed
  (desktop.store.rekey) before it is put in place. The result names them. The live key file
  is a second authority: a disable removes the account's entry from it (the re-key) before
  the database marks the account disabled, so an account active in the backup with no entry
  in the live keys.json (other than the person authorising) is kept disabled too; this
  covers a crash between those two steps, and a live database whose tables cannot be read
  (damage), where the key file is the only authority left and the restored store is always
  re-keyed. (For a confirmed backup of another store, whose accounts the live key file
  does not know, only the live database's list applies.)

1. Check, touching nothing: structure and checksums; the schema is one this Outpost knows
   (else StoreTooNew); the restore is authorised (above; else WrongPassword,
   PermissionDenied, BackupCredentialsNeeded, OtherClinic); the members are unpacked into a
   staging folder inside the data folder (`.restore-*`, same disk, so the later renames are
   atomic), the database is opened with the key and integrity-checked, accounts the live
   store disabled are disabled in it, and it is re-keyed when that was needed.
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
5. Write the key file's mirror keys.json.bak (the same content as keys.json, as KeyFile.save
   keeps it), then remove the journal and the empty staging folder.

A crash (power cut, kill) at any point:
- before step 3: the live store is untouched; the staging folder is removed later.
- within step 4: the live folder holds the old database or the new one, each with a key
  file that wraps the same data key when the backup is of the same store (the usual case:
  restoring one's own clinic), so the store opens (with the passwords of either key file).
  `recover_interrupted_restore()` finishes the swap from the journal; `restore_backup` calls
  it first, and opening the store should call it too (it is cheap when there is nothing to
  do), which also covers the rare window after a crash while restoring *another* store's
  backup or a re-keyed one, where the live database and key file briefly do not match.
- after step 4: the restored store is in place; the journal is cleared on the next call.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from desktop.atomic import fsync_dir, translate_os_error, write_atomic
from desktop.errors import (
    BackupError,
    InvalidInput,
    OutpostError,
    PermissionDenied,
    StoreCorrupt,
    WrongPassword,
)
from desktop.paths import DataPaths
from desktop.permissions import ROLE_PERMISSIONS, Permission
from desktop.services import sync_state
from desktop.services.backup_check import (
    DatabaseCheckFailed,
    check_against_manifest,
    check_schema_known,
    data_key_for,
    first_page_opens,
    inspect_database,
    open_read_only,
    opens_with,
)
from desktop.services.backup_format import (
    DATABASE,
    KEYS,
    BackupInfo,
    CheckedBackup,
    Progress,
    damaged,
    extract_member,
    read_backup,
    report,
)
from desktop.services.backup_write import utc_stamp
from desktop.store import keys, schema
from desktop.store.engine import keyed_connection
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

RECOVERY_KEY = "the recovery key"  # RestoreResult.authorised_by when no user name was given
_RECOVERY_GUARD = "recovery key"  # the throttle's name for guesses at the live recovery key


@dataclass(frozen=True)
class BackupCredentials:
    """The backup's own secret, for when the live store's key does not open it: a user's
    password as it was when the backup was made, or the recovery key printed for its store."""

    username: str | None = None
    password: str | None = field(default=None, repr=False)
    recovery_key: str | None = field(default=None, repr=False)


AskBackupCredentials = Callable[[], BackupCredentials]


class BackupCredentialsNeeded(InvalidInput):
    """The live store's key does not open this backup: its own credentials are needed."""

    def __init__(self, backup: Path) -> None:
        super().__init__(
            f"The backup {backup.name} does not open with this store's current key (it is of "
            "another store, or the store was re-keyed since). Give also the password as it was "
            "when the backup was made, or the recovery key printed for it. Nothing was changed.",
            field="backup_password",
        )


class OtherClinic(BackupError):
    """The backup is of another clinic than the live store, and nobody confirmed that."""

    def __init__(self, backup: Path, backup_clinic: str, live_clinic: str) -> None:
        super().__init__(
            f'The backup {backup.name} is of another clinic, "{backup_clinic}" (this laptop '
            f'holds "{live_clinic}"). To replace this clinic\'s records with it, confirm that '
            f'clinic by name: outpost restore FILE --confirm-clinic "{backup_clinic}". Nothing '
            "was changed."
        )
        self.backup_clinic = backup_clinic
        self.live_clinic = live_clinic


class KeyFileDamaged(PermissionDenied):
    """A database is in the data folder but its key file cannot be read: only the backup's
    recovery key may restore over it."""

    def __init__(self) -> None:
        super().__init__(
            "The key file of the store on this laptop (keys.json) is damaged or missing, so it "
            "cannot say who may replace that store: only the backup's recovery key can restore "
            "over it (outpost restore FILE --recovery-key; it is on the printed sheet the "
            "clinic keeps). Nothing was changed."
        )


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo  # the backup that is now the live store (decrypted and checked)
    kept_aside: Path | None  # where the replaced store was kept (None: there was none)
    previous_store_id: str | None  # the replaced store's id, if its key file was readable
    upgrade_needed: bool  # older schema: upgraded (after a safety copy) when next opened
    # Who authorised it: a user name, or RECOVERY_KEY.
    authorised_by: str = ""
    # True: by an administrator of the store it replaced; False: by the backup's own
    # credentials (there was no store, or its key file was unreadable).
    authorised_by_live_store: bool = False
    # True: a store was replaced whose key file was missing or unreadable (so the backup's
    # recovery key authorised the restore).
    replaced_damaged_key_file: bool = False
    # Accounts the replaced store had disabled or deleted (or that had no entry in its key
    # file), active in the backup: they stay disabled (their key slots removed).
    kept_disabled: tuple[str, ...] = ()
    rekeyed: bool = False  # the restored store was given a fresh data key
    # Accounts whose key slots the re-key could not renew (a backup's key file of an older
    # format): an administrator sets them a new password.
    dropped_users: tuple[str, ...] = ()
    # Issued by the re-key when the backup's recovery slot could not be renewed: the only copy.
    new_recovery_key: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class _UserRow:
    id: Any
    username: str
    role: str
    active: bool


@dataclass(frozen=True)
class _Live:
    """The store being replaced, as far as the restore needs it."""

    keyfile: KeyFile
    data_key: bytes
    authorised_by: str
    username: str | None  # None: authorised with the recovery key
    password: str | None = field(repr=False)
    recovery_key: bytes | None = field(repr=False)
    users: tuple[_UserRow, ...] | None  # None: the database could not be read
    clinic_name: str | None


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


def _role_may_restore(raw_role: str) -> bool:
    try:
        role = Role(raw_role)
    except ValueError:
        role = Role.CLINICIAN  # a role this version does not know gets the least rights
    return Permission.BACKUP in ROLE_PERMISSIONS[role]


def _require_restore_permission(db: Path, data_key: bytes, username: str) -> None:
    """The backup's own rule (no live store): its user must be allowed to restore in it."""
    with open_read_only(db, data_key) as conn:
        row = conn.execute(
            "SELECT role, active, deleted FROM users WHERE username = ?", (username,)
        ).fetchone()
    if row is None or not row[1] or row[2]:
        raise PermissionDenied(
            f"The account {username} is not active in this backup. Restore it as an "
            "administrator, or with the recovery key. Nothing was changed."
        )
    if not _role_may_restore(str(row[0])):
        raise PermissionDenied(
            f"{username} ({row[0]}) may not restore backups. Ask an administrator, or use "
            "the recovery key. Nothing was changed."
        )


def _previous_store_id(paths: DataPaths) -> str | None:
    try:
        return KeyFile.load(paths.keyfile).store_id
    except (FileNotFoundError, StoreCorrupt):
        return None


# --- the live store -----------------------------------------------------------------------------


def _live_keyfile(paths: DataPaths) -> KeyFile | None:
    """The key file of the store in the data folder, or None when there is no store to
    authorise against (no database, or no readable key file: it cannot say who is who)."""
    if not paths.database.exists():
        return None
    for candidate in (paths.keyfile, paths.keyfile.with_name(paths.keyfile.name + ".bak")):
        try:
            return KeyFile.load(candidate)
        except (FileNotFoundError, StoreCorrupt):
            continue
    return None


def _key_file_damaged(paths: DataPaths) -> bool:
    """A database is in the data folder, but neither keys.json nor its mirror can be read."""
    return paths.database.exists() and _live_keyfile(paths) is None


def has_live_store(paths: DataPaths) -> bool:
    """True when a restore into `paths` must be authorised by an administrator of the store
    already there (the CLI asks for the current password rather than the backup's)."""
    return _live_keyfile(paths) is not None


def _open_live(
    db: Path, data_key: bytes
) -> contextlib.AbstractContextManager[sqlcipher3.dbapi2.Connection]:
    # Not read-only: a store closed by a crash has a WAL that a read-only connection may be
    # unable to use. Nothing is written (a SELECT), and the last connection to close folds
    # the WAL in, as `_ensure_closed` would.
    return keyed_connection(db, data_key)


def _users(conn: sqlcipher3.dbapi2.Connection) -> tuple[_UserRow, ...]:
    rows = conn.execute("SELECT id, username, role, active, deleted FROM users").fetchall()
    return tuple(
        _UserRow(row[0], str(row[1]), str(row[2]), bool(row[3]) and not row[4]) for row in rows
    )


def _read_live(db: Path, data_key: bytes) -> tuple[tuple[_UserRow, ...], str] | None:
    """The live store's users and clinic name; None when its tables cannot be read (damage).
    A key that does not even open the database is refused: an entry of an older key file
    (the store was re-keyed since) is no authority over the store as it is now."""
    if not opens_with(db, data_key, read_only=False):
        raise PermissionDenied(
            "That key-file entry does not open the store on this laptop (it is from an older "
            "copy of the key file: the store was re-keyed since). Restoring a backup over the "
            "store needs one of its administrators. Nothing was changed."
        )
    try:
        with _open_live(db, data_key) as conn:
            users = _users(conn)
            clinic = conn.execute(
                "SELECT name FROM clinics WHERE NOT deleted ORDER BY pk LIMIT 1"
            ).fetchone()
    except sqlcipher3.dbapi2.Error:
        return None  # damaged: a restore is the remedy, authorised by the key file alone
    return users, str(clinic[0]) if clinic else ""


def _authorise_live(
    paths: DataPaths,
    keyfile: KeyFile,
    *,
    username: str | None,
    password: str | None,
    recovery_key: str | None,
) -> _Live:
    """An administrator of the live store (current password, throttled), or its recovery key."""
    throttle = LoginThrottle(paths.throttle)
    raw_recovery: bytes | None = None
    if username is not None and password is not None:
        with throttle.attempt(username):
            try:
                data_key = keyfile.unlock_with_password(username, password)
            except WrongPassword:
                raise WrongPassword(
                    "Wrong user name or password. Restoring a backup replaces the records of "
                    "the store on this laptop, so it needs an administrator of that store with "
                    "their current password. Nothing was changed."
                ) from None
    elif recovery_key is not None:
        with throttle.attempt(_RECOVERY_GUARD):
            try:
                raw_recovery = keys.parse_recovery_key(recovery_key)
            except ValueError as exc:
                raise WrongPassword(f"That is not a recovery key: {exc}.") from None
            try:
                data_key = keyfile.unlock_with_recovery(raw_recovery)
            except WrongPassword:
                raise WrongPassword(
                    "That recovery key does not open the store on this laptop. Restoring "
                    "replaces its records, so it needs an administrator of that store (give "
                    "--user and their current password) or its own recovery key. Nothing was "
                    "changed."
                ) from None
    else:
        raise InvalidInput(
            "This laptop already holds a clinic's store: restoring over it needs an "
            "administrator of that store. Give their user name and current password. Nothing "
            "was changed.",
            field="password",
        )
    live = _read_live(paths.database, data_key)
    users, clinic_name = live if live is not None else (None, None)
    if username is not None and users is not None:
        row = next((u for u in users if u.username == username), None)
        if row is None or not row.active:
            raise PermissionDenied(
                f"The account {username} is disabled in the store on this laptop, so it may not "
                "restore a backup over it. Ask an administrator. Nothing was changed."
            )
        if not _role_may_restore(row.role):
            raise PermissionDenied(
                f"{username} ({row.role}) may not restore backups over the store on this laptop. "
                "Ask an administrator. Nothing was changed."
            )
    return _Live(
        keyfile=keyfile,
        data_key=data_key,
        authorised_by=username if username is not None else RECOVERY_KEY,
        username=username,
        password=password,
        recovery_key=raw_recovery,
        users=users,
        clinic_name=clinic_name,
    )


def _same_clinic(checked: CheckedBackup, live: _Live) -> bool:
    manifest = checked.manifest
    if manifest.store_id != live.keyfile.store_id:
        return False
    return live.clinic_name is None or manifest.clinic_name.strip() == live.clinic_name.strip()


def _check_clinic(checked: CheckedBackup, live: _Live, confirm_clinic: str | None) -> None:
    if _same_clinic(checked, live):
        return
    name = checked.manifest.clinic_name
    if confirm_clinic is not None and confirm_clinic.strip().casefold() == name.strip().casefold():
        return
    raise OtherClinic(checked.path, name, live.clinic_name or "")


# --- the backup's data key ----------------------------------------------------------------------


def _backup_key_over_live(
    paths: DataPaths,
    checked: CheckedBackup,
    staged_db: Path,
    live: _Live,
    backup_credentials: BackupCredentials | AskBackupCredentials | None,
) -> bytes:
    """The live data key when it opens the backup; else the same secret that authorised (it
    was just proven, so not counted again); else the backup's own credentials, asked for only
    now and throttled."""
    if opens_with(staged_db, live.data_key):
        return live.data_key
    with contextlib.suppress(WrongPassword):
        if live.username is not None and live.password is not None:
            if live.username in checked.keyfile.users:
                return checked.keyfile.unlock_with_password(live.username, live.password)
        elif live.recovery_key is not None:
            return checked.keyfile.unlock_with_recovery(live.recovery_key)
    credentials = backup_credentials() if callable(backup_credentials) else backup_credentials
    if credentials is None or (credentials.password is None and credentials.recovery_key is None):
        raise BackupCredentialsNeeded(checked.path)
    return data_key_for(
        checked,
        username=credentials.username or live.username,
        password=credentials.password,
        recovery_key=credentials.recovery_key,
        throttle=LoginThrottle(paths.throttle),
    )


# --- accounts the live store disabled -----------------------------------------------------------


def _keep_disabled(
    staging: Path, data_key: bytes, live: _Live, same_store: bool
) -> tuple[str, ...]:
    """The accounts the live store disabled or deleted that the backup has active: their slots
    are removed from the staged key file, and their names returned (as in the backup); the
    staged database disables them in `_rekey_staged`, through a session, so that the change is
    audited and queued for sync like any other.

    Two authorities say who is disabled: the live database (when its tables can be read) and
    the live key file, from which a disable removes the entry first. An account active in the
    backup with no entry in the live key file, other than the person authorising, is kept
    disabled — for a backup of this store, or whenever the live database cannot be read."""
    live_users = live.users or ()
    off_ids = {u.id for u in live_users if not u.active}
    off_names = {u.username for u in live_users if not u.active}
    on_ids = {u.id for u in live_users if u.active}
    by_key_file = same_store or live.users is None
    db = staging / DATABASE
    with _open_live(db, data_key) as conn:
        staged = _users(conn)
        kept = [
            u
            for u in staged
            if u.active
            and (
                u.id in off_ids
                or (u.username in off_names and u.id not in on_ids)
                or (
                    by_key_file
                    and u.username not in live.keyfile.users
                    and u.username != live.username
                )
            )
        ]
    names = tuple(sorted(u.username for u in kept))
    if names:
        keyfile = KeyFile.load(staging / KEYS)
        for name in names:
            keyfile.users.pop(name, None)
        keyfile.save(staging / KEYS)
    return names


@dataclass(frozen=True)
class _Rekeyed:
    dropped_users: tuple[str, ...]  # slots the re-key could not renew (an older key file)
    recovery_key: str | None  # a new recovery key, when one had to be issued


def _renew_proven_slots(keyfile: KeyFile, data_key: bytes, live: _Live) -> None:
    """Slots of the backup's key file whose secret the authorising person just proved are
    written afresh (in the current format): the re-key then renews them instead of dropping
    them, as it must drop slots of an older format whose secret it does not know."""
    username, password, recovery = live.username, live.password, live.recovery_key
    with contextlib.suppress(OutpostError):  # not their secret there: left to the re-key
        if (
            username is not None
            and password is not None
            and username in keyfile.users
            and keyfile.unlock_with_password(username, password) == data_key
        ):
            keyfile.set_password(username, password, data_key, keys.DEFAULT_ARGON2)
    with contextlib.suppress(OutpostError):
        if (
            recovery is not None
            and keyfile.recovery is not None
            and keyfile.unlock_with_recovery(recovery) == data_key
        ):
            keyfile.set_recovery(recovery, data_key)


def _disable_in_staged(store: Any, names: tuple[str, ...], live: _Live) -> None:
    """Disable `names` in the staged store, attributed to the authorising administrator."""
    from sqlalchemy import select

    from desktop.permissions import Actor
    from desktop.services import audit
    from desktop.store.models import Role, User

    if not names:
        return
    admin = next((u for u in live.users or () if u.username == live.username), None)
    actor = Actor(
        uuid.UUID(str(admin.id)) if admin is not None else store.clinic_id,
        live.authorised_by,
        live.authorised_by,
        Role.ADMIN,
        store.clinic_id,
    )
    with store.session(actor) as session, session.begin():
        for user in session.scalars(select(User).where(User.username.in_(names))):
            user.active = False
            audit.record(
                session, actor, "restore-kept-disabled", "user", user.id, reason="disabled-live"
            )


def _rekey_staged(
    staging: Path, data_key: bytes, live: _Live, kept_disabled: tuple[str, ...]
) -> _Rekeyed:
    """Give the staged store a fresh data key (every remaining slot re-sealed), with the
    store's own re-key (desktop.store.rekey), before it is put in place. Slots the re-key
    could not renew (a key file of an older format) are dropped; the authorising
    administrator's is set again from the password just proven, so they can sign in."""
    from desktop.store.engine import make_engine
    from desktop.store.rekey import rekey
    from desktop.store.store import Store

    staged_paths = DataPaths(staging)
    keyfile = KeyFile.load(staged_paths.keyfile)
    _renew_proven_slots(keyfile, data_key, live)
    opened: list[Store] = []
    # The engine asks the Store for its key, so connections after the re-key use the new one.
    engine = make_engine(staged_paths.database, lambda: opened[0].data_key if opened else data_key)
    try:
        store = Store(staged_paths, engine, data_key, keyfile)
    except BaseException:
        engine.dispose()
        raise
    opened.append(store)
    try:
        _disable_in_staged(store, kept_disabled, live)
        result = rekey(store)
        dropped = tuple(result.dropped_users)
        recovery = result.recovery_key
        if live.username is not None and live.password is not None and live.username in dropped:
            store.set_password(live.username, live.password)
            dropped = tuple(name for name in dropped if name != live.username)
    finally:
        store.close()
    wal, _shm = sidecars(staged_paths.database)
    if wal.exists():  # only the database file is swapped in: every change must be in it
        raise BackupError(
            "The re-keyed copy of the backup could not be closed cleanly. Nothing was changed; "
            "try the restore again."
        )
    return _Rekeyed(dropped, str(recovery) if recovery else None)


# --- the restore ------------------------------------------------------------------------------


def _mark_for_resync(db: Path, data_key: bytes) -> None:
    """A restored store went back in time: its next sync pulls HQ's whole log again (what
    this laptop sent after the backup comes back) and sends what it has (desktop.app.sync)."""
    with keyed_connection(db, data_key) as conn:
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'"
        ).fetchone()
        if has_meta:
            conn.execute(
                "INSERT INTO store_meta (key, value) VALUES (?, 'pull') "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (sync_state.RESYNC,),
            )


def _write_key_file_mirror(paths: DataPaths) -> None:
    """keys.json.bak, the same content as the key file just put in place (the old mirror was
    moved aside by the swap). A key file that is in place but cannot be mirrored (a full disk)
    leaves the restore complete: the mirror is written again on the key file's next save."""
    with contextlib.suppress(OSError):
        write_atomic(
            paths.keyfile.with_name(paths.keyfile.name + ".bak"), paths.keyfile.read_bytes()
        )


def restore_backup(
    paths: DataPaths,
    backup: Path,
    *,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    backup_credentials: BackupCredentials | AskBackupCredentials | None = None,
    confirm_clinic: str | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace the store in `paths` with the backup, which is fully checked first.

    With a store in `paths`: `username` + `password` are an administrator's of *that* store
    (current password), or `recovery_key` is its recovery key; `backup_credentials` (a value,
    or a function called only when needed) open the backup when the live key does not;
    `confirm_clinic` must name the backup's clinic when it is another clinic's. Without a
    store: `username` + `password` (as when the backup was made) or `recovery_key` open the
    backup. A database whose key file is missing or unreadable: only `recovery_key` (the
    backup's; or in `backup_credentials`) is accepted, else KeyFileDamaged. Every guess goes
    through the sign-in throttle. The store must be closed.

    Raises WrongPassword, LoginThrottled, PermissionDenied (KeyFileDamaged),
    BackupCredentialsNeeded, OtherClinic, BackupError (damaged or not a backup, store still
    open), StoreTooNew, DiskFull; in all these cases the live store was not changed. The
    replaced store is kept in `kept_aside`.
    """
    recover_interrupted_restore(paths)
    checked = read_backup(Path(backup), progress=progress, span=(0.0, 0.3))
    check_schema_known(checked)
    try:
        paths.ensure()  # the throttle's file lives in it, even on a new laptop
    except OSError as exc:
        raise translate_os_error(exc, paths.root) from exc
    live_keyfile = _live_keyfile(paths)
    key_file_damaged = _key_file_damaged(paths)
    live: _Live | None = None
    data_key: bytes | None = None
    if key_file_damaged:
        # Nothing here says who may replace this store: only the backup's recovery key.
        if recovery_key is None and username is None and password is None:
            first = backup_credentials() if callable(backup_credentials) else backup_credentials
            if first is not None:
                recovery_key = first.recovery_key
        if recovery_key is None:
            raise KeyFileDamaged()
        username = password = None
        data_key = data_key_for(
            checked,
            username=None,
            password=None,
            recovery_key=recovery_key,
            throttle=LoginThrottle(paths.throttle),
        )
    elif live_keyfile is not None:
        live = _authorise_live(
            paths, live_keyfile, username=username, password=password, recovery_key=recovery_key
        )
        _check_clinic(checked, live, confirm_clinic)
    else:
        if username is None and password is None and recovery_key is None:
            # A new laptop: the backup's own credentials are the only ones there are.
            first = backup_credentials() if callable(backup_credentials) else backup_credentials
            if first is not None:
                username, password = first.username, first.password
                recovery_key = first.recovery_key
        data_key = data_key_for(
            checked,
            username=username,
            password=password,
            recovery_key=recovery_key,
            throttle=LoginThrottle(paths.throttle),
        )
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=paths.root))
    except OSError as exc:
        raise translate_os_error(exc, paths.root / STAGING_PREFIX) from exc
    committed = False
    kept_disabled: tuple[str, ...] = ()
    rekeyed: _Rekeyed | None = None
    try:
        staged_db = staging / DATABASE
        extract_member(checked, DATABASE, staged_db, progress=progress, span=(0.3, 0.55))
        if live is not None:
            data_key = _backup_key_over_live(paths, checked, staged_db, live, backup_credentials)
        assert data_key is not None
        report(progress, "Checking the database in the backup", 0.55)
        try:
            facts = inspect_database(staged_db, data_key)
        except DatabaseCheckFailed as exc:
            raise damaged(checked.path, str(exc)) from None
        check_against_manifest(checked.path, facts, checked.manifest)
        report(progress, "Checking the database in the backup", 0.8)
        extract_member(checked, KEYS, staging / KEYS)
        if (live is None or live.users is None) and recovery_key is None and username is not None:
            _require_restore_permission(staged_db, data_key, username)
        _mark_for_resync(staged_db, data_key)
        if live is not None:
            same_store = checked.manifest.store_id == live.keyfile.store_id
            kept_disabled = _keep_disabled(staging, data_key, live, same_store)
            # A live database that cannot be read cannot say who else it disabled: re-key.
            if kept_disabled or live.users is None:
                report(progress, "Re-keying the restored store", 0.85)
                rekeyed = _rekey_staged(staging, data_key, live, kept_disabled)
        fsync_dir(staging)
        report(progress, "Putting the backup in place", 0.9)
        previous = _previous_store_id(paths)
        _ensure_closed(paths, live.data_key if live is not None else data_key)
        stamp = utc_stamp(now or dt.datetime.now(dt.UTC))
        aside = unique(paths.root, ASIDE_PREFIX + stamp)
        write_atomic(
            paths.root / JOURNAL,
            json.dumps({"staging": staging.name, "aside": aside.name, "at": stamp}).encode(),
        )
        committed = True
        _crash_point("journal-written")
        roll_forward(paths, staging, aside, _crash_point)
        _write_key_file_mirror(paths)
        finish(paths, staging)
    except OSError as exc:
        if not committed:
            shutil.rmtree(staging, ignore_errors=True)
            raise translate_os_error(exc, paths.database) from exc
        raise BackupError(
            f"The restore was interrupted ({exc.strerror or exc}). Start it again to complete "
            "it; nothing was deleted."
        ) from exc
    except sqlcipher3.dbapi2.Error as exc:
        if not committed:
            shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(
            f"The backup's database could not be prepared ({exc}). Nothing was changed."
        ) from exc
    except BaseException:
        if not committed:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    report(progress, "Restored", 1.0)
    if live is not None:
        authorised_by = live.authorised_by
    else:
        authorised_by = username if recovery_key is None and username else RECOVERY_KEY
    return RestoreResult(
        info=checked.info(decrypted=True),
        kept_aside=aside if aside.is_dir() else None,
        previous_store_id=previous,
        upgrade_needed=facts.schema_revision != schema.head_revision(),
        authorised_by=authorised_by,
        authorised_by_live_store=live is not None,
        replaced_damaged_key_file=key_file_damaged,
        kept_disabled=kept_disabled,
        rekeyed=rekeyed is not None,
        dropped_users=rekeyed.dropped_users if rekeyed else (),
        new_recovery_key=rekeyed.recovery_key if rekeyed else None,
    )


# --- before asking (the GUI) --------------------------------------------------------------------


@dataclass(frozen=True)
class RestorePreview:
    """What a restore over a signed-in store will ask for, found before anyone types."""

    info: BackupInfo
    other_clinic: bool  # confirm the backup's clinic by name (info.clinic_name)
    live_clinic_name: str
    opens_with_live_key: bool  # False: the backup's own password or recovery key is needed


def preview_restore(
    backup: Path,
    *,
    data_key: bytes,
    store_id: str,
    clinic_name: str,
    workdir: Path | None = None,
    progress: Progress | None = None,
) -> RestorePreview:
    """Check the backup file (structure, checksums, schema) and whether the live store's key
    opens it; nothing is changed, the temporary copy (still encrypted) is removed."""
    checked = read_backup(Path(backup), progress=progress, span=(0.0, 0.95))
    check_schema_known(checked)
    manifest = checked.manifest
    other = manifest.store_id != store_id or manifest.clinic_name.strip() != clinic_name.strip()
    try:
        opens = first_page_opens(checked, data_key, workdir)
    except OSError as exc:
        raise translate_os_error(exc, workdir or Path(tempfile.gettempdir())) from exc
    report(progress, "Checked", 1.0)
    return RestorePreview(
        info=checked.info(decrypted=False),
        other_clinic=other,
        live_clinic_name=clinic_name,
        opens_with_live_key=opens,
    )


__all__ = [
    "RECOVERY_KEY",
    "AskBackupCredentials",
    "BackupCredentials",
    "BackupCredentialsNeeded",
    "KeyFileDamaged",
    "OtherClinic",
    "RestorePreview",
    "RestoreResult",
    "has_live_store",
    "preview_restore",
    "restore_backup",
]
