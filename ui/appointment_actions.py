"""Appointment actions offered from more than one screen (Calendar, Today, patient record)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.util import confirm

if TYPE_CHECKING:
    from desktop.services.scheduling import DayEntry
    from ui.context import ClinicContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppointmentActions", text)


def cancel_appointment(
    ctx: ClinicContext, parent: QWidget, appointment_id: uuid.UUID, question: str
) -> None:
    """Ask `question` (which names the appointment as its screen shows it), then cancel it
    on the database thread; every screen showing appointments refreshes."""
    from desktop.services import scheduling

    actor = ctx.actor

    def cancel() -> None:
        ctx.db(
            parent,
            lambda s: scheduling.cancel(s, actor, appointment_id) and None,
            label=_tr("Cancelling…"),
        ).success(lambda _none: ctx.events.appointments_changed.emit()).run()

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
