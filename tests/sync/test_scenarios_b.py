"""DESIGN.md "Sync — what must survive", scenarios 3 and 11–21: each a test against a real
`outpost-hq` on 127.0.0.1 (SQLite and PostgreSQL, through the `hq` fixture) and real laptop
stores, with real faults. Scenarios 1–10 and the shared helpers: test_scenarios_a.py.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import http.client
import http.server
import json
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

import desktop.app.sync
import sync.client.transport
from desktop import hlc
from desktop.app.patients import PatientInput
from desktop.core import ClinicCore
from desktop.errors import SyncBusy, SyncFailed, SyncRevoked, SyncUnreachable, SyncUpdateRequired
from desktop.paths import DataPaths
from desktop.services import sync_state
from desktop.store import store as store_module
from desktop.store.models import Attachment, Patient
from sync.client.client import HqClient
from sync.client.errors import DeviceRevoked
from sync.protocol import Change, ChangeStatus, PatchEntry, PushRequest
from sync.server import models as hq_models
from tests.conftest import PASSWORD
from tests.hqserver import HqServer, free_port
from tests.netproxy import Faults, NetProxy
from tests.sync.laptops import Laptops, laptops_of, patient_names, register, unacked
from tests.sync.test_scenarios_a import (
    Codes,
    attention,
    client_of,
    device_id_of,
    edit,
    factory,
    hq_engine,
    hq_log,
    hq_state,
    one_line,
    patient_field,
    template,
)
from tests.sync.test_scenarios_a import laptops as laptops  # the fixture

__all__ = ["laptops", "template"]

HOUR_MS = 3600 * 1000
OTHER_CLINIC = "Mombasa Road Dispensary"


# --- helpers ------------------------------------------------------------------------------


def headers(core: ClinicCore | None = None, **extra: str) -> dict[str, str]:
    out = {"Outpost-Protocol": "1", "Content-Type": "application/json"}
    if core is not None:
        out["Authorization"] = f"Bearer {sync_state.link_of(core.sync._meta()).token}"  # type: ignore[union-attr]
    out.update(extra)
    return out


def sign_consent(core: ClinicCore, pid: uuid.UUID) -> str:
    """A signed consent form for the patient; the SHA-256 of one of its signature images
    (all the images are in `images(core)`)."""
    from forms.examples import answers_for

    library = core.forms.library()
    record = core.forms.start(pid, "consent_treatment").value.record_id
    core.forms.complete(record, answers_for(library.get("consent_treatment")), lang="en")
    shas = images(core)
    assert shas
    return shas[0]


def image_bytes(core: ClinicCore, sha: str) -> bytes:
    def read(session: Session) -> bytes:
        row = session.get(Attachment, sha)
        assert row is not None
        return row.data

    return core.tx.read(read)


def images(core: ClinicCore) -> list[str]:
    return core.tx.read(lambda s: sorted(s.scalars(select(Attachment.sha256))))


@contextlib.contextmanager
def clock_off(core: ClinicCore, off_ms: int, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This laptop's clock `off_ms` ahead (negative: behind): its store's clock, the engine's
    and the HTTP client's (which measures the offset from HQ's answers)."""
    clock = core.store.clock
    real_wall = clock._wall
    real_time = time.time

    class Skewed:
        def __getattr__(self, name: str) -> Any:
            return getattr(time, name)

        @staticmethod
        def time() -> float:
            return real_time() + off_ms / 1000.0

    clock._wall = lambda: real_wall() + off_ms
    with monkeypatch.context() as m:
        m.setattr(desktop.app.sync, "wall_clock_ms", lambda: hlc.wall_clock_ms() + off_ms)
        m.setattr(sync.client.transport, "time", Skewed())
        try:
            yield
        finally:
            clock._wall = real_wall


def stamp(wall_ms: int, node: str = "test") -> str:
    return f"{wall_ms:015d}-000000-{node}"


def backup_hq(hq: HqServer, codes: Codes, where: Path) -> str:
    """A copy of HQ's database while it is stopped: the file, or a template database."""
    hq.stop()
    codes.engine.dispose()
    if hq.database_url is None:
        shutil.copy2(hq.data_dir / "hq.db", where)
        return str(where)
    name = f"bak{uuid.uuid4().hex[:8]}"
    _pg(hq, f'CREATE DATABASE "{name}" TEMPLATE "{_dbname(hq)}"')
    return name


def restore_hq(hq: HqServer, codes: Codes, backup: str) -> None:
    hq.stop()
    codes.engine.dispose()
    if hq.database_url is None:
        for extra in ("hq.db-wal", "hq.db-shm"):
            (hq.data_dir / extra).unlink(missing_ok=True)
        shutil.copy2(backup, hq.data_dir / "hq.db")
    else:
        db = _dbname(hq)
        _pg(hq, f'DROP DATABASE "{db}" WITH (FORCE)')
        _pg(hq, f'CREATE DATABASE "{db}" TEMPLATE "{backup}"')
    hq.start()


def _dbname(hq: HqServer) -> str:
    assert hq.database_url is not None
    return urlsplit(hq.database_url).path.lstrip("/")


def _pg(hq: HqServer, statement: str) -> None:
    import psycopg

    assert hq.database_url is not None
    admin = hq.database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(statement)


# --- 3 ------------------------------------------------------------------------------------


@pytest.fixture
def codes(laptops: Laptops) -> Codes:
    return laptops.hq  # type: ignore[return-value]


def test_hq_restored_from_an_older_backup_is_detected_and_resynced_losing_nothing(
    laptops: Laptops, hq: HqServer, codes: Codes, tmp_path: Path
) -> None:
    """Scenario 3 (HQ's side): checkpoints diverge, HQ restored from backup: detected,
    resync, nothing lost."""
    a = laptops.new("a")
    b = laptops.new("b")
    register(a, "Kito")
    a.sync.sync_now()
    b.sync.sync_now()
    backup = backup_hq(hq, codes, tmp_path / "hq-backup.db")
    hq.start()
    register(a, "Lulu")
    a.sync.sync_now()
    register(b, "Mosi")
    b.sync.sync_now()
    a.sync.sync_now()
    assert patient_names(a) == patient_names(b) == {"Kito Achieng", "Lulu Achieng", "Mosi Achieng"}
    restore_hq(hq, codes, backup)  # HQ lost Lulu and Mosi
    codes.engine = hq_engine(hq)
    assert hq_state(a)[1]["patients"] == 1
    report = a.sync.sync_now()
    assert report.resynced
    b.sync.sync_now()
    a.sync.sync_now()
    everyone = {"Kito Achieng", "Lulu Achieng", "Mosi Achieng"}
    assert patient_names(a) == patient_names(b) == everyone
    assert hq_state(a)[1]["patients"] == 3
    c = laptops.new("c")  # a laptop that never saw the old HQ gets everything
    c.sync.sync_now()
    assert patient_names(c) == everyone


def test_a_laptop_restored_from_its_backup_resyncs_and_gets_back_what_it_sent_since(
    laptops: Laptops, tmp_path: Path
) -> None:
    """Scenario 3 (the laptop's side): laptop restored from backup: detected, resync,
    nothing lost (the real backup and restore of desktop/app/backups.py)."""
    a = laptops.new("a")
    b = laptops.new("b")
    register(a, "Nuru")
    a.sync.sync_now()
    info = a.backups.make(tmp_path / "backups")
    register(a, "Omari")
    a.sync.sync_now()  # sent after the backup
    root = a.paths.root
    a.backups.restore(Path(info.path), username="admin", password=PASSWORD)
    a = ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)
    laptops.open.append(a)
    assert patient_names(a) == {"Nuru Achieng"}  # the store went back in time
    register(a, "Pili")  # made after the restore, before the next sync
    head_before, _ = hq_state(a)
    report = a.sync.sync_now()
    assert report.resynced
    assert patient_names(a) == {"Nuru Achieng", "Omari Achieng", "Pili Achieng"}
    b.sync.sync_now()
    assert patient_names(b) == {"Nuru Achieng", "Omari Achieng", "Pili Achieng"}
    assert hq_state(a)[1]["patients"] == 3
    assert unacked(a) == 0
    # The resync did not restart the cursor for ever: the next sync is an ordinary one.
    again = a.sync.sync_now()
    assert not again.resynced and again.sent == 0
    assert head_before < hq_state(a)[0]


# --- 11 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("off_hours", [3, -3], ids=["fast", "slow"])
def test_a_laptop_clock_hours_off_is_corrected_warned_about_and_orders_edits_rightly(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch, off_hours: int
) -> None:
    """Scenario 11: device clocks hours fast or slow."""
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Rehema")
    a.sync.sync_now()
    b.sync.sync_now()
    off = off_hours * HOUR_MS
    with clock_off(a, off, monkeypatch):
        edit(a, pid, village="Kibos")  # stamped by the wrong clock, offline
        report = a.sync.sync_now()
        assert report.rejected == ()  # never refused as "from the future"
        assert report.clock_offset_ms is not None
        assert abs(report.clock_offset_ms + off) < 60_000
        assert report.clock_warning and ("fast" if off > 0 else "slow") in report.clock_warning
        assert a.sync.status().clock_offset_ms == report.clock_offset_ms
    # B edits after A, with a right clock: B's edit is the later one, and wins everywhere.
    time.sleep(0.05)
    edit(b, pid, village="Kanyakwar")
    b.sync.sync_now()
    with clock_off(a, off, monkeypatch):
        a.sync.sync_now()
        assert patient_field(a, pid, "village") == "Kanyakwar"
        # And A's next edit, by its corrected clock, is later than B's.
        time.sleep(0.05)
        edit(a, pid, village="Nyamasaria")
        a.sync.sync_now()
    b.sync.sync_now()
    assert patient_field(b, pid, "village") == patient_field(a, pid, "village") == "Nyamasaria"
    # Stamps HQ keeps are near HQ's clock, not hours off.
    stamps = [c.hlc for c in hq_log(a) if c.entity_id == pid]
    assert all(abs(int(s[:15]) - hlc.wall_clock_ms()) < HOUR_MS for s in stamps)


def test_hq_refuses_a_change_stamped_hours_in_the_future(laptops: Laptops) -> None:
    """Scenario 11 (HQ's cap): a stamp from the future is refused, the others applied."""
    a = laptops.new("a")
    pid = register(a, "Saba")
    a.sync.sync_now()
    now = hlc.wall_clock_ms()

    def change(wall: int) -> Change:
        return Change(
            change_id=uuid.uuid4(),
            entity="patients",
            entity_id=pid,
            clinic_id=a.store.clinic_id,
            op="update",
            patch={"village": PatchEntry(v="Kisian", hlc=stamp(wall))},
            hlc=stamp(wall),
        )

    future, present = change(now + 3 * HOUR_MS), change(now)
    with client_of(a) as client:
        answer = client.push(
            PushRequest(batch_id=uuid.uuid4(), changes=[future, present], sent_at_ms=now)
        )
    assert answer.results[0].status is ChangeStatus.REJECTED
    assert "future" in (answer.results[0].reason or "")
    assert answer.results[1].status is ChangeStatus.APPLIED


# --- 12 -----------------------------------------------------------------------------------


def test_two_syncs_of_one_laptop_at_once_never_send_a_change_twice(laptops: Laptops) -> None:
    """Scenario 12: two syncs from one device at once."""
    a = laptops.new("a")
    b = laptops.new("b")
    for name in ("Tumaini", "Upendo"):
        register(a, name)
    inside = threading.Event()
    go_on = threading.Event()

    def hold(client: HqClient) -> None:
        real = client.push

        def push(request: PushRequest) -> Any:
            inside.set()
            assert go_on.wait(20)
            return real(request)

        client.push = push  # type: ignore[method-assign]

    api = a.sync
    a.sync = type(api)(a, factory(wrap=hold))
    results: list[Any] = []
    first = threading.Thread(target=lambda: results.append(a.sync.sync_now()))
    first.start()
    try:
        assert inside.wait(20)
        with pytest.raises(SyncBusy) as caught:
            a.sync.sync_now()  # while the first is in its push
        one_line(str(caught.value))
    finally:
        go_on.set()
        first.join(30)
    assert results and results[0].sent > 0
    # Many at once, from threads: each is either done or told it is busy; none doubles.
    for name in ("Wema", "Yusra", "Zuhura"):
        register(a, name)
    a.sync = type(api)(a, factory())
    outcomes: list[Any] = []
    barrier = threading.Barrier(4)

    def one() -> None:
        barrier.wait()
        try:
            outcomes.append(a.sync.sync_now())
        except SyncBusy as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(outcomes) == 4 and any(not isinstance(o, Exception) for o in outcomes)
    assert sum(o.duplicates for o in outcomes if not isinstance(o, Exception)) == 0
    assert unacked(a) == 0
    ids = [c.change_id for c in hq_log(a)]
    assert len(ids) == len(set(ids))
    b.sync.sync_now()
    assert len(patient_names(b)) == 5
    assert hq_state(a)[1]["patients"] == 5


# --- 13 -----------------------------------------------------------------------------------


def test_hq_missing_a_record_is_found_by_the_counts_and_repaired(
    laptops: Laptops, hq: HqServer
) -> None:
    """Scenario 13 (HQ lacks one): local and HQ counts disagree: detected, repaired."""
    a = laptops.new("a")
    b = laptops.new("b")
    lost = register(a, "Asali")
    register(a, "Bora")
    a.sync.sync_now()
    engine = hq_engine(hq)
    try:  # a record row disappears at HQ behind its back
        with Session(engine) as s, s.begin():
            s.execute(
                delete(hq_models.RecordRow).where(
                    hq_models.RecordRow.entity == "patients",
                    hq_models.RecordRow.entity_id == lost,
                )
            )
    finally:
        engine.dispose()
    assert hq_state(a)[1]["patients"] == 1
    report = a.sync.sync_now()
    assert report.repaired and report.counts_differ == ()
    assert hq_state(a)[1]["patients"] == 2
    b.sync.sync_now()
    assert patient_names(b) == {"Asali Achieng", "Bora Achieng"}


def test_a_laptop_missing_a_record_is_found_by_the_counts_and_repaired_or_reported(
    laptops: Laptops,
) -> None:
    """Scenario 13 (the laptop lacks one): detected, repaired — or, when a repair cannot
    bring it back, reported by kind with both counts."""
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Chiku")
    register(a, "Dalili")
    a.sync.sync_now()
    b.sync.sync_now()

    def vanish(session: Session) -> None:  # bypassing the outbox, as damage would
        session.info["applying_remote"] = True
        session.execute(update(Patient).where(Patient.id == pid).values(deleted=True))

    b.tx.write(vanish)
    report = b.sync.sync_now()
    assert report.repaired
    if report.counts_differ:
        assert report.counts_differ == (("patients", 1, 2),)
    else:
        assert patient_names(b) == {"Chiku Achieng", "Dalili Achieng"}
    assert hq_state(a)[1]["patients"] == 2  # HQ was not made to lose it


# --- 14 -----------------------------------------------------------------------------------


def test_hostile_payloads_get_a_4xx_with_a_reason_and_hq_keeps_serving(
    laptops: Laptops, hq: HqServer
) -> None:
    """Scenario 14: bad JSON, huge bodies, long ids, path tricks in attachment names, too
    many attachments."""
    a = laptops.new("a")
    pid = register(a, "Eshe")
    a.sync.sync_now()
    url = hq.url
    h = headers(a)
    cid = str(a.store.clinic_id)
    now = hlc.wall_clock_ms()

    def change(**over: Any) -> dict[str, Any]:
        base: dict[str, Any] = {
            "change_id": str(uuid.uuid4()),
            "entity": "patients",
            "entity_id": str(pid),
            "clinic_id": cid,
            "op": "update",
            "patch": {"village": {"v": "X", "hlc": stamp(now)}},
            "hlc": stamp(now),
        }
        base.update(over)
        return base

    def push_body(changes: list[dict[str, Any]]) -> bytes:
        return json.dumps(
            {"batch_id": str(uuid.uuid4()), "changes": changes, "sent_at_ms": now}
        ).encode()

    deep: Any = "x"
    for _ in range(100):
        deep = [deep]
    bomb = gzip.compress(b"\0" * (40 * 1024 * 1024))
    sha = "a" * 64
    cases: list[tuple[str, str, str, dict[str, Any]]] = [
        ("bad JSON", "POST", "/v1/push", {"data": b"{not json"}),
        ("JSON of another shape", "POST", "/v1/push", {"data": b'["a", 1]'}),
        ("a huge body", "POST", "/v1/push", {"data": b" " * (9 * 1024 * 1024)}),
        (
            "a compression bomb",
            "POST",
            "/v1/push",
            {"data": bomb, "headers": {"Content-Encoding": "gzip"}},
        ),
        (
            "garbled gzip",
            "POST",
            "/v1/push",
            {"data": b"\x1f\x8bnot", "headers": {"Content-Encoding": "gzip"}},
        ),
        ("a long entity", "POST", "/v1/push", {"data": push_body([change(entity="p" * 5000)])}),
        (
            "a long change id",
            "POST",
            "/v1/push",
            {"data": push_body([change(change_id="1" * 500)])},
        ),
        (
            "a long field name",
            "POST",
            "/v1/push",
            {"data": push_body([change(patch={"k" * 1000: {"v": 1}})])},
        ),
        (
            "a huge value",
            "POST",
            "/v1/push",
            {"data": push_body([change(patch={"notes": {"v": "n" * 300_000}})])},
        ),
        (
            "deep nesting",
            "POST",
            "/v1/push",
            {"data": push_body([change(patch={"notes": {"v": deep}})])},
        ),
        ("too many changes", "POST", "/v1/push", {"data": push_body([change()] * 1001)}),
        ("a bad stamp", "POST", "/v1/push", {"data": push_body([change(hlc="yesterday")])}),
        (
            "too many attachments",
            "POST",
            "/v1/attachments/missing",
            {"data": json.dumps({"hashes": [f"{i:064x}" for i in range(501)]}).encode()},
        ),
        (
            "a hash that is not one",
            "POST",
            "/v1/attachments/missing",
            {"data": json.dumps({"hashes": ["../../etc/passwd"]}).encode()},
        ),
        ("a path in an attachment name", "GET", "/v1/attachments/..%2F..%2Fetc%2Fpasswd", {}),
        ("an encoded dot path", "GET", "/v1/attachments/%2e%2e%2f%2e%2e%2fhq.db", {}),
        (
            "a path in an upload name",
            "POST",
            "/v1/attachments/..%2Fhq.db",
            {"data": b"x", "headers": {"Upload-Offset": "0", "Upload-Length": "1"}},
        ),
        (
            "an uppercase hash",
            "GET",
            "/v1/attachments/" + "A" * 64,
            {},
        ),
        (
            "an attachment too large",
            "POST",
            f"/v1/attachments/{sha}",
            {"data": b"x", "headers": {"Upload-Offset": "0", "Upload-Length": str(10**9)}},
        ),
        (
            "a negative offset",
            "POST",
            f"/v1/attachments/{sha}",
            {"data": b"x", "headers": {"Upload-Offset": "-1", "Upload-Length": "1"}},
        ),
        (
            "a media type with a path",
            "POST",
            f"/v1/attachments/{sha}",
            {
                "data": b"x",
                "headers": {
                    "Upload-Offset": "0",
                    "Upload-Length": "1",
                    "X-Media-Type": "../../etc/passwd",
                },
            },
        ),
        (
            "a chunk above 256 KiB",
            "POST",
            f"/v1/attachments/{sha}",
            {
                "data": b"x" * (300 * 1024),
                "headers": {"Upload-Offset": "0", "Upload-Length": str(400 * 1024)},
            },
        ),
        ("a negative cursor", "GET", "/v1/changes?after=-1", {}),
        ("a cursor that is not a number", "GET", "/v1/changes?after=abc", {}),
        ("a log id that is not one", "GET", "/v1/changes?after=0&log=../x", {}),
        ("a huge page", "GET", "/v1/changes?after=0&limit=999999999999", {}),
        (
            "a long token",
            "GET",
            "/v1/status",
            {"headers": {"Authorization": "Bearer " + "t" * 10_000}},
        ),
        (
            "a forged token",
            "GET",
            "/v1/status",
            {"headers": {"Authorization": f"Bearer {uuid.uuid4()}.nope"}},
        ),
        (
            "a long enrolment code",
            "POST",
            "/v1/enrol",
            {
                "data": json.dumps(
                    {
                        "code": "C" * 10_000,
                        "device_name": "x",
                        "mode": "join",
                        "clinic_id": cid,
                    }
                ).encode()
            },
        ),
        ("an unknown address", "GET", "/v1/../../etc/passwd", {}),
    ]
    failures = []
    for name, method, path, options in cases:
        sent = {**h, **options.pop("headers", {})}
        answer = requests.request(method, url + path, headers=sent, timeout=30, **options)
        ok = 400 <= answer.status_code < 500
        try:
            body = answer.json()
            reason = body.get("message") if isinstance(body, dict) else None
        except ValueError:
            reason = None
        if not ok or not reason:
            failures.append((name, answer.status_code, answer.text[:200]))
    # Raw paths that a client library would tidy up.
    for raw in ("/v1/attachments/../../../etc/passwd", "/v1/attachments/" + sha + "/../../x"):
        conn = http.client.HTTPConnection("127.0.0.1", hq.port, timeout=10)
        conn.request("GET", raw, headers=h)
        got = conn.getresponse()
        if not 400 <= got.status < 500:
            failures.append((raw, got.status, got.read()[:200].decode(errors="replace")))
        conn.close()
    assert failures == []
    assert hq.running and hq.hello_ok()
    assert "Traceback" not in hq.log_text()
    register(a, "Faraji")
    assert a.sync.sync_now().rejected == ()


# --- 15 -----------------------------------------------------------------------------------


def test_an_old_outpost_is_told_to_update_and_nothing_is_sent_or_lost(
    laptops: Laptops, hq: HqServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scenario 15: an old client against a newer HQ: "update required"."""
    a = laptops.new("a")
    register(a, "Gathoni")
    waiting = unacked(a)
    with monkeypatch.context() as m:
        m.setattr(sync.client.transport, "PROTOCOL_VERSION", 0)
        with pytest.raises(SyncUpdateRequired) as caught:
            a.sync.sync_now()
    text = str(caught.value)
    one_line(text)
    assert "update" in text.lower() and "nothing was lost" in text
    assert unacked(a) == waiting
    assert hq_state(a)[0] == 0  # HQ took nothing from it
    for version in ("0", "", "abc", None):
        sent = {k: v for k, v in headers(a).items() if k != "Outpost-Protocol"}
        if version is not None:
            sent["Outpost-Protocol"] = version
        answer = requests.get(hq.url + "/v1/changes?after=0", headers=sent, timeout=10)
        assert answer.status_code == 426
        assert answer.json()["error"] == "update_required"
    assert a.sync.sync_now().sent == waiting


# --- 16 -----------------------------------------------------------------------------------


class StandIn:
    """A stand-in for HQ in front of the real one: forwards every request, except that the
    request matching (method, path prefix) gets `fault` for an answer (before HQ sees it,
    or, with `after`, once HQ has answered: HQ committed, the laptop hears garbage)."""

    FAULTS: ClassVar[dict[str, tuple[int, str, bytes]]] = {
        "500 page": (500, "text/html", b"<html><body>Internal Server Error</body></html>"),
        "502 proxy": (502, "text/html", b"<html><body>Bad Gateway (nginx)</body></html>"),
        "400 garbage": (400, "text/plain", b"\x00\xffgarbage"),
        "200 garbage": (200, "application/json", b'{"results": [{"change'),
        "200 wrong shape": (200, "application/json", b'{"hello": "world", "changes": 3}'),
    }

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.rule: tuple[str, str, str, bool] | None = None
        self.hits = 0
        stand_in = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: Any) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                rule = stand_in.rule
                hit = (
                    rule is not None
                    and self.command == rule[0]
                    and self.path.split("?", 1)[0].startswith(rule[1])
                    and not (rule[1] == "/v1/attachments/" and "/missing" in self.path)
                    and not (
                        rule[1] == "/v1/attachments/"
                        and self.command == "GET"
                        and self.path.endswith("/offset")
                    )
                )
                if hit and rule is not None and not rule[3]:
                    stand_in.hits += 1
                    self._send(*StandIn.FAULTS[rule[2]], {})
                    return
                conn = http.client.HTTPConnection("127.0.0.1", stand_in.target_port, timeout=30)
                sent = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                conn.request(self.command, self.path, body=body or None, headers=sent)
                got = conn.getresponse()
                data = got.read()
                kept = {
                    k: v
                    for k, v in got.getheaders()
                    if k.lower() not in ("content-length", "transfer-encoding", "connection")
                }
                conn.close()
                if hit and rule is not None:
                    stand_in.hits += 1
                    self._send(*StandIn.FAULTS[rule[2]], {})
                    return
                self._send(got.status, None, data, kept)

            def _send(
                self, status: int, kind: str | None, data: bytes, extra: dict[str, str]
            ) -> None:
                self.send_response(status)
                for k, v in extra.items():
                    self.send_header(k, v)
                if kind is not None:
                    self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _any

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


def test_hq_answering_errors_or_garbage_on_each_endpoint_fails_in_one_line_losing_nothing(
    laptops: Laptops, hq: HqServer
) -> None:
    """Scenario 16: HQ answering 4xx/5xx/garbage on each endpoint."""
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Habiba")
    sha = sign_consent(a, pid)
    waiting = unacked(a)
    stand_in = StandIn(hq.port)
    try:
        a.sync = type(a.sync)(a, factory(stand_in.url))
        b.sync = type(b.sync)(b, factory(stand_in.url))
        # Before anything is taken: every change still waits.
        for endpoint in (
            ("GET", "/v1/hello"),
            ("POST", "/v1/attachments/missing"),
            ("POST", "/v1/attachments/"),
            ("POST", "/v1/push"),
        ):
            for fault in StandIn.FAULTS:
                stand_in.rule = (*endpoint, fault, False)
                with pytest.raises(SyncFailed) as caught:
                    a.sync.sync_now()
                text = str(caught.value)
                one_line(text)
                assert "nothing was lost" in text, (endpoint, fault, text)
                assert unacked(a) == waiting, (endpoint, fault)
        # HQ took the push, its answer is garbage: nothing is marked as sent; next time the
        # changes are duplicates.
        for fault in StandIn.FAULTS:
            stand_in.rule = ("POST", "/v1/push", fault, True)
            with pytest.raises(SyncFailed) as caught:
                a.sync.sync_now()
            one_line(str(caught.value))
            assert unacked(a) == waiting
        stand_in.rule = None
        done = a.sync.sync_now()
        assert done.duplicates == waiting and unacked(a) == 0
        # B pulling: a broken page or status changes nothing on B.
        for endpoint in (("GET", "/v1/changes"), ("GET", "/v1/status")):
            for fault in StandIn.FAULTS:
                stand_in.rule = (*endpoint, fault, False)
                cursor = b.sync.status().cursor
                with pytest.raises(SyncFailed) as caught:
                    b.sync.sync_now()
                one_line(str(caught.value))
                if endpoint[1] == "/v1/changes":
                    assert b.sync.status().cursor == cursor == 0
                    assert patient_names(b) == set()
                stand_in.rule = None
                b.sync.sync_now() if endpoint[1] == "/v1/status" else None
        # An attachment that cannot be fetched: the sync ends, the image is fetched later.
        b2 = laptops.new("b2")
        b2.sync = type(b2.sync)(b2, factory(stand_in.url))
        for fault in StandIn.FAULTS:
            stand_in.rule = ("GET", "/v1/attachments/", fault, False)
            with contextlib.suppress(SyncFailed):
                b2.sync.sync_now()
            assert not b2.tx.read(lambda s: s.get(Attachment, sha))
        stand_in.rule = None
        assert b2.sync.sync_now().attachments_received == len(images(a))
        assert images(b2) == images(a)
        assert image_bytes(b2, sha) == image_bytes(a, sha)
        b.sync.sync_now()
        assert patient_names(b) == patient_names(b2) == {"Habiba Achieng"}
    finally:
        stand_in.close()
    ids = [c.change_id for c in hq_log(a)]
    assert len(ids) == len(set(ids))


# --- 17 -----------------------------------------------------------------------------------


def test_a_large_first_sync_over_a_lossy_link_resumes_where_it_stopped(
    laptops: Laptops, hq: HqServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scenario 17: a large initial sync over a lossy link resumes where it stopped."""
    a = laptops.new("a")
    b = laptops.new("b")
    for n in range(40):
        register(a, f"Jina{n:02d}")
    a.sync.sync_now()
    head, _ = hq_state(a)
    monkeypatch.setattr(desktop.app.sync, "PAGE", 5)
    asked: list[int] = []

    def watch(client: HqClient) -> None:
        real = client.pull

        def pull(after: int, **kw: Any) -> Any:
            asked.append(after)
            return real(after, **kw)

        client.pull = pull  # type: ignore[method-assign]

    lossy = Faults(delay_up_ms=2, delay_down_ms=2, loss=0.05, loss_delay_ms=(5.0, 20.0))
    with NetProxy(hq.port, seed=17) as proxy:
        b.sync = type(b.sync)(b, factory(proxy.url, retries=0, wrap=watch))
        proxy.set(Faults(**{**lossy.__dict__, "cut_down_after": 12_000}))
        # The link drops in the middle of an answer (unreachable, or, cut inside its
        # headers, an answer that is not HQ's: either way the sync stops there).
        with pytest.raises(SyncFailed):
            b.sync.sync_now()
        stopped_at = b.sync.status().cursor
        assert 0 < stopped_at < head  # some pages were applied, with their checkpoint
        stored = len(patient_names(b))
        assert 0 < stored < 40
        asked.clear()
        proxy.set(lossy)
        report = b.sync.sync_now()
    assert asked[0] == stopped_at  # not from 0
    end = b.sync.status().cursor
    assert end >= head
    assert report.received <= end - stopped_at  # nothing before the checkpoint pulled again
    assert len(patient_names(b)) == 40


# --- 18 -----------------------------------------------------------------------------------


def test_starting_offline_backing_off_and_a_dead_link_lose_nothing(
    laptops: Laptops, hq: HqServer
) -> None:
    """Scenario 18: starting offline, backoff, a dead connection that never answers."""
    a = laptops.new("a")
    register(a, "Kesi")
    waiting = unacked(a)
    pauses: list[float] = []

    def record_pauses(client: HqClient) -> None:
        client.transport.sleep = pauses.append

    with NetProxy(hq.port) as proxy:
        proxy.refuse()  # the laptop starts with no link at all
        a.sync = type(a.sync)(a, factory(proxy.url, retries=3, backoff=0.2, wrap=record_pauses))
        with pytest.raises(SyncUnreachable) as caught:
            a.sync.sync_now()
        text = str(caught.value)
        one_line(text)
        assert f"{waiting} changes wait" in text and "nothing was lost" in text
        assert a.sync.status().last_error == text
        # Retried with backoff: three pauses, each within its growing ceiling.
        assert len(pauses) == 3
        assert all(0 <= p <= 0.2 * 2**i for i, p in enumerate(pauses))
        # A dead link: connections accepted, never answered.
        proxy.listen()
        proxy.set(Faults(blackhole=True))
        a.sync = type(a.sync)(a, factory(proxy.url, retries=1, timeout=0.5, connect_timeout=0.5))
        with pytest.raises(SyncUnreachable) as caught:
            a.sync.sync_now()
        one_line(str(caught.value))
        assert unacked(a) == waiting
        proxy.clear()
        proxy.cut_all()
        report = a.sync.sync_now()
    assert report.sent == waiting and unacked(a) == 0
    assert a.sync.status().last_error is None


# --- 19 -----------------------------------------------------------------------------------


def test_hq_killed_mid_push_and_mid_pull_then_restarted_loses_and_doubles_nothing(
    laptops: Laptops, hq: HqServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scenario 19 (HQ restarted mid-sync)."""
    a = laptops.new("a")
    b = laptops.new("b")
    a.sync.sync_now()
    b.sync.sync_now()
    for n in range(6):
        register(a, f"Lela{n}")
    monkeypatch.setattr(desktop.app.sync, "BATCH", 3)
    monkeypatch.setattr(desktop.app.sync, "PAGE", 3)

    def kill_at(stage: str) -> Any:
        def progress(p: Any) -> None:
            if p.stage == stage and p.done > 0 and hq.running:
                hq.kill()

        return progress

    a.sync = type(a.sync)(a, factory(retries=1))
    with pytest.raises(SyncUnreachable):
        a.sync.sync_now(progress=kill_at("push"))
    sent_before = unacked(a)
    assert 0 < sent_before < 12
    hq.restart()
    a.sync.sync_now()
    assert unacked(a) == 0
    asked: list[int] = []

    def watch(client: HqClient) -> None:
        real = client.pull

        def pull(after: int, **kw: Any) -> Any:
            asked.append(after)
            return real(after, **kw)

        client.pull = pull  # type: ignore[method-assign]

    b.sync = type(b.sync)(b, factory(retries=1, wrap=watch))
    with pytest.raises(SyncUnreachable):
        b.sync.sync_now(progress=kill_at("pull"))
    cursor = b.sync.status().cursor
    assert cursor > 0
    hq.restart()
    asked.clear()
    b.sync.sync_now()
    assert asked[0] == cursor
    assert len(patient_names(b)) == 6
    ids = [c.change_id for c in hq_log(a)]
    assert len(ids) == len(set(ids))
    assert hq_state(a)[1]["patients"] == 6


def test_hq_moved_to_another_address_is_reached_with_server_or_through_a_relay(
    laptops: Laptops, hq: HqServer
) -> None:
    """Scenario 19 (HQ moved to another address): `--server URL` for one sync; a relay
    (proxy) retargeted to the new address."""
    with NetProxy(hq.port) as relay:
        a = laptops.new("a")
        c = laptops.new("c", url=relay.url)
        register(a, "Mwana")
        a.sync.sync_now()
        c.sync.sync_now()
        old_url = hq.url
        hq.stop()
        hq.port = free_port()
        hq.start()
        register(a, "Nafasi")
        a.sync = type(a.sync)(a, factory())
        with pytest.raises(SyncUnreachable):
            a.sync.sync_now()  # the old address
        report = a.sync.sync_now(server=hq.url)
        assert report.sent > 0 and not report.resynced  # the same HQ log, no resync
        assert a.sync.status().server_url == old_url  # for this sync only
        relay.retarget(hq.port)
        c.sync.sync_now()  # through the relay, nothing to change on the laptop
    assert patient_names(c) == {"Mwana Achieng", "Nafasi Achieng"}


# --- 20 -----------------------------------------------------------------------------------


def test_the_same_attachment_uploaded_by_two_laptops_at_once_ends_complete_once(
    laptops: Laptops,
) -> None:
    """Scenario 20: the same attachment uploaded by two devices at once."""
    a = laptops.new("a")
    b = laptops.new("b")
    c = laptops.new("c")
    sha = sign_consent(a, register(a, "Pendo"))
    assert sign_consent(b, register(b, "Pendo", "Wafula")) == sha  # the same signature image
    meeting = threading.Barrier(2, timeout=20)

    def together(client: HqClient) -> None:
        real = client.upload_attachment

        def upload(digest: str, data: bytes, media_type: str) -> None:
            meeting.wait()
            real(digest, data, media_type)

        client.upload_attachment = upload  # type: ignore[method-assign,assignment]

    outcomes: list[Any] = []
    threads = []
    for core in (a, b):
        core.sync = type(core.sync)(core, factory(wrap=together))
        threads.append(threading.Thread(target=lambda k=core: outcomes.append(k.sync.sync_now())))
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(outcomes) == 2  # both syncs ended well
    assert images(a) == images(b)
    assert sum(o.attachments_sent for o in outcomes) >= len(images(a))
    with client_of(a) as client:
        assert client.missing_attachments(images(a)) == []
        for digest in images(a):
            assert hashlib.sha256(client.download_attachment(digest)).hexdigest() == digest
    # A larger one, in two chunks from each, interleaved.
    blob = os.urandom(400 * 1024)
    digest = hashlib.sha256(blob).hexdigest()
    errors: list[BaseException] = []

    def send(core: ClinicCore) -> None:
        try:
            with client_of(core) as client:
                meeting.wait()
                client.upload_attachment(digest, blob, "image/png")
        except BaseException as exc:  # reported below
            errors.append(exc)

    pair = [threading.Thread(target=send, args=(k,)) for k in (a, b)]
    for t in pair:
        t.start()
    for t in pair:
        t.join(60)
    assert errors == []
    with client_of(b) as client:
        assert client.download_attachment(digest) == blob
    got = c.sync.sync_now()
    assert got.attachments_received == len(images(a))
    assert hashlib.sha256(image_bytes(c, sha)).hexdigest() == sha


# --- 21 -----------------------------------------------------------------------------------


@pytest.fixture
def other_clinic(tmp_path: Path, hq: HqServer) -> Iterator[Laptops]:
    """Laptops of a second clinic at the same HQ."""
    paths = DataPaths(tmp_path / "other-template")
    store, _ = store_module.create(
        paths,
        clinic_name=OTHER_CLINIC,
        admin_username="admin",
        admin_display_name="Baraka Mwangi",
        password=PASSWORD,
    )
    store.close()

    class OtherCodes(Codes):
        def enrol(self, clinic: str) -> str:
            return super().enrol(OTHER_CLINIC)

    codes = OtherCodes(hq)
    try:
        with laptops_of(paths.root, tmp_path / "other", codes) as made:  # type: ignore[arg-type]
            yield made
    finally:
        codes.close()


def test_the_same_person_at_two_clinics_stays_two_records_that_never_cross(
    laptops: Laptops, other_clinic: Laptops
) -> None:
    """Scenario 21 (two clinics): the same person registered at two clinics."""
    a = laptops.new("a")
    a2 = laptops.new("a2")
    m = other_clinic.new("m")
    person = PatientInput(
        given_name="Rukia", family_name="Achieng", birth_date="1985-03-04", phone="0700111222"
    )
    mine = a.patients.register(person, confirmed_new=True).value
    sha = sign_consent(a, mine)
    theirs = m.patients.register(person, confirmed_new=True).value
    a.sync.sync_now()
    m.sync.sync_now()
    a2.sync.sync_now()
    m.sync.sync_now()
    assert a2.tx.read(lambda s: list(s.scalars(select(Patient.id)))) == [mine]
    assert m.tx.read(lambda s: list(s.scalars(select(Patient.id)))) == [theirs]
    assert mine not in {c.entity_id for c in hq_log(m)}
    assert theirs not in {c.entity_id for c in hq_log(a)}
    assert hq_state(a)[1]["patients"] == hq_state(m)[1]["patients"] == 1
    with client_of(m) as client:
        # A change to the other clinic's record, with this clinic's credential: refused.
        forged = Change(
            change_id=uuid.uuid4(),
            entity="patients",
            entity_id=mine,
            clinic_id=a.store.clinic_id,
            op="update",
            patch={"village": PatchEntry(v="Likoni", hlc=stamp(hlc.wall_clock_ms()))},
            hlc=stamp(hlc.wall_clock_ms()),
        )
        answer = client.push(
            PushRequest(batch_id=uuid.uuid4(), changes=[forged], sent_at_ms=hlc.wall_clock_ms())
        )
        assert answer.results[0].status is ChangeStatus.REJECTED
        # The other clinic's signature image is not theirs to fetch.
        assert client.missing_attachments([sha]) == [sha]
        with pytest.raises(Exception):  # noqa: B017 (HqRefused: not found)
            client.download_attachment(sha)
    assert patient_field(a, mine, "village") != "Likoni"


def transfer(hq: HqServer, pid: uuid.UUID | str, frm: str, to: str) -> Any:
    return hq.run_cli("transfer", "--patient", str(pid), "--from", frm, "--to", to, check=False)


def test_a_patient_transferred_to_another_clinic_reaches_its_laptops(
    laptops: Laptops, other_clinic: Laptops, hq: HqServer
) -> None:
    """Scenario 21 (transfer): the same person registered at two clinics, then transferred."""
    from tests.conftest import CLINIC

    a = laptops.new("a")
    m = other_clinic.new("m")
    m2 = other_clinic.new("m2")
    person = PatientInput(
        given_name="Rukia", family_name="Achieng", birth_date="1985-03-04", phone="0700111222"
    )
    mine = a.patients.register(person, confirmed_new=True).value
    sha = sign_consent(a, mine)
    theirs = m.patients.register(person, confirmed_new=True).value
    a.sync.sync_now()
    m.sync.sync_now()
    m2.sync.sync_now()
    forms_at_a = hq_state(a)[1]["form_records"]
    done = transfer(hq, mine, CLINIC, OTHER_CLINIC)
    assert done.returncode == 0, done.stderr
    assert "transferred" in done.stdout and OTHER_CLINIC in done.stdout
    for core in (m, m2):
        core.sync.sync_now()
        ids = set(core.tx.read(lambda s: list(s.scalars(select(Patient.id)))))
        assert ids == {mine, theirs}
        clinic = core.tx.read(
            lambda s: s.scalar(select(Patient.clinic_id).where(Patient.id == mine))
        )
        assert clinic == core.store.clinic_id  # the receiving clinic's record now
        assert image_bytes(core, sha)  # the signature came along
        # The same person registered here too: on the list, not merged silently.
        dup = [i for i in attention(core) if i.reason == "possible_duplicate"]
        assert dup and {i.entity_id for i in dup} <= {mine, theirs}
    counts_m = hq_state(m)[1]
    assert counts_m["patients"] == 2 and counts_m["form_records"] == forms_at_a
    assert not m.sync.sync_now().counts_differ
    # The sending clinic keeps its record, untouched.
    assert hq_state(a)[1]["patients"] == 1
    a.sync.sync_now()
    assert patient_names(a) == {"Rukia Achieng"}
    # An edit at the receiving clinic travels among its laptops, not back to the first.
    edit(m, mine, village="Likoni")
    m.sync.sync_now()
    m2.sync.sync_now()
    assert patient_field(m2, mine, "village") == "Likoni"
    a.sync.sync_now()
    assert patient_field(a, mine, "village") != "Likoni"
    # Again, with nothing newer at the first clinic: nothing is written.
    head = hq_state(m)[0]
    again = transfer(hq, mine, CLINIC, OTHER_CLINIC)
    assert again.returncode == 0 and "nothing was sent" in again.stdout
    assert hq_state(m)[0] == head
    # Transferred back, the edit made there reaches the first clinic (the same id).
    back = transfer(hq, mine, OTHER_CLINIC, CLINIC)
    assert back.returncode == 0, back.stderr
    a.sync.sync_now()
    assert patient_field(a, mine, "village") == "Likoni"
    assert hq_state(a)[1]["patients"] == 1
    # Refused, in one line, nothing written.
    head_a, head_m = hq_state(a)[0], hq_state(m)[0]
    for args, words in [
        ((uuid.uuid4(), CLINIC, OTHER_CLINIC), "no patient"),
        ((mine, "Nowhere Clinic", OTHER_CLINIC), "no clinic"),
        ((mine, CLINIC, "Nowhere Clinic"), "no clinic"),
        ((mine, CLINIC, CLINIC.lower()), "another clinic"),
        ((theirs, CLINIC, OTHER_CLINIC), f"patient of {OTHER_CLINIC}"),
        (("not-an-id", CLINIC, OTHER_CLINIC), "not a patient id"),
    ]:
        refused = transfer(hq, *args)
        assert refused.returncode in (1, 2), refused.stdout
        assert words in refused.stderr and "Traceback" not in refused.stderr
        one_line(refused.stderr.strip())
    assert (hq_state(a)[0], hq_state(m)[0]) == (head_a, head_m)


def test_a_revoked_laptop_is_told_keeps_its_data_and_hq_keeps_its_records(
    laptops: Laptops, hq: HqServer
) -> None:
    """Scenario 21 (revoked): a device's access revoked: its data is removed from HQ's
    answers to it, not deleted at HQ."""
    a = laptops.new("a")
    b = laptops.new("b")
    register(a, "Sauda")
    a.sync.sync_now()
    register(a, "Tatu")  # waits on A
    waiting = unacked(a)
    hq.revoke(str(device_id_of(a)))
    with pytest.raises(SyncRevoked) as caught:
        a.sync.sync_now()
    text = str(caught.value)
    one_line(text)
    assert "revoked" in text and "nothing was lost" in text
    assert patient_names(a) == {"Sauda Achieng", "Tatu Achieng"}  # kept here
    assert unacked(a) == waiting
    with client_of(a) as client, pytest.raises(DeviceRevoked):
        client.pull(0, limit=10, log_id=None)
    revoked = [line for line in hq.devices() if line[0] == str(device_id_of(a))]
    assert revoked and "revoked" in "\t".join(revoked[0]).lower()
    b.sync.sync_now()  # what it sent before is still HQ's
    assert patient_names(b) == {"Sauda Achieng"}
    assert attention(b) == []
