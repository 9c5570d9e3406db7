"""The printable recovery key sheet (a form of its own in forms/)."""

from __future__ import annotations

import platform
import zoneinfo
from typing import Literal

import forms
from desktop.clock import ClinicClock


def recovery_sheet_pdf(
    clinic_name: str,
    recovery_key: str,
    *,
    lang: str = "en",
    paper: Literal["a4", "letter"] = "a4",
    clock: ClinicClock | None = None,
    zone: str | None = None,
) -> bytes:
    """The sheet, "Printed …" in the clinic's time: from `clock` once the clinic exists
    (`core.printing` passes its own), or from the `zone` chosen in the set-up wizard."""
    if clock is None:
        clock = ClinicClock(zoneinfo.ZoneInfo(zone or "UTC"))
    definition = forms.shipped_library().get("recovery_sheet")
    context = forms.PrintContext(
        clinic_name=clinic_name,
        printed_at=clock.now(),
        values={"recovery_key": recovery_key, "device_name": platform.node() or "—"},
        zone=clock.zone,
    )
    return forms.render_pdf(definition, {}, context=context, lang=lang, paper=paper)
