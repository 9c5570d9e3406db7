"""A hybrid logical clock (Kulkarni et al.) to order competing field edits across devices.

A stamp is (wall milliseconds, counter, node). It never goes backwards on one device, it moves
past every stamp the device has seen from others, and ties between devices break on the node
id. Stamps encode as fixed-width strings so that string order is stamp order (they are stored
and compared as text). The HLC orders edits only; it is never a sync cursor (DESIGN.md).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_WALL_DIGITS = 15  # milliseconds since 1970 fit in 13 digits until the year 5138
_COUNTER_DIGITS = 6
MAX_COUNTER = 10**_COUNTER_DIGITS - 1
# A remote stamp further ahead of our wall clock than this is refused (a device with a
# badly wrong clock must not drag everyone's clock into the future).
DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000


class ClockDriftError(ValueError):
    pass


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        wall, counter, node = text.split("-", 2)
        digits = (wall + counter).isascii() and (wall + counter).isdigit()
        if len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS or not node or not digits:
            raise ValueError(f"not an HLC stamp: {text!r}")
        return cls(int(wall), int(counter), node)


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridLogicalClock:
    def __init__(
        self,
        node: str,
        *,
        wall: Callable[[], int] = wall_clock_ms,
        max_drift_ms: int = DEFAULT_MAX_DRIFT_MS,
    ) -> None:
        if not node or "-" in node:
            raise ValueError("an HLC node id must be non-empty and contain no '-'")
        self.node = node
        self._wall = wall
        self._max_drift_ms = max_drift_ms
        self._last = Stamp(0, 0, node)
        self._lock = threading.Lock()
        self._offset_ms = 0

    @property
    def offset_ms(self) -> int:
        return self._offset_ms

    def set_offset(self, offset_ms: int) -> None:
        """Correct the wall clock by `offset_ms` (HQ's clock minus this laptop's, measured at
        each sync), so a laptop whose clock is hours off still stamps near the true time."""
        with self._lock:
            self._offset_ms = int(offset_ms)

    @property
    def last(self) -> Stamp:
        return self._last

    def seed(self, stamp: Stamp) -> None:
        """Never issue a stamp at or below `stamp` (the last one this device stored).

        Called when a store opens: the wall clock may have gone backwards while the laptop
        was off (a flat clock battery), and new edits must still order after old ones.
        """
        with self._lock:
            if (stamp.wall_ms, stamp.counter) > (self._last.wall_ms, self._last.counter):
                self._last = Stamp(stamp.wall_ms, stamp.counter, self.node)

    def rewind(self) -> Stamp:
        """Forget stamps ahead of the (offset-corrected) wall clock: after a laptop's clock
        ran hours fast, its next stamps are the true time again. Only the sync engine calls
        this, and it re-stamps the unsent changes that carry the wrong time (see
        desktop.services.sync_outbox.restamp_future)."""
        with self._lock:
            wall = self._wall() + self._offset_ms
            if self._last.wall_ms > wall:
                self._last = Stamp(wall, 0, self.node)
            return self._last

    def now(self) -> Stamp:
        """A stamp for a local event, later than every stamp issued or seen before."""
        with self._lock:
            wall = self._wall() + self._offset_ms
            if wall > self._last.wall_ms:
                stamp = Stamp(wall, 0, self.node)
            else:
                stamp = self._bump(self._last.wall_ms, self._last.counter)
            self._last = stamp
            return stamp

    def observe(self, remote: Stamp) -> Stamp:
        """Merge a stamp received from another device; returns the new local stamp."""
        with self._lock:
            wall = self._wall() + self._offset_ms
            if remote.wall_ms - wall > self._max_drift_ms:
                raise ClockDriftError(
                    f"a stamp from {remote.node} is {(remote.wall_ms - wall) / 1000:.0f} s "
                    "ahead of this device's clock"
                )
            top = max(wall, self._last.wall_ms, remote.wall_ms)
            if top == self._last.wall_ms == remote.wall_ms:
                stamp = self._bump(top, max(self._last.counter, remote.counter))
            elif top == self._last.wall_ms:
                stamp = self._bump(top, self._last.counter)
            elif top == remote.wall_ms:
                stamp = self._bump(top, remote.counter)
            else:
                stamp = Stamp(top, 0, self.node)
            self._last = stamp
            return stamp

    def _bump(self, wall_ms: int, counter: int) -> Stamp:
        if counter >= MAX_COUNTER:
            # A million events in one millisecond: borrow the next millisecond rather
            # than overflow the fixed-width encoding.
            return Stamp(wall_ms + 1, 0, self.node)
        return Stamp(wall_ms, counter + 1, self.node)
