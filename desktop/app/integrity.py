"""Is the clinic's database intact? The damage state, the full check (`outpost doctor`), and
the quiet background check the GUI runs a while after sign-in.

    core.integrity.state()                               -> IntegrityState (cheap: one stat)
    core.integrity.check(progress=, cancel=)             -> IntegrityReport (full; may clear)
    core.integrity.background_check(cancel=, share=)     -> IntegrityReport (low priority)

Damage found by any query, by a check or by a backup makes the store read-only
(`desktop.store.damage`): every write raises `StoreDamaged`, reads go on. `INTEGRITY` is
published on `core.changes` whenever the state changes, so the GUI shows (or hides) its
banner. Only `check()` finding the store intact — or a restore putting another database in
place — makes it writable again.

The full check: `PRAGMA cipher_integrity_check` reads every page of the file and checks its
HMAC (one call, not interruptible), then `PRAGMA quick_check` walks every b-tree through
SQLite (interruptible, with progress; each page it reads is decrypted and its HMAC checked, so
it finds a damaged page in use too). The background check is the quick_check alone, paced.
Problems are reported as SQLite words them: page numbers and index names, never a row's
values.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlcipher3

from desktop.changes import Changes
from desktop.messages import msg
from desktop.store.damage import (
    CHECK_FOUND,
    DamageWatch,
    StoreDamaged,
    kind_of,
    read_only_message,
)

if TYPE_CHECKING:
    from desktop.core import ClinicCore

log = logging.getLogger(__name__)

__all__ = ["INTEGRITY", "IntegrityApi", "IntegrityReport", "IntegrityState", "StoreDamaged"]

INTEGRITY = "integrity"  # the change kind published when the damage state changes
Progress = Callable[[str, float], None]
Cancel = Callable[[], bool]

_PROGRESS_STEPS = 5000  # SQLite virtual machine steps between two calls of our handler
_SLICE_S = 0.02  # the background check works this long before it rests
_MAX_PROBLEMS = 100  # what quick_check reports at most (it stops counting there anyway)


@dataclass(frozen=True)
class IntegrityState:
    """What the GUI's banner and the write commands need to know."""

    damaged: bool
    detected_at: dt.datetime | None = None  # aware, UTC
    what: str | None = None  # the kind of damage, in words without patient data
    message: str | None = None  # what to tell people (a Message: translatable)


@dataclass(frozen=True)
class IntegrityReport:
    intact: bool  # False also when the check could not finish because of damage
    problems: tuple[str, ...] = ()
    cancelled: bool = False
    skipped: bool = False  # the background check did not run (already known damaged)
    cleared: bool = False  # the store was marked damaged and is found intact: writable again
    pages: int = 0
    seconds: float = 0.0


class _Stopped(Exception):
    """The check was cancelled."""


def damaged_state_message() -> str:
    return msg(
        "The clinic's records are damaged, so nothing more can be saved: everything saved "
        "so far is kept and can still be read. An administrator should run `outpost doctor`, "
        "then restore the most recent backup (Settings → Backups)."
    )


class IntegrityApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._unsubscribe = self._watch.subscribe(self._changed)

    @property
    def _watch(self) -> DamageWatch:
        return self._core.tx.damage

    def _changed(self) -> None:
        self._core.changes.publish(Changes.of(INTEGRITY))

    def close(self) -> None:
        self._unsubscribe()

    # -- asking --

    def state(self) -> IntegrityState:
        damage = self._watch.current()
        if damage is None:
            return IntegrityState(False)
        return IntegrityState(True, damage.detected_at, damage.what, damaged_state_message())

    def require_writable(self) -> None:
        """StoreDamaged (the one line the write commands print) when the store is damaged."""
        if self._watch.damaged:
            raise StoreDamaged(read_only_message())

    # -- checking --

    def check(
        self, *, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> IntegrityReport:
        """The full check: every page's HMAC, then every b-tree (`outpost doctor`).

        Damage found: recorded (the store becomes read-only). Found intact while the store was
        marked damaged: the mark is cleared and the store may be written again. Cancelled: an
        IntegrityReport with `cancelled`, nothing recorded or cleared."""
        report = self._run(progress=progress, cancel=cancel, share=1.0, pages_too=True)
        if report.cancelled:
            return report
        if not report.intact:
            self._watch.found(CHECK_FOUND)
            return report
        if self._watch.damaged:
            self._watch.cleared()
            return dataclasses.replace(report, cleared=True)
        return report

    def background_check(
        self, *, cancel: Cancel | None = None, share: float = 0.5
    ) -> IntegrityReport:
        """A check at low priority, for the GUI a while after sign-in (long-work thread).

        Only `quick_check`: it reads every page in use through SQLite (each read checks the
        page's HMAC, so a damaged page fails it), and can stop at any moment (closing the app
        never waits for it). It rests between short slices so that it uses at most `share`
        of one core. (It is not given a lower scheduling priority: a starved thread holding
        Python's GIL would stall the GUI thread instead.) It never clears a damage mark
        (only `check()` does), and does not run at all while the store is known damaged."""
        if self._watch.damaged:
            return IntegrityReport(False, skipped=True)
        outcome = self._run(cancel=cancel, share=share, pages_too=False)
        if not outcome.cancelled and not outcome.intact:
            self._watch.found(CHECK_FOUND)
        return outcome

    # -- the work --

    def _run(
        self,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        share: float,
        pages_too: bool,
    ) -> IntegrityReport:
        started = time.monotonic()
        with self._raw_connection() as conn:
            pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
            problems: list[str] = []
            try:
                if pages_too:
                    # Every page of the file, free ones too (one call: not interruptible).
                    _say(progress, msg("Checking every page of the database"), 0.0)
                    _stop_if(cancel)
                    problems += [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
                    if problems:
                        # It reads the file itself: a page read while a checkpoint wrote it
                        # may look torn. Damage is what a second reading confirms.
                        again = {str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")}
                        problems = [p for p in problems if p in again]
                _say(progress, msg("Checking the database's structure"), 0.3)
                _stop_if(cancel)
                pacer = _Pacer(cancel, share, progress, pages)
                conn.set_progress_handler(pacer.step, _PROGRESS_STEPS)
                try:
                    rows = conn.execute(f"PRAGMA quick_check({_MAX_PROBLEMS})").fetchall()
                except sqlcipher3.dbapi2.OperationalError:
                    if pacer.error is not None:
                        raise pacer.error from None  # `progress` itself stopped it
                    if pacer.stopped:
                        raise _Stopped() from None
                    raise
                finally:
                    conn.set_progress_handler(None, 0)
                problems += [str(row[0]) for row in rows if str(row[0]) != "ok"]
            except _Stopped:
                return IntegrityReport(False, cancelled=True, pages=pages)
            except sqlcipher3.dbapi2.Error as exc:
                what = kind_of(str(exc))
                if what is None:
                    raise
                problems.append(what)
        _say(progress, msg("Checked"), 1.0)
        elapsed = time.monotonic() - started
        if problems:
            log.error("the integrity check found %d problem(s): %s", len(problems), problems[:10])
        else:
            log.info("the integrity check found %d pages intact in %.1f s", pages, elapsed)
        return IntegrityReport(not problems, tuple(problems), pages=pages, seconds=elapsed)

    @contextlib.contextmanager
    def _raw_connection(self) -> Iterator[Any]:
        """A connection of the store's own (not from the pool: a damaged page spoils the
        connection that reads it, and the check must not hand a spoiled one back)."""
        engine = self._core.store.engine
        conn = engine.raw_connection()
        try:
            raw = conn.driver_connection
            assert raw is not None
            yield raw
        finally:
            conn.invalidate()  # never back into the pool


class _Pacer:
    """The progress handler: reports, stops on cancel, and rests to use only `share` of a core."""

    def __init__(
        self, cancel: Cancel | None, share: float, progress: Progress | None, pages: int
    ) -> None:
        self.cancel = cancel
        self.share = min(1.0, max(0.05, share))
        self.progress = progress
        # quick_check takes very roughly one handler call per page (measured: 9,393 calls
        # for 24,741 pages); the fraction only needs to grow, not to be exact.
        self.expected = max(1, pages // 2)
        self.calls = 0
        self.slice_started = time.monotonic()
        self.stopped = False
        self.error: BaseException | None = None

    def step(self) -> int:
        self.calls += 1
        if self.cancel is not None and self.cancel():
            self.stopped = True
            return 1  # SQLite stops the statement: "interrupted"
        if self.progress is not None and self.calls % 50 == 0:
            fraction = 0.3 + 0.7 * min(0.99, self.calls / self.expected)
            try:
                self.progress(msg("Checking the database's structure"), fraction)
            except BaseException as exc:  # the GUI's TaskContext stops work this way
                self.error = exc
                return 1
        if self.share < 1.0:
            worked = time.monotonic() - self.slice_started
            if worked >= _SLICE_S:
                time.sleep(worked * (1.0 - self.share) / self.share)
                self.slice_started = time.monotonic()
        return 0


def _say(progress: Progress | None, step: str, fraction: float) -> None:
    if progress is not None:
        progress(step, fraction)


def _stop_if(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise _Stopped()
