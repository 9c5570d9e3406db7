"""Who may restore a backup: an administrator of the store it replaces, never the backup's
accounts as they were (issue 8, item 1), and the backup's own credentials only on a laptop
with no store yet, throttled (item 3).

The attack: a coordinator makes a backup, is disabled, patients are registered, and he
restores his backup with the password he had then, signs in again, and the patients
registered since are gone from the live store.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from desktop.core import ClinicCore
from desktop.errors import LoginThrottled, PermissionDenied, WrongPassword
from desktop.paths import DataPaths
from desktop.services.backup_restore import (
    BackupCredentials,
    BackupCredentialsNeeded,
    OtherClinic,
    has_live_store,
    restore_backup,
)
from desktop.services.backup_write import make_backup
from desktop.store import store as store_module
from desktop.store.damage import MARKER_NAME
from desktop.store.keyfile import KeyFile
from desktop.store.models import Patient, Role
from tests.hostile import assert_one_clear_line, run_outpost, store_bytes

PASSWORD = "correct horse battery"
DAN_THEN = "dans password back then"
CLINIC = "Kisumu Health Post"


def _add_patient(core: ClinicCore, given: str) -> None:
    store = core.store
    with store.session() as session, session.begin():
        session.add(Patient(clinic_id=store.clinic_id, given_name=given, family_name="Test"))


def _names(paths: DataPaths, username: str = "admin", password: str = PASSWORD) -> list[str]:
    store = store_module.unlock(paths, username, password)
    try:
        with store.session() as session:
            return sorted(p.given_name for p in session.query(Patient))
    finally:
        store.close()


class Scene:
    """A clinic where dan (coordinator) made a backup, was disabled, and Otieno came later."""

    def __init__(self, root: Path, backup: Path) -> None:
        self.paths = DataPaths(root)
        self.backup = backup


@pytest.fixture(scope="module")
def scene_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("scene")
    paths = DataPaths(base / "clinic")
    store, _recovery = store_module.create(
        paths, clinic_name=CLINIC, admin_username="admin", admin_display_name="", password=PASSWORD
    )
    core = ClinicCore.from_store(store)
    try:
        core.admin.add_user(
            username="dan", display_name="Dan", role=Role.COORDINATOR, password=DAN_THEN
        )
        _add_patient(core, "Wanjiru")
        backup = make_backup(store, base / "dan.outpost-backup").path  # dan's copy
        core.admin.set_user_active("dan", False)
        _add_patient(core, "Otieno")  # registered after the backup
    finally:
        core.close()
    return paths.root, backup


@pytest.fixture
def scene(scene_template: tuple[Path, Path], tmp_path: Path) -> Scene:
    root, backup = scene_template
    shutil.copytree(root, tmp_path / "clinic")
    shutil.copy2(backup, tmp_path / backup.name)
    return Scene(tmp_path / "clinic", tmp_path / backup.name)


# --- the disabled coordinator -------------------------------------------------------------------


def test_a_disabled_coordinator_cannot_restore_his_old_backup_from_the_command_line(
    scene: Scene,
) -> None:
    before = store_bytes(scene.paths.root)
    ran = run_outpost(
        scene.paths.root, "restore", str(scene.backup), user="dan", stdin=DAN_THEN + "\n"
    )
    assert_one_clear_line(ran, says="administrator of that store")
    assert store_bytes(scene.paths.root) == before
    assert _names(scene.paths) == ["Otieno", "Wanjiru"]


def test_a_disabled_account_whose_key_slot_survived_is_still_refused_by_the_live_database(
    scene: Scene,
) -> None:
    # A copy of an older key file put back (keys.json.bak from a USB stick, say) gives dan his
    # slot in the live keys.json again: his old password opens it, but the store was re-keyed
    # when he was disabled, and the live database says he is disabled anyway.
    from desktop.services.backup_format import read_backup

    with_slot = KeyFile.load(scene.paths.keyfile)
    with_slot.users["dan"] = read_backup(scene.backup).keyfile.users["dan"]
    with_slot.save(scene.paths.keyfile)
    before = store_bytes(scene.paths.root)
    with pytest.raises((PermissionDenied, WrongPassword)) as caught:
        restore_backup(scene.paths, scene.backup, username="dan", password=DAN_THEN)
    assert "Nothing was changed" in str(caught.value)
    assert store_bytes(scene.paths.root) == before
    assert _names(scene.paths) == ["Otieno", "Wanjiru"]


def test_the_backups_own_password_does_not_authorise_a_restore_over_a_live_store(
    scene: Scene,
) -> None:
    # The backup's recovery key or passwords are no authority over a store that exists.
    with pytest.raises(WrongPassword, match="administrator"):
        restore_backup(
            scene.paths,
            scene.backup,
            username="dan",
            password=DAN_THEN,
            backup_credentials=BackupCredentials(username="dan", password=DAN_THEN),
        )


def test_an_administrator_restoring_keeps_him_disabled_and_re_keys_the_store(
    scene: Scene,
) -> None:
    from desktop.services.backup_format import read_backup

    dans_old_keyfile = read_backup(scene.backup).keyfile  # the key file dan may have kept
    result = restore_backup(scene.paths, scene.backup, username="admin", password=PASSWORD)

    assert result.authorised_by == "admin" and result.authorised_by_live_store
    assert result.kept_disabled == ("dan",)
    assert result.rekeyed
    assert _names(scene.paths) == ["Wanjiru"]  # what the administrator chose to restore
    with pytest.raises((WrongPassword, PermissionDenied)):
        store_module.unlock(scene.paths, "dan", DAN_THEN)
    assert "dan" not in KeyFile.load(scene.paths.keyfile).users
    # His old key file still unwraps the backup's data key, which no longer opens the store.
    old_key = dans_old_keyfile.unlock_with_password("dan", DAN_THEN)
    conn = sqlcipher3.dbapi2.connect(str(scene.paths.database))
    try:
        conn.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
        with pytest.raises(sqlcipher3.dbapi2.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    store = store_module.unlock(scene.paths, "admin", PASSWORD)
    try:
        with store.session() as session:
            from desktop.store.models import AuditEvent, OutboxEntry, User

            dan = session.query(User).filter_by(username="dan").one()
            assert not dan.active
            # Kept disabled as any disable is: audited, and queued for the clinic's laptops.
            kept = session.query(AuditEvent).filter_by(action="restore-kept-disabled").one()
            assert kept.entity_id == dan.id
            assert session.query(OutboxEntry).filter_by(entity_id=dan.id).count() >= 1
    finally:
        store.close()


def test_the_command_line_names_who_authorised_and_who_stayed_disabled(scene: Scene) -> None:
    ran = run_outpost(
        scene.paths.root, "restore", str(scene.backup), user="admin", stdin=PASSWORD + "\n"
    )
    assert ran.code == 0, ran.err
    assert "Authorised by admin" in ran.out
    assert "Kept disabled, as the replaced store had them: dan." in ran.out
    assert "re-keyed" in ran.out


def test_a_restore_of_the_same_store_needs_only_the_administrators_password(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "clinic")
    store, _ = store_module.create(
        paths, clinic_name=CLINIC, admin_username="admin", admin_display_name="", password=PASSWORD
    )
    try:
        backup = make_backup(store, tmp_path / "b.outpost-backup").path
    finally:
        store.close()
    asked: list[str] = []

    def ask() -> BackupCredentials:
        asked.append("asked")
        return BackupCredentials()

    result = restore_backup(
        paths, backup, username="admin", password=PASSWORD, backup_credentials=ask
    )
    assert asked == []  # the live key opens it: nothing more is asked
    assert result.kept_disabled == () and not result.rekeyed


# --- a new laptop: the backup's own credentials, throttled ---------------------------------------


def test_a_restore_into_an_empty_folder_is_throttled(scene: Scene, tmp_path: Path) -> None:
    fresh = DataPaths(tmp_path / "new-laptop")
    assert not fresh.root.exists()
    assert not has_live_store(fresh)
    for _ in range(3):
        with pytest.raises(WrongPassword):
            restore_backup(fresh, scene.backup, username="admin", password="a wrong guess")
    # The fourth attempt waits, even with the right password.
    with pytest.raises(LoginThrottled):
        restore_backup(fresh, scene.backup, username="admin", password=PASSWORD)
    assert not fresh.database.exists()


def test_a_restore_into_an_empty_folder_opens_with_the_backups_own_password(
    scene: Scene, tmp_path: Path
) -> None:
    fresh = DataPaths(tmp_path / "new-laptop")
    result = restore_backup(fresh, scene.backup, username="admin", password=PASSWORD)
    assert result.authorised_by == "admin" and not result.authorised_by_live_store
    assert (fresh.root.stat().st_mode & 0o777) == 0o700
    assert _names(fresh) == ["Wanjiru"]


# --- another clinic's backup ---------------------------------------------------------------------


@pytest.fixture
def other_clinic_backup(tmp_path: Path) -> Path:
    paths = DataPaths(tmp_path / "bondo")
    store, _ = store_module.create(
        paths,
        clinic_name="Bondo Clinic",
        admin_username="admin",
        admin_display_name="",
        password="bondo admin password",
    )
    try:
        return make_backup(store, tmp_path / "bondo.outpost-backup").path
    finally:
        store.close()


def test_another_clinics_backup_is_refused_without_confirming_it_by_name(
    scene: Scene, other_clinic_backup: Path
) -> None:
    before = store_bytes(scene.paths.root)
    ran = run_outpost(scene.paths.root, "restore", str(other_clinic_backup), stdin=PASSWORD + "\n")
    assert_one_clear_line(ran, says='--confirm-clinic "Bondo Clinic"')
    assert "Bondo Clinic" in ran.err and CLINIC in ran.err
    ran = run_outpost(
        scene.paths.root,
        "restore",
        str(other_clinic_backup),
        "--confirm-clinic",
        "Somewhere Else",
        stdin=PASSWORD + "\n",
    )
    assert_one_clear_line(ran, says="another clinic")
    assert store_bytes(scene.paths.root) == before


def test_another_clinics_backup_is_restored_once_confirmed_with_its_own_password(
    scene: Scene, other_clinic_backup: Path
) -> None:
    # The first line authorises (this store's admin); the second opens the other backup.
    ran = run_outpost(
        scene.paths.root,
        "restore",
        str(other_clinic_backup),
        "--confirm-clinic",
        "bondo clinic",
        stdin=PASSWORD + "\nbondo admin password\n",
    )
    assert ran.code == 0, ran.err
    assert "Authorised by admin" in ran.out
    assert _names(scene.paths, password="bondo admin password") == []


def test_another_clinics_backup_without_its_own_credentials_says_what_is_needed(
    scene: Scene, other_clinic_backup: Path
) -> None:
    before = store_bytes(scene.paths.root)
    with pytest.raises(BackupCredentialsNeeded, match="as it was when the backup was made"):
        restore_backup(
            scene.paths,
            other_clinic_backup,
            username="admin",
            password=PASSWORD,
            confirm_clinic="Bondo Clinic",
        )
    with pytest.raises(OtherClinic):
        restore_backup(scene.paths, other_clinic_backup, username="admin", password=PASSWORD)
    assert store_bytes(scene.paths.root) == before
    assert not list(scene.paths.root.glob(".restore-*"))


# --- what the GUI asks for, found before anyone types ---------------------------------------------


def test_the_preview_says_when_the_live_key_opens_the_backup_and_when_it_is_another_clinic(
    scene: Scene, other_clinic_backup: Path, tmp_path: Path
) -> None:
    from desktop.services.backup_restore import RestorePreview, preview_restore

    store = store_module.unlock(scene.paths, "admin", PASSWORD)
    try:
        fresh_backup = make_backup(store, tmp_path / "now.outpost-backup").path

        def preview(path: Path) -> RestorePreview:
            return preview_restore(
                path,
                data_key=store.data_key,
                store_id=store.keyfile.store_id,
                clinic_name=CLINIC,
                workdir=scene.paths.root,
            )

        now, before_rekey, other = (
            preview(fresh_backup),
            preview(scene.backup),
            preview(other_clinic_backup),
        )
    finally:
        store.close()
    assert now.opens_with_live_key and not now.other_clinic
    # Made before dan was disabled (which re-keyed the store): its own password is needed.
    assert not before_rekey.opens_with_live_key and not before_rekey.other_clinic
    assert not other.opens_with_live_key and other.other_clinic
    assert other.info.clinic_name == "Bondo Clinic"
    assert not list(scene.paths.root.glob(".restore-*"))  # its page copy is gone


# --- a backup from before the key-file format that a re-key can renew -----------------------------

SAMPLE_0001 = Path(__file__).parent / "fixtures" / "stores" / "0001"


@pytest.mark.skipif(not (SAMPLE_0001 / "outpost.db").exists(), reason="no 0001 sample store")
def test_an_older_backup_with_a_disabled_account_keeps_its_administrator_able_to_sign_in(
    tmp_path: Path,
) -> None:
    _restore_the_older_backup_twice(tmp_path)


@pytest.mark.skipif(not (SAMPLE_0001 / "outpost.db").exists(), reason="no 0001 sample store")
def test_two_upgrades_from_one_revision_within_a_second_each_keep_their_safety_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The safety copy before an upgrade is named to the second. Both sign-ins of the scene
    # upgrade the restored 0001 database; on a fast laptop they fall within one second. The
    # second copy used to be made over the first (`VACUUM INTO` an existing file, under the
    # key from before the re-key: "file is not a database"), which failed the sign-in,
    # removed the first copy and marked the healthy store damaged.
    import datetime as dt
    import types

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Frozen:
            return cls(2026, 12, 2, 5, 0, 0, tzinfo=tz)

    monkeypatch.setattr(store_module, "dt", types.SimpleNamespace(datetime=Frozen, UTC=dt.UTC))
    paths = _restore_the_older_backup_twice(tmp_path)

    copies = sorted(p.name for p in paths.backups.glob("before-upgrade-from-0001-*.db"))
    assert copies == [
        "before-upgrade-from-0001-20261202T050000Z-2.db",
        "before-upgrade-from-0001-20261202T050000Z.db",
    ]
    assert all((paths.backups / name).stat().st_size > 0 for name in copies)
    assert not (paths.root / MARKER_NAME).exists()  # the store was never damaged


def test_a_staged_re_key_that_leaves_a_page_under_the_old_key_fails_the_restore(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever the cause (another connection writing with the old key, a stale WAL), a
    # re-encrypted database with one page still under the old key must never be put in place:
    # the re-key checks every page under the new key before any key file takes it.
    from desktop.errors import StoreError
    from desktop.store import rekey as rekey_module

    real = rekey_module._reencrypt

    def leaves_an_old_page(store: store_module.Store, new_key: bytes, progress: Any) -> None:
        db = store.paths.database
        before = db.read_bytes()  # every page in the file is still under the old key
        real(store, new_key, progress)
        with open(db, "r+b") as handle:
            handle.seek(4096)
            handle.write(before[4096:8192])  # page 2, as it was

    monkeypatch.setattr(rekey_module, "_reencrypt", leaves_an_old_page)
    before = store_bytes(scene.paths.root)
    with pytest.raises(StoreError, match="do not open with the new key"):
        restore_backup(scene.paths, scene.backup, username="admin", password=PASSWORD)
    assert store_bytes(scene.paths.root) == before
    assert not list(scene.paths.root.glob(".restore-*"))
    assert _names(scene.paths) == ["Otieno", "Wanjiru"]


def _restore_the_older_backup_twice(tmp_path: Path) -> DataPaths:
    """The clinic restores an old (schema 0001) backup, signs in, disables dan (a re-key),
    restores the same backup again (dan kept disabled: a re-key of the staged copy) and signs
    in again: both sign-ins upgrade the restored database."""
    import datetime as dt
    import hashlib
    import json
    import uuid

    from desktop.services.backup_check import inspect_database
    from desktop.services.backup_format import DATABASE, FORMAT, KEYS, Manifest, Member
    from desktop.services.backup_write import Snapshot, write_backup_file
    from desktop.store import keys as keys_module

    facts = json.loads((SAMPLE_0001 / "sample.json").read_text())
    sample_password = facts["password"]
    db = tmp_path / "work" / DATABASE
    db.parent.mkdir()
    shutil.copy2(SAMPLE_0001 / "outpost.db", db)
    keys_bytes = (SAMPLE_0001 / "keys.json").read_bytes()  # an older key-file format
    key = KeyFile.from_json(json.loads(keys_bytes)).unlock_with_recovery(
        keys_module.parse_recovery_key(facts["recovery_key"])
    )
    # dan, a coordinator in that old backup.
    conn = sqlcipher3.dbapi2.connect(str(db), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        columns = [row[1] for row in conn.execute("PRAGMA table_info(users)")]
        admin = dict(
            zip(columns, conn.execute("SELECT * FROM users LIMIT 1").fetchone(), strict=True)
        )
        admin.update(pk=None, id=uuid.uuid4().hex, username="dan", role="COORDINATOR")
        if str(conn.execute("SELECT role FROM users LIMIT 1").fetchone()[0]).islower():
            admin["role"] = "coordinator"
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        conn.execute(f"INSERT INTO users ({names}) VALUES ({marks})", [admin[c] for c in columns])
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    found = inspect_database(db, key)
    manifest = Manifest(
        format=FORMAT,
        store_id=found.store_id,
        clinic_id=found.clinic_id,
        clinic_name=found.clinic_name,
        schema_revision=found.schema_revision,
        created_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        outpost_version="0.0.1",
        reason="manual",
        members={
            DATABASE: Member(hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_size),
            KEYS: Member(hashlib.sha256(keys_bytes).hexdigest(), len(keys_bytes)),
        },
        row_counts=found.row_counts,
    )
    old = write_backup_file(Snapshot(db, keys_bytes, manifest), tmp_path / "old.outpost-backup")

    # The clinic restored it on this laptop, then disabled dan (which re-keyed the store).
    paths = DataPaths(tmp_path / "clinic")
    restore_backup(paths, old.path, username="admin", password=sample_password)
    core = ClinicCore.unlock(paths, "admin", sample_password)
    try:
        core.admin.set_user_active("dan", False)
    finally:
        core.close()

    result = restore_backup(paths, old.path, username="admin", password=sample_password)

    assert result.kept_disabled == ("dan",) and result.rekeyed
    assert "admin" not in result.dropped_users  # renewed from the password just proven
    store = store_module.unlock(paths, "admin", sample_password)
    store.close()
    # The old format's recovery slot could not be renewed: a new key, which opens the store.
    assert result.new_recovery_key
    store = store_module.unlock_with_recovery(paths, result.new_recovery_key)
    store.close()
    return paths


# --- the live key file as a second authority (review #2) ------------------------------------------


def _opens(db: Path, key: bytes) -> bool:
    conn = sqlcipher3.dbapi2.connect(str(db))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.dbapi2.DatabaseError:
        return False
    finally:
        conn.close()


def _assert_dan_is_locked_out(paths: DataPaths, backup: Path) -> None:
    from desktop.services.backup_format import read_backup

    with pytest.raises((WrongPassword, PermissionDenied)):
        store_module.unlock(paths, "dan", DAN_THEN)
    assert "dan" not in KeyFile.load(paths.keyfile).users
    old_key = read_backup(backup).keyfile.unlock_with_password("dan", DAN_THEN)
    assert not _opens(paths.database, old_key)  # his stolen key file opens nothing now


def test_a_restore_over_a_store_whose_users_table_is_damaged_keeps_him_disabled_and_re_keys(
    scene: Scene,
) -> None:
    # One byte of the live users table flipped: the live database cannot say who is disabled;
    # its key file (no entry for dan since he was disabled) still can.
    store = store_module.unlock(scene.paths, "admin", PASSWORD)
    key = store.data_key
    store.close()
    conn = sqlcipher3.dbapi2.connect(str(scene.paths.database))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'users'").fetchone()
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    with open(scene.paths.database, "r+b") as handle:
        handle.seek((root[0] - 1) * page_size + 200)
        byte = handle.read(1)
        handle.seek((root[0] - 1) * page_size + 200)
        handle.write(bytes([byte[0] ^ 1]))

    result = restore_backup(scene.paths, scene.backup, username="admin", password=PASSWORD)

    assert result.kept_disabled == ("dan",)
    assert result.rekeyed
    _assert_dan_is_locked_out(scene.paths, scene.backup)
    assert _names(scene.paths) == ["Wanjiru"]


def test_an_account_whose_disable_crashed_before_it_was_marked_stays_disabled_after_a_restore(
    tmp_path: Path,
) -> None:
    # A disable re-keys the store without dan's entry first, then marks him disabled: a crash
    # between the two leaves dan shown active in the live database, with no key-file entry.
    paths = DataPaths(tmp_path / "clinic")
    store, _ = store_module.create(
        paths, clinic_name=CLINIC, admin_username="admin", admin_display_name="", password=PASSWORD
    )
    core = ClinicCore.from_store(store)
    try:
        core.admin.add_user(
            username="dan", display_name="Dan", role=Role.COORDINATOR, password=DAN_THEN
        )
        backup = make_backup(store, tmp_path / "dan.outpost-backup").path
        core.admin.rekey(_remove=("dan",))  # the crash: never marked disabled
    finally:
        core.close()

    result = restore_backup(paths, backup, username="admin", password=PASSWORD)

    assert result.kept_disabled == ("dan",)
    assert result.rekeyed
    _assert_dan_is_locked_out(paths, backup)


# --- a damaged key file is no "new laptop" (review #3) --------------------------------------------


def _damage_key_files(paths: DataPaths) -> None:
    for name in ("keys.json", "keys.json.bak"):
        (paths.root / name).write_text("garbage")


def test_a_disabled_coordinator_who_damages_the_key_file_cannot_restore_his_old_backup(
    scene: Scene,
) -> None:
    from desktop.services.backup_restore import KeyFileDamaged

    _damage_key_files(scene.paths)
    before = store_bytes(scene.paths.root)
    with pytest.raises(KeyFileDamaged, match="recovery key"):
        restore_backup(scene.paths, scene.backup, username="dan", password=DAN_THEN)
    with pytest.raises(KeyFileDamaged):  # nor with the password given as the backup's own
        restore_backup(
            scene.paths,
            scene.backup,
            backup_credentials=BackupCredentials(username="dan", password=DAN_THEN),
        )
    ran = run_outpost(
        scene.paths.root, "restore", str(scene.backup), user="dan", stdin=DAN_THEN + "\n"
    )
    assert_one_clear_line(ran, says="key file")
    assert "--recovery-key" in ran.err and "Nothing was changed" in ran.err
    # A missing key file is no different from a damaged one.
    for name in ("keys.json", "keys.json.bak"):
        (scene.paths.root / name).unlink()
    with pytest.raises(KeyFileDamaged):
        restore_backup(scene.paths, scene.backup, username="dan", password=DAN_THEN)
    for name in ("keys.json", "keys.json.bak"):
        (scene.paths.root / name).write_text("garbage")
    assert store_bytes(scene.paths.root) == before
    assert not list(scene.paths.root.glob(".restore-*"))


def test_over_a_damaged_key_file_the_backups_recovery_key_restores_and_says_a_store_was_replaced(
    tmp_path: Path,
) -> None:
    paths = DataPaths(tmp_path / "clinic")
    store, recovery = store_module.create(
        paths, clinic_name=CLINIC, admin_username="admin", admin_display_name="", password=PASSWORD
    )
    try:
        backup = make_backup(store, tmp_path / "b.outpost-backup").path
    finally:
        store.close()
    _damage_key_files(paths)
    ran = run_outpost(paths.root, "restore", str(backup), "--recovery-key", stdin=recovery + "\n")
    assert ran.code == 0, ran.err
    assert "damaged or missing key file" in ran.out
    assert "there was no store to replace" not in ran.out
    assert "The store it replaced was kept in" in ran.out
    assert _names(paths) == []


# --- the key file's mirror (review, minor) ----------------------------------------------------


def test_a_restore_leaves_the_key_files_mirror_next_to_it(scene: Scene) -> None:
    restore_backup(scene.paths, scene.backup, username="admin", password=PASSWORD)
    mirror = scene.paths.keyfile.with_name("keys.json.bak")
    assert mirror.read_bytes() == scene.paths.keyfile.read_bytes()
