"""HqClient against small stand-in HTTP servers that misbehave on purpose (HTML, garbage,
truncated answers, 5xx, 4xx, slowness, bombs) and through the fault-injecting proxy."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import zstandard

from sync.client import (
    DeviceRevoked,
    HqBroken,
    HqClient,
    HqRefused,
    HqUnreachable,
    ResyncRequired,
    Unauthorized,
    UpdateRequired,
)
from sync.client.client import clock_offset_ms
from sync.protocol import (
    ErrorCode,
    PushRequest,
    wire,
)
from tests.netproxy import Faults, NetProxy

LOG_ID = uuid.UUID("6f0f3c1e-7d7a-4c53-9c4c-1f2d9f1d0a11")
CLINIC = uuid.UUID("1b8e1c7e-0d55-4a0b-8d6e-0d9a3d3f8f10")
TOKEN = "3f1c2b4a-0000-4000-8000-000000000001.secret-secret-secret-secret"


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    raw: bytes  # as sent (maybe compressed)
    complete: bool = True  # False: the connection was cut before the whole body came

    @property
    def body(self) -> bytes:
        return wire.decode(self.raw, self.headers.get("content-encoding"))


Reply = tuple[int, dict[str, str], bytes]
Route = Callable[[Seen, "StandIn"], "Reply | Callable[[http.server.BaseHTTPRequestHandler], None]"]


@dataclass
class StandIn:
    """An HTTP/1.1 server on 127.0.0.1 answering every request with `route`."""

    route: Route
    seen: list[Seen] = field(default_factory=list)
    connections: int = 0
    release: threading.Event = field(default_factory=threading.Event)  # ends slow answers
    state: dict[str, Any] = field(default_factory=dict)

    def start(self) -> None:
        standin = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 5

            def setup(self) -> None:
                super().setup()
                standin.connections += 1

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = b""
                try:
                    while len(raw) < length:
                        chunk = self.rfile.read1(length - len(raw))
                        if not chunk:
                            break
                        raw += chunk
                except OSError:
                    pass
                parts = urlsplit(self.path)
                seen = Seen(
                    self.command,
                    parts.path,
                    dict(parse_qsl(parts.query)),
                    {k.lower(): v for k, v in self.headers.items()},
                    raw,
                    complete=len(raw) == length,
                )
                standin.seen.append(seen)
                result = standin.route(seen, standin)
                if not seen.complete:
                    self.close_connection = True
                    return
                if callable(result):
                    result(self)
                    return
                status, headers, body = result
                self.send_response(status)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _any

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that went away mid-answer is what these tests do

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,))
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)

    def paths(self) -> list[str]:
        return [s.path for s in self.seen]


@pytest.fixture
def standin() -> Iterator[Callable[[Route], StandIn]]:
    started: list[StandIn] = []

    def make(route: Route) -> StandIn:
        s = StandIn(route)
        s.start()
        started.append(s)
        return s

    yield make
    for s in started:
        s.stop()


@pytest.fixture
def clients() -> Iterator[Callable[..., HqClient]]:
    made: list[HqClient] = []

    def make(url: str, **kwargs: Any) -> HqClient:
        kwargs.setdefault("token", TOKEN)
        kwargs.setdefault("backoff", 0.001)
        kwargs.setdefault("timeout", 5.0)
        client = HqClient(url, **kwargs)
        slept: list[float] = []
        client.transport.sleep = slept.append
        client.slept = slept  # type: ignore[attr-defined]
        made.append(client)
        return client

    yield make
    for c in made:
        c.close()


# --- answers ---------------------------------------------------------------------------


def now_ms() -> int:
    return int(time.time() * 1000)


def hello_json(**over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "protocol_min": 1,
        "protocol_max": 1,
        "server_time_ms": now_ms(),
        "log_id": str(LOG_ID),
        "encodings": ["zstd", "gzip"],
    }
    body.update(over)
    return body


def json_reply(obj: Any, status: int = 200, **headers: str) -> Reply:
    return status, {"Content-Type": "application/json", **headers}, json.dumps(obj).encode()


def error_reply(status: int, code: str, message: str, **headers: str) -> Reply:
    return json_reply({"error": code, "message": message}, status, **headers)


def push_answer(seen: Seen) -> Reply:
    request = PushRequest.model_validate_json(seen.body)
    return json_reply(
        {
            "batch_id": str(request.batch_id),
            "results": [
                {"change_id": str(c.change_id), "status": "applied", "position": i + 1}
                for i, c in enumerate(request.changes)
            ],
            "server_time_ms": now_ms(),
        }
    )


def always(reply: Reply) -> Route:
    return lambda seen, s: reply


def stamp(n: int = 0) -> str:
    return f"{now_ms():015d}-{n:06d}-laptop1"


def push_request(changes: int = 1, value: str = "Amina") -> PushRequest:
    return PushRequest.model_validate(
        {
            "batch_id": str(uuid.uuid4()),
            "sent_at_ms": now_ms(),
            "changes": [
                {
                    "change_id": str(uuid.uuid4()),
                    "entity": "patient",
                    "entity_id": str(uuid.uuid4()),
                    "clinic_id": str(CLINIC),
                    "op": "insert",
                    "patch": {"given_name": {"v": f"{value} {i}"}, "village": {"v": "Kisumu"}},
                    "hlc": stamp(i),
                }
                for i in range(changes)
            ],
        }
    )


# --- the happy path and what travels -----------------------------------------------------


def test_hello_sends_the_protocol_header_and_no_credential_and_measures_the_clock(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    hour = 3_600_000
    s = standin(lambda seen, s: json_reply(hello_json(server_time_ms=now_ms() + hour)))
    client = clients(s.url)
    hello = client.hello()
    assert hello.log_id == LOG_ID
    headers = s.seen[0].headers
    assert headers["outpost-protocol"] == "1"
    assert headers["accept-encoding"] == "zstd, gzip"
    assert "authorization" not in headers
    assert client.clock_offset_ms is not None
    assert abs(client.clock_offset_ms - hour) < 60_000  # HQ's clock an hour ahead


def test_a_slow_answer_from_an_hq_whose_clock_agrees_measures_no_offset(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    # HQ reads its clock as the request arrives, then takes 300 ms to answer: the midpoint
    # would call that 150 ms of skew, and a laptop corrected by it stamps edits out of order.
    def slow(seen: Seen, s: StandIn) -> Reply:
        arrived = now_ms()
        time.sleep(0.3)
        return json_reply(hello_json(server_time_ms=arrived))

    client = clients(standin(slow).url)
    client.hello()
    assert client.rtt_ms is not None and client.rtt_ms >= 300
    assert client.clock_offset_ms == 0


def test_the_offset_is_hq_s_time_against_the_exchange_s_midpoint_when_outside_it() -> None:
    assert clock_offset_ms(1_000.0, 200.0, 1_100) == 0
    assert clock_offset_ms(1_000.0, 200.0, 1_000) == 0
    assert clock_offset_ms(1_000.0, 200.0, 11_100) == 10_000  # HQ 10 s ahead
    assert clock_offset_ms(1_000.0, 200.0, -8_900) == -10_000  # HQ 10 s behind


def test_requests_reuse_one_connection_and_carry_the_token(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    def route(seen: Seen, s: StandIn) -> Reply:
        if seen.path == "/v1/hello":
            return json_reply(hello_json())
        return push_answer(seen)

    s = standin(route)
    client = clients(s.url)
    client.hello()
    for _ in range(3):
        client.push(push_request())
    assert s.connections == 1
    assert all(seen.headers["authorization"] == f"Bearer {TOKEN}" for seen in s.seen[1:])


def test_large_bodies_go_zstd_small_ones_plain_and_gzip_when_hq_lacks_zstd(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    encodings = ["zstd", "gzip"]

    def route(seen: Seen, s: StandIn) -> Reply:
        if seen.path == "/v1/hello":
            return json_reply(hello_json(encodings=encodings))
        return push_answer(seen)

    s = standin(route)
    client = clients(s.url)
    client.hello()
    client.push(push_request(1))
    client.push(push_request(50))
    encodings[:] = ["gzip"]
    client.hello()
    client.push(push_request(50))
    pushes = [seen for seen in s.seen if seen.path == "/v1/push"]
    assert [p.headers.get("content-encoding") for p in pushes] == [None, "zstd", "gzip"]
    # each decodes to the request the client meant
    assert all(len(PushRequest.model_validate_json(p.body).changes) in (1, 50) for p in pushes)
    assert len(pushes[1].raw) < len(pushes[1].body)


@pytest.mark.parametrize("encoding", ["zstd", "gzip"])
def test_compressed_answers_are_decoded(
    encoding: str, standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    body = wire.encode(json.dumps(hello_json()).encode(), encoding)
    s = standin(
        always((200, {"Content-Type": "application/json", "Content-Encoding": encoding}, body))
    )
    assert clients(s.url).hello().log_id == LOG_ID


def test_pull_sends_the_cursor_and_log_and_checks_the_page(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    positions = [11, 12]

    def route(seen: Seen, s: StandIn) -> Reply:
        changes = [
            {
                "change_id": str(uuid.uuid4()),
                "entity": "patient",
                "entity_id": str(uuid.uuid4()),
                "clinic_id": str(CLINIC),
                "op": "insert",
                "patch": {"given_name": {"v": "Amina"}},
                "hlc": stamp(),
                "position": p,
            }
            for p in positions
        ]
        page = {
            "changes": changes,
            "next_cursor": max(positions),
            "more": False,
            "head": 12,
            "log_id": str(LOG_ID),
            "server_time_ms": now_ms(),
        }
        return json_reply(page)

    s = standin(route)
    client = clients(s.url)
    page = client.pull(10, limit=100, log_id=LOG_ID)
    assert [c.position for c in page.changes] == [11, 12]
    assert s.seen[0].query == {"after": "10", "limit": "100", "log": str(LOG_ID)}
    positions[:] = [9]  # HQ sends a change before the cursor: not applied, refused
    with pytest.raises(HqBroken):
        client.pull(10, limit=100, log_id=None)
    assert "log" not in s.seen[-1].query


def test_a_push_answer_for_another_batch_is_refused(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    def route(seen: Seen, s: StandIn) -> Reply:
        answer = json.loads(push_answer(seen)[2])
        answer["batch_id"] = str(uuid.uuid4())
        return json_reply(answer)

    with pytest.raises(HqBroken, match="another batch"):
        clients(standin(route).url).push(push_request())


# --- answers that are not the protocol ---------------------------------------------------


PORTAL = b"<html><body><h1>Welcome to FreeWifi</h1>Please sign in</body></html>"


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param((200, {"Content-Type": "text/html"}, PORTAL), id="captive-portal-html"),
        pytest.param((200, {"Content-Type": "application/json"}, b"\x00\xffgarbage"), id="garbage"),
        pytest.param(
            (200, {"Content-Type": "application/json"}, b'{"protocol_min": 1, "pro'),
            id="truncated-json",
        ),
        pytest.param(json_reply({"hello": "world"}), id="wrong-shape"),
        pytest.param(json_reply([1, 2, 3]), id="a-list"),
        pytest.param(json_reply(hello_json(protocol_min="one")), id="text-for-number"),
        pytest.param((404, {"Content-Type": "text/html"}, PORTAL), id="404-html"),
        pytest.param((418, {}, b""), id="4xx-empty"),
        pytest.param((302, {"Location": "http://portal.example/login"}, b""), id="redirect"),
        pytest.param(
            (200, {"Content-Type": "application/json", "Content-Encoding": "br"}, b"{}"),
            id="unknown-encoding",
        ),
        pytest.param(
            (
                200,
                {"Content-Type": "application/json", "Content-Encoding": "zstd"},
                b"not zstd at all",
            ),
            id="bad-zstd",
        ),
    ],
)
def test_an_answer_that_is_not_the_protocol_is_hq_broken_with_a_plain_message(
    reply: Reply, standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    s = standin(always(reply))
    with pytest.raises(HqBroken) as caught:
        clients(s.url).hello()
    message = caught.value.message
    assert s.url in message
    assert "Traceback" not in message and "pydantic" not in message.lower()
    assert len(s.seen) == 1  # not retried: it would answer the same
    if reply[1].get("Content-Type") == "text/html":
        assert "sign in" in message


def test_a_redirect_is_not_followed(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    s = standin(
        lambda seen, s: (
            (302, {"Location": f"{s.url}/elsewhere"}, b"")
            if seen.path != "/elsewhere"
            else json_reply(hello_json())
        )
    )
    with pytest.raises(HqBroken):
        clients(s.url).hello()
    assert s.paths() == ["/v1/hello"]


def test_a_server_error_is_hq_broken_and_not_retried(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    s = standin(always(error_reply(500, "server_error", "boom")))
    with pytest.raises(HqBroken, match="HTTP 500") as caught:
        clients(s.url).push(push_request())
    assert caught.value.status == 500
    assert len(s.seen) == 1


def test_a_zstd_bomb_is_stopped_at_the_bound(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    bomb = zstandard.ZstdCompressor(level=19).compress(b"[" + b" " * (40 * 1024 * 1024) + b"]")
    assert len(bomb) < 100_000
    s = standin(
        always((200, {"Content-Type": "application/json", "Content-Encoding": "zstd"}, bomb))
    )
    with pytest.raises(HqBroken, match="larger than"):
        clients(s.url).hello()


def test_a_gzip_bomb_is_stopped_at_the_bound(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    bomb = gzip.compress(b" " * (40 * 1024 * 1024), compresslevel=9)
    s = standin(
        always((200, {"Content-Type": "application/json", "Content-Encoding": "gzip"}, bomb))
    )
    with pytest.raises(HqBroken, match="larger than"):
        clients(s.url).hello()


def test_an_answer_announcing_too_many_bytes_is_refused_before_reading(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    def route(seen: Seen, s: StandIn) -> Callable[[http.server.BaseHTTPRequestHandler], None]:
        def write(h: http.server.BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Length", str(10**12))
            h.send_header("Connection", "close")
            h.end_headers()
            h.wfile.write(b"{" * 1000)
            h.close_connection = True

        return write

    with pytest.raises(HqBroken, match="larger than"):
        clients(standin(route).url).hello()


def test_an_answer_ended_by_closing_the_connection_is_still_read(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    """A proxy may answer without a length and end the body by closing: it has a body, so it
    is not a link cut inside the headers (which leaves none)."""

    def route(seen: Seen, s: StandIn) -> Callable[[http.server.BaseHTTPRequestHandler], None]:
        def write(h: http.server.BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/json")
            h.send_header("Connection", "close")
            h.end_headers()
            h.wfile.write(json.dumps(hello_json()).encode())
            h.close_connection = True

        return write

    hello = clients(standin(route).url).hello()
    assert hello.log_id == LOG_ID


# --- refusals with a reason --------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "kind", "code"),
    [
        (
            error_reply(
                426, "update_required", "This Outpost is too old for HQ: install the update."
            ),
            UpdateRequired,
            ErrorCode.UPDATE_REQUIRED,
        ),
        ((426, {"Content-Type": "text/plain"}, b"Upgrade Required"), UpdateRequired, None),
        (
            error_reply(401, "unauthorized", "HQ does not know this laptop."),
            Unauthorized,
            ErrorCode.UNAUTHORIZED,
        ),
        (
            error_reply(
                403,
                "device_revoked",
                "HQ has revoked this laptop's access. Its records "
                "stay on this laptop; ask HQ to enrol it again.",
            ),
            DeviceRevoked,
            ErrorCode.DEVICE_REVOKED,
        ),
        (
            error_reply(409, "resync_required", "HQ's log is another."),
            ResyncRequired,
            ErrorCode.RESYNC_REQUIRED,
        ),
        (
            error_reply(409, "clinic_mismatch", "HQ's clinic Kisumu already has records."),
            HqRefused,
            ErrorCode.CLINIC_MISMATCH,
        ),
        (
            error_reply(403, "code_invalid", "This enrolment code is not valid."),
            HqRefused,
            ErrorCode.CODE_INVALID,
        ),
        (error_reply(413, "too_large", "A body of 9000000 bytes."), HqRefused, ErrorCode.TOO_LARGE),
    ],
)
def test_error_bodies_map_to_typed_errors_with_hq_s_message(
    reply: Reply,
    kind: type[Exception],
    code: ErrorCode | None,
    standin: Callable[[Route], StandIn],
    clients: Callable[..., HqClient],
) -> None:
    s = standin(always(reply))
    with pytest.raises(kind) as caught:
        clients(s.url).push(push_request())
    error = caught.value
    assert getattr(error, "code", None) == code
    assert getattr(error, "status", None) == reply[0]
    if code is not None:
        assert error.message == json.loads(reply[2])["message"]  # type: ignore[attr-defined]
    assert len(s.seen) == 1


def test_hq_s_message_is_bounded_and_printable(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    s = standin(always(error_reply(422, "invalid", "bad\x1b[31m\nthing " + "x" * 5000)))
    with pytest.raises(HqRefused) as caught:
        clients(s.url).push(push_request())
    assert caught.value.message.startswith("bad [31m thing")
    assert len(caught.value.message) <= 500


@pytest.mark.parametrize(("low", "high", "hq_is_older"), [(2, 3, False), (0, 0, True)])
def test_hello_with_no_common_version_is_update_required(
    low: int,
    high: int,
    hq_is_older: bool,
    standin: Callable[[Route], StandIn],
    clients: Callable[..., HqClient],
) -> None:
    s = standin(always(json_reply(hello_json(protocol_min=low, protocol_max=high))))
    with pytest.raises(UpdateRequired) as caught:
        clients(s.url).hello()
    assert caught.value.hq_is_older is hq_is_older


# --- retries -----------------------------------------------------------------------------


def test_503_then_200_is_retried_and_succeeds(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    def route(seen: Seen, s: StandIn) -> Reply:
        if len(s.seen) <= 2:
            return (503, {"Content-Type": "text/html"}, b"<h1>Service Unavailable</h1>")
        return push_answer(seen)

    s = standin(route)
    client = clients(s.url, retries=3)
    request = push_request()
    response = client.push(request)
    assert [r.change_id for r in response.results] == [c.change_id for c in request.changes]
    assert len(s.seen) == 3
    assert len({seen.raw for seen in s.seen}) == 1  # the same batch each time
    assert len(client.slept) == 2  # type: ignore[attr-defined]


def test_retry_after_is_honoured(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    waits = iter(["2", "0"])

    def route(seen: Seen, s: StandIn) -> Reply:
        wait = next(waits, None)
        if wait is not None:
            return error_reply(429, "rate_limited", "Too many attempts.", **{"Retry-After": wait})
        return json_reply(hello_json())

    client = clients(standin(route).url, retries=3)
    client.hello()
    assert client.slept == [2.0]  # type: ignore[attr-defined]


def test_a_retry_after_beyond_the_cap_is_not_waited_for_but_reported(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    when = "Wed, 21 Oct 2099 07:28:00 GMT"
    s = standin(always(error_reply(429, "rate_limited", "Wait.", **{"Retry-After": when})))
    client = clients(s.url, retries=3)
    with pytest.raises(HqRefused) as caught:
        client.hello()
    assert client.slept == []  # type: ignore[attr-defined]
    assert len(s.seen) == 1
    assert caught.value.retry_after == 24 * 3600.0


def test_backoff_grows_exponentially_with_full_jitter(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    s = standin(always((502, {}, b"Bad Gateway")))
    client = clients(s.url, retries=4, backoff=1.0)
    with pytest.raises(HqBroken, match="HTTP 502"):
        client.hello()
    assert len(s.seen) == 5
    slept: list[float] = client.slept  # type: ignore[attr-defined]
    assert len(slept) == 4
    assert all(0 <= wait <= 2**n for n, wait in enumerate(slept))


def test_rate_limited_after_the_retries_is_refused_with_its_retry_after(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    reply = error_reply(
        429, "rate_limited", "Too many attempts; wait a minute.", **{"Retry-After": "1"}
    )
    s = standin(always(reply))
    with pytest.raises(HqRefused) as caught:
        clients(s.url, retries=1).hello()
    assert caught.value.code is ErrorCode.RATE_LIMITED
    assert caught.value.retry_after == 1.0
    assert len(s.seen) == 2


def test_connection_refused_is_unreachable_after_the_retries(
    clients: Callable[..., HqClient],
) -> None:
    with NetProxy(1) as proxy:
        proxy.refuse()
        client = clients(proxy.url, retries=2)
        with pytest.raises(HqUnreachable) as caught:
            client.hello()
    error = caught.value
    assert error.reason == "connection refused"
    assert not error.sent
    assert error.message.startswith(f"HQ could not be reached at {proxy.url} (connection refused)")
    assert len(client.slept) == 2  # type: ignore[attr-defined]


def test_a_slow_hq_times_out(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    def route(seen: Seen, s: StandIn) -> Reply:
        s.release.wait(10)
        return json_reply(hello_json())

    s = standin(route)
    with pytest.raises(HqUnreachable, match=r"no answer within 0\.2 s") as caught:
        clients(s.url, retries=1, timeout=0.2).hello()
    assert caught.value.sent
    assert len(s.seen) == 2


def test_a_dead_link_that_never_answers_times_out(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    s = standin(lambda seen, s: push_answer(seen))
    with NetProxy(s.port) as proxy:
        proxy.set(blackhole=True)
        client = clients(proxy.url, retries=1, timeout=0.2)
        with pytest.raises(HqUnreachable, match="no answer"):
            client.push(push_request())
        assert proxy.accepted == 2
        assert proxy.bytes_swallowed > 0
        client.close()
    assert s.seen == []


def test_an_answer_cut_short_is_a_dropped_connection_and_retried(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    body = json.dumps(hello_json()).encode()

    def route(
        seen: Seen, s: StandIn
    ) -> Reply | Callable[[http.server.BaseHTTPRequestHandler], None]:
        if len(s.seen) > 1:
            return json_reply(hello_json())

        def write(h: http.server.BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body[:20])
            h.close_connection = True

        return write

    s = standin(route)
    assert clients(s.url).hello().log_id == LOG_ID
    assert len(s.seen) == 2


def test_a_push_whose_reply_was_lost_is_sent_again_with_the_same_ids(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    s = standin(lambda seen, s: push_answer(seen))
    with NetProxy(s.port) as proxy:
        proxy.next(1, Faults(cut_down_after=0))
        client = clients(proxy.url)
        request = push_request(3)
        response = client.push(request)
        client.close()
    assert len(s.seen) == 2  # HQ got it twice: by batch and change ids, the second is a duplicate
    first, second = (PushRequest.model_validate_json(seen.body) for seen in s.seen)
    assert first == second == request
    assert len(response.results) == 3


def test_enrolment_is_not_sent_twice_once_it_may_have_reached_hq(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    from sync.protocol import EnrolRequest

    s = standin(always(error_reply(403, "code_invalid", "used")))
    request = EnrolRequest(
        code="ABCD-EFGH-JKLM-NPQR",
        device_name="Desk 1",
        mode="join",
        clinic_id=CLINIC,
        clinic_name="Kisumu",
    )
    with NetProxy(s.port) as proxy:
        proxy.set(cut_down_after=0)
        client = clients(proxy.url, token=None)
        with pytest.raises(HqUnreachable) as caught:
            client.enrol(request)
        client.close()
    assert caught.value.sent
    assert len(s.seen) == 1


def test_enrolment_is_retried_when_hq_said_it_did_not_take_it(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    from sync.protocol import EnrolRequest

    def route(seen: Seen, s: StandIn) -> Reply:
        if len(s.seen) == 1:
            return (503, {"Retry-After": "0"}, b"busy")
        return json_reply(
            {
                "device_id": str(uuid.uuid4()),
                "device_token": "d." + "x" * 43,
                "clinic_id": str(CLINIC),
                "clinic_name": "Kisumu",
                "clinic_is_new": True,
                "log_id": str(LOG_ID),
                "server_time_ms": now_ms(),
            }
        )

    s = standin(route)
    request = EnrolRequest(
        code="ABCD-EFGH-JKLM-NPQR",
        device_name="Desk 1",
        mode="join",
        clinic_id=CLINIC,
        clinic_name="Kisumu",
    )
    response = clients(s.url, token=None).enrol(request)
    assert response.clinic_is_new
    assert len(s.seen) == 2
    assert "authorization" not in s.seen[0].headers


# --- attachments -------------------------------------------------------------------------


def attachment_route(seen: Seen, s: StandIn) -> Reply:
    """A stand-in HQ for attachments that keeps whatever part of a chunk reached it."""
    store: dict[str, bytearray] = s.state.setdefault("store", {})
    totals: dict[str, int] = s.state.setdefault("totals", {})
    parts = seen.path.split("/")
    if seen.path == "/v1/attachments/missing":
        hashes = json.loads(seen.body)["hashes"]
        s.state.setdefault("asked", []).append(len(hashes))
        have = s.state.get("have", set())
        return json_reply({"missing": [h for h in hashes if h not in have]})
    sha = parts[3]
    got = store.setdefault(sha, bytearray())
    total = totals.get(sha, -1)
    if seen.method == "GET" and parts[-1] == "offset":
        return json_reply({"received": len(got), "complete": len(got) == total})
    if seen.method == "GET":
        data = s.state.get("serve", {}).get(sha)
        if data is None:
            return error_reply(404, "not_found", "HQ has no such attachment of this clinic.")
        return (200, {"Content-Type": "application/octet-stream"}, data)
    offset = int(seen.headers["upload-offset"])
    totals[sha] = int(seen.headers["upload-length"])
    s.state.setdefault("offsets", []).append(offset)
    if offset == len(got):
        got += seen.raw  # a cut chunk: HQ keeps what reached it
    return json_reply({"received": len(got), "complete": len(got) == totals[sha]})


def test_an_upload_cut_mid_chunk_continues_from_what_hq_has(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    data = bytes(range(256)) * 2000  # 512,000 bytes: two chunks
    sha = hashlib.sha256(data).hexdigest()
    s = standin(attachment_route)

    # The stand-in's handler reads Content-Length bytes; a cut leaves it with fewer, which
    # it keeps (as a server that writes chunks through would).
    with NetProxy(s.port) as proxy:
        proxy.next(1, Faults(cut_up_after=100_000))
        client = clients(proxy.url)
        client.upload_attachment(sha, data, "image/png")
        client.close()
        sent = proxy.bytes_up
    assert bytes(s.state["store"][sha]) == data
    offsets: list[int] = s.state["offsets"]
    assert offsets[0] == 0
    assert any(o not in (0, 256 * 1024) for o in offsets)  # resumed where HQ's copy ended
    assert sent < len(data) + 150_000  # the cut part was not sent again from the start


def test_a_complete_attachment_is_not_uploaded_again(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    data = b"signature" * 100
    sha = hashlib.sha256(data).hexdigest()
    s = standin(attachment_route)
    s.state["store"] = {sha: bytearray(data)}
    s.state["totals"] = {sha: len(data)}
    clients(s.url).upload_attachment(sha, data, "image/png")
    assert [seen.method for seen in s.seen] == ["GET"]


def test_upload_refuses_bytes_that_do_not_match_their_hash(
    clients: Callable[..., HqClient],
) -> None:
    with pytest.raises(ValueError):
        clients("http://127.0.0.1:9").upload_attachment("0" * 64, b"data", "image/png")


def test_download_is_verified_against_its_hash(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    data = b"\x89PNG scan" * 1000
    sha = hashlib.sha256(data).hexdigest()
    other = "a" * 64
    s = standin(attachment_route)
    s.state["serve"] = {sha: data, other: data}
    client = clients(s.url)
    assert client.download_attachment(sha) == data
    with pytest.raises(HqBroken, match="fingerprint"):
        client.download_attachment(other)
    with pytest.raises(HqRefused) as caught:
        client.download_attachment("b" * 64)
    assert caught.value.code is ErrorCode.NOT_FOUND


def test_missing_attachments_are_asked_in_groups_hq_accepts(
    standin: Callable[[Route], StandIn], clients: Callable[..., HqClient]
) -> None:
    hashes = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(1200)]
    s = standin(attachment_route)
    s.state["have"] = set(hashes[::2])
    missing = clients(s.url).missing_attachments(hashes + hashes[:10])
    assert missing == hashes[1::2]
    assert s.state["asked"] == [500, 500, 200]
    with pytest.raises(ValueError):
        clients(s.url).missing_attachments(["../../etc/passwd"])


def test_a_network_proxy_from_the_environment_is_not_used_for_this_machine(
    standin: Callable[[Route], StandIn],
    clients: Callable[..., HqClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with NetProxy(1) as dead:
        dead.refuse()  # a proxy that refuses: using it would fail
        for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
            monkeypatch.setenv(name, dead.url)
        monkeypatch.delenv("no_proxy", raising=False)
        monkeypatch.delenv("NO_PROXY", raising=False)
        s = standin(always(json_reply(hello_json())))
        assert clients(s.url, retries=0).hello().log_id == LOG_ID
