"""The appointment book: booking, moving, cancelling, check-in and the status of a visit;
Today and the Calendar's read models."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core import ClinicCore


class ScheduleApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
