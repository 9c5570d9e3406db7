"""HQ administrators' passwords: Argon2id (RFC 9106) in a PHC-like string.

    $argon2id$v=19$m=65536,t=3,p=4$<salt b64>$<hash b64>

Verification re-derives with the parameters stored in the string and compares in
constant time, so raising the cost later leaves old hashes readable.
"""

from __future__ import annotations

import base64
import hmac
import os

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

MEMORY_KIB = 64 * 1024
ITERATIONS = 3
LANES = 4
HASH_BYTES = 32
SALT_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _derive(password: str, salt: bytes, *, memory: int, iterations: int, lanes: int) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=HASH_BYTES,
        iterations=iterations,
        lanes=lanes,
        memory_cost=memory,
    )
    return kdf.derive(password.encode())


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    digest = _derive(password, salt, memory=MEMORY_KIB, iterations=ITERATIONS, lanes=LANES)
    return f"$argon2id$v=19$m={MEMORY_KIB},t={ITERATIONS},p={LANES}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    """True when `password` matches `encoded`; False for a wrong one or a damaged string."""
    try:
        _, kind, version, params, salt_text, hash_text = encoded.split("$")
        if kind != "argon2id" or version != "v=19":
            return False
        values = dict(part.split("=", 1) for part in params.split(","))
        memory, iterations, lanes = int(values["m"]), int(values["t"]), int(values["p"])
        salt, expected = _unb64(salt_text), _unb64(hash_text)
        if not (8 <= memory <= 4 * 1024 * 1024 and 1 <= iterations <= 64 and 1 <= lanes <= 64):
            return False
        digest = _derive(password, salt, memory=memory, iterations=iterations, lanes=lanes)
    except (ValueError, KeyError):
        return False
    return hmac.compare_digest(digest, expected)
