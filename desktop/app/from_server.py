"""Setting up a new or replacement laptop for a clinic that HQ knows (`outpost init
--from-server URL --code CODE`, and the set-up wizard's "Join an existing clinic").

Three steps, each its own call, so that a mistyped password or a dropped link does not use up
a second one-time code (`PendingSetup`):

1. `enrol_for_setup`: the laptop enrols with the code. From here HQ has a device for this
   laptop (a real, revocable device of the clinic, in `outpost-hq devices list`) and the code
   is used up. The device's credential is kept only inside a new, empty store of the clinic
   in a staging folder of the data folder: a SQLCipher file under a fresh random data key that
   lives in this process's memory (on disk it is wrapped only under a random recovery key no
   one is ever shown), so nothing secret is in clear on disk, and a staging folder left by a
   process that died is unreadable and is removed by the next set-up.
2. `PendingSetup.receive`: the clinic's whole log is pulled into that store. A link that drops
   part-way leaves what came; calling it again continues from the checkpoint, same device.
3. `PendingSetup.finish(username, password)`: the person setting it up proves their password
   against their own account's key (which came with the records, verified as account signing
   requires: `account_keys.new_laptop_keys`, `pin_new_laptop`); every other active account
   gets an entry by sealing this laptop's data key to its public key. Only then are the files
   moved into place. A wrong password (or a name that is no account) changes nothing: the set-up
   stays pending and the person tries again, without a new code and without pulling again.

A pending set-up that is given up (`abandon`: the wizard closed, the command line out of
tries) removes its staging folder; the device stays at HQ as an active device that never
synced again, and HQ revokes it (`outpost-hq devices revoke ID`; the words say so, with its id).
`setup_from_server` runs the three steps at once and gives up on any failure.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
import zoneinfo
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.app.session import sign_in
from desktop.app.sync import ClientFactory, SyncApi, SyncProgress, SyncReport, _default_client
from desktop.atomic import fsync_dir
from desktop.core import ClinicCore
from desktop.errors import PermissionDenied, StoreAlreadyExists, SyncFailed, SyncRevoked
from desktop.messages import Message, msg
from desktop.paths import DataPaths
from desktop.permissions import Actor
from desktop.services import sync_state
from desktop.settings import load_settings
from desktop.store import account_keys
from desktop.store import store as store_module
from desktop.store.models import Clinic, Role, User
from desktop.store.outbox import to_wire
from desktop.store.throttle import LoginThrottle
from sync.client import errors as client_errors
from sync.client.urls import check_url
from sync.protocol import EnrolRequest

log = logging.getLogger(__name__)

STAGING = ".from-server"
_MOVED = ("outpost.db", "keys.json", "keys.json.bak", "login-attempts.json")


class PendingSetup:
    """A laptop enrolled at HQ for a clinic whose set-up is not finished: the staging store
    (open, its data key in memory only) holding the device's credential and what was pulled.
    One thread at a time (the GUI runs it on its long-work thread)."""

    def __init__(
        self,
        paths: DataPaths,
        staging: DataPaths,
        store: store_module.Store,
        answer: Any,
        *,
        base: str,
        ca_file: str | None,
        device_name: str,
        code: str,
        factory: ClientFactory,
    ) -> None:
        self.paths = paths
        self.staging = staging
        self.store: store_module.Store | None = store
        self.base = base
        self.ca_file = ca_file
        self.code = code  # to tell a retry with the same code from a new one
        self.device_id: uuid.UUID = answer.device_id
        self.device_name = device_name
        self.clinic_id: uuid.UUID = answer.clinic_id
        self.clinic_name: str = answer.clinic_name
        self.report: SyncReport | None = None  # set once the clinic's records are all here
        self._answer = answer
        self._factory = factory
        self._refresh = False  # pull again before the next try (an account key was missing)

    @property
    def open(self) -> bool:
        return self.store is not None

    @property
    def received(self) -> bool:
        return self.report is not None and not self._refresh

    def code_used_words(self) -> Message:
        """What to say when this set-up is given up: the code is gone, the device is at HQ."""
        return msg(
            "The enrolment code is now used up: HQ lists this laptop as device {name} ({id}), "
            "which never finished setting up. Ask HQ to revoke it (`outpost-hq devices revoke "
            "{id}`) and for a new code, then set this laptop up again.",
            name=self.device_name,
            id=self.device_id,
        )

    def receive(self, progress: Callable[[SyncProgress], None] | None = None) -> SyncReport:
        """Pull the clinic's records (again: what came already stays, the pull continues)."""
        store = self._live()
        try:
            report = _pull(store, self._answer, progress, self._factory)
        except SyncRevoked:
            self.abandon()  # HQ revoked this device meanwhile: no further try can finish it
            raise
        self.report, self._refresh = report, False
        return report

    def finish(self, username: str, password: str) -> tuple[ClinicCore, str, SyncReport]:
        """Give the accounts their key-file entries with `username`'s password, move the store
        into place and sign in; returns the signed-in core, this laptop's recovery key (print
        it once) and what the pull brought. WrongPassword / PermissionDenied / LoginThrottled
        leave the set-up pending (try again); any other failure gives it up."""
        store = self._live()
        if self.report is None or self._refresh:
            raise SyncFailed(msg("The clinic's records have not all come from HQ yet."))
        report = self.report
        users = _users(store)
        try:
            with LoginThrottle(self.paths.throttle).attempt(username):
                new = account_keys.new_laptop_keys(
                    users,
                    clinic_id=self.clinic_id,
                    username=username,
                    password=password,
                    store_id=store.keyfile.store_id,
                    data_key=store.data_key,
                )
        except PermissionDenied:
            # The account's key arrives once its owner signs in on another laptop and syncs:
            # the next try pulls what came meanwhile.
            self._refresh = True
            raise
        try:
            account_keys.pin_new_laptop(store, new)
            self.store = None
            store.close()
            account_keys.save_new_laptop_keys(self.staging, new)
            _move_into_place(self.staging, self.paths)
        except BaseException:
            self.abandon()
            raise
        shutil.rmtree(self.staging.root, ignore_errors=True)
        core = sign_in(self.paths, username, password)
        return core, new.recovery_key, report

    def abandon(self) -> None:
        """Give the set-up up: the staging store is closed and removed (the device stays at
        HQ until HQ revokes it). Harmless when already done."""
        store, self.store = self.store, None
        if store is not None:
            try:
                store.close()
            except Exception:
                log.warning("closing an unfinished set-up's store failed", exc_info=True)
        shutil.rmtree(self.staging.root, ignore_errors=True)

    def _live(self) -> store_module.Store:
        if self.store is None:
            raise SyncFailed(self.code_used_words())
        return self.store


def enrol_for_setup(
    paths: DataPaths,
    url: str,
    code: str,
    *,
    device_name: str | None = None,
    ca_file: str | None = None,
    client_factory: ClientFactory | None = None,
) -> PendingSetup:
    """Enrol this laptop with the one-time code and make the staging store that keeps its
    credential. A failure here leaves nothing (the code is still good unless HQ took it)."""
    if paths.database.exists() or paths.keyfile.exists():
        raise StoreAlreadyExists(
            msg(
                "{root} already holds an Outpost store; it was left untouched. Choose "
                "another --data-dir for the clinic from HQ.",
                root=paths.root,
            )
        )
    base = _checked(url)
    paths.ensure()
    staging = DataPaths(paths.root / STAGING)
    shutil.rmtree(staging.root, ignore_errors=True)  # a set-up whose process died: unreadable
    factory = client_factory or _default_client
    name = (device_name or _host())[:200]
    client = factory(base, None, ca_file)
    try:
        hello = _call(client.hello)
        answer = _call(
            lambda: client.enrol(
                EnrolRequest(code=code.strip(), device_name=name, mode="new_laptop")
            )
        )
    finally:
        client.close()
    try:
        store, _ = store_module.create_for_clinic(staging, answer.clinic_id)
        try:
            _save_link(store, answer, base, ca_file, hello.log_id)
        except BaseException:
            store.close()
            raise
    except BaseException:
        shutil.rmtree(staging.root, ignore_errors=True)
        raise
    return PendingSetup(
        paths,
        staging,
        store,
        answer,
        base=base,
        ca_file=ca_file,
        device_name=name,
        code=code.strip(),
        factory=factory,
    )


def setup_from_server(
    paths: DataPaths,
    url: str,
    code: str,
    username: str,
    password: str,
    *,
    device_name: str | None = None,
    ca_file: str | None = None,
    progress: Callable[[SyncProgress], None] | None = None,
    client_factory: ClientFactory | None = None,
) -> tuple[ClinicCore, str, SyncReport]:
    """Set this laptop up for the clinic the code names in one go (any failure gives the set-up
    up); returns it signed in as `username`, this laptop's own recovery key (print it once),
    and what the first sync brought."""
    pending = enrol_for_setup(
        paths, url, code, device_name=device_name, ca_file=ca_file, client_factory=client_factory
    )
    try:
        pending.receive(progress)
        return pending.finish(username, password)
    finally:
        pending.abandon()


def _staging_core(store: store_module.Store, answer: Any, factory: ClientFactory) -> ClinicCore:
    # Nobody is signed in yet: the pulled records are applied as sync applies them, under a
    # set-up actor that writes nothing of its own.
    store.actor = Actor(uuid.UUID(int=0), "hq-setup", "HQ set-up", Role.ADMIN, answer.clinic_id)
    core = ClinicCore(
        store,
        load_settings(store.paths.settings),
        answer.clinic_name,
        "KE",
        zoneinfo.ZoneInfo("UTC"),
    )
    core.sync = SyncApi(core, factory, judging=False)
    return core


def _save_link(
    store: store_module.Store, answer: Any, base: str, ca_file: str | None, log_id: uuid.UUID
) -> None:
    """The device's credential, inside the encrypted staging store only."""

    def save(session: Session) -> None:
        sync_state.put(
            session,
            {
                sync_state.SERVER_URL: base,
                sync_state.CA_FILE: ca_file,
                sync_state.DEVICE_ID: str(answer.device_id),
                sync_state.DEVICE_TOKEN: answer.device_token,
                sync_state.LOG_ID: str(answer.log_id or log_id),
                sync_state.CURSOR: "0",
                sync_state.HQ_CLINIC_NAME: answer.clinic_name,
            },
        )

    with store.session() as session, session.begin():
        save(session)


def _pull(
    store: store_module.Store,
    answer: Any,
    progress: Callable[[SyncProgress], None] | None,
    factory: ClientFactory,
) -> SyncReport:
    core = _staging_core(store, answer, factory)
    try:
        report = core.sync.sync_now(progress=progress)
        has_clinic = core.tx.read(
            lambda s: s.scalar(select(Clinic.id).where(Clinic.id == answer.clinic_id))
        )
        if has_clinic is None:
            raise SyncFailed(
                msg(
                    "HQ sent none of the clinic's own records for {name}; nothing was set up. "
                    "Tell HQ's support.",
                    name=answer.clinic_name,
                )
            )
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return report
    finally:
        core.integrity.close()


def _users(store: store_module.Store) -> list[dict[str, Any]]:
    with store.read_session() as session:
        rows = session.scalars(select(User)).all()
        columns = [c.key for c in User.__table__.columns]
        return [{key: to_wire(getattr(row, key, None)) for key in columns} for row in rows]


def _move_into_place(staging: DataPaths, paths: DataPaths) -> None:
    for suffix in ("-wal", "-shm"):
        leftover = staging.root / ("outpost.db" + suffix)
        if leftover.exists() and leftover.stat().st_size:
            raise SyncFailed(msg("The new store could not be closed cleanly; run it again."))
        leftover.unlink(missing_ok=True)
    if not paths.device.exists() and staging.device.exists():
        os.replace(staging.device, paths.device)
    # The database before the key file: a key file alone would look like a store whose
    # database is missing.
    for name in _MOVED:
        source = staging.root / name
        if source.exists():
            os.replace(source, paths.root / name)
    fsync_dir(paths.root)


def _call(work: Callable[[], Any]) -> Any:
    try:
        return work()
    except client_errors.SyncError as exc:
        raise SyncFailed(msg("{why} Nothing was set up on this laptop.", why=exc.message)) from exc


def _checked(url: str) -> str:
    try:
        return check_url(url)
    except client_errors.SyncError as exc:
        raise SyncFailed(exc.message) from exc


def _host() -> str:
    import socket

    return socket.gethostname() or "laptop"
