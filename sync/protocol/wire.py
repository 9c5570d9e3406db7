"""Bodies on the wire: compression (zstd preferred, gzip, or none) with a bound on the
decompressed size, and the content hash that tells a duplicate from a reused change id."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from typing import Any

import zstandard
from pydantic import BaseModel

from sync.protocol.limits import LIMITS

ENCODINGS = ("zstd", "gzip")  # preferred first
# Small bodies are not worth compressing (the headers cost more than the saving).
COMPRESS_FROM = 512
_THOROUGH_UP_TO = 256 * 1024


class BodyTooLarge(ValueError):
    pass


class BadBody(ValueError):
    pass


def choose_encoding(accept: str | None) -> str | None:
    """The encoding to answer with, given a peer's Accept-Encoding (None: identity)."""
    if not accept:
        return None
    offered = {part.split(";", 1)[0].strip().lower() for part in accept.split(",")}
    return next((e for e in ENCODINGS if e in offered), None)


def encode(data: bytes, encoding: str | None) -> bytes:
    if encoding is None or encoding == "identity":
        return data
    if encoding == "zstd":
        # A day's push (a few hundred KB) on a slow link: level 6 takes a sixth off the bytes
        # for a few milliseconds; a new laptop's large pages favour speed.
        level = 6 if len(data) <= _THOROUGH_UP_TO else 3
        return zstandard.ZstdCompressor(level=level).compress(data)
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=6, mtime=0)
    raise ValueError(f"unknown content encoding {encoding!r}")


def decode(data: bytes, encoding: str | None, *, limit: int = LIMITS.body_bytes_decoded) -> bytes:
    """`data` decompressed, refusing more than `limit` bytes out (a zip bomb stops there)."""
    encoding = (encoding or "identity").strip().lower()
    if encoding == "identity":
        if len(data) > limit:
            raise BodyTooLarge(f"a body of {len(data)} bytes (at most {limit})")
        return data
    try:
        if encoding == "zstd":
            reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data))
            out = reader.read(limit + 1)
        elif encoding == "gzip":
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out = inflater.decompress(data, limit + 1)
            if len(out) <= limit and not inflater.eof:
                # Cut short: the trailer (CRC and size) is missing, so nothing vouches for it.
                raise BadBody("the body is not valid gzip: it ends before its trailer")
        else:
            raise BadBody(f"a content encoding this server does not know: {encoding[:20]!r}")
    except (zstandard.ZstdError, zlib.error, EOFError) as exc:
        raise BadBody(f"the body is not valid {encoding}: {exc}") from None
    if len(out) > limit:
        raise BodyTooLarge(f"a body of more than {limit} bytes once decompressed")
    return bytes(out)


def dumps(obj: Any) -> bytes:
    """Compact JSON (what travels)."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def as_json(model: BaseModel) -> Any:
    """A model as the JSON that travels: fields left at None are left out (an insert's
    patch entries carry only their value)."""
    return model.model_dump(mode="json", exclude_none=True)


def model_bytes(model: BaseModel, exclude: Any = None) -> bytes:
    """`dumps(as_json(model))`, made by pydantic in one step (a push batch or a pull page
    is thousands of changes: this is several times faster); `exclude` as pydantic takes it."""
    return model.model_dump_json(exclude_none=True, exclude=exclude).encode()


def content_hash(change: dict[str, Any]) -> str:
    """SHA-256 of a change's canonical JSON (`as_json(change)`): the same
    change id sent again with this hash is a duplicate; with another, a refusal."""
    return hashlib.sha256(_CANONICAL.encode(change).encode()).hexdigest()


# `json.dumps` with these options builds an encoder per call (HQ hashes thousands a push).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
