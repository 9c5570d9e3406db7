"""Property: any interleaving of edits on three laptops with random syncs — some over a cut
link — converges to the same state on all three and at HQ, and nothing is lost.

One real `outpost-hq` (SQLite) serves the whole module, with a fault-injecting proxy in
front of it; each example is a fresh clinic at HQ with three laptops (real SQLCipher stores,
copies of the clinic's store, each enrolled with its own code). The laptops share one wall
clock that moves only by the `tick` step, so edits on different laptops fall in the same
millisecond and their order rests on the HLC's counter and node id.

Every example starts with two patients registered and on every laptop. Steps: register a
patient on laptop d; edit one field of a patient on d (names, phone,
village, notes; date of birth and sex, the safety-critical ones); remove (tombstone) a
patient on d; sync d; sync d with one call over a cut link (push reply lost after HQ
committed, push cut midway, push retried after a lost reply, pull cut mid-page, the counts'
answer lost); tick the shared clock. Then every laptop syncs, twice round, and:

- every laptop has exactly the patients ever registered (none lost, none doubled at HQ),
  removed ones as tombstones, with every ordinary field equal, with equal stamps, and equal
  to HQ's log folded by last writer per field;
- a safety-critical field is never settled silently: each laptop not holding the newest
  value has it open in "needs attention", and every such edit that reached HQ is on the list
  of every other laptop that never held that value;
- the losing value of concurrent edits of an ordinary field is kept (needs_attention,
  "superseded") on the laptop where it lost;
- an edit that met a removal made without seeing it is on the remover's list
  ("edit_against_delete");
- no outbox entry is left unacknowledged, nothing is parked, the second round sends nothing
  and repairs nothing, and HQ's record counts (GET /v1/status) equal every laptop's.

Runs (the CI profile takes about a minute on a 2-core machine; no shrinking, the failing
steps are printed):

    .venv/bin/python -m pytest tests/sync/test_convergence.py -q
    OUTPOST_CONVERGENCE=long .venv/bin/python -m pytest tests/sync/test_convergence.py -q -s

"long" runs 150 examples (OUTPOST_CONVERGENCE_EXAMPLES=N for another number) of up to 60
steps, random (not derandomized), with shrinking.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, event, given, note, settings
from hypothesis import strategies as st

from desktop.app.remote import EDIT_AGAINST_DELETE, SAFETY_CRITICAL, SUPERSEDED
from desktop.services import sync_state
from tests.hqserver import HqServer
from tests.netproxy import NetProxy
from tests.sync.model_clinic import (
    CUTS,
    ORDINARY,
    SAFETY,
    HqCodes,
    Item,
    ModelClinic,
    PatientRow,
    attention_items,
    fold,
    hq_log,
    iter_patient_changes,
    live_counts,
    parked,
    rows,
    unacked,
)

LONG = os.environ.get("OUTPOST_CONVERGENCE") == "long"
STEPS = 60 if LONG else 30
PROFILE = (
    settings(
        max_examples=int(os.environ.get("OUTPOST_CONVERGENCE_EXAMPLES", "150")),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    if LONG
    else settings(
        max_examples=10,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # an example costs seconds: no shrinking
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
)

LAPTOPS = 3
# Values two laptops may both type (the rest are unique to their edit).
SHARED = ("Kondele", "Manyatta", "")
BIRTHS = ("1984-03-02", "1948-03-02", "1990-11-30")
SEXES = ("female", "male", "other")
FIELDS = ("given_name", "phone", "village", "notes", "birth_date", "sex")

laptop = st.integers(0, LAPTOPS - 1)
which = st.integers(0, 7)  # a patient, by its registration order (modulo how many there are)
register = st.tuples(st.just("register"), laptop)
# Two branches per field, one per laptop's sync (one_of picks a branch evenly): about two
# thirds of the steps are edits (cheap), a sixth syncs (a few HTTP exchanges each).
edits = [
    st.tuples(st.just("edit"), laptop, which, st.just(key), st.integers(0, 3))
    for key in (*FIELDS, *FIELDS)
]
syncs = [st.just(("sync", d)) for d in range(LAPTOPS)]
remove = st.tuples(st.just("remove"), laptop, which)
cut = st.tuples(st.just("cut"), laptop, st.sampled_from(sorted(CUTS)))
tick = st.tuples(st.just("tick"), st.integers(1, 3))
step = st.one_of(*edits, *syncs, register, remove, cut, tick)
# Every example starts from two patients on every laptop (so that edits meet), then anything.
START = (("register", 0), ("register", 1), ("sync", 0), ("sync", 1), ("sync", 2), ("sync", 0))
steps = st.tuples(st.just(START), st.lists(step, min_size=STEPS // 2, max_size=STEPS))


@dataclass(frozen=True)
class World:
    hq: HqServer
    codes: HqCodes
    proxy: NetProxy
    folder: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("convergence")
    with HqServer.started(folder / "hq") as hq, NetProxy(hq.port) as proxy:
        codes = HqCodes(hq)
        try:
            yield World(hq, codes, proxy, folder)
        finally:
            codes.close()


def letters(n: int) -> str:
    """A name-like word unique to `n` (names are letters only)."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[r]
        if n == 0:
            return out


def typed(clinic: ModelClinic, key: str, choice: int) -> str:
    """What a person types into `key`: one of a few values two laptops may share, or one
    unique to this edit."""
    n = clinic.next_serial()
    if key == "birth_date":
        return BIRTHS[choice % len(BIRTHS)]
    if key == "sex":
        return SEXES[choice % len(SEXES)]
    if key in ("village", "notes") and choice < 2:
        return SHARED[choice]
    if key == "phone":
        return f"0712{n:06d}"
    if key == "village":
        return f"Village {letters(n).title()}"
    if key == "notes":
        return f"seen about a cough ({n})"
    return f"N{letters(n)}"


def run_step(clinic: ModelClinic, op: tuple[Any, ...]) -> None:
    kind = op[0]
    if kind == "register":
        n = clinic.next_serial()
        clinic.register(
            op[1], given=f"Reg{letters(n)}", family="Achieng", birth=BIRTHS[0], sex="female"
        )
    elif kind in ("edit", "remove"):
        if not clinic.registered:
            return
        patient_id = clinic.registered[op[2] % len(clinic.registered)]
        if kind == "remove":
            clinic.remove(op[1], patient_id)
        else:
            clinic.edit(op[1], patient_id, op[3], typed(clinic, op[3], op[4]))
    elif kind == "sync":
        clinic.sync(op[1])
    elif kind == "cut":
        clinic.sync_cut(op[1], op[2])
    elif kind == "tick":
        clinic.wall.tick(op[1])


@PROFILE
@given(plan=steps)
def test_edits_on_three_laptops_with_random_syncs_converge_and_lose_nothing(
    world: World, plan: tuple[tuple[tuple[Any, ...], ...], list[tuple[Any, ...]]]
) -> None:
    start, rest = plan
    note(f"steps: {[*start, *rest]!r}")
    folder = Path(tempfile.mkdtemp(dir=world.folder, prefix="clinic-"))
    clinic = ModelClinic(folder, world.hq, world.codes, world.proxy, size=LAPTOPS)
    try:
        for op in (*start, *rest):
            run_step(clinic, op)
        settle(clinic)
        check_converged(clinic)
        tell(clinic)
    finally:
        note(f"edits={len(clinic.edits)} removals={len(clinic.removals)} cuts={clinic.cuts}")
        clinic.close()
        shutil.rmtree(folder, ignore_errors=True)


def tell(clinic: ModelClinic) -> None:
    """What the example exercised (pytest --hypothesis-show-statistics)."""
    reasons = {i.reason for core in clinic.laptops for i in attention_items(core)}
    for reason in sorted(reasons):
        event(f"needs_attention: {reason}")
    for kind in sorted(clinic.cuts):
        event(f"sync failed over a cut link: {kind}")
    walls = [e.stamp.split("-", 1)[0] for e in clinic.edits]
    if len(walls) != len(set(walls)):
        event("edits in the same millisecond")
    event(f"edits: {min(len(clinic.edits) // 4 * 4, 16)}+")


def settle(clinic: ModelClinic) -> None:
    """Every laptop syncs, twice round: the second round has nothing left to send or mend."""
    for d in range(LAPTOPS):
        clinic.sync(d)
    for d in range(LAPTOPS):
        report = clinic.sync(d)
        assert report.rejected == (), report.rejected
        assert report.sent == 0 and report.duplicates == 0, report
        assert not report.repaired and report.counts_differ == (), report
        assert report.pending == 0 and report.parked == 0, report


def check_converged(clinic: ModelClinic) -> None:
    laptops = clinic.laptops
    states = [rows(core) for core in laptops]
    items = [attention_items(core) for core in laptops]
    client = clinic.client()
    try:
        log = hq_log(client)
        status = client.status()
    finally:
        client.close()
    folded = fold(log)
    device_ids = [sync_state.link_of(c.tx.read(sync_state.read_all)) for c in laptops]
    origin = [link.device_id if link else None for link in device_ids]

    # Nothing waits, nothing is parked, HQ counts what every laptop has.
    for d, core in enumerate(laptops):
        assert unacked(core) == 0, f"laptop {d} has changes HQ never acknowledged"
        assert parked(core) == 0, f"laptop {d} has parked changes"
        here = {k: v for k, v in live_counts(core).items() if v}
        assert here == {k: v for k, v in status.counts.items() if v}, (d, here, status.counts)
    assert status.head == (log[-1].position if log else 0)

    # Every patient ever registered, on every laptop and once at HQ; removed ones tombstones.
    registered = set(clinic.registered)
    assert len(registered) == len(clinic.registered)
    # (a registration is the change carrying the whole record, its id included)
    inserts = [c.entity_id for c in log if c.entity == "patients" and "id" in c.patch]
    assert sorted(map(str, inserts)) == sorted(map(str, registered)), "a registration doubled"
    removed = {r.patient_id for r in clinic.removals}
    for d, state in enumerate(states):
        assert set(state) == registered, f"laptop {d}: patients lost or made up"
    assert set(folded) == registered

    for patient_id in registered:
        mine = [state[patient_id] for state in states]
        at_hq = folded[patient_id]
        for d, row in enumerate(mine):
            assert row.deleted == (patient_id in removed), (d, patient_id, row.values["deleted"])
        # Ordinary fields: one value everywhere, with one stamp, the newest at HQ.
        for key in ORDINARY:
            values = [row.values[key] for row in mine]
            assert values.count(values[0]) == LAPTOPS, (patient_id, key, values)
            stamps = [row.stamps.get(key) for row in mine]
            assert stamps.count(stamps[0]) == LAPTOPS, (patient_id, key, stamps)
            if key in at_hq.values:
                assert at_hq.values[key] == values[0], (patient_id, key, at_hq.values[key])
                assert at_hq.stamps[key] == stamps[0], (patient_id, key)
        # Safety-critical fields: never settled silently.
        for key in SAFETY:
            check_safety_critical(patient_id, key, mine, items, at_hq.values.get(key))

    check_safety_critical_edits_listed(clinic, log, items)
    check_losing_values_kept(clinic, states, items)
    check_edits_against_removals(clinic, log, items, origin)


def check_safety_critical(
    patient_id: uuid.UUID,
    key: str,
    mine: list[PatientRow],
    items: list[list[Item]],
    at_hq: Any,
) -> None:
    newest = max(range(LAPTOPS), key=lambda d: mine[d].stamps.get(key, ""))
    want = mine[newest].values[key]
    assert at_hq == want, (patient_id, key, at_hq, want)
    for d, row in enumerate(mine):
        if row.values[key] == want:
            continue
        listed = [
            i
            for i in items[d]
            if i.open
            and i.reason == SAFETY_CRITICAL
            and i.entity_id == patient_id
            and i.field == key
            and i.remote_value == want
        ]
        assert listed, (
            f"laptop {d}: {key} of {patient_id} differs ({row.values[key]!r} vs {want!r}) silently"
        )


def check_safety_critical_edits_listed(
    clinic: ModelClinic, log: list[Any], items: list[list[Item]]
) -> None:
    """A safety-critical edit that reached HQ is, on every other laptop that held another
    value, on the list (never applied there, never silently): a laptop's value of such a
    field only ever changes by its own edits, so what it held is its registration's value
    and its own edits'."""
    sent = {
        (change.entity_id, key, entry.get("hlc") or change.hlc)
        for change in log
        if change.entity == "patients"
        for key, entry in change.patch.items()
        if key in SAFETY
    }
    # What a laptop first held: the registration's values, or the record as it arrived
    # (a registration and the edits made before its first sync travel as one change).
    start = {"birth_date": BIRTHS[0], "sex": "female"}
    created = {
        (change.entity_id, key): entry.get("v")
        for change in log
        if change.entity == "patients" and "id" in change.patch
        for key, entry in change.patch.items()
    }
    for e in clinic.edits:
        if e.key not in SAFETY or (e.patient_id, e.key, e.stamp) not in sent:
            continue  # merged into a later edit of the same laptop before it was sent
        for d in range(LAPTOPS):
            held = {start[e.key], created[(e.patient_id, e.key)]} | {
                x.value
                for x in clinic.edits
                if x.device == d and x.patient_id == e.patient_id and x.key == e.key
            }
            if d == e.device:
                continue
            listed = [
                i
                for i in items[d]
                if i.reason == SAFETY_CRITICAL
                and i.entity_id == e.patient_id
                and i.field == e.key
                and i.remote_hlc == e.stamp
                and i.remote_value == e.value
            ]
            assert listed or e.value in held, (
                f"laptop {d}: the {e.key} {e.value!r} typed on laptop {e.device} is not on its list"
            )


def check_losing_values_kept(
    clinic: ModelClinic, states: list[dict[uuid.UUID, PatientRow]], items: list[list[Item]]
) -> None:
    """An edit of an ordinary field that no later edit was made on top of, and whose value
    is not the final one, lost to a concurrent edit: its value is kept where it lost."""
    built_on = {e.base for e in clinic.edits}
    for e in clinic.edits:
        if e.key in SAFETY or e.stamp in built_on:
            continue
        final = states[0][e.patient_id].values[e.key]
        if final == e.value:
            continue
        kept = [
            i
            for i in items[e.device]
            if i.reason == SUPERSEDED
            and i.entity_id == e.patient_id
            and i.field == e.key
            and e.value in (i.local_value, i.remote_value)
        ]
        assert kept, f"the value {e.value!r} of {e.key} typed on laptop {e.device} was lost"


def check_edits_against_removals(
    clinic: ModelClinic, log: list[Any], items: list[list[Item]], origin: list[uuid.UUID | None]
) -> None:
    """An edit from another laptop that the remover had not pulled when it removed the
    patient is on the remover's list, not silently buried under the tombstone."""
    for removal in clinic.removals:
        for change in iter_patient_changes(log, removal.patient_id):
            if change.position <= removal.cursor or change.origin_device == origin[removal.device]:
                continue
            for key, entry in change.patch.items():
                if (
                    key in SAFETY
                    or key in ("deleted", "id", "clinic_id")
                    or entry.get("v") in SHARED
                ):
                    continue
                stamp = entry.get("hlc") or change.hlc
                listed = [
                    i
                    for i in items[removal.device]
                    if i.open
                    and i.reason == EDIT_AGAINST_DELETE
                    and i.entity_id == removal.patient_id
                    and i.field == key
                    and i.remote_hlc == stamp
                ]
                assert listed, (
                    f"laptop {removal.device} removed {removal.patient_id}; the edit of {key} "
                    f"to {entry.get('v')!r} from another laptop is not on its list"
                )


# --- single cases the property found ---------------------------------------------------------


def test_a_patient_registered_and_removed_before_any_sync_reaches_hq_as_a_tombstone(
    world: World, tmp_path: Path
) -> None:
    clinic = ModelClinic(tmp_path / "clinic", world.hq, world.codes, world.proxy, size=2)
    try:
        patient_id = clinic.register(
            0, given="Nafula", family="Wekesa", birth=BIRTHS[0], sex="female"
        )
        assert clinic.remove(0, patient_id)
        report = clinic.sync(0)
        assert not report.repaired and report.counts_differ == (), report
        assert clinic.hq_status().counts.get("patients", 0) == 0
        clinic.sync(1)
        assert rows(clinic.laptops[1])[patient_id].deleted
    finally:
        clinic.close()


def test_a_resync_snapshot_sends_a_removed_patient_as_a_delete(
    world: World, tmp_path: Path
) -> None:
    from desktop.services import sync_outbox

    clinic = ModelClinic(tmp_path / "clinic", world.hq, world.codes, world.proxy, size=1)
    try:
        core = clinic.laptops[0]
        kept = clinic.register(0, given="Achieng", family="Otieno", birth=BIRTHS[0], sex="female")
        gone = clinic.register(0, given="Kamau", family="Njoroge", birth=BIRTHS[1], sex="male")
        clinic.remove(0, gone)
        (patients,) = sync_outbox.snapshot_kinds(frozenset({"patients"}))
        batch, _last = core.tx.read(
            lambda s: sync_outbox.snapshot_batch(s, patients, core.store.clinic_id, 0, 100)
        )
        ops = {c["entity_id"]: c["op"] for c in batch}
        assert ops == {kept: "update", gone: "delete"}
    finally:
        clinic.close()
