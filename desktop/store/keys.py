"""Key derivation and wrapping for the one data key that opens the database.

The database is encrypted by SQLCipher with a random 256-bit *data key*. That key is never
stored in clear: it is wrapped (AES-256-GCM) under a key-encryption key derived from each
user's password with Argon2id, and once more under the recovery key printed at set-up.
Changing a password re-wraps the data key; the database itself is never re-encrypted.

Argon2id parameters are RFC 9106's second recommended profile (64 MiB, 3 passes, 4 lanes):
about 0.13 s on a 2-core laptop, and memory-hard so a stolen key file resists GPU guessing.
They are stored with every wrapped key, so they can be raised later without breaking old files.
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def to_json(self) -> dict[str, Any]:
        return {"alg": "argon2id", "m": self.memory_kib, "t": self.iterations, "p": self.lanes}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Argon2Params:
        if raw.get("alg") != "argon2id":
            raise ValueError(f"unknown key derivation {raw.get('alg')!r}")
        params = cls(int(raw["m"]), int(raw["t"]), int(raw["p"]))
        # Refuse parameters so weak that a tampered key file could make guessing cheap.
        if params.memory_kib < 19 * 1024 or params.iterations < 1 or params.lanes < 1:
            raise ValueError("key derivation parameters are below the safe minimum")
        # ...and so large that an old laptop would run out of memory trying them.
        if params.memory_kib > 1024 * 1024 or params.iterations > 64 or params.lanes > 64:
            raise ValueError("key derivation parameters are beyond what this computer can run")
        return params


DEFAULT_ARGON2 = Argon2Params()


class UnwrapFailed(Exception):
    """The secret was wrong or the wrapped key was altered (AES-GCM cannot tell which)."""


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def derive_password_key(password: str, salt: bytes, params: Argon2Params) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(password.encode("utf-8"))


def derive_recovery_key(recovery_key: bytes, salt: bytes) -> bytes:
    # The recovery key is 160 random bits, far beyond guessing; a memory-hard KDF would add
    # nothing but delay, so HKDF only separates it from other uses of the same secret.
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"outpost recovery key v1"
    ).derive(recovery_key)


def wrap(kek: bytes, data_key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, data_key, aad)


def unwrap(kek: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(nonce, wrapped, aad)
    except InvalidTag:
        raise UnwrapFailed() from None


# --- the recovery key as a person reads and types it ------------------------------------

_RECOVERY_BYTES = 20  # 160 bits -> 32 base32 characters
_GROUP = 4


def new_recovery_key() -> bytes:
    return secrets.token_bytes(_RECOVERY_BYTES)


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Accepts the key as printed, with or without dashes and spaces, in any case.

    Base32 has no 0/1/8, so the digits people confuse with O/I/B are mapped back.
    """
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 32:
        raise ValueError("a recovery key has 32 letters and digits (8 groups of 4)")
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        raise ValueError("the recovery key contains characters that cannot be in one") from None
    return raw


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
