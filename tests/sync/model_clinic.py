"""Three laptops of one fresh clinic, joined to a real `outpost-hq`, and what the
convergence property test (tests/sync/test_convergence.py) records and reads of them.

- `HqCodes` issues one-time enrolment codes straight into HQ's database, as
  `outpost-hq enrol` does (`sync.server.store.issue_code`), without a process per code.
- `SharedWall` is the wall clock every laptop's hybrid logical clock reads (after HQ's
  measured offset): it only moves when the test says, so edits on different laptops fall
  in the same millisecond and their order rests on the HLC's counter and node.
- `ModelClinic` makes the clinic (its own name at HQ, its own store), its laptops, and does
  what a person does on one (register, edit one field, remove a patient, sync, sync over a
  cut link), writing down each edit with its stamp and base (the stamp it replaced) and the
  cursor of each removal, so that the test can say what must have survived.
- `PatientRow`, `rows`, `attention_items`, `hq_log`, `fold` read the laptops and HQ.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.app.patients import PatientInput
from desktop.app.sync import SyncApi, SyncReport
from desktop.core import ClinicCore
from desktop.errors import SyncFailed
from desktop.hlc import wall_clock_ms
from desktop.paths import DataPaths
from desktop.records.kinds import SPECS
from desktop.services import sync_state
from desktop.store import store as store_module
from desktop.store.models import (
    SYNCED_MODELS,
    NeedsAttention,
    OutboxEntry,
    ParkedChange,
    Patient,
)
from desktop.store.outbox import synced_columns, to_wire
from sync.client.client import HqClient
from sync.protocol import PulledChange, StatusResponse
from sync.server import db
from sync.server import store as hq_store
from sync.server.config import settings_for
from tests.conftest import PASSWORD
from tests.hqserver import HqServer
from tests.netproxy import Faults, NetProxy

PATIENTS = "patients"
PATIENT_KEYS = tuple(synced_columns(Patient))
SAFETY = frozenset(SPECS[PATIENTS].safety_critical)
ORDINARY = tuple(k for k in PATIENT_KEYS if k not in SAFETY and k not in ("id", "clinic_id"))


class HqCodes:
    """One-time enrolment codes written into HQ's database as `outpost-hq enrol` does."""

    def __init__(self, hq: HqServer) -> None:
        settings = settings_for(hq.data_dir, hq.database_url)
        self._engine = db.open_engine(settings.url)

    def issue(self, clinic: str) -> str:
        with db.write_session(self._engine) as session:
            code, _clinic, _created = hq_store.issue_code(session, clinic, wall_clock_ms())
        return code

    def close(self) -> None:
        self._engine.dispose()


class SharedWall:
    """A wall clock the laptops share; it moves only by `tick`."""

    def __init__(self) -> None:
        self.ms = wall_clock_ms() - 60_000  # in HQ's past: never "stamped in the future"

    def tick(self, ms: int = 1) -> None:
        self.ms += ms

    def attach(self, core: ClinicCore) -> None:
        clock = core.store.clock
        # The HLC adds HQ's measured offset to its wall; take it off again so that every
        # laptop's corrected wall is exactly `self.ms`.
        wall: Callable[[], int] = lambda: self.ms - clock.offset_ms  # noqa: E731
        clock._wall = wall


@dataclass(frozen=True)
class Edit:
    """One field edit made on a laptop, as the laptop stored it."""

    device: int
    patient_id: uuid.UUID
    key: str
    value: Any  # wire form, as stored after the edit
    stamp: str  # the field's stamp after the edit
    base: str  # the field's stamp before it (what the laptop had seen)


@dataclass(frozen=True)
class Removal:
    device: int
    patient_id: uuid.UUID
    cursor: int  # the laptop's sync cursor when it removed the patient


@dataclass(frozen=True)
class PatientRow:
    """A patient as one laptop holds it: every synced field in wire form, and its stamps."""

    values: dict[str, Any]
    stamps: dict[str, str]

    @property
    def deleted(self) -> bool:
        return bool(self.values["deleted"])


@dataclass(frozen=True)
class Item:
    """A needs_attention row, as plain values."""

    entity_id: uuid.UUID
    field: str | None
    reason: str
    local_value: Any
    local_hlc: str | None
    remote_value: Any
    remote_hlc: str | None
    open: bool


# Cut links: which call goes through the proxy, and what the proxy does to it.
CUTS: dict[str, tuple[str, Faults, bool]] = {
    # HQ got the whole push and committed; its reply never arrives.
    "push_reply_lost": ("push", Faults(cut_down_after=0), True),
    # The push is cut mid-request: HQ never has all of it.
    "push_cut_midway": ("push", Faults(cut_up_after=300), True),
    # The first push connection loses its reply, the client's retry gets through.
    "push_retried": ("push", Faults(cut_down_after=0), False),
    # The pull's page is cut mid-answer: nothing of it may be applied.
    "pull_cut_midway": ("pull", Faults(cut_down_after=200), True),
    # HQ's answer to the record counts is lost (after push and pull went through).
    "status_lost": ("status", Faults(cut_down_after=0), True),
}


@dataclass
class ModelClinic:
    """A fresh clinic with `size` laptops at HQ; what was done on them."""

    folder: Path
    hq: HqServer
    codes: HqCodes
    proxy: NetProxy
    size: int = 3
    wall: SharedWall = field(default_factory=SharedWall)
    laptops: list[ClinicCore] = field(default_factory=list)
    registered: list[uuid.UUID] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    cuts: dict[str, int] = field(default_factory=dict)  # kind -> syncs that failed
    reports: list[SyncReport] = field(default_factory=list)
    serial: int = 0

    def __post_init__(self) -> None:
        self.name = f"Convergence {uuid.uuid4().hex[:10]}"
        template = DataPaths(self.folder / "template")
        store, _ = store_module.create(
            template,
            clinic_name=self.name,
            admin_username="admin",
            admin_display_name="Amina Odhiambo",
            password=PASSWORD,
        )
        store.close()
        try:
            for number in range(self.size):
                root = self.folder / f"laptop-{number}"
                shutil.copytree(template.root, root)
                (root / "device.json").unlink(missing_ok=True)
                core = ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)
                self.laptops.append(core)
                self.wall.attach(core)
                core.sync.enrol(self.hq.url, self.codes.issue(self.name), device_name=root.name)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        for core in self.laptops:
            core.close()
        self.laptops.clear()

    def next_serial(self) -> int:
        self.serial += 1
        return self.serial

    # --- what a person does on laptop `d` ----------------------------------------------------

    def register(self, d: int, *, given: str, family: str, birth: str, sex: str) -> uuid.UUID:
        core = self.laptops[d]
        data = PatientInput(
            given_name=given,
            family_name=family,
            birth_date=birth,
            sex=sex,
            village="Kondele",
            phone=f"07{self.next_serial():08d}",
        )
        patient_id = core.patients.register(data, confirmed_new=True).value
        self.registered.append(patient_id)
        return patient_id

    def editable(self, d: int, patient_id: uuid.UUID) -> PatientRow | None:
        """The patient on laptop `d` if it is there and not removed (what a person can edit)."""
        row = rows(self.laptops[d]).get(patient_id)
        return None if row is None or row.deleted else row

    def edit(self, d: int, patient_id: uuid.UUID, key: str, typed: str) -> Edit | None:
        """Change one field of the patient as the edit form does; None when the patient is
        not on this laptop (or removed there) or the value is what it already is."""
        before = self.editable(d, patient_id)
        if before is None:
            return None
        core = self.laptops[d]
        data = core.patients.details(patient_id).editable
        if key == "birth_date":
            data = dataclasses.replace(
                data, birth_date=typed, estimated_age_years="", age_unknown=False
            )
        else:
            data = dataclasses.replace(data)
            setattr(data, key, typed)
        core.patients.edit(patient_id, data)
        after = rows(core)[patient_id]
        if after.values[key] == before.values[key]:
            return None
        edit = Edit(
            device=d,
            patient_id=patient_id,
            key=key,
            value=after.values[key],
            stamp=after.stamps[key],
            base=before.stamps.get(key, ""),
        )
        self.edits.append(edit)
        return edit

    def remove(self, d: int, patient_id: uuid.UUID) -> bool:
        if self.editable(d, patient_id) is None:
            return False
        core = self.laptops[d]
        cursor = sync_state.cursor_of(core.tx.read(sync_state.read_all))
        core.patients.remove(patient_id)
        self.removals.append(Removal(d, patient_id, cursor))
        return True

    def sync(self, d: int) -> SyncReport:
        report = self.laptops[d].sync.sync_now()
        self.reports.append(report)
        return report

    def sync_cut(self, d: int, kind: str) -> SyncReport | None:
        """One sync of laptop `d` with one of its calls through the proxy doing `kind` (see
        CUTS); None when the sync failed (as it must when the link stays cut)."""
        call, faults, every = CUTS[kind]
        core = self.laptops[d]
        if every:
            self.proxy.set(faults)
        else:
            self.proxy.next(1, faults)
        core.sync = SyncApi(core, _through(self.proxy.url, call))
        try:
            report = core.sync.sync_now()
        except SyncFailed:
            self.cuts[kind] = self.cuts.get(kind, 0) + 1
            return None
        finally:
            self.proxy.clear()
            core.sync = SyncApi(core)
        self.reports.append(report)
        return report

    # --- reading HQ ------------------------------------------------------------------------

    def client(self) -> HqClient:
        """A client of HQ with the first laptop's credential (a device of this clinic)."""
        link = sync_state.link_of(self.laptops[0].tx.read(sync_state.read_all))
        assert link is not None
        return HqClient(self.hq.url, token=link.token, retries=1, backoff=0.01)

    def hq_status(self) -> StatusResponse:
        client = self.client()
        try:
            return client.status()
        finally:
            client.close()


def _through(proxy_url: str, call: str) -> Callable[[str, str | None, str | None], HqClient]:
    """Clients whose `call` goes to the proxy (no retry unless the fault is for one
    connection only); everything else goes to HQ directly."""

    def make(url: str, token: str | None, ca_file: str | None) -> HqClient:
        direct = HqClient(url, token=token, ca_file=ca_file, retries=0, backoff=0.01)
        proxied = HqClient(proxy_url, token=token, ca_file=ca_file, retries=1, backoff=0.01)
        setattr(direct, call, getattr(proxied, call))
        close = direct.close

        def close_both() -> None:
            close()
            proxied.close()

        direct.close = close_both  # type: ignore[method-assign]
        return direct

    return make


# --- reading a laptop ------------------------------------------------------------------------


def rows(core: ClinicCore) -> dict[uuid.UUID, PatientRow]:
    """Every patient on the laptop, removed ones included."""

    def read(session: Any) -> dict[uuid.UUID, PatientRow]:
        found: dict[uuid.UUID, PatientRow] = {}
        for row in session.scalars(select(Patient)):
            values = {key: to_wire(getattr(row, key)) for key in PATIENT_KEYS}
            found[row.id] = PatientRow(values=values, stamps=dict(row.field_hlcs or {}))
        return found

    return core.tx.read(read)


def attention_items(core: ClinicCore) -> list[Item]:
    def read(session: Any) -> list[Item]:
        return [
            Item(
                entity_id=row.entity_id,
                field=row.field,
                reason=row.reason,
                local_value=row.local_value,
                local_hlc=row.local_hlc,
                remote_value=row.remote_value,
                remote_hlc=row.remote_hlc,
                open=row.resolved_at is None,
            )
            for row in session.scalars(select(NeedsAttention))
        ]

    return core.tx.read(read)


def unacked(core: ClinicCore) -> int:
    def read(session: Any) -> int:
        query = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
        return int(session.scalar(query) or 0)

    return core.tx.read(read)


def parked(core: ClinicCore) -> int:
    query = select(func.count()).select_from(ParkedChange)
    return int(core.tx.read(lambda s: s.scalar(query)) or 0)


def live_counts(core: ClinicCore) -> dict[str, int]:
    clinic_id = core.store.clinic_id

    def read(session: Any) -> dict[str, int]:
        counts: dict[str, int] = {}
        for model in SYNCED_MODELS:
            query = (
                select(func.count())
                .select_from(model)
                .where(model.clinic_id == clinic_id, model.deleted.is_(False))
            )
            counts[model.__tablename__] = int(session.scalar(query) or 0)  # type: ignore[attr-defined]
        return counts

    return core.tx.read(read)


def cursor(core: ClinicCore) -> int:
    return sync_state.cursor_of(core.tx.read(sync_state.read_all))


# --- reading HQ's log ------------------------------------------------------------------------


def hq_log(client: HqClient) -> list[PulledChange]:
    """The clinic's whole log at HQ, in order."""
    out: list[PulledChange] = []
    after = 0
    while True:
        page = client.pull(after, limit=1000, log_id=None)
        out.extend(page.changes)
        after = page.next_cursor
        if not page.more:
            return out


@dataclass(frozen=True)
class Folded:
    """A record as HQ's log has it: each key's newest value by stamp."""

    values: dict[str, Any]
    stamps: dict[str, str]


def fold(log: list[PulledChange], entity: str = PATIENTS) -> dict[uuid.UUID, Folded]:
    """Last writer (by stamp) wins per key, over every change of `entity` in the log."""
    values: dict[uuid.UUID, dict[str, Any]] = {}
    stamps: dict[uuid.UUID, dict[str, str]] = {}
    for change in log:
        if change.entity != entity:
            continue
        vals = values.setdefault(change.entity_id, {})
        have = stamps.setdefault(change.entity_id, {})
        for key, entry in change.patch.items():
            stamp = entry.get("hlc") or change.hlc
            if key not in have or stamp > have[key]:
                have[key], vals[key] = stamp, entry.get("v")
    return {eid: Folded(values[eid], stamps[eid]) for eid in values}


def iter_patient_changes(log: list[PulledChange], patient_id: uuid.UUID) -> Iterator[PulledChange]:
    for change in log:
        if change.entity == PATIENTS and change.entity_id == patient_id:
            yield change


def today_minus(years: int, days: int = 0) -> str:
    today = dt.date.today()
    return (today.replace(year=today.year - years) - dt.timedelta(days=days)).isoformat()
