"""The clinic's administration: users, providers, appointment types, working hours, clinic
details and settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core import ClinicCore


class AdminApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
