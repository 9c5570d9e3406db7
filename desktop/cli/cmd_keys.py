"""rekey: a fresh data key for the store (after a key file was lost or stolen)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, TextIO

from desktop.cli.context import CliContext


def register(sub: Any) -> None:
    p = sub.add_parser(
        "rekey",
        help="give the store a new data key, so no copy of the key file taken before opens it "
        "(administrators; for a lost or stolen key file)",
        description="Re-encrypt the clinic's records under a new data key and renew every "
        "user's key-file entry. Passwords stay the same; a copy of keys.json taken before no "
        "longer opens the records. Backups made before keep the keys of their time.",
    )
    p.add_argument(
        "--new-recovery-key",
        action="store_true",
        help="also issue a new recovery key (printed once; the old sheet stops working)",
    )
    p.set_defaults(run=run_rekey)


def progress_on(stream: TextIO = sys.stderr) -> Callable[[float], None]:
    """Progress as a percentage on one line of `stream` (rewritten in place), ended by a
    newline at 100%."""
    shown = [-1]

    def report(fraction: float) -> None:
        percent = int(max(0.0, min(1.0, fraction)) * 100)
        if percent == shown[0]:
            return
        shown[0] = percent
        end = "\n" if percent >= 100 else ""
        print(f"\rChanging the clinic's key: {percent:3d}%", end=end, file=stream, flush=True)

    return report


def run_rekey(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        result = core.admin.rekey(
            progress=progress_on(), reissue_recovery=args.new_recovery_key
        ).value
    ctx.print(
        "The clinic's key has been changed: no copy of the key file taken before opens the "
        "records now. Passwords are unchanged."
    )
    if result.recovery_key:
        ctx.print("")
        ctx.print(f"NEW RECOVERY KEY: {result.recovery_key}")
        ctx.print("")
        ctx.print(
            "Write this key down or print it now and keep it locked away: it is shown only "
            "once. The old recovery sheet no longer opens the store; destroy it."
        )
    if result.advice:
        ctx.print(result.advice)
    return 0
