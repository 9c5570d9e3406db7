"""The transactional outbox: every change to a synced record is queued in the same flush.

A `before_flush` hook on Outpost's sessions turns each new, changed or tombstoned `Synced`
object into an `OutboxEntry` holding a field-level patch, stamps the changed fields with the
hybrid logical clock, and adds the matching audit event. Because it runs inside the flush,
the change and its outbox entry commit or roll back together: a change that exists locally is
a change that will be sent.

Patches are field by field, `{key: {"v": value-as-json, "hlc": stamp, "base": stamp}}`. In an
insert every field has the entry's own stamp, so "hlc" is left out of its fields (a patient's
creation, or each audit event, is then half the size). "base" (absent in an insert) is the
stamp of the value the edit replaced: a device receiving
the patch whose own stamp for the field is another one knows the two edits were made without
seeing each other (a conflict, whose losing value is kept). A keyed field (a
dict such as a form's `answers`, named in the model's `__keyed_fields__`) is patched key by
key: `"answers.<name>"`, with its own stamp in `field_hlcs`, so two edits to different
answers merge at sync. An answer removed is patched with `"v": null`.

Unsent updates of one record coalesce: while its latest entry is not yet in a sent batch
(`sent_batch IS NULL`), a new change is merged into it instead of queuing another entry, so
thirty autosaves of a form queue one patch, not thirty. An update merged into a pending
update moves to the end of the queue (its patch is as new as its newest field); one merged
into a pending insert stays where the insert is (records created after it may refer to it).
Sync must therefore mark a batch's entries (`sent_batch`) in the transaction that decides to
send them, before the bytes leave.

The highest stamp issued is kept in store_meta (`HLC_HIGH_WATER`), in the same transaction,
so the clock is seeded from it when the store opens, even once acked entries are pruned.

Session.info carries what the hook needs: "clock" (HybridLogicalClock), "user_id" (the actor,
for audit), and "applying_remote" (True while sync applies changes that came *from* another
device: they are not echoed back into the outbox, and they bring their own stamps).
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import delete, event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from desktop.hlc import HybridLogicalClock
from desktop.store.models import (
    AppointmentEvent,
    AuditEvent,
    OutboxEntry,
    Synced,
)
from sync.protocol.models import derived_change_id

# Records whose own insert is already the audit trail.
_NOT_AUDITED: tuple[type[Synced], ...] = (AuditEvent, AppointmentEvent)
HLC_HIGH_WATER = "hlc_high_water"  # store_meta key: the highest stamp issued or seen


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


def keyed_fields(model: type[Synced] | Synced) -> frozenset[str]:
    """Dict fields patched key by key ("answers.<name>")."""
    return frozenset(getattr(model, "__keyed_fields__", frozenset()))


def synced_columns(model: type[Synced]) -> list[str]:
    """The fields of `model` that travel (its local bookkeeping excluded)."""
    mapper = inspect(model)
    return [c.key for c in mapper.column_attrs if c.key not in Synced.__local_fields__]


def _changed_columns(obj: Synced) -> list[str]:
    state = inspect(obj)
    return [key for key in synced_columns(type(obj)) if state.attrs[key].history.has_changes()]


def _stored_value(session: Session, obj: Synced, key: str) -> Any:
    """`key` of `obj` as the database holds it now (before this flush writes it)."""
    table = type(obj).__table__  # type: ignore[attr-defined]
    pk = obj.pk  # type: ignore[attr-defined]
    return session.connection().execute(select(table.c[key]).where(table.c.pk == pk)).scalar()


def _keyed_patch(session: Session, obj: Synced, key: str, *, insert: bool) -> dict[str, Any]:
    """`{"answers.<name>": value}` for every answer added, changed or removed."""
    new = dict(getattr(obj, key) or {})
    old = {} if insert else dict(_stored_value(session, obj, key) or {})
    out: dict[str, Any] = {}
    for name in sorted(new.keys() | old.keys()):
        if name not in new:
            out[f"{key}.{name}"] = None
        elif name not in old or old[name] != new[name]:
            out[f"{key}.{name}"] = new[name]
    return out


def _values(session: Session, obj: Synced, fields: list[str], *, insert: bool) -> dict[str, Any]:
    keyed = keyed_fields(obj)
    values: dict[str, Any] = {}
    for key in fields:
        if key in keyed:
            values.update(_keyed_patch(session, obj, key, insert=insert))
        else:
            values[key] = to_wire(getattr(obj, key))
    return values


_LATEST_SQL = (
    "SELECT seq, sent_batch FROM outbox WHERE entity_id = ? AND entity = ? "
    "ORDER BY seq DESC LIMIT 1"
)


def _pending_entry(session: Session, table: str, entity_id: uuid.UUID) -> OutboxEntry | None:
    """The record's latest outbox entry if it is not yet in a sent batch."""
    # Plain SQL on the entity_id index (ids are stored as 32 hex digits): this runs for every
    # local update, and the compiled ORM query cost more than the lookup.
    latest = session.connection().exec_driver_sql(_LATEST_SQL, (entity_id.hex, table)).first()
    if latest is None or latest[1] is not None:
        return None
    with session.no_autoflush:
        return session.get(OutboxEntry, latest[0])


def _merge_patches(pending: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The newer values and stamps; each key keeps the base of its first unsent edit (the
    value the other devices still have)."""
    merged = dict(pending)
    for key, entry in new.items():
        earlier = pending.get(key)
        if earlier is None:
            merged[key] = entry
        else:
            merged[key] = {k: v for k, v in entry.items() if k != "base"}
            if "base" in earlier:
                merged[key]["base"] = earlier["base"]
    return merged


def _merged_op(base: str, patch: dict[str, Any]) -> str:
    if base == "insert":
        return "insert"  # the other side never saw the record: it arrives whole
    deleted = patch.get("deleted")
    return "delete" if isinstance(deleted, dict) and deleted.get("v") is True else "update"


def _queue(
    session: Session, obj: Synced, op: str, fields: list[str], clock: HybridLogicalClock
) -> None:
    values = _values(session, obj, fields, insert=op == "insert")
    if not values and op != "insert":
        return  # e.g. answers reassigned to an equal dict: nothing to send
    stamp = clock.now().encode()
    obj.hlc = stamp
    field_hlcs = dict(obj.field_hlcs or {})
    patch: dict[str, Any] = {}
    for key, value in values.items():
        field_hlcs[key], entry = stamp, {"v": value}
        if op != "insert":  # an insert's fields all carry the entry's own stamp
            entry["hlc"] = stamp
            base = (obj.field_hlcs or {}).get(key)
            if base is not None:
                entry["base"] = base
        patch[key] = entry
    obj.field_hlcs = field_hlcs
    table = type(obj).__tablename__  # type: ignore[attr-defined]
    pending = None if op == "insert" else _pending_entry(session, table, obj.id)
    # The id HQ derives from the change itself: it need not travel (sync.protocol).
    change_id = derived_change_id(table, obj.id, stamp)
    if pending is None:
        session.add(
            OutboxEntry(
                change_id=change_id,
                entity=table,
                entity_id=obj.id,
                clinic_id=obj.clinic_id,
                op=op,
                patch=patch,
                hlc=stamp,
            )
        )
    elif pending.op == "insert":
        # The insert's own fields keep the stamp they were made with, now written out; never
        # sent, so it takes the id of its new stamp.
        made = {k: {"hlc": pending.hlc, **v} for k, v in pending.patch.items()}
        pending.patch, pending.hlc = _merge_patches(made, patch), stamp
        pending.change_id = change_id
    else:
        # A new entry at the end of the queue: the merged patch is as new as its newest field
        # (the old entry was never sent, so its change id was never seen anywhere).
        merged = _merge_patches(pending.patch, patch)
        session.delete(pending)
        session.add(
            OutboxEntry(
                change_id=change_id,
                entity=table,
                entity_id=obj.id,
                clinic_id=obj.clinic_id,
                op=_merged_op(pending.op, merged),
                patch=merged,
                hlc=stamp,
                created_at=pending.created_at,
            )
        )
    session.info["hlc_issued"] = stamp
    if not isinstance(obj, _NOT_AUDITED):
        action = {"insert": "create", "update": "update", "delete": "delete"}[op]
        changed = sorted({key.split(".", 1)[0] for key in values})
        audit = AuditEvent(
            clinic_id=obj.clinic_id,
            user_id=session.info.get("user_id"),
            action=action,
            entity=table,
            entity_id=obj.id,
            detail={"fields": changed} if op == "update" else {},
        )
        session.add(audit)
        # Added during the flush, it is not in the `session.new` being walked: queue it here
        # (it is itself not audited, so this does not recurse).
        _fill_defaults(audit)
        _queue(session, audit, "insert", synced_columns(AuditEvent), clock)


_HIGH_WATER_SQL = (
    "INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
    "SET value = excluded.value WHERE excluded.value > store_meta.value"
)


def note_high_water(session: Session, stamp: str) -> None:
    """Keep `stamp` as the store's clock high-water mark if it is the highest yet."""
    # Plain SQL: once per flush, and a compiled upsert costs more than the write itself.
    session.connection().exec_driver_sql(_HIGH_WATER_SQL, (HLC_HIGH_WATER, stamp))


def prune_acknowledged(session: Session) -> int:
    """Remove the entries HQ acknowledged (they are durably there); returns how many.

    The clock's high-water mark stays in store_meta, so pruning never lets the clock go
    back below a stamp this device already issued."""
    result = session.execute(delete(OutboxEntry).where(OutboxEntry.acked_at.is_not(None)))
    return int(getattr(result, "rowcount", 0) or 0)


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
    session.info.pop("hlc_issued", None)
    for obj in list(session.new):
        if isinstance(obj, Synced):
            _fill_defaults(obj)
            _queue(session, obj, "insert", synced_columns(type(obj)), clock)
    for obj in list(session.dirty):
        if not isinstance(obj, Synced) or not session.is_modified(obj):
            continue
        changed = _changed_columns(obj)
        if not changed:
            continue
        tombstoned = "deleted" in changed and obj.deleted
        _queue(session, obj, "delete" if tombstoned else "update", changed, clock)
    issued = session.info.pop("hlc_issued", None)
    if issued is not None:
        note_high_water(session, issued)


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
