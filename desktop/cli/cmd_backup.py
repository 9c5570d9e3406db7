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
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--recovery-key",
        action="store_true",
        help="open the backup with the recovery key instead of --user's password",
    )
    p.set_defaults(run=run_restore)


class _Progress:
    """Progress on standard error: one line each time the step or the whole percent changes
    (the database copy reports several times a second, so that Ctrl+C stops it at once)."""

    def __init__(self) -> None:
        self._last = ""

    def __call__(self, step: str, fraction: float) -> None:
        line = f"  {fraction:4.0%}  {step}"
        if line != self._last:
            self._last = line
            print(line, file=sys.stderr)


def run_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        info = core.backups.make(args.file, progress=_Progress())
    ctx.print(f"Backup written and verified: {info.path} ({info.size_bytes:,} bytes).")
    return 0


def run_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.app.backups import restore_backup_file

    # The store stays closed: a restore may be onto a new laptop with no store yet, and the
    # backup opens with the passwords as they were when it was made.
    if args.recovery_key:
        key = ctx.secrets.read("Recovery key (as printed): ")
        result = restore_backup_file(ctx.paths, args.file, recovery_key=key, progress=_Progress())
    else:
        username = ctx.require_user()
        password = ctx.secrets.read(
            f"Password for {username} (as it was when the backup was made): "
        )
        result = restore_backup_file(
            ctx.paths, args.file, username=username, password=password, progress=_Progress()
        )
    made = result.info.made_at_clinic_time()  # the clinic's time, as recorded in the backup
    ctx.print(f"Restored {args.file} (made {made:%Y-%m-%d %H:%M} {made.tzname()}).")
    if result.kept_aside is not None:
        ctx.print(f"The store it replaced was kept in {result.kept_aside}.")
    if result.upgrade_needed:
        ctx.print("The backup is from an older Outpost; it will be upgraded when next opened.")
    return 0
