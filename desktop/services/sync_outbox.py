"""The outbox as sync sends it: batches, acknowledgements, and a full snapshot for a resync.

A batch is fixed before its bytes leave: its entries get `sent_batch` in the transaction that
takes them, so an edit made while the upload is in flight goes into a new entry (it stays
pending) instead of changing what HQ may already have committed. An entry sent before and not
acknowledged (the link dropped) is sent again as it was: HQ answers "duplicate".
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Row, String, Table, cast, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.hlc import HybridLogicalClock, Stamp
from desktop.ids import new_id
from desktop.services.attachments import HASH_KEY
from desktop.store.models import SYNCED_MODELS, Attachment, Meta, OutboxEntry, utcnow
from desktop.store.outbox import HLC_HIGH_WATER, keyed_fields, synced_columns, to_wire


def pending_count(session: Session) -> int:
    found = session.scalar(
        select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
    )
    return int(found or 0)


def take_batch(session: Session, limit: int, after_seq: int = 0) -> list[Row[Any]]:
    """The oldest unacknowledged entries after `after_seq` (at most `limit`), fixed as one
    sent batch; rows of the outbox table (plain values, no ORM objects: this runs for every
    batch of a push)."""
    table: Table = OutboxEntry.__table__  # type: ignore[assignment]
    entries = list(
        session.execute(
            select(table)
            .where(table.c.acked_at.is_(None), table.c.seq > after_seq)
            .order_by(table.c.seq)
            .limit(limit)
        )
    )
    fresh = [e.seq for e in entries if e.sent_batch is None]
    if fresh:
        batch = uuid.uuid4()
        for chunk in range(0, len(fresh), 500):
            session.execute(
                update(table)
                .where(table.c.seq.in_(fresh[chunk : chunk + 500]))
                .values(sent_batch=batch)
            )
    return entries


def unacked_patches_with_attachments(session: Session) -> list[Any]:
    """The patches of unacknowledged entries that may refer to an attachment (a cheap text
    match first: most changes carry none)."""
    table: Table = OutboxEntry.__table__  # type: ignore[assignment]
    query = select(table.c.patch).where(
        table.c.acked_at.is_(None), cast(table.c.patch, String).like(f"%{HASH_KEY}%")
    )
    return list(session.scalars(query))


def mark_acknowledged(session: Session, change_ids: Sequence[uuid.UUID]) -> None:
    if not change_ids:
        return
    now = utcnow()
    for start in range(0, len(change_ids), 500):
        chunk = list(change_ids[start : start + 500])
        session.execute(
            update(OutboxEntry).where(OutboxEntry.change_id.in_(chunk)).values(acked_at=now)
        )


def snapshot_kinds(kinds: frozenset[str] | None = None) -> list[Any]:
    """The record kinds a snapshot sends (of `kinds`, or all), in dependency order."""
    return [
        m
        for m in SYNCED_MODELS
        if kinds is None or m.__tablename__ in kinds  # type: ignore[attr-defined]
    ]


def snapshot_batch(
    session: Session, model: Any, clinic_id: uuid.UUID, after_pk: int, limit: int
) -> tuple[list[dict[str, Any]], int | None]:
    """The next `limit` records of one kind (by local row number, after `after_pk`) as whole
    changes, each field with its own stamp, for a resync: HQ gets back whatever it lost, and
    a device that has a newer value keeps it. Returns them and the last row number read (None
    when there was nothing more): a snapshot is read a batch at a time, never all at once."""
    columns = synced_columns(model)
    keyed = keyed_fields(model)
    table = model.__tablename__
    rows = session.scalars(
        select(model)
        .where(model.clinic_id == clinic_id, model.pk > after_pk)
        .order_by(model.pk)
        .limit(limit)
    ).all()
    out: list[dict[str, Any]] = []
    for row in rows:
        stamps: Mapping[str, str] = row.field_hlcs or {}
        default = row.hlc or ""
        if not default:
            continue  # never stamped: not a synced record yet
        patch: dict[str, Any] = {}
        for key in columns:
            value = getattr(row, key)
            if key in keyed:
                for name, answer in sorted((value or {}).items()):
                    full = f"{key}.{name}"
                    patch[full] = {"v": answer, "hlc": stamps.get(full, default)}
                continue
            patch[key] = {"v": to_wire(value), "hlc": stamps.get(key, default)}
        out.append(
            {
                "change_id": new_id(),
                "entity": table,
                "entity_id": row.id,
                "clinic_id": row.clinic_id,
                "op": "delete" if row.deleted else "update",  # HQ counts tombstones by it
                "patch": patch,
                "hlc": default,
            }
        )
    return out, (rows[-1].pk if rows else None)


def attachment_hashes(patches: Sequence[Mapping[str, Any]]) -> set[str]:
    """The attachment hashes the given patches refer to (signatures inside form answers)."""
    found: set[str] = set()
    # Only values that are objects or lists can hold a reference: the scalars, nearly every
    # value of a page, are passed over without being walked (and by type, not isinstance:
    # a page is tens of thousands of values, and JSON gives plain dicts and lists).
    stack: list[Any] = []
    for patch in patches:
        for entry in patch.values():
            value = entry.get("v") if type(entry) is dict or isinstance(entry, Mapping) else None
            kind = type(value)
            # The scalars' own types first: asking an abstract Mapping about each of them
            # cost more than the rest of the walk.
            if kind in _CONTAINERS or (kind not in _SCALARS and isinstance(value, Mapping)):
                stack.append(value)
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            digest = item.get(HASH_KEY)
            if isinstance(digest, str) and len(digest) == 64:
                found.add(digest)
            stack.extend(v for v in item.values() if type(v) in _CONTAINERS)
        elif isinstance(item, list):
            stack.extend(v for v in item if type(v) in _CONTAINERS)
    return found


_CONTAINERS = (dict, list)
_SCALARS = frozenset((str, int, float, bool, type(None)))


def local_attachments(session: Session, hashes: set[str]) -> set[str]:
    """Which of `hashes` this store has."""
    have: set[str] = set()
    wanted = sorted(hashes)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        have.update(session.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(chunk))))
    return have


def restamp_future(session: Session, clock: HybridLogicalClock, limit_ms: int) -> int:
    """Re-stamp unacknowledged changes stamped after `limit_ms` (a clock that ran fast while
    offline), in their order, with the corrected clock; the records' own stamps follow, so
    this laptop, HQ and the others all compare the same stamps. Returns how many."""
    # Stamps sort as text: every stamp of a later millisecond sorts after this one.
    after = f"{limit_ms:015d}-999999"
    late = list(
        session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.acked_at.is_(None), OutboxEntry.hlc > after)
            .order_by(OutboxEntry.seq)
        )
    )
    if not late:
        return 0
    clock.rewind()
    models = {m.__tablename__: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]
    for entry in late:
        fresh = clock.now().encode()
        patch = {}
        for key, value in entry.patch.items():
            value = dict(value)
            if "hlc" in value and _wall_ms(str(value["hlc"])) > limit_ms:
                value["hlc"] = fresh
            patch[key] = value
        old = entry.hlc
        entry.hlc, entry.patch = fresh, patch
        model: Any = models.get(entry.entity)
        if model is None:
            continue
        row = session.scalar(select(model).where(model.id == entry.entity_id))
        if row is None:
            continue
        stamps = {
            k: (fresh if (v == old or _wall_ms(v) > limit_ms) else v)
            for k, v in (row.field_hlcs or {}).items()
        }
        try:
            # A row the guard triggers keep as written (the audit trail, a signed form)
            # keeps its stamps; its change still travels re-stamped.
            with session.begin_nested():
                session.execute(
                    update(model.__table__)
                    .where(model.__table__.c.pk == row.pk)
                    .values(field_hlcs=stamps, hlc=fresh)
                )
        except IntegrityError:
            pass
    session.execute(
        update(Meta).where(Meta.key == HLC_HIGH_WATER).values(value=clock.last.encode())
    )
    session.flush()
    return len(late)


def _wall_ms(stamp: str) -> int:
    try:
        return Stamp.decode(stamp).wall_ms
    except ValueError:
        return 0
