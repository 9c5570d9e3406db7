"""Setting up a new or replacement laptop for a clinic that HQ knows (`outpost init
--from-server URL --code CODE`).

The laptop enrols with the one-time code, builds an empty store of the clinic (its own data
key) in a staging folder inside the data folder, pulls the clinic's whole log into it, and then
gives the clinic's accounts their key-file entries: the person setting it up proves their
password against their own account's key (which came with the records), every other active
account gets an entry by sealing this laptop's data key to its public key
(desktop.store.account_keys). Only then are the files moved into place, so a cut link or a
wrong password never leaves a half-made store that looks real; HQ keeps everything, and the
person asks HQ for a new code and runs it again.
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
from desktop.errors import StoreAlreadyExists, SyncFailed
from desktop.messages import msg
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
    """Set this laptop up for the clinic the code names; returns it signed in as `username`,
    this laptop's own recovery key (print it once), and what the first sync brought."""
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
    shutil.rmtree(staging.root, ignore_errors=True)  # an earlier set-up that did not finish
    factory = client_factory or _default_client
    client = factory(base, None, ca_file)
    try:
        hello = _call(client.hello)
        answer = _call(
            lambda: client.enrol(
                EnrolRequest(
                    code=code.strip(),
                    device_name=(device_name or _host())[:200],
                    mode="new_laptop",
                )
            )
        )
    finally:
        client.close()
    try:
        store, _ = store_module.create_for_clinic(staging, answer.clinic_id)
        try:
            report = _first_pull(store, base, ca_file, answer, hello.log_id, progress, factory)
            users = _users(store)
            with LoginThrottle(paths.throttle).attempt(username):
                new = account_keys.new_laptop_keys(
                    users,
                    clinic_id=answer.clinic_id,
                    username=username,
                    password=password,
                    store_id=store.keyfile.store_id,
                    data_key=store.data_key,
                )
            account_keys.pin_new_laptop(store, new)
        finally:
            store.close()
        account_keys.save_new_laptop_keys(staging, new)
        _move_into_place(staging, paths)
    except BaseException:
        shutil.rmtree(staging.root, ignore_errors=True)
        raise
    shutil.rmtree(staging.root, ignore_errors=True)
    core = sign_in(paths, username, password)
    return core, new.recovery_key, report


def _first_pull(
    store: store_module.Store,
    base: str,
    ca_file: str | None,
    answer: Any,
    log_id: uuid.UUID,
    progress: Callable[[SyncProgress], None] | None,
    factory: ClientFactory,
) -> SyncReport:
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

    core.tx.write(save)
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
