"""Every released schema's sample store opens, upgrades in place and keeps its data."""

from __future__ import annotations

import json
import shutil
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.paths import DataPaths
from desktop.store import store as store_module
from desktop.store.device import read_device_id
from desktop.store.engine import make_engine
from desktop.store.keyfile import KeyFile
from desktop.store.models import Appointment, Attachment, FormRecord, NeedsAttention, Patient
from desktop.store.schema import current_revision, head_revision, known_revisions
from desktop.store.throttle import MAX_DELAY_S, LoginThrottle

EXPECTED_TRIGGERS = {
    "patients_search_insert",
    "patients_search_update",
    "audit_events_append_only_update",
    "appointment_events_append_only_update",
    "form_records_signed_immutable",
    "patients_tombstone_only",
    "form_records_tombstone_only",
    "audit_events_tombstone_only",
    "attachments_immutable",
    "providers_tombstone_only",
    "appointments_tombstone_only",
    "users_tombstone_only",
    "clinics_tombstone_only",
    "clinic_forms_append_only_update",
    "clinic_forms_tombstone_only",
}
SAMPLES = sorted((Path(__file__).parent / "fixtures" / "stores").glob("*/sample.json"))


def test_there_is_a_sample_store_for_every_schema_revision() -> None:
    sampled = {json.loads(p.read_text())["revision"] for p in SAMPLES}
    assert sampled == known_revisions(), (
        "add a sample for the new revision: python -m tests.fixtures.make_sample_store "
        "(run it before adding the next migration)"
    )


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.parent.name)
def test_a_sample_store_upgrades_to_the_current_schema_without_loss(
    sample: Path, tmp_path: Path
) -> None:
    facts = json.loads(sample.read_text())
    folder = tmp_path / "clinic"
    shutil.copytree(sample.parent, folder)
    paths = DataPaths(folder)
    device_before = _device_id_inside(paths, facts["password"])
    # A store from before the sign-in record has none. Beside a key file of format 1 (an
    # older Outpost's) that is the first sign-in after upgrading: no wait. The sample of
    # format 2 was made by this version before it wrote the record, so it looks deleted
    # (desktop.store.throttle): the longest wait, which a clock moved past it skips.
    older = json.loads(paths.keyfile.read_bytes())["format"] == 1
    wait = LoginThrottle(paths.throttle).wait_for("admin")
    assert wait == (0 if older else MAX_DELAY_S)
    later = LoginThrottle(paths.throttle, clock=lambda: time.time() + wait + 2)
    store = store_module.unlock(paths, "admin", facts["password"], throttle=later)
    try:
        with store.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            triggers = set(
                conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                ).scalars()
            )
        # SQLite migrations may rebuild a table; its guards must survive the rebuild.
        assert triggers >= EXPECTED_TRIGGERS
        with store.session() as session:
            names = {p.full_name for p in session.scalars(select(Patient))}
            assert names == set(facts["patients"])
            assert (
                session.scalar(select(func.count()).select_from(Appointment))
                == facts["appointments"]
            )
            assert (
                session.scalar(select(func.count()).select_from(FormRecord))
                == facts["form_records"]
            )
            attachments = session.scalar(select(func.count()).select_from(Attachment))
            assert attachments == facts.get("attachments", 0)
            attention = session.scalar(select(func.count()).select_from(NeedsAttention))
            assert attention == facts.get("needs_attention", 0)
        with store.engine.connect() as conn:
            meta = set(conn.exec_driver_sql("SELECT key FROM store_meta").scalars())
        # The device id moved out of the database into the device file, and kept its value.
        assert "device_id" not in meta
        if device_before is not None:
            assert store.device_id == device_before == read_device_id(paths)
        # Edits after the upgrade still go through the outbox with stamps past the old ones.
        with store.session() as session, session.begin():
            patient = session.scalars(select(Patient).order_by(Patient.pk)).first()
            assert patient is not None
            old_stamp = patient.hlc
            patient.village = "After the upgrade"
        assert patient.hlc > old_stamp
    finally:
        store.close()
    if facts["revision"] != head_revision():
        copies = list(paths.backups.glob(f"before-upgrade-from-{facts['revision']}-*.db"))
        assert copies, "an upgrade must first leave an encrypted copy of the old database"


def _device_id_inside(paths: DataPaths, password: str) -> uuid.UUID | None:
    """The device id an old store kept in its store_meta (None from schema 0003 on)."""
    data_key = KeyFile.load(paths.keyfile).unlock_with_password("admin", password)
    engine = make_engine(paths.database, data_key, pool_size=1)
    try:
        with engine.connect() as conn:
            found = conn.exec_driver_sql(
                "SELECT value FROM store_meta WHERE key = 'device_id'"
            ).scalar()
    finally:
        engine.dispose()
    return uuid.UUID(found) if found else None


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.parent.name)
def test_a_sample_store_opens_with_its_recovery_key(sample: Path, tmp_path: Path) -> None:
    facts = json.loads(sample.read_text())
    shutil.copytree(sample.parent, tmp_path / "clinic")
    store_module.unlock_with_recovery(DataPaths(tmp_path / "clinic"), facts["recovery_key"]).close()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.parent.name)
def test_a_sample_store_s_account_gets_its_key_for_every_laptop_at_its_first_sign_in(
    sample: Path, tmp_path: Path
) -> None:
    """Schema 0005: the users table carries the account keys; a store from before has none,
    and the first sign-in gives the account its key, as a change that syncs."""
    from desktop.app import session as app_session
    from desktop.store.keyfile import Slot
    from desktop.store.models import OutboxEntry, User

    facts = json.loads(sample.read_text())
    shutil.copytree(sample.parent, tmp_path / "clinic")
    paths = DataPaths(tmp_path / "clinic")
    LoginThrottle(paths.throttle).ensure()  # the samples predate or lack the sign-in record
    core = app_session.sign_in(paths, "admin", facts["password"])
    try:
        with core.store.read_session() as session:
            admin = session.scalar(select(User).where(User.username == "admin"))
            assert admin is not None and admin.key_public is not None
            assert admin.key_wrapped is not None
            sent = session.scalars(
                select(OutboxEntry).where(
                    OutboxEntry.entity == "users", OutboxEntry.entity_id == admin.id
                )
            ).all()
            assert any({"key_public", "key_wrapped"} <= set(e.patch) for e in sent)
        slot = KeyFile.load(paths.keyfile).users["admin"]
        assert isinstance(slot, Slot) and slot.account is not None
    finally:
        core.close()
    app_session.sign_in(paths, "admin", facts["password"]).close()
    store_module.unlock_with_recovery(paths, facts["recovery_key"]).close()
