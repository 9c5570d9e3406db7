"""A damaged store (issue 8, items 10, 11 and 12): SQLCipher's own log stays off standard
error, damage once found makes the store read-only (durably, beside the database) until a
restore or a clean check, automatic backups keep the last good one, and a database that is
not a regular file is one clear line.

The damage is real: a byte flipped in a page of table data of a real SQLCipher file (found
from `sqlite_master`'s root pages), so the store opens and only the queries that read that
page fail.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from desktop.app.patients import PatientInput
from desktop.core import ClinicCore
from desktop.errors import StoreCorrupt
from desktop.paths import DataPaths
from desktop.services.backup_auto import auto_backup, list_auto_backups, rotate_backups
from desktop.services.backup_format import SUFFIX
from desktop.services.backup_write import store_tag
from desktop.settings import Settings
from desktop.store import store as store_module
from desktop.store.damage import MARKER_NAME, StoreDamaged, read_marker
from desktop.store.engine import PAGE_SIZE, damage_watch
from desktop.store.keyfile import KeyFile
from desktop.store.store import Store
from tests.hostile import (
    PASSWORD,
    assert_one_clear_line,
    make_clinic,
    run_outpost,
    store_bytes,
)

READ_ONLY = "nothing more is written to them"


# --- making real damage --------------------------------------------------------------------------


def root_page(data: Path, table: str, *, user: str = "admin", password: str = PASSWORD) -> int:
    """The page number of `table`'s b-tree root (a page holding its rows, or pointing to them)."""
    key = KeyFile.load(data / "keys.json").unlock_with_password(user, password)
    conn = sqlcipher3.dbapi2.connect(str(data / "outpost.db"), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        row = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
    finally:
        conn.close()
    assert row is not None and row[0] > 1
    return int(row[0])


def flip_a_byte(db: Path, page: int) -> None:
    """Flip one byte inside `page` (its encrypted data, not the reserved IV/HMAC area)."""
    assert not Path(f"{db}-wal").exists(), "the store must be closed (its WAL folded in)"
    with db.open("r+b") as handle:
        handle.seek((page - 1) * PAGE_SIZE + 200)
        byte = handle.read(1)
        handle.seek((page - 1) * PAGE_SIZE + 200)
        handle.write(bytes([byte[0] ^ 0xFF]))


def register(core: ClinicCore, given: str = "Amina") -> object:
    return core.patients.register(
        PatientInput(given_name=given, family_name="Otieno", estimated_age_years="30"),
        confirmed_new=True,
    ).value


class _Unthrottled:
    """Sign-in without the throttle's files (these tests open the same store many times)."""

    @contextlib.contextmanager
    def attempt(self, _guard: str) -> Iterator[None]:
        yield


def open_core(paths: DataPaths) -> ClinicCore:
    store = store_module.unlock(paths, "admin", PASSWORD, throttle=_Unthrottled())  # type: ignore[arg-type]
    return ClinicCore.from_store(store)


@pytest.fixture
def damaged(core: ClinicCore, data_paths: DataPaths) -> DataPaths:
    """A closed store with patients whose `appointments` table has a damaged page: the store
    opens, registering a patient never reads that page, reading appointments does."""
    for name in ("Amina", "Baraka", "Chebet"):
        register(core, name)
    core.close()
    flip_a_byte(data_paths.database, root_page(data_paths.root, "appointments"))
    return data_paths


def read_appointments(core: ClinicCore) -> None:
    core.tx.read(lambda s: s.connection().exec_driver_sql("SELECT * FROM appointments").all())


# --- item 12: damage found makes the store read-only ---------------------------------------------


def test_once_a_query_meets_a_damaged_page_every_write_is_refused(damaged: DataPaths) -> None:
    core = open_core(damaged)
    try:
        register(core, "Before")  # the damaged page is not on this path: nothing knows yet
        with pytest.raises(StoreDamaged, match="damaged"):
            read_appointments(core)
        before = damaged.database.read_bytes()
        with pytest.raises(StoreDamaged, match=READ_ONLY):
            register(core, "After")
        # Reads go on where the pages are readable.
        names = {hit.display_name for hit in core.patients.search("Otieno")}
        assert {"Amina Otieno", "Before Otieno"} <= names, names
        assert core.integrity.state().damaged
    finally:
        core.close()
    assert damaged.database.read_bytes() == before


def test_the_damage_is_remembered_beside_the_database_owner_only_and_without_patient_data(
    damaged: DataPaths,
) -> None:
    core = open_core(damaged)
    try:
        with pytest.raises(StoreDamaged):
            read_appointments(core)
    finally:
        core.close()
    marker = damaged.root / MARKER_NAME
    assert stat.S_IMODE(marker.stat().st_mode) == 0o600
    raw = json.loads(marker.read_text("utf-8"))
    assert raw["database"] == "outpost.db"
    assert raw["inode"] == damaged.database.stat().st_ino
    for name in ("Amina", "Baraka", "Chebet", "Otieno"):
        assert name not in marker.read_text("utf-8")
    # A new sign-in (a restart) is read-only from its first write.
    again = open_core(damaged)
    try:
        assert again.integrity.state().damaged
        with pytest.raises(StoreDamaged, match=READ_ONLY):
            register(again, "Later")
    finally:
        again.close()


def test_even_a_session_opened_outside_the_api_cannot_write_a_damaged_store(
    damaged: DataPaths,
) -> None:
    from desktop.store.models import Meta

    core = open_core(damaged)
    try:
        with pytest.raises(StoreDamaged):
            read_appointments(core)
        with pytest.raises(StoreDamaged), core.store.session() as session, session.begin():
            session.add(Meta(key="x", value="y"))
        # A read session is query_only too: SQLite itself refuses the write.
        with pytest.raises(StoreCorrupt), core.store.read_session() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO store_meta (key, value) VALUES ('x', 'y')"
            )
    finally:
        core.close()


def test_a_damage_found_by_another_process_is_seen_at_the_next_write(damaged: DataPaths) -> None:
    gui = open_core(damaged)
    try:
        register(gui, "Early")
        other = open_core(damaged)  # e.g. `outpost doctor` while the GUI is open
        try:
            with pytest.raises(StoreDamaged):
                read_appointments(other)
        finally:
            other.close()
        with pytest.raises(StoreDamaged, match=READ_ONLY):
            register(gui, "Late")
    finally:
        gui.close()


def test_an_unreadable_damage_record_still_counts_as_damage(damaged: DataPaths) -> None:
    (damaged.root / MARKER_NAME).write_text("{ not json", "utf-8")
    core = open_core(damaged)
    try:
        with pytest.raises(StoreDamaged, match=READ_ONLY):
            register(core, "Nobody")
    finally:
        core.close()


def test_the_full_check_finds_the_damage_and_does_not_clear_it(damaged: DataPaths) -> None:
    core = open_core(damaged)
    try:
        report = core.integrity.check()
        assert not report.intact
        assert any("page" in p.lower() for p in report.problems), report.problems
        assert core.integrity.state().damaged
        with pytest.raises(StoreDamaged):
            register(core, "Nobody")
    finally:
        core.close()


def test_the_full_check_finding_the_store_intact_makes_it_writable_again(
    core: ClinicCore, data_paths: DataPaths
) -> None:
    register(core)
    damage_watch(core.store.engine).found("a test")  # a false alarm (e.g. a loose cable)
    with pytest.raises(StoreDamaged):
        register(core, "Refused")
    seen: list[object] = []
    core.changes.subscribe(seen.append)
    report = core.integrity.check()
    assert report.intact and report.cleared
    assert not (data_paths.root / MARKER_NAME).exists()
    assert not core.integrity.state().damaged
    register(core, "Accepted")
    assert any(c.touches("integrity") for c in seen)  # type: ignore[attr-defined]


def test_the_check_can_be_cancelled_and_reports_progress(core: ClinicCore) -> None:
    for i in range(30):
        register(core, f"Name{i}")
    steps: list[float] = []
    report = core.integrity.check(progress=lambda _m, f: steps.append(f), cancel=lambda: False)
    assert report.intact and steps[-1] == 1.0
    cancelled = core.integrity.check(cancel=lambda: True)
    assert cancelled.cancelled and not core.integrity.state().damaged


def test_the_background_check_finds_damage_early_and_makes_the_store_read_only(
    damaged: DataPaths,
) -> None:
    core = open_core(damaged)
    try:
        register(core, "Before")  # nothing has read the damaged page yet
        report = core.integrity.background_check(share=1.0)
        assert not report.intact and not report.cancelled
        assert core.integrity.state().damaged
        with pytest.raises(StoreDamaged, match=READ_ONLY):
            register(core, "After")
        # Known damaged: the background check does not run again.
        assert core.integrity.background_check().skipped
    finally:
        core.close()


def test_the_background_check_of_a_sound_store_changes_nothing(core: ClinicCore) -> None:
    register(core)
    report = core.integrity.background_check(share=0.5)
    assert report.intact and not report.cleared
    assert not core.integrity.state().damaged
    assert core.integrity.background_check(cancel=lambda: True).cancelled


def test_a_restore_of_a_good_backup_clears_the_damage(
    core: ClinicCore, data_paths: DataPaths, tmp_path: Path
) -> None:
    from desktop.app.backups import restore_backup_file

    register(core, "Saved")
    backup = core.backups.make(tmp_path / "good").path
    core.close()
    flip_a_byte(data_paths.database, root_page(data_paths.root, "appointments"))
    broken = open_core(data_paths)
    try:
        with pytest.raises(StoreDamaged):
            read_appointments(broken)
    finally:
        broken.close()
    assert (data_paths.root / MARKER_NAME).exists()
    restore_backup_file(data_paths, backup, username="admin", password=PASSWORD)
    restored = open_core(data_paths)
    try:
        assert not restored.integrity.state().damaged
        register(restored, "AfterRestore")
        read_appointments(restored)
    finally:
        restored.close()
    assert not (data_paths.root / MARKER_NAME).exists()


def test_the_damaged_file_closing_and_folding_its_wal_in_does_not_clear_the_damage(
    damaged: DataPaths,
) -> None:
    core = open_core(damaged)
    try:
        register(core, "InTheWal")  # committed, in the WAL: folded in when the store closes
        with pytest.raises(StoreDamaged):
            read_appointments(core)
    finally:
        core.close()
    marker = read_marker(damaged.database)
    assert marker is not None and marker.size != damaged.database.stat().st_size
    again = open_core(damaged)
    try:
        assert again.integrity.state().damaged
    finally:
        again.close()


# --- item 12: automatic backups of a damaged store ----------------------------------------------


def _auto_name(tag: str, when: dt.datetime) -> str:
    return f"outpost-kisumu-health-post-{tag}-{when:%Y%m%dT%H%M%SZ}-daily{SUFFIX}"


def test_rotation_keeps_the_last_backup_made_before_the_damage_was_found(tmp_path: Path) -> None:
    store_id = "0123456789abcdef"
    tag = store_tag(store_id)
    day = dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC)
    made = [day + dt.timedelta(days=i) for i in range(5)]
    for when in made:
        (tmp_path / _auto_name(tag, when)).write_bytes(b"x")
    found_at = made[2] + dt.timedelta(hours=1)  # damage found after the third backup
    newest = tmp_path / _auto_name(tag, made[4])
    rotate_backups(tmp_path, store_id, 1, protect=newest, damaged_since=found_at)
    left = {b.created_at for b in list_auto_backups(tmp_path, store_id)}
    assert left == {made[4], made[2]}  # the one just written, and the last good one


def test_a_damaged_store_gets_no_automatic_backup_and_loses_none(
    core: ClinicCore, data_paths: DataPaths
) -> None:
    register(core)
    settings = Settings(backups_to_keep=1)
    day = dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC)
    for i in range(2):
        assert auto_backup(core.store, settings, reason="daily", now=day + dt.timedelta(i)).ok
    kept = sorted(data_paths.backups.iterdir())
    assert len(kept) == 1
    core.close()
    flip_a_byte(data_paths.database, root_page(data_paths.root, "appointments"))
    broken = open_core(data_paths)
    try:
        with pytest.raises(StoreDamaged):
            read_appointments(broken)
        result = auto_backup(broken.store, settings, reason="daily", now=day + dt.timedelta(5))
        assert not result.written and not result.removed
        assert result.failures and "damaged" in result.failures[0]
        assert sorted(data_paths.backups.iterdir()) == kept
        outcome = broken.backups.run_automatic("daily")
        assert not outcome.ok and "damaged" in " ".join(outcome.failures)
        assert sorted(data_paths.backups.iterdir()) == kept
        status = broken.backups.status()
        assert status.needs_attention and "damaged" in (status.failure_reason or "")
    finally:
        broken.close()


def test_a_backup_that_meets_the_damaged_page_records_the_damage(damaged: DataPaths) -> None:
    core = open_core(damaged)
    try:
        result = auto_backup(core.store, Settings(), reason="daily")
        assert not result.written
        assert core.integrity.state().damaged
    finally:
        core.close()


# --- the command line: one clear line, nothing written -------------------------------------------


@pytest.fixture(scope="module")
def cli_clinic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = make_clinic(tmp_path_factory.mktemp("cli") / "clinic")
    ran = run_outpost(data, "demo", "--patients", "40", stdin=PASSWORD + "\n")
    assert ran.code == 0, ran.err
    return data


def _copy(src: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for item in src.iterdir():
        if item.is_file():
            (dest / item.name).write_bytes(item.read_bytes())
            os.chmod(dest / item.name, 0o600)
    return dest


def test_a_damaged_page_is_one_clear_line_and_the_next_add_is_refused(
    cli_clinic: Path, tmp_path: Path
) -> None:
    data = _copy(cli_clinic, tmp_path / "clinic")
    flip_a_byte(data / "outpost.db", root_page(data, "patients"))
    found = run_outpost(data, "patients", "search", "Otieno", stdin=PASSWORD + "\n")
    assert "ERROR CORE" not in found.err and "sqlcipher" not in found.err.lower()
    assert_one_clear_line(found, says="damaged")
    assert (data / MARKER_NAME).exists()
    before = store_bytes(data)
    added = run_outpost(
        data, "patients", "add", "--given", "Zawadi", "--age", "30", stdin=PASSWORD + "\n"
    )
    assert_one_clear_line(added, says=READ_ONLY)
    assert added.out == ""  # no id printed for what was not saved
    assert store_bytes(data) == before


def test_damage_the_add_never_reads_is_still_refused_once_found(
    cli_clinic: Path, tmp_path: Path
) -> None:
    data = _copy(cli_clinic, tmp_path / "clinic")
    flip_a_byte(data / "outpost.db", root_page(data, "appointments"))
    (data / MARKER_NAME).unlink(missing_ok=True)
    # Something finds the damage (here the store's own full check, as `doctor` runs it).
    paths = DataPaths(data)
    core = open_core(paths)
    try:
        assert not core.integrity.check().intact
    finally:
        core.close()
    before = store_bytes(data)
    added = run_outpost(
        data, "patients", "add", "--given", "Zawadi", "--age", "30", stdin=PASSWORD + "\n"
    )
    assert_one_clear_line(added, says=READ_ONLY)
    assert store_bytes(data) == before


def test_doctor_on_a_damaged_store_names_the_damage_and_a_clean_doctor_lifts_a_stale_mark(
    cli_clinic: Path, tmp_path: Path
) -> None:
    data = _copy(cli_clinic, tmp_path / "clinic")
    flip_a_byte(data / "outpost.db", root_page(data, "patients"))
    ran = run_outpost(data, "doctor", stdin=PASSWORD + "\n")
    assert ran.code == 1 and "Traceback" not in ran.err, ran.err
    assert "DAMAGED PAGES" in ran.out and "cannot be read (damage)" in ran.out
    assert "restore the most recent backup" in ran.out
    assert (data / MARKER_NAME).exists()

    sound = _copy(cli_clinic, tmp_path / "sound")
    (sound / MARKER_NAME).write_text('{"what": "a test mark"}', "utf-8")
    ran = run_outpost(sound, "doctor", stdin=PASSWORD + "\n")
    assert ran.code == 0, ran.err
    assert "may be written again" in ran.out
    assert not (sound / MARKER_NAME).exists()


# --- item 11: a database that is not a regular file ----------------------------------------------


def _replace_database(data: Path, kind: str) -> None:
    db = data / "outpost.db"
    db.unlink()
    if kind == "directory":
        db.mkdir()
    elif kind == "fifo":
        os.mkfifo(db)
    elif kind == "dev-zero":
        db.symlink_to("/dev/zero")
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(db))


@pytest.mark.parametrize("kind", ["directory", "fifo", "dev-zero", "socket"])
def test_a_database_that_is_not_a_regular_file_is_one_clear_line(
    cli_clinic: Path, tmp_path: Path, kind: str
) -> None:
    data = _copy(cli_clinic, tmp_path / "clinic")
    _replace_database(data, kind)
    before = store_bytes(data)
    ran = run_outpost(data, "patients", "search", "Otieno", stdin=PASSWORD + "\n", timeout=60)
    assert_one_clear_line(ran, says="not the clinic's database file")
    assert store_bytes(data) == before


def test_damage_met_on_a_raw_connection_is_recorded_too(damaged: DataPaths) -> None:
    from desktop.store.engine import translate_raw_error

    core = open_core(damaged)
    try:
        with core.store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            with pytest.raises(sqlcipher3.dbapi2.DatabaseError) as caught:
                raw.execute("SELECT * FROM appointments").fetchall()
            conn.invalidate()
        translated = translate_raw_error(core.store.engine, caught.value, damaged.database)
        assert isinstance(translated, StoreDamaged)
        assert core.integrity.state().damaged
    finally:
        core.close()


# --- a damage record that is not a regular file -----------------------------------------------


def test_a_damage_record_that_is_a_fifo_does_not_hang_and_counts_as_damage(
    cli_clinic: Path, tmp_path: Path
) -> None:
    data = _copy(cli_clinic, tmp_path / "clinic")
    os.mkfifo(data / MARKER_NAME)  # nothing ever writes to it: an open for reading would wait
    before = store_bytes(data)
    added = run_outpost(
        data,
        "patients",
        "add",
        "--given",
        "Zawadi",
        "--age",
        "30",
        stdin=PASSWORD + "\n",
        timeout=60,
    )
    assert_one_clear_line(added, says=READ_ONLY)
    assert store_bytes(data) == before


def test_a_damage_record_that_is_a_link_counts_as_damage_of_unknown_file(
    data_paths: DataPaths, store: Store
) -> None:
    real = data_paths.root / "elsewhere.json"
    real.write_text('{"detected_at": "2026-01-01T00:00:00+00:00", "database": "x.db"}')
    (data_paths.root / MARKER_NAME).symlink_to(real)
    found = read_marker(data_paths.database)
    assert found is not None and found.database == data_paths.database.name
    assert found.inode is None
