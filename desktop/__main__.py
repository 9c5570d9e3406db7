"""`python -m desktop`: start the Outpost desktop application.

Only the launcher lives here: it reads the command line, resolves the data folder (flag,
then OUTPOST_DATA_DIR, then the per-user folder) and hands over to `ui.app`. The core itself
never imports the GUI; this module imports it only when run.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from desktop.errors import OutpostError
from desktop.paths import DATA_DIR_ENV, DataPaths, resolve_data_dir


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop", description="Outpost: the clinic's desktop application."
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"the clinic's data folder (default: ${DATA_DIR_ENV}, or the per-user data folder)",
    )
    args, qt_args = parser.parse_known_args(argv)
    paths = DataPaths(resolve_data_dir(args.data_dir))
    try:
        tightened = paths.secure()  # owner-only, before the window opens anything in it
    except OutpostError as exc:
        print(f"outpost: {exc}", file=sys.stderr)
        return 1
    if tightened:
        from desktop.logs import log_to_folder

        log_to_folder(paths.logs)  # the GUI's own call finds this handler installed
        for note in tightened:
            logging.getLogger("outpost").warning("data folder: %s", note)
    from ui.app import run

    return run(paths.root, [sys.argv[0], *qt_args])


if __name__ == "__main__":
    sys.exit(main())
