"""The answer shape of signature, thumbprint and witness fields.

A signature answer is a plain mapping::

    {
      "signer_name": "Amina Juma",            # required: who signed (or whose thumb)
      "signed_at": "2025-03-04T10:15:00+03:00",  # required: ISO 8601 with time zone
      "method": "drawn",                      # "drawn" | "thumbprint" | "paper"
      "image_png": "<base64>" or b"...",      # PNG; required for "drawn"
      "role": "mother"                        # optional: relationship or function
    }

``signature`` fields accept the methods ``drawn`` and ``paper``; ``thumbprint`` fields
``thumbprint`` (image optional: a scanned or captured print) and ``paper``; ``witness``
fields ``drawn`` and ``paper``. "paper" means the person signed the printed copy,
which the clinic keeps; the record then holds no image.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from forms.answers import AnswerError, clean_text, forbidden_characters

Method = Literal["drawn", "thumbprint", "paper"]

ALLOWED_METHODS: dict[str, tuple[Method, ...]] = {
    "signature": ("drawn", "paper"),
    "thumbprint": ("thumbprint", "paper"),
    "witness": ("drawn", "paper"),
}

#: A signature pad image is small; anything bigger is not a signature.
MAX_IMAGE_BYTES = 512 * 1024
#: Width and height limits keep a hostile PNG from exhausting memory when decoded.
MAX_IMAGE_SIDE = 4000

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_KEYS = {"signer_name", "signed_at", "method", "image_png", "role"}


@dataclass(frozen=True, slots=True)
class SignatureAnswer:
    signer_name: str
    signed_at: dt.datetime
    method: Method
    image_png: bytes | None = None
    role: str | None = None

    def to_answer(self) -> dict[str, object]:
        """The JSON-safe mapping form (image as base64) for storing in a record."""
        answer: dict[str, object] = {
            "signer_name": self.signer_name,
            "signed_at": self.signed_at.isoformat(),
            "method": self.method,
        }
        if self.image_png is not None:
            answer["image_png"] = base64.b64encode(self.image_png).decode("ascii")
        if self.role:
            answer["role"] = self.role
        return answer


def read_signature(field_type: str, value: object) -> SignatureAnswer:
    """Check and decode a signature answer for a field of ``field_type``."""
    if not isinstance(value, Mapping) or not set(value) <= _KEYS:
        raise AnswerError("signature_shape")
    name = value.get("signer_name")
    if not isinstance(name, str) or not clean_text(name, multiline=False):
        raise AnswerError("signature_name")
    if forbidden_characters(name, multiline=False) or len(name) > 200:
        raise AnswerError("control_chars")
    signed_at = _read_time(value.get("signed_at"))
    method = value.get("method")
    allowed = ALLOWED_METHODS.get(field_type, ())
    if method not in allowed:
        raise AnswerError("signature_method", value=str(method)[:40])
    image = read_png(value.get("image_png"))
    if method == "drawn" and image is None:
        raise AnswerError("signature_image_missing")
    role = value.get("role")
    if role is not None and (
        not isinstance(role, str) or forbidden_characters(role, multiline=False) or len(role) > 100
    ):
        raise AnswerError("signature_shape")
    return SignatureAnswer(name, signed_at, method, image, role or None)


def _read_time(value: object) -> dt.datetime:
    when: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        when = value
    elif isinstance(value, str) and len(value) <= 40:
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            when = None
    if when is None or when.tzinfo is None or when.utcoffset() is None:
        raise AnswerError("signature_time")
    return when


def read_png(value: object) -> bytes | None:
    """PNG bytes from raw bytes or base64 text; None when absent. Checks the header
    only: decoding happens when printing, after these size limits have been enforced."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) > MAX_IMAGE_BYTES * 4 // 3 + 8:
            raise AnswerError("signature_image", max=MAX_IMAGE_BYTES // 1024)
        try:
            data = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise AnswerError("signature_image", max=MAX_IMAGE_BYTES // 1024) from None
    elif isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
    else:
        raise AnswerError("signature_image", max=MAX_IMAGE_BYTES // 1024)
    if len(data) > MAX_IMAGE_BYTES or not data.startswith(_PNG_MAGIC) or len(data) < 33:
        raise AnswerError("signature_image", max=MAX_IMAGE_BYTES // 1024)
    width, height = struct.unpack(">II", data[16:24])
    if data[12:16] != b"IHDR" or not (0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE):
        raise AnswerError("signature_image", max=MAX_IMAGE_BYTES // 1024)
    return data
