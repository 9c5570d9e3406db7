"""outpost-hq over HTTP: a real server process (tests/hqserver.py), raw requests."""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import zstandard

from sync.protocol import LIMITS
from tests.hqserver import HqServer, hq_server

__all__ = ["hq_server"]

pytestmark = pytest.mark.slow
H = {"Outpost-Protocol": "1"}


@pytest.fixture(scope="module")
def shared_hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HqServer]:
    """One HQ for the parametrised cases of this module: each case enrols a laptop of a
    clinic of its own and looks only at that clinic, so the cases cannot meet (a server
    start per case would cost more than the case)."""
    with HqServer.started(tmp_path_factory.mktemp("shared-hq") / "hq") as server:
        yield server


def a_new_clinic() -> str:
    """A clinic name no other case used (on the shared HQ, a name is one clinic)."""
    return f"Clinic {uuid.uuid4().hex[:12]}"


def stamp(ms: int | None = None, counter: int = 0, node: str = "laptopA") -> str:
    ms = ms if ms is not None else int(time.time() * 1000)
    return f"{ms:015d}-{counter:06d}-{node}"


def change(
    clinic_id: uuid.UUID,
    *,
    entity_id: uuid.UUID | None = None,
    op: str = "insert",
    patch: dict[str, Any] | None = None,
    hlc: str | None = None,
    change_id: uuid.UUID | None = None,
) -> dict[str, Any]:
    return {
        "change_id": str(change_id or uuid.uuid4()),
        "entity": "patient",
        "entity_id": str(entity_id or uuid.uuid4()),
        "clinic_id": str(clinic_id),
        "op": op,
        "patch": patch if patch is not None else {"given": {"v": "Amina"}},
        "hlc": hlc or stamp(),
    }


def enrol(hq: HqServer, **body: Any) -> requests.Response:
    """POST /v1/enrol with `body` (a join of a new clinic id, by default)."""
    fields = {"device_name": "Laptop", "mode": "join", "clinic_id": str(uuid.uuid4()), **body}
    return requests.post(
        hq.url + "/v1/enrol",
        headers=H,
        json={k: v for k, v in fields.items() if v is not None},
        timeout=10,
    )


class Laptop:
    def __init__(
        self,
        hq: HqServer,
        clinic: str = "Kisumu",
        *,
        clinic_id: uuid.UUID | None = None,
        mode: str = "join",
    ) -> None:
        self.hq = hq
        self.clinic_id = clinic_id or uuid.uuid4()
        r = enrol(
            hq, code=hq.enrol(clinic), mode=mode, clinic_id=str(self.clinic_id), clinic_name=clinic
        )
        assert r.status_code == 200, r.text
        self.enrolment = r.json()
        self.clinic_id = uuid.UUID(self.enrolment["clinic_id"])
        self.device_id = self.enrolment["device_id"]
        self.headers = {**H, "Authorization": "Bearer " + self.enrolment["device_token"]}
        self.log_id = self.enrolment["log_id"]

    def push(self, changes: list[dict[str, Any]], **extra: Any) -> requests.Response:
        body = {"batch_id": str(uuid.uuid4()), "changes": changes, "sent_at_ms": 1, **extra}
        return requests.post(self.hq.url + "/v1/push", headers=self.headers, json=body, timeout=30)

    def pull(
        self, after: int = 0, limit: int = 100, log: str | None = None, **extra: str
    ) -> requests.Response:
        params: dict[str, Any] = {"after": after, "limit": limit, "log": log or self.log_id}
        params.update(extra)
        return requests.get(
            self.hq.url + "/v1/changes", headers=self.headers, params=params, timeout=30
        )

    def missing(self, *hashes: str) -> list[str]:
        r = requests.post(
            f"{self.hq.url}/v1/attachments/missing",
            headers=self.headers,
            json={"hashes": list(hashes)},
            timeout=10,
        )
        assert r.status_code == 200, r.text
        missing: list[str] = r.json()["missing"]
        return missing

    def offset(self, sha: str) -> Any:
        r = requests.get(
            f"{self.hq.url}/v1/attachments/{sha}/offset", headers=self.headers, timeout=10
        )
        return r.json()


def results(r: requests.Response) -> list[tuple[str, int | None]]:
    assert r.status_code == 200, r.text
    return [(x["status"], x.get("position")) for x in r.json()["results"]]


def test_a_pushed_change_is_applied_and_pulled_back(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    c = change(a.clinic_id)
    assert results(a.push([c])) == [("applied", 1)]
    page = a.pull().json()
    assert page["head"] == 1 and page["next_cursor"] == 1 and page["more"] is False
    got = page["changes"][0]
    assert got["change_id"] == c["change_id"] and got["patch"] == c["patch"]
    assert got["origin_device"] == a.device_id and got["position"] == 1


def test_a_batch_sent_again_is_a_duplicate_and_another_content_is_refused(
    hq_server: HqServer,
) -> None:
    a = Laptop(hq_server)
    c = change(a.clinic_id)
    assert results(a.push([c])) == [("applied", 1)]
    assert results(a.push([c])) == [("duplicate", 1)]
    other = {**c, "patch": {"given": {"v": "Someone else"}}}
    r = a.push([other])
    assert r.json()["results"][0]["status"] == "rejected"
    assert "other content" in r.json()["results"][0]["reason"]
    assert a.pull().json()["head"] == 1


def test_one_refused_change_leaves_the_others_applied_in_order(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    foreign = change(uuid.uuid4())
    batch = [change(a.clinic_id), foreign, change(a.clinic_id)]
    got = a.push(batch).json()["results"]
    assert [x["status"] for x in got] == ["applied", "rejected", "applied"]
    assert [x["change_id"] for x in got] == [c["change_id"] for c in batch]
    assert "another clinic" in got[1]["reason"]
    assert [x["position"] for x in (got[0], got[2])] == [1, 2]


# A step: (op, stamp as ms after t0, node, patch as {field: (value, base)}, outcome), the base
# (ms after t0, node) of the value it was made on top of, or None.
Step = tuple[str, int, str, dict[str, tuple[str, tuple[int, str] | None]], str]
STALE: Step = ("update", 1000, "C", {"given": ("C", (0, "laptopA"))}, "conflict")
# The record: made at t0, then edited by B at t0+2s on top of it (both applied). Then:
LATER_EDITS: dict[str, list[Step]] = {
    "an_edit_on_an_older_value_stamped_before_the_newer_one": [STALE],
    "an_edit_on_the_newest_value_though_stamped_before_it": [
        STALE,  # a conflict in the log is not a value the next edit is based on
        ("update", 1500, "D", {"given": ("D", (2000, "B"))}, "applied"),
    ],
    "an_edit_after_a_delete": [
        ("delete", 3000, "laptopA", {}, "applied"),
        ("update", 4000, "laptopA", {"phone": ("1", None)}, "conflict"),
    ],
}


@pytest.mark.parametrize("steps", list(LATER_EDITS.values()), ids=list(LATER_EDITS))
def test_an_edit_against_a_newer_edit_or_a_delete_is_a_conflict(
    shared_hq: HqServer, steps: list[Step]
) -> None:
    a = Laptop(shared_hq, a_new_clinic())
    rid = uuid.uuid4()
    t0 = int(time.time() * 1000) - 60_000
    made = [
        ("insert", 0, "laptopA", {"given": ("Amina", None)}, "applied"),
        ("update", 2000, "B", {"given": ("B", (0, "laptopA"))}, "applied"),
    ]
    for op, at, node, fields, outcome in [*made, *steps]:
        patch: dict[str, Any] = {
            name: {"v": value} | ({"base": stamp(t0 + base[0], node=base[1])} if base else {})
            for name, (value, base) in fields.items()
        }
        pushed = change(
            a.clinic_id, entity_id=rid, op=op, hlc=stamp(t0 + at, node=node), patch=patch
        )
        assert [status for status, _ in results(a.push([pushed]))] == [outcome], (op, at, node)
    assert len(a.pull().json()["changes"]) == len(made) + len(steps)  # conflicts are logged too


def test_a_change_stamped_far_in_the_future_is_refused(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    future = change(a.clinic_id, hlc=stamp(int(time.time() * 1000) + 3600_000))
    r = a.push([future]).json()["results"][0]
    assert r["status"] == "rejected" and "future" in r["reason"]


def test_pull_pages_in_order_and_sees_only_its_clinic(hq_server: HqServer) -> None:
    a = Laptop(hq_server, "Kisumu")
    b = Laptop(hq_server, "Eldoret")
    for _ in range(5):
        results(a.push([change(a.clinic_id) for _ in range(3)]))
        results(b.push([change(b.clinic_id)]))
    seen: list[int] = []
    cursor, more = 0, True
    while more:
        page = a.pull(after=cursor, limit=4).json()
        seen += [c["position"] for c in page["changes"]]
        assert all(c["clinic_id"] == str(a.clinic_id) for c in page["changes"])
        cursor, more = page["next_cursor"], page["more"]
    assert len(seen) == 15 and seen == sorted(seen)
    assert cursor == a.pull().json()["head"]
    assert len(b.pull().json()["changes"]) == 5


def test_a_wrong_log_or_a_cursor_past_the_head_needs_a_resync(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    results(a.push([change(a.clinic_id)]))
    r = a.pull(log=str(uuid.uuid4()))
    assert r.status_code == 409 and r.json()["error"] == "resync_required"
    r = a.pull(after=5)
    assert r.status_code == 409 and r.json()["error"] == "resync_required"
    # A cursor within the head, but past anything HQ answered this laptop with: HQ was
    # restored from a backup older than the laptop's last sync, and pushes since have moved
    # the head past the laptop's cursor again.
    r = a.pull(after=1)
    assert r.status_code == 409 and r.json()["error"] == "resync_required"
    assert a.pull(after=0).json()["next_cursor"] == 1
    assert a.pull(after=1).json()["changes"] == []


def test_a_pull_without_its_own_changes_still_moves_past_them(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    results(a.push([change(a.clinic_id) for _ in range(3)]))
    mine = a.pull(own="false").json()
    assert mine["changes"] == [] and mine["next_cursor"] == 3 and not mine["more"]
    assert len(a.pull().json()["changes"]) == 3


@pytest.mark.parametrize("version", [None, "0", "2", "abc", "1.0"])
def test_a_missing_old_or_garbled_protocol_gets_update_required(
    shared_hq: HqServer, version: str | None
) -> None:
    headers = {"Outpost-Protocol": version} if version is not None else {}
    for method, path in (("GET", "/v1/hello"), ("POST", "/v1/push"), ("GET", "/v1/changes")):
        r = requests.request(method, shared_hq.url + path, headers=headers, timeout=10)
        assert r.status_code == 426
        assert r.json()["error"] == "update_required" and r.json()["message"]


@pytest.mark.parametrize(
    "token",
    ["", "garbage", "{device}.wrong-secret", "{other}.x"],
    ids=["empty", "garbage", "wrong_secret", "unknown_device"],
)
def test_an_unknown_or_wrong_token_is_unauthorized(shared_hq: HqServer, token: str) -> None:
    a = Laptop(shared_hq, a_new_clinic())
    results(a.push([change(a.clinic_id)]))
    r = requests.get(
        shared_hq.url + "/v1/changes",
        headers={
            **H,
            "Authorization": "Bearer " + token.format(device=a.device_id, other=uuid.uuid4()),
        },
        timeout=10,
    )
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"


def test_a_revoked_device_gets_nothing(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    results(a.push([change(a.clinic_id)]))
    hq_server.revoke(a.device_id)
    r = a.pull()
    assert r.status_code == 403 and r.json()["error"] == "device_revoked"
    assert "revoked" in r.json()["message"]
    assert a.push([change(a.clinic_id)]).status_code == 403
    line = next(d for d in hq_server.devices() if d[0] == a.device_id)
    assert line[-1] == "revoked"


def test_an_enrolment_code_works_once(hq_server: HqServer) -> None:
    body = {
        "code": hq_server.enrol("Kisumu").lower().replace("-", ""),
        "clinic_id": str(uuid.uuid4()),
    }
    assert enrol(hq_server, **body).ok
    r = enrol(hq_server, **body)
    assert r.status_code == 403 and r.json()["error"] == "code_invalid"


def test_join_binds_the_clinic_and_another_clinic_id_is_a_mismatch(hq_server: HqServer) -> None:
    a = Laptop(hq_server, "Kisumu")
    assert a.enrolment["clinic_is_new"] is True
    again = Laptop(hq_server, "kisumu", clinic_id=a.clinic_id)  # names compare case-blind
    assert again.enrolment["clinic_is_new"] is False
    r = enrol(hq_server, code=hq_server.enrol("Kisumu"), device_name="B")
    assert r.status_code == 409 and r.json()["error"] == "clinic_mismatch"
    assert "init --from-server" in r.json()["message"]
    newl = Laptop(hq_server, "Kisumu", mode="new_laptop")
    assert newl.clinic_id == a.clinic_id and newl.enrolment["clinic_is_new"] is False
    r = enrol(hq_server, code=hq_server.enrol("Nowhere"), mode="new_laptop", clinic_id=None)
    assert r.status_code == 409 and "sync enrol" in r.json()["message"]


def test_failed_enrolments_from_one_address_are_rate_limited(hq_server: HqServer) -> None:
    clinic_id = str(uuid.uuid4())
    statuses = [
        enrol(hq_server, code="AAAA-BBBB-CCCC-DDDD", clinic_id=clinic_id).status_code
        for _ in range(12)
    ]
    assert statuses[:10] == [403] * 10 and statuses[-1] == 429


HOSTILE_BODIES: dict[str, tuple[bytes, dict[str, str], int]] = {
    "not_json": (b"{not json", {}, 422),
    "wrong_types": (b'{"batch_id": 5, "changes": "x", "sent_at_ms": "1"}', {}, 422),
    "deeply_nested": (b"[" * 100_000 + b"]" * 100_000, {}, 422),
    "too_large": (b"x" * (LIMITS.body_bytes + 10), {}, 413),
    "zstd_bomb": (
        zstandard.ZstdCompressor().compress(b" " * (LIMITS.body_bytes_decoded + 10)),
        {"Content-Encoding": "zstd"},
        413,
    ),
    "gzip_bomb": (
        gzip.compress(b" " * (LIMITS.body_bytes_decoded + 10)),
        {"Content-Encoding": "gzip"},
        413,
    ),
    "garbled_zstd": (b"garbage", {"Content-Encoding": "zstd"}, 422),
    "unknown_encoding": (b"{}", {"Content-Encoding": "br"}, 422),
}


@pytest.mark.parametrize(
    ("body", "extra", "status"), list(HOSTILE_BODIES.values()), ids=list(HOSTILE_BODIES)
)
def test_a_hostile_body_gets_a_4xx_with_a_reason(
    shared_hq: HqServer, body: bytes, extra: dict[str, str], status: int
) -> None:
    a = Laptop(shared_hq, a_new_clinic())
    r = requests.post(
        shared_hq.url + "/v1/push", data=body, headers={**a.headers, **extra}, timeout=60
    )
    assert r.status_code == status, (body[:40], r.text)
    assert r.json()["message"]
    assert a.pull().json()["changes"] == []  # nothing of it was taken


def test_a_change_too_long_or_too_deep_gets_a_4xx(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    long_id = change(a.clinic_id)
    long_id["entity"] = "p" * 1000
    r = a.push([long_id])
    assert r.status_code == 422 and r.json()["error"] == "invalid"
    deep: Any = 1
    for _ in range(40):
        deep = [deep]
    r = a.push([change(a.clinic_id, patch={"x": {"v": deep}})])
    assert r.status_code == 422
    assert a.pull().json()["head"] == 0


def test_a_compressed_push_is_read_and_a_large_answer_is_compressed(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    body = {
        "batch_id": str(uuid.uuid4()),
        "sent_at_ms": 1,
        "changes": [change(a.clinic_id) for _ in range(50)],
    }
    data = zstandard.ZstdCompressor().compress(json.dumps(body).encode())
    r = requests.post(
        hq_server.url + "/v1/push",
        data=data,
        timeout=30,
        headers={**a.headers, "Content-Encoding": "zstd", "Accept-Encoding": "zstd"},
    )
    assert r.status_code == 200 and r.headers["Content-Encoding"] == "zstd"
    assert len(json.loads(zstandard.ZstdDecompressor().decompress(r.content))["results"]) == 50
    r = requests.get(
        hq_server.url + "/v1/changes", timeout=30, headers={**a.headers, "Accept-Encoding": "gzip"}
    )
    assert r.headers["Content-Encoding"] == "gzip" and len(r.json()["changes"]) == 50


def _upload(a: Laptop, sha: str, data: bytes, offset: int, total: int) -> requests.Response:
    return requests.post(
        f"{a.hq.url}/v1/attachments/{sha}",
        data=data,
        timeout=30,
        headers={
            **a.headers,
            "Upload-Offset": str(offset),
            "Upload-Length": str(total),
            "X-Media-Type": "image/png",
        },
    )


def test_an_attachment_upload_resumes_and_is_verified(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    blob = bytes(range(256)) * 1500  # 384,000 bytes: two chunks
    sha = hashlib.sha256(blob).hexdigest()
    assert a.missing(sha) == [sha]
    assert _upload(a, sha, blob[:200_000], 0, len(blob)).json() == {
        "received": 200_000,
        "complete": False,
    }
    assert a.offset(sha) == {"received": 200_000, "complete": False}
    hq_server.kill()
    hq_server.restart()
    assert _upload(a, sha, blob[200_000:], 200_000, len(blob)).json()["complete"] is True
    got = requests.get(f"{hq_server.url}/v1/attachments/{sha}", headers=a.headers, timeout=10)
    assert got.content == blob
    assert a.missing(sha) == []
    other = Laptop(hq_server, "Eldoret")
    r = requests.get(f"{hq_server.url}/v1/attachments/{sha}", headers=other.headers, timeout=10)
    assert r.status_code == 404 and r.json()["error"] == "not_found"


def test_an_attachment_whose_bytes_do_not_match_is_refused_and_discarded(
    hq_server: HqServer,
) -> None:
    a = Laptop(hq_server)
    sha = hashlib.sha256(b"the real bytes").hexdigest()
    r = _upload(a, sha, b"other bytes!!!", 0, 14)
    assert r.status_code == 422 and "SHA-256" in r.json()["message"]
    assert a.offset(sha) == {"received": 0, "complete": False}
    assert _upload(a, sha, b"the real bytes", 0, 14).json()["complete"] is True


@pytest.mark.parametrize("sha", ["..%2F..%2Fetc%2Fpasswd", "A" * 64, "0" * 63, "0" * 65, "g" * 64])
def test_an_attachment_name_that_is_not_a_sha256_is_refused(shared_hq: HqServer, sha: str) -> None:
    a = Laptop(shared_hq, a_new_clinic())
    r = requests.get(f"{shared_hq.url}/v1/attachments/{sha}", headers=a.headers, timeout=10)
    assert r.status_code in (404, 422) and r.json()["message"]
    r = _upload(a, sha, b"x", 0, 1)
    assert r.status_code in (404, 422) and r.json()["message"]


def test_two_devices_uploading_one_attachment_at_once_end_with_one_copy(
    hq_server: HqServer,
) -> None:
    a = Laptop(hq_server)
    b = Laptop(hq_server, clinic_id=a.clinic_id)
    blob = bytes(range(256)) * 2000  # 512,000 bytes
    sha = hashlib.sha256(blob).hexdigest()
    chunk = 100_000
    errors: list[str] = []

    def upload(device: Laptop) -> None:
        offset = 0
        for _ in range(50):
            r = _upload(device, sha, blob[offset : offset + chunk], offset, len(blob))
            if r.status_code != 200:
                errors.append(r.text)
                return
            if r.json()["complete"]:
                return
            offset = r.json()["received"]
        errors.append("never completed")

    threads = [threading.Thread(target=upload, args=(d,)) for d in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    got = requests.get(f"{hq_server.url}/v1/attachments/{sha}", headers=a.headers, timeout=10)
    assert got.content == blob


def test_the_answer_to_a_push_is_sent_only_after_it_is_durable(hq_server: HqServer) -> None:
    a = Laptop(hq_server)
    batch = [change(a.clinic_id) for _ in range(20)]
    assert {s for s, _ in results(a.push(batch))} == {"applied"}
    hq_server.kill()  # no clean shutdown: what was acknowledged must be on disk
    hq_server.restart()
    assert len(a.pull().json()["changes"]) == 20
    assert {s for s, _ in results(a.push(batch))} == {"duplicate"}


def test_the_openapi_document_describes_the_request_bodies(hq_server: HqServer) -> None:
    doc = requests.get(hq_server.url + "/openapi.json", timeout=10).json()
    push = doc["paths"]["/v1/push"]["post"]["requestBody"]["content"]["application/json"]
    assert push["schema"]["$ref"] == "#/components/schemas/PushRequest"
    assert "PushRequest" in doc["components"]["schemas"]
    assert "Change" in doc["components"]["schemas"]
