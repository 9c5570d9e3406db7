"""Where Outpost keeps its files, and how a person or a test overrides that.

Order of precedence: the `--data-dir` flag, then the OUTPOST_DATA_DIR environment variable,
then the platform's per-user data folder (platformdirs). Tests and portable installs pass a
folder of their own and never touch a real user's data.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop.errors import StoreError

APP_NAME = "Outpost"
DATA_DIR_ENV = "OUTPOST_DATA_DIR"


def default_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def resolve_data_dir(flag: str | os.PathLike[str] | None = None) -> Path:
    if flag:
        return Path(flag).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


class DataFolderProblem(StoreError):
    """The data folder is not a folder, cannot be read, or is open to other users."""


@dataclass(frozen=True)
class DataPaths:
    """The files inside one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "outpost.db"

    @property
    def keyfile(self) -> Path:
        return self.root / "keys.json"

    @property
    def device(self) -> Path:
        """This laptop's device identity: beside the database, never inside it, so a backup
        restored on another laptop does not make two laptops the same device."""
        return self.root / "device.json"

    @property
    def throttle(self) -> Path:
        return self.root / "login-attempts.json"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def forms(self) -> Path:
        """A clinic's own form definitions (added or translated without code)."""
        return self.root / "forms"

    def ensure(self) -> None:
        """Create the data folder, owner-only (whatever the umask)."""
        created = not self.root.exists()
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        if created and os.name != "nt":
            self.root.chmod(0o700)

    def secure(self) -> list[str]:
        """Check an existing data folder before anything is read or written in it.

        A folder (or its logs/ and backups/) that other users of the computer can read is made
        owner-only; returns a note for the log about each folder tightened. Raises
        DataFolderProblem (one clear line) when the data folder is not a folder, cannot be
        read, or is open to others and cannot be tightened (another user owns it).
        """
        from desktop.atomic import shown

        root = self.root
        try:
            info = root.stat()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise DataFolderProblem(
                f"Outpost cannot reach the data folder {shown(root)} "
                f"({exc.strerror or type(exc).__name__}). Check its permissions, or give "
                "another folder with --data-dir."
            ) from None
        if not stat.S_ISDIR(info.st_mode):
            raise DataFolderProblem(
                f"{shown(root)} is a file, not a folder: give --data-dir the clinic's data "
                "folder (or a new folder's name)."
            )
        if not os.access(root, os.R_OK | os.W_OK | os.X_OK):
            raise DataFolderProblem(
                f"Outpost is not allowed to read and write the data folder {shown(root)}. "
                "Sign in to the computer as the person who set up Outpost, or check the "
                "folder's permissions."
            )
        if os.name == "nt":
            return []
        notes = []
        for folder in (root, self.logs, self.backups):
            try:
                mode = stat.S_IMODE(folder.lstat().st_mode)
            except OSError:
                continue  # logs/ or backups/ not made yet
            if not mode & 0o077:
                continue
            owner = folder.lstat().st_uid
            try:
                if owner != os.geteuid():
                    raise PermissionError("owned by another user")
                folder.chmod(mode & 0o700 | 0o700)
            except OSError:
                raise DataFolderProblem(
                    f"Other users of this computer can open {shown(folder)} (mode "
                    f"{mode:04o}) and Outpost cannot make it private"
                    + (" (it belongs to another user)" if owner != os.geteuid() else "")
                    + ". Nothing was read or written; use a folder of your own "
                    "(--data-dir), or have its owner run `chmod 700` on it."
                ) from None
            notes.append(
                f"{folder.name} folder was open to other users (mode {mode:04o}); "
                "made owner-only (0700)"
            )
        return notes
