"""Logging that cannot leak patient data into a clear-text file.

Log messages are written by us and never include names, phones or identifiers; exception
*messages*, though, may quote a value (a library error repeating its input), so tracebacks are
written with the exception's type and location only.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path
from types import TracebackType

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


class RedactingFormatter(logging.Formatter):
    def formatException(self, ei: ExcInfo) -> str:
        exc_type, _exc, tb = ei
        frames = "".join(traceback.format_tb(tb)) if tb else ""
        name = exc_type.__qualname__ if exc_type else "Exception"
        return f"Traceback (most recent call last):\n{frames}{name}: <message withheld>"


def log_to_folder(folder: Path, name: str = "outpost.log") -> logging.Handler | None:
    """Send every logger's records to a rotating file in `folder`; None if it cannot.

    The caller removes the handler (`stop_logging`) when its run ends.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(
            folder / name, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def stop_logging(handler: logging.Handler | None) -> None:
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
