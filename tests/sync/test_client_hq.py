"""HqClient against a real `outpost-hq` process (tests/hqserver.py), directly and through
the fault-injecting proxy."""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sync.client.transport
from sync.client import (
    DeviceRevoked,
    HqClient,
    HqRefused,
    HqUnreachable,
    ResyncRequired,
    Unauthorized,
    UpdateRequired,
)
from sync.protocol import (
    Change,
    ChangeStatus,
    EnrolRequest,
    EnrolResponse,
    ErrorCode,
    PushRequest,
    derived_change_id,
)
from tests.hqserver import HqServer
from tests.netproxy import Faults, NetProxy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hq_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HqServer]:
    """One HQ for this module (starting one costs seconds); each test enrols its own
    device of its own clinic, so the tests do not see each other's records."""
    folder: Path = tmp_path_factory.mktemp("client-hq")
    with HqServer.started(folder / "hq") as server:
        yield server


def stamp(counter: int = 0) -> str:
    return f"{int(time.time() * 1000):015d}-{counter:06d}-laptopA"


def push_request(clinic_id: uuid.UUID, n: int = 3, *, given: str = "Amina") -> PushRequest:
    return PushRequest.model_validate(
        {
            "batch_id": str(uuid.uuid4()),
            "sent_at_ms": int(time.time() * 1000),
            "summary": {"pending": n, "needs_attention": 0, "app_version": "test"},
            "changes": [
                {
                    "change_id": str(uuid.uuid4()),
                    "entity": "patient",
                    "entity_id": str(uuid.uuid4()),
                    "clinic_id": str(clinic_id),
                    "op": "insert",
                    "patch": {"given": {"v": f"{given} {i}"}, "village": {"v": "Kisumu"}},
                    "hlc": stamp(i),
                }
                for i in range(n)
            ],
        }
    )


def enrol(hq: HqServer, url: str | None = None) -> tuple[HqClient, EnrolResponse]:
    """A new clinic (its own name) joined to HQ by a new device."""
    client = HqClient(url or hq.url, backoff=0.01, timeout=30)
    name = f"Health Post {uuid.uuid4().hex[:8]}"
    response = client.enrol(
        EnrolRequest(
            code=hq.enrol(name),
            device_name="Front desk",
            mode="join",
            clinic_id=uuid.uuid4(),
            clinic_name=name,
        )
    )
    client.token = response.device_token
    return client, response


@pytest.fixture
def enrolled(hq_server: HqServer) -> Iterator[tuple[HqClient, EnrolResponse]]:
    client, response = enrol(hq_server)
    yield client, response
    client.close()


def test_hello_reports_hq_s_versions_log_and_a_small_clock_offset(hq_server: HqServer) -> None:
    with HqClient(hq_server.url) as client:
        hello = client.hello()
    assert hello.protocol_min <= 1 <= hello.protocol_max
    assert str(hello.log_id) == hq_server.log_id
    assert "zstd" in hello.encodings
    assert client.clock_offset_ms is not None
    assert abs(client.clock_offset_ms) < 60_000  # the same machine's clock


def test_enrolment_with_a_code_from_outpost_hq_enrol_gives_a_working_credential(
    hq_server: HqServer,
) -> None:
    client, response = enrol(hq_server)
    with client:
        assert response.clinic_name.startswith("Health Post ")
        assert response.clinic_is_new
        status = client.status()
        assert status.device_id == response.device_id
        assert status.clinic_id == response.clinic_id
        assert not any(status.counts.values())
        # the code was used: a second enrolment with it is refused, in a sentence
        client.token = None
        with pytest.raises(HqRefused) as caught:
            client.enrol(
                EnrolRequest(
                    code="AAAA-BBBB-CCCC-DDDD",
                    device_name="Another",
                    mode="new_laptop",
                )
            )
    assert caught.value.code is ErrorCode.CODE_INVALID
    assert caught.value.message


def test_push_then_pull_round_trip(enrolled: tuple[HqClient, EnrolResponse]) -> None:
    client, enrolment = enrolled
    request = push_request(enrolment.clinic_id, 3)
    pushed = client.push(request)
    assert [r.status for r in pushed.results] == [ChangeStatus.APPLIED] * 3
    positions = [r.position for r in pushed.results]
    page = client.pull(0, limit=100, log_id=enrolment.log_id)
    assert [c.change_id for c in page.changes] == [c.change_id for c in request.changes]
    assert [c.position for c in page.changes] == positions
    assert page.changes[0].patch["given"].get("v") == "Amina 0"
    assert not page.more
    assert page.next_cursor == page.head == positions[-1]
    again = client.push(request)  # a replayed batch: duplicates with their positions
    assert [(r.status, r.position) for r in again.results] == [
        (ChangeStatus.DUPLICATE, p) for p in positions
    ]
    assert client.status().counts.get("patient") == 3


def test_a_large_page_travels_compressed_and_is_paged(
    enrolled: tuple[HqClient, EnrolResponse],
) -> None:
    client, enrolment = enrolled
    for _ in range(3):
        client.push(push_request(enrolment.clinic_id, 200, given="Wanjiru " + "x" * 50))
    seen: list[int] = []
    cursor = 0
    while True:
        page = client.pull(cursor, limit=250, log_id=enrolment.log_id)
        seen += [c.position for c in page.changes]
        cursor = page.next_cursor
        if not page.more:
            break
    assert len(seen) == 600
    assert seen == sorted(seen)


def test_a_push_whose_reply_is_cut_is_retried_and_answered_duplicate(
    hq_server: HqServer,
) -> None:
    with NetProxy(hq_server.port) as proxy:
        client, enrolment = enrol(hq_server, proxy.url)
        with client:
            request = push_request(enrolment.clinic_id, 5)
            # HQ commits the batch; the reply is lost on the way back; the client sends it
            # again on a new connection and HQ recognises every change.
            proxy.cut_all()
            proxy.next(1, Faults(cut_down_after=0))
            accepted = proxy.accepted
            response = client.push(request)
            assert proxy.accepted == accepted + 2
            assert [r.status for r in response.results] == [ChangeStatus.DUPLICATE] * 5
            page = client.pull(0, limit=100, log_id=enrolment.log_id)
    assert [c.change_id for c in page.changes] == [c.change_id for c in request.changes]
    assert [r.position for r in response.results] == [c.position for c in page.changes]


def test_a_push_cut_mid_request_is_not_applied_and_the_retry_applies_it(
    hq_server: HqServer,
) -> None:
    with NetProxy(hq_server.port) as proxy:
        client, enrolment = enrol(hq_server, proxy.url)
        with client:
            request = push_request(enrolment.clinic_id, 50)
            proxy.cut_all()
            proxy.next(1, Faults(cut_up_after=600))  # headers and a part of the body
            accepted = proxy.accepted
            response = client.push(request)
            assert proxy.accepted == accepted + 2
            assert [r.status for r in response.results] == [ChangeStatus.APPLIED] * 50
            assert client.status().counts == {"patient": 50}


def test_an_old_protocol_gets_update_required_in_hq_s_words(
    enrolled: tuple[HqClient, EnrolResponse], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _ = enrolled
    monkeypatch.setattr(sync.client.transport, "PROTOCOL_VERSION", 0)
    with pytest.raises(UpdateRequired) as caught:
        client.status()
    assert caught.value.status == 426
    assert "update" in caught.value.message.lower()


def test_an_unknown_token_is_unauthorized_and_a_revoked_device_is_told_so(
    hq_server: HqServer, enrolled: tuple[HqClient, EnrolResponse]
) -> None:
    client, enrolment = enrolled
    token = f"{uuid.uuid4()}.{'x' * 43}"
    with HqClient(hq_server.url, token=token) as stranger, pytest.raises(Unauthorized):
        stranger.status()
    hq_server.revoke(str(enrolment.device_id))
    with pytest.raises(DeviceRevoked) as caught:
        client.pull(0, limit=10, log_id=enrolment.log_id)
    assert "revoked" in caught.value.message


def test_a_cursor_of_another_log_needs_a_resync(enrolled: tuple[HqClient, EnrolResponse]) -> None:
    client, _ = enrolled
    with pytest.raises(ResyncRequired):
        client.pull(0, limit=10, log_id=uuid.uuid4())


def test_an_attachment_upload_cut_midway_resumes_and_downloads_verified(
    hq_server: HqServer,
) -> None:
    data = hashlib.sha512(b"scan").digest() * 7000  # 448,000 bytes: two chunks
    sha = hashlib.sha256(data).hexdigest()
    with NetProxy(hq_server.port) as proxy:
        client, _ = enrol(hq_server, proxy.url)
        with client:
            assert client.missing_attachments([sha]) == [sha]
            proxy.cut_all()
            # the first connection: the offset question, the first chunk, then most of the
            # second chunk before the cut
            proxy.next(1, Faults(cut_up_after=400_000))
            client.upload_attachment(sha, data, "image/png")
            assert client.missing_attachments([sha]) == []
            assert client.download_attachment(sha) == data
            assert proxy.accepted >= 3


def test_hq_down_is_unreachable_and_the_same_client_goes_on_after_a_restart(
    hq_server: HqServer, enrolled: tuple[HqClient, EnrolResponse]
) -> None:
    client, enrolment = enrolled
    client.push(push_request(enrolment.clinic_id, 1))
    hq_server.stop()
    with pytest.raises(HqUnreachable, match="connection refused"):
        client.push(push_request(enrolment.clinic_id, 1))
    hq_server.restart()  # same port, same data
    response = client.push(push_request(enrolment.clinic_id, 1))
    assert response.results[0].status is ChangeStatus.APPLIED


def test_a_pull_cut_mid_page_is_asked_again_and_comes_whole(hq_server: HqServer) -> None:
    with NetProxy(hq_server.port) as proxy:
        client, enrolment = enrol(hq_server, proxy.url)
        with client:
            client.push(push_request(enrolment.clinic_id, 300, given="Achieng " + "y" * 80))
            proxy.cut_all()
            proxy.next(1, Faults(cut_down_after=3000))  # the headers and a part of the page
            accepted = proxy.accepted
            page = client.pull(0, limit=1000, log_id=enrolment.log_id)
            assert proxy.accepted == accepted + 2
    assert len(page.changes) == 300
    assert not page.more


def test_a_compact_push_is_the_same_push_in_fewer_bytes(
    enrolled: tuple[HqClient, EnrolResponse],
) -> None:
    """After hello, a laptop leaves off what HQ derives (change ids, an update's own
    stamps) and HQ answers by position: the results and the log are what a full push
    gives."""
    client, enrolment = enrolled
    client.hello()
    base = push_request(enrolment.clinic_id, 3)
    derived = [
        c.model_copy(update={"change_id": derived_change_id(c.entity, c.entity_id, c.hlc)})
        for c in base.changes
    ]
    edit_stamp = stamp(9)
    edit = Change.model_validate(
        {
            "entity": "patient",
            "entity_id": str(derived[0].entity_id),
            "clinic_id": str(enrolment.clinic_id),
            "op": "update",
            "hlc": edit_stamp,
            "patch": {"village": {"v": "Kisian", "hlc": edit_stamp}},
        }
    )
    request = base.model_copy(update={"changes": [*derived, edit]})
    sent: list[bytes] = []
    answered: list[bytes] = []
    original = client.transport.request

    def spy(*args: Any, **kwargs: Any) -> Any:
        sent.append(kwargs.get("body") or b"")
        answer = original(*args, **kwargs)
        answered.append(answer.body)
        return answer

    client.transport.request = spy  # type: ignore[method-assign]
    pushed = client.push(request)
    assert b"change_id" not in sent[-1] and edit_stamp.encode() in sent[-1]
    assert sent[-1].count(edit_stamp.encode()) == 1  # the change's own, not its field's
    assert b"change_id" not in answered[-1]
    assert [r.change_id for r in pushed.results] == [c.change_id for c in request.changes]
    assert {r.status for r in pushed.results} == {ChangeStatus.APPLIED}
    page = client.pull(0, limit=100, log_id=enrolment.log_id)
    assert [c.change_id for c in page.changes] == [c.change_id for c in request.changes]
    pulled = page.changes[-1]
    # Served compact too: a stamp equal to the change's own is the change's (PatchEntry).
    assert pulled.hlc == edit_stamp and pulled.patch["village"] == {"v": "Kisian"}
    again = client.push(request)  # a retry after a cut: every change a duplicate
    assert {r.status for r in again.results} == {ChangeStatus.DUPLICATE}
