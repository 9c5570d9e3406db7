"""The printable recovery key sheet (a form of its own in forms/)."""

from __future__ import annotations

import datetime as dt
import platform
from typing import Literal

import forms


def recovery_sheet_pdf(
    clinic_name: str, recovery_key: str, *, lang: str = "en", paper: Literal["a4", "letter"] = "a4"
) -> bytes:
    definition = forms.shipped_library().get("recovery_sheet")
    context = forms.PrintContext(
        clinic_name=clinic_name,
        printed_at=dt.datetime.now(dt.UTC),
        values={"recovery_key": recovery_key, "device_name": platform.node() or "—"},
    )
    return forms.render_pdf(definition, {}, context=context, lang=lang, paper=paper)
