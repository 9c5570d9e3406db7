"""rekey: a fresh data key for the store (after a key file was lost or stolen)."""

from __future__ import annotations

import argparse
import sys
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


class ProgressLine:
    """Progress as a percentage on one line of `stream` (rewritten in place), ended by a
    newline at 100%. Used as a context manager: leaving it (an error above all) ends a line
    left unfinished, so the error is printed on a line of its own."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._shown = -1
        self._open = False  # a line printed without its newline

    def __call__(self, fraction: float) -> None:
        percent = int(max(0.0, min(1.0, fraction)) * 100)
        if percent == self._shown:
            return
        self._shown = percent
        done = percent >= 100
        print(
            f"\rChanging the clinic's key: {percent:3d}%",
            end="\n" if done else "",
            file=self._stream,
            flush=True,
        )
        self._open = not done

    def end(self) -> None:
        if self._open:
            print(file=self._stream, flush=True)
            self._open = False

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.end()


def progress_on(stream: TextIO | None = None) -> ProgressLine:
    """A ProgressLine on `stream` (stderr by default)."""
    return ProgressLine(stream)


def run_rekey(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core, progress_on() as progress:
        result = core.admin.rekey(progress=progress, reissue_recovery=args.new_recovery_key).value
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
