"""The clinic's encrypted store: creating it, unlocking it, and handing out sessions.

`Store` is what an unlocked clinic looks like to the rest of the program: an engine on the
SQLCipher file, a session factory whose sessions write the outbox and audit trail, the
hybrid logical clock, and the signed-in `Actor`. It is built in one place (the composition
root: the CLI's command runner or the GUI's application object) and passed in.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.atomic import fsync_dir
from desktop.clinic_rules import validate_new_clinic
from desktop.errors import (
    DiskFull,
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
from desktop.store.engine import WRITES, check_file_shape, make_engine, translate_db_error
from desktop.store.keyfile import KeyFile
from desktop.store.models import Clinic, Meta, OutboxEntry, Role, User
from desktop.store.restore_journal import recover_interrupted_restore
from desktop.store.throttle import LoginThrottle

log = logging.getLogger(__name__)

LEGACY_DEVICE_KEY = "device_id"  # in store_meta before schema 0003


_COPY_STEPS = 2000  # SQLite calls a copy's `step` after this many virtual machine steps


class Store:
    def __init__(self, paths: DataPaths, engine: Engine, data_key: bytes, keyfile: KeyFile) -> None:
        self.paths = paths
        self.engine = engine
        self._data_key = data_key
        self.keyfile = keyfile
        with Session(engine) as session:
            meta = {m.key: m.value for m in session.scalars(select(Meta))}
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
        return self._data_key

    def set_password(self, username: str, password: str) -> None:
        """Re-wrap the data key for `username`; the database is not re-encrypted."""
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


def _open_engine(paths: DataPaths, data_key: bytes) -> Engine:
    engine = make_engine(paths.database, data_key)
    try:
        _take_over_legacy_device_id(paths, engine)
        schema.upgrade(engine, before_upgrade=lambda rev: _safety_copy(paths, engine, rev))
    except BaseException:
        engine.dispose()
        raise
    return engine


def _safety_copy(paths: DataPaths, engine: Engine, revision: str | None) -> None:
    """Before an upgrade: an encrypted copy of the database as it was."""
    if revision is None:
        return  # a brand-new, empty database: nothing to protect
    paths.backups.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = paths.backups / f"before-upgrade-from-{revision}-{stamp}.db"
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("VACUUM INTO ?", (str(target),))
    target.chmod(0o600)
    log.info("copied the database to %s before upgrading from schema %s", target.name, revision)


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
    with Session(engine) as session:
        user = session.scalar(select(User).where(User.username == username))
    if user is None or user.deleted or not user.active:
        raise PermissionDenied(
            msg(
                "The account {username} is disabled. Ask an administrator to re-enable it.",
                username=username,
            )
        )
    return Actor(user.id, user.username, user.display_name, user.role, user.clinic_id)


def unlock(
    paths: DataPaths, username: str, password: str, *, throttle: LoginThrottle | None = None
) -> Store:
    keyfile = _load_keyfile(paths)
    throttle = throttle or LoginThrottle(paths.throttle)
    with throttle.attempt(username):
        data_key = keyfile.unlock_with_password(username, password)
    engine = _open_engine(paths, data_key)
    try:
        actor = _actor_for(engine, username)
        store = Store(paths, engine, data_key, keyfile)
    except BaseException:
        engine.dispose()
        raise
    store.actor = actor
    return store


def unlock_with_recovery(paths: DataPaths, recovery_text: str) -> Store:
    """Open the store with the printed recovery key (to set a forgotten password)."""
    keyfile = _load_keyfile(paths)
    try:
        raw = keys.parse_recovery_key(recovery_text)
    except ValueError as exc:
        raise WrongPassword(f"That is not a recovery key: {exc}.") from None
    data_key = keyfile.unlock_with_recovery(raw)
    return Store(paths, _open_engine(paths, data_key), data_key, keyfile)


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
    paths.ensure()
    if paths.database.exists():
        raise StoreAlreadyExists(
            f"{paths.root} already holds an Outpost store; it was left untouched. "
            "Choose another --data-dir to create a new one."
        )
    building = paths.database.with_name(".creating-" + paths.database.name)
    if paths.keyfile.exists() and not building.exists():
        # Its database may only be missing for now (moved, on a stick): a new store here
        # would replace the only keys that open it. (With the half-built database beside it,
        # an earlier `init` was interrupted and the key file opens nothing yet.)
        raise StoreAlreadyExists(
            f"{paths.root} holds the key file of an Outpost store whose database is missing. "
            "Put the database (outpost.db) back or restore a backup; to start afresh, choose "
            "another --data-dir."
        )
    data_key = keys.new_data_key()
    recovery = keys.new_recovery_key()
    keyfile = KeyFile(store_id=str(new_id()))
    keyfile.set_password(admin_username, password, data_key, keys.DEFAULT_ARGON2)
    keyfile.set_recovery(recovery, data_key)

    # Build the database under a temporary name and move it into place last, so a crash
    # during set-up never leaves a half-made store that looks real.
    for leftover in building.parent.glob(building.name + "*"):
        leftover.unlink()
    engine = make_engine(building, data_key, pool_size=1)
    try:
        schema.upgrade(engine, before_upgrade=lambda _rev: None)
        clinic_id = new_id()
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
    keyfile.save(paths.keyfile)
    # A new store on a laptop that had one before keeps the laptop's identity.
    ensure_device_id(paths)
    for suffix in ("-wal", "-shm"):
        Path(str(building) + suffix).unlink(missing_ok=True)
    shutil.move(building, paths.database)
    # SQLite gives the -wal and -shm files the database file's mode: owner only for all.
    paths.database.chmod(0o600)
    fsync_dir(paths.root)

    store = Store(paths, _open_engine(paths, data_key), data_key, keyfile)
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
        session.add(
            User(
                id=store.actor.user_id,
                clinic_id=clinic_id,
                username=admin_username,
                display_name=display_name,
                role=Role.ADMIN,
            )
        )
    return store, keys.format_recovery_key(recovery)
