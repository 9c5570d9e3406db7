"""A new laptop's first pull (`setup_from_server`) through the page-at-a-time apply, its bulk
inserts and their compiled statements (desktop/app/bulk_insert.py), against the same log
applied change by change through the ORM: the two stores must end identical, and a pull cut
part-way must resume and end the same."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

import desktop.app.sync
from desktop.app.from_server import enrol_for_setup, setup_from_server
from desktop.app.patients import PatientInput
from desktop.app.remote import RemoteApi
from desktop.core import ClinicCore
from desktop.errors import SyncFailed
from desktop.paths import DataPaths
from desktop.services import results as ressvc
from desktop.services import sync_state
from desktop.store.models import FacilityKind, Patient
from forms.examples import answers_for
from sync.client.client import HqClient
from tests.conftest import CLINIC, PASSWORD
from tests.hqserver import HqServer
from tests.netproxy import Faults, NetProxy
from tests.sync.laptops import Laptops, laptops_of, make_clinic, register

# Written by the apply itself (now) or numbered by this store: not what the pull carried.
_LOCAL_COLUMNS = {"created_at", "updated_at", "pk", "resolved_at"}
# Built from the rows by FTS5 (segments depend on how the rows were batched): compared by
# the searches' answers instead; store_meta holds each laptop's own device and credential.
_DERIVED_TABLES = ("patients_fts", "sqlite_", "alembic_version", "store_meta")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "template")


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq_sqlite: HqServer) -> Iterator[Laptops]:
    with laptops_of(template, tmp_path / "laptops", hq_sqlite) as made:
        yield made


def _person(given: str, family: str, **extra: Any) -> PatientInput:
    return PatientInput(given_name=given, family_name=family, estimated_age_years="30", **extra)


def _clinic_with_history(laptops: Laptops) -> ClinicCore:
    """Two laptops' week: registrations, edits of records from other pages, a removal, the
    same person edited on both (a losing value kept), pushed to HQ in that order; and a
    record of the other kinds a pull carries most of (ids, instants, dates, times, enums,
    flags, numbers, JSON and a form's answers among their fields)."""
    a = laptops.new("a")
    b = laptops.new("b")
    ids = [register(a, f"Wanjiru{n:02d}", "Kamau", phone=f"07123450{n:02d}") for n in range(12)]
    _visit_records(a, ids[1])
    twice = PatientInput(
        given_name="Zawadi", family_name="Kamau", birth_date="1990-02-03", phone="0712999000"
    )
    a.patients.register(twice, confirmed_new=True)
    a.patients.register(twice, confirmed_new=True)
    a.sync.sync_now()
    b.sync.sync_now()
    a.patients.edit(ids[0], _person("Wanjiru00", "Kamau", phone="0722000111", village="Kibera"))
    a.patients.edit(ids[3], _person("Njeri", "Kamau", phone="0712345003"))
    a.patients.remove(ids[5])
    b.patients.edit(ids[0], _person("Wanjiru00", "Kamau", phone="0733000222"))
    a.sync.sync_now()
    b.sync.sync_now()  # b's edit of ids[0] meets a's: one of the two values is kept as lost
    a.patients.edit(ids[7], _person("Wanjiru07", "Otieno", phone="0712345007"))
    a.sync.sync_now()
    return a


def _visit_records(core: ClinicCore, patient: uuid.UUID) -> None:
    """A provider with working hours, a booking, a signed consent, a result received."""
    week = {day: [(dt.time(8), dt.time(17))] for day in range(7)}
    core.admin.add_provider("Dr. Otieno", hours=week)
    core.admin.add_appointment_type("Consultation", 30)
    choices = core.schedule.booking_choices()
    core.schedule.book(
        patient_id=patient,
        provider_id=choices.providers[0].provider_id,
        type_id=choices.types[0].type_id,
        starts_at=dt.datetime.combine(core.today() + dt.timedelta(days=1), dt.time(10, 30)),
    )
    consent = core.forms.library().get("consent_treatment")
    form = core.forms.start(patient, "consent_treatment").value.record_id
    core.forms.complete(form, answers_for(consent), lang="en")
    lab = core.referrals.add_facility("Kisumu County Lab", FacilityKind.LAB).value
    ordered = core.results.order(patient, "Full blood count", facility_id=lab.facility_id).value
    core.results.record_received(
        ordered.line.result_id,
        text="Mild anaemia.",
        measurements=[ressvc.parse_measurement("Haemoglobin=9.1 g/dL low (12-16)")],
    )


def _dump(core: ClinicCore) -> dict[str, list[str]]:
    """Every row of every table of the store, as text, without what the apply writes itself."""
    out: dict[str, list[str]] = {}
    with core.store.engine.connect() as conn:
        tables = [
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if not row[0].startswith(_DERIVED_TABLES)
        ]
        for table in tables:
            columns = [row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]
            kept = [c for c in columns if c not in _LOCAL_COLUMNS]
            if table == "needs_attention":
                kept.remove("id")  # each laptop numbers its own items
            listed = ", ".join(f'"{c}"' for c in kept)
            rows = conn.exec_driver_sql(f'SELECT {listed} FROM "{table}"').fetchall()
            out[table] = sorted(repr(tuple(row)) for row in rows)
    return out


def _searches(core: ClinicCore) -> list[list[str]]:
    queries = ("wanjiru", "kamau", "wanjru07", "njeri kamau", "zawadi", "otieno", "0722000111")
    return [[str(hit.patient_id) for hit in core.patients.search(q)] for q in queries]


def _attention(core: ClinicCore) -> list[tuple[Any, ...]]:
    return sorted(
        (str(i.entity_id), i.field, i.reason, repr(i.local_value), repr(i.remote_value))
        for i in core.remote.needs_attention(include_settled=True)
    )


def _new_laptop(hq: HqServer, root: Path) -> ClinicCore:
    core, _recovery, _report = setup_from_server(
        DataPaths(root), hq.url, hq.enrol(CLINIC), "admin", PASSWORD, device_name=root.name
    )
    return core


def _change_by_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page applied as when the database refuses part of it: each change alone, in a
    savepoint, written through the ORM (no bulk insert)."""

    def refuse(*_args: Any, **_kw: Any) -> None:
        raise IntegrityError("forced", None, Exception("forced"))

    monkeypatch.setattr(RemoteApi, "_preload", refuse)


def test_a_new_laptop_pulled_page_by_page_ends_identical_to_one_applied_change_by_change(
    laptops: Laptops, hq_sqlite: HqServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _clinic_with_history(laptops)
    # Small pages: records updated on later pages than their creation, and within a page.
    monkeypatch.setattr(desktop.app.sync, "PAGE", 7)
    passes: list[bool] = []
    real_pass = RemoteApi._pass

    def watched(self: RemoteApi, *args: Any, savepoints: bool) -> None:
        passes.append(savepoints)
        real_pass(self, *args, savepoints=savepoints)

    stored: set[str] = set()  # the kinds created in their stored form (stored_values.py)
    real_create = RemoteApi._create_stored

    def create_stored(self: RemoteApi, session: Any, spec: Any, *args: Any) -> bool:
        took = real_create(self, session, spec, *args)
        if took:
            stored.add(spec.kind)
        return took

    with monkeypatch.context() as patched:
        patched.setattr(RemoteApi, "_pass", watched)
        patched.setattr(RemoteApi, "_create_stored", create_stored)
        bulk = _new_laptop(hq_sqlite, tmp_path / "bulk")
    assert passes and True not in passes  # every page in bulk, none retried change by change
    visits = {"appointments", "form_records", "results", "working_hours", "facilities"}
    assert {"patients", *visits} <= stored
    with monkeypatch.context() as patched:
        _change_by_change(patched)
        single = _new_laptop(hq_sqlite, tmp_path / "single")
    try:
        dumped = _dump(bulk)
        assert dumped["patients"] and dumped["name_terms"] and dumped["needs_attention"]
        assert all(dumped[kind] for kind in visits)
        assert dumped == _dump(single)
        assert _searches(bulk) == _searches(single)
        assert all(_searches(bulk)[:2])
        assert _attention(bulk) == _attention(single)
    finally:
        bulk.close()
        single.close()


def test_a_first_pull_cut_part_way_resumes_from_its_checkpoint_and_ends_the_same(
    laptops: Laptops, hq_sqlite: HqServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _clinic_with_history(laptops)
    monkeypatch.setattr(desktop.app.sync, "PAGE", 5)
    whole = _new_laptop(hq_sqlite, tmp_path / "whole")
    asked: list[int] = []

    def through(proxy_url: str) -> Any:
        def make(_url: str, token: str | None, ca_file: str | None) -> HqClient:
            client = HqClient(proxy_url, token=token, ca_file=ca_file, retries=0)
            real = client.pull

            def pull(after: int, **kw: Any) -> Any:
                asked.append(after)
                return real(after, **kw)

            client.pull = pull  # type: ignore[method-assign]
            return client

        return make

    with NetProxy(hq_sqlite.port, seed=9) as proxy:
        pending = enrol_for_setup(
            DataPaths(tmp_path / "cut"),
            proxy.url,
            hq_sqlite.enrol(CLINIC),
            device_name="cut",
            client_factory=through(proxy.url),
        )
        try:
            proxy.set(Faults(cut_down_after=9_000))  # mid-answer, a few pages in
            with pytest.raises(SyncFailed):
                pending.receive()
            assert pending.store is not None
            with pending.store.read_session() as session:
                stopped_at = sync_state.cursor_of(sync_state.read_all(session))
            assert stopped_at > 0
            asked.clear()
            proxy.set(Faults())
            pending.receive()
            assert asked[0] == stopped_at  # from the checkpoint, not from 0
            resumed, _recovery, _report = pending.finish("admin", PASSWORD)
        finally:
            pending.abandon()
    try:
        assert _dump(resumed) == _dump(whole)
        assert _searches(resumed) == _searches(whole)
        assert _attention(resumed) == _attention(whole)
    finally:
        resumed.close()
        whole.close()


def test_the_bulk_insert_gives_the_fields_a_creation_left_out_their_defaults_as_the_orm_does(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A creation whose patch leaves out the fields that have defaults (an older Outpost's)
    gets the same row through the page's bulk insert as through the ORM."""
    a = laptops.new("a", enrol=False)
    pid = register(a, "Amani", "Mwangi", phone="0712345678")
    (entry,) = [c for c in a.remote.pending_outbox() if c.entity_id == pid]
    table = Patient.__table__
    defaulted = {c.name for c in table.columns if c.default is not None}
    bare = dataclasses.replace(
        entry, patch={k: v for k, v in entry.patch.items() if k not in defaulted - {"id"}}
    )
    assert len(bare.patch) < len(entry.patch)
    bulk = laptops.new("bulk", enrol=False)
    single = laptops.new("single", enrol=False)
    passes: list[bool] = []
    real_pass = RemoteApi._pass

    def watched(self: RemoteApi, *args: Any, savepoints: bool) -> None:
        passes.append(savepoints)
        real_pass(self, *args, savepoints=savepoints)

    with monkeypatch.context() as patched:
        patched.setattr(RemoteApi, "_pass", watched)
        assert bulk.remote.apply([bare]).value.applied == (bare.change_id,)
    assert passes == [False]  # the page's bulk insert, not the change-by-change retry
    with monkeypatch.context() as patched:
        _change_by_change(patched)
        assert single.remote.apply([bare]).value.applied == (bare.change_id,)
    rows = [_dump(core)["patients"] for core in (bulk, single)]
    assert rows[0] == rows[1] and any("Amani" in row for row in rows[0])
