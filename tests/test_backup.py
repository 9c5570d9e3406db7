"""Backups: made verified and encrypted, restored only when whole, automatic ones rotated.

Real SQLCipher stores in temporary folders. Faults are real where the machine allows it: a
small tmpfs for a full disk (skipped where mounting is not allowed; an injected ENOSPC
covers the same path everywhere), a SIGKILLed subprocess for a crash in the middle of a
restore.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from sqlalchemy import select

from desktop.errors import (
    BackupError,
    DiskFull,
    InvalidInput,
    PermissionDenied,
    StoreTooNew,
    WrongPassword,
)
from desktop.paths import DataPaths
from desktop.permissions import Actor
from desktop.services import backup_write
from desktop.services.backup import (
    SINGLE_FOLDER_WARNING,
    auto_backup,
    backup_locations,
    backup_locations_warning,
    daily_backup_due,
    list_auto_backups,
    make_backup,
    recover_interrupted_restore,
    restore_backup,
    rotate_backups,
    verify_backup,
)
from desktop.services.backup_check import inspect_database, open_read_only
from desktop.services.backup_format import DATABASE, FORMAT, KEYS, MANIFEST, Manifest, Member
from desktop.services.backup_restore import JOURNAL, STAGING_PREFIX, BackupCredentials
from desktop.services.backup_write import Snapshot, store_tag, write_backup_file
from desktop.settings import Settings
from desktop.store import keys as keys_module
from desktop.store.engine import is_plain_sqlite_readable
from desktop.store.keyfile import KeyFile
from desktop.store.models import Patient, Role, User
from desktop.store.schema import head_revision
from desktop.store.store import Store, create, unlock, unlock_with_recovery

PASSWORD = "correct horse"
CLINIC_NAME = "Kisumu Clinic"
SECRETS = ["Wanjiru", "Kamau", "+254712345678", "712345678", "876543217452"]
AT_BACKUP = ["Wanjiru Kamau"]
AFTER_BACKUP = ["Otieno Ouma", "Wanjiru Kamau-Njoroge"]
T0 = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)
SAMPLE_0001 = Path(__file__).parent / "fixtures" / "stores" / "0001"


# --- fixtures and helpers --------------------------------------------------------------------


@dataclasses.dataclass
class Clinic:
    paths: DataPaths
    recovery_key: str

    def open(self) -> Store:
        return unlock_with_recovery(self.paths, self.recovery_key)

    def names(self) -> list[str]:
        store = self.open()
        try:
            with store.session() as session:
                return sorted(p.full_name for p in session.scalars(select(Patient)))
        finally:
            store.close()

    def change_after_backup(self) -> None:
        store = self.open()
        try:
            with store.session() as session, session.begin():
                wanjiru = session.scalars(select(Patient)).one()
                wanjiru.family_name = "Kamau-Njoroge"
                session.add(
                    Patient(clinic_id=store.clinic_id, given_name="Otieno", family_name="Ouma")
                )
        finally:
            store.close()
        assert self.names() == AFTER_BACKUP


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One store for the whole module (creating one costs a key derivation and migrations)."""
    root = tmp_path_factory.mktemp("template") / "d"
    store, recovery_key = create(
        DataPaths(root),
        clinic_name=CLINIC_NAME,
        admin_username="admin",
        admin_display_name="Admin",
        password=PASSWORD,
    )
    try:
        with store.session() as session, session.begin():
            session.add(
                Patient(
                    clinic_id=store.clinic_id,
                    given_name="Wanjiru",
                    family_name="Kamau",
                    phone="+254712345678",
                    phone_reversed="876543217452",
                )
            )
    finally:
        store.close()
    return root, recovery_key


@pytest.fixture
def clinic(template: tuple[Path, str], tmp_path: Path) -> Clinic:
    root, recovery_key = template
    shutil.copytree(root, tmp_path / "d")
    return Clinic(DataPaths(tmp_path / "d"), recovery_key)


@pytest.fixture
def backup(clinic: Clinic, tmp_path: Path) -> Path:
    (tmp_path / "out").mkdir()
    store = clinic.open()
    try:
        return make_backup(store, tmp_path / "out" / "b.outpost-backup").path
    finally:
        store.close()


def files_under(root: Path) -> dict[str, bytes]:
    """Every file of the store (the wrong-password counter is not the store: it must change)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != "login-attempts.json"
    }


def member_span(path: Path, name: str) -> tuple[int, int]:
    """Offset and size of a stored member's bytes inside the zip."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    with path.open("rb") as handle:
        handle.seek(info.header_offset)
        header = handle.read(30)
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    return info.header_offset + 30 + name_len + extra_len, info.file_size


def flip_byte(path: Path, offset: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x40]))


def rewrite_backup(
    path: Path,
    *,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    members: Callable[[dict[str, bytes]], object] | None = None,
    fix_checksums: bool = False,
) -> None:
    """Re-pack a backup with changes, as a hostile or buggy writer might."""
    with zipfile.ZipFile(path) as zf:
        data = {n: zf.read(n) for n in zf.namelist()}
    raw = json.loads(data.pop(MANIFEST))
    if members:
        members(data)
    if fix_checksums:
        for name, blob in data.items():
            raw["members"][name] = {"sha256": hashlib.sha256(blob).hexdigest(), "size": len(blob)}
    if manifest:
        manifest(raw)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(MANIFEST, json.dumps(raw))
        for name, blob in data.items():
            zf.writestr(name, blob)


def read_member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def names_in_database(db: Path, keyfile: Path, recovery_key: str) -> list[str]:
    data_key = KeyFile.load(keyfile).unlock_with_recovery(
        keys_module.parse_recovery_key(recovery_key)
    )
    with open_read_only(db, data_key) as conn:
        rows = conn.execute("SELECT given_name, family_name FROM patients").fetchall()
    return sorted(f"{g} {f}" for g, f in rows)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[Path, int], Path]]:
    """Mount a tiny tmpfs (a disk that really fills up); skip where mounting is not allowed."""
    mounted: list[Path] = []

    def mount(folder: Path, kib: int) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
            pytest.skip("mounting a small tmpfs needs root")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={kib}k,mode=0700", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)


# --- making and restoring ---------------------------------------------------------------------


def test_restore_brings_back_the_data_as_it_was_at_backup_time(
    clinic: Clinic, backup: Path
) -> None:
    clinic.change_after_backup()
    replaced = files_under(clinic.paths.root)

    result = restore_backup(clinic.paths, backup, username="admin", password=PASSWORD)

    assert result.info.decrypted and result.info.row_counts["patients"] == 1
    assert not result.upgrade_needed
    store = unlock(clinic.paths, "admin", PASSWORD)  # opens normally, with the password
    store.close()
    assert clinic.names() == AT_BACKUP
    # The replaced store is kept, never deleted, and still opens with its key.
    assert result.kept_aside is not None
    assert (result.kept_aside / DATABASE).read_bytes() == replaced["outpost.db"]
    assert (result.kept_aside / KEYS).read_bytes() == replaced["keys.json"]
    aside_names = names_in_database(
        result.kept_aside / DATABASE, result.kept_aside / KEYS, clinic.recovery_key
    )
    assert aside_names == AFTER_BACKUP
    assert not (clinic.paths.root / JOURNAL).exists()
    assert not list(clinic.paths.root.glob(STAGING_PREFIX + "*"))


def test_restore_opens_the_backup_with_the_recovery_key(clinic: Clinic, backup: Path) -> None:
    clinic.change_after_backup()
    restore_backup(clinic.paths, backup, recovery_key=clinic.recovery_key.lower())
    assert clinic.names() == AT_BACKUP


def test_restore_onto_a_new_laptop_with_an_empty_data_folder(
    backup: Path, clinic: Clinic, tmp_path: Path
) -> None:
    fresh = DataPaths(tmp_path / "new-laptop")
    result = restore_backup(fresh, backup, recovery_key=clinic.recovery_key)
    assert result.kept_aside is None and result.previous_store_id is None
    assert Clinic(fresh, clinic.recovery_key).names() == AT_BACKUP


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": "admin", "password": "wrong horse"},
        {"username": "nobody", "password": PASSWORD},
        {"recovery_key": "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"},
        {"recovery_key": "not a key"},
    ],
    ids=["wrong-password", "unknown-user", "wrong-recovery-key", "malformed-recovery-key"],
)
def test_a_wrong_password_or_key_is_refused_and_the_live_store_is_untouched(
    clinic: Clinic, backup: Path, credentials: dict[str, Any]
) -> None:
    clinic.change_after_backup()
    before = files_under(clinic.paths.root)
    with pytest.raises(WrongPassword, match=r"(?i)backup|recovery key"):
        restore_backup(clinic.paths, backup, **credentials)
    assert files_under(clinic.paths.root) == before
    with pytest.raises(WrongPassword):
        verify_backup(backup, **credentials)


def test_restore_without_any_credentials_is_refused(clinic: Clinic, backup: Path) -> None:
    before = files_under(clinic.paths.root)
    with pytest.raises(InvalidInput, match="password"):
        restore_backup(clinic.paths, backup)
    assert files_under(clinic.paths.root) == before


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _cut_the_end(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-40])


def _flip_database_byte(path: Path) -> None:
    offset, size = member_span(path, DATABASE)
    flip_byte(path, offset + size // 2)


def _flip_keys_byte(path: Path) -> None:
    offset, size = member_span(path, KEYS)
    flip_byte(path, offset + size // 2)


def _drop_keys(path: Path) -> None:
    rewrite_backup(path, members=lambda m: m.pop(KEYS))


def _extra_member(path: Path) -> None:
    rewrite_backup(path, members=lambda m: m.update({"attachments/x": b"?"}))


def _not_a_zip(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def _zip_without_manifest(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("holiday.jpg", b"\xff\xd8 not a backup")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _garbled_manifest(path: Path) -> None:
    rewrite_backup(path, manifest=lambda m: m.update({"members": "everything"}))


DAMAGE = {
    "truncated-half": (_truncate, "damaged or incomplete"),
    "end-cut-off": (_cut_the_end, "damaged or incomplete"),
    "flipped-byte-in-database": (_flip_database_byte, "damaged or incomplete"),
    "flipped-byte-in-keys": (_flip_keys_byte, "damaged or incomplete"),
    "missing-member": (_drop_keys, "damaged or incomplete"),
    "unlisted-member": (_extra_member, "damaged or incomplete"),
    "garbled-manifest": (_garbled_manifest, "damaged or incomplete"),
    "not-a-zip": (_not_a_zip, "not an Outpost backup"),
    "zip-without-manifest": (_zip_without_manifest, "not an Outpost backup"),
    "empty-file": (_empty, "not an Outpost backup"),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_or_foreign_file_is_refused_and_the_live_store_is_untouched(
    clinic: Clinic, backup: Path, damage: str
) -> None:
    spoil, message = DAMAGE[damage]
    spoil(backup)
    before = files_under(clinic.paths.root)
    with pytest.raises(BackupError, match=message):
        verify_backup(backup)
    with pytest.raises(BackupError, match=message):
        restore_backup(clinic.paths, backup, recovery_key=clinic.recovery_key)
    assert files_under(clinic.paths.root) == before


def test_a_missing_backup_file_is_a_clear_error(clinic: Clinic, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="There is no backup file"):
        restore_backup(clinic.paths, tmp_path / "nope.outpost-backup", recovery_key="x")


def test_a_damaged_page_with_forged_checksums_is_caught_by_the_page_authentication(
    clinic: Clinic, backup: Path
) -> None:
    def damage(members: dict[str, bytes]) -> None:
        db = bytearray(members[DATABASE])
        db[3 * 4096 + 200] ^= 0x01  # inside page 4's ciphertext
        members[DATABASE] = bytes(db)

    rewrite_backup(backup, members=damage, fix_checksums=True)
    assert not verify_backup(backup).decrypted  # the checksums alone cannot tell
    before = files_under(clinic.paths.root)
    with pytest.raises(BackupError, match="authentication"):
        verify_backup(backup, recovery_key=clinic.recovery_key)
    with pytest.raises(BackupError, match="authentication"):
        restore_backup(clinic.paths, backup, recovery_key=clinic.recovery_key)
    assert files_under(clinic.paths.root) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m.update({"format": FORMAT + 1}), "backup format"),
        (lambda m: m.update({"schema_revision": "9999_from_the_future"}), "newer Outpost"),
    ],
    ids=["future-backup-format", "future-schema"],
)
def test_a_backup_from_a_newer_outpost_is_refused_with_update_advice(
    clinic: Clinic, backup: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    rewrite_backup(backup, manifest=change)
    before = files_under(clinic.paths.root)
    with pytest.raises(StoreTooNew, match=f"(?s){message}.*Install the newer Outpost"):
        restore_backup(clinic.paths, backup, recovery_key=clinic.recovery_key)
    with pytest.raises(StoreTooNew):
        verify_backup(backup)
    assert files_under(clinic.paths.root) == before


def test_a_manifest_that_lies_about_row_counts_is_refused(clinic: Clinic, backup: Path) -> None:
    rewrite_backup(backup, manifest=lambda m: m["row_counts"].update({"patients": 2}))
    assert verify_backup(backup).row_counts["patients"] == 2  # no key: cannot tell yet
    with pytest.raises(BackupError, match="row counts"):
        restore_backup(clinic.paths, backup, recovery_key=clinic.recovery_key)


def test_verify_with_credentials_opens_and_checks_the_database(
    clinic: Clinic, backup: Path
) -> None:
    quick = verify_backup(backup)
    full = verify_backup(backup, username="admin", password=PASSWORD)
    assert (quick.decrypted, full.decrypted) == (False, True)
    assert full.clinic_name == CLINIC_NAME and full.usernames == ("admin",)
    assert full.has_recovery_key and full.reason == "manual"
    assert full.row_counts["patients"] == 1 and full.schema_revision == head_revision()


def test_the_backup_file_holds_no_patient_data_in_clear(backup: Path) -> None:
    blob = backup.read_bytes()
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert secret.encode(encoding) not in blob, (secret, encoding)


def test_the_standard_sqlite3_module_cannot_read_the_database_in_the_backup(
    backup: Path, tmp_path: Path
) -> None:
    db = tmp_path / "member.db"
    db.write_bytes(read_member(backup, DATABASE))
    assert not db.read_bytes().startswith(b"SQLite format 3")
    assert not is_plain_sqlite_readable(db)
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(db) as conn:
        conn.execute("SELECT * FROM sqlite_master").fetchall()


def test_the_key_file_in_the_backup_holds_only_wrapped_keys(clinic: Clinic, backup: Path) -> None:
    keyfile = KeyFile.from_json(json.loads(read_member(backup, KEYS)))
    data_key = keyfile.unlock_with_recovery(keys_module.parse_recovery_key(clinic.recovery_key))
    blob = backup.read_bytes()
    assert data_key not in blob and data_key.hex().encode() not in blob
    assert keys_module.b64e(data_key).encode() not in blob


def test_a_backup_is_owner_only_and_leaves_no_temporary_files(backup: Path) -> None:
    assert backup.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in backup.parent.iterdir()] == [backup.name]


def test_progress_runs_forward_to_the_end(clinic: Clinic, tmp_path: Path) -> None:
    seen: list[tuple[str, float]] = []
    store = clinic.open()
    try:
        make_backup(store, tmp_path / "b", progress=lambda m, f: seen.append((m, f)))
    finally:
        store.close()
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert {"Copying the database", "Writing the backup"} <= {m for m, _ in seen}


def test_a_cancelled_backup_leaves_nothing_behind(clinic: Clinic, tmp_path: Path) -> None:
    class Cancelled(Exception):
        pass

    def progress(message: str, fraction: float) -> None:
        if message == "Writing the backup":
            raise Cancelled

    (tmp_path / "out").mkdir()
    store = clinic.open()
    try:
        with pytest.raises(Cancelled):
            make_backup(store, tmp_path / "out" / "b", progress=progress)
    finally:
        store.close()
    assert list((tmp_path / "out").iterdir()) == []
    assert not list(clinic.paths.root.glob(".backup-*"))


def test_a_folder_as_target_gets_a_dated_name(clinic: Clinic, tmp_path: Path) -> None:
    store = clinic.open()
    try:
        info = make_backup(store, tmp_path)
    finally:
        store.close()
    assert info.path.parent == tmp_path
    assert info.path.name.startswith("outpost-kisumu-clinic-")
    assert info.path.name.endswith("-manual.outpost-backup")


def test_a_manual_backup_creates_only_the_data_folders_own_backups_folder(
    clinic: Clinic, tmp_path: Path
) -> None:
    unplugged = tmp_path / "media" / "usb-stick"
    store = clinic.open()
    try:
        ours = make_backup(store, clinic.paths.backups / "before-update")
        with pytest.raises(BackupError, match="USB stick"):
            make_backup(store, unplugged / "evening")
    finally:
        store.close()
    assert ours.path == clinic.paths.backups / "before-update.outpost-backup"
    assert not unplugged.exists() and not (tmp_path / "media").exists()


def test_a_backup_never_overwrites_a_file_that_is_not_a_backup(
    clinic: Clinic, tmp_path: Path
) -> None:
    precious = tmp_path / "thesis.outpost-backup"
    precious.write_bytes(b"three years of work")
    store = clinic.open()
    try:
        with pytest.raises(BackupError, match="not an Outpost backup"):
            make_backup(store, precious)
    finally:
        store.close()
    assert precious.read_bytes() == b"three years of work"


def test_a_newer_backup_replaces_an_older_one_of_the_same_name(
    clinic: Clinic, backup: Path
) -> None:
    clinic.change_after_backup()
    store = clinic.open()
    try:
        info = make_backup(store, backup)
    finally:
        store.close()
    assert info.path == backup and verify_backup(backup).row_counts["patients"] == 2


def test_a_clinician_may_not_make_a_backup(clinic: Clinic, tmp_path: Path) -> None:
    store = clinic.open()
    store.actor = Actor(uuid.uuid4(), "nurse", "Nurse", Role.CLINICIAN, store.clinic_id)
    try:
        with pytest.raises(PermissionDenied, match="backups"):
            make_backup(store, tmp_path / "b")
    finally:
        store.close()
    assert not (tmp_path / "b.outpost-backup").exists()


def test_a_user_without_the_backup_permission_may_not_restore(
    clinic: Clinic, tmp_path: Path
) -> None:
    store = clinic.open()
    try:
        with store.session() as session, session.begin():
            session.add(
                User(
                    clinic_id=store.clinic_id,
                    username="nurse",
                    display_name="Nurse",
                    role=Role.CLINICIAN,
                )
            )
        store.set_password("nurse", "nurse password")
        target = make_backup(store, tmp_path / "b").path
    finally:
        store.close()
    before = files_under(clinic.paths.root)
    with pytest.raises(PermissionDenied, match="may not restore"):
        restore_backup(clinic.paths, target, username="nurse", password="nurse password")
    assert files_under(clinic.paths.root) == before


def test_restore_is_refused_while_the_store_is_open(clinic: Clinic, backup: Path) -> None:
    clinic.change_after_backup()
    store = clinic.open()
    try:
        with pytest.raises(BackupError, match="open"):
            restore_backup(clinic.paths, backup, recovery_key=clinic.recovery_key)
        with store.session() as session:
            assert session.scalars(select(Patient)).all()  # still working
    finally:
        store.close()
    assert clinic.names() == AFTER_BACKUP
    assert not (clinic.paths.root / JOURNAL).exists()


@pytest.mark.skipif(not (SAMPLE_0001 / "outpost.db").exists(), reason="no 0001 sample store")
def test_a_backup_of_an_older_schema_is_restored_and_upgraded_when_opened(
    tmp_path: Path,
) -> None:
    facts = json.loads((SAMPLE_0001 / "sample.json").read_text())
    if facts["revision"] == head_revision():
        pytest.skip("the sample is already at the newest schema")
    db = tmp_path / "work" / DATABASE
    db.parent.mkdir()
    shutil.copy2(SAMPLE_0001 / "outpost.db", db)
    keys_bytes = (SAMPLE_0001 / "keys.json").read_bytes()
    keyfile = KeyFile.from_json(json.loads(keys_bytes))
    key = keyfile.unlock_with_recovery(keys_module.parse_recovery_key(facts["recovery_key"]))
    db_facts = inspect_database(db, key)
    manifest = Manifest(
        format=FORMAT,
        store_id=db_facts.store_id,
        clinic_id=db_facts.clinic_id,
        clinic_name=db_facts.clinic_name,
        schema_revision=db_facts.schema_revision,
        created_at=T0,
        outpost_version="0.0.1",
        reason="manual",
        members={
            DATABASE: Member(hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_size),
            KEYS: Member(hashlib.sha256(keys_bytes).hexdigest(), len(keys_bytes)),
        },
        row_counts=db_facts.row_counts,
    )
    old = write_backup_file(Snapshot(db, keys_bytes, manifest), tmp_path / "old.outpost-backup")

    paths = DataPaths(tmp_path / "d")
    result = restore_backup(paths, old.path, username="admin", password=facts["password"])

    assert result.upgrade_needed and result.info.schema_revision == facts["revision"]
    store = unlock(paths, "admin", facts["password"])  # upgrades, after a safety copy
    try:
        with store.session() as session:
            names = {p.full_name for p in session.scalars(select(Patient))}
        with store.engine.connect() as conn:
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        store.close()
    assert names == set(facts["patients"]) and revision == head_revision()


# --- a full disk ------------------------------------------------------------------------------


def test_a_full_backup_disk_raises_disk_full_and_leaves_no_partial_file(
    clinic: Clinic, tmp_path: Path, tmpfs: Callable[[Path, int], Path]
) -> None:
    usb = tmpfs(tmp_path / "usb", 64)
    live = files_under(clinic.paths.root)
    store = clinic.open()
    try:
        with pytest.raises(DiskFull, match="disk is full"):
            make_backup(store, usb / "b")
    finally:
        store.close()
    assert list(usb.iterdir()) == []
    assert files_under(clinic.paths.root) == live
    assert clinic.names() == AT_BACKUP


def test_a_full_data_disk_raises_disk_full_and_leaves_the_store_working(
    template: tuple[Path, str], tmp_path: Path, tmpfs: Callable[[Path, int], Path]
) -> None:
    root, recovery_key = template
    db_kib = (root / "outpost.db").stat().st_size // 1024
    data = tmpfs(tmp_path / "data", db_kib + 96)  # room for the store, not for a copy of it
    for item in root.iterdir():
        shutil.copy2(item, data / item.name)
    clinic = Clinic(DataPaths(data), recovery_key)
    before = files_under(data)
    store = clinic.open()
    try:
        with pytest.raises(DiskFull, match="full"):
            make_backup(store, tmp_path / "b")
    finally:
        store.close()
    assert files_under(data) == before  # no work folder left, nothing changed
    assert not (tmp_path / "b.outpost-backup").exists()
    assert clinic.names() == AT_BACKUP


def test_disk_full_in_the_middle_of_writing_is_disk_full_everywhere(
    clinic: Clinic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as the tmpfs test, where mounting is not possible: ENOSPC after 64 KiB."""

    class FillingDisk:
        def __init__(self, handle: BinaryIO) -> None:
            self._handle, self._left = handle, 64 * 1024

        def write(self, data: bytes) -> int:
            self._left -= len(data)
            if self._left < 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self._handle.write(data)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._handle, name)

    real_pack = backup_write._pack

    def pack(handle: BinaryIO, *args: Any) -> None:
        real_pack(FillingDisk(handle), *args)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_write, "_pack", pack)
    (tmp_path / "out").mkdir()
    store = clinic.open()
    try:
        with pytest.raises(DiskFull, match="disk is full"):
            make_backup(store, tmp_path / "out" / "b")
    finally:
        store.close()
    assert list((tmp_path / "out").iterdir()) == []
    assert not list(clinic.paths.root.glob(".backup-*"))


# --- a crash in the middle of a restore -------------------------------------------------------

CRASH_STEPS = [
    "journal-written",
    "old-wal-set-aside",
    "old-database-kept",
    "database-swapped",
    "old-keys-kept",
    "keys-swapped",
]
_KILL_AT = """
import os, signal, sys
from pathlib import Path
from desktop.paths import DataPaths
from desktop.services import backup_restore

def crash(step):
    if step == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)

backup_restore._crash_point = crash
backup_restore.restore_backup(
    DataPaths(Path(sys.argv[1])), Path(sys.argv[2]), recovery_key=os.environ["RECOVERY_KEY"]
)
sys.exit(3)
"""


@pytest.mark.parametrize("step", CRASH_STEPS)
def test_a_restore_killed_at_any_step_leaves_a_working_store_and_is_finished_later(
    clinic: Clinic, backup: Path, step: str
) -> None:
    clinic.change_after_backup()
    old_db = clinic.paths.database.read_bytes()
    _kill_restore_at(clinic, backup, step)
    assert (clinic.paths.root / JOURNAL).exists()

    # Opening the store first finishes the interrupted restore from its journal, whatever
    # step the kill hit: the restored data, never a mix.
    assert clinic.names() == AT_BACKUP
    asides = list(clinic.paths.root.glob("replaced-before-restore-*"))
    assert len(asides) == 1 and (asides[0] / DATABASE).read_bytes() == old_db
    assert names_in_database(asides[0] / DATABASE, asides[0] / KEYS, clinic.recovery_key) == (
        AFTER_BACKUP
    )
    assert not (clinic.paths.root / JOURNAL).exists()
    assert not list(clinic.paths.root.glob(STAGING_PREFIX + "*"))
    assert recover_interrupted_restore(clinic.paths) is None  # nothing left to do


def _kill_restore_at(clinic: Clinic, backup: Path, step: str) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", _KILL_AT, str(clinic.paths.root), str(backup), step],
        env={**os.environ, "RECOVERY_KEY": clinic.recovery_key},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()


def test_a_new_restore_first_finishes_one_that_was_interrupted(
    clinic: Clinic, backup: Path
) -> None:
    clinic.change_after_backup()
    _kill_restore_at(clinic, backup, "database-swapped")
    first_aside = next(clinic.paths.root.glob("replaced-before-restore-*"))
    assert not (first_aside / KEYS).exists()  # the old key file was not reached yet

    restore_backup(clinic.paths, backup, recovery_key=clinic.recovery_key)

    assert clinic.names() == AT_BACKUP
    assert names_in_database(first_aside / DATABASE, first_aside / KEYS, clinic.recovery_key) == (
        AFTER_BACKUP
    )
    assert not list(clinic.paths.root.glob(STAGING_PREFIX + "*"))


_KILLED_WHILE_OPEN = """
import os, signal, sys
from pathlib import Path
from desktop.paths import DataPaths
from desktop.store.models import Patient
from desktop.store.store import unlock_with_recovery

store = unlock_with_recovery(DataPaths(Path(sys.argv[1])), os.environ["RECOVERY_KEY"])
with store.session() as session, session.begin():
    session.add(Patient(clinic_id=store.clinic_id, given_name="Akinyi", family_name="Achieng"))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_restoring_another_stores_backup_over_a_crashed_store_keeps_its_wal_with_it(
    clinic: Clinic, tmp_path: Path
) -> None:
    # The clinic's Outpost was killed after a commit: that commit lives only in the -wal.
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_WHILE_OPEN, str(clinic.paths.root)],
        env={**os.environ, "RECOVERY_KEY": clinic.recovery_key},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert Path(f"{clinic.paths.database}-wal").stat().st_size > 0
    # A backup of another store (another data key) is restored over it.
    other_paths = DataPaths(tmp_path / "other")
    other, other_recovery = create(
        other_paths,
        clinic_name="Bondo Clinic",
        admin_username="admin",
        admin_display_name="Admin",
        password=PASSWORD,
    )
    try:
        other_backup = make_backup(other, tmp_path / "other.outpost-backup").path
    finally:
        other.close()

    # An administrator of the live store authorises; the other store's recovery key opens it.
    result = restore_backup(
        clinic.paths,
        other_backup,
        username="admin",
        password=PASSWORD,
        backup_credentials=BackupCredentials(recovery_key=other_recovery),
        confirm_clinic="Bondo Clinic",
    )

    assert Clinic(clinic.paths, other_recovery).names() == []  # the other store, intact
    assert result.kept_aside is not None
    kept = Clinic(DataPaths(result.kept_aside), clinic.recovery_key)
    assert kept.names() == ["Akinyi Achieng", "Wanjiru Kamau"]  # with its WAL's commit


def test_a_store_opened_after_a_crash_mid_restore_is_the_restored_one_never_a_mix(
    clinic: Clinic, backup: Path
) -> None:
    clinic.change_after_backup()
    _kill_restore_at(clinic, backup, "journal-written")
    # The next program to open the store (killed here with a commit in its WAL) first
    # finishes the restore, so its commit lands in the restored store; the old WAL, whose
    # pages would decrypt with the same key, is never mixed in.
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_WHILE_OPEN, str(clinic.paths.root)],
        env={**os.environ, "RECOVERY_KEY": clinic.recovery_key},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()

    assert recover_interrupted_restore(clinic.paths) is None  # already finished on open
    assert clinic.names() == sorted([*AT_BACKUP, "Akinyi Achieng"])
    aside = next(clinic.paths.root.glob("replaced-before-restore-*"))
    kept = Clinic(DataPaths(aside), clinic.recovery_key)
    assert kept.names() == AFTER_BACKUP


# --- automatic backups ------------------------------------------------------------------------


def test_auto_backup_writes_to_the_data_folder_and_the_second_folder(
    clinic: Clinic, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    settings = Settings(backup_dirs=[str(usb)])
    store = clinic.open()
    try:
        result = auto_backup(store, settings, reason="close", now=T0)
    finally:
        store.close()
    assert result.ok and result.warnings == []
    assert [p.parent for p in result.written] == [clinic.paths.backups, usb]
    for path in result.written:
        assert path.name.startswith("outpost-kisumu-clinic-")
        assert path.name.endswith("-20260302T180000Z-close.outpost-backup")
        assert verify_backup(path, recovery_key=clinic.recovery_key).reason == "close"


def test_auto_backup_rotates_each_folder_down_to_the_number_to_keep(
    clinic: Clinic, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    settings = Settings(backup_dirs=[str(usb)], backups_to_keep=2)
    store = clinic.open()
    try:
        for day in range(3):
            result = auto_backup(store, settings, reason="daily", now=T0 + dt.timedelta(days=day))
        store_id = store.keyfile.store_id
    finally:
        store.close()
    assert len(result.removed) == 2  # the first day's backup, in each folder
    for folder in (clinic.paths.backups, usb):
        kept = [b.created_at for b in list_auto_backups(folder, store_id)]
        assert kept == [T0 + dt.timedelta(days=2), T0 + dt.timedelta(days=1)]


def test_a_missing_second_folder_does_not_fail_auto_backup(clinic: Clinic, tmp_path: Path) -> None:
    unplugged = tmp_path / "media" / "usb-stick"
    store = clinic.open()
    try:
        result = auto_backup(store, Settings(backup_dirs=[str(unplugged)]), reason="close")
    finally:
        store.close()
    assert [p.parent for p in result.written] == [clinic.paths.backups]
    assert any("not available" in w and str(unplugged) in w for w in result.warnings)
    assert result.failures == []  # a stick not plugged in is advice, not a failure
    assert not unplugged.exists()  # a missing stick's folder is never created on the laptop


def test_a_full_second_folder_does_not_fail_auto_backup(
    clinic: Clinic, tmp_path: Path, tmpfs: Callable[[Path, int], Path]
) -> None:
    usb = tmpfs(tmp_path / "usb", 64)
    store = clinic.open()
    try:
        result = auto_backup(store, Settings(backup_dirs=[str(usb)]), reason="close")
    finally:
        store.close()
    assert [p.parent for p in result.written] == [clinic.paths.backups]
    assert any("disk is full" in w for w in result.warnings)
    assert any("disk is full" in f for f in result.failures)  # this one did go wrong
    assert list(usb.iterdir()) == []


def test_a_failing_snapshot_is_a_warning_not_an_exception(
    clinic: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(self: Store, target: Path, **_: object) -> None:
        raise DiskFull("The disk holding the data folder is full; the copy was not made.")

    monkeypatch.setattr(Store, "copy_to", no_space)
    store = clinic.open()
    try:
        result = auto_backup(store, Settings(), reason="close")
    finally:
        store.close()
    assert not result.ok and any("could not be made" in w for w in result.warnings)
    assert result.failures


def test_with_no_second_folder_the_single_location_warning_is_given(
    clinic: Clinic, tmp_path: Path
) -> None:
    assert backup_locations(clinic.paths, Settings()) == [clinic.paths.backups]
    assert backup_locations_warning(clinic.paths, Settings()) == SINGLE_FOLDER_WARNING
    inside = Settings(backup_dirs=[str(clinic.paths.root / "more-backups")])
    assert backup_locations_warning(clinic.paths, inside) == SINGLE_FOLDER_WARNING
    usb = tmp_path / "usb"
    assert "not available" in (
        backup_locations_warning(clinic.paths, Settings(backup_dirs=[str(usb)])) or ""
    )
    usb.mkdir()
    assert backup_locations_warning(clinic.paths, Settings(backup_dirs=[str(usb)])) is None
    store = clinic.open()
    try:
        result = auto_backup(store, Settings(), reason="close")
    finally:
        store.close()
    assert result.ok and result.warnings == [SINGLE_FOLDER_WARNING]
    assert result.failures == []  # advice only: nothing needs attention (defect 23)


def test_a_daily_backup_is_due_only_after_24_hours_without_one(clinic: Clinic) -> None:
    settings = Settings()
    store = clinic.open()
    try:
        assert daily_backup_due(store, settings, now=T0)
        auto_backup(store, settings, reason="close", now=T0)
        assert not daily_backup_due(store, settings, now=T0 + dt.timedelta(hours=23))
        assert daily_backup_due(store, settings, now=T0 + dt.timedelta(hours=25))
        # A backup named in the future (the clock was wrong) does not count.
        assert daily_backup_due(store, settings, now=T0 - dt.timedelta(days=30))
        assert not daily_backup_due(
            store, Settings(daily_backup=False), now=T0 + dt.timedelta(days=9)
        )
    finally:
        store.close()


# --- rotation, on names alone -------------------------------------------------------------------

STORE_ID = "01a203f7-bbd2-797f-a9ea-fd1e5173b952"
OTHER_STORE_ID = "01a203f7-bbd2-797f-a9ea-0123456789ab"


def _auto_file(
    folder: Path, when: dt.datetime, *, store_id: str = STORE_ID, reason: str = "close"
) -> Path:
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"outpost-kisumu-clinic-{store_tag(store_id)}-{stamp}-{reason}.outpost-backup"
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_the_newest_and_never_touches_anything_else(tmp_path: Path) -> None:
    ours = [_auto_file(tmp_path, T0 + dt.timedelta(minutes=10 * i)) for i in range(6)]
    others = [
        _auto_file(tmp_path, T0 - dt.timedelta(days=9), store_id=OTHER_STORE_ID),
        _auto_file(tmp_path, T0 - dt.timedelta(days=9), reason="manual"),
        tmp_path / "notes.txt",
        tmp_path / "before-upgrade-from-0001-20260101T000000Z.db",
        tmp_path / "outpost-kisumu-clinic-fd1e5173-yesterday-close.outpost-backup",
        tmp_path / "my-own-copy.outpost-backup",
    ]
    for path in others[2:]:
        path.write_bytes(b"keep me")
    (tmp_path / "a-folder").mkdir()

    removed = rotate_backups(tmp_path, STORE_ID, 3)

    assert sorted(removed) == sorted(ours[:3])
    assert all(p.exists() for p in ours[3:] + others)
    assert (tmp_path / "a-folder").is_dir()


def test_rotation_keeps_one_backup_per_recent_day_before_more_of_the_same_day(
    tmp_path: Path,
) -> None:
    today = [_auto_file(tmp_path, T0 + dt.timedelta(hours=h)) for h in range(5)]
    earlier = [_auto_file(tmp_path, T0 - dt.timedelta(days=d)) for d in (1, 2, 3)]
    rotate_backups(tmp_path, STORE_ID, 4)
    assert sorted(p for p in tmp_path.iterdir()) == sorted([today[-1], *earlier])


def test_rotation_never_removes_the_backup_just_written_when_the_clock_is_behind(
    tmp_path: Path,
) -> None:
    older_names = [_auto_file(tmp_path, T0 + dt.timedelta(days=d)) for d in range(3)]
    just_written = _auto_file(tmp_path, dt.datetime(2001, 1, 1, tzinfo=dt.UTC))
    rotate_backups(tmp_path, STORE_ID, 2, protect=just_written)
    assert sorted(tmp_path.iterdir()) == sorted([just_written, older_names[-1]])


def test_repeated_wrong_passwords_on_a_backup_are_slowed_down(clinic: Clinic, backup: Path) -> None:
    from desktop.errors import LoginThrottled

    before = clinic.paths.database.read_bytes()
    for _ in range(3):
        with pytest.raises(WrongPassword):
            restore_backup(clinic.paths, backup, username="admin", password="a guess here")
    with pytest.raises(LoginThrottled, match="Wait"):
        restore_backup(clinic.paths, backup, username="admin", password=PASSWORD)
    assert clinic.paths.database.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_restoring_a_named_pipe_is_refused_at_once_instead_of_waiting_forever(
    tmp_path: Path,
) -> None:
    from tests.hostile import assert_one_clear_line, run_outpost

    pipe = tmp_path / "nothing-writes-here.outpost-backup"
    os.mkfifo(pipe)
    # Before the fix this waited for a writer that never comes: the timeout is the finding.
    ran = run_outpost(tmp_path / "clinic", "restore", str(pipe), stdin=PASSWORD + "\n", timeout=60)
    assert_one_clear_line(ran, says="not a regular file")
    ran = run_outpost(tmp_path / "clinic", "restore", "/dev/zero", stdin=PASSWORD + "\n")
    assert_one_clear_line(ran, says="not a regular file")
