"""The clinic's encrypted store: creating it, unlocking it, and handing out sessions.

`Store` is what an unlocked clinic looks like to the rest of the program: an engine on the
SQLCipher file, a session factory whose sessions write the outbox and audit trail, the
hybrid logical clock, and the signed-in `Actor`. It is built in one place (the composition
root: the CLI's command runner or the GUI's application object) and passed in.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.atomic import fsync_dir
from desktop.clinic_rules import validate_new_clinic
from desktop.errors import (
    DiskFull,
    KeyFileMismatch,
    OutpostError,
    PermissionDenied,
    StoreAlreadyExists,
    StoreCorrupt,
    StoreError,
    StoreMissing,
    WrongPassword,
)
from desktop.hlc import HybridLogicalClock, Stamp
from desktop.ids import new_id
from desktop.messages import msg
from desktop.passwords import check_password
from desktop.paths import DataPaths
from desktop.permissions import Actor
from desktop.store import keys, outbox, schema
from desktop.store.change_collector import install_collector
from desktop.store.device import ensure_device_id, read_device_id
from desktop.store.engine import (
    WRITES,
    check_file_shape,
    keyed_connection,
    make_engine,
    translate_db_error,
    translate_raw_error,
)
from desktop.store.keyfile import KeyFile
from desktop.store.models import Clinic, Meta, OutboxEntry, Role, User
from desktop.store.restore_journal import recover_interrupted_restore
from desktop.store.throttle import LoginThrottle

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

log = logging.getLogger(__name__)

LEGACY_DEVICE_KEY = "device_id"  # in store_meta before schema 0003


_COPY_STEPS = 2000  # SQLite calls a copy's `step` after this many virtual machine steps


def pending_keyfile(paths: DataPaths) -> Path:
    """Where a re-key writes the key file of the new data key before the database takes it
    (desktop.store.rekey): while it exists, opening tries it when keys.json does not open."""
    return paths.keyfile.with_name(paths.keyfile.name + ".pending")


class KeyCell:
    """The data key the engine's next connections open with: a re-key changes it in place
    (and disposes the pool), so the open Store keeps working."""

    __slots__ = ("value",)

    def __init__(self, value: bytes) -> None:
        self.value = value


class Store:
    def __init__(
        self, paths: DataPaths, engine: Engine, data_key: bytes | KeyCell, keyfile: KeyFile
    ) -> None:
        self.paths = paths
        self.engine = engine
        self._key = data_key if isinstance(data_key, KeyCell) else KeyCell(data_key)
        self.keyfile = keyfile
        with Session(engine) as session:
            meta = {m.key: m.value for m in session.scalars(select(Meta))}
        if meta.get("store_id") not in (None, keyfile.store_id):
            raise KeyFileMismatch(
                msg(
                    "The key file {keyfile} belongs to another store than the database {db} "
                    "(its store id differs): put back keys.json.bak or restore a backup. "
                    "Nothing was changed.",
                    keyfile=paths.keyfile.name,
                    db=paths.database.name,
                )
            )
        self.clinic_id = uuid.UUID(meta["clinic_id"])
        # This laptop's identity lives beside the database, not in it (see desktop.store.device).
        self.device_id = ensure_device_id(paths, legacy=lambda: _legacy_device_id(meta))
        # The node names this opening of the store: random, so the GUI and a command run at
        # the same time never issue identical stamps, and nothing of the device id leaks into
        # every stamp. 16 hex characters keep a stamp within 40.
        self.clock = HybridLogicalClock(secrets.token_hex(8))
        self._seed_clock(engine, meta.get(outbox.HLC_HIGH_WATER))
        self._sessions: sessionmaker[Session] = sessionmaker(
            engine.execution_options(**{WRITES: True}), expire_on_commit=False
        )
        self._read_sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        outbox.install(self._sessions)
        outbox.install(self._read_sessions)
        install_collector(self._sessions)
        install_collector(self._read_sessions)
        self.actor: Actor | None = None
        # The signed-in account's X25519 private key and, for an administrator, the clinic
        # authority (desktop.store.account_grants): they sign account changes made here.
        self.account_private: bytes | None = None
        self.authority: Ed25519PrivateKey | None = None

    def _seed_clock(self, engine: Engine, high_water: str | None) -> None:
        """Never issue a stamp below the highest this store has issued or seen.

        The high-water mark is kept in store_meta (so the outbox may be pruned once HQ acked
        it); a store from before it was kept falls back to the newest outbox entry.
        """
        candidates = [high_water] if high_water else []
        with Session(engine) as session:
            last = session.scalar(select(OutboxEntry.hlc).order_by(OutboxEntry.seq.desc()).limit(1))
        if last:
            candidates.append(last)
        for stamp in candidates:
            try:
                self.clock.seed(Stamp.decode(stamp))
            except ValueError:
                log.warning("an unreadable clock stamp in the store was ignored")

    # --- sessions ----------------------------------------------------------------------------

    def session(self, actor: Actor | None = None) -> Session:
        """A new session; its changes are attributed to `actor` (default: who unlocked)."""
        who = actor or self.actor
        return self._sessions(
            info={
                "clock": self.clock,
                "user_id": who.user_id if who else None,
                "device_id": self.device_id,
            }
        )

    def read_session(self) -> Session:
        """A session for reading only (search, lists): it does not take the write lock."""
        return self._read_sessions(
            info={"clock": self.clock, "user_id": None, "device_id": self.device_id}
        )

    def close(self) -> None:
        self.engine.dispose()

    # --- keys --------------------------------------------------------------------------------

    @property
    def data_key(self) -> bytes:
        """The raw database key: for writing backups with the same key, nothing else."""
        return self._key.value

    @property
    def _data_key(self) -> bytes:
        return self._key.value

    def take_new_key(self, data_key: bytes, keyfile: KeyFile) -> None:
        """After the database was re-keyed (desktop.store.rekey): new connections open with
        `data_key`, and the connections opened with the old one are closed."""
        self._key.value = data_key
        self.keyfile = keyfile
        self.engine.dispose()

    def set_password(self, username: str, password: str) -> None:
        """Seal the data key for `username`; the database is not re-encrypted."""
        check_password(password, username=username)
        self.keyfile.set_password(username, password, self._data_key, keys.DEFAULT_ARGON2)
        self.keyfile.save(self.paths.keyfile)

    def remove_password(self, username: str) -> None:
        self.keyfile.users.pop(username, None)
        self.keyfile.save(self.paths.keyfile)

    def new_recovery_key(self) -> str:
        raw = keys.new_recovery_key()
        self.keyfile.set_recovery(raw, self._data_key)
        self.keyfile.save(self.paths.keyfile)
        return keys.format_recovery_key(raw)

    def copy_to(self, target: Path, *, step: Callable[[], bool] | None = None) -> None:
        """A consistent, encrypted (same key) copy of the database at `target`.

        `step`, when given, is called every few thousand SQLite steps while the copy runs (a
        large clinic's copy is one statement of tens of seconds); returning True stops it,
        and the half-made copy is removed."""
        target.unlink(missing_ok=True)
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            if step is not None:
                raw.set_progress_handler(lambda: 1 if step() else 0, _COPY_STEPS)
            try:
                # VACUUM INTO writes a compacted snapshot encrypted with the same key.
                raw.execute("VACUUM INTO ?", (str(target),))
            except sqlcipher3.dbapi2.OperationalError as exc:
                target.unlink(missing_ok=True)
                if "full" in str(exc).lower():
                    raise DiskFull(
                        f"The disk holding {target.parent} is full; the copy was not made. "
                        "Nothing in the clinic's data was changed."
                    ) from exc
                raise
            finally:
                if step is not None:
                    raw.set_progress_handler(None, 0)
        target.chmod(0o600)


# --- opening -----------------------------------------------------------------------------


def _legacy_device_id(meta: dict[str, str]) -> uuid.UUID | None:
    """The device id a store from before schema 0003 kept inside the database."""
    try:
        return uuid.UUID(meta[LEGACY_DEVICE_KEY])
    except (KeyError, ValueError):
        return None


def _take_over_legacy_device_id(paths: DataPaths, engine: Engine) -> None:
    """Before schema 0003 removes it from store_meta, move the device id into the device
    file (once: on the first opening by this release, on the laptop that made it)."""
    if read_device_id(paths) is not None:
        return
    with engine.connect() as conn:
        found = conn.execute(
            text("SELECT value FROM store_meta WHERE key = :key"), {"key": LEGACY_DEVICE_KEY}
        ).scalar()
    ensure_device_id(paths, legacy=lambda: _legacy_device_id({LEGACY_DEVICE_KEY: found or ""}))


def _open_engine(paths: DataPaths, key: KeyCell) -> Engine:
    engine = make_engine(paths.database, lambda: key.value)
    try:
        _take_over_legacy_device_id(paths, engine)
        schema.upgrade(engine, before_upgrade=lambda rev: _safety_copy(paths, engine, rev))
    except BaseException:
        engine.dispose()
        raise
    return engine


def _safety_copy(paths: DataPaths, engine: Engine, revision: str | None) -> None:
    """Before an upgrade: an encrypted copy of the database as it was.

    Each copy gets a file of its own, never one already there: the name's stamp is to the
    second, and two upgrades from the same revision can come within one (a backup restored,
    upgraded, then restored again). `VACUUM INTO` an existing file fails (under another key,
    with "file is not a database", which is no damage of the store), and the earlier copy
    must not be the one removed."""
    if revision is None:
        return  # a brand-new, empty database: nothing to protect
    paths.backups.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = _new_empty_file(paths.backups, f"before-upgrade-from-{revision}-{stamp}", ".db")
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        try:
            # An empty file is a valid target; it was made owner-only before anything is in it.
            raw.execute("VACUUM INTO ?", (str(target),))
        except sqlcipher3.dbapi2.Error as exc:
            target.unlink(missing_ok=True)  # ours: made just now, empty or half-written
            # A full disk or a damaged page: the upgrade does not start, and says why.
            raise (translate_raw_error(engine, exc, paths.database) or exc) from exc
    target.chmod(0o600)
    log.info("copied the database to %s before upgrading from schema %s", target.name, revision)


def _new_empty_file(folder: Path, stem: str, suffix: str) -> Path:
    """A file made now, empty and owner-only, named `stem` + `suffix` or, when that is taken,
    `stem`-2 + `suffix`, `stem`-3 + `suffix`…: an existing file is never reused."""
    for n in range(1, 10_000):
        candidate = folder / f"{stem}{suffix}" if n == 1 else folder / f"{stem}-{n}{suffix}"
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
    raise StoreError(f"Too many copies named {stem}… in {folder}; move some elsewhere.")


def _load_keyfile(paths: DataPaths) -> KeyFile:
    # A restore cut short by a crash is finished from its journal before anything opens the
    # files it was swapping (otherwise database and key file may not match).
    recover_interrupted_restore(paths)
    if not paths.database.exists():
        if paths.keyfile.exists():
            raise StoreMissing(
                f"The database {paths.database} is missing, but its key file is there. "
                "Put outpost.db back, or restore the most recent backup (`outpost restore`)."
            )
        raise StoreMissing(
            f"There is no Outpost store in {paths.root}. Run `outpost init` to create one, "
            "or pass --data-dir to open another folder."
        )
    check_file_shape(paths.database)
    try:
        return KeyFile.load(paths.keyfile)
    except FileNotFoundError:
        raise StoreCorrupt(
            f"The key file {paths.keyfile} is missing, so the database cannot be opened. "
            "Copy keys.json (or keys.json.bak) back from a backup; do not delete the database."
        ) from None


def _actor_for(engine: Engine, username: str) -> Actor:
    from desktop.store import account_grants

    with Session(engine) as session:
        user = session.scalar(select(User).where(User.username == username))
        # The rights this laptop accepted for the account, not what a sync last wrote on
        # its record (desktop.store.account_grants).
        effective = (
            account_grants.effective_role(session, user, user.clinic_id, username)
            if user is not None
            else None
        )
    if user is None or effective is None or not effective[1]:
        if user is not None and effective is None:
            raise PermissionDenied(
                msg(
                    "The latest change to the account {username} came from another laptop "
                    "and waits for an administrator's approval: sign in with another account "
                    "or ask an administrator.",
                    username=username,
                )
            )
        raise PermissionDenied(
            msg(
                "The account {username} is disabled. Ask an administrator to re-enable it.",
                username=username,
            )
        )
    return Actor(user.id, user.username, user.display_name, Role(effective[0]), user.clinic_id)


def _load_pending(paths: DataPaths) -> KeyFile | None:
    path = pending_keyfile(paths)
    try:
        return KeyFile.load(path)
    except FileNotFoundError:
        return None
    except StoreCorrupt:
        # Written atomically before the database is touched: a damaged one opens nothing.
        log.warning("ignored a damaged %s", path.name)
        return None


def key_opens(database: Path, data_key: bytes) -> bool:
    """True when `data_key` decrypts the database's first page (nothing is written)."""
    try:
        with keyed_connection(database, data_key) as conn:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.dbapi2.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            return False
        translated = translate_db_error(exc, database)
        if translated is not None:
            raise translated from exc
        raise


def _open_checked(
    paths: DataPaths,
    keyfile: KeyFile,
    data_key: bytes,
    pending: KeyFile | None,
    pending_key: Callable[[], bytes | None],
    who: str,
) -> tuple[KeyFile, KeyCell, Engine]:
    """The engine on the database, opened with the key file's data key, or with the pending
    one's when a re-key was cut short after the database took its new key (the pending file
    then becomes keys.json). KeyFileMismatch when neither opens it."""
    if key_opens(paths.database, data_key):
        chosen = keyfile
    else:
        new_key = pending_key() if pending is not None else None
        if new_key is None or not key_opens(paths.database, new_key):
            if pending is not None and new_key is None:
                raise PermissionDenied(
                    msg(
                        "The clinic's keys were changed, and {who} no longer opens the "
                        "store: an administrator must set a new password for it.",
                        who=who,
                    )
                )
            raise KeyFileMismatch(
                msg(
                    "The database {db} cannot be read with the key file {keyfile}: the key "
                    "file belongs to another store, or the database's first page is damaged. "
                    "Put back keys.json.bak or restore a backup; nothing was changed.",
                    keyfile=paths.keyfile.name,
                    db=paths.database.name,
                )
            )
        assert pending is not None
        chosen, data_key = pending, new_key
    cell = KeyCell(data_key)
    return chosen, cell, _open_engine(paths, cell)


def _settle_keyfile(paths: DataPaths, keyfile: KeyFile, pending: KeyFile | None) -> None:
    """After the store opened: finish an interrupted re-key (the pending key file opened the
    database), or save a slot upgraded from format 1."""
    if pending is not None and keyfile is pending:
        keyfile.save(paths.keyfile)
        pending_keyfile(paths).unlink(missing_ok=True)
        fsync_dir(paths.root)
        log.info("finished an interrupted re-key: the pending key file is now keys.json")
        keyfile.upgraded = False
        return
    if pending is not None and _same_bytes(pending_keyfile(paths), paths.keyfile):
        # A re-key killed after it rewrote keys.json, before it removed the pending file.
        pending_keyfile(paths).unlink(missing_ok=True)
    if keyfile.upgraded:
        try:
            keyfile.save(paths.keyfile)
            keyfile.upgraded = False
        except (OSError, OutpostError):
            # Still format 1 on disk: tried again at the next opening.
            log.warning("could not save the key file's upgraded slot; it stays as it was")


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def unlock(
    paths: DataPaths, username: str, password: str, *, throttle: LoginThrottle | None = None
) -> Store:
    keyfile = _load_keyfile(paths)
    pending = _load_pending(paths)
    throttle = throttle or LoginThrottle(paths.throttle)
    with throttle.attempt(username):
        derived = keyfile.derive_for(username, password)
        data_key = keyfile.open_user(username, derived)
    account_private = keyfile.account_private(username, derived)

    def pending_key() -> bytes | None:
        assert pending is not None
        try:
            if pending.salt_of(username) == keyfile.salt_of(username):
                return pending.open_user(username, derived)
            return pending.unlock_with_password(username, password)
        except (WrongPassword, StoreCorrupt):
            return None

    chosen, cell, engine = _open_checked(paths, keyfile, data_key, pending, pending_key, username)
    try:
        actor = _actor_for(engine, username)
        store = Store(paths, engine, cell, chosen)
    except BaseException:
        engine.dispose()
        raise
    store.actor = actor
    store.account_private = account_private
    _settle_keyfile(paths, chosen, pending)
    return store


def unlock_with_recovery(paths: DataPaths, recovery_text: str) -> Store:
    """Open the store with the printed recovery key (to set a forgotten password)."""
    keyfile = _load_keyfile(paths)
    pending = _load_pending(paths)
    try:
        raw = keys.parse_recovery_key(recovery_text)
    except ValueError as exc:
        raise WrongPassword(f"That is not a recovery key: {exc}.") from None
    data_key = keyfile.unlock_with_recovery(raw)

    def pending_key() -> bytes | None:
        assert pending is not None
        try:
            return pending.unlock_with_recovery(raw)
        except (WrongPassword, StoreCorrupt):
            return None

    chosen, cell, engine = _open_checked(
        paths, keyfile, data_key, pending, pending_key, "the recovery key"
    )
    try:
        store = Store(paths, engine, cell, chosen)
    except BaseException:
        engine.dispose()
        raise
    _settle_keyfile(paths, chosen, pending)
    return store


def open_with_key(paths: DataPaths, data_key: bytes, keyfile: KeyFile) -> Store:
    """A Store on `paths` opened with a data key already unwrapped (a staged restore): its
    engine follows the Store's key, so `desktop.store.rekey.rekey` works on it."""
    cell = KeyCell(data_key)
    engine = _open_engine(paths, cell)
    try:
        return Store(paths, engine, cell, keyfile)
    except BaseException:
        engine.dispose()
        raise


def _building(paths: DataPaths) -> Path:
    return paths.database.with_name(".creating-" + paths.database.name)


def _build(paths: DataPaths, keyfile: KeyFile, data_key: bytes, clinic_id: uuid.UUID) -> None:
    """The new store's database under a temporary name (`_put_in_place` moves it), so a crash
    during set-up never leaves a half-made store that looks real."""
    paths.ensure()
    if paths.database.exists():
        raise StoreAlreadyExists(
            f"{paths.root} already holds an Outpost store; it was left untouched. "
            "Choose another --data-dir to create a new one."
        )
    building = _building(paths)
    if paths.keyfile.exists() and not building.exists():
        # Its database may only be missing for now (moved, on a stick): a new store here
        # would replace the only keys that open it. (With the half-built database beside it,
        # an earlier `init` was interrupted and the key file opens nothing yet.)
        raise StoreAlreadyExists(
            f"{paths.root} holds the key file of an Outpost store whose database is missing. "
            "Put the database (outpost.db) back or restore a backup; to start afresh, choose "
            "another --data-dir."
        )

    # Build the database under a temporary name and move it into place last, so a crash
    # during set-up never leaves a half-made store that looks real.
    for leftover in building.parent.glob(building.name + "*"):
        leftover.unlink()
    engine = make_engine(building, data_key, pool_size=1)
    try:
        schema.upgrade(engine, before_upgrade=lambda _rev: None)
        with Session(engine) as session, session.begin():
            session.add_all(
                [
                    Meta(key="store_id", value=keyfile.store_id),
                    Meta(key="clinic_id", value=str(clinic_id)),
                    Meta(key="created_at", value=dt.datetime.now(dt.UTC).isoformat()),
                ]
            )
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except (OperationalError, sqlite3.OperationalError) as exc:
        engine.dispose()
        translated = translate_db_error(exc, building)
        if translated is not None:
            raise translated from exc
        raise StoreError(f"Could not create the database in {paths.root}: {exc}") from exc
    finally:
        engine.dispose()


def _put_in_place(paths: DataPaths, keyfile: KeyFile) -> None:
    """The built database becomes the store (its key file saved beside it first)."""
    building = _building(paths)
    # The sign-in record first: beside a key file, a missing one counts as deleted (throttle.py).
    LoginThrottle(paths.throttle).ensure()
    keyfile.save(paths.keyfile)
    # A new store on a laptop that had one before keeps the laptop's identity.
    ensure_device_id(paths)
    for suffix in ("-wal", "-shm"):
        Path(str(building) + suffix).unlink(missing_ok=True)
    shutil.move(building, paths.database)
    # SQLite gives the -wal and -shm files the database file's mode: owner only for all.
    paths.database.chmod(0o600)
    fsync_dir(paths.root)


def create_for_clinic(paths: DataPaths, clinic_id: uuid.UUID) -> tuple[Store, str]:
    """An empty store of a clinic that exists elsewhere (a laptop set up from HQ): its own
    data key and recovery key, no account yet (the records that bring them come by sync, and
    `desktop.store.account_keys` gives their users slots). Returns it opened (no one signed
    in) and the recovery key text."""
    data_key = keys.new_data_key()
    recovery = keys.new_recovery_key()
    keyfile = KeyFile(store_id=str(new_id()))
    keyfile.set_recovery(recovery, data_key)
    _build(paths, keyfile, data_key, clinic_id)
    _put_in_place(paths, keyfile)
    return open_with_key(paths, data_key, keyfile), keys.format_recovery_key(recovery)


def create(
    paths: DataPaths,
    *,
    clinic_name: str,
    admin_username: str,
    admin_display_name: str,
    password: str,
    country: str = "KE",
    timezone: str = "Africa/Nairobi",
) -> tuple[Store, str]:
    """Create a new store; returns it (unlocked as the admin) and the recovery key text."""
    validate_new_clinic(clinic_name, admin_username, country, timezone)
    check_password(password, username=admin_username)
    data_key = keys.new_data_key()
    recovery = keys.new_recovery_key()
    keyfile = KeyFile(store_id=str(new_id()))
    keyfile.set_password(admin_username, password, data_key, keys.DEFAULT_ARGON2)
    keyfile.set_recovery(recovery, data_key)
    clinic_id = new_id()
    _build(paths, keyfile, data_key, clinic_id)
    _put_in_place(paths, keyfile)

    cell = KeyCell(data_key)
    store = Store(paths, _open_engine(paths, cell), cell, keyfile)
    display_name = admin_display_name.strip() or admin_username
    store.actor = Actor(new_id(), admin_username, display_name, Role.ADMIN, clinic_id)
    with store.session() as session, session.begin():
        session.add(
            Clinic(
                id=clinic_id,
                clinic_id=clinic_id,
                name=clinic_name.strip(),
                country=country.upper(),
                timezone=timezone,
            )
        )
        admin = User(
            id=store.actor.user_id,
            clinic_id=clinic_id,
            username=admin_username,
            display_name=display_name,
            role=Role.ADMIN,
        )
        session.add(admin)
        session.flush()
        # The clinic's authority is born with its first administrator, who holds it; the
        # account gets its key for every laptop at once (desktop.store.account_grants).
        from desktop.store.account_grants import found_authority
        from desktop.store.account_keys import set_account_password

        found_authority(session, store)
        set_account_password(session, store, admin, password)
    return store, keys.format_recovery_key(recovery)
