"""Atomic, permission-first file writes (the Electrum `storage.write()` habit).

A file we produce is first written to a temporary file in the same folder, readable by the
owner only, flushed to disk, and then renamed over the target; a crash at any point leaves
either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from desktop.errors import DiskFull, OutpostError


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory to fsync it
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise translate_os_error(exc, target) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(target: Path, data: bytes) -> None:
    with atomic_writer(target) as handle:
        handle.write(data)


def translate_os_error(exc: OSError, path: Path) -> OutpostError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            f"The disk is full while writing {path.name}. Nothing already saved was lost; "
            "free some space (or choose another drive) and try again."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutpostError(
            f"Outpost is not allowed to write {path}. Check the folder's permissions."
        )
    return OutpostError(f"Could not write {path}: {exc.strerror or exc}.")


STALE_AFTER_S = 12 * 3600  # a work folder or temporary file this old was left by a crash


def remove_stale(folder: Path, pattern: str, *, now: float | None = None) -> None:
    """Remove work folders or temporary files a crash left behind (ours by name, and old)."""
    cutoff = (now if now is not None else time.time()) - STALE_AFTER_S
    for leftover in folder.glob(pattern):
        with contextlib.suppress(OSError):
            if leftover.lstat().st_mtime < cutoff:
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover, ignore_errors=True)
                else:
                    leftover.unlink()
