"""Per-installation settings kept in settings.json beside the database.

Settings hold no patient data (the file is not encrypted): language, auto-lock delay,
backup folders and retention.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop.atomic import write_atomic
from desktop.errors import InvalidInput


@dataclass
class Settings:
    language: str = "en"
    auto_lock_minutes: int = 10
    backup_dirs: list[str] = field(default_factory=list)
    backups_to_keep: int = 7
    daily_backup: bool = True
    # The folder the last PDF was saved in ("" until then: the person's Documents).
    pdf_folder: str = ""

    def validate(self) -> None:
        if not 1 <= self.auto_lock_minutes <= 240:
            raise InvalidInput(
                "Auto-lock must be between 1 and 240 minutes.", field="auto_lock_minutes"
            )
        if not 1 <= self.backups_to_keep <= 365:
            raise InvalidInput("Keep between 1 and 365 backups.", field="backups_to_keep")


def load_settings(path: Path) -> Settings:
    try:
        raw: Any = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        # A damaged settings file must not stop a clinic from working: fall back to defaults
        # (the file is rewritten on the next save).
        return Settings()
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
    try:
        settings = Settings(**values)
        settings.validate()
    except (TypeError, InvalidInput):
        return Settings()
    return settings


def save_settings(path: Path, settings: Settings) -> None:
    settings.validate()
    write_atomic(path, json.dumps(asdict(settings), indent=2).encode("utf-8"))
