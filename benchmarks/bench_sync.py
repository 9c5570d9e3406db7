"""Figures for sync (DESIGN.md "Performance budgets", issue 9 "Benchmarks").

    python -m benchmarks.bench_sync [--quick] [--only NAME] [--patients N] [--profile DIR]

NAME is one of: throughput, initial, wire, day, devices. Each benchmark starts its own
`outpost-hq` on 127.0.0.1 (tests/hqserver.py; SQLite unless said), its own laptops (real
encrypted stores), and prints what it measured:

- throughput: a laptop with N waiting changes (patients registered through the service, each
  with its audit event) pushes them (`core.sync.sync_now`), another laptop of the clinic
  pulls them; changes/s each way, with the time inside HTTP calls (HQ + transport) apart
  from the engine's own work on the laptop. Also the raw protocol (HqClient only, no laptop
  store) for comparison. Target >= 5,000 changes/s each way.
- initial: the benchmark clinic of benchmarks/generate.py (200,000 patients, or --patients)
  joins HQ and pushes everything once (its records have no outbox entries: the first sync's
  count check pushes a snapshot), then `setup_from_server` builds a new laptop from HQ.
  Target for the new laptop: under 2 minutes at 200,000 patients.
- wire: a typical push (a clinic day's mix) through NetProxy without faults; bytes up and
  down against gzip of the changed fields' JSON. Target <= 1.3x.
- day: the same clinic day (300 changes) pushed, then a pull, through NetProxy at 64 kbit/s,
  300 ms round trip and 2% of segments delayed as lost. Target under 60 s.
- devices: 200 simulated devices (HqClient each, in threads of a few processes) sync at
  once against `outpost-hq serve --workers 4` on a throwaway PostgreSQL (tests/pgcluster.py):
  each pushes a small batch and pulls its clinic's log; errors, p50/p95 per sync.

Numbers only: nothing here asserts a time. `--profile DIR` writes cProfile output of the
laptop side of throughput and initial.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gzip
import json
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.app.from_server import setup_from_server
from desktop.app.sync import HqLink, SyncApi, SyncReport
from desktop.core import ClinicCore
from desktop.paths import DataPaths
from desktop.services import patients as patient_svc
from desktop.services.patients import PatientInput
from desktop.store import account_keys
from desktop.store import store as store_module
from desktop.store.models import OutboxEntry, Patient
from sync.client.client import HqClient
from tests.hqserver import HqServer
from tests.netproxy import Faults, NetProxy

HERE = Path(__file__).resolve().parent
SCRATCH = HERE / "data" / "sync-scratch"
CLINIC = "Sync Benchmark Clinic"
PASSWORD = "sync benchmark 2026"
BENCHES = ("throughput", "initial", "wire", "day", "devices")

GIVEN = ("Wanjiru", "Achieng", "Otieno", "Kamau", "Njeri", "Mohamed", "Amina", "Baraka",
         "Chebet", "Kiprop", "Mutua", "Nafula", "Wafula", "Zawadi", "Halima", "Juma")  # fmt: skip
FAMILY = ("Odhiambo", "Mwangi", "Kariuki", "Ochieng", "Wekesa", "Kiptoo", "Hassan",
          "Njoroge", "Auma", "Barasa", "Mutiso", "Omondi", "Korir", "Abdi")  # fmt: skip
VILLAGES = ("Kisumu", "Ahero", "Maseno", "Kondele", "Bondo", "Siaya", "Awasi", "Muhoroni")


def say(text: str = "") -> None:
    print(text, flush=True)


# --- timing the engine's HTTP calls ---------------------------------------------------


@dataclass
class CallStats:
    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    bytes_up: dict[str, int] = field(default_factory=dict)
    bytes_down: dict[str, int] = field(default_factory=dict)

    def total(self) -> float:
        return sum(self.seconds.values())

    def line(self) -> str:
        return ", ".join(
            f"{name} {self.calls[name]}x {self.seconds[name]:.2f} s"
            for name in sorted(self.seconds, key=lambda n: -self.seconds[n])
        )


class TimedClient:
    """An HqClient whose calls are timed (and, with a proxy, their bytes counted)."""

    def __init__(self, inner: HqClient, stats: CallStats, proxy: NetProxy | None) -> None:
        self._inner = inner
        self._stats = stats
        self._proxy = proxy

    @property
    def clock_offset_ms(self) -> int | None:
        return self._inner.clock_offset_ms

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._inner, name)
        if name.startswith("_") or not callable(target) or name == "close":
            return target

        def timed(*args: Any, **kwargs: Any) -> Any:
            up0 = self._proxy.bytes_up if self._proxy else 0
            down0 = self._proxy.bytes_down if self._proxy else 0
            started = time.perf_counter()
            try:
                return target(*args, **kwargs)
            finally:
                s = self._stats
                s.seconds[name] = s.seconds.get(name, 0.0) + time.perf_counter() - started
                s.calls[name] = s.calls.get(name, 0) + 1
                if self._proxy is not None:
                    time.sleep(0.02)  # the proxy counts a chunk just before handing it over
                    s.bytes_up[name] = s.bytes_up.get(name, 0) + self._proxy.bytes_up - up0
                    s.bytes_down[name] = s.bytes_down.get(name, 0) + self._proxy.bytes_down - down0

        return timed


def timed_factory(
    stats: CallStats, proxy: NetProxy | None = None
) -> Callable[[str, str | None, str | None], HqLink]:
    def make(url: str, token: str | None, ca_file: str | None) -> HqLink:
        return TimedClient(HqClient(url, token=token, ca_file=ca_file), stats, proxy)  # type: ignore[return-value]

    return make


@dataclass
class Stages:
    """When each stage of a sync was last heard of (SyncProgress), relative to the start."""

    started: float = field(default_factory=time.perf_counter)
    first: dict[str, float] = field(default_factory=dict)
    last: dict[str, float] = field(default_factory=dict)

    def __call__(self, progress: Any) -> None:
        now = time.perf_counter() - self.started
        self.first.setdefault(progress.stage, now)
        self.last[progress.stage] = now


# --- laptops and their changes ---------------------------------------------------------


def make_clinic(root: Path) -> Path:
    store, _ = store_module.create(
        DataPaths(root),
        clinic_name=CLINIC,
        admin_username="admin",
        admin_display_name="Amina Odhiambo",
        password=PASSWORD,
    )
    store.close()
    return root


def laptop(template: Path, root: Path) -> ClinicCore:
    shutil.copytree(template, root)
    (root / "device.json").unlink(missing_ok=True)
    return ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)


def pending(core: ClinicCore) -> int:
    def read(session: Session) -> int:
        return int(
            session.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
            )
            or 0
        )

    return core.tx.read(read)


def person(rng: random.Random) -> PatientInput:
    phone = f"07{rng.randrange(10, 30)}{rng.randrange(0, 1000000):06d}"
    return PatientInput(
        given_name=rng.choice(GIVEN),
        family_name=rng.choice(FAMILY),
        sex=rng.choice(("female", "male")),
        estimated_age_years=str(rng.randrange(1, 80)),
        phone=phone if rng.random() < 0.85 else "",
        village=rng.choice(VILLAGES),
    )


def register_many(core: ClinicCore, count: int, *, seed: int, per_tx: int = 250) -> list[uuid.UUID]:
    """`count` patients registered through the service (outbox entries and audit events
    with them), `per_tx` per transaction (the front desk does one per transaction; this
    only fills the outbox faster)."""
    rng = random.Random(seed)
    ids: list[uuid.UUID] = []
    for start in range(0, count, per_tx):
        n = min(per_tx, count - start)

        def work(session: Session, n: int = n) -> list[uuid.UUID]:
            out = []
            for _ in range(n):
                patient = patient_svc.register_patient(
                    session,
                    core.actor,
                    person(rng),
                    region=core.region,
                    confirmed_new=True,
                    today=core.today(),
                    device_id=core.store.device_id,
                )
                out.append(patient.id)
            return out

        ids.extend(core.tx.write(work).value)
    return ids


def fill_outbox(core: ClinicCore, changes: int, *, seed: int) -> int:
    """Registrations until at least `changes` entries wait; how many wait."""
    register_many(core, max(1, changes // 2), seed=seed)
    while (n := pending(core)) < changes:
        register_many(core, max(1, (changes - n) // 2), seed=seed + n)
    return n


def clinic_day(core: ClinicCore, *, seed: int, target: int = 300) -> int:
    """A clinic day's changes: registrations and edits of patients this laptop knows (a
    phone number, a village), each with its audit event; about `target` outbox entries."""
    rng = random.Random(seed)
    known = core.tx.read(lambda s: list(s.scalars(select(Patient.id).limit(5000))))
    start = pending(core)
    while pending(core) - start < target:
        if known and rng.random() < 0.6:
            pid = rng.choice(known)

            def edit(session: Session, pid: uuid.UUID = pid) -> None:
                patient = session.get(Patient, _pk(session, pid))
                assert patient is not None
                if rng.random() < 0.5:
                    patient.phone = f"+2547{rng.randrange(10, 30)}{rng.randrange(0, 10**6):06d}"
                else:
                    patient.village = rng.choice(VILLAGES)

            core.tx.write(edit)
        else:
            known.extend(register_many(core, 1, seed=rng.randrange(10**9)))
    return pending(core) - start


def _pk(session: Session, patient_id: uuid.UUID) -> int:
    return int(session.scalar(select(Patient.pk).where(Patient.id == patient_id)) or 0)


def waiting_changes(core: ClinicCore) -> list[dict[str, Any]]:
    def read(session: Session) -> list[dict[str, Any]]:
        rows = session.scalars(
            select(OutboxEntry).where(OutboxEntry.acked_at.is_(None)).order_by(OutboxEntry.seq)
        )
        return [
            {
                "change_id": str(e.change_id),
                "entity": e.entity,
                "entity_id": str(e.entity_id),
                "clinic_id": str(e.clinic_id),
                "op": e.op,
                "patch": dict(e.patch),
                "hlc": e.hlc,
            }
            for e in rows
        ]

    return core.tx.read(read)


@contextlib.contextmanager
def scratch(name: str) -> Iterator[Path]:
    SCRATCH.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=SCRATCH))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}/s" if seconds > 0 else "-"


def maybe_profile(profile_dir: Path | None, name: str) -> contextlib.AbstractContextManager[Any]:
    if profile_dir is None:
        return contextlib.nullcontext()

    @contextlib.contextmanager
    def run() -> Iterator[None]:
        prof = cProfile.Profile()
        prof.enable()
        try:
            yield
        finally:
            prof.disable()
            profile_dir.mkdir(parents=True, exist_ok=True)
            prof.dump_stats(str(profile_dir / f"{name}.prof"))

    return run()


def report_line(report: SyncReport) -> str:
    return (
        f"sent {report.sent}, duplicates {report.duplicates}, rejected {len(report.rejected)}, "
        f"received {report.received}, applied {report.applied}, parked {report.parked}, "
        f"repaired {report.repaired}, pending {report.pending}"
    )


# --- 1. throughput ------------------------------------------------------------------------


def bench_throughput(n: int, profile: Path | None) -> None:
    say(f"== throughput: {n:,} waiting changes pushed by one laptop, pulled by another (loopback)")
    with scratch("throughput") as tmp, HqServer.started(tmp / "hq") as hq:
        template = make_clinic(tmp / "template")
        a = laptop(template, tmp / "a")
        b = laptop(template, tmp / "b")
        try:
            for core, name in ((a, "a"), (b, "b")):
                core.sync.enrol(hq.url, hq.enrol(CLINIC), device_name=name)
            t0 = time.perf_counter()
            waiting = fill_outbox(a, n, seed=1)
            say(f"  made {waiting:,} waiting changes in {time.perf_counter() - t0:.1f} s")

            push_stats = CallStats()
            a.sync = SyncApi(a, timed_factory(push_stats))
            stages = Stages()
            with maybe_profile(profile, "push"):
                report = a.sync.sync_now(progress=stages)
            total = time.perf_counter() - stages.started
            push_s = stages.last.get("push", total)
            say(f"  push sync: {report_line(report)}")
            say(
                f"  PUSH {waiting:,} changes: push stage {push_s:.1f} s = "
                f"{rate(waiting, push_s)} (target >= 5,000/s); whole sync {total:.1f} s "
                f"(pulling its own {waiting:,} changes back and the count check included)"
            )
            say(f"    in HTTP calls: {push_stats.line()}")
            say(
                f"    push calls {push_stats.seconds.get('push', 0):.1f} s, so the laptop's own "
                f"work in the push stage is {push_s - push_stats.seconds.get('push', 0):.1f} s"
            )

            pull_stats = CallStats()
            b.sync = SyncApi(b, timed_factory(pull_stats))
            stages = Stages()
            with maybe_profile(profile, "pull"):
                report = b.sync.sync_now(progress=stages)
            total = time.perf_counter() - stages.started
            pull_s = stages.last.get("pull", total) - stages.first.get("hello", 0.0)
            say(f"  pull sync: {report_line(report)}")
            say(
                f"  PULL {report.received:,} changes: {pull_s:.1f} s = "
                f"{rate(report.received, pull_s)} (target >= 5,000/s); whole sync {total:.1f} s"
            )
            say(f"    in HTTP calls: {pull_stats.line()}")
            say(
                f"    pull calls {pull_stats.seconds.get('pull', 0):.1f} s, so applying "
                f"(core.remote.apply) took {pull_s - pull_stats.seconds.get('pull', 0):.1f} s"
            )
        finally:
            a.close()
            b.close()
        raw_protocol(hq, n)


def synthetic_changes(clinic_id: uuid.UUID, count: int, node: str, rng: random.Random) -> list[Any]:
    """Patient inserts shaped like the outbox's (fields without stamps: the change's)."""
    from sync.protocol import Change

    wall = int(time.time() * 1000)
    out = []
    for i in range(count):
        stamp = f"{wall:015d}-{i % 1000000:06d}-{node}"
        pid = uuid.uuid4()
        patch = {
            "id": {"v": str(pid)},
            "clinic_id": {"v": str(clinic_id)},
            "given_name": {"v": rng.choice(GIVEN)},
            "other_names": {"v": ""},
            "family_name": {"v": rng.choice(FAMILY)},
            "sex": {"v": rng.choice(("female", "male"))},
            "birth_date": {"v": f"{rng.randrange(1950, 2025)}-07-01"},
            "birth_date_estimated": {"v": True},
            "phone": {"v": f"+2547{rng.randrange(10, 30)}{rng.randrange(0, 10**6):06d}"},
            "village": {"v": rng.choice(VILLAGES)},
            "clinic_number": {"v": f"OP{rng.randrange(0, 10**6):06d}"},
            "deleted": {"v": False},
        }
        out.append(
            Change(
                change_id=uuid.uuid4(),
                entity="patients",
                entity_id=pid,
                clinic_id=clinic_id,
                op="insert",
                patch=patch,  # type: ignore[arg-type]
                hlc=stamp,
            )
        )
    return out


def raw_protocol(hq: HqServer, n: int) -> None:
    """The same volume through HqClient alone (no laptop store): HQ + transport's share."""
    from sync.protocol import EnrolRequest, PushRequest

    rng = random.Random(7)
    clinic_id = uuid.uuid4()
    name = f"Raw Protocol Clinic {clinic_id.hex[:6]}"
    with HqClient(hq.url) as anon:
        answer = anon.enrol(
            EnrolRequest(
                code=hq.enrol(name),
                device_name="raw",
                mode="join",
                clinic_id=clinic_id,
                clinic_name=name,
            )
        )
    changes = synthetic_changes(clinic_id, n, "rawnode", rng)
    with HqClient(hq.url, token=answer.device_token) as client:
        started = time.perf_counter()
        for i in range(0, n, 500):
            client.push(
                PushRequest(
                    batch_id=uuid.uuid4(),
                    changes=changes[i : i + 500],
                    sent_at_ms=int(time.time() * 1000),
                )
            )
        push_s = time.perf_counter() - started
        started = time.perf_counter()
        cursor, got = 0, 0
        while True:
            page = client.pull(cursor, limit=1000, log_id=answer.log_id)
            got += len(page.changes)
            cursor = page.next_cursor
            if not page.more:
                break
        pull_s = time.perf_counter() - started
    say(
        f"  raw protocol (HqClient + HQ only, patient inserts, batches of 500, pages of 1000): "
        f"push {n:,} in {push_s:.1f} s = {rate(n, push_s)}; pull {got:,} in {pull_s:.1f} s = "
        f"{rate(got, pull_s)}"
    )


# --- 2. initial sync of the benchmark clinic ------------------------------------------------


def bench_initial(patients: int, profile: Path | None, keep_hq: Path | None = None) -> None:
    from benchmarks import generate

    say(f"== initial: the {patients:,}-patient benchmark clinic to HQ, then to a new laptop")
    data = generate.ensure(generate.Params(patients), say=lambda t: say("  " + t))
    kept = keep_hq / data.store_paths.root.parent.name if keep_hq is not None else None
    with scratch("initial") as tmp:
        if kept is not None and (kept / "clinic-name").exists():
            # HQ as the first push left it (a copy): only the new laptop is measured.
            shutil.copytree(kept / "hq", tmp / "hq")
            hq = HqServer(tmp / "hq")
            hq.start()
            try:
                _new_laptop(tmp, hq, (kept / "clinic-name").read_text(), patients, None, profile)
            finally:
                hq.stop()
            return
        with HqServer.started(tmp / "hq") as hq:
            clinic_name, push_total = _first_push(tmp, hq, data, profile)
            if kept is not None:
                hq.stop()  # a consistent copy of its database
                shutil.rmtree(kept, ignore_errors=True)
                shutil.copytree(tmp / "hq", kept / "hq")
                (kept / "clinic-name").write_text(clinic_name)
                hq.start()
            _new_laptop(tmp, hq, clinic_name, patients, push_total, profile)


def _first_push(tmp: Path, hq: HqServer, data: Any, profile: Path | None) -> tuple[str, float]:
    from benchmarks import generate

    t0 = time.perf_counter()
    shutil.copytree(data.store_paths.root, tmp / "first")
    (tmp / "first" / "device.json").unlink(missing_ok=True)
    say(f"  copied the store ({data.manifest['database_bytes'] / 2**20:,.0f} MiB) in "
        f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
    first = ClinicCore.unlock(DataPaths(tmp / "first"), generate.ADMIN, generate.PASSWORD)
    # What a sign-in does (desktop.app.session): the account's key for every laptop.
    account_keys.after_sign_in(first.store, generate.ADMIN, generate.PASSWORD)
    clinic_name = first.clinic_name
    try:
        code = hq.enrol(first.clinic_name)
        first.sync.enrol(hq.url, code, device_name="first")
        stats = CallStats()
        first.sync = SyncApi(first, timed_factory(stats))
        stages = Stages()
        with maybe_profile(profile, "initial-push"):
            report = first.sync.sync_now(progress=stages)
        total = push_total = time.perf_counter() - stages.started
        sent = report.sent + report.duplicates
        say(f"  first laptop's sync: {report_line(report)}")
        say(
            f"  PUSH the whole clinic ({sent:,} changes, a snapshot through the count "
            f"check): {total:.1f} s = {rate(sent, total)}"
        )
        say(f"    in HTTP calls: {stats.line()}")
    finally:
        first.close()
    return clinic_name, push_total


def _new_laptop(
    tmp: Path,
    hq: HqServer,
    clinic_name: str,
    patients: int,
    push_total: float | None,
    profile: Path | None,
) -> None:
    from benchmarks import generate

    head = _hq_head(hq)
    code = hq.enrol(clinic_name)
    stats = CallStats()
    stages = Stages()
    cpu = time.process_time()
    with maybe_profile(profile, "initial-pull"):
        core, _recovery, report = setup_from_server(
            DataPaths(tmp / "new"),
            hq.url,
            code,
            generate.ADMIN,
            generate.PASSWORD,
            device_name="new",
            progress=stages,
            client_factory=timed_factory(stats),
        )
    total = time.perf_counter() - stages.started
    cpu = time.process_time() - cpu
    core.close()
    say(f"  new laptop's first sync: {report_line(report)}")
    say(
        f"  NEW LAPTOP setup_from_server ({report.received:,} changes, HQ head {head:,}): "
        f"{total:.1f} s = {rate(report.received, total)} (target < 120 s at 200,000 "
        "patients)"
    )
    say(f"    in HTTP calls: {stats.line()}")
    say(
        f"    the laptop's CPU time {cpu:.1f} s = {rate(report.received, cpu)} (HQ's is "
        f"another process's); load average {os.getloadavg()[0]:.1f}"
    )
    if patients < 200_000:
        factor = 200_000 / patients
        pushed = f"first push ~{push_total * factor / 60:.1f} min, " if push_total else ""
        say(
            f"    EXTRAPOLATED linearly to 200,000 patients (x{factor:.0f}): {pushed}"
            f"new laptop ~{total * factor / 60:.1f} min (its CPU ~{cpu * factor / 60:.1f} min)"
        )


def _hq_head(hq: HqServer) -> int:
    from sync.server import db
    from sync.server import store as hq_store
    from sync.server.config import settings_for

    engine = db.open_engine(settings_for(hq.data_dir).url)
    try:
        with db.read_session(engine) as s:
            return sum(c.head for c in hq_store.clinic_status(s))
    finally:
        engine.dispose()


# --- 3. bytes on the wire, 4. a clinic day on a poor link ----------------------------------


def changed_fields_gzip(changes: list[dict[str, Any]]) -> tuple[int, int]:
    """(JSON bytes, gzip bytes) of the changed fields: per change, {field: value}."""
    fields = [{k: v.get("v") for k, v in c["patch"].items()} for c in changes]
    raw = json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode()
    return len(raw), len(gzip.compress(raw, compresslevel=6, mtime=0))


def _day_laptops(tmp: Path, hq_url: str, hq: HqServer, seed: int) -> tuple[ClinicCore, ClinicCore]:
    """Two laptops of a clinic of 2,000 patients, in step with HQ; `a` then has a day of
    300 changes waiting."""
    template = make_clinic(tmp / "template")
    a = laptop(template, tmp / "a")
    b = laptop(template, tmp / "b")
    for core, name in ((a, "a"), (b, "b")):
        core.sync.enrol(hq.url, hq.enrol(CLINIC), device_name=name)
    register_many(a, 2000, seed=seed)
    a.sync.sync_now()
    b.sync.sync_now()
    return a, b


def bench_wire() -> None:
    say("== wire: bytes of a typical push (a clinic day) against gzip of the changed fields")
    with scratch("wire") as tmp, HqServer.started(tmp / "hq") as hq, NetProxy(hq.port) as proxy:
        a, b = _day_laptops(tmp, proxy.url, hq, seed=3)
        try:
            made = clinic_day(a, seed=11)
            changes = waiting_changes(a)
            kinds: dict[str, int] = {}
            for c in changes:
                kinds[f"{c['entity']} {c['op']}"] = kinds.get(f"{c['entity']} {c['op']}", 0) + 1
            raw, gz = changed_fields_gzip(changes)
            stats = CallStats()
            a.sync = SyncApi(a, timed_factory(stats, proxy))
            proxy.reset_counters()
            report = a.sync.sync_now(server=proxy.url)
            time.sleep(0.1)
            up, down = proxy.bytes_up, proxy.bytes_down
            say(f"  {made} changes: {', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))}")
            say(f"  sync: {report_line(report)}")
            say(f"  changed fields' JSON {raw:,} B, gzip {gz:,} B")
            push_up, push_down = stats.bytes_up.get("push", 0), stats.bytes_down.get("push", 0)
            say(
                f"  push requests up {push_up:,} B = {push_up / gz:.2f}x gzip (target <= 1.3x); "
                f"push answers down {push_down:,} B; push both ways {push_up + push_down:,} B = "
                f"{(push_up + push_down) / gz:.2f}x"
            )
            say(
                f"  whole sync (hello, push, pull, status) up {up:,} B + down {down:,} B = "
                f"{up + down:,} B = {(up + down) / gz:.2f}x"
            )
            for name in sorted(stats.calls):
                say(
                    f"    {name}: {stats.calls[name]} calls, up {stats.bytes_up.get(name, 0):,} B, "
                    f"down {stats.bytes_down.get(name, 0):,} B"
                )
            _wire_breakdown(a, changes)
        finally:
            a.close()
            b.close()


def _wire_breakdown(core: ClinicCore, changes: list[dict[str, Any]]) -> None:
    """What the push body carries beyond the changed values (ids and stamps)."""
    import zstandard

    from sync.protocol import wire

    fields_only = [{k: v.get("v") for k, v in c["patch"].items()} for c in changes]
    whole = [{k: v for k, v in c.items() if k in WIRE_KEYS} for c in changes]

    def without(*keys: str) -> list[dict[str, Any]]:
        return [{k: v for k, v in c.items() if k not in keys} for c in whole]

    variants = {
        "values only": fields_only,
        "patch entries (v, hlc, base)": [c["patch"] for c in changes],
        "the changes as pushed": whole,
        "  without change_id": without("change_id"),
        "  without change_id, hlc": without("change_id", "hlc"),
        "  without change_id, hlc, entity_id": without("change_id", "hlc", "entity_id"),
    }
    for label, body in variants.items():
        data = wire.dumps(body)
        z = zstandard.ZstdCompressor(level=3).compress(data)
        g = gzip.compress(data, compresslevel=6, mtime=0)
        say(f"    {label}: JSON {len(data):,} B, zstd-3 {len(z):,} B, gzip-6 {len(g):,} B")


WIRE_KEYS = ("change_id", "entity", "entity_id", "clinic_id", "op", "patch", "hlc")


def bench_day() -> None:
    say("== day: a clinic day (300 changes) pushed, then a pull, at 64 kbit/s, 300 ms RTT, 2% loss")
    with scratch("day") as tmp, HqServer.started(tmp / "hq") as hq, NetProxy(hq.port) as proxy:
        a, b = _day_laptops(tmp, proxy.url, hq, seed=5)
        try:
            clinic_day(b, seed=13, target=60)  # the other laptop's edits, to pull
            b.sync.sync_now()
            made = clinic_day(a, seed=17)
            proxy.set(Faults.link(rtt_ms=300, rate=64_000 / 8, loss=0.02))
            proxy.reset_counters()
            stats = CallStats()
            a.sync = SyncApi(a, timed_factory(stats))
            stages = Stages()
            report = a.sync.sync_now(server=proxy.url, progress=stages)
            total = time.perf_counter() - stages.started
            say(f"  sync: {report_line(report)}")
            say(
                f"  {made} changes pushed and {report.received} pulled through the link: "
                f"{total:.1f} s (target < 60 s); bytes up {proxy.bytes_up:,}, down "
                f"{proxy.bytes_down:,}"
            )
            say(f"    in HTTP calls: {stats.line()}")
        finally:
            a.close()
            b.close()


# --- 5. many devices against PostgreSQL -----------------------------------------------------


def _device_worker(
    args: tuple[str, list[dict[str, Any]], int, float, int],
) -> list[tuple[float, str | None]]:
    """Runs in a process: one thread per device, all starting at `go` (time.time())."""
    from sync.protocol import PushRequest

    url, devices, batch, go, rounds = args
    out: list[tuple[float, str | None]] = []
    lock = threading.Lock()

    def one(device: dict[str, Any], index: int) -> None:
        rng = random.Random(index)
        clinic_id = uuid.UUID(device["clinic_id"])
        log_id = uuid.UUID(device["log_id"])
        client = HqClient(url, token=device["token"], timeout=120.0)
        cursor = 0
        time.sleep(max(0.0, go - time.time()))
        for r in range(rounds):
            started = time.perf_counter()
            error = None
            try:
                client.hello()
                changes = synthetic_changes(clinic_id, batch, f"dev{index}r{r}", rng)
                answer = client.push(
                    PushRequest(
                        batch_id=uuid.uuid4(), changes=changes, sent_at_ms=int(time.time() * 1000)
                    )
                )
                bad = [x for x in answer.results if x.status.value not in ("applied", "duplicate")]
                if bad:
                    error = f"push: {bad[0].status} {bad[0].reason}"
                while True:
                    page = client.pull(cursor, limit=1000, log_id=log_id)
                    cursor = page.next_cursor
                    if not page.more:
                        break
                client.status()
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"[:300]
            with lock:
                out.append((time.perf_counter() - started, error))
        client.close()

    threads = [threading.Thread(target=one, args=(d, d["index"])) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def bench_devices(count: int, batch: int, clinics: int, rounds: int) -> None:
    from sync.server import db
    from sync.server import store as hq_store
    from sync.server.config import now_ms, settings_for
    from tests.pgcluster import PgUnavailable, start_cluster

    say(
        f"== devices: {count} simulated devices ({clinics} clinics) syncing at once against "
        f"4 HQ workers on PostgreSQL: each {rounds} x (hello, push {batch} changes, pull, status)"
    )
    try:
        cluster = start_cluster()
    except PgUnavailable as exc:
        say(f"  skipped: {exc}")
        return
    try:
        url = cluster.create_database("bench_devices")
        with (
            scratch("devices") as tmp,
            HqServer.started(tmp / "hq", database_url=url, workers=4) as hq,
        ):
            engine = db.open_engine(settings_for(hq.data_dir).url)
            devices: list[dict[str, Any]] = []
            try:
                with db.write_session(engine) as s:
                    log_id = str(hq_store.log_id(s))
                    for i in range(count):
                        c = i % clinics
                        name = f"Device Clinic {c:03d}"
                        code, _clinic, _new = hq_store.issue_code(s, name, now_ms())
                        clinic_id = uuid.UUID(int=c + 1)
                        done = hq_store.enrol(
                            s,
                            code=code,
                            device_name=f"device {i}",
                            mode="join" if i < clinics else "new_laptop",
                            clinic_id=clinic_id,
                            now_ms=now_ms(),
                        )
                        devices.append(
                            {
                                "index": i,
                                "token": done.token,
                                "clinic_id": str(done.clinic_id),
                                "log_id": log_id,
                            }
                        )
            finally:
                engine.dispose()
            procs = max(1, min(4, (os.cpu_count() or 2) * 2))
            groups = [devices[i::procs] for i in range(procs)]
            go = time.time() + 3.0
            ctx = multiprocessing.get_context("spawn")
            started = time.perf_counter()
            with ctx.Pool(procs) as pool:
                results = pool.map(_device_worker, [(hq.url, g, batch, go, rounds) for g in groups])
            wall = time.perf_counter() - started - 3.0
            flat = [r for part in results for r in part]
            errors = [e for _t, e in flat if e]
            times = sorted(t for t, _e in flat)
            q = statistics.quantiles(times, n=20)
            say(
                f"  {len(flat)} syncs in {wall:.1f} s ({procs} client processes): errors "
                f"{len(errors)}; per sync p50 {statistics.median(times):.2f} s, p95 {q[18]:.2f} s, "
                f"max {times[-1]:.2f} s"
            )
            for e in sorted(set(errors))[:5]:
                say(f"    error: {e}")
    finally:
        cluster.stop()


# --- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_sync",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="smaller volumes (a quick look)")
    parser.add_argument("--only", choices=BENCHES, action="append", help="run only these")
    parser.add_argument("--patients", type=int, help="benchmark clinic for 'initial'")
    parser.add_argument("--changes", type=int, help="waiting changes for 'throughput'")
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--profile", type=Path, help="write cProfile files to this folder")
    parser.add_argument(
        "--keep-hq",
        type=Path,
        help="'initial': keep HQ after the first push in this folder, and measure only the "
        "new laptop against a copy of it when it is there already",
    )
    args = parser.parse_args(argv)
    only = args.only or list(BENCHES)
    say(
        f"bench_sync {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M}Z, {os.cpu_count()} CPUs, "
        f"Python {sys.version.split()[0]}"
    )
    if "throughput" in only:
        bench_throughput(args.changes or (4_000 if args.quick else 20_000), args.profile)
    if "wire" in only:
        bench_wire()
    if "day" in only:
        bench_day()
    if "devices" in only:
        bench_devices(
            20 if args.quick else args.devices, batch=20, clinics=50 if not args.quick else 5,
            rounds=1,
        )  # fmt: skip
    if "initial" in only:
        bench_initial(
            args.patients or (20_000 if args.quick else 200_000), args.profile, args.keep_hq
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
