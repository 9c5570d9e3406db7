"""Hostile peers against a real `outpost-hq` (SQLite and PostgreSQL): whatever a peer sends
gets a 4xx whose body is an `ErrorBody` with a reason, never a 5xx, never a crash, and HQ
answers its honest device afterwards (and logged no traceback).

Some requests are sent on a raw socket (tests/sync/test_hq_hostile.py `raw`), so that what
travels is exactly what the test wrote: paths with dot segments, a Content-Length that lies.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests
import zstandard

from sync.protocol import LIMITS, ErrorBody, wire
from sync.protocol.models import PROTOCOL_HEADER
from sync.server import db, store
from sync.server.config import settings_for
from tests.hqserver import HqServer

pytestmark = pytest.mark.slow

H = {PROTOCOL_HEADER: "1"}
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def stamp(ms: int | None = None, node: str = "laptopA") -> str:
    return f"{ms if ms is not None else now_ms():015d}-000000-{node}"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Device:
    hq: HqServer
    clinic_id: str
    device_id: str
    token: str
    log_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {**H, "Authorization": "Bearer " + self.token}

    def change(self, **fields: Any) -> dict[str, Any]:
        body = {
            "change_id": str(uuid.uuid4()),
            "entity": "patient",
            "entity_id": str(uuid.uuid4()),
            "clinic_id": self.clinic_id,
            "op": "insert",
            "patch": {"given": {"v": "Amina"}},
            "hlc": stamp(),
        }
        body.update(fields)
        return body

    def push_body(self, changes: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
        return {"batch_id": str(uuid.uuid4()), "changes": changes, "sent_at_ms": 1, **extra}

    def post(self, path: str, body: Any = None, **kw: Any) -> requests.Response:
        headers = {**self.headers, **kw.pop("headers", {})}
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
        return requests.post(self.hq.url + path, data=body, headers=headers, timeout=120, **kw)

    def get(self, path: str, **kw: Any) -> requests.Response:
        return requests.get(self.hq.url + path, headers=self.headers, timeout=60, **kw)


@dataclass
class Served:
    backend: str
    hq: HqServer
    issue: Any  # (clinic name) -> a one-time code
    mine: Device
    other: Device  # a device of another clinic


def _enrol(hq: HqServer, code: str, name: str = "Laptop") -> Device:
    clinic_id = str(uuid.uuid4())
    body = {"code": code, "device_name": name, "mode": "join", "clinic_id": clinic_id}
    r = requests.post(hq.url + "/v1/enrol", headers=H, json=body, timeout=30)
    assert r.status_code == 200, r.text
    got = r.json()
    return Device(hq, got["clinic_id"], got["device_id"], got["device_token"], got["log_id"])


@pytest.fixture(scope="module", params=BACKENDS)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    backend = str(request.param)
    database_url = None
    if backend == "postgres":
        database_url = request.getfixturevalue("pg_cluster").create_database()
    data_dir = tmp_path_factory.mktemp(f"hostile-{backend}") / "hq"
    with HqServer.started(data_dir, database_url=database_url) as hq:
        engine = db.open_engine(settings_for(data_dir, database_url).url)

        def issue(clinic: str) -> str:
            with db.write_session(engine) as s:
                code, _clinic, _created = store.issue_code(s, clinic, now_ms())
            return code

        try:
            yield Served(
                backend, hq, issue, _enrol(hq, issue("Kisumu")), _enrol(hq, issue("Elsewhere"))
            )
        finally:
            engine.dispose()


@pytest.fixture
def t(served: Served, request: pytest.FixtureRequest) -> Iterator[Served]:
    """The module's HQ; after the test, HQ still answers and logged no traceback (unless
    the test is a known failure: it fails by its own assertions)."""
    since = len(served.hq.log_text())
    yield served
    assert served.hq.running, "HQ died:\n" + served.hq.log_text()[since:][-4000:]
    r = requests.get(served.hq.url + "/v1/status", headers=served.mine.headers, timeout=60)
    assert r.status_code == 200, r.text
    if request.node.get_closest_marker("xfail") is None:
        new = served.hq.log_text()[since:]
        assert "Traceback" not in new and "unexpected error" not in new, new[-6000:]


def refused(r: requests.Response | tuple[int, bytes], *statuses: int) -> ErrorBody:
    """The answer is one of `statuses` (all 4xx) with an ErrorBody saying why."""
    status, content = (r.status_code, r.content) if isinstance(r, requests.Response) else r
    assert status in statuses, (status, content[:500])
    assert 400 <= status < 500
    body = ErrorBody.model_validate_json(content)
    assert body.message.strip()
    return body


# --- raw HTTP -----------------------------------------------------------------------------


def raw(
    hq: HqServer,
    head: bytes,
    body: bytes | Iterator[bytes] = b"",
    *,
    half_close: bool = False,
    timeout: float = 60,
) -> tuple[int, bytes]:
    """Sends `head` (request line and headers, without the blank line) and `body` (from a
    thread, so that an answer given before the body is read still arrives), and reads one
    answer: (status, body). `half_close` shuts our sending side after the body."""
    sock = socket.create_connection(("127.0.0.1", hq.port), timeout=timeout)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)

    def send() -> None:
        try:
            sock.sendall(head + b"\r\n\r\n")
            for part in [body] if isinstance(body, bytes) else body:
                sock.sendall(part)
            if half_close:
                sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # HQ answered and closed before taking it all

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        data = b""
        while b"\r\n\r\n" not in data:
            more = sock.recv(65536)
            if not more:
                break
            data += more
        header, _, rest = data.partition(b"\r\n\r\n")
        lines = header.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(
            (int(x.split(":", 1)[1]) for x in lines[1:] if x.lower().startswith("content-length")),
            None,
        )
        while length is not None and len(rest) < length:
            more = sock.recv(65536)
            if not more:
                break
            rest += more
        return status, rest[:length] if length is not None else rest
    finally:
        sock.close()
        sender.join(10)


def request_head(method: str, path: str, dev: Device | None, **headers: str | int) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"{PROTOCOL_HEADER}: 1"]
    if dev is not None:
        lines.append(f"Authorization: Bearer {dev.token}")
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return "\r\n".join(lines).encode()


# --- bodies -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"\xff\xfe\x00garbage", b"", b"[]", b"null"],
    ids=["not-json", "not-utf8", "empty", "a-list", "null"],
)
def test_a_body_that_is_not_a_push_is_refused(t: Served, body: bytes) -> None:
    refused(t.mine.post("/v1/push", body), 422)


def test_truncated_json_is_refused(t: Served) -> None:
    whole = json.dumps(t.mine.push_body([t.mine.change()])).encode()
    for cut in (1, len(whole) // 2, len(whole) - 1):
        refused(t.mine.post("/v1/push", whole[:cut]), 422)


def test_json_nested_100000_deep_is_refused(t: Served) -> None:
    refused(t.mine.post("/v1/push", b"[" * 100_000 + b"]" * 100_000), 422)
    refused(t.mine.post("/v1/push", b'{"a":' * 100_000 + b"1" + b"}" * 100_000), 422)
    deep = '{"v":' + "[" * 100_000 + "]" * 100_000 + "}"
    body = json.dumps(t.mine.push_body([t.mine.change(patch={"given": "X"})]))
    refused(t.mine.post("/v1/push", body.replace('"X"', deep).encode()), 422)


def test_a_50_mb_body_is_refused_before_it_is_read(t: Served) -> None:
    size = 50 * 1024 * 1024
    chunk = b" " * (1024 * 1024)
    # Announced: refused on its Content-Length.
    head = request_head(
        "POST", "/v1/push", t.mine, Content_Length=size, Content_Type="application/json"
    )
    body = refused(raw(t.hq, head, (chunk for _ in range(50))), 413)
    assert body.error == "too_large"
    # Chunked (no length announced): refused once more than the limit has come.
    head = request_head(
        "POST", "/v1/push", t.mine, Transfer_Encoding="chunked", Content_Type="application/json"
    )
    frames = (b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(50))
    refused(raw(t.hq, head, frames), 413)


@pytest.mark.parametrize("encoding", ["zstd", "gzip"])
def test_a_compression_bomb_is_refused(t: Served, encoding: str) -> None:
    plain = b" " * (LIMITS.body_bytes_decoded + 1024)
    bomb = (
        zstandard.ZstdCompressor().compress(plain) if encoding == "zstd" else gzip.compress(plain)
    )
    assert len(bomb) < LIMITS.body_bytes
    r = t.mine.post("/v1/push", bomb, headers={"Content-Encoding": encoding})
    assert refused(r, 413).error == "too_large"
    # A bomb as an attachment chunk too.
    r = t.mine.post(
        f"/v1/attachments/{'a' * 64}",
        bomb,
        headers={
            "Content-Encoding": encoding,
            "Upload-Offset": "0",
            "Upload-Length": "1000",
            "Content-Type": "application/octet-stream",
        },
    )
    refused(r, 413)


@pytest.mark.parametrize("encoding", ["br", "compress", "deflate", "zstd, gzip", "x" * 5000])
def test_a_content_encoding_hq_does_not_know_is_refused(t: Served, encoding: str) -> None:
    body = json.dumps(t.mine.push_body([])).encode()
    r = t.mine.post("/v1/push", body, headers={"Content-Encoding": encoding})
    refused(r, 422)


def test_a_body_that_is_not_what_its_content_encoding_says_is_refused(t: Served) -> None:
    for encoding in ("zstd", "gzip"):
        r = t.mine.post("/v1/push", b"{}", headers={"Content-Encoding": encoding})
        refused(r, 422)
    for encoding in ("zstd", "gzip"):
        whole = wire.encode(json.dumps(t.mine.push_body([t.mine.change()])).encode(), encoding)
        cut = whole[: len(whole) // 2]
        refused(t.mine.post("/v1/push", cut, headers={"Content-Encoding": encoding}), 422)


def test_a_content_length_that_lies_is_refused_or_waits_for_its_bytes(t: Served) -> None:
    whole = json.dumps(t.mine.push_body([t.mine.change()])).encode()
    # It claims more than the limit: refused at once.
    head = request_head("POST", "/v1/push", t.mine, Content_Length=10**12)
    assert refused(raw(t.hq, head, whole), 413).error == "too_large"
    head = request_head("POST", "/v1/push", t.mine, Content_Length="99999999999999999999999")
    status, content = raw(t.hq, head, whole)
    assert status in (400, 413), (status, content[:300])  # uvicorn's own 400: not a number
    # It claims fewer bytes than sent: HQ reads what it claims (truncated JSON).
    head = request_head("POST", "/v1/push", t.mine, Content_Length=len(whole) // 2)
    refused(raw(t.hq, head, whole), 422)


def test_a_body_that_stops_before_its_content_length_is_not_a_server_error(
    served: Served,
) -> None:
    """The peer claims more bytes than it sends and stops: the connection closes without an
    answer or with a 4xx, nothing is stored, no traceback, and HQ serves the next request."""
    since = len(served.hq.log_text())
    dev = served.mine
    before = dev.get("/v1/status").json()["head"]
    whole = json.dumps(dev.push_body([dev.change()])).encode()
    head = request_head("POST", "/v1/push", dev, Content_Length=len(whole) + 100)
    status, content = (0, b"")
    with contextlib.suppress(OSError, IndexError, ValueError):  # closed unanswered: right
        status, content = raw(served.hq, head, whole, half_close=True, timeout=10)
    assert status == 0 or 400 <= status < 500, (status, content[:300])
    assert dev.get("/v1/status").json()["head"] == before
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and "Disconnect" not in served.hq.log_text()[since:]:
        time.sleep(0.1)  # give a traceback the time to reach the log
    new = served.hq.log_text()[since:]
    assert "Traceback" not in new and "unexpected error" not in new, new[-3000:]


# --- limits of the protocol ---------------------------------------------------------------


def test_more_changes_than_a_batch_may_hold_are_refused(t: Served) -> None:
    changes = [t.mine.change() for _ in range(LIMITS.batch_changes + 1)]
    before = t.mine.get("/v1/status").json()["head"]
    body = refused(t.mine.post("/v1/push", t.mine.push_body(changes)), 422)
    assert body.error == "invalid"
    assert t.mine.get("/v1/status").json()["head"] == before  # none of them stored


def test_a_10000_character_entity_name_patch_key_or_device_name_is_refused(t: Served) -> None:
    long = "x" * 10_000
    for change in (
        t.mine.change(entity=long),
        t.mine.change(patch={long: {"v": 1}}),
        t.mine.change(patch={f"f{i}": {"v": i} for i in range(LIMITS.patch_keys + 1)}),
        t.mine.change(hlc=stamp(node="n" * 10_000)),
        t.mine.change(user_id="u" * 10_000),
    ):
        refused(t.mine.post("/v1/push", t.mine.push_body([change])), 422)
    summary = {"pending": 1, "needs_attention": 0, "app_version": long}
    refused(t.mine.post("/v1/push", t.mine.push_body([], summary=summary)), 422)
    code = t.issue("Kisumu")
    for name_field in ("device_name", "clinic_name"):
        body = {"code": code, "device_name": "Laptop", "mode": "join", name_field: long}
        body["clinic_id"] = t.mine.clinic_id
        refused(requests.post(t.hq.url + "/v1/enrol", headers=H, json=body, timeout=30), 422)
    long_code = {"code": long, "device_name": "L", "mode": "join", "clinic_id": t.mine.clinic_id}
    refused(requests.post(t.hq.url + "/v1/enrol", headers=H, json=long_code, timeout=30), 422)


def test_a_value_past_the_limit_is_refused(t: Served) -> None:
    big = "é" * (LIMITS.value_bytes // 2 + 10)  # within the characters, past the bytes
    r = t.mine.post("/v1/push", t.mine.push_body([t.mine.change(patch={"note": {"v": big}})]))
    assert "bytes" in refused(r, 422).message
    deep: Any = 1
    for _ in range(LIMITS.json_depth + 1):
        deep = {"x": deep}
    r = t.mine.post("/v1/push", t.mine.push_body([t.mine.change(patch={"note": {"v": deep}})]))
    refused(r, 422)


CONTROL = "\x00\x01\x07\x1b\x7f\u0085\u200b\u202e\ufeff\ud7ff"


def test_control_characters_and_nuls_in_values_travel_unchanged(t: Served) -> None:
    """A value is the laptop's data: any string JSON can carry comes back as it went."""
    value = "Am\x00ina " + CONTROL + " \u202eevil"
    change = t.mine.change(patch={"given": {"v": value}, "note": {"v": ["\x00", {"k": "\x00"}]}})
    r = t.mine.post("/v1/push", t.mine.push_body([change]))
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["status"] == "applied", r.text
    position = r.json()["results"][0]["position"]
    page = t.mine.get("/v1/changes", params={"after": position - 1, "limit": 1}).json()
    assert page["changes"][0]["patch"] == change["patch"]


def test_control_characters_and_nuls_in_names_are_refused(t: Served) -> None:
    """Field names, entity names and stamps refuse them, and so do the names HQ stores and
    prints (a device's name, its app version; a NUL cannot be stored in PostgreSQL text)."""
    for change in (
        t.mine.change(patch={"giv\x00en": {"v": 1}}),
        t.mine.change(patch={"given\n": {"v": 1}}),
        t.mine.change(entity="pat\x00ient"),
        t.mine.change(hlc=stamp(node="lap\x00top")),
    ):
        refused(t.mine.post("/v1/push", t.mine.push_body([change])), 422)
    for version in ("1.0\x00", "1.0" + CONTROL, "\x1b[31m1.0"):
        summary = {"pending": 0, "needs_attention": 0, "app_version": version}
        r = t.mine.post("/v1/push", t.mine.push_body([t.mine.change()], summary=summary))
        assert "control characters" in refused(r, 422).message
    code = t.issue("Kisumu")
    for name in ("Lap\x00top", "Laptop " + CONTROL, "\x00", "\x1b]0;owned\x07Laptop"):
        body = {"code": code, "device_name": name, "mode": "new_laptop"}
        r = requests.post(t.hq.url + "/v1/enrol", headers=H, json=body, timeout=30)
        assert "control characters" in refused(r, 422).message
    body = {"code": code, "device_name": "Laptop ünï 名", "mode": "new_laptop"}
    r = requests.post(t.hq.url + "/v1/enrol", headers=H, json=body, timeout=30)
    assert r.status_code == 200, r.text  # the code was not used by the refusals
    body = {
        "code": t.issue("Kisumu"),
        "device_name": "Laptop",
        "mode": "join",
        "clinic_id": t.mine.clinic_id,
        "clinic_name": "Kis\x00umu",  # not stored: HQ's clinic is the code's
    }
    r = requests.post(t.hq.url + "/v1/enrol", headers=H, json=body, timeout=30)
    assert r.status_code == 200, r.text
    assert t.hq.devices()  # the devices list still reads


@pytest.mark.parametrize(
    "query",
    [
        {"after": "-1"},
        {"after": str(2**64)},
        {"after": "9" * 5000},
        {"after": "1.5"},
        {"after": "1e3"},
        {"after": "abc"},
        {"after": ""},
        {"limit": "0"},
        {"limit": "-5"},
        {"limit": str(2**63)},
        {"limit": "NaN"},
        {"log": "not-a-uuid"},
        {"log": "0" * 10_000},
    ],
)
def test_negative_huge_or_non_integer_cursors_and_limits_are_refused(
    t: Served, query: dict[str, str]
) -> None:
    assert refused(t.mine.get("/v1/changes", params=query), 422).error == "invalid"


def test_a_cursor_past_the_head_needs_a_resync_and_a_huge_allowed_limit_is_capped(
    t: Served,
) -> None:
    r = t.mine.get("/v1/changes", params={"after": 2**62})
    assert refused(r, 409).error == "resync_required"
    r = t.mine.get("/v1/changes", params={"after": 0, "limit": 1_000_000})
    assert r.status_code == 200 and len(r.json()["changes"]) <= LIMITS.page_changes


# --- attachments --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "a" * 32 + "%2F" + "a" * 29,
        "A" * 64,
        "a" * 63 + "A",
        "a" * 65,
        "a" * 63,
        "g" * 64,
        "a" * 63 + "%00",
        "a" * 10_000,
        "%20" + "a" * 61,
    ],
)
@pytest.mark.parametrize("suffix", ["", "/offset"])
def test_an_attachment_address_that_is_not_a_sha256_is_refused(
    t: Served, name: str, suffix: str
) -> None:
    path = f"/v1/attachments/{name}{suffix}"
    refused(raw(t.hq, request_head("GET", path, t.mine, Connection="close")), 404, 422)
    head = request_head(
        "POST",
        path,
        t.mine,
        Connection="close",
        Upload_Offset=0,
        Upload_Length=4,
        Content_Length=4,
        Content_Type="application/octet-stream",
    )
    refused(raw(t.hq, head, b"root"), 404, 405, 422)


def test_upload_offsets_and_lengths_out_of_bounds_are_refused(t: Served) -> None:
    data = b"a signature png " * 16
    url = f"/v1/attachments/{sha(data)}"

    def send(offset: Any, length: Any, chunk: bytes = data, **more: str) -> requests.Response:
        headers = {"Upload-Offset": str(offset), "Upload-Length": str(length), **more}
        headers["Content-Type"] = "application/octet-stream"
        return t.mine.post(url, chunk, headers=headers)

    refused(send(len(data) + 1, len(data)), 422)  # offset past the end
    refused(send(0, LIMITS.attachment_bytes + 1), 413)  # longer than an attachment may be
    assert refused(send(0, 2**40), 413).error == "too_large"
    for bad in ("-1", "2e3", "0x10", "", "9" * 100):
        refused(send(bad, len(data)), 422)
        refused(send(0, bad), 422)
    refused(send(0, 0, b""), 422)
    refused(send(0, 4, data), 422)  # a chunk past the announced length
    refused(send(0, len(data), data, **{"X-Media-Type": "image/png; q=1"}), 422)
    refused(send(0, len(data), data, **{"X-Media-Type": "a/" + "b" * 200}), 422)
    big = b"x" * (256 * 1024 + 1)
    refused(send(0, LIMITS.attachment_bytes, big), 413)  # a chunk above 256 KiB
    # and the honest upload still goes through
    r = send(0, len(data))
    assert r.status_code == 200 and r.json()["complete"] is True, r.text


def test_a_media_type_longer_than_hq_stores_is_refused(t: Served) -> None:
    data = b"a long media type " * 8

    def send(media: str) -> requests.Response:
        return t.mine.post(
            f"/v1/attachments/{sha(data)}",
            data,
            headers={
                "Upload-Offset": "0",
                "Upload-Length": str(len(data)),
                "X-Media-Type": media,
                "Content-Type": "application/octet-stream",
            },
        )

    refused(send("a" * 63 + "/" + "b" * 63), 422)  # the pattern's longest: past the column
    r = send("a" * 49 + "/" + "b" * 50)  # 100 characters: kept
    assert r.status_code == 200 and r.json()["complete"] is True, r.text
    got = t.mine.get(f"/v1/attachments/{sha(data)}")
    assert got.content == data and got.headers["X-Media-Type"] == "a" * 49 + "/" + "b" * 50


def test_too_many_hashes_in_one_question_are_refused(t: Served) -> None:
    hashes = [sha(str(i).encode()) for i in range(LIMITS.attachments_per_query + 1)]
    refused(t.mine.post("/v1/attachments/missing", {"hashes": hashes}), 422)
    refused(t.mine.post("/v1/attachments/missing", {"hashes": ["A" * 64]}), 422)
    refused(t.mine.post("/v1/attachments/missing", {"hashes": "a" * 64}), 422)
    r = t.mine.post("/v1/attachments/missing", {"hashes": hashes[:-1]})
    assert r.status_code == 200 and len(r.json()["missing"]) == len(hashes) - 1


# --- credentials ----------------------------------------------------------------------------


def test_another_clinics_device_reads_none_of_this_clinics_changes(t: Served) -> None:
    secret = t.mine.change(patch={"given": {"v": "Only Kisumu's"}})
    r = t.mine.post("/v1/push", t.mine.push_body([secret]))
    assert r.json()["results"][0]["status"] == "applied"
    data = b"Kisumu's attachment"
    t.mine.post(
        f"/v1/attachments/{sha(data)}",
        data,
        headers={"Upload-Offset": "0", "Upload-Length": str(len(data))},
    )
    page = t.other.get("/v1/changes", params={"after": 0, "limit": 2000}).json()
    assert all(c["clinic_id"] == t.other.clinic_id for c in page["changes"])
    assert secret["change_id"] not in {c["change_id"] for c in page["changes"]}
    assert "Only Kisumu" not in json.dumps(page)
    refused(t.other.get(f"/v1/attachments/{sha(data)}"), 404)
    assert t.other.get(f"/v1/attachments/{sha(data)}/offset").json()["received"] == 0
    missing = t.other.post("/v1/attachments/missing", {"hashes": [sha(data)]}).json()
    assert missing["missing"] == [sha(data)]
    # Nor can it write into this clinic's log, under its own id or a stolen change id.
    head = t.mine.get("/v1/status").json()["head"]
    forged = t.other.change(clinic_id=t.mine.clinic_id)
    stolen = {**secret, "clinic_id": t.other.clinic_id}
    got = t.other.post("/v1/push", t.other.push_body([forged, stolen])).json()["results"]
    assert [x["status"] for x in got] == ["rejected", "rejected"]
    assert t.mine.get("/v1/status").json()["head"] == head


@pytest.mark.parametrize(
    "token",
    [
        "",
        "x" * 10_000,
        "not-a-token",
        "{device}",
        "{device}.",
        "{device}.wrong",
        "{device}.{secret}x",
        "{device}\t.{secret}",
        ".{secret}",
        "{device}.{secret}.{secret}",
    ],
)
def test_a_forged_or_garbled_token_is_unauthorized(t: Served, token: str) -> None:
    device, secret = t.mine.token.split(".", 1)
    value = token.format(device=device, secret=secret)
    head = request_head("GET", "/v1/changes", None, Authorization=f"Bearer {value}")
    assert refused(raw(t.hq, head), 401, 400).error == "unauthorized"


def test_many_rapid_enrolment_attempts_are_rate_limited(hq_sqlite: HqServer) -> None:
    body = {
        "code": "AAAA-BBBB-CCCC-DDDD",
        "device_name": "Guess",
        "mode": "join",
        "clinic_id": str(uuid.uuid4()),
    }
    session = requests.Session()
    statuses = []
    for _ in range(200):
        r = session.post(hq_sqlite.url + "/v1/enrol", headers=H, json=body, timeout=30)
        refused(r, 403, 429)
        statuses.append(r.status_code)
    first = statuses.index(429)
    assert 1 <= first <= 10 and set(statuses[first:]) == {429}
    assert "wait" in r.json()["message"]
    assert hq_sqlite.hello_ok()
    # Even a real code waits: the limit holds for the address, not for one code.
    real = {**body, "code": hq_sqlite.enrol("Kisumu")}
    refused(session.post(hq_sqlite.url + "/v1/enrol", headers=H, json=real, timeout=30), 429)
