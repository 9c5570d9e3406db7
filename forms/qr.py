"""What the QR code on every printed page says, and how a scanner reads it back.

Filled forms carry ``outpost:record:<record id>``; blank forms (and previews without
a record) carry ``outpost:form:<form id>:<version>``, so a paper form filled during a
power cut can be entered against the right definition version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_RECORD = re.compile(r"outpost:record:([A-Za-z0-9._-]{1,64})")
_FORM = re.compile(r"outpost:form:([a-z][a-z0-9_.-]{0,63}):([0-9]{1,7})")


@dataclass(frozen=True, slots=True)
class QrTarget:
    """A decoded page code: either ``record_id`` or ``form_id`` + ``version`` is set."""

    record_id: str | None = None
    form_id: str | None = None
    version: int | None = None


def record_payload(record_id: str) -> str:
    if not _RECORD.fullmatch(f"outpost:record:{record_id}"):
        raise ValueError(
            f"record id {record_id!r} cannot go in a QR code (letters, digits, . _ - only)"
        )
    return f"outpost:record:{record_id}"


def form_payload(form_id: str, version: int) -> str:
    return f"outpost:form:{form_id}:{version}"


def parse_payload(text: str) -> QrTarget | None:
    """The target of a scanned code, or None if it is not one of ours."""
    text = text.strip()
    match = _RECORD.fullmatch(text)
    if match:
        return QrTarget(record_id=match.group(1))
    match = _FORM.fullmatch(text)
    if match:
        return QrTarget(form_id=match.group(1), version=int(match.group(2)))
    return None
