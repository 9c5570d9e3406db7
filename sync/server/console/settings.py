"""The console's settings. They come from the environment, which `outpost-hq serve` sets
from its options, so that every worker of a multi-process server reads the same values."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

IDLE_MINUTES_ENV = "OUTPOST_HQ_CONSOLE_IDLE_MINUTES"
QUIET_DAYS_ENV = "OUTPOST_HQ_CONSOLE_QUIET_DAYS"
SECURE_COOKIES_ENV = "OUTPOST_HQ_CONSOLE_SECURE_COOKIES"
PUBLIC_URL_ENV = "OUTPOST_HQ_PUBLIC_URL"
SIGN_IN_PER_MINUTE_ENV = "OUTPOST_HQ_CONSOLE_SIGN_IN_FAILURES_PER_MINUTE"


@dataclass(frozen=True)
class ConsoleSettings:
    # A session unused this long ends; a session ends after `session_hours` whatever.
    idle_minutes: int = 30
    session_hours: int = 12
    # A clinic whose laptops have not synced for this many days gets a warning.
    quiet_days: int = 3
    # Cookies marked Secure even when the request looks like plain HTTP (TLS ends at a
    # proxy that does not say so). Requests that arrive as https get Secure anyway.
    secure_cookies: bool = False
    # The address laptops use to reach HQ, put in enrolment links; empty: the address the
    # browser used (shown beside the code, so a wrong one is seen).
    public_url: str = ""
    # Failed sign-ins allowed per client address, and per account name, in a minute.
    sign_in_failures_per_address: int = 20
    sign_in_failures_per_name: int = 5

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ConsoleSettings:
        env = os.environ if env is None else env

        def number(name: str, default: int, low: int, high: int) -> int:
            text = env.get(name, "").strip()
            if not text.isdigit():
                return default
            return min(max(int(text), low), high)

        return cls(
            idle_minutes=number(IDLE_MINUTES_ENV, cls.idle_minutes, 1, 24 * 60),
            quiet_days=number(QUIET_DAYS_ENV, cls.quiet_days, 1, 365),
            secure_cookies=env.get(SECURE_COOKIES_ENV, "") in ("1", "true", "yes"),
            public_url=env.get(PUBLIC_URL_ENV, "").strip().rstrip("/"),
            sign_in_failures_per_address=number(
                SIGN_IN_PER_MINUTE_ENV, cls.sign_in_failures_per_address, 1, 10_000
            ),
        )
