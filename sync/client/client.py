"""`HqClient`: the laptop's side of the sync protocol, one method per HQ endpoint.

    client = HqClient("https://hq.example.org", token=token, ca_file=None)
    hello = client.hello()            # versions, HQ's log id, encodings it accepts
    page = client.pull(cursor, limit=500, log_id=log_id)
    client.close()                    # or use it as a context manager

Every method returns a protocol model or raises a `sync.client.errors.SyncError`. Every
answer that carries `server_time_ms` updates `clock_offset_ms` (HQ's clock minus this
laptop's, measured at the midpoint of the exchange) and `rtt_ms`. All endpoints but
enrolment are idempotent (push by batch and change ids), so they are retried after a
dropped connection; enrolment spends a one-time code and is retried only when it surely
never reached HQ. One client is for one thread at a time.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Sequence
from types import TracebackType
from typing import Any, TypeVar

import requests
from pydantic import BaseModel

from sync.client.answers import error_for, parse
from sync.client.errors import HqBroken, HqRefused, HqUnreachable, UpdateRequired
from sync.client.transport import Answer, Transport
from sync.client.urls import check_url
from sync.protocol import (
    DERIVED_IDS,
    LIMITS,
    PROTOCOL_VERSION,
    AttachmentsMissing,
    AttachmentsQuery,
    ChangeResult,
    EnrolRequest,
    EnrolResponse,
    Hello,
    PositionalResults,
    PullPage,
    PushRequest,
    PushResponse,
    StatusResponse,
    UploadOffset,
    derived_change_id,
    wire,
)

UPLOAD_CHUNK = 256 * 1024  # bytes of an attachment per request (HQ's limit)
_M = TypeVar("_M", bound=BaseModel)
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _check_sha(sha256: str) -> str:
    if not _SHA256.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 in lowercase hex: {sha256[:80]!r}")
    return sha256


def clock_offset_ms(sent_at_ms: float, rtt_ms: float, server_time_ms: int) -> int:
    """HQ's clock minus this laptop's, from one exchange: 0 when HQ's time falls inside the
    exchange (no skew shows through the round trip's uncertainty), else the midpoint estimate.

    A midpoint estimate is off by up to half the round trip; applied to a laptop whose clock
    agrees with HQ's, that noise alone let an edit made a few milliseconds earlier on one
    laptop stamp later than one made after it on another.
    """
    # HQ's time is whole milliseconds, truncated: a millisecond of slack at each end.
    if sent_at_ms - 1 <= server_time_ms <= sent_at_ms + rtt_ms + 1:
        return 0
    return round(server_time_ms - (sent_at_ms + rtt_ms / 2.0))


class HqClient:
    """HQ at `base_url` (https://, or http:// to this machine only: InsecureUrl otherwise,
    before any connection).

    token            the device token from enrolment (settable later: `client.token = ...`)
    ca_file          a CA bundle to verify HQ's certificate with (a clinic's own CA)
    timeout          seconds to wait for each read of an answer
    connect_timeout  seconds to wait for a connection
    retries          attempts after the first, on a refused/dropped/timed-out connection and
                     on 502/503/504/429 (so at most retries + 1 attempts)
    backoff          base of the pause between attempts: full jitter over
                     backoff * 2**attempt, at most 30 s; or HQ's Retry-After (one over
                     30 s ends the retries: HqRefused.retry_after says it)
    session          a requests.Session to use (not closed by close()); else one of its own
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_file: str | None = None,
        timeout: float = 30.0,
        connect_timeout: float = 5.0,
        retries: int = 3,
        backoff: float = 0.5,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = check_url(base_url)  # InsecureUrl before any connection
        self.token = token
        self.clock_offset_ms: int | None = None
        self.rtt_ms: int | None = None
        self.last_hello: Hello | None = None
        self.transport = Transport(
            self.base_url,
            ca_file=ca_file,
            timeout=timeout,
            connect_timeout=connect_timeout,
            retries=retries,
            backoff=backoff,
            session=session,
        )

    # -- plumbing ------------------------------------------------------------------------

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> HqClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _token(self) -> str:
        if not self.token:
            raise ValueError("this request needs the device token HQ gave at enrolment")
        return self.token

    def _measure(self, answer: Answer, server_time_ms: int) -> None:
        self.clock_offset_ms = clock_offset_ms(answer.sent_at_ms, answer.rtt_ms, server_time_ms)
        self.rtt_ms = round(answer.rtt_ms)

    def _json(
        self,
        method: str,
        path: str,
        model: type[_M],
        what: str,
        *,
        body: BaseModel | None = None,
        exclude: Any = None,
        params: dict[str, str] | None = None,
        auth: bool = True,
        idempotent: bool = True,
    ) -> _M:
        data = None if body is None else wire.model_bytes(body, exclude)
        if data is not None and len(data) > LIMITS.body_bytes_decoded:
            raise ValueError(f"a request of {len(data)} bytes: send fewer changes at a time")
        answer = self.transport.request(
            method,
            path,
            params=params,
            body=data,
            token=self._token() if auth else None,
            idempotent=idempotent,
        )
        result = parse(answer, model, what)
        server_time = getattr(result, "server_time_ms", None)
        if isinstance(server_time, int):
            self._measure(answer, server_time)
        return result

    # -- endpoints -----------------------------------------------------------------------

    def hello(self) -> Hello:
        """HQ's protocol range, clock, log id and accepted encodings (no credential).
        UpdateRequired when HQ and this laptop have no protocol version in common."""
        hello = self._json("GET", "/v1/hello", Hello, "hello", auth=False)
        self.last_hello = hello
        self.transport.encodings = tuple(e.strip().lower() for e in hello.encodings)
        if hello.protocol_min > PROTOCOL_VERSION:
            raise UpdateRequired(
                "This Outpost is too old for HQ: install the update of Outpost, then sync again.",
                status=200,
                code=None,
            )
        if hello.protocol_max < PROTOCOL_VERSION:
            raise UpdateRequired(
                "HQ runs an older Outpost HQ than this laptop: ask HQ to update it; this "
                "laptop keeps its changes until then.",
                status=200,
                code=None,
                hq_is_older=True,
            )
        return hello

    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        """Spend a one-time code for this laptop's credential (`device_token`). Not
        retried once it may have reached HQ: the code works once."""
        return self._json(
            "POST",
            "/v1/enrol",
            EnrolResponse,
            "the enrolment",
            body=request,
            auth=False,
            idempotent=False,
        )

    def push(self, request: PushRequest) -> PushResponse:
        """Send a batch of outbox changes; HQ answers per change once it has committed."""
        compact = self._compact()
        sent = request.model_copy(update={"positional": True}) if compact else request
        try:
            answer = self._json(
                "POST",
                "/v1/push",
                PositionalResults,
                "the push",
                body=sent,
                exclude=self._implied(sent) if compact else None,
            )
        except HqRefused as exc:
            if not compact or exc.status != 422:
                raise
            # An HQ of several processes being upgraded: this one may not take compact
            # changes yet. The same batch in full (a retry of it is harmless: same ids).
            self.last_hello = None
            answer = self._json("POST", "/v1/push", PositionalResults, "the push", body=request)
        if answer.batch_id != request.batch_id or len(answer.results) != len(request.changes):
            raise HqBroken(
                f"HQ at {self.base_url} answered the push with results for another batch; "
                "the changes stay waiting on this laptop."
            )
        results = [  # validated as PositionalResult already
            ChangeResult.model_construct(
                change_id=r.change_id or c.change_id,
                status=r.status,
                position=r.position,
                reason=r.reason,
            )
            for r, c in zip(answer.results, request.changes, strict=True)
        ]
        return PushResponse(
            batch_id=answer.batch_id, results=results, server_time_ms=answer.server_time_ms
        )

    def _compact(self) -> bool:
        hello = self.last_hello
        return hello is not None and DERIVED_IDS in hello.features

    def _implied(self, request: PushRequest) -> dict[str, Any] | None:
        """What HQ fills in itself (if it says it does), left off the wire: derived change
        ids, and an update's stamps equal to the change's own (`Change`)."""
        if not self._compact():
            return None
        implied: dict[int, Any] = {}
        for i, c in enumerate(request.changes):
            left: dict[str, Any] = {}
            if c.change_id == derived_change_id(c.entity, c.entity_id, c.hlc):
                left["change_id"] = True
            if c.op == "update":
                same = {k: {"hlc"} for k, e in c.patch.items() if e.get("hlc") == c.hlc}
                if same:
                    left["patch"] = same
            if left:
                implied[i] = left
        return {"changes": implied} if implied else None

    def pull(
        self, after: int, *, limit: int, log_id: uuid.UUID | None, own: bool = True
    ) -> PullPage:
        """The page of the clinic's changes after position `after` (at most `limit`);
        `own=False`: without the changes this device pushed (the cursor moves past them)."""
        if after < 0 or not 1 <= limit <= LIMITS.page_changes:
            raise ValueError(f"pull after {after} limit {limit}: out of range")
        params = {"after": str(after), "limit": str(limit)}
        if not own:
            params["own"] = "false"
        if log_id is not None:
            params["log"] = str(log_id)
        page = self._json("GET", "/v1/changes", PullPage, "the pull", params=params)
        positions = [c.position for c in page.changes]
        if (
            len(positions) > limit
            or any(p <= after or p > page.head for p in positions)
            or positions != sorted(set(positions))
            or (positions and page.next_cursor < positions[-1])
        ):
            raise HqBroken(
                f"HQ at {self.base_url} sent changes outside the page asked for; none of "
                "them was applied."
            )
        return page

    def status(self) -> StatusResponse:
        return self._json("GET", "/v1/status", StatusResponse, "the status request")

    def missing_attachments(self, hashes: Sequence[str]) -> list[str]:
        """Which of `hashes` HQ lacks (asked in groups HQ accepts), in the order given."""
        wanted = list(dict.fromkeys(_check_sha(h) for h in hashes))
        missing: set[str] = set()
        step = LIMITS.attachments_per_query
        for start in range(0, len(wanted), step):
            group = wanted[start : start + step]
            answer = self._json(
                "POST",
                "/v1/attachments/missing",
                AttachmentsMissing,
                "the attachments question",
                body=AttachmentsQuery(hashes=group),
            )
            missing.update(h for h in answer.missing if h in group)
        return [h for h in wanted if h in missing]

    def upload_offset(self, sha256: str) -> UploadOffset:
        """How much of attachment `sha256` HQ holds already."""
        return self._json(
            "GET",
            f"/v1/attachments/{_check_sha(sha256)}/offset",
            UploadOffset,
            "the upload question",
        )

    def upload_attachment(self, sha256: str, data: bytes, media_type: str) -> None:
        """Upload `data` (whose SHA-256 is `sha256`) resumably: HQ says how much it holds,
        chunks of at most 256 KiB follow from there, and after a cut the upload goes on
        from what HQ has, not from the start."""
        _check_sha(sha256)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("the attachment's bytes do not match its SHA-256")
        if len(data) > LIMITS.attachment_bytes:
            raise ValueError(
                f"an attachment of {len(data)} bytes (HQ takes at most {LIMITS.attachment_bytes})"
            )
        state = self.upload_offset(sha256)
        failures = 0
        while not state.complete:
            offset = state.received
            if not 0 <= offset <= len(data):
                raise HqBroken(
                    f"HQ at {self.base_url} claims {offset} bytes of an attachment of "
                    f"{len(data)}; the upload was stopped."
                )
            chunk = data[offset : offset + UPLOAD_CHUNK]
            try:
                answer = self.transport.request(
                    "POST",
                    f"/v1/attachments/{sha256}",
                    body=chunk,
                    content_type="application/octet-stream",
                    compress=False,
                    headers={
                        "Upload-Offset": str(offset),
                        "Upload-Length": str(len(data)),
                        "X-Media-Type": media_type,
                    },
                    token=self._token(),
                    idempotent=False,  # a cut is resumed below from what HQ holds
                )
                if answer.status == 409:
                    # HQ holds another amount than we thought (another device, a lost reply)
                    error = error_for(answer, "the upload")
                    if not isinstance(error, HqRefused):
                        raise error
                    new_state = self.upload_offset(sha256)
                else:
                    new_state = parse(answer, UploadOffset, "the upload")
            except HqUnreachable:
                failures += 1
                if failures > self.transport.retries:
                    raise
                self.transport.pause(failures - 1)
                new_state = self.upload_offset(sha256)
            if not new_state.complete and new_state.received <= offset:
                failures += 1
                if failures > self.transport.retries:
                    raise HqBroken(
                        f"HQ at {self.base_url} took none of the attachment's bytes; the "
                        "upload was stopped and will be tried again at the next sync."
                    )
            else:
                failures = 0
            state = new_state

    def download_attachment(self, sha256: str) -> bytes:
        """Attachment `sha256` from HQ, verified against its hash."""
        answer = self.transport.request(
            "GET",
            f"/v1/attachments/{_check_sha(sha256)}",
            token=self._token(),
            limit=LIMITS.attachment_bytes,
        )
        if not 200 <= answer.status < 300:
            raise error_for(answer, "the attachment download")
        if hashlib.sha256(answer.body).hexdigest() != sha256:
            raise HqBroken(
                f"The attachment HQ at {self.base_url} sent does not match its fingerprint "
                "(SHA-256); it was not kept."
            )
        return answer.body
