"""DESIGN.md "Sync — what must survive", scenarios 1–10: each a test against a real
`outpost-hq` on 127.0.0.1 (SQLite and PostgreSQL, through the `hq` fixture) and real laptop
stores, with real faults (tests/netproxy.py). Scenarios 11–21: test_scenarios_b.py.

The helpers here are shared with test_scenarios_b.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

import desktop.app.sync
from desktop.app.remote import EDIT_AGAINST_DELETE, SAFETY_CRITICAL, SUPERSEDED
from desktop.app.sync import ClientFactory, SyncApi
from desktop.core import ClinicCore
from desktop.errors import SyncUnreachable
from desktop.services import sync_state
from desktop.store.models import NeedsAttention, OutboxEntry, Patient
from sync.client.client import HqClient
from sync.protocol import ChangeStatus, PushRequest
from sync.server import store as hq_store
from sync.server.config import now_ms
from sync.server.db import normalise_url, open_engine, sqlite_url, write_session
from tests.hqserver import HqServer
from tests.netproxy import Faults, NetProxy
from tests.sync.laptops import Laptops, laptops_of, make_clinic, patient_names, register, unacked

# --- shared helpers -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "template")


class Codes:
    """An HQ as Laptops sees it, issuing enrolment codes in this process (as `outpost-hq
    enrol` does, through HQ's own store, without starting a process for each)."""

    def __init__(self, hq: HqServer) -> None:
        self.hq = hq
        self.engine = open_engine(hq_url(hq), pool_size=1)

    @property
    def url(self) -> str:
        return self.hq.url

    def enrol(self, clinic: str) -> str:
        with write_session(self.engine) as session:
            code, _clinic, _created = hq_store.issue_code(session, clinic, now_ms())
        return code

    def close(self) -> None:
        self.engine.dispose()


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq: HqServer) -> Iterator[Laptops]:
    codes = Codes(hq)
    try:
        with laptops_of(template, tmp_path / "laptops", codes) as made:  # type: ignore[arg-type]
            yield made
    finally:
        codes.close()


def hq_url(hq: HqServer) -> str:
    return normalise_url(hq.database_url) if hq.database_url else sqlite_url(hq.data_dir)


def client_of(core: ClinicCore, url: str | None = None, **options: Any) -> HqClient:
    """An HqClient with this laptop's own device credential."""
    link = sync_state.link_of(core.sync._meta())
    assert link is not None
    return HqClient(url or link.server_url, token=link.token, **options)


def device_id_of(core: ClinicCore) -> uuid.UUID:
    link = sync_state.link_of(core.sync._meta())
    assert link is not None
    return link.device_id


def hq_state(core: ClinicCore) -> tuple[int, dict[str, int]]:
    """HQ's head and live record counts of this laptop's clinic."""
    with client_of(core) as client:
        status = client.status()
    return status.head, dict(status.counts)


def hq_log(core: ClinicCore) -> list[Any]:
    """Every change of HQ's log of this laptop's clinic."""
    out: list[Any] = []
    after = 0
    with client_of(core) as client:
        while True:
            page = client.pull(after, limit=500, log_id=None)
            out.extend(page.changes)
            after = page.next_cursor
            if not page.more:
                return out


def patient_id(core: ClinicCore, given: str) -> uuid.UUID:
    found = core.tx.read(lambda s: s.scalar(select(Patient.id).where(Patient.given_name == given)))
    assert found is not None
    return found


def patient_field(core: ClinicCore, pid: uuid.UUID, name: str) -> Any:
    return core.tx.read(lambda s: getattr(s.scalar(select(Patient).where(Patient.id == pid)), name))


def edit(core: ClinicCore, pid: uuid.UUID, **values: Any) -> None:
    """An edit of a patient's fields as the app makes it (queued in the outbox)."""

    def work(session: Session) -> None:
        row = session.scalar(select(Patient).where(Patient.id == pid))
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)

    core.tx.write(work)


def attention(core: ClinicCore, *, settled: bool = False) -> list[NeedsAttention]:
    def read(session: Session) -> list[NeedsAttention]:
        query = select(NeedsAttention)
        if not settled:
            query = query.where(NeedsAttention.resolved_at.is_(None))
        rows = list(session.scalars(query))
        for row in rows:
            session.expunge(row)
        return rows

    return core.tx.read(read)


def outbox_entries(core: ClinicCore) -> list[tuple[uuid.UUID, str, uuid.UUID]]:
    """(change id, entity, entity id) of the unacknowledged entries, in send order."""
    return core.tx.read(
        lambda s: [
            (e.change_id, e.entity, e.entity_id)
            for e in s.scalars(
                select(OutboxEntry).where(OutboxEntry.acked_at.is_(None)).order_by(OutboxEntry.seq)
            )
        ]
    )


def factory(
    url: str | None = None,
    *,
    wrap: Callable[[HqClient], None] | None = None,
    push_via: str | None = None,
    **options: Any,
) -> ClientFactory:
    """Engine clients with short retries (and, given `url`, aimed there); `push_via`: pushes
    only go there (a proxy that faults them); `wrap(client)` may replace its methods to
    watch or fault them."""
    options.setdefault("retries", 1)
    options.setdefault("backoff", 0.01)

    def make(base: str, token: str | None, ca_file: str | None) -> HqClient:
        client = HqClient(url or base, token=token, ca_file=ca_file, **options)
        if push_via is not None:
            proxied = HqClient(push_via, token=token, ca_file=ca_file, **options)
            client.push = proxied.push  # type: ignore[method-assign]
        if wrap is not None:
            wrap(client)
        return client

    return make


def hq_engine(hq: HqServer) -> Any:
    """An SQLAlchemy engine on HQ's own database (to damage it as a fault would)."""
    return open_engine(hq_url(hq), pool_size=1)


def patient_entries(core: ClinicCore) -> int:
    return [e[1] for e in outbox_entries(core)].count("patients")


def hq_patient(core: ClinicCore, pid: uuid.UUID) -> dict[str, Any]:
    """A patient's latest values as HQ's log holds them (by stamp)."""
    best: dict[str, tuple[str, Any]] = {}
    for change in hq_log(core):
        if change.entity_id != pid:
            continue
        for key, entry in change.patch.items():
            stamp = entry.get("hlc") or change.hlc
            if key not in best or stamp > best[key][0]:
                best[key] = (stamp, entry.get("v"))
    return {k: v for k, (_s, v) in best.items()}


def one_line(text: str) -> None:
    assert text and "\n" not in text


# --- 1 ------------------------------------------------------------------------------------


def test_a_connection_dropped_after_hq_committed_is_a_duplicate_not_a_double(
    laptops: Laptops, hq: HqServer
) -> None:
    """Scenario 1: connection dropped after the server committed, before the reply (and,
    before that, mid-request): duplicate, not double."""
    a = laptops.new("a")
    b = laptops.new("b")
    register(a, "Akinyi")
    waiting = unacked(a)
    with NetProxy(hq.port) as proxy:
        a.sync = SyncApi(a, factory(push_via=proxy.url, retries=0))
        a.sync.sync_now()
        register(a, "Baraka")
        waiting = unacked(a)
        head_before, _ = hq_state(a)
        proxy.set(Faults(cut_up_after=300))  # the push cut after 300 bytes of its request
        with pytest.raises(SyncUnreachable):
            a.sync.sync_now()
        assert hq_state(a)[0] == head_before  # nothing of a cut request was taken
        assert unacked(a) == waiting
        # The whole request reaches HQ, its reply is cut before the first byte.
        proxy.set(Faults(cut_down_after=0))
        with pytest.raises(SyncUnreachable) as caught:
            a.sync.sync_now()
        one_line(str(caught.value))
        assert unacked(a) == waiting  # nothing acknowledged without HQ's answer
        head_after, _ = hq_state(a)
        assert head_after > head_before  # HQ committed it
        proxy.clear()
        again = a.sync.sync_now()
    assert again.duplicates == waiting and again.sent == 0
    assert unacked(a) == 0
    assert hq_state(a)[0] == head_after  # no position was taken twice
    ids = [c.change_id for c in hq_log(a)]
    assert len(ids) == len(set(ids))
    b.sync.sync_now()
    assert patient_names(b) == {"Akinyi Achieng", "Baraka Achieng"}
    assert hq_state(b)[1]["patients"] == 2


# --- 2 ------------------------------------------------------------------------------------


def test_one_change_refused_in_a_batch_leaves_the_others_applied_and_is_reported(
    laptops: Laptops,
) -> None:
    """Scenario 2: one change in a batch refused: the others applied, the refused one
    reported, nothing skipped."""
    a = laptops.new("a")
    b = laptops.new("b")
    for name in ("Amani", "Bahati", "Chausiku"):
        register(a, name)
    middle = patient_id(a, "Bahati")
    # One entry becomes unacceptable to HQ (another clinic's record) behind the app's back.
    refused = a.tx.read(
        lambda s: s.scalar(select(OutboxEntry.change_id).where(OutboxEntry.entity_id == middle))
    )
    a.tx.write(
        lambda s: s.execute(
            update(OutboxEntry)
            .where(OutboxEntry.change_id == refused)
            .values(clinic_id=uuid.uuid4())
        )
    )
    waiting = unacked(a)
    report = a.sync.sync_now()
    assert [cid for cid, _why in report.rejected] == [refused]
    assert "another clinic" in report.rejected[0][1]
    # Every other change went through (and the counts check then sent the record again,
    # whole and of this clinic, as a repair: HQ lacked a patient this laptop has).
    assert report.sent + report.duplicates >= waiting - 1
    assert unacked(a) == 1 and report.pending == 1  # the refused one still waits here
    b.sync.sync_now()
    assert {"Amani Achieng", "Chausiku Achieng"} <= patient_names(b)  # the one after it too
    # It is reported again at the next sync, not dropped silently.
    assert [cid for cid, _ in a.sync.sync_now().rejected] == [refused]


# --- 4 ------------------------------------------------------------------------------------


def test_one_record_edited_on_two_laptops_offline_merges_alike_and_both_see_the_conflict(
    laptops: Laptops,
) -> None:
    """Scenario 4: the same record edited on two laptops offline: deterministic merge, the
    conflict visible on both."""
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Wambui")
    a.sync.sync_now()
    b.sync.sync_now()
    # Offline: other fields on each (both kept), the same plain field on both (last writer
    # wins, the loser kept), a safety-critical field on both (never settled silently).
    edit(a, pid, village="Kondele", phone="+254711000001", birth_date=_date(1990, 1, 1))
    edit(b, pid, address="Plot 7", phone="+254722000002", birth_date=_date(1991, 2, 2))
    a.sync.sync_now()
    b.sync.sync_now()
    a.sync.sync_now()
    for core in (a, b):
        assert patient_field(core, pid, "village") == "Kondele"
        assert patient_field(core, pid, "address") == "Plot 7"
        assert patient_field(core, pid, "phone") == "+254722000002"  # B edited last
    # The two laptops hold the same record.
    fields = ("village", "address", "phone", "given_name", "deleted")
    assert [patient_field(a, pid, f) for f in fields] == [patient_field(b, pid, f) for f in fields]
    for core, other in ((a, "+254711000001"), (b, "+254711000001")):
        kept = [i for i in attention(core, settled=True) if i.reason == SUPERSEDED]
        assert any(i.field == "phone" and other in (i.local_value, i.remote_value) for i in kept)
        open_items = [i for i in attention(core) if i.reason == SAFETY_CRITICAL]
        assert [i.field for i in open_items] == ["birth_date"]
        assert {open_items[0].local_value, open_items[0].remote_value} == {
            "1990-01-01",
            "1991-02-02",
        }


def _date(y: int, m: int, d: int) -> Any:
    import datetime as dt

    return dt.date(y, m, d)


# --- 5 ------------------------------------------------------------------------------------


def test_a_deletion_against_an_edit_travels_and_the_edit_is_not_silently_lost(
    laptops: Laptops,
) -> None:
    """Scenario 5: delete against edit: tombstones travel, the edit is not silently lost."""
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Zawadi")
    a.sync.sync_now()
    b.sync.sync_now()
    a.patients.remove(pid)  # offline on A
    edit(b, pid, phone="+254733000003")  # offline on B
    b.sync.sync_now()  # the edit reaches HQ first
    a.sync.sync_now()  # then the deletion
    b.sync.sync_now()
    for core in (a, b):
        assert patient_names(core) == set()  # the tombstone is on both
        assert patient_field(core, pid, "deleted") is True
    # The edit is on A's list (the laptop that deleted), with its value, and in HQ's log.
    items = [i for i in attention(a) if i.reason == EDIT_AGAINST_DELETE]
    assert any(i.remote_value == "+254733000003" for i in items)
    assert hq_patient(a, pid)["phone"] == "+254733000003"


def test_the_laptop_whose_earlier_synced_edit_met_a_deletion_has_it_on_its_list(
    laptops: Laptops,
) -> None:
    """Scenario 5, on the editing laptop: "on every device concerned" (DESIGN.md)."""
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Zawadi")
    a.sync.sync_now()
    b.sync.sync_now()
    a.patients.remove(pid)
    edit(b, pid, phone="+254733000003")
    b.sync.sync_now()
    a.sync.sync_now()
    b.sync.sync_now()
    assert [i for i in attention(b) if i.reason == EDIT_AGAINST_DELETE]


# --- 6 ------------------------------------------------------------------------------------


def test_an_update_arriving_before_its_create_waits_for_it(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scenario 6: updates arriving before their create."""
    a = laptops.new("a")
    b = laptops.new("b")
    a.sync.sync_now()
    b.sync.sync_now()
    pid = register(a, "Neema")
    # Fixed as sent (as a push in flight would be): the edit becomes an entry of its own.
    a.tx.write(lambda s: s.execute(update(OutboxEntry).values(sent_batch=uuid.uuid4())))
    edit(a, pid, village="Manyatta")
    assert [e[1] for e in outbox_entries(a)].count("patients") == 2

    def reversed_push(client: HqClient) -> None:
        real = client.push

        def push(request: PushRequest) -> Any:
            return real(request.model_copy(update={"changes": list(reversed(request.changes))}))

        client.push = push  # type: ignore[method-assign]

    # HQ's log gets the edit of the patient before the patient (as pushes of several
    # laptops may interleave), and B pulls them one page each: two transactions.
    a.sync = SyncApi(a, factory(wrap=reversed_push))
    a.sync.sync_now()
    log = [c for c in hq_log(a) if c.entity_id == pid]
    assert [c.op for c in log] == ["update", "insert"]
    monkeypatch.setattr(desktop.app.sync, "PAGE", 1)
    seen: list[int] = []

    def watch(client: HqClient) -> None:
        real = client.pull

        def pull(after: int, **kw: Any) -> Any:
            page = real(after, **kw)
            if any(c.entity_id == pid and c.op == "update" for c in page.changes):
                seen.append(len(page.changes))
            return page

        client.pull = pull  # type: ignore[method-assign]

    b.sync = SyncApi(b, factory(wrap=watch))
    report = b.sync.sync_now()
    assert seen == [1]  # the update came alone, before its record
    assert report.parked == 0  # it waited for its create, then was applied
    assert patient_field(b, pid, "village") == "Manyatta"
    assert patient_names(b) == {"Neema Achieng"}


# --- 7 ------------------------------------------------------------------------------------


def test_an_edit_based_on_a_stale_version_is_a_conflict_and_nothing_is_lost(
    laptops: Laptops,
) -> None:
    """Scenario 7: an edit based on a stale version."""
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Subira")
    a.sync.sync_now()
    b.sync.sync_now()
    edit(b, pid, phone="+254744000004")  # B edits first, from the version it has
    edit(a, pid, phone="+254755000005")  # A edits later and syncs first
    a.sync.sync_now()
    report = b.sync.sync_now()  # B's edit is based on a version HQ has moved past
    assert report.conflicts == 1 and patient_entries(b) == 0  # taken, flagged, not refused
    a.sync.sync_now()
    for core in (a, b):
        assert patient_field(core, pid, "phone") == "+254755000005"  # the newer edit wins
        kept = [i for i in attention(core, settled=True) if i.reason == SUPERSEDED]
        assert any("+254744000004" in (i.local_value, i.remote_value) for i in kept)


# --- 8 ------------------------------------------------------------------------------------


def test_a_replayed_batch_is_duplicate_and_a_reused_change_id_with_other_content_refused(
    laptops: Laptops,
) -> None:
    """Scenario 8: a replayed old batch; the same change id with other content: refused."""
    a = laptops.new("a")
    b = laptops.new("b")
    register(a, "Furaha")
    sent: list[PushRequest] = []

    def record(client: HqClient) -> None:
        real = client.push

        def push(request: PushRequest) -> Any:
            sent.append(request)
            return real(request)

        client.push = push  # type: ignore[method-assign]

    a.sync = SyncApi(a, factory(wrap=record))
    a.sync.sync_now()
    register(a, "Gift")
    a.sync.sync_now()
    head, counts = hq_state(a)
    old = sent[0]
    with client_of(a) as client:
        replay = client.push(old)
        assert {r.status for r in replay.results} == {ChangeStatus.DUPLICATE}
        assert hq_state(a) == (head, counts)
        first = old.changes[0]
        forged = first.model_copy(
            update={"patch": {**first.patch, "notes": first.patch[next(iter(first.patch))]}}
        )
        answer = client.push(old.model_copy(update={"batch_id": uuid.uuid4(), "changes": [forged]}))
    assert answer.results[0].status is ChangeStatus.REJECTED
    assert "already used for other content" in (answer.results[0].reason or "")
    assert hq_state(a) == (head, counts)
    b.sync.sync_now()
    assert patient_names(b) == {"Furaha Achieng", "Gift Achieng"}


# --- 9 ------------------------------------------------------------------------------------


def test_a_change_to_a_record_hq_has_deleted_is_a_conflict_kept_for_a_person(
    laptops: Laptops,
) -> None:
    """Scenario 9: a change to a record HQ has deleted."""
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Hodari")
    a.sync.sync_now()
    b.sync.sync_now()
    a.patients.remove(pid)
    a.sync.sync_now()  # deleted at HQ
    edit(b, pid, village="Obunga")  # B has not heard
    report = b.sync.sync_now()
    assert report.conflicts == 1 and patient_entries(b) == 0  # taken, flagged, not refused
    assert patient_field(b, pid, "deleted") is True
    assert [i.reason for i in attention(b)] == [EDIT_AGAINST_DELETE]
    a.sync.sync_now()
    items = [i for i in attention(a) if i.reason == EDIT_AGAINST_DELETE]
    assert any(i.remote_value == "Obunga" for i in items)
    assert any(c.entity_id == pid and "village" in c.patch for c in hq_log(a))


# --- 10 -----------------------------------------------------------------------------------


def test_a_record_edited_while_its_upload_is_in_flight_stays_pending(
    laptops: Laptops, hq: HqServer
) -> None:
    """Scenario 10: a record edited while its upload is in flight stays pending."""
    a = laptops.new("a")
    b = laptops.new("b")
    pid = register(a, "Jabali")
    a.sync.sync_now()
    edit(a, pid, village="Migosi")

    edits: list[str] = []
    with NetProxy(hq.port) as proxy:

        def edit_in_flight(client: HqClient) -> None:
            real = client.push

            def push(request: PushRequest) -> Any:
                if any(c.entity_id == pid for c in request.changes) and len(edits) < 2:
                    edits.append(f"Mamboleo {len(edits) + 1}")
                    edit(a, pid, village=edits[-1])  # while the upload is on its way
                return real(request)

            client.push = push  # type: ignore[method-assign]

        # First the reply is lost (HQ committed), then the upload goes through; both times
        # the record is edited meanwhile.
        proxy.set(Faults(cut_down_after=0))
        a.sync = SyncApi(a, factory(push_via=proxy.url, retries=0, wrap=edit_in_flight))
        with pytest.raises(SyncUnreachable):
            a.sync.sync_now()
        assert patient_entries(a) == 2  # the sent one, and the edit made in flight
        proxy.clear()
        report = a.sync.sync_now()
    # Each edit made while an upload was in flight stayed an entry of its own, pending
    # until HQ acknowledged it: never folded into what HQ may already have committed.
    villages = [
        c.patch["village"].get("v")
        for c in hq_log(a)
        if c.entity_id == pid and "village" in c.patch
    ]
    assert [v for v in dict.fromkeys(villages) if v] == ["Migosi", "Mamboleo 1", "Mamboleo 2"]
    a.sync = SyncApi(a)
    a.sync.sync_now()
    assert unacked(a) == 0 == report.pending
    b.sync.sync_now()
    assert patient_field(b, pid, "village") == "Mamboleo 2"
    assert patient_field(a, pid, "village") == "Mamboleo 2"
