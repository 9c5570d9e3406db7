"""A growing delay after repeated wrong passwords, remembered across restarts.

The key file can be attacked offline anyway (that is what Argon2id is for); this delay stops
someone at the desk from trying password after password in the app. Three failures are free
(typos happen), then each attempt must wait twice as long as the last, up to five minutes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.atomic import write_atomic
from desktop.errors import LoginThrottled, WrongPassword
from desktop.messages import msg

FREE_FAILURES = 3
MAX_DELAY_S = 300.0


def delay_after(failures: int) -> float:
    if failures < FREE_FAILURES:
        return 0.0
    return min(2.0 ** (failures - FREE_FAILURES), MAX_DELAY_S)


class LoginThrottle:
    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.clock = clock

    def _load(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            return raw if isinstance(raw, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save(self, state: dict[str, Any]) -> None:
        write_atomic(self.path, json.dumps(state).encode("utf-8"))

    # --- what callers use -------------------------------------------------------------------

    def wait_for(self, guard: str) -> float:
        """Seconds before `guard` (a user name, "recovery key", …) may be tried again; 0 when
        it may be tried now. Records nothing (the login window asks this as the name is typed)."""
        try:
            self.check(guard)
        except LoginThrottled as exc:
            return exc.retry_after
        return 0.0

    @contextmanager
    def attempt(self, guard: str) -> Iterator[None]:
        """One guess at `guard`'s secret, run inside the block.

        Raises LoginThrottled before the block when `guard` must wait. WrongPassword out of
        the block counts as a failure; a block that ends normally clears the failures; any
        other error (a damaged file, a key file of another store) is not the guesser's doing
        and does not count."""
        self.check(guard)
        try:
            yield
        except WrongPassword:
            self.failed(guard)
            raise
        self.succeeded(guard)

    # --- the state ---------------------------------------------------------------------------

    def check(self, username: str) -> None:
        entry = self._load().get(username) or {}
        failures = int(entry.get("failures", 0))
        # Clamped: a clock set back must not lock a user out for days.
        wait = min(
            float(entry.get("last", 0)) + delay_after(failures) - self.clock(),
            delay_after(failures),
        )
        if wait > 0:
            raise LoginThrottled(
                msg(
                    "Too many wrong passwords for {username}. Wait {seconds} seconds, then try "
                    "again. If the password is lost, an administrator can reset it, or use the "
                    "recovery key.",
                    username=username,
                    seconds=f"{wait:.0f}",
                ),
                retry_after=wait,
            )

    def failed(self, username: str) -> None:
        state = self._load()
        entry = state.get(username) or {}
        state[username] = {"failures": int(entry.get("failures", 0)) + 1, "last": self.clock()}
        self._save(state)

    def succeeded(self, username: str) -> None:
        state = self._load()
        if state.pop(username, None) is not None:
            self._save(state)
