"""Registering, editing, searching and opening patients; the patient record's read model."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core import ClinicCore


class PatientsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
