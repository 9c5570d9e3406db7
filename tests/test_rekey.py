"""Disabling an account or losing a key file ends access cryptographically (issue 8, item 2).

Real stores throughout: an old copy of keys.json must not open the database after a disable
or a re-key; the remaining users and the recovery key must; a kill at each step of the re-key
leaves a store that opens; the format-1 sample store upgrades as its users sign in.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core import ClinicCore
from desktop.errors import KeyFileMismatch, PermissionDenied, StoreCorrupt, WrongPassword
from desktop.paths import DataPaths
from desktop.store import keys, slots
from desktop.store import rekey as rekey_module
from desktop.store import store as store_module
from desktop.store.keyfile import FORMAT, LEGACY_FORMAT, KeyFile, LegacySlot, Slot
from desktop.store.models import AuditEvent, Patient
from desktop.store.rekey import STEPS, rekey
from desktop.store.store import Store, key_opens, pending_keyfile
from desktop.store.throttle import LoginThrottle
from tests.conftest import PASSWORD

REPO = Path(__file__).resolve().parents[1]
SAMPLE_V1 = REPO / "tests" / "fixtures" / "stores" / "0001"
PETER = "a long pass phrase"
RUTH = "ruths own phrase"


def _add(core: ClinicCore, username: str, password: str) -> None:
    from desktop.store.models import Role

    core.admin.add_user(
        username=username, display_name=username.title(), role=Role.COORDINATOR, password=password
    )


def _patient_names(store: Store) -> list[str]:
    with store.read_session() as session:
        return sorted(session.scalars(select(Patient.given_name)))


def _register(store: Store, given: str) -> None:
    with store.session() as session, session.begin():
        session.add(Patient(clinic_id=store.clinic_id, given_name=given, family_name="Otieno"))


def _opens(paths: DataPaths, keyfile_bytes: bytes, username: str, password: str) -> bool:
    """Does this copy of keys.json (with this password) still open the database?"""
    kf = KeyFile.from_json(json.loads(keyfile_bytes))
    try:
        data_key = kf.unlock_with_password(username, password)
    except (WrongPassword, KeyFileMismatch):
        return False
    return key_opens(paths.database, data_key)


# --- disabling and re-keying ---------------------------------------------------------------------


def test_an_old_copy_of_the_key_file_does_not_open_the_database_after_a_disable(
    core: ClinicCore, data_paths: DataPaths
) -> None:
    _add(core, "peter", PETER)
    _add(core, "ruth", RUTH)
    stolen = data_paths.keyfile.read_bytes()  # Peter copies keys.json before he leaves
    assert _opens(data_paths, stolen, "peter", PETER)
    fractions: list[float] = []

    done = core.admin.set_user_active("peter", False, progress=fractions.append)

    assert done.value is not None and done.value.dropped_users == ()
    assert not _opens(data_paths, stolen, "peter", PETER)
    assert not _opens(data_paths, stolen, "admin", PASSWORD)  # the old data key is gone
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    # The remaining users open the store; Peter does not.
    store_module.unlock(data_paths, "ruth", RUTH).close()
    store_module.unlock(data_paths, "admin", PASSWORD).close()
    with pytest.raises(WrongPassword):
        store_module.unlock(data_paths, "peter", PETER)
    # keys.json.bak mirrors the new file: it holds neither Peter nor the old data key.
    bak = data_paths.keyfile.with_name("keys.json.bak").read_bytes()
    assert bak == data_paths.keyfile.read_bytes()
    assert "peter" not in json.loads(bak)["users"]
    assert not pending_keyfile(data_paths).exists()


def test_the_open_store_keeps_working_after_a_rekey(core: ClinicCore, store: Store) -> None:
    _register(store, "Akinyi")
    old_key = store.data_key
    rekey(store)
    assert store.data_key != old_key
    _register(store, "Baraka")  # new connections open with the new key
    assert _patient_names(store) == ["Akinyi", "Baraka"]
    assert core.admin.users()[0].username == "admin"


def test_the_recovery_key_still_opens_after_a_rekey_and_a_reissued_one_replaces_it(
    new_store: tuple[Store, str], data_paths: DataPaths
) -> None:
    store, recovery = new_store
    assert rekey(store).recovery_key is None
    store_module.unlock_with_recovery(data_paths, recovery).close()

    result = rekey(store, reissue_recovery=True)

    assert result.recovery_key is not None
    with pytest.raises(WrongPassword):
        store_module.unlock_with_recovery(data_paths, recovery)
    store_module.unlock_with_recovery(data_paths, result.recovery_key).close()


def test_rekey_is_for_administrators_and_is_audited(
    core: ClinicCore, data_paths: DataPaths
) -> None:
    _add(core, "peter", PETER)
    peter = ClinicCore.unlock(data_paths, "peter", PETER)
    try:
        with pytest.raises(PermissionDenied):
            peter.admin.rekey()
    finally:
        peter.close()
    core.admin.rekey()
    with core.store.read_session() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "rekey" in actions


def test_a_disable_whose_rekey_fails_changes_nothing(
    core: ClinicCore, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.errors import DiskFull

    _add(core, "peter", PETER)

    def full(*_a: object, **_k: object) -> None:
        raise DiskFull("The disk is full. Nothing was changed.")

    monkeypatch.setattr(rekey_module, "_reencrypt", full)
    with pytest.raises(DiskFull):
        core.admin.set_user_active("peter", False)
    assert not pending_keyfile(data_paths).exists()
    assert {u.username: u for u in core.admin.users()}["peter"].active
    store_module.unlock(data_paths, "peter", PETER).close()  # nothing was changed


def test_a_disable_killed_after_its_rekey_has_already_ended_the_old_key_file(
    core: ClinicCore, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services import users as user_service

    _add(core, "peter", PETER)
    stolen = data_paths.keyfile.read_bytes()

    def killed(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt  # stands for the power failing after the re-key

    monkeypatch.setattr(user_service, "set_active_in", killed)
    with pytest.raises(KeyboardInterrupt):
        core.admin.set_user_active("peter", False)
    assert not _opens(data_paths, stolen, "peter", PETER)
    with pytest.raises(WrongPassword):
        store_module.unlock(data_paths, "peter", PETER)
    monkeypatch.undo()
    core.admin.set_user_active("peter", False)  # disabling again finishes it
    assert not {u.username: u for u in core.admin.users()}["peter"].active


def _add_user_row(store: Store, username: str) -> None:
    from desktop.store.models import Role, User

    with store.session() as session, session.begin():
        session.add(
            User(
                clinic_id=store.clinic_id,
                username=username,
                display_name=username,
                role=Role.COORDINATOR,
            )
        )


def _plant_entry(paths: DataPaths, name: str) -> bytes:
    """What an active user can do with the files alone: add a key-file entry whose public key
    is theirs (sealing to it needs no password). Returns its private key."""
    private, public = slots.new_key_pair()
    kf = KeyFile.load(paths.keyfile)
    kf.users[name] = Slot(
        salt=os.urandom(16),
        kdf=keys.DEFAULT_ARGON2,
        check=os.urandom(32),
        private_nonce=os.urandom(12),
        private_wrapped=os.urandom(48),
        public=public,
        ephemeral=os.urandom(32),
        sealed_nonce=os.urandom(12),
        sealed=os.urandom(48),
    )
    kf.save(paths.keyfile)
    return private


def _planted_key_opens(paths: DataPaths, name: str, private: bytes) -> bool:
    kf = KeyFile.load(paths.keyfile)
    slot = kf.users.get(name)
    if not isinstance(slot, Slot):
        return False
    aad = f"outpost-key/v2/{kf.store_id}/user:{name}/data key".encode()
    try:
        data_key = slots.unseal(private, slot.ephemeral, slot.sealed_nonce, slot.sealed, aad)
    except keys.UnwrapFailed:
        return False
    return key_opens(paths.database, data_key)


def test_a_key_file_entry_planted_before_a_disable_gets_no_new_key(
    store: Store, data_paths: DataPaths
) -> None:
    core = ClinicCore.from_store(store)
    _add(core, "dan", PETER)
    core.close()
    private = _plant_entry(data_paths, "zz-printer-service")  # dan, while still active
    assert _planted_key_opens(data_paths, "zz-printer-service", private) is False
    core = ClinicCore.unlock(data_paths, "admin", PASSWORD)
    try:
        result = core.admin.set_user_active("dan", False).value
    finally:
        core.close()

    assert result is not None and result.removed_entries == ("zz-printer-service",)
    assert "key file for zz-printer-service, who is not an active user, was removed" in (
        result.advice
    )
    assert result.dropped_users == ()
    assert set(KeyFile.load(data_paths.keyfile).users) == {"admin"}
    assert (
        "zz-printer-service"
        not in json.loads(data_paths.keyfile.with_name("keys.json.bak").read_bytes())["users"]
    )
    assert not _planted_key_opens(data_paths, "zz-printer-service", private)
    store_module.unlock(data_paths, "admin", PASSWORD).close()


def test_outpost_rekey_renews_only_the_slots_of_active_users(
    core: ClinicCore, data_paths: DataPaths
) -> None:
    _add(core, "ruth", RUTH)
    _add(core, "gone", PETER)
    with core.store.session() as session, session.begin():
        from desktop.store.models import User

        gone = session.scalar(select(User).where(User.username == "gone"))
        assert gone is not None
        gone.deleted = True  # a deleted user whose slot somehow stayed in the file
    private = _plant_entry(data_paths, "backup-robot")
    core.store.keyfile = KeyFile.load(data_paths.keyfile)  # as a fresh sign-in reads it

    result = core.admin.rekey().value

    assert result.removed_entries == ("backup-robot", "gone")
    assert set(KeyFile.load(data_paths.keyfile).users) == {"admin", "ruth"}
    assert not _planted_key_opens(data_paths, "backup-robot", private)
    store_module.unlock(data_paths, "ruth", RUTH).close()
    with pytest.raises(WrongPassword):
        store_module.unlock(data_paths, "gone", PETER)


def test_a_rekey_whose_audit_write_fails_still_returns_the_new_recovery_key(
    new_store: tuple[Store, str], data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.errors import DiskFull
    from desktop.services import users as user_service

    store, old_recovery = new_store
    core = ClinicCore.from_store(store)

    def full(*_a: object, **_k: object) -> None:
        raise DiskFull("The disk is full (at the audit write).")

    monkeypatch.setattr(user_service, "record_rekey", full)
    result = core.admin.rekey(reissue_recovery=True).value

    assert result.recovery_key is not None
    with pytest.raises(WrongPassword):
        store_module.unlock_with_recovery(data_paths, old_recovery)
    store_module.unlock_with_recovery(data_paths, result.recovery_key).close()


def test_a_disable_that_re_keys_but_cannot_mark_the_account_still_shows_the_new_recovery_key(
    core: ClinicCore, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.app.admin import RekeyedNotDisabled
    from desktop.errors import DiskFull
    from desktop.services import users as user_service

    _add(core, "peter", PETER)
    # A recovery slot of the old format: the re-key must issue a new recovery key.
    core.store.keyfile.recovery = LegacySlot(b"\0" * 16, b"\0" * 12, b"\0" * 48, None)

    def full(*_a: object, **_k: object) -> None:
        raise DiskFull("The disk is full.")

    monkeypatch.setattr(user_service, "set_active_in", full)
    with pytest.raises(RekeyedNotDisabled) as raised:
        core.admin.set_user_active("peter", False)

    new_recovery = raised.value.result.recovery_key
    assert new_recovery is not None and new_recovery in str(raised.value)
    assert "Disable peter again" in str(raised.value)
    store_module.unlock_with_recovery(data_paths, new_recovery).close()
    with pytest.raises(WrongPassword):
        store_module.unlock(data_paths, "peter", PETER)


# --- a kill at each step ---------------------------------------------------------------------

_KILL_AT = """
import os, signal, sys
from pathlib import Path
from desktop.paths import DataPaths
from desktop.store import rekey as rekey_module
from desktop.store import store as store_module

def crash(step):
    if step == sys.argv[2]:
        os.kill(os.getpid(), signal.SIGKILL)

rekey_module._crash_point = crash
store = store_module.unlock(DataPaths(Path(sys.argv[1])), "admin", os.environ["PW"])
rekey_module.rekey(store)
sys.exit(3)
"""

_KILL_MID_REENCRYPT = """
import os, signal, sys, threading, time
from pathlib import Path
from desktop.paths import DataPaths
from desktop.store import rekey as rekey_module
from desktop.store import store as store_module

store = store_module.unlock(DataPaths(Path(sys.argv[1])), "admin", os.environ["PW"])
def kill_at(fraction):
    if fraction >= float(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
rekey_module.rekey(store, progress=kill_at)
sys.exit(3)
"""


def _run_killed(script: str, data_paths: DataPaths, arg: str) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", script, str(data_paths.root), arg],
        env={**os.environ, "PW": PASSWORD, "PYTHONPATH": str(REPO)},
        capture_output=True,
        timeout=120,
        check=False,
        cwd=REPO,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()


@pytest.mark.parametrize("step", STEPS)
def test_a_rekey_killed_at_any_step_leaves_a_store_that_opens(
    new_store: tuple[Store, str], data_paths: DataPaths, step: str
) -> None:
    store, recovery = new_store
    _register(store, "Akinyi")
    store.close()

    _run_killed(_KILL_AT, data_paths, step)

    reopened = store_module.unlock(data_paths, "admin", PASSWORD)
    try:
        assert _patient_names(reopened) == ["Akinyi"]
        # Whatever the step, keys.json is now the file that opens the database.
        assert key_opens(data_paths.database, reopened.data_key)
        assert _opens(data_paths, data_paths.keyfile.read_bytes(), "admin", PASSWORD)
    finally:
        reopened.close()
    store_module.unlock_with_recovery(data_paths, recovery).close()
    assert not pending_keyfile(data_paths).exists() or step in ("started", "pending-written")


@pytest.mark.parametrize("fraction", [0.2, 0.6])
def test_a_rekey_killed_while_the_database_is_re_encrypted_leaves_a_store_that_opens(
    store: Store, data_paths: DataPaths, fraction: float
) -> None:
    with store.session() as session, session.begin():
        for n in range(3000):  # enough pages for the WAL to be watched growing
            session.add(Patient(clinic_id=store.clinic_id, given_name=f"P{n:05}", family_name="X"))
    old_key = store.data_key
    store.close()

    _run_killed(_KILL_MID_REENCRYPT, data_paths, str(0.05 + 0.85 * fraction))

    # The re-encryption is one transaction: wholly under the old key (keys.json opens it),
    # or wholly under the new one (keys.json.pending opens it, and becomes keys.json).
    assert pending_keyfile(data_paths).exists()
    under_old_key = key_opens(data_paths.database, old_key)
    reopened = store_module.unlock(data_paths, "admin", PASSWORD)
    try:
        with reopened.read_session() as session:
            assert session.scalar(select(func.count()).select_from(Patient)) == 3000
        assert _opens(data_paths, data_paths.keyfile.read_bytes(), "admin", PASSWORD)
        assert (reopened.data_key == old_key) == under_old_key
    finally:
        reopened.close()


# --- slots from elsewhere ------------------------------------------------------------------------


def test_swapped_slots_are_a_mismatch_not_a_wrong_password_and_are_not_counted(
    core: ClinicCore, data_paths: DataPaths
) -> None:
    _add(core, "peter", PETER)
    raw = json.loads(data_paths.keyfile.read_text())
    raw["users"]["admin"], raw["users"]["peter"] = raw["users"]["peter"], raw["users"]["admin"]
    data_paths.keyfile.write_text(json.dumps(raw))
    throttle = LoginThrottle(data_paths.throttle)
    for _ in range(6):  # more than the free failures: none of them counts
        with pytest.raises(KeyFileMismatch, match="entry for admin was copied"):
            store_module.unlock(data_paths, "admin", PETER, throttle=throttle)
    assert throttle.wait_for("admin") == 0.0


def test_another_stores_key_file_is_a_mismatch(
    store: Store, data_paths: DataPaths, tmp_path: Path
) -> None:
    other = DataPaths(tmp_path / "other")
    other_store, _ = store_module.create(
        other,
        clinic_name="Other",
        admin_username="admin",
        admin_display_name="",
        password=PASSWORD,
    )
    other_store.close()
    store.close()
    shutil.copy(other.keyfile, data_paths.keyfile)
    with pytest.raises(KeyFileMismatch, match="cannot be read with the key file"):
        store_module.unlock(data_paths, "admin", PASSWORD)
    assert LoginThrottle(data_paths.throttle).wait_for("admin") == 0.0


def test_a_key_file_whose_store_id_differs_from_the_database_is_a_mismatch(
    store: Store, data_paths: DataPaths
) -> None:
    store.close()
    raw = json.loads(data_paths.keyfile.read_text())
    kf = KeyFile.from_json(raw)
    data_key = kf.unlock_with_password("admin", PASSWORD)
    # A key file made for another store id that wraps this store's data key.
    forged = KeyFile(store_id="another-store")
    forged.set_password("admin", PASSWORD, data_key, keys.DEFAULT_ARGON2)
    forged.save(data_paths.keyfile)
    with pytest.raises(KeyFileMismatch, match="store id differs"):
        store_module.unlock(data_paths, "admin", PASSWORD)


# --- format 1 ------------------------------------------------------------------------------------


def _sample_v1(tmp_path: Path) -> tuple[DataPaths, dict[str, str]]:
    folder = tmp_path / "old"
    shutil.copytree(SAMPLE_V1, folder)
    facts = json.loads((folder / "sample.json").read_text())
    assert json.loads((folder / "keys.json").read_text())["format"] == LEGACY_FORMAT
    paths = DataPaths(folder)
    LoginThrottle(paths.throttle).ensure()  # the sample predates the sign-in record
    return paths, facts


def test_a_format_1_slot_is_upgraded_when_its_user_signs_in(tmp_path: Path) -> None:
    paths, facts = _sample_v1(tmp_path)
    store = store_module.unlock(paths, "admin", facts["password"])
    store.close()
    kf = KeyFile.load(paths.keyfile)
    assert json.loads(paths.keyfile.read_text())["format"] == FORMAT
    assert isinstance(kf.users["admin"], Slot)
    assert isinstance(kf.recovery, LegacySlot)  # not used yet
    store_module.unlock(paths, "admin", facts["password"]).close()
    store = store_module.unlock_with_recovery(paths, facts["recovery_key"])
    store.close()
    assert isinstance(KeyFile.load(paths.keyfile).recovery, Slot)


def test_a_rekey_drops_format_1_slots_and_reissues_a_format_1_recovery_key(
    tmp_path: Path,
) -> None:
    paths, facts = _sample_v1(tmp_path)
    store = store_module.unlock(paths, "admin", facts["password"])  # admin: upgraded
    legacy = KeyFile.load(paths.keyfile)
    legacy.users["clerk"] = LegacySlot(b"\0" * 16, b"\0" * 12, b"\0" * 48, keys.DEFAULT_ARGON2)
    store.keyfile.users["clerk"] = legacy.users["clerk"]
    _add_user_row(store, "clerk")  # an active user: only theirs is a slot to renew
    try:
        result = rekey(store)
        assert result.dropped_users == ("clerk",)
        assert result.recovery_key is not None  # the format-1 recovery slot cannot be renewed
        assert "clerk" in result.advice
    finally:
        store.close()
    assert "clerk" not in KeyFile.load(paths.keyfile).users
    with pytest.raises(WrongPassword):
        store_module.unlock_with_recovery(paths, facts["recovery_key"])
    store_module.unlock_with_recovery(paths, result.recovery_key).close()
    store_module.unlock(paths, "admin", facts["password"]).close()


def test_a_damaged_pending_key_file_is_ignored_when_keys_json_opens(
    store: Store, data_paths: DataPaths
) -> None:
    store.close()
    pending_keyfile(data_paths).write_text("{not json")
    store_module.unlock(data_paths, "admin", PASSWORD).close()


def test_a_damaged_key_file_is_store_corrupt(data_paths: DataPaths, store: Store) -> None:
    store.close()
    data_paths.keyfile.write_text('{"format": 2, "store_id": "x", "users": []}')
    with pytest.raises(StoreCorrupt, match="damaged"):
        store_module.unlock(data_paths, "admin", PASSWORD)


# --- the real CLI ------------------------------------------------------------------------------


def test_outpost_users_disable_and_outpost_rekey_end_what_an_old_key_file_opens(
    tmp_path: Path,
) -> None:
    from tests.hostile import make_clinic, recovery_key_of, run_outpost

    data = make_clinic(tmp_path / "data")
    paths = DataPaths(data)
    ran = run_outpost(data, "users", "add", "peter", stdin=f"{PASSWORD}\n{PETER}\n")
    assert ran.code == 0, ran.err
    stolen = paths.keyfile.read_bytes()

    ran = run_outpost(data, "users", "disable", "peter", stdin=f"{PASSWORD}\n")

    assert ran.code == 0, ran.err
    assert "peter can no longer sign in" in ran.out
    assert "100%" in ran.err and "Traceback" not in ran.err
    assert not _opens(paths, stolen, "admin", PASSWORD)
    stolen = paths.keyfile.read_bytes()  # now the admin's laptop bag is stolen

    ran = run_outpost(data, "rekey", "--new-recovery-key", stdin=f"{PASSWORD}\n")

    assert ran.code == 0, ran.err
    assert not _opens(paths, stolen, "admin", PASSWORD)
    new_recovery = next(
        line.split(":", 1)[1].strip()
        for line in ran.out.splitlines()
        if line.startswith("NEW RECOVERY KEY:")
    )
    with pytest.raises(WrongPassword):
        store_module.unlock_with_recovery(paths, recovery_key_of(data))
    store_module.unlock_with_recovery(paths, new_recovery).close()
    assert run_outpost(data, "users", "list", stdin=f"{PASSWORD}\n").code == 0


def test_outpost_rekey_is_refused_to_a_coordinator(tmp_path: Path) -> None:
    from tests.hostile import assert_one_clear_line, make_clinic, run_outpost, store_bytes

    data = make_clinic(tmp_path / "data")
    ran = run_outpost(data, "users", "add", "peter", stdin=f"{PASSWORD}\n{PETER}\n")
    assert ran.code == 0, ran.err
    before = store_bytes(data)
    ran = run_outpost(data, "rekey", user="peter", stdin=f"{PETER}\n")
    assert_one_clear_line(ran, code=1, says="may not manage users")
    assert store_bytes(data) == before


_HOLD_OPEN = """
import os, sys, time
from pathlib import Path
from sqlalchemy import text
from desktop.paths import DataPaths
from desktop.store import store as store_module

store = store_module.unlock(DataPaths(Path(sys.argv[1])), "admin", os.environ["PW"])
with store.engine.connect() as conn:
    conn.execute(text("SELECT count(*) FROM patients")).scalar()
print("open", flush=True)
sys.stdin.readline()  # idle, its pooled connection still open, until the test says
with store.engine.connect() as conn:
    print(conn.execute(text("SELECT count(*) FROM patients")).scalar(), flush=True)
"""


def test_a_rekey_is_refused_while_another_process_has_the_store_open(
    store: Store, data_paths: DataPaths
) -> None:
    from desktop.errors import StoreError

    _register(store, "Akinyi")
    old_key = store.data_key
    other = subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(data_paths.root)],
        env={**os.environ, "PW": PASSWORD, "PYTHONPATH": str(REPO)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="open in another Outpost window"):
            rekey(store)
        assert store.data_key == old_key and not pending_keyfile(data_paths).exists()
        # The other process's idle connection still reads (it would have met pages under a
        # new key and taken them for damage).
        out, _ = other.communicate("\n", timeout=60)
        assert out.strip() == "1"
    finally:
        other.kill()
    _register(store, "Baraka")
    rekey(store)  # alone again: it goes through
    assert _patient_names(store) == ["Akinyi", "Baraka"]


def test_signing_in_after_a_rekey_still_costs_one_argon2id(
    store: Store, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    rekey(store)
    store.close()
    calls: list[bytes] = []
    real = keys.derive_password_key

    def counting(password: str, salt: bytes, params: keys.Argon2Params) -> bytes:
        calls.append(salt)
        return real(password, salt, params)

    monkeypatch.setattr(keys, "derive_password_key", counting)
    store_module.unlock(data_paths, "admin", PASSWORD).close()
    assert len(calls) == 1


def test_a_failed_outpost_rekey_or_disable_prints_its_error_on_a_line_of_its_own(
    tmp_path: Path,
) -> None:
    from tests.hostile import make_clinic, run_outpost

    data = make_clinic(tmp_path / "data")
    ran = run_outpost(data, "users", "add", "peter", stdin=f"{PASSWORD}\n{PETER}\n")
    assert ran.code == 0, ran.err
    other = subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(data)],
        env={**os.environ, "PW": PASSWORD, "PYTHONPATH": str(REPO)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        for command in (("rekey",), ("users", "disable", "peter")):
            ran = run_outpost(data, *command, stdin=f"{PASSWORD}\n")
            assert ran.code == 1 and "Traceback" not in ran.err, ran.err
            lines = ran.err.replace("\r", "\n").splitlines()
            assert "Changing the clinic's key:   5%" in lines, ran.err  # the progress shown
            errors = [line for line in lines if "outpost:" in line]
            assert len(errors) == 1 and errors[0].startswith("outpost: "), ran.err
            assert "open in another Outpost window" in errors[0]
            assert ran.err.endswith("\n")
    finally:
        other.kill()
        other.communicate(timeout=60)  # and its pipes are closed
