"""init, recover, doctor and users: setting up and looking after the store itself."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.app import session as app_session
from desktop.atomic import shown, write_atomic
from desktop.cli.cmd_sync import add_link_options
from desktop.cli.context import CliContext
from desktop.errors import InvalidInput, OutpostError
from desktop.messages import msg
from desktop.passwords import RULES_TEXT


def register(sub: Any) -> None:
    p = sub.add_parser(
        "init",
        help="create a new clinic store, or set this laptop up from HQ (--from-server)",
        description="Create a new clinic store (--clinic NAME --admin USER), or set up a new "
        "or replacement laptop of a clinic HQ knows: `outpost --user USER init --from-server "
        "URL --code CODE`, USER being an account of the clinic, signing in with its password.",
    )
    p.add_argument("--clinic", help="the clinic's name (a new clinic)")
    p.add_argument("--admin", help="user name of the first administrator (a new clinic)")
    p.add_argument("--admin-name", default="", help="the administrator's full name")
    p.add_argument("--country", default="KE", help="two-letter country code (phone numbers)")
    p.add_argument("--timezone", default="Africa/Nairobi", help="the clinic's time zone")
    p.add_argument(
        "--recovery-sheet",
        type=Path,
        metavar="FILE.pdf",
        help="also write the printable recovery key sheet (print it, then delete it)",
    )
    p.add_argument(
        "--from-server",
        metavar="URL",
        help="set this laptop up for a clinic HQ knows, pulling its records (with --code)",
    )
    p.add_argument(
        "--code",
        metavar="CODE",
        help="the one-time code HQ gave for this laptop (used up once the laptop enrols: a "
        "wrong password is then asked again in the same run, up to three times; with "
        "--password-stdin each further line is another try)",
    )
    add_link_options(p)
    p.set_defaults(run=run_init, init_parser=p)

    p = sub.add_parser("recover", help="set a new password with the printed recovery key")
    p.add_argument("username", help="whose password to set")
    p.set_defaults(run=run_recover)

    p = sub.add_parser("doctor", help="check the store: encryption, integrity, schema, outbox")
    p.set_defaults(run=run_doctor)

    users = sub.add_parser("users", help="manage who can sign in").add_subparsers(
        dest="users_command", metavar="ACTION", required=True
    )
    p = users.add_parser("add", help="add a user (reads your password, then theirs)")
    p.add_argument("username")
    p.add_argument("--name", default="", help="full name")
    p.add_argument("--role", default="coordinator", help="admin, coordinator or clinician")
    p.set_defaults(run=run_users_add)
    p = users.add_parser(
        "passwd",
        help="change a password (yours: old then new; "
        "an admin resetting another's: yours then theirs)",
    )
    p.add_argument("username", nargs="?", help="whose password (default: yours)")
    p.set_defaults(run=run_users_passwd)
    p = users.add_parser("list", help="list users and roles")
    p.set_defaults(run=run_users_list)
    p = users.add_parser("disable", help="stop a user from signing in")
    p.add_argument("username")
    p.set_defaults(run=run_users_disable)


def run_init(ctx: CliContext, args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.init_parser
    from_server = args.from_server is not None or args.code is not None
    if from_server:
        if args.from_server is None or args.code is None:
            parser.error(msg("--from-server URL and --code CODE go together"))
        if args.clinic or args.admin:
            parser.error(
                msg(
                    "with --from-server the clinic is HQ's: leave out --clinic and --admin, "
                    "and sign in with --user NAME (an account of the clinic)"
                )
            )
    elif not args.clinic or not args.admin:
        parser.error(msg("the following arguments are required: --clinic, --admin"))
    sheet: Path | None = args.recovery_sheet
    if sheet is not None and not sheet.parent.is_dir():
        # Said before the store exists: a store made without its sheet is a second attempt.
        raise InvalidInput(
            f"The folder {shown(sheet.parent)} for the recovery sheet does not exist; nothing "
            "was created. Create the folder, or choose another one."
        )
    if from_server:
        from desktop.cli.cmd_sync import run_init_from_server

        return run_init_from_server(ctx, args)
    password = ctx.secrets.read(f"New password for {args.admin} ({RULES_TEXT}): ", confirm=True)
    recovery = app_session.create_store(
        ctx.paths,
        clinic_name=args.clinic,
        admin_username=args.admin,
        admin_display_name=args.admin_name,
        password=password,
        country=args.country,
        timezone=args.timezone,
    )
    # The store is saved: from here on the recovery key is shown whatever else fails.
    ctx.print(f"Created the Outpost store for {args.clinic.strip()} in {ctx.paths.root}.")
    print_recovery_key(ctx, recovery)
    return write_recovery_sheet_for(ctx, args.admin.strip(), password, recovery, sheet)


def print_recovery_key(ctx: CliContext, recovery: str) -> None:
    ctx.print("")
    ctx.print(f"RECOVERY KEY: {recovery}")
    ctx.print("")
    ctx.print(
        "Write this key down or print it now and keep it locked away: it is shown only "
        "once, and it is the only way back in if every password is forgotten."
    )


def write_recovery_sheet_for(
    ctx: CliContext, username: str, password: str, recovery: str, sheet: Path | None
) -> int:
    """The recovery sheet, once the store is saved and its key shown (a failure here says
    the store is there)."""
    if sheet is None:
        return 0
    try:
        _write_recovery_sheet(ctx, username, password, recovery, sheet)
    except OutpostError as exc:
        raise OutpostError(
            f"The store was created (its recovery key is above), but the recovery sheet was "
            f"not written: {exc}"
        ) from None
    ctx.print(
        f"The recovery sheet is in {sheet}: print it now, then delete "
        "the file (anyone who reads it can open the clinic's records)."
    )
    return 0


def _write_recovery_sheet(
    ctx: CliContext, admin: str, password: str, recovery: str, sheet: Path
) -> None:
    from desktop.app.printing import RecoverySheetPrint

    # Printed as the administrator, through the core's printing (audited, clinic time).
    core = app_session.sign_in(ctx.paths, admin, password)
    try:
        printed = core.printing.print(RecoverySheetPrint(recovery)).value
    finally:
        core.close()
    write_atomic(sheet, printed.pdf, create_parents=False)


def run_recover(ctx: CliContext, args: argparse.Namespace) -> int:
    recovery = ctx.secrets.read("Recovery key (as printed): ")
    app_session.check_recovery_key(ctx.paths, recovery)  # a wrong key is said at once
    new = ctx.secrets.read(f"New password for {args.username} ({RULES_TEXT}): ", confirm=True)
    app_session.recover_password(ctx.paths, recovery, args.username, new)
    ctx.print(f"The password for {args.username} has been set. Sign in with it now.")
    return 0


def run_doctor(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        health = core.backups.doctor()
        clock = core.clock  # times as the clinic reads them
    ctx.print(f"Clinic:            {health.clinic_name}")
    ctx.print(f"Data folder:       {health.data_folder}")
    ctx.print(
        f"Encryption:        SQLCipher {health.cipher_version}, "
        f"{'pages intact' if health.pages_intact else 'DAMAGED PAGES'}"
    )
    ctx.print(f"Integrity:         {'ok' if health.healthy else '; '.join(health.problems[:5])}")
    ctx.print(f"Schema:            {health.schema_revision} (this Outpost: {health.head_revision})")
    unreadable = "cannot be read (damage)"
    ctx.print(f"Patients:          {_count(health.patients, unreadable)}")
    ctx.print(f"Changes to send:   {_count(health.pending_changes, unreadable)}")
    backups = health.backups
    if backups.last_success is not None:
        ctx.print(f"Last backup:       {clock.local(backups.last_success):%Y-%m-%d %H:%M}")
    if backups.needs_attention and backups.last_failure is not None:
        reason = (backups.failure_reason or "").replace("\n", " ")
        ctx.print(
            f"Backup failed:     {clock.local(backups.last_failure):%Y-%m-%d %H:%M}: {reason}"
        )
    if backups.advice:
        ctx.print(f"Backups:           {backups.advice}")
    if not health.healthy:
        ctx.print(
            "The store is damaged: nothing more is written to it, and everything saved is "
            "kept. Do not delete it; restore the most recent backup with `outpost restore "
            "FILE` (the damaged file is kept aside)."
        )
        return 1
    if health.cleared:
        ctx.print("Damage:            none found now; the store may be written again.")
    return 0


def _count(value: int | None, unreadable: str) -> str:
    return unreadable if value is None else str(value)


def run_users_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.users import parse_role  # a pure function: no session

    role = parse_role(args.role)
    with ctx.clinic() as core:
        password = ctx.secrets.read(
            f"New password for {args.username} ({RULES_TEXT}): ", confirm=True
        )
        core.admin.add_user(
            username=args.username, display_name=args.name, role=role, password=password
        )
    ctx.print(f"Added {args.username} ({args.role}).")
    return 0


def run_users_passwd(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        target = args.username or core.actor.username
        old = ctx.unlocked_with if target == core.actor.username else None
        new = ctx.secrets.read(f"New password for {target} ({RULES_TEXT}): ", confirm=True)
        core.admin.change_password(target, new, old_password=old)
    ctx.print(f"The password for {target} has been changed.")
    return 0


def run_users_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        users = core.admin.users()
    for user in users:
        state = "" if user.active else "  (disabled)"
        ctx.print(f"{user.username:<20} {user.role.value:<12} {user.display_name}{state}")
    return 0


def run_users_disable(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.cli.cmd_keys import progress_on

    with ctx.clinic() as core, progress_on() as progress:
        result = core.admin.set_user_active(args.username, False, progress=progress).value
    ctx.print(
        f"{args.username} can no longer sign in: the clinic's key has been changed, so neither "
        "their password nor any copy of the key file taken before opens the records. Backups "
        "made before still open with the passwords of that time."
    )
    if result is not None and result.recovery_key:
        ctx.print(f"NEW RECOVERY KEY: {result.recovery_key}")
        ctx.print("Write it down or print it now: the old recovery sheet no longer works.")
    if result is not None and result.advice:
        ctx.print(result.advice)
    return 0
