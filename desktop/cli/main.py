"""`outpost`: the clinic's store from the command line.

Exit codes: 0 success; 1 a problem the user can act on (one line on standard error);
2 a mistake in the command's words (argparse); 3 an unexpected failure (logged without patient
data; the log file is named on standard error).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from desktop.cli import (
    cmd_appointments,
    cmd_attention,
    cmd_backup,
    cmd_billing,
    cmd_careplans,
    cmd_clinic,
    cmd_coverage,
    cmd_forms,
    cmd_icd10,
    cmd_keys,
    cmd_patients,
    cmd_referrals,
    cmd_results,
    cmd_store,
    cmd_sync,
    cmd_worklist,
)
from desktop.cli.context import CliContext
from desktop.errors import OutpostError
from desktop.logs import log_to_folder, stop_logging
from desktop.paths import DATA_DIR_ENV, DataPaths, resolve_data_dir

log = logging.getLogger("outpost")

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE, EXIT_UNEXPECTED = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outpost",
        description="Outpost: the clinic's encrypted records, from the command line.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"the clinic's data folder (default: ${DATA_DIR_ENV}, or the per-user data folder)",
    )
    parser.add_argument("--user", metavar="NAME", help="who is signing in")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read passwords from standard input, one per line, instead of prompting",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (
        cmd_store,
        cmd_keys,
        cmd_patients,
        cmd_appointments,
        cmd_backup,
        cmd_forms,
        cmd_sync,
        cmd_attention,
        cmd_icd10,
        cmd_results,
        cmd_referrals,
        cmd_careplans,
        cmd_coverage,
        cmd_worklist,
        cmd_clinic,
        cmd_billing,
    ):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: logging.Handler | None = None
    try:
        paths = DataPaths(resolve_data_dir(args.data_dir))
        # Before anything is read or written there: not a file, readable, owner-only.
        tightened = paths.secure()
        handler = log_to_folder(paths.logs) if paths.root.is_dir() else None
        for note in tightened:
            log.warning("data folder: %s", note)
        code: int = args.run(CliContext.from_args(args, paths), args)
        sys.stdout.flush()  # a closed pipe is said here, not at exit
        return code
    except OutpostError as exc:
        print(f"outpost: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("outpost: interrupted; nothing half-written was kept.", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        # `outpost … | head`: the reader left; what was saved is saved, say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_USER_ERROR
    except Exception:
        log.exception("unexpected error in `outpost %s`", args.command)
        log_file = getattr(handler, "baseFilename", None)
        where = f" Details are in {log_file}." if log_file else ""
        print(
            f"outpost: an unexpected error stopped `{args.command}`; nothing already saved "
            f"was lost.{where}",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
    finally:
        stop_logging(handler)


if __name__ == "__main__":
    sys.exit(main())
