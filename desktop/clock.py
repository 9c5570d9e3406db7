"""One clinic clock: the clinic's time zone decides every date and time a person sees.

Stored instants are UTC. Screens, PDFs ("Printed …", signatures, footers), default file names
and "today" all go through one `ClinicClock`, never through the laptop's own zone: a laptop
left on UTC in a Nairobi clinic must still print the clinic's date after 21:00 UTC.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ClinicClock:
    def __init__(self, zone: zoneinfo.ZoneInfo, now: Callable[[], dt.datetime] = _utcnow) -> None:
        self.zone = zone
        self._now = now

    def now_utc(self) -> dt.datetime:
        return self._now().astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        """The clinic's wall-clock time now (aware, in the clinic's zone)."""
        return self._now().astimezone(self.zone)

    def today(self) -> dt.date:
        return self.now().date()

    def local(self, instant: dt.datetime) -> dt.datetime:
        """A stored UTC instant as the clinic's wall-clock time."""
        if instant.tzinfo is None:
            raise ValueError("a stored instant must be aware (UTC)")
        return instant.astimezone(self.zone)

    def to_utc(self, local: dt.datetime) -> dt.datetime:
        """A clinic wall-clock time (naive, or aware in any zone) as a UTC instant."""
        if local.tzinfo is None:
            local = local.replace(tzinfo=self.zone)
        return local.astimezone(dt.UTC)

    def stamp(self, instant: dt.datetime | None = None) -> str:
        """'2026-12-01 23:40' in clinic time: for "Printed …" lines and signatures."""
        moment = self.local(instant) if instant is not None else self.now()
        return moment.strftime("%Y-%m-%d %H:%M")

    def file_stamp(self) -> str:
        """'2026-12-01-2340' in clinic time: for default file names."""
        return self.now().strftime("%Y-%m-%d-%H%M")
