"""Figures for the core on a large clinic (see DESIGN.md, "Performance budgets").

    python -m benchmarks.bench_core [--patients N] [--queries Q] [--seed S]

Builds (or reuses) the clinic of benchmarks/generate.py, copies it to a scratch folder (the
benchmark registers patients and opens charts, which write; the cached clinic stays as it
was built), and prints:

- unlock: the whole `store.unlock` and, separately, the KDF (Argon2id) inside it;
- the name vocabulary load (once per unlocked store, on the first typo-tolerant search);
- patient search p50/p95/max per kind of query (name exact, name prefix, name typo, phone,
  id, dob), Q queries each, one session per query as the application does, and for names
  how often the patient the query was made from is among the 20 hits;
- the duplicate check run at registration;
- opening a chart: patient, appointments, form records, audit history, and the audit event
  for the opening committed;
- registration throughput through the real service (ORM session, outbox, audit, FTS
  trigger), one patient per transaction as at the front desk, and in batches;
- the same search and chart workload on the plain SQLite copy, and the overhead in %;
- the worklist (`core.worklist.today()`, the clinic's clock at the generated clinic's NOW)
  p50/p95 and each of its sources alone, and ICD-10 search p50/p95 (words, words being
  typed, codes, code prefixes); `--only followup` measures only these two.

Numbers only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import select

from benchmarks import generate
from benchmarks.generate import ADMIN, PASSWORD, REGION, BenchData, Params, make_plain_engine
from desktop.app import work_items
from desktop.app import worklist as worklist_module
from desktop.app.work_items import WORKLIST_LIMIT, WorkItem, Worklist
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.dates import parse_date
from desktop.names import display_fold, query_tokens
from desktop.paths import DataPaths
from desktop.permissions import Actor
from desktop.services import icd10
from desktop.services.patients import PatientInput, open_chart, register_patient
from desktop.services.search import PatientSearch, likely_duplicates
from desktop.store import keys, schema
from desktop.store import store as store_mod
from desktop.store.keyfile import KeyFile
from desktop.store.models import Patient
from desktop.store.store import Store

KINDS = ("name exact", "name prefix", "name typo", "phone", "id", "dob")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class Query:
    text: str
    target: uuid.UUID
    name: str  # the target's full name, folded: a namesake found counts as found


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


# --- the query workload -------------------------------------------------------------------


def _typo(rng: random.Random, word: str) -> str:
    """One realistic slip: a wrong, missing, extra or swapped letter."""
    for _ in range(20):
        i = rng.randrange(1, len(word))  # people rarely get the first letter wrong
        kind = rng.choice(("substitute", "delete", "insert", "swap"))
        if kind == "substitute":
            out = word[:i] + rng.choice(LETTERS) + word[i + 1 :]
        elif kind == "delete":
            out = word[:i] + word[i + 1 :]
        elif kind == "insert":
            out = word[:i] + rng.choice(LETTERS) + word[i:]
        else:
            if i + 1 >= len(word):
                continue
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if out != word:
            return out
    return word + "a"


def build_queries(store: Store, rng: random.Random, n: int) -> dict[str, list[Query]]:
    with store.session() as session:
        top = session.scalar(select(Patient.pk).order_by(Patient.pk.desc()).limit(1)) or 0
        pks = rng.sample(range(1, top + 1), min(top, n * 8))
        rows = list(
            session.execute(
                select(Patient).where(Patient.pk.in_(pks), Patient.deleted.is_(False))
            ).scalars()
        )
    rng.shuffle(rows)
    out: dict[str, list[Query]] = {kind: [] for kind in KINDS}

    def take(kind: str, text: str, target: uuid.UUID) -> None:
        if len(out[kind]) < n:
            out[kind].append(Query(text, target, name))

    for p in rows:
        name = display_fold(p.full_name)
        take("name exact", f"{p.given_name} {p.family_name}", p.id)
        roll = rng.random()
        family = display_fold(p.family_name) or p.family_name
        given = display_fold(p.given_name) or p.given_name
        if roll < 0.5:  # typing the family name after the given name
            take("name prefix", f"{given} {family[: rng.randint(1, 4)]}", p.id)
        elif roll < 0.75:  # the first letters of one name: broad, many matches
            take("name prefix", family[: rng.randint(1, 3)], p.id)
        else:
            take("name prefix", given[: rng.randint(2, 5)], p.id)
        words = [given, family]
        typo_at = rng.randrange(2)
        if len(words[typo_at]) < 4:
            typo_at = 1 - typo_at
        if len(words[typo_at]) >= 4:
            words[typo_at] = _typo(rng, words[typo_at])
            take("name typo", " ".join(words), p.id)
        if p.phone:
            national = p.phone.removeprefix("+254")
            roll = rng.random()
            if p.phone.startswith("+254") and roll < 0.5:
                take("phone", f"0{national[:3]} {national[3:6]} {national[6:]}", p.id)
            elif roll < 0.75:
                take("phone", p.phone, p.id)
            else:
                take("phone", p.phone[-rng.randint(4, 6) :], p.id)
        if p.national_id and rng.random() < 0.5:
            take("id", p.national_id, p.id)
        elif p.clinic_number:
            if rng.random() < 0.7:
                take("id", p.clinic_number.lower(), p.id)
            else:
                take("id", p.clinic_number[:7], p.id)
        if p.birth_date:
            birth = p.birth_date
            if p.birth_date_estimated:
                birth = dt.date(birth.year, rng.randint(1, 12), rng.randint(1, 28))
            fmt = rng.choice(("%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"))
            take("dob", birth.strftime(fmt), p.id)
    return out


@dataclass
class Timing:
    times: list[float]
    found: int = 0
    cpu: list[float] = field(default_factory=list)
    """CPU seconds of this process per call: on a shared machine, what the call itself
    cost, without the time spent waiting for a core."""

    @property
    def cpu50(self) -> float:
        return percentile(self.cpu, 50)

    @property
    def cpu95(self) -> float:
        return percentile(self.cpu, 95)

    @property
    def p50(self) -> float:
        return percentile(self.times, 50)

    @property
    def p95(self) -> float:
        return percentile(self.times, 95)

    @property
    def worst(self) -> float:
        return max(self.times)


def run_searches(
    stores: Sequence[Store], search: PatientSearch, queries: dict[str, list[Query]]
) -> list[dict[str, Timing]]:
    """Every query on every store, interleaved (store order alternating from one query to
    the next), so a busy moment on a shared machine costs all stores alike."""
    results: list[dict[str, Timing]] = [{} for _ in stores]
    for kind, items in queries.items():
        timings = [Timing([]) for _ in stores]
        for i, query in enumerate(items):
            order = list(range(len(stores)))
            if i % 2:
                order.reverse()
            for s in order:
                started, cpu = time.perf_counter(), time.process_time()
                with stores[s].session() as session:
                    hits = search.search(session, query.text)
                timings[s].times.append(time.perf_counter() - started)
                timings[s].cpu.append(time.process_time() - cpu)
                timings[s].found += any(
                    h.patient_id == query.target or display_fold(h.display_name) == query.name
                    for h in hits
                )
        for s, timing in enumerate(timings):
            results[s][kind] = timing
    return results


def run_charts(
    stores: Sequence[Store], actor: Actor, patient_ids: Sequence[uuid.UUID]
) -> list[Timing]:
    timings = [Timing([]) for _ in stores]
    for i, pid in enumerate(patient_ids):
        order = list(range(len(stores)))
        if i % 2:
            order.reverse()
        for s in order:
            started = time.perf_counter()
            with stores[s].session(actor) as session, session.begin():
                chart = open_chart(session, actor, pid)
            timings[s].times.append(time.perf_counter() - started)
            timings[s].found += len(chart.appointments) + len(chart.forms)
    return timings


def run_duplicates(store: Store, search: PatientSearch, rng: random.Random, n: int) -> Timing:
    with store.session() as session:
        top = session.scalar(select(Patient.pk).order_by(Patient.pk.desc()).limit(1)) or 0
        rows = list(
            session.execute(
                select(Patient).where(
                    Patient.pk.in_(rng.sample(range(1, top + 1), n)),
                    Patient.deleted.is_(False),  # a tombstoned patient is rightly not offered
                )
            ).scalars()
        )
    timing = Timing([])
    for p in rows:
        given = display_fold(p.given_name) or p.given_name
        started, cpu = time.perf_counter(), time.process_time()
        with store.session() as session:
            found = likely_duplicates(
                session,
                search=search,  # its cached vocabulary, as registrations use it
                given_name=_typo(rng, given) if len(given) >= 4 else given,
                family_name=p.family_name,
                other_names="",
                birth_date=p.birth_date,
                birth_date_estimated=p.birth_date_estimated,  # an age given, as at the desk
                phone_e164=p.phone if rng.random() < 0.5 else None,
                village=p.village,
            )
        timing.times.append(time.perf_counter() - started)
        timing.cpu.append(time.process_time() - cpu)
        timing.found += any(h.patient_id == p.id for h, _ in found)
    return timing


def _new_patient(rng: random.Random, i: int) -> PatientInput:
    return PatientInput(
        given_name=rng.choice(("Neema", "Baraka", "Zawadi", "Tumaini", "Imani", "Pendo")),
        family_name=rng.choice(("Mramba", "Kazungu", "Wekesa", "Ochieng", "Njoroge")),
        other_names=rng.choice(("", "Wanjiru", "Akinyi")),
        sex=rng.choice(("female", "male")),
        birth_date=f"{rng.randint(1950, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        phone=f"07{rng.randrange(10**8):08d}",
        village=rng.choice(("Kiambu", "Ruiru", "Thika", "Juja")),
    )


def run_registrations(
    store: Store, actor: Actor, search: PatientSearch, rng: random.Random, n: int, batch: int
) -> float:
    """Patients per second through `register_patient`, `batch` per transaction."""
    started = time.perf_counter()
    done = 0
    while done < n:
        with store.session(actor) as session, session.begin():
            for _ in range(min(batch, n - done)):
                register_patient(
                    session,
                    actor,
                    _new_patient(rng, done),
                    region=REGION,
                    search=search,
                    confirmed_new=True,
                )
                done += 1
    return n / (time.perf_counter() - started)


# --- opening the stores -------------------------------------------------------------------


def scratch_copy(data: BenchData) -> tuple[DataPaths, DataPaths]:
    scratch = data.root / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    store_paths = DataPaths(scratch / "store")
    plain_paths = DataPaths(scratch / "plain")
    shutil.copytree(data.store_paths.root, store_paths.root)
    shutil.copytree(data.plain_paths.root, plain_paths.root)
    return store_paths, plain_paths


def open_plain(plain_paths: DataPaths, like: Store) -> Store:
    """The plain copy behind the same `Store` class: same sessions, outbox hook, clock."""
    engine = make_plain_engine(plain_paths.database)
    schema.upgrade(engine, before_upgrade=lambda _rev: None)
    store = Store(plain_paths, engine, b"", like.keyfile)
    store.actor = like.actor
    return store


def measure_unlock(paths: DataPaths, rounds: int = 7) -> tuple[float, float, float, float]:
    """Median seconds of: the whole unlock; the KDF alone; the unlock with the KDF's result
    handed in (opening SQLCipher, schema check, reading the clinic and the user), and the
    CPU time of the latter."""
    store_mod.unlock(paths, ADMIN, PASSWORD).close()  # not timed: the first open may upgrade
    totals, kdfs, rests, rest_cpus = [], [], [], []
    keyfile = KeyFile.load(paths.keyfile)
    slot = keyfile.users[ADMIN]
    assert slot.kdf is not None
    real_kdf = keys.derive_password_key
    for _ in range(rounds):
        started = time.perf_counter()
        kek = real_kdf(PASSWORD, slot.salt, slot.kdf)
        kdfs.append(time.perf_counter() - started)
        started = time.perf_counter()
        store_mod.unlock(paths, ADMIN, PASSWORD).close()
        totals.append(time.perf_counter() - started)
        keys.derive_password_key = lambda *_args, kek=kek: kek
        try:
            started, cpu = time.perf_counter(), time.process_time()
            store_mod.unlock(paths, ADMIN, PASSWORD).close()
            rests.append(time.perf_counter() - started)
            rest_cpus.append(time.process_time() - cpu)
        finally:
            keys.derive_password_key = real_kdf
    return (
        statistics.median(totals),
        statistics.median(kdfs),
        statistics.median(rests),
        statistics.median(rest_cpus),
    )


def rss_mib() -> float:
    """Resident memory of this process now (Linux), MiB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def index_size(plain_paths: DataPaths) -> tuple[int, int, int]:
    """Terms, deletion rows and bytes on disk of the name-term index: its tables copied
    alone into a fresh SQLite file (this SQLCipher has no dbstat table to ask)."""
    target = plain_paths.root / "name_index_only.db"
    target.unlink(missing_ok=True)
    conn = sqlcipher3.dbapi2.connect(str(plain_paths.database), isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS only", (str(target),))
        schema_sql = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN"
            " ('name_terms', 'name_term_deletes') AND type IN ('table', 'index')"
            " AND sql IS NOT NULL ORDER BY type DESC"
        ).fetchall()
        for kind, name, sql in schema_sql:
            conn.execute(sql.replace(f"{kind.upper()} {name}", f"{kind.upper()} only.{name}", 1))
        for table in ("name_terms", "name_term_deletes"):
            conn.execute(f"INSERT INTO only.{table} SELECT * FROM main.{table}")
        terms = conn.execute("SELECT count(*) FROM only.name_terms").fetchone()[0]
        deletions = conn.execute("SELECT count(*) FROM only.name_term_deletes").fetchone()[0]
        conn.execute("DETACH DATABASE only")
    finally:
        conn.close()
    size = target.stat().st_size
    target.unlink()
    return terms, deletions, size


def run_floor(paths: DataPaths, like: Store, queries: dict[str, list[Query]]) -> dict[str, Timing]:
    """Each query as the one raw query a bare SQLCipher application would run: names as an
    FTS5 MATCH of the words typed (the last a prefix), phones, IDs and dates as one lookup
    on their index, 20 rows read. No folding, widening, ranking or ORM."""
    conn = sqlcipher3.dbapi2.connect(str(paths.database), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{like.data_key.hex()}'\"")
    columns = "pk, id, given_name, other_names, family_name, birth_date, phone, village"
    timings: dict[str, Timing] = {}
    try:
        for kind, items in queries.items():
            timing = Timing([])
            for query in items:
                started = time.perf_counter()
                if kind.startswith("name"):
                    words = query_tokens(query.text)
                    match = " AND ".join(f'"{w}"' for w in words[:-1])
                    match = (match + " AND " if match else "") + f'"{words[-1]}"*'
                    rows = conn.execute(
                        f"SELECT {columns} FROM patients WHERE pk IN (SELECT rowid FROM"
                        " patient_names WHERE patient_names MATCH ? LIMIT 20)",
                        (match,),
                    ).fetchall()
                elif kind == "phone":
                    digits = "".join(ch for ch in query.text if ch.isdigit())[-9:]
                    rows = conn.execute(
                        f"SELECT {columns} FROM patients WHERE phone_reversed >= ?"
                        " AND phone_reversed < ? LIMIT 20",
                        (digits[::-1], digits[::-1] + "\x7f"),
                    ).fetchall()
                elif kind == "id":
                    rows = conn.execute(
                        f"SELECT {columns} FROM patients WHERE national_id = ?"
                        " OR clinic_number >= ? AND clinic_number < ? LIMIT 20",
                        (query.text, query.text.upper(), query.text.upper() + "\x7f"),
                    ).fetchall()
                else:
                    born = parse_date(query.text)
                    rows = conn.execute(
                        f"SELECT {columns} FROM patients WHERE birth_date = ? LIMIT 20",
                        (born.isoformat() if born else "",),
                    ).fetchall()
                timing.times.append(time.perf_counter() - started)
                timing.found += len(rows) > 0
            timings[kind] = timing
    finally:
        conn.close()
    return timings


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# --- the worklist and ICD-10 search (issue 11) ---------------------------------------------

# Diagnoses as a coordinator types them: whole words, the same words being typed (every
# prefix from the second letter, as the search runs per keystroke), codes and code prefixes.
ICD10_WORDS = (
    "malaria",
    "pneumonia",
    "diabetes mellitus",
    "hypertension",
    "tuberculosis",
    "fracture femur",
    "urinary tract infection",
    "asthma",
    "gastroenteritis",
    "pregnancy",
    "anaemia",
    "hiv disease",
    "headache",
    "otitis media",
    "cellulitis",
    "conjunctivitis",
    "dental caries",
    "acute bronchitis",
)
ICD10_CODES = ("B54", "B50.9", "J18.9", "E11.9", "I10", "A09", "N39.0", "O80", "Z34.9", "S72.0")
ICD10_KINDS = ("words", "partial words", "codes", "code prefixes")


def icd10_queries() -> dict[str, list[str]]:
    partial = [w[:n] for w in ICD10_WORDS for n in range(2, len(w)) if w[n - 1] != " "]
    prefixes = [c[:n] for c in ICD10_CODES for n in range(1, len(c))]
    return {
        "words": list(ICD10_WORDS),
        "partial words": partial,
        "codes": list(ICD10_CODES),
        "code prefixes": [*prefixes, "B5", "J18", "Z99.99"],
    }


def run_icd10(rounds: int) -> tuple[float, dict[str, Timing]]:
    """Seconds to build the index (the first search of a process), then each query `rounds`
    times."""
    build = timed(icd10.warm_up)
    out: dict[str, Timing] = {}
    for kind, queries in icd10_queries().items():
        timing = Timing([])
        for _ in range(rounds):
            for query in queries:
                started, cpu = time.perf_counter(), time.process_time()
                hits = icd10.search(query)
                timing.times.append(time.perf_counter() - started)
                timing.cpu.append(time.process_time() - cpu)
                timing.found += bool(hits)
        out[kind] = timing
    return build, out


GROUP_NAMES = {
    getattr(work_items, name): name.lower().replace("_", " ")
    for name in (
        "ESCALATE",
        "URGENT_RESULT",
        "URGENT_REFERRAL",
        "CARE_MISSED",
        "RESULT_WAITING",
        "REFERRAL_OVERDUE",
        "CARE_DUE",
        "NO_SHOW",
        "COVERAGE_REVERIFY",
        "CLAIM_REJECTED",
        "LATE",
    )
}


def _timed_runs(fn: Callable[[], Any], runs: int) -> tuple[Timing, Any]:
    for _ in range(3):  # warm: first reads fill SQLCipher's page cache
        last = fn()
    timing = Timing([])
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        last = fn()
        timing.times.append(time.perf_counter() - started)
        timing.cpu.append(time.process_time() - cpu)
    return timing, last


@dataclass
class SourceRun:
    name: str
    timing: Timing | None  # None: it failed (error says how)
    lines: int = 0
    error: str = ""


def _attempt(name: str, fn: Callable[[], Sequence[Any]], runs: int) -> SourceRun:
    # Other sources are being written while this runs: one that fails is reported, not fatal.
    try:
        timing, last = _timed_runs(fn, runs)
    except Exception as error:
        return SourceRun(name, None, error=f"{type(error).__name__}: {error}"[:120])
    return SourceRun(name, timing, len(last))


def run_worklist(core: ClinicCore, runs: int) -> tuple[SourceRun, Worklist | None, list[SourceRun]]:
    """`core.worklist.today()` `runs` times, then each source alone in its own read."""
    worklists: list[Worklist] = []

    def whole() -> tuple[WorkItem, ...]:
        worklists[:] = [core.worklist.today()]
        return worklists[0].items

    total = _attempt("whole worklist", whole, runs)
    sources: list[SourceRun] = []
    for source in worklist_module.SOURCES:

        def one(source: worklist_module.Source = source) -> list[WorkItem]:
            return core.tx.read(lambda session: list(source(core, session, WORKLIST_LIMIT)))

        sources.append(_attempt(f"source {source.__name__}", one, runs))
    return total, (worklists[0] if worklists else None), sources


def clinic_core(store: Store) -> ClinicCore:
    """The signed-in core on the store, its clock stopped at the moment the generated clinic
    stands at (generate.NOW): "today" is the clinic's day, whatever the date of the run."""
    core = ClinicCore.from_store(store)
    core.clock = ClinicClock(core.zone, now=lambda: generate.NOW)
    return core


def report_followup(core: ClinicCore, m: dict[str, Any], runs: int, rounds: int) -> None:
    counts = m["encrypted"]
    kinds = (
        "results",
        "result_relays",
        "referrals",
        "care_plans",
        "care_plan_items",
        "coverage_memberships",
        "coverage_checks",
        "invoices",
        "claims",
        "payments",
    )
    print("\nFollow-through records: " + ", ".join(f"{counts.get(k, 0):,} {k}" for k in kinds))
    total, worklist, sources = run_worklist(core, runs)
    if worklist is not None:
        groups = {GROUP_NAMES[g]: worklist.count(g) for g in sorted(GROUP_NAMES)}
        print(
            f"\nWorklist (core.worklist.today(), {runs} runs, today {worklist.today}):"
            f" {len(worklist.items):,} lines shown of {worklist.total_lines:,}"
            f" (at most {WORKLIST_LIMIT} a group): "
            + ", ".join(
                f"{name} {n:,}/{worklist.total(g):,}"
                for g, (name, n) in zip(sorted(GROUP_NAMES), groups.items(), strict=True)
                if worklist.total(g)
            )
        )
    else:
        print(f"\nWorklist (core.worklist.today()): failed: {total.error}")
    print("| | lines | p50 | p95 | max | CPU p50 | CPU p95 | min |")
    print("|---|---|---|---|---|---|---|---|")
    for run in (total, *sources):
        t = run.timing
        if t is None:
            print(f"| {run.name} | failed: {run.error} | | | | | | |")
            continue
        print(
            f"| {run.name} | {run.lines:,} | {ms(t.p50)} | {ms(t.p95)} | {ms(t.worst)} |"
            f" {ms(t.cpu50)} | {ms(t.cpu95)} | {ms(min(t.times))} |"
        )
    print(f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    build, searches = run_icd10(rounds)
    print(f"\nICD-10 search (desktop.services.icd10.search, {rounds} rounds), ms;")
    print(f"index built at the first search: {ms(build)} ms")
    print("| queries | n | p50 | p95 | max | CPU p95 | with hits |")
    print("|---|---|---|---|---|---|---|")
    every: list[float] = []
    for kind in ICD10_KINDS:
        t = searches[kind]
        every += t.times
        print(
            f"| {kind} | {len(t.times) // rounds} | {ms(t.p50)} | {ms(t.p95)} | {ms(t.worst)} |"
            f" {ms(t.cpu95)} | {100 * t.found / len(t.times):.0f}% |"
        )
    print(
        f"| all | | {ms(percentile(every, 50))} | {ms(percentile(every, 95))} | {ms(max(every))} |"
    )
    malaria = [c.code for c in icd10.search("malaria")]
    b5 = [c.code for c in icd10.search("B5")]
    print(f"'malaria' finds B54: {'B54' in malaria}; 'B5' lists {', '.join(b5)}")


# --- main ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_core",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--patients", type=int, default=Params.patients)
    parser.add_argument("--queries", type=int, default=250, help="queries per kind")
    parser.add_argument("--seed", type=int, default=Params.seed)
    parser.add_argument("--registrations", type=int, default=300)
    parser.add_argument(
        "--visits", type=float, default=1.0, help="scale of the visit history (generate.py)"
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="a finished build's folder (benchmarks/data/…)"
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="also time the bare SQLCipher floor: each query as one raw FTS5 or index query",
    )
    parser.add_argument(
        "--only",
        choices=("all", "followup"),
        default="all",
        help="followup: only the worklist and ICD-10 search (no search, charts, registrations)",
    )
    parser.add_argument("--worklist-runs", type=int, default=30, help="worklist builds timed")
    parser.add_argument("--icd10-rounds", type=int, default=5, help="rounds of ICD-10 queries")
    args = parser.parse_args(argv)

    if args.data is not None:
        # A finished build named outright: its key may be stale (a migration landed since),
        # and the store upgrades itself at unlock as a laptop's would.
        manifest = json.loads((args.data / "manifest.json").read_text())
        data = BenchData(args.data, Params(**manifest["params"]), manifest)
    else:
        data = generate.ensure(Params(args.patients, args.seed, args.visits))
    m = data.manifest
    rng = random.Random(args.seed)
    print(
        f"Clinic: {m['encrypted']['patients']:,} patients, {m['encrypted']['form_records']:,}"
        f" form records, {m['encrypted']['appointments']:,} appointments;"
        f" database {m['database_bytes'] / 2**20:,.0f} MiB (built in {m['build_seconds']} s)"
    )
    if args.only == "followup":
        scratch = data.root / "scratch"
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(data.store_paths.root, scratch / "store")
        core = clinic_core(store_mod.unlock(DataPaths(scratch / "store"), ADMIN, PASSWORD))
        report_followup(core, m, args.worklist_runs, args.icd10_rounds)
        core.close()
        return 0
    store_paths, plain_paths = scratch_copy(data)

    unlock_total, kdf, rest, rest_cpu = measure_unlock(store_paths)
    print(
        f"\nUnlock: {ms(unlock_total)} ms (median of 7); the KDF alone (Argon2id 64 MiB, t=3,"
        f" p=4) {ms(kdf)} ms; the unlock without the KDF (open SQLCipher, schema check, clinic"
        f" and user) {ms(rest)} ms (CPU {ms(rest_cpu)} ms)"
    )

    store = store_mod.unlock(store_paths, ADMIN, PASSWORD)
    plain = open_plain(plain_paths, store)
    actor = store.actor
    assert actor is not None
    search = PatientSearch(REGION)
    with store.session() as session:
        warm_s = timed(lambda: search.warm(session))
    with plain.session() as session:
        plain_warm_s = timed(lambda: search.warm(session))
    terms, deletions, index_bytes = index_size(plain_paths)
    print(
        f"Name-term index: {terms:,} terms, {deletions:,} deletions,"
        f" {index_bytes / 2**20:,.1f} MiB on disk; nothing loaded at unlock"
        f" (warm-up probe {ms(warm_s)} ms, plain SQLite {ms(plain_warm_s)} ms)"
    )

    queries = build_queries(store, rng, args.queries)
    warmup = {k: v[:10] for k, v in build_queries(store, random.Random(1), 10).items()}
    run_searches([store, plain], search, warmup)
    encrypted, plain_results = run_searches([store, plain], search, queries)

    print(f"\nPatient search, {args.queries} queries per kind, ms (limit 20):")
    print(
        "| query kind | p50 | p95 | max | found in top 20* | plain p50 | plain p95 | overhead p95"
        " | CPU p50 | CPU p95 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    all_enc: list[float] = []
    all_plain: list[float] = []
    for kind in KINDS:
        e, p = encrypted[kind], plain_results[kind]
        all_enc += e.times
        all_plain += p.times
        print(
            f"| {kind} | {ms(e.p50)} | {ms(e.p95)} | {ms(e.worst)} |"
            f" {100 * e.found / len(e.times):.0f}% | {ms(p.p50)} | {ms(p.p95)} |"
            f" {100 * (e.p95 / p.p95 - 1):+.0f}% | {ms(e.cpu50)} | {ms(e.cpu95)} |"
        )
    total_e, total_p = sum(all_enc), sum(all_plain)
    enc95, plain95 = percentile(all_enc, 95), percentile(all_plain, 95)
    print(
        f"| all kinds | {ms(percentile(all_enc, 50))} | {ms(enc95)} | {ms(max(all_enc))} | |"
        f" {ms(percentile(all_plain, 50))} | {ms(plain95)} | {100 * (enc95 / plain95 - 1):+.0f}% |"
    )
    print("* the patient the query was made from, or a namesake (same full name), in the hits")
    print(f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"Search workload total: encrypted {total_e:.2f} s, plain {total_p:.2f} s,"
        f" encryption overhead {100 * (total_e / total_p - 1):+.1f}%"
    )

    print(f"Memory of the signed-in process after the searches: {rss_mib():,.0f} MiB (RSS)")
    if args.plain:
        floor = run_floor(store_paths, store, queries)
        print("\nThe bare SQLCipher FTS5 / index floor (one raw query per search, no Outpost):")
        print("| query kind | p50 | p95 |")
        print("|---|---|---|")
        for kind in KINDS:
            print(f"| {kind} | {ms(floor[kind].p50)} | {ms(floor[kind].p95)} |")

    dups = run_duplicates(store, search, rng, 200)
    print(
        f"\nDuplicate check at registration (200 typo'd registrations): p50 {ms(dups.p50)} ms,"
        f" p95 {ms(dups.p95)} ms (CPU p50 {ms(dups.cpu50)}, p95 {ms(dups.cpu95)} ms);"
        f" the existing patient was a candidate in"
        f" {100 * dups.found / len(dups.times):.0f}%"
    )

    chart_ids = [q.target for q in queries["name exact"][:200]]
    run_charts([store, plain], actor, chart_ids[:10])
    charts, plain_charts = run_charts([store, plain], actor, chart_ids)
    print(
        f"\nOpen a chart (patient, appointments, forms, history + audit event committed),"
        f" {len(chart_ids)} patients, {charts.found / len(chart_ids):.1f} records each:"
        f" p50 {ms(charts.p50)} ms, p95 {ms(charts.p95)} ms;"
        f" plain p50 {ms(plain_charts.p50)} ms, p95 {ms(plain_charts.p95)} ms,"
        f" overhead p95 {100 * (charts.p95 / plain_charts.p95 - 1):+.0f}%"
    )

    single = run_registrations(store, actor, search, rng, args.registrations, 1)
    batched = run_registrations(store, actor, search, rng, args.registrations * 3, 100)
    plain_single = run_registrations(plain, actor, search, rng, args.registrations, 1)
    print(
        f"\nRegistration through the service (ORM, outbox, audit, FTS):"
        f" {single:.0f} patients/s one per transaction (synchronous=FULL commit each);"
        f" {batched:.0f} patients/s 100 per transaction;"
        f" plain SQLite one per transaction {plain_single:.0f} patients/s"
    )
    core = clinic_core(store)
    report_followup(core, m, args.worklist_runs, args.icd10_rounds)
    core.close()
    plain.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
