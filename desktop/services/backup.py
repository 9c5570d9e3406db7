"""Encrypted backups of the clinic's store: making, verifying, restoring, and automatic ones.

The public face of the backup service; the CLI and the GUI import from here. The work is
split by concern:

- `backup_format`  the file: a zip of stored members (manifest.json, outpost.db, keys.json),
                   its manifest and the checks that need no key;
- `backup_check`   opening the database inside with its key and checking it through;
- `backup_write`   `make_backup`: snapshot, pack atomically, read back, then name it;
- `backup_restore` `restore_backup`: verify in full, then a journalled, crash-safe swap;
- `backup_auto`    automatic backups on close and daily, to every location, rotated.

Long operations take `progress(message, fraction)`, called from the calling thread (the GUI
runs them on its database worker and relays progress as a signal); it may raise to cancel,
and nothing partial is left behind.
"""

from __future__ import annotations

from desktop.services.backup_auto import (
    SINGLE_FOLDER_WARNING,
    AutoBackupResult,
    auto_backup,
    backup_locations,
    backup_locations_warning,
    daily_backup_due,
    list_auto_backups,
    rotate_backups,
)
from desktop.services.backup_check import verify_backup
from desktop.services.backup_format import FORMAT, SUFFIX, BackupInfo, Progress
from desktop.services.backup_restore import RestoreResult, restore_backup
from desktop.services.backup_write import make_backup
from desktop.store.restore_journal import recover_interrupted_restore

__all__ = [
    "FORMAT",
    "SINGLE_FOLDER_WARNING",
    "SUFFIX",
    "AutoBackupResult",
    "BackupInfo",
    "Progress",
    "RestoreResult",
    "auto_backup",
    "backup_locations",
    "backup_locations_warning",
    "daily_backup_due",
    "list_auto_backups",
    "make_backup",
    "recover_interrupted_restore",
    "restore_backup",
    "rotate_backups",
    "verify_backup",
]
