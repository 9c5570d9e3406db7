"""What the caller knows about a print job that is not in the answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PatientAge:
    """The patient's age as the header prints it: ``years`` None is "Age not known" (the
    explicit choice at registration), ``estimated`` prints "about …"."""

    years: int | None
    estimated: bool = False


@dataclass(frozen=True, slots=True)
class PrintContext:
    """Plain data the desktop passes to :func:`forms.render_pdf`.

    ``values`` are named values conditions and ``display`` fields can read, e.g.
    ``patient_sex``, ``patient_age_years``, ``recovery_key``, ``currency``, ``today``;
    ``money_decimals`` (the currency's minor-unit digits: 2 for KES, 0 for XOF) sets how a
    bill's amounts print (line items, and number answers with no unit).
    Leave ``patient_name``/``patient_id`` as None on a blank form: the header then
    gets lines to write them by hand. ``patient_id`` is what people read (the clinic
    number), ``record_id`` what the QR code carries. ``patient_age`` (None: not printed)
    follows the name in the header: "34 y", "about 45 y" or "Age not known".

    ``zone`` is the clinic's time zone: the "Printed …" line, signature times and the
    ``today`` of conditions are shown in it, whatever zone the computer itself is set to
    (stored instants are UTC). Without it, ``printed_at``'s own zone is used.
    """

    clinic_name: str
    printed_at: dt.datetime
    patient_name: str | None = None
    patient_id: str | None = None
    record_id: str | None = None
    values: Mapping[str, object] = field(default_factory=dict)
    supersedes_record_id: str | None = None
    correction_reason: str | None = None
    zone: dt.tzinfo | None = None
    patient_age: PatientAge | None = None
    # Filled from the records, to be completed by hand (a referral letter printed from a
    # referral): what the records do not say prints with lines and boxes to write on, as in
    # an `on_paper` part, never as "not answered".
    prefilled: bool = False

    def local(self, when: dt.datetime) -> dt.datetime:
        """``when`` as the clinic's wall-clock time (naive times are left as they are)."""
        zone = self.zone or self.printed_at.tzinfo
        if zone is None or when.tzinfo is None:
            return when
        return when.astimezone(zone)

    def condition_values(self) -> dict[str, object]:
        """``values`` plus ``today`` (the print date unless the caller set it), so a
        reprint evaluates conditions such as ages against a stable date."""
        merged = dict(self.values)
        merged.setdefault("today", self.local(self.printed_at).date())
        return merged
