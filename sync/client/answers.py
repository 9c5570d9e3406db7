"""HQ's answers read as the protocol, or the error that says why they are not.

A 2xx body must parse into the expected model; a 4xx must be an `ErrorBody`, mapped to
the typed errors. Anything else (a 5xx, HTML from a captive portal, truncated or garbled
JSON, the wrong shape, a redirect) is `HqBroken` with a plain message.
"""

from __future__ import annotations

from typing import TypeVar

import pydantic
from pydantic import BaseModel

from sync.client.errors import (
    DeviceRevoked,
    HqBroken,
    HqRefused,
    ResyncRequired,
    SyncError,
    Unauthorized,
    UpdateRequired,
)
from sync.client.transport import Answer, retry_after_seconds
from sync.protocol import ErrorBody, ErrorCode

M = TypeVar("M", bound=BaseModel)

MESSAGE_CHARS = 500  # HQ's own message, shown to a person: bounded and printable
PORTAL_HINT = (
    " A network that asks you to sign in first (a hotel, office or mobile hotspot page) "
    "can cause this: open a web browser, sign in, and sync again."
)


def _printable(text: str) -> str:
    cleaned = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(cleaned.split())[:MESSAGE_CHARS]


def _base(answer: Answer) -> str:
    return answer.url.split("/v1/", 1)[0]


def not_protocol(answer: Answer, what: str) -> HqBroken:
    """The error for an answer that is not what Outpost HQ says."""
    base = _base(answer)
    status = answer.status
    if status >= 500:
        return HqBroken(
            f"HQ at {base} had a problem of its own (HTTP {status}); nothing was lost. "
            "Try again later, and tell HQ if it keeps happening.",
            status=status,
        )
    if 300 <= status < 400:
        where = _printable(answer.headers.get("Location", ""))[:120] or "another page"
        return HqBroken(
            f"The answer from {base} sent this laptop to {where} instead of answering: "
            "the address may be wrong, or the network is in the way." + PORTAL_HINT,
            status=status,
        )
    kind = answer.content_type or "no content type"
    if kind == "text/html":
        return HqBroken(
            f"The answer from {base} was a web page, not Outpost HQ's (HTTP {status})."
            + PORTAL_HINT,
            status=status,
        )
    return HqBroken(
        f"The answer from {base} to {what} was not what Outpost HQ sends (HTTP {status}, "
        f"{kind}): check that the address is HQ's.",
        status=status,
    )


def error_for(answer: Answer, what: str) -> SyncError:
    """The typed error for a non-2xx answer."""
    status = answer.status
    body: ErrorBody | None = None
    if 400 <= status < 500:
        try:
            body = ErrorBody.model_validate_json(answer.body)
        except pydantic.ValidationError:
            body = None
    if body is None:
        if status == 426:
            return UpdateRequired(
                f"HQ at {_base(answer)} speaks another version of the sync protocol: "
                "install the update of Outpost, then sync again.",
                status=status,
                code=None,
            )
        return not_protocol(answer, what)
    message = _printable(body.message) or f"HQ refused {what} ({body.error.value})."
    code = body.error
    if code is ErrorCode.UPDATE_REQUIRED or status == 426:
        return UpdateRequired(message, status=status, code=code, detail=body.detail)
    if code is ErrorCode.DEVICE_REVOKED:
        return DeviceRevoked(message, status=status, code=code, detail=body.detail)
    if code is ErrorCode.UNAUTHORIZED:
        return Unauthorized(message, status=status, code=code, detail=body.detail)
    if code is ErrorCode.RESYNC_REQUIRED:
        return ResyncRequired(message, status=status, code=code, detail=body.detail)
    return HqRefused(
        message,
        status=status,
        code=code,
        detail=body.detail,
        retry_after=retry_after_seconds(answer.headers.get("Retry-After"), 24 * 3600.0),
    )


def parse(answer: Answer, model: type[M], what: str) -> M:
    """`answer` as `model`, or the error that explains why not."""
    if not 200 <= answer.status < 300:
        raise error_for(answer, what)
    try:
        return model.model_validate_json(answer.body)
    except pydantic.ValidationError as exc:
        if answer.content_type == "text/html" or any(
            e.get("type") == "json_invalid" for e in exc.errors()
        ):
            raise not_protocol(answer, what) from None
        fields = ", ".join(
            ".".join(str(p) for p in e.get("loc", ())) or "the whole answer"
            for e in exc.errors()[:3]
        )
        raise HqBroken(
            f"The answer from {_base(answer)} to {what} did not have the expected content "
            f"({fields}): HQ may run another version of Outpost HQ.",
            status=answer.status,
        ) from None
