"""Key derivation and wrapping for the one data key that opens the database.

The database is encrypted by SQLCipher with a random 256-bit *data key*. That key is never
stored in clear: it is wrapped (AES-256-GCM) under a key-encryption key derived from each
user's password with Argon2id, and once more under the recovery key printed at set-up.
Changing a password re-wraps the data key; the database itself is never re-encrypted.

Argon2id parameters are RFC 9106's second recommended profile (64 MiB, 3 passes, 4 lanes):
about 0.13 s on a 2-core laptop, and memory-hard so a stolen key file resists GPU guessing.
They are stored with every wrapped key, so they can be raised later without breaking old files.
Stored parameters are only trusted within bounds (`Argon2Params.from_json`): below them a
tampered key file would make guessing cheap, above them it would make every sign-in hang.
"""

from __future__ import annotations

import base64
import os
import secrets
import threading
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
    def from_json(cls, raw: Any) -> Argon2Params:
        """The parameters stored in a key file, refused (ValueError, which the key file
        reader reports as a damaged file) unless they are exact integers within bounds."""
        if not isinstance(raw, dict):
            raise ValueError("its key derivation settings are not readable")
        if raw.get("alg") != "argon2id":
            raise ValueError("it names a key derivation Outpost does not know")
        m, t, p = raw.get("m"), raw.get("t"), raw.get("p")
        # Exact integers only: int() would take True, 3.9 or "64" and make them something else.
        if type(m) is not int or type(t) is not int or type(p) is not int:
            raise ValueError("its key derivation settings are not whole numbers")
        params = cls(m, t, p)
        if not params.within_bounds():
            raise ValueError(
                "its key derivation settings are outside safe bounds, as if someone had "
                "tampered with it"
            )
        return params

    def within_bounds(self) -> bool:
        # Below: so weak that a tampered key file would make guessing cheap. Above: so costly
        # that one sign-in would take seconds or exhaust an old laptop's memory.
        return (
            MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
            and MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS
            and MIN_LANES <= self.lanes <= MAX_LANES
            and self.memory_kib * self.iterations <= MAX_MEMORY_PASSES_KIB
        )


# The bounds a stored Argon2id setting must respect. The default (64 MiB, t=3, p=4) sits well
# inside; 19 MiB with t=2 is OWASP's lowest recommendation. The top (256 MiB x 4 passes, or
# any m*t up to 1 GiB) took 1.3-1.6 s on a 2-core test machine (the default: 0.17 s), which
# leaves room to raise the default as laptops grow without letting a key file ask for minutes.
MIN_MEMORY_KIB = 19 * 1024
MAX_MEMORY_KIB = 256 * 1024
MIN_ITERATIONS = 1
MAX_ITERATIONS = 10
MIN_LANES = 1
MAX_LANES = 16
MAX_MEMORY_PASSES_KIB = 1024 * 1024


DEFAULT_ARGON2 = Argon2Params()


class UnwrapFailed(Exception):
    """The secret was wrong or the wrapped key was altered (AES-GCM cannot tell which)."""


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


# One Argon2id derivation at a time in this process. OpenSSL's Argon2id (behind cryptography)
# misbehaves when threads derive at once: two hang for tens of seconds and four fail with
# MemoryError. A lock is not shared state in the style guide's sense (it holds no data; it only
# orders the derivations); at 0.17 s each, a queue of them is still quick.
_DERIVE_LOCK = threading.Lock()

# A salt for the derivation that stands in for an unknown user's (see `derive_dummy`).
_DUMMY_SALT = b"outpost:no-user:"  # SALT_BYTES long


def derive_password_key(password: str, salt: bytes, params: Argon2Params) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    with _DERIVE_LOCK:
        return kdf.derive(password.encode("utf-8"))


def derive_dummy(password: str) -> None:
    """Spend the time a wrong password costs, for a name that has no slot: one derivation
    with the default parameters and a fixed salt, its result thrown away. Without it a guesser
    learns which user names exist from how fast the answer comes (1 ms against 170 ms)."""
    derive_password_key(password, _DUMMY_SALT, DEFAULT_ARGON2)


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
