"""Reading the audit trail, and recording what the outbox hook cannot see (chart openings,
logins). Creates and changes are audited automatically by `desktop.store.outbox`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.permissions import Actor
from desktop.store.models import AuditEvent


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: uuid.UUID | None,
    **detail: str,
) -> None:
    if actor is None:
        return
    session.add(
        AuditEvent(
            clinic_id=actor.clinic_id,
            user_id=actor.user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=dict(detail),
        )
    )


def history(session: Session, entity: str, entity_id: uuid.UUID) -> Sequence[AuditEvent]:
    """Every event about one record, oldest first."""
    return session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.at, AuditEvent.pk)
    ).all()
