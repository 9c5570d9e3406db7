"""backup and restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.context import CliContext


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="write an encrypted, verified backup to FILE")
    p.add_argument("file", type=Path)
    p.set_defaults(run=run_backup)
    p = sub.add_parser(
        "restore",
        help="replace the store with a verified backup (the current one is kept aside)",
        description=(
            "Replace the store in the data folder with a verified backup. Over an existing "
            "store, --user must be an administrator of THAT store, with their current password; "
            "when the store's key does not open the backup (another store, or re-keyed since), "
            "the backup's own password (as it was when it was made) or, with --recovery-key, "
            "its recovery key is asked for next (with --password-stdin: a second line). Into "
            "an empty data folder, the backup opens with --user's password as it was when it "
            "was made, or the recovery key. Accounts the replaced store had disabled stay "
            "disabled."
        ),
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--recovery-key",
        action="store_true",
        help="open the backup with its recovery key instead of a password as it was then "
        "(without --user over an existing store: that store's recovery key authorises)",
    )
    p.add_argument(
        "--confirm-clinic",
        metavar="NAME",
        help="restore a backup of another clinic: that clinic's name, as the refusal gives it",
    )
    p.set_defaults(run=run_restore)


class _Progress:
    """Progress on standard error: one line each time the step or the whole percent changes
    (the database copy reports several times a second, so that Ctrl+C stops it at once)."""

    def __init__(self, *, terminal_only: bool = False) -> None:
        self._last = ""
        # Only for a person watching: a script's standard error then holds nothing but the
        # one line of a refusal.
        self._silent = terminal_only and not sys.stderr.isatty()

    def __call__(self, step: str, fraction: float) -> None:
        line = f"  {fraction:4.0%}  {step}"
        if line != self._last and not self._silent:
            self._last = line
            print(line, file=sys.stderr)


def run_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        info = core.backups.make(args.file, progress=_Progress())
    ctx.print(f"Backup written and verified: {info.path} ({info.size_bytes:,} bytes).")
    return 0


def run_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.app.backups import (
        RECOVERY_KEY,
        BackupCredentials,
        has_live_store,
        restore_backup_file,
    )

    # The store stays closed: a restore may be onto a new laptop with no store yet.
    common: dict[str, Any] = {
        "confirm_clinic": args.confirm_clinic,
        "progress": _Progress(terminal_only=True),
    }
    if has_live_store(ctx.paths):
        # Authorised against the store it replaces: an administrator's current password (or
        # that store's recovery key); the backup's own secret is asked for only if needed.
        if args.recovery_key and not ctx.username:
            key = ctx.secrets.read("Recovery key of the store on this laptop (as printed): ")

            def backup_key() -> BackupCredentials:
                return BackupCredentials(
                    recovery_key=ctx.secrets.read("Recovery key of the backup (as printed): ")
                )

            result = restore_backup_file(
                ctx.paths, args.file, recovery_key=key, backup_credentials=backup_key, **common
            )
        else:
            username = ctx.require_user()
            password = ctx.secrets.read(f"Password for {username} (current): ")

            def backup_secret() -> BackupCredentials:
                if args.recovery_key:
                    text = ctx.secrets.read("Recovery key of the backup (as printed): ")
                    return BackupCredentials(recovery_key=text)
                then = ctx.secrets.read(
                    f"Password for {username} as it was when the backup was made: "
                )
                return BackupCredentials(username=username, password=then)

            result = restore_backup_file(
                ctx.paths,
                args.file,
                username=username,
                password=password,
                backup_credentials=backup_secret,
                **common,
            )
    elif args.recovery_key:
        key = ctx.secrets.read("Recovery key (as printed): ")
        result = restore_backup_file(ctx.paths, args.file, recovery_key=key, **common)
    else:
        username = ctx.require_user()
        password = ctx.secrets.read(
            f"Password for {username} (as it was when the backup was made): "
        )
        result = restore_backup_file(
            ctx.paths, args.file, username=username, password=password, **common
        )
    made = result.info.made_at_clinic_time()  # the clinic's time, as recorded in the backup
    ctx.print(f"Restored {args.file} (made {made:%Y-%m-%d %H:%M} {made.tzname()}).")
    who = "the recovery key" if result.authorised_by == RECOVERY_KEY else result.authorised_by
    if result.authorised_by_live_store:
        ctx.print(f"Authorised by {who}, for the store it replaced.")
    elif result.replaced_damaged_key_file:
        ctx.print(
            f"Authorised by {who} of the backup: the store it replaced had a damaged or "
            "missing key file."
        )
    else:
        ctx.print(f"Authorised by {who}, in the backup (there was no store to replace).")
    if result.kept_disabled:
        ctx.print(
            "Kept disabled, as the replaced store had them: "
            + ", ".join(result.kept_disabled)
            + "."
        )
    if result.rekeyed:
        ctx.print(
            "The restored store was re-keyed: older copies of its key file no longer open it."
        )
    if result.dropped_users:
        ctx.print(
            "Set a new password for "
            + ", ".join(result.dropped_users)
            + ": their key-file entries in the backup were of an older format."
        )
    if result.new_recovery_key:
        ctx.print("The restored store has a new recovery key. Print it or write it down now:")
        ctx.print(f"RECOVERY KEY: {result.new_recovery_key}")
    if result.kept_aside is not None:
        ctx.print(f"The store it replaced was kept in {result.kept_aside}.")
    if result.upgrade_needed:
        ctx.print("The backup is from an older Outpost; it will be upgraded when next opened.")
    return 0
