"""What can go wrong talking to HQ, as exceptions a person can read.

Every error is a `SyncError` whose `.message` (also `str(error)`) says in one sentence what
happened and, where there is something to do, what to do. The sync engine decides what to
tell about the changes waiting; these messages only speak of the link and of HQ.

    HqUnreachable   the link: refused, timed out, dropped, unknown name, bad certificate
    UpdateRequired  HQ and this laptop speak different protocol versions
    Unauthorized    HQ does not know this laptop's credential
    DeviceRevoked   HQ has revoked this laptop's access
    ResyncRequired  the laptop's cursor does not belong to HQ's log (HQ restored or moved)
    HqRefused       any other refusal with a reason (`.code`, `.status`)
    HqBroken        an answer that is not Outpost HQ's: 5xx, HTML, garbage, wrong shape
    InsecureUrl     a URL Outpost will not use (plain http:// beyond this machine...)
"""

from __future__ import annotations

from pydantic import JsonValue

from sync.protocol import ErrorCode


class SyncError(Exception):
    """Something stopped a conversation with HQ; `.message` is for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class HqUnreachable(SyncError):
    """No answer from HQ, after the retries: nothing was learnt from it.

    `.reason` is the short cause ("connection refused", "no answer within 30 s", ...).
    `.sent` is True when the request may have reached HQ (the reply was lost): safe for
    our endpoints, which are all idempotent."""

    def __init__(self, message: str, *, url: str, reason: str, sent: bool = False) -> None:
        super().__init__(message)
        self.url = url
        self.reason = reason
        self.sent = sent


class _Answered(SyncError):
    """HQ (or something in its place) answered with a refusal."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: ErrorCode | None = None,
        detail: JsonValue = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.detail = detail


class UpdateRequired(_Answered):
    """HQ does not speak this laptop's protocol version (426, or hello's range).

    `.hq_is_older` is True when it is HQ, not this laptop, that needs the update."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 426,
        code: ErrorCode | None = ErrorCode.UPDATE_REQUIRED,
        detail: JsonValue = None,
        hq_is_older: bool = False,
    ) -> None:
        super().__init__(message, status=status, code=code, detail=detail)
        self.hq_is_older = hq_is_older


class Unauthorized(_Answered):
    """HQ does not recognise this laptop's credential (401)."""


class DeviceRevoked(_Answered):
    """HQ has revoked this laptop (403 device_revoked). Its local records stay."""


class ResyncRequired(_Answered):
    """The laptop's cursor or log id does not match HQ's log (409 resync_required)."""


class HqRefused(_Answered):
    """Any other refusal carrying HQ's reason: `.code` (an ErrorCode), `.status`, and
    `.retry_after` (seconds) when HQ said when to come back (429)."""

    code: ErrorCode

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: ErrorCode,
        detail: JsonValue = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status=status, code=code, detail=detail)
        self.retry_after = retry_after


class HqBroken(SyncError):
    """An answer that is not the protocol: a server error, HTML from a captive portal or a
    proxy, truncated or garbled JSON, the wrong shape, an attachment that does not match
    its hash. `.status` is the HTTP status (0 when there was none)."""

    def __init__(self, message: str, *, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class InsecureUrl(SyncError):
    """A server address Outpost refuses before connecting: plain http:// to anything but
    this machine, another scheme, no host, credentials or a query in the URL."""

    def __init__(self, message: str, *, url: str) -> None:
        super().__init__(message)
        self.url = url
