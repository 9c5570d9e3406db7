"""Backups made by hand and automatically, and restoring one."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core import ClinicCore


class BackupsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
