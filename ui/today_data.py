"""A thin shim: the Today screen's data is the core's read model, `core.schedule.today(day)`
(desktop/app/schedule.py `TodayData`). Kept for the login's prefetch in ui/app.py, which
reads the first day right after unlocking, on the database thread."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.app.schedule import TodayData
    from desktop.app.schedule import TodayData as DayData
    from desktop.core import ClinicCore
else:
    # Only ever used in annotations (ui/app.py); importing the core's schedule module here
    # would load SQLAlchemy before the login window shows.
    DayData = object

__all__ = ["DayData", "prefetch_today"]

log = logging.getLogger(__name__)


def prefetch_today(core: ClinicCore) -> TodayData | None:
    """The first screen's data, read straight after unlocking; None if it cannot be (the
    Today screen then reads it itself and reports any problem)."""
    try:
        return core.schedule.today(core.today())
    except Exception:
        log.warning("could not read the day ahead of the first screen", exc_info=True)
        return None
