"""HQ's settings and the small config file in its data folder (`hq.json`, mode 0600) that
remembers the database address given at init, so later commands need only --data-dir."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sync.server.db import sqlite_url

DATA_DIR_ENV = "OUTPOST_HQ_DATA_DIR"
DATABASE_URL_ENV = "OUTPOST_HQ_DATABASE_URL"
ENROL_PER_MINUTE_ENV = "OUTPOST_HQ_ENROL_FAILURES_PER_MINUTE"
CONFIG_NAME = "hq.json"


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str | None = None  # None: the SQLite file in data_dir
    clock: Callable[[], int] = field(default=now_ms)
    # Failed enrolment attempts allowed per client address and minute (429 beyond).
    enrol_failures_per_minute: int = 10
    pool_size: int = 10

    @property
    def url(self) -> str:
        return self.database_url or sqlite_url(self.data_dir)


def read_config(data_dir: Path) -> dict[str, str]:
    path = data_dir / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    data = json.loads(text)
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def write_config(data_dir: Path, values: dict[str, str]) -> None:
    """Atomically, 0600 from the start (the URL may hold a password)."""
    fd, tmp = tempfile.mkstemp(prefix=".hq-", suffix=".json", dir=data_dir)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(values, fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, data_dir / CONFIG_NAME)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def settings_for(data_dir: Path, database_url: str | None = None) -> Settings:
    """Settings of a data folder: an explicit URL wins over the remembered one."""
    url = database_url or read_config(data_dir).get("database_url") or None
    failures = os.environ.get(ENROL_PER_MINUTE_ENV, "")
    return Settings(
        data_dir=data_dir,
        database_url=url,
        enrol_failures_per_minute=int(failures) if failures.isdigit() else 10,
    )


def settings_from_env() -> Settings:
    """For `uvicorn --factory` workers: the serve command exports the data folder."""
    data_dir = os.environ.get(DATA_DIR_ENV)
    if not data_dir:
        raise RuntimeError(f"{DATA_DIR_ENV} is not set")
    return settings_for(Path(data_dir), os.environ.get(DATABASE_URL_ENV) or None)
