"""Faults met in the middle of a sync, on real laptops' stores and a real `outpost-hq`:
HQ's reply cut inside its HTTP headers, a sync cancelled between push batches, and a disk
that fills up while a pulled page is being applied. In each, nothing saved is lost, nothing
is applied twice, and the next sync simply continues (DESIGN.md "Sync")."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.app import sync as sync_module
from desktop.app.sync import SyncApi, SyncProgress
from desktop.errors import DiskFull, SyncFailed, SyncUnreachable
from desktop.services import sync_state
from desktop.store.models import Patient
from sync.client.client import HqClient
from sync.client.errors import HqUnreachable
from sync.protocol import PushRequest
from tests.hqserver import HqServer
from tests.netproxy import Faults, NetProxy
from tests.sync.laptops import Laptops, laptops_of, patient_names, register, unacked
from tests.sync.test_engine import pushes_through  # pushes through a proxy, the rest direct

NAMES = ("Akinyi", "Baraka", "Chebet", "Dalmas", "Esther", "Fundi")


def cap_the_file(session: Session) -> int:
    """SQLite may not grow the database file past its size now: the next write that needs a
    new page meets a real "database or disk is full" from SQLCipher. Its page count."""
    pages = int(session.execute(text("PRAGMA page_count")).scalar_one())
    session.execute(text(f"PRAGMA max_page_count = {pages}"))
    return pages


def assert_says_the_disk_is_full(error: Exception) -> None:
    said = str(error)
    assert "is full" in said and "Free some space" in said and "\n" not in said


@pytest.fixture
def laptops(clinic_template: Path, tmp_path: Path, hq: HqServer) -> Iterator[Laptops]:
    with laptops_of(clinic_template, tmp_path / "laptops", hq) as made:
        yield made


@pytest.fixture
def laptops_sqlite(clinic_template: Path, tmp_path: Path, hq_sqlite: HqServer) -> Iterator[Laptops]:
    with laptops_of(clinic_template, tmp_path / "laptops", hq_sqlite) as made:
        yield made


# --- HQ's reply cut inside its headers --------------------------------------------------------


class NotCalledUnreachable(Exception):
    """The laptop lost nothing, but called the cut something other than HQ unreachable."""


# HQ's answer starts "HTTP/1.1 200 OK\r\n" (17 bytes) then "date: …\r\n" (37): 10 bytes is
# inside the status line, 40 inside the first header; the body is never reached.
@pytest.mark.parametrize(
    "cut_after",
    [
        pytest.param(10, id="in_the_status_line"),
        pytest.param(40, id="in_a_header"),
    ],
)
def test_a_reply_cut_inside_its_headers_is_hq_unreachable_and_then_a_duplicate(
    laptops: Laptops, hq: HqServer, cut_after: int
) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    register(a, "Adhiambo")
    register(a, "Omondi", "Ochieng")
    waiting = unacked(a)
    with NetProxy(hq.port) as proxy:
        proxy.set(Faults(cut_down_after=cut_after))
        a.sync = SyncApi(a, pushes_through(proxy.url))
        with pytest.raises(SyncFailed) as caught:
            a.sync.sync_now()
        assert proxy.bytes_down <= cut_after * 3  # each attempt got its few bytes, no more
    said = str(caught.value)
    assert f"{waiting} changes wait" in said and "nothing was lost" in said
    assert "\n" not in said
    assert unacked(a) == waiting  # HQ committed them, but the laptop never heard so
    assert a.sync.status().last_error == said
    a.sync = SyncApi(a)
    again = a.sync.sync_now()
    assert again.duplicates == waiting and again.sent == 0 and again.rejected == ()
    assert unacked(a) == 0
    got = b.sync.sync_now()
    assert patient_names(b) == {"Adhiambo Achieng", "Omondi Ochieng"}
    assert got.applied == got.received  # each change once: not a double
    assert b.sync.sync_now().received == 0
    # Last, so that everything above is checked whatever the laptop called the cut.
    if not isinstance(caught.value, SyncUnreachable):
        raise NotCalledUnreachable(said)


# --- a sync cancelled between push batches ----------------------------------------------------


def test_a_sync_cancelled_between_push_batches_keeps_what_hq_acknowledged(
    laptops_sqlite: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops_sqlite.new("a")
    b = laptops_sqlite.new("b")
    a.sync.sync_now()  # what the copy of the template had to send goes first, alone
    monkeypatch.setattr(sync_module, "BATCH", 4)  # changes per push: several batches
    for name in NAMES:
        register(a, name)
    waiting = unacked(a)
    assert waiting > 2 * sync_module.BATCH  # three batches at least
    cancel = threading.Event()
    seen: list[SyncProgress] = []

    def progress(step: SyncProgress) -> None:
        seen.append(step)
        if step.stage == "push":  # the first batch is acknowledged: cancel the rest
            cancel.set()

    cursor = a.sync.status().cursor
    report = a.sync.sync_now(progress=progress, cancel=cancel)
    assert report.cancelled
    assert [s.done for s in seen if s.stage == "push"] == [sync_module.BATCH]
    assert report.sent == sync_module.BATCH and report.rejected == ()
    assert report.pending == unacked(a) == waiting - sync_module.BATCH  # the rest waits
    assert report.received == 0 and a.sync.status().cursor == cursor  # no pull after a cancel
    assert a.sync.status().pending == waiting - sync_module.BATCH
    # What HQ acknowledged stays acknowledged: the next sync sends only the rest.
    rest = a.sync.sync_now()
    assert not rest.cancelled
    assert rest.sent == waiting - sync_module.BATCH and rest.duplicates == 0
    assert unacked(a) == 0
    b.sync.sync_now()
    assert patient_names(b) == {f"{name} Achieng" for name in NAMES}


# --- a disk that fills up while the next push batch is taken ----------------------------------


def test_a_disk_full_while_the_next_push_batch_is_taken_still_acknowledges_the_one_in_flight(
    laptops_sqlite: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops_sqlite.new("a")
    b = laptops_sqlite.new("b")
    a.sync.sync_now()  # what the copy of the template had to send goes first, alone
    batch = 4
    monkeypatch.setattr(sync_module, "BATCH", batch)  # changes per push: several batches
    for name in NAMES:
        register(a, name)
    waiting = unacked(a)
    assert waiting > 2 * batch
    # The second batch is taken (fixed as sent) while HQ works on the first; the disk is
    # full by then: a real "database or disk is full" from SQLCipher.
    original = sync_module._take_batch
    taken: list[int] = []

    def on_a_full_disk(session: Session, *, after: int) -> Any:
        taken.append(after)
        if len(taken) == 2:
            cap_the_file(session)
            session.execute(text("CREATE TABLE filler AS SELECT randomblob(400000) AS b"))
        return original(session, after=after)

    monkeypatch.setattr(sync_module, "_take_batch", on_a_full_disk)
    with pytest.raises(DiskFull) as caught:
        a.sync.sync_now()
    assert_says_the_disk_is_full(caught.value)
    assert len(taken) == 2
    # HQ took the first batch and the laptop heard so: only the rest waits.
    assert unacked(a) == waiting - batch

    monkeypatch.undo()
    a.store.engine.dispose()  # the connections that knew the limit are gone
    rest = a.sync.sync_now()
    assert rest.sent == waiting - batch and rest.duplicates == 0
    assert unacked(a) == 0
    b.sync.sync_now()
    assert patient_names(b) >= {f"{name} Achieng" for name in NAMES}


# --- an edit saved while the last push batch is in flight ----------------------------------


def test_an_edit_saved_while_the_last_push_batch_is_in_flight_goes_in_the_same_sync(
    laptops_sqlite: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops_sqlite.new("a")
    a.sync.sync_now()
    register(a, "Akinyi")
    # The next batch is looked for (and nothing found) while HQ works on this one; only
    # then does the coordinator save a patient.
    original_take = sync_module._take_batch
    looked_ahead = threading.Event()
    takes: list[int] = []

    def take(session: Session, *, after: int) -> Any:
        entries = original_take(session, after=after)
        takes.append(len(entries))
        if len(takes) == 2:
            looked_ahead.set()
        return entries

    original_push = HqClient.push
    saved: list[str] = []

    def push(client: HqClient, request: PushRequest) -> Any:
        if not saved:
            assert looked_ahead.wait(10)
            saved.append("Baraka")
            register(a, "Baraka")
        return original_push(client, request)

    monkeypatch.setattr(sync_module, "_take_batch", take)
    monkeypatch.setattr(HqClient, "push", push)
    report = a.sync.sync_now()
    assert takes[1] == 0 and saved == ["Baraka"]
    assert report.pending == 0 and unacked(a) == 0


# --- the next pull page lost while this one is applied -----------------------------------


def test_a_pull_page_that_fails_to_come_leaves_the_page_before_it_applied_and_checkpointed(
    laptops_sqlite: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops_sqlite.new("a")
    b = laptops_sqlite.new("b")
    a.sync.sync_now()
    b.sync.sync_now()
    registered = {register(a, name) for name in NAMES}
    a.sync.sync_now()
    monkeypatch.setattr(sync_module, "PAGE", 4)  # several pages
    original_pull = HqClient.pull
    pages: list[Any] = []

    def pull(client: HqClient, after: int, **kw: Any) -> Any:
        if pages:  # the page after the first: asked for while the first is applied
            raise HqUnreachable("HQ could not be reached.", url="x", reason="cut")
        pages.append(original_pull(client, after, **kw))
        return pages[-1]

    monkeypatch.setattr(HqClient, "pull", pull)
    with pytest.raises(SyncUnreachable):
        b.sync.sync_now()
    first = pages[0]
    assert first.more
    came = {c.entity_id for c in first.changes if c.entity == "patients"}
    here = set(b.tx.read(lambda s: list(s.scalars(select(Patient.id)))))
    assert came and here & registered == came
    assert sync_state.cursor_of(b.tx.read(sync_state.read_all)) == first.next_cursor

    monkeypatch.undo()
    b.sync.sync_now()
    assert patient_names(b) >= {f"{name} Achieng" for name in NAMES}


# --- a disk that fills up while a pulled page is applied -----------------------------------


# A page of 4 fills the disk inside one of the apply's savepoints, after SQLite has already
# undone the whole transaction (it does on SQLITE_FULL): the words must still be the disk's.
@pytest.mark.parametrize(
    "page", [pytest.param(1000, id="one_page"), pytest.param(4, id="pages_of_4")]
)
def test_a_disk_full_while_applying_a_pulled_page_applies_nothing_and_the_next_sync_does(
    laptops_sqlite: Laptops, monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    a = laptops_sqlite.new("a")
    b = laptops_sqlite.new("b")
    for n in range(20):
        register(a, f"Patient{n:02d}", "Wafula", village="Kakamega Forest Edge")
    a.sync.sync_now()
    b.sync.sync_now()  # b's own changes go up; what a sent comes down: the cursor moved
    new = {f"Patient{n:02d} Wafula" for n in range(20, 80)}
    for name in sorted(new):
        given, family = name.split()
        register(a, given, family, village="Kakamega Forest Edge")
    a.sync.sync_now()
    before = b.sync.status()
    known = patient_names(b)
    assert before.cursor > 0 and len(known) == 20 and not known & new

    # The disk fills up: SQLite may not grow the database file past its current size (a real
    # "database or disk is full" from SQLCipher, met while the page is being written).
    original = b.remote._apply
    tried: list[int] = []

    def on_a_full_disk(session: Session, *args: Any, **kwargs: Any) -> Any:
        tried.append(cap_the_file(session))
        return original(session, *args, **kwargs)

    monkeypatch.setattr(b.remote, "_apply", on_a_full_disk)
    monkeypatch.setattr(sync_module, "PAGE", page)
    with pytest.raises(DiskFull) as caught:
        b.sync.sync_now()
    assert tried, "the page was never applied"
    assert_says_the_disk_is_full(caught.value)
    after = b.sync.status()
    assert after.cursor == before.cursor  # the page and its cursor: together or not at all
    assert patient_names(b) == known
    assert after.needs_attention == before.needs_attention

    # Space is freed (the connections that knew the limit are gone): the next sync applies it.
    monkeypatch.undo()
    b.store.engine.dispose()
    report = b.sync.sync_now()
    assert report.applied == report.received > 0 and report.parked == 0
    assert patient_names(b) == known | new
    assert b.sync.status().cursor > before.cursor
    assert b.sync.sync_now().received == 0
