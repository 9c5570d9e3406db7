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
import stat
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
def atomic_writer(target: Path, *, create_parents: bool = True) -> Iterator[BinaryIO]:
    """Write `target` through an owner-only temporary file renamed over it at the end.

    Internal files (settings, key files, status) create their folder; a file a person named
    (`print -o`, a recovery sheet) passes `create_parents=False`, so a mistyped folder is said
    ("the folder … does not exist") instead of being created silently. Any OSError, however
    early (the folder, the temporary file, the rename), becomes one clear OutpostError.
    """
    target = Path(target)
    tmp: Path | None = None
    try:
        if create_parents:
            target.parent.mkdir(parents=True, exist_ok=True)
        # A short prefix: a long but legal file name must not fail on its temporary twin.
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent
        )
        tmp = Path(tmp_name)
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
        fsync_dir(target.parent)
    except OSError as exc:
        _discard(tmp)
        raise translate_os_error(exc, target) from exc
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: Path | None) -> None:
    if tmp is not None:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def read_small_file(path: Path, limit: int) -> bytes:
    """A file of our own (a key file, a record, a marker), refusing (ValueError) anything that
    is not a regular file of at most `limit` bytes. Opened without following a link and
    without blocking, and checked on the open file: a FIFO put in its place cannot hang the
    read, nor a link to /dev/zero feed it forever. FileNotFoundError when there is none."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("it is not a regular file")
        if info.st_size > limit:
            raise ValueError(f"it is {info.st_size:,} bytes, far more than expected")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ValueError("it is far larger than expected")
    return data


def write_atomic(target: Path, data: bytes, *, create_parents: bool = True) -> None:
    with atomic_writer(target, create_parents=create_parents) as handle:
        handle.write(data)


def shown(path: str | os.PathLike[str], limit: int = 120) -> str:
    """A path as a message shows it: a 5,000-character name is cut in the middle."""
    text = os.fspath(path)
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def translate_os_error(exc: OSError, path: Path) -> OutpostError:
    """One clear error for an OSError met while writing `path` (or inside the folder `path`)."""
    path = Path(path)
    folder = path.parent
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            f"The disk is full while writing {_short_name(path)}. Nothing already saved was "
            "lost; free some space (or choose another drive) and try again."
        )
    if code == errno.ENAMETOOLONG:
        return OutpostError(
            f"The file name {shown(path, 60)} is too long for the disk "
            f"({len(path.name):,} characters). Choose a shorter name."
        )
    if code == errno.ENOENT and not _is_dir(folder):
        return OutpostError(
            f"The folder {shown(folder)} does not exist. Create it first, or choose another folder."
        )
    if code == errno.ENOTDIR or (code == errno.EEXIST and not _is_dir(folder)):
        return OutpostError(
            f"{shown(folder)} is not a folder (a part of the path is a file). Choose a folder."
        )
    if code == errno.EISDIR or (code in (errno.EEXIST, errno.ENOTEMPTY) and _is_dir(path)):
        return OutpostError(f"{shown(path)} is a folder: give the name of a file inside it.")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutpostError(
            f"Outpost is not allowed to write {shown(path)}. Check the folder's permissions, "
            "or choose another folder."
        )
    if code in (errno.ENOENT, errno.EINVAL, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP):
        # /proc, /sys and the like: folders that exist but do not take ordinary files.
        return OutpostError(
            f"Files cannot be written in {shown(folder)} (it is not an ordinary folder on a "
            "disk). Choose another folder."
        )
    if code == errno.EIO:
        return OutpostError(
            f"The disk failed while writing {shown(path)}. Nothing already saved was lost; "
            "check the disk or choose another one."
        )
    return OutpostError(f"Could not write {shown(path)}: {exc.strerror or type(exc).__name__}.")


def _short_name(path: Path) -> str:
    return shown(Path(path.name), 60)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


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
