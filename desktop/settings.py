"""Per-installation settings kept in settings.json beside the database.

Settings hold no patient data (the file is not encrypted): language, auto-lock delay,
backup folders and retention, and when this laptop syncs with HQ on its own.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.atomic import write_atomic
from desktop.errors import InvalidInput

if TYPE_CHECKING:
    from desktop.app.sync_schedule import SyncPlan


@dataclass
class Settings:
    language: str = "en"
    auto_lock_minutes: int = 10
    backup_dirs: list[str] = field(default_factory=list)
    backups_to_keep: int = 7
    daily_backup: bool = True
    # The folder the last PDF was saved in ("" until then: the person's Documents).
    pdf_folder: str = ""
    # Sync with HQ on its own (desktop.app.sync_schedule). False: a metered link, sync only
    # when asked. Every N minutes after the last sync (0: only at the set times), at set times
    # of the clinic's clock ("07:30"), and on closing if the link is up.
    sync_automatic: bool = True
    sync_every_minutes: int = 30
    sync_at: list[str] = field(default_factory=list)
    sync_on_close: bool = True

    def validate(self) -> None:
        if not 1 <= self.auto_lock_minutes <= 240:
            raise InvalidInput(
                "Auto-lock must be between 1 and 240 minutes.", field="auto_lock_minutes"
            )
        if not 1 <= self.backups_to_keep <= 365:
            raise InvalidInput("Keep between 1 and 365 backups.", field="backups_to_keep")
        self.sync_plan().validate()

    def sync_plan(self) -> SyncPlan:
        """The automatic sync the clinic chose (InvalidInput for a time that is not one)."""
        from desktop.app.sync_schedule import SyncPlan, parse_times

        return SyncPlan(
            automatic=bool(self.sync_automatic),
            every_minutes=int(self.sync_every_minutes),
            at_times=parse_times(", ".join(str(t) for t in self.sync_at)),
            on_close=bool(self.sync_on_close),
        )


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
