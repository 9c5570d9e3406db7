"""The console's audit: every action of HQ staff (and every refused sign-in), with who,
what, when and from where. Written in the same transaction as the action it records."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.models import AuditEvent

# What each action is called on the audit page.
ACTIONS = {
    "sign_in": "Signed in",
    "sign_in_failed": "Sign-in refused",
    "sign_out": "Signed out",
    "code_issued": "Enrolment code issued",
    "device_revoked": "Device revoked",
    "account_added": "Account added",
    "account_disabled": "Account disabled",
    "account_enabled": "Account enabled",
    "password_changed": "Password changed",
    "csrf_refused": "Form refused (bad security token)",
}


@dataclass(frozen=True)
class Event:
    id: int
    at_ms: int
    actor: str
    action: str
    target: str
    detail: str
    address: str

    @property
    def action_text(self) -> str:
        return ACTIONS.get(self.action, self.action)


def record(
    session: Session,
    *,
    action: str,
    actor: str,
    admin_id: int | None,
    address: str,
    now_ms: int,
    target: str = "",
    detail: str = "",
) -> None:
    assert action in ACTIONS, action
    session.add(
        AuditEvent(
            at_ms=now_ms,
            admin=admin_id,
            actor=actor[:200],
            action=action,
            target=target[:200],
            detail=detail[:500],
            address=address[:64],
        )
    )
    session.flush()


def recent(session: Session, *, before: int | None = None, limit: int = 100) -> list[Event]:
    """Newest first; `before` (an event id) pages back."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if before is not None:
        query = query.where(AuditEvent.id < before)
    return [
        Event(e.id, e.at_ms, e.actor, e.action, e.target, e.detail, e.address)
        for e in session.scalars(query)
    ]
