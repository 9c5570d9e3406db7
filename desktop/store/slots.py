"""The cryptography of a key-file slot (format 2): a key pair per slot, the data key sealed
to its public half.

Each slot (a user, or the recovery key) holds an X25519 key pair. The private key is wrapped
(AES-256-GCM) under the key derived from the slot's secret (the password's Argon2id key, or
the recovery key's HKDF key); the public key is in clear; and the data key is *sealed* to the
public key (an ephemeral X25519 key, HKDF-SHA256, AES-256-GCM). Sealing needs no secret, so a
re-key seals a fresh data key to every remaining slot without anyone's password, and opening
still costs one Argon2id.

A *check value* (HMAC-SHA256 of a fixed label under the derived key) says whether the secret
was right before anything else is tried: a right secret whose slot then fails its associated
data was copied from another slot or another store, which is not a wrong password.
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.store import keys

PUBLIC_BYTES = 32
CHECK_BYTES = 32
_CHECK_LABEL = b"outpost key slot password check v2"
_SEAL_INFO = b"outpost sealed data key v2"


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public), both 32 raw bytes."""
    private = X25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def check_value(derived_key: bytes) -> bytes:
    return hmac.new(derived_key, _CHECK_LABEL, hashlib.sha256).digest()


def check_matches(derived_key: bytes, stored: bytes) -> bool:
    return hmac.compare_digest(check_value(derived_key), stored)


def _seal_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral_public + recipient_public,
        info=_SEAL_INFO,
    ).derive(shared)


def seal(recipient_public: bytes, secret: bytes, aad: bytes) -> tuple[bytes, bytes, bytes]:
    """`secret` sealed to `recipient_public`: (ephemeral public key, nonce, ciphertext)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce, ciphertext = keys.wrap(
        _seal_key(shared, ephemeral_public, recipient_public), secret, aad
    )
    return ephemeral_public, nonce, ciphertext


def unseal(
    private: bytes, ephemeral_public: bytes, nonce: bytes, ciphertext: bytes, aad: bytes
) -> bytes:
    """The sealed secret; keys.UnwrapFailed when it was altered or sealed to another key."""
    key = X25519PrivateKey.from_private_bytes(private)
    try:
        shared = key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError:  # a point of small order: an altered file
        raise keys.UnwrapFailed() from None
    recipient_public = _raw_public(key.public_key())
    return keys.unwrap(
        _seal_key(shared, ephemeral_public, recipient_public), nonce, ciphertext, aad
    )


def public_of(private: bytes) -> bytes:
    return _raw_public(X25519PrivateKey.from_private_bytes(private).public_key())


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
