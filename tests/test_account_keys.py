"""Accounts on several laptops: two real stores of one clinic, each with its own data key,
exchange their outboxes through `core.remote.apply` (no network), and the accounts follow:
created, password changed, disabled (desktop.store.account_keys)."""

from __future__ import annotations

import base64
import json
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.app import session as app_session
from desktop.app.remote import RemoteChange
from desktop.core import ClinicCore
from desktop.errors import PermissionDenied, StoreError, WrongPassword
from desktop.paths import DataPaths
from desktop.store import account_grants, account_keys, keys
from desktop.store import store as store_module
from desktop.store.account_keys import (
    AccountKey,
    mirror_accounts,
    new_laptop_keys,
    save_new_laptop_keys,
    user_records,
)
from desktop.store.engine import keyed_connection
from desktop.store.keyfile import KeyFile, Slot
from desktop.store.models import AuditEvent, Meta, OutboxEntry, Role, User
from desktop.store.store import key_opens
from tests.conftest import CLINIC, PASSWORD

T = TypeVar("T")
CLERK_FIRST = "clerk first password"
CLERK_SECOND = "clerk second password"
CLERK_THIRD = "clerk third password"


def write(core: ClinicCore, work: Callable[[Session], T]) -> T:
    return core.tx.write(work).value


def mark_sent(core: ClinicCore) -> None:
    def work(session: Session) -> None:
        session.execute(
            update(OutboxEntry)
            .where(OutboxEntry.sent_batch.is_(None))
            .values(sent_batch=uuid.uuid4())
        )

    write(core, work)


def forget_grants(session: Session) -> None:
    """As a store from before account grants: no authority pinned, no account trusted."""
    session.execute(delete(Meta).where(Meta.key.startswith("accounts.")))


def sync(source: ClinicCore, target: ClinicCore) -> account_keys.MirrorResult:
    """What the sync engine does: the source's unsent changes are applied on the target, and
    the target's key file mirrors the accounts."""
    changes = source.remote.pending_outbox()
    mark_sent(source)
    report = target.remote.apply(changes).value
    assert not report.refused and not report.parked
    return mirror_accounts(target.store)


@pytest.fixture(scope="module")
def clinic_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Laptop A's store, made once (`outpost init`: its administrator has an account key)."""
    paths = DataPaths(Path(tmp_path_factory.mktemp("clinic")) / "a")
    app_session.create_store(
        paths,
        clinic_name=CLINIC,
        admin_username="admin",
        admin_display_name="Amina Odhiambo",
        password=PASSWORD,
    )
    return paths.root


def set_up_from_hq(a: ClinicCore, root: Path) -> DataPaths:
    """Laptop B as `init --from-server` makes it: A's records (here a copy of A's database,
    as if pulled), B's own data key and store id, and a key file from the users records."""
    records = user_records(a.remote.pending_outbox())
    paths = DataPaths(root)
    paths.ensure()
    a.store.copy_to(paths.database)
    data_key, store_id = keys.new_data_key(), str(uuid.uuid4())
    with keyed_connection(paths.database, a.store.data_key) as conn:
        conn.execute("UPDATE store_meta SET value = ? WHERE key = 'store_id'", (store_id,))
        # Pulled records arrive as HQ's, not as changes waiting to go.
        conn.execute("UPDATE outbox SET sent_batch = ?", (uuid.uuid4().hex,))
        conn.execute(f"PRAGMA rekey = \"x'{data_key.hex()}'\"")
    made = new_laptop_keys(
        records,
        clinic_id=a.store.clinic_id,
        username="admin",
        password=PASSWORD,
        store_id=store_id,
        data_key=data_key,
    )
    assert "admin" in made.added and made.recovery_key
    save_new_laptop_keys(paths, made)
    return paths


@pytest.fixture
def laptops(clinic_folder: Path, tmp_path: Path) -> Iterator[tuple[ClinicCore, ClinicCore]]:
    shutil.copytree(clinic_folder, tmp_path / "a")
    a = app_session.sign_in(DataPaths(tmp_path / "a"), "admin", PASSWORD)
    b_paths = set_up_from_hq(a, tmp_path / "b")
    b = app_session.sign_in(b_paths, "admin", PASSWORD)
    assert a.store.data_key != b.store.data_key
    assert a.store.keyfile.store_id != b.store.keyfile.store_id
    yield a, b
    a.close()
    b.close()


def sign_in_closes(paths: DataPaths, username: str, password: str) -> None:
    app_session.sign_in(paths, username, password).close()


def add_clerk(core: ClinicCore, password: str = CLERK_FIRST) -> None:
    core.admin.add_user(
        username="clerk", display_name="Baraka Clerk", role=Role.COORDINATOR, password=password
    )


# --- the accounts follow ---------------------------------------------------------------------


def test_an_account_created_on_one_laptop_signs_in_on_the_other_after_a_sync(
    laptops: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = laptops
    add_clerk(a)
    result = sync(a, b)
    assert result.added == ("clerk",) and not result.removed and not result.rekeyed
    sign_in_closes(b.paths, "clerk", CLERK_FIRST)
    with pytest.raises(WrongPassword):
        sign_in_closes(b.paths, "clerk", "not the clerk's password")
    # Nothing changed: nothing written.
    before = b.paths.keyfile.read_bytes()
    assert not mirror_accounts(b.store).changed
    assert b.paths.keyfile.read_bytes() == before


def test_a_password_changed_on_one_laptop_is_the_one_the_other_takes(
    laptops: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = laptops
    add_clerk(a)
    sync(a, b)
    a.admin.change_password("clerk", CLERK_SECOND)
    result = sync(a, b)
    assert result.updated == ("clerk",) and not result.added
    sign_in_closes(b.paths, "clerk", CLERK_SECOND)
    with pytest.raises(WrongPassword):
        sign_in_closes(b.paths, "clerk", CLERK_FIRST)
    # And the other way: the clerk changes their own password on B.
    clerk_b = app_session.sign_in(b.paths, "clerk", CLERK_SECOND)
    try:
        clerk_b.admin.change_password("clerk", CLERK_THIRD, old_password=CLERK_SECOND)
        sync(clerk_b, a)
    finally:
        clerk_b.close()
    sign_in_closes(a.paths, "clerk", CLERK_THIRD)
    with pytest.raises(WrongPassword):
        sign_in_closes(a.paths, "clerk", CLERK_SECOND)


def test_an_account_disabled_on_one_laptop_loses_its_entry_and_old_key_files_on_the_other(
    laptops: tuple[ClinicCore, ClinicCore], tmp_path: Path
) -> None:
    a, b = laptops
    add_clerk(a)
    sync(a, b)
    stolen = tmp_path / "stolen-keys.json"
    shutil.copy(b.paths.keyfile, stolen)
    old_key = KeyFile.load(stolen).unlock_with_password("clerk", CLERK_FIRST)
    assert key_opens(b.paths.database, old_key)

    a.admin.set_user_active("clerk", False)
    result = sync(a, b)
    assert result.removed == ("clerk",) and result.rekeyed and result.rekey_pending is None
    assert "clerk" not in KeyFile.load(b.paths.keyfile).users
    assert not key_opens(b.paths.database, old_key)  # the old copy opens nothing now
    with pytest.raises(WrongPassword):
        sign_in_closes(b.paths, "clerk", CLERK_FIRST)
    sign_in_closes(b.paths, "admin", PASSWORD)  # everyone else keeps working
    assert not mirror_accounts(b.store).changed

    # Enabled again (with a new password, so a new key pair): back on B.
    a.admin.set_user_active("clerk", True, password=CLERK_SECOND)
    assert sync(a, b).added == ("clerk",)
    sign_in_closes(b.paths, "clerk", CLERK_SECOND)


def test_a_removed_key_is_never_sealed_to_again_even_when_a_record_offers_it(
    laptops: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = laptops
    add_clerk(a)
    sync(a, b)
    a.admin.set_user_active("clerk", False)
    sync(a, b)

    def enable_without_a_new_key(session: Session) -> None:
        user = session.scalar(select(User).where(User.username == "clerk"))
        assert user is not None
        user.active = True

    write(b, enable_without_a_new_key)
    result = mirror_accounts(b.store)
    assert not result.added
    assert "clerk" not in b.store.keyfile.users


def test_a_re_key_that_cannot_run_now_removes_the_entry_and_runs_at_the_next_mirror(
    laptops: tuple[ClinicCore, ClinicCore], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import rekey as rekey_module

    a, b = laptops
    add_clerk(a)
    sync(a, b)
    old_key = b.store.data_key
    a.admin.set_user_active("clerk", False)

    def refused(*_args: Any, **_kwargs: Any) -> Any:
        raise StoreError("The clinic's records are open in another Outpost window.")

    with monkeypatch.context() as patched:
        patched.setattr(rekey_module, "rekey", refused)
        result = sync(a, b)
    assert result.removed == ("clerk",) and not result.rekeyed
    assert result.rekey_pending and "another Outpost window" in result.rekey_pending
    on_disk = KeyFile.load(b.paths.keyfile)
    assert "clerk" not in on_disk.users and on_disk.rekey_due
    with pytest.raises(WrongPassword):
        sign_in_closes(b.paths, "clerk", CLERK_FIRST)
    later = mirror_accounts(b.store)
    assert later.rekeyed and not later.removed
    assert not KeyFile.load(b.paths.keyfile).rekey_due
    assert not key_opens(b.paths.database, old_key)
    sign_in_closes(b.paths, "admin", PASSWORD)


# --- what travels ------------------------------------------------------------------------------


def _forms(secret: bytes) -> list[bytes]:
    return [secret, secret.hex().encode(), base64.b64encode(secret), base64.b64encode(secret)[:20]]


def test_the_records_never_hold_a_password_or_a_data_key(
    laptops: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = laptops
    add_clerk(a)
    a.admin.change_password("clerk", CLERK_SECOND)
    outbox = json.dumps(
        [dict(c.patch) for c in a.remote.pending_outbox()], ensure_ascii=False
    ).encode()
    assert b"key_wrapped" in outbox and b"key_public" in outbox
    with a.store.read_session() as session:
        rows = json.dumps(
            [[u.key_public, u.key_wrapped] for u in session.scalars(select(User))]
        ).encode()
    for blob in (outbox, rows):
        for password in (PASSWORD, CLERK_FIRST, CLERK_SECOND):
            assert password.encode() not in blob
        for data_key in (a.store.data_key, b.store.data_key):
            assert not any(form in blob for form in _forms(data_key))
    sync(a, b)
    for path in (a.paths.keyfile, b.paths.keyfile):
        text = path.read_bytes()
        assert CLERK_SECOND.encode() not in text
        assert not any(form in text for form in _forms(a.store.data_key))
        assert not any(form in text for form in _forms(b.store.data_key))
    # The audit trail names the fields, never their values.
    with a.store.read_session() as session:
        details = [
            e.detail
            for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "users"))
        ]
    assert {"fields": ["key_public", "key_wrapped"]} in details
    assert all(set(d) <= {"fields"} for d in details)


def test_a_malformed_account_key_from_elsewhere_is_refused(
    laptops: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = laptops
    with a.store.read_session() as session:
        admin = session.scalar(select(User).where(User.username == "admin"))
        assert admin is not None and admin.key_wrapped is not None
        good_public, good_wrapped = dict(admin.key_public or {}), dict(admin.key_wrapped)
    stamp = a.store.clock.now().encode()
    bad = [
        ({"alg": "x25519", "key": "AAAA"}, good_wrapped),
        (good_public, {**good_wrapped, "kdf": {"alg": "argon2id", "m": 8, "t": 1, "p": 1}}),
        (good_public, {**good_wrapped, "extra": "x"}),
        ("not a key", good_wrapped),
    ]
    changes = [
        RemoteChange(
            change_id=uuid.uuid4(),
            entity="users",
            entity_id=admin.id,
            clinic_id=a.store.clinic_id,
            op="update",
            patch={
                "key_public": {"v": public, "hlc": stamp},
                "key_wrapped": {"v": wrapped, "hlc": stamp},
            },
            hlc=stamp,
        )
        for public, wrapped in bad
    ]
    report = b.remote.apply(changes).value
    assert len(report.refused) == len(bad) and not report.applied
    # Two halves of different key pairs (two edits merged) are left alone by the mirror.
    other = account_keys.new_account_key(
        "another password", account_keys.account_for(a.store.clinic_id, admin.id)
    )
    with pytest.raises(ValueError, match="two key pairs"):
        AccountKey.from_record(good_public, other.wrapped_json())


# --- stores from before, and a new laptop --------------------------------------------------------


def test_an_account_without_a_key_gets_one_at_sign_in_and_it_syncs(
    laptops: tuple[ClinicCore, ClinicCore], tmp_path: Path
) -> None:
    a, b = laptops

    def forget_key(session: Session) -> None:
        session.info["applying_remote"] = True  # as a store from before schema 0005 is
        user = session.scalar(select(User).where(User.username == "admin"))
        assert user is not None
        user.key_public = user.key_wrapped = user.account_grant = None
        forget_grants(session)

    mark_sent(a)  # B has A's records already
    write(a, forget_key)
    write(b, forget_grants)
    a.store.keyfile.set_password("admin", PASSWORD, a.store.data_key, keys.DEFAULT_ARGON2)
    a.store.keyfile.save(a.paths.keyfile)
    a.close()
    signed_in = app_session.sign_in(a.paths, "admin", PASSWORD)
    try:
        slot = KeyFile.load(a.paths.keyfile).users["admin"]
        assert isinstance(slot, Slot) and slot.account is not None
        with signed_in.store.read_session() as session:
            user = session.scalar(select(User).where(User.username == "admin"))
            assert user is not None and user.key_public is not None
        pending = [c for c in signed_in.remote.pending_outbox() if c.entity == "users"]
        assert pending and {"key_public", "key_wrapped"} <= set(pending[-1].patch)
        result = sync(signed_in, b)
        assert result.updated == ("admin",)
        sign_in_closes(b.paths, "admin", PASSWORD)
        # The next sign-in writes nothing more.
        mark_sent(signed_in)
    finally:
        signed_in.close()
    sign_in_closes(a.paths, "admin", PASSWORD)
    again = app_session.sign_in(a.paths, "admin", PASSWORD)
    try:
        assert not again.remote.pending_outbox()
    finally:
        again.close()


def test_a_new_laptop_refuses_a_wrong_password_and_a_name_without_an_account(
    laptops: tuple[ClinicCore, ClinicCore],
) -> None:
    a, _b = laptops
    add_clerk(a)
    records = user_records(a.remote.pending_outbox())

    def make(username: str, password: str) -> account_keys.NewLaptopKeys:
        return new_laptop_keys(
            records,
            clinic_id=a.store.clinic_id,
            username=username,
            password=password,
            store_id=str(uuid.uuid4()),
            data_key=keys.new_data_key(),
        )

    with pytest.raises(WrongPassword):
        make("clerk", "not the clerk's password")
    with pytest.raises(WrongPassword):
        make("nobody", CLERK_FIRST)
    made = make("clerk", CLERK_FIRST)
    assert made.added == ("admin", "clerk")
    assert made.keyfile.unlock_with_password("admin", PASSWORD)  # sealed without its password
    # A disabled account cannot set a laptop up, and gets no entry.
    disabled = [{**r, "active": False} if r["username"] == "clerk" else r for r in records]
    with pytest.raises(WrongPassword):
        new_laptop_keys(
            disabled,
            clinic_id=a.store.clinic_id,
            username="clerk",
            password=CLERK_FIRST,
            store_id=str(uuid.uuid4()),
            data_key=keys.new_data_key(),
        )
    # An account not signed in since the update: told so.
    keyless = [
        {**r, "key_public": None, "key_wrapped": None} if r["username"] == "clerk" else r
        for r in records
    ]
    with pytest.raises(PermissionDenied, match="has not signed in"):
        new_laptop_keys(
            keyless,
            clinic_id=a.store.clinic_id,
            username="clerk",
            password=CLERK_FIRST,
            store_id=str(uuid.uuid4()),
            data_key=keys.new_data_key(),
        )


def test_a_forgotten_password_set_with_the_recovery_key_reaches_the_other_laptop(
    clinic_folder: Path, tmp_path: Path
) -> None:
    shutil.copytree(clinic_folder, tmp_path / "a")
    paths_a = DataPaths(tmp_path / "a")
    a = app_session.sign_in(paths_a, "admin", PASSWORD)
    add_clerk(a)
    b = app_session.sign_in(set_up_from_hq(a, tmp_path / "b"), "admin", PASSWORD)
    try:
        mark_sent(a)  # B was set up with them
        assert "clerk" in b.store.keyfile.users
        # B's own recovery key (printed when B was set up) resets the clerk's password there.
        recovery = b.store.new_recovery_key()
        b.close()
        app_session.recover_password(b.paths, recovery, "clerk", CLERK_SECOND)
        b = app_session.sign_in(b.paths, "admin", PASSWORD)
        sync(b, a)
        sign_in_closes(paths_a, "clerk", CLERK_SECOND)
        with pytest.raises(WrongPassword):
            sign_in_closes(paths_a, "clerk", CLERK_FIRST)
    finally:
        a.close()
        b.close()


def test_a_new_clinics_administrator_has_an_account_key_and_the_clinics_authority(
    tmp_path: Path,
) -> None:
    paths = DataPaths(tmp_path / "c")
    store, _ = store_module.create(
        paths,
        clinic_name=CLINIC,
        admin_username="admin",
        admin_display_name="Amina",
        password=PASSWORD,
    )
    try:
        with store.read_session() as session:
            authority = account_grants.pinned_authority(session)
            admin = session.scalar(select(User).where(User.username == "admin"))
            assert admin is not None and authority is not None
            state = account_grants.AccountState.of(admin)
            assert account_grants.verify(admin.account_grant, state, authority, store.clinic_id)
            assert admin.account_grant.get("sealed") is not None  # the administrator holds it
    finally:
        store.close()
    slot = KeyFile.load(paths.keyfile).users["admin"]
    assert isinstance(slot, Slot) and slot.account is not None
    signed_in = app_session.sign_in(paths, "admin", PASSWORD)
    try:
        assert signed_in.store.authority is not None
        assert account_grants.public_bytes(signed_in.store.authority) == authority
    finally:
        signed_in.close()


# --- the key file's account entries ------------------------------------------------------------


def test_an_account_entry_and_the_withheld_keys_survive_the_key_file_and_a_re_seal() -> None:
    clinic, user = uuid.uuid4(), uuid.uuid4()
    account = account_keys.account_for(clinic, user)
    key = account_keys.new_account_key(CLERK_FIRST, account)
    data_key = keys.new_data_key()
    keyfile = KeyFile(str(uuid.uuid4()))
    account_keys._put(keyfile, "clerk", account, key, data_key)
    keyfile.withheld.add(b"\x07" * 32)
    read = KeyFile.from_json(json.loads(keyfile.to_bytes()))
    assert read == keyfile and read.to_bytes() == keyfile.to_bytes()
    assert read.unlock_with_password("clerk", CLERK_FIRST) == data_key
    with pytest.raises(WrongPassword):
        read.unlock_with_password("clerk", CLERK_SECOND)
    # The same wrapped key under another store's entry opens that store's own data key.
    other_key = keys.new_data_key()
    other = KeyFile(str(uuid.uuid4()))
    account_keys._put(other, "clerk", account, key, other_key)
    assert other.unlock_with_password("clerk", CLERK_FIRST) == other_key
    # A re-seal keeps the account entry and the withheld keys, and withholds a removed one.
    new_key = keys.new_data_key()
    kept = read.resealed(new_key, keep={"clerk"}).keyfile
    assert kept.unlock_with_password("clerk", CLERK_FIRST) == new_key
    assert kept.withheld == {b"\x07" * 32}
    dropped = read.resealed(new_key, keep=set()).keyfile
    assert "clerk" not in dropped.users and key.public in dropped.withheld
    # Damage is a damaged file, not a crash.
    raw = json.loads(keyfile.to_bytes())
    for broken in (
        {**raw, "withheld": "x"},
        {**raw, "withheld": ["not base64!"]},
        {**raw, "rekey_due": "yes"},
        {**raw, "users": {"clerk": {**raw["users"]["clerk"], "account": {"user_id": "x"}}}},
    ):
        with pytest.raises(ValueError):
            KeyFile.from_json(broken)
