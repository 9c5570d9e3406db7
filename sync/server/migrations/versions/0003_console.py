"""The HQ console: account state (active, role, last sign-in), browser sessions and the
audit of what HQ staff did there.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Accounts made before the console (by `init --admin`) stay active administrators.
    with op.batch_alter_table("hq_admins") as batch:
        batch.add_column(
            sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch.add_column(
            sa.Column("role", sa.String(length=16), server_default="admin", nullable=False)
        )
        batch.add_column(sa.Column("last_sign_in_at_ms", sa.BigInteger(), nullable=True))
    op.create_table(
        "hq_console_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("admin", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("last_seen_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("expires_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["admin"], ["hq_admins.id"]),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index(
        op.f("ix_hq_console_sessions_admin"), "hq_console_sessions", ["admin"], unique=False
    )
    op.create_table(
        "hq_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at_ms", sa.BigInteger(), nullable=False),
        sa.Column("admin", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.String(length=500), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["admin"], ["hq_admins.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hq_audit_at_ms"), "hq_audit", ["at_ms"], unique=False)


def downgrade() -> None:
    op.drop_table("hq_audit")
    op.drop_table("hq_console_sessions")
    with op.batch_alter_table("hq_admins") as batch:
        batch.drop_column("last_sign_in_at_ms")
        batch.drop_column("role")
        batch.drop_column("active")
