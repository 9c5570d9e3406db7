"""The sync seam: applying changes from another device, and what needs a person's attention."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core import ClinicCore


class RemoteApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
