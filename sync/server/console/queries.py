"""What the console's pages show, read from HQ's store. The clinic and device lines come
from `store.clinic_status` (the same the `status` command prints); this module adds what
only the console shows: changes received per day, clinics gone quiet, and the items that
need a person across clinics. Counts and names only: no record's content."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.orm import Session

from sync.server import store
from sync.server.models import Attachment, ChangeRow, Clinic, Device

DAY_MS = 24 * 3600 * 1000
CHART_DAYS = 7
CONFLICT_DAYS = 30


@dataclass(frozen=True)
class ClinicView:
    status: store.ClinicStatus
    per_day: list[int]  # changes received on each of the last CHART_DAYS days, oldest first
    last_heard_ms: int | None  # the latest sync of an active device
    quiet: bool  # active devices, none heard from in `quiet_days`

    @property
    def active_devices(self) -> list[store.DeviceLine]:
        return [d for d in self.status.devices if not d.revoked]


def day_starts(now_ms: int) -> list[int]:
    """Midnight UTC of each of the last CHART_DAYS days, oldest first (today last)."""
    today = now_ms - now_ms % DAY_MS
    return [today - (CHART_DAYS - 1 - i) * DAY_MS for i in range(CHART_DAYS)]


def _per_day(session: Session, first_day: int) -> dict[str, list[int]]:
    day = cast((ChangeRow.received_at_ms - first_day) / DAY_MS, BigInteger).label("day")
    rows = session.execute(
        select(Clinic.name, day, func.count())
        .join(Clinic, Clinic.id == ChangeRow.clinic)
        .where(ChangeRow.received_at_ms >= first_day)
        .group_by(Clinic.name, day)
    )
    out: dict[str, list[int]] = {}
    for name, index, n in rows:
        if 0 <= int(index) < CHART_DAYS:
            out.setdefault(name, [0] * CHART_DAYS)[int(index)] = int(n)
    return out


def clinics(session: Session, *, now_ms: int, quiet_days: int) -> list[ClinicView]:
    first_day = day_starts(now_ms)[0]
    per_day = _per_day(session, first_day)
    out = []
    for status in store.clinic_status(session):
        active = [d for d in status.devices if not d.revoked]
        heard = [d.last_sync_at_ms for d in active if d.last_sync_at_ms is not None]
        last = max(heard) if heard else None
        quiet = bool(active) and (last is None or last < now_ms - quiet_days * DAY_MS)
        out.append(ClinicView(status, per_day.get(status.name, [0] * CHART_DAYS), last, quiet))
    return out


@dataclass(frozen=True)
class Conflicts:
    clinic: str
    kind: str
    count: int
    latest_ms: int


@dataclass(frozen=True)
class Uploads:
    clinic: str
    count: int
    oldest_ms: int


@dataclass
class Attention:
    """The items that need a person, across clinics."""

    devices: list[store.DeviceLine] = field(default_factory=list)  # reporting items
    conflicts: list[Conflicts] = field(default_factory=list)
    quiet: list[ClinicView] = field(default_factory=list)
    uploads: list[Uploads] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.devices or self.conflicts or self.quiet or self.uploads)


def attention(session: Session, *, now_ms: int, quiet_days: int) -> Attention:
    found = Attention()
    views = clinics(session, now_ms=now_ms, quiet_days=quiet_days)
    found.quiet = [v for v in views if v.quiet]
    for view in views:
        found.devices += [d for d in view.active_devices if d.needs_attention > 0]
    since = now_ms - CONFLICT_DAYS * DAY_MS
    rows = session.execute(
        select(Clinic.name, ChangeRow.entity, func.count(), func.max(ChangeRow.received_at_ms))
        .join(Clinic, Clinic.id == ChangeRow.clinic)
        .where(ChangeRow.conflict.is_(True), ChangeRow.received_at_ms >= since)
        .group_by(Clinic.name, ChangeRow.entity)
        .order_by(func.max(ChangeRow.received_at_ms).desc())
    )
    found.conflicts = [Conflicts(c, k, int(n), int(t)) for c, k, n, t in rows]
    uploads = session.execute(
        select(Clinic.name, func.count(), func.min(Attachment.created_at_ms))
        .join(Clinic, Clinic.id == Attachment.clinic)
        .where(Attachment.complete.is_(False))
        .group_by(Clinic.name)
        .order_by(Clinic.name)
    )
    found.uploads = [Uploads(c, int(n), int(t)) for c, n, t in uploads]
    return found


@dataclass(frozen=True)
class DeviceView:
    id: uuid.UUID
    name: str
    clinic: str
    enrolled_at_ms: int
    last_sync_at_ms: int | None
    revoked_at_ms: int | None


def device(session: Session, device_id: uuid.UUID) -> DeviceView | None:
    row = session.execute(
        select(Device, Clinic.name)
        .join(Clinic, Clinic.id == Device.clinic)
        .where(Device.id == device_id)
    ).first()
    if row is None:
        return None
    d, clinic = row
    return DeviceView(d.id, d.name, clinic, d.enrolled_at_ms, d.last_sync_at_ms, d.revoked_at_ms)


def clinic_names(session: Session) -> list[str]:
    return list(session.scalars(select(Clinic.name).order_by(Clinic.name_key)))
