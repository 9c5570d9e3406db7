"""Where Outpost keeps its files, and how a person or a test overrides that.

Order of precedence: the `--data-dir` flag, then the OUTPOST_DATA_DIR environment variable,
then the platform's per-user data folder (platformdirs). Tests and portable installs pass a
folder of their own and never touch a real user's data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

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
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
