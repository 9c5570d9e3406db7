"""Where the forms work plugs into the desktop.

The patient record lists a patient's form records and asks, by signal, for a form to be
opened (`open_form_requested(patient_id, form_record_id or None)`: None means a new form)
or for something to be printed (`print_requested(PrintRequest)`). The composition root
(`ui.app`) connects those signals to a `FormsGateway`: `ui.forms_gateway.FormsDesk`, or a
stand-in in tests.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PrintRequest:
    """What the person asked to print.

    kind: "patient" (the record or a summary), "form_record" (one filled form),
    "appointment_slip", "day_list" (the day's appointments), "blank_forms" (for downtime:
    no patient), "letter" (`letter`: a core letter request, e.g.
    `desktop.app.printouts.CarePlanPrint`, shown as the core describes it).
    """

    kind: str
    patient_id: uuid.UUID | None = None
    form_record_id: uuid.UUID | None = None
    appointment_id: uuid.UUID | None = None
    day: dt.date | None = None
    letter: object | None = None  # one of desktop.app.printouts.LETTERS


class FormsGateway(Protocol):
    def open_form(
        self, parent: QWidget, patient_id: uuid.UUID, form_record_id: uuid.UUID | None
    ) -> None: ...

    def print(self, parent: QWidget, request: PrintRequest) -> None: ...
