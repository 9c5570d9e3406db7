"""Sync with HQ: enrolment, one sync (push, then pull), and what the laptop knows of its link.

One sync, in order (DESIGN.md "Sync"):
1. hello: the protocol is negotiated (an old Outpost gets "update required", never bad data),
   and the clock offset is measured; the HLC is corrected by it, and changes stamped by a clock
   that ran fast while offline are re-stamped before they leave.
2. attachments the waiting changes refer to and HQ lacks are uploaded (resumably);
3. push: the outbox in batches; each batch is fixed (`sent_batch`) in a transaction before
   its bytes leave, and entries are acknowledged only from HQ's per-change answers (applied,
   duplicate, conflict). A refused change stays in the outbox and is reported;
4. pull: HQ's log after the checkpoint, page by page, each page applied by
   `core.remote.apply` with its new checkpoint in the same transaction; then the attachments
   the pulled records refer to are fetched;
5. counts: when HQ's log has nothing newer, HQ's record counts by kind are compared with this
   store's; a difference is repaired once by a resync (everything sent again, the whole log
   pulled again), and reported if it stays.

A cut anywhere loses nothing: what was applied is stored with its checkpoint, what was not
acknowledged is sent again (HQ answers "duplicate"). A resync (HQ restored from a backup, a new
HQ log, this laptop restored from a backup) pulls the whole log and, when HQ may have lost
changes, sends a snapshot of every record with its own stamps.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.app.remote import REFUSED, RemoteChange
from desktop.app.transactions import Done
from desktop.errors import (
    Conflict,
    NotEnrolled,
    SyncBusy,
    SyncFailed,
    SyncRevoked,
    SyncUnreachable,
    SyncUpdateRequired,
)
from desktop.gc_pause import collector_paused
from desktop.hlc import DEFAULT_MAX_DRIFT_MS, wall_clock_ms
from desktop.messages import msg
from desktop.permissions import Permission
from desktop.services import sync_outbox, sync_state
from desktop.store.models import SYNCED_MODELS, Attachment, NeedsAttention, ParkedChange
from desktop.store.outbox import prune_acknowledged
from sync.client import errors as client_errors
from sync.client.urls import check_url
from sync.protocol import (
    Change,
    ChangeStatus,
    DeviceSummary,
    EnrolRequest,
    EnrolResponse,
    Hello,
    PullPage,
    PushRequest,
    PushResponse,
    StatusResponse,
)

if TYPE_CHECKING:
    from desktop.core import ClinicCore

log = logging.getLogger(__name__)

BATCH = 500  # changes per push
PAGE = 1000  # changes per pull page
CLOCK_WARNING_MS = 5 * 60 * 1000
# HQ's clock is trusted to correct this laptop's by a day at most: beyond that a person sets
# the date (a laptop whose clock reset to 2000, or an HQ that is wrong, must not decide every
# stamp of the clinic).
MAX_OFFSET_MS = 24 * 3600 * 1000
_DONE = (ChangeStatus.APPLIED, ChangeStatus.DUPLICATE, ChangeStatus.CONFLICT)


class HqLink(Protocol):
    """What the engine needs of HQ (sync.client.HqClient; tests may pass their own)."""

    clock_offset_ms: int | None

    def hello(self) -> Hello: ...
    def enrol(self, request: EnrolRequest) -> EnrolResponse: ...
    def push(self, request: PushRequest) -> PushResponse: ...
    def pull(
        self, after: int, *, limit: int, log_id: uuid.UUID | None, own: bool = True
    ) -> PullPage: ...
    def status(self) -> StatusResponse: ...
    def missing_attachments(self, hashes: Sequence[str]) -> list[str]: ...
    def upload_attachment(self, sha256: str, data: bytes, media_type: str) -> None: ...
    def download_attachment(self, sha256: str) -> bytes: ...
    def close(self) -> None: ...


ClientFactory = Callable[[str, "str | None", "str | None"], HqLink]


def _default_client(url: str, token: str | None, ca_file: str | None) -> HqLink:
    from sync.client.client import HqClient

    return HqClient(url, token=token, ca_file=ca_file)


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    device_id: uuid.UUID | None
    hq_clinic_name: str | None
    last_success_at: Any  # dt.datetime | None (UTC)
    last_attempt_at: Any
    last_error: str | None
    pending: int  # changes waiting to be sent
    needs_attention: int  # open items
    clock_offset_ms: int | None
    cursor: int


@dataclass(frozen=True)
class SyncProgress:
    stage: str  # "hello" | "attachments" | "push" | "pull" | "check"
    done: int
    total: int | None


@dataclass(frozen=True)
class SyncReport:
    sent: int = 0  # changes HQ took (applied or conflict)
    duplicates: int = 0  # already at HQ (a retried batch)
    conflicts: int = 0  # taken, but competing with another device's edit
    rejected: tuple[tuple[uuid.UUID, str], ...] = ()  # refused by HQ (still waiting here)
    received: int = 0  # changes pulled from HQ
    applied: int = 0
    parked: int = 0  # waiting for a record that has not arrived
    needs_attention: int = 0  # new items for a person
    attachments_sent: int = 0
    attachments_received: int = 0
    clock_offset_ms: int | None = None
    clock_warning: str | None = None
    resynced: bool = False
    repaired: bool = False
    counts_differ: tuple[tuple[str, int, int], ...] = ()  # (kind, here, at HQ) still apart
    pending: int = 0  # still waiting here after the sync
    cancelled: bool = False
    removed: int = 0  # patients removed on other laptops (their tombstones applied here)
    accounts: tuple[str, ...] = ()  # accounts given, renewed or removed on this laptop
    # The account keys' re-key could not run yet (another window has the store open): why.
    rekey_pending: str | None = None
    new_recovery_key: str | None = None  # issued by a re-key: print it once


@dataclass
class _Run:
    report: SyncReport = field(default_factory=SyncReport)
    wanted: set[str] = field(default_factory=set)

    def add(self, **counts: int) -> None:
        values = {k: getattr(self.report, k) + v for k, v in counts.items()}
        self.report = replace(self.report, **values)


@dataclass(frozen=True)
class _Batch:
    """Changes of one push, and how many entries they were taken from (a change the wire
    format refused is not among them)."""

    changes: list[Change]
    entries: int


class _Cancelled(Exception):
    pass


class SyncApi:
    def __init__(
        self,
        core: ClinicCore,
        client_factory: ClientFactory | None = None,
        *,
        judging: bool = True,
    ) -> None:
        """`judging=False`: the first pull of a laptop set up from HQ, which does not judge
        again what the laptops concerned already judged (one person registered twice...)."""
        self._core = core
        self.judging = judging
        self._tx = core.tx
        self._factory: ClientFactory = client_factory or _default_client
        self._running = threading.Lock()
        meta = self._meta()
        offset = _int(meta.get(sync_state.CLOCK_OFFSET))
        if offset is not None and abs(offset) <= MAX_OFFSET_MS:
            core.store.clock.set_offset(offset)

    # --- what the laptop knows ----------------------------------------------------------------

    def status(self) -> SyncStatus:
        def read(session: Session) -> SyncStatus:
            meta = sync_state.read_all(session)
            link = sync_state.link_of(meta)
            attention = _open_attention(session)
            return SyncStatus(
                enrolled=link is not None,
                server_url=link.server_url if link else None,
                device_id=link.device_id if link else None,
                hq_clinic_name=meta.get(sync_state.HQ_CLINIC_NAME),
                last_success_at=sync_state.instant(meta, sync_state.LAST_SUCCESS),
                last_attempt_at=sync_state.instant(meta, sync_state.LAST_ATTEMPT),
                last_error=meta.get(sync_state.LAST_ERROR) or None,
                pending=sync_outbox.pending_count(session),
                needs_attention=attention,
                clock_offset_ms=_int(meta.get(sync_state.CLOCK_OFFSET)),
                cursor=sync_state.cursor_of(meta),
            )

        return self._tx.read(read)

    # --- enrolment ------------------------------------------------------------------------------

    def enrol(
        self,
        url: str,
        code: str,
        *,
        device_name: str | None = None,
        ca_file: str | None = None,
    ) -> Done[SyncStatus]:
        """Join this clinic (set up offline) to HQ with a one-time code from HQ."""
        self._core.actor.require(Permission.MANAGE_CLINIC)
        base = _checked_url(url)
        meta = self._meta()
        current = sync_state.link_of(meta)
        if current is not None:
            raise Conflict(
                msg(
                    "This laptop is already joined to HQ at {url}. To sync, run "
                    "`outpost sync`; to reach HQ at another address, add --server URL.",
                    url=current.server_url,
                )
            )
        with self._exclusive():
            client = self._factory(base, None, ca_file)
            try:
                hello = self._call(client, client.hello, pending=None)
                answer = self._call(
                    client,
                    lambda: client.enrol(
                        EnrolRequest(
                            code=code.strip(),
                            device_name=(device_name or _device_name())[:200],
                            mode="join",
                            clinic_id=self._core.store.clinic_id,
                            clinic_name=self._core.clinic_name,
                        )
                    ),
                    pending=None,
                )
            finally:
                client.close()
        if answer.clinic_id != self._core.store.clinic_id:
            raise SyncFailed(
                msg(
                    "HQ answered for another clinic ({name}); nothing was changed on this "
                    "laptop. Ask HQ for a code of this clinic.",
                    name=answer.clinic_name,
                )
            )

        def save(session: Session) -> None:
            sync_state.put(
                session,
                {
                    sync_state.SERVER_URL: base,
                    sync_state.CA_FILE: ca_file,
                    sync_state.DEVICE_ID: str(answer.device_id),
                    sync_state.DEVICE_TOKEN: answer.device_token,
                    sync_state.LOG_ID: str(answer.log_id or hello.log_id),
                    sync_state.CURSOR: "0",
                    sync_state.HQ_CLINIC_NAME: answer.clinic_name,
                    sync_state.LAST_ERROR: None,
                },
            )
            self._note_offset(session, client.clock_offset_ms)

        done = self._tx.write(save)
        return Done(self.status(), done.changes)

    # --- one sync ---------------------------------------------------------------------------

    def sync_now(
        self,
        *,
        server: str | None = None,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """Push, then pull (see the module docstring). `server` reaches HQ at another address
        for this sync only. Raises SyncFailed (and its kinds) with a message for a person."""
        meta = self._meta()
        link = sync_state.link_of(meta)
        if link is None:
            raise NotEnrolled(
                msg(
                    "This clinic is not joined to HQ yet: ask HQ for an enrolment code, then "
                    "run `outpost sync enrol URL CODE` (or Settings → Connect to HQ)."
                )
            )
        base = _checked_url(server) if server else link.server_url
        with self._exclusive():
            self._tx.write(
                lambda s: sync_state.put(s, {sync_state.LAST_ATTEMPT: sync_state.now_text()})
            )
            client = self._factory(base, link.token, link.ca_file)
            engine = _Engine(self, client, link, meta, progress, cancel)
            try:
                report = engine.run()
            except SyncFailed as exc:
                error = str(exc)
                self._tx.write(lambda s: sync_state.put(s, {sync_state.LAST_ERROR: error}))
                raise
            finally:
                client.close()
        return report

    # --- shared by the engine -------------------------------------------------------------------

    def _meta(self) -> dict[str, str]:
        return self._tx.read(sync_state.read_all)

    def _pending(self) -> int:
        return self._tx.read(sync_outbox.pending_count)

    def _note_offset(self, session: Session, offset: int | None) -> None:
        if offset is None:
            return
        self._core.store.clock.set_offset(offset)
        sync_state.put(session, {sync_state.CLOCK_OFFSET: str(offset)})

    def _call(self, client: HqLink, work: Callable[[], Any], *, pending: int | None) -> Any:
        """`work()` with the client's errors turned into one line for a person."""
        try:
            return work()
        except client_errors.SyncError as exc:
            raise self._failure(exc, pending) from exc
        except ValidationError as exc:
            raise SyncFailed(
                msg(
                    "A change here could not be put into the sync format ({why}); nothing was "
                    "lost.",
                    why=str(exc.errors()[0].get("msg", "")) if exc.errors() else "",
                )
            ) from exc

    def _failure(self, exc: client_errors.SyncError, pending: int | None) -> SyncFailed:
        waiting = self._pending() if pending is None else pending
        tail = msg(
            "{n} changes wait on this laptop; nothing was lost: they are sent at the next sync.",
            n=waiting,
        )
        if isinstance(exc, client_errors.HqUnreachable):
            return SyncUnreachable(f"{exc.message} {tail}")
        if isinstance(exc, client_errors.DeviceRevoked):
            return SyncRevoked(f"{exc.message} {tail}")
        if isinstance(exc, client_errors.UpdateRequired):
            return SyncUpdateRequired(f"{exc.message} {tail}")
        return SyncFailed(f"{exc.message} {tail}")

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """One sync of this store at a time: in this process and across processes."""
        if not self._running.acquire(blocking=False):
            raise SyncBusy(msg("A sync of this laptop is already running; wait for it to end."))
        try:
            path = self._core.paths.root / "sync.lock"
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
            try:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise SyncBusy(
                        msg("A sync of this laptop is already running; wait for it to end.")
                    ) from None
                yield
            finally:
                os.close(fd)
        finally:
            self._running.release()


class _Engine:
    """One sync's steps (see the module docstring)."""

    def __init__(
        self,
        api: SyncApi,
        client: HqLink,
        link: sync_state.Link,
        meta: dict[str, str],
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
    ) -> None:
        self.api = api
        self.core = api._core
        self.tx = api._tx
        self.client = client
        self.link = link
        self.meta = meta
        self.progress = progress
        self.cancel = cancel
        self.result = _Run()

    def call(self, work: Callable[[], Any]) -> Any:
        return self.api._call(self.client, work, pending=None)

    def tell(self, stage: str, done: int, total: int | None) -> None:
        if self.progress is not None:
            self.progress(SyncProgress(stage, done, total))
        if self.cancel is not None and self.cancel.is_set():
            raise _Cancelled

    def run(self) -> SyncReport:
        try:
            self._run()
        except _Cancelled:
            self.result.report = replace(self.result.report, cancelled=True)
        return replace(self.result.report, pending=self.api._pending())

    def _run(self) -> None:
        self.tell("hello", 0, None)
        hello: Hello = self.call(self.client.hello)
        self._take_clock()
        resync = self.meta.get(sync_state.RESYNC) or ""
        if self.link.log_id is not None and hello.log_id != self.link.log_id:
            resync = "full"  # another HQ log: it may lack what this laptop sent
        if resync:
            self._start_resync(hello, resync)
        self._upload_attachments()
        self._push()
        if resync == "full":
            self._push_snapshot()
        try:
            self._pull(own_too=bool(resync))
        except SyncFailed as exc:
            if not isinstance(exc.__cause__, client_errors.ResyncRequired) or resync:
                raise
            # HQ restored from an older backup (this cursor is past its log): start again.
            self._start_resync(hello, "full")
            self._push_snapshot()
            self._pull(own_too=True)
        self._fetch_attachments()
        self._check_counts()
        self.tx.write(self._note_success)
        self.tx.write(prune_acknowledged)

    # --- clock ------------------------------------------------------------------------------

    def _take_clock(self) -> None:
        offset = self.client.clock_offset_ms
        if offset is None:
            return
        if abs(offset) > MAX_OFFSET_MS:
            raise SyncFailed(
                msg(
                    "This laptop's clock and HQ's differ by {hours} hours: set this laptop's "
                    "date and time, then sync again (if the laptop is right, tell HQ's "
                    "support). Nothing was sent or received.",
                    hours=abs(offset) // 3_600_000,
                )
            )
        clock = self.core.store.clock
        self.tx.write(lambda s: self.api._note_offset(s, offset))
        warning = None
        if abs(offset) > CLOCK_WARNING_MS:
            warning = msg(
                "This laptop's clock is {minutes} minutes {way}: set the right time and date "
                "(Outpost corrects its own records by HQ's clock meanwhile).",
                minutes=abs(offset) // 60000,
                way=msg("slow") if offset > 0 else msg("fast"),
            )
        self.result.report = replace(
            self.result.report, clock_offset_ms=offset, clock_warning=warning
        )
        limit = wall_clock_ms() + offset + DEFAULT_MAX_DRIFT_MS

        def restamp(session: Session) -> int:
            # The records' stamps are bookkeeping of the sync itself, not edits to send.
            session.info["applying_remote"] = True
            return sync_outbox.restamp_future(session, clock, limit)

        restamped = self.tx.write(restamp).value
        if restamped:
            log.info("re-stamped %d changes made while the clock was fast", restamped)

    # --- resync -----------------------------------------------------------------------------

    def _start_resync(self, hello: Hello, kind: str) -> None:
        def reset(session: Session) -> None:
            sync_state.put(
                session,
                {
                    sync_state.CURSOR: "0",
                    sync_state.LOG_ID: str(hello.log_id),
                    sync_state.RESYNC: kind,
                },
            )

        self.tx.write(reset)
        self.link = replace(self.link, log_id=hello.log_id)
        self.meta[sync_state.CURSOR] = "0"
        self.result.report = replace(self.result.report, resynced=True)

    def _push_snapshot(self, kinds: frozenset[str] | None = None) -> None:
        """Every record (of `kinds`) sent again with its own stamps, a batch at a time (a
        read transaction per batch: a large clinic never sits in memory at once)."""
        done = 0

        def counted(batch: _Batch, answer: PushResponse | None) -> None:
            nonlocal done
            done += batch.entries
            self.tell("push", done, None)

        self._send_in_turn(partial(next, self._snapshot_batches(kinds), None), counted)

    def _snapshot_batches(self, kinds: frozenset[str] | None) -> Iterator[_Batch]:
        clinic_id = self.core.store.clinic_id
        for model in sync_outbox.snapshot_kinds(kinds):
            after: int | None = 0
            while after is not None:
                batch, after = self.tx.read(
                    partial(
                        sync_outbox.snapshot_batch,
                        model=model,
                        clinic_id=clinic_id,
                        after_pk=after,
                        limit=BATCH,
                    )
                )
                if batch:
                    changes = [Change.model_validate(c) for c in batch]
                    yield _Batch(changes, len(changes))

    # --- push -------------------------------------------------------------------------------

    def _upload_attachments(self) -> None:
        def referred(session: Session) -> dict[str, tuple[bytes, str]]:
            patches = sync_outbox.unacked_patches_with_attachments(session)
            hashes = sync_outbox.attachment_hashes(patches)
            found: dict[str, tuple[bytes, str]] = {}
            for digest in sorted(hashes):
                row = session.get(Attachment, digest)
                if row is not None:
                    found[digest] = (row.data, row.media_type)
            return found

        local = self.tx.read(referred)
        if not local:
            return
        names = sorted(local)
        missing: list[str] = []
        for start in range(0, len(names), 500):
            part = names[start : start + 500]
            missing.extend(self.call(partial(self.client.missing_attachments, part)))
        for number, digest in enumerate(missing, 1):
            data, media_type = local[digest]
            self.call(partial(self.client.upload_attachment, digest, data, media_type))
            self.result.add(attachments_sent=1)
            self.tell("attachments", number, len(missing))

    def _push(self) -> None:
        total = self.api._pending()
        done = 0

        def acknowledge(batch: _Batch, answer: PushResponse | None) -> None:
            nonlocal done
            if answer is not None:
                acked = [r.change_id for r in answer.results if r.status in _DONE]
                self.tx.write(partial(sync_outbox.mark_acknowledged, change_ids=acked))
            done += batch.entries
            self.tell("push", done, total)

        self._send_in_turn(self._outbox_batches(), acknowledge)

    def _outbox_batches(self) -> Callable[[], _Batch | None]:
        """What takes the outbox's next batch, oldest first, fixing it as sent (None when
        nothing waits); a change the wire format refuses is reported and kept here (HQ
        would refuse its whole batch). Asked again after a None, it finds an edit made
        since."""
        after = 0

        def take() -> _Batch | None:
            nonlocal after
            entries = self.tx.write(partial(_take_batch, after=after)).value
            if not entries:
                return None
            after = entries[-1][0]
            changes: list[Change] = []
            for _seq, raw in entries:
                try:
                    changes.append(Change.model_validate(raw))
                except ValidationError as exc:
                    why = exc.errors()[0].get("msg", "") if exc.errors() else ""
                    self._reject(uuid.UUID(str(raw["change_id"])), f"not sendable: {why}")
            return _Batch(changes, len(entries))

        return take

    def _send_in_turn(
        self,
        take: Callable[[], _Batch | None],
        answered: Callable[[_Batch, PushResponse | None], None],
    ) -> None:
        """Each batch sent to HQ after the one before was answered, and the next one taken
        from the store while HQ works on this one: HQ's part is most of a batch's time, and
        the wait for its answer leaves this process free. `answered` runs in order, on this
        thread, with HQ's answer (None for a batch with nothing to send). Should taking the
        next batch fail, the batch in flight is still answered and acknowledged first.

        Nothing to take while a batch was in flight is asked again once it is answered: an
        edit saved meanwhile goes in this sync, as it did when batches were sent one by one."""
        with ThreadPoolExecutor(1, thread_name_prefix="outpost-push") as sender:
            batch = take()
            while batch is not None:
                sending = None
                if batch.changes:
                    sending = sender.submit(self.client.push, self._request(batch.changes))
                try:
                    following = take()
                finally:
                    self._answered(batch, sending, answered)
                if following is None and sending is not None:
                    following = take()
                batch = following

    def _answered(
        self,
        batch: _Batch,
        sending: Future[PushResponse] | None,
        answered: Callable[[_Batch, PushResponse | None], None],
    ) -> None:
        answer = None
        if sending is not None:
            # The errors are put into words here: that reads the store, on this thread.
            answer = self.call(sending.result)
            self._check_answer(answer, batch.changes)
            self._count_results(answer, batch.changes)
        answered(batch, answer)

    def _request(self, changes: list[Change]) -> PushRequest:
        summary = DeviceSummary(
            # What will still wait once HQ took this batch (HQ shows it until the next sync).
            pending=max(0, self.api._pending() - len(changes)),
            needs_attention=self.tx.read(_open_attention),
            app_version=_app_version(),
        )
        return PushRequest(
            batch_id=uuid.uuid4(),
            changes=changes,
            sent_at_ms=max(0, wall_clock_ms()),
            summary=summary,
        )

    def _check_answer(self, answer: PushResponse, changes: list[Change]) -> None:
        sent = {c.change_id for c in changes}
        if any(r.change_id not in sent for r in answer.results):
            raise SyncFailed(
                msg(
                    "HQ's answer named changes this laptop did not send; nothing was marked "
                    "as sent. Tell HQ's support."
                )
            )

    def _count_results(self, answer: PushResponse, changes: list[Change]) -> None:
        for result in answer.results:
            if result.status is ChangeStatus.APPLIED:
                self.result.add(sent=1)
            elif result.status is ChangeStatus.DUPLICATE:
                self.result.add(duplicates=1)
            elif result.status is ChangeStatus.CONFLICT:
                self.result.add(sent=1, conflicts=1)
            else:
                self._reject(result.change_id, result.reason or msg("refused by HQ"))

    def _reject(self, change_id: uuid.UUID, why: str) -> None:
        refused = (*self.result.report.rejected, (change_id, why[:300]))
        self.result.report = replace(self.result.report, rejected=refused)

    # --- pull -------------------------------------------------------------------------------

    def _pull(self, *, own_too: bool) -> None:
        """The pages after the cursor, each applied (with its checkpoint) in order, the next
        one asked of HQ while this one is applied: HQ's part and the transfer no longer add
        to the laptop's (a page's parse still takes turns with applying, under the GIL).
        Should the next page fail to come, the one in hand is still applied first."""
        cursor = sync_state.cursor_of(self.meta)
        start = cursor
        users_touched = False
        with ThreadPoolExecutor(1, thread_name_prefix="outpost-pull") as fetcher:
            fetching: Future[PullPage] | None = fetcher.submit(self._fetch_page, cursor, own_too)
            while fetching is not None:
                page: PullPage = self.call(fetching.result)
                self._check_page(page, cursor)
                fetching = None
                if page.more:
                    fetching = fetcher.submit(self._fetch_page, page.next_cursor, own_too)
                # The collector held off while a page is parsed and applied (gc_pause.py).
                with collector_paused():
                    cursor, touched = self._apply_page(page, start, own_too)
                users_touched = users_touched or touched
        if users_touched:
            self._mirror_accounts()

    def _fetch_page(self, cursor: int, own_too: bool) -> PullPage:
        with collector_paused():  # its parse makes as many objects as applying it
            return self.client.pull(cursor, limit=PAGE, log_id=self.link.log_id, own=own_too)

    def _check_page(self, page: PullPage, cursor: int) -> None:
        stuck = page.more and page.next_cursor <= cursor  # "more", and never further
        if (
            stuck
            or page.next_cursor < cursor
            or page.next_cursor > max(page.head, cursor)
            or any(c.position <= cursor for c in page.changes)
        ):
            raise SyncFailed(
                msg(
                    "HQ sent changes this laptop already had out of order; nothing was "
                    "applied from them. Tell HQ's support."
                )
            )

    def _apply_page(self, page: PullPage, start: int, own_too: bool) -> tuple[int, bool]:
        """Apply a page pulled from HQ: the new cursor and whether it touched accounts."""
        mine = self.link.device_id
        changes = [
            RemoteChange(
                change_id=c.change_id,
                entity=c.entity,
                entity_id=c.entity_id,
                clinic_id=c.clinic_id,
                op=c.op,
                patch={
                    k: v if "v" in v else {"v": None, **v}  # "v" always: null is a value
                    for k, v in c.patch.items()
                },
                hlc=c.hlc,
                user_id=c.user_id,
                conflict=c.conflict,
            )
            for c in page.changes
            if own_too or c.origin_device != mine
        ]
        checkpoint: dict[str, str | None] = {sync_state.CURSOR: str(page.next_cursor)}
        if not page.more:
            checkpoint[sync_state.RESYNC] = None
        done = self.core.remote.apply(changes, checkpoint=checkpoint, judge=self.api.judging)
        report = done.value
        applied = set(report.applied)
        removed = sum(
            1
            for c in changes
            if c.entity == "patients" and c.op == "delete" and c.change_id in applied
        )
        self.result.add(
            received=len(page.changes),
            applied=len(report.applied),
            needs_attention=report.needs_attention,
            removed=removed,
        )
        self.result.report = replace(self.result.report, parked=len(report.parked))
        self.result.wanted |= sync_outbox.attachment_hashes([c.patch for c in changes])
        cursor = page.next_cursor
        self.meta[sync_state.CURSOR] = str(cursor)
        self.tell("pull", max(0, cursor - start), max(0, page.head - start))
        return cursor, "users" in done.changes.kinds

    def _mirror_accounts(self) -> None:
        """Accounts the pull brought, changed or disabled reach this laptop's key file."""
        from desktop.store import account_keys

        # An administrator signs again what a pull brought signed by own password changes;
        # a store from before grants pins the clinic's authority (account_grants).
        try:
            account_keys.take_authority(self.core.store)
        except Exception as exc:  # never stops a sync: tried again at the next one
            log.warning("could not sign the accounts after a pull (%s)", type(exc).__name__)
        done = account_keys.mirror_accounts(self.core.store)
        self.result.report = replace(
            self.result.report,
            accounts=(*done.added, *done.updated, *done.removed),
            rekey_pending=done.rekey_pending,
            new_recovery_key=done.recovery_key,
        )

    def _fetch_attachments(self) -> None:
        wanted = set(self.result.wanted)
        earlier = self.meta.get(sync_state.WANTED, "")
        wanted.update(h for h in earlier.split(",") if len(h) == 64)
        have = self.tx.read(lambda s: sync_outbox.local_attachments(s, wanted))
        missing = sorted(wanted - have)
        still: list[str] = []
        for number, digest in enumerate(missing, 1):
            try:
                data = self.client.download_attachment(digest)
            except client_errors.HqUnreachable:
                raise
            except client_errors.SyncError as exc:
                log.warning("an attachment could not be fetched: %s", exc.message)
                still.append(digest)
                continue

            def store(session: Session, d: str = digest, b: bytes = data) -> None:
                if session.get(Attachment, d) is None:
                    session.add(
                        Attachment(
                            sha256=d,
                            clinic_id=self.core.store.clinic_id,
                            media_type="image/png",
                            size=len(b),
                            data=b,
                        )
                    )

            self.tx.write(store)
            self.result.add(attachments_received=1)
            self.tell("attachments", number, len(missing))
        self.tx.write(lambda s: sync_state.put(s, {sync_state.WANTED: ",".join(still) or None}))

    # --- counts -----------------------------------------------------------------------------

    def _check_counts(self, *, repairing: bool = False) -> None:
        self.tell("check", 0, None)
        status: StatusResponse = self.call(self.client.status)
        cursor = sync_state.cursor_of(self.meta)
        if status.head != cursor:
            return  # others pushed meanwhile: the counts would not be comparable
        here = self.tx.read(lambda s: _live_counts(s, self.core.store.clinic_id))
        differ = tuple(
            (kind, count, status.counts.get(kind, 0))
            for kind, count in sorted(here.items())
            if count != status.counts.get(kind, 0)
        )
        if not differ:
            return
        if repairing:
            self.result.report = replace(self.result.report, counts_differ=differ)
            log.warning("record counts still differ from HQ's after a repair: %s", differ)
            return
        log.warning("record counts differ from HQ's: %s; repairing", differ)
        self.result.report = replace(self.result.report, repaired=True)
        more_here = frozenset(kind for kind, mine, theirs in differ if mine > theirs)
        if more_here:
            self._push_snapshot(more_here)  # HQ lacks records this laptop has
        if any(mine < theirs for _kind, mine, theirs in differ):
            self.meta[sync_state.CURSOR] = "0"  # this laptop lacks records HQ has
            self._pull(own_too=True)
        self._check_counts(repairing=True)

    def _note_success(self, session: Session) -> None:
        sync_state.put(
            session,
            {sync_state.LAST_SUCCESS: sync_state.now_text(), sync_state.LAST_ERROR: None},
        )


# --- helpers -------------------------------------------------------------------------------


def _take_batch(session: Session, *, after: int) -> list[tuple[int, dict[str, Any]]]:
    return [(e.seq, _wire_change(e)) for e in sync_outbox.take_batch(session, BATCH, after)]


def _wire_change(entry: Any) -> dict[str, Any]:
    return {
        "change_id": entry.change_id,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "clinic_id": entry.clinic_id,
        "op": _wire_op(entry.op, entry.patch),
        "patch": dict(entry.patch),
        "hlc": entry.hlc,
    }


def _wire_op(op: str, patch: Any) -> str:
    """A tombstone travels as "delete" (HQ counts live records by it), even when it is the
    record's first version: registered and removed before any sync, the outbox entry is
    still the insert (the other devices never saw the record: it arrives whole)."""
    deleted = patch.get("deleted") if isinstance(patch, dict) else None
    if isinstance(deleted, dict) and deleted.get("v") is True:
        return "delete"
    return op


def _open_attention(session: Session) -> int:
    found = session.scalar(
        select(func.count()).select_from(NeedsAttention).where(NeedsAttention.resolved_at.is_(None))
    )
    return int(found or 0)


def _live_counts(session: Session, clinic_id: uuid.UUID) -> dict[str, int]:
    """Live records by kind, counting those known to be missing here (parked until what
    they point at arrives, or refused and on the needs-attention list) as HQ counts them:
    a record this laptop cannot take must not make every sync pull the whole log again."""
    missing: dict[str, set[uuid.UUID]] = {}
    for entity, entity_id in session.execute(select(ParkedChange.entity, ParkedChange.entity_id)):
        missing.setdefault(entity, set()).add(entity_id)
    refused = select(NeedsAttention.entity, NeedsAttention.entity_id).where(
        NeedsAttention.reason == REFUSED, NeedsAttention.resolved_at.is_(None)
    )
    for entity, entity_id in session.execute(refused):
        missing.setdefault(entity, set()).add(entity_id)
    counts: dict[str, int] = {}
    for model in SYNCED_MODELS:
        table = model.__tablename__  # type: ignore[attr-defined]
        found = session.scalar(
            select(func.count())
            .select_from(model)
            .where(model.clinic_id == clinic_id, model.deleted.is_(False))
        )
        counts[table] = int(found or 0)
        ids = sorted(missing.get(table, ()))
        if ids:
            present: set[uuid.UUID] = set()
            for start in range(0, len(ids), 500):
                present.update(
                    session.scalars(select(model.id).where(model.id.in_(ids[start : start + 500])))
                )
            counts[table] += len(set(ids) - present)
    return counts


def _checked_url(url: str) -> str:
    try:
        return check_url(url)
    except client_errors.SyncError as exc:
        raise SyncFailed(exc.message) from exc


def _device_name() -> str:
    return socket.gethostname() or "laptop"


def _app_version() -> str:
    try:
        from importlib.metadata import version

        return version("outpost")
    except Exception:
        return ""


def _int(raw: str | None) -> int | None:
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None
