"""Record kinds declared as data: specs agree with the models, the models with the migrations,
and every synced table keeps its guard triggers."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import JSON, Engine, inspect
from sqlalchemy.sql.schema import Column

from desktop.errors import Conflict, NotFound
from desktop.records import SPECS, get_live, list_live
from desktop.records import kinds as k
from desktop.store import schema
from desktop.store.engine import make_engine
from desktop.store.models import (
    SYNCED_MODELS,
    AppointmentStatus,
    Base,
    FormStatus,
    Patient,
    Synced,
    UTCDateTime,
)
from desktop.store.outbox import keyed_fields
from desktop.store.store import Store

# Contentless FTS5 tables (and their shadow tables): SQLite's, not the models'.
VIRTUAL_PREFIX = "patient_names"


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """An empty SQLCipher store built by running every migration."""
    path = Path(tmp_path_factory.mktemp("migrated")) / "outpost.db"
    engine = make_engine(path, os.urandom(32), pool_size=1)
    schema.upgrade(engine, before_upgrade=lambda _rev: None)
    yield engine
    engine.dispose()


def _columns(model: type[Synced]) -> dict[str, Column[Any]]:
    mapper = inspect(model)
    return {
        attr.key: attr.columns[0]
        for attr in mapper.column_attrs
        if attr.key not in Synced.__local_fields__
    }


def _python_type(column: Column[Any]) -> type:
    kind = column.type
    enum_class = getattr(kind, "enum_class", None)
    if enum_class is not None:
        return enum_class  # type: ignore[no-any-return]
    if isinstance(kind, UTCDateTime):
        return dt.datetime
    if isinstance(kind, JSON):
        return dict
    return kind.python_type


def test_every_synced_model_has_a_spec() -> None:
    assert set(SPECS) == {model.__tablename__ for model in SYNCED_MODELS}  # type: ignore[attr-defined]
    for model in SYNCED_MODELS:
        assert SPECS[model.__tablename__].model is model  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_every_spec_field_exists_on_its_model_with_its_type(kind: str) -> None:
    spec = SPECS[kind]
    columns = _columns(spec.model)
    # Both ways: a field the spec does not know would never be checked or applied at sync.
    assert spec.field_names == set(columns), kind
    for field in spec.fields:
        column = columns[field.name]
        assert field.type is _python_type(column), f"{kind}.{field.name}"
        assert field.nullable == bool(column.nullable), f"{kind}.{field.name}"
        if field.max_length is not None:
            assert field.max_length == getattr(column.type, "length", None), f"{kind}.{field.name}"
    assert spec.keyed == keyed_fields(spec.model), kind
    if spec.patient_link is not None:
        assert spec.patient_link in columns
    if spec.status is not None:
        assert spec.has_field(spec.status.field)
    for key in spec.safety_critical_keys:
        assert spec.field_for_key(key) is not None, key


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_the_fields_a_spec_calls_indexed_are_the_indexed_columns(kind: str) -> None:
    spec = SPECS[kind]
    table = spec.model.__table__
    leading = {col.name for col in table.columns if col.index or col.unique}
    leading |= {next(iter(index.columns)).name for index in table.indexes}
    leading |= {
        next(iter(constraint.columns)).name
        for constraint in table.constraints
        if constraint.__class__.__name__ == "UniqueConstraint"
    }
    assert spec.indexed == leading - Synced.__local_fields__ - {"pk"}, kind


def test_safety_critical_fields_are_the_ones_never_settled_silently() -> None:
    assert k.PATIENTS.safety_critical == {"sex", "birth_date", "birth_date_estimated"}
    assert {"answers.allergies", "answers.medications"} <= k.FORM_RECORDS.safety_critical
    assert not k.APPOINTMENTS.safety_critical


def test_the_appointment_status_machine_is_the_spec_and_refuses_in_words() -> None:
    from desktop.services.scheduling import TRANSITIONS

    assert dict(k.APPOINTMENT_STATUS.transitions) == TRANSITIONS
    k.APPOINTMENTS.check_transition(AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED)
    with pytest.raises(Conflict, match="completed cannot become cancelled"):
        k.APPOINTMENTS.check_transition(AppointmentStatus.COMPLETED, AppointmentStatus.CANCELLED)
    with pytest.raises(Conflict, match="A form that is signed cannot become draft"):
        k.FORM_RECORDS.check_transition(FormStatus.SIGNED, FormStatus.DRAFT)
    with pytest.raises(TypeError):
        k.PROVIDERS.check_transition("a", "b")


def test_values_from_elsewhere_are_checked_against_the_spec() -> None:
    duration = k.APPOINTMENT_TYPES.field("duration_minutes")
    assert duration.from_wire(20) == 20
    with pytest.raises(ValueError):
        duration.from_wire("20")
    assert k.APPOINTMENT_TYPES.validate({"duration_minutes": 2000, "name": ""}) == {
        "duration_minutes": "a duration in minutes must be between 5 and 480",
        "name": "name is required",
    }
    assert k.PATIENTS.validate({"given_name": "x" * 201})["given_name"].startswith("given_name")
    assert "not a field" in k.PATIENTS.validate({"password": "x"})["password"]
    starts = k.APPOINTMENTS.field("starts_at").from_wire("2026-12-01T06:00:00+00:00")
    assert starts == dt.datetime(2026, 12, 1, 6, tzinfo=dt.UTC)
    with pytest.raises(ValueError, match="zone"):
        k.APPOINTMENTS.field("starts_at").from_wire("2026-12-01T06:00:00")


def test_get_live_names_the_kind_and_list_live_skips_tombstones(store: Store) -> None:
    with store.session() as session, session.begin():
        kept = Patient(clinic_id=store.clinic_id, given_name="Akinyi", family_name="Otieno")
        gone = Patient(clinic_id=store.clinic_id, given_name="Baraka", family_name="Otieno")
        session.add_all([kept, gone])
    with store.session() as session, session.begin():
        session.get(Patient, gone.pk).deleted = True  # type: ignore[union-attr]
    with store.session() as session:
        assert get_live(session, k.PATIENTS, kept.id).given_name == "Akinyi"
        with pytest.raises(NotFound, match="No patient with id"):
            get_live(session, k.PATIENTS, gone.id)
        with pytest.raises(NotFound, match="No provider with id"):
            get_live(session, k.PROVIDERS, uuid.uuid4())
        names = [p.given_name for p in list_live(session, k.PATIENTS)]
    assert names == ["Akinyi"]


def test_the_migrations_build_exactly_the_models(migrated: Engine) -> None:
    def include(obj: Any, name: str | None, type_: str, reflected: bool, _compare: Any) -> bool:
        return not (type_ == "table" and name is not None and name.startswith(VIRTUAL_PREFIX))

    with migrated.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include}
        )
        drift = compare_metadata(context, Base.metadata)
    assert drift == [], "a model and the migrations disagree: add a migration"


def test_every_synced_table_has_its_guard_triggers(migrated: Engine) -> None:
    with migrated.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).all()
    triggers = {name: (table, sql) for name, table, sql in rows}
    for kind, spec in SPECS.items():
        table, sql = triggers[f"{kind}_tombstone_only"]
        assert table == kind and "BEFORE DELETE" in sql and "RAISE(ABORT" in sql
        if spec.append_only:
            table, sql = triggers[f"{kind}_append_only_update"]
            assert table == kind and "BEFORE UPDATE" in sql
        if spec.immutable_when is not None:
            field, value = spec.immutable_when
            table, sql = triggers[f"{kind}_signed_immutable"]
            assert table == kind and f"old.{field} = '{value.value}'" in sql
    assert "attachments_immutable" in triggers
    assert {"patients_search_insert", "patients_search_update"} <= set(triggers)
