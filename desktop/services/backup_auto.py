"""Automatic backups: on close and daily, into the data folder's backups/ and every folder the
clinic configured (a USB stick), rotated, never failing the close.

Names: `outpost-<clinic-slug>-<store tag>-<UTC time>-<reason>.outpost-backup`, where the
store tag (8 hex digits of the store id) keeps two laptops' backups on one stick apart.
Rotation only ever considers files with exactly that shape *and* this store's tag.

Rotation keeps `Settings.backups_to_keep` (N) backups per folder, chosen for reach into the
past rather than only the latest: the newest backup of each of the most recent days first,
then the newest of the rest. Ten closes in an afternoon keep the N newest; a week of use
keeps one per day for N days, so a mistake noticed days later can still be undone. The
backup just written is never removed, even when the clock is behind the older names
(a dead laptop clock battery is common).

A damaged store (`desktop.store.damage`) gets no automatic backups: a copy of damaged records
is not a good backup, and rotating would push out the good ones. The outcome says so (a
failure: the backup needs attention), nothing is rotated away, and when damage is found while
a backup runs, the newest backup made before it was found is kept whatever the count.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import sqlcipher3

from desktop.atomic import remove_stale
from desktop.errors import OutpostError
from desktop.messages import message_of, msg
from desktop.paths import DataPaths
from desktop.services.backup_format import SUFFIX, Progress
from desktop.services.backup_write import (
    backup_name,
    store_tag,
    take_snapshot,
    write_backup_file,
)
from desktop.settings import Settings
from desktop.store.damage import kind_of
from desktop.store.engine import damage_watch
from desktop.store.store import Store

log = logging.getLogger(__name__)

Reason = Literal["close", "daily"]
DAILY_INTERVAL = dt.timedelta(hours=24)
_CLOCK_SLACK = dt.timedelta(minutes=5)
AUTO_NAME = re.compile(
    r"^outpost-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<tag>[0-9a-f]{8})-"
    r"(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>close|daily)" + re.escape(SUFFIX) + "$"
)

SINGLE_FOLDER_WARNING = msg(
    "Backups are only in the data folder, on the same disk as the clinic's data: if this "
    "laptop is lost, stolen or its disk fails, they are lost too. Configure a second backup "
    "folder, such as a USB stick."
)


@dataclass(frozen=True)
class AutoBackupName:
    path: Path
    tag: str
    created_at: dt.datetime
    reason: str


@dataclass
class AutoBackupResult:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # older backups rotated away
    warnings: list[str] = field(default_factory=list)  # for the status bar / `doctor`
    # What actually went wrong (a subset of `warnings`): a folder that is there but could not
    # be written, or no snapshot at all. Advice (only one folder; the USB stick is not
    # plugged in) is a warning, not a failure: it must not say the backup needs attention.
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """At least one backup was written and verified."""
        return bool(self.written)


def parse_auto_name(path: Path) -> AutoBackupName | None:
    match = AUTO_NAME.match(path.name)
    if match is None:
        return None
    try:
        created = dt.datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return AutoBackupName(path, match["tag"], created, match["reason"])


def list_auto_backups(folder: Path, store_id: str) -> list[AutoBackupName]:
    """This store's automatic backups in `folder`, newest first (by the time in the name)."""
    tag = store_tag(store_id)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [n for p in entries if (n := parse_auto_name(p)) and n.tag == tag and p.is_file()]
    return sorted(found, key=lambda n: (n.created_at, n.path.name), reverse=True)


def choose_kept(backups: list[AutoBackupName], keep: int) -> set[Path]:
    """The newest of each recent day first, then the newest others, `keep` in all."""
    ordered = sorted(backups, key=lambda n: (n.created_at, n.path.name), reverse=True)
    kept: list[AutoBackupName] = []
    days: set[dt.date] = set()
    for backup in ordered:
        if len(kept) < keep and backup.created_at.date() not in days:
            kept.append(backup)
            days.add(backup.created_at.date())
    for backup in ordered:
        if len(kept) < keep and backup not in kept:
            kept.append(backup)
    return {b.path for b in kept}


def rotate_backups(
    folder: Path,
    store_id: str,
    keep: int,
    *,
    protect: Path | None = None,
    damaged_since: dt.datetime | None = None,
) -> list[Path]:
    """Delete this store's older automatic backups in `folder`; returns what was deleted.

    Only files named like our automatic backups, with this store's tag, are candidates;
    `protect` (the backup just written) is always kept, and so, when the store was found
    damaged at `damaged_since`, is the newest backup made before that (the last good one).
    Leftover temporary files of ours older than a few hours are removed too.
    """
    backups = list_auto_backups(folder, store_id)
    protected = {protect} if protect is not None else set()
    if damaged_since is not None:
        good = [b for b in backups if b.created_at < damaged_since]
        if good:
            protected.add(good[0].path)  # newest first
    candidates = [b for b in backups if b.path not in protected]
    kept = choose_kept(candidates, keep - (len(backups) - len(candidates)))
    removed: list[Path] = []
    for backup in candidates:
        if backup.path not in kept:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError as exc:
                log.warning("could not remove the old backup %s: %s", backup.path, exc)
    tag = store_tag(store_id)
    remove_stale(folder, f".outpost-*-{tag}-*{SUFFIX}.*.tmp")
    return removed


def backup_locations(paths: DataPaths, settings: Settings) -> list[Path]:
    """Where automatic backups go: the data folder's backups/, then each configured folder."""
    locations = [paths.backups]
    for entry in settings.backup_dirs:
        folder = Path(entry).expanduser()
        if folder.is_absolute() and folder not in locations:
            locations.append(folder)
    return locations


def _inside(folder: Path, root: Path) -> bool:
    try:
        return folder.resolve().is_relative_to(root.resolve())
    except OSError:
        return False


def backup_locations_warning(paths: DataPaths, settings: Settings) -> str | None:
    """A sentence for the GUI and `outpost doctor` when backups are not kept safely enough."""
    extra = [f for f in backup_locations(paths, settings)[1:] if not _inside(f, paths.root)]
    if not extra:
        return SINGLE_FOLDER_WARNING
    if not any(f.is_dir() for f in extra):
        names = ", ".join(str(f) for f in extra)
        return msg(
            "The second backup folder ({names}) is not available: is the USB stick plugged "
            "in? Until it is, backups are only in the data folder.",
            names=names,
        )
    return None


def damaged_store_message() -> str:
    return msg(
        "No automatic backup was made: the clinic's records are damaged, and a copy of them "
        "would not be a good backup. The existing backups are all kept. Run `outpost "
        "doctor`, then restore the most recent backup."
    )


def auto_backup(
    store: Store,
    settings: Settings,
    *,
    reason: Reason,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> AutoBackupResult:
    """Back up to every location; never raises for a missing, full or failing folder.

    Meant for closing the store and for the daily backup; whatever could not be done is in
    `warnings` (also logged). One snapshot is taken and written to each folder in turn.
    The configured folders are never created (a missing USB stick's mount point must not
    turn into a folder on the laptop's own disk); the data folder's backups/ is.
    A damaged store is not backed up at all, and nothing is rotated away (see the module).
    """
    result = AutoBackupResult()
    watch = damage_watch(store.engine)
    if watch.current() is not None:
        result.failures.append(damaged_store_message())
        result.warnings.append(result.failures[-1])
        log.warning("%s", result.failures[-1])
        return result
    locations = backup_locations(store.paths, settings)
    warning = backup_locations_warning(store.paths, settings)
    if warning == SINGLE_FOLDER_WARNING:
        result.warnings.append(warning)
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    try:
        store.paths.backups.mkdir(parents=True, exist_ok=True, mode=0o700)
        with take_snapshot(
            store, reason=reason, now=moment, progress=progress, span=(0.0, 0.3)
        ) as snap:
            name = backup_name(snap.manifest)
            share = 0.7 / len(locations)
            for i, folder in enumerate(locations):
                if not folder.is_dir():
                    result.warnings.append(
                        msg(
                            "The backup folder {folder} is not available (is the USB stick "
                            "plugged in?); no backup was written there.",
                            folder=folder,
                        )
                    )
                    continue
                start = 0.3 + i * share
                try:
                    written = write_backup_file(
                        snap, folder / name, progress=progress, span=(start, start + share)
                    )
                except OutpostError as exc:
                    result.failures.append(
                        msg(
                            "No backup was written to {folder}: {why}",
                            folder=folder,
                            why=message_of(exc),
                        )
                    )
                    result.warnings.append(result.failures[-1])
                    continue
                result.written.append(written.path)
                damage = watch.current()  # found meanwhile, by another query?
                result.removed += rotate_backups(
                    folder,
                    snap.manifest.store_id,
                    settings.backups_to_keep,
                    protect=written.path,
                    damaged_since=damage.detected_at if damage is not None else None,
                )
    except (OutpostError, OSError) as exc:
        cause = exc.__cause__
        what = kind_of(str(cause)) if isinstance(cause, sqlcipher3.dbapi2.Error) else None
        if what is not None:
            watch.found(what)  # the copy met a damaged page: the store is read-only now
        result.failures.append(
            msg("The automatic backup could not be made: {why}", why=message_of(exc))
        )
        result.warnings.append(result.failures[-1])
    for warning in result.warnings:
        log.warning("%s", warning)
    return result


def daily_backup_due(store: Store, settings: Settings, *, now: dt.datetime | None = None) -> bool:
    """True when daily backups are on and no backup of this store was made in 24 hours.

    Any automatic backup counts (a close backup is as good as a daily one), in any available
    location. A backup whose name is in the future (the clock was wrong) does not count.
    """
    if not settings.daily_backup:
        return False
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    for folder in backup_locations(store.paths, settings):
        for backup in list_auto_backups(folder, store.keyfile.store_id):
            if moment - DAILY_INTERVAL < backup.created_at <= moment + _CLOCK_SLACK:
                return False
    return True
