"""sync / sync enrol / sync status, and the set-up of a laptop from HQ (`init --from-server`):
a thin command line over the core's sync (`core.sync`, desktop/app/sync.py).

Progress goes to standard error, the summary to standard output. A sync that fails (HQ out of
reach, this laptop revoked, an Outpost too old for HQ) is the core's one line (`SyncFailed`:
it says how many changes wait and that nothing was lost), and exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop.cli.context import CliContext
from desktop.errors import InvalidInput, OutpostError
from desktop.messages import Message, msg

if TYPE_CHECKING:
    from desktop.app.from_server import PendingSetup
    from desktop.app.sync import SyncProgress, SyncReport, SyncStatus
    from desktop.clock import ClinicClock


def register(sub: Any) -> None:
    p = sub.add_parser(
        "sync",
        help="sync with HQ now (push, then pull); also: sync enrol, sync status",
        description="One sync with HQ now: this laptop's changes are sent, then HQ's are "
        "received. Progress on standard error, a summary on standard output. When HQ cannot "
        "be reached: exit 1 and one line (nothing is lost; the changes wait for the next "
        "sync).",
    )
    p.add_argument(
        "--server",
        metavar="URL",
        help="reach HQ at another address for this sync (a relay, a moved HQ)",
    )
    p.set_defaults(run=run_sync)
    actions = p.add_subparsers(dest="sync_command", metavar="ACTION", required=False)
    e = actions.add_parser(
        "enrol",
        help="join this laptop's clinic (set up offline) to HQ with a one-time code",
        description="Join this clinic to HQ with the one-time code HQ gave (`outpost-hq enrol "
        "--clinic NAME`). If HQ's clinic of that name is new, this laptop's records become "
        "its first records at the next `outpost sync`.",
    )
    e.add_argument("url", metavar="URL", help="HQ's address, e.g. https://hq.example.org")
    e.add_argument("code", metavar="CODE", help="the one-time enrolment code")
    add_link_options(e)
    e.set_defaults(run=run_enrol)
    s = actions.add_parser("status", help="HQ, this device, the last sync, what waits")
    s.set_defaults(run=run_status)


def add_link_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ca-file",
        metavar="FILE.pem",
        type=Path,
        help="trust HQ's certificate only if it is signed by this CA (a clinic's own CA)",
    )
    parser.add_argument(
        "--device-name", metavar="NAME", help="how HQ lists this laptop (default: its host name)"
    )


# --- progress ------------------------------------------------------------------------------


def stage_words(stage: str) -> str:
    words: dict[str, Message] = {
        "hello": msg("reaching HQ"),
        "attachments": msg("attachments"),
        "push": msg("sending changes"),
        "pull": msg("receiving changes"),
        "check": msg("checking the counts"),
    }
    return words.get(stage, stage)


class SyncProgressLines:
    """The core's progress on `stream`: rewritten in place on a terminal; elsewhere (a log, a
    pipe) one line per stage, from the first stage after HQ answered, so a sync that cannot
    reach HQ says only its one line. As a context manager, leaving it ends a line left open
    (an error is then printed on a line of its own)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._tty = bool(getattr(self._stream, "isatty", lambda: False)())
        self._stage: str | None = None
        self._open = False

    def __call__(self, progress: SyncProgress) -> None:
        if self._tty:
            if progress.total:
                text = msg(
                    "Sync: {stage} {done}/{total}",
                    stage=stage_words(progress.stage),
                    done=progress.done,
                    total=progress.total,
                )
            else:
                text = msg("Sync: {stage}…", stage=stage_words(progress.stage))
            print(f"\r\x1b[K{text}", end="", file=self._stream, flush=True)
            self._open = True
            return
        if progress.stage == self._stage or progress.stage == "hello":
            return
        self._stage = progress.stage
        print(msg("Sync: {stage}…", stage=stage_words(progress.stage)), file=self._stream)

    def end(self) -> None:
        if self._open:
            print("\r\x1b[K", end="", file=self._stream, flush=True)
            self._open = False

    def __enter__(self) -> SyncProgressLines:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.end()


# --- the commands --------------------------------------------------------------------------


def run_sync(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core, SyncProgressLines() as progress:
        report = core.sync.sync_now(server=args.server, progress=progress)
        status = core.sync.status()
    progress.end()
    if report.clock_warning:
        print(f"outpost: {report.clock_warning}", file=sys.stderr)
    for line in summary_lines(report, status):
        ctx.print(line)
    return 0


def summary_lines(report: SyncReport, status: SyncStatus) -> list[str]:
    lines: list[str] = [
        msg(
            "Synced with HQ: {sent} sent, {received} received, {attention} needing attention.",
            sent=report.sent + report.duplicates,
            received=report.received,
            attention=status.needs_attention,
        )
    ]
    if report.removed:
        # Said every time: a removal made elsewhere must never pass unnoticed here.
        lines.append(
            msg("{n} patients were removed on other laptops of the clinic.", n=report.removed)
        )
    if report.cancelled:
        lines.append(msg("The sync was stopped before the end; the rest goes next time."))
    if report.rejected:
        lines.append(
            msg(
                "HQ refused {n} changes; they wait on this laptop: {why}",
                n=len(report.rejected),
                why=report.rejected[0][1],
            )
        )
    if report.resynced:
        lines.append(msg("This laptop and HQ were compared in full (a resync)."))
    for kind, here, there in report.counts_differ:
        lines.append(
            msg(
                "Records of {kind} still differ: {here} here, {there} at HQ.",
                kind=kind,
                here=here,
                there=there,
            )
        )
    if report.pending:
        lines.append(msg("{n} changes still wait to be sent.", n=report.pending))
    if status.needs_attention:
        lines.append(msg("See what needs attention with `outpost attention list`."))
    return lines


def run_enrol(ctx: CliContext, args: argparse.Namespace) -> int:
    ca_file = str(args.ca_file) if args.ca_file is not None else None
    with ctx.clinic() as core:
        status = core.sync.enrol(
            args.url, args.code, device_name=args.device_name, ca_file=ca_file
        ).value
    ctx.print(
        msg(
            "This laptop is joined to HQ at {url} as {clinic} (device {device}). Run "
            "`outpost sync` to send its records.",
            url=status.server_url or args.url,
            clinic=status.hq_clinic_name or "-",
            device=status.device_id or "-",
        )
    )
    return 0


def run_status(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        status = core.sync.status()
        clock = core.clock
        fingerprint = core.admin.accounts_fingerprint()
    for line in status_lines(status, clock):
        ctx.print(line)
    # The same on every laptop of the clinic: a laptop showing another was set up from an
    # HQ that is not the clinic's (desktop.store.account_grants).
    ctx.print(
        msg(
            "Accounts signed by: {fingerprint}",
            fingerprint=fingerprint or msg("no administrator has signed in since the update"),
        )
    )
    return 0


def status_lines(status: SyncStatus, clock: ClinicClock) -> list[str]:
    def at(instant: Any) -> str:
        if instant is None:
            return msg("never")
        return f"{clock.local(instant):%Y-%m-%d %H:%M} ({clock.zone.key})"

    server: str
    if not status.enrolled:
        server = msg("not joined to HQ (run `outpost sync enrol URL CODE`)")
    elif status.hq_clinic_name:
        server = msg("{url} (clinic {name})", url=status.server_url, name=status.hq_clinic_name)
    else:
        server = str(status.server_url)
    if status.clock_offset_ms is None:
        offset = msg("not measured yet")
    else:
        offset = msg(
            "{seconds} s (HQ's clock minus this laptop's)",
            seconds=f"{status.clock_offset_ms / 1000:+.1f}",
        )
    lines: list[str] = [
        msg("Server:             {server}", server=server),
        msg("This device:        {device}", device=status.device_id or "-"),
        msg("Last sync:          {when}", when=at(status.last_success_at)),
    ]
    if status.last_error and status.last_attempt_at is not None:
        lines.append(
            msg(
                "Last attempt:       {when}, failed: {why}",
                when=at(status.last_attempt_at),
                why=" ".join(status.last_error.split()),
            )
        )
    lines += [
        msg("Changes waiting:    {n}", n=status.pending),
        msg("Needing attention:  {n}", n=status.needs_attention),
        msg("Clock offset:       {offset}", offset=offset),
    ]
    return lines


# --- init --from-server ----------------------------------------------------------------------


PASSWORD_TRIES = 3  # a mistyped password is asked again, as `sudo` does; the code is not


def run_init_from_server(ctx: CliContext, args: argparse.Namespace) -> int:
    """`outpost --data-dir D --user U init --from-server URL --code CODE`: a new or replacement
    laptop of a clinic HQ knows; U signs in with the password the account already has.

    The code is used once the laptop enrols, before the password can be checked (the
    accounts come with the clinic's records). So a wrong password is asked again in the same
    run, up to three times, without enrolling again: at a terminal by a new prompt, with
    --password-stdin from the next line (none: no more tries). When the run gives up, its one
    line says the code is used up, which device HQ now lists, and how to have it revoked."""
    from desktop.app.from_server import enrol_for_setup
    from desktop.cli.cmd_store import print_recovery_key, write_recovery_sheet_for

    if not ctx.username:
        raise InvalidInput(
            msg(
                "Give --user NAME, an account of the clinic at HQ, which signs in with the "
                "password it already has (e.g. `outpost --user amina init --from-server URL "
                "--code CODE`)."
            )
        )
    username = ctx.username
    password = ctx.secrets.read(msg("Password for {user}: ", user=username))
    ca_file = str(args.ca_file) if args.ca_file is not None else None
    with SyncProgressLines() as progress:
        pending = enrol_for_setup(
            ctx.paths, args.from_server, args.code, device_name=args.device_name, ca_file=ca_file
        )
        try:
            try:
                pending.receive(progress)
            except OutpostError as exc:
                raise _reworded(exc, pending.code_used_words()) from exc
            core, recovery, report = _finish_with_tries(ctx, pending, username, password)
        finally:
            pending.abandon()
        try:
            clinic = core.clinic_name
            fingerprint = core.admin.accounts_fingerprint()
        finally:
            core.close()
    ctx.print(
        msg(
            "Set up this laptop for {clinic} from HQ in {root}: {received} records received.",
            clinic=clinic,
            root=ctx.paths.root,
            received=report.received,
        )
    )
    if fingerprint is not None:
        ctx.print(
            msg(
                "Accounts signed by: {fingerprint} (`outpost sync status` on another laptop of "
                "the clinic shows the same)",
                fingerprint=fingerprint,
            )
        )
    print_recovery_key(ctx, recovery)
    return write_recovery_sheet_for(ctx, username, password, recovery, args.recovery_sheet)


def _finish_with_tries(
    ctx: CliContext, pending: PendingSetup, username: str, password: str
) -> tuple[Any, str, Any]:
    """`pending.finish`, asking again after a wrong password (no new enrolment); the error
    that ends it says the code is used up and which device HQ lists."""
    from desktop.errors import LoginThrottled, PermissionDenied, WrongPassword

    for tries_left in range(PASSWORD_TRIES - 1, -1, -1):
        try:
            return pending.finish(username, password)
        except (WrongPassword, PermissionDenied, LoginThrottled) as exc:
            again = _again(ctx, username, exc, tries_left) if tries_left else None
            if again is None or not isinstance(exc, WrongPassword):
                raise _reworded(exc, pending.code_used_words()) from exc
            password = again
    raise AssertionError("unreachable")  # the last try returns or raises


def _again(ctx: CliContext, username: str, error: BaseException, tries_left: int) -> str | None:
    """Another password after `error`, or None when there is none to read (standard input
    has no further line). At a terminal the reason is said before the prompt; from standard
    input only when a further line is there to try."""
    notice = "outpost: " + _then(
        error,
        msg(
            "This laptop is enrolled and holds the clinic's records, so the code is not needed "
            "again: give the password once more (tries left: {n}).",
            n=tries_left,
        ),
    )
    prompt = msg("Password for {user}: ", user=username)
    if not ctx.secrets.from_stdin:
        print(notice, file=sys.stderr)
    try:
        password = ctx.secrets.read(prompt)
    except InvalidInput:
        return None
    if ctx.secrets.from_stdin:
        print(notice, file=sys.stderr)
    return password


def _then(error: BaseException, more: str) -> Message:
    from desktop.messages import message_of

    return msg("{why} {more}", why=message_of(error), more=more)


def _reworded(error: OutpostError, more: str) -> OutpostError:
    """The same kind of error, its words followed by `more`."""
    text = _then(error, more)
    try:
        return type(error)(text)
    except TypeError:  # a kind that needs more than its words (LoginThrottled)
        return OutpostError(text)
