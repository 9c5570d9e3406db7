"""What the Today screen shows, read on the database thread. No Qt here: the login reads
the first day right after unlocking, on the same thread, before any widget exists."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.core import ClinicCore
    from desktop.services.scheduling import DayEntry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DayData:
    day: dt.date
    entries: list[DayEntry]
    queue: list[DayEntry]
    providers: list[tuple[uuid.UUID, str]]


def load_day(session: Session, day: dt.date) -> DayData:
    """On the database thread: everything the Today screen shows for `day`."""
    from desktop.services import clinic_setup, scheduling
    from desktop.store.models import AppointmentStatus

    entries = scheduling.day_list(session, day)
    # The waiting room is `scheduling.check_in_queue`, worked out from the entries already
    # read rather than reading the day a second time (login to Today is on a budget).
    waiting = (AppointmentStatus.ARRIVED, AppointmentStatus.IN_CONSULTATION)
    queue = sorted(
        (e for e in entries if e.status in waiting),
        key=lambda e: (
            e.status is not AppointmentStatus.IN_CONSULTATION,
            e.arrived_at or e.starts_at,
        ),
    )
    providers = [(p.id, p.name) for p in clinic_setup.list_providers(session)]
    return DayData(day, entries, queue, providers)


def prefetch_today(core: ClinicCore) -> DayData | None:
    """The first screen's data, read straight after unlocking; None if it cannot be (the
    Today screen then reads it itself and reports any problem)."""
    try:
        with core.store.read_session() as session, session.begin():
            return load_day(session, core.today())
    except Exception:
        log.warning("could not read the day ahead of the first screen", exc_info=True)
        return None
