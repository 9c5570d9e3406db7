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
from sqlalchemy.orm import Session, undefer

from desktop.errors import OutpostError, WrongPassword
from desktop.messages import msg
from desktop.paths import DataPaths
from desktop.permissions import Actor
from desktop.store import account_grants, keys, slots
from desktop.store.keyfile import Account, KeyFile, Slot
from desktop.store.models import Role, User
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
    # The Ed25519 half's public key (desktop.store.account_grants); None on keys made before
    # grants, which then cannot sign their own next password change.
    sign: bytes | None = None

    def __repr__(self) -> str:  # never the material itself, not even in a traceback
        return f"AccountKey({self.fingerprint})"

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.public).hexdigest()[:16]

    def public_json(self) -> dict[str, Any]:
        found = {"alg": _ALG, "key": keys.b64e(self.public)}
        if self.sign is not None:
            found["sign"] = keys.b64e(self.sign)
        return found

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
            keys.b64d(key_public["sign"]) if "sign" in key_public else None,
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
    if not isinstance(value, Mapping) or set(value) not in ({"alg", "key"}, {"alg", "key", "sign"}):
        return "the account's public key is not one"
    if value.get("alg") != _ALG:
        return "the account's public key is of a kind Outpost does not know"
    if "sign" in value:
        problem = _b64_problem(value, "sign", _KEY32)
        if problem:
            return problem
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
    return _new_account_key(password, account, params)[0]


def _new_account_key(
    password: str, account: Account, params: keys.Argon2Params = keys.DEFAULT_ARGON2
) -> tuple[AccountKey, bytes]:
    salt = os.urandom(keys.SALT_BYTES)
    derived = keys.derive_password_key(password, salt, params)
    private, public = slots.new_key_pair()
    nonce, wrapped = keys.wrap(derived, private, account.private_aad())
    sign = account_grants.public_bytes(account_grants.signing_key(private))
    key = AccountKey(public, salt, params, slots.check_value(derived), nonce, wrapped, sign)
    return key, private


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
    key, private = _new_account_key(password, account)
    own = store.actor is not None and store.actor.user_id == user.id
    user.key_public = key.public_json()
    user.key_wrapped = key.wrapped_json()
    # Signed by the clinic's authority when an administrator is signed in here, else (their
    # own password change) by the account's old key.
    account_grants.sign_account(
        session, store, user, old_private=store.account_private if own else None
    )
    with _MIRROR_LOCK:
        keyfile = _fresh_keyfile(store)
        _put(keyfile, user.username, account, key, store.data_key)
        keyfile.save(store.paths.keyfile)
        store.keyfile = keyfile
    if own:
        store.account_private = private


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
    # Accounts whose record changed in a way this laptop does not accept (no administrator's
    # signature it can check): their entries stay as they were; listed as needing attention.
    refused: tuple[str, ...] = ()

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


def _rows(store: Store) -> tuple[list[_Row], tuple[str, ...]]:
    """The `users` records this laptop accepts (desktop.store.account_grants), and the names
    of those it does not: their entries stay as they are, each is listed as needing attention
    (once per state of it), and the states accepted are remembered, in one transaction."""
    accepted: list[_Row] = []
    refused: list[str] = []
    with store.session() as session, session.begin():
        authority = account_grants.pinned_authority(session)
        trusted = account_grants.trusted_states(session)
        legacy = authority is None and not trusted  # a store from before grants
        users = session.scalars(
            select(User).options(
                undefer(User.key_public), undefer(User.key_wrapped), undefer(User.account_grant)
            )
        ).all()
        newly: list[tuple[account_grants.AccountState, str]] = []
        for user in users:
            state = account_grants.AccountState.of(user)
            if not legacy and not account_grants.is_accepted(
                state,
                user.account_grant,
                authority=authority,
                trusted=trusted,
                clinic_id=store.clinic_id,
            ):
                refused.append(user.username)
                account_grants.note_unaccepted(session, store.clinic_id, user)
                continue
            if not legacy:
                known = trusted.get(str(user.id))
                if known is None or known.get("digest") != state.digest():
                    newly.append((state, account_grants.granted_at(user.account_grant)))
                    account_grants.resolve_attention(session, user.id, account_grants.SIGNED)
            accepted.append(
                _Row(user.id, user.username, state.live, user.key_public, user.key_wrapped)
            )
        if newly:
            account_grants.trust(session, newly)
    return accepted, tuple(sorted(refused))


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
        rows, refused = _rows(store)
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
            refused,
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


def take_authority(store: Store) -> None:
    """At sign-in (desktop.store.account_grants): a store from before grants pins the
    authority that signed the signed-in account's own record, or trusts the accounts it holds
    now and, for an administrator, makes the clinic's authority; then an administrator takes
    the authority for this sign-in (from their own record) and signs again the accounts this
    laptop accepts whose grant is missing, a chain of own password changes, or lacks the
    sealed authority an administrator needs. Those signatures are changes that sync."""
    actor = store.actor
    private = store.account_private
    if actor is None:
        return
    with store.session() as session, session.begin():
        users = session.scalars(
            select(User).options(
                undefer(User.key_public), undefer(User.key_wrapped), undefer(User.account_grant)
            )
        ).all()
        mine = next((u for u in users if u.id == actor.user_id), None)
        if mine is None:
            return
        clinic = store.clinic_id
        authority = account_grants.pinned_authority(session)
        trusted = account_grants.trusted_states(session)
        if authority is None:
            claimed = account_grants.grant_authority(mine.account_grant)
            own = account_grants.AccountState.of(mine)
            if claimed is not None and account_grants.verify(
                mine.account_grant, own, claimed, clinic
            ):
                account_grants.pin_authority(session, claimed)
                authority = claimed
            else:
                account_grants.trust(session, ())  # a store from before grants: as it is
                trusted = account_grants.trusted_states(session)
                if actor.role is Role.ADMIN:
                    account_grants.found_authority(session, store)
                    authority = account_grants.pinned_authority(session)
        if authority is None or actor.role is not Role.ADMIN or private is None:
            return
        if store.authority is None:
            # What opens with this account's private key and is the pinned authority's
            # private half is the authority, whatever the rest of the record says; the copy
            # last accepted here serves when a later record of this account is not accepted.
            for sealed in (
                mine.account_grant.get("sealed")
                if isinstance(mine.account_grant, Mapping)
                else None,
                trusted.get(str(mine.id), {}).get("sealed"),
            ):
                store.authority = account_grants.open_sealed(
                    sealed, private, clinic, mine.id, authority
                )
                if store.authority is not None:
                    break
        held = store.authority
        if held is None:
            return  # this administrator was not given the authority yet (recovered password)
        for user in users:
            state = account_grants.AccountState.of(user)
            grant = user.account_grant
            if not account_grants.is_accepted(
                state, grant, authority=authority, trusted=trusted, clinic_id=clinic
            ):
                continue  # waits for a person's approval (needs attention)
            if not _needs_signing(grant, state, authority, clinic):
                continue
            at = store.clock.now().encode()
            user.account_grant = account_grants.authority_grant(held, clinic, state, at)
            account_grants.trust(session, [(state, at)])


def _needs_signing(
    grant: Any, state: account_grants.AccountState, authority: bytes, clinic: uuid.UUID
) -> bool:
    if not account_grants.verify(grant, state, authority, clinic):
        return True
    if grant.get("chain"):
        return True
    wants_sealed = state.role == Role.ADMIN.value and state.live and state.key_public is not None
    return wants_sealed and grant.get("sealed") is None


def after_sign_in(store: Store, username: str, password: str) -> MirrorResult | None:
    """At sign-in: the account's record gets its key if it lacks one, and the key file is
    mirrored (a safety net for a sync that could not). Never stops a sign-in: a failure is
    logged (by its type only) and the sign-in goes on; None then."""
    # The authority first, so that a key given now is signed by it.
    try:
        take_authority(store)
    except Exception as exc:  # a damaged (read-only) store, a full disk: tried at next sign-in
        log.warning("could not sign the accounts at sign-in (%s)", type(exc).__name__)
    try:
        ensure_account_key(store, username, password)
    except Exception as exc:
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
    authority: bytes | None = None  # the clinic authority that signed the signing-in account
    # The accounts it signed, each with when it was signed last.
    trusted: tuple[tuple[account_grants.AccountState, str], ...] = ()
    refused: tuple[str, ...] = ()  # active accounts whose record it did not sign: no entry

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
    # The authority that signed this account's own record is the clinic's: the one key this
    # set-up can check is the one the password just opened (desktop.store.account_grants).
    clinic_uuid = uuid.UUID(clinic)
    own = _state_of(mine)
    authority = account_grants.grant_authority(mine.get("account_grant"))
    if authority is not None and not account_grants.verify(
        mine.get("account_grant"), own, authority, clinic_uuid
    ):
        authority = None
    keyfile = KeyFile(store_id)
    added: list[str] = []
    without: list[str] = []
    refused: list[str] = []
    trusted: list[tuple[account_grants.AccountState, str]] = [
        (own, account_grants.granted_at(mine.get("account_grant")))
    ]
    for name, record in sorted(live.items()):
        if name != username and authority is not None:
            state = _state_of(record)
            if not account_grants.verify(
                record.get("account_grant"), state, authority, clinic_uuid
            ):
                refused.append(name)
                continue
            trusted.append((state, account_grants.granted_at(record.get("account_grant"))))
        other = key if name == username else _key_of(record)
        if other is None:
            without.append(name)
            continue
        _put(keyfile, name, account_for(clinic, str(record["id"])), other, data_key)
        added.append(name)
    raw = keys.new_recovery_key()
    keyfile.set_recovery(raw, data_key)
    return NewLaptopKeys(
        keyfile,
        keys.format_recovery_key(raw),
        user_id,
        tuple(added),
        tuple(without),
        authority,
        tuple(trusted) if authority is not None else (),
        tuple(refused),
    )


def _state_of(record: Mapping[str, Any]) -> account_grants.AccountState:
    return account_grants.AccountState(
        uuid.UUID(str(record["id"])),
        str(record.get("username")),
        str(record.get("role")),
        record.get("active", True) is True,
        record.get("deleted", False) is True,
        record.get("key_public"),
        record.get("key_wrapped"),
        account_grants.newest_stamp(record.get("field_hlcs")),
    )


def pin_new_laptop(store: Store, new: NewLaptopKeys) -> None:
    """Pin, in the new laptop's store, the authority `new_laptop_keys` found and the accounts
    it accepted (a clinic whose accounts were never signed: nothing, as a store from before
    grants)."""
    if new.authority is None:
        return
    authority = new.authority
    with store.session() as session, session.begin():
        account_grants.pin_authority(session, authority)
        session.flush()  # pinned first: `trust` must not take this for a store before grants
        account_grants.trust(session, new.trusted)


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


# --- a person's answer to an account change this laptop did not accept ------------------------


def answer_account_change_in(
    session: Session, store: Store, actor: Actor, attention_id: uuid.UUID, *, approve: bool
) -> None:
    """Inside the caller's transaction: an administrator's answer to an account change listed
    as needing attention. Approved, the account's record as it stands is signed by the clinic's
    authority (a change that syncs, so every laptop accepts it); refused, the item is settled
    and the record stays unaccepted here (this state of it is never listed again). Audited
    either way. Call `mirror_accounts` after the commit."""
    from desktop.errors import Conflict, NotFound, PermissionDenied
    from desktop.permissions import Permission
    from desktop.services import audit
    from desktop.store.models import NeedsAttention, utcnow

    actor.require(Permission.MANAGE_USERS)
    item = session.get(NeedsAttention, attention_id)
    if (
        item is None
        or item.resolved_at is not None
        or item.reason != account_grants.UNSIGNED_ACCOUNT
    ):
        raise NotFound(msg("This item was already settled."))
    user = session.scalar(
        select(User)
        .where(User.id == item.entity_id)
        .options(undefer(User.key_public), undefer(User.key_wrapped), undefer(User.account_grant))
    )
    if user is None:
        raise NotFound(msg("The account of this item is no longer here."))
    state = account_grants.AccountState.of(user)
    listed = item.remote_value.get("digest") if isinstance(item.remote_value, Mapping) else None
    if state.digest() != listed:
        raise Conflict(
            msg(
                "{username} changed again since this item was listed: look at the newer "
                "item for the account instead.",
                username=user.username,
            )
        )
    if approve:
        if store.authority is None:
            raise PermissionDenied(
                msg(
                    "This laptop does not hold the clinic's signing key for accounts: sign in "
                    "as an administrator who has signed in and synced since the update, or "
                    "approve the change on another laptop."
                )
            )
        at = store.clock.now().encode()
        user.account_grant = account_grants.authority_grant(
            store.authority, store.clinic_id, state, at
        )
        account_grants.trust(session, [(state, at)])
    item.resolved_at = utcnow()
    item.resolved_by = actor.user_id
    item.resolution = account_grants.SIGNED if approve else account_grants.REFUSED_HERE
    audit.record(
        session,
        actor,
        "approve" if approve else "refuse",
        "users",
        user.id,
        item=str(item.id),
        reason=account_grants.UNSIGNED_ACCOUNT,
    )
