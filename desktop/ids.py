"""Record identities: time-ordered UUIDv7, created where the record is created."""

from __future__ import annotations

import uuid

import uuid6


def new_id() -> uuid.UUID:
    # uuid6 returns its own UUID subclass; hand out the standard type so equality,
    # hashing and SQLAlchemy's Uuid type behave the same everywhere.
    return uuid.UUID(bytes=uuid6.uuid7().bytes)


def parse_id(text: str) -> uuid.UUID:
    from desktop.errors import InvalidInput

    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise InvalidInput(f"{text!r} is not a record id (expected a UUID).") from None
