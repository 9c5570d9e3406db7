"""HQ's tables (SQLAlchemy 2, typed). Times are integer milliseconds since the epoch, UTC,
so that both SQLite and PostgreSQL store and compare them the same way."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Uuid,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite gives an INTEGER PRIMARY KEY its rowid sequence only when the type is exactly
# INTEGER; PostgreSQL gets a BIGINT identity.
Position = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """One row: which log this HQ keeps (a rebuilt HQ gets a new id; devices resync)."""

    __tablename__ = "hq_meta"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    log_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_at_ms: Mapped[int] = mapped_column(BigInteger)


class Admin(Base):
    __tablename__ = "hq_admins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at_ms: Mapped[int] = mapped_column(BigInteger)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # The console's account state (migration 0003): a disabled account cannot sign in;
    # "admin" may enrol, revoke and manage accounts, "viewer" only looks.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    role: Mapped[str] = mapped_column(String(16), default="admin", server_default="admin")
    last_sign_in_at_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Clinic(Base):
    __tablename__ = "clinics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)  # casefolded name
    clinic_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, unique=True, nullable=True)
    created_at_ms: Mapped[int] = mapped_column(BigInteger)


class EnrolCode(Base):
    __tablename__ = "enrol_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    clinic: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    created_at_ms: Mapped[int] = mapped_column(BigInteger)
    expires_at_ms: Mapped[int] = mapped_column(BigInteger)
    used_at_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    used_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)


class Device(Base):
    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    clinic: Mapped[int] = mapped_column(ForeignKey("clinics.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64))
    enrolled_at_ms: Mapped[int] = mapped_column(BigInteger)
    last_sync_at_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    revoked_at_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    pending: Mapped[int] = mapped_column(BigInteger, default=0)
    needs_attention: Mapped[int] = mapped_column(BigInteger, default=0)
    app_version: Mapped[str] = mapped_column(String(40), default="")
    # The highest cursor HQ has answered this device with: a device asking from beyond it
    # synced with a newer state of this log than HQ has now (HQ restored from a backup).
    pulled_to: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class ChangeRow(Base):
    """HQ's log: every accepted change, in the order of `position`."""

    __tablename__ = "changes"
    __table_args__ = (
        Index("ix_changes_clinic_position", "clinic", "position"),
        {"sqlite_autoincrement": True},
    )

    position: Mapped[int] = mapped_column(Position, primary_key=True, autoincrement=True)
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    clinic: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(8))
    patch: Mapped[dict[str, Any]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    origin_device: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    received_at_ms: Mapped[int] = mapped_column(BigInteger)
    # Taken as a conflict (a newer edit elsewhere; a deletion made without seeing another
    # device's later edit): the devices that pull it are told, so it is judged on each.
    conflict: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class RecordRow(Base):
    """The state of each record as far as HQ needs it: its field stamps (to tell a
    conflict), whether it is deleted, and the last change that touched it."""

    __tablename__ = "records"

    clinic: Mapped[int] = mapped_column(ForeignKey("clinics.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    stamps: Mapped[dict[str, str]] = mapped_column(JSON)
    last_position: Mapped[int] = mapped_column(BigInteger)


class Attachment(Base):
    """An attachment of a clinic, by content; `data` grows as chunks arrive."""

    __tablename__ = "attachments"

    clinic: Mapped[int] = mapped_column(ForeignKey("clinics.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)  # the announced total
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at_ms: Mapped[int] = mapped_column(BigInteger)
    completed_at_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Transfer(Base):
    """HQ's record of each patient transfer (`outpost-hq transfer`) that wrote something."""

    __tablename__ = "hq_transfers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    from_clinic: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    to_clinic: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    at_ms: Mapped[int] = mapped_column(BigInteger)
    by: Mapped[str] = mapped_column(String(200))  # the account that ran the command
    records: Mapped[int] = mapped_column(Integer)
    attachments: Mapped[int] = mapped_column(Integer)
    first_position: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_position: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


# --- the HQ console (migration 0003) ---------------------------------------------------


class ConsoleSession(Base):
    """A signed-in browser. The cookie holds a random token; only its SHA-256 is kept, so
    a copy of the database signs nobody in."""

    __tablename__ = "hq_console_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    admin: Mapped[int] = mapped_column(ForeignKey("hq_admins.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at_ms: Mapped[int] = mapped_column(BigInteger)
    last_seen_at_ms: Mapped[int] = mapped_column(BigInteger)
    expires_at_ms: Mapped[int] = mapped_column(BigInteger)  # the absolute limit
    address: Mapped[str] = mapped_column(String(64))


class AuditEvent(Base):
    """One thing done at HQ's console (or refused there): who, what, when, from where.
    Append-only: nothing updates or deletes these rows."""

    __tablename__ = "hq_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at_ms: Mapped[int] = mapped_column(BigInteger, index=True)
    admin: Mapped[int | None] = mapped_column(ForeignKey("hq_admins.id"), nullable=True)
    actor: Mapped[str] = mapped_column(String(200))  # the name, kept if the account goes
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(String(500))
    address: Mapped[str] = mapped_column(String(64))
