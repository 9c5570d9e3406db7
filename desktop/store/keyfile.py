"""The key file: the data key, sealed once per user and once for the recovery key.

keys.json sits beside the database. It holds no secret in clear: usernames, KDF parameters,
salts, public keys and AES-GCM ciphertexts. A second copy, keys.json.bak, is written with the
same content, because losing this file loses the clinic's data. It mirrors the current file
and never keeps an older one: a removed user's slot or an old data key must not survive in it.

Format 2 (desktop.store.slots): each slot holds an X25519 key pair, its private half wrapped
under the slot's secret (Argon2id of the password, or HKDF of the recovery key), and the data
key sealed to its public half. The associated data binds the private key and the sealed data
key to this store and to the slot's name. A re-key seals a fresh data key without knowing
any password (`resealed`), to the recovery slot and to the slots of active users only: an
entry for any other name is left out. A check value tells a wrong password from a slot
copied from another user or store (`KeyFileMismatch`, which the throttle does not count).

Format 3 adds account slots (desktop.store.account_keys): a user's key pair is the same on
every laptop of the clinic, carried by the user's synced record, so the private key's
associated data binds the clinic and the user's id (`Account`) instead of this store; the
data key is still sealed to it for this store alone. A format-2 file is a format-3 file
without account slots. The file also lists `withheld` public keys: accounts whose entry a
re-key removed (a disabled or deleted account), to which this store never seals a data key
again, even when a record still offers that key.

Format 1 (the data key wrapped directly under each secret) is still read. A format-1 slot is
upgraded the moment its secret is used (`upgraded` tells the caller to save); a re-key cannot
re-seal it without the secret, so it is dropped there.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.atomic import read_small_file, write_atomic
from desktop.errors import KeyFileMismatch, OutpostError, StoreCorrupt, WrongPassword
from desktop.messages import msg
from desktop.store import keys, slots

FORMAT = 3
LEGACY_FORMAT = 1
_FORMATS = (LEGACY_FORMAT, 2, FORMAT)
RECOVERY = "recovery"
MAX_BYTES = 1024 * 1024  # a key file of a thousand users is ~1 MB; anything larger is not one
_HKDF = {"alg": "hkdf-sha256"}


@dataclass
class LegacySlot:
    """Format 1: the data key wrapped directly under the secret's derived key."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    kdf: keys.Argon2Params | None  # None: the recovery slot (HKDF)

    def to_json(self) -> dict[str, Any]:
        return {
            "salt": keys.b64e(self.salt),
            "nonce": keys.b64e(self.nonce),
            "wrapped": keys.b64e(self.ciphertext),
            "kdf": self.kdf.to_json() if self.kdf else dict(_HKDF),
        }


@dataclass(frozen=True)
class Account:
    """Whose portable key pair an account slot holds: the same on every laptop of a clinic."""

    clinic_id: str
    user_id: str

    def private_aad(self) -> bytes:
        return f"outpost-account/v1/{self.clinic_id}/{self.user_id}/private".encode()

    def to_json(self) -> dict[str, str]:
        return {"clinic_id": self.clinic_id, "user_id": self.user_id}


@dataclass
class Slot:
    """Format 2: a key pair; the private key wrapped under the secret, the data key sealed to
    the public key. With `account` (format 3), the key pair is the account's, shared by every
    laptop of the clinic."""

    salt: bytes
    kdf: keys.Argon2Params | None  # None: the recovery slot (HKDF)
    check: bytes
    private_nonce: bytes
    private_wrapped: bytes
    public: bytes
    ephemeral: bytes
    sealed_nonce: bytes
    sealed: bytes
    account: Account | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"account": self.account.to_json()} if self.account else {}
        return out | {
            "kdf": self.kdf.to_json() if self.kdf else dict(_HKDF),
            "salt": keys.b64e(self.salt),
            "check": keys.b64e(self.check),
            "private": {
                "nonce": keys.b64e(self.private_nonce),
                "wrapped": keys.b64e(self.private_wrapped),
            },
            "public": keys.b64e(self.public),
            "data_key": {
                "ephemeral": keys.b64e(self.ephemeral),
                "nonce": keys.b64e(self.sealed_nonce),
                "sealed": keys.b64e(self.sealed),
            },
        }


AnySlot = Slot | LegacySlot
# Kept for callers of the format-1 name.
WrappedKey = LegacySlot


def _wrong_password() -> WrongPassword:
    # Same message for an unknown name: do not tell a stranger which names exist.
    return WrongPassword(msg("Wrong user name or password. Check the spelling and try again."))


def _wrong_recovery_key() -> WrongPassword:
    return WrongPassword(
        msg("That recovery key does not open this store. Check it against the printed sheet.")
    )


def mismatch(name: str) -> KeyFileMismatch:
    return KeyFileMismatch(
        msg(
            "This key file does not belong to this store (its entry for {name} was copied "
            "from elsewhere): put back keys.json.bak or restore a backup. Nothing was changed.",
            name=name,
        )
    )


def _dummy_derivation(password: str) -> None:
    """As long as a real derivation: an unknown name costs what a wrong password does."""
    keys.derive_dummy(password)


@dataclass
class KeyFile:
    store_id: str
    users: dict[str, AnySlot] = field(default_factory=dict)
    recovery: AnySlot | None = None
    # Public keys of account slots a re-key removed: never sealed to again (see the docstring).
    withheld: set[bytes] = field(default_factory=set)
    # Set when a disabled account's entry was removed but the re-key could not run yet
    # (desktop.store.account_keys retries it).
    rekey_due: bool = False
    # Set when opening upgraded a format-1 slot in memory: the caller saves the file.
    upgraded: bool = field(default=False, compare=False)

    # --- associated data ---------------------------------------------------------------------

    def _aad_v1(self, slot: str) -> bytes:
        return f"outpost-key/v{LEGACY_FORMAT}/{self.store_id}/{slot}".encode()

    def _aad(self, slot: str, part: str) -> bytes:
        # "v2": the associated data of format 2, which format 3 keeps for its store slots.
        return f"outpost-key/v2/{self.store_id}/{slot}/{part}".encode()

    def _private_aad(self, slot_name: str, slot: Slot) -> bytes:
        if slot.account is not None:
            return slot.account.private_aad()
        return self._aad(slot_name, "private")

    # --- making slots --------------------------------------------------------------------------

    def _new_slot(
        self,
        slot_name: str,
        derived: bytes,
        salt: bytes,
        kdf: keys.Argon2Params | None,
        data_key: bytes,
    ) -> Slot:
        private, public = slots.new_key_pair()
        private_nonce, private_wrapped = keys.wrap(
            derived, private, self._aad(slot_name, "private")
        )
        ephemeral, sealed_nonce, sealed = slots.seal(
            public, data_key, self._aad(slot_name, "data key")
        )
        return Slot(
            salt,
            kdf,
            slots.check_value(derived),
            private_nonce,
            private_wrapped,
            public,
            ephemeral,
            sealed_nonce,
            sealed,
        )

    def _resealed_slot(self, slot_name: str, slot: Slot, data_key: bytes) -> Slot:
        ephemeral, sealed_nonce, sealed = slots.seal(
            slot.public, data_key, self._aad(slot_name, "data key")
        )
        return Slot(
            slot.salt,
            slot.kdf,
            slot.check,
            slot.private_nonce,
            slot.private_wrapped,
            slot.public,
            ephemeral,
            sealed_nonce,
            sealed,
            slot.account,
        )

    def put_account_slot(
        self,
        username: str,
        account: Account,
        *,
        salt: bytes,
        kdf: keys.Argon2Params,
        check: bytes,
        private_nonce: bytes,
        private_wrapped: bytes,
        public: bytes,
        data_key: bytes,
    ) -> Slot:
        """`username`'s entry from the account's portable key pair (its record's), with
        `data_key` sealed to its public key for this store: no password needed."""
        ephemeral, sealed_nonce, sealed = slots.seal(
            public, data_key, self._aad(f"user:{username}", "data key")
        )
        slot = Slot(
            salt,
            kdf,
            check,
            private_nonce,
            private_wrapped,
            public,
            ephemeral,
            sealed_nonce,
            sealed,
            account,
        )
        self.users[username] = slot
        return slot

    def set_password(
        self, username: str, password: str, data_key: bytes, params: keys.Argon2Params
    ) -> None:
        salt = os.urandom(keys.SALT_BYTES)
        derived = keys.derive_password_key(password, salt, params)
        self.users[username] = self._new_slot(f"user:{username}", derived, salt, params, data_key)

    def set_recovery(self, recovery_key: bytes, data_key: bytes) -> None:
        salt = os.urandom(keys.SALT_BYTES)
        derived = keys.derive_recovery_key(recovery_key, salt)
        self.recovery = self._new_slot(RECOVERY, derived, salt, None, data_key)

    # --- opening -------------------------------------------------------------------------------

    def derive_for(self, username: str, password: str) -> bytes | None:
        """The password's derived key for `username`'s slot (one Argon2id), or None for a
        name without a slot (after the same work, so the two cost the same)."""
        slot = self.users.get(username)
        if slot is None or slot.kdf is None:
            _dummy_derivation(password)
            return None
        return keys.derive_password_key(password, slot.salt, slot.kdf)

    def salt_of(self, username: str) -> bytes | None:
        slot = self.users.get(username)
        return slot.salt if slot is not None else None

    def open_user(self, username: str, derived: bytes | None) -> bytes:
        """The data key from `username`'s slot, given `derive_for`'s result.

        WrongPassword for a wrong password or unknown name; KeyFileMismatch for a right
        password on a slot that was copied from another user or store. A format-1 slot is
        upgraded in memory (`upgraded`)."""
        slot = self.users.get(username)
        if slot is None or derived is None:
            raise _wrong_password()
        data_key = self._open(f"user:{username}", username, slot, derived, _wrong_password)
        if isinstance(slot, LegacySlot):
            self.users[username] = self._new_slot(
                f"user:{username}", derived, slot.salt, slot.kdf, data_key
            )
            self.upgraded = True
        return data_key

    def account_private(self, username: str, derived: bytes | None) -> bytes | None:
        """The account's X25519 private key from `username`'s account slot, given the
        derived key `open_user` accepted; None for a slot that is not an account's."""
        slot = self.users.get(username)
        if not isinstance(slot, Slot) or slot.account is None or derived is None:
            return None
        try:
            private = keys.unwrap(
                derived, slot.private_nonce, slot.private_wrapped, slot.account.private_aad()
            )
        except keys.UnwrapFailed:
            return None
        return private if slots.public_of(private) == slot.public else None

    def unlock_with_password(self, username: str, password: str) -> bytes:
        return self.open_user(username, self.derive_for(username, password))

    def unlock_with_recovery(self, recovery_key: bytes) -> bytes:
        slot = self.recovery
        if slot is None:
            raise WrongPassword(msg("This store has no recovery key."))
        derived = keys.derive_recovery_key(recovery_key, slot.salt)
        data_key = self._open(RECOVERY, "the recovery key", slot, derived, _wrong_recovery_key)
        if isinstance(slot, LegacySlot):
            self.recovery = self._new_slot(RECOVERY, derived, slot.salt, None, data_key)
            self.upgraded = True
        return data_key

    def _open(
        self,
        slot_name: str,
        who: str,
        slot: AnySlot,
        derived: bytes,
        wrong: Any,
    ) -> bytes:
        if isinstance(slot, LegacySlot):
            try:
                return keys.unwrap(derived, slot.nonce, slot.ciphertext, self._aad_v1(slot_name))
            except keys.UnwrapFailed:
                raise wrong() from None
        if not slots.check_matches(derived, slot.check):
            raise wrong()
        # The secret is right: from here on a failure is a slot out of its place.
        try:
            private = keys.unwrap(
                derived,
                slot.private_nonce,
                slot.private_wrapped,
                self._private_aad(slot_name, slot),
            )
            if len(private) != 32 or slots.public_of(private) != slot.public:
                raise mismatch(who)
            return slots.unseal(
                private,
                slot.ephemeral,
                slot.sealed_nonce,
                slot.sealed,
                self._aad(slot_name, "data key"),
            )
        except (keys.UnwrapFailed, ValueError):
            raise mismatch(who) from None

    # --- re-keying -----------------------------------------------------------------------------

    @property
    def legacy_users(self) -> list[str]:
        return sorted(name for name, slot in self.users.items() if isinstance(slot, LegacySlot))

    def resealed(self, data_key: bytes, *, keep: Collection[str]) -> Resealed:
        """A copy with `data_key` sealed to the recovery slot and to the format-2 slots of the
        users in `keep` (the active users, read from the database by the caller), and no
        other entry: an entry for anyone else (a disabled or deleted user, or a name planted
        in the file, whose public key may be anyone's) is left out and named, because sealing
        the new data key to it would hand the new key to whoever holds its private key."""
        wanted = set(keep)
        out = KeyFile(self.store_id, withheld=set(self.withheld))
        legacy: list[str] = []
        removed: list[str] = []
        for name, slot in sorted(self.users.items()):
            if name not in wanted:
                removed.append(name)
                if isinstance(slot, Slot) and slot.account is not None:
                    out.withheld.add(slot.public)
            elif isinstance(slot, Slot):
                out.users[name] = self._resealed_slot(f"user:{name}", slot, data_key)
            else:
                legacy.append(name)
        recovery_dropped = isinstance(self.recovery, LegacySlot)
        if isinstance(self.recovery, Slot):
            out.recovery = self._resealed_slot(RECOVERY, self.recovery, data_key)
        return Resealed(out, tuple(legacy), tuple(removed), recovery_dropped)

    # --- files ---------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": FORMAT,
            "store_id": self.store_id,
            "users": {name: slot.to_json() for name, slot in sorted(self.users.items())},
            "recovery": self.recovery.to_json() if self.recovery else None,
        }
        if self.withheld:
            out["withheld"] = sorted(keys.b64e(public) for public in self.withheld)
        if self.rekey_due:
            out["rekey_due"] = True
        return out

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), indent=2).encode("utf-8")

    @classmethod
    def from_json(cls, raw: Any) -> KeyFile:
        """ValueError (with a short reason) for anything that is not a key file we know."""
        top = _object(raw, "the file")
        if top.get("format") not in _FORMATS or isinstance(top.get("format"), bool):
            raise ValueError("not an Outpost key file of a known format")
        store_id = top.get("store_id")
        if not isinstance(store_id, str) or not 0 < len(store_id) <= 100:
            raise ValueError("its store id is missing")
        users_raw = _object(top.get("users"), "the list of users")
        users: dict[str, AnySlot] = {}
        for name, value in users_raw.items():
            if not name or len(name) > 200:
                raise ValueError("a user name in it is empty or too long")
            users[name] = _slot(value, f"the entry for {name}", recovery=False)
        recovery_raw = top.get("recovery")
        recovery = (
            None
            if recovery_raw is None
            else _slot(recovery_raw, "the recovery key's entry", recovery=True)
        )
        if not users and recovery is None:
            raise ValueError("it holds no entry for any user nor for the recovery key")
        withheld_raw = top.get("withheld", [])
        if not isinstance(withheld_raw, list) or len(withheld_raw) > _MAX_WITHHELD:
            raise ValueError("its list of withheld keys is not a list")
        withheld = {
            _bytes({"key": item}, "key", "its list of withheld keys", _KEY32)
            for item in withheld_raw
        }
        rekey_due = top.get("rekey_due", False)
        if not isinstance(rekey_due, bool):
            raise ValueError("its “rekey_due” is not true or false")
        return cls(store_id, users, recovery, withheld, rekey_due)

    def save(self, path: Path) -> None:
        content = self.to_bytes()
        write_atomic(path, content)
        write_atomic(path.with_name(path.name + ".bak"), content)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """The key file at `path`: FileNotFoundError when there is none, StoreCorrupt (one
        clear line) for anything that is not a key file."""
        try:
            return cls.from_json(json.loads(read_small_file(path, MAX_BYTES)))
        except FileNotFoundError:
            raise
        except OutpostError:
            raise
        except RecursionError:
            reason = "it is nested far too deep"
        except (OSError, ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
            reason = _one_line(exc)
        raise StoreCorrupt(
            msg(
                "The key file {path} is damaged ({reason}). Restore it from keys.json.bak "
                "or from a backup; do not delete the database.",
                path=str(path),
                reason=reason,
            )
        )


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


# --- reading, strictly ----------------------------------------------------------------------


def _object(raw: Any, what: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ValueError(f"{what} is not a JSON object")
    return raw


def _bytes(raw: dict[str, Any], key: str, what: str, sizes: range) -> bytes:
    text = raw.get(key)
    if not isinstance(text, str) or len(text) > 4 * sizes.stop:
        raise ValueError(f"{what}: “{key}” is missing or not text")
    try:
        value = keys.b64d(text)
    except (ValueError, UnicodeEncodeError):
        raise ValueError(f"{what}: “{key}” is not base64") from None
    if len(value) not in sizes:
        raise ValueError(f"{what}: “{key}” has the wrong length")
    return value


def _kdf(raw: Any, what: str, *, recovery: bool) -> keys.Argon2Params | None:
    kdf = _object(raw, f"{what}: its key derivation")
    if recovery:
        if kdf.get("alg") != _HKDF["alg"]:
            raise ValueError(f"{what}: the recovery key's derivation is not HKDF")
        return None
    for name in ("m", "t", "p"):
        value = kdf.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{what}: the key derivation's “{name}” is not a whole number")
    try:
        return keys.Argon2Params.from_json(kdf)
    except OutpostError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
        raise ValueError(f"{what}: {_one_line(exc)}") from None


_SALT = range(8, 65)
_MAX_WITHHELD = 10_000
_NONCE = range(keys.NONCE_BYTES, keys.NONCE_BYTES + 1)
_KEY32 = range(32, 33)
_WRAPPED32 = range(32 + 16, 32 + 16 + 1)  # a 32-byte secret and its 16-byte tag


def _slot(raw: Any, what: str, *, recovery: bool) -> AnySlot:
    slot = _object(raw, what)
    kdf = _kdf(slot.get("kdf"), what, recovery=recovery)
    salt = _bytes(slot, "salt", what, _SALT)
    if "data_key" not in slot:
        return LegacySlot(
            salt,
            _bytes(slot, "nonce", what, _NONCE),
            _bytes(slot, "wrapped", what, _WRAPPED32),
            kdf,
        )
    private = _object(slot.get("private"), f"{what}: its private key")
    sealed = _object(slot.get("data_key"), f"{what}: its data key")
    account = None
    if "account" in slot:
        if recovery:
            raise ValueError(f"{what}: the recovery key's entry cannot be an account's")
        if kdf is None:
            raise ValueError(f"{what}: an account's entry needs a password derivation")
        account = _account(slot.get("account"), what)
    return Slot(
        salt,
        kdf,
        _bytes(slot, "check", what, _KEY32),
        _bytes(private, "nonce", what, _NONCE),
        _bytes(private, "wrapped", what, _WRAPPED32),
        _bytes(slot, "public", what, _KEY32),
        _bytes(sealed, "ephemeral", what, _KEY32),
        _bytes(sealed, "nonce", what, _NONCE),
        _bytes(sealed, "sealed", what, _WRAPPED32),
        account,
    )


def _account(raw: Any, what: str) -> Account:
    account = _object(raw, f"{what}: its account")
    parts = []
    for key in ("clinic_id", "user_id"):
        value = account.get(key)
        if not isinstance(value, str):
            raise ValueError(f"{what}: its account's “{key}” is missing")
        try:
            parts.append(str(uuid.UUID(value)))
        except ValueError:
            raise ValueError(f"{what}: its account's “{key}” is not an id") from None
    return Account(parts[0], parts[1])


@dataclass(frozen=True)
class Resealed:
    """What `KeyFile.resealed` made."""

    keyfile: KeyFile
    legacy_users: tuple[str, ...]  # active users whose format-1 slots could not be re-sealed
    removed: tuple[str, ...]  # entries of names that are not active users, left out
    recovery_dropped: bool  # the recovery slot was of format 1: a new recovery key is needed
