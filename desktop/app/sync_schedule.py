"""When this laptop tries HQ on its own: the schedule the clinic sets and the backoff between
failed attempts. Pure policy, no Qt, no network, no clock of its own: the caller passes `now`
(an aware datetime) at every step, so the tests drive it with a fake clock.

    scheduler = SyncScheduler(SyncPlan(every_minutes=30), zone, started=now)
    scheduler.next(now)          # NextTry: when to probe HQ (then sync if it answers), and why
    scheduler.probed(now, False) # the link is down: offline, backoff
    scheduler.finished(now, Outcome.SYNCED)

One attempt is always "probe, then sync if HQ answered": the probe (GET /v1/hello, short
timeout) is cheap, so a laptop whose link is down spends a few hundred bytes per try rather
than a whole failed sync, and "the link returned" is simply a probe that answers.

Backoff: after the n-th failure in a row the next try waits `Backoff.delay(n)`: exponential
from `base_s` up to `cap_s`, with "equal jitter" (half the step fixed, half drawn at random) so
that the clinic's laptops, which all lost the same link at once, do not all come back at HQ in
the same second, and a retry never comes sooner than half the step. (The client's own retries
inside one request, sync/client/transport.py, are separate and short.)
"""

from __future__ import annotations

import datetime as dt
import enum
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from desktop.errors import InvalidInput
from desktop.messages import msg

DEFAULT_EVERY_MINUTES = 30
MAX_EVERY_MINUTES = 24 * 60
# After sign-in, the first automatic try waits this long: signing in and the first screen
# never share the laptop's two cores with a sync.
DEFAULT_START_DELAY_S = 120.0


class Outcome(enum.Enum):
    """How a sync (automatic or asked for) ended, as the schedule needs to know it."""

    SYNCED = "synced"
    UNREACHABLE = "unreachable"  # the link is down: offline until a probe answers
    FAILED = "failed"  # HQ answered but the sync failed (HQ busy, broken answer...): retry
    BUSY = "busy"  # another sync of this laptop was running: try again soon
    STOPPED = "stopped"  # revoked, update required, not joined: retrying cannot help
    CANCELLED = "cancelled"  # a person pressed Cancel: not again before the next period


class Reason(enum.Enum):
    SCHEDULE = "schedule"  # the clinic's schedule (every N minutes, set times)
    RETRY = "retry"  # after a failed sync
    OFFLINE = "offline"  # the link is down; the probe tries again
    METERED = "metered"  # automatic sync is off: only when asked
    STOPPED = "stopped"  # a person must act (see Outcome.STOPPED)


@dataclass(frozen=True)
class NextTry:
    at: dt.datetime | None  # None: no automatic try (metered, stopped)
    reason: Reason

    def wait_s(self, now: dt.datetime) -> float | None:
        return None if self.at is None else max(0.0, (self.at - now).total_seconds())


def parse_times(text: str) -> tuple[dt.time, ...]:
    """ "07:30, 13:00 17:45" → the times, sorted, each once. InvalidInput for anything else."""
    found: set[dt.time] = set()
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            hours, minutes = part.split(":")
            if len(minutes) != 2:
                raise ValueError(part)
            found.add(dt.time(int(hours), int(minutes)))
        except ValueError:
            raise InvalidInput(
                msg(
                    "“{part}” is not a time of day: write times as 07:30, 13:00 (24-hour "
                    "clock), separated by commas.",
                    part=part,
                ),
                field="sync_at",
            ) from None
    return tuple(sorted(found))


def format_times(times: Sequence[dt.time]) -> str:
    return ", ".join(t.strftime("%H:%M") for t in times)


@dataclass(frozen=True)
class SyncPlan:
    """The clinic's choice (kept in settings.json: desktop.settings)."""

    automatic: bool = True  # False: a metered link, sync only when asked
    every_minutes: int = DEFAULT_EVERY_MINUTES  # 0: no periodic sync (set times only)
    at_times: tuple[dt.time, ...] = ()  # clinic time
    on_close: bool = True  # sync when the app closes, if the link is up

    def validate(self) -> None:
        if not 0 <= self.every_minutes <= MAX_EVERY_MINUTES:
            raise InvalidInput(
                msg(
                    "Sync every 0 to {most} minutes (0: only at the set times).",
                    most=MAX_EVERY_MINUTES,
                ),
                field="sync_every_minutes",
            )


@dataclass(frozen=True)
class Backoff:
    base_s: float = 60.0
    cap_s: float = 30 * 60.0
    rand: Callable[[], float] = field(default=random.random, compare=False)

    def delay(self, failures: int) -> float:
        """Seconds to wait after `failures` (≥ 1) failed tries in a row."""
        step = min(self.cap_s, self.base_s * 2 ** max(0, min(failures, 32) - 1))
        return float(step / 2 + self.rand() * step / 2)


def next_set_time(
    times: Sequence[dt.time], after: dt.datetime, zone: dt.tzinfo
) -> dt.datetime | None:
    """The first of the clinic's set times (clinic clock) strictly after `after` (aware)."""
    if not times:
        return None
    local = after.astimezone(zone)
    for days in range(3):  # today, tomorrow (and a day more across a DST change)
        day = local.date() + dt.timedelta(days=days)
        for t in sorted(times):
            at = dt.datetime.combine(day, t, tzinfo=zone)
            if at > local:
                return at.astimezone(dt.UTC)
    return None


class SyncScheduler:
    """The state between tries: failures in a row, offline or not, stopped or not."""

    def __init__(
        self,
        plan: SyncPlan,
        zone: dt.tzinfo,
        *,
        started: dt.datetime,
        backoff: Backoff | None = None,
        start_delay_s: float = DEFAULT_START_DELAY_S,
        last_success: dt.datetime | None = None,
    ) -> None:
        self.plan = plan
        self.zone = zone
        self.backoff = backoff or Backoff()
        self.earliest = started + dt.timedelta(seconds=start_delay_s)
        self.last_success = last_success
        self.failures = 0
        self.offline = False
        self.stopped = False
        self.retry_at: dt.datetime | None = None

    # -- what happened --

    def set_plan(self, plan: SyncPlan) -> None:
        self.plan = plan
        self.stopped = False  # a changed setting is a person's fresh start

    def note_success(self, when: dt.datetime | None) -> None:
        """The last success the store knows (a sync from the command line counts too)."""
        if when is not None and (self.last_success is None or when > self.last_success):
            self.last_success = when

    def probed(self, now: dt.datetime, reachable: bool) -> None:
        if reachable:
            self.offline = False
            return
        self._failed(now, offline=True)

    def finished(self, now: dt.datetime, outcome: Outcome) -> None:
        """A sync ended (automatic or asked for: both count)."""
        if outcome is Outcome.SYNCED:
            self.failures = 0
            self.offline = self.stopped = False
            self.retry_at = None
            self.note_success(now)
        elif outcome is Outcome.STOPPED:
            self.stopped = True
            self.retry_at = None
        elif outcome is Outcome.UNREACHABLE:
            self._failed(now, offline=True)
        elif outcome is Outcome.CANCELLED:
            minutes = self.plan.every_minutes or self.backoff.cap_s / 60
            self.retry_at = now + dt.timedelta(minutes=minutes)
        elif outcome is Outcome.BUSY:
            # Not the link's fault: soon again, without growing the backoff.
            self.retry_at = now + dt.timedelta(seconds=self.backoff.delay(1))
        else:
            self._failed(now, offline=False)

    def _failed(self, now: dt.datetime, *, offline: bool) -> None:
        self.failures += 1
        self.offline = offline
        self.retry_at = now + dt.timedelta(seconds=self.backoff.delay(self.failures))

    # -- what to do --

    def scheduled(self) -> dt.datetime | None:
        """When the clinic's schedule wants the next sync (ignoring failures)."""
        candidates: list[dt.datetime] = []
        if self.last_success is None:
            candidates.append(self.earliest)  # never synced: as soon as allowed
        else:
            if self.plan.every_minutes:
                candidates.append(self.last_success + dt.timedelta(minutes=self.plan.every_minutes))
            at = next_set_time(self.plan.at_times, self.last_success, self.zone)
            if at is not None:
                candidates.append(at)
        if not candidates:
            return None
        return max(self.earliest, min(candidates))

    def next(self, now: dt.datetime) -> NextTry:
        """When to try HQ next (probe, then sync), and why. `at` may be in the past: now."""
        if not self.plan.automatic:
            return NextTry(None, Reason.METERED)
        if self.stopped:
            return NextTry(None, Reason.STOPPED)
        if self.retry_at is not None:
            return NextTry(
                max(self.retry_at, self.earliest), Reason.OFFLINE if self.offline else Reason.RETRY
            )
        at = self.scheduled()
        return NextTry(at, Reason.SCHEDULE) if at is not None else NextTry(None, Reason.METERED)

    def due(self, now: dt.datetime) -> bool:
        at = self.next(now).at
        return at is not None and at <= now

    def wants_closing_sync(self, waiting_changes: int) -> bool:
        """On closing: sync if the clinic wants it, nothing stops it, and something waits to
        be sent (the link itself is checked by a probe just before)."""
        return (
            self.plan.automatic and self.plan.on_close and not self.stopped and waiting_changes > 0
        )
