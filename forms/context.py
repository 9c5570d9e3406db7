"""What the caller knows about a print job that is not in the answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PrintContext:
    """Plain data the desktop passes to :func:`forms.render_pdf`.

    ``values`` are named values conditions and ``display`` fields can read, e.g.
    ``patient_sex``, ``patient_age_years``, ``recovery_key``, ``currency``, ``today``.
    Leave ``patient_name``/``patient_id`` as None on a blank form: the header then
    gets lines to write them by hand.
    """

    clinic_name: str
    printed_at: dt.datetime
    patient_name: str | None = None
    patient_id: str | None = None
    record_id: str | None = None
    values: Mapping[str, object] = field(default_factory=dict)
    supersedes_record_id: str | None = None
    correction_reason: str | None = None

    def condition_values(self) -> dict[str, object]:
        """``values`` plus ``today`` (the print date unless the caller set it), so a
        reprint evaluates conditions such as ages against a stable date."""
        merged = dict(self.values)
        merged.setdefault("today", self.printed_at.date())
        return merged
