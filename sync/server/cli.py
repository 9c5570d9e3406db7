"""The `outpost-hq` command.

    outpost-hq --data-dir DIR [--database-url URL] init --admin NAME [--password-stdin]
    outpost-hq --data-dir DIR serve [--host 127.0.0.1] [--port 8470] [--workers N]
        [--public-url URL] [--console-idle-minutes N] [--quiet-days N] [--secure-cookies]
    outpost-hq --data-dir DIR enrol --clinic NAME
    outpost-hq --data-dir DIR devices list | devices revoke DEVICE_ID
    outpost-hq --data-dir DIR status
    outpost-hq --data-dir DIR transfer --patient PATIENT_ID --from CLINIC --to CLINIC

Environment: OUTPOST_HQ_DATA_DIR, OUTPOST_HQ_DATABASE_URL. Errors: one line on standard
error, exit 1 (a refusal) or 2 (a usage error), never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import os
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from sync.protocol import LIMITS
from sync.server import db, store
from sync.server.config import (
    DATA_DIR_ENV,
    DATABASE_URL_ENV,
    now_ms,
    read_config,
    settings_for,
    write_config,
)


class CliError(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _when(ms: int | None) -> str:
    if ms is None:
        return "never"
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="outpost-hq", description="Outpost's HQ sync server.")
    p.add_argument("--data-dir", default=os.environ.get(DATA_DIR_ENV), help="HQ's data folder")
    p.add_argument(
        "--database-url",
        default=os.environ.get(DATABASE_URL_ENV),
        help="postgresql://… (default: the SQLite file in the data folder)",
    )
    sub = p.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help="create or upgrade HQ's database and add an admin")
    init.add_argument("--admin", required=True, help="the administrator's name")
    init.add_argument("--password-stdin", action="store_true", help="read the password on stdin")
    serve = sub.add_parser("serve", help="answer laptops")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument(
        "--public-url", help="the address laptops use to reach HQ (put in enrolment QR codes)"
    )
    serve.add_argument(
        "--console-idle-minutes", type=int, help="end a console session unused this long (30)"
    )
    serve.add_argument(
        "--quiet-days", type=int, help="warn about a clinic not heard from in this many days (3)"
    )
    serve.add_argument(
        "--secure-cookies",
        action="store_true",
        help="mark console cookies Secure (TLS ends at a proxy that does not say so)",
    )
    enrol = sub.add_parser("enrol", help="a one-time enrolment code for a clinic")
    enrol.add_argument("--clinic", required=True)
    devices = sub.add_parser("devices", help="list or revoke devices")
    dsub = devices.add_subparsers(dest="devices_command", required=True)
    dsub.add_parser("list")
    revoke = dsub.add_parser("revoke")
    revoke.add_argument("device_id")
    sub.add_parser("status", help="clinics, devices, records, items needing attention")
    transfer = sub.add_parser(
        "transfer", help="send a patient (and its forms) to another clinic's laptops"
    )
    transfer.add_argument("--patient", required=True, help="the patient's id")
    transfer.add_argument("--from", dest="from_clinic", required=True, help="clinic (by name)")
    transfer.add_argument("--to", dest="to_clinic", required=True, help="clinic (by name)")
    return p


def _data_dir(args: argparse.Namespace, *, create: bool) -> Path:
    if not args.data_dir:
        raise CliError(f"outpost-hq needs --data-dir DIR (or {DATA_DIR_ENV})", 2)
    path = Path(args.data_dir).expanduser().absolute()
    if create:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)
    elif not (path / "hq.json").exists() and not (path / "hq.db").exists():
        raise CliError(
            f"{path} is not an HQ data folder: run `outpost-hq --data-dir {path} init "
            "--admin NAME` first"
        )
    return path


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            raise CliError("no terminal to ask the password on: use --password-stdin", 2)
        password = getpass.getpass("Password for the HQ administrator: ")
        if getpass.getpass("Again: ") != password:
            raise CliError("the two passwords differ; nothing was changed")
    if len(password) < 8:
        raise CliError("the administrator's password must have at least 8 characters")
    if len(password) > 1024:
        raise CliError("the administrator's password is too long (at most 1024 characters)")
    return password


def cmd_init(args: argparse.Namespace) -> None:
    data_dir = _data_dir(args, create=True)
    name = " ".join(args.admin.split())
    if not name or len(name) > LIMITS.name_chars:
        raise CliError(f"an administrator's name has 1 to {LIMITS.name_chars} characters")
    password = _read_password(args.password_stdin)
    config = read_config(data_dir)
    if args.database_url:
        config["database_url"] = db.normalise_url(args.database_url)
    write_config(data_dir, config)
    settings = settings_for(data_dir)
    engine = db.open_engine(settings.url)
    try:
        db.upgrade(engine)
        with db.write_session(engine) as s:
            log_id = store.init_meta(s, now_ms())
            added = store.add_admin(s, name, password, now_ms())
    finally:
        engine.dispose()
    if data_dir.joinpath("hq.db").exists():
        for suffix in ("", "-wal", "-shm"):
            f = data_dir / f"hq.db{suffix}"
            if f.exists():
                f.chmod(0o600)
    print(f"HQ database ready at {db.redact(settings.url)} (log {log_id}).")
    if added:
        print(f"Administrator {name} added.")
    else:
        print(f"Administrator {name} already exists; the password was not changed.")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    data_dir = _data_dir(args, create=False)
    settings = settings_for(data_dir, args.database_url)
    engine = db.open_engine(settings.url)
    try:
        db.check_current(engine, data_dir)
    finally:
        engine.dispose()
    if not 1 <= args.port <= 65535:
        raise CliError(f"no such port: {args.port}", 2)
    if args.workers < 1:
        raise CliError("--workers needs at least 1", 2)
    _console_env(args)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    log = logging.getLogger("outpost_hq")
    if args.workers > 1 and settings.database_url is None:
        log.warning(
            "%d workers on SQLite: they take turns to write; use PostgreSQL for several workers",
            args.workers,
        )
    log.info(
        "outpost-hq serving http://%s:%d (database %s, %d worker(s))",
        args.host,
        args.port,
        db.redact(settings.url),
        args.workers,
    )
    log.info("HQ console for HQ staff: http://%s:%d/console/", args.host, args.port)
    if args.workers > 1:
        os.environ[DATA_DIR_ENV] = str(data_dir)
        if args.database_url:
            os.environ[DATABASE_URL_ENV] = args.database_url
        uvicorn.run(
            "sync.server.app:create_app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="info",
            access_log=False,
            server_header=False,
        )
    else:
        from sync.server.app import create_app, settle_startup_heap

        app = create_app(settings)
        settle_startup_heap()
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            log_level="info",
            access_log=False,
            server_header=False,
        )


def _console_env(args: argparse.Namespace) -> None:
    """The console's options, passed as environment (every worker reads the same)."""
    from sync.server.console import settings as console

    if args.public_url:
        from sync.protocol.enrol_link import EnrolLinkError, format_enrol_link

        try:
            format_enrol_link(args.public_url, "ABCD-EFGH")
        except EnrolLinkError as exc:
            raise CliError(f"--public-url: {exc}", 2) from None
        os.environ[console.PUBLIC_URL_ENV] = args.public_url
    for value, option, name, high in (
        (args.console_idle_minutes, "--console-idle-minutes", console.IDLE_MINUTES_ENV, 24 * 60),
        (args.quiet_days, "--quiet-days", console.QUIET_DAYS_ENV, 365),
    ):
        if value is not None:
            if not 1 <= value <= high:
                raise CliError(f"{option} takes 1 to {high}", 2)
            os.environ[name] = str(value)
    if args.secure_cookies:
        os.environ[console.SECURE_COOKIES_ENV] = "1"


def cmd_enrol(args: argparse.Namespace) -> None:
    name = " ".join(args.clinic.split())
    if not name or len(name) > LIMITS.name_chars:
        raise CliError(f"a clinic's name has 1 to {LIMITS.name_chars} characters")
    data_dir = _data_dir(args, create=False)
    engine = db.open_engine(settings_for(data_dir, args.database_url).url)
    try:
        db.check_current(engine, data_dir)
        with db.write_session(engine) as s:
            code, clinic, created = store.issue_code(s, name, now_ms())
            clinic_name = clinic.name
    finally:
        engine.dispose()
    state = "new at HQ" if created else "known at HQ"
    print(f"Clinic {clinic_name} ({state}). One-time enrolment code, valid 24 hours:")
    print(code)


def cmd_devices(args: argparse.Namespace) -> None:
    data_dir = _data_dir(args, create=False)
    engine = db.open_engine(settings_for(data_dir, args.database_url).url)
    try:
        db.check_current(engine, data_dir)
        if args.devices_command == "list":
            with db.read_session(engine) as s:
                lines = store.list_devices(s)
            for d in lines:
                state = "revoked" if d.revoked else "active"
                print(f"{d.id}\t{d.clinic}\t{d.name}\t{_when(d.last_sync_at_ms)}\t{state}")
            if not lines:
                print("No devices enrolled yet.", file=sys.stderr)
            return
        try:
            device_id = uuid.UUID(args.device_id)
        except ValueError:
            raise CliError(f"not a device id: {args.device_id[:60]}", 2) from None
        with db.write_session(engine) as s:
            device = store.revoke_device(s, device_id, now_ms())
            name = device.name if device else ""
        if device is None:
            raise CliError(f"HQ has no device {device_id}")
        print(f"Device {device_id} ({name}) revoked: it can no longer sync.")
    finally:
        engine.dispose()


def cmd_status(args: argparse.Namespace) -> None:
    data_dir = _data_dir(args, create=False)
    engine = db.open_engine(settings_for(data_dir, args.database_url).url)
    try:
        db.check_current(engine, data_dir)
        with db.read_session(engine) as s:
            clinics = store.clinic_status(s)
            from sync.server.transfer import list_transfers

            transfers = list_transfers(s)
    finally:
        engine.dispose()
    if not clinics:
        print("No clinics yet: `outpost-hq enrol --clinic NAME` makes the first.")
    for c in clinics:
        bound = str(c.clinic_id) if c.clinic_id else "no laptop enrolled yet"
        print(f"Clinic {c.name} ({bound})")
        active = [d for d in c.devices if not d.revoked]
        print(f"  devices: {len(active)} active, {len(c.devices) - len(active)} revoked")
        for d in c.devices:
            state = "revoked" if d.revoked else "active"
            print(
                f"    {d.id}  {d.name}: last sync {_when(d.last_sync_at_ms)}, {state}, "
                f"{d.pending} waiting to send, {d.needs_attention} needing attention"
            )
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(c.counts.items())) or "none"
        print(f"  records: {kinds}")
        print(f"  needing attention: {c.needs_attention}")
        print(f"  changes in HQ's log: up to position {c.head}")
    if transfers:
        print("Patients transferred (newest first):")
    for t in transfers:
        print(
            f"  {_when(t.at_ms)}  {t.patient_id}: {t.from_clinic} -> {t.to_clinic}, "
            f"{t.records} record(s), {t.attachments} attachment(s), by {t.by or 'unknown'}"
        )


def _who() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def cmd_transfer(args: argparse.Namespace) -> None:
    from sync.server import transfer

    try:
        patient_id = uuid.UUID(args.patient)
    except ValueError:
        raise CliError(f"not a patient id: {args.patient[:60]}", 2) from None
    data_dir = _data_dir(args, create=False)
    engine = db.open_engine(settings_for(data_dir, args.database_url).url)
    try:
        db.check_current(engine, data_dir)
        try:
            with db.write_session(engine) as s:
                done = transfer.transfer_patient(
                    s, patient_id, args.from_clinic, args.to_clinic, now_ms(), by=_who()
                )
        except store.StoreError as exc:
            raise CliError(exc.message) from None
    finally:
        engine.dispose()
    if done.nothing_new and not done.attachments:
        print(
            f"Patient {patient_id} is already at {done.to_clinic} with everything "
            f"{done.from_clinic} has: nothing was sent."
        )
        return
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(done.records.items()))
    where = f"; HQ positions {done.positions[0]}-{done.positions[1]}" if done.positions else ""
    print(
        f"Patient {patient_id} transferred from {done.from_clinic} to {done.to_clinic} "
        f"(records: {kinds or 'none new'}; attachments: {done.attachments}{where})."
    )
    if done.missing_attachments:
        print(
            f"{done.missing_attachments} attachment(s) are not at HQ yet: transfer again once "
            f"{done.from_clinic}'s laptops have synced."
        )
    print(
        f"{done.to_clinic}'s laptops receive it at their next sync; {done.from_clinic} keeps "
        "its records."
    )


COMMANDS = {
    "init": cmd_init,
    "serve": cmd_serve,
    "enrol": cmd_enrol,
    "devices": cmd_devices,
    "status": cmd_status,
    "transfer": cmd_transfer,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        COMMANDS[args.command](args)
    except CliError as exc:
        print(f"outpost-hq: {exc}", file=sys.stderr)
        return exc.code
    except db.DatabaseError as exc:
        print(f"outpost-hq: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]
        print(f"outpost-hq: the database refused: {db.redact(reason)}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            f"outpost-hq: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
