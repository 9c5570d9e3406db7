"""Appointment actions offered from more than one screen (Calendar, Today, patient record)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.util import confirm

if TYPE_CHECKING:
    from desktop.app.schedule import DayEntry
    from desktop.core import ClinicCore
    from ui.context import ClinicContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppointmentActions", text)


def cancel_appointment(
    ctx: ClinicContext, parent: QWidget, appointment_id: uuid.UUID, question: str
) -> None:
    """Ask `question` (which names the appointment as its screen shows it), then cancel it
    through the core; every screen showing appointments refreshes from its change event."""

    def cancel() -> None:
        def work(core: ClinicCore) -> object:
            return core.schedule.cancel(appointment_id)

        ctx.call(parent, work, label=_tr("Cancelling…")).run()

    confirm(
        parent,
        _tr("Cancel appointment"),
        question,
        cancel,
        yes_text=_tr("Cancel the appointment"),
        no_text=_tr("Keep it"),
        destructive=True,
    )


def book_follow_up(ctx: ClinicContext, parent: QWidget, entry: DayEntry) -> None:
    """The booking dialog for a follow-up of the visit `entry`."""
    from ui.booking_dialog import BookingDialog

    BookingDialog.follow_up(
        ctx,
        parent,
        entry.appointment_id,
        entry.patient_id,
        entry.patient_name,
        entry.provider_id,
    ).open()
