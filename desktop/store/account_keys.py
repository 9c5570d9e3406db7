"""Accounts on several laptops: one key pair per account for the whole clinic.

Each account has ONE X25519 key pair. Its synced `users` record carries the public key
(`key_public`) and the private key wrapped (AES-256-GCM) under the key Argon2id derives from
the password, with the salt, the derivation's settings and a password check value beside it
(`key_wrapped`). The wrapping's associated data binds the clinic and the user's id, never a
store, so the same record is valid on every laptop. Each laptop keeps its own data key DK; its
key-file entry for the account is that portable wrapped private key plus DK sealed to the
account's public key for this store (desktop.store.keyfile, account slots). Sealing needs no
secret, so:

- any unlocked laptop gives an account it learns of by sync an entry (`mirror_accounts`);
- signing in stays one Argon2id (password → private key → DK);
- a password (set, changed, reset, recovered) makes a NEW key pair, wrapped under the new
  password, on the record and in this laptop's entry (`set_account_password`); the other
  laptops mirror the new record. (A new pair, not the old one re-wrapped: the old wrapped key
  stays in HQ's log and in old backups, and with a new pair the old password opens no entry
  once the laptops have mirrored the change.)
- a disabled or deleted account: every laptop that learns of it removes its entry and
  re-keys its store (desktop.store.rekey), so an old copy of its keys.json opens nothing; the
  removed public key is withheld (never sealed to again on that laptop);
- revoking a laptop at HQ needs nothing on the others: each has its own DK.

HQ sees only public keys and private keys wrapped under Argon2id, never a password nor any
laptop's DK. (Like a stolen keys.json, a record lets someone guess passwords offline, at
Argon2id's cost per guess.)

Stores from before schema 0005 have records without key material: the account gets it at its
next sign-in (`after_sign_in`, the password is known then), and that change syncs. Recovery
keys stay per store (each laptop prints its own sheet).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import OutpostError, WrongPassword
from desktop.messages import msg
from desktop.paths import DataPaths
from desktop.store import keys, slots
from desktop.store.keyfile import Account, KeyFile, Slot
from desktop.store.models import User
from desktop.store.store import Store, key_opens

log = logging.getLogger(__name__)

RECORD_VERSION = 1
_ALG = "x25519"
_MAX_TEXT = 200  # base64 of any part of the material is far shorter

# One key-file change at a time in this process (the sync thread's mirror and a password set
# in the window may meet): it holds no data, it only orders the key-file writes.
_MIRROR_LOCK = threading.Lock()


def _wrong_password() -> WrongPassword:
    # The sign-in's own words: an unknown name and a wrong password look alike.
    return WrongPassword(msg("Wrong user name or password. Check the spelling and try again."))


# --- the material on the record -------------------------------------------------------------


@dataclass(frozen=True)
class AccountKey:
    """An account's key pair as its `users` record carries it (nothing secret in clear)."""

    public: bytes
    salt: bytes
    kdf: keys.Argon2Params
    check: bytes
    nonce: bytes
    wrapped: bytes

    def __repr__(self) -> str:  # never the material itself, not even in a traceback
        return f"AccountKey({self.fingerprint})"

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.public).hexdigest()[:16]

    def public_json(self) -> dict[str, Any]:
        return {"alg": _ALG, "key": keys.b64e(self.public)}

    def wrapped_json(self) -> dict[str, Any]:
        return {
            "v": RECORD_VERSION,
            "kdf": self.kdf.to_json(),
            "salt": keys.b64e(self.salt),
            "check": keys.b64e(self.check),
            "nonce": keys.b64e(self.nonce),
            "wrapped": keys.b64e(self.wrapped),
            "public": keys.b64e(self.public),
        }

    @classmethod
    def from_record(cls, key_public: Any, key_wrapped: Any) -> AccountKey | None:
        """The material of a record; None when it has none; ValueError (a short reason) when
        it is malformed or its two halves are not of one key pair (two edits merged)."""
        if key_public is None and key_wrapped is None:
            return None
        if not isinstance(key_public, Mapping) or not isinstance(key_wrapped, Mapping):
            raise ValueError("the account's key is only half there")
        problem = public_problem(key_public) or wrapped_problem(key_wrapped)
        if problem:
            raise ValueError(problem)
        public = keys.b64d(key_public["key"])
        if keys.b64d(key_wrapped["public"]) != public:
            raise ValueError("the account's public and wrapped keys are of two key pairs")
        return cls(
            public,
            keys.b64d(key_wrapped["salt"]),
            keys.Argon2Params.from_json(key_wrapped["kdf"]),
            keys.b64d(key_wrapped["check"]),
            keys.b64d(key_wrapped["nonce"]),
            keys.b64d(key_wrapped["wrapped"]),
        )

    def matches(self, slot: Any, account: Account) -> bool:
        """True when `slot` is this key's entry for `account`."""
        return (
            isinstance(slot, Slot)
            and slot.account == account
            and slot.public == self.public
            and slot.salt == self.salt
            and slot.kdf == self.kdf
            and slot.check == self.check
            and slot.private_nonce == self.nonce
            and slot.private_wrapped == self.wrapped
        )


def _b64_problem(raw: Mapping[str, Any], key: str, sizes: range) -> str | None:
    text = raw.get(key)
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        return f"the account's key: “{key}” is missing or not text"
    try:
        value = keys.b64d(text)
    except (ValueError, UnicodeEncodeError):
        return f"the account's key: “{key}” is not base64"
    if len(value) not in sizes:
        return f"the account's key: “{key}” has the wrong length"
    return None


_KEY32 = range(32, 33)
_SALT = range(8, 65)
_NONCE = range(keys.NONCE_BYTES, keys.NONCE_BYTES + 1)
_WRAPPED32 = range(48, 49)


def public_problem(value: Any) -> str | None:
    """What is wrong with a record's `key_public` (the users spec's check), or None."""
    if not isinstance(value, Mapping) or set(value) != {"alg", "key"}:
        return "the account's public key is not one"
    if value.get("alg") != _ALG:
        return "the account's public key is of a kind Outpost does not know"
    return _b64_problem(value, "key", _KEY32)


def wrapped_problem(value: Any) -> str | None:
    """What is wrong with a record's `key_wrapped` (the users spec's check), or None."""
    expected = {"v", "kdf", "salt", "check", "nonce", "wrapped", "public"}
    if not isinstance(value, Mapping) or set(value) != expected:
        return "the account's wrapped key is not one"
    version = value.get("v")
    if type(version) is not int or version != RECORD_VERSION:
        return "the account's wrapped key is of a version Outpost does not know"
    try:
        keys.Argon2Params.from_json(value.get("kdf"))
    except ValueError as exc:
        return f"the account's wrapped key: {exc}"
    for key, sizes in (
        ("salt", _SALT),
        ("check", _KEY32),
        ("nonce", _NONCE),
        ("wrapped", _WRAPPED32),
        ("public", _KEY32),
    ):
        problem = _b64_problem(value, key, sizes)
        if problem:
            return problem
    return None


def account_for(clinic_id: uuid.UUID | str, user_id: uuid.UUID | str) -> Account:
    return Account(str(uuid.UUID(str(clinic_id))), str(uuid.UUID(str(user_id))))


def new_account_key(
    password: str, account: Account, params: keys.Argon2Params = keys.DEFAULT_ARGON2
) -> AccountKey:
    """A new key pair for `account`, its private half wrapped under `password` (one Argon2id).
    The private key is not kept."""
    salt = os.urandom(keys.SALT_BYTES)
    derived = keys.derive_password_key(password, salt, params)
    private, public = slots.new_key_pair()
    nonce, wrapped = keys.wrap(derived, private, account.private_aad())
    return AccountKey(public, salt, params, slots.check_value(derived), nonce, wrapped)


def open_account_key(key: AccountKey, password: str, account: Account) -> bytes:
    """The account's private key (one Argon2id); WrongPassword when `password` is not its."""
    derived = keys.derive_password_key(password, key.salt, key.kdf)
    if not slots.check_matches(derived, key.check):
        raise _wrong_password()
    try:
        private = keys.unwrap(derived, key.nonce, key.wrapped, account.private_aad())
    except keys.UnwrapFailed:
        raise _wrong_password() from None
    if len(private) != 32 or slots.public_of(private) != key.public:
        raise _wrong_password()
    return private


def _put(keyfile: KeyFile, username: str, account: Account, key: AccountKey, dk: bytes) -> None:
    keyfile.put_account_slot(
        username,
        account,
        salt=key.salt,
        kdf=key.kdf,
        check=key.check,
        private_nonce=key.nonce,
        private_wrapped=key.wrapped,
        public=key.public,
        data_key=dk,
    )


# --- this store's key file -------------------------------------------------------------------


def _fresh_keyfile(store: Store) -> KeyFile:
    """The key file to change: the one on disk when another window of this laptop changed it
    since this one read it (and the data key in use still opens the database, so the file's
    entries are of this key), else the one in memory."""
    mine = store.keyfile
    try:
        disk = KeyFile.load(store.paths.keyfile)
    except (OSError, OutpostError):
        return mine
    if disk.store_id != mine.store_id or disk.to_bytes() == mine.to_bytes():
        return mine
    try:
        if key_opens(store.paths.database, store.data_key):
            return disk
    except OutpostError:
        pass
    return mine


def set_account_password(session: Session, store: Store, user: User, password: str) -> None:
    """Inside the caller's transaction: a new key pair for `user`, wrapped under `password`,
    on the record (it syncs) and in this store's key file, written last (a key file that cannot
    be written rolls the record back with it). The caller checks the password's rules."""
    account = account_for(store.clinic_id, user.id)
    key = new_account_key(password, account)
    user.key_public = key.public_json()
    user.key_wrapped = key.wrapped_json()
    session.flush()
    with _MIRROR_LOCK:
        keyfile = _fresh_keyfile(store)
        _put(keyfile, user.username, account, key, store.data_key)
        keyfile.save(store.paths.keyfile)
        store.keyfile = keyfile


# --- mirroring the records into this store's key file ---------------------------------------


@dataclass(frozen=True)
class MirrorResult:
    """What `mirror_accounts` did (user names)."""

    added: tuple[str, ...] = ()  # accounts that got an entry here
    updated: tuple[str, ...] = ()  # entries renewed (a password set on another laptop)
    removed: tuple[str, ...] = ()  # entries of disabled or deleted accounts, removed
    rekeyed: bool = False  # this store took a fresh data key
    # Why the re-key could not run now (another window has the store open, damage): the
    # entries are removed all the same, and the re-key is tried at every mirror until done.
    rekey_pending: str | None = None
    recovery_key: str | None = None  # a new recovery key's text (show it once), when issued
    dropped: tuple[str, ...] = ()  # format-1 entries the re-key could not renew
    skipped: tuple[str, ...] = ()  # active accounts whose record's key is malformed

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rekeyed)


@dataclass(frozen=True)
class _Row:
    id: uuid.UUID
    username: str
    live: bool
    key_public: Any
    key_wrapped: Any


def _rows(store: Store) -> list[_Row]:
    with store.read_session() as session:
        found = session.execute(
            select(
                User.id,
                User.username,
                User.active,
                User.deleted,
                User.key_public,
                User.key_wrapped,
            )
        ).all()
    return [_Row(r[0], r[1], bool(r[2]) and not r[3], r[4], r[5]) for r in found]


def _key_of(row: _Row | Mapping[str, Any]) -> AccountKey | None:
    """The record's key, None when it has none or a malformed one (logged, never shown)."""
    public = row.key_public if isinstance(row, _Row) else row.get("key_public")
    wrapped = row.key_wrapped if isinstance(row, _Row) else row.get("key_wrapped")
    try:
        return AccountKey.from_record(public, wrapped)
    except (ValueError, KeyError, TypeError):
        log.warning("an account's record holds a malformed key; its entry is left as it is")
        return None


def mirror_accounts(store: Store) -> MirrorResult:
    """Bring this store's key file in line with the `users` records: an entry (this store's
    data key sealed to the account's public key) for every active account whose record has a
    key, renewed when the record's key changed; the entries of disabled or deleted accounts
    removed, and then the store re-keyed (desktop.store.rekey), so an old copy of keys.json no
    longer opens the database. Idempotent; reads the users table and writes nothing when all
    is in line.

    Call it on an unlocked store, outside any transaction (after a remote apply that touched
    `users` has committed; `after_sign_in` calls it too). The re-key needs the database alone:
    sessions of this process must be closed; when another process (or thread) holds it, the
    entries are removed anyway and the re-key is retried at the next call (`rekey_pending`).
    Raises only when keys.json cannot be written."""
    from desktop.store.rekey import rekey

    with _MIRROR_LOCK:
        rows = _rows(store)
        keyfile = _fresh_keyfile(store)
        store.keyfile = keyfile
        live = {row.username: row for row in rows if row.live}
        off = {row.username for row in rows if not row.live} - set(live)
        gone = tuple(sorted(name for name in keyfile.users if name in off))
        rekeyed, pending, recovery = False, None, None
        dropped: tuple[str, ...] = ()
        if gone or keyfile.rekey_due:
            key_before = store.data_key
            try:
                result = rekey(store, remove_users=gone)
            except Exception as exc:  # refused or failed: nothing changed in the database
                if store.data_key != key_before:
                    # The database took the new key; only keys.json could not be written:
                    # keys.json.pending opens the store (desktop.store.rekey). Nothing to add.
                    raise
                pending = str(exc) or type(exc).__name__
                log.warning("could not re-key after an account was disabled (%s)", pending)
                for name in gone:
                    slot = keyfile.users.pop(name)
                    if isinstance(slot, Slot) and slot.account is not None:
                        keyfile.withheld.add(slot.public)
                keyfile.rekey_due = True
                keyfile.save(store.paths.keyfile)
                store.keyfile = keyfile
            else:
                rekeyed, recovery, dropped = True, result.recovery_key, result.dropped_users
                log.info("re-keyed this store after %d account(s) were disabled", len(gone))
        keyfile = store.keyfile
        added: list[str] = []
        updated: list[str] = []
        skipped: list[str] = []
        for name, row in sorted(live.items()):
            if row.key_public is None and row.key_wrapped is None:
                continue  # not signed in since schema 0005: its entry (if any) stays
            key = _key_of(row)
            if key is None:
                skipped.append(name)
                continue
            if key.public in keyfile.withheld:
                continue  # removed here by a re-key: never sealed to again
            account = account_for(store.clinic_id, row.id)
            current = keyfile.users.get(name)
            if key.matches(current, account):
                continue
            _put(keyfile, name, account, key, store.data_key)
            (updated if current is not None else added).append(name)
        if added or updated:
            keyfile.save(store.paths.keyfile)
            store.keyfile = keyfile
        return MirrorResult(
            tuple(added),
            tuple(updated),
            gone,
            rekeyed,
            pending,
            recovery,
            tuple(dropped),
            tuple(skipped),
        )


def ensure_account_key(store: Store, username: str, password: str) -> bool:
    """Give `username`'s record a key from the password just proven (at sign-in) when it has
    none, or one that cannot be used here (malformed, or withheld by this store); returns True
    when it wrote one (a change that syncs). One more Argon2id, once per account."""
    with store.read_session() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None or user.deleted or not user.active:
            return False
        public, wrapped = user.key_public, user.key_wrapped
    if public is not None or wrapped is not None:
        key = _key_of(_Row(user.id, username, True, public, wrapped))
        if key is not None and key.public not in store.keyfile.withheld:
            return False
    with store.session() as session, session.begin():
        found = session.scalar(select(User).where(User.username == username))
        if found is None:
            return False
        set_account_password(session, store, found, password)
    log.info("an account was given its key for every laptop of the clinic")
    return True


def after_sign_in(store: Store, username: str, password: str) -> MirrorResult | None:
    """At sign-in: the account's record gets its key if it lacks one, and the key file is
    mirrored (a safety net for a sync that could not). Never stops a sign-in: a failure is
    logged (by its type only) and the sign-in goes on; None then."""
    try:
        ensure_account_key(store, username, password)
    except Exception as exc:  # a damaged (read-only) store, a full disk: tried at next sign-in
        log.warning("could not give an account its key at sign-in (%s)", type(exc).__name__)
    try:
        return mirror_accounts(store)
    except Exception as exc:
        log.warning("could not mirror the accounts at sign-in (%s)", type(exc).__name__)
        return None


# --- a laptop set up from HQ ------------------------------------------------------------------


@dataclass(frozen=True)
class NewLaptopKeys:
    """The key file of a store set up from HQ (not yet written), and what it holds."""

    keyfile: KeyFile  # an entry per active account with a key, and a recovery entry
    recovery_key: str = ""  # this laptop's own recovery key's text: print it once
    user_id: uuid.UUID | None = None  # the account that signed in
    added: tuple[str, ...] = ()  # every account given an entry (the signing-in one included)
    without_key: tuple[str, ...] = ()  # active accounts not yet signed in since schema 0005

    def __repr__(self) -> str:
        return f"NewLaptopKeys(added={self.added!r}, without_key={self.without_key!r})"


def new_laptop_keys(
    users: Iterable[Mapping[str, Any]],
    *,
    clinic_id: uuid.UUID | str,
    username: str,
    password: str,
    store_id: str,
    data_key: bytes,
) -> NewLaptopKeys:
    """The key file for a new laptop of a clinic HQ knows, from the clinic's `users` records.

    `users`: the records as plain dicts with at least "id", "username", and, when present,
    "active", "deleted", "clinic_id", "key_public", "key_wrapped" (wire JSON values, as
    `user_records` folds them from pulled changes; records of another clinic are ignored).
    `username`/`password`: the person setting the laptop up; their password must open their
    record's key (one Argon2id): WrongPassword otherwise, with the sign-in's words, and the
    same for a name that is no active account (after the same work). PermissionDenied when the
    account exists but its record has no key yet (not signed in since the update).
    `store_id`/`data_key`: the new store's. Every other active account with a key gets an
    entry by sealing (no password needed), and a fresh recovery key is made for this laptop.
    Nothing is written: save `result.keyfile` (KeyFile.save(paths.keyfile)) before the store
    is opened; then call `mirror_accounts` once the pull is applied (accounts that arrived
    after these records)."""
    from desktop.errors import PermissionDenied

    clinic = str(uuid.UUID(str(clinic_id)))
    live: dict[str, Mapping[str, Any]] = {}
    for record in users:
        if str(record.get("clinic_id", clinic)) != clinic:
            continue
        if record.get("active", True) is not True or record.get("deleted", False) is not False:
            continue
        name = record.get("username")
        if isinstance(name, str) and name:
            live[name] = record
    mine = live.get(username)
    key = _key_of(mine) if mine is not None else None
    if mine is None or key is None:
        keys.derive_dummy(password)
        if mine is not None and mine.get("key_public") is None:
            raise PermissionDenied(
                msg(
                    "{username} has not signed in since the clinic's laptops were updated, so "
                    "HQ holds no key for the account yet: sign in once on one of those "
                    "laptops and sync it, then try again.",
                    username=username,
                )
            )
        raise _wrong_password()
    user_id = uuid.UUID(str(mine["id"]))
    open_account_key(key, password, account_for(clinic, user_id))
    keyfile = KeyFile(store_id)
    added: list[str] = []
    without: list[str] = []
    for name, record in sorted(live.items()):
        other = key if name == username else _key_of(record)
        if other is None:
            without.append(name)
            continue
        _put(keyfile, name, account_for(clinic, str(record["id"])), other, data_key)
        added.append(name)
    raw = keys.new_recovery_key()
    keyfile.set_recovery(raw, data_key)
    return NewLaptopKeys(
        keyfile, keys.format_recovery_key(raw), user_id, tuple(added), tuple(without)
    )


def save_new_laptop_keys(paths: DataPaths, new: NewLaptopKeys) -> None:
    """Write the key file `new_laptop_keys` made into a store set up from HQ (its database
    already under `new`'s data key, its store_meta "store_id" the key file's): the sign-in
    record first, as `store.create` does (beside a key file, a missing one counts as deleted,
    and the first sign-in would wait the longest), then keys.json and keys.json.bak."""
    from desktop.store.throttle import LoginThrottle

    paths.ensure()
    LoginThrottle(paths.throttle).ensure()
    new.keyfile.save(paths.keyfile)


class ChangeLike(Protocol):
    """What `user_records` reads of a pulled change (desktop.app.remote.RemoteChange)."""

    @property
    def entity(self) -> str: ...
    @property
    def entity_id(self) -> uuid.UUID: ...
    @property
    def clinic_id(self) -> uuid.UUID: ...
    @property
    def patch(self) -> Mapping[str, Mapping[str, Any]]: ...
    @property
    def hlc(self) -> str: ...


def user_records(changes: Iterable[ChangeLike]) -> list[dict[str, Any]]:
    """The `users` records the changes make, field by field, the latest stamp winning (as the
    remote apply merges them): the input of `new_laptop_keys` before any store exists."""
    records: dict[uuid.UUID, dict[str, Any]] = {}
    stamps: dict[uuid.UUID, dict[str, str]] = {}
    for change in changes:
        if change.entity != "users" or not isinstance(change.patch, Mapping):
            continue
        record = records.setdefault(
            change.entity_id, {"id": str(change.entity_id), "clinic_id": str(change.clinic_id)}
        )
        seen = stamps.setdefault(change.entity_id, {})
        for key, entry in change.patch.items():
            if key in ("id", "clinic_id") or not isinstance(entry, Mapping) or "v" not in entry:
                continue
            stamp = str(entry.get("hlc", change.hlc))
            if stamp >= seen.get(key, ""):
                seen[key] = stamp
                record[key] = entry["v"]
    return list(records.values())
