"""What this store remembers of its link to HQ, in the encrypted store_meta table.

The device credential lives here, inside the encrypted database, never in a file beside it.
The cursor (the last position of HQ's log applied here) is written in the transaction that
applies a pulled page, so it can never claim more than what is stored.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.store.models import Meta

PREFIX = "sync."
SERVER_URL = PREFIX + "server_url"
CA_FILE = PREFIX + "ca_file"
DEVICE_ID = PREFIX + "device_id"
DEVICE_TOKEN = PREFIX + "device_token"
LOG_ID = PREFIX + "log_id"
CURSOR = PREFIX + "cursor"
HQ_CLINIC_NAME = PREFIX + "hq_clinic_name"
LAST_SUCCESS = PREFIX + "last_success_at"
LAST_ATTEMPT = PREFIX + "last_attempt_at"
LAST_ERROR = PREFIX + "last_error"
CLOCK_OFFSET = PREFIX + "clock_offset_ms"
# Set by a restore (the store went back in time): the next sync pulls the whole log again
# and sends what it has, so nothing this laptop had sent since the backup is missing here.
RESYNC = PREFIX + "resync"
# Attachments that records pulled here refer to and that could not be fetched yet.
WANTED = PREFIX + "attachments_wanted"


@dataclass(frozen=True)
class Link:
    """The enrolment: where HQ is and who this device is there."""

    server_url: str
    device_id: uuid.UUID
    token: str
    log_id: uuid.UUID | None
    ca_file: str | None


def read_all(session: Session) -> dict[str, str]:
    rows = session.scalars(select(Meta).where(Meta.key.startswith(PREFIX)))
    return {row.key: row.value for row in rows}


def put(session: Session, values: dict[str, str | None]) -> None:
    """Set (or, for None, remove) sync keys in the caller's transaction."""
    for key, value in values.items():
        if value is None:
            session.execute(delete(Meta).where(Meta.key == key))
            continue
        row = session.get(Meta, key)
        if row is None:
            session.add(Meta(key=key, value=value))
        else:
            row.value = value
    session.flush()


def link_of(meta: dict[str, str]) -> Link | None:
    try:
        return Link(
            server_url=meta[SERVER_URL],
            device_id=uuid.UUID(meta[DEVICE_ID]),
            token=meta[DEVICE_TOKEN],
            log_id=uuid.UUID(meta[LOG_ID]) if meta.get(LOG_ID) else None,
            ca_file=meta.get(CA_FILE) or None,
        )
    except (KeyError, ValueError):
        return None


def cursor_of(meta: dict[str, str]) -> int:
    try:
        return max(0, int(meta.get(CURSOR, "0")))
    except ValueError:
        return 0


def instant(meta: dict[str, str], key: str) -> dt.datetime | None:
    raw = meta.get(key)
    if not raw:
        return None
    try:
        found = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=dt.UTC)


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
