"""Backups made by hand and automatically, checking a backup file, restoring one, and the
store's health (`outpost doctor`).

    core.backups.make(target, progress=, cancel=)      -> BackupInfo
    core.backups.inspect(path[, username, password | recovery_key])  -> BackupInfo
    core.backups.status()                               -> BackupStatus (what to tell people)
    core.backups.daily_due()                            -> bool
    core.backups.run_automatic("daily" | "close", progress=, cancel=) -> AutoBackupOutcome
    core.backups.run_daily_if_due(progress=, cancel=)   -> AutoBackupOutcome (skipped if not)
    core.backups.list_automatic()                       -> AutoBackupEntry, newest first
    core.backups.locations() / save_locations(folders, keep)
    core.backups.preview_restore(path)                  -> RestorePreview (what it will ask)
    core.backups.restore(path, ...)                     -> RestoreResult (the core is closed)
    core.backups.doctor()                               -> StoreHealth

`restore_backup_file` and `inspect_backup` do the same without a signed-in core (restoring onto
a new laptop, or after the GUI has ended the session).

A restore is authorised against the store it replaces (an administrator of it, with their
current password), never against the backup; accounts that store disabled stay disabled, and
another clinic's backup needs its name confirmed (see desktop.services.backup_restore).

Long work takes `progress(message, fraction)` and `cancel()`; either may stop it (`cancel`
returning True makes `make`/`inspect` raise `BackupCancelled` and `run_automatic` return an
outcome with `cancelled`; a `progress` that raises stops it with its own exception, as the
GUI's TaskContext does — pass only `progress` from the GUI, so a cancel stays silent).
A stopped backup leaves no partial file anywhere — only complete, verified backups ever carry
a backup's name — and an automatic backup that was stopped is owed: due again at the next
chance. Closing the app never has to wait for one.

The daily backup's state is kept honestly in `backup-status.json` in the data folder (no
patient data): the last success and the last failure with its reason. "Needs attention" is
only ever said after something actually went wrong (defect 23: a fresh install has nothing
wrong); advice, such as keeping a second copy on a USB stick, is given apart from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from desktop.atomic import write_atomic
from desktop.changes import EVERYTHING, SETTINGS, Changes
from desktop.errors import OutpostError, StoreCorrupt
from desktop.paths import DataPaths
from desktop.services import backup as service
from desktop.services.backup import SUFFIX, BackupInfo, Progress, RestoreResult
from desktop.services.backup_auto import Reason
from desktop.services.backup_restore import (
    RECOVERY_KEY,
    AskBackupCredentials,
    BackupCredentials,
    BackupCredentialsNeeded,
    OtherClinic,
    RestorePreview,
    has_live_store,
    preview_restore,
)
from desktop.settings import save_settings
from desktop.store.models import OutboxEntry, Patient
from desktop.store.schema import current_revision, head_revision

if TYPE_CHECKING:
    from desktop.core import ClinicCore

log = logging.getLogger(__name__)

STATUS_FILE = "backup-status.json"
Cancel = Callable[[], bool]

__all__ = [
    "RECOVERY_KEY",
    "SUFFIX",
    "AskBackupCredentials",
    "AutoBackupEntry",
    "AutoBackupOutcome",
    "BackupCancelled",
    "BackupCredentials",
    "BackupCredentialsNeeded",
    "BackupInfo",
    "BackupLocations",
    "BackupStatus",
    "BackupsApi",
    "OtherClinic",
    "RestorePreview",
    "RestoreResult",
    "StoreHealth",
    "has_live_store",
    "inspect_backup",
    "restore_backup_file",
]


class BackupCancelled(Exception):
    """The backup was stopped on request; nothing partial was left. Not an error to show."""


# --- plain values -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AutoBackupOutcome:
    """What one automatic backup did."""

    reason: str  # "daily" or "close"
    ran: bool  # False: not due (run_daily_if_due), or stopped before it wrote anything
    written: tuple[Path, ...] = ()
    removed: tuple[Path, ...] = ()  # older backups rotated away
    failures: tuple[str, ...] = ()  # what went wrong (the backup needs attention)
    advice: tuple[str, ...] = ()  # worth knowing, not a failure (only one folder; no USB)
    cancelled: bool = False  # stopped on request: it will simply run again later

    @property
    def ok(self) -> bool:
        return bool(self.written) and not self.failures


@dataclass(frozen=True)
class BackupStatus:
    """The automatic backups' state, as the status bar and `outpost doctor` tell it."""

    daily_enabled: bool
    due: bool  # a daily backup should run now
    last_success: dt.datetime | None  # aware, UTC: the newest automatic backup found or made
    last_success_path: Path | None
    last_failure: dt.datetime | None  # aware, UTC; only when no success came after it
    failure_reason: str | None
    advice: str | None  # e.g. keep a second copy on a USB stick: a suggestion, not a failure

    @property
    def needs_attention(self) -> bool:
        """True only when an automatic backup actually failed (and none succeeded since)."""
        return self.last_failure is not None


@dataclass(frozen=True)
class AutoBackupEntry:
    """One of this clinic's automatic backups, as found on disk (by its name: not opened)."""

    path: Path
    created_at: dt.datetime  # aware, UTC
    reason: str  # "daily" or "close"
    size_bytes: int


@dataclass(frozen=True)
class BackupLocations:
    folders: tuple[str, ...]  # the extra folders (a USB stick), besides the data folder's own
    keep: int  # backups kept per folder
    daily: bool
    advice: str | None  # the same sentence as BackupStatus.advice


@dataclass(frozen=True)
class StoreHealth:
    """What `outpost doctor` reports."""

    clinic_name: str
    data_folder: Path
    cipher_version: str
    pages_intact: bool
    problems: tuple[str, ...]  # cipher and integrity problems; empty when healthy
    schema_revision: str | None
    head_revision: str
    patients: int | None  # None: not readable (damage)
    pending_changes: int | None
    cleared: bool  # the store was marked damaged and is found intact: writable again
    backups: BackupStatus

    @property
    def healthy(self) -> bool:
        return not self.problems


# --- progress and cancel ------------------------------------------------------------------------


def _guarded(progress: Progress | None, cancel: Cancel | None) -> Progress | None:
    """One progress callback that also stops the work once `cancel()` says so."""
    if cancel is None:
        return progress

    def report(message: str, fraction: float) -> None:
        if cancel():
            raise BackupCancelled()
        if progress is not None:
            progress(message, fraction)

    return report


# --- the status file ----------------------------------------------------------------------------


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def _instant(raw: Any) -> dt.datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)


def _read_status(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # none yet (a fresh install), or damaged: nothing is known to have failed
    return raw if isinstance(raw, dict) else {}


# --- without a signed-in core -------------------------------------------------------------------


def inspect_backup(
    path: Path,
    *,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BackupInfo:
    """Check a backup file and read its manifest; the file is never changed.

    Without credentials only its structure and checksums are checked (`decrypted` False);
    with a password (as at backup time) or the recovery key the database inside is opened
    and integrity-checked too. Raises BackupError, WrongPassword, StoreTooNew.
    """
    return service.verify_backup(
        Path(path),
        username=username,
        password=password,
        recovery_key=recovery_key,
        progress=_guarded(progress, cancel),
    )


def restore_backup_file(
    paths: DataPaths,
    path: Path,
    *,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    backup_credentials: BackupCredentials | AskBackupCredentials | None = None,
    confirm_clinic: str | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """Replace the (closed) store in `paths` with a fully checked backup.

    For when no clinic is signed in: a new laptop, or the GUI after it ended the session.
    With a store in `paths`, `username` + `password` are an administrator's of that store
    (their current password) and `backup_credentials` open the backup when that store's key
    does not (a function is called only then); without one, they open the backup. Not
    cancellable once it starts putting files in place (the swap is journalled and always
    finishes); a `progress` that raises before that leaves the live store untouched.
    """
    return service.restore_backup(
        paths,
        Path(path),
        username=username,
        password=password,
        recovery_key=recovery_key,
        backup_credentials=backup_credentials,
        confirm_clinic=confirm_clinic,
        progress=progress,
    )


# --- the area API -------------------------------------------------------------------------------


class BackupsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
        self._status_lock = threading.Lock()

    @property
    def _status_path(self) -> Path:
        return self._core.paths.root / STATUS_FILE

    # -- by hand --

    def make(
        self,
        target: Path,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> BackupInfo:
        """Write a verified, encrypted backup to `target` (a file name or a folder).

        Raises PermissionDenied (the role may not make backups), DiskFull, BackupError, and
        BackupCancelled (or `progress`'s own exception) when stopped: then no file is left.
        """
        return service.make_backup(
            self._core.store, Path(target), progress=_guarded(progress, cancel)
        )

    def inspect(
        self,
        path: Path,
        *,
        username: str | None = None,
        password: str | None = None,
        recovery_key: str | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> BackupInfo:
        """See `inspect_backup`."""
        return inspect_backup(
            path,
            username=username,
            password=password,
            recovery_key=recovery_key,
            progress=progress,
            cancel=cancel,
        )

    # -- automatic --

    def daily_due(self, *, now: dt.datetime | None = None) -> bool:
        """True when an automatic backup should run now: daily backups are on and none was
        made in 24 hours, or an automatic backup was stopped before it finished (closing
        the app does not wait for one: it is owed, and made at the next chance)."""
        if self._owed():
            return True
        return service.daily_backup_due(self._core.store, self._core.settings, now=now)

    def _owed(self) -> bool:
        return _instant(_read_status(self._status_path).get("owed_since")) is not None

    def run_automatic(
        self,
        reason: Reason = "daily",
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        now: dt.datetime | None = None,
    ) -> AutoBackupOutcome:
        """Back up to every location now; never raises for a failing folder or disk.

        Stopped (by `cancel`, or a `progress` that raises) at any point: no partial file is
        left, nothing is recorded as a failure, the outcome says `cancelled` (or `progress`'s
        exception goes on up), and the backup is owed: `daily_due()` is True until one is
        made, even if one was made earlier today. What went wrong is recorded for `status()`.
        """
        core = self._core
        try:
            result = service.auto_backup(
                core.store,
                core.settings,
                reason=reason,
                now=now,
                progress=_guarded(progress, cancel),
            )
        except BackupCancelled:
            self._record_owed(now or dt.datetime.now(dt.UTC))
            return AutoBackupOutcome(reason, ran=False, cancelled=True)
        except BaseException:  # stopped by `progress` itself (the GUI's Cancel), or worse
            self._record_owed(now or dt.datetime.now(dt.UTC))
            raise
        failures = tuple(result.failures)
        if not result.written and not failures:  # written nowhere: whatever was said is why
            failures = tuple(result.warnings)
        outcome = AutoBackupOutcome(
            reason,
            ran=True,
            written=tuple(result.written),
            removed=tuple(result.removed),
            failures=failures,
            advice=tuple(w for w in result.warnings if w not in failures),
        )
        self._record(outcome, now or dt.datetime.now(dt.UTC))
        return outcome

    def run_daily_if_due(
        self,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        now: dt.datetime | None = None,
    ) -> AutoBackupOutcome:
        """The daily backup, if one is due (else an outcome with `ran` False)."""
        if not self.daily_due(now=now):
            return AutoBackupOutcome("daily", ran=False)
        return self.run_automatic("daily", progress=progress, cancel=cancel, now=now)

    def _record_owed(self, moment: dt.datetime) -> None:
        with self._status_lock:
            raw = _read_status(self._status_path)
            raw.setdefault("owed_since", _iso(moment))
            self._write_status(raw)

    def _write_status(self, raw: dict[str, Any]) -> None:
        try:
            write_atomic(self._status_path, json.dumps(raw, indent=2).encode("utf-8"))
        except OutpostError as exc:
            log.warning("the backup status could not be saved: %s", exc)

    def _record(self, outcome: AutoBackupOutcome, moment: dt.datetime) -> None:
        with self._status_lock:
            raw = _read_status(self._status_path)
            if outcome.written:
                raw.pop("owed_since", None)
                raw["last_success"] = {
                    "at": _iso(moment),
                    "path": str(outcome.written[0]),
                    "reason": outcome.reason,
                }
            if outcome.failures:
                raw["last_failure"] = {"at": _iso(moment), "reason": "\n".join(outcome.failures)}
            elif outcome.written:
                raw.pop("last_failure", None)
            self._write_status(raw)

    def status(self, *, now: dt.datetime | None = None) -> BackupStatus:
        """The automatic backups' honest state: a fresh install has nothing wrong."""
        core = self._core
        raw = _read_status(self._status_path)
        success = raw.get("last_success") if isinstance(raw.get("last_success"), dict) else {}
        failure = raw.get("last_failure") if isinstance(raw.get("last_failure"), dict) else {}
        assert isinstance(success, dict) and isinstance(failure, dict)
        last_success = _instant(success.get("at"))
        last_path = Path(success["path"]) if isinstance(success.get("path"), str) else None
        # The backups themselves are the best witness (made before this file existed, or
        # by another run): the newest of this store's automatic backups in any location.
        for folder in service.backup_locations(core.paths, core.settings):
            found = service.list_auto_backups(folder, core.store.keyfile.store_id)
            if found and (last_success is None or found[0].created_at > last_success):
                last_success, last_path = found[0].created_at, found[0].path
        last_failure = _instant(failure.get("at"))
        # A failure is over once a backup succeeded after it. One made at the same moment
        # (the data folder written, the USB stick full) does not end it.
        if last_failure is not None and last_success is not None and last_success > last_failure:
            last_failure = None
        reason = failure.get("reason") if last_failure is not None else None
        return BackupStatus(
            daily_enabled=core.settings.daily_backup,
            due=self.daily_due(now=now),
            last_success=last_success,
            last_success_path=last_path,
            last_failure=last_failure,
            failure_reason=str(reason) if reason else None,
            advice=service.backup_locations_warning(core.paths, core.settings),
        )

    def list_automatic(self) -> tuple[AutoBackupEntry, ...]:
        """This clinic's automatic backups in every location, newest first (to restore one)."""
        core = self._core
        found: list[AutoBackupEntry] = []
        for folder in service.backup_locations(core.paths, core.settings):
            for name in service.list_auto_backups(folder, core.store.keyfile.store_id):
                try:
                    size = name.path.stat().st_size
                except OSError:
                    continue  # removed meanwhile, or the stick was pulled out
                found.append(AutoBackupEntry(name.path, name.created_at, name.reason, size))
        found.sort(key=lambda e: (e.created_at, str(e.path)), reverse=True)
        return tuple(found)

    # -- where automatic backups go --

    def locations(self) -> BackupLocations:
        settings = self._core.settings
        return BackupLocations(
            folders=tuple(settings.backup_dirs),
            keep=settings.backups_to_keep,
            daily=settings.daily_backup,
            advice=service.backup_locations_warning(self._core.paths, settings),
        )

    def save_locations(self, folders: Sequence[str], keep: int) -> BackupLocations:
        """Save the extra backup folders and how many backups to keep (settings.json).

        Raises InvalidInput for a number out of range. Publishes `Changes.of(SETTINGS)`.
        """
        core = self._core
        settings = dataclasses.replace(
            core.settings, backup_dirs=[str(f) for f in folders], backups_to_keep=keep
        )
        save_settings(core.paths.settings, settings)
        # In place, as the admin API does: whoever holds the settings object sees them.
        core.settings.backup_dirs = list(settings.backup_dirs)
        core.settings.backups_to_keep = settings.backups_to_keep
        core.changes.publish(Changes.of(SETTINGS))
        return self.locations()

    # -- restoring --

    def restore(
        self,
        path: Path,
        *,
        username: str | None = None,
        password: str | None = None,
        recovery_key: str | None = None,
        backup_credentials: BackupCredentials | AskBackupCredentials | None = None,
        confirm_clinic: str | None = None,
        progress: Progress | None = None,
    ) -> RestoreResult:
        """Close this clinic's store and replace it with the backup; the session ends.

        `username` + `password`: an administrator of this store, with their current password
        (see `restore_backup_file`).

        The backup is checked in full first; on any error the live store is unchanged (but
        closed: sign in again). Afterwards `Changes.of(EVERYTHING)` is published on this
        core's change bus for whoever still listens, and this core must not be used again.
        """
        core = self._core
        core.close()
        result = restore_backup_file(
            core.paths,
            path,
            username=username,
            password=password,
            recovery_key=recovery_key,
            backup_credentials=backup_credentials,
            confirm_clinic=confirm_clinic,
            progress=progress,
        )
        core.changes.publish(Changes.of(EVERYTHING))
        return result

    def preview_restore(
        self, path: Path, *, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> RestorePreview:
        """Before asking anyone to type: the backup file is checked (structure, checksums,
        schema), and it is said whether it is another clinic's (its name must then be
        confirmed) and whether this store's key opens it (else the backup's own password or
        recovery key is needed too). Nothing is changed."""
        core = self._core
        return preview_restore(
            Path(path),
            data_key=core.store.data_key,
            store_id=core.store.keyfile.store_id,
            clinic_name=core.clinic_name,
            workdir=core.paths.root,
            progress=_guarded(progress, cancel),
        )

    # -- the store's health --

    def doctor(self) -> StoreHealth:
        """Check the store through: encryption (every page's HMAC) and integrity (through
        `core.integrity.check()`, which marks a damaged store read-only or clears the mark of
        one found intact), schema, the outbox, and the automatic backups' state. Counts that
        cannot be read because of damage are None."""
        core = self._core
        report = core.integrity.check()
        revision: str | None = None
        version = "?"
        try:
            with core.store.engine.connect() as conn:
                revision = current_revision(conn)
                version = str(conn.exec_driver_sql("PRAGMA cipher_version").scalar())
        except StoreCorrupt:
            pass  # the damage is in the report already

        def counts(session: Any) -> tuple[int, int]:
            pending = session.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
            )
            patients = session.scalar(
                select(func.count()).select_from(Patient).where(Patient.deleted.is_(False))
            )
            return int(pending or 0), int(patients or 0)

        pending: int | None
        patients: int | None
        try:
            pending, patients = self._tx.read(counts)
        except StoreCorrupt:
            pending = patients = None
        return StoreHealth(
            clinic_name=core.clinic_name,
            data_folder=core.paths.root,
            cipher_version=version,
            pages_intact=not report.problems,
            problems=report.problems,
            schema_revision=revision,
            head_revision=head_revision(),
            patients=patients,
            pending_changes=pending,
            cleared=report.cleared,
            backups=self.status(),
        )
