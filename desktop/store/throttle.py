"""A growing delay after repeated wrong guesses, remembered across restarts, failing closed.

What it defends against: someone at the desk (or a script on the laptop) trying password after
password, or recovery key after recovery key, through the app or the command line. Three
failures are free (typos happen), then each attempt must wait twice as long as the last, up to
five minutes. What it cannot do: stop someone who can copy keys.json away and attack it offline,
where no delay of ours applies. Argon2id (desktop.store.keys) is the defence there, and the
reason a password must be long.

Within those limits the throttle fails closed:

- Every attempt is recorded as a failure on disk *before* the guess runs, and cleared when the
  guess succeeds (or fails for a reason that is not the guess, such as a damaged key file), so
  killing the process in the middle of a derivation never yields a free guess. When the record
  cannot be written (a full disk, a read-only folder) the attempt is refused.
- A record that is unreadable or makes no sense (not JSON, wrong types, a negative or absurd
  count, a time decades ahead, an unknown version, a FIFO or a device instead of a file) is
  tampering: every name must wait the longest delay (MAX_DELAY_S) from the moment it is seen,
  and the message says the record was missing or damaged and that an administrator should
  check who has access to the laptop. The file is then rewritten sanely, keeping that penalty
  (the "floor"). A successful sign-in clears its own name's failures and lifts the floor for
  that name only (the exempt names, hashed like the entries): knowing one's own password says
  nothing about anyone else's, so signing in with one's own account never frees guesses at
  another.
- A time ahead of the clock is a clock set back (a flat battery, a wrong date typed), not
  tampering, up to ten years: the count is kept and its wait starts again from now, so nobody
  waits longer than the delay and nobody gains a guess.
- A missing record beside an existing store (keys.json is there) is tampering too: deleting
  the file must not reset the count. This version writes the record before any key file
  (`ensure`, called when a store is created; a throttle on a folder that does not exist yet
  creates the folder to record) and writes key files of format 2 only. So a missing record
  is legitimate only beside a key file of format 1 with no format-2 slot, made by an older
  Outpost: the record is created then, with no penalty (the first sign-in after upgrading),
  and the older record of names in clear found there has its counts carried over, hashed.
  Beside any other key file it is the longest wait for every name, as above.
- Names are never stored in clear: each entry is keyed by HMAC-SHA256 of the name (trimmed,
  case-folded), under a random key kept in the file. Unknown names are counted exactly like
  known ones; the key file makes them cost the same time (`keys.derive_dummy`).
- Each attempt is checked and recorded under a lock on the data folder, so attempts started
  at once in many processes get the free failures once, not once each.

Known limits:

- A record rewritten to look well formed (a fresh key, no entries, no floor). Whoever can do
  that can as well copy keys.json away.
- A store whose key file is still all format 1 (made by an older Outpost, nobody signed in
  since the upgrade) cannot tell a deleted record from the first run after upgrading: until
  someone signs in (which rewrites the key file in format 2), deleting the record resets the
  count. The first successful sign-in after the upgrade closes that.
- A restore into a fresh, empty folder (a new laptop) has no record yet: each such folder
  gives the free failures again, and the guard of a backup's own credentials
  (`backup:<name>`) has its own free failures. That is the same as guessing offline at the
  backup's own keys.json, which whoever holds the backup file can do anyway.

Entries not tried for a day are forgotten, so the file does not grow with every name ever
typed.
"""

from __future__ import annotations

import base64
import binascii
import errno
import hashlib
import hmac
import json
import logging
import math
import os
import secrets
import string
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: one process at a time is not enforced there
    fcntl = None  # type: ignore[assignment]

from desktop.atomic import read_small_file, write_atomic
from desktop.errors import DiskFull, LoginThrottled, OutpostError, WrongPassword
from desktop.messages import msg

log = logging.getLogger(__name__)

VERSION = 2
FREE_FAILURES = 3
MAX_DELAY_S = 300.0
# A 'last' time this far ahead of the clock is a clock that moved, not tampering (the delay
# itself is clamped, so a clock set back never locks anyone out for longer than the delay).
CLOCK_TOLERANCE_S = 120.0
# Further ahead, up to this, is a clock set back (a flat battery, a wrong date typed): the
# count is kept and its wait starts again from now, so nobody waits longer than the delay
# and nobody gains a guess. Further ahead still was written by someone else.
CLOCK_SET_BACK_S = 10 * 365.25 * 86_400
# More failures than anyone could type: a count beyond it was written by someone else.
MAX_FAILURES = 100_000
# Entries not tried for a day are forgotten (the file must not grow with every name typed).
FORGET_AFTER_S = 86_400.0
MAX_ENTRIES = 5_000
MAX_FILE_BYTES = 1024 * 1024
# The penalty of a lost or edited record: the longest wait, for every name.
LOST_RECORD_FAILURES = FREE_FAILURES + math.ceil(math.log2(MAX_DELAY_S))
_KEY_BYTES = 32
_STORE_FILE = "keys.json"  # DataPaths.keyfile's name: the record sits beside it


class AttemptsRecordLost(LoginThrottled):
    """The wait comes from a record of wrong attempts that was missing or damaged, not from
    this name's wrong passwords (the login window says so rather than blame the person)."""

    record_lost = True


def delay_after(failures: int) -> float:
    if failures < FREE_FAILURES:
        return 0.0
    return min(2.0 ** min(failures - FREE_FAILURES, 64), MAX_DELAY_S)


def normalise_guard(guard: str) -> str:
    """The name as sign-in compares it: surrounding spaces dropped, any case."""
    return unicodedata.normalize("NFKC", guard).strip().casefold()


@dataclass(frozen=True)
class _Entry:
    failures: int
    last: float
    moved: bool = field(default=False, compare=False)  # its time was ahead of the clock

    @classmethod
    def parse(cls, raw: Any, now: float) -> _Entry | None:
        """None unless `raw` is a count and a time that could have been written by us (a time
        ahead of a clock set back is taken as now)."""
        if not isinstance(raw, dict) or set(raw) != {"failures", "last"}:
            return None
        failures, last = raw["failures"], raw["last"]
        if type(failures) is not int or not 0 <= failures <= MAX_FAILURES:
            return None
        # Compared before any conversion: an int too large for a float must not raise, and
        # NaN or infinity fail the comparison.
        if type(last) not in (int, float) or not 0 <= last <= now + CLOCK_SET_BACK_S:
            return None
        if last > now + CLOCK_TOLERANCE_S:
            return cls(failures, now, moved=True)
        return cls(failures, float(last))

    def to_json(self) -> dict[str, Any]:
        return {"failures": self.failures, "last": self.last}

    def wait(self, now: float) -> float:
        delay = delay_after(self.failures)
        # Clamped: a clock set back must not lock a user out for days.
        return max(0.0, min(self.last + delay - now, delay))


def _lost(now: float) -> _Entry:
    return _Entry(LOST_RECORD_FAILURES, now)


def _worse(a: _Entry | None, b: _Entry | None) -> _Entry | None:
    if a is None or b is None:
        return a or b
    return _Entry(max(a.failures, b.failures), max(a.last, b.last))


def _is_name(name: Any) -> bool:
    return isinstance(name, str) and len(name) == 64 and not name.strip(string.hexdigits)


@dataclass
class _State:
    key: bytes
    entries: dict[str, _Entry] = field(default_factory=dict)
    # The penalty for a record that was lost or tampered with: applies to every name but the
    # exempt ones (hashed like the entries), who have signed in since.
    floor: _Entry | None = None
    exempt: set[str] = field(default_factory=set)
    dirty: bool = False  # the file on disk is not this state (tampered, missing)

    @classmethod
    def new(cls, *, dirty: bool = False) -> _State:
        return cls(secrets.token_bytes(_KEY_BYTES), dirty=dirty)

    @classmethod
    def tampered(cls, now: float) -> _State:
        return cls(secrets.token_bytes(_KEY_BYTES), floor=_lost(now), dirty=True)

    @classmethod
    def from_older_version(cls, data: bytes | None, now: float) -> _State:
        """A store made by an older Outpost: no record, or its record of names in clear (a
        count per name). Its counts are kept, hashed; nothing else is a penalty."""
        state = cls.new(dirty=True)
        try:
            raw = json.loads(data.decode("utf-8")) if data is not None else {}
        except (ValueError, RecursionError):
            raw = {}
        for guard, value in raw.items() if isinstance(raw, dict) else ():
            entry = _Entry.parse(value, now)
            if isinstance(guard, str) and entry is not None and entry.failures:
                state.entries[state.name_of(guard)] = entry
        return state

    @classmethod
    def parse(cls, data: bytes, now: float) -> _State:
        try:
            raw = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError):
            return cls.tampered(now)
        if not isinstance(raw, dict) or raw.get("version") != VERSION:
            return cls.tampered(now)
        try:
            key = base64.b64decode(str(raw.get("key")), validate=True)
        except (ValueError, binascii.Error):
            key = b""
        entries_raw = raw.get("entries")
        if len(key) != _KEY_BYTES or not isinstance(entries_raw, dict):
            return cls.tampered(now)
        state = cls(key)
        damaged = set(raw) - {"version", "key", "entries", "floor", "exempt"}
        for name, value in entries_raw.items():
            entry = _Entry.parse(value, now)
            if entry is None or not _is_name(name):
                damaged.add(name)
            else:
                state.entries[name] = entry
                state.dirty |= entry.moved  # rewritten from now, so the wait runs down
        if raw.get("floor") is not None:
            state.floor = _Entry.parse(raw["floor"], now)
            if state.floor is None:
                damaged.add("floor")
            else:
                state.dirty |= state.floor.moved
        exempt = raw.get("exempt", [])
        if (
            not isinstance(exempt, list)
            or len(exempt) > MAX_ENTRIES
            or not all(_is_name(name) for name in exempt)
            or (exempt and state.floor is None)  # never written without a penalty
        ):
            damaged.add("exempt")
        else:
            state.exempt = set(exempt)
        if damaged:
            # Whatever else was edited is a lost record: the longest wait, for every name,
            # starting now (whoever signed in before is not exempt from this one).
            state.floor = _worse(state.floor, _lost(now))
            state.exempt = set()
            state.dirty = True
        return state

    def to_bytes(self, now: float) -> bytes:
        recent = [
            (name, entry)
            for name, entry in self.entries.items()
            if entry.last > now - FORGET_AFTER_S
        ]
        recent.sort(key=lambda item: item[1].last, reverse=True)
        out: dict[str, Any] = {
            "version": VERSION,
            "key": base64.b64encode(self.key).decode("ascii"),
            "entries": {name: entry.to_json() for name, entry in recent[:MAX_ENTRIES]},
        }
        if self.floor is not None:
            out["floor"] = self.floor.to_json()
            if self.exempt:
                out["exempt"] = sorted(self.exempt)[:MAX_ENTRIES]
        return json.dumps(out).encode("utf-8")

    def name_of(self, guard: str) -> str:
        digest = hmac.new(self.key, normalise_guard(guard).encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()

    def floor_for(self, guard: str) -> _Entry | None:
        """The lost record's penalty, unless `guard` has signed in since it was imposed."""
        return None if self.name_of(guard) in self.exempt else self.floor

    def entry(self, guard: str) -> _Entry | None:
        return _worse(self.entries.get(self.name_of(guard)), self.floor_for(guard))

    def count_failure(self, guard: str, now: float) -> None:
        before = self.entry(guard)
        self.entries[self.name_of(guard)] = _Entry((before.failures if before else 0) + 1, now)


class LoginThrottle:
    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.clock = clock

    # --- what callers use -------------------------------------------------------------------

    def wait_for(self, guard: str) -> float:
        """Seconds before `guard` (a user name, "recovery key", …) may be tried again; 0 when
        it may be tried now. Records no attempt (the login window asks this as the name is
        typed); a damaged record is rewritten, so the wait it shows does run down."""
        now = self.clock()
        state = self._load(now)
        if state.dirty:
            try:
                with self._locked():
                    state = self._load(now)
                    if state.dirty:
                        self._save(state, now)
            except OutpostError:
                log.warning("the sign-in attempts record could not be rewritten")
        entry = state.entry(guard)
        return entry.wait(now) if entry else 0.0

    @contextmanager
    def attempt(self, guard: str) -> Iterator[None]:
        """One guess at `guard`'s secret, run inside the block.

        Raises LoginThrottled before the block when `guard` must wait, and refuses (DiskFull
        or OutpostError) when the attempt cannot be recorded. The attempt is recorded as a
        failure before the block runs; a block that ends normally clears the failures;
        WrongPassword (or an interruption) leaves the failure counted; any other error (a
        damaged file, a key file of another store) is not the guesser's doing and is taken
        back."""
        # Checked and recorded under the lock: attempts started at once in several processes
        # must not all read the count before any of them has raised it.
        with self._locked():
            now = self.clock()
            state = self._load(now)
            self._refuse_if_waiting(state, guard, now)
            before = state.entry(guard)
            state.count_failure(guard, now)
            self._save(state, now)
        try:
            yield
        except WrongPassword:
            raise
        except Exception:
            self._take_back(guard, before)
            raise
        self.succeeded(guard)

    # --- the state ---------------------------------------------------------------------------

    def ensure(self) -> None:
        """Write an empty record if there is none (with a new store, before its key file)."""
        with self._locked():
            if not self.path.exists():
                self._save(_State.new(), self.clock())

    def check(self, guard: str) -> None:
        """LoginThrottled when `guard` must wait (records nothing)."""
        now = self.clock()
        self._refuse_if_waiting(self._load(now), guard, now)

    def failed(self, guard: str) -> None:
        """Count one failure for `guard` (what `attempt` records before each guess)."""
        with self._locked():
            now = self.clock()
            state = self._load(now)
            state.count_failure(guard, now)
            self._save(state, now)

    def succeeded(self, guard: str) -> None:
        """Clear `guard`'s failures, and lift the penalty of a lost record for `guard` only
        (it knew its own secret, which says nothing about anyone else's). A record that
        cannot be written now only leaves one failure counted: not an error."""
        try:
            with self._locked():
                now = self.clock()
                state = self._load(now)
                name = state.name_of(guard)
                state.entries.pop(name, None)
                if state.floor is not None:
                    state.exempt.add(name)
                self._save(state, now)
        except OutpostError:
            log.warning("a successful sign-in could not clear its failures from the record")

    def _take_back(self, guard: str, before: _Entry | None) -> None:
        try:
            with self._locked():
                now = self.clock()
                state = self._load(now)
                name = state.name_of(guard)
                if before is None or before.failures == 0:
                    state.entries.pop(name, None)
                else:
                    state.entries[name] = before
                self._save(state, now)
        except OutpostError:
            log.warning("an attempt that was not a guess stays counted in the record")

    def _refuse_if_waiting(self, state: _State, guard: str, now: float) -> None:
        if state.dirty:
            self._save(state, now)  # refuses the attempt when the record cannot be written
        entry = state.entry(guard)
        wait = entry.wait(now) if entry else 0.0
        if wait <= 0:
            return
        floor = state.floor_for(guard)
        if floor is not None and floor.wait(now) >= wait:
            text = msg(
                "The record of wrong sign-in attempts in {folder} was missing or damaged, so "
                "every name must wait: try again in {seconds} seconds. An administrator "
                "should check who has access to this laptop.",
                folder=str(self.path.parent),
                seconds=f"{math.ceil(wait)}",
            )
            raise AttemptsRecordLost(text, retry_after=wait)
        raise LoginThrottled(
            msg(
                "Too many wrong passwords for {username}. Wait {seconds} seconds, then try "
                "again. If the password is lost, an administrator can reset it, or use the "
                "recovery key.",
                username=guard,
                seconds=f"{wait:.0f}",
            ),
            retry_after=wait,
        )

    # --- the file ----------------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold a lock on the record's folder while reading and rewriting the record: one
        process at a time (a lock on the folder, so there is no lock file to tamper with).
        Refused like a record that cannot be written."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise self._cannot_record(exc) from exc
        if fcntl is None:
            yield
            return
        try:
            fd = os.open(self.path.parent, os.O_RDONLY)
        except OSError as exc:
            raise self._cannot_record(exc) from exc
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError as exc:
                raise self._cannot_record(exc) from exc
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def _cannot_record(self, exc: BaseException) -> OutpostError:
        text = msg(
            "Cannot record the attempt in {folder}: free disk space (or let Outpost "
            "write there), then try again. Nothing saved was lost.",
            folder=str(self.path.parent),
        )
        full = isinstance(exc, DiskFull) or getattr(exc, "errno", None) == errno.ENOSPC
        return DiskFull(text) if full else OutpostError(text)

    def _load(self, now: float) -> _State:
        store_file = self.path.parent / _STORE_FILE
        try:
            data = _read_regular(self.path)
        except FileNotFoundError:
            if not store_file.exists():
                return _State.new()  # a folder with no store yet (written by the first attempt)
            if _older_store(store_file):
                return _State.from_older_version(None, now)  # the first sign-in after upgrading
            return _State.tampered(now)  # deleted beside a store: not a fresh start
        except (OSError, ValueError):
            return _State.tampered(now)
        if _older_record(data) and _older_store(store_file):
            return _State.from_older_version(data, now)
        return _State.parse(data, now)

    def _save(self, state: _State, now: float) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.path, state.to_bytes(now))
        except (OSError, OutpostError) as exc:
            raise self._cannot_record(exc) from exc
        state.dirty = False


def _older_store(store_file: Path) -> bool:
    """Whether the key file beside the record is an older Outpost's (format 1, no slot of
    format 2): this version writes the record before any key file, and writes format 2 only.
    Read only; whatever cannot be read as such is this version's (the record was lost)."""
    try:
        raw = json.loads(_read_regular(store_file))
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(raw, dict) or raw.get("format") != 1 or isinstance(raw.get("format"), bool):
        return False
    users, recovery = raw.get("users"), raw.get("recovery")
    if not isinstance(users, dict):
        return False
    slots = [*users.values(), *([] if recovery is None else [recovery])]
    return all(isinstance(slot, dict) and "data_key" not in slot for slot in slots)


def _older_record(data: bytes) -> bool:
    """Whether `data` may be an older Outpost's record (a JSON object with no version)."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return False
    return isinstance(raw, dict) and "version" not in raw


def _read_regular(path: Path) -> bytes:
    return read_small_file(path, MAX_FILE_BYTES)
