"""The key file: the data key wrapped once per user and once under the recovery key.

keys.json sits beside the database. It holds no secret in clear: usernames, KDF parameters,
salts and AES-GCM ciphertexts. The associated data binds each wrapped key to this store and to
its slot, so a wrapped key copied into another slot or another clinic's file does not open.
A second copy, keys.json.bak, is written with the same content, because losing this file loses
the clinic's data. It mirrors the current file and never keeps an older one: a removed user's or
a replaced password's wrapped key must not survive in it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.atomic import write_atomic
from desktop.errors import StoreCorrupt, WrongPassword
from desktop.messages import msg
from desktop.store import keys

FORMAT = 1


@dataclass
class WrappedKey:
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    kdf: keys.Argon2Params | None  # None: the recovery slot (HKDF)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "salt": keys.b64e(self.salt),
            "nonce": keys.b64e(self.nonce),
            "wrapped": keys.b64e(self.ciphertext),
        }
        out["kdf"] = self.kdf.to_json() if self.kdf else {"alg": "hkdf-sha256"}
        return out

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> WrappedKey:
        kdf_raw = raw["kdf"]
        kdf = None if kdf_raw.get("alg") == "hkdf-sha256" else keys.Argon2Params.from_json(kdf_raw)
        return cls(keys.b64d(raw["salt"]), keys.b64d(raw["nonce"]), keys.b64d(raw["wrapped"]), kdf)


@dataclass
class KeyFile:
    store_id: str
    users: dict[str, WrappedKey] = field(default_factory=dict)
    recovery: WrappedKey | None = None

    # --- wrapping ------------------------------------------------------------------------

    def _aad(self, slot: str) -> bytes:
        return f"outpost-key/v{FORMAT}/{self.store_id}/{slot}".encode()

    def set_password(
        self, username: str, password: str, data_key: bytes, params: keys.Argon2Params
    ) -> None:
        salt = os.urandom(keys.SALT_BYTES)
        kek = keys.derive_password_key(password, salt, params)
        nonce, ct = keys.wrap(kek, data_key, self._aad(f"user:{username}"))
        self.users[username] = WrappedKey(salt, nonce, ct, params)

    def set_recovery(self, recovery_key: bytes, data_key: bytes) -> None:
        salt = os.urandom(keys.SALT_BYTES)
        kek = keys.derive_recovery_key(recovery_key, salt)
        nonce, ct = keys.wrap(kek, data_key, self._aad("recovery"))
        self.recovery = WrappedKey(salt, nonce, ct, None)

    def unlock_with_password(self, username: str, password: str) -> bytes:
        slot = self.users.get(username)
        if slot is None or slot.kdf is None:
            # Same message as a wrong password: do not tell a stranger which names exist.
            raise WrongPassword(
                msg("Wrong user name or password. Check the spelling and try again.")
            )
        kek = keys.derive_password_key(password, slot.salt, slot.kdf)
        try:
            return keys.unwrap(kek, slot.nonce, slot.ciphertext, self._aad(f"user:{username}"))
        except keys.UnwrapFailed:
            raise WrongPassword(
                msg("Wrong user name or password. Check the spelling and try again.")
            ) from None

    def unlock_with_recovery(self, recovery_key: bytes) -> bytes:
        if self.recovery is None:
            raise WrongPassword(msg("This store has no recovery key."))
        kek = keys.derive_recovery_key(recovery_key, self.recovery.salt)
        try:
            return keys.unwrap(
                kek, self.recovery.nonce, self.recovery.ciphertext, self._aad("recovery")
            )
        except keys.UnwrapFailed:
            raise WrongPassword(
                msg(
                    "That recovery key does not open this store. Check it against the printed "
                    "sheet."
                )
            ) from None

    # --- files ---------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "store_id": self.store_id,
            "users": {name: slot.to_json() for name, slot in sorted(self.users.items())},
            "recovery": self.recovery.to_json() if self.recovery else None,
        }

    @classmethod
    def from_json(cls, raw: Any) -> KeyFile:
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not an Outpost key file of a known format")
        users = {str(k): WrappedKey.from_json(v) for k, v in raw["users"].items()}
        recovery = WrappedKey.from_json(raw["recovery"]) if raw.get("recovery") else None
        return cls(str(raw["store_id"]), users, recovery)

    def save(self, path: Path) -> None:
        content = json.dumps(self.to_json(), indent=2).encode("utf-8")
        write_atomic(path, content)
        write_atomic(path.with_name(path.name + ".bak"), content)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            return cls.from_json(json.loads(path.read_bytes()))
        except FileNotFoundError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreCorrupt(
                f"The key file {path} is damaged ({exc}). Restore it from keys.json.bak "
                "or from a backup; do not delete the database."
            ) from None
