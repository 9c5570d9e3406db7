"""HQ's store: what the endpoints and the CLI do to the database.

Every function takes the `Session` it works in; the caller owns the transaction
(`sync.server.db.write_session` / `read_session`). That is also the seam a test uses to hold
a push open while another connection reads.

Cursor safety (a reader never skips a change that commits late). Positions come from one
database sequence (`changes.position`), and a device's cursor is the last position it
applied. A reader could skip a position if two pushes of one clinic took positions 10 and
11 and 11 committed first: a pull in between would answer 11 and the device would never ask
for 10. So:

- on PostgreSQL, every push transaction first takes `pg_advisory_xact_lock(8470, <clinic
  key>)` (released at its commit or rollback), *before* it inserts anything. Pushes of one
  clinic are therefore serialised: the later one takes its positions only after the earlier
  one committed, and a clinic's positions become visible in increasing order. Pushes of
  different clinics still run in parallel (their positions interleave in the sequence, which
  is harmless: a reader only reads its own clinic);
- on SQLite every write transaction is `BEGIN IMMEDIATE`: one writer at a time.

A pull also computes the clinic's head first and reads only positions up to it.

Pushes only ever append; nothing here deletes a change.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, Text, bindparam, cast, func, insert, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.protocol import (
    Change,
    ChangeResult,
    ChangeStatus,
    DeviceSummary,
    PullPage,
    compact_patch,
)
from sync.protocol.wire import content_hash, dumps
from sync.server import passwords
from sync.server.models import (
    Admin,
    Attachment,
    ChangeRow,
    Clinic,
    Device,
    EnrolCode,
    Meta,
    RecordRow,
)

RECORDS_TABLE: Table = RecordRow.__table__  # type: ignore[assignment]
CHANGES_TABLE: Table = ChangeRow.__table__  # type: ignore[assignment]
ADVISORY_NAMESPACE = 8470
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LIFETIME_MS = 24 * 3600 * 1000
FUTURE_SLACK_MS = 5 * 60 * 1000
ADMIN_LOCK_AFTER = 5
ADMIN_LOCK_MS = 60 * 1000


class StoreError(Exception):
    """A refusal with a message for a person; `code` is an ErrorCode value."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


# --- meta -----------------------------------------------------------------------------


def init_meta(session: Session, now_ms: int) -> uuid.UUID:
    """The log id, created at the first init."""
    meta = session.get(Meta, 1)
    if meta is None:
        meta = Meta(id=1, log_id=uuid.uuid4(), created_at_ms=now_ms)
        session.add(meta)
        session.flush()
    return meta.log_id


def log_id(session: Session) -> uuid.UUID:
    meta = session.get(Meta, 1)
    if meta is None:
        raise StoreError("server_error", "HQ's database has not been initialised.", 500)
    return meta.log_id


# --- administrators -------------------------------------------------------------------


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def add_admin(session: Session, name: str, password: str, now_ms: int) -> bool:
    """Adds an administrator; False if one of that name exists (left unchanged)."""
    key = name_key(name)
    if session.scalar(select(Admin).where(Admin.name_key == key)) is not None:
        return False
    session.add(
        Admin(
            name=name.strip(),
            name_key=key,
            password_hash=passwords.hash_password(password),
            created_at_ms=now_ms,
            failed_attempts=0,
        )
    )
    session.flush()
    return True


def verify_admin(session: Session, name: str, password: str, now_ms: int) -> bool:
    """Checks an administrator's password. After ADMIN_LOCK_AFTER failures the account is
    locked for ADMIN_LOCK_MS (persisted, so it holds across workers and restarts). An
    unknown name costs the same Argon2id work as a known one."""
    admin = session.scalar(select(Admin).where(Admin.name_key == name_key(name)))
    if admin is None:
        passwords.verify_password(password, _DUMMY_HASH)
        return False
    if admin.locked_until_ms is not None and admin.locked_until_ms > now_ms:
        return False
    ok = passwords.verify_password(password, admin.password_hash)
    if ok:
        admin.failed_attempts = 0
        admin.locked_until_ms = None
    else:
        admin.failed_attempts += 1
        if admin.failed_attempts >= ADMIN_LOCK_AFTER:
            admin.locked_until_ms = now_ms + ADMIN_LOCK_MS
            admin.failed_attempts = 0
    return ok


_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$AAAAAAAAAAAAAAAAAAAAAA$"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
)


# --- clinics and enrolment ------------------------------------------------------------


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def get_or_create_clinic(session: Session, name: str, now_ms: int) -> tuple[Clinic, bool]:
    key = name_key(name)
    clinic = session.scalar(select(Clinic).where(Clinic.name_key == key))
    if clinic is not None:
        return clinic, False
    clinic = Clinic(name=" ".join(name.split()), name_key=key, created_at_ms=now_ms)
    session.add(clinic)
    session.flush()
    return clinic, True


def issue_code(session: Session, clinic_name: str, now_ms: int) -> tuple[str, Clinic, bool]:
    """A one-time enrolment code for the clinic (created if new): (code, clinic, created)."""
    clinic, created = get_or_create_clinic(session, clinic_name, now_ms)
    code = new_code()
    session.add(
        EnrolCode(
            code_hash=hash_code(code),
            clinic=clinic.id,
            created_at_ms=now_ms,
            expires_at_ms=now_ms + CODE_LIFETIME_MS,
        )
    )
    session.flush()
    return code, clinic, created


@dataclass(frozen=True)
class Enrolled:
    device_id: uuid.UUID
    token: str
    clinic_id: uuid.UUID
    clinic_name: str
    clinic_is_new: bool


CODE_INVALID = (
    "This enrolment code is not valid (unknown, already used or expired): ask HQ for a new one."
)


def enrol(
    session: Session,
    *,
    code: str,
    device_name: str,
    mode: str,
    clinic_id: uuid.UUID | None,
    now_ms: int,
) -> Enrolled:
    """Uses the code (once) and creates the device. Raise StoreError to refuse: the
    caller's transaction then rolls back and the code stays unused."""
    used = session.execute(
        update(EnrolCode)
        .where(
            EnrolCode.code_hash == hash_code(code),
            EnrolCode.used_at_ms.is_(None),
            EnrolCode.expires_at_ms > now_ms,
        )
        .values(used_at_ms=now_ms)
        .returning(EnrolCode.id, EnrolCode.clinic)
    ).first()
    if used is None:
        raise StoreError("code_invalid", CODE_INVALID, 403)
    code_row_id, clinic_pk = used
    clinic = session.get(Clinic, clinic_pk, with_for_update=True)
    assert clinic is not None
    is_new = False
    if mode == "join":
        if clinic_id is None:
            raise StoreError("invalid", "An enrolment to join HQ must say its clinic id.", 422)
        if clinic.clinic_id is None:
            other = session.scalar(select(Clinic).where(Clinic.clinic_id == clinic_id))
            if other is not None:
                raise StoreError(
                    "clinic_mismatch",
                    f"This laptop's clinic is already at HQ as {other.name}; ask HQ for a code "
                    f"for {other.name}.",
                    409,
                )
            clinic.clinic_id = clinic_id
            is_new = True
        elif clinic.clinic_id != clinic_id:
            raise StoreError(
                "clinic_mismatch",
                f"HQ's clinic {clinic.name} already has records from another laptop; set this "
                "laptop up with `outpost init --from-server` instead.",
                409,
            )
    elif clinic.clinic_id is None:
        raise StoreError(
            "clinic_mismatch",
            f"HQ has no records of {clinic.name} yet; enrol the clinic's first laptop with "
            "`outpost sync enrol`.",
            409,
        )
    device_id = uuid.uuid4()
    secret = secrets.token_urlsafe(32)
    session.add(
        Device(
            id=device_id,
            clinic=clinic.id,
            name=device_name,
            token_hash=hash_secret(secret),
            enrolled_at_ms=now_ms,
            pending=0,
            needs_attention=0,
            app_version="",
        )
    )
    session.execute(update(EnrolCode).where(EnrolCode.id == code_row_id).values(used_by=device_id))
    session.flush()
    assert clinic.clinic_id is not None
    return Enrolled(device_id, f"{device_id}.{secret}", clinic.clinic_id, clinic.name, is_new)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# --- devices --------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceInfo:
    id: uuid.UUID
    name: str
    clinic_pk: int
    clinic_id: uuid.UUID
    clinic_name: str


UNAUTHORIZED = "HQ does not know this laptop's credential: enrol it again with a new code."
REVOKED = (
    "HQ has revoked this laptop's access. Its records stay on this laptop; ask HQ to enrol "
    "it again."
)


def authenticate(session: Session, token: str | None) -> DeviceInfo:
    """The device a bearer token belongs to; StoreError 401 / 403 otherwise."""
    if not token or len(token) > 200 or "." not in token:
        raise StoreError("unauthorized", UNAUTHORIZED, 401)
    device_text, secret = token.split(".", 1)
    try:
        device_id = uuid.UUID(device_text)
    except ValueError:
        raise StoreError("unauthorized", UNAUTHORIZED, 401) from None
    row = session.execute(
        select(Device, Clinic)
        .join(Clinic, Clinic.id == Device.clinic)
        .where(Device.id == device_id)
    ).first()
    expected = row[0].token_hash if row is not None else "0" * 64
    ok = hmac.compare_digest(hash_secret(secret), expected)
    if row is None or not ok:
        raise StoreError("unauthorized", UNAUTHORIZED, 401)
    device, clinic = row
    if device.revoked_at_ms is not None:
        raise StoreError("device_revoked", REVOKED, 403)
    if clinic.clinic_id is None:  # cannot happen: enrolment binds it
        raise StoreError("unauthorized", UNAUTHORIZED, 401)
    return DeviceInfo(device.id, device.name, clinic.id, clinic.clinic_id, clinic.name)


def revoke_device(session: Session, device_id: uuid.UUID, now_ms: int) -> Device | None:
    device = session.get(Device, device_id)
    if device is not None and device.revoked_at_ms is None:
        device.revoked_at_ms = now_ms
    return device


def touch_device(session: Session, device_id: uuid.UUID, now_ms: int) -> None:
    session.execute(update(Device).where(Device.id == device_id).values(last_sync_at_ms=now_ms))


def note_pulled(session: Session, device_id: uuid.UUID, cursor: int) -> None:
    """Remember the highest cursor this device was answered with (see `pull_json`)."""
    session.execute(
        update(Device)
        .where(Device.id == device_id, Device.pulled_to < cursor)
        .values(pulled_to=cursor)
    )


# --- push -----------------------------------------------------------------------------


def _sets_deleted(change: Change) -> bool:
    entry = change.patch.get("deleted")
    return entry is not None and entry.get("v") is True


def _edited_elsewhere_since(
    session: Session, device: DeviceInfo, change: Change, seen_to: int
) -> bool:
    """Another device changed the record after the last position this device pulled."""
    c = CHANGES_TABLE.c
    found = session.execute(
        select(c.position)
        .where(
            c.clinic == device.clinic_pk,
            c.entity_id == change.entity_id,
            c.position > seen_to,
            or_(c.origin_device.is_(None), c.origin_device != device.id),
        )
        .limit(1)
    ).first()
    return found is not None


def lock_clinic(session: Session, clinic_pk: int) -> None:
    """Serialises pushes of one clinic on PostgreSQL (see the module docstring); on SQLite
    the write transaction's BEGIN IMMEDIATE already did."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:ns, :key)"),
            {"ns": ADVISORY_NAMESPACE, "key": clinic_pk},
        )


def _wall_ms(stamp: str) -> int:
    return int(stamp[:15])


@dataclass
class _Rec:
    deleted: bool
    stamps: dict[str, str]
    last_position: int
    new: bool
    touched: bool = False


@dataclass
class _Pending:
    index: int
    change: Change
    row: dict[str, Any]
    status: ChangeStatus
    position: int = 0


def push(
    session: Session,
    device: DeviceInfo,
    changes: Sequence[Change],
    summary: DeviceSummary,
    now_ms: int,
) -> list[ChangeResult]:
    """Appends a batch to the clinic's log; per-change results in request order. The
    results are true only once the caller's transaction has committed.

    Works with Core statements (one multi-row INSERT … RETURNING for the log, executemany
    for the record stamps): a batch of 1,000 changes costs a handful of round trips."""
    lock_clinic(session, device.clinic_pk)
    results: list[ChangeResult | None] = [None] * len(changes)
    dumped = [c.as_json() for c in changes]
    hashes = [content_hash(d) for d in dumped]

    ids = list({c.change_id for c in changes})
    known: dict[uuid.UUID, tuple[str, int]] = {}
    for chunk in _chunks(ids, 500):
        for cid, chash, pos in session.execute(
            select(ChangeRow.change_id, ChangeRow.content_hash, ChangeRow.position).where(
                ChangeRow.change_id.in_(chunk)
            )
        ):
            known[cid] = (chash, pos)

    wanted = list({c.entity_id for c in changes if c.clinic_id == device.clinic_id})
    records: dict[tuple[str, uuid.UUID], _Rec] = {}
    for chunk in _chunks(wanted, 500):
        for entity, entity_id, deleted, stamps, last in session.execute(
            select(
                RecordRow.entity,
                RecordRow.entity_id,
                RecordRow.deleted,
                RecordRow.stamps,
                RecordRow.last_position,
            ).where(RecordRow.clinic == device.clinic_pk, RecordRow.entity_id.in_(chunk))
        ):
            records[(entity, entity_id)] = _Rec(bool(deleted), dict(stamps or {}), last, False)

    limit_ms = now_ms + FUTURE_SLACK_MS
    seen_to = session.scalar(select(Device.pulled_to).where(Device.id == device.id)) or 0
    in_batch: dict[uuid.UUID, tuple[str, int]] = {}  # change id -> (hash, index in pending)
    pending: list[_Pending] = []
    repeats: list[tuple[int, int]] = []  # (index, index in pending of its first copy)
    for i, change in enumerate(changes):
        cid = change.change_id

        def refuse(reason: str, cid: uuid.UUID = cid, i: int = i) -> None:
            results[i] = ChangeResult(change_id=cid, status=ChangeStatus.REJECTED, reason=reason)

        if change.clinic_id != device.clinic_id:
            refuse("a record of another clinic")
            continue
        if cid in known:
            chash, pos = known[cid]
            if chash == hashes[i]:
                results[i] = ChangeResult(
                    change_id=cid, status=ChangeStatus.DUPLICATE, position=pos
                )
            else:
                refuse("this change id was already used for other content")
            continue
        if cid in in_batch:
            if in_batch[cid][0] == hashes[i]:
                repeats.append((i, in_batch[cid][1]))
            else:
                refuse("this change id was already used for other content")
            continue
        if _wall_ms(change.hlc) > limit_ms or any(
            _wall_ms(stamp) > limit_ms
            for stamp in (e.get("hlc") for e in change.patch.values())
            if stamp is not None
        ):
            refuse("stamped in the future (this laptop's clock is ahead of HQ's)")
            continue

        key = (change.entity, change.entity_id)
        rec = records.get(key)
        if rec is None:
            rec = records[key] = _Rec(False, {}, 0, True)
        rec.touched = True
        conflict = rec.deleted and change.op != "delete"
        removing = change.op == "delete" or _sets_deleted(change)
        if removing and not rec.deleted and not rec.new:
            # Removed by a device that had not pulled another device's later edit of the
            # record: the edit would be lost from sight on the device that made it.
            conflict = conflict or _edited_elsewhere_since(session, device, change, seen_to)
        stamps = rec.stamps
        for name, entry in change.patch.items():
            stamp = entry.get("hlc") or change.hlc
            current = stamps.get(name)
            if current is not None and current > stamp and current != entry.get("base"):
                conflict = True
            if current is None or stamp > current:
                stamps[name] = stamp
                if name == "deleted":
                    # The newest "deleted" value decides, whatever the op says (a record
                    # registered and removed before it was ever sent arrives as an insert).
                    rec.deleted = entry.get("v") is True
        if change.op == "delete" and "deleted" not in change.patch:
            rec.deleted = True
        row = {
            "change_id": cid,
            "clinic": device.clinic_pk,
            "entity": change.entity,
            "entity_id": change.entity_id,
            "op": change.op,
            "patch": compact_patch(dumped[i]["patch"], change.hlc),
            "hlc": change.hlc,
            "user_id": change.user_id,
            "origin_device": device.id,
            "content_hash": hashes[i],
            "received_at_ms": now_ms,
            "conflict": conflict,
        }
        status = ChangeStatus.CONFLICT if conflict else ChangeStatus.APPLIED
        in_batch[cid] = (hashes[i], len(pending))
        pending.append(_Pending(i, change, row, status))

    try:
        if pending:
            conn = session.connection()
            positions = append_rows(session, [p.row for p in pending])
            for p, pos in zip(pending, positions, strict=True):
                p.position = int(pos)
                rec = records[(p.change.entity, p.change.entity_id)]
                rec.last_position = max(rec.last_position, p.position)
            new_rows: list[dict[str, Any]] = []
            changed_rows: list[dict[str, Any]] = []
            for (entity, entity_id), rec in records.items():
                if not rec.touched:
                    continue
                values = {
                    "r_entity": entity,
                    "r_entity_id": entity_id,
                    "deleted": rec.deleted,
                    "stamps": rec.stamps,
                    "last_position": rec.last_position,
                }
                (new_rows if rec.new else changed_rows).append(values)
            if new_rows:
                conn.execute(
                    insert(RECORDS_TABLE),
                    [
                        {
                            "clinic": device.clinic_pk,
                            "entity": v["r_entity"],
                            "entity_id": v["r_entity_id"],
                            "deleted": v["deleted"],
                            "stamps": v["stamps"],
                            "last_position": v["last_position"],
                        }
                        for v in new_rows
                    ],
                )
            if changed_rows:
                table = RECORDS_TABLE
                conn.execute(
                    update(table)
                    .where(
                        table.c.clinic == device.clinic_pk,
                        table.c.entity == bindparam("r_entity"),
                        table.c.entity_id == bindparam("r_entity_id"),
                    )
                    .values(
                        deleted=bindparam("deleted"),
                        stamps=bindparam("stamps"),
                        last_position=bindparam("last_position"),
                    ),
                    changed_rows,
                )
        session.execute(
            update(Device)
            .where(Device.id == device.id)
            .values(
                pending=summary.pending,
                needs_attention=summary.needs_attention,
                app_version=summary.app_version,
                last_sync_at_ms=now_ms,
            )
        )
    except IntegrityError:
        # Another clinic's push used one of these change ids at the same moment.
        raise StoreError(
            "invalid",
            "A change id of this batch was used by another push at the same moment; send the "
            "batch again.",
            409,
        ) from None
    for p in pending:
        results[p.index] = ChangeResult.model_construct(
            change_id=p.change.change_id, status=p.status, position=p.position
        )
    for i, first in repeats:
        results[i] = ChangeResult(
            change_id=changes[i].change_id,
            status=ChangeStatus.DUPLICATE,
            position=pending[first].position,
        )
    return [r for r in results if r is not None]


def append_rows(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Inserts rows of the log, numbered from HQ's one sequence; their positions in order.
    The caller holds the clinic's lock (`lock_clinic`; on SQLite the write transaction)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        # The only writer (BEGIN IMMEDIATE) numbers its rows itself, after the highest
        # position ever given (sqlite_sequence: a position is never reused), and inserts
        # them in one executemany (RETURNING would cost a statement a row).
        given = conn.execute(
            text("SELECT seq FROM sqlite_sequence WHERE name = 'changes'")
        ).scalar()
        present = conn.execute(select(func.max(CHANGES_TABLE.c.position))).scalar()
        top = max(int(given or 0), int(present or 0))
        positions = list(range(top + 1, top + 1 + len(rows)))
        for row, pos in zip(rows, positions, strict=True):
            row["position"] = pos
        conn.execute(insert(CHANGES_TABLE), rows)
        return positions
    stmt = insert(CHANGES_TABLE).returning(CHANGES_TABLE.c.position, sort_by_parameter_order=True)
    return [int(p) for p in conn.execute(stmt, rows).scalars().all()]


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# --- pull -----------------------------------------------------------------------------


def head(session: Session, clinic_pk: int) -> int:
    value = session.scalar(
        select(func.max(ChangeRow.position)).where(ChangeRow.clinic == clinic_pk)
    )
    return int(value or 0)


def pull_json(
    session: Session,
    device: DeviceInfo,
    *,
    after: int,
    limit: int,
    log: uuid.UUID | None,
    now_ms: int,
    own: bool = True,
    answered: bool = False,
) -> PageBody:
    """A page of the clinic's log as the JSON of a `PullPage`, built directly from the rows:
    the hot path of a large initial sync. Each patch goes out as the text the database holds
    (never decoded and encoded again: that was most of a page's cost). `own=False` leaves
    out the changes this device pushed itself (it has them), the cursor still moving past
    them. `answered`: also
    refuse a cursor past the highest this device was answered with (`note_pulled`, which the
    endpoint records after every page)."""
    our_log = log_id(session)
    top = head(session, device.clinic_pk)
    if log is not None and log != our_log:
        raise StoreError(
            "resync_required",
            "This laptop last synced with another HQ log (HQ was rebuilt or moved): a full "
            "resync is needed.",
            409,
        )
    highest = session.scalar(select(Device.pulled_to).where(Device.id == device.id)) or 0
    if after > top or (answered and after > highest):
        # Past the log's head, or past anything HQ remembers answering this device: the
        # device synced with a newer state of this log (HQ restored from an older backup;
        # the head alone stops telling once new pushes pass the old cursor).
        raise StoreError(
            "resync_required",
            "HQ has fewer changes than this laptop already received (HQ was restored from an "
            "older backup): a full resync is needed.",
            409,
        )
    c = CHANGES_TABLE.c
    rows = (
        session.connection()
        .execute(
            select(
                c.position,
                c.change_id,
                c.entity,
                c.entity_id,
                c.op,
                cast(c.patch, Text),
                c.hlc,
                c.user_id,
                c.origin_device,
                c.conflict,
            )
            .where(c.clinic == device.clinic_pk, c.position > after, c.position <= top)
            .order_by(c.position)
            .limit(limit + 1)
        )
        .all()
    )
    more = len(rows) > limit
    rows = rows[:limit]
    clinic = str(device.clinic_id)
    changes = []
    for pos, cid, entity, entity_id, op, patch, hlc, user_id, origin, conflict in rows:
        if not own and origin == device.id:
            continue
        item: dict[str, Any] = {
            "change_id": str(cid),
            "entity": entity,
            "entity_id": str(entity_id),
            "clinic_id": clinic,
            "op": op,
            "hlc": hlc,
            "position": int(pos),
        }
        if user_id is not None:
            item["user_id"] = str(user_id)
        if origin is not None:
            item["origin_device"] = str(origin)
        if conflict:
            item["conflict"] = True
        # The patch is JSON the server wrote itself (a validated change): spliced in as is.
        changes.append(dumps(item)[:-1] + b',"patch":' + patch.encode() + b"}")
    next_cursor = int(rows[-1][0]) if rows else after
    tail = {
        "next_cursor": next_cursor,
        "more": more,
        "head": top,
        "log_id": str(our_log),
        "server_time_ms": now_ms,
    }
    body = b'{"changes":[' + b",".join(changes) + b"]," + dumps(tail)[1:]
    return PageBody(body, next_cursor, more)


@dataclass(frozen=True)
class PageBody:
    """A pull page as it travels, and what the endpoint records of it."""

    body: bytes
    next_cursor: int
    more: bool


def pull(
    session: Session,
    device: DeviceInfo,
    *,
    after: int,
    limit: int,
    log: uuid.UUID | None,
    now_ms: int,
    own: bool = True,
) -> PullPage:
    """`pull_json` as the protocol model."""
    return PullPage.model_validate_json(
        pull_json(session, device, after=after, limit=limit, log=log, now_ms=now_ms, own=own).body
    )


def counts(session: Session, clinic_pk: int) -> dict[str, int]:
    rows = session.execute(
        select(RecordRow.entity, func.count())
        .where(RecordRow.clinic == clinic_pk, RecordRow.deleted.is_(False))
        .group_by(RecordRow.entity)
    )
    return {entity: int(n) for entity, n in rows}


# --- attachments ----------------------------------------------------------------------


def missing_attachments(session: Session, clinic_pk: int, hashes: Sequence[str]) -> list[str]:
    wanted = list(dict.fromkeys(hashes))
    have: set[str] = set()
    for chunk in _chunks(wanted, 500):
        have.update(
            session.scalars(
                select(Attachment.sha256).where(
                    Attachment.clinic == clinic_pk,
                    Attachment.sha256.in_(chunk),
                    Attachment.complete.is_(True),
                )
            )
        )
    return [h for h in wanted if h not in have]


def attachment_offset(session: Session, clinic_pk: int, sha: str) -> tuple[int, bool]:
    row = session.get(Attachment, (clinic_pk, sha))
    if row is None:
        return 0, False
    return row.received, row.complete


def _lock_attachment(session: Session, clinic_pk: int, sha: str) -> Attachment | None:
    return session.get(Attachment, (clinic_pk, sha), with_for_update=True, populate_existing=True)


@dataclass(frozen=True)
class Chunk:
    received: int
    complete: bool
    mismatch: bool = False


def receive_chunk(
    session: Session,
    clinic_pk: int,
    sha: str,
    *,
    offset: int,
    total: int,
    media_type: str,
    chunk: bytes,
    now_ms: int,
) -> Chunk:
    """Stores a chunk of an upload. A chunk at an offset other than what HQ has is not
    stored: the answer's `received` tells where to continue (two devices uploading the
    same attachment thus take turns and end with one complete copy). When the finished
    bytes do not hash to `sha` the partial copy is discarded and `mismatch` is set (commit,
    then refuse with 422)."""
    if session.get_bind().dialect.name == "postgresql":
        # Two first chunks at once: serialise on the attachment so one row is created.
        session.execute(
            text("SELECT pg_advisory_xact_lock(:ns, hashtext(:key))"),
            {"ns": ADVISORY_NAMESPACE + 1, "key": f"{clinic_pk}:{sha}"},
        )
    row = _lock_attachment(session, clinic_pk, sha)
    if row is not None and row.complete:
        return Chunk(row.received, True)
    if row is not None and row.size != total and offset == 0:
        session.delete(row)
        session.flush()
        row = None
    if row is None:
        row = Attachment(
            clinic=clinic_pk,
            sha256=sha,
            media_type=media_type,
            size=total,
            received=0,
            complete=False,
            data=b"",
            created_at_ms=now_ms,
        )
        session.add(row)
    if row.size != total:
        raise StoreError(
            "invalid",
            f"HQ is receiving this attachment as {row.size} bytes, not {total}.",
            422,
        )
    if offset != row.received or not chunk:
        session.flush()
        return Chunk(row.received, row.complete)
    if offset + len(chunk) > total:
        raise StoreError("invalid", "The chunk goes past the attachment's announced length.", 422)
    data = row.data + chunk
    if len(data) == total:
        if hashlib.sha256(data).hexdigest() != sha:
            if row in session.new:
                session.expunge(row)
            else:
                session.delete(row)
            session.flush()
            return Chunk(0, False, mismatch=True)
        row.complete = True
        row.completed_at_ms = now_ms
    row.data = data
    row.received = len(data)
    session.flush()
    return Chunk(row.received, row.complete)


def attachment_bytes(session: Session, clinic_pk: int, sha: str) -> tuple[bytes, str] | None:
    row = session.get(Attachment, (clinic_pk, sha))
    if row is None or not row.complete:
        return None
    return row.data, row.media_type


# --- HQ status (CLI) ------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceLine:
    id: uuid.UUID
    clinic_pk: int
    clinic: str
    name: str
    last_sync_at_ms: int | None
    revoked: bool
    pending: int
    needs_attention: int
    app_version: str


@dataclass(frozen=True)
class ClinicStatus:
    name: str
    clinic_id: uuid.UUID | None
    devices: list[DeviceLine]
    counts: dict[str, int]
    needs_attention: int
    head: int


def list_devices(session: Session) -> list[DeviceLine]:
    rows = session.execute(
        select(Device, Clinic.name)
        .join(Clinic, Clinic.id == Device.clinic)
        .order_by(Clinic.name_key, Device.enrolled_at_ms, Device.id)
    )
    return [
        DeviceLine(
            d.id,
            d.clinic,
            cname,
            d.name,
            d.last_sync_at_ms,
            d.revoked_at_ms is not None,
            d.pending,
            d.needs_attention,
            d.app_version,
        )
        for d, cname in rows
    ]


def clinic_status(session: Session) -> list[ClinicStatus]:
    devices = list_devices(session)
    out = []
    for clinic in session.scalars(select(Clinic).order_by(Clinic.name_key)):
        mine = [d for d in devices if d.clinic_pk == clinic.id]
        out.append(
            ClinicStatus(
                clinic.name,
                clinic.clinic_id,
                mine,
                counts(session, clinic.id),
                sum(d.needs_attention for d in mine if not d.revoked),
                head(session, clinic.id),
            )
        )
    return out
