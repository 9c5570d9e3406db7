"""Every print: one call renders the PDF in clinic time and writes its audit event."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core import ClinicCore


class PrintingApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
