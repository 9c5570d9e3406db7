"""One HTTP exchange with HQ, made robust: retries, timeouts, compression, bounded reads.

`Transport.request` sends a request and returns HQ's `Answer` (any status), or raises
`HqUnreachable` once the retries are spent. It never lets requests decode an answer on
its own: the raw bytes are read with a cap and decompressed by `sync.protocol.wire.decode`
with a bound, so neither a huge answer nor a zstd bomb can fill the laptop's memory.

Retries (exponential backoff with full jitter, `backoff * 2**n` capped) cover what a
flaky link does: a refused or timed-out connection, a connection dropped mid-answer, and
the statuses a proxy or a busy HQ answers (502, 503, 504, 429; a Retry-After is honoured
up to `max_retry_after`, and a longer one ends the retries at once: the refusal carries
it). A request that is not idempotent is retried only when it surely
never reached HQ (the connection was never made, or HQ said it did not take it: 503/429).
"""

from __future__ import annotations

import email.utils
import random
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from sync.client.errors import HqBroken, HqUnreachable
from sync.client.urls import is_loopback
from sync.protocol import LIMITS, PROTOCOL_VERSION, wire
from sync.protocol.models import PROTOCOL_HEADER

RETRY_STATUSES: Final = frozenset({429, 502, 503, 504})
# Statuses that say HQ did not take the request: safe to retry even if it is not idempotent.
NOT_TAKEN_STATUSES: Final = frozenset({429, 503})
BACKOFF_CAP = 30.0  # seconds: the longest pause between two attempts
READ_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Answer:
    """An HTTP answer read in full (decompressed), with the timing of its exchange."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    sent_at_ms: float  # wall clock when the request left
    rtt_ms: float  # from sending to the last byte of the answer

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()


@dataclass(frozen=True)
class _Failure:
    reason: str  # for a person: "connection refused", "no answer within 30 s", ...
    retry: bool  # worth another attempt
    sent: bool  # the request may have reached HQ
    advice: str = "Check the network link and try again later."


CERTIFICATE_ADVICE = (
    "A network that intercepts connections can cause this, or HQ's certificate changed: "
    "ask HQ (a clinic with its own certificate authority gives it with --ca-file)."
)


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps (args, causes, contexts, MaxRetryError)."""
    seen: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo and len(seen) < 20:
        item = todo.pop()
        if any(item is s for s in seen):
            continue
        seen.append(item)
        todo.extend(a for a in item.args if isinstance(a, BaseException))
        reason = getattr(item, "reason", None)
        if isinstance(reason, BaseException):
            todo.append(reason)
        for linked in (item.__cause__, item.__context__):
            if linked is not None:
                todo.append(linked)
    return seen


def _classify(exc: BaseException, *, host: str, connect_timeout: float, timeout: float) -> _Failure:
    chain = _chain(exc)

    def has(kind: type[BaseException]) -> bool:
        return any(isinstance(e, kind) for e in chain)

    if has(requests.exceptions.SSLError) or has(urllib3.exceptions.SSLError):
        text = " ".join(str(e) for e in chain)
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
            return _Failure(
                "its certificate could not be verified",
                retry=False,
                sent=False,
                advice=CERTIFICATE_ADVICE,
            )
        return _Failure(
            "the secure connection failed", retry=False, sent=False, advice=CERTIFICATE_ADVICE
        )
    # NewConnectionError subclasses ConnectTimeoutError in urllib3: test it first.
    if has(urllib3.exceptions.NameResolutionError):
        return _Failure(f"the name {host} could not be found", retry=True, sent=False)
    if has(urllib3.exceptions.NewConnectionError) and not has(socket.timeout):
        if has(ConnectionRefusedError):
            return _Failure("connection refused", retry=True, sent=False)
        return _Failure("the network is unreachable", retry=True, sent=False)
    if has(requests.exceptions.ConnectTimeout) or has(urllib3.exceptions.ConnectTimeoutError):
        return _Failure(f"no answer within {connect_timeout:g} s", retry=True, sent=False)
    if has(requests.exceptions.ReadTimeout) or has(urllib3.exceptions.ReadTimeoutError):
        return _Failure(f"no answer within {timeout:g} s", retry=True, sent=True)
    if has(TimeoutError) and not has(urllib3.exceptions.ProtocolError):
        return _Failure(f"no answer within {timeout:g} s", retry=True, sent=True)
    if has(requests.exceptions.ProxyError) or has(urllib3.exceptions.ProxyError):
        return _Failure("the network proxy could not be reached", retry=True, sent=False)
    return _Failure("the connection dropped", retry=True, sent=True)


def retry_after_seconds(value: str | None, cap: float) -> float | None:
    """Seconds from a Retry-After header (seconds or an HTTP date), capped; None if absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    seconds: float | None = None
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = when.timestamp() - time.time()
    return min(max(seconds, 0.0), cap)


class _TooLarge(Exception):
    pass


def _read_capped(response: requests.Response, cap: int) -> bytes:
    """The raw (still encoded) body, refusing more than `cap` bytes."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > cap:
        raise _TooLarge
    buffer = bytearray()
    for chunk in response.raw.stream(READ_CHUNK, decode_content=False):
        buffer += chunk
        if len(buffer) > cap:
            raise _TooLarge
    return bytes(buffer)


class Transport:
    """HTTP to one HQ base URL over one requests.Session (connections are reused)."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_file: str | None,
        timeout: float,
        connect_timeout: float,
        retries: int,
        backoff: float,
        session: requests.Session | None,
    ) -> None:
        self.base_url = base_url
        self.host = base_url.split("://", 1)[1].split("/", 1)[0]
        self.verify: bool | str = ca_file if ca_file is not None else True
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        self.max_retry_after = 30.0  # seconds: a longer Retry-After is not waited for
        self.encodings: tuple[str, ...] = wire.ENCODINGS  # what HQ accepts (from hello)
        self._owns_session = session is None
        self.session = session if session is not None else requests.Session()
        self.sleep: Callable[[float], None] = time.sleep
        # A network proxy from the environment is used for HQ, never for this machine.
        loopback = is_loopback(urlsplit(base_url).hostname or "")
        self.proxies: dict[str, str] | None = (
            {"http": "", "https": "", "all": ""} if loopback else None
        )
        self._random = random.Random()

    def close(self) -> None:
        if self._owns_session:
            self.session.close()

    def pause(self, attempt: int, retry_after: float | None = None) -> None:
        """Wait before attempt number `attempt` + 1: HQ's Retry-After if it gave one, else
        full jitter over an exponential ceiling."""
        if retry_after is not None:
            delay = retry_after
        else:
            delay = self._random.uniform(0.0, min(BACKOFF_CAP, self.backoff * 2**attempt))
        if delay > 0:
            self.sleep(delay)

    def request_encoding(self, size: int) -> str | None:
        if size < wire.COMPRESS_FROM:
            return None
        return next((e for e in wire.ENCODINGS if e in self.encodings), None)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: bytes | None = None,
        content_type: str = "application/json",
        compress: bool = True,
        headers: Mapping[str, str] | None = None,
        token: str | None = None,
        idempotent: bool = True,
        limit: int = LIMITS.body_bytes_decoded,
    ) -> Answer:
        url = self.base_url + path
        sent_headers = {
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
            "Accept-Encoding": ", ".join(wire.ENCODINGS),
            "Accept": "application/json, application/octet-stream",
            "User-Agent": f"outpost-sync/{PROTOCOL_VERSION}",
        }
        if token is not None:
            sent_headers["Authorization"] = f"Bearer {token}"
        data: bytes | None = None
        if body is not None:
            encoding = self.request_encoding(len(body)) if compress else None
            data = wire.encode(body, encoding)
            sent_headers["Content-Type"] = content_type
            if encoding is not None:
                sent_headers["Content-Encoding"] = encoding
        if headers:
            sent_headers.update(headers)

        attempt = 0
        while True:
            sent_at = time.time() * 1000.0
            started = time.monotonic()
            try:
                answer = self._once(
                    method, url, params, data, sent_headers, limit, sent_at, started
                )
            except (HqBroken, requests.exceptions.InvalidHeader, requests.exceptions.InvalidURL):
                raise  # not the link: a bad answer, or a request built wrong (a bug)
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
                failure = _classify(
                    exc,
                    host=self.host,
                    connect_timeout=self.connect_timeout,
                    timeout=self.timeout,
                )
                may_retry = failure.retry and (idempotent or not failure.sent)
                if not may_retry or attempt >= self.retries:
                    raise HqUnreachable(
                        f"HQ could not be reached at {self.base_url} ({failure.reason}). "
                        + failure.advice,
                        url=self.base_url,
                        reason=failure.reason,
                        sent=failure.sent,
                    ) from None
                self.pause(attempt)
                attempt += 1
                continue
            if (
                answer.status in RETRY_STATUSES
                and attempt < self.retries
                and (idempotent or answer.status in NOT_TAKEN_STATUSES)
            ):
                wait = retry_after_seconds(answer.headers.get("Retry-After"), 24 * 3600.0)
                if wait is not None and wait > self.max_retry_after:
                    return answer  # not worth holding the sync up: the caller hears when
                self.pause(attempt, wait)
                attempt += 1
                continue
            return answer

    def _once(
        self,
        method: str,
        url: str,
        params: Mapping[str, str] | None,
        data: bytes | None,
        headers: Mapping[str, str],
        limit: int,
        sent_at: float,
        started: float,
    ) -> Answer:
        response = self.session.request(
            method,
            url,
            params=params,
            data=data,
            headers=dict(headers),
            timeout=(self.connect_timeout, self.timeout),
            verify=self.verify,
            stream=True,
            allow_redirects=False,  # a captive portal's redirect is reported, not followed
            proxies=self.proxies,
        )
        try:
            try:
                # the raw body may be a little larger than its decoded bound (incompressible
                # bytes, compressed); the bound that matters is applied when decoding
                raw = _read_capped(response, max(limit, LIMITS.body_bytes))
            except _TooLarge:
                raise HqBroken(
                    f"HQ at {self.base_url} sent an answer larger than {limit} bytes; "
                    "nothing of it was used.",
                    status=response.status_code,
                ) from None
        finally:
            response.close()
        if not raw and not _framed(response, method):
            # HQ always says where its answer ends; nothing, and no word of where it would
            # end: the link was cut inside the headers (http.client takes the end of the
            # connection for their end). A proxy's answer ended by closing still has a body.
            raise requests.exceptions.ConnectionError("the answer was cut inside its headers")
        rtt = (time.monotonic() - started) * 1000.0
        encoding = response.headers.get("Content-Encoding")
        try:
            body = wire.decode(raw, encoding, limit=limit)
        except wire.BodyTooLarge:
            raise HqBroken(
                f"HQ at {self.base_url} sent an answer larger than {limit} bytes once "
                "decompressed; nothing of it was used.",
                status=response.status_code,
            ) from None
        except wire.BadBody:
            raise HqBroken(
                f"HQ at {self.base_url} sent a garbled answer (its compression is broken); "
                "nothing of it was used.",
                status=response.status_code,
            ) from None
        return Answer(
            url=url,
            status=response.status_code,
            headers=response.headers,
            body=body,
            sent_at_ms=sent_at,
            rtt_ms=rtt,
        )


def _framed(response: requests.Response, method: str) -> bool:
    """Whether the answer said where its body ends (a length, or chunks), or has none."""
    if method == "HEAD" or response.status_code in (204, 304):
        return True
    headers = response.headers
    return "Content-Length" in headers or "chunked" in headers.get("Transfer-Encoding", "").lower()
