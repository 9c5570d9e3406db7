"""The transactional outbox: every change to a synced record is queued in the same flush.

A `before_flush` hook on Outpost's sessions turns each new, changed or tombstoned `Synced`
object into an `OutboxEntry` holding a field-level patch, stamps the changed fields with the
hybrid logical clock, and adds the matching audit event. Because it runs inside the flush,
the change and its outbox entry commit or roll back together: a change that exists locally is
a change that will be sent.

Session.info carries what the hook needs: "clock" (HybridLogicalClock), "user_id" (the actor,
for audit), and "applying_remote" (True while sync applies changes that came *from* HQ, which
must not be echoed back).
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from desktop.hlc import HybridLogicalClock
from desktop.store.models import (
    AppointmentEvent,
    AuditEvent,
    OutboxEntry,
    Synced,
)

# Records whose own insert is already the audit trail.
_NOT_AUDITED: tuple[type[Synced], ...] = (AuditEvent, AppointmentEvent)


class TombstoneRequired(RuntimeError):
    pass


def to_wire(value: Any) -> Any:
    """A column value as JSON (the patch format shared with sync)."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _synced_columns(obj: Synced) -> list[str]:
    mapper = inspect(obj).mapper
    return [c.key for c in mapper.column_attrs if c.key not in Synced.__local_fields__]


def _changed_columns(obj: Synced) -> list[str]:
    state = inspect(obj)
    return [key for key in _synced_columns(obj) if state.attrs[key].history.has_changes()]


def _queue(
    session: Session, obj: Synced, op: str, fields: list[str], clock: HybridLogicalClock
) -> None:
    stamp = clock.now().encode()
    obj.hlc = stamp
    field_hlcs = dict(obj.field_hlcs or {})
    patch: dict[str, Any] = {}
    for key in fields:
        field_hlcs[key] = stamp
        patch[key] = {"v": to_wire(getattr(obj, key)), "hlc": stamp}
    obj.field_hlcs = field_hlcs
    session.add(
        OutboxEntry(
            entity=type(obj).__tablename__,  # type: ignore[attr-defined]
            entity_id=obj.id,
            clinic_id=obj.clinic_id,
            op=op,
            patch=patch,
            hlc=stamp,
        )
    )
    if not isinstance(obj, _NOT_AUDITED):
        action = {"insert": "create", "update": "update", "delete": "delete"}[op]
        event = AuditEvent(
            clinic_id=obj.clinic_id,
            user_id=session.info.get("user_id"),
            action=action,
            entity=type(obj).__tablename__,  # type: ignore[attr-defined]
            entity_id=obj.id,
            detail={"fields": sorted(fields)} if op == "update" else {},
        )
        session.add(event)
        # Added during the flush, it is not in the `session.new` being walked: queue it here
        # (it is itself not audited, so this does not recurse).
        _fill_defaults(event)
        _queue(session, event, "insert", _synced_columns(event), clock)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get("applying_remote"):
        return
    clock: HybridLogicalClock = session.info["clock"]
    for obj in list(session.deleted):
        if isinstance(obj, Synced):
            raise TombstoneRequired(
                f"{type(obj).__name__} records are never deleted; set `deleted = True` "
                "so the deletion reaches every device"
            )
    for obj in list(session.new):
        if isinstance(obj, Synced):
            _fill_defaults(obj)
            _queue(session, obj, "insert", _synced_columns(obj), clock)
    for obj in list(session.dirty):
        if not isinstance(obj, Synced) or not session.is_modified(obj):
            continue
        changed = _changed_columns(obj)
        if not changed:
            continue
        tombstoned = "deleted" in changed and obj.deleted
        _queue(session, obj, "delete" if tombstoned else "update", changed, clock)


def _fill_defaults(obj: Synced) -> None:
    """Column defaults normally apply at INSERT time; the patch needs them now."""
    mapper = inspect(obj).mapper
    for column_attr in mapper.column_attrs:
        key = column_attr.key
        if key in Synced.__local_fields__ or getattr(obj, key) is not None:
            continue
        column = column_attr.columns[0]
        default = column.default
        if default is None or (not default.is_scalar and not default.is_callable):
            continue
        if default.is_callable:
            setattr(obj, key, default.arg(None))
        else:
            setattr(obj, key, default.arg)


def _refuse_bulk_changes(state: ORMExecuteState) -> None:
    """Bulk UPDATE/DELETE statements skip `before_flush`, so the outbox would never hear of
    them: synced tables are changed through objects only (sync's own apply step excepted)."""
    if not (state.is_update or state.is_delete) or state.session.info.get("applying_remote"):
        return
    mapper = state.bind_mapper
    if mapper is not None and issubclass(mapper.class_, Synced):
        raise TombstoneRequired(
            f"bulk changes to {mapper.class_.__name__} records would bypass the outbox; "
            "change the objects instead"
        )


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "do_orm_execute", _refuse_bulk_changes)
