"""Accounts on several laptops: a user's record carries the account's key pair (the public
key, and the private key wrapped under the password's Argon2id key), so that every laptop of
the clinic can give the account a key-file entry (desktop.store.account_keys). Both columns
stay empty until the user next signs in or is given a password.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ADD COLUMN: no table rebuild, so the users table keeps its guard trigger as it is.
    op.add_column("users", sa.Column("key_public", sa.JSON(), nullable=True))
    op.add_column("users", sa.Column("key_wrapped", sa.JSON(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
