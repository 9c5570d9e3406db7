"""The console's logic without HTTP: HQ migration 0003, session limits, accounts, the
quiet-clinic warning and the chart, on a SQLite HQ database in a temporary folder."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, text

from sync.server import db, store
from sync.server.console import accounts, audit, chart, queries, sessions
from sync.server.models import Admin, Base

NOW = 1_800_000_000_000
MINUTE = 60_000


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = db.open_engine(db.sqlite_url(tmp_path))
    db.upgrade(eng)
    with db.write_session(eng) as s:
        store.init_meta(s, NOW)
        store.add_admin(s, "Amina", "amina password", NOW)
    yield eng
    eng.dispose()


def admin_named(engine: Engine, name: str) -> Admin:
    with db.read_session(engine) as s:
        found = s.query(Admin).filter(Admin.name_key == store.name_key(name)).one()
        s.expunge(found)
        return found


def test_the_models_and_the_migrations_agree(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_accounts_from_before_the_console_stay_active_administrators(tmp_path: Path) -> None:
    eng = db.open_engine(db.sqlite_url(tmp_path))
    cfg = db.alembic_config()
    with eng.connect() as conn:
        conn.execution_options(**{db.WRITE: True})
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0002")
    with db.write_session(eng) as s:
        s.execute(
            text(
                "INSERT INTO hq_admins (name, name_key, password_hash, created_at_ms, "
                "failed_attempts) VALUES ('Old Admin', 'old admin', 'x', 1, 0)"
            )
        )
    db.upgrade(eng)
    assert db.current_revision(eng) == "0003"
    with db.read_session(eng) as s:
        row = s.execute(text("SELECT active, role FROM hq_admins")).one()
    assert bool(row[0]) is True and row[1] == "admin"
    eng.dispose()


def test_a_session_ends_when_idle_at_its_limit_and_with_its_account(engine: Engine) -> None:
    amina = admin_named(engine, "Amina")
    with db.write_session(engine) as s:
        token = sessions.start(s, amina, address="10.0.0.9", now_ms=NOW, session_hours=12)
    idle = 30 * MINUTE

    def look(at: int) -> sessions.SignedIn | None:
        with db.read_session(engine) as s:
            return sessions.lookup(s, token, now_ms=at, idle_ms=idle)[0]

    found = look(NOW + 29 * MINUTE)
    assert found is not None and found.name == "Amina" and found.is_admin
    assert look(NOW + 30 * MINUTE) is None  # idle too long
    for step in range(1, 25):  # kept busy: touched every 29 minutes ...
        at = NOW + step * 29 * MINUTE
        assert look(at) is not None
        with db.write_session(engine) as s:
            sessions.touch(s, found.token_hash, at)
    assert look(NOW + 12 * 60 * MINUTE) is None  # ... until the absolute limit
    with db.write_session(engine) as s:
        token = sessions.start(s, amina, address="10.0.0.9", now_ms=NOW, session_hours=12)
    assert look(NOW + MINUTE) is not None
    with db.write_session(engine) as s:
        s.get(Admin, amina.id).active = False  # type: ignore[union-attr]
    assert look(NOW + MINUTE) is None  # its account was disabled
    with db.read_session(engine) as s:
        for bad in (None, "", "x" * 500, "not a token"):
            assert sessions.lookup(s, bad, now_ms=NOW, idle_ms=MINUTE) == (None, False)


def test_a_session_token_is_kept_only_as_its_hash(engine: Engine) -> None:
    with db.write_session(engine) as s:
        token = sessions.start(
            s, admin_named(engine, "Amina"), address="::1", now_ms=NOW, session_hours=1
        )
    with db.read_session(engine) as s:
        stored = s.execute(text("SELECT token_hash, csrf_token FROM hq_console_sessions")).one()
    assert token not in stored and len(stored[0]) == 64


def test_sign_in_outcomes(engine: Engine) -> None:
    with db.write_session(engine) as s:
        assert accounts.sign_in(s, "amina", "amina password", NOW)[0] == accounts.SignIn.OK
        assert accounts.sign_in(s, "amina", "wrong", NOW)[0] == accounts.SignIn.WRONG
        assert accounts.sign_in(s, "nobody", "wrong", NOW)[0] == accounts.SignIn.WRONG
        added = accounts.add(s, "Baraka", "baraka password", "viewer", NOW)
        amina = admin_named(engine, "Amina").id
        accounts.set_active(s, added.id, False, by=amina)
        outcome = accounts.sign_in(s, "Baraka", "baraka password", NOW)
        assert outcome == (accounts.SignIn.DISABLED, None)
    assert admin_named(engine, "Amina").last_sign_in_at_ms == NOW


def test_the_last_administrator_and_oneself_cannot_be_disabled(engine: Engine) -> None:
    amina = admin_named(engine, "Amina").id
    with db.write_session(engine) as s:
        viewer = accounts.add(s, "Baraka", "baraka password", "viewer", NOW)
        with pytest.raises(accounts.AccountError, match="your own account"):
            accounts.set_active(s, amina, False, by=amina)
        with pytest.raises(accounts.AccountError, match="last active administrator"):
            accounts.set_active(s, amina, False, by=viewer.id)
        assert not accounts.set_active(s, viewer.id, False, by=amina).active


def test_the_audit_pages_back_newest_first(engine: Engine) -> None:
    with db.write_session(engine) as s:
        for n in range(5):
            audit.record(
                s, action="sign_in", actor=f"a{n}", admin_id=None, address="x", now_ms=NOW + n
            )
    with db.read_session(engine) as s:
        first = audit.recent(s, limit=2)
        older = audit.recent(s, before=first[-1].id, limit=2)
    assert [e.actor for e in first + older] == ["a4", "a3", "a2", "a1"]
    assert first[0].action_text == "Signed in"


def test_a_clinic_is_quiet_once_its_active_laptops_are_silent_for_n_days(engine: Engine) -> None:
    day = queries.DAY_MS
    with db.write_session(engine) as s:
        code, _, _ = store.issue_code(s, "Kisumu", NOW)
        done = store.enrol(
            s, code=code, device_name="A", mode="join", clinic_id=uuid.uuid4(), now_ms=NOW
        )
        store.touch_device(s, done.device_id, NOW)
        store.issue_code(s, "Never Enrolled", NOW)

    def quiet(at: int) -> dict[str, bool]:
        with db.read_session(engine) as s:
            return {v.status.name: v.quiet for v in queries.clinics(s, now_ms=at, quiet_days=3)}

    assert quiet(NOW + 3 * day - 1) == {"Kisumu": False, "Never Enrolled": False}
    assert quiet(NOW + 3 * day + 1) == {"Kisumu": True, "Never Enrolled": False}
    with db.write_session(engine) as s:
        store.revoke_device(s, done.device_id, NOW)
    assert quiet(NOW + 30 * day) == {"Kisumu": False, "Never Enrolled": False}  # none active


def test_the_chart_scales_to_the_busiest_day_and_shows_a_small_one() -> None:
    labels = [f"D{i} 0{i}" for i in range(7)]
    bars = chart.bars([0, 1, 1000, 0, 0, 0, 500], labels)
    assert [b.height for b in bars] == [0, chart.MIN_BAR, chart.HEIGHT, 0, 0, 0, 32]
    assert all(b.y + b.height == chart.BASE for b in bars)
    assert bars[-1].x + chart.BAR <= chart.WIDTH
    assert [b.height for b in chart.bars([0] * 7, labels)] == [0] * 7


def test_day_starts_end_with_today_at_midnight_utc() -> None:
    starts = queries.day_starts(NOW)
    assert len(starts) == 7 and starts[-1] <= NOW < starts[-1] + queries.DAY_MS
    assert all(b - a == queries.DAY_MS for a, b in itertools.pairwise(starts))
