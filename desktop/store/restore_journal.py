"""Finishing a restore that a crash interrupted, from its journal (before the store opens).

The restore itself (checking a backup, staging it, writing the journal) is a service
(`desktop.services.backup_restore`); what opening the store needs of it lives here, so the
store never imports a service. The swap, step by step, each atomic and fsynced:

old -wal/-shm moved aside -> old database hard-linked aside -> new database renamed over it
-> old keys.json.bak moved aside -> old keys.json hard-linked aside -> new keys.json renamed
over it. "Aside" is `replaced-before-restore-<UTC time>/`, kept for the person to delete when
they are sure. Every step may be repeated after a crash.

The laptop's device identity is a file of its own (`DataPaths.device`), never part of a
backup: before a restored database is put in place the device file is made to exist, so a
restored store keeps this laptop's identity and never takes on the backed-up one's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from desktop.atomic import fsync_dir, remove_stale, translate_os_error
from desktop.errors import StoreCorrupt
from desktop.paths import DataPaths
from desktop.store.device import ensure_device_id

JOURNAL = "restore-journal.json"
STAGING_PREFIX = ".restore-"
ASIDE_PREFIX = "replaced-before-restore-"
# The staged members, named as in a backup (desktop.services.backup_format DATABASE/KEYS).
STAGED_DATABASE = "outpost.db"
STAGED_KEYS = "keys.json"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")

CrashPoint = Callable[[str], None]


def _no_crash(_step: str) -> None:
    """Between the steps of the swap; tests pass their own to kill the process there."""


def sidecars(db: Path) -> tuple[Path, Path]:
    return Path(f"{db}-wal"), Path(f"{db}-shm")


def unique(folder: Path, name: str) -> Path:
    dest, n = folder / name, 1
    while dest.exists() or dest.is_symlink():
        dest, n = folder / f"{name}.{n}", n + 1
    return dest


def _keep_aside(live: Path, aside: Path) -> None:
    """Keep the old `live` file in `aside` without removing it from its place (a hard link)."""
    if not live.exists():
        return
    aside.mkdir(mode=0o700, exist_ok=True)
    kept = aside / live.name
    if kept.exists() and os.path.samefile(live, kept):
        return  # done before a crash
    dest = unique(aside, live.name)
    try:
        os.link(live, dest)
    except OSError:
        os.replace(live, dest)  # no hard links here (e.g. FAT): move it instead
    fsync_dir(aside)


def _move_aside(live: Path, aside: Path) -> None:
    if not live.exists():
        return
    aside.mkdir(mode=0o700, exist_ok=True)
    os.replace(live, unique(aside, live.name))
    fsync_dir(aside)


def _swap(root: Path, live: Path, staged: Path) -> None:
    os.replace(staged, live)
    fsync_dir(root)


def roll_forward(
    paths: DataPaths, staging: Path, aside: Path, crash_point: CrashPoint = _no_crash
) -> None:
    """Move the staged store into place; every step may be repeated after a crash."""
    root = paths.root
    if (staging / STAGED_DATABASE).exists():
        # This laptop's identity stays this laptop's, whatever the backup's database holds.
        ensure_device_id(paths)
        for sidecar in sidecars(paths.database):
            _move_aside(sidecar, aside)
        crash_point("old-wal-set-aside")
        _keep_aside(paths.database, aside)
        crash_point("old-database-kept")
        _swap(root, paths.database, staging / STAGED_DATABASE)
        crash_point("database-swapped")
    if (staging / STAGED_KEYS).exists():
        _move_aside(paths.keyfile.with_name(paths.keyfile.name + ".bak"), aside)
        _keep_aside(paths.keyfile, aside)
        crash_point("old-keys-kept")
        _swap(root, paths.keyfile, staging / STAGED_KEYS)
        crash_point("keys-swapped")


def finish(paths: DataPaths, staging: Path) -> None:
    (paths.root / JOURNAL).unlink(missing_ok=True)
    fsync_dir(paths.root)
    shutil.rmtree(staging, ignore_errors=True)


def recover_interrupted_restore(paths: DataPaths) -> Path | None:
    """Finish a restore that a crash interrupted, from its journal; clean up leftovers.

    Returns the folder holding the replaced store if a restore was finished now, else None.
    Cheap when there is nothing to do: call it before opening the store.
    """
    journal = paths.root / JOURNAL
    try:
        raw = json.loads(journal.read_text("utf-8"))
        staging_name, aside_name = str(raw["staging"]), str(raw["aside"])
    except FileNotFoundError:
        if paths.root.is_dir():
            remove_stale(paths.root, STAGING_PREFIX + "*")
        return None
    except (OSError, ValueError, KeyError, TypeError):
        raise StoreCorrupt(
            f"A restore was interrupted and its journal {journal} is unreadable. The replaced "
            f"store is in a {ASIDE_PREFIX}… folder and the restored one in a {STAGING_PREFIX}… "
            "folder of the data folder; nothing was deleted. Ask for help before changing "
            "anything."
        ) from None
    for name, prefix in ((staging_name, STAGING_PREFIX), (aside_name, ASIDE_PREFIX)):
        if not name.startswith(prefix) or not _SAFE_NAME.match(name):
            raise StoreCorrupt(f"The restore journal {journal} names an unexpected folder.")
    staging, aside = paths.root / staging_name, paths.root / aside_name
    try:
        roll_forward(paths, staging, aside)
        finish(paths, staging)
    except OSError as exc:
        raise translate_os_error(exc, paths.database) from exc
    return aside if aside.exists() else None
