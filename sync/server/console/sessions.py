"""Server-side sessions of the console. The browser holds a random token in an HttpOnly
cookie; HQ keeps its SHA-256 with the account, the session's CSRF token and its limits.
A session ends when unused for the idle time, at its absolute limit, at sign-out, and
when its account is disabled or its password changed elsewhere."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sync.server.models import Admin, ConsoleSession

COOKIE = "outpost_hq_session"
COOKIE_PATH = "/console"
# Writing last_seen on every page would make each look a write; once a minute is enough
# for an idle limit counted in minutes.
TOUCH_EVERY_MS = 60_000


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class SignedIn:
    """Who is using the console in this request."""

    admin_id: int
    name: str
    role: str
    csrf_token: str
    token_hash: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def start(session: Session, admin: Admin, *, address: str, now_ms: int, session_hours: int) -> str:
    """A new session for the account; returns the token for the cookie. Expired sessions
    of every account are cleared on the way (sign-in is rare; nothing else needs to)."""
    session.execute(delete(ConsoleSession).where(ConsoleSession.expires_at_ms <= now_ms))
    token = secrets.token_urlsafe(32)
    session.add(
        ConsoleSession(
            token_hash=_hash(token),
            admin=admin.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at_ms=now_ms,
            last_seen_at_ms=now_ms,
            expires_at_ms=now_ms + session_hours * 3600 * 1000,
            address=address[:64],
        )
    )
    session.flush()
    return token


def lookup(
    session: Session, token: str | None, *, now_ms: int, idle_ms: int
) -> tuple[SignedIn | None, bool]:
    """The session of a cookie's token, if it is still good, and whether its last_seen
    needs writing (see `touch`)."""
    if not token or len(token) > 100:
        return None, False
    row = session.execute(
        select(ConsoleSession, Admin)
        .join(Admin, Admin.id == ConsoleSession.admin)
        .where(ConsoleSession.token_hash == _hash(token))
    ).first()
    if row is None:
        return None, False
    found, admin = row
    if (
        found.expires_at_ms <= now_ms
        or found.last_seen_at_ms + idle_ms <= now_ms
        or not admin.active
    ):
        return None, False
    who = SignedIn(admin.id, admin.name, admin.role, found.csrf_token, found.token_hash)
    return who, now_ms - found.last_seen_at_ms >= TOUCH_EVERY_MS


def touch(session: Session, token_hash: str, now_ms: int) -> None:
    row = session.get(ConsoleSession, token_hash)
    if row is not None:
        row.last_seen_at_ms = now_ms


def end(session: Session, token_hash: str) -> None:
    session.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == token_hash))


def end_all_of(session: Session, admin_id: int, *, keep: str | None = None) -> int:
    """Ends the account's sessions (but `keep`, the one making the change); how many."""
    query = delete(ConsoleSession).where(ConsoleSession.admin == admin_id)
    if keep is not None:
        query = query.where(ConsoleSession.token_hash != keep)
    return int(session.execute(query).rowcount or 0)  # type: ignore[attr-defined]
