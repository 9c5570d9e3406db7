"""Signature and thumbprint images kept once, under the SHA-256 of their bytes.

Form answers hold signature mappings (see forms/signatures.py). Before a record is stored,
each embedded image ("image_png", base64) is moved into the attachments table and replaced by
its hash ("image_sha256"); before a record is validated, shown or printed, the image is put
back. Records stay small, the same image is stored once, and sync can send only the images
HQ lacks.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from desktop.errors import InvalidInput, StoreCorrupt
from desktop.store.models import Attachment

IMAGE_KEY, HASH_KEY = "image_png", "image_sha256"
MAX_BYTES = 512 * 1024


def put(session: Session, clinic_id: uuid.UUID, data: bytes, media_type: str) -> str:
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"An attached image may be at most {MAX_BYTES // 1024} KiB.")
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Attachment, digest) is None:
        session.add(
            Attachment(
                sha256=digest, clinic_id=clinic_id, media_type=media_type, size=len(data), data=data
            )
        )
    return digest


def get(session: Session, digest: str) -> bytes:
    attachment = session.get(Attachment, digest)
    if attachment is None:
        raise StoreCorrupt(f"The attachment {digest[:12]}… is missing from the store.")
    if hashlib.sha256(attachment.data).hexdigest() != digest:
        raise StoreCorrupt(f"The attachment {digest[:12]}… does not match its checksum.")
    return attachment.data


def _is_signature(value: Any) -> bool:
    return isinstance(value, Mapping) and "signer_name" in value


def detach_images(
    session: Session, clinic_id: uuid.UUID, answers: Mapping[str, Any]
) -> dict[str, Any]:
    """Answers with every embedded signature image replaced by its attachment hash."""
    out: dict[str, Any] = {}
    for key, value in answers.items():
        if _is_signature(value) and value.get(IMAGE_KEY):
            image = value[IMAGE_KEY]
            try:
                data = image if isinstance(image, bytes) else base64.b64decode(image, validate=True)
            except (binascii.Error, ValueError, TypeError):
                raise InvalidInput("A signature image is not valid base64.", field=key) from None
            stored = {k: v for k, v in value.items() if k != IMAGE_KEY}
            stored[HASH_KEY] = put(session, clinic_id, data, "image/png")
            out[key] = stored
        else:
            out[key] = value
    return out


def attach_images(session: Session, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of `detach_images`: signature mappings with their images inline (base64)."""
    out: dict[str, Any] = {}
    for key, value in answers.items():
        if _is_signature(value) and value.get(HASH_KEY):
            full = {k: v for k, v in value.items() if k != HASH_KEY}
            full[IMAGE_KEY] = base64.b64encode(get(session, value[HASH_KEY])).decode("ascii")
            out[key] = full
        else:
            out[key] = value
    return out
