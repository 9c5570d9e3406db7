"""Synced record kinds declared as data, and the generic parts that come from them."""

from desktop.records.kinds import SPECS, spec_for
from desktop.records.spec import (
    FieldSpec,
    RecordSpec,
    StatusMachine,
    find_live,
    get_live,
    list_live,
)

__all__ = [
    "SPECS",
    "FieldSpec",
    "RecordSpec",
    "StatusMachine",
    "find_live",
    "get_live",
    "list_live",
    "spec_for",
]
