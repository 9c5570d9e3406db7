"""Logging that cannot leak patient data into a clear-text file, nor fill a screen.

Log messages are written by us and never include names, phones or identifiers; exception
*messages*, though, may quote a value (a library error repeating its input), so tracebacks are
written with the exception's type and location only.

The log file is owner-only (0600, rotated files too, whatever the umask) in an owner-only
folder. A log that cannot be written (a full disk, a removed folder) is given up quietly: the
standard library would print a "--- Logging error ---" traceback for every record and again
at close, burying the one line a command prints; the log retries a minute later.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import stat
import time
import traceback
from pathlib import Path
from types import TracebackType

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]

RETRY_AFTER_S = 60.0  # after a failed write, records are dropped this long before trying again
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3


class RedactingFormatter(logging.Formatter):
    def formatException(self, ei: ExcInfo) -> str:
        exc_type, _exc, tb = ei
        frames = "".join(traceback.format_tb(tb)) if tb else ""
        name = exc_type.__qualname__ if exc_type else "Exception"
        return f"Traceback (most recent call last):\n{frames}{name}: <message withheld>"


class QuietLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log file, owner-only, that never prints when it cannot write.

    A failed write (or rotation) drops the record, closes the file and stops writing for
    RETRY_AFTER_S; flush and close swallow OSError. Nothing reaches standard error.
    """

    def __init__(self, filename: Path) -> None:
        self.failures = 0
        self._paused_until = 0.0
        super().__init__(
            filename, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # a file left 0644 by an older Outpost
            return open(fd, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(fd)
            raise

    def emit(self, record: logging.LogRecord) -> None:
        if self._paused_until and time.monotonic() < self._paused_until:
            return
        self._paused_until = 0.0
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """Never a traceback on standard error: drop the record, pause, close the file."""
        self.failures += 1
        self._paused_until = time.monotonic() + RETRY_AFTER_S
        self._drop_stream()

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            super().flush()

    def close(self) -> None:
        try:
            super().close()
        except (OSError, ValueError):
            self._drop_stream()

    def _drop_stream(self) -> None:
        stream, self.stream = self.stream, None
        if stream is None:
            return
        # The buffered text may not flush; io closes the descriptor even then.
        with contextlib.suppress(OSError, ValueError):
            stream.close()


def log_to_folder(folder: Path, name: str = "outpost.log") -> logging.Handler | None:
    """Send every logger's records to a rotating file in `folder`; None if it cannot.

    Calling it again for the same file returns the handler already installed. The caller
    removes the handler (`stop_logging`) when its run ends.
    """
    path = (folder / name).absolute()
    root = logging.getLogger()
    for existing in root.handlers:
        if isinstance(existing, QuietLogFile) and existing.baseFilename == str(path):
            return existing
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _owner_only(folder, 0o700)
        for old in [path, *(Path(f"{path}.{n}") for n in range(1, BACKUP_COUNT + 1))]:
            _owner_only(old, 0o600)
        handler = QuietLogFile(path)
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def _owner_only(path: Path, mode: int) -> None:
    """Take group and world access away from an existing file or folder (not a link)."""
    if os.name == "nt":
        return
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISLNK(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
        path.chmod(mode)


def stop_logging(handler: logging.Handler | None) -> None:
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
