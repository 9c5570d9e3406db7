"""The backups' application API (`core.backups`): honest status, automatic backups that can be
stopped at any point without leaving a partial file, inspecting and restoring a backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.app.backups import BackupCancelled, restore_backup_file
from desktop.changes import EVERYTHING, SETTINGS, Changes
from desktop.core import ClinicCore
from desktop.errors import DiskFull
from desktop.services import backup_write
from desktop.services.backup import SINGLE_FOLDER_WARNING
from desktop.store import store as store_module
from desktop.store.store import Store, unlock
from tests.conftest import PASSWORD

T0 = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)


def leftovers(core: ClinicCore) -> list[Path]:
    """Anything a stopped backup could have left: work folders, temporary or backup files."""
    root = core.paths.root
    found = list(root.glob(".backup-*"))
    if core.paths.backups.exists():
        found += list(core.paths.backups.iterdir())
    return found


def test_a_fresh_install_does_not_say_the_daily_backup_needs_attention(core: ClinicCore) -> None:
    status = core.backups.status(now=T0)
    assert not status.needs_attention and status.failure_reason is None
    assert status.due and status.last_success is None
    assert status.advice == SINGLE_FOLDER_WARNING  # advice, apart from any failure

    outcome = core.backups.run_daily_if_due(now=T0)
    # Only the data folder is configured: a piece of advice, not something that went wrong.
    assert outcome.ran and outcome.ok and outcome.failures == ()
    assert outcome.advice == (SINGLE_FOLDER_WARNING,)
    status = core.backups.status(now=T0 + dt.timedelta(hours=1))
    assert not status.needs_attention and not status.due
    assert status.last_success == T0 and status.last_success_path == outcome.written[0]
    assert not core.backups.run_daily_if_due(now=T0 + dt.timedelta(hours=1)).ran


def test_a_failed_automatic_backup_needs_attention_until_one_succeeds(
    core: ClinicCore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(self: Store, target: Path, **_: object) -> None:
        raise DiskFull("The disk holding the data folder is full; the copy was not made.")

    with monkeypatch.context() as patch:
        patch.setattr(Store, "copy_to", no_space)
        outcome = core.backups.run_automatic("daily", now=T0)
    assert outcome.ran and not outcome.ok and outcome.failures
    status = core.backups.status(now=T0)
    assert status.needs_attention and status.last_failure == T0
    assert "disk holding the data folder is full" in (status.failure_reason or "")
    assert status.due

    later = T0 + dt.timedelta(minutes=10)
    assert core.backups.run_automatic("daily", now=later).ok
    status = core.backups.status(now=later)
    assert not status.needs_attention and status.failure_reason is None
    assert status.last_success == later


def test_a_missing_usb_stick_is_advice_not_a_failure(core: ClinicCore, tmp_path: Path) -> None:
    core.settings.backup_dirs = [str(tmp_path / "usb-not-plugged-in")]
    outcome = core.backups.run_automatic("daily", now=T0)
    assert outcome.ok and outcome.failures == ()
    assert any("not available" in a for a in outcome.advice)
    status = core.backups.status(now=T0)
    assert not status.needs_attention and "not available" in (status.advice or "")


def test_backup_advice_and_failures_reach_the_interface_in_its_language(
    core: ClinicCore, tmp_path: Path
) -> None:
    from desktop.messages import localize

    assert localize(core.backups.status(now=T0).advice or "", "sw").startswith("Nakala rudufu")
    core.settings.backup_dirs = [str(tmp_path / "usb-not-plugged-in")]
    outcome = core.backups.run_automatic("daily", now=T0)
    assert all(localize(a, "fr") != a for a in outcome.advice)


# Copying (inside SQLite's statement), checking the copy, packing it into a temporary file,
# and reading that file back before it is given its name.
PHASES = ["Copying the database", "Checking the copy", "Writing the backup", "Checking the backup"]


@pytest.mark.parametrize("phase", PHASES)
def test_an_automatic_backup_stopped_mid_way_leaves_no_partial_file_and_runs_again_later(
    core: ClinicCore, monkeypatch: pytest.MonkeyPatch, phase: str
) -> None:
    # Report on every few SQLite steps, so the copy itself is stopped from inside SQLite.
    monkeypatch.setattr(backup_write, "COPY_TICK_S", 0.0)
    monkeypatch.setattr(store_module, "_COPY_STEPS", 50)
    seen: list[str] = []

    def progress(message: str, _fraction: float) -> None:
        seen.append(message)

    def cancel() -> bool:
        # The second report of the phase: for the copy, one from inside SQLite's statement.
        return seen.count(phase) >= (2 if phase == "Copying the database" else 1)

    outcome = core.backups.run_daily_if_due(progress=progress, cancel=cancel, now=T0)
    assert outcome.cancelled and not outcome.ran and not outcome.written
    assert phase in seen
    assert leftovers(core) == []
    status = core.backups.status(now=T0)
    assert not status.needs_attention  # a stop on request is not a failure
    assert status.due  # it simply runs again later
    again = core.backups.run_daily_if_due(now=T0 + dt.timedelta(minutes=1))
    assert again.ok and len(again.written) == 1


def test_a_stop_raised_by_progress_itself_also_leaves_nothing(core: ClinicCore) -> None:
    class Stop(Exception):
        pass

    def progress(message: str, _fraction: float) -> None:
        if message == "Writing the backup":
            raise Stop

    with pytest.raises(Stop):
        core.backups.run_automatic("close", progress=progress, now=T0)
    assert [p for p in leftovers(core) if p.is_file()] == []
    assert not core.backups.status(now=T0).needs_attention


def test_a_manual_backup_cancelled_leaves_no_file(core: ClinicCore, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    calls = iter(range(1000))
    with pytest.raises(BackupCancelled):
        core.backups.make(usb, cancel=lambda: next(calls) >= 3)
    assert list(usb.iterdir()) == []


def test_make_then_inspect_reads_the_manifest(core: ClinicCore, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    fractions: list[float] = []
    made = core.backups.make(usb, progress=lambda _m, f: fractions.append(f))
    assert made.path.parent == usb and fractions[-1] == 1.0
    info = core.backups.inspect(made.path)
    assert not info.decrypted and info.clinic_name == core.clinic_name
    assert info.reason == "manual" and "admin" in info.usernames
    checked = core.backups.inspect(made.path, username="admin", password=PASSWORD)
    assert checked.decrypted and checked.row_counts == info.row_counts


def test_restore_through_the_api_ends_the_session_and_says_everything_changed(
    core: ClinicCore, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    made = core.backups.make(usb)
    heard: list[Changes] = []
    core.changes.subscribe(heard.append)
    result = core.backups.restore(made.path, username="admin", password=PASSWORD)
    assert result.info.store_id == made.store_id and result.kept_aside is not None
    assert heard and heard[-1].touches(EVERYTHING)
    # The store was closed for the swap; signing in again opens the restored one.
    again = unlock(core.paths, "admin", PASSWORD)
    again.close()
    # Without a signed-in core (a new laptop, or after the GUI ended the session):
    second = restore_backup_file(core.paths, made.path, username="admin", password=PASSWORD)
    assert second.info.created_at == made.created_at


def test_saving_the_backup_folders_publishes_a_settings_change(
    core: ClinicCore, tmp_path: Path
) -> None:
    heard: list[Changes] = []
    core.changes.subscribe(heard.append)
    (tmp_path / "usb").mkdir()
    saved = core.backups.save_locations([str(tmp_path / "usb")], 5)
    assert saved.folders == (str(tmp_path / "usb"),) and saved.keep == 5
    assert saved.advice is None
    assert heard == [Changes.of(SETTINGS)]
    assert core.backups.locations() == saved


def test_doctor_reports_a_healthy_store_and_the_backups_state(core: ClinicCore) -> None:
    health = core.backups.doctor()
    assert health.healthy and health.pages_intact and health.problems == ()
    assert health.schema_revision == health.head_revision
    assert health.patients == 0 and not health.backups.needs_attention


def test_a_closing_backup_stopped_so_the_app_can_close_is_made_at_the_next_chance(
    core: ClinicCore,
) -> None:
    assert core.backups.run_daily_if_due(now=T0).ok  # this morning's
    later = T0 + dt.timedelta(hours=6)
    assert not core.backups.daily_due(now=later)

    class Closing(Exception):  # the GUI's Cancel raises from its progress callback
        pass

    def progress(message: str, _fraction: float) -> None:
        if message == "Writing the backup":
            raise Closing

    with pytest.raises(Closing):
        core.backups.run_automatic("close", progress=progress, now=later)
    status = core.backups.status(now=later)
    assert status.due and not status.needs_attention  # owed, not failed
    made = core.backups.run_daily_if_due(now=later + dt.timedelta(minutes=5))
    assert made.ok
    assert not core.backups.daily_due(now=later + dt.timedelta(minutes=6))


def test_a_second_folder_that_fails_needs_attention_though_the_first_was_written(
    core: ClinicCore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    core.settings.backup_dirs = [str(usb)]
    real = backup_write.write_backup_file

    def full_stick(snap: object, target: Path, **kwargs: object) -> object:
        if target.parent == usb:
            raise DiskFull(f"The disk is full while writing {target.name}.")
        return real(snap, target, **kwargs)  # type: ignore[arg-type]

    from desktop.services import backup_auto

    monkeypatch.setattr(backup_auto, "write_backup_file", full_stick)
    outcome = core.backups.run_automatic("daily", now=T0)
    assert outcome.written and outcome.failures and not outcome.ok
    status = core.backups.status(now=T0)
    assert status.needs_attention and "disk is full" in (status.failure_reason or "")
    assert not status.due  # the data folder's backup counts for the day


def test_the_automatic_backups_are_listed_newest_first_from_every_folder(
    core: ClinicCore, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    core.settings.backup_dirs = [str(usb)]
    core.backups.run_automatic("daily", now=T0)
    core.backups.run_automatic("close", now=T0 + dt.timedelta(hours=2))
    listed = core.backups.list_automatic()
    assert [(e.created_at, e.reason) for e in listed[::2]] == [
        (T0 + dt.timedelta(hours=2), "close"),
        (T0, "daily"),
    ]
    assert {e.path.parent for e in listed} == {core.paths.backups, usb}
    assert all(e.size_bytes > 0 for e in listed)


def test_a_backup_says_when_it_was_made_in_the_clinics_own_time(
    core: ClinicCore, tmp_path: Path
) -> None:
    made = core.backups.make(tmp_path)
    info = core.backups.inspect(made.path)
    assert info.clinic_timezone == "Africa/Nairobi"  # the clinic's, not the laptop's
    local = info.made_at_clinic_time()
    assert local == info.created_at and local.utcoffset() == dt.timedelta(hours=3)
    restored = core.backups.restore(made.path, username="admin", password=PASSWORD)
    assert restored.info.made_at_clinic_time().utcoffset() == dt.timedelta(hours=3)


def test_an_older_backup_without_a_time_zone_is_read_as_utc(tmp_path: Path) -> None:
    from desktop.services.backup_format import BackupInfo

    info = BackupInfo(
        path=tmp_path / "old.outpost-backup",
        format=1,
        store_id="s",
        clinic_id="c",
        clinic_name="Old",
        schema_revision="0001",
        created_at=T0,
        outpost_version="0.1.0",
        reason="manual",
        size_bytes=1,
        row_counts={},
        usernames=("admin",),
        has_recovery_key=True,
        decrypted=False,
    )
    assert (
        info.made_at_clinic_time() == T0
        and info.made_at_clinic_time().utcoffset() == dt.timedelta(0)
    )
