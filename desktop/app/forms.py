"""Filling, signing and correcting forms, and the form view's data."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core import ClinicCore


class FormsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
